/*
 * Zbb (bit-manipulation 1.0.0, 2.2) bit counts: clz, ctz, cpop and on RV64
 * clzw, ctzw, cpopw, which count in the low word only. clz and ctz of 0
 * are XLEN (32 for the W forms).
 *
 * Every check runs on RV32 and RV64 unless it sits in an XLEN block; a
 * check whose result differs by XLEN has one number and a value per XLEN.
 * Expected values come from the specification's pseudo-code. For each
 * instruction: corner values, then the register variants (rd equal to a
 * source, x0 as a source, x0 as the destination; see unpriv.h).
 */
#include "../unpriv/unpriv.h"

    TEST_BEGIN
    /* ---- clz: XLEN for 0 ---- */
#if XLEN == 64
    TEST_R1(1, clz, 64, 0)
    TEST_R1(2, clz, 63, 1)
#else
    TEST_R1(1, clz, 32, 0)
    TEST_R1(2, clz, 31, 1)
#endif
    TEST_R1(3, clz, 0, -1)
    TEST_R1(4, clz, 0, -0x80000000)
#if XLEN == 64
    TEST_R1(5, clz, 48, 0xffff)
    TEST_R1(6, clz, 47, 0x10000)
    TEST_R1(7, clz, 33, 0x7fffffff)
    TEST_R1(8, clz, 0, -0x8000000000000000)
    TEST_R1(9, clz, 32, 0xffffffff)
    TEST_R1(10, clz, 31, 0x100000000)
    TEST_R1(11, clz, 15, 0x1000000000000)
    TEST_R1(12, clz, 1, 0x7fffffffffffffff)
    TEST_R1_SD(13, clz, 56, 0x80)
    TEST_R1_Z(14, clz, 64)
#else
    TEST_R1(5, clz, 16, 0xffff)
    TEST_R1(6, clz, 15, 0x10000)
    TEST_R1(7, clz, 1, 0x7fffffff)
    TEST_R1_SD(13, clz, 24, 0x80)
    TEST_R1_Z(14, clz, 32)
#endif
    TEST_R1_ZD(15, clz, 0x80)

    /* ---- ctz: XLEN for 0 ---- */
#if XLEN == 64
    TEST_R1(16, ctz, 64, 0)
#else
    TEST_R1(16, ctz, 32, 0)
#endif
    TEST_R1(17, ctz, 0, 1)
    TEST_R1(18, ctz, 0, -1)
    TEST_R1(19, ctz, 31, -0x80000000)
    TEST_R1(20, ctz, 16, -0x10000)
    TEST_R1(21, ctz, 15, 0x8000)
#if XLEN == 64
    TEST_R1(22, ctz, 63, -0x8000000000000000)
    TEST_R1(23, ctz, 32, -0x100000000)
    TEST_R1(24, ctz, 32, 0x100000000)
#endif
    TEST_R1_SD(25, ctz, 7, 0x80)
#if XLEN == 64
    TEST_R1_Z(26, ctz, 64)
#else
    TEST_R1_Z(26, ctz, 32)
#endif
    TEST_R1_ZD(27, ctz, 0x80)

    /* ---- cpop ---- */
    TEST_R1(28, cpop, 0, 0)
    TEST_R1(29, cpop, 1, 1)
#if XLEN == 64
    TEST_R1(30, cpop, 64, -1)
    TEST_R1(31, cpop, 33, -0x80000000)
#else
    TEST_R1(30, cpop, 32, -1)
    TEST_R1(31, cpop, 1, -0x80000000)
#endif
    TEST_R1(32, cpop, 16, 0x55555555)
#if XLEN == 64
    TEST_R1(33, cpop, 52, -0x76543211)
#else
    TEST_R1(33, cpop, 20, -0x76543211)
#endif
    TEST_R1(34, cpop, 31, 0x7fffffff)
#if XLEN == 64
    TEST_R1(35, cpop, 1, -0x8000000000000000)
    TEST_R1(36, cpop, 32, -0x100000000)
    TEST_R1(37, cpop, 32, 0x123456789abcdef)
#endif
    TEST_R1_SD(38, cpop, 1, 0x80)
    TEST_R1_Z(39, cpop, 0)
    TEST_R1_ZD(40, cpop, 0x80)

    /* ---- clzw (RV64): the low word only; 32 for 0 ---- */
#if XLEN == 64
    TEST_R1(41, clzw, 32, 0)
    TEST_R1(42, clzw, 31, 1)
    TEST_R1(43, clzw, 0, 0x80000000)
    TEST_R1(44, clzw, 32, -0x100000000)
    TEST_R1(45, clzw, 0, -0x80000000)
    TEST_R1(46, clzw, 31, 0x100000001)
    TEST_R1(47, clzw, 16, 0x8000)
    TEST_R1(48, clzw, 0, -1)
    TEST_R1_SD(49, clzw, 24, 0x80)
    TEST_R1_Z(50, clzw, 32)
    TEST_R1_ZD(51, clzw, 0x80)
#endif

    /* ---- ctzw (RV64) ---- */
#if XLEN == 64
    TEST_R1(52, ctzw, 32, 0)
    TEST_R1(53, ctzw, 0, 1)
    TEST_R1(54, ctzw, 31, 0x80000000)
    TEST_R1(55, ctzw, 32, -0x100000000)
    TEST_R1(56, ctzw, 32, 0x100000000)
    TEST_R1(57, ctzw, 31, -0x180000000)
    TEST_R1(58, ctzw, 0, -1)
    TEST_R1_SD(59, ctzw, 7, 0x80)
    TEST_R1_Z(60, ctzw, 32)
    TEST_R1_ZD(61, ctzw, 0x80)
#endif

    /* ---- cpopw (RV64) ---- */
#if XLEN == 64
    TEST_R1(62, cpopw, 0, 0)
    TEST_R1(63, cpopw, 32, 0xffffffff)
    TEST_R1(64, cpopw, 0, -0x100000000)
    TEST_R1(65, cpopw, 32, -1)
    TEST_R1(66, cpopw, 16, -0x55555555aaaaaaab)
    TEST_R1(67, cpopw, 2, 0x180000001)
    TEST_R1_SD(68, cpopw, 1, 0x80)
    TEST_R1_Z(69, cpopw, 0)
    TEST_R1_ZD(70, cpopw, 0x80)
#endif

    TEST_END
