/*
 * Unconditional jumps of RV32I / RV64I: jal and jalr.
 * Landing address (an instruction that must be skipped adds 1 to a0),
 * link value = address of the next instruction, x0 as link register,
 * backward and long jumps, jalr offsets (positive, negative, odd),
 * jalr clearing bit 0 of the target, and jalr with rd == rs1.
 */
#include "unpriv.h"

    .option norvc
    TEST_BEGIN

    /* ---- jal ---- */
    /* forward, link in ra */
    TEST_CASE(1, a0, 2,
        li a0, 0; la a3, 1f;
        jal ra, 2f;
1:      addi a0, a0, 1;
2:      addi a0, a0, 2)
    CHECK_REGS(2, ra, a3)
    /* link in another register */
    TEST_CASE(3, a0, 2,
        li a0, 0; la a3, 1f;
        jal t0, 2f;
1:      addi a0, a0, 1;
2:      addi a0, a0, 2)
    CHECK_REGS(4, t0, a3)
    /* jal to the very next instruction: link == target */
    TEST_CASE(5, a0, 0, jal a1, 1f; 1: la a2, 1b; sub a0, a1, a2)
    /* x0 as link register: nothing written */
    TEST_CASE(6, a0, 2,
        li a0, 0;
        jal x0, 2f;
        addi a0, a0, 1;
2:      addi a0, a0, 2)
    CHECK(7, x0, 0)
    /* backward */
    TEST_CASE(8, a0, 6,
        li a0, 0; la a3, 3f;
        j 2f;
1:      addi a0, a0, 4;
        j 4f;
2:      addi a0, a0, 2;
        jal a1, 1b;
3:      addi a0, a0, 1;
4:)
    CHECK_REGS(9, a1, a3)
    /* long jumps across 64 KiB, forward then back */
    TEST_CASE(10, a0, 3,
        li a0, 0;
        jal a1, 2f;
1:      addi a0, a0, 1;
        j 3f;
        .skip 0x10000;
2:      addi a0, a0, 2;
        jal a2, 1b;
        addi a0, a0, 8;
3:)
    TEST_CASE(11, a0, 0, la a3, 1b; sub a0, a1, a3)
    TEST_CASE(12, a0, 0, la a3, 2b + 8; sub a0, a2, a3)

    /* ---- jalr ---- */
    /* zero offset */
    TEST_CASE(13, a0, 2,
        li a0, 0; la a2, 2f; la a3, 1f;
        jalr a1, 0(a2);
1:      addi a0, a0, 1;
2:      addi a0, a0, 2)
    CHECK_REGS(14, a1, a3)
    /* positive offset */
    TEST_CASE(15, a0, 2,
        li a0, 0; la a2, 2f - 0x7f0; la a3, 1f;
        jalr a1, 0x7f0(a2);
1:      addi a0, a0, 1;
2:      addi a0, a0, 2)
    CHECK_REGS(16, a1, a3)
    /* negative offset */
    TEST_CASE(17, a0, 2,
        li a0, 0; la a2, 2f + 0x800; la a3, 1f;
        jalr a1, -0x800(a2);
1:      addi a0, a0, 1;
2:      addi a0, a0, 2)
    CHECK_REGS(18, a1, a3)
    /* bit 0 of rs1 + offset is cleared: odd base */
    TEST_CASE(19, a0, 2,
        li a0, 0; la a2, 2f + 1; la a3, 1f;
        jalr a1, 0(a2);
1:      addi a0, a0, 1;
2:      addi a0, a0, 2)
    CHECK_REGS(20, a1, a3)
    /* bit 0 cleared: odd offset */
    TEST_CASE(21, a0, 2,
        li a0, 0; la a2, 2f - 3; la a3, 1f;
        jalr a1, 3(a2);
1:      addi a0, a0, 1;
2:      addi a0, a0, 2)
    CHECK_REGS(22, a1, a3)
    /* rd == rs1: the target uses the old value, then the link is written */
    TEST_CASE(23, a0, 2,
        li a0, 0; la a1, 2f - 4; la a3, 1f;
        jalr a1, 4(a1);
1:      addi a0, a0, 1;
2:      addi a0, a0, 2)
    CHECK_REGS(24, a1, a3)
    /* rd == rs1 with an odd target */
    TEST_CASE(25, a0, 2,
        li a0, 0; la ra, 2f + 1; la a3, 1f;
        jalr ra, 0(ra);
1:      addi a0, a0, 1;
2:      addi a0, a0, 2)
    CHECK_REGS(26, ra, a3)
    /* x0 as link register (jr / ret) */
    TEST_CASE(27, a0, 2,
        li a0, 0; la a2, 2f;
        jalr x0, 0(a2);
        addi a0, a0, 1;
2:      addi a0, a0, 2)
    CHECK(28, x0, 0)
    /* backward through jalr, call and return with ra */
    TEST_CASE(29, a0, 7,
        li a0, 0;
        j 2f;
1:      addi a0, a0, 4;
        jalr x0, 0(ra);
2:      la a2, 1b;
        jalr ra, 0(a2);
        addi a0, a0, 3)
    /* jal and jalr as a call / return pair with a saved link */
    TEST_CASE(30, a0, 0x15,
        li a0, 0;
        jal t1, 3f;
        addi a0, a0, 0x10;
        j 4f;
3:      addi a0, a0, 5;
        jalr x0, 0(t1);
4:)

    TEST_END
