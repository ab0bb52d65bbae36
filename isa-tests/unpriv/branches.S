/*
 * Conditional branches of RV32I / RV64I: beq, bne, blt, bge, bltu, bgeu.
 * Each check runs the branch forward and backward, taken or not taken;
 * signed vs unsigned ordering, equal operands, x0 operands, and branches
 * near the +-4 KiB limit of the 13-bit offset.
 */
#include "unpriv.h"

    .option norvc
    TEST_BEGIN

    /* ---- beq ---- */
    TEST_BR(1, beq, 1, 0, 0)
    TEST_BR(2, beq, 1, 1, 1)
    TEST_BR(3, beq, 1, -1, -1)
    TEST_BR(4, beq, 0, 0, 1)
    TEST_BR(5, beq, 0, 1, 0)
    TEST_BR(6, beq, 0, -1, 1)
#if XLEN == 64
    TEST_BR(7, beq, 0, 0x100000000, 0)
    TEST_BR(8, beq, 0, 0xffffffff, -1)
#endif
    TEST_BR_SAME(9, beq, 1, 0x1234)
    TEST_BR_Z1(10, beq, 1, 0)
    TEST_BR_Z2(11, beq, 0, 5)
    TEST_BR_ZZ(12, beq, 1)

    /* ---- bne ---- */
    TEST_BR(13, bne, 0, 0, 0)
    TEST_BR(14, bne, 0, 1, 1)
    TEST_BR(15, bne, 0, -1, -1)
    TEST_BR(16, bne, 1, 0, 1)
    TEST_BR(17, bne, 1, 1, 0)
    TEST_BR(18, bne, 1, -1, 1)
#if XLEN == 64
    TEST_BR(19, bne, 1, 0x100000000, 0)
    TEST_BR(20, bne, 1, 0xffffffff, -1)
#endif
    TEST_BR_SAME(21, bne, 0, 0x1234)
    TEST_BR_Z1(22, bne, 1, -1)
    TEST_BR_Z2(23, bne, 0, 0)
    TEST_BR_ZZ(24, bne, 0)

    /* ---- blt (signed) ---- */
    TEST_BR(25, blt, 1, 0, 1)
    TEST_BR(26, blt, 1, -1, 1)
    TEST_BR(27, blt, 1, -2, -1)
    TEST_BR(28, blt, 1, -0x80000000, 0x7fffffff)
    TEST_BR(29, blt, 0, 1, 0)
    TEST_BR(30, blt, 0, 1, -1)
    TEST_BR(31, blt, 0, -1, -2)
    TEST_BR(32, blt, 0, 1, 1)
#if XLEN == 64
    TEST_BR(33, blt, 0, 0x80000000, 0x7fffffff)
    TEST_BR(34, blt, 1, 0x8000000000000000, 0)
    TEST_BR(35, blt, 1, 0x8000000000000000, 0x7fffffffffffffff)
#endif
    TEST_BR_SAME(36, blt, 0, -5)
    TEST_BR_Z1(37, blt, 1, 1)
    TEST_BR_Z1(38, blt, 0, -1)
    TEST_BR_Z2(39, blt, 1, -1)
    TEST_BR_ZZ(40, blt, 0)

    /* ---- bge (signed) ---- */
    TEST_BR(41, bge, 0, 0, 1)
    TEST_BR(42, bge, 0, -1, 1)
    TEST_BR(43, bge, 0, -2, -1)
    TEST_BR(44, bge, 0, -0x80000000, 0x7fffffff)
    TEST_BR(45, bge, 1, 1, 0)
    TEST_BR(46, bge, 1, 1, -1)
    TEST_BR(47, bge, 1, -1, -2)
    TEST_BR(48, bge, 1, 1, 1)
    TEST_BR(49, bge, 1, -1, -1)
#if XLEN == 64
    TEST_BR(50, bge, 1, 0x80000000, 0x7fffffff)
    TEST_BR(51, bge, 0, 0x8000000000000000, 0)
#endif
    TEST_BR_SAME(52, bge, 1, -5)
    TEST_BR_Z1(53, bge, 0, 1)
    TEST_BR_Z1(54, bge, 1, -1)
    TEST_BR_Z2(55, bge, 0, -1)
    TEST_BR_ZZ(56, bge, 1)

    /* ---- bltu (unsigned) ---- */
    TEST_BR(57, bltu, 1, 0, 1)
    TEST_BR(58, bltu, 1, 1, -1)
    TEST_BR(59, bltu, 1, -2, -1)
    TEST_BR(60, bltu, 1, 0x7fffffff, -0x80000000)
    TEST_BR(61, bltu, 0, 1, 0)
    TEST_BR(62, bltu, 0, -1, 1)
    TEST_BR(63, bltu, 0, -1, -2)
    TEST_BR(64, bltu, 0, 1, 1)
    TEST_BR(65, bltu, 0, -1, -1)
#if XLEN == 64
    TEST_BR(66, bltu, 1, 0xffffffff, 0x100000000)
#endif
    TEST_BR_SAME(67, bltu, 0, -5)
    TEST_BR_Z1(68, bltu, 1, -1)
    TEST_BR_Z2(69, bltu, 0, -1)
    TEST_BR_ZZ(70, bltu, 0)

    /* ---- bgeu (unsigned) ---- */
    TEST_BR(71, bgeu, 0, 0, 1)
    TEST_BR(72, bgeu, 0, 1, -1)
    TEST_BR(73, bgeu, 0, -2, -1)
    TEST_BR(74, bgeu, 0, 0x7fffffff, -0x80000000)
    TEST_BR(75, bgeu, 1, 1, 0)
    TEST_BR(76, bgeu, 1, -1, 1)
    TEST_BR(77, bgeu, 1, -1, -2)
    TEST_BR(78, bgeu, 1, 1, 1)
    TEST_BR(79, bgeu, 1, -1, -1)
#if XLEN == 64
    TEST_BR(80, bgeu, 0, 0xffffffff, 0x100000000)
#endif
    TEST_BR_SAME(81, bgeu, 1, -5)
    TEST_BR_Z1(82, bgeu, 0, 1)
    TEST_BR_Z2(83, bgeu, 1, -1)
    TEST_BR_ZZ(84, bgeu, 1)

    /* ---- long offsets: forward +4088 and backward -4096 ----
     * (norelax: otherwise the assembler may turn the far branch into an
     * inverted branch over a jal) */
    .option push
    .option norelax
    TEST_CASE(85, a0, 2,
        li a0, 0;
        beq x0, x0, 1f;
        addi a0, a0, 1;
        .skip 4076;
        addi a0, a0, 1;
1:      addi a0, a0, 2)
    TEST_CASE(86, a0, 6,
        li a0, 0;
        j 2f;
1:      addi a0, a0, 4;
        j 3f;
        .skip 4084;
2:      addi a0, a0, 2;
        bne a0, x0, 1b;
        addi a0, a0, 1;
3:)
    .option pop

    TEST_END
