/*
 * Snapshots (libemu/snapshot.h, machine/snapshot.h, docs/snapshots.md).
 *
 * A snapshot is two parts. The state: a byte string of length-prefixed
 * records (the configuration's fingerprint, the machine, every hart, HTIF,
 * then every bus region's device in the bus's order), the same bytes in
 * memory and in a file. And RAM: an array of 4 KiB pages, each NULL (all
 * zero) or a reference-counted page that snapshots taken one after the
 * other share while its bytes do not change, which is what keeps the
 * many snapshots of reverse execution small.
 *
 * Restoring validates everything before it changes anything: the
 * fingerprint is compared with the machine's, then every record is parsed
 * and checked (dev_ops.load with commit false), and only then is RAM
 * copied and every record applied. Values derived from others (PMP
 * ranges, TLBs, decoded instructions, interrupt levels, pending events)
 * are recomputed, never taken from the snapshot.
 */
#define _GNU_SOURCE /* memmem */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <zlib.h>

#include "cpu/riscv/rv_cpu.h"
#include "devices/htif.h"
#include "machine/history.h"
#include "devices/virtio_mmio.h"
#include "machine/machine.h"
#include "machine/snapshot.h"
#include "mmu/mmu.h"

#define PAGE 4096u
#define SNAP_MAGIC "LIBEMUSN"
#define SNAP_VERSION 1u
/* file header: magic, version, reserved, state length, pages, pages stored */
#define SNAP_HEADER (8 + 4 + 4 + 8 + 8 + 8)
/* the most RAM pages a file may describe (64 GiB): a bound on what a
 * hostile file can make us allocate (8 bytes a page) before a machine
 * checks it */
#define SNAP_MAX_PAGES (1ull << 24)

/*
 * Page storage. The pages one snapshot_take() copies are allocated as one
 * block (advised to the kernel as huge pages when large): faulting in
 * tens of thousands of separate 4 KiB allocations cost several times the
 * copy itself (200 ms against 45 ms for 128 MiB on the development
 * machine). A block is freed when the last of its pages is: pages outlive
 * the snapshot that made them while later ones share them.
 */
typedef struct snap_block snap_block;

typedef struct snap_page {
    uint8_t *data;
    snap_block *block;
    uint32_t refs; /* snapshots holding it (one thread per machine) */
} snap_page;

struct snap_block {
    uint8_t *mem;
    uint64_t live; /* its pages still referenced */
    snap_page page[];
};

struct emu_snapshot {
    uint8_t *state;
    size_t state_len;
    uint64_t npages;
    snap_page **pages; /* NULL: a page of zeros */
};

/* ---- the serializer ---- */

void snap_put_bytes(snap_w *w, const void *src, size_t n)
{
    if (w->nomem || n == 0)
        return;
    if (n > w->cap - w->len) {
        size_t cap = w->cap ? w->cap : 4096;
        while (cap - w->len < n)
            cap *= 2;
        uint8_t *p = realloc(w->p, cap);
        if (!p) {
            w->nomem = true;
            return;
        }
        w->p = p;
        w->cap = cap;
    }
    memcpy(w->p + w->len, src, n);
    w->len += n;
}

void snap_put_u8(snap_w *w, uint8_t v) { snap_put_bytes(w, &v, 1); }
void snap_put_u16(snap_w *w, uint16_t v) { snap_put_bytes(w, &v, 2); }
void snap_put_u32(snap_w *w, uint32_t v) { snap_put_bytes(w, &v, 4); }
void snap_put_u64(snap_w *w, uint64_t v) { snap_put_bytes(w, &v, 8); }

snap_r snap_reader(const void *p, size_t len)
{
    snap_r r;
    memset(&r, 0, sizeof(r));
    r.p = p;
    r.len = len;
    return r;
}

bool snap_get_bytes(snap_r *r, void *dst, size_t n)
{
    if (r->bad || n > r->len - r->off) {
        if (!r->bad)
            snap_fail(r, "a record ends early");
        memset(dst, 0, n);
        return false;
    }
    memcpy(dst, r->p + r->off, n);
    r->off += n;
    return true;
}

uint8_t snap_get_u8(snap_r *r)
{
    uint8_t v;
    snap_get_bytes(r, &v, 1);
    return v;
}

uint16_t snap_get_u16(snap_r *r)
{
    uint16_t v;
    snap_get_bytes(r, &v, 2);
    return v;
}

uint32_t snap_get_u32(snap_r *r)
{
    uint32_t v;
    snap_get_bytes(r, &v, 4);
    return v;
}

uint64_t snap_get_u64(snap_r *r)
{
    uint64_t v;
    snap_get_bytes(r, &v, 8);
    return v;
}

bool snap_get_bool(snap_r *r)
{
    uint8_t v = snap_get_u8(r);
    if (v > 1)
        snap_fail(r, "a flag holds %u", v);
    return v == 1;
}

static void vfail(snap_r *r, const char *fmt, va_list ap)
{
    /* the first reason is the one worth telling */
    if (!r->bad)
        vsnprintf(r->why, sizeof(r->why), fmt, ap);
    r->bad = true;
}

bool snap_fail(snap_r *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(r, fmt, ap);
    va_end(ap);
    return false;
}

bool snap_mismatch(snap_r *r, const char *fmt, ...)
{
    if (!r->bad)
        r->mismatch = true;
    va_list ap;
    va_start(ap, fmt);
    vfail(r, fmt, ap);
    va_end(ap);
    return false;
}

size_t snap_begin(snap_w *w)
{
    size_t mark = w->len;
    snap_put_u32(w, 0);
    return mark;
}

void snap_end(snap_w *w, size_t mark)
{
    if (w->nomem)
        return;
    uint32_t len = (uint32_t)(w->len - mark - 4);
    memcpy(w->p + mark, &len, 4);
}

/* The next record of r as a reader of its own (bad when it does not fit). */
static snap_r record(snap_r *r)
{
    uint32_t len = snap_get_u32(r);
    if (r->bad || len > r->len - r->off) {
        snap_fail(r, "a record is longer than the snapshot");
        snap_r bad = snap_reader(NULL, 0);
        bad.bad = true;
        snprintf(bad.why, sizeof(bad.why), "%s", r->why);
        return bad;
    }
    snap_r sub = snap_reader(r->p + r->off, len);
    r->off += len;
    return sub;
}

/* A record must be read to its end: anything left means it was written
 * by another layout. Passes sub's verdict on to r. */
static bool record_done(snap_r *r, snap_r *sub, const char *what)
{
    if (!sub->bad && sub->off != sub->len)
        snap_fail(sub, "%s: %zu bytes too many", what, sub->len - sub->off);
    if (sub->bad && !r->bad) {
        r->bad = true;
        r->mismatch = sub->mismatch;
        snprintf(r->why, sizeof(r->why), "%s", sub->why);
    }
    return !r->bad;
}

/* ---- the configuration's fingerprint ---- */

/*
 * One "key=value" line per property a restore depends on; two machines
 * with the same lines can take each other's snapshots. Text, so that a
 * mismatch can be reported by name.
 */
static void fingerprint(const emu_machine *m, snap_w *w)
{
    char buf[256];
    const rv_cpu *c = m->harts[0];
    const emu_config *cfg = &m->cfg;
#define LINE(...)                                                              \
    snap_put_bytes(w, buf, (size_t)snprintf(buf, sizeof(buf), __VA_ARGS__))
    LINE("arch=rv%u\n", m->isa.xlen);
    LINE("board=%s\n", cfg->board == EMU_BOARD_VIRT ? "virt" : "test");
    LINE("isa=extensions 0x%llx z 0x%x\n",
         (unsigned long long)m->isa.misa_ext,
         (unsigned)m->isa.z);
    LINE("priv=m%s%s\n", c->has_s ? "s" : "", c->has_u ? "u" : "");
    LINE("ram=0x%llx+0x%llx\n", (unsigned long long)cfg->ram_base,
         (unsigned long long)cfg->ram_size);
    /* RAM plus a display's framebuffer (display.c) */
    LINE("ram block=0x%llx\n", (unsigned long long)m->bus.ram_size);
    LINE("harts=%u\n", m->nharts);
    LINE("timebase=%llu\n", (unsigned long long)cfg->timebase_hz);
    LINE("insns per tick=%u\n", cfg->insns_per_tick);
    emu_display d;
    if (m->display && emu_display_get((emu_machine *)m, &d) == EMU_OK)
        LINE("display=%ux%u\n", d.width, d.height);
    else
        LINE("display=none\n");
    for (unsigned i = 0; i < m->bus.nregions; i++) {
        const bus_region *rg = &m->bus.regions[i];
        LINE("device %u=%s at 0x%llx\n", i, rg->ops->name,
             (unsigned long long)rg->base);
    }
    for (unsigned i = 0; i < 8 && m->virtio[i]; i++) {
        const virtio_ops *ops;
        dev_virtio_mmio_model(m->virtio[i], &ops);
        if (ops)
            LINE("virtio slot %u=%s, features 0x%llx\n", i, ops->name,
                 (unsigned long long)ops->features);
        else
            LINE("virtio slot %u=empty\n", i);
    }
#undef LINE
}

/* Compare the snapshot's fingerprint with the machine's, line by line;
 * the first difference is the error. */
static emu_status check_fingerprint(emu_machine *m, const char *have,
                                    size_t have_len)
{
    snap_w w = {0};
    fingerprint(m, &w);
    if (w.nomem)
        return machine_error(m, EMU_ERR_NOMEM, "out of memory");
    const char *a = have, *a_end = have + have_len;
    const char *b = (const char *)w.p, *b_end = b + w.len;
    emu_status st = EMU_OK;
    while (a < a_end || b < b_end) {
        const char *an = memchr(a, '\n', (size_t)(a_end - a));
        const char *bn = memchr(b, '\n', (size_t)(b_end - b));
        size_t al = an ? (size_t)(an - a) : (size_t)(a_end - a);
        size_t bl = bn ? (size_t)(bn - b) : (size_t)(b_end - b);
        if (al != bl || memcmp(a, b, al) != 0) {
            st = machine_error(m, EMU_ERR_INVALID,
                               "snapshot: the machine is built differently: "
                               "the snapshot's has '%.*s', this one '%.*s'",
                               (int)(al > 120 ? 120 : al), a,
                               (int)(bl > 120 ? 120 : bl), b);
            break;
        }
        a += al + (an != NULL);
        b += bl + (bn != NULL);
    }
    free(w.p);
    return st;
}

/* ---- the machine and its harts ---- */

static void machine_save(const emu_machine *m, snap_w *w)
{
    snap_put_bool(w, m->halted);
    snap_put_u32(w, (uint32_t)m->exit_code);
    snap_put_bool(w, m->host_error);
    snap_put_bool(w, m->reset_requested);
    snap_put_u64(w, m->entry);
    snap_put_u64(w, m->rtc_base_ns);
    snap_put_u32(w, m->poll_rounds);
    snap_put_u32(w, m->cur->hartid);
    snap_put_bool(w, m->sched.in_round);
    snap_put_u32(w, m->sched.next);
    snap_put_bool(w, m->sched.turn_started);
    snap_put_u64(w, m->sched.icount);
}

static bool machine_load(emu_machine *m, snap_r *r, bool commit)
{
    bool halted = snap_get_bool(r);
    int exit_code = (int)snap_get_u32(r);
    bool host_error = snap_get_bool(r);
    bool reset_requested = snap_get_bool(r);
    uint64_t entry = snap_get_u64(r);
    uint64_t rtc_base = snap_get_u64(r);
    uint32_t poll_rounds = snap_get_u32(r);
    uint32_t cur = snap_get_u32(r);
    machine_sched sched;
    sched.in_round = snap_get_bool(r);
    sched.next = snap_get_u32(r);
    sched.turn_started = snap_get_bool(r);
    sched.icount = snap_get_u64(r);
    /* next reaches nharts when a round's last turn ends (run.c) */
    if (cur >= m->nharts || sched.next > m->nharts ||
        (sched.in_round && sched.next == m->nharts))
        return snap_fail(r, "machine: hart number out of range");
    if (!snap_ok(r) || !commit)
        return snap_ok(r);
    m->halted = halted;
    m->exit_code = exit_code;
    m->host_error = host_error;
    m->reset_requested = reset_requested;
    m->entry = entry;
    m->rtc_base_ns = rtc_base;
    m->poll_rounds = poll_rounds;
    m->cur = m->harts[cur];
    m->sched = sched;
    return true;
}

/* The hart's 64-bit state, by name: everything but what rv_cpu_new()
 * derives from the configuration (misa, has_*) and what is recomputed
 * (TLBs, PMP ranges, events, decoded instructions). */
#define HART_U64(X)                                                            \
    X(pc) X(steps) X(round_until) X(icount) X(instret) X(minstret_off)         \
    X(mcycle_off) X(mstatus) X(medeleg) X(mideleg) X(mie) X(mip) X(mtvec)      \
    X(stvec) X(mepc) X(sepc) X(mcause) X(scause) X(mtval) X(stval)             \
    X(mscratch) X(sscratch) X(menvcfg) X(senvcfg) X(satp) X(stimecmp)         \
    X(tdata2) X(traps) X(interrupts)

typedef struct hart_state {
#define FIELD(f) uint64_t f;
    HART_U64(FIELD)
#undef FIELD
    uint64_t x[32], f[32], pmpaddr[RV_PMP_COUNT], res_off;
    uint32_t priv, mcounteren, scounteren, mcountinhibit;
    uint8_t fflags, frm, pmpcfg[RV_PMP_COUNT];
    bool wfi, res_valid;
} hart_state;

static void hart_save(const emu_machine *m, const rv_cpu *c, snap_w *w)
{
#define PUT(f) snap_put_u64(w, c->f);
    HART_U64(PUT)
#undef PUT
    snap_put_bytes(w, c->x, 32 * 8);
    snap_put_bytes(w, c->f, 32 * 8);
    snap_put_bytes(w, c->pmpaddr, sizeof(c->pmpaddr));
    snap_put_bytes(w, c->pmpcfg, sizeof(c->pmpcfg));
    snap_put_u32(w, c->priv);
    snap_put_u32(w, c->mcounteren);
    snap_put_u32(w, c->scounteren);
    snap_put_u32(w, c->mcountinhibit);
    snap_put_u8(w, c->fflags);
    snap_put_u8(w, c->frm);
    snap_put_bool(w, c->wfi);
    /* the reservation as an offset into RAM: host addresses differ */
    bool res = c->res_valid && c->res_ptr >= m->bus.ram &&
               c->res_ptr < m->bus.ram + m->bus.ram_size;
    snap_put_bool(w, res);
    snap_put_u64(w, res ? (uint64_t)(c->res_ptr - m->bus.ram) : 0);
}

static bool priv_ok(const rv_cpu *c, uint64_t p)
{
    return p == RV_PRIV_M || (p == RV_PRIV_S && c->has_s) ||
           (p == RV_PRIV_U && c->has_u);
}

/* What no CSR write lets the guest make, and the interpreter and the
 * page walker rely on never seeing. */
static void hart_check(const emu_machine *m, const rv_cpu *c,
                       const hart_state *h, snap_r *r)
{
    unsigned mode = c->xlen == 32 ? (unsigned)(h->satp >> 31)
                                  : (unsigned)(h->satp >> 60);
    bool satp_ok = c->xlen == 32 ? h->satp >> 32 == 0
                                 : mode == 0 || (mode >= 8 && mode <= 10);
    if (!priv_ok(c, h->priv) ||
        !priv_ok(c, (h->mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT))
        snap_fail(r, "hart %u: privilege level out of range", c->hartid);
    else if (!satp_ok || (!c->has_s && h->satp))
        snap_fail(r, "hart %u: satp mode out of range", c->hartid);
    else if (h->steps > MACHINE_STEPS_MAX)
        snap_fail(r, "hart %u: step clock out of range", c->hartid);
    else if (h->x[0] || h->fflags > 0x1f || h->frm > 7 ||
             (h->mcountinhibit & ~5u))
        snap_fail(r, "hart %u: registers out of range", c->hartid);
    else if (h->res_valid && h->res_off > m->bus.ram_size - 8)
        snap_fail(r, "hart %u: reservation outside RAM", c->hartid);
}

static bool hart_load(emu_machine *m, rv_cpu *c, snap_r *r, bool commit)
{
    hart_state h;
#define GET(f) h.f = snap_get_u64(r);
    HART_U64(GET)
#undef GET
    snap_get_bytes(r, h.x, sizeof(h.x));
    snap_get_bytes(r, h.f, sizeof(h.f));
    snap_get_bytes(r, h.pmpaddr, sizeof(h.pmpaddr));
    snap_get_bytes(r, h.pmpcfg, sizeof(h.pmpcfg));
    h.priv = snap_get_u32(r);
    h.mcounteren = snap_get_u32(r);
    h.scounteren = snap_get_u32(r);
    h.mcountinhibit = snap_get_u32(r);
    h.fflags = snap_get_u8(r);
    h.frm = snap_get_u8(r);
    h.wfi = snap_get_bool(r);
    h.res_valid = snap_get_bool(r);
    h.res_off = snap_get_u64(r);
    if (snap_ok(r))
        hart_check(m, c, &h, r);
    if (!snap_ok(r) || !commit)
        return snap_ok(r);
#define SET(f) c->f = h.f;
    HART_U64(SET)
#undef SET
    memcpy(c->x, h.x, sizeof(h.x));
    c->x[RV_XSINK] = 0;
    memcpy(c->f, h.f, sizeof(h.f));
    memcpy(c->pmpaddr, h.pmpaddr, sizeof(h.pmpaddr));
    memcpy(c->pmpcfg, h.pmpcfg, sizeof(h.pmpcfg));
    c->priv = h.priv;
    c->mcounteren = h.mcounteren;
    c->scounteren = h.scounteren;
    c->mcountinhibit = h.mcountinhibit;
    c->fflags = h.fflags;
    c->frm = h.frm;
    c->wfi = h.wfi;
    c->res_valid = h.res_valid;
    c->res_ptr = h.res_valid ? m->bus.ram + h.res_off : NULL;
    c->slice_end = c->steps;
    c->events = 0;
    return true;
}

/* ---- all records ---- */

static void state_save(emu_machine *m, snap_w *w)
{
    size_t mark = snap_begin(w);
    fingerprint(m, w);
    snap_end(w, mark);
    mark = snap_begin(w);
    machine_save(m, w);
    snap_end(w, mark);
    for (unsigned i = 0; i < m->nharts; i++) {
        mark = snap_begin(w);
        hart_save(m, m->harts[i], w);
        snap_end(w, mark);
    }
    mark = snap_begin(w);
    dev_htif_save(m->htif, w);
    snap_end(w, mark);
    for (unsigned i = 0; i < m->bus.nregions; i++) {
        const bus_region *rg = &m->bus.regions[i];
        mark = snap_begin(w);
        if (rg->ops->save)
            rg->ops->save(rg->dev, w);
        snap_end(w, mark);
    }
}

/* Parse (and with commit, apply) every record after the fingerprint. */
static bool state_load(emu_machine *m, snap_r *r, bool commit)
{
    snap_r sub = record(r);
    machine_load(m, &sub, commit);
    if (!record_done(r, &sub, "machine"))
        return false;
    for (unsigned i = 0; i < m->nharts; i++) {
        sub = record(r);
        hart_load(m, m->harts[i], &sub, commit);
        if (!record_done(r, &sub, "hart"))
            return false;
    }
    sub = record(r);
    dev_htif_load(m->htif, &sub, commit);
    if (!record_done(r, &sub, "htif"))
        return false;
    for (unsigned i = 0; i < m->bus.nregions; i++) {
        const bus_region *rg = &m->bus.regions[i];
        sub = record(r);
        if (rg->ops->load)
            rg->ops->load(rg->dev, &sub, commit);
        if (!record_done(r, &sub, rg->ops->name))
            return false;
    }
    if (r->off != r->len)
        return snap_fail(r, "%zu bytes after the last record",
                         r->len - r->off);
    return true;
}

/* ---- RAM pages ---- */

static bool page_is_zero(const uint8_t *p)
{
    /* a word at a time, in blocks the compiler can vectorise, stopping at
     * the first block with a non-zero byte */
    const uint64_t *q = (const uint64_t *)(const void *)p;
    for (unsigned i = 0; i < PAGE / 8; i += 32) {
        uint64_t acc = 0;
        for (unsigned j = 0; j < 32; j++)
            acc |= q[i + j];
        if (acc)
            return false;
    }
    return true;
}

static void page_unref(snap_page *pg)
{
    if (!pg || --pg->refs)
        return;
    snap_block *b = pg->block;
    if (--b->live == 0) {
        free(b->mem);
        free(b);
    }
}

/* A block for n pages, each with one reference, taken in order. */
static snap_block *block_new(uint64_t n)
{
    if (n == 0 || n > SIZE_MAX / PAGE)
        return NULL;
    snap_block *b = malloc(sizeof(*b) + n * sizeof(snap_page));
    if (!b)
        return NULL;
    size_t bytes = (size_t)n * PAGE;
    size_t huge = 2u << 20;
    void *mem = NULL;
    if (posix_memalign(&mem, bytes >= huge ? huge : PAGE, bytes ? bytes : 1)) {
        free(b);
        return NULL;
    }
#ifdef MADV_HUGEPAGE
    if (bytes >= huge)
        madvise(mem, bytes & ~(huge - 1), MADV_HUGEPAGE);
#endif
    b->mem = mem;
    b->live = n;
    for (uint64_t i = 0; i < n; i++)
        b->page[i] = (snap_page){b->mem + i * PAGE, b, 1};
    return b;
}

void emu_snapshot_free(emu_snapshot *s)
{
    if (!s)
        return;
    if (s->pages)
        for (uint64_t i = 0; i < s->npages; i++)
            page_unref(s->pages[i]);
    free(s->pages);
    free(s->state);
    free(s);
}

static emu_snapshot *snapshot_alloc(uint64_t npages)
{
    emu_snapshot *s = calloc(1, sizeof(*s));
    if (!s)
        return NULL;
    s->npages = npages;
    s->pages = calloc(npages ? npages : 1, sizeof(*s->pages));
    if (!s->pages) {
        free(s);
        return NULL;
    }
    return s;
}

/* Marks a page to be copied between snapshot_take()'s two passes. */
static const snap_page to_copy;
#define TO_COPY ((snap_page *)&to_copy)

emu_status snapshot_take(emu_machine *m, const emu_snapshot *prev,
                         emu_snapshot **out)
{
    if (!m || !out)
        return EMU_ERR_INVALID;
    *out = NULL;
    /* a user-mode process keeps state outside the machine (its mappings,
     * signals, host file descriptors) that a snapshot would not hold */
    if (m->user)
        return machine_error(m, EMU_ERR_UNSUPPORTED,
                             "snapshot: not supported in user-mode emulation");
    uint64_t npages = m->bus.ram_size / PAGE;
    if (prev && prev->npages != npages)
        prev = NULL; /* another machine's: nothing to share */
    emu_snapshot *s = snapshot_alloc(npages);
    if (!s)
        return machine_error(m, EMU_ERR_NOMEM, "snapshot: out of memory");
    snap_w w = {0};
    state_save(m, &w);
    s->state = w.p;
    s->state_len = w.len;
    if (w.nomem) {
        emu_snapshot_free(s);
        return machine_error(m, EMU_ERR_NOMEM, "snapshot: out of memory");
    }
    /* first the pages to share or to leave out, counting those to copy */
    const uint8_t *ram = m->bus.ram;
    uint64_t ncopy = 0;
    for (uint64_t i = 0; i < npages; i++) {
        const uint8_t *src = ram + i * PAGE;
        snap_page *old = prev ? prev->pages[i] : NULL;
        if (old && memcmp(old->data, src, PAGE) == 0) {
            old->refs++;
            s->pages[i] = old;
        } else if (!page_is_zero(src)) {
            s->pages[i] = TO_COPY;
            ncopy++;
        }
    }
    snap_block *b = ncopy ? block_new(ncopy) : NULL;
    if (ncopy && !b) {
        for (uint64_t i = 0; i < npages; i++)
            if (s->pages[i] == TO_COPY)
                s->pages[i] = NULL;
        emu_snapshot_free(s);
        return machine_error(m, EMU_ERR_NOMEM, "snapshot: out of memory for "
                             "%llu pages", (unsigned long long)ncopy);
    }
    for (uint64_t i = 0, k = 0; k < ncopy; i++)
        if (s->pages[i] == TO_COPY) {
            snap_page *pg = &b->page[k++];
            memcpy(pg->data, ram + i * PAGE, PAGE);
            s->pages[i] = pg;
        }
    *out = s;
    return EMU_OK;
}

emu_status emu_snapshot_save(emu_machine *m, emu_snapshot **out)
{
    return snapshot_take(m, NULL, out);
}

uint64_t snapshot_pages(const emu_snapshot *s) { return s ? s->npages : 0; }

const uint8_t *snapshot_page(const emu_snapshot *s, uint64_t i)
{
    return s && i < s->npages && s->pages[i] ? s->pages[i]->data : NULL;
}

const uint8_t *snapshot_state(const emu_snapshot *s, size_t *len)
{
    *len = s ? s->state_len : 0;
    return s ? s->state : NULL;
}

bool snapshot_page_shared(const emu_snapshot *a, const emu_snapshot *b,
                          uint64_t i)
{
    return a && b && i < a->npages && i < b->npages && a->pages[i] &&
           a->pages[i] == b->pages[i];
}

size_t emu_snapshot_size(const emu_snapshot *s)
{
    if (!s)
        return 0;
    /* a page shared by n snapshots counts 1/n in each, so that the sizes
     * of snapshots taken one after the other add up to what they hold */
    double pages = 0;
    for (uint64_t i = 0; i < s->npages; i++)
        if (s->pages[i])
            pages += (double)(PAGE + sizeof(snap_page)) / s->pages[i]->refs;
    return sizeof(*s) + s->state_len + s->npages * sizeof(*s->pages) +
           (size_t)(pages + 0.5);
}

/* ---- restoring ---- */

emu_status emu_snapshot_restore(emu_machine *m, const emu_snapshot *s)
{
    if (!m || !s)
        return m ? machine_error(m, EMU_ERR_INVALID, "snapshot: NULL")
                 : EMU_ERR_INVALID;
    snap_r r = snap_reader(s->state, s->state_len);
    snap_r fp = record(&r);
    if (!snap_ok(&r))
        return machine_error(m, EMU_ERR_FORMAT, "snapshot: %s", r.why);
    emu_status st = check_fingerprint(m, (const char *)fp.p, fp.len);
    if (st != EMU_OK)
        return st;
    if (s->npages != m->bus.ram_size / PAGE)
        return machine_error(m, EMU_ERR_INVALID, "snapshot: %llu pages of RAM, "
                             "the machine has %llu",
                             (unsigned long long)s->npages,
                             (unsigned long long)(m->bus.ram_size / PAGE));
    /* everything is checked before anything changes */
    size_t records = r.off;
    if (!state_load(m, &r, false))
        return machine_error(m, r.mismatch ? EMU_ERR_INVALID : EMU_ERR_FORMAT,
                             "snapshot: %s", r.why);

    uint8_t *ram = m->bus.ram;
    for (uint64_t i = 0; i < s->npages; i++) {
        if (s->pages[i])
            memcpy(ram + i * PAGE, s->pages[i]->data, PAGE);
        else
            memset(ram + i * PAGE, 0, PAGE);
    }
    /* RAM changed under every decoded instruction and translation */
    rv_dcache_flush(m->dcache);
    r.off = records;
    r.bad = false;
    state_load(m, &r, true);
    for (unsigned i = 0; i < m->nharts; i++) {
        rv_cpu *c = m->harts[i];
        rv_tlb_flush(c);
        pmp_update(c);
        rv_update_tlb_ptrs(c);
        rv_update_irq(c);
        if (m->halted)
            c->events |= RV_EV_EXIT;
    }
    /* a restore the caller asked for (not history's own) leaves a state the
     * recorded past does not lead to */
    history_state_changed(m);
    return EMU_OK;
}

/* ---- files ---- */

typedef struct file_w {
    FILE *f;
    uLong crc;
    bool err;
} file_w;

static void fw_put(file_w *fw, const void *p, size_t n)
{
    if (fw->err || n == 0)
        return;
    fw->crc = crc32_z(fw->crc, p, n);
    if (fwrite(p, 1, n, fw->f) != n)
        fw->err = true;
}

static void fw_u32(file_w *fw, uint32_t v) { fw_put(fw, &v, 4); }
static void fw_u64(file_w *fw, uint64_t v) { fw_put(fw, &v, 8); }

static void set_err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

emu_status emu_snapshot_write(const emu_snapshot *s, const char *path,
                              char *err, size_t errlen)
{
    if (!s || !path) {
        set_err(err, errlen, "emu_snapshot_write: NULL argument");
        return EMU_ERR_INVALID;
    }
    FILE *f = fopen(path, "wb");
    if (!f) {
        set_err(err, errlen, "%s: %s", path, strerror(errno));
        return EMU_ERR_IO;
    }
    setvbuf(f, NULL, _IOFBF, 1u << 20);
    uint64_t nstored = 0;
    for (uint64_t i = 0; i < s->npages; i++)
        nstored += s->pages[i] != NULL;
    file_w fw = {f, crc32_z(0, NULL, 0), false};
    fw_put(&fw, SNAP_MAGIC, 8);
    fw_u32(&fw, SNAP_VERSION);
    fw_u32(&fw, 0);
    fw_u64(&fw, s->state_len);
    fw_u64(&fw, s->npages);
    fw_u64(&fw, nstored);
    fw_put(&fw, s->state, s->state_len);
    /* zero pages are left out: their absence from the index says it */
    for (uint64_t i = 0; i < s->npages; i++)
        if (s->pages[i]) {
            fw_u64(&fw, i);
            fw_put(&fw, s->pages[i]->data, PAGE);
        }
    uint32_t crc = (uint32_t)fw.crc;
    if (!fw.err && fwrite(&crc, 1, 4, f) != 4)
        fw.err = true;
    int saved = errno;
    if (fclose(f) != 0 && !fw.err) {
        fw.err = true;
        saved = errno;
    }
    if (fw.err) {
        set_err(err, errlen, "%s: %s", path, strerror(saved));
        remove(path);
        return EMU_ERR_IO;
    }
    return EMU_OK;
}

static uint64_t ld64(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static uint32_t ld32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static emu_status bad_format(char *err, size_t errlen, const char *why)
{
    set_err(err, errlen, "not a usable libemu snapshot: %s", why);
    return EMU_ERR_FORMAT;
}

emu_status snapshot_decode(const uint8_t *buf, size_t len, emu_snapshot **out,
                           char *err, size_t errlen)
{
    if (!out || (!buf && len))
        return EMU_ERR_INVALID;
    *out = NULL;
    if (len < SNAP_HEADER + 4 || memcmp(buf, SNAP_MAGIC, 8) != 0)
        return bad_format(err, errlen, "no snapshot header");
    uint32_t version = ld32(buf + 8);
    if (version != SNAP_VERSION) {
        set_err(err, errlen, "snapshot format version %u; this libemu reads "
                "version %u", version, SNAP_VERSION);
        return EMU_ERR_FORMAT;
    }
    /* the checksum first: every later check then only meets damage
     * that a bug of a writer made, or a hostile file */
    if ((uint32_t)crc32_z(crc32_z(0, NULL, 0), buf, len - 4) !=
        ld32(buf + len - 4))
        return bad_format(err, errlen, "checksum mismatch (the file is "
                          "damaged or truncated)");
    uint64_t state_len = ld64(buf + 16), npages = ld64(buf + 24);
    uint64_t nstored = ld64(buf + 32);
    size_t body = len - SNAP_HEADER - 4;
    if (ld32(buf + 12) != 0 || state_len > body || npages > SNAP_MAX_PAGES ||
        nstored > npages || nstored > (body - state_len) / (8 + PAGE) ||
        nstored * (8 + PAGE) != body - state_len)
        return bad_format(err, errlen, "inconsistent sizes");
    const uint8_t *state = buf + SNAP_HEADER;
    /* the records must tile the state exactly */
    snap_r r = snap_reader(state, state_len);
    while (snap_ok(&r) && r.off < r.len)
        record(&r);
    if (!snap_ok(&r) || state_len < 4)
        return bad_format(err, errlen, "broken state records");
    /* the page count must be the one the fingerprint gives */
    r = snap_reader(state, state_len);
    snap_r fp = record(&r);
    char line[64];
    int n = snprintf(line, sizeof(line), "\nram block=0x%llx\n",
                     (unsigned long long)(npages * PAGE));
    if (!memmem(fp.p, fp.len, line, (size_t)n))
        return bad_format(err, errlen, "the page count does not match the "
                          "configuration");

    emu_snapshot *s = snapshot_alloc(npages);
    if (!s || !(s->state = malloc(state_len ? state_len : 1))) {
        emu_snapshot_free(s);
        set_err(err, errlen, "out of memory");
        return EMU_ERR_NOMEM;
    }
    memcpy(s->state, state, state_len);
    s->state_len = state_len;
    const uint8_t *p = state + state_len;
    snap_block *b = nstored ? block_new(nstored) : NULL;
    if (nstored && !b) {
        emu_snapshot_free(s);
        set_err(err, errlen, "out of memory");
        return EMU_ERR_NOMEM;
    }
    uint64_t next = 0; /* indices must rise: no page twice */
    for (uint64_t k = 0; k < nstored; k++, p += 8 + PAGE) {
        uint64_t i = ld64(p);
        if (i < next || i >= npages) {
            /* the pages not placed yet go with the block's last one */
            for (uint64_t j = k; j < nstored; j++)
                page_unref(&b->page[j]);
            emu_snapshot_free(s);
            return bad_format(err, errlen, "bad page index");
        }
        next = i + 1;
        memcpy(b->page[k].data, p + 8, PAGE);
        s->pages[i] = &b->page[k];
    }
    *out = s;
    return EMU_OK;
}

emu_status emu_snapshot_read(const char *path, emu_snapshot **out, char *err,
                             size_t errlen)
{
    if (out)
        *out = NULL;
    if (!path || !out) {
        set_err(err, errlen, "emu_snapshot_read: NULL argument");
        return EMU_ERR_INVALID;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        set_err(err, errlen, "%s: %s", path, strerror(errno));
        return EMU_ERR_IO;
    }
    uint8_t *buf = NULL;
    long size = -1;
    if (fseek(f, 0, SEEK_END) == 0)
        size = ftell(f);
    if (size < 0 || fseek(f, 0, SEEK_SET) != 0) {
        set_err(err, errlen, "%s: not a regular file", path);
        fclose(f);
        return EMU_ERR_IO;
    }
    buf = malloc(size ? (size_t)size : 1);
    if (!buf) {
        fclose(f);
        set_err(err, errlen, "%s: out of memory", path);
        return EMU_ERR_NOMEM;
    }
    size_t got = fread(buf, 1, (size_t)size, f);
    bool rd_err = ferror(f);
    fclose(f);
    if (rd_err) {
        free(buf);
        set_err(err, errlen, "%s: read error", path);
        return EMU_ERR_IO;
    }
    emu_status st = snapshot_decode(buf, got, out, err, errlen);
    free(buf);
    if (st == EMU_ERR_FORMAT && err && errlen) {
        /* name the file */
        char why[256];
        snprintf(why, sizeof(why), "%s", err);
        snprintf(err, errlen, "%s: %s", path, why);
    }
    return st;
}
