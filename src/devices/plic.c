/*
 * Platform-Level Interrupt Controller, riscv-plic-spec 1.0.0 ("the spec").
 *
 * Each source has a level-triggered gateway ("Interrupt Gateways"): while
 * its input is high and it is not in flight (claimed and not yet
 * completed), it forwards a request, which sets the pending bit. A request
 * is never retracted: the pending bit stays set if the line drops before
 * the claim, and only a claim clears it. At completion a line that is
 * still high forwards a new request.
 */
#include <stdlib.h>

#include "devices/plic.h"
#include "machine/snapshot.h"

#define PRIO_BASE 0x0u
#define PENDING_BASE 0x1000u
#define ENABLE_BASE 0x2000u
#define ENABLE_STRIDE 0x80u
#define CONTEXT_BASE 0x200000u
#define CONTEXT_STRIDE 0x1000u
#define REGION_END 0x4000000u
#define NWORDS_MAX (DEV_PLIC_MAX_SOURCES / 32)

struct dev_plic {
    unsigned nsources, ncontexts, nwords;
    void (*notify)(void *ctx, unsigned context, bool level);
    void *ctx;
    uint8_t *priority;  /* [nsources] */
    uint32_t *level;    /* [nwords] input levels, one bit per source */
    uint32_t *claimed;  /* [nwords] in flight */
    uint32_t *pending;  /* [nwords] forwarded requests not yet claimed */
    uint32_t *enable;   /* [ncontexts][nwords] */
    uint8_t *threshold; /* [ncontexts] */
    bool *output;       /* [ncontexts] last level given to notify */
};

typedef enum {
    REG_NONE,
    REG_PRIORITY,
    REG_PENDING,
    REG_ENABLE,
    REG_THRESHOLD,
    REG_CLAIM,
} reg_kind;

/* The implemented bits of 32-bit word w of a per-source bit array: source
 * 0 and sources >= nsources are hardwired 0 (spec: "Interrupt Pending
 * Bits", "Interrupt Enables"). */
static uint32_t word_mask(const dev_plic *p, unsigned w)
{
    if (w >= p->nwords) return 0;
    unsigned left = p->nsources - 32 * w;
    uint32_t m = left >= 32 ? UINT32_MAX : (1u << left) - 1;
    return w == 0 ? m & ~1u : m;
}

static uint32_t pending_word(const dev_plic *p, unsigned w)
{
    return p->pending[w];
}

/* The pending source enabled for context c with the highest priority above
 * the context's threshold, ties to the lowest ID (spec: "Interrupt
 * Notifications" and "Interrupt Claim Process"); 0 when there is none.
 * Priority 0 never exceeds a threshold, so it never interrupts. */
static unsigned best_source(const dev_plic *p, unsigned c)
{
    const uint32_t *en = p->enable + (size_t)c * p->nwords;
    unsigned best = 0, best_prio = p->threshold[c];
    for (unsigned w = 0; w < p->nwords; w++) {
        uint32_t bits = pending_word(p, w) & en[w];
        while (bits) {
            unsigned s = 32 * w + (unsigned)__builtin_ctz(bits);
            bits &= bits - 1;
            if (p->priority[s] > best_prio) {
                best = s;
                best_prio = p->priority[s];
            }
        }
    }
    return best;
}

static void update(dev_plic *p)
{
    for (unsigned c = 0; c < p->ncontexts; c++) {
        bool level = best_source(p, c) != 0;
        if (level != p->output[c]) {
            p->output[c] = level;
            if (p->notify) p->notify(p->ctx, c, level);
        }
    }
}

void dev_plic_set_irq(void *plic, unsigned source, bool level)
{
    dev_plic *p = plic;
    if (source == 0 || source >= p->nsources) return;
    uint32_t bit = 1u << (source % 32);
    uint32_t *w = &p->level[source / 32];
    if (((*w & bit) != 0) == level) return;
    *w = level ? *w | bit : *w & ~bit;
    if (level && !(p->claimed[source / 32] & bit)) {
        p->pending[source / 32] |= bit;
        update(p);
    }
}

static unsigned claim(dev_plic *p, unsigned c)
{
    unsigned s = best_source(p, c);
    if (s) {
        p->claimed[s / 32] |= 1u << (s % 32);
        p->pending[s / 32] &= ~(1u << (s % 32));
    }
    return s;
}

static void complete(dev_plic *p, unsigned c, uint32_t id)
{
    /* spec "Interrupt Completion": an ID not enabled for the context is
     * silently ignored (which also covers 0 and IDs that do not exist) */
    if (id >= p->nsources) return;
    uint32_t bit = 1u << (id % 32);
    if (!(p->enable[(size_t)c * p->nwords + id / 32] & bit)) return;
    p->claimed[id / 32] &= ~bit;
    if (p->level[id / 32] & bit) p->pending[id / 32] |= bit;
}

/* Which register a 4-byte aligned offset names: *idx is the source (for
 * priorities) or the word (for bit arrays), *ctx the context. */
static reg_kind decode(const dev_plic *p, uint64_t off, unsigned *idx,
                       unsigned *ctx)
{
    if (off & 3) return REG_NONE;
    if (off < PENDING_BASE) {
        *idx = (unsigned)(off / 4);
        return REG_PRIORITY;
    }
    if (off < PENDING_BASE + NWORDS_MAX * 4) {
        *idx = (unsigned)((off - PENDING_BASE) / 4);
        return REG_PENDING;
    }
    if (off >= ENABLE_BASE && off < CONTEXT_BASE) {
        uint64_t c = (off - ENABLE_BASE) / ENABLE_STRIDE;
        if (c >= p->ncontexts) return REG_NONE;
        *ctx = (unsigned)c;
        *idx = (unsigned)((off - ENABLE_BASE) % ENABLE_STRIDE / 4);
        return REG_ENABLE;
    }
    if (off >= CONTEXT_BASE && off < REGION_END) {
        uint64_t c = (off - CONTEXT_BASE) / CONTEXT_STRIDE;
        uint64_t r = (off - CONTEXT_BASE) % CONTEXT_STRIDE;
        if (c >= p->ncontexts || r > 4) return REG_NONE;
        *ctx = (unsigned)c;
        return r == 0 ? REG_THRESHOLD : REG_CLAIM;
    }
    return REG_NONE;
}

static bool is_reg(const dev_plic *p, uint64_t off)
{
    unsigned idx, ctx;
    return decode(p, off, &idx, &ctx) != REG_NONE;
}

static uint32_t read32(dev_plic *p, uint64_t off)
{
    unsigned idx = 0, c = 0;
    switch (decode(p, off, &idx, &c)) {
    case REG_PRIORITY: return idx < p->nsources ? p->priority[idx] : 0;
    case REG_PENDING:
        return idx < p->nwords ? pending_word(p, idx) & word_mask(p, idx) : 0;
    case REG_ENABLE:
        return idx < p->nwords ? p->enable[(size_t)c * p->nwords + idx] : 0;
    case REG_THRESHOLD: return p->threshold[c];
    case REG_CLAIM: return claim(p, c);
    default: return 0;
    }
}

static void write32(dev_plic *p, uint64_t off, uint32_t v)
{
    unsigned idx = 0, c = 0;
    switch (decode(p, off, &idx, &c)) {
    case REG_PRIORITY:
        /* WARL: source 0 and absent sources stay 0; 3 bits otherwise */
        if (idx != 0 && idx < p->nsources)
            p->priority[idx] = v & DEV_PLIC_PRIO_MAX;
        break;
    case REG_ENABLE:
        if (idx < p->nwords)
            p->enable[(size_t)c * p->nwords + idx] = v & word_mask(p, idx);
        break;
    case REG_THRESHOLD: p->threshold[c] = v & DEV_PLIC_PRIO_MAX; break;
    case REG_CLAIM: complete(p, c, v); break;
    default: break; /* pending bits are read-only */
    }
}

static bool access_ok(const dev_plic *p, uint64_t off, unsigned size)
{
    if (size == 4) return is_reg(p, off);
    return size == 8 && (off & 7) == 0 && is_reg(p, off) && is_reg(p, off + 4);
}

static bool plic_read(void *dev, uint64_t off, unsigned size, uint64_t *val)
{
    dev_plic *p = dev;
    if (!access_ok(p, off, size)) return false;
    uint64_t v = read32(p, off);
    if (size == 8) v |= (uint64_t)read32(p, off + 4) << 32;
    *val = v;
    update(p);
    return true;
}

static bool plic_write(void *dev, uint64_t off, unsigned size, uint64_t val)
{
    dev_plic *p = dev;
    if (!access_ok(p, off, size)) return false;
    write32(p, off, (uint32_t)val);
    if (size == 8) write32(p, off + 4, (uint32_t)(val >> 32));
    update(p);
    return true;
}

static void plic_init(dev_plic *p)
{
    for (unsigned s = 0; s < p->nsources; s++)
        p->priority[s] = 0;
    /* nothing in flight; a line still high forwards a request again */
    for (unsigned w = 0; w < p->nwords; w++) {
        p->claimed[w] = 0;
        p->pending[w] = p->level[w];
    }
    for (size_t i = 0; i < (size_t)p->ncontexts * p->nwords; i++)
        p->enable[i] = 0;
    for (unsigned c = 0; c < p->ncontexts; c++) {
        p->threshold[c] = 0;
        p->output[c] = false;
    }
}

/* Input levels are wires the devices drive, not PLIC state: they survive
 * a reset (each device drives its own line low when it resets). */
static void plic_reset(void *dev)
{
    dev_plic *p = dev;
    plic_init(p);
    /* every priority is 0 now, so every output is low; say so to all
     * contexts so that the harts agree whatever order the board resets in */
    for (unsigned c = 0; c < p->ncontexts; c++)
        if (p->notify) p->notify(p->ctx, c, false);
}

void dev_plic_free(dev_plic *p)
{
    if (!p) return;
    free(p->priority);
    free(p->level);
    free(p->claimed);
    free(p->pending);
    free(p->enable);
    free(p->threshold);
    free(p->output);
    free(p);
}

dev_plic *dev_plic_new(unsigned nsources, unsigned ncontexts,
                       void (*notify)(void *ctx, unsigned context, bool level),
                       void *ctx)
{
    if (nsources == 0 || nsources > DEV_PLIC_MAX_SOURCES || ncontexts == 0 ||
        ncontexts > DEV_PLIC_MAX_CONTEXTS)
        return NULL;
    dev_plic *p = calloc(1, sizeof(*p));
    if (!p) return NULL;
    p->nsources = nsources;
    p->ncontexts = ncontexts;
    p->nwords = (nsources + 31) / 32;
    p->notify = notify;
    p->ctx = ctx;
    p->priority = calloc(nsources, sizeof(*p->priority));
    p->level = calloc(p->nwords, sizeof(*p->level));
    p->claimed = calloc(p->nwords, sizeof(*p->claimed));
    p->pending = calloc(p->nwords, sizeof(*p->pending));
    p->enable = calloc((size_t)ncontexts * p->nwords, sizeof(*p->enable));
    p->threshold = calloc(ncontexts, sizeof(*p->threshold));
    p->output = calloc(ncontexts, sizeof(*p->output));
    if (!p->priority || !p->level || !p->claimed || !p->pending || !p->enable ||
        !p->threshold || !p->output) {
        dev_plic_free(p);
        return NULL;
    }
    return p;
}

static void plic_save(void *dev, snap_w *w)
{
    dev_plic *p = dev;
    snap_put_u32(w, p->nsources);
    snap_put_u32(w, p->ncontexts);
    snap_put_bytes(w, p->priority, p->nsources);
    for (unsigned i = 0; i < p->nwords; i++) {
        snap_put_u32(w, p->level[i]);
        snap_put_u32(w, p->claimed[i]);
        snap_put_u32(w, p->pending[i]);
    }
    for (size_t i = 0; i < (size_t)p->ncontexts * p->nwords; i++)
        snap_put_u32(w, p->enable[i]);
    snap_put_bytes(w, p->threshold, p->ncontexts);
}

/* Read n 3-bit priorities into dst (when commit); source 0 has none. */
static void load_prios(snap_r *r, uint8_t *dst, size_t n, bool sources,
                       bool commit)
{
    for (size_t i = 0; i < n; i++) {
        uint8_t v = snap_get_u8(r);
        if (v > DEV_PLIC_PRIO_MAX || (sources && i == 0 && v))
            snap_fail(r, "plic: priority %u out of range", v);
        if (commit)
            dst[i] = v;
    }
}

/* The loaded bits of per-source word w: only sources that exist. */
static uint32_t load_word(snap_r *r, const dev_plic *p, unsigned w)
{
    uint32_t v = snap_get_u32(r);
    if (v & ~word_mask(p, w))
        snap_fail(r, "plic: bits set for sources that do not exist");
    return v;
}

static bool plic_load(void *dev, snap_r *r, bool commit)
{
    dev_plic *p = dev;
    if (snap_get_u32(r) != p->nsources || snap_get_u32(r) != p->ncontexts)
        return snap_fail(r, "plic: source or context count differs");
    load_prios(r, p->priority, p->nsources, true, commit);
    for (unsigned i = 0; i < p->nwords; i++) {
        uint32_t level = load_word(r, p, i), claimed = load_word(r, p, i);
        uint32_t pending = load_word(r, p, i);
        if (commit) {
            p->level[i] = level;
            p->claimed[i] = claimed;
            p->pending[i] = pending;
        }
    }
    for (size_t i = 0; i < (size_t)p->ncontexts * p->nwords; i++) {
        uint32_t v = load_word(r, p, (unsigned)(i % p->nwords));
        if (commit)
            p->enable[i] = v;
    }
    load_prios(r, p->threshold, p->ncontexts, false, commit);
    if (!snap_ok(r) || !commit)
        return snap_ok(r);
    /* the outputs follow from the state: tell every context */
    for (unsigned c = 0; c < p->ncontexts; c++) {
        p->output[c] = best_source(p, c) != 0;
        if (p->notify) p->notify(p->ctx, c, p->output[c]);
    }
    return true;
}

const dev_ops dev_plic_ops = {
    .name = "plic",
    .read = plic_read,
    .write = plic_write,
    .reset = plic_reset,
    .save = plic_save,
    .load = plic_load,
};
