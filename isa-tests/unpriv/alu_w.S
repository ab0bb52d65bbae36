/*
 * RV64I word operations: addw, subw, addiw, sllw, srlw, sraw, slliw,
 * srliw, sraiw. Only the low 32 bits of the sources count, the 32-bit
 * result is sign-extended to 64 bits, register shift amounts use 5 bits.
 * Built for RV64 only.
 */
#include "unpriv.h"

#if XLEN != 64
#error "alu_w.S is an RV64 test"
#endif

    .option norvc
    TEST_BEGIN

    /* ---- addw ---- */
    TEST_RR(1, addw, 0x0, 0x0, 0x0)
    TEST_RR(2, addw, 0x2, 0x1, 0x1)
    TEST_RR(3, addw, 0xa, 0x3, 0x7)
    TEST_RR(4, addw, -0x80000000, 0x7fffffff, 0x1)
    TEST_RR(5, addw, 0x7fffffff, -0x80000000, -0x1)
    TEST_RR(6, addw, 0x0, 0xffffffff, 0x1)
    TEST_RR(7, addw, -0x65432100, 0x123456789abcdef0, 0x10)
    TEST_RR(8, addw, 0x0, 0x100000000, 0x100000000)
    TEST_RR(9, addw, 0x5, -0x7fffffff00000000, 0x5)
    /* ---- subw ---- */
    TEST_RR(10, subw, 0x0, 0x0, 0x0)
    TEST_RR(11, subw, -0x4, 0x3, 0x7)
    TEST_RR(12, subw, 0x7fffffff, -0x80000000, 0x1)
    TEST_RR(13, subw, -0x80000000, 0x7fffffff, -0x1)
    TEST_RR(14, subw, -0x1, 0x100000000, 0x1)
    TEST_RR(15, subw, 0x2, -0xfffffffb, 0x3)
    TEST_RR(16, subw, -0x65432110, 0x123456789abcdef0, 0x1000000000000000)
    /* ---- addiw ---- */
    TEST_RI(17, addiw, 0x0, 0x0, 0)
    TEST_RI(18, addiw, -0x80000000, 0x7fffffff, 1)
    TEST_RI(19, addiw, -0x1, 0xffffffff, 0)
    TEST_RI(20, addiw, -0x80000000, 0x180000000, 0)
    TEST_RI(21, addiw, 0x12345e77, 0x12345678, 2047)
    TEST_RI(22, addiw, 0x7fffffff, -0x80000000, -1)
    TEST_RI(23, addiw, -0x800, 0x100000000, -2048)
    TEST_RI(24, addiw, -0x1, 0x7ffffffffffff800, 2047)
    /* ---- sllw ---- */
    TEST_RR(25, sllw, 0x1, 0x1, 0x0)
    TEST_RR(26, sllw, -0x80000000, 0x1, 0x1f)
    TEST_RR(27, sllw, 0x1, 0x1, 0x20)
    TEST_RR(28, sllw, 0x48484000, 0x21212121, 0xe)
    TEST_RR(29, sllw, -0x80000000, -0x1, -0x1)
    TEST_RR(30, sllw, 0x23456780, -0xedcba988, 0x4)
    TEST_RR(31, sllw, -0x80000000, 0x80000000, 0x0)
    TEST_RR(32, sllw, 0x0, -0x80000000, 0x1)
    TEST_RR(33, sllw, -0x80000000, -0x1, 0x1f)
    TEST_RR(34, sllw, 0x0, 0x180000000, 0x4)
    TEST_RR(35, sllw, 0x0, 0x80000000, 0x4)
    TEST_RR(36, sllw, -0x80000000, 0x7fffffff, 0x1f)
    TEST_RR(37, sllw, 0x7fffffff, 0x17fffffff, 0x0)
    TEST_RR(38, sllw, -0x80000000, 0x21212121, 0x3f)
    /* ---- srlw ---- */
    TEST_RR(39, srlw, 0x1, 0x1, 0x0)
    TEST_RR(40, srlw, 0x0, 0x1, 0x1f)
    TEST_RR(41, srlw, 0x1, 0x1, 0x20)
    TEST_RR(42, srlw, 0x8484, 0x21212121, 0xe)
    TEST_RR(43, srlw, 0x1, -0x1, -0x1)
    TEST_RR(44, srlw, 0x1234567, -0xedcba988, 0x4)
    TEST_RR(45, srlw, -0x80000000, 0x80000000, 0x0)
    TEST_RR(46, srlw, 0x40000000, -0x80000000, 0x1)
    TEST_RR(47, srlw, 0x1, -0x1, 0x1f)
    TEST_RR(48, srlw, 0x8000000, 0x180000000, 0x4)
    TEST_RR(49, srlw, 0x8000000, 0x80000000, 0x4)
    TEST_RR(50, srlw, 0x0, 0x7fffffff, 0x1f)
    TEST_RR(51, srlw, 0x7fffffff, 0x17fffffff, 0x0)
    TEST_RR(52, srlw, 0x0, 0x21212121, 0x3f)
    /* ---- sraw ---- */
    TEST_RR(53, sraw, 0x1, 0x1, 0x0)
    TEST_RR(54, sraw, 0x0, 0x1, 0x1f)
    TEST_RR(55, sraw, 0x1, 0x1, 0x20)
    TEST_RR(56, sraw, 0x8484, 0x21212121, 0xe)
    TEST_RR(57, sraw, -0x1, -0x1, -0x1)
    TEST_RR(58, sraw, 0x1234567, -0xedcba988, 0x4)
    TEST_RR(59, sraw, -0x80000000, 0x80000000, 0x0)
    TEST_RR(60, sraw, -0x40000000, -0x80000000, 0x1)
    TEST_RR(61, sraw, -0x1, -0x1, 0x1f)
    TEST_RR(62, sraw, -0x8000000, 0x180000000, 0x4)
    TEST_RR(63, sraw, -0x8000000, 0x80000000, 0x4)
    TEST_RR(64, sraw, 0x0, 0x7fffffff, 0x1f)
    TEST_RR(65, sraw, 0x7fffffff, 0x17fffffff, 0x0)
    TEST_RR(66, sraw, 0x0, 0x21212121, 0x3f)
    /* ---- slliw ---- */
    TEST_RI(67, slliw, 0x1, 0x1, 0)
    TEST_RI(68, slliw, -0x80000000, 0x1, 31)
    TEST_RI(69, slliw, 0x48484000, 0x21212121, 14)
    TEST_RI(70, slliw, 0x23456780, -0xedcba988, 4)
    TEST_RI(71, slliw, -0x80000000, 0x80000000, 0)
    TEST_RI(72, slliw, 0x0, -0x80000000, 1)
    TEST_RI(73, slliw, -0x80000000, -0x1, 31)
    TEST_RI(74, slliw, 0x0, 0x180000000, 4)
    TEST_RI(75, slliw, 0x0, 0x80000000, 4)
    TEST_RI(76, slliw, -0x80000000, 0x7fffffff, 31)
    TEST_RI(77, slliw, 0x7fffffff, 0x17fffffff, 0)
    /* ---- srliw ---- */
    TEST_RI(78, srliw, 0x1, 0x1, 0)
    TEST_RI(79, srliw, 0x0, 0x1, 31)
    TEST_RI(80, srliw, 0x8484, 0x21212121, 14)
    TEST_RI(81, srliw, 0x1234567, -0xedcba988, 4)
    TEST_RI(82, srliw, -0x80000000, 0x80000000, 0)
    TEST_RI(83, srliw, 0x40000000, -0x80000000, 1)
    TEST_RI(84, srliw, 0x1, -0x1, 31)
    TEST_RI(85, srliw, 0x8000000, 0x180000000, 4)
    TEST_RI(86, srliw, 0x8000000, 0x80000000, 4)
    TEST_RI(87, srliw, 0x0, 0x7fffffff, 31)
    TEST_RI(88, srliw, 0x7fffffff, 0x17fffffff, 0)
    /* ---- sraiw ---- */
    TEST_RI(89, sraiw, 0x1, 0x1, 0)
    TEST_RI(90, sraiw, 0x0, 0x1, 31)
    TEST_RI(91, sraiw, 0x8484, 0x21212121, 14)
    TEST_RI(92, sraiw, 0x1234567, -0xedcba988, 4)
    TEST_RI(93, sraiw, -0x80000000, 0x80000000, 0)
    TEST_RI(94, sraiw, -0x40000000, -0x80000000, 1)
    TEST_RI(95, sraiw, -0x1, -0x1, 31)
    TEST_RI(96, sraiw, -0x8000000, 0x180000000, 4)
    TEST_RI(97, sraiw, -0x8000000, 0x80000000, 4)
    TEST_RI(98, sraiw, 0x0, 0x7fffffff, 31)
    TEST_RI(99, sraiw, 0x7fffffff, 0x17fffffff, 0)

    /* ---- register / x0 forms ---- */
    TEST_RR_S1D(100, addw, -0x80000000, 0x7fffffff, 1)
    TEST_RR_S2D(101, subw, 0x7fffffff, -0x80000000, 1)
    TEST_RR_SSD(102, sllw, 0x18, 3)
    TEST_RR_Z1(103, subw, -0x7fffffff, 0x17fffffff)
    TEST_RR_Z2(104, addw, -0x80000000, 0x180000000)
    TEST_RR_ZD(105, addw, 1, 2)
    TEST_RI_SD(106, sraiw, -0x10000, -0x80000000, 15)
    TEST_RI_Z(107, addiw, -2048, -2048)
    TEST_RI_ZD(108, addiw, 1, 2)
    TEST_RI_ZD(109, slliw, 1, 2)

    TEST_END
