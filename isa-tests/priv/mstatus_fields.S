/*
 * mstatus and its supervisor views (privileged spec 1.12, 3.1.6, 4.1.1,
 * 4.1.3): MPP is WARL and holds only U, S or M; on RV64 UXL and SXL read 2
 * (XLEN 64), on RV32 they do not exist and mstatush holds the upper fields;
 * sstatus is a restricted view of mstatus (writes touch only S fields);
 * sie/sip show mie/mip only for interrupts delegated in mideleg (the other
 * bits read zero), sip.SSIP is writable, sip.STIP/SEIP are not.
 *
 * QEMU deviation (skipped under -DQEMU): QEMU 7.2 stores MPP = 2, a mode
 * that does not exist; the spec makes xPP a WARL field that "can hold only
 * privilege mode x and any implemented privilege mode lower than x"
 * (check 4).
 */
#include "priv.h"

/* The supervisor fields we check through sstatus, and the machine-only
 * fields that sstatus must neither show nor change. */
#define S_FIELDS (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | \
                  MSTATUS_MXR)
#define M_FIELDS (MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_MPRV | \
                  MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR)

TEST_BEGIN
    PRIV_SETUP

    /* MPP: U, S and M are kept; 2 (reserved) is not. */
    li t1, MSTATUS_MPP
    csrc mstatus, t1
    csrr a0, mstatus
    and a0, a0, t1
    CHECK(1, a0, 0)
    li t0, MSTATUS_MPP_S
    csrs mstatus, t0
    csrr a0, mstatus
    and a0, a0, t1
    CHECK(2, a0, MSTATUS_MPP_S)
    csrs mstatus, t1
    csrr a0, mstatus
    and a0, a0, t1
    CHECK(3, a0, MSTATUS_MPP)
#ifndef QEMU
    csrc mstatus, t1
    li t0, 0x1000              /* MPP = 2 */
    csrs mstatus, t0
    csrr a0, mstatus
    and a0, a0, t1
    li t2, 0x1000
    li TESTNUM, 4
    beq a0, t2, fail
#endif

    /* SPP holds U and S. */
    li t1, MSTATUS_SPP
    csrs mstatus, t1
    csrr a0, mstatus
    and a0, a0, t1
    CHECK(5, a0, MSTATUS_SPP)
    csrc mstatus, t1
    csrr a0, mstatus
    and a0, a0, t1
    CHECK(6, a0, 0)

#if XLEN == 64
    /* UXL (bits 33:32) and SXL (35:34) read 2 and ignore other values. */
    csrr a0, mstatus
    srli a1, a0, 32
    andi a1, a1, 0xf
    CHECK(10, a1, 0xa)
    li t0, 0xf << 32
    csrc mstatus, t0
    csrr a0, mstatus
    srli a1, a0, 32
    andi a1, a1, 0xf
    CHECK(11, a1, 0xa)
    csrr a0, sstatus           /* sstatus shows UXL, not SXL */
    srli a1, a0, 32
    andi a1, a1, 0xf
    CHECK(12, a1, 0x2)
    EXPECT_ILLEGAL(13, PRV_M, csrr a0, 0x310)   /* no mstatush on RV64 */
#else
    /* mstatush: MBE and SBE (bits 5 and 4) read zero (little-endian). */
    EXPECT_OK(13, PRV_M, csrr a0, mstatush)
    csrr a0, mstatush
    andi a0, a0, 0x30
    CHECK(14, a0, 0)
    EXPECT_ILLEGAL(15, PRV_S, csrr a0, mstatush)
#endif

    /* sstatus writes touch only the S fields. */
    li t0, M_FIELDS
    csrs mstatus, t0
    li t0, S_FIELDS
    csrc mstatus, t0
    li t0, -1
    csrw sstatus, t0
    csrr a0, mstatus
    li t1, M_FIELDS
    and a1, a0, t1
    CHECK_REGS(20, a1, t1)
    li t1, S_FIELDS
    and a1, a0, t1
    CHECK_REGS(21, a1, t1)
    csrr a0, sstatus
    li t1, M_FIELDS
    and a1, a0, t1
    CHECK(22, a1, 0)          /* not visible through sstatus */
    li t1, S_FIELDS
    and a1, a0, t1
    CHECK_REGS(23, a1, t1)
    csrw sstatus, zero
    csrr a0, mstatus
    li t1, M_FIELDS
    and a1, a0, t1
    CHECK_REGS(24, a1, t1)
    li t1, S_FIELDS
    and a1, a0, t1
    CHECK(25, a1, 0)
    li t0, M_FIELDS
    csrc mstatus, t0
    csrr a0, mstatus
    and a1, a0, t0
    CHECK(26, a1, 0)
    li t0, -1                  /* and sstatus writes cannot set them */
    csrs sstatus, t0
    csrr a0, mstatus
    li t1, M_FIELDS
    and a1, a0, t1
    CHECK(27, a1, 0)
    csrw sstatus, zero

    /* The same from S mode. */
    EXPECT_OK(28, PRV_S, li a1, -1; csrw sstatus, a1; csrr a2, sstatus;
              csrw sstatus, zero)
    li t1, S_FIELDS
    and a2, a2, t1
    CHECK_REGS(29, a2, t1)
    csrr a0, mstatus
    li t1, MSTATUS_MIE | MSTATUS_MPRV | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR
    and a1, a0, t1
    CHECK(30, a1, 0)

    /* sie: mideleg = 0, the S enables of mie are invisible. */
    csrwi mideleg, 0
    li t0, 0x222
    csrw mie, t0
    csrr a0, sie
    CHECK(40, a0, 0)
    li t0, -1                  /* and not writable through sie */
    csrw sie, t0
    csrr a0, mie
    CHECK(41, a0, 0x222)
    csrw mie, zero
    /* Delegated: sie reads and writes the S bits of mie only. */
    li t0, 0x222
    csrw mideleg, t0
    li t0, 0xaaa
    csrw mie, t0
    csrr a0, sie
    CHECK(42, a0, 0x222)
    csrw sie, zero
    csrr a0, mie
    CHECK(43, a0, 0x888)
    li t0, -1
    csrw sie, t0
    csrr a0, mie
    CHECK(44, a0, 0xaaa)
    csrw mie, zero
    /* Delegated one at a time. */
    li t0, MIP_STIP
    csrw mideleg, t0
    li t0, 0x222
    csrw mie, t0
    csrr a0, sie
    CHECK(45, a0, MIP_STIP)
    csrw mie, zero

    /* sip: SSIP set in mip is visible only when delegated. */
    li t0, MIP_SSIP | MIP_STIP | MIP_SEIP
    csrs mip, t0
    csrr a0, mip
    andi a0, a0, 0x222
    CHECK(50, a0, 0x222)
    csrwi mideleg, 0
    csrr a0, sip
    CHECK(51, a0, 0)
    li t0, 0x222
    csrw mideleg, t0
    csrr a0, sip
    andi a0, a0, 0x222
    CHECK(52, a0, 0x222)
    /* sip.SSIP is writable, STIP and SEIP are read-only in sip. */
    csrw sip, zero
    csrr a0, mip
    andi a0, a0, 0x222
    CHECK(53, a0, MIP_STIP | MIP_SEIP)
    csrsi sip, MIP_SSIP
    csrr a0, mip
    andi a0, a0, 0x222
    CHECK(54, a0, 0x222)
    li t0, 0x222
    csrc mip, t0
    csrr a0, mip
    andi a0, a0, 0x222
    CHECK(55, a0, 0)
    /* Not delegated: writing sip does not reach mip. */
    csrwi mideleg, 0
    csrsi sip, MIP_SSIP
    csrr a0, mip
    andi a0, a0, 0x222
    CHECK(56, a0, 0)
    /* MSIP, MTIP and MEIP are read-only in mip (timer off first). */
    TIMER_OFF
    li t0, 0x888
    csrs mip, t0
    csrr a0, mip
    and a0, a0, t0
    CHECK(57, a0, 0)

    /* TVM, TW, TSR, MPRV, SUM and MXR are writable. */
    li t0, MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR | MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR
    csrs mstatus, t0
    csrr a0, mstatus
    and a0, a0, t0
    CHECK_REGS(60, a0, t0)
    csrc mstatus, t0
    csrr a0, mstatus
    and a0, a0, t0
    CHECK(61, a0, 0)

    TEST_PASS
fail:
    TEST_FAIL

    PRIV_HANDLERS
TEST_END
