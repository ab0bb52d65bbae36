/*
 * Misaligned loads, stores and AMOs trap when the platform does not
 * emulate them (our emulator without `zicclsm`, Spike's default):
 * load address misaligned (cause 4) and store/AMO address misaligned
 * (cause 6), mtval = the effective address, mepc = the instruction; the
 * destination register and memory are left unchanged. LR raises cause 4,
 * SC and AMOs cause 6 (privileged spec 1.12, 3.1.15 and 3.1.16; the A
 * extension: misaligned LR/SC/AMO raise an address-misaligned exception
 * (or an access fault, which we do not allow)).
 *
 * QEMU deviation (skipped under -DQEMU): QEMU completes misaligned plain
 * loads and stores (the spec permits either, "misaligned accesses may be
 * handled in hardware or trap"; our emulator's default is to trap), so
 * checks 1-19 are skipped. QEMU also lets a misaligned SC without a
 * reservation fail quietly (rd = 1, no trap), where the A extension says a
 * misaligned LR/SC raises an exception (Spike checks alignment first):
 * checks 22 and 27 are skipped. And QEMU reports a misaligned AMO as a
 * load address misaligned (cause 4) where the spec's cause is 6,
 * "Store/AMO address misaligned": checks 23-25 and 28 are skipped.
 */
#include "priv.h"

/* Check number n: `insn` (one instruction, label 90) traps with cause and
 * mtval = the address in a1 plus off; a0 keeps 0x5a. */
#define MISALIGNED(n, cause, off, insn...)                                  \
    TRAP_CLEAR;                                                             \
    li a0, 0x5a;                                                            \
90: insn;                                                                   \
    CHECK(n, T_COUNT, 1);                                                   \
    CHECK_TRAP_AT(n, cause, 90b);                                           \
    addi t5, a1, off;                                                       \
    CHECK_REGS(n, T_TVAL, t5);                                              \
    CHECK(n, a0, 0x5a)

TEST_BEGIN
    PRIV_SETUP
    la a1, buf

#ifndef QEMU
    MISALIGNED(1, CAUSE_LOAD_MISALIGNED, 1, lh a0, 1(a1))
    MISALIGNED(2, CAUSE_LOAD_MISALIGNED, 3, lhu a0, 3(a1))
    MISALIGNED(3, CAUSE_LOAD_MISALIGNED, 1, lw a0, 1(a1))
    MISALIGNED(4, CAUSE_LOAD_MISALIGNED, 2, lw a0, 2(a1))
    MISALIGNED(5, CAUSE_LOAD_MISALIGNED, 7, lw a0, 7(a1))
    MISALIGNED(6, CAUSE_STORE_MISALIGNED, 1, sh a0, 1(a1))
    MISALIGNED(7, CAUSE_STORE_MISALIGNED, 2, sw a0, 2(a1))
    MISALIGNED(8, CAUSE_STORE_MISALIGNED, 3, sw a0, 3(a1))
#if XLEN == 64
    MISALIGNED(9, CAUSE_LOAD_MISALIGNED, 4, ld a0, 4(a1))
    MISALIGNED(10, CAUSE_LOAD_MISALIGNED, 2, lwu a0, 2(a1))
    MISALIGNED(11, CAUSE_STORE_MISALIGNED, 1, sd a0, 1(a1))
#endif
    /* Compressed forms (the handler steps over 2 bytes). */
    addi a2, a1, 2
    MISALIGNED(12, CAUSE_LOAD_MISALIGNED, 2, c.lw a0, 0(a2))
    MISALIGNED(13, CAUSE_STORE_MISALIGNED, 2, c.sw a0, 0(a2))
    /* The faulting stores wrote nothing. */
    LREG a3, 0(a1)
    CHECK(14, a3, 0)
    LREG a3, REGBYTES(a1)
    CHECK(15, a3, 0)
    /* From U mode too. */
    EXPECT_TRAP(16, PRV_U, CAUSE_LOAD_MISALIGNED, lw a0, 1(a1))
    addi t5, a1, 1
    CHECK_REGS(17, T_TVAL, t5)
    EXPECT_TRAP(18, PRV_S, CAUSE_STORE_MISALIGNED, sh a0, 5(a1))
    addi t5, a1, 5
    CHECK_REGS(19, T_TVAL, t5)
#endif

    /* Aligned accesses of each size are fine. */
    TRAP_CLEAR
    lh a0, 2(a1)
    lw a0, 4(a1)
    sh a0, 6(a1)
    sw a0, 4(a1)
    CHECK(20, T_COUNT, 0)

    /* LR, SC and AMOs. */
    addi a2, a1, 2
    MISALIGNED(21, CAUSE_LOAD_MISALIGNED, 2, lr.w a0, (a2))
#ifndef QEMU
    MISALIGNED(22, CAUSE_STORE_MISALIGNED, 2, sc.w a0, a0, (a2))
    MISALIGNED(23, CAUSE_STORE_MISALIGNED, 2, amoadd.w a0, a0, (a2))
    MISALIGNED(24, CAUSE_STORE_MISALIGNED, 2, amoswap.w a0, a0, (a2))
    addi a2, a1, 1
    MISALIGNED(25, CAUSE_STORE_MISALIGNED, 1, amoor.w a0, a0, (a2))
#endif
#if XLEN == 64
    addi a2, a1, 4
    MISALIGNED(26, CAUSE_LOAD_MISALIGNED, 4, lr.d a0, (a2))
#ifndef QEMU
    MISALIGNED(27, CAUSE_STORE_MISALIGNED, 4, sc.d a0, a0, (a2))
    MISALIGNED(28, CAUSE_STORE_MISALIGNED, 4, amomax.d a0, a0, (a2))
#endif
#endif
    lw a3, 0(a1)
    CHECK(29, a3, 0)

    TEST_PASS

    PRIV_HANDLERS
TEST_END

    .data
    .align 4
buf:
    .dword 0, 0, 0, 0
