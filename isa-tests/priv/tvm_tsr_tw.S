/*
 * mstatus.TVM, TSR and TW (privileged spec 1.12, 3.1.6.5): with TVM = 1,
 * S-mode reads and writes of satp and sfence.vma are illegal; with
 * TSR = 1, sret in S mode is illegal; with TW = 1, wfi in S mode is
 * illegal (our emulator's time limit is zero; no interrupt is pending
 * here, so wfi cannot complete). M mode is not affected. In U mode
 * sfence.vma, satp and sret are always illegal, and so is wfi.
 */
#include "priv.h"

/* A wake-up source for wfi that traps nowhere: a delegated SSI, enabled
 * in sie, masked by sstatus.SIE = 0. */
#define WAKEUP_ON                                                           \
    li t0, MIP_SSIP;                                                        \
    csrw mideleg, t0;                                                       \
    csrw mie, t0;                                                           \
    csrs mip, t0;                                                           \
    csrci mstatus, MSTATUS_SIE
#define WAKEUP_OFF                                                          \
    csrw mie, zero;                                                         \
    csrci mip, MIP_SSIP;                                                    \
    csrwi mideleg, 0

TEST_BEGIN
    PRIV_SETUP
    TIMER_OFF
    csrw satp, zero

    /* TVM = 0: S mode may use satp and sfence.vma. */
    EXPECT_OK(1, PRV_S, csrr a0, satp; csrw satp, zero; sfence.vma;
              sfence.vma a0, a0)
    /* TVM = 1. */
    li t0, MSTATUS_TVM
    csrs mstatus, t0
    EXPECT_ILLEGAL(2, PRV_S, csrr a0, satp)
    EXPECT_ILLEGAL(3, PRV_S, csrw satp, zero)
    EXPECT_ILLEGAL(4, PRV_S, sfence.vma)
    EXPECT_ILLEGAL(5, PRV_S, sfence.vma a0, zero)
    EXPECT_OK(6, PRV_M, csrr a0, satp; csrw satp, zero; sfence.vma)
    EXPECT_OK(7, PRV_S, csrr a0, sstatus; csrr a0, sscratch)
    li t0, MSTATUS_TVM
    csrc mstatus, t0
    /* U mode: never. */
    EXPECT_ILLEGAL(8, PRV_U, sfence.vma)
    EXPECT_ILLEGAL(9, PRV_U, csrr a0, satp)

    /* TSR = 1: sret illegal in S, fine in M. */
    li t0, MSTATUS_TSR
    csrs mstatus, t0
    EXPECT_ILLEGAL(10, PRV_S, sret)
    li t0, MSTATUS_SPP         /* sret from M to S with TSR = 1 */
    csrs mstatus, t0
    TRAP_CLEAR
    la T_ERESUME, 2f
    la t0, 1f
    csrw sepc, t0
    sret
1:  ecall
2:  CHECK(11, T_ECAUSE, CAUSE_ECALL_S)
    CHECK(12, T_COUNT, 0)
    li t0, MSTATUS_TSR
    csrc mstatus, t0
    EXPECT_ILLEGAL(13, PRV_U, sret)

    /* TW = 0: wfi fine in S (with a wake-up source), illegal in U. */
    WAKEUP_ON
    EXPECT_OK(20, PRV_S, wfi)
    WAKEUP_OFF
    EXPECT_ILLEGAL(21, PRV_U, wfi)
    /* TW = 1: illegal in S and U, fine in M. */
    li t0, MSTATUS_TW
    csrs mstatus, t0
    EXPECT_ILLEGAL(22, PRV_S, wfi)
    EXPECT_ILLEGAL(23, PRV_U, wfi)
    li t0, MSTATUS_MPIE        /* MIE = 0 while in the wfi */
    csrc mstatus, t0
    csrsi mie, MIP_MSIP
    MSIP_SET
    EXPECT_OK(24, PRV_M, wfi)
    MSIP_CLEAR
    csrw mie, zero
    li t0, MSTATUS_TW
    csrc mstatus, t0

    TEST_PASS

    PRIV_HANDLERS
TEST_END
