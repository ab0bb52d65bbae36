/*
 * Zifencei: stores to instruction memory become visible to instruction
 * fetch after fence.i. Each site is run first (so a decoded-instruction
 * cache may hold it), then rewritten with sw / sh / sb / amoswap.w /
 * copied code, then fence.i, then run again and must show the new code.
 * Includes rewriting the very next instructions after the fence.i and
 * running code copied into the data section. The new instruction words
 * are taken from templates assembled below, not hand-encoded.
 */
#include "unpriv.h"

    .option norvc
    TEST_BEGIN

    /* ---- 32-bit instruction rewritten with sw ---- */
    TEST_CASE(1, a0, 3, li a0, 0; li s2, 3; 1: jal ra, site_a; addi s2, s2, -1; bnez s2, 1b)
    TEST_CASE(2, a0, 5, la a1, site_a; lw a2, tmpl_add2; sw a2, 0(a1); fence.i; jal ra, site_a)
    TEST_CASE(3, a0, 9, jal ra, site_a; jal ra, site_a)

    /* ---- 32-bit instruction rewritten byte by byte ---- */
    TEST_CASE(4, a0, 1, li a0, 0; jal ra, site_b)
    TEST_CASE(5, a0, 0x101,
        la a1, site_b; la a2, tmpl_add0x100;
        lbu a3, 0(a2); sb a3, 0(a1);
        lbu a3, 1(a2); sb a3, 1(a1);
        lbu a3, 2(a2); sb a3, 2(a1);
        lbu a3, 3(a2); sb a3, 3(a1);
        fence.i; jal ra, site_b)

    /* ---- compressed instruction rewritten with sh ---- */
    TEST_CASE(6, a0, 1, li a0, 0; jal ra, site_c)
    TEST_CASE(7, a0, 4, la a1, site_c; lhu a2, tmpl_caddi3; sh a2, 0(a1); fence.i; jal ra, site_c)

    /* ---- instruction rewritten with an AMO ---- */
    TEST_CASE(8, a0, 1, li a0, 0; jal ra, site_d)
    TEST_CASE(9, a0, 0x33, la a1, site_d; lw a2, tmpl_add0x32; amoswap.w a3, a2, (a1); fence.i; jal ra, site_d)
    /* the AMO returned the old instruction word */
    TEST_CASE(10, a0, 0, lw a4, tmpl_add1; sub a0, a3, a4)

    /* ---- the instruction right after the fence.i is rewritten ---- */
    TEST_CASE(11, a0, 2,
        li a0, 0;
        la a1, 1f; lw a2, tmpl_add2;
        sw a2, 0(a1);
        fence.i;
1:      addi a0, a0, 1)
    /* again, after running the old version of the same code in a loop:
     * round 1 runs the original add 1, then rewrites it to add 0x100 */
    TEST_CASE(12, a0, 0x101,
        li a0, 0; li s2, 2;
        la a1, 2f; lw a2, tmpl_add0x100;
1:      addi s2, s2, -1;
2:      addi a0, a0, 1;
        beqz s2, 3f;
        sw a2, 0(a1);
        fence.i;
        j 1b;
3:)

    /* ---- code copied into the data section and run there ---- */
    TEST_CASE(13, a0, 5,
        li a0, 0;
        la a1, code_buf; la a2, tmpl_func;
        lw a3, 0(a2); sw a3, 0(a1);
        lw a3, 4(a2); sw a3, 4(a1);
        fence.i;
        jalr ra, 0(a1))
    TEST_CASE(14, a0, 5 + 0x100, la a1, code_buf; lw a2, tmpl_add0x100; sw a2, 0(a1); fence.i; jalr ra, 0(a1))

    TEST_END

    /* ---- sites that get rewritten: each adds to a0 and returns ---- */
    .text
    .balign 4
site_a:
    addi a0, a0, 1
    ret
site_b:
    addi a0, a0, 1
    ret
site_c:
    .option push
    .option rvc
    c.addi a0, 1
    c.nop
    .option pop
    ret
site_d:
    addi a0, a0, 1
    ret

    /* ---- templates (read as data, never run in place) ---- */
tmpl_add1:
    addi a0, a0, 1
tmpl_add2:
    addi a0, a0, 2
tmpl_add0x32:
    addi a0, a0, 0x32
tmpl_add0x100:
    addi a0, a0, 0x100
tmpl_caddi3:
    .option push
    .option rvc
    c.addi a0, 3
    c.nop
    .option pop
tmpl_func:
    addi a0, a0, 5
    ret

    .data
    .balign 8
code_buf:
    .word 0, 0, 0, 0
