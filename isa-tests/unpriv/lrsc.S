/*
 * A extension load-reserved / store-conditional: lr.w, sc.w (and on RV64
 * lr.d, sc.d), with .aq / .rl / .aqrl. An sc straight after its lr
 * succeeds (rd = 0, memory written); an sc with no reservation (none taken
 * yet, or the reservation already used by an earlier sc) fails: rd != 0
 * and memory is unchanged. lr.w sign-extends on RV64; sc.w stores only the
 * low word. An lr/sc retry loop counts to ten.
 * (An sc after an ordinary store to the reserved address may succeed or
 * fail, and an sc to another address is only required to fail outside the
 * implementation-defined reservation set, so neither is tested.)
 */
#include "unpriv.h"

    .option norvc
    TEST_BEGIN

    /* ---- sc.w without any lr yet: fails, writes nothing ---- */
    TEST_CASE(1, a0, 0x1234, la a1, lrsc_buf; li a3, 0x1234; sw a3, 0(a1);
              li a2, 0x5678; li a4, 0; sc.w a4, a2, (a1); lw a0, 0(a1))
    TEST_CASE(2, a0, 0, seqz a0, a4)

    /* ---- lr.w / sc.w success ---- */
    TEST_CASE(3, a0, 0x1234, la a1, lrsc_buf; lr.w a0, (a1))
    TEST_CASE(4, a4, 0, li a2, 0x5678; li a4, -1; sc.w a4, a2, (a1))
    TEST_CASE(5, a0, 0x5678, lw a0, 0(a1))
    /* ---- the reservation was used up: a second sc fails ---- */
    TEST_CASE(6, a0, 0, li a2, 0x9abc; li a4, 0; sc.w a4, a2, (a1); seqz a0, a4)
    TEST_CASE(7, a0, 0x5678, lw a0, 0(a1))
    /* ---- and a new lr makes the next sc succeed again ---- */
    TEST_CASE(8, a4, 0, lr.w a0, (a1); li a2, 0x9abc; li a4, -1; sc.w a4, a2, (a1))
    TEST_CASE(9, a0, 0x9abc, lw a0, 0(a1))

    /* ---- ordering bits ---- */
    TEST_CASE(10, a0, 0x9abc, lr.w.aq a0, (a1))
    TEST_CASE(11, a4, 0, li a2, 0x1111; li a4, -1; sc.w.rl a4, a2, (a1))
    TEST_CASE(12, a0, 0x1111, lr.w.aqrl a0, (a1))
    TEST_CASE(13, a4, 0, li a2, 0x2222; li a4, -1; sc.w.aqrl a4, a2, (a1))
    TEST_CASE(14, a0, 0x2222, lr.w.rl a0, (a1))
    TEST_CASE(15, a4, 0, li a2, 0x3333; li a4, -1; sc.w.aq a4, a2, (a1))
    TEST_CASE(16, a0, 0x3333, lw a0, 0(a1))
    /* failure with ordering bits too */
    TEST_CASE(17, a0, 0, li a2, 0x4444; li a4, 0; sc.w.aqrl a4, a2, (a1); seqz a0, a4)
    TEST_CASE(18, a0, 0x3333, lw a0, 0(a1))

    /* ---- rd = x0 and rd == rs2 ---- */
    TEST_CASE(19, a0, 0x5555, lr.w a0, (a1); li a2, 0x5555; sc.w x0, a2, (a1); lw a0, 0(a1))
    CHECK(20, x0, 0)
    TEST_CASE(21, a2, 0, lr.w a0, (a1); li a2, 0x6666; sc.w a2, a2, (a1))
    TEST_CASE(22, a0, 0x6666, lw a0, 0(a1))
    /* lr.w with rd == rs1 */
    TEST_CASE(23, a3, 0x6666, la a3, lrsc_buf; lr.w a3, (a3))
    TEST_CASE(24, a4, 0, li a2, 0x7777; li a4, -1; sc.w a4, a2, (a1))

    /* ---- neighbouring words are untouched by sc.w ---- */
    TEST_CASE(25, a0, -0x21524111, lw a0, -4(a1))
    TEST_CASE(26, a0, -0x35014542, lw a0, 4(a1))

    /* ---- sign extension of lr.w, low word of sc.w ---- */
    TEST_CASE(27, a0, -0x7fffffff, li a3, 0x80000001; sw a3, 0(a1); lr.w a0, (a1))
#if XLEN == 64
    TEST_CASE(28, a4, 0, li a2, 0x1122334455667788; li a4, -1; sc.w a4, a2, (a1))
    TEST_CASE(29, a0, 0x55667788, lw a0, 0(a1))
    TEST_CASE(30, a0, -0x35014542, lw a0, 4(a1))
#endif

    /* ---- an atomic increment loop: ten lr/sc rounds ---- */
    TEST_CASE(31, a0, 10,
        la a1, lrsc_cnt; sw zero, 0(a1); li a5, 10;
1:      lr.w a0, (a1);
        addi a0, a0, 1;
        sc.w a4, a0, (a1);
        bnez a4, 1b;
        addi a5, a5, -1;
        bnez a5, 1b;
        lw a0, 0(a1))

#if XLEN == 64
    /* ---- lr.d / sc.d ---- */
    TEST_CASE(32, a0, 0x123456789abcdef0, la a1, lrsc_dbl; li a3, 0x123456789abcdef0; sd a3, 0(a1);
              li a2, 5; li a4, 0; sc.d a4, a2, (a1); ld a0, 0(a1))
    TEST_CASE(33, a0, 0, seqz a0, a4)
    TEST_CASE(34, a0, 0x123456789abcdef0, lr.d a0, (a1))
    TEST_CASE(35, a4, 0, li a2, -0x0123456789abcdf0; li a4, -1; sc.d a4, a2, (a1))
    TEST_CASE(36, a0, -0x0123456789abcdf0, ld a0, 0(a1))
    TEST_CASE(37, a0, 0, li a2, 7; li a4, 0; sc.d a4, a2, (a1); seqz a0, a4)
    TEST_CASE(38, a0, -0x0123456789abcdf0, ld a0, 0(a1))
    TEST_CASE(39, a0, -0x0123456789abcdf0, lr.d.aq a0, (a1))
    TEST_CASE(40, a4, 0, li a2, 0x7fffffff00000000; li a4, -1; sc.d.rl a4, a2, (a1))
    TEST_CASE(41, a0, 0x7fffffff00000000, lr.d.aqrl a0, (a1))
    TEST_CASE(42, a4, 0, li a2, 0x8000000000000001; li a4, -1; sc.d.aqrl a4, a2, (a1))
    TEST_CASE(43, a0, 0x8000000000000001, lr.d.rl a0, (a1))
    TEST_CASE(44, a4, 0, li a2, 0x42; li a4, -1; sc.d.aq a4, a2, (a1))
    TEST_CASE(45, a0, 0x42, ld a0, 0(a1))
    TEST_CASE(46, a0, 0, li a2, 0x43; li a4, 0; sc.d.aqrl a4, a2, (a1); seqz a0, a4)
    TEST_CASE(47, a0, 0x42, ld a0, 0(a1))
    TEST_CASE(48, a0, -0x21524111, lw a0, -4(a1))
    TEST_CASE(49, a0, -0x35014542, lw a0, 8(a1))
    TEST_CASE(50, a0, 20,
        la a1, lrsc_dbl; li a3, 10; sd a3, 0(a1); li a5, 10;
1:      lr.d a0, (a1);
        addi a0, a0, 1;
        sc.d a4, a0, (a1);
        bnez a4, 1b;
        addi a5, a5, -1;
        bnez a5, 1b;
        ld a0, 0(a1))
#endif

    TEST_END

    /* lrsc_buf and lrsc_dbl have known words on each side */
    .data
    .align 4
    .word 0, 0, 0, 0xdeadbeef
lrsc_buf:
    .word 0
    .word 0xcafebabe
lrsc_cnt:
    .word 0, 0
    .word 0, 0xdeadbeef
lrsc_dbl:
    .dword 0
    .word 0xcafebabe
