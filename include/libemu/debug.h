/*
 * libemu debugging and instrumentation API: breakpoints, watchpoints,
 * single steps, memory access by virtual address, hooks for tools, commit
 * records, and reverse execution. Since 0.3.
 *
 * Everything here costs nothing while unused: with no breakpoint,
 * watchpoint, hook or history installed, the interpreter runs its normal
 * fast path. While any is installed, harts execute one instruction at a
 * time through a slower path that checks them (a few times slower than the
 * fast path; see docs/debugging.md), and watchpoints and memory hooks keep
 * data accesses off the TLB fast path.
 *
 * Stops: emu_run() and emu_step() return EMU_EXIT_DEBUG with emu_exit.debug
 * saying why. A breakpoint stops a hart before it executes the instruction
 * at the address; a watchpoint stops it after the instruction that made the
 * access completed (emu_exit.addr is the accessed address). Running again
 * resumes exactly where the stop happened, so a run split by stops goes the
 * same way as one without them.
 *
 * Hooks are called on the thread running emu_run(). They may read registers
 * and memory and call emu_request_stop() (the run then returns
 * EMU_EXIT_STOPPED after the current instruction); they must not change the
 * machine's state or free it.
 */
#ifndef LIBEMU_DEBUG_H
#define LIBEMU_DEBUG_H

#include "libemu/libemu.h"

#ifdef __cplusplus
extern "C" {
#endif

/* emu_exit.debug, when emu_exit.reason is EMU_EXIT_DEBUG. */
typedef enum emu_debug_event {
    EMU_DEBUG_NONE = 0,
    EMU_DEBUG_BREAKPOINT,    /* emu_exit.hart is about to execute at a
                                breakpoint's address (emu_exit.pc) */
    EMU_DEBUG_WATCHPOINT,    /* emu_exit.hart's last instruction accessed
                                emu_exit.addr inside a watched range of kind
                                emu_exit.watch */
    EMU_DEBUG_STEP,          /* emu_step()/emu_reverse_step() is done */
    EMU_DEBUG_HISTORY_START, /* reverse execution reached the oldest
                                recorded state */
} emu_debug_event;

/* ---- Breakpoints and watchpoints --------------------------------------- */

/*
 * A breakpoint at a virtual address: every hart stops before executing an
 * instruction that starts there, whatever its privilege level. Guest memory
 * is not modified. Adding one that exists already is not an error; at
 * most EMU_MAX_BREAKPOINTS exist at once (EMU_ERR_RANGE past that).
 * Removing one that does not exist gives EMU_ERR_NOT_FOUND.
 */
#define EMU_MAX_BREAKPOINTS 256
emu_status emu_breakpoint_add(emu_machine *m, uint64_t addr);
emu_status emu_breakpoint_remove(emu_machine *m, uint64_t addr);

typedef enum emu_watch_kind {
    EMU_WATCH_WRITE = 1,
    EMU_WATCH_READ = 2,
    EMU_WATCH_ACCESS = 3, /* read or write */
} emu_watch_kind;

/*
 * A watchpoint on the virtual range [addr, addr + len): a data access by
 * any hart (loads, stores, atomics; not instruction fetches, not device
 * DMA) that overlaps it and matches kind stops the run after the
 * instruction. len is 1 to 2^32. At most EMU_MAX_WATCHPOINTS exist at once.
 * A watchpoint is removed by the same (addr, len, kind) it was added with.
 */
#define EMU_MAX_WATCHPOINTS 64
emu_status emu_watchpoint_add(emu_machine *m, uint64_t addr, uint64_t len,
                              emu_watch_kind kind);
emu_status emu_watchpoint_remove(emu_machine *m, uint64_t addr, uint64_t len,
                                 emu_watch_kind kind);
/* Remove every breakpoint and watchpoint. */
void emu_debug_clear(emu_machine *m);

/*
 * Run the machine until `hart` has completed one step: one instruction
 * retired, or one that trapped (the hart then stands at the first
 * instruction of the trap handler). An interrupt due before the step is
 * taken first and the step is the handler's first instruction. The other
 * harts run meanwhile as the schedule has them, and may stop the run first
 * (a breakpoint, a watchpoint); a breakpoint at the stepping hart's own pc
 * does not stop it. Returns EMU_EXIT_DEBUG / EMU_DEBUG_STEP when done; any
 * other exit (halt, idle, stop request, host error) as emu_run() would.
 */
emu_status emu_step(emu_machine *m, unsigned hart, emu_exit *exit);
/* The same, giving up with EMU_EXIT_BUDGET after max_insns instructions of
 * all harts (0 = no limit) when the hart has not stepped yet (it sleeps in
 * wfi, say); calling it again goes on waiting for the same step. */
emu_status emu_step_limit(emu_machine *m, unsigned hart, uint64_t max_insns,
                          emu_exit *exit);

/* Run as emu_run() does, but let `hart` pass a breakpoint at its current pc
 * once (what a debugger's "continue" from a breakpoint needs). */
emu_status emu_run_from_breakpoint(emu_machine *m, unsigned hart,
                                   uint64_t max_insns, emu_exit *exit);

/* ---- Memory by virtual address ------------------------------------------ */

/*
 * Copy between host memory and guest memory at virtual addresses, as `hart`
 * sees them now (its current privilege level and satp; M mode and bare
 * satp see physical addresses), without side effects on the guest: no TLB
 * fill, no A/D update, no trap. Page permissions are ignored (a debugger
 * writes into read-only code), PMP is not. RAM and the boot ROM can be
 * read; only RAM can be written. Fails with EMU_ERR_RANGE at the first page
 * that does not translate or is not memory, after copying the bytes before
 * it; *done (may be NULL) receives how many bytes were copied.
 */
emu_status emu_mem_read_virt(emu_machine *m, unsigned hart, uint64_t va,
                             void *buf, size_t len, size_t *done);
emu_status emu_mem_write_virt(emu_machine *m, unsigned hart, uint64_t va,
                              const void *buf, size_t len, size_t *done);
/* Translate one virtual address as emu_mem_read_virt() would. */
emu_status emu_translate(emu_machine *m, unsigned hart, uint64_t va,
                         uint64_t *pa);

/* ---- Hooks --------------------------------------------------------------- */

/* Before an instruction executes: pc, its encoding (16-bit forms in the
 * low half) and its length in bytes (2 or 4). */
typedef void (*emu_code_hook_fn)(void *ctx, unsigned hart, uint64_t pc,
                                 uint32_t insn, unsigned len);
/* After a data access completed: virtual and physical address, size in
 * bytes (1 to 8), the value read or written, and whether it was a write.
 * Atomics report their read and then their write. */
typedef void (*emu_mem_hook_fn)(void *ctx, unsigned hart, uint64_t va,
                                uint64_t pa, unsigned size, uint64_t value,
                                bool write);
/* When a trap is taken, after the hart has entered the handler: the cause
 * without its interrupt bit, whether it is an interrupt, tval, the pc the
 * trap was taken at (xepc) and the privilege level it was taken to. */
typedef void (*emu_trap_hook_fn)(void *ctx, unsigned hart, uint64_t cause,
                                 bool interrupt, uint64_t tval, uint64_t epc,
                                 unsigned to_priv);
/* After a CSR instruction accessed a CSR (and did not trap): its number,
 * the value before, the value after (equal when nothing was written), and
 * whether it wrote. */
typedef void (*emu_csr_hook_fn)(void *ctx, unsigned hart, unsigned csr,
                                uint64_t old_value, uint64_t new_value,
                                bool write);

/*
 * Install a hook; *id receives a handle for emu_hook_remove(). Code hooks
 * are called for instructions whose pc lies in [lo, hi] (0, UINT64_MAX for
 * all), memory hooks for accesses whose virtual address lies there. At most
 * EMU_MAX_HOOKS hooks exist at once. Hooks run in the order they were added.
 */
#define EMU_MAX_HOOKS 32
emu_status emu_hook_code(emu_machine *m, uint64_t lo, uint64_t hi,
                         emu_code_hook_fn fn, void *ctx, int *id);
emu_status emu_hook_mem(emu_machine *m, uint64_t lo, uint64_t hi,
                        emu_mem_hook_fn fn, void *ctx, int *id);
emu_status emu_hook_trap(emu_machine *m, emu_trap_hook_fn fn, void *ctx,
                         int *id);
emu_status emu_hook_csr(emu_machine *m, emu_csr_hook_fn fn, void *ctx,
                        int *id);
emu_status emu_hook_remove(emu_machine *m, int id);

/* ---- Commit records (Spike's --log-commits) ------------------------------ */

/*
 * What one retired instruction changed, in the order Spike's commit log
 * prints it: the registers written (integer x1..x31 as EMU_REG_X0 + n, FP
 * registers as EMU_REG_F0 + n, CSRs as EMU_REG_CSR + n, with their new
 * values; a write of an unchanged value counts), then the data addresses
 * read, then the data writes (address, size, value). A write to x0 is not
 * listed. Instructions that trap are not retired and produce no record.
 */
#define EMU_COMMIT_MAX_REGS 8
#define EMU_COMMIT_MAX_MEM 8
typedef struct emu_commit {
    unsigned hart;
    unsigned priv;  /* privilege level the instruction executed at */
    unsigned xlen;  /* 32 or 64 */
    unsigned flen;  /* FP register width: 64 with D, 32 with F only, else 0 */
    uint64_t pc;
    uint32_t insn;  /* encoding; 16-bit forms in the low half */
    unsigned len;   /* 2 or 4 */
    unsigned nregs;
    struct { unsigned num; uint64_t value; } regs[EMU_COMMIT_MAX_REGS];
    unsigned nreads;
    uint64_t reads[EMU_COMMIT_MAX_MEM];
    unsigned nwrites;
    struct { uint64_t addr; unsigned size; uint64_t value; } writes[EMU_COMMIT_MAX_MEM];
} emu_commit;
typedef void (*emu_commit_fn)(void *ctx, const emu_commit *c);
/* Install (fn != NULL) or remove (fn == NULL) the commit hook. */
void emu_set_commit_hook(emu_machine *m, emu_commit_fn fn, void *ctx);

/* ---- Reverse execution --------------------------------------------------- */

/*
 * Record history so that execution can run backwards. Runs are
 * deterministic (without realtime mode and host input), so the machine
 * keeps snapshots (emu_snapshot) every `interval` steps and goes back by
 * restoring one and running forward again to the wanted point. Snapshots
 * share the RAM pages they have in common; when the history grows past
 * max_bytes, every other old snapshot is dropped (going back then costs
 * more re-execution), and the oldest point kept moves forward only when a
 * single snapshot no longer fits. interval 0 and max_bytes 0 pick the
 * defaults (1 000 000 steps, 1 GiB). Enabling takes the first snapshot at
 * the current point, the start of history. Recording makes every run take
 * the one-instruction-at-a-time path.
 *
 * Things outside the machine are not rewound: disk image writes, packets
 * sent to the network, console output.
 */
typedef struct emu_history_config {
    uint64_t interval;
    uint64_t max_bytes;
} emu_history_config;
emu_status emu_history_enable(emu_machine *m, const emu_history_config *cfg);
void emu_history_disable(emu_machine *m);
bool emu_history_enabled(const emu_machine *m);

/*
 * Go back to the point just before `hart` executed its latest step: the
 * machine's whole state (every hart, memory, devices) is as it was then.
 * Returns EMU_EXIT_DEBUG with EMU_DEBUG_STEP, or EMU_DEBUG_HISTORY_START
 * (nothing changed) when that step is older than the history.
 */
emu_status emu_reverse_step(emu_machine *m, unsigned hart, emu_exit *exit);

/*
 * Run backwards to the latest earlier point where a breakpoint or
 * watchpoint would have stopped a forward run; a watchpoint's stop is
 * reported before the instruction that made the access. Returns
 * EMU_EXIT_DEBUG with EMU_DEBUG_BREAKPOINT or EMU_DEBUG_WATCHPOINT there,
 * or EMU_DEBUG_HISTORY_START at the oldest recorded point.
 */
emu_status emu_reverse_continue(emu_machine *m, emu_exit *exit);

#ifdef __cplusplus
}
#endif

#endif
