/*
 * Immediate shifts of RV32I / RV64I: slli, srli, srai.
 * Shift amounts 0, 1, 31 and on RV64 32..63, values with the sign bit set.
 */
#include "unpriv.h"

    .option norvc
    TEST_BEGIN
    /* ---- slli ---- */
    TEST_RI(1, slli, 0x1, 0x1, 0)
    TEST_RI(2, slli, 0x2, 0x1, 1)
    TEST_RI(3, slli, 0x80, 0x1, 7)
    TEST_RI(4, slli, 0x4000, 0x1, 14)
    TEST_RI(5, slli, -0x1, -0x1, 0)
    TEST_RI(6, slli, -0x2, -0x1, 1)
    TEST_RI(7, slli, -0x80000000, -0x1, 31)
    TEST_RI(8, slli, 0x21212121, 0x21212121, 0)
    TEST_RI(9, slli, 0x42424242, 0x21212121, 1)
    TEST_RI(10, slli, -0x7edcba99, -0x7edcba99, 0)
#if XLEN == 64
    TEST_RI(11, slli, 0x80000000, 0x1, 31)
    TEST_RI(12, slli, 0x84848484000, 0x21212121, 14)
    TEST_RI(13, slli, 0x1090909080000000, 0x21212121, 31)
    TEST_RI(14, slli, -0x7edcba990, -0x7edcba99, 4)
    TEST_RI(15, slli, -0x3f6e5d4c80000000, -0x7edcba99, 31)
    TEST_RI(16, slli, 0x2121212100000000, 0x21212121, 32)
    TEST_RI(17, slli, 0x2468ace00000000, -0x7edcba99, 33)
    TEST_RI(18, slli, -0x8000000000000000, -0x7edcba99, 63)
    TEST_RI(19, slli, -0x8000000000000000, -0x1, 63)
    TEST_RI(20, slli, 0x0, -0x8000000000000000, 63)
    TEST_RI(21, slli, 0x0, -0x8000000000000000, 1)
#else
    TEST_RI(22, slli, -0x80000000, 0x1, 31)
    TEST_RI(23, slli, 0x48484000, 0x21212121, 14)
    TEST_RI(24, slli, -0x80000000, 0x21212121, 31)
    TEST_RI(25, slli, 0x12345670, -0x7edcba99, 4)
    TEST_RI(26, slli, -0x80000000, -0x7edcba99, 31)
#endif
    TEST_RI_SD(27, slli, 0x3380, 0x67, 7)
    TEST_RI_Z(28, slli, 0, 5)
    TEST_RI_ZD(29, slli, 0x1234, 3)

    /* ---- srli ---- */
    TEST_RI(30, srli, 0x1, 0x1, 0)
    TEST_RI(31, srli, 0x0, 0x1, 1)
    TEST_RI(32, srli, 0x0, 0x1, 7)
    TEST_RI(33, srli, 0x0, 0x1, 14)
    TEST_RI(34, srli, 0x0, 0x1, 31)
    TEST_RI(35, srli, -0x1, -0x1, 0)
    TEST_RI(36, srli, 0x21212121, 0x21212121, 0)
    TEST_RI(37, srli, 0x10909090, 0x21212121, 1)
    TEST_RI(38, srli, 0x8484, 0x21212121, 14)
    TEST_RI(39, srli, 0x0, 0x21212121, 31)
    TEST_RI(40, srli, -0x7edcba99, -0x7edcba99, 0)
#if XLEN == 64
    TEST_RI(41, srli, 0x7fffffffffffffff, -0x1, 1)
    TEST_RI(42, srli, 0x1ffffffff, -0x1, 31)
    TEST_RI(43, srli, 0xffffffff8123456, -0x7edcba99, 4)
    TEST_RI(44, srli, 0x1ffffffff, -0x7edcba99, 31)
    TEST_RI(45, srli, 0x0, 0x21212121, 32)
    TEST_RI(46, srli, 0x7fffffff, -0x7edcba99, 33)
    TEST_RI(47, srli, 0x1, -0x7edcba99, 63)
    TEST_RI(48, srli, 0x1, -0x1, 63)
    TEST_RI(49, srli, 0x1, -0x8000000000000000, 63)
    TEST_RI(50, srli, 0x4000000000000000, -0x8000000000000000, 1)
#else
    TEST_RI(51, srli, 0x7fffffff, -0x1, 1)
    TEST_RI(52, srli, 0x1, -0x1, 31)
    TEST_RI(53, srli, 0x8123456, -0x7edcba99, 4)
    TEST_RI(54, srli, 0x1, -0x7edcba99, 31)
#endif
    TEST_RI_SD(55, srli, 0x0, 0x67, 7)
    TEST_RI_Z(56, srli, 0, 5)
    TEST_RI_ZD(57, srli, 0x1234, 3)

    /* ---- srai ---- */
    TEST_RI(58, srai, 0x1, 0x1, 0)
    TEST_RI(59, srai, 0x0, 0x1, 1)
    TEST_RI(60, srai, 0x0, 0x1, 7)
    TEST_RI(61, srai, 0x0, 0x1, 14)
    TEST_RI(62, srai, 0x0, 0x1, 31)
    TEST_RI(63, srai, -0x1, -0x1, 0)
    TEST_RI(64, srai, -0x1, -0x1, 1)
    TEST_RI(65, srai, -0x1, -0x1, 31)
    TEST_RI(66, srai, 0x21212121, 0x21212121, 0)
    TEST_RI(67, srai, 0x10909090, 0x21212121, 1)
    TEST_RI(68, srai, 0x8484, 0x21212121, 14)
    TEST_RI(69, srai, 0x0, 0x21212121, 31)
    TEST_RI(70, srai, -0x7edcba99, -0x7edcba99, 0)
    TEST_RI(71, srai, -0x7edcbaa, -0x7edcba99, 4)
    TEST_RI(72, srai, -0x1, -0x7edcba99, 31)
#if XLEN == 64
    TEST_RI(73, srai, 0x0, 0x21212121, 32)
    TEST_RI(74, srai, -0x1, -0x7edcba99, 33)
    TEST_RI(75, srai, -0x1, -0x7edcba99, 63)
    TEST_RI(76, srai, -0x1, -0x1, 63)
    TEST_RI(77, srai, -0x1, -0x8000000000000000, 63)
    TEST_RI(78, srai, -0x4000000000000000, -0x8000000000000000, 1)
#endif
    TEST_RI_SD(79, srai, 0x0, 0x67, 7)
    TEST_RI_Z(80, srai, 0, 5)
    TEST_RI_ZD(81, srai, 0x1234, 3)

    TEST_END
