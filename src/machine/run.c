/*
 * The run loop: harts take turns in quanta of at most QUANTUM steps, in a
 * fixed order, so a run is deterministic. Between quanta the loop serves
 * HTIF polling, stop requests and the instruction budget, and when every
 * hart waits in wfi it skips virtual time ahead to the next timer event.
 */
#include <time.h>

#include "cpu/arm64/a64_cpu.h"
#include "cpu/riscv/rv_cpu.h"
#include "devices/clint.h"
#include "devices/htif.h"
#include "machine/debug.h"
#include "machine/history.h"
#include "machine/hostclock.h"
#include "machine/machine.h"

#define QUANTUM 10000
/* realtime mode: the longest an idle wait lasts before emu_run() yields */
#define IDLE_WAIT_NS 5000000u

static uint64_t min64(uint64_t a, uint64_t b) { return a < b ? a : b; }

static void fill_exit(emu_machine *m, emu_exit *ex, emu_exit_reason r)
{
    ex->reason = r;
    ex->code = r == EMU_EXIT_HALT ? m->exit_code : 0;
    ex->hart = m->cur->hartid;
    ex->pc = m->cur->pc;
}

/* Wake harts whose interrupt is pending (wfi ends whatever MIE says). */
static bool wake(rv_cpu *cpu)
{
    if (cpu->wfi && (cpu->mip & cpu->mie))
        cpu->wfi = false;
    return !cpu->wfi;
}

/*
 * Give a hart its turn: run it until its clock reaches `until` (the end of
 * the round), the budget `left` is spent or the machine must stop. A run
 * that returns early (wfi, a timer or CLINT write that moved an event)
 * goes on with the new event in view, so every hart's clock keeps pace
 * with the round; a hart asleep in wfi lets time pass up to its next timer
 * event or the round's end. Returns the budget left; *done tells whether
 * the turn is over, or was cut short (budget, stop request, debugger stop)
 * and must be resumed by the next emu_run().
 */
static uint64_t run_hart(emu_machine *m, rv_cpu *cpu, uint64_t until,
                         uint64_t left, bool *done)
{
    *done = true;
    while (cpu->steps < until && !m->halted && !m->reset_requested) {
        if (!left) {
            *done = false;
            break;
        }
        uint64_t n = min64(until - cpu->steps,
                           dev_clint_steps_to_event(m->clint, cpu));
        if (cpu->wfi) {
            cpu->steps += n;
            dev_clint_update(m->clint, cpu);
            if (!wake(cpu))
                break;
            continue;
        }
        uint64_t want = min64(n, left);
        cpu->slice_end = cpu->steps + want;
        uint64_t used = rv_run(cpu, want);
        left -= used;
        cpu->icount += used;
        m->sched.icount += used;
        /* why the slice ended, for --stats */
        cpu->st.slices++;
        if (used == want)
            cpu->st.slice_budget++;
        else if (cpu->wfi)
            cpu->st.slice_wfi++;
        else if (m->halted)
            cpu->st.slice_halt++;
        else
            cpu->st.slice_device++;
        dev_clint_update(m->clint, cpu);
        wake(cpu);
        if (atomic_load(&m->stop_requested) || debug_stop_pending(m) ||
            m->user_trap) {
            *done = cpu->steps >= until;
            break;
        }
    }
    return left;
}

/*
 * Realtime mode, every hart asleep: let at most `skip` steps of virtual
 * time pass, but no faster than the host's clock, serving host input
 * (network) while waiting. Returns the steps that passed.
 */
static uint64_t idle_wait(emu_machine *m, uint64_t skip)
{
    /* steps per second: mtime ticks per second times steps per tick (with
     * the defaults the CLINT and the RTC fall back on for zeros) */
    uint64_t hz = m->cfg.timebase_hz ? m->cfg.timebase_hz : 10000000;
    uint64_t ipt = m->cfg.insns_per_tick ? m->cfg.insns_per_tick : 1;
    double steps_per_ns = (double)hz * (double)ipt / 1e9;
    double want_ns = (double)skip / steps_per_ns;
    /* round the wait up: time must always move, however few steps remain */
    bool whole = want_ns <= IDLE_WAIT_NS;
    uint64_t wait_ns = IDLE_WAIT_NS;
    if (whole) {
        wait_ns = (uint64_t)want_ns;
        if ((double)wait_ns < want_ns)
            wait_ns++;
    }
    uint64_t start = host_clock_ns();
    virt_wait(m, wait_ns);
    uint64_t waited = host_clock_ns() - start;
    if (whole && waited >= wait_ns)
        return skip; /* the whole wait passed: the event is due */
    double steps = (double)waited * steps_per_ns;
    return steps >= (double)skip ? skip : (uint64_t)steps;
}

/* Begin a round: its length runs up to the first timer event. When every
 * hart sleeps, skip to that event instead (or wait for it in realtime
 * mode) and return false with *ret set when emu_run() must return. */
static bool begin_round(emu_machine *m, emu_exit *ex, bool *ret)
{
    bool any_awake = false;
    uint64_t round = QUANTUM;
    *ret = false;
    for (unsigned h = 0; h < m->nharts; h++) {
        rv_cpu *cpu = m->harts[h];
        dev_clint_update(m->clint, cpu);
        any_awake |= wake(cpu);
        round = min64(round, dev_clint_steps_to_event(m->clint, cpu));
    }
    if (!any_awake) {
        /* everyone sleeps: jump to the next timer event, if any (one
         * past MACHINE_STEPS_MAX is none) */
        uint64_t skip = UINT64_MAX, latest = 0;
        for (unsigned h = 0; h < m->nharts; h++) {
            skip = min64(skip, dev_clint_steps_to_event(m->clint, m->harts[h]));
            if (m->harts[h]->steps > latest)
                latest = m->harts[h]->steps;
        }
        if (latest >= MACHINE_STEPS_MAX || skip > MACHINE_STEPS_MAX - latest)
            skip = UINT64_MAX;
        if (m->cfg.realtime && m->cfg.board == EMU_BOARD_VIRT) {
            /* time passes at the host's pace; input may come meanwhile */
            skip = idle_wait(m, skip);
            for (unsigned h = 0; h < m->nharts; h++)
                m->harts[h]->steps += skip;
            fill_exit(m, ex, EMU_EXIT_YIELD);
            *ret = true;
            return false;
        }
        if (skip == UINT64_MAX) {
            fill_exit(m, ex, EMU_EXIT_IDLE);
            *ret = true;
            return false;
        }
        for (unsigned h = 0; h < m->nharts; h++)
            m->harts[h]->steps += skip;
        return false;
    }
    for (unsigned h = 0; h < m->nharts; h++)
        m->harts[h]->round_until = m->harts[h]->steps + round;
    m->sched.in_round = true;
    m->sched.next = 0;
    m->sched.turn_started = false;
    return true;
}

/*
 * The scheduler. Its position (which hart's turn, where each turn ends) is
 * kept in the machine, so that a run cut short by the budget, a stop
 * request or a debugger stop resumes exactly where it was, and the run as
 * a whole does not depend on how it was split: what reverse execution's
 * re-execution relies on.
 */
emu_status run_machine(emu_machine *m, uint64_t max_insns, emu_exit *ex)
{
    uint64_t left = max_insns ? max_insns : UINT64_MAX;
    *ex = (emu_exit){0};

    for (;;) {
        if (m->halted) {
            fill_exit(m, ex, EMU_EXIT_HALT);
            return EMU_OK;
        }
        if (m->user_trap) {
            /* user-mode emulation: the caller plays the guest's kernel */
            m->user_trap = false;
            bool ecall = m->user_cause == RV_EXC_ECALL_U;
            fill_exit(m, ex, ecall ? EMU_EXIT_SYSCALL : EMU_EXIT_EXCEPTION);
            ex->code = ecall ? (int)m->cur->x[17] : (int)m->user_cause;
            ex->addr = m->user_tval;
            return EMU_OK;
        }
        if (atomic_exchange(&m->stop_requested, false)) {
            fill_exit(m, ex, EMU_EXIT_STOPPED);
            return EMU_OK;
        }
        if (debug_stop_pending(m)) {
            fill_exit(m, ex, EMU_EXIT_DEBUG);
            debug_stop_take(m, ex);
            return EMU_OK;
        }
        if (left == 0) {
            fill_exit(m, ex, EMU_EXIT_BUDGET);
            return EMU_OK;
        }

        if (!m->sched.in_round) {
            bool ret;
            if (!begin_round(m, ex, &ret)) {
                if (ret)
                    return EMU_OK;
                continue;
            }
        }

        while (m->sched.next < m->nharts && !m->halted) {
            rv_cpu *cpu = m->harts[m->sched.next];
            m->cur = cpu;
            if (!m->sched.turn_started) {
                if (m->nharts > 1)
                    cpu->res_valid = false; /* another hart ran since its LR */
                m->sched.turn_started = true;
            }
            bool done;
            left = run_hart(m, cpu, cpu->round_until, left, &done);
            if (!done)
                break;
            m->sched.next++;
            m->sched.turn_started = false;
        }
        if (m->sched.next < m->nharts && !m->halted)
            continue; /* cut short: the checks above say why */
        m->sched.in_round = false;
        if (m->user)
            user_thread_tick(m);
        dev_htif_poll(m->htif);
        virt_poll(m);
        if (m->reset_requested && !m->halted) {
            machine_log(m, EMU_LOG_INFO, "the guest asked for a reset");
            machine_reset(m);
        }
    }
}

/*
 * One step of the AArch64 hart while a debugger or tool watches
 * (m->debug_on): the breakpoint check, code hooks and the retire hook
 * around it. Returns the steps taken (0 when a stop came first).
 */
static uint64_t a64_debug_step(emu_machine *m, a64_cpu *cpu, bool *trapped)
{
    struct machine_debug *d = m->dbg;
    uint64_t pc = cpu->pc, count = cpu->steps;
    *trapped = false;
    if (d && debug_before_step(m, 0, pc, count))
        return 0;
    bool live = debug_hooks_live(m);
    uint32_t insn = 0;
    bool known = live && (m->retire || (d && d->nkind[HOOK_CODE])) &&
                 a64_peek_insn(cpu, pc, &insn);
    if (known && d && d->nkind[HOOK_CODE])
        debug_code_hooks(m, 0, pc, insn, 4);
    uint64_t k = a64_run(cpu, 1, trapped);
    if (k && !*trapped && known && m->retire)
        m->retire(m->retire_ctx, 0, pc, insn, 4);
    if (d)
        debug_after_step(m, 0, count);
    return k;
}

/*
 * The run loop of an AArch64 user-mode machine: one hart, no devices and
 * no timers, so no rounds; it runs in slices until the budget is spent,
 * the program traps (a system call or a fault, for the caller to serve)
 * or a stop is asked for.
 */
emu_status run_a64(emu_machine *m, uint64_t max_insns, emu_exit *ex)
{
    a64_cpu *cpu = m->a64;
    uint64_t left = max_insns ? max_insns : UINT64_MAX;
    *ex = (emu_exit){0};
    for (;;) {
        ex->hart = 0;
        ex->pc = cpu->pc;
        if (m->halted) {
            ex->reason = EMU_EXIT_HALT;
            ex->code = m->exit_code;
            return EMU_OK;
        }
        if (m->user_trap) {
            m->user_trap = false;
            bool svc = (m->user_cause >> 26) == A64_EC_SVC;
            ex->reason = svc ? EMU_EXIT_SYSCALL : EMU_EXIT_EXCEPTION;
            ex->code = svc ? (int)cpu->x[8] : (int)m->user_cause;
            ex->addr = m->user_tval;
            return EMU_OK;
        }
        if (atomic_exchange(&m->stop_requested, false)) {
            ex->reason = EMU_EXIT_STOPPED;
            return EMU_OK;
        }
        if (debug_stop_pending(m)) {
            ex->reason = EMU_EXIT_DEBUG;
            debug_stop_take(m, ex);
            return EMU_OK;
        }
        if (left == 0) {
            ex->reason = EMU_EXIT_BUDGET;
            return EMU_OK;
        }
        bool trapped;
        uint64_t used = m->debug_on ? a64_debug_step(m, cpu, &trapped)
                                    : a64_run(cpu, min64(left, QUANTUM),
                                              &trapped);
        left -= used;
        m->sched.icount += used;
        if (trapped) {
            m->user_trap = true;
            m->user_cause = cpu->esr;
            m->user_tval = cpu->far;
        } else if (m->user) {
            user_thread_tick(m);
        }
    }
}

emu_status emu_run(emu_machine *m, uint64_t max_insns, emu_exit *ex)
{
    if (!m || !ex)
        return EMU_ERR_INVALID;
    emu_status st = m->a64                ? run_a64(m, max_insns, ex)
                    : m->hist && !(m->dbg && m->dbg->replay)
                        ? history_run(m, max_insns, ex)
                        : run_machine(m, max_insns, ex);
    if (st == EMU_OK && (unsigned)ex->reason < EMU_STATS_EXIT_REASONS)
        m->exits[ex->reason]++;
    return st;
}

void emu_request_stop(emu_machine *m)
{
    if (m)
        atomic_store(&m->stop_requested, true);
}
