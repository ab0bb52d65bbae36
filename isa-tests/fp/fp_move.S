/*
 * F and D data movement, none of which rounds, signals or canonicalizes:
 * flw / fsw / fld / fsd (32-bit encodings: this file is assembled without
 * RVC), fmv.x.w / fmv.w.x (fmv.x.w sign-extends on RV64; fmv.w.x takes the
 * low 32 bits of rs1), fmv.x.d / fmv.d.x on RV64, and the sign injections
 * fsgnj / fsgnjn / fsgnjx in both precisions.
 *
 * NaN-boxing (unprivileged spec, D chapter, "NaN Boxing of Narrower
 * Values"): flw, fmv.w.x and every single-precision result write the value
 * with the upper 32 bits all ones; the transfers fsw and fmv.x.w use the
 * low 32 bits whatever the upper bits are; every other single-precision
 * operation (fsgnj.s included) reads an operand whose upper bits are not
 * all ones as the canonical NaN 0x7fc00000.
 */
#include "fp.h"

    TEST_BEGIN
    .option norvc
    FP_ENABLE
    csrwi fflags, 0

    /* ---- flw: the bits unchanged (a signalling NaN stays one), boxed;
     * positive and negative offsets ---- */
    la a1, data_s
    flw fa0, 0(a1)
    CHECK_S(1, fa0, 0x3f800000)
    CHECK_BOXED(2, fa0)
    flw fa0, 8(a1)
    CHECK_S(3, fa0, 0x7f800001)
    la a1, data_s + 12
    flw fs1, -8(a1)
    CHECK_S(4, fs1, 0xbf800000)
    flw ft11, 0(a1)
    CHECK_S(5, ft11, 0x80000001)
    CHECK_BOXED(6, ft11)
    /* all of this read the FP registers only through transfers: no flags */
    CHECK_FL(7, 0)

    /* ---- fsw: stores 32 bits, the neighbours stay ---- */
    la a1, st_buf
    li a2, 0x5a5a5a5a
    sw a2, 0(a1)
    sw a2, 4(a1)
    sw a2, 8(a1)
    SET_S(fa0, 0xffc12345)
    fsw fa0, 4(a1)
    lw a0, 4(a1)
    CHECK(8, a0, SX32(0xffc12345))
    lw a0, 0(a1)
    CHECK(9, a0, 0x5a5a5a5a)
    lw a0, 8(a1)
    CHECK(10, a0, 0x5a5a5a5a)
    addi a3, a1, 12
    fsw fa0, -4(a3)
    lw a0, 8(a1)
    CHECK(11, a0, SX32(0xffc12345))

    /* ---- fld / fsd ---- */
    la a1, data_d
    fld fa0, 0(a1)
    CHECK_D(12, fa0, 0x400921fb54442d18)
    fld fa0, 8(a1)
    CHECK_D(13, fa0, 0x7ff0000000000001)
    addi a3, a1, 16
    fld ft0, -16(a3)
    la a2, st_buf
    li a4, 0x5a5a5a5a
    sw a4, 0(a2)
    sw a4, 4(a2)
    sw a4, 8(a2)
    sw a4, 12(a2)
    fsd ft0, 8(a2)
    lw a0, 8(a2)
    CHECK(14, a0, LO32(0x400921fb54442d18))
    lw a0, 12(a2)
    CHECK(15, a0, HI32(0x400921fb54442d18))
    CHECK_FL(16, 0)

    /* ---- single loads and moves write boxed values: seen through fsd ---- */
    la a1, data_s
    flw fa0, 4(a1)
    la a2, st_buf
    fsd fa0, 0(a2)
    lw a0, 0(a2)
    CHECK(17, a0, SX32(0xbf800000))
    lw a0, 4(a2)
    CHECK(18, a0, -1)
    li a3, SX32(0x40490fdb)
    fmv.w.x fa1, a3
    CHECK_BOXED(19, fa1)
    CHECK_S(20, fa1, 0x40490fdb)

    /* ---- fmv.w.x / fmv.x.w ---- */
    /* fmv.x.w sign-extends bit 31 on RV64 */
    li a3, SX32(0xbf800000)
    fmv.w.x fa2, a3
    fmv.x.w a0, fa2
    CHECK(21, a0, SX32(0xbf800000))
    li a3, 0x3f800000
    fmv.w.x fa2, a3
    fmv.x.w a0, fa2
    CHECK(22, a0, 0x3f800000)
    /* a signalling NaN passes through unchanged, no flags */
    li a3, 0x7f800001
    fmv.w.x fa2, a3
    fmv.x.w a0, fa2
    CHECK(23, a0, 0x7f800001)
    CHECK_FL(24, 0)
#if XLEN == 64
    /* fmv.w.x takes the low 32 bits of rs1 and boxes them */
    li a3, 0x123456783f800000
    fmv.w.x fa2, a3
    fmv.x.d a0, fa2
    CHECK(25, a0, 0xffffffff3f800000)
    li a3, 0x00000000c0000000
    fmv.w.x fa2, a3
    fmv.x.w a0, fa2
    CHECK(26, a0, SX32(0xc0000000))

    /* ---- fmv.d.x / fmv.x.d: 64 bits both ways, NaNs untouched ---- */
    li a3, 0x7ff0000000000001
    fmv.d.x fa3, a3
    fmv.x.d a0, fa3
    CHECK(27, a0, 0x7ff0000000000001)
    CHECK_D(28, fa3, 0x7ff0000000000001)
    li a3, 0x8000000000000000
    fmv.d.x fa3, a3
    fmv.x.d a0, fa3
    CHECK(29, a0, 0x8000000000000000)
    /* a single result read as a double: boxed */
    SET_S(fa1, 0x3f800000)
    SET_S(fa2, 0x40000000)
    fadd.s fa4, fa1, fa2
    fmv.x.d a0, fa4
    CHECK(30, a0, 0xffffffff40400000)
    CHECK_FL(31, 0)
#endif

    /* ---- transfers of an unboxed register use its low 32 bits ---- */
    SET_D(fa5, 0x3ff0000080000001)
    fmv.x.w a0, fa5
    CHECK(32, a0, SX32(0x80000001))
    la a2, st_buf
    fsw fa5, 0(a2)
    lw a0, 0(a2)
    CHECK(33, a0, SX32(0x80000001))
    CHECK_FL(34, 0)

    /* ---- fsgnj.s / fsgnjn.s / fsgnjx.s ---- */
    TEST_S(40, 0xbf800000, 0, 0x3f800000, 0xc0000000, 0, fsgnj.s fa0, fa1, fa2)
    TEST_S(41, 0x3f800000, 0, 0xbf800000, 0x40000000, 0, fsgnj.s fa0, fa1, fa2)
    TEST_S(42, 0x3f800000, 0, 0x3f800000, 0xc0000000, 0, fsgnjn.s fa0, fa1, fa2)
    TEST_S(43, 0xbf800000, 0, 0x3f800000, 0x40000000, 0, fsgnjn.s fa0, fa1, fa2)
    TEST_S(44, 0x3f800000, 0, 0xbf800000, 0xc0000000, 0, fsgnjx.s fa0, fa1, fa2)
    TEST_S(45, 0xbf800000, 0, 0xbf800000, 0x40000000, 0, fsgnjx.s fa0, fa1, fa2)
    TEST_S(46, 0xbf800000, 0, 0x3f800000, 0xc0000000, 0, fsgnjx.s fa0, fa1, fa2)
    TEST_S(47, 0x00000000, 0, 0x80000000, 0x7fc00000, 0, fsgnj.s fa0, fa1, fa2)
    /* NaNs keep their payload, signalling or not, and raise nothing */
    TEST_S(48, 0xff800001, 0, 0x7f800001, 0xbf800000, 0, fsgnj.s fa0, fa1, fa2)
    TEST_S(49, 0xffc12345, 0, 0x7fc12345, 0, 0, fneg.s fa0, fa1)
    TEST_S(50, 0x7f800001, 0, 0xff800001, 0, 0, fabs.s fa0, fa1)
    TEST_S(51, 0xff800000, 0, 0xff800000, 0, 0, fmv.s fa0, fa1)
    /* rd = rs1 = rs2 */
    TEST_S(52, 0x3f800000, 0, 0xbf800000, 0, 0, fsgnjx.s fa1, fa1, fa1; fmv.s fa0, fa1)
    /* an unboxed operand is the canonical NaN (+, 0x7fc00000) */
    TEST_S(53, 0xffc00000, 0, 0, 0xbf800000, 0, SET_D(fa1, 0x3ff0000000000000); fsgnj.s fa0, fa1, fa2)
    TEST_S(54, 0x3f800000, 0, 0xbf800000, 0, 0, SET_D(fa2, 0xbff0000000000000); fsgnj.s fa0, fa1, fa2)
    TEST_S(55, 0xbf800000, 0, 0xbf800000, 0, 0, SET_D(fa2, 0xbff0000000000000); fsgnjx.s fa0, fa1, fa2)
    TEST_S(56, 0x7fc00000, 0, 0, 0, 0, SET_D(fa1, 0xfffffffe3f800000); fabs.s fa0, fa1)

    /* ---- fsgnj.d / fsgnjn.d / fsgnjx.d ---- */
    TEST_D(60, 0xbff0000000000000, 0, 0x3ff0000000000000, 0xc000000000000000, 0, fsgnj.d fa0, fa1, fa2)
    TEST_D(61, 0x3ff0000000000000, 0, 0xbff0000000000000, 0x4000000000000000, 0, fsgnj.d fa0, fa1, fa2)
    TEST_D(62, 0x3ff0000000000000, 0, 0x3ff0000000000000, 0xc000000000000000, 0, fsgnjn.d fa0, fa1, fa2)
    TEST_D(63, 0xbff0000000000000, 0, 0x3ff0000000000000, 0x4000000000000000, 0, fsgnjn.d fa0, fa1, fa2)
    TEST_D(64, 0x3ff0000000000000, 0, 0xbff0000000000000, 0xc000000000000000, 0, fsgnjx.d fa0, fa1, fa2)
    TEST_D(65, 0xbff0000000000000, 0, 0xbff0000000000000, 0x4000000000000000, 0, fsgnjx.d fa0, fa1, fa2)
    TEST_D(66, 0xfff0000000000001, 0, 0x7ff0000000000001, 0x8000000000000000, 0, fsgnj.d fa0, fa1, fa2)
    TEST_D(67, 0x7ff8000000012345, 0, 0xfff8000000012345, 0, 0, fabs.d fa0, fa1)
    TEST_D(68, 0x8000000000000000, 0, 0x0000000000000000, 0, 0, fneg.d fa0, fa1)
    TEST_D(69, 0xc00921fb54442d18, 0, 0x400921fb54442d18, 0, 0, fneg.d fa0, fa1)
    /* the D forms see all 64 bits: a boxed single is a NaN to them, whose
     * bits they move like any other */
    TEST_D(70, 0x7fffffff3f800000, 0, 0, 0, 0, SET_S(fa1, 0x3f800000); fabs.d fa0, fa1)

    TEST_END
    FP_DATA

    .data
    .balign 8
data_s:
    .word 0x3f800000, 0xbf800000, 0x7f800001, 0x80000001
data_d:
    .dword 0x400921fb54442d18, 0x7ff0000000000001
    .balign 16
st_buf:
    .dword 0, 0, 0, 0
