/*
 * Register-register integer operations of RV32I / RV64I:
 * add, sub, slt, sltu, xor, or, and (shifts are in shifts.S).
 * Covers wrap-around at the signed limits, signed vs unsigned comparison,
 * x0 as either source and as destination, rd equal to one or both sources.
 */
#include "unpriv.h"

    .option norvc
    TEST_BEGIN

    /* ---- add ---- */
    TEST_RR(1, add, 0, 0, 0)
    TEST_RR(2, add, 2, 1, 1)
    TEST_RR(3, add, 10, 3, 7)
    TEST_RR(4, add, -0x8000, 0, -0x8000)
    TEST_RR(5, add, 0, -1, 1)
    TEST_RR(6, add, -2, -1, -1)
#if XLEN == 64
    TEST_RR(7, add, 0x80000000, 0x7fffffff, 1)
    TEST_RR(8, add, -0x80000001, -0x80000000, -1)
    TEST_RR(9, add, 0x8000000000000000, 0x7fffffffffffffff, 1)
    TEST_RR(10, add, 0x7fffffffffffffff, 0x8000000000000000, -1)
    TEST_RR(11, add, 0x100000000, 0xffffffff, 1)
    TEST_RR(12, add, 0, 0x8000000000000000, 0x8000000000000000)
#else
    TEST_RR(13, add, 0x80000000, 0x7fffffff, 1)
    TEST_RR(14, add, 0x7fffffff, 0x80000000, -1)
    TEST_RR(15, add, 0, 0x80000000, 0x80000000)
#endif
    TEST_RR_S1D(16, add, 24, 13, 11)
    TEST_RR_S2D(17, add, 25, 14, 11)
    TEST_RR_SSD(18, add, 26, 13)
    TEST_RR_Z1(19, add, 15, 15)
    TEST_RR_Z2(20, add, 32, 32)
    TEST_RR_ZZ(21, add, 0)
    TEST_RR_ZD(22, add, 16, 30)

    /* ---- sub ---- */
    TEST_RR(23, sub, 0, 0, 0)
    TEST_RR(24, sub, 0, 1, 1)
    TEST_RR(25, sub, -4, 3, 7)
    TEST_RR(26, sub, 4, 7, 3)
    TEST_RR(27, sub, 1, 0, -1)
    TEST_RR(28, sub, -0x7fff, 1, 0x8000)
#if XLEN == 64
    TEST_RR(29, sub, -0x80000001, -0x80000000, 1)
    TEST_RR(30, sub, 0x7fffffffffffffff, 0x8000000000000000, 1)
    TEST_RR(31, sub, 0x8000000000000000, 0, 0x8000000000000000)
#else
    TEST_RR(32, sub, 0x7fffffff, 0x80000000, 1)
    TEST_RR(33, sub, 0x80000000, 0, 0x80000000)
#endif
    TEST_RR_S1D(34, sub, 2, 13, 11)
    TEST_RR_S2D(35, sub, 3, 14, 11)
    TEST_RR_SSD(36, sub, 0, 13)
    TEST_RR_Z1(37, sub, -15, 15)
    TEST_RR_Z2(38, sub, 32, 32)
    TEST_RR_ZZ(39, sub, 0)
    TEST_RR_ZD(40, sub, 16, 30)

    /* ---- slt (signed) ---- */
    TEST_RR(41, slt, 0, 0, 0)
    TEST_RR(42, slt, 0, 1, 1)
    TEST_RR(43, slt, 1, 3, 7)
    TEST_RR(44, slt, 0, 7, 3)
    TEST_RR(45, slt, 1, -1, 0)
    TEST_RR(46, slt, 0, 0, -1)
    TEST_RR(47, slt, 1, -0x80000000, 0x7fffffff)
    TEST_RR(48, slt, 1, -2, -1)
#if XLEN == 64
    TEST_RR(49, slt, 1, 0x8000000000000000, 0x7fffffffffffffff)
    TEST_RR(50, slt, 0, 0x80000000, 0x7fffffff)
#endif
    TEST_RR_S1D(51, slt, 1, 11, 13)
    TEST_RR_S2D(52, slt, 0, 14, 11)
    TEST_RR_SSD(53, slt, 0, 13)
    TEST_RR_Z1(54, slt, 1, 15)
    TEST_RR_Z1(55, slt, 0, -15)
    TEST_RR_Z2(56, slt, 1, -32)
    TEST_RR_ZZ(57, slt, 0)
    TEST_RR_ZD(58, slt, 16, 30)

    /* ---- sltu (unsigned) ---- */
    TEST_RR(59, sltu, 0, 0, 0)
    TEST_RR(60, sltu, 0, 1, 1)
    TEST_RR(61, sltu, 1, 3, 7)
    TEST_RR(62, sltu, 0, 7, 3)
    TEST_RR(63, sltu, 0, -1, 0)
    TEST_RR(64, sltu, 1, 0, -1)
    TEST_RR(65, sltu, 0, -0x80000000, 0x7fffffff)
    TEST_RR(66, sltu, 1, -2, -1)
    TEST_RR_S1D(67, sltu, 1, 11, 13)
    TEST_RR_S2D(68, sltu, 0, 14, 11)
    TEST_RR_SSD(69, sltu, 0, 13)
    TEST_RR_Z1(70, sltu, 1, 15)
    TEST_RR_Z1(71, sltu, 1, -15)
    TEST_RR_Z2(72, sltu, 0, 32)
    TEST_RR_ZZ(73, sltu, 0)
    TEST_RR_ZD(74, sltu, 16, 30)

    /* ---- xor ---- */
    TEST_RR(75, xor, 0xf00ff00f, 0xff00ff00, 0x0f0f0f0f)
    TEST_RR(76, xor, -0x00ff0100, 0x00ff00ff, -0x1)
    TEST_RR(77, xor, 0, 0x12345678, 0x12345678)
    TEST_RR_S1D(78, xor, 0x0ff00000, 0x0ff00ff0, 0x00000ff0)
    TEST_RR_S2D(79, xor, 0x00ff00f0, 0x00ff000f, 0x000000ff)
    TEST_RR_SSD(80, xor, 0, 0x5555)
    TEST_RR_Z1(81, xor, 0x1234, 0x1234)
    TEST_RR_Z2(82, xor, -1, -1)
    TEST_RR_ZZ(83, xor, 0)
    TEST_RR_ZD(84, xor, 0x1111, 0x2222)

    /* ---- or ---- */
    TEST_RR(85, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f)
    TEST_RR(86, or, 0x0ff0fff0, 0x0ff00ff0, 0xf0f0f0f0 & 0x0fffffff)
    TEST_RR(87, or, -1, 0x00ff00ff, -0x00ff0100)
    TEST_RR_S1D(88, or, 0x0ff00ff0, 0x0ff00ff0, 0x00000ff0)
    TEST_RR_S2D(89, or, 0x00ff00ff, 0x00ff000f, 0x000000ff)
    TEST_RR_SSD(90, or, 0x5555, 0x5555)
    TEST_RR_Z1(91, or, 0x1234, 0x1234)
    TEST_RR_Z2(92, or, -1, -1)
    TEST_RR_ZZ(93, or, 0)
    TEST_RR_ZD(94, or, 0x1111, 0x2222)

    /* ---- and ---- */
    TEST_RR(95, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f)
    TEST_RR(96, and, 0x00f000f0, 0x0ff00ff0, 0xf0f0f0f0 & 0x0fffffff)
    TEST_RR(97, and, 0, 0x00ff00ff, -0x00ff0100)
#if XLEN == 64
    TEST_RR(98, and, 0x8000000000000001, 0x8000000000000001, -1)
#endif
    TEST_RR_S1D(99, and, 0x00000ff0, 0x0ff00ff0, 0x00000ff0)
    TEST_RR_S2D(100, and, 0x0000000f, 0x00ff000f, 0x000000ff)
    TEST_RR_SSD(101, and, 0x5555, 0x5555)
    TEST_RR_Z1(102, and, 0, -1)
    TEST_RR_Z2(103, and, 0, -1)
    TEST_RR_ZZ(104, and, 0)
    TEST_RR_ZD(105, and, -1, -1)

    TEST_END
