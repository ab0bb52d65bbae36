/*
 * Sstc 1.0, the supervisor timer compare CSR (run with
 * --isa=rv@XLEN@imac_sstc; the RISC-V Sstc extension specification, and
 * privileged spec 1.12, 3.1.9 and 3.1.18 for menvcfg):
 *   1-4    stimecmp (0x14d; on RV32 also stimecmph, 0x15d) is an XLEN-bit
 *          read/write CSR accessible in M mode whatever menvcfg.STCE says;
 *          menvcfg.STCE (bit 63; RV32: menvcfgh bit 31) is writable.
 *   5-12   below M, stimecmp is illegal unless both menvcfg.STCE and
 *          mcounteren.TM are set ("When STCE is 0 ... an attempt to access
 *          stimecmp in a mode other than M-mode raises an illegal
 *          instruction exception"; the same when mcounteren.TM is 0);
 *          with both set S mode reads and writes it; U mode never
 *          accesses it (an S-level CSR).
 *   13-16  with STCE set, mip.STIP is (time >= stimecmp) and is read-only
 *          in mip (writes through mip do not change it).
 *   17-22  a supervisor timer interrupt: delegated through mideleg, with
 *          sie.STIE and sstatus.SIE, it is taken in S mode once time
 *          reaches stimecmp (scause = interrupt | 5); writing a future
 *          stimecmp (from M or from S) clears STIP.
 *   23-25  with STCE clear STIP is no longer driven by stimecmp: M mode
 *          writes it through mip again, and a past stimecmp does not set
 *          it ("STIP reverts to its defined behavior", Sstc 1.0).
 *
 * QEMU deviation (skipped under -DQEMU): QEMU 7.2 arms its stimecmp timer
 * whatever menvcfg.STCE says, so a past stimecmp sets STIP with STCE
 * clear (check 25).
 */
#include "virt.h"

#define CSR_STIMECMP  0x14d
#define CSR_STIMECMPH 0x15d
#define CSR_MENVCFG   0x30a
#define CSR_MENVCFGH  0x31a
#define COUNTEREN_TM  2

#if XLEN == 64
#define STCE_SET   li t0, 1; slli t0, t0, 63; csrs CSR_MENVCFG, t0
#define STCE_CLEAR li t0, 1; slli t0, t0, 63; csrc CSR_MENVCFG, t0
/* reg = menvcfg.STCE (as bit 0) */
#define STCE_READ(reg) csrr reg, CSR_MENVCFG; srli reg, reg, 63
/* stimecmp = all ones (never), = 0 (always past) */
#define STIMECMP_NEVER li t0, -1; csrw CSR_STIMECMP, t0
#define STIMECMP_ZERO  csrw CSR_STIMECMP, zero
/* stimecmp = time + delta (0 < delta < 2^31). Clobbers t0, t1. */
#define STIMECMP_IN(delta)                                                  \
    csrr t0, time;                                                          \
    li t1, delta;                                                           \
    add t0, t0, t1;                                                         \
    csrw CSR_STIMECMP, t0
#else
#define STCE_SET   li t0, 0x80000000; csrs CSR_MENVCFGH, t0
#define STCE_CLEAR li t0, 0x80000000; csrc CSR_MENVCFGH, t0
#define STCE_READ(reg) csrr reg, CSR_MENVCFGH; srli reg, reg, 31
#define STIMECMP_NEVER                                                      \
    li t0, -1; csrw CSR_STIMECMPH, t0; csrw CSR_STIMECMP, t0
/* low half first: the high half stays all ones until the end */
#define STIMECMP_ZERO                                                       \
    csrw CSR_STIMECMP, zero; csrw CSR_STIMECMPH, zero
#define STIMECMP_IN(delta)                                                  \
1:  csrr t2, timeh;                                                         \
    csrr t0, time;                                                          \
    csrr t1, timeh;                                                         \
    bne t1, t2, 1b;                                                         \
    li t2, delta;                                                           \
    add t2, t0, t2;                                                         \
    sltu t0, t2, t0;                                                        \
    add t1, t1, t0;                                                         \
    li t0, -1;                                                              \
    csrw CSR_STIMECMPH, t0;                                                 \
    csrw CSR_STIMECMP, t2;                                                  \
    csrw CSR_STIMECMPH, t1
#endif

/* reg = mip.STIP (as its bit). */
#define READ_STIP(reg) csrr reg, mip; andi reg, reg, MIP_STIP

TEST_BEGIN
    PRIV_SETUP
    TIMER_OFF
    csrw mcounteren, zero
    csrw CSR_MENVCFG, zero
#if XLEN == 32
    csrw CSR_MENVCFGH, zero
#endif

    /* M mode: a read/write register whatever STCE says */
    li a1, 0x12345678
    csrw CSR_STIMECMP, a1
    csrr a0, CSR_STIMECMP
    CHECK(1, a0, 0x12345678)
    li t0, -1
    csrw CSR_STIMECMP, t0
    csrr a0, CSR_STIMECMP
    CHECK(2, a0, -1)
#if XLEN == 32
    li t0, 0x0badcafe
    csrw CSR_STIMECMPH, t0
    csrr a0, CSR_STIMECMPH
    CHECK(3, a0, 0x0badcafe)
#endif
    CHECK(3, T_COUNT, 0)
    STCE_SET
    STCE_READ(a0)
    CHECK(4, a0, 1)
    STCE_CLEAR
    STCE_READ(a0)
    CHECK(4, a0, 0)
    STIMECMP_NEVER

    /* below M: STCE and TM both needed */
    li t0, COUNTEREN_TM
    csrw mcounteren, t0
    EXPECT_ILLEGAL(5, PRV_S, csrr a0, CSR_STIMECMP)      /* STCE = 0 */
    EXPECT_ILLEGAL(6, PRV_S, csrw CSR_STIMECMP, zero)
    STCE_SET
    csrw mcounteren, zero
    EXPECT_ILLEGAL(7, PRV_S, csrr a0, CSR_STIMECMP)      /* TM = 0 */
    li t0, COUNTEREN_TM
    csrw mcounteren, t0
    li a0, 0
    EXPECT_OK(8, PRV_S, csrr a0, CSR_STIMECMP)
    CHECK(9, a0, -1)
    li a1, 0x7654321
    EXPECT_OK(10, PRV_S, csrw CSR_STIMECMP, a1; csrr a0, CSR_STIMECMP)
    CHECK(10, a0, 0x7654321)
#if XLEN == 32
    EXPECT_OK(11, PRV_S, csrr a0, CSR_STIMECMPH)
    CHECK(11, a0, -1)
#endif
    li t0, COUNTEREN_TM
    csrw scounteren, t0
    EXPECT_ILLEGAL(12, PRV_U, csrr a0, CSR_STIMECMP)
    csrw scounteren, zero
    STIMECMP_NEVER

    /* STIP = (time >= stimecmp), read-only in mip */
    READ_STIP(a0)
    CHECK(13, a0, 0)
    STIMECMP_ZERO
    READ_STIP(a0)
    CHECK(14, a0, MIP_STIP)
    li t0, MIP_STIP
    csrc mip, t0
    READ_STIP(a0)
    CHECK(15, a0, MIP_STIP)
    STIMECMP_NEVER
    li t0, MIP_STIP
    csrs mip, t0
    READ_STIP(a0)
    CHECK(16, a0, 0)

    /* the supervisor timer interrupt, taken in S mode */
    li t0, MIP_STIP
    csrw mideleg, t0
    csrw mie, t0
    csrsi mstatus, MSTATUS_SIE
    TRAP_CLEAR
    STIMECMP_IN(100)
    IN_MODE(PRV_S, WAIT_NONZERO(T_COUNT))
    csrci mstatus, MSTATUS_SIE
    CHECK(17, T_COUNT, 1)
    CHECK(18, T_CAUSE, INTBIT | IRQ_STI)
    CHECK(19, T_LEVEL, PRV_S)
    READ_STIP(a0)
    CHECK(20, a0, MIP_STIP)             /* still due */
    STIMECMP_IN(100000000)              /* 10 s ahead at 10 MHz */
    READ_STIP(a0)
    CHECK(21, a0, 0)
    /* the same from S mode */
    STIMECMP_ZERO
    li a0, -1
    EXPECT_OK(22, PRV_S, li t0, -1; csrw CSR_STIMECMP, t0; csrr a0, sip;
              andi a0, a0, MIP_STIP)
    CHECK(22, a0, 0)
    csrw mideleg, zero
    csrw mie, zero

    /* STCE = 0: STIP is M's to write again, stimecmp no longer drives it */
    STCE_CLEAR
    li t0, MIP_STIP
    csrs mip, t0
    READ_STIP(a0)
    CHECK(23, a0, MIP_STIP)
    li t0, MIP_STIP
    csrc mip, t0
    READ_STIP(a0)
    CHECK(24, a0, 0)
#ifndef QEMU
    STIMECMP_ZERO
    READ_STIP(a0)
    CHECK(25, a0, 0)
#endif
    STIMECMP_NEVER
    TEST_PASS

    PRIV_HANDLERS
TEST_END
