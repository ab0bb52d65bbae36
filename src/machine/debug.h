/*
 * The debugger core's state and the calls between it and the interpreter.
 * Internal header.
 *
 * Everything a debugger or tool installs (breakpoints, watchpoints, hooks,
 * a commit hook, a single step, a reverse-execution target) lives in one
 * machine_debug. While any of it needs per-instruction attention,
 * m->debug_on sends rv_run() down the one-instruction-at-a-time path
 * (rv_debug.c), which calls debug_before_step() and debug_after_step()
 * around every step; while any of it needs to see data accesses,
 * m->debug_mem keeps them off the data TLBs, so that every one reaches the
 * MMU's slow path and debug_mem_access().
 */
#ifndef MACHINE_DEBUG_H
#define MACHINE_DEBUG_H

#include "libemu/debug.h"
#include "machine/machine.h"

enum { HOOK_CODE, HOOK_MEM, HOOK_TRAP, HOOK_CSR };

typedef struct debug_hook {
    int id;
    int kind;
    uint64_t lo, hi;
    union {
        emu_code_hook_fn code;
        emu_mem_hook_fn mem;
        emu_trap_hook_fn trap;
        emu_csr_hook_fn csr;
    } fn;
    void *ctx;
} debug_hook;

typedef struct debug_watch {
    uint64_t addr, len;
    emu_watch_kind kind;
} debug_watch;

/* A point where a forward run would have stopped, found while scanning
 * history (history.c): before hart's step number `count`. */
typedef struct debug_hit {
    emu_debug_event ev;
    unsigned hart;
    uint64_t count;
    uint64_t addr;
    unsigned watch;
} debug_hit;

struct machine_debug {
    uint64_t bp[EMU_MAX_BREAKPOINTS]; /* sorted */
    unsigned nbp;
    debug_watch wp[EMU_MAX_WATCHPOINTS];
    unsigned nwp;
    debug_hook hooks[EMU_MAX_HOOKS];
    unsigned nhooks;
    unsigned nkind[4]; /* hooks per HOOK_* kind */
    int next_id;

    emu_commit_fn commit;
    void *commit_ctx;
    emu_commit rec; /* the record of the step being executed */

    /* A breakpoint at skip_pc does not stop skip_hart until that hart has
     * executed a step (continuing from a breakpoint, stepping). */
    bool skip_armed;
    unsigned skip_hart;
    uint64_t skip_pc;
    /* emu_step(): stop once step_hart has completed a step */
    bool step_armed;
    unsigned step_hart;
    /* history: stop before hart `before_hart` executes its step numbered
     * before_count (rv_cpu.icount) */
    bool before_armed;
    unsigned before_hart;
    uint64_t before_count;
    /* history re-execution: no hooks run and no breakpoint or watchpoint
     * stops the run; with scan, their hits are recorded in `hit` (the
     * latest one wins) */
    bool replay, scan;
    bool have_hit;
    debug_hit hit;

    /* a watchpoint the current step's accesses hit */
    bool watch_hit;
    uint64_t watch_addr;
    unsigned watch_kind;

    /* the stop emu_run() reports next */
    bool stop;
    emu_debug_event stop_ev;
    unsigned stop_hart;
    uint64_t stop_addr;
    unsigned stop_watch;
};

static inline bool debug_stop_pending(const emu_machine *m)
{
    return m->dbg && m->dbg->stop;
}
/* Fill the debug fields of an EMU_EXIT_DEBUG exit and clear the stop. */
void debug_stop_take(emu_machine *m, emu_exit *ex);

/* The machine's debug state, created on first use (NULL without memory). */
struct machine_debug *debug_get(emu_machine *m);
void debug_free(emu_machine *m);
/* Recompute m->debug_on and m->debug_mem after a change. */
void debug_update(emu_machine *m);

/*
 * The interpreter's side, around each step of a hart while m->debug_on:
 * before it (after any interrupt was taken), with the hart's pc and its
 * step count (rv_cpu.icount, counting this run's steps so far); true when
 * the run must stop there. After it; true when the run must stop.
 */
bool debug_before_step(emu_machine *m, unsigned hart, uint64_t pc,
                       uint64_t count);
bool debug_after_step(emu_machine *m, unsigned hart, uint64_t count);
/* Whether hooks and the commit record are to be served (not while
 * re-executing history). */
static inline bool debug_hooks_live(const emu_machine *m)
{
    return !m->dbg || !m->dbg->replay;
}
void debug_code_hooks(emu_machine *m, unsigned hart, uint64_t pc,
                      uint32_t insn, unsigned len);
/* A data access completed (MMU slow path, atomics), while m->debug_mem.
 * Cold: its call sites sit on the TLB-miss path, which must not pay for
 * it when no debugger is attached. */
void debug_mem_access(emu_machine *m, unsigned hart, uint64_t va, uint64_t pa,
                      unsigned size, uint64_t value, bool write)
    __attribute__((cold));
void debug_trap(emu_machine *m, unsigned hart, uint64_t cause, bool irq,
                uint64_t tval, uint64_t epc, unsigned to_priv);
void debug_csr(emu_machine *m, unsigned hart, unsigned csr, uint64_t old_value,
               uint64_t new_value, bool write);
/* Add a register write to the commit record being built. */
void debug_commit_reg(emu_machine *m, unsigned num, uint64_t value);

#endif
