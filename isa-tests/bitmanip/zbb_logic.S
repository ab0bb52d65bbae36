/*
 * Zbb (bit-manipulation 1.0.0, 2.2) logic with negate and integer
 * minimum/maximum: andn, orn, xnor, min, minu, max, maxu. min/max compare
 * signed, minu/maxu unsigned.
 *
 * Every check runs on RV32 and RV64 unless it sits in an XLEN block; a
 * check whose result differs by XLEN has one number and a value per XLEN.
 * Expected values come from the specification's pseudo-code. For each
 * instruction: corner values, then the register variants (rd equal to a
 * source, x0 as a source, x0 as the destination; see unpriv.h).
 */
#include "../unpriv/unpriv.h"

    TEST_BEGIN
    /* ---- andn ---- */
    TEST_RR(1, andn, -1, -1, 0)
    TEST_RR(2, andn, 0, -1, -1)
    TEST_RR(3, andn, 0, 0, -1)
#if XLEN == 64
    TEST_RR(4, andn, -0xff54ff11, -0x76543211, 0xff00ff00)
#else
    TEST_RR(4, andn, 0xab00ef, -0x76543211, -0xff0100)
#endif
    TEST_RR(5, andn, 0xf000f00, 0xf0f0f0f, 0xff00ff)
    TEST_RR(6, andn, -0x80000000, -0x80000000, 0x7fffffff)
#if XLEN == 64
    TEST_RR(7, andn, 0x23006700ab00ef, 0x123456789abcdef, -0xff00ff00ff0100)
#endif
    TEST_RR_S1D(8, andn, 80, 90, 15)
    TEST_RR_S2D(9, andn, 80, 90, 15)
    TEST_RR_SSD(10, andn, 0, 90)
    TEST_RR_Z1(11, andn, 0, 15)
    TEST_RR_Z2(12, andn, 90, 90)
    TEST_RR_ZZ(13, andn, 0)
    TEST_RR_ZD(14, andn, 90, 15)

    /* ---- orn ---- */
    TEST_RR(15, orn, -1, 0, 0)
    TEST_RR(16, orn, 0, 0, -1)
    TEST_RR(17, orn, -0x80000000, -0x80000000, -1)
#if XLEN == 64
    TEST_RR(18, orn, -0x76003201, -0x76543211, 0xff00ff00)
#else
    TEST_RR(18, orn, -0x76003201, -0x76543211, -0xff0100)
#endif
    TEST_RR(19, orn, -0xf000f1, 0xf0f0f0f, 0xff00ff)
#if XLEN == 64
    TEST_RR(20, orn, 0x1ff45ff89ffcdff, 0x123456789abcdef, -0xff00ff00ff0100)
    TEST_RR(21, orn, -0x8000000000000000, -0x8000000000000000, -1)
#endif
    TEST_RR_S1D(22, orn, -6, 90, 15)
    TEST_RR_S2D(23, orn, -6, 90, 15)
    TEST_RR_SSD(24, orn, -1, 90)
    TEST_RR_Z1(25, orn, -16, 15)
    TEST_RR_Z2(26, orn, -1, 90)
    TEST_RR_ZZ(27, orn, -1)
    TEST_RR_ZD(28, orn, 90, 15)

    /* ---- xnor ---- */
    TEST_RR(29, xnor, -1, 0, 0)
    TEST_RR(30, xnor, -1, -1, -1)
    TEST_RR(31, xnor, 0, -1, 0)
#if XLEN == 64
    TEST_RR(32, xnor, 0x8954cd10, -0x76543211, 0xff00ff00)
#else
    TEST_RR(32, xnor, -0x76ab32f0, -0x76543211, -0xff0100)
#endif
    TEST_RR(33, xnor, -0xff00ff1, 0xf0f0f0f, 0xff00ff)
#if XLEN == 64
    TEST_RR(34, xnor, 0x1dc45988954cd10, 0x123456789abcdef, -0xff00ff00ff0100)
#endif
    TEST_RR_S1D(35, xnor, -86, 90, 15)
    TEST_RR_S2D(36, xnor, -86, 90, 15)
    TEST_RR_SSD(37, xnor, -1, 90)
    TEST_RR_Z1(38, xnor, -16, 15)
    TEST_RR_Z2(39, xnor, -91, 90)
    TEST_RR_ZZ(40, xnor, -1)
    TEST_RR_ZD(41, xnor, 90, 15)

    /* ---- min: signed ---- */
    TEST_RR(42, min, -1, -1, 1)
    TEST_RR(43, min, -1, 1, -1)
    TEST_RR(44, min, -0x80000000, -0x80000000, 0x7fffffff)
    TEST_RR(45, min, -0x80000000, -0x80000000, -1)
    TEST_RR(46, min, 5, 5, 5)
    TEST_RR(47, min, -0x80000000, 0, -0x80000000)
    TEST_RR(48, min, -7, -7, -3)
#if XLEN == 64
    TEST_RR(49, min, -0x8000000000000000, -0x8000000000000000, 0x7fffffffffffffff)
    TEST_RR(50, min, -0x8000000000000000, -0x8000000000000000, -1)
    TEST_RR(51, min, 0x7fffffff, 0x80000000, 0x7fffffff)
#endif
    TEST_RR_S1D(52, min, -4, -4, 6)
    TEST_RR_S2D(53, min, -4, -4, 6)
    TEST_RR_SSD(54, min, -4, -4)
    TEST_RR_Z1(55, min, 0, 6)
    TEST_RR_Z2(56, min, -4, -4)
    TEST_RR_ZZ(57, min, 0)
    TEST_RR_ZD(58, min, -4, 6)

    /* ---- minu: unsigned ---- */
    TEST_RR(59, minu, 1, -1, 1)
    TEST_RR(60, minu, 1, 1, -1)
    TEST_RR(61, minu, 0x7fffffff, -0x80000000, 0x7fffffff)
    TEST_RR(62, minu, 5, 5, 5)
    TEST_RR(63, minu, 0, 0, -0x80000000)
    TEST_RR(64, minu, -7, -7, -3)
#if XLEN == 64
    TEST_RR(65, minu, 0x7fffffffffffffff, -0x8000000000000000, 0x7fffffffffffffff)
    TEST_RR(66, minu, 0x7fffffff, 0x80000000, 0x7fffffff)
#endif
    TEST_RR_S1D(67, minu, 6, -4, 6)
    TEST_RR_S2D(68, minu, 6, -4, 6)
    TEST_RR_SSD(69, minu, -4, -4)
    TEST_RR_Z1(70, minu, 0, 6)
    TEST_RR_Z2(71, minu, 0, -4)
    TEST_RR_ZZ(72, minu, 0)
    TEST_RR_ZD(73, minu, -4, 6)

    /* ---- max: signed ---- */
    TEST_RR(74, max, 1, -1, 1)
    TEST_RR(75, max, 1, 1, -1)
    TEST_RR(76, max, 0x7fffffff, -0x80000000, 0x7fffffff)
    TEST_RR(77, max, -1, -0x80000000, -1)
    TEST_RR(78, max, 5, 5, 5)
    TEST_RR(79, max, 0, 0, -0x80000000)
    TEST_RR(80, max, -3, -7, -3)
#if XLEN == 64
    TEST_RR(81, max, 0x7fffffffffffffff, -0x8000000000000000, 0x7fffffffffffffff)
    TEST_RR(82, max, -1, -0x8000000000000000, -1)
    TEST_RR(83, max, 0x80000000, 0x80000000, 0x7fffffff)
#endif
    TEST_RR_S1D(84, max, 6, -4, 6)
    TEST_RR_S2D(85, max, 6, -4, 6)
    TEST_RR_SSD(86, max, -4, -4)
    TEST_RR_Z1(87, max, 6, 6)
    TEST_RR_Z2(88, max, 0, -4)
    TEST_RR_ZZ(89, max, 0)
    TEST_RR_ZD(90, max, -4, 6)

    /* ---- maxu: unsigned ---- */
    TEST_RR(91, maxu, -1, -1, 1)
    TEST_RR(92, maxu, -1, 1, -1)
    TEST_RR(93, maxu, -0x80000000, -0x80000000, 0x7fffffff)
    TEST_RR(94, maxu, 5, 5, 5)
    TEST_RR(95, maxu, -0x80000000, 0, -0x80000000)
    TEST_RR(96, maxu, -3, -7, -3)
#if XLEN == 64
    TEST_RR(97, maxu, -0x8000000000000000, -0x8000000000000000, 0x7fffffffffffffff)
    TEST_RR(98, maxu, 0x80000000, 0x80000000, 0x7fffffff)
#endif
    TEST_RR_S1D(99, maxu, -4, -4, 6)
    TEST_RR_S2D(100, maxu, -4, -4, 6)
    TEST_RR_SSD(101, maxu, -4, -4)
    TEST_RR_Z1(102, maxu, 6, 6)
    TEST_RR_Z2(103, maxu, -4, -4)
    TEST_RR_ZZ(104, maxu, 0)
    TEST_RR_ZD(105, maxu, -4, 6)

    TEST_END
