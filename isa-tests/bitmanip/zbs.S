/*
 * Zbs (bit-manipulation 1.0.0, 2.4): bset, bclr, binv, bext and their
 * immediate forms bseti, bclri, binvi, bexti. The register forms take rs2
 * mod XLEN as the bit index.
 *
 * Every check runs on RV32 and RV64 unless it sits in an XLEN block; a
 * check whose result differs by XLEN has one number and a value per XLEN.
 * Expected values come from the specification's pseudo-code. For each
 * instruction: corner values, then the register variants (rd equal to a
 * source, x0 as a source, x0 as the destination; see unpriv.h).
 */
#include "../unpriv/unpriv.h"

    TEST_BEGIN
    /* ---- bset: index = rs2 mod XLEN ---- */
    TEST_RR(1, bset, 1, 0, 0)
#if XLEN == 64
    TEST_RR(2, bset, 0x80000000, 0, 31)
    TEST_RR(3, bset, 0x100000000, 0, 32)
    TEST_RR(4, bset, 0x2000000000, 0, 37)
#else
    TEST_RR(2, bset, -0x80000000, 0, 31)
    TEST_RR(3, bset, 1, 0, 32)
    TEST_RR(4, bset, 32, 0, 37)
#endif
    TEST_RR(5, bset, -1, -1, 7)
#if XLEN == 64
    TEST_RR(6, bset, -0x8000000000000000, 0, -1)
#else
    TEST_RR(6, bset, -0x80000000, 0, -1)
#endif
    TEST_RR(7, bset, 1, 0, 64)
    TEST_RR(8, bset, 16, 16, 4)
#if XLEN == 64
    TEST_RR(9, bset, -0x8000000000000000, 0, 63)
    TEST_RR(10, bset, 32, 0, 69)
    TEST_RR(11, bset, 0x123456789abcdef, 0x123456789abcdef, 40)
#endif
    TEST_RR_S1D(12, bset, 0x102, 0x100, 1)
    TEST_RR_S2D(13, bset, 0x102, 0x100, 1)
    TEST_RR_SSD(14, bset, 0x101, 0x100)
    TEST_RR_Z1(15, bset, 2, 1)
    TEST_RR_Z2(16, bset, 0x101, 0x100)
    TEST_RR_ZZ(17, bset, 1)
    TEST_RR_ZD(18, bset, 0x100, 1)

    /* ---- bclr ---- */
    TEST_RR(19, bclr, -2, -1, 0)
#if XLEN == 64
    TEST_RR(20, bclr, -0x80000001, -1, 31)
    TEST_RR(21, bclr, -0x100000001, -1, 32)
    TEST_RR(22, bclr, -0x2000000001, -1, 37)
#else
    TEST_RR(20, bclr, 0x7fffffff, -1, 31)
    TEST_RR(21, bclr, -2, -1, 32)
    TEST_RR(22, bclr, -33, -1, 37)
#endif
    TEST_RR(23, bclr, 0, 0, 7)
    TEST_RR(24, bclr, -2, -1, 64)
    TEST_RR(25, bclr, 0, 16, 4)
#if XLEN == 64
    TEST_RR(26, bclr, 0x7fffffffffffffff, -1, 63)
    TEST_RR(27, bclr, -33, -1, 69)
    TEST_RR(28, bclr, 0x123446789abcdef, 0x123456789abcdef, 40)
#endif
    TEST_RR_S1D(29, bclr, 0x101, 0x103, 1)
    TEST_RR_S2D(30, bclr, 0x101, 0x103, 1)
    TEST_RR_SSD(31, bclr, 0x103, 0x103)
    TEST_RR_Z1(32, bclr, 0, 1)
    TEST_RR_Z2(33, bclr, 0x102, 0x103)
    TEST_RR_ZZ(34, bclr, 0)
    TEST_RR_ZD(35, bclr, 0x103, 1)

    /* ---- binv ---- */
    TEST_RR(36, binv, 1, 0, 0)
#if XLEN == 64
    TEST_RR(37, binv, 0x80000000, 0, 31)
    TEST_RR(38, binv, -0x80000001, -1, 31)
    TEST_RR(39, binv, -0x100000001, -1, 32)
    TEST_RR(40, binv, -0x2076543211, -0x76543211, 37)
#else
    TEST_RR(37, binv, -0x80000000, 0, 31)
    TEST_RR(38, binv, 0x7fffffff, -1, 31)
    TEST_RR(39, binv, -2, -1, 32)
    TEST_RR(40, binv, -0x76543231, -0x76543211, 37)
#endif
    TEST_RR(41, binv, -2, -1, 64)
#if XLEN == 64
    TEST_RR(42, binv, -0x8000000000000000, 0, 63)
    TEST_RR(43, binv, 0x7fffffffffffffff, -1, 63)
    TEST_RR(44, binv, 0x123456789abcdcf, 0x123456789abcdef, 69)
#endif
    TEST_RR_S1D(45, binv, 0x101, 0x103, 1)
    TEST_RR_S2D(46, binv, 0x101, 0x103, 1)
    TEST_RR_SSD(47, binv, 0x10b, 0x103)
    TEST_RR_Z1(48, binv, 2, 1)
    TEST_RR_Z2(49, binv, 0x102, 0x103)
    TEST_RR_ZZ(50, binv, 1)
    TEST_RR_ZD(51, binv, 0x103, 1)

    /* ---- bext ---- */
    TEST_RR(52, bext, 1, 1, 0)
    TEST_RR(53, bext, 1, -0x80000000, 31)
    TEST_RR(54, bext, 0, 0x7fffffff, 31)
    TEST_RR(55, bext, 1, -0x80000000, 63)
    TEST_RR(56, bext, 1, -0x76543211, 32)
    TEST_RR(57, bext, 1, -0x76543211, 37)
    TEST_RR(58, bext, 0, -2, 64)
#if XLEN == 64
    TEST_RR(59, bext, 1, -0x8000000000000000, 63)
    TEST_RR(60, bext, 0, 0x7fffffffffffffff, 63)
    TEST_RR(61, bext, 1, -0x8000000000000000, 0x7f)
    TEST_RR(62, bext, 1, 0x123456789abcdef, 69)
    TEST_RR(63, bext, 1, 0x100000000, 32)
#endif
    TEST_RR_S1D(64, bext, 1, 0x103, 1)
    TEST_RR_S2D(65, bext, 1, 0x103, 1)
    TEST_RR_SSD(66, bext, 0, 0x103)
    TEST_RR_Z1(67, bext, 0, 1)
    TEST_RR_Z2(68, bext, 1, 0x103)
    TEST_RR_ZZ(69, bext, 0)
    TEST_RR_ZD(70, bext, 0x103, 1)

    /* ---- bseti ---- */
    TEST_RI(71, bseti, 1, 0, 0)
#if XLEN == 64
    TEST_RI(72, bseti, 0x80000000, 0, 31)
#else
    TEST_RI(72, bseti, -0x80000000, 0, 31)
#endif
    TEST_RI(73, bseti, -1, -1, 7)
    TEST_RI(74, bseti, 16, 16, 4)
#if XLEN == 64
    TEST_RI(75, bseti, 0x100000000, 0, 32)
    TEST_RI(76, bseti, -0x8000000000000000, 0, 63)
    TEST_RI(77, bseti, 0x123456789abcdef, 0x123456789abcdef, 40)
#endif
    TEST_RI_SD(78, bseti, 0x102, 0x100, 1)
    TEST_RI_Z(79, bseti, 2, 1)
    TEST_RI_ZD(80, bseti, 0x100, 1)

    /* ---- bclri ---- */
    TEST_RI(81, bclri, -2, -1, 0)
#if XLEN == 64
    TEST_RI(82, bclri, -0x80000001, -1, 31)
#else
    TEST_RI(82, bclri, 0x7fffffff, -1, 31)
#endif
    TEST_RI(83, bclri, 0, 0, 7)
    TEST_RI(84, bclri, 0, 16, 4)
#if XLEN == 64
    TEST_RI(85, bclri, -0x100000001, -1, 32)
    TEST_RI(86, bclri, 0x7fffffffffffffff, -1, 63)
    TEST_RI(87, bclri, 0x123446789abcdef, 0x123456789abcdef, 40)
#endif
    TEST_RI_SD(88, bclri, 0x101, 0x103, 1)
    TEST_RI_Z(89, bclri, 0, 1)
    TEST_RI_ZD(90, bclri, 0x103, 1)

    /* ---- binvi ---- */
    TEST_RI(91, binvi, 1, 0, 0)
#if XLEN == 64
    TEST_RI(92, binvi, -0x80000001, -1, 31)
#else
    TEST_RI(92, binvi, 0x7fffffff, -1, 31)
#endif
    TEST_RI(93, binvi, -0x76543231, -0x76543211, 5)
#if XLEN == 64
    TEST_RI(94, binvi, 0x100000000, 0, 32)
    TEST_RI(95, binvi, 0x7fffffffffffffff, -1, 63)
    TEST_RI(96, binvi, 0x123456789abcdcf, 0x123456789abcdef, 5)
#endif
    TEST_RI_SD(97, binvi, 0x101, 0x103, 1)
    TEST_RI_Z(98, binvi, 2, 1)
    TEST_RI_ZD(99, binvi, 0x103, 1)

    /* ---- bexti ---- */
    TEST_RI(100, bexti, 1, 1, 0)
    TEST_RI(101, bexti, 1, -0x80000000, 31)
    TEST_RI(102, bexti, 0, 0x7fffffff, 31)
    TEST_RI(103, bexti, 1, -0x76543211, 5)
#if XLEN == 64
    TEST_RI(104, bexti, 0, -0x100000001, 32)
    TEST_RI(105, bexti, 1, -0x8000000000000000, 63)
    TEST_RI(106, bexti, 0, 0x7fffffffffffffff, 63)
#endif
    TEST_RI_SD(107, bexti, 1, 0x103, 1)
    TEST_RI_Z(108, bexti, 0, 1)
    TEST_RI_ZD(109, bexti, 0x103, 1)

    TEST_END
