/*
 * wfi (privileged spec 1.12, 3.3.3): it returns once an interrupt is
 * pending and enabled in mie (sie), even when the global enable
 * (mstatus.MIE/SIE) masks it, and then execution simply goes on. When the
 * interrupt is taken, it is taken on the instruction after the wfi
 * (mepc = wfi + 4). wfi in U mode is illegal when S mode exists
 * (mstatus.TW: see tvm_tsr_tw.S).
 */
#include "priv.h"

/* wfi until mip & mask is non-zero (bounded: the spec lets wfi return at
 * any time). Clobbers t0, t5. */
#define WFI_UNTIL(mask)                                                     \
    li t5, 1000000;                                                         \
1:  wfi;                                                                    \
    csrr t0, mip;                                                           \
    andi t0, t0, mask;                                                      \
    bnez t0, 2f;                                                            \
    addi t5, t5, -1;                                                        \
    bnez t5, 1b;                                                            \
2:

TEST_BEGIN
    PRIV_SETUP
    TIMER_OFF

    /* Timer enabled in mie, MIE = 0: wfi wakes up, no trap. */
    li t0, MIP_MTIP
    csrw mie, t0
    TIMER_IN(50)
    WFI_UNTIL(MIP_MTIP)
    csrr a0, mip
    andi a0, a0, MIP_MTIP
    CHECK(1, a0, MIP_MTIP)
    CHECK(2, T_COUNT, 0)
    TIMER_OFF

    /* Software interrupt already pending: wfi returns at once. */
    csrw mie, zero
    csrsi mie, MIP_MSIP
    MSIP_SET
    wfi
    CHECK(3, T_COUNT, 0)
    MSIP_CLEAR

    /* With MIE = 1 the interrupt is taken after the wfi. */
    TRAP_CLEAR
    li t0, MIP_MTIP
    csrw mie, t0
    /* Far enough to be in the wfi by then: QEMU's timer runs on host
     * time (2 ms here); our emulator's wfi skips ahead to the event. */
    TIMER_IN(20000)
    csrsi mstatus, MSTATUS_MIE
    .option push
    .option norvc
1:  wfi
    .option pop
    csrci mstatus, MSTATUS_MIE
    TIMER_OFF
    CHECK(4, T_COUNT, 1)
    CHECK(5, T_CAUSE, INTBIT | IRQ_MTI)
    la t0, 1b + 4
    CHECK_REGS(6, T_EPC, t0)

    /* In S mode (TW = 0): wfi is allowed; a delegated SSI enabled in sie
     * but masked by SIE = 0 wakes it up without a trap. */
    li t0, MIP_SSIP
    csrw mideleg, t0
    csrw mie, t0
    csrs mip, t0
    csrci mstatus, MSTATUS_SIE
    EXPECT_OK(7, PRV_S, wfi)
    csrci mip, MIP_SSIP
    csrwi mideleg, 0

    /* In S mode, a timer interrupt (for M) arriving during the wfi is
     * taken with mepc = wfi + 4. */
    TRAP_CLEAR
    li t0, MIP_MTIP
    csrw mie, t0
    TIMER_IN(20000)
    IN_MODE(PRV_S, .option push; .option norvc; 93: wfi; .option pop;
            WAIT_NONZERO(T_COUNT))
    TIMER_OFF
    CHECK(8, T_COUNT, 1)
    CHECK(9, T_CAUSE, INTBIT | IRQ_MTI)
    la t0, 93b + 4
    CHECK_REGS(10, T_EPC, t0)
    CHECK(11, T_ECAUSE, CAUSE_ECALL_S)

    /* wfi in U mode is illegal. */
    csrw mie, zero
    EXPECT_ILLEGAL(12, PRV_U, wfi)

    TEST_PASS

    PRIV_HANDLERS
TEST_END
