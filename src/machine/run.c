/*
 * The run loop: harts take turns in quanta of at most QUANTUM steps, in a
 * fixed order, so a run is deterministic. Between quanta the loop serves
 * HTIF polling, stop requests and the instruction budget, and when every
 * hart waits in wfi it skips virtual time ahead to the next timer event.
 */
#include "cpu/riscv/rv_cpu.h"
#include "devices/clint.h"
#include "devices/htif.h"
#include "machine/machine.h"

#define QUANTUM 10000

static uint64_t min64(uint64_t a, uint64_t b) { return a < b ? a : b; }

static void fill_exit(emu_machine *m, emu_exit *ex, emu_exit_reason r)
{
    if ((unsigned)r < EMU_STATS_EXIT_REASONS)
        m->exits[r]++;
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

emu_status emu_run(emu_machine *m, uint64_t max_insns, emu_exit *ex)
{
    if (!m || !ex)
        return EMU_ERR_INVALID;
    uint64_t left = max_insns ? max_insns : UINT64_MAX;

    for (;;) {
        if (m->halted) {
            fill_exit(m, ex, EMU_EXIT_HALT);
            return EMU_OK;
        }
        if (atomic_exchange(&m->stop_requested, false)) {
            fill_exit(m, ex, EMU_EXIT_STOPPED);
            return EMU_OK;
        }
        if (left == 0) {
            fill_exit(m, ex, EMU_EXIT_BUDGET);
            return EMU_OK;
        }

        /* the length of this round: up to the first timer event */
        bool any_awake = false;
        uint64_t round = QUANTUM;
        for (unsigned h = 0; h < m->nharts; h++) {
            rv_cpu *cpu = m->harts[h];
            dev_clint_update(m->clint, cpu);
            any_awake |= wake(cpu);
            round = min64(round, dev_clint_steps_to_event(m->clint, cpu));
        }
        if (!any_awake) {
            /* everyone sleeps: jump to the next timer event, if any */
            uint64_t skip = UINT64_MAX;
            for (unsigned h = 0; h < m->nharts; h++)
                skip = min64(skip, dev_clint_steps_to_event(m->clint, m->harts[h]));
            if (skip == UINT64_MAX) {
                fill_exit(m, ex, EMU_EXIT_IDLE);
                return EMU_OK;
            }
            for (unsigned h = 0; h < m->nharts; h++)
                m->harts[h]->steps += skip;
            continue;
        }

        for (unsigned h = 0; h < m->nharts && !m->halted; h++) {
            rv_cpu *cpu = m->harts[h];
            uint64_t start = cpu->steps;
            m->cur = cpu;
            if (m->nharts > 1)
                cpu->res_valid = false; /* another hart ran since its LR */
            if (!cpu->wfi) {
                uint64_t n = min64(round, left);
                uint64_t used = rv_run(cpu, n);
                left -= used;
                cpu->st.slices++;
                if (used == n)
                    cpu->st.slice_budget++;
                else if (cpu->wfi)
                    cpu->st.slice_wfi++;
                else if (m->halted)
                    cpu->st.slice_halt++;
                else
                    cpu->st.slice_device++;
                dev_clint_update(m->clint, cpu);
            }
            /* a hart asleep in wfi lets the round's time pass */
            if (cpu->wfi && cpu->steps < start + round)
                cpu->steps = start + round;
            if (left == 0)
                break;
        }
        dev_htif_poll(m->htif);
    }
}

void emu_request_stop(emu_machine *m)
{
    if (m)
        atomic_store(&m->stop_requested, true);
}
