/*
 * CLINT (the SiFive core-local interruptor that Spike and QEMU's virt board
 * provide): msip at +0 (4 bytes per hart), mtimecmp at +0x4000 (8 bytes per
 * hart), mtime at +0xbff8. Time is virtual: mtime advances by one for every
 * insns_per_tick steps a hart is scheduled for, so runs are deterministic.
 */
#include <stdlib.h>

#include "cpu/riscv/rv_cpu.h"
#include "devices/clint.h"
#include "machine/snapshot.h"

struct dev_clint {
    emu_machine *m;
    unsigned nharts;
    uint32_t ipt;
    uint64_t mtime_off; /* added to steps / ipt (wraps, like the register) */
    uint64_t seen;      /* the latest mtime any hart has read */
    uint64_t *mtimecmp;
};

dev_clint *dev_clint_new(emu_machine *m, unsigned nharts, uint32_t ipt)
{
    dev_clint *c = calloc(1, sizeof(*c));
    if (!c)
        return NULL;
    c->mtimecmp = malloc(sizeof(uint64_t) * nharts);
    if (!c->mtimecmp) {
        free(c);
        return NULL;
    }
    c->m = m;
    c->nharts = nharts;
    c->ipt = ipt ? ipt : 1;
    for (unsigned i = 0; i < nharts; i++)
        c->mtimecmp[i] = UINT64_MAX;
    return c;
}

void dev_clint_free(dev_clint *c)
{
    if (c)
        free(c->mtimecmp);
    free(c);
}

uint64_t dev_clint_mtime(const dev_clint *c, uint64_t steps)
{
    return steps / c->ipt + c->mtime_off;
}

/*
 * Harts run in turns, so their own clocks differ by up to a scheduling
 * round. mtime is one counter for all of them (priv 3.2.1, and Zicntr asks
 * the harts' time to agree within a tick), so what any hart reads never
 * goes back behind what another has read already: a hart that is behind
 * reads the latest value shown. Timer interrupts still follow each hart's
 * own clock.
 */
uint64_t dev_clint_read_mtime(dev_clint *c, uint64_t steps)
{
    uint64_t t = dev_clint_mtime(c, steps);
    if ((int64_t)(t - c->seen) < 0)
        return c->seen;
    c->seen = t;
    return t;
}

void dev_clint_update(dev_clint *c, rv_cpu *cpu)
{
    uint64_t now = dev_clint_mtime(c, cpu->steps);
    bool pending = now >= c->mtimecmp[cpu->hartid];
    if (pending != ((cpu->mip & RV_MIP_MTIP) != 0))
        rv_set_mip(cpu, RV_MIP_MTIP, pending);
    if (rv_sstc_on(cpu)) {
        pending = now >= cpu->stimecmp;
        if (pending != ((cpu->mip & RV_MIP_STIP) != 0))
            rv_set_mip(cpu, RV_MIP_STIP, pending);
    }
}

void rv_timer_update(rv_cpu *cpu) { dev_clint_update(cpu->m->clint, cpu); }

/* Steps until mtime, now at `now`, reaches cmp (UINT64_MAX: never, or
 * already there). */
static uint64_t steps_to(const dev_clint *c, uint64_t steps, uint64_t now,
                         uint64_t cmp)
{
    if (now >= cmp)
        return UINT64_MAX;
    uint64_t ticks = cmp - now;
    if (ticks > UINT64_MAX / c->ipt)
        return UINT64_MAX;
    /* the step at which steps / ipt first reaches the next tick boundary */
    return ticks * c->ipt - steps % c->ipt;
}

uint64_t dev_clint_steps_to_event(const dev_clint *c, const rv_cpu *cpu)
{
    uint64_t now = dev_clint_mtime(c, cpu->steps);
    uint64_t n = steps_to(c, cpu->steps, now, c->mtimecmp[cpu->hartid]);
    if (rv_sstc_on(cpu)) {
        uint64_t s = steps_to(c, cpu->steps, now, cpu->stimecmp);
        if (s < n)
            n = s;
    }
    return n;
}

static void reset(void *dev)
{
    dev_clint *c = dev;
    c->mtime_off = 0;
    c->seen = 0;
    for (unsigned i = 0; i < c->nharts; i++)
        c->mtimecmp[i] = UINT64_MAX;
}

/* Read `size` bytes at byte offset `off` of the little-endian value v. */
static uint64_t part(uint64_t v, uint64_t off, unsigned size)
{
    v >>= 8 * off;
    return size == 8 ? v : v & ((1ull << (8 * size)) - 1);
}

/* Replace `size` bytes at offset `off` of v. */
static uint64_t merge(uint64_t v, uint64_t off, unsigned size, uint64_t val)
{
    uint64_t mask = size == 8 ? UINT64_MAX : ((1ull << (8 * size)) - 1);
    return (v & ~(mask << (8 * off))) | ((val & mask) << (8 * off));
}

static bool clint_read(void *dev, uint64_t off, unsigned size, uint64_t *val)
{
    dev_clint *c = dev;
    if (off < 0x4000) {
        unsigned h = (unsigned)(off / 4);
        if (h >= c->nharts || size > 4 || (off & 3) + size > 4)
            return false;
        rv_cpu *cpu = c->m->harts[h];
        *val = part((cpu->mip & RV_MIP_MSIP) ? 1 : 0, off & 3, size);
        return true;
    }
    if (off >= 0x4000 && off < 0xbff8) {
        unsigned h = (unsigned)((off - 0x4000) / 8);
        if (h >= c->nharts || (off & 7) + size > 8)
            return false;
        *val = part(c->mtimecmp[h], off & 7, size);
        return true;
    }
    if (off >= 0xbff8 && off + size <= 0xc000) {
        *val = part(dev_clint_read_mtime(c, c->m->cur->steps), off - 0xbff8,
                    size);
        return true;
    }
    return false;
}

static bool clint_write(void *dev, uint64_t off, unsigned size, uint64_t val)
{
    dev_clint *c = dev;
    emu_machine *m = c->m;
    if (off < 0x4000) {
        unsigned h = (unsigned)(off / 4);
        if (h >= c->nharts || size > 4 || (off & 3) + size > 4)
            return false;
        if ((off & 3) == 0)
            rv_set_mip(m->harts[h], RV_MIP_MSIP, val & 1);
        return true;
    }
    if (off >= 0x4000 && off < 0xbff8) {
        unsigned h = (unsigned)((off - 0x4000) / 8);
        if (h >= c->nharts || (off & 7) + size > 8)
            return false;
        c->mtimecmp[h] = merge(c->mtimecmp[h], off & 7, size, val);
        dev_clint_update(c, m->harts[h]);
        /* only the running hart's slice can be affected: the others have
         * their event recomputed when their turn comes */
        if (m->harts[h] == m->cur)
            dev_clint_event_moved(c, m->cur);
        return true;
    } else if (off >= 0xbff8 && off + size <= 0xc000) {
        uint64_t steps = m->cur->steps;
        uint64_t now = dev_clint_mtime(c, steps);
        uint64_t want = merge(now, off - 0xbff8, size, val);
        c->mtime_off += want - now;
        c->seen = want; /* a write may set the clock back */
        for (unsigned i = 0; i < c->nharts; i++)
            dev_clint_update(c, m->harts[i]);
    } else {
        return false;
    }
    /* the clock moved: let the scheduler recompute every event */
    m->cur->events |= RV_EV_EXIT;
    return true;
}

void dev_clint_event_moved(dev_clint *c, rv_cpu *cpu)
{
    if (dev_clint_steps_to_event(c, cpu) < cpu->slice_end - cpu->steps)
        cpu->events |= RV_EV_EXIT;
}

/* msip lives in the harts' mip, which the harts' own state holds */
static void clint_save(void *dev, snap_w *w)
{
    dev_clint *c = dev;
    snap_put_u64(w, c->mtime_off);
    snap_put_u64(w, c->seen);
    snap_put_u32(w, c->nharts);
    for (unsigned i = 0; i < c->nharts; i++)
        snap_put_u64(w, c->mtimecmp[i]);
}

static bool clint_load(void *dev, snap_r *r, bool commit)
{
    dev_clint *c = dev;
    uint64_t off = snap_get_u64(r), seen = snap_get_u64(r);
    if (snap_get_u32(r) != c->nharts)
        return snap_fail(r, "clint: hart count differs");
    for (unsigned i = 0; i < c->nharts; i++) {
        uint64_t cmp = snap_get_u64(r);
        if (commit)
            c->mtimecmp[i] = cmp;
    }
    if (!snap_ok(r) || !commit)
        return snap_ok(r);
    c->mtime_off = off;
    c->seen = seen;
    /* MTIP and STIP follow from the loaded clocks and compare values */
    for (unsigned i = 0; i < c->nharts; i++)
        dev_clint_update(c, c->m->harts[i]);
    return true;
}

const dev_ops dev_clint_ops = {
    .name = "clint",
    .read = clint_read,
    .write = clint_write,
    .reset = reset,
    .save = clint_save,
    .load = clint_load,
};
