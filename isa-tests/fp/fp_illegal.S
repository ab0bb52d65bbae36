/*
 * Without the F and D extensions (run with --isa=rv@XLEN@imac) misa shows
 * neither, and every F and D instruction, the FP CSRs fflags, frm and fcsr,
 * and the compressed FP loads and stores raise illegal instruction, whatever
 * mstatus.FS holds (the test tries to set it to Dirty first).
 *
 * Under QEMU (-DQEMU): run-qemu starts QEMU's default CPU, which always has
 * F and D, so the misa check is skipped and FS is left Off instead, which
 * must give the same illegal-instruction exceptions (checks 10-57). (The
 * full test also passes on QEMU with -cpu rvXX,f=false,d=false.)
 */
#include "fp.h"

    TEST_BEGIN
    PRIV_SETUP

#ifndef QEMU
    csrr a0, misa
    andi a0, a0, MISA_F | MISA_D
    CHECK(1, a0, 0)
    /* FS may or may not hold a value without F: no FP instruction works */
    li t0, MSTATUS_FS
    csrs mstatus, t0
#endif

    la a1, fp_buf
    la a2, fp_buf
    mv sp, a1
    EXPECT_ALL_FP_ILLEGAL(10)
    EXPECT_XLEN_FP_ILLEGAL(10)

    TEST_PASS

    PRIV_HANDLERS
    FP_DATA
    TEST_END
