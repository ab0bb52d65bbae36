/*
 * Zbc (bit-manipulation 1.0.0, 2.3): carry-less multiplication. clmul
 * returns bits XLEN-1..0 of the 2*XLEN-1 bit product, clmulh bits
 * 2*XLEN-1..XLEN and clmulr bits 2*XLEN-2..XLEN-1.
 *
 * Every check runs on RV32 and RV64 unless it sits in an XLEN block; a
 * check whose result differs by XLEN has one number and a value per XLEN.
 * Expected values come from the specification's pseudo-code. For each
 * instruction: corner values, then the register variants (rd equal to a
 * source, x0 as a source, x0 as the destination; see unpriv.h).
 */
#include "../unpriv/unpriv.h"

    TEST_BEGIN
    /* ---- clmul: low half of the carry-less product ---- */
    TEST_RR(1, clmul, 0, 0, -1)
    TEST_RR(2, clmul, 0, -1, 0)
    TEST_RR(3, clmul, -0x76543211, 1, -0x76543211)
    TEST_RR(4, clmul, -0x76543211, -0x76543211, 1)
#if XLEN == 64
    TEST_RR(5, clmul, 0x5555555555555555, -1, -1)
    TEST_RR(6, clmul, 0x4000000000000000, -0x80000000, -0x80000000)
#else
    TEST_RR(5, clmul, 0x55555555, -1, -1)
    TEST_RR(6, clmul, 0, -0x80000000, -0x80000000)
#endif
    TEST_RR(7, clmul, 5, 3, 3)
#if XLEN == 64
    TEST_RR(8, clmul, 0x80000003, -0x7fffffff, 3)
    TEST_RR(9, clmul, 0x1514111028c810f0, -0x76543211, 0x76543210)
#else
    TEST_RR(8, clmul, -0x7ffffffd, -0x7fffffff, 3)
    TEST_RR(9, clmul, 0x28c810f0, -0x76543211, 0x76543210)
#endif
    TEST_RR(10, clmul, -0x80000000, 1, -0x80000000)
#if XLEN == 64
    TEST_RR(11, clmul, 0x8860e945cd25a8, 0x12345678, 0x9abcdef)
    TEST_RR(12, clmul, 0x123456789abcdef, 1, 0x123456789abcdef)
    TEST_RR(13, clmul, 0, -0x8000000000000000, -0x8000000000000000)
    TEST_RR(14, clmul, -0x7ffffffffffffffd, -0x7fffffffffffffff, 3)
    TEST_RR(15, clmul, 0x40a0789828c810f0, 0x123456789abcdef, -0x123456789abcdf0)
    TEST_RR(16, clmul, -0x8000000000000000, 1, -0x8000000000000000)
    TEST_RR(17, clmul, 0x5555555555555555, 0xffffffff, 0xffffffff)
#else
    TEST_RR(11, clmul, 0x45cd25a8, 0x12345678, 0x9abcdef)
#endif
    TEST_RR_S1D(18, clmul, 0x30f, 19, 53)
    TEST_RR_S2D(19, clmul, 0x30f, 19, 53)
    TEST_RR_SSD(20, clmul, 0x105, 19)
    TEST_RR_Z1(21, clmul, 0, 53)
    TEST_RR_Z2(22, clmul, 0, 19)
    TEST_RR_ZZ(23, clmul, 0)
    TEST_RR_ZD(24, clmul, 19, 53)

    /* ---- clmulh: high half ---- */
    TEST_RR(25, clmulh, 0, 0, -1)
    TEST_RR(26, clmulh, 0, -1, 0)
    TEST_RR(27, clmulh, 0, 1, -0x76543211)
    TEST_RR(28, clmulh, 0, -0x76543211, 1)
#if XLEN == 64
    TEST_RR(29, clmulh, 0x5555555555555555, -1, -1)
    TEST_RR(30, clmulh, 0x5555555555555555, -0x80000000, -0x80000000)
#else
    TEST_RR(29, clmulh, 0x55555555, -1, -1)
    TEST_RR(30, clmulh, 0x40000000, -0x80000000, -0x80000000)
#endif
    TEST_RR(31, clmulh, 0, 3, 3)
    TEST_RR(32, clmulh, 1, -0x7fffffff, 3)
#if XLEN == 64
    TEST_RR(33, clmulh, 0x2dcc11f0, -0x76543211, 0x76543210)
#else
    TEST_RR(33, clmulh, 0x38d800e0, -0x76543211, 0x76543210)
#endif
    TEST_RR(34, clmulh, 0, 1, -0x80000000)
#if XLEN == 64
    TEST_RR(35, clmulh, 0, 0x12345678, 0x9abcdef)
    TEST_RR(36, clmulh, 0, 1, 0x123456789abcdef)
    TEST_RR(37, clmulh, 0x4000000000000000, -0x8000000000000000, -0x8000000000000000)
    TEST_RR(38, clmulh, 1, -0x7fffffffffffffff, 3)
    TEST_RR(39, clmulh, 0xe038d8688850b0, 0x123456789abcdef, -0x123456789abcdf0)
    TEST_RR(40, clmulh, 0, 1, -0x8000000000000000)
    TEST_RR(41, clmulh, 0, 0xffffffff, 0xffffffff)
#else
    TEST_RR(35, clmulh, 0x8860e9, 0x12345678, 0x9abcdef)
#endif
    TEST_RR_S1D(42, clmulh, 19, -19, 53)
    TEST_RR_S2D(43, clmulh, 19, -19, 53)
#if XLEN == 64
    TEST_RR_SSD(44, clmulh, 0x5555555555555555, -19)
#else
    TEST_RR_SSD(44, clmulh, 0x55555555, -19)
#endif
    TEST_RR_Z1(45, clmulh, 0, 53)
    TEST_RR_Z2(46, clmulh, 0, -19)
    TEST_RR_ZZ(47, clmulh, 0)
    TEST_RR_ZD(48, clmulh, -19, 53)

    /* ---- clmulr: bits 2*XLEN-2..XLEN-1 ---- */
    TEST_RR(49, clmulr, 0, 0, -1)
    TEST_RR(50, clmulr, 0, -1, 0)
    TEST_RR(51, clmulr, 1, 1, -0x76543211)
    TEST_RR(52, clmulr, 1, -0x76543211, 1)
#if XLEN == 64
    TEST_RR(53, clmulr, -0x5555555555555556, -1, -1)
    TEST_RR(54, clmulr, -0x5555555555555556, -0x80000000, -0x80000000)
#else
    TEST_RR(53, clmulr, -0x55555556, -1, -1)
    TEST_RR(54, clmulr, -0x80000000, -0x80000000, -0x80000000)
#endif
    TEST_RR(55, clmulr, 0, 3, 3)
#if XLEN == 64
    TEST_RR(56, clmulr, 2, -0x7fffffff, 3)
    TEST_RR(57, clmulr, 0x5b9823e0, -0x76543211, 0x76543210)
#else
    TEST_RR(56, clmulr, 3, -0x7fffffff, 3)
    TEST_RR(57, clmulr, 0x71b001c0, -0x76543211, 0x76543210)
#endif
    TEST_RR(58, clmulr, 1, 1, -0x80000000)
#if XLEN == 64
    TEST_RR(59, clmulr, 0, 0x12345678, 0x9abcdef)
    TEST_RR(60, clmulr, 0, 1, 0x123456789abcdef)
    TEST_RR(61, clmulr, -0x8000000000000000, -0x8000000000000000, -0x8000000000000000)
    TEST_RR(62, clmulr, 3, -0x7fffffffffffffff, 3)
    TEST_RR(63, clmulr, 0x1c071b0d110a160, 0x123456789abcdef, -0x123456789abcdf0)
    TEST_RR(64, clmulr, 1, 1, -0x8000000000000000)
    TEST_RR(65, clmulr, 0, 0xffffffff, 0xffffffff)
#else
    TEST_RR(59, clmulr, 0x110c1d2, 0x12345678, 0x9abcdef)
#endif
    TEST_RR_S1D(66, clmulr, 38, -19, 53)
    TEST_RR_S2D(67, clmulr, 38, -19, 53)
#if XLEN == 64
    TEST_RR_SSD(68, clmulr, -0x5555555555555556, -19)
#else
    TEST_RR_SSD(68, clmulr, -0x55555556, -19)
#endif
    TEST_RR_Z1(69, clmulr, 0, 53)
    TEST_RR_Z2(70, clmulr, 0, -19)
    TEST_RR_ZZ(71, clmulr, 0)
    TEST_RR_ZD(72, clmulr, -19, 53)

    TEST_END
