/*
 * Counters (Zicntr and privileged spec 1.12, 3.1.10-3.1.12): cycle, time
 * and instret count up; instret counts retired instructions, and a value
 * written to minstret is what the next instruction reads ("the write is
 * done instead of the increment"); mcycle reads back what was written,
 * give or take the cycles in between; on RV32 the high halves carry.
 * mcounteren gates S and U access to cycle/time/instret (bits CY, TM, IR),
 * scounteren additionally gates U; a clear bit makes the read illegal.
 * mhpmcounter3-31 and mhpmevent3-31 exist (read-only zero is allowed).
 *
 * QEMU deviations (skipped under -DQEMU):
 * - QEMU's `spike` board has no time CSR (rdtime is illegal; Zicntr
 *   defines it and Spike has it): checks 3, 4, 21, 43, 44.
 * - Without -icount QEMU's cycle/instret follow the host's clock, so exact
 *   counts and small windows fail: checks 5-9, 11-15. With -icount
 *   shift=0, checks 5, 9 and (RV64) 11 and 13 pass, but a read right after
 *   `csrw minstret, X` returns X + 1 (the spec: "a value written to instret
 *   by one instruction will be the value read by the following
 *   instruction"), checks 6-8, and on RV32 minstreth does not carry,
 *   check 11.
 * - It implements mhpmcounter3-18 only (check 10; the spec: "All counters
 *   should be implemented, but a legal implementation is to make both the
 *   counter and its corresponding event selector be read-only 0").
 */
#include "priv.h"

#define CY 1
#define TM 2
#define IR 4

TEST_BEGIN
    PRIV_SETUP

    /* cycle and instret go up. */
    csrr a0, cycle
    csrr a1, instret
    nop
    nop
    csrr a2, cycle
    csrr a3, instret
    li TESTNUM, 1
    bgeu a0, a2, fail
    li TESTNUM, 2
    bgeu a1, a3, fail
#ifndef QEMU
    /* time goes up (bounded wait: mtime is virtual time here). */
    csrr a0, time
    li t5, 1000000
1:  csrr a1, time
    bne a0, a1, 2f
    addi t5, t5, -1
    bnez t5, 1b
2:  li TESTNUM, 3
    bgeu a0, a1, fail
    /* time is mtime. */
    li t0, CLINT_MTIME
    csrr a0, time
    lw a1, 0(t0)
    csrr a2, time
    slli a0, a0, XLEN - 32
    srli a0, a0, XLEN - 32
    slli a1, a1, XLEN - 32
    srli a1, a1, XLEN - 32
    slli a2, a2, XLEN - 32
    srli a2, a2, XLEN - 32
    li TESTNUM, 4
    bltu a1, a0, fail
    bltu a2, a1, fail

    /* instret: the instructions in between, exactly. */
    csrr a0, instret
    nop
    nop
    nop
    csrr a1, instret
    sub a1, a1, a0
    CHECK(5, a1, 4)
    /* The value written to minstret is read by the next instruction. */
    li a0, 1000
    csrw minstret, a0
    csrr a1, minstret
    csrr a2, minstret
    csrr a3, instret
    CHECK(6, a1, 1000)
    CHECK(7, a2, 1001)
    CHECK(8, a3, 1002)
#endif

#ifndef QEMU
    /* mcycle reads back what was written, plus what has elapsed. */
    li a0, 5000
    csrw mcycle, a0
    csrr a1, mcycle
    sub a1, a1, a0
    li TESTNUM, 9
    li t0, 100
    bgeu a1, t0, fail
#endif

#ifndef QEMU
    /* The high halves carry (RV32), the counters wrap (RV64). */
#if XLEN == 32
    csrw minstreth, zero
    li a0, -1
    csrw minstret, a0
    nop
    nop
    csrr a1, minstreth
    CHECK(11, a1, 1)
    csrr a1, instreth
    CHECK(12, a1, 1)
    csrw mcycleh, zero
    li a0, -1
    csrw mcycle, a0
    nop
    nop
    csrr a1, mcycleh
    CHECK(13, a1, 1)
    li a0, 7
    csrw mcycleh, a0
    csrr a1, mcycleh
    CHECK(14, a1, 7)
    csrr a1, cycleh
    CHECK(15, a1, 7)
#else
    li a0, -1
    csrw minstret, a0
    nop
    nop
    csrr a1, minstret
    li TESTNUM, 11
    li t0, 100
    bgeu a1, t0, fail          /* wrapped to a small value */
    li a0, -1
    csrw mcycle, a0
    nop
    nop
    csrr a1, mcycle
    li TESTNUM, 13
    bgeu a1, t0, fail
#endif
#endif

    /* The hardware performance monitor CSRs exist. */
    EXPECT_OK(16, PRV_M, csrr a0, mhpmcounter3; csrr a0, mhpmevent3;
              csrw mhpmevent3, zero; csrr a0, hpmcounter3)
#ifndef QEMU
    EXPECT_OK(10, PRV_M, csrr a0, mhpmcounter31; csrr a0, mhpmevent31;
              csrr a0, hpmcounter31)
#endif

    /* mcounteren / scounteren. */
    li t0, 7
    csrw mcounteren, t0
    csrw scounteren, t0
    csrr a0, mcounteren
    andi a0, a0, 7
    CHECK(17, a0, 7)
    csrr a0, scounteren
    andi a0, a0, 7
    CHECK(18, a0, 7)

    /* All enabled: S and U may read. */
    EXPECT_OK(19, PRV_S, csrr a0, cycle; csrr a0, instret)
    EXPECT_OK(20, PRV_U, csrr a0, cycle; csrr a0, instret)
#ifndef QEMU
    EXPECT_OK(21, PRV_U, csrr a0, time)
#endif
#if XLEN == 32
    EXPECT_OK(22, PRV_U, csrr a0, cycleh; csrr a0, instreth)
#endif

    /* mcounteren = 0: illegal in S and U, fine in M. */
    csrw mcounteren, zero
    EXPECT_ILLEGAL(30, PRV_S, csrr a0, cycle)
    EXPECT_ILLEGAL(31, PRV_S, csrr a0, instret)
    EXPECT_ILLEGAL(32, PRV_S, csrr a0, time)
    EXPECT_ILLEGAL(33, PRV_U, csrr a0, cycle)   /* scounteren is 7 */
    EXPECT_ILLEGAL(34, PRV_U, csrr a0, instret)
#if XLEN == 32
    EXPECT_ILLEGAL(35, PRV_S, csrr a0, cycleh)
    EXPECT_ILLEGAL(36, PRV_U, csrr a0, instreth)
#endif
    EXPECT_OK(37, PRV_M, csrr a0, cycle; csrr a0, instret)

    /* One bit at a time. */
    li t0, CY
    csrw mcounteren, t0
    EXPECT_OK(38, PRV_S, csrr a0, cycle)
    EXPECT_ILLEGAL(39, PRV_S, csrr a0, instret)
    EXPECT_ILLEGAL(40, PRV_S, csrr a0, time)
    li t0, IR
    csrw mcounteren, t0
    EXPECT_OK(41, PRV_S, csrr a0, instret)
    EXPECT_ILLEGAL(42, PRV_S, csrr a0, cycle)
#ifndef QEMU
    li t0, TM
    csrw mcounteren, t0
    EXPECT_OK(43, PRV_S, csrr a0, time)
    EXPECT_ILLEGAL(44, PRV_S, csrr a0, cycle)
#endif

    /* U mode needs both: mcounteren = 7, scounteren = CY. */
    li t0, 7
    csrw mcounteren, t0
    li t0, CY
    csrw scounteren, t0
    EXPECT_OK(50, PRV_U, csrr a0, cycle)
    EXPECT_ILLEGAL(51, PRV_U, csrr a0, instret)
    EXPECT_ILLEGAL(52, PRV_U, csrr a0, time)
    EXPECT_OK(53, PRV_S, csrr a0, instret)      /* scounteren: U only */
    csrw scounteren, zero
    EXPECT_ILLEGAL(54, PRV_U, csrr a0, cycle)
    /* mcounteren = CY, scounteren = IR: U may read neither instret
     * (mcounteren) nor cycle (scounteren). */
    li t0, CY
    csrw mcounteren, t0
    li t0, IR
    csrw scounteren, t0
    EXPECT_ILLEGAL(55, PRV_U, csrr a0, instret)
    EXPECT_ILLEGAL(56, PRV_U, csrr a0, cycle)

    TEST_PASS
fail:
    TEST_FAIL

    PRIV_HANDLERS
TEST_END
