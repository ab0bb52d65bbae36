/*
 * The system registers EL0 can reach with MRS/MSR on this core under Linux:
 * the EL0 registers SCTLR_EL1/CNTKCTL_EL1 open (UCT, EL0VCTEN), and the ID
 * registers Linux emulates by trapping (HWCAP_CPUID; Linux's
 * Documentation/arch/arm64/cpu-feature-registers.rst). Everything else is
 * UNDEFINED at EL0 (the guest gets SIGILL).
 */
#include "cpu/arm64/a64_cpu.h"

/* o0:op1:CRn:CRm:op2 as MRS/MSR carry it in bits 19:5 (op0 = 2 + o0) */
#define SR(op0, op1, crn, crm, op2)                                         \
    ((uint32_t)((op0) & 1) << 14 | (op1) << 11 | (crn) << 7 | (crm) << 3 |  \
     (op2))

enum {
    SR_NZCV = SR(3, 3, 4, 2, 0),
    SR_FPCR = SR(3, 3, 4, 4, 0),
    SR_FPSR = SR(3, 3, 4, 4, 1),
    SR_TPIDR_EL0 = SR(3, 3, 13, 0, 2),
    SR_TPIDRRO_EL0 = SR(3, 3, 13, 0, 3),
    SR_CTR_EL0 = SR(3, 3, 0, 0, 1),
    SR_DCZID_EL0 = SR(3, 3, 0, 0, 7),
    SR_CNTFRQ_EL0 = SR(3, 3, 14, 0, 0),
    SR_CNTVCT_EL0 = SR(3, 3, 14, 0, 2),
    SR_MIDR_EL1 = SR(3, 0, 0, 0, 0),
    SR_MPIDR_EL1 = SR(3, 0, 0, 0, 5),
    SR_REVIDR_EL1 = SR(3, 0, 0, 0, 6),
    SR_ID_AA64PFR0_EL1 = SR(3, 0, 0, 4, 0),
    SR_ID_AA64ISAR0_EL1 = SR(3, 0, 0, 6, 0),
};

/*
 * Linux's ID register emulation (arch/arm64/kernel/cpufeature.c,
 * emulate_sys_reg): it serves op0=3, op1=0, CRn=0 with CRm 0 or 2..7. In
 * CRm 0 only MIDR, MPIDR (the fixed "safe" value, bit 31 RES1) and REVIDR
 * (0); the others there, and the AArch32 block CRm=1, stay SIGILL. In CRm
 * 2..7 a register it does not track reads as 0.
 */
static bool id_reg_read(a64_cpu *cpu, uint32_t enc, uint64_t *v)
{
    if ((enc & ~(uint32_t)SR(0, 0, 0, 7, 7)) != SR(3, 0, 0, 0, 0))
        return false;
    switch (enc) {
    case SR_MIDR_EL1: *v = cpu->midr; return true;
    case SR_MPIDR_EL1: *v = 0x80000000ull; return true;
    case SR_REVIDR_EL1: *v = 0; return true;
    case SR_ID_AA64PFR0_EL1: *v = A64_MODEL_ID_AA64PFR0; return true;
    case SR_ID_AA64ISAR0_EL1: *v = A64_MODEL_ID_AA64ISAR0; return true;
    default: break;
    }
    unsigned crm = (enc >> 3) & 15;
    if (crm <= 1)
        return false;
    *v = 0;
    return true;
}

bool a64_sysreg_read(a64_cpu *cpu, uint32_t enc, uint64_t *v)
{
    switch (enc) {
    case SR_NZCV: *v = cpu->nzcv; return true;
    case SR_FPCR: *v = cpu->fpcr; return true;
    case SR_FPSR: *v = cpu->fpsr; return true;
    case SR_TPIDR_EL0: *v = cpu->tpidr_el0; return true;
    case SR_TPIDRRO_EL0: *v = cpu->tpidrro_el0; return true;
    case SR_CNTVCT_EL0:
        *v = cpu->cntvct ? cpu->cntvct(cpu->cntvct_ctx) : cpu->steps;
        return true;
    case SR_CNTFRQ_EL0: *v = cpu->cntfrq; return true;
    case SR_CTR_EL0: *v = A64_MODEL_CTR; return true;
    case SR_DCZID_EL0: *v = A64_MODEL_DCZID; return true;
    default: return id_reg_read(cpu, enc, v);
    }
}

bool a64_sysreg_write(a64_cpu *cpu, uint32_t enc, uint64_t v)
{
    switch (enc) {
    case SR_NZCV: cpu->nzcv = (uint32_t)v & 0xf0000000u; return true;
    case SR_FPCR: cpu->fpcr = (uint32_t)v & A64_FPCR_MASK; return true;
    case SR_FPSR: cpu->fpsr = (uint32_t)v & A64_FPSR_MASK; return true;
    case SR_TPIDR_EL0: cpu->tpidr_el0 = v; return true;
    default: /* TPIDRRO_EL0 and the counters are read-only at EL0 */
        return false;
    }
}
