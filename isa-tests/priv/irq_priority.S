/*
 * Interrupt priority (privileged spec 1.12, 3.1.9): when several enabled
 * interrupts are pending, M mode takes them in the order MEI, MSI, MTI,
 * SEI, SSI, STI; interrupts for M mode come before interrupts delegated
 * to S mode. (MEI cannot be raised on the test board: there is no
 * external interrupt controller.) The handlers log the causes in order,
 * silence each source and return; the next pending one is then taken.
 *
 * QEMU deviation (skipped under -DQEMU): QEMU 7.2 takes pending
 * interrupts of one privilege level lowest cause number first (SSI, MSI,
 * STI, MTI, SEI), against the spec's order (checks 1-10, 31, 32). It does
 * take M-level interrupts before delegated ones (checks 20-22, 30 run).
 */
#include "priv.h"

/* Wait until the timer interrupt is pending (bounded). */
#define WAIT_MTIP                                                           \
    li t5, 10000000;                                                        \
1:  csrr t0, mip;                                                           \
    andi t0, t0, MIP_MTIP;                                                  \
    bnez t0, 2f;                                                            \
    addi t5, t5, -1;                                                        \
    bnez t5, 1b;                                                            \
2:

/* Check number n: log entry i is value. */
#define LOG_IS(n, i, value)                                                 \
    la t0, log;                                                             \
    lw a0, (4 * (i))(t0);                                                   \
    CHECK(n, a0, value)

/* Start a new log. */
#define LOG_RESET                                                           \
    la a6, log;                                                             \
    sw zero, 0(a6); sw zero, 4(a6); sw zero, 8(a6); sw zero, 12(a6);        \
    sw zero, 16(a6); sw zero, 20(a6)

TEST_BEGIN
    PRIV_SETUP
    TIMER_OFF
    la t0, prio_trap
    csrw mtvec, t0
    la t0, sprio_trap
    csrw stvec, t0

#ifndef QEMU
    /* Everything pending, nothing delegated, M mode: MSI, MTI, SEI, SSI,
     * STI. */
    LOG_RESET
    li t0, MIP_MSIP | MIP_MTIP | MIP_SEIP | MIP_SSIP | MIP_STIP
    csrw mie, t0
    TIMER_IN(1)
    MSIP_SET
    li t0, MIP_SEIP | MIP_SSIP | MIP_STIP
    csrs mip, t0
    WAIT_MTIP
    csrsi mstatus, MSTATUS_MIE
    nop
    nop
    csrci mstatus, MSTATUS_MIE
    LOG_IS(1, 0, IRQ_MSI)
    LOG_IS(2, 1, IRQ_MTI)
    LOG_IS(3, 2, IRQ_SEI)
    LOG_IS(4, 3, IRQ_SSI)
    LOG_IS(5, 4, IRQ_STI)
    LOG_IS(6, 5, 0)

    /* A subset: SSI before STI, MTI before SEI. */
    LOG_RESET
    li t0, MIP_MTIP | MIP_SEIP | MIP_SSIP | MIP_STIP
    csrw mie, t0
    li t0, MIP_SEIP | MIP_STIP
    csrs mip, t0
    TIMER_IN(1)
    csrsi mip, MIP_SSIP
    WAIT_MTIP
    csrsi mstatus, MSTATUS_MIE
    nop
    nop
    csrci mstatus, MSTATUS_MIE
    LOG_IS(7, 0, IRQ_MTI)
    LOG_IS(8, 1, IRQ_SEI)
    LOG_IS(9, 2, IRQ_SSI)
    LOG_IS(10, 3, IRQ_STI)
#endif

    /* Delegated S interrupts and an M interrupt pending while in S mode
     * (SIE = 1, MIE = 0): MTI (to M) first, then SSI, STI (to S). */
    li t0, 0x222
    csrw mideleg, t0
    LOG_RESET
    li t0, MIP_MTIP | MIP_SSIP | MIP_STIP
    csrw mie, t0
    li t0, MIP_STIP
    csrs mip, t0
    csrsi mip, MIP_SSIP
    TIMER_IN(1)
    WAIT_MTIP
    li t0, MSTATUS_MPIE
    csrc mstatus, t0
    csrsi mstatus, MSTATUS_SIE
    TRAP_CLEAR
    IN_MODE(PRV_S, nop; nop; nop)
    csrci mstatus, MSTATUS_SIE
    LOG_IS(20, 0, IRQ_MTI)
    LOG_IS(21, 1, 0x100 | IRQ_SSI)
    LOG_IS(22, 2, 0x100 | IRQ_STI)
    LOG_IS(23, 3, 0)
    CHECK(24, T_ECAUSE, CAUSE_ECALL_S)
    li t0, MIP_STIP
    csrc mip, t0

    /* In U mode: MSI (to M) first, then SEI before STI (to S). */
    LOG_RESET
    li t0, MIP_MSIP | MIP_SEIP | MIP_STIP
    csrw mie, t0
    li t0, MIP_SEIP | MIP_STIP
    csrs mip, t0
    MSIP_SET
    TRAP_CLEAR
    IN_MODE(PRV_U, nop; nop; nop)
    LOG_IS(30, 0, IRQ_MSI)
#ifndef QEMU
    LOG_IS(31, 1, 0x100 | IRQ_SEI)
    LOG_IS(32, 2, 0x100 | IRQ_STI)
#endif
    LOG_IS(33, 3, 0)
    CHECK(34, T_ECAUSE, CAUSE_ECALL_U)
    li t0, MIP_SEIP | MIP_STIP
    csrc mip, t0

    TEST_PASS

/* M handler: log the interrupt cause (a6 = log pointer), silence the
 * source, return. Exceptions (the ecalls of IN_MODE) go to priv_trap. */
    .align 2
prio_trap:
    csrr a4, mcause
    bltz a4, 1f
    j priv_trap
1:  andi a4, a4, 0xff
    sw a4, 0(a6)
    addi a6, a6, 4
    li a5, IRQ_MSI
    bne a4, a5, 2f
    li a5, CLINT_MSIP
    sw zero, 0(a5)
    mret
2:  li a5, IRQ_MTI
    bne a4, a5, 3f
    li a4, CLINT_MTIMECMP
    li a5, -1
    sw a5, 4(a4)
    sw a5, 0(a4)
    mret
3:  li a5, 1
    sll a5, a5, a4
    csrc mip, a5               /* SEIP, SSIP, STIP */
    mret

/* S handler: log 0x100 | cause, disable that interrupt in sie (STIP and
 * SEIP are read-only in sip), return. */
    .align 2
sprio_trap:
    csrr a4, scause
    andi a4, a4, 0xff
    ori a5, a4, 0x100
    sw a5, 0(a6)
    addi a6, a6, 4
    li a5, 1
    sll a5, a5, a4
    csrc sie, a5
    csrc sip, a5
    sret

    PRIV_HANDLERS
TEST_END

    .data
    .align 4
log:
    .word 0, 0, 0, 0, 0, 0, 0, 0
