/*
 * A extension doubleword AMOs (RV64 only): amoswap.d, amoadd.d, amoand.d,
 * amoor.d, amoxor.d, amomin.d, amomax.d, amominu.d, amomaxu.d, each also
 * with .aq, .rl and .aqrl. All 64 bits take part (carries into the upper
 * word, comparisons decided by the upper word); neighbouring memory is
 * untouched; rd = x0 and rd == rs2 forms.
 */
#include "unpriv.h"

#if XLEN != 64
#error "amo_d.S is an RV64 test"
#endif

    TEST_BEGIN

    /* ---- amoswap.d ---- */
    TEST_AMO_D(1, amoswap.d, 0x1122334455667788, -0x123456789abcdf0, 0x1122334455667788, -0x123456789abcdf0)
    TEST_AMO_D(2, amoswap.d.aq, -0x1, 0x0, -0x1, 0x0)
    TEST_AMO_D(3, amoswap.d.rl, 0x7fffffffffffffff, -0x8000000000000000, 0x7fffffffffffffff, -0x8000000000000000)
    TEST_AMO_D(4, amoswap.d.aqrl, 0xffffffff, 0x100000000, 0xffffffff, 0x100000000)

    /* ---- amoadd.d ---- */
    TEST_AMO_D(5, amoadd.d, 0x5, 0x7, 0x5, 0xc)
    TEST_AMO_D(6, amoadd.d.aq, 0xffffffff, 0x1, 0xffffffff, 0x100000000)
    TEST_AMO_D(7, amoadd.d.rl, 0x7fffffffffffffff, 0x1, 0x7fffffffffffffff, -0x8000000000000000)
    TEST_AMO_D(8, amoadd.d.aqrl, -0x1, 0x1, -0x1, 0x0)

    /* ---- amoand.d ---- */
    TEST_AMO_D(9, amoand.d, -0xff00ff00ff0100, 0xff00ff00ff00ff0, -0xff00ff00ff0100, 0xf000f000f000f00)
    TEST_AMO_D(10, amoand.d.aq, -0x1, 0x123456789abcdef0, -0x1, 0x123456789abcdef0)
    TEST_AMO_D(11, amoand.d.rl, 0x123456789abcdef0, 0x0, 0x123456789abcdef0, 0x0)
    TEST_AMO_D(12, amoand.d.aqrl, -0x8000000000000000, -0x1, -0x8000000000000000, -0x8000000000000000)

    /* ---- amoor.d ---- */
    TEST_AMO_D(13, amoor.d, -0xff00ff00ff0100, 0xff00ff00ff00ff0, -0xff00ff00ff0100, -0xf000f000f0010)
    TEST_AMO_D(14, amoor.d.aq, 0x0, -0x8000000000000000, 0x0, -0x8000000000000000)
    TEST_AMO_D(15, amoor.d.rl, 0x100000000, 0x1, 0x100000000, 0x100000001)
    TEST_AMO_D(16, amoor.d.aqrl, 0x1010, 0x101, 0x1010, 0x1111)

    /* ---- amoxor.d ---- */
    TEST_AMO_D(17, amoxor.d, -0xff00ff00ff0100, 0xff00ff00ff00ff0, -0xff00ff00ff0100, -0xf0f0f0f0f0f0f10)
    TEST_AMO_D(18, amoxor.d.aq, -0x1, 0x123456789abcdef0, -0x1, -0x123456789abcdef1)
    TEST_AMO_D(19, amoxor.d.rl, 0x12345678, 0x12345678, 0x12345678, 0x0)
    TEST_AMO_D(20, amoxor.d.aqrl, 0x7fffffffffffffff, -0x1, 0x7fffffffffffffff, -0x8000000000000000)

    /* ---- amomin.d ---- */
    TEST_AMO_D(21, amomin.d, 0x5, 0x7, 0x5, 0x5)
    TEST_AMO_D(22, amomin.d.aq, -0x1, 0x1, -0x1, -0x1)
    TEST_AMO_D(23, amomin.d.rl, 0x7fffffffffffffff, -0x8000000000000000, 0x7fffffffffffffff, -0x8000000000000000)
    TEST_AMO_D(24, amomin.d.aqrl, 0x100000000, 0xffffffff, 0x100000000, 0xffffffff)
    TEST_AMO_D(25, amomin.d, -0x5, -0x7, -0x5, -0x7)

    /* ---- amomax.d ---- */
    TEST_AMO_D(26, amomax.d, 0x5, 0x7, 0x5, 0x7)
    TEST_AMO_D(27, amomax.d.aq, -0x1, 0x1, -0x1, 0x1)
    TEST_AMO_D(28, amomax.d.rl, 0x7fffffffffffffff, -0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff)
    TEST_AMO_D(29, amomax.d.aqrl, 0x100000000, 0xffffffff, 0x100000000, 0x100000000)

    /* ---- amominu.d ---- */
    TEST_AMO_D(30, amominu.d, 0x5, 0x7, 0x5, 0x5)
    TEST_AMO_D(31, amominu.d.aq, -0x1, 0x1, -0x1, 0x1)
    TEST_AMO_D(32, amominu.d.rl, 0x7fffffffffffffff, -0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff)
    TEST_AMO_D(33, amominu.d.aqrl, 0x100000000, 0xffffffff, 0x100000000, 0xffffffff)

    /* ---- amomaxu.d ---- */
    TEST_AMO_D(34, amomaxu.d, 0x5, 0x7, 0x5, 0x7)
    TEST_AMO_D(35, amomaxu.d.aq, -0x1, 0x1, -0x1, -0x1)
    TEST_AMO_D(36, amomaxu.d.rl, 0x7fffffffffffffff, -0x8000000000000000, 0x7fffffffffffffff, -0x8000000000000000)
    TEST_AMO_D(37, amomaxu.d.aqrl, 0x80000000, 0x7fffffff, 0x80000000, 0x80000000)
    /* ---- register forms ---- */
    TEST_CASE(38, a0, 0x100000004, la a1, amo_buf; li a3, 0xffffffff; sd a3, 0(a1); li a2, 5;
              amoadd.d x0, a2, (a1); ld a0, 0(a1))
    CHECK(39, x0, 0)
    TEST_CASE(40, a2, 0x123456789, la a1, amo_buf; li a3, 0x123456789; sd a3, 0(a1);
              li a2, -2; amoswap.d.aqrl a2, a2, (a1))
    TEST_CASE(41, a0, -2, ld a0, 0(a1))

    TEST_END

    .data
    .align 4
    .dword 0, 0
amo_buf:
    .dword 0, 0
