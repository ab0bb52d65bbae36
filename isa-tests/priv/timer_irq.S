/*
 * Machine timer interrupt through the CLINT (privileged spec 1.12, 3.1.9,
 * 3.2.1): mip.MTIP is set while mtime >= mtimecmp, cleared by writing
 * mtimecmp, and read-only in mip; the interrupt is taken in M mode when
 * MIE and MTIE are set, and always in S and U mode when MTIE is set
 * (whatever mstatus.MIE says); mcause = interrupt bit | 7, mepc = the
 * next instruction to run, mtval = 0.
 */
#include "priv.h"

TEST_BEGIN
    PRIV_SETUP
    TIMER_OFF
    csrr a0, mip
    andi a0, a0, MIP_MTIP
    CHECK(1, a0, 0)

    /* Pending but masked by mstatus.MIE: no trap, MTIP visible. */
    li t0, MIP_MTIP
    csrw mie, t0
    TIMER_IN(50)
    li t5, 10000000
1:  csrr a0, mip
    andi a0, a0, MIP_MTIP
    bnez a0, 2f
    addi t5, t5, -1
    bnez t5, 1b
2:  CHECK(2, a0, MIP_MTIP)
    CHECK(3, T_COUNT, 0)
    li t0, MIP_MTIP
    csrc mip, t0               /* read-only in mip */
    csrr a0, mip
    andi a0, a0, MIP_MTIP
    CHECK(4, a0, MIP_MTIP)

    /* Enabling MIE takes it at once, before the next instruction. */
    csrsi mstatus, MSTATUS_MIE
1:  nop
    csrci mstatus, MSTATUS_MIE
    CHECK(5, T_COUNT, 1)
    CHECK(6, T_CAUSE, INTBIT | IRQ_MTI)
    la t0, 1b
    CHECK_REGS(7, T_EPC, t0)
    CHECK(8, T_TVAL, 0)

    /* Writing mtimecmp clears MTIP. */
    TIMER_OFF
    csrr a0, mip
    andi a0, a0, MIP_MTIP
    CHECK(9, a0, 0)

    /* Taken in U mode with mstatus.MIE = 0. */
    TRAP_CLEAR
    li t0, MIP_MTIP
    csrw mie, t0
    li t0, MSTATUS_MPIE        /* U runs with MIE = 0 */
    csrc mstatus, t0
    TIMER_IN(50)
    IN_MODE(PRV_U, WAIT_NONZERO(T_COUNT))
    TIMER_OFF
    CHECK(10, T_COUNT, 1)
    CHECK(11, T_CAUSE, INTBIT | IRQ_MTI)
    CHECK(12, T_ECAUSE, CAUSE_ECALL_U)   /* and U went on afterwards */
    csrr a0, mstatus
    andi a0, a0, MSTATUS_MIE
    CHECK(13, a0, 0)

    /* Taken in S mode with mstatus.MIE = 0, also when delegation of
     * S-level interrupts is on (MTI is an M-level interrupt). */
    li t0, 0x222
    csrw mideleg, t0
    TRAP_CLEAR
    li t0, MIP_MTIP
    csrw mie, t0
    li t0, MSTATUS_MPIE        /* S runs with MIE = 0 */
    csrc mstatus, t0
    TIMER_IN(50)
    IN_MODE(PRV_S, WAIT_NONZERO(T_COUNT))
    TIMER_OFF
    CHECK(14, T_COUNT, 1)
    CHECK(15, T_CAUSE, INTBIT | IRQ_MTI)
    CHECK(16, T_LEVEL, 3)
    CHECK(17, T_ECAUSE, CAUSE_ECALL_S)
    csrwi mideleg, 0

    /* MTIE = 0: a pending MTIP is not taken, even in U mode. */
    TRAP_CLEAR
    csrw mie, zero
    TIMER_IN(1)
    IN_MODE(PRV_U, li t5, 20000; 1: addi t5, t5, -1; bnez t5, 1b)
    csrr a0, mip
    andi a0, a0, MIP_MTIP
    CHECK(18, a0, MIP_MTIP)
    CHECK(19, T_COUNT, 0)
    TIMER_OFF

    /* In the handler: MPIE = old MIE (1), MIE = 0, MPP = M. */
    la t0, probe
    csrw mtvec, t0
    li t0, MIP_MTIP
    csrw mie, t0
    li a1, 0
    TIMER_IN(10)
    csrsi mstatus, MSTATUS_MIE
    WAIT_NONZERO(a1)
    li t0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
    and a0, a0, t0
    CHECK(20, a0, MSTATUS_MPIE | MSTATUS_MPP)
    CHECK(21, a1, INTBIT | IRQ_MTI)
    SET_TRAP_HANDLER(priv_trap)

    TEST_PASS

    .align 2
probe:
    csrr a0, mstatus
    csrr a1, mcause
    csrw mie, zero
    li t0, MSTATUS_MPIE
    csrc mstatus, t0           /* return with MIE = 0 */
    mret

    PRIV_HANDLERS
TEST_END
