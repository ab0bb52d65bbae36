/*
 * Zba (RISC-V Bit-Manipulation ISA-extensions 1.0.0, 2.1): sh1add, sh2add,
 * sh3add; on RV64 also add.uw (and its alias zext.w), sh1add.uw,
 * sh2add.uw, sh3add.uw and slli.uw, which take the low word of rs1
 * zero-extended. Carries out of XLEN are lost; slli.uw has a 6-bit shift
 * amount.
 *
 * Every check runs on RV32 and RV64 unless it sits in an XLEN block; a
 * check whose result differs by XLEN has one number and a value per XLEN.
 * Expected values come from the specification's pseudo-code. For each
 * instruction: corner values, then the register variants (rd equal to a
 * source, x0 as a source, x0 as the destination; see unpriv.h).
 */
#include "../unpriv/unpriv.h"

    TEST_BEGIN
    /* ---- sh1add ---- */
    TEST_RR(1, sh1add, 4, 1, 2)
    TEST_RR(2, sh1add, -2, -1, 0)
#if XLEN == 64
    TEST_RR(3, sh1add, -0xffffffff, -0x80000000, 1)
    TEST_RR(4, sh1add, 0x80000000, 0x40000000, 0)
#else
    TEST_RR(3, sh1add, 1, -0x80000000, 1)
    TEST_RR(4, sh1add, -0x80000000, 0x40000000, 0)
#endif
    TEST_RR(5, sh1add, -3, -1, -1)
#if XLEN == 64
    TEST_RR(6, sh1add, 0x17ffffffd, 0x7fffffff, 0x7fffffff)
    TEST_RR(7, sh1add, 1, -0x8000000000000000, 1)
    TEST_RR(8, sh1add, -0x8000000000000000, 0x4000000000000000, 0)
    TEST_RR(9, sh1add, 0x369d0369d0369cd, 0x123456789abcdef, 0x123456789abcdef)
#else
    TEST_RR(6, sh1add, 0x7ffffffd, 0x7fffffff, 0x7fffffff)
#endif
    TEST_RR_S1D(10, sh1add, 11, 3, 5)
    TEST_RR_S2D(11, sh1add, 11, 3, 5)
    TEST_RR_SSD(12, sh1add, 9, 3)
    TEST_RR_Z1(13, sh1add, 5, 5)
    TEST_RR_Z2(14, sh1add, 6, 3)
    TEST_RR_ZZ(15, sh1add, 0)
    TEST_RR_ZD(16, sh1add, 3, 5)

    /* ---- sh2add ---- */
    TEST_RR(17, sh2add, 6, 1, 2)
    TEST_RR(18, sh2add, -4, -1, 0)
#if XLEN == 64
    TEST_RR(19, sh2add, 0x80000007, 0x20000001, 3)
    TEST_RR(20, sh2add, 0x100000007, 0x40000000, 7)
#else
    TEST_RR(19, sh2add, -0x7ffffff9, 0x20000001, 3)
    TEST_RR(20, sh2add, 7, 0x40000000, 7)
#endif
    TEST_RR(21, sh2add, 0, -1, 4)
#if XLEN == 64
    TEST_RR(22, sh2add, -0x7ffffffffffffff9, 0x2000000000000001, 3)
    TEST_RR(23, sh2add, 0x48d159e26af37bb, 0x123456789abcdef, -1)
#endif
    TEST_RR_S1D(24, sh2add, 17, 3, 5)
    TEST_RR_S2D(25, sh2add, 17, 3, 5)
    TEST_RR_SSD(26, sh2add, 15, 3)
    TEST_RR_Z1(27, sh2add, 5, 5)
    TEST_RR_Z2(28, sh2add, 12, 3)
    TEST_RR_ZZ(29, sh2add, 0)

    /* ---- sh3add ---- */
    TEST_RR(30, sh3add, 10, 1, 2)
    TEST_RR(31, sh3add, -8, -1, 0)
#if XLEN == 64
    TEST_RR(32, sh3add, 0x80000000, 0x10000000, 0)
    TEST_RR(33, sh3add, 0x180000001, 0x30000000, 1)
#else
    TEST_RR(32, sh3add, -0x80000000, 0x10000000, 0)
    TEST_RR(33, sh3add, -0x7fffffff, 0x30000000, 1)
#endif
    TEST_RR(34, sh3add, 0, -1, 8)
#if XLEN == 64
    TEST_RR(35, sh3add, -0x8000000000000000, 0x1000000000000000, 0)
    TEST_RR(36, sh3add, -0x7fffffffffffffff, 0x3000000000000000, 1)
#endif
    TEST_RR_S1D(37, sh3add, 29, 3, 5)
    TEST_RR_S2D(38, sh3add, 29, 3, 5)
    TEST_RR_SSD(39, sh3add, 27, 3)
    TEST_RR_Z1(40, sh3add, 5, 5)
    TEST_RR_Z2(41, sh3add, 24, 3)
    TEST_RR_ZZ(42, sh3add, 0)

    /* ---- add.uw (RV64): rs1's low word, zero-extended, plus rs2 ---- */
#if XLEN == 64
    TEST_RR(43, add.uw, 0x80000001, -0x80000000, 1)
    TEST_RR(44, add.uw, 0xfffffffe, -1, -1)
    TEST_RR(45, add.uw, 0x100000000, -1, 1)
    TEST_RR(46, add.uw, 0x23456789, 0x123456789, 0)
    TEST_RR(47, add.uw, -1, 0, -1)
    TEST_RR(48, add.uw, 0xfffffffe, 0x7fffffff, 0x7fffffff)
    TEST_RR(49, add.uw, 5, -0x100000000, 5)
    TEST_RR_S1D(50, add.uw, 0x100000001, -2, 3)
    TEST_RR_S2D(51, add.uw, 0x100000001, -2, 3)
    TEST_RR_SSD(52, add.uw, 0xfffffffc, -2)
    TEST_RR_Z1(53, add.uw, 3, 3)
    TEST_RR_Z2(54, add.uw, 0xfffffffe, -2)
    TEST_RR_ZZ(55, add.uw, 0)
    TEST_RR_ZD(56, add.uw, -2, 3)
#endif

    /* ---- zext.w (RV64): the assembler's alias of add.uw rd, rs1, zero ---- */
#if XLEN == 64
    TEST_R1(57, zext.w, 0xffffffff, -1)
    TEST_R1(58, zext.w, 0x80000000, -0x80000000)
    TEST_R1(59, zext.w, 0x9abcdef0, 0x123456789abcdef0)
    TEST_R1(60, zext.w, 0x7fffffff, 0x7fffffff)
    TEST_R1_SD(61, zext.w, 0xfffffffb, -5)
    TEST_R1_Z(62, zext.w, 0)
    TEST_R1_ZD(63, zext.w, -5)
#endif

    /* ---- sh1add.uw (RV64) ---- */
#if XLEN == 64
    TEST_RR(64, sh1add.uw, 0x1fffffffe, -1, 0)
    TEST_RR(65, sh1add.uw, 0x100000001, -0x80000000, 1)
    TEST_RR(66, sh1add.uw, 1, 0x100000001, -1)
    TEST_RR(67, sh1add.uw, 7, -0x100000000, 7)
    TEST_RR_S1D(68, sh1add.uw, 0x1ffffffff, -2, 3)
    TEST_RR_S2D(69, sh1add.uw, 0x1ffffffff, -2, 3)
    TEST_RR_SSD(70, sh1add.uw, 0x1fffffffa, -2)
    TEST_RR_Z1(71, sh1add.uw, 3, 3)
    TEST_RR_Z2(72, sh1add.uw, 0x1fffffffc, -2)
    TEST_RR_ZZ(73, sh1add.uw, 0)
#endif

    /* ---- sh2add.uw (RV64) ---- */
#if XLEN == 64
    TEST_RR(74, sh2add.uw, 0x3fffffffc, -1, 0)
    TEST_RR(75, sh2add.uw, 0x200000001, -0x80000000, 1)
    TEST_RR(76, sh2add.uw, 3, 0x100000001, -1)
    TEST_RR_S1D(77, sh2add.uw, 0x3fffffffb, -2, 3)
    TEST_RR_S2D(78, sh2add.uw, 0x3fffffffb, -2, 3)
    TEST_RR_SSD(79, sh2add.uw, 0x3fffffff6, -2)
    TEST_RR_Z1(80, sh2add.uw, 3, 3)
    TEST_RR_Z2(81, sh2add.uw, 0x3fffffff8, -2)
    TEST_RR_ZZ(82, sh2add.uw, 0)
#endif

    /* ---- sh3add.uw (RV64) ---- */
#if XLEN == 64
    TEST_RR(83, sh3add.uw, 0x7fffffff8, -1, 0)
    TEST_RR(84, sh3add.uw, 0x400000001, 0x180000000, 1)
    TEST_RR(85, sh3add.uw, 7, 0x100000001, -1)
    TEST_RR_S1D(86, sh3add.uw, 0x7fffffff3, -2, 3)
    TEST_RR_S2D(87, sh3add.uw, 0x7fffffff3, -2, 3)
    TEST_RR_SSD(88, sh3add.uw, 0x7ffffffee, -2)
    TEST_RR_Z1(89, sh3add.uw, 3, 3)
    TEST_RR_Z2(90, sh3add.uw, 0x7fffffff0, -2)
    TEST_RR_ZZ(91, sh3add.uw, 0)
#endif

    /* ---- slli.uw (RV64): 6-bit shift amount ---- */
#if XLEN == 64
    TEST_RI(92, slli.uw, 0x12345678, -0xedcba988, 0)
    TEST_RI(93, slli.uw, 0x2468acf0, -0xedcba988, 1)
    TEST_RI(94, slli.uw, 0x7fffffff80000000, -1, 31)
    TEST_RI(95, slli.uw, -0x100000000, -1, 32)
    TEST_RI(96, slli.uw, -0x8000000000000000, 1, 63)
    TEST_RI(97, slli.uw, -0x8000000000000000, 0x80000001, 63)
    TEST_RI(98, slli.uw, 0, 2, 63)
    TEST_RI(99, slli.uw, -0x8000000000000000, 0x80000000, 32)
    TEST_RI(100, slli.uw, 0xffffffff, -1, 0)
    TEST_RI_SD(101, slli.uw, 0xffffffff0, -1, 4)
    TEST_RI_Z(102, slli.uw, 0, 5)
    TEST_RI_ZD(103, slli.uw, -1, 4)
#endif

    TEST_END
