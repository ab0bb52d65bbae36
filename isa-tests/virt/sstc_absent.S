/*
 * Without Sstc (run with plain --isa=rv@XLEN@imac; the RISC-V Sstc
 * extension specification and privileged spec 1.12, 2.1 and 3.1.18):
 *   1-4    stimecmp (0x14d; on RV32 also stimecmph, 0x15d) does not exist,
 *          so accessing it is illegal even in M mode;
 *   5      menvcfg.STCE (bit 63; RV32: menvcfgh bit 31) is read-only 0;
 *   6-7    mip.STIP stays writable by M mode (privileged spec 3.1.9).
 *
 * QEMU deviation (skipped under -DQEMU): QEMU 7.2 lets M mode set
 * menvcfg.STCE on a CPU without Sstc (check 5). run-qemu runs this test
 * with -cpu rvXX,sstc=off.
 */
#include "virt.h"

#define CSR_STIMECMP  0x14d
#define CSR_STIMECMPH 0x15d
#define CSR_MENVCFG   0x30a
#define CSR_MENVCFGH  0x31a

TEST_BEGIN
    PRIV_SETUP
    EXPECT_ILLEGAL(1, PRV_M, csrr a0, CSR_STIMECMP)
    EXPECT_ILLEGAL(2, PRV_M, csrw CSR_STIMECMP, zero)
#if XLEN == 32
    EXPECT_ILLEGAL(3, PRV_M, csrr a0, CSR_STIMECMPH)
#endif
    li t0, 2
    csrw mcounteren, t0
    EXPECT_ILLEGAL(4, PRV_S, csrr a0, CSR_STIMECMP)
    csrw mcounteren, zero

#if XLEN == 64
    li t0, 1
    slli t0, t0, 63
    csrs CSR_MENVCFG, t0
    csrr a0, CSR_MENVCFG
    srli a0, a0, 63
#else
    li t0, 0x80000000
    csrs CSR_MENVCFGH, t0
    csrr a0, CSR_MENVCFGH
    srli a0, a0, 31
#endif
#ifndef QEMU
    CHECK(5, a0, 0)
#endif

    li t0, MIP_STIP
    csrs mip, t0
    csrr a0, mip
    andi a0, a0, MIP_STIP
    CHECK(6, a0, MIP_STIP)
    li t0, MIP_STIP
    csrc mip, t0
    csrr a0, mip
    andi a0, a0, MIP_STIP
    CHECK(7, a0, 0)
    TEST_PASS

    PRIV_HANDLERS
TEST_END
