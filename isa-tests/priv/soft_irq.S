/*
 * Software interrupts (privileged spec 1.12, 3.1.9, 4.1.3): the machine
 * software interrupt comes from the CLINT's msip register (cause 3) and
 * MSIP is read-only in mip; S-level software/timer/external interrupts are
 * raised by M mode writing mip.SSIP/STIP/SEIP and, delegated through
 * mideleg, trap to S mode (scause = interrupt bit | 1, 5, 9) when S mode
 * has SIE set, and always from U mode; they are never taken while in M
 * mode once delegated. An S-level interrupt that is not delegated goes to
 * M mode, even from S mode with mstatus.MIE = 0.
 */
#include "priv.h"

TEST_BEGIN
    PRIV_SETUP
    TIMER_OFF

    /* msip sets mip.MSIP. */
    MSIP_SET
    li t0, CLINT_MSIP
    lw a0, 0(t0)
    CHECK(1, a0, 1)
    csrr a0, mip
    andi a0, a0, MIP_MSIP
    CHECK(2, a0, MIP_MSIP)
    /* Taken in M with MIE and MSIE set. */
    csrsi mie, MIP_MSIP
    csrsi mstatus, MSTATUS_MIE
1:  nop
    csrci mstatus, MSTATUS_MIE
    CHECK(3, T_COUNT, 1)
    CHECK(4, T_CAUSE, INTBIT | IRQ_MSI)
    la t0, 1b
    CHECK_REGS(5, T_EPC, t0)
    MSIP_CLEAR
    csrr a0, mip
    andi a0, a0, MIP_MSIP
    CHECK(6, a0, 0)
    csrsi mip, MIP_MSIP        /* read-only in mip */
    csrr a0, mip
    andi a0, a0, MIP_MSIP
    CHECK(7, a0, 0)

    /* Taken from U mode whatever mstatus.MIE. */
    TRAP_CLEAR
    csrsi mie, MIP_MSIP
    MSIP_SET
    IN_MODE(PRV_U, nop; nop)
    MSIP_CLEAR
    CHECK(8, T_COUNT, 1)
    CHECK(9, T_CAUSE, INTBIT | IRQ_MSI)

    /* Delegated SSI, S mode with SIE = 1: taken in S at once. */
    li t0, 0x222
    csrw mideleg, t0
    TRAP_CLEAR
    csrsi sie, MIP_SSIP
    csrsi mip, MIP_SSIP
    csrsi mstatus, MSTATUS_SIE
    IN_MODE(PRV_S, 91: nop; nop)
    CHECK(10, T_COUNT, 1)
    CHECK(11, T_CAUSE, INTBIT | IRQ_SSI)
    CHECK(12, T_LEVEL, 1)
    la t0, 91b
    CHECK_REGS(13, T_EPC, t0)
    CHECK(14, T_TVAL, 0)
    csrr a0, scause
    CHECK(15, a0, INTBIT | IRQ_SSI)
    csrr a0, mcause            /* M saw only the ecall */
    CHECK(16, a0, CAUSE_ECALL_S)

    /* S mode with SIE = 0: not taken; U mode with SIE = 0: taken. */
    csrci mstatus, MSTATUS_SIE
    TRAP_CLEAR
    csrsi sie, MIP_SSIP
    IN_MODE(PRV_S, nop; nop)
    CHECK(17, T_COUNT, 0)
    IN_MODE(PRV_U, nop; nop)
    CHECK(18, T_COUNT, 1)
    CHECK(19, T_CAUSE, INTBIT | IRQ_SSI)
    CHECK(20, T_LEVEL, 1)

    /* Delegated S interrupts are never taken in M mode. */
    TRAP_CLEAR
    csrsi sie, MIP_SSIP
    csrsi mstatus, MSTATUS_SIE | MSTATUS_MIE
    nop
    nop
    csrci mstatus, MSTATUS_SIE | MSTATUS_MIE
    CHECK(21, T_COUNT, 0)
    csrci mip, MIP_SSIP

    /* STI and SEI raised by M mode in mip, taken in U mode by S. */
    TRAP_CLEAR
    li t0, MIP_STIP
    csrs mie, t0
    csrs mip, t0
    IN_MODE(PRV_U, nop; nop)
    li t0, MIP_STIP
    csrc mip, t0
    CHECK(22, T_COUNT, 1)
    CHECK(23, T_CAUSE, INTBIT | IRQ_STI)
    CHECK(24, T_LEVEL, 1)
    TRAP_CLEAR
    li t0, MIP_SEIP
    csrs mie, t0
    csrs mip, t0
    IN_MODE(PRV_U, nop; nop)
    li t0, MIP_SEIP
    csrc mip, t0
    CHECK(25, T_COUNT, 1)
    CHECK(26, T_CAUSE, INTBIT | IRQ_SEI)
    CHECK(27, T_LEVEL, 1)

    /* S mode raises its own software interrupt through sip. */
    TRAP_CLEAR
    csrsi mstatus, MSTATUS_SIE
    IN_MODE(PRV_S, csrsi sie, MIP_SSIP; csrsi sip, MIP_SSIP; 92: nop;
            csrci sip, MIP_SSIP)
    csrci mstatus, MSTATUS_SIE
    CHECK(28, T_COUNT, 1)
    CHECK(29, T_CAUSE, INTBIT | IRQ_SSI)
    la t0, 92b
    CHECK_REGS(30, T_EPC, t0)

    /* Not delegated: SSI from S mode with MIE = 0 goes to M. */
    csrwi mideleg, 0
    TRAP_CLEAR
    csrsi mie, MIP_SSIP
    csrsi mip, MIP_SSIP
    li t0, MSTATUS_MPIE
    csrc mstatus, t0
    IN_MODE(PRV_S, nop; nop)
    csrci mip, MIP_SSIP
    CHECK(31, T_COUNT, 1)
    CHECK(32, T_CAUSE, INTBIT | IRQ_SSI)
    CHECK(33, T_LEVEL, 3)
    /* ... and in M mode only with MIE set. */
    TRAP_CLEAR
    csrsi mie, MIP_SSIP
    csrsi mip, MIP_SSIP
    nop
    CHECK(34, T_COUNT, 0)
    csrsi mstatus, MSTATUS_MIE
    nop
    csrci mstatus, MSTATUS_MIE
    csrci mip, MIP_SSIP
    CHECK(35, T_COUNT, 1)
    CHECK(36, T_CAUSE, INTBIT | IRQ_SSI)

    TEST_PASS

    PRIV_HANDLERS
TEST_END
