/*
 * A64 branches, exception generation and system instructions (Arm ARM
 * C4.1.87: op0 = 101x), as EL0 under Linux sees them: SCTLR_EL1.UCI, UCT,
 * DZE and nTWE are set, UMA is clear, there is no debug halting.
 * The class is chosen by bits 31:26 and then 25:24.
 */
#include "cpu/arm64/a64_cpu.h"

/* AT_HWCAP bits of optional features this group knows (Linux's numbering) */
#define HWCAP_DCPOP (1ull << 16)
#define HWCAP_SB (1ull << 29)

/* the sysreg/SYS operand fields (bits 20:5) */
#define SYS_ENC(op0, op1, crn, crm, op2)                                    \
    ((uint32_t)(op0) << 14 | (op1) << 11 | (crn) << 7 | (crm) << 3 | (op2))

/* Exception generation (C4.1.87.4): SVC and BRK; the others are not
 * available at EL0 */
static int exception_gen(a64_cpu *cpu, uint32_t insn)
{
    unsigned opc = a64_bits(insn, 23, 21), ll = insn & 3;
    uint32_t imm16 = a64_bits(insn, 20, 5);
    if (a64_bits(insn, 4, 2) != 0)
        return A64_UNDEF;
    if (opc == 0 && ll == 1)
        return a64_raise(cpu, A64_EC_SVC, imm16, 0);
    if (opc == 1 && ll == 0)
        return a64_raise(cpu, A64_EC_BRK, imm16, 0);
    /* HVC and SMC are UNDEFINED at EL0 (C6.2 HVC, SMC); HLT with halting
     * disabled, DCPSn outside debug state, TME: likewise */
    return A64_UNDEF;
}

/* DC ZVA (C5.3.22): zero the DCZID-sized block holding the address; it is
 * a store in every respect (faults as a write, clears the monitor) */
static int dc_zva(a64_cpu *cpu, uint64_t va)
{
    static const uint8_t zero[16];
    va &= ~(uint64_t)(A64_DCZVA_BYTES - 1);
    /* the block lies in one page, so only the first store can fault */
    for (unsigned i = 0; i < A64_DCZVA_BYTES; i += 16)
        if (!a64_store(cpu, va + i, 16, zero))
            return A64_EXC;
    a64_excl_store(cpu, va, A64_DCZVA_BYTES);
    return A64_OK;
}

/* SYS (C5.3): the cache maintenance Linux lets EL0 use (SCTLR_EL1.UCI) and
 * DC ZVA (SCTLR_EL1.DZE). Caches are not modelled, so maintenance by VA is
 * a no-op that never faults. */
static int sys_insn(a64_cpu *cpu, uint32_t insn)
{
    uint64_t xt = a64_x(cpu, insn & 31);
    switch (a64_bits(insn, 20, 5)) {
    case SYS_ENC(1, 3, 7, 4, 1): /* DC ZVA */
        return dc_zva(cpu, xt);
    case SYS_ENC(1, 3, 7, 11, 1): /* DC CVAU */
    case SYS_ENC(1, 3, 7, 10, 1): /* DC CVAC */
    case SYS_ENC(1, 3, 7, 14, 1): /* DC CIVAC */
    case SYS_ENC(1, 3, 7, 5, 1):  /* IC IVAU */
        return A64_OK;
    case SYS_ENC(1, 3, 7, 12, 1): /* DC CVAP: FEAT_DPB */
        return cpu->hwcap & HWCAP_DCPOP ? A64_OK : A64_UNDEF;
    default:
        return A64_UNDEF;
    }
}

/* Barriers (C4.1.87.7): CRm is the domain/type, which a single in-order
 * hart does not need */
static int barrier(a64_cpu *cpu, uint32_t insn)
{
    switch (a64_bits(insn, 7, 5)) {
    case 2: /* CLREX */
        cpu->excl_valid = false;
        return A64_OK;
    case 4: /* DSB (CRm 0000 and 0100 are SSBB and PSSBB) */
    case 5: /* DMB */
    case 6: /* ISB */
        return A64_OK;
    case 7: /* SB: FEAT_SB */
        return cpu->hwcap & HWCAP_SB ? A64_OK : A64_UNDEF;
    default: /* DSB nXS, TCOMMIT: not implemented */
        return A64_UNDEF;
    }
}

/* System (bits 31:22 = 1101010100): hints, barriers, PSTATE, SYS/SYSL,
 * MSR/MRS, by L (21), op0 (20:19) and CRn (15:12) */
static int system_insn(a64_cpu *cpu, uint32_t insn)
{
    bool l = insn & (1u << 21);
    unsigned op0 = a64_bits(insn, 20, 19), rt = insn & 31;
    if (a64_bits(insn, 23, 22) != 0)
        return A64_UNDEF;
    if (op0 >= 2) { /* MRS, MSR (register) */
        uint32_t enc = a64_bits(insn, 19, 5);
        if (l) {
            uint64_t v;
            if (!a64_sysreg_read(cpu, enc, &v))
                return A64_UNDEF;
            a64_set_x(cpu, rt, v);
            return A64_OK;
        }
        return a64_sysreg_write(cpu, enc, a64_x(cpu, rt)) ? A64_OK
                                                          : A64_UNDEF;
    }
    if (op0 == 1) /* SYS; SYSL has nothing at EL0 */
        return l ? A64_UNDEF : sys_insn(cpu, insn);
    if (l)
        return A64_UNDEF;
    unsigned op1 = a64_bits(insn, 18, 16);
    switch (a64_bits(insn, 15, 12)) {
    case 2: /* hints (C6.2 HINT): every hint this core lacks (BTI, PAC,
             * ESB...) executes as a NOP; so do WFE (SCTLR_EL1.nTWE) and
             * WFI (Linux traps it and steps over it) */
        return op1 == 3 && rt == 31 ? A64_OK : A64_UNDEF;
    case 3:
        return op1 == 3 && rt == 31 ? barrier(cpu, insn) : A64_UNDEF;
    default:
        /* MSR (immediate): nothing writable at EL0 on this core (DAIF
         * needs SCTLR_EL1.UMA, the rest EL1 or later features); CFINV etc.
         * are FEAT_FlagM; WFET/WFIT FEAT_WFxT */
        return A64_UNDEF;
    }
}

/* BR, BLR, RET; ERET/DRPS and the pointer-authentication forms are not
 * available (EL0, no FEAT_PAuth) */
static int branch_reg(a64_cpu *cpu, uint32_t insn)
{
    unsigned opc = a64_bits(insn, 24, 21);
    if (a64_bits(insn, 20, 16) != 31 || a64_bits(insn, 15, 10) != 0 ||
        (insn & 31) != 0 || opc > 2)
        return A64_UNDEF;
    uint64_t target = a64_x(cpu, a64_bits(insn, 9, 5));
    if (opc == 1) /* BLR: the target was read first, so BLR X30 works */
        cpu->x[30] = cpu->pc;
    cpu->pc = target;
    return A64_OK;
}

int a64_exec_branch(a64_cpu *cpu, uint32_t insn)
{
    uint64_t pc = cpu->pc - 4; /* the run loop has advanced pc */

    switch (insn >> 26) {
    case 0x05: /* B */
        cpu->pc = pc + ((uint64_t)a64_sext(insn & 0x3ffffff, 26) << 2);
        return A64_OK;
    case 0x15: /* B.cond; bit 4 set is BC.cond (FEAT_HBC) */
        if ((insn & 0x03000010) != 0)
            return A64_UNDEF;
        if (a64_cond(cpu->nzcv, insn & 0xf))
            cpu->pc = pc + ((uint64_t)a64_sext(a64_bits(insn, 23, 5), 19) << 2);
        return A64_OK;
    case 0x0d: case 0x2d: { /* CBZ, CBNZ (bit 25 clear); TBZ, TBNZ */
        uint64_t rt = a64_x(cpu, insn & 31);
        bool nz = insn & (1u << 24), zero;
        uint64_t off;
        if (!(insn & (1u << 25))) {
            zero = (insn >> 31 ? rt : (uint32_t)rt) == 0;
            off = (uint64_t)a64_sext(a64_bits(insn, 23, 5), 19) << 2;
        } else {
            unsigned bit = (insn >> 31) << 5 | a64_bits(insn, 23, 19);
            zero = !((rt >> bit) & 1);
            off = (uint64_t)a64_sext(a64_bits(insn, 18, 5), 14) << 2;
        }
        if (zero != nz)
            cpu->pc = pc + off;
        return A64_OK;
    }
    case 0x25: /* BL */
        cpu->x[30] = cpu->pc;
        cpu->pc = pc + ((uint64_t)a64_sext(insn & 0x3ffffff, 26) << 2);
        return A64_OK;
    case 0x35:
        switch (a64_bits(insn, 25, 24)) {
        case 0: return exception_gen(cpu, insn);
        case 1: return system_insn(cpu, insn);
        default: return branch_reg(cpu, insn);
        }
    default:
        return A64_UNDEF;
    }
}
