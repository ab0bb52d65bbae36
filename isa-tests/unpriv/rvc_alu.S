/*
 * C extension integer computation, written with explicit c. mnemonics:
 * c.li, c.lui, c.addi, c.nop, c.slli, c.srli, c.srai, c.andi, c.mv,
 * c.add, c.sub, c.xor, c.or, c.and, and on RV64 c.addiw, c.addw, c.subw.
 * Immediate limits and sign extension, shift amounts up to XLEN-1,
 * registers outside x8..x15 for the forms that take any register.
 */
#include "unpriv.h"

    TEST_BEGIN

    /* ---- c.li ---- */
    TEST_CASE(1, a0, 0, li a0, 7; c.li a0, 0)
    TEST_CASE(2, a0, 31, c.li a0, 31)
    TEST_CASE(3, a0, -32, c.li a0, -32)
    TEST_CASE(4, t0, -1, c.li t0, -1)
    TEST_CASE(5, s11, 17, c.li s11, 17)

    /* ---- c.lui: 6-bit immediate sign-extended from bit 17 ---- */
    TEST_CASE(6, a0, 0x1000, c.lui a0, 1)
    TEST_CASE(7, a0, 0x1f000, c.lui a0, 0x1f)
    TEST_CASE(8, a0, -0x20000, c.lui a0, 0xfffe0)
    TEST_CASE(9, a0, -0x1000, c.lui a0, 0xfffff)
    TEST_CASE(10, t1, 0x5000, c.lui t1, 5)
    TEST_CASE(11, a0, -0x20, c.lui a0, 0xfffe0; c.srai a0, 12)

    /* ---- c.addi ---- */
    TEST_CASE(12, a0, 6, li a0, 1; c.addi a0, 5)
    TEST_CASE(13, a0, -31, li a0, 1; c.addi a0, -32)
    TEST_CASE(14, a0, 0x1000 + 31, li a0, 0x1000; c.addi a0, 31)
    TEST_CASE(15, a0, 0, li a0, -1; c.addi a0, 1)
    TEST_CASE(16, t2, 0x7f, li t2, 0x80; c.addi t2, -1)
#if XLEN == 64
    TEST_CASE(17, a0, 0x80000000, li a0, 0x7fffffff; c.addi a0, 1)
#else
    TEST_CASE(18, a0, -0x80000000, li a0, 0x7fffffff; c.addi a0, 1)
#endif
    /* ---- c.nop: changes nothing ---- */
    TEST_CASE(19, a0, 0x321, li a0, 0x321; c.nop; c.nop)

    /* ---- c.slli ---- */
    TEST_CASE(20, a0, 2, li a0, 1; c.slli a0, 1)
    TEST_CASE(21, a0, -0x80000000, li a0, 1; c.slli a0, 31; slli a0, a0, XLEN - 32; srai a0, a0, XLEN - 32)
    TEST_CASE(22, s10, 0x12340, li s10, 0x1234; c.slli s10, 4)
    /* ---- c.srli ---- */
    TEST_CASE(23, a0, 0x10, li a0, 0x20; c.srli a0, 1)
    TEST_CASE(24, a1, 1, li a1, -1; c.srli a1, XLEN - 1)
    TEST_CASE(25, a2, 0x7f, li a2, -1; c.srli a2, XLEN - 7)
    /* ---- c.srai ---- */
    TEST_CASE(26, a3, -0x10, li a3, -0x20; c.srai a3, 1)
    TEST_CASE(27, a4, -1, li a4, -0x80000000; c.srai a4, 31)
    TEST_CASE(28, a5, 0x1, li a5, 0x40000000; c.srai a5, 30)
    TEST_CASE(29, s0, -1, li s0, -2; c.srai s0, XLEN - 1)
    /* ---- c.andi ---- */
    TEST_CASE(30, s1, 0x14, li s1, 0x1234; c.andi s1, 31)
    TEST_CASE(31, a0, 0x1220, li a0, 0x1234; c.andi a0, -32)
    TEST_CASE(32, a0, -0x80000000, li a0, -0x7fffffff; c.andi a0, -2)
    TEST_CASE(33, a0, 0, li a0, -1; c.andi a0, 0)

    /* ---- c.mv / c.add ---- */
    TEST_CASE(34, a0, 0x12345678, li t0, 0x12345678; c.mv a0, t0)
    TEST_CASE(35, t5, -5, li s2, -5; c.mv t5, s2)
    TEST_CASE(36, a0, 0x12345679, li a0, 1; li t0, 0x12345678; c.add a0, t0)
    TEST_CASE(37, s3, 0, li s3, -7; li t4, 7; c.add s3, t4)
    TEST_CASE(38, a0, 6, li a0, 3; c.add a0, a0)

    /* ---- c.sub / c.xor / c.or / c.and ---- */
    TEST_CASE(39, a0, -4, li a0, 3; li a1, 7; c.sub a0, a1)
    TEST_CASE(40, s0, 0, li s0, 0x1234; c.sub s0, s0)
#if XLEN == 64
    TEST_CASE(41, a5, -0x80000001, li a5, -0x80000000; li s1, 1; c.sub a5, s1)
#else
    TEST_CASE(42, a5, 0x7fffffff, li a5, -0x80000000; li s1, 1; c.sub a5, s1)
#endif
    TEST_CASE(43, a2, 0xf00ff00f, li a2, 0xff00ff00; li a3, 0x0f0f0f0f; c.xor a2, a3)
    TEST_CASE(44, a4, 0xff0fff0f, li a4, 0xff00ff00; li a3, 0x0f0f0f0f; c.or a4, a3)
    TEST_CASE(45, a1, 0x0f000f00, li a1, 0xff00ff00; li a0, 0x0f0f0f0f; c.and a1, a0)
    TEST_CASE(46, a0, -1, li a0, -0x5556; li s1, 0x5555; c.or a0, s1)
    TEST_CASE(47, a0, 0, li a0, -0x5556; li s1, 0x5555; c.and a0, s1)

#if XLEN == 64
    /* ---- RV64 shifts by 32..63 ---- */
    TEST_CASE(48, a0, 0x100000000, li a0, 1; c.slli a0, 32)
    TEST_CASE(49, a0, 0x8000000000000000, li a0, 1; c.slli a0, 63)
    TEST_CASE(50, a0, 0xffffffff, li a0, -1; c.srli a0, 32)
    TEST_CASE(51, a0, -0x80000000, li a0, 0x8000000000000000; c.srai a0, 32)
    TEST_CASE(52, a0, 0, li a0, 0x7fffffffffffffff; c.srai a0, 63)
    /* ---- c.addiw: 32-bit add, result sign-extended ---- */
    TEST_CASE(53, a0, -0x80000000, li a0, 0x7fffffff; c.addiw a0, 1)
    TEST_CASE(54, a0, -1, li a0, 0xffffffff; c.addiw a0, 0)
    TEST_CASE(55, t0, 0x7fffffe0, li t0, 0x17fffffff; c.addiw t0, -31)
    TEST_CASE(56, a0, 31, li a0, 0x100000000; c.addiw a0, 31)
    TEST_CASE(57, a0, -32, li a0, 0x123456700000000; c.addiw a0, -32)
    /* ---- c.addw / c.subw ---- */
    TEST_CASE(58, a0, -0x80000000, li a0, 0x7fffffff; li a1, 1; c.addw a0, a1)
    TEST_CASE(59, a0, 2, li a0, 0x100000001; li a1, 0xf00000001; c.addw a0, a1)
    TEST_CASE(60, s0, 0, li s0, -1; li s1, 0xffffffff00000001; c.addw s0, s1)
    TEST_CASE(61, a0, 0x7fffffff, li a0, 0x80000000; li a1, 1; c.subw a0, a1)
    TEST_CASE(62, a0, -1, li a0, 0x100000000; li a1, 1; c.subw a0, a1)
    TEST_CASE(63, a2, 0, li a2, 0x123456789; c.subw a2, a2)
#endif

    TEST_END
