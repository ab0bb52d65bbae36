/*
 * Zbb (bit-manipulation 1.0.0, 2.2) rotations: rol, ror, rori and on RV64
 * rolw, rorw, roriw. The amount is taken mod XLEN (mod 32 for the W
 * forms, which rotate the low word and sign-extend the result).
 *
 * Every check runs on RV32 and RV64 unless it sits in an XLEN block; a
 * check whose result differs by XLEN has one number and a value per XLEN.
 * Expected values come from the specification's pseudo-code. For each
 * instruction: corner values, then the register variants (rd equal to a
 * source, x0 as a source, x0 as the destination; see unpriv.h).
 */
#include "../unpriv/unpriv.h"

    TEST_BEGIN
    /* ---- rol: amount mod XLEN ---- */
    TEST_RR(1, rol, -0x76543211, -0x76543211, 0)
#if XLEN == 64
    TEST_RR(2, rol, -0x765432101, -0x76543211, 4)
    TEST_RR(3, rol, -0xffffffff, -0x80000000, 1)
    TEST_RR(4, rol, 0x80000000, 1, 31)
    TEST_RR(5, rol, -0x7654321000000001, -0x76543211, 32)
    TEST_RR(6, rol, -0x6543210000000008, -0x76543211, 36)
#else
    TEST_RR(2, rol, -0x65432108, -0x76543211, 4)
    TEST_RR(3, rol, 1, -0x80000000, 1)
    TEST_RR(4, rol, -0x80000000, 1, 31)
    TEST_RR(5, rol, -0x76543211, -0x76543211, 32)
    TEST_RR(6, rol, -0x65432108, -0x76543211, 36)
#endif
    TEST_RR(7, rol, -1, -1, 13)
#if XLEN == 64
    TEST_RR(8, rol, -0x8000000000000000, 1, -1)
#else
    TEST_RR(8, rol, -0x80000000, 1, -1)
#endif
    TEST_RR(9, rol, 0x12345678, 0x12345678, 64)
#if XLEN == 64
    TEST_RR(10, rol, 0x123456789abcdef0, 0x123456789abcdef, 4)
    TEST_RR(11, rol, 1, -0x8000000000000000, 1)
    TEST_RR(12, rol, -0x8000000000000000, 1, 63)
    TEST_RR(13, rol, 0x123456789abcdef0, 0x123456789abcdef, 68)
#endif
    TEST_RR_S1D(14, rol, 0x408, 0x81, 3)
    TEST_RR_S2D(15, rol, 0x408, 0x81, 3)
    TEST_RR_SSD(16, rol, 0x102, 0x81)
    TEST_RR_Z1(17, rol, 0, 3)
    TEST_RR_Z2(18, rol, 0x81, 0x81)
    TEST_RR_ZZ(19, rol, 0)
    TEST_RR_ZD(20, rol, 0x81, 3)

    /* ---- ror ---- */
    TEST_RR(21, ror, -0x76543211, -0x76543211, 0)
    TEST_RR(22, ror, -0x7654322, -0x76543211, 4)
#if XLEN == 64
    TEST_RR(23, ror, -0x8000000000000000, 1, 1)
    TEST_RR(24, ror, 0x1ffffffff, -0x80000000, 31)
    TEST_RR(25, ror, -0x7654321000000001, -0x76543211, 32)
    TEST_RR(26, ror, -0x765432100000001, -0x76543211, 36)
#else
    TEST_RR(23, ror, -0x80000000, 1, 1)
    TEST_RR(24, ror, 1, -0x80000000, 31)
    TEST_RR(25, ror, -0x76543211, -0x76543211, 32)
    TEST_RR(26, ror, -0x7654322, -0x76543211, 36)
#endif
    TEST_RR(27, ror, -1, -1, 13)
    TEST_RR(28, ror, 4, 2, -1)
    TEST_RR(29, ror, 0x12345678, 0x12345678, 64)
#if XLEN == 64
    TEST_RR(30, ror, -0xfedcba987654322, 0x123456789abcdef, 4)
    TEST_RR(31, ror, 1, -0x8000000000000000, 63)
    TEST_RR(32, ror, -0xfedcba987654322, 0x123456789abcdef, 68)
    TEST_RR_S1D(33, ror, 0x2000000000000010, 0x81, 3)
    TEST_RR_S2D(34, ror, 0x2000000000000010, 0x81, 3)
    TEST_RR_SSD(35, ror, -0x7fffffffffffffc0, 0x81)
#else
    TEST_RR_S1D(33, ror, 0x20000010, 0x81, 3)
    TEST_RR_S2D(34, ror, 0x20000010, 0x81, 3)
    TEST_RR_SSD(35, ror, -0x7fffffc0, 0x81)
#endif
    TEST_RR_Z1(36, ror, 0, 3)
    TEST_RR_Z2(37, ror, 0x81, 0x81)
    TEST_RR_ZZ(38, ror, 0)
    TEST_RR_ZD(39, ror, 0x81, 3)

    /* ---- rori ---- */
    TEST_RI(40, rori, -0x76543211, -0x76543211, 0)
    TEST_RI(41, rori, -0x7654322, -0x76543211, 4)
#if XLEN == 64
    TEST_RI(42, rori, -0x8000000000000000, 1, 1)
    TEST_RI(43, rori, 0x200000000, 1, 31)
    TEST_RI(44, rori, 0x1ffffffff, -0x80000000, 31)
#else
    TEST_RI(42, rori, -0x80000000, 1, 1)
    TEST_RI(43, rori, 2, 1, 31)
    TEST_RI(44, rori, 1, -0x80000000, 31)
#endif
    TEST_RI(45, rori, -1, -1, 13)
#if XLEN == 64
    TEST_RI(46, rori, 0x100000000, 1, 32)
    TEST_RI(47, rori, 1, -0x8000000000000000, 63)
    TEST_RI(48, rori, 0x789abcdef0123456, 0x123456789abcdef, 36)
    TEST_RI_SD(49, rori, 0x2000000000000010, 0x81, 3)
#else
    TEST_RI_SD(49, rori, 0x20000010, 0x81, 3)
#endif
    TEST_RI_Z(50, rori, 0, 3)
    TEST_RI_ZD(51, rori, 0x81, 3)

    /* ---- rolw (RV64): rotates the low word, sign-extends ---- */
#if XLEN == 64
    TEST_RR(52, rolw, 0x12345678, 0x12345678, 0)
    TEST_RR(53, rolw, 0x23456781, 0x12345678, 4)
    TEST_RR(54, rolw, -0x80000000, 0x40000000, 1)
    TEST_RR(55, rolw, -0x80000000, 1, 31)
    TEST_RR(56, rolw, 1, -0xffffffff, 32)
    TEST_RR(57, rolw, 0x23456781, 0x12345678, 36)
    TEST_RR(58, rolw, 0, -0x100000000, 5)
    TEST_RR(59, rolw, 1, 0x80000000, 1)
    TEST_RR_S1D(60, rolw, 0x408, 0x81, 3)
    TEST_RR_S2D(61, rolw, 0x408, 0x81, 3)
    TEST_RR_SSD(62, rolw, 0x102, 0x81)
    TEST_RR_Z1(63, rolw, 0, 3)
    TEST_RR_Z2(64, rolw, 0x81, 0x81)
    TEST_RR_ZZ(65, rolw, 0)
    TEST_RR_ZD(66, rolw, 0x81, 3)
#endif

    /* ---- rorw (RV64) ---- */
#if XLEN == 64
    TEST_RR(67, rorw, 0x12345678, 0x12345678, 0)
    TEST_RR(68, rorw, -0x7edcba99, 0x12345678, 4)
    TEST_RR(69, rorw, -0x80000000, 1, 1)
    TEST_RR(70, rorw, 1, 2, 1)
    TEST_RR(71, rorw, 1, -0xffffffff, 32)
    TEST_RR(72, rorw, -0x7edcba99, 0x12345678, 36)
    TEST_RR(73, rorw, 0, -0x100000000, 5)
    TEST_RR(74, rorw, 1, -0x80000000, 31)
    TEST_RR_S1D(75, rorw, 0x20000010, 0x81, 3)
    TEST_RR_S2D(76, rorw, 0x20000010, 0x81, 3)
    TEST_RR_SSD(77, rorw, -0x7fffffc0, 0x81)
    TEST_RR_Z1(78, rorw, 0, 3)
    TEST_RR_Z2(79, rorw, 0x81, 0x81)
    TEST_RR_ZZ(80, rorw, 0)
    TEST_RR_ZD(81, rorw, 0x81, 3)
#endif

    /* ---- roriw (RV64) ---- */
#if XLEN == 64
    TEST_RI(82, roriw, 0x12345678, 0x12345678, 0)
    TEST_RI(83, roriw, -0x7edcba99, 0x12345678, 4)
    TEST_RI(84, roriw, -0x80000000, 1, 1)
    TEST_RI(85, roriw, 1, 2, 1)
    TEST_RI(86, roriw, 2, -0xffffffff, 31)
    TEST_RI(87, roriw, 0, -0x100000000, 5)
    TEST_RI(88, roriw, -0x80000000, 0x80000000, 0)
    TEST_RI_SD(89, roriw, 0x20000010, 0x81, 3)
    TEST_RI_Z(90, roriw, 0, 3)
    TEST_RI_ZD(91, roriw, 0x81, 3)
#endif

    TEST_END
