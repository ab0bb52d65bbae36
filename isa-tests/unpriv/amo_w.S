/*
 * A extension word AMOs: amoswap.w, amoadd.w, amoand.w, amoor.w,
 * amoxor.w, amomin.w, amomax.w, amominu.w, amomaxu.w, each also with
 * .aq, .rl and .aqrl. rd gets the old memory word sign-extended (RV64);
 * on RV64 only the low 32 bits of rs2 count; neighbouring memory is
 * untouched; rd = x0, rd == rs2 and rd == rs1 forms.
 */
#include "unpriv.h"

    TEST_BEGIN

    /* ---- amoswap.w ---- */
    TEST_AMO_W(1, amoswap.w, 0x12345678, -0x21524111, 0x12345678, -0x21524111)
    TEST_AMO_W(2, amoswap.w.aq, -0x1, 0x0, -0x1, 0x0)
    TEST_AMO_W(3, amoswap.w.rl, 0x7fffffff, -0x80000000, 0x7fffffff, -0x80000000)
    TEST_AMO_W(4, amoswap.w.aqrl, -0x80000000, 0x12345678, -0x80000000, 0x12345678)
#if XLEN == 64
    TEST_AMO_W(5, amoswap.w, 0x7, 0x1122334455667788, 0x7, 0x55667788)
#endif

    /* ---- amoadd.w ---- */
    TEST_AMO_W(6, amoadd.w, 0x5, 0x7, 0x5, 0xc)
    TEST_AMO_W(7, amoadd.w.aq, 0x7fffffff, 0x1, 0x7fffffff, -0x80000000)
    TEST_AMO_W(8, amoadd.w.rl, -0x1, 0x1, -0x1, 0x0)
    TEST_AMO_W(9, amoadd.w.aqrl, -0x21524111, 0x11111111, -0x21524111, -0x10413000)
#if XLEN == 64
    TEST_AMO_W(10, amoadd.w, 0x1, 0x100000001, 0x1, 0x2)
#endif

    /* ---- amoand.w ---- */
    TEST_AMO_W(11, amoand.w, -0xff0100, 0xff00ff0, -0xff0100, 0xf000f00)
    TEST_AMO_W(12, amoand.w.aq, -0x1, 0x12345678, -0x1, 0x12345678)
    TEST_AMO_W(13, amoand.w.rl, 0x12345678, 0x0, 0x12345678, 0x0)
    TEST_AMO_W(14, amoand.w.aqrl, -0x80000000, -0x1, -0x80000000, -0x80000000)
#if XLEN == 64
    TEST_AMO_W(15, amoand.w, -0x1, 0x7fffffff00000000, -0x1, 0x0)
#endif

    /* ---- amoor.w ---- */
    TEST_AMO_W(16, amoor.w, -0xff0100, 0xff00ff0, -0xff0100, -0xf0010)
    TEST_AMO_W(17, amoor.w.aq, 0x0, -0x80000000, 0x0, -0x80000000)
    TEST_AMO_W(18, amoor.w.rl, 0x12345678, 0x0, 0x12345678, 0x12345678)
    TEST_AMO_W(19, amoor.w.aqrl, 0x1010, 0x101, 0x1010, 0x1111)
#if XLEN == 64
    TEST_AMO_W(20, amoor.w, 0x0, 0x7fffffff00000000, 0x0, 0x0)
#endif

    /* ---- amoxor.w ---- */
    TEST_AMO_W(21, amoxor.w, -0xff0100, 0xff00ff0, -0xff0100, -0xf0f0f10)
    TEST_AMO_W(22, amoxor.w.aq, -0x1, 0x12345678, -0x1, -0x12345679)
    TEST_AMO_W(23, amoxor.w.rl, 0x12345678, 0x12345678, 0x12345678, 0x0)
    TEST_AMO_W(24, amoxor.w.aqrl, 0x7fffffff, -0x1, 0x7fffffff, -0x80000000)
#if XLEN == 64
    TEST_AMO_W(25, amoxor.w, 0x10, 0x7fffffff00000000, 0x10, 0x10)
#endif

    /* ---- amomin.w ---- */
    TEST_AMO_W(26, amomin.w, 0x5, 0x7, 0x5, 0x5)
    TEST_AMO_W(27, amomin.w.aq, -0x1, 0x1, -0x1, -0x1)
    TEST_AMO_W(28, amomin.w.rl, 0x7fffffff, -0x80000000, 0x7fffffff, -0x80000000)
    TEST_AMO_W(29, amomin.w.aqrl, 0x3, 0x3, 0x3, 0x3)
    TEST_AMO_W(30, amomin.w, -0x5, -0x7, -0x5, -0x7)
#if XLEN == 64
    TEST_AMO_W(31, amomin.w.aq, 0x1, 0x1ffffffff, 0x1, -0x1)
#endif

    /* ---- amomax.w ---- */
    TEST_AMO_W(32, amomax.w, 0x5, 0x7, 0x5, 0x7)
    TEST_AMO_W(33, amomax.w.aq, -0x1, 0x1, -0x1, 0x1)
    TEST_AMO_W(34, amomax.w.rl, 0x7fffffff, -0x80000000, 0x7fffffff, 0x7fffffff)
    TEST_AMO_W(35, amomax.w.aqrl, -0x5, -0x7, -0x5, -0x5)
#if XLEN == 64
    TEST_AMO_W(36, amomax.w, -0x1, 0x180000000, -0x1, -0x1)
#endif

    /* ---- amominu.w ---- */
    TEST_AMO_W(37, amominu.w, 0x5, 0x7, 0x5, 0x5)
    TEST_AMO_W(38, amominu.w.aq, -0x1, 0x1, -0x1, 0x1)
    TEST_AMO_W(39, amominu.w.rl, 0x7fffffff, -0x80000000, 0x7fffffff, 0x7fffffff)
    TEST_AMO_W(40, amominu.w.aqrl, -0x5, -0x7, -0x5, -0x7)
#if XLEN == 64
    TEST_AMO_W(41, amominu.w, 0x5, -0xfffffffd, 0x5, 0x3)
#endif

    /* ---- amomaxu.w ---- */
    TEST_AMO_W(42, amomaxu.w, 0x5, 0x7, 0x5, 0x7)
    TEST_AMO_W(43, amomaxu.w.aq, -0x1, 0x1, -0x1, -0x1)
    TEST_AMO_W(44, amomaxu.w.rl, 0x7fffffff, -0x80000000, 0x7fffffff, -0x80000000)
    TEST_AMO_W(45, amomaxu.w.aqrl, 0x0, -0x1, 0x0, -0x1)
#if XLEN == 64
    TEST_AMO_W(46, amomaxu.w, 0x7fffffff, 0x180000000, 0x7fffffff, -0x80000000)
#endif
    /* ---- register forms ---- */
    /* rd = x0: memory still updated, nothing written to x0 */
    TEST_CASE(47, a0, 12, la a1, amo_buf; li a3, 5; sw a3, 0(a1); li a2, 7;
              amoadd.w x0, a2, (a1); lw a0, 0(a1))
    CHECK(48, x0, 0)
    /* rd == rs2: old value to rd, old rd value to memory */
    TEST_CASE(49, a2, -0x21524111, la a1, amo_buf; li a3, -0x21524111; sw a3, 0(a1);
              li a2, 0x1234; amoswap.w a2, a2, (a1))
    TEST_CASE(50, a0, 0x1234, lw a0, 0(a1))
    /* rd == rs1: the address is read before rd is written */
    TEST_CASE(51, a1, -3, la a1, amo_buf; li a3, -3; sw a3, 0(a1); li a2, 10;
              amoadd.w.aqrl a1, a2, (a1))
    TEST_CASE(52, a0, 7, la a1, amo_buf; lw a0, 0(a1))
    /* the word in the upper half of a doubleword */
    TEST_CASE(53, a0, 0x11112222, la a1, amo_buf; sw zero, 0(a1); li a3, 0x11111111; sw a3, 4(a1);
              li a2, 0x1111; addi a4, a1, 4; amoadd.w a5, a2, (a4); lw a0, 4(a1))
    TEST_CASE(54, a0, 0, lw a0, 0(a1))
    CHECK(55, a5, 0x11111111)

    TEST_END

    .data
    .align 4
    .dword 0, 0
amo_buf:
    .dword 0, 0
