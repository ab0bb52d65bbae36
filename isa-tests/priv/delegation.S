/*
 * Exception delegation (privileged spec 1.12, 3.1.8 and 4.1): medeleg and
 * mideleg are WARL bit masks; an exception raised in S or U mode whose
 * medeleg bit is set traps to S mode (scause, sepc, stval written;
 * sstatus.SPP = previous mode, SPIE = SIE, SIE = 0; the M-mode trap CSRs
 * are left alone), never when raised in M mode.
 *
 * QEMU deviation (skipped under -DQEMU): QEMU 7.2 lets medeleg[11] (ecall
 * from M) be set, where the spec says "medeleg[11] is read-only zero"
 * (check 2).
 */
#include "priv.h"

/* Delegated traps come here in S mode: copy the S trap state to a2-a5 and
 * go back to M mode with an ecall (not delegated). */
#define S_PROBE_REGS csrr a2, sstatus; csrr a3, scause; csrr a4, sepc; csrr a5, stval

TEST_BEGIN
    PRIV_SETUP

    /* medeleg: the exceptions S and U mode can raise are delegable (here:
     * causes 1-9, 12, 13, 15; bit 0 may be read-only zero with C, where a
     * fetch is never misaligned); ecall from M (11) never is. */
    li t0, -1
    csrw medeleg, t0
    csrr a0, medeleg
    li t1, 0xb3fe
    and a1, a0, t1
    CHECK(1, a1, 0xb3fe)
#ifndef QEMU
    li t1, 1 << 11
    and a1, a0, t1
    CHECK(2, a1, 0)
#endif
    csrwi medeleg, 0
    csrr a0, medeleg
    CHECK(3, a0, 0)

    /* mideleg: the S-level interrupt bits are writable. */
    li t0, -1
    csrw mideleg, t0
    csrr a0, mideleg
    andi a1, a0, 0x222
    CHECK(4, a1, 0x222)
    csrwi mideleg, 0
    csrr a0, mideleg
    andi a1, a0, 0x222
    CHECK(5, a1, 0)

    /* Delegate illegal instruction, breakpoint and ecall from U. */
    li t0, (1 << CAUSE_ILLEGAL) | (1 << CAUSE_BREAKPOINT) | (1 << CAUSE_ECALL_U)
    csrw medeleg, t0
    la t0, s_probe
    csrw stvec, t0

    /* Illegal instruction in U mode with sstatus.SIE = 1. */
    li a0, 0x5a
    csrw mcause, a0
    csrw mtval, a0
    csrsi sstatus, MSTATUS_SIE
    li t0, MSTATUS_SPP
    csrs sstatus, t0           /* must become 0 (trap from U) */
    TRAP_CLEAR
    la T_ERESUME, 1f
    GOTO_MODE(PRV_U, 2f)
2:  csrr a0, mscratch
    j 2b                       /* not reached */
1:  CHECK(10, T_ECAUSE, CAUSE_ECALL_S)   /* came back from the S probe */
    CHECK(11, a3, CAUSE_ILLEGAL)
    la t5, 2b
    CHECK_REGS(12, a4, t5)
    mv T_TVAL, a5
    CHECK_TVAL_INSN(13, 2b)
    /* sstatus: SPP = 0 (from U), SPIE = 1 (old SIE), SIE = 0 */
    andi a0, a2, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE
    CHECK(15, a0, MSTATUS_SPIE)
    csrr a0, mcause            /* the M trap CSRs show the S ecall only */
    CHECK(16, a0, CAUSE_ECALL_S)

    /* Breakpoint in S mode with SIE = 0: SPP = 1, SPIE = 0. */
    csrci sstatus, MSTATUS_SIE
    li t0, MSTATUS_SPIE
    csrs sstatus, t0           /* must become 0 */
    TRAP_CLEAR
    la T_ERESUME, 1f
    GOTO_MODE(PRV_S, 2f)
    .option push
    .option norvc
2:  ebreak
    .option pop
    j 2b
1:  CHECK(20, a3, CAUSE_BREAKPOINT)
    la t5, 2b
    CHECK_REGS(21, a4, t5)
    andi a0, a2, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE
    CHECK(22, a0, MSTATUS_SPP)
    CHECK(23, T_COUNT, 0)      /* priv_trap saw nothing but the ecall */

    /* ecall from U, delegated: scause = 8, sepc = the ecall. */
    TRAP_CLEAR
    la T_ERESUME, 1f
    GOTO_MODE(PRV_U, 2f)
2:  ecall
    j 2b
1:  CHECK(30, a3, CAUSE_ECALL_U)
    la t5, 2b
    CHECK_REGS(31, a4, t5)
    CHECK(32, a5, 0)
    CHECK(33, T_ECAUSE, CAUSE_ECALL_S)

    /* The same exceptions in M mode are not delegated. */
    li a3, 0x77
    csrw scause, a3
    TRAP_CLEAR
2:  csrw mhartid, zero
    CHECK(40, T_COUNT, 1)
    CHECK_TRAP_AT(41, CAUSE_ILLEGAL, 2b)
    CHECK(42, T_LEVEL, 3)
    csrr a0, scause
    CHECK(43, a0, 0x77)
    TRAP_CLEAR
    .option push
    .option norvc
2:  ebreak
    .option pop
    CHECK(44, T_COUNT, 1)
    CHECK_TRAP_AT(45, CAUSE_BREAKPOINT, 2b)
    csrr a0, scause
    CHECK(46, a0, 0x77)

    /* A cause whose medeleg bit is clear goes to M even from U: load
     * access fault from address 0 (nothing there). Only illegal
     * instruction stays delegated from here on. */
    li t0, 1 << CAUSE_ILLEGAL
    csrw medeleg, t0
    li a0, 0
    EXPECT_TRAP(50, PRV_U, CAUSE_LOAD_ACCESS, lw a1, 0(a0))
    CHECK(51, T_LEVEL, 3)

    /* With the recording S handler: a delegated trap from U is handled in
     * S and U continues after the faulting instruction. */
    la t0, priv_strap
    csrw stvec, t0
    EXPECT_TRAP(60, PRV_U, CAUSE_ILLEGAL, csrr a0, sstatus; addi a1, a1, 0)
    CHECK(61, T_LEVEL, 1)
    CHECK_TVAL_INSN(62, 90b)

    TEST_PASS

    .align 2
s_probe:
    S_PROBE_REGS
    ecall

    PRIV_HANDLERS
TEST_END
