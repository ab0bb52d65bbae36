/*
 * Trap entry, interrupt selection and trap return (priv spec 3.1.6.1,
 * 3.1.9, 3.3.2, 4.1.1).
 */
#include "cpu/riscv/rv_cpu.h"
#include "machine/debug.h"
#include "mmu/mmu.h"

void rv_set_priv(rv_cpu *cpu, unsigned priv)
{
    if (cpu->priv != priv) {
        cpu->priv = priv;
        rv_update_tlb_ptrs(cpu);
    }
}

static uint64_t xlen_mask(const rv_cpu *cpu)
{
    return cpu->xlen == 32 ? 0xffffffffull : UINT64_MAX;
}

/* Common trap entry for exceptions and interrupts. */
static void trap_enter(rv_cpu *cpu, uint64_t cause, bool irq, uint64_t tval)
{
    uint64_t deleg = irq ? cpu->mideleg : cpu->medeleg;
    uint64_t cause_bit = irq ? (1ull << (cpu->xlen - 1)) : 0;
    uint64_t epc = cpu->pc;
    unsigned from = cpu->priv;

    cpu->traps++;
    if (irq)
        cpu->interrupts++;
    cpu->wfi = false;

    /* priv 3.1.8: traps never move to a less-privileged mode, so a trap
     * taken in M mode stays in M even when delegated */
    if (from <= RV_PRIV_S && ((deleg >> cause) & 1)) {
        cpu->scause = cause | cause_bit;
        cpu->sepc = epc;
        cpu->stval = tval & xlen_mask(cpu);
        uint64_t s = cpu->mstatus;
        s = (s & ~MSTATUS_SPIE) | ((s & MSTATUS_SIE) ? MSTATUS_SPIE : 0);
        s = (s & ~MSTATUS_SPP) | (from == RV_PRIV_S ? MSTATUS_SPP : 0);
        s &= ~MSTATUS_SIE;
        cpu->mstatus = s;
        uint64_t base = cpu->stvec & ~3ull;
        cpu->pc = (irq && (cpu->stvec & 1)) ? base + 4 * cause : base;
        rv_set_priv(cpu, RV_PRIV_S);
    } else {
        cpu->mcause = cause | cause_bit;
        cpu->mepc = epc;
        cpu->mtval = tval & xlen_mask(cpu);
        uint64_t s = cpu->mstatus;
        s = (s & ~MSTATUS_MPIE) | ((s & MSTATUS_MIE) ? MSTATUS_MPIE : 0);
        s = (s & ~MSTATUS_MPP) | ((uint64_t)from << MSTATUS_MPP_SHIFT);
        s &= ~MSTATUS_MIE;
        cpu->mstatus = s;
        uint64_t base = cpu->mtvec & ~3ull;
        cpu->pc = (irq && (cpu->mtvec & 1)) ? base + 4 * cause : base;
        rv_set_priv(cpu, RV_PRIV_M);
    }
    cpu->pc &= xlen_mask(cpu);
    rv_update_tlb_ptrs(cpu);
    rv_update_irq(cpu);
    if (unlikely(cpu->m->dbg != NULL))
        debug_trap(cpu->m, cpu->hartid, cause, irq, tval & xlen_mask(cpu), epc,
                   cpu->priv);
}

void rv_raise(rv_cpu *cpu, uint64_t cause, uint64_t tval)
{
    trap_enter(cpu, cause, false, tval);
}

/* priv 3.1.9: the order in which simultaneous interrupts are taken */
static const unsigned irq_order[] = {RV_IRQ_MEI, RV_IRQ_MSI, RV_IRQ_MTI,
                                     RV_IRQ_SEI, RV_IRQ_SSI, RV_IRQ_STI};

/* The interrupt to take now, or -1. */
static int pending_irq(const rv_cpu *cpu)
{
    uint64_t pend = cpu->mip & cpu->mie;
    if (!pend)
        return -1;
    /* M-level interrupts: enabled below M always, in M when MIE is set */
    uint64_t m_ok = pend & ~cpu->mideleg;
    if (!(cpu->priv < RV_PRIV_M || (cpu->mstatus & MSTATUS_MIE)))
        m_ok = 0;
    /* S-level (delegated): enabled in U always, in S when SIE is set */
    uint64_t s_ok = pend & cpu->mideleg;
    if (!(cpu->priv < RV_PRIV_S ||
          (cpu->priv == RV_PRIV_S && (cpu->mstatus & MSTATUS_SIE))))
        s_ok = 0;
    /* any enabled M-level interrupt goes before every S-level one */
    uint64_t set = m_ok ? m_ok : s_ok;
    if (!set)
        return -1;
    for (unsigned i = 0; i < sizeof(irq_order) / sizeof(irq_order[0]); i++)
        if (set & (1ull << irq_order[i]))
            return (int)irq_order[i];
    return -1;
}

void rv_update_irq(rv_cpu *cpu)
{
    if (pending_irq(cpu) >= 0)
        cpu->events |= RV_EV_IRQ;
    else
        cpu->events &= ~(uint32_t)RV_EV_IRQ;
}

void rv_take_interrupt(rv_cpu *cpu)
{
    int irq = pending_irq(cpu);
    if (irq < 0) {
        cpu->events &= ~(uint32_t)RV_EV_IRQ;
        return;
    }
    trap_enter(cpu, (uint64_t)irq, true, 0);
}

void rv_set_mip(rv_cpu *cpu, uint64_t mask, bool level)
{
    if (level)
        cpu->mip |= mask;
    else
        cpu->mip &= ~mask;
    /* wfi ends when any enabled interrupt is pending, whatever MIE says */
    if (cpu->mip & cpu->mie)
        cpu->wfi = false;
    rv_update_irq(cpu);
}

/* The least-privileged mode the hart supports (MPP/SPP after xRET). */
static unsigned lowest_priv(const rv_cpu *cpu)
{
    return cpu->has_u ? RV_PRIV_U : RV_PRIV_M;
}

void rv_mret(rv_cpu *cpu)
{
    uint64_t s = cpu->mstatus;
    unsigned to = (unsigned)((s & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT);
    s = (s & ~MSTATUS_MIE) | ((s & MSTATUS_MPIE) ? MSTATUS_MIE : 0);
    s |= MSTATUS_MPIE;
    s = (s & ~MSTATUS_MPP) | ((uint64_t)lowest_priv(cpu) << MSTATUS_MPP_SHIFT);
    /* priv 3.1.6.3: MPRV is cleared when returning to a mode below M */
    if (to != RV_PRIV_M)
        s &= ~MSTATUS_MPRV;
    cpu->mstatus = s;
    cpu->pc = cpu->mepc & xlen_mask(cpu);
    rv_set_priv(cpu, to);
    rv_update_tlb_ptrs(cpu);
    rv_update_irq(cpu);
}

void rv_sret(rv_cpu *cpu)
{
    uint64_t s = cpu->mstatus;
    unsigned to = (s & MSTATUS_SPP) ? RV_PRIV_S : RV_PRIV_U;
    s = (s & ~MSTATUS_SIE) | ((s & MSTATUS_SPIE) ? MSTATUS_SIE : 0);
    s |= MSTATUS_SPIE;
    s &= ~MSTATUS_SPP;
    s &= ~MSTATUS_MPRV; /* sret always returns below M */
    cpu->mstatus = s;
    cpu->pc = cpu->sepc & xlen_mask(cpu);
    rv_set_priv(cpu, to);
    rv_update_tlb_ptrs(cpu);
    rv_update_irq(cpu);
}
