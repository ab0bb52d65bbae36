/*
 * The debugger core, the part that does not depend on the guest ISA:
 * breakpoint and watchpoint sets, hooks, the commit record, single steps,
 * and the stop reported to emu_run()'s caller. The interpreter's side of
 * it (the one-step-at-a-time loop, reading instructions, translating
 * addresses for the debugger) is in the CPU's folder (rv_debug.c).
 */
#include <stdlib.h>
#include <string.h>

#include "cpu/riscv/rv_cpu.h"
#include "machine/debug.h"
#include "machine/history.h"

struct machine_debug *debug_get(emu_machine *m)
{
    if (!m->dbg) {
        m->dbg = calloc(1, sizeof(*m->dbg));
        if (m->dbg)
            m->dbg->next_id = 1;
    }
    return m->dbg;
}

void debug_free(emu_machine *m)
{
    free(m->dbg);
    m->dbg = NULL;
}

void debug_update(emu_machine *m)
{
    struct machine_debug *d = m->dbg;
    bool mem = d && (d->nwp || d->nkind[HOOK_MEM] || d->commit);
    bool on = m->retire != NULL;
    if (d)
        on |= mem || d->nbp || d->nkind[HOOK_CODE] || d->commit ||
              d->step_armed || d->before_armed || d->scan;
    if (mem && !m->debug_mem) {
        /* translations cached so far would let accesses pass unseen */
        for (unsigned h = 0; m->harts && h < m->nharts; h++)
            rv_tlb_flush(m->harts[h]);
    }
    m->debug_mem = mem;
    m->debug_on = on;
}

void debug_stop_take(emu_machine *m, emu_exit *ex)
{
    struct machine_debug *d = m->dbg;
    ex->debug = d->stop_ev;
    ex->hart = d->stop_hart;
    ex->pc = machine_pc(m, d->stop_hart);
    ex->addr = d->stop_addr;
    ex->watch = d->stop_watch;
    d->stop = false;
}

static void set_stop(struct machine_debug *d, emu_debug_event ev,
                     unsigned hart, uint64_t addr, unsigned watch)
{
    d->stop = true;
    d->stop_ev = ev;
    d->stop_hart = hart;
    d->stop_addr = addr;
    d->stop_watch = watch;
}

/* ---- Breakpoints and watchpoints --------------------------------------- */

/* Index of the first breakpoint >= addr. */
static unsigned bp_lower(const struct machine_debug *d, uint64_t addr)
{
    unsigned lo = 0, hi = d->nbp;
    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;
        if (d->bp[mid] < addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool bp_has(const struct machine_debug *d, uint64_t addr)
{
    unsigned i = bp_lower(d, addr);
    return i < d->nbp && d->bp[i] == addr;
}

emu_status emu_breakpoint_add(emu_machine *m, uint64_t addr)
{
    if (!m)
        return EMU_ERR_INVALID;
    struct machine_debug *d = debug_get(m);
    if (!d)
        return EMU_ERR_NOMEM;
    unsigned i = bp_lower(d, addr);
    if (i < d->nbp && d->bp[i] == addr)
        return EMU_OK;
    if (d->nbp == EMU_MAX_BREAKPOINTS)
        return machine_error(m, EMU_ERR_RANGE, "too many breakpoints (at most %d)",
                             EMU_MAX_BREAKPOINTS);
    memmove(&d->bp[i + 1], &d->bp[i], (d->nbp - i) * sizeof(d->bp[0]));
    d->bp[i] = addr;
    d->nbp++;
    debug_update(m);
    return EMU_OK;
}

emu_status emu_breakpoint_remove(emu_machine *m, uint64_t addr)
{
    if (!m)
        return EMU_ERR_INVALID;
    struct machine_debug *d = m->dbg;
    if (!d || !bp_has(d, addr))
        return machine_error(m, EMU_ERR_NOT_FOUND,
                             "no breakpoint at 0x%llx", (unsigned long long)addr);
    unsigned i = bp_lower(d, addr);
    memmove(&d->bp[i], &d->bp[i + 1], (d->nbp - i - 1) * sizeof(d->bp[0]));
    d->nbp--;
    debug_update(m);
    return EMU_OK;
}

static bool watch_kind_ok(emu_watch_kind kind)
{
    return kind == EMU_WATCH_WRITE || kind == EMU_WATCH_READ ||
           kind == EMU_WATCH_ACCESS;
}

emu_status emu_watchpoint_add(emu_machine *m, uint64_t addr, uint64_t len,
                              emu_watch_kind kind)
{
    if (!m)
        return EMU_ERR_INVALID;
    if (m->a64)
        return machine_error(m, EMU_ERR_UNSUPPORTED, "AArch64 machines have "
                             "no watchpoints yet");
    if (len == 0 || len > (1ull << 32) || !watch_kind_ok(kind))
        return machine_error(m, EMU_ERR_INVALID,
                             "bad watchpoint: length %llu, kind %d",
                             (unsigned long long)len, (int)kind);
    struct machine_debug *d = debug_get(m);
    if (!d)
        return EMU_ERR_NOMEM;
    if (d->nwp == EMU_MAX_WATCHPOINTS)
        return machine_error(m, EMU_ERR_RANGE, "too many watchpoints (at most %d)",
                             EMU_MAX_WATCHPOINTS);
    d->wp[d->nwp++] = (debug_watch){addr, len, kind};
    debug_update(m);
    return EMU_OK;
}

emu_status emu_watchpoint_remove(emu_machine *m, uint64_t addr, uint64_t len,
                                 emu_watch_kind kind)
{
    if (!m)
        return EMU_ERR_INVALID;
    struct machine_debug *d = m->dbg;
    for (unsigned i = 0; d && i < d->nwp; i++) {
        if (d->wp[i].addr == addr && d->wp[i].len == len && d->wp[i].kind == kind) {
            d->wp[i] = d->wp[--d->nwp];
            debug_update(m);
            return EMU_OK;
        }
    }
    return machine_error(m, EMU_ERR_NOT_FOUND, "no such watchpoint at 0x%llx",
                         (unsigned long long)addr);
}

void emu_debug_clear(emu_machine *m)
{
    if (!m || !m->dbg)
        return;
    m->dbg->nbp = 0;
    m->dbg->nwp = 0;
    debug_update(m);
}

/* ---- Hooks ---------------------------------------------------------------- */

static emu_status hook_add(emu_machine *m, int kind, uint64_t lo, uint64_t hi,
                           void *fn, void *ctx, int *id)
{
    if (!m || !fn || lo > hi)
        return EMU_ERR_INVALID;
    if (m->a64 && kind != HOOK_CODE)
        return machine_error(m, EMU_ERR_UNSUPPORTED, "AArch64 machines have "
                             "code hooks only so far");
    struct machine_debug *d = debug_get(m);
    if (!d)
        return EMU_ERR_NOMEM;
    if (d->nhooks == EMU_MAX_HOOKS)
        return machine_error(m, EMU_ERR_RANGE, "too many hooks (at most %d)",
                             EMU_MAX_HOOKS);
    debug_hook *h = &d->hooks[d->nhooks++];
    *h = (debug_hook){.id = d->next_id++, .kind = kind, .lo = lo, .hi = hi,
                      .ctx = ctx};
    switch (kind) {
    case HOOK_CODE: h->fn.code = (emu_code_hook_fn)fn; break;
    case HOOK_MEM: h->fn.mem = (emu_mem_hook_fn)fn; break;
    case HOOK_TRAP: h->fn.trap = (emu_trap_hook_fn)fn; break;
    default: h->fn.csr = (emu_csr_hook_fn)fn; break;
    }
    d->nkind[kind]++;
    if (id)
        *id = h->id;
    debug_update(m);
    return EMU_OK;
}

emu_status emu_hook_code(emu_machine *m, uint64_t lo, uint64_t hi,
                         emu_code_hook_fn fn, void *ctx, int *id)
{
    return hook_add(m, HOOK_CODE, lo, hi, (void *)fn, ctx, id);
}

emu_status emu_hook_mem(emu_machine *m, uint64_t lo, uint64_t hi,
                        emu_mem_hook_fn fn, void *ctx, int *id)
{
    return hook_add(m, HOOK_MEM, lo, hi, (void *)fn, ctx, id);
}

emu_status emu_hook_trap(emu_machine *m, emu_trap_hook_fn fn, void *ctx,
                         int *id)
{
    return hook_add(m, HOOK_TRAP, 0, UINT64_MAX, (void *)fn, ctx, id);
}

emu_status emu_hook_csr(emu_machine *m, emu_csr_hook_fn fn, void *ctx,
                        int *id)
{
    return hook_add(m, HOOK_CSR, 0, UINT64_MAX, (void *)fn, ctx, id);
}

emu_status emu_hook_remove(emu_machine *m, int id)
{
    if (!m)
        return EMU_ERR_INVALID;
    struct machine_debug *d = m->dbg;
    for (unsigned i = 0; d && i < d->nhooks; i++) {
        if (d->hooks[i].id == id) {
            d->nkind[d->hooks[i].kind]--;
            /* keep the order: hooks run in the order they were added */
            memmove(&d->hooks[i], &d->hooks[i + 1],
                    (d->nhooks - i - 1) * sizeof(d->hooks[0]));
            d->nhooks--;
            debug_update(m);
            return EMU_OK;
        }
    }
    return machine_error(m, EMU_ERR_NOT_FOUND, "no hook %d", id);
}

void emu_set_commit_hook(emu_machine *m, emu_commit_fn fn, void *ctx)
{
    if (!m)
        return;
    struct machine_debug *d = debug_get(m);
    if (!d)
        return;
    d->commit = fn;
    d->commit_ctx = ctx;
    debug_update(m);
}

void emu_set_retire_hook(emu_machine *m, emu_retire_fn fn, void *ctx)
{
    if (!m)
        return;
    m->retire = fn;
    m->retire_ctx = ctx;
    debug_update(m);
}

/* ---- Called by the interpreter --------------------------------------- */

static void record_hit(struct machine_debug *d, emu_debug_event ev,
                       unsigned hart, uint64_t count, uint64_t addr,
                       unsigned watch)
{
    d->have_hit = true;
    d->hit = (debug_hit){ev, hart, count, addr, watch};
}

bool debug_before_step(emu_machine *m, unsigned hart, uint64_t pc,
                       uint64_t count)
{
    struct machine_debug *d = m->dbg;
    if (!d)
        return false;
    d->watch_hit = false;
    if (d->before_armed && hart == d->before_hart && count == d->before_count) {
        d->before_armed = false;
        set_stop(d, EMU_DEBUG_STEP, hart, 0, 0);
        return true;
    }
    if (d->nbp && bp_has(d, pc) &&
        !(d->skip_armed && hart == d->skip_hart && pc == d->skip_pc)) {
        if (d->scan)
            record_hit(d, EMU_DEBUG_BREAKPOINT, hart, count, 0, 0);
        else if (!d->replay) {
            set_stop(d, EMU_DEBUG_BREAKPOINT, hart, 0, 0);
            return true;
        }
    }
    return false;
}

bool debug_after_step(emu_machine *m, unsigned hart, uint64_t count)
{
    struct machine_debug *d = m->dbg;
    if (!d)
        return false;
    if (d->skip_armed && hart == d->skip_hart)
        d->skip_armed = false;
    if (d->watch_hit) {
        d->watch_hit = false;
        /* a reverse run stops before the access: the step's own number */
        if (d->scan)
            record_hit(d, EMU_DEBUG_WATCHPOINT, hart, count, d->watch_addr,
                       d->watch_kind);
        else if (!d->replay) {
            set_stop(d, EMU_DEBUG_WATCHPOINT, hart, d->watch_addr,
                     d->watch_kind);
            return true;
        }
    }
    if (d->step_armed && hart == d->step_hart) {
        d->step_armed = false;
        set_stop(d, EMU_DEBUG_STEP, hart, 0, 0);
        return true;
    }
    return false;
}

void debug_code_hooks(emu_machine *m, unsigned hart, uint64_t pc,
                      uint32_t insn, unsigned len)
{
    struct machine_debug *d = m->dbg;
    for (unsigned i = 0; i < d->nhooks; i++) {
        const debug_hook *h = &d->hooks[i];
        if (h->kind == HOOK_CODE && pc >= h->lo && pc <= h->hi)
            h->fn.code(h->ctx, hart, pc, insn, len);
    }
}

void debug_mem_access(emu_machine *m, unsigned hart, uint64_t va, uint64_t pa,
                      unsigned size, uint64_t value, bool write)
{
    struct machine_debug *d = m->dbg;
    if (!d)
        return;
    if (d->nwp && !d->watch_hit && (!d->replay || d->scan)) {
        unsigned need = write ? EMU_WATCH_WRITE : EMU_WATCH_READ;
        for (unsigned i = 0; i < d->nwp; i++) {
            const debug_watch *w = &d->wp[i];
            /* [va, va + size) and [addr, addr + len) overlap when either
             * starts inside the other (unsigned differences, so ranges
             * that wrap compare right) */
            if (!(w->kind & need) ||
                (va - w->addr >= w->len && w->addr - va >= size))
                continue;
            d->watch_hit = true;
            d->watch_addr = va >= w->addr ? va : w->addr;
            d->watch_kind = w->kind;
            break;
        }
    }
    if (d->replay)
        return;
    if (d->commit) {
        emu_commit *r = &d->rec;
        if (write && r->nwrites < EMU_COMMIT_MAX_MEM) {
            r->writes[r->nwrites].addr = va;
            r->writes[r->nwrites].size = size;
            r->writes[r->nwrites].value = value;
            r->nwrites++;
        } else if (!write && r->nreads < EMU_COMMIT_MAX_MEM) {
            r->reads[r->nreads++] = va;
        }
    }
    for (unsigned i = 0; i < d->nhooks; i++) {
        const debug_hook *h = &d->hooks[i];
        if (h->kind == HOOK_MEM && va >= h->lo && va <= h->hi)
            h->fn.mem(h->ctx, hart, va, pa, size, value, write);
    }
}

void debug_trap(emu_machine *m, unsigned hart, uint64_t cause, bool irq,
                uint64_t tval, uint64_t epc, unsigned to_priv)
{
    struct machine_debug *d = m->dbg;
    if (!d || d->replay || !d->nkind[HOOK_TRAP])
        return;
    for (unsigned i = 0; i < d->nhooks; i++) {
        const debug_hook *h = &d->hooks[i];
        if (h->kind == HOOK_TRAP)
            h->fn.trap(h->ctx, hart, cause, irq, tval, epc, to_priv);
    }
}

void debug_commit_reg(emu_machine *m, unsigned num, uint64_t value)
{
    emu_commit *r = &m->dbg->rec;
    if (r->nregs < EMU_COMMIT_MAX_REGS) {
        r->regs[r->nregs].num = num;
        r->regs[r->nregs].value = value;
        r->nregs++;
    }
}

void debug_csr(emu_machine *m, unsigned hart, unsigned csr, uint64_t old_value,
               uint64_t new_value, bool write)
{
    struct machine_debug *d = m->dbg;
    if (!d || d->replay)
        return;
    if (d->commit && write)
        debug_commit_reg(m, EMU_REG_CSR + csr, new_value);
    for (unsigned i = 0; i < d->nhooks; i++) {
        const debug_hook *h = &d->hooks[i];
        if (h->kind == HOOK_CSR)
            h->fn.csr(h->ctx, hart, csr, old_value, new_value, write);
    }
}

/* ---- Steps ---------------------------------------------------------------- */

emu_status emu_step_limit(emu_machine *m, unsigned hart, uint64_t max_insns,
                          emu_exit *ex)
{
    if (!m || !ex || hart >= emu_hart_count(m))
        return EMU_ERR_INVALID;
    struct machine_debug *d = debug_get(m);
    if (!d)
        return EMU_ERR_NOMEM;
    d->step_armed = true;
    d->step_hart = hart;
    d->skip_armed = true;
    d->skip_hart = hart;
    d->skip_pc = machine_pc(m, hart);
    debug_update(m);
    emu_status st = emu_run(m, max_insns, ex);
    d->step_armed = false;
    d->skip_armed = false;
    debug_update(m);
    return st;
}

emu_status emu_step(emu_machine *m, unsigned hart, emu_exit *ex)
{
    return emu_step_limit(m, hart, 0, ex);
}

emu_status emu_run_from_breakpoint(emu_machine *m, unsigned hart,
                                   uint64_t max_insns, emu_exit *ex)
{
    if (!m || !ex || hart >= emu_hart_count(m))
        return EMU_ERR_INVALID;
    struct machine_debug *d = debug_get(m);
    if (!d)
        return EMU_ERR_NOMEM;
    d->skip_armed = true;
    d->skip_hart = hart;
    d->skip_pc = machine_pc(m, hart);
    emu_status st = emu_run(m, max_insns, ex);
    d->skip_armed = false;
    return st;
}
