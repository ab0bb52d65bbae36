/*
 * M extension multiplication: mul, mulh, mulhsu, mulhu (mulw is in
 * muldiv_w.S). Low and high halves of products with negative operands,
 * the most negative value, signed x unsigned mixes, x0 and rd == rs forms.
 */
#include "unpriv.h"

    .option norvc
    TEST_BEGIN

    /* ---- mul ---- */
    TEST_RR(1, mul, 0x0, 0x0, 0x0)
    TEST_RR(2, mul, 0x1, 0x1, 0x1)
    TEST_RR(3, mul, 0x15, 0x3, 0x7)
    TEST_RR(4, mul, 0x1, -0x1, -0x1)
    TEST_RR(5, mul, -0x1, -0x1, 0x1)
    TEST_RR(6, mul, -0x1, 0x1, -0x1)
    TEST_RR(7, mul, -0x6, -0x2, 0x3)
    TEST_RR(8, mul, -0x80000000, -0x80000000, 0x1)
    TEST_RR(9, mul, -0x38e31c72, 0xaaaa, -0x5555)
#if XLEN == 64
    TEST_RR(10, mul, 0x4000000000000000, -0x80000000, -0x80000000)
    TEST_RR(11, mul, 0x3fffffff00000001, 0x7fffffff, 0x7fffffff)
    TEST_RR(12, mul, -0x123456780000, 0x12345678, -0x10000)
    TEST_RR(13, mul, 0x1, 0x7fffffffffffffff, 0x7fffffffffffffff)
    TEST_RR(14, mul, 0x0, -0x8000000000000000, -0x8000000000000000)
    TEST_RR(15, mul, -0x8000000000000000, -0x8000000000000000, 0x1)
    TEST_RR(16, mul, -0x8000000000000000, -0x8000000000000000, -0x1)
    TEST_RR(17, mul, -0x2236d88fe5618cf0, 0x123456789abcdef0, -0xfedcba987654321)
    TEST_RR(18, mul, 0x7fffffffffffffff, -0x1, -0x7fffffffffffffff)
#else
    TEST_RR(19, mul, 0x0, -0x80000000, -0x80000000)
    TEST_RR(20, mul, 0x1, 0x7fffffff, 0x7fffffff)
    TEST_RR(21, mul, -0x56780000, 0x12345678, -0x10000)
#endif

    /* ---- mulh ---- */
    TEST_RR(22, mulh, 0x0, 0x0, 0x0)
    TEST_RR(23, mulh, 0x0, 0x1, 0x1)
    TEST_RR(24, mulh, 0x0, 0x3, 0x7)
    TEST_RR(25, mulh, 0x0, -0x1, -0x1)
    TEST_RR(26, mulh, -0x1, -0x1, 0x1)
    TEST_RR(27, mulh, -0x1, 0x1, -0x1)
    TEST_RR(28, mulh, -0x1, -0x2, 0x3)
    TEST_RR(29, mulh, -0x1, -0x80000000, 0x1)
    TEST_RR(30, mulh, -0x1, 0xaaaa, -0x5555)
#if XLEN == 64
    TEST_RR(31, mulh, 0x0, -0x80000000, -0x80000000)
    TEST_RR(32, mulh, 0x0, 0x7fffffff, 0x7fffffff)
    TEST_RR(33, mulh, -0x1, 0x12345678, -0x10000)
    TEST_RR(34, mulh, 0x3fffffffffffffff, 0x7fffffffffffffff, 0x7fffffffffffffff)
    TEST_RR(35, mulh, 0x4000000000000000, -0x8000000000000000, -0x8000000000000000)
    TEST_RR(36, mulh, -0x1, -0x8000000000000000, 0x1)
    TEST_RR(37, mulh, 0x0, -0x8000000000000000, -0x1)
    TEST_RR(38, mulh, -0x121fa00ad77d743, 0x123456789abcdef0, -0xfedcba987654321)
    TEST_RR(39, mulh, 0x0, -0x1, -0x7fffffffffffffff)
#else
    TEST_RR(40, mulh, 0x40000000, -0x80000000, -0x80000000)
    TEST_RR(41, mulh, 0x3fffffff, 0x7fffffff, 0x7fffffff)
    TEST_RR(42, mulh, -0x1235, 0x12345678, -0x10000)
#endif

    /* ---- mulhsu ---- */
    TEST_RR(43, mulhsu, 0x0, 0x0, 0x0)
    TEST_RR(44, mulhsu, 0x0, 0x1, 0x1)
    TEST_RR(45, mulhsu, 0x0, 0x3, 0x7)
    TEST_RR(46, mulhsu, -0x1, -0x1, -0x1)
    TEST_RR(47, mulhsu, -0x1, -0x1, 0x1)
    TEST_RR(48, mulhsu, 0x0, 0x1, -0x1)
    TEST_RR(49, mulhsu, -0x1, -0x2, 0x3)
    TEST_RR(50, mulhsu, -0x1, -0x80000000, 0x1)
    TEST_RR(51, mulhsu, 0xaaa9, 0xaaaa, -0x5555)
#if XLEN == 64
    TEST_RR(52, mulhsu, -0x80000000, -0x80000000, -0x80000000)
    TEST_RR(53, mulhsu, 0x0, 0x7fffffff, 0x7fffffff)
    TEST_RR(54, mulhsu, 0x12345677, 0x12345678, -0x10000)
    TEST_RR(55, mulhsu, 0x3fffffffffffffff, 0x7fffffffffffffff, 0x7fffffffffffffff)
    TEST_RR(56, mulhsu, -0x4000000000000000, -0x8000000000000000, -0x8000000000000000)
    TEST_RR(57, mulhsu, -0x1, -0x8000000000000000, 0x1)
    TEST_RR(58, mulhsu, -0x8000000000000000, -0x8000000000000000, -0x1)
    TEST_RR(59, mulhsu, 0x11125c77ed4507ad, 0x123456789abcdef0, -0xfedcba987654321)
    TEST_RR(60, mulhsu, -0x1, -0x1, -0x7fffffffffffffff)
#else
    TEST_RR(61, mulhsu, -0x40000000, -0x80000000, -0x80000000)
    TEST_RR(62, mulhsu, 0x3fffffff, 0x7fffffff, 0x7fffffff)
    TEST_RR(63, mulhsu, 0x12344443, 0x12345678, -0x10000)
#endif

    /* ---- mulhu ---- */
    TEST_RR(64, mulhu, 0x0, 0x0, 0x0)
    TEST_RR(65, mulhu, 0x0, 0x1, 0x1)
    TEST_RR(66, mulhu, 0x0, 0x3, 0x7)
    TEST_RR(67, mulhu, -0x2, -0x1, -0x1)
    TEST_RR(68, mulhu, 0x0, -0x1, 0x1)
    TEST_RR(69, mulhu, 0x0, 0x1, -0x1)
    TEST_RR(70, mulhu, 0x2, -0x2, 0x3)
    TEST_RR(71, mulhu, 0x0, -0x80000000, 0x1)
    TEST_RR(72, mulhu, 0xaaa9, 0xaaaa, -0x5555)
#if XLEN == 64
    TEST_RR(73, mulhu, -0x100000000, -0x80000000, -0x80000000)
    TEST_RR(74, mulhu, 0x0, 0x7fffffff, 0x7fffffff)
    TEST_RR(75, mulhu, 0x12345677, 0x12345678, -0x10000)
    TEST_RR(76, mulhu, 0x3fffffffffffffff, 0x7fffffffffffffff, 0x7fffffffffffffff)
    TEST_RR(77, mulhu, 0x4000000000000000, -0x8000000000000000, -0x8000000000000000)
    TEST_RR(78, mulhu, 0x0, -0x8000000000000000, 0x1)
    TEST_RR(79, mulhu, 0x7fffffffffffffff, -0x8000000000000000, -0x1)
    TEST_RR(80, mulhu, 0x11125c77ed4507ad, 0x123456789abcdef0, -0xfedcba987654321)
    TEST_RR(81, mulhu, -0x8000000000000000, -0x1, -0x7fffffffffffffff)
#else
    TEST_RR(82, mulhu, 0x40000000, -0x80000000, -0x80000000)
    TEST_RR(83, mulhu, 0x3fffffff, 0x7fffffff, 0x7fffffff)
    TEST_RR(84, mulhu, 0x12344443, 0x12345678, -0x10000)
#endif

    /* ---- register / x0 forms ---- */
    TEST_RR_S1D(85, mul, -15, -5, 3)
    TEST_RR_S1D(86, mulh, -1, -5, 3)
    TEST_RR_S2D(87, mulhsu, -1, -5, 3)
    TEST_RR_S2D(88, mulhu, 2, -5, 3)
    TEST_RR_SSD(89, mul, 9, -3)
    TEST_RR_SSD(90, mulh, 0, -3)
    TEST_RR_SSD(91, mulhsu, -3, -3)
    TEST_RR_SSD(92, mulhu, -6, -3)
    TEST_RR_Z1(93, mulh, 0, -1)
    TEST_RR_Z2(94, mulhu, 0, -1)
    TEST_RR_ZD(95, mul, 3, 5)
    TEST_RR_ZD(96, mulhsu, -3, -5)

    TEST_END
