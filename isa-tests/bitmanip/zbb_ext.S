/*
 * Zbb (bit-manipulation 1.0.0, 2.2) sign and zero extension and byte ops:
 * sext.b, sext.h, zext.h (encoded as pack rd, rs1, x0 on RV32 and as
 * packw rd, rs1, x0 on RV64), orc.b, rev8 (0x698 on RV32, 0x6b8 on RV64).
 *
 * Every check runs on RV32 and RV64 unless it sits in an XLEN block; a
 * check whose result differs by XLEN has one number and a value per XLEN.
 * Expected values come from the specification's pseudo-code. For each
 * instruction: corner values, then the register variants (rd equal to a
 * source, x0 as a source, x0 as the destination; see unpriv.h).
 */
#include "../unpriv/unpriv.h"

    TEST_BEGIN
    /* ---- sext.b ---- */
    TEST_R1(1, sext.b, 0, 0)
    TEST_R1(2, sext.b, 0x7f, 0x7f)
    TEST_R1(3, sext.b, -0x80, 0x80)
    TEST_R1(4, sext.b, -1, 0xff)
    TEST_R1(5, sext.b, 0, -0x100)
    TEST_R1(6, sext.b, 0x7f, 0x1234567f)
    TEST_R1(7, sext.b, -1, -1)
#if XLEN == 64
    TEST_R1(8, sext.b, -0x80, 0x123456789abcde80)
#endif
    TEST_R1_SD(9, sext.b, -16, 0x1f0)
    TEST_R1_Z(10, sext.b, 0)
    TEST_R1_ZD(11, sext.b, 0x1f0)

    /* ---- sext.h ---- */
    TEST_R1(12, sext.h, 0, 0)
    TEST_R1(13, sext.h, 0x7fff, 0x7fff)
    TEST_R1(14, sext.h, -0x8000, 0x8000)
    TEST_R1(15, sext.h, -1, 0xffff)
    TEST_R1(16, sext.h, 0, -0x10000)
    TEST_R1(17, sext.h, 0x7fff, 0x12347fff)
    TEST_R1(18, sext.h, -1, -1)
#if XLEN == 64
    TEST_R1(19, sext.h, -0x8000, 0x123456789abc8000)
#endif
    TEST_R1_SD(20, sext.h, -0x1000, 0x1f000)
    TEST_R1_Z(21, sext.h, 0)
    TEST_R1_ZD(22, sext.h, 0x1f000)

    /* ---- zext.h (pack rd, rs1, zero on RV32; packw on RV64) ---- */
    TEST_R1(23, zext.h, 0, 0)
    TEST_R1(24, zext.h, 0xffff, 0xffff)
    TEST_R1(25, zext.h, 0xffff, -1)
    TEST_R1(26, zext.h, 0x8000, -0x8000)
    TEST_R1(27, zext.h, 0xcdef, -0x76543211)
#if XLEN == 64
    TEST_R1(28, zext.h, 0xcdef, 0x123456789abcdef)
#endif
    TEST_R1_SD(29, zext.h, 0xf000, 0x1f000)
    TEST_R1_Z(30, zext.h, 0)
    TEST_R1_ZD(31, zext.h, 0x1f000)

    /* ---- orc.b ---- */
    TEST_R1(32, orc.b, 0, 0)
    TEST_R1(33, orc.b, -1, -1)
#if XLEN == 64
    TEST_R1(34, orc.b, 0xff00ffff, 0x1008001)
#else
    TEST_R1(34, orc.b, -0xff0001, 0x1008001)
#endif
    TEST_R1(35, orc.b, -0xffff01, -0x7fffff80)
    TEST_R1(36, orc.b, 0xff00ff, 0xff0010)
    TEST_R1(37, orc.b, 0xff, 1)
#if XLEN == 64
    TEST_R1(38, orc.b, -0xffffffff00ff01, 0x100000000800001)
    TEST_R1(39, orc.b, -0xffffffffffff01, -0x7fffffffffffff80)
    TEST_R1(40, orc.b, -1, 0x123456789abcdef)
#endif
    TEST_R1_SD(41, orc.b, 0xff00, 0x1000)
    TEST_R1_Z(42, orc.b, 0)
    TEST_R1_ZD(43, orc.b, 0x1000)

    /* ---- rev8 (its encoding differs between RV32 and RV64) ---- */
    TEST_R1(44, rev8, 0, 0)
    TEST_R1(45, rev8, -1, -1)
#if XLEN == 64
    TEST_R1(46, rev8, 0x403020100000000, 0x1020304)
    TEST_R1(47, rev8, 0x80ffffffff, -0x80000000)
    TEST_R1(48, rev8, -0x100000000000000, 0xff)
    TEST_R1(49, rev8, -0x1032547600000001, -0x76543211)
    TEST_R1(50, rev8, 0x807060504030201, 0x102030405060708)
    TEST_R1(51, rev8, 0x80, -0x8000000000000000)
    TEST_R1(52, rev8, -0x1032547698badcff, 0x123456789abcdef)
    TEST_R1_SD(53, rev8, 0x3412000000000000, 0x1234)
#else
    TEST_R1(46, rev8, 0x4030201, 0x1020304)
    TEST_R1(47, rev8, 0x80, -0x80000000)
    TEST_R1(48, rev8, -0x1000000, 0xff)
    TEST_R1(49, rev8, -0x10325477, -0x76543211)
    TEST_R1_SD(53, rev8, 0x34120000, 0x1234)
#endif
    TEST_R1_Z(54, rev8, 0)
    TEST_R1_ZD(55, rev8, 0x1234)

    TEST_END
