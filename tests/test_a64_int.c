/*
 * The A64 integer executors: data processing (immediate and register),
 * branches, exception generation, system instructions and the EL0 system
 * registers. Instruction words come from aarch64-linux-gnu-as; the
 * expected values were worked from the Arm ARM pseudocode and checked
 * against qemu-aarch64 where the arithmetic is not obvious.
 */
#include <check.h>

#include "a64_harness.h"
#include "testutil.h"

#define X(r) (h->cpu->x[r])
#define NZCV (h->cpu->nzcv)
#define N_ A64_N
#define Z_ A64_Z
#define C_ A64_C
#define V_ A64_V

/* Run one instruction (then BRK #0); the exception class it ended with. */
static int run1(a64h *h, uint32_t insn)
{
    uint32_t code[] = {insn, A64H_BRK};
    return a64h_run(h, code, 2);
}
#define EXEC(insn) ck_assert_int_eq(run1(h, (insn)), A64_EC_BRK)
#define UNDEF(insn)                                                        \
    do {                                                                   \
        ck_assert_int_eq(run1(h, (insn)), A64_EC_UNKNOWN);                 \
        ck_assert_uint_eq(h->cpu->pc, A64H_BASE);                          \
    } while (0)

/* ---------------- data processing, immediate ---------------- */

START_TEST(test_add_sub_imm_sp_forms_and_cmp_leaves_sp)
{
    a64h *h = a64h_new();
    uint64_t sp = X(31);
    EXEC(0x910043e0); /* add x0, sp, #16 */
    ck_assert_uint_eq(X(0), sp + 16);
    EXEC(0xd14007ff); /* sub sp, sp, #1, lsl #12 */
    ck_assert_uint_eq(X(31), sp - 0x1000);
    EXEC(0x910003e8); /* mov x8, sp */
    ck_assert_uint_eq(X(8), sp - 0x1000);
    X(1) = 5;
    EXEC(0xf100143f); /* cmp x1, #5: Rd 31 is XZR, SP stays */
    ck_assert_uint_eq(NZCV, Z_ | C_);
    ck_assert_uint_eq(X(31), sp - 0x1000);
    a64h_free(h);
}
END_TEST

START_TEST(test_add_sub_imm_flags_and_32bit_forms)
{
    a64h *h = a64h_new();
    X(2) = 0xdeadbeefdeadbeefull;
    X(3) = ~0ull;
    EXEC(0x31000462); /* adds w2, w3, #1: 0xffffffff + 1 */
    ck_assert_uint_eq(X(2), 0);
    ck_assert_uint_eq(NZCV, Z_ | C_);
    X(5) = 0x7fffffffffffffffull;
    EXEC(0xb10004a4); /* adds x4, x5, #1: signed overflow */
    ck_assert_uint_eq(X(4), 0x8000000000000000ull);
    ck_assert_uint_eq(NZCV, N_ | V_);
    X(7) = 0x100000000ull; /* w7 = 0: the upper half is ignored */
    EXEC(0x710004e6);      /* subs w6, w7, #1: a borrow, so C clear */
    ck_assert_uint_eq(X(6), 0xffffffffull);
    ck_assert_uint_eq(NZCV, N_);
    X(10) = 0xfffffffffffff001ull;
    EXEC(0x113ffd49); /* add w9, w10, #0xfff wraps to 0 in 32 bits */
    ck_assert_uint_eq(X(9), 0);
    ck_assert_uint_eq(NZCV, N_); /* ADD does not touch the flags */
    a64h_free(h);
}
END_TEST

START_TEST(test_logical_imm_bitmasks_sp_and_flags)
{
    a64h *h = a64h_new();
    uint64_t sp = X(31);
    X(1) = 0x0123456789abcdefull;
    X(2) = 0xdeadbeefdeadbeefull;
    EXEC(0x92089c20); /* and x0, x1, #0xff00ff00ff00ff00 */
    ck_assert_uint_eq(X(0), 0x010045008900cd00ull);
    EXEC(0x3200f3e2); /* mov w2, #0x55555555 (orr w2, wzr, ...) */
    ck_assert_uint_eq(X(2), 0x55555555ull);
    EXEC(0xd2400023); /* eor x3, x1, #1 */
    ck_assert_uint_eq(X(3), 0x0123456789abcdeeull);
    EXEC(0x12000426); /* and w6, w1, #3 */
    ck_assert_uint_eq(X(6), 3);
    X(5) = 0x8000000000000001ull;
    NZCV = C_ | V_;
    EXEC(0xf24100a4); /* ands x4, x5, #0x8000000000000000: C, V cleared */
    ck_assert_uint_eq(X(4), 0x8000000000000000ull);
    ck_assert_uint_eq(NZCV, N_);
    EXEC(0x720100bf); /* tst w5, #0x80000000: Rd 31 is XZR */
    ck_assert_uint_eq(NZCV, Z_);
    ck_assert_uint_eq(X(31), sp);
    EXEC(0xb27003ff); /* mov sp, #0x10000: ORR's Rd 31 is SP */
    ck_assert_uint_eq(X(31), 0x10000);
    a64h_free(h);
}
END_TEST

START_TEST(test_logical_imm_reserved_masks_are_undefined)
{
    a64h *h = a64h_new();
    UNDEF(0x9240fc20); /* N=1, imms=111111: an all-ones element */
    UNDEF(0x1200fc20); /* N=0, imms=111111: no element size */
    UNDEF(0x12400020); /* 32-bit with N=1 */
    a64h_free(h);
}
END_TEST

START_TEST(test_move_wide_builds_constants)
{
    a64h *h = a64h_new();
    uint32_t code[] = {
        0xd29bde00, /* movz x0, #0xdef0 */
        0xf2b35780, /* movk x0, #0x9abc, lsl #16 */
        0xf2cacf00, /* movk x0, #0x5678, lsl #32 */
        0xf2e24680, /* movk x0, #0x1234, lsl #48 */
        0x12800001, /* movn w1, #0 */
        0x92a00022, /* movn x2, #1, lsl #16 */
        0x52bfffe3, /* movz w3, #0xffff, lsl #16 */
        0x72800023, /* movk w3, #1 */
        A64H_BRK,
    };
    X(0) = X(1) = X(3) = ~0ull;
    ck_assert_int_eq(a64h_run(h, code, 9), A64_EC_BRK);
    ck_assert_uint_eq(X(0), 0x123456789abcdef0ull);
    ck_assert_uint_eq(X(1), 0xffffffffull);
    ck_assert_uint_eq(X(2), 0xfffffffffffeffffull);
    ck_assert_uint_eq(X(3), 0xffff0001ull);
    UNDEF(0x52c00000); /* movz w0, #0, lsl #32 */
    UNDEF(0x32800000); /* opc 01 */
    a64h_free(h);
}
END_TEST

START_TEST(test_bitfield_aliases)
{
    a64h *h = a64h_new();
    uint32_t code[] = {
        0xd344fc20, /* lsr x0, x1, #4 */
        0x13047c22, /* asr w2, w1, #4 */
        0xd3440c23, /* lsl x3, x1, #60 */
        0x93401c24, /* sxtb x4, w1 */
        0x53003c25, /* uxth w5, w1 */
        0xd3484c26, /* ubfx x6, x1, #8, #12 */
        0x131c7c27, /* asr w7, w1, #28 (sbfx w7, w1, #28, #4) */
        0xb37c1c28, /* bfi x8, x1, #4, #8 */
        0x33042c29, /* bfxil w9, w1, #4, #8 */
        0x93407c2a, /* sxtw x10, w1 */
        0x1381102c, /* ror w12, w1, #4 (extr) */
        A64H_BRK,
    };
    X(1) = 0x8123456789abcdefull;
    X(8) = X(9) = ~0ull;
    ck_assert_int_eq(a64h_run(h, code, 12), A64_EC_BRK);
    ck_assert_uint_eq(X(0), 0x08123456789abcdeull);
    ck_assert_uint_eq(X(2), 0xf89abcdeull);
    ck_assert_uint_eq(X(3), 0xf000000000000000ull);
    ck_assert_uint_eq(X(4), 0xffffffffffffffefull);
    ck_assert_uint_eq(X(5), 0xcdefull);
    ck_assert_uint_eq(X(6), 0xbcdull);
    ck_assert_uint_eq(X(7), 0xfffffff8ull);
    ck_assert_uint_eq(X(8), 0xfffffffffffffeffull);
    ck_assert_uint_eq(X(9), 0xffffffdeull); /* W write zeroes the top */
    ck_assert_uint_eq(X(10), 0xffffffff89abcdefull);
    ck_assert_uint_eq(X(12), 0xf89abcdeull);
    UNDEF(0x93001c24); /* SBFM with sf=1, N=0 */
    UNDEF(0x73000000); /* opc 11 */
    UNDEF(0x13007c22 | 1u << 21); /* 32-bit with immr >= 32 */
    a64h_free(h);
}
END_TEST

START_TEST(test_extr)
{
    a64h *h = a64h_new();
    X(1) = 0x8123456789abcdefull;
    X(2) = 0x0011223344556677ull;
    EXEC(0x93c2202b); /* extr x11, x1, x2, #8 */
    ck_assert_uint_eq(X(11), 0xef00112233445566ull);
    EXEC(0x1382002d); /* extr w13, w1, w2, #0 */
    ck_assert_uint_eq(X(13), 0x44556677ull);
    UNDEF(0x9382202b); /* sf=1, N=0 */
    UNDEF(0x1382802d); /* 32-bit, lsb 32 */
    a64h_free(h);
}
END_TEST

START_TEST(test_adr_adrp_forwards_and_backwards)
{
    a64h *h = a64h_new();
    uint32_t code[] = {
        0x10000040, /* adr x0, .+8 */
        0x10ffffe1, /* adr x1, .-4 */
        0xd0000002, /* adrp x2, .+2 pages */
        0xf0ffffe3, /* adrp x3, .-1 page */
        A64H_BRK,
    };
    ck_assert_int_eq(a64h_run(h, code, 5), A64_EC_BRK);
    ck_assert_uint_eq(X(0), A64H_BASE + 8);
    ck_assert_uint_eq(X(1), A64H_BASE);
    ck_assert_uint_eq(X(2), A64H_BASE + 0x2000);
    ck_assert_uint_eq(X(3), A64H_BASE - 0x1000);
    a64h_free(h);
}
END_TEST

/* ---------------- data processing, register ---------------- */

START_TEST(test_logical_shifted_register)
{
    a64h *h = a64h_new();
    uint32_t code[] = {
        0x8ac22020, /* and x0, x1, x2, ror #8 */
        0x0a220023, /* bic w3, w1, w2 */
        0xaa2203e4, /* mvn x4, x2 */
        0x4a221025, /* eon w5, w1, w2, lsl #4 */
        0x2a2103e8, /* mvn w8, w1 */
        A64H_BRK,
    };
    X(1) = 0x0123456789abcdefull;
    X(2) = 0xff;
    ck_assert_int_eq(a64h_run(h, code, 6), A64_EC_BRK);
    ck_assert_uint_eq(X(0), 0x0100000000000000ull);
    ck_assert_uint_eq(X(3), 0x89abcd00ull);
    ck_assert_uint_eq(X(4), 0xffffffffffffff00ull);
    ck_assert_uint_eq(X(5), 0x76543de0ull);
    ck_assert_uint_eq(X(8), 0x76543210ull);
    NZCV = C_ | V_;
    EXEC(0xea020026); /* ands x6, x1, x2 */
    ck_assert_uint_eq(X(6), 0xef);
    ck_assert_uint_eq(NZCV, 0);
    EXEC(0x6a210027); /* bics w7, w1, w1 */
    ck_assert_uint_eq(NZCV, Z_);
    X(2) = 0x8000000000000000ull;
    EXEC(0xaa82fc29); /* orr x9, x1, x2, asr #63 */
    ck_assert_uint_eq(X(9), ~0ull);
    UNDEF(0x0a228023); /* 32-bit with shift amount 32 */
    a64h_free(h);
}
END_TEST

START_TEST(test_add_sub_shifted_register)
{
    a64h *h = a64h_new();
    X(1) = 100;
    X(2) = 0x80000010ull;
    EXEC(0x8b020c20); /* add x0, x1, x2, lsl #3 */
    ck_assert_uint_eq(X(0), 100 + 0x400000080ull);
    EXEC(0x4b821023); /* sub w3, w1, w2, asr #4: 100 - 0xf8000001 */
    ck_assert_uint_eq(X(3), (uint32_t)(100 - 0xf8000001u));
    X(1) = 5;
    X(2) = 7;
    EXEC(0xeb020024); /* subs x4, x1, x2 */
    ck_assert_uint_eq(X(4), (uint64_t)-2);
    ck_assert_uint_eq(NZCV, N_);
    X(1) = 0x80000000ull;
    X(2) = 0x80000000ull;
    EXEC(0x2b02003f); /* cmn w1, w2: carry out and overflow, result 0 */
    ck_assert_uint_eq(NZCV, Z_ | C_ | V_);
    X(2) = 6;
    EXEC(0xcb4207e5); /* neg x5, x2, lsr #1 */
    ck_assert_uint_eq(X(5), (uint64_t)-3);
    UNDEF(0x8bc00020); /* shift type ROR is reserved for add/sub */
    a64h_free(h);
}
END_TEST

START_TEST(test_add_sub_extended_register)
{
    a64h *h = a64h_new();
    uint64_t sp = X(31);
    X(1) = 0xffffffff00000010ull;
    EXEC(0x8b214be6); /* add x6, sp, w1, uxtw #2 */
    ck_assert_uint_eq(X(6), sp + 0x40);
    X(1) = 0x100;
    EXEC(0xcb2163ff); /* sub sp, sp, x1 (uxtx) */
    ck_assert_uint_eq(X(31), sp - 0x100);
    X(1) = 1;
    X(2) = 0x80; /* sxtb: -128 */
    EXEC(0xab228027); /* adds x7, x1, w2, sxtb */
    ck_assert_uint_eq(X(7), (uint64_t)-127);
    ck_assert_uint_eq(NZCV, N_);
    X(1) = 0x1fffe;
    X(2) = 0xffffffff;
    EXEC(0x6b22243f); /* cmp w1, w2, uxth #1: 0x1fffe - 0x1fffe */
    ck_assert_uint_eq(NZCV, Z_ | C_);
    ck_assert_uint_eq(X(31), sp - 0x100);
    X(2) = 0x8000;
    X(1) = 0;
    EXEC(0x0b22a028); /* add w8, w1, w2, sxth */
    ck_assert_uint_eq(X(8), 0xffff8000ull);
    X(2) = 0x1000000000000001ull;
    EXEC(0x8b22f029); /* add x9, x1, x2, sxtx #4 */
    ck_assert_uint_eq(X(9), 0x10);
    UNDEF(0x8b22f429); /* shift 5 */
    a64h_free(h);
}
END_TEST

START_TEST(test_adc_sbc_carry_chain)
{
    a64h *h = a64h_new();
    /* a 128-bit add: (x4:x1) + (x5:x2) */
    uint32_t code[] = {
        0xab020020, /* adds x0, x1, x2 */
        0xba050083, /* adcs x3, x4, x5 */
        A64H_BRK,
    };
    X(1) = ~0ull, X(2) = 1, X(4) = 0x7fffffffffffffffull, X(5) = 0;
    ck_assert_int_eq(a64h_run(h, code, 3), A64_EC_BRK);
    ck_assert_uint_eq(X(0), 0);
    ck_assert_uint_eq(X(3), 0x8000000000000000ull);
    ck_assert_uint_eq(NZCV, N_ | V_);
    /* a 128-bit subtract: 0:0 - 0:1 borrows through */
    uint32_t sub[] = {
        0xeb020026, /* subs x6, x1, x2 */
        0xfa050087, /* sbcs x7, x4, x5 */
        A64H_BRK,
    };
    X(1) = 0, X(2) = 1, X(4) = 0, X(5) = 0;
    ck_assert_int_eq(a64h_run(h, sub, 3), A64_EC_BRK);
    ck_assert_uint_eq(X(6), ~0ull);
    ck_assert_uint_eq(X(7), ~0ull);
    ck_assert_uint_eq(NZCV, N_);
    /* ADC/SBC without S leave the flags; 32-bit forms */
    NZCV = C_;
    X(1) = 0xffffffff, X(2) = 0;
    EXEC(0x1a020028); /* adc w8, w1, w2 */
    ck_assert_uint_eq(X(8), 0);
    ck_assert_uint_eq(NZCV, C_);
    NZCV = 0;
    X(1) = 5, X(2) = 3;
    EXEC(0x5a020029); /* sbc w9, w1, w2: 5 - 3 - 1 */
    ck_assert_uint_eq(X(9), 1);
    EXEC(0xda0203ea); /* ngc x10, x2: 0 - 3 - 1 */
    ck_assert_uint_eq(X(10), (uint64_t)-4);
    UNDEF(0xba000400); /* RMIF (Armv8.4 FlagM) */
    a64h_free(h);
}
END_TEST

START_TEST(test_conditional_compare)
{
    a64h *h = a64h_new();
    X(1) = 3, X(2) = 3;
    NZCV = Z_;
    EXEC(0xfa420020); /* ccmp x1, x2, #0, eq: eq holds, compare */
    ck_assert_uint_eq(NZCV, Z_ | C_);
    NZCV = 0;
    EXEC(0xfa420020); /* eq fails: flags = #0 */
    ck_assert_uint_eq(NZCV, 0);
    NZCV = Z_;
    EXEC(0xfa43182a); /* ccmp x1, #3, #0xa, ne: ne fails */
    ck_assert_uint_eq(NZCV, N_ | C_);
    NZCV = 0;
    EXEC(0xfa43182a); /* ne holds: 3 - 3 */
    ck_assert_uint_eq(NZCV, Z_ | C_);
    X(1) = 0x7fffffff, X(2) = 1;
    EXEC(0x3a42e024); /* ccmn w1, w2, #4, al: 32-bit overflow */
    ck_assert_uint_eq(NZCV, N_ | V_);
    UNDEF(0x3a42e424); /* o2 set */
    UNDEF(0x1a42e024); /* S clear */
    a64h_free(h);
}
END_TEST

START_TEST(test_conditional_select)
{
    a64h *h = a64h_new();
    X(1) = 10, X(2) = 20;
    NZCV = Z_;
    EXEC(0x9a820020); /* csel x0, x1, x2, eq */
    ck_assert_uint_eq(X(0), 10);
    EXEC(0x1a821423); /* csinc w3, w1, w2, ne: ne fails */
    ck_assert_uint_eq(X(3), 21);
    EXEC(0xda821024); /* csinv x4, x1, x2, ne */
    ck_assert_uint_eq(X(4), ~20ull);
    EXEC(0xda821425); /* csneg x5, x1, x2, ne */
    ck_assert_uint_eq(X(5), (uint64_t)-20);
    EXEC(0x1a9f17e6); /* cset w6, eq */
    ck_assert_uint_eq(X(6), 1);
    EXEC(0xda9f13e7); /* csetm x7, eq */
    ck_assert_uint_eq(X(7), ~0ull);
    EXEC(0x5a811428); /* cneg w8, w1, eq */
    ck_assert_uint_eq(X(8), 0xfffffff6ull);
    NZCV = 0;
    EXEC(0x9a820020); /* csel x0, x1, x2, eq: fails */
    ck_assert_uint_eq(X(0), 20);
    EXEC(0x1a9f17e6); /* cset w6, eq */
    ck_assert_uint_eq(X(6), 0);
    UNDEF(0x9a820820); /* op2 = 2 */
    UNDEF(0xba820020); /* S set */
    a64h_free(h);
}
END_TEST

START_TEST(test_dp_1source)
{
    a64h *h = a64h_new();
    uint32_t code[] = {
        0xdac00020, /* rbit x0, x1 */
        0x5ac00022, /* rbit w2, w1 */
        0xdac00423, /* rev16 x3, x1 */
        0xdac00824, /* rev32 x4, x1 */
        0xdac00c25, /* rev x5, x1 */
        0x5ac00826, /* rev w6, w1 */
        0xdac01027, /* clz x7, x1 */
        0x5ac013e8, /* clz w8, wzr */
        0xdac01429, /* cls x9, x1 */
        0x5ac0142a, /* cls w10, w1 */
        0x5ac0042b, /* rev16 w11, w1 */
        A64H_BRK,
    };
    X(1) = 0x00123456789abcdeull;
    ck_assert_int_eq(a64h_run(h, code, 12), A64_EC_BRK);
    ck_assert_uint_eq(X(0), 0x7b3d591e6a2c4800ull);
    ck_assert_uint_eq(X(2), 0x7b3d591eull);
    ck_assert_uint_eq(X(3), 0x120056349a78debcull);
    ck_assert_uint_eq(X(4), 0x56341200debc9a78ull);
    ck_assert_uint_eq(X(5), 0xdebc9a7856341200ull);
    ck_assert_uint_eq(X(6), 0xdebc9a78ull);
    ck_assert_uint_eq(X(7), 11);
    ck_assert_uint_eq(X(8), 32);
    ck_assert_uint_eq(X(9), 10);
    ck_assert_uint_eq(X(10), 0); /* 0x789abcde: bit 30 differs from 31 */
    ck_assert_uint_eq(X(11), 0x9a78debcull);
    X(1) = 0xfffffffffffffff0ull;
    EXEC(0xdac01429); /* cls x9, x1 */
    ck_assert_uint_eq(X(9), 59);
    X(1) = 0;
    EXEC(0x5ac0142a); /* cls w10, wzr-like 0 */
    ck_assert_uint_eq(X(10), 31);
    UNDEF(0x5ac00c25); /* rev w5 with opc 11 (64-bit only) */
    UNDEF(0xdac10020); /* pacia (FEAT_PAuth) */
    a64h_free(h);
}
END_TEST

START_TEST(test_divide_corner_cases)
{
    a64h *h = a64h_new();
    X(1) = 100, X(2) = 0;
    EXEC(0x9ac20820); /* udiv x0, x1, x2: by zero is 0 */
    ck_assert_uint_eq(X(0), 0);
    EXEC(0x9ac20c23); /* sdiv x3, x1, x2 */
    ck_assert_uint_eq(X(3), 0);
    X(1) = 0x8000000000000000ull, X(2) = ~0ull;
    EXEC(0x9ac20c23); /* INT64_MIN / -1 = INT64_MIN */
    ck_assert_uint_eq(X(3), 0x8000000000000000ull);
    EXEC(0x1ac20c25); /* sdiv w5, w1, w2: 0 / -1 */
    ck_assert_uint_eq(X(5), 0);
    X(1) = 0x80000000ull;
    EXEC(0x1ac20c25); /* INT32_MIN / -1 */
    ck_assert_uint_eq(X(5), 0x80000000ull);
    X(1) = (uint64_t)-7, X(2) = 2;
    EXEC(0x9ac20c23); /* rounds toward zero */
    ck_assert_uint_eq(X(3), (uint64_t)-3);
    X(1) = 0x1ffffffffull, X(2) = 0x100000003ull;
    EXEC(0x1ac20824); /* udiv w4, w1, w2: 0xffffffff / 3 */
    ck_assert_uint_eq(X(4), 0x55555555ull);
    a64h_free(h);
}
END_TEST

START_TEST(test_variable_shifts_take_amount_modulo_size)
{
    a64h *h = a64h_new();
    X(1) = 0x8000000000000001ull;
    X(2) = 65; /* 65 mod 64 = 1 */
    EXEC(0x9ac22026); /* lsl x6, x1, x2 */
    ck_assert_uint_eq(X(6), 2);
    EXEC(0x9ac22828); /* asr x8, x1, x2 */
    ck_assert_uint_eq(X(8), 0xc000000000000000ull);
    X(1) = 0x80000001ull;
    X(2) = 33; /* 33 mod 32 = 1 */
    EXEC(0x1ac22427); /* lsr w7, w1, w2 */
    ck_assert_uint_eq(X(7), 0x40000000ull);
    EXEC(0x1ac22c29); /* ror w9, w1, w2 */
    ck_assert_uint_eq(X(9), 0xc0000000ull);
    a64h_free(h);
}
END_TEST

/* CRC-32 and CRC-32C of "123456789" (the catalogued check values), with
 * the usual inversions done around the instructions */
START_TEST(test_crc32_check_values)
{
    a64h *h = a64h_new();
    X(10) = X(11) = 0xffffffff;
    X(1) = 0x3837363534333231ull; /* "12345678" */
    EXEC(0x9ac14d4a); /* crc32x w10, w10, x1 */
    EXEC(0x9ac15d6b); /* crc32cx w11, w11, x1 */
    X(1) = 0x39;
    EXEC(0x1ac1414a); /* crc32b w10, w10, w1 */
    EXEC(0x1ac1516b); /* crc32cb w11, w11, w1 */
    ck_assert_uint_eq(X(10) ^ 0xffffffff, 0xcbf43926);
    ck_assert_uint_eq(X(11) ^ 0xffffffff, 0xe3069283);
    /* the same bytes through the W and H forms */
    X(10) = 0xffffffff;
    X(1) = 0xdead000034333231ull; /* "1234", upper bits ignored */
    EXEC(0x1ac1494a); /* crc32w */
    X(1) = 0x3635;
    EXEC(0x1ac1454a); /* crc32h */
    X(1) = 0x3837;
    EXEC(0x1ac1454a);
    X(1) = 0x39;
    EXEC(0x1ac1414a);
    ck_assert_uint_eq(X(10) ^ 0xffffffff, 0xcbf43926);
    UNDEF(0x1ac14d4a); /* crc32x with sf=0 */
    UNDEF(0x9ac1414a); /* crc32b with sf=1 */
    h->cpu->hwcap &= ~A64_HWCAP_CRC32;
    UNDEF(0x1ac1414a); /* not advertised */
    a64h_free(h);
}
END_TEST

START_TEST(test_dp_3source)
{
    a64h *h = a64h_new();
    X(1) = 0xfffffffe; /* w1 = -2 */
    X(2) = 3;
    X(3) = 1000;
    EXEC(0x9b020c20); /* madd x0, x1, x2, x3 */
    ck_assert_uint_eq(X(0), 1000 + 0xfffffffeull * 3);
    EXEC(0x1b028c24); /* msub w4, w1, w2, w3: 1000 - (-6) */
    ck_assert_uint_eq(X(4), 1006);
    EXEC(0x9b220c25); /* smaddl x5, w1, w2, x3 */
    ck_assert_uint_eq(X(5), 994);
    EXEC(0x9b228c26); /* smsubl x6, w1, w2, x3 */
    ck_assert_uint_eq(X(6), 1006);
    EXEC(0x9ba20c27); /* umaddl x7, w1, w2, x3 */
    ck_assert_uint_eq(X(7), 1000 + 0xfffffffeull * 3);
    EXEC(0x9ba28c28); /* umsubl x8, w1, w2, x3 */
    ck_assert_uint_eq(X(8), 1000 - 0xfffffffeull * 3);
    EXEC(0x1b027c2b); /* mul w11, w1, w2 */
    ck_assert_uint_eq(X(11), (uint32_t)-6);
    X(1) = (uint64_t)-2;
    X(2) = 0x8000000000000000ull;
    EXEC(0x9b427c29); /* smulh x9, x1, x2: -2 * -2^63 = 2^64 */
    ck_assert_uint_eq(X(9), 1);
    EXEC(0x9bc27c2a); /* umulh x10, x1, x2 */
    ck_assert_uint_eq(X(10), 0x7fffffffffffffffull);
    UNDEF(0x1b220c25); /* smaddl with sf=0 */
    UNDEF(0x9b42fc29); /* smulh with o0 set */
    UNDEF(0xbb020c20); /* op54 != 0 */
    a64h_free(h);
}
END_TEST

START_TEST(test_xzr_reads_zero_and_discards_writes)
{
    a64h *h = a64h_new();
    uint64_t sp = X(31);
    X(1) = 5;
    EXEC(0x8b1f0020); /* add x0, x1, xzr (shifted form: 31 is XZR) */
    ck_assert_uint_eq(X(0), 5);
    EXEC(0x8b01003f); /* add xzr, x1, x1: discarded, SP unchanged */
    ck_assert_uint_eq(X(31), sp);
    a64h_free(h);
}
END_TEST

/* ---------------- branches ---------------- */

START_TEST(test_b_and_bl_forwards_and_backwards)
{
    a64h *h = a64h_new();
    uint32_t code[] = {
        0x14000003, /* 0: b 12 */
        A64H_BRK,   /* 4: (skipped) */
        A64H_BRK,   /* 8: end */
        0x94000002, /* 12: bl 20 */
        0xd2800ba9, /* 16: movz x9, #0x5d (never reached) */
        0x17fffffd, /* 20: b 8 (backwards) */
    };
    ck_assert_int_eq(a64h_run(h, code, 6), A64_EC_BRK);
    ck_assert_uint_eq(h->cpu->pc, A64H_BASE + 8);
    ck_assert_uint_eq(X(30), A64H_BASE + 16);
    ck_assert_uint_eq(X(9), 0);
    a64h_free(h);
}
END_TEST

START_TEST(test_conditional_branches)
{
    a64h *h = a64h_new();
    /* each taken branch skips one BRK #1 */
    uint32_t code[] = {
        0x54000040, /* b.eq .+8 */
        0xd4200020, /* brk #1 */
        0x34000041, /* cbz w1, .+8: w1 is 0, upper half ignored */
        0xd4200020,
        0xb5000041, /* cbnz x1, .+8 */
        0xd4200020,
        0xb6f80041, /* tbz x1, #63, .+8 */
        0xd4200020,
        0x37000041, /* tbnz w1, #0, .+8: bit 0 clear, falls through */
        A64H_BRK,
        0xd4200020,
    };
    X(1) = 0x100000000ull;
    NZCV = Z_;
    ck_assert_int_eq(a64h_run(h, code, 11), A64_EC_BRK);
    ck_assert_uint_eq(h->cpu->esr & 0xffff, 0);
    ck_assert_uint_eq(h->cpu->pc, A64H_BASE + 36);
    NZCV = 0;
    uint32_t notaken[] = {0x54000040, A64H_BRK, 0xd4200020};
    ck_assert_int_eq(a64h_run(h, notaken, 3), A64_EC_BRK);
    ck_assert_uint_eq(h->cpu->pc, A64H_BASE + 4);
    /* backwards: tbnz loops until ... here once, via b.ne */
    uint32_t back[] = {
        A64H_BRK,   /* 0 */
        0x54ffffe1, /* 4: b.ne .-4 */
    };
    memcpy(h->mem, back, sizeof(back));
    a64_tlb_flush(h->cpu);
    h->cpu->pc = A64H_BASE + 4;
    bool trapped;
    a64_run(h->cpu, 10, &trapped);
    ck_assert(trapped);
    ck_assert_uint_eq(h->cpu->pc, A64H_BASE);
    UNDEF(0x54000050); /* b.cond with bit 4 set (BC.cond, FEAT_HBC) */
    a64h_free(h);
}
END_TEST

START_TEST(test_branch_register)
{
    a64h *h = a64h_new();
    uint32_t code[] = {
        0xd61f0020, /* 0: br x1 -> 8 */
        0xd4200020, /* 4 */
        0xd63f03c0, /* 8: blr x30 -> 16, x30 = 12 */
        0xd4200020, /* 12 */
        0xd65f00a0, /* 16: ret x5 -> 24 */
        0xd4200020, /* 20 */
        A64H_BRK,   /* 24 */
    };
    X(1) = A64H_BASE + 8;
    X(30) = A64H_BASE + 16;
    X(5) = A64H_BASE + 24;
    ck_assert_int_eq(a64h_run(h, code, 7), A64_EC_BRK);
    ck_assert_uint_eq(h->cpu->pc, A64H_BASE + 24);
    ck_assert_uint_eq(X(30), A64H_BASE + 12);
    UNDEF(0xd65f0bff); /* retaa: no pointer authentication */
    UNDEF(0xd61f083f); /* braaz x1 */
    UNDEF(0xd69f03e0); /* eret at EL0 */
    a64h_free(h);
}
END_TEST

START_TEST(test_branch_to_unmapped_or_misaligned_target_faults_there)
{
    a64h *h = a64h_new();
    X(1) = 0x4000; /* nothing mapped */
    ck_assert_int_eq(run1(h, 0xd61f0020), A64_EC_IABORT); /* br x1 */
    ck_assert_uint_eq(h->cpu->pc, 0x4000);
    ck_assert_uint_eq(h->cpu->far, 0x4000);
    X(1) = A64H_BASE + 6;
    ck_assert_int_eq(run1(h, 0xd61f0020), A64_EC_PC_ALIGN);
    ck_assert_uint_eq(h->cpu->pc, A64H_BASE + 6);
    /* B backwards from the base of memory leaves the mapped region */
    ck_assert_int_eq(run1(h, 0x17fffffe), A64_EC_IABORT); /* b .-8 */
    ck_assert_uint_eq(h->cpu->pc, A64H_BASE - 8);
    a64h_free(h);
}
END_TEST

/* ---------------- exceptions, hints, barriers ---------------- */

START_TEST(test_svc_and_brk_report_their_immediate_at_the_insn)
{
    a64h *h = a64h_new();
    uint32_t code[] = {0xd503201f, 0xd4024681}; /* nop; svc #0x1234 */
    ck_assert_int_eq(a64h_run(h, code, 2), A64_EC_SVC);
    ck_assert_uint_eq(h->cpu->esr & 0xffff, 0x1234);
    ck_assert(h->cpu->esr & (1u << 25)); /* IL */
    ck_assert_uint_eq(h->cpu->pc, A64H_BASE + 4);
    ck_assert_int_eq(run1(h, 0xd43e01a0), A64_EC_BRK); /* brk #0xf00d */
    ck_assert_uint_eq(h->cpu->esr & 0xffff, 0xf00d);
    ck_assert_uint_eq(h->cpu->pc, A64H_BASE);
    UNDEF(0xd4000002); /* hvc */
    UNDEF(0xd4000003); /* smc */
    UNDEF(0xd4400000); /* hlt */
    UNDEF(0xd4a00001); /* dcps1 */
    a64h_free(h);
}
END_TEST

START_TEST(test_hints_execute_as_nops)
{
    a64h *h = a64h_new();
    uint32_t code[] = {
        0xd503201f, 0xd503203f, 0xd503205f, 0xd503207f, /* nop yield wfe wfi */
        0xd503209f, 0xd50320bf, 0xd503245f, 0xd503233f, /* sev sevl bti paciasp */
        0xd50323bf, 0xd5032fff, 0xd50320ff, 0xd503221f, /* autiasp hint#7f xpaclri esb */
        0xd503229f, A64H_BRK,                           /* csdb */
    };
    X(30) = 0x1234;
    ck_assert_int_eq(a64h_run(h, code, 14), A64_EC_BRK);
    ck_assert_uint_eq(h->cpu->pc, A64H_BASE + 13 * 4);
    ck_assert_uint_eq(X(30), 0x1234);
    a64h_free(h);
}
END_TEST

START_TEST(test_barriers_and_clrex)
{
    a64h *h = a64h_new();
    uint32_t code[] = {0xd5033f9f, 0xd5033bbf, 0xd5033fdf, 0xd503309f,
                       0xd5033f5f, A64H_BRK}; /* dsb dmb isb ssbb clrex */
    h->cpu->excl_valid = true;
    ck_assert_int_eq(a64h_run(h, code, 6), A64_EC_BRK);
    ck_assert(!h->cpu->excl_valid);
    UNDEF(0xd50330ff); /* sb: FEAT_SB not advertised */
    a64h_free(h);
}
END_TEST

START_TEST(test_privileged_system_instructions_are_undefined)
{
    a64h *h = a64h_new();
    UNDEF(0xd50342df); /* msr daifset, #2 (SCTLR_EL1.UMA = 0) */
    UNDEF(0xd50342ff); /* msr daifclr, #2 */
    UNDEF(0xd53b4220); /* mrs x0, daif */
    UNDEF(0xd50040bf); /* msr spsel, #0 */
    UNDEF(0xd500401f); /* cfinv (FEAT_FlagM) */
    UNDEF(0xd5087621); /* dc ivac */
    UNDEF(0xd508751f); /* ic iallu */
    UNDEF(0xd508871f); /* tlbi vmalle1 */
    UNDEF(0xd5087841); /* at s1e0r */
    UNDEF(0xd52b7420); /* sysl */
    UNDEF(0xd50b7c21); /* dc cvap: FEAT_DPB not advertised */
    UNDEF(0xd503201f | 1u << 23); /* nop with bits 23:22 not 00 */
    UNDEF(0xd53b4200 | 1u << 22); /* mrs nzcv, likewise */
    a64h_free(h);
}
END_TEST

START_TEST(test_dc_zva_zeroes_the_aligned_block)
{
    a64h *h = a64h_new();
    uint8_t *m = a64h_mem(h, A64H_DATA);
    memset(m, 0xaa, 256);
    X(1) = A64H_DATA + 64 + 37; /* inside the second block */
    h->cpu->excl_valid = true;
    h->cpu->excl_addr = A64H_DATA + 64 + 8;
    h->cpu->excl_size = 8;
    EXEC(0xd50b7421); /* dc zva, x1 */
    for (int i = 0; i < 256; i++)
        ck_assert_uint_eq(m[i], i >= 64 && i < 128 ? 0 : 0xaa);
    ck_assert(!h->cpu->excl_valid);
    /* a read-only page: a write permission fault at the block */
    h->readonly_data = true;
    a64_tlb_flush(h->cpu);
    memset(m, 0xaa, 64);
    X(1) = A64H_DATA + 5;
    ck_assert_int_eq(run1(h, 0xd50b7421), A64_EC_DABORT);
    ck_assert(h->cpu->esr & A64_ISS_WNR);
    ck_assert_uint_eq(h->cpu->esr & 0x3f, A64_FSC_PERMISSION | 3);
    ck_assert_uint_eq(h->cpu->pc, A64H_BASE);
    ck_assert_uint_eq(m[0], 0xaa);
    a64h_free(h);
}
END_TEST

START_TEST(test_cache_maintenance_for_el0_is_a_nop_that_never_faults)
{
    a64h *h = a64h_new();
    uint32_t code[] = {0xd50b7b21, 0xd50b7a21, 0xd50b7e21, 0xd50b7521,
                       A64H_BRK}; /* dc cvau, cvac, civac; ic ivau */
    X(1) = 0x4000; /* unmapped */
    ck_assert_int_eq(a64h_run(h, code, 5), A64_EC_BRK);
    a64h_free(h);
}
END_TEST

/* ---------------- system registers ---------------- */

START_TEST(test_mrs_msr_el0_registers)
{
    a64h *h = a64h_new();
    X(1) = ~0ull;
    EXEC(0xd51b4201); /* msr nzcv, x1 */
    ck_assert_uint_eq(NZCV, 0xf0000000u);
    EXEC(0xd53b4200); /* mrs x0, nzcv */
    ck_assert_uint_eq(X(0), 0xf0000000u);
    EXEC(0xd51b4401); /* msr fpcr, x1: only the v8.0 bits stick */
    EXEC(0xd53b4402); /* mrs x2, fpcr */
    ck_assert_uint_eq(X(2), A64_FPCR_MASK);
    EXEC(0xd51b4421); /* msr fpsr, x1 */
    EXEC(0xd53b4423); /* mrs x3, fpsr */
    ck_assert_uint_eq(X(3), A64_FPSR_MASK);
    X(1) = 0x123456789ull;
    EXEC(0xd51bd041); /* msr tpidr_el0, x1 */
    EXEC(0xd53bd044); /* mrs x4, tpidr_el0 */
    ck_assert_uint_eq(X(4), 0x123456789ull);
    h->cpu->tpidrro_el0 = 0xabc;
    EXEC(0xd53bd065); /* mrs x5, tpidrro_el0 */
    ck_assert_uint_eq(X(5), 0xabc);
    UNDEF(0xd51bd061); /* msr tpidrro_el0: read-only at EL0 */
    EXEC(0xd53b0026); /* mrs x6, ctr_el0 */
    ck_assert_uint_eq(X(6), A64_MODEL_CTR);
    EXEC(0xd53b00e7); /* mrs x7, dczid_el0 */
    ck_assert_uint_eq(X(7), A64_MODEL_DCZID);
    EXEC(0xd53be009); /* mrs x9, cntfrq_el0 */
    ck_assert_uint_eq(X(9), A64_MODEL_CNTFRQ);
    UNDEF(0xd51be001); /* msr cntfrq_el0 */
    UNDEF(0xd53be034); /* mrs cntpct_el0 (EL0PCTEN clear) */
    UNDEF(0xd5381015); /* mrs sctlr_el1 */
    a64h_free(h);
}
END_TEST

static uint64_t fake_counter(void *ctx)
{
    return *(uint64_t *)ctx;
}

START_TEST(test_cntvct_reads_steps_or_the_owner_clock)
{
    a64h *h = a64h_new();
    h->cpu->steps = 1000;
    EXEC(0xd53be048); /* mrs x8, cntvct_el0 */
    ck_assert_uint_eq(X(8), 1000);
    uint64_t now = 0x5555aaaa;
    h->cpu->cntvct = fake_counter;
    h->cpu->cntvct_ctx = &now;
    EXEC(0xd53be048);
    ck_assert_uint_eq(X(8), 0x5555aaaa);
    a64h_free(h);
}
END_TEST

START_TEST(test_id_registers_as_linux_emulates_them)
{
    a64h *h = a64h_new();
    uint32_t code[] = {
        0xd538000a, /* mrs x10, midr_el1 */
        0xd53800ab, /* mrs x11, mpidr_el1 */
        0xd53800cc, /* mrs x12, revidr_el1 */
        0xd538040d, /* mrs x13, id_aa64pfr0_el1 */
        0xd538060e, /* mrs x14, id_aa64isar0_el1 */
        0xd538070f, /* mrs x15, id_aa64mmfr0_el1 */
        0xd5380490, /* mrs x16, id_aa64zfr0_el1 */
        A64H_BRK,
    };
    for (int r = 10; r <= 16; r++)
        X(r) = 0xdead;
    ck_assert_int_eq(a64h_run(h, code, 8), A64_EC_BRK);
    ck_assert_uint_eq(X(10), A64_MODEL_MIDR);
    ck_assert_uint_eq(X(11), 0x80000000ull);
    ck_assert_uint_eq(X(12), 0);
    ck_assert_uint_eq(X(13), A64_MODEL_ID_AA64PFR0);
    ck_assert_uint_eq(X(14), A64_MODEL_ID_AA64ISAR0);
    ck_assert_uint_eq(X(15), 0);
    ck_assert_uint_eq(X(16), 0);
    UNDEF(0xd5380031); /* s3_0_c0_c0_1: CRm 0 serves only MIDR/MPIDR/REVIDR */
    UNDEF(0xd5380112); /* id_pfr0_el1: the AArch32 block (CRm 1) */
    UNDEF(0xd5380813); /* s3_0_c0_c8_0: outside the emulated space */
    UNDEF(0xd5180001); /* msr midr_el1 */
    a64h_free(h);
}
END_TEST

static Suite *a64_int_suite(void)
{
    Suite *s = suite_create("a64_int");
    TCase *tc = tcase_create("dp_imm");
    tcase_add_test(tc, test_add_sub_imm_sp_forms_and_cmp_leaves_sp);
    tcase_add_test(tc, test_add_sub_imm_flags_and_32bit_forms);
    tcase_add_test(tc, test_logical_imm_bitmasks_sp_and_flags);
    tcase_add_test(tc, test_logical_imm_reserved_masks_are_undefined);
    tcase_add_test(tc, test_move_wide_builds_constants);
    tcase_add_test(tc, test_bitfield_aliases);
    tcase_add_test(tc, test_extr);
    tcase_add_test(tc, test_adr_adrp_forwards_and_backwards);
    suite_add_tcase(s, tc);
    tc = tcase_create("dp_reg");
    tcase_add_test(tc, test_logical_shifted_register);
    tcase_add_test(tc, test_add_sub_shifted_register);
    tcase_add_test(tc, test_add_sub_extended_register);
    tcase_add_test(tc, test_adc_sbc_carry_chain);
    tcase_add_test(tc, test_conditional_compare);
    tcase_add_test(tc, test_conditional_select);
    tcase_add_test(tc, test_dp_1source);
    tcase_add_test(tc, test_divide_corner_cases);
    tcase_add_test(tc, test_variable_shifts_take_amount_modulo_size);
    tcase_add_test(tc, test_crc32_check_values);
    tcase_add_test(tc, test_dp_3source);
    tcase_add_test(tc, test_xzr_reads_zero_and_discards_writes);
    suite_add_tcase(s, tc);
    tc = tcase_create("branch_sys");
    tcase_add_test(tc, test_b_and_bl_forwards_and_backwards);
    tcase_add_test(tc, test_conditional_branches);
    tcase_add_test(tc, test_branch_register);
    tcase_add_test(tc, test_branch_to_unmapped_or_misaligned_target_faults_there);
    tcase_add_test(tc, test_svc_and_brk_report_their_immediate_at_the_insn);
    tcase_add_test(tc, test_hints_execute_as_nops);
    tcase_add_test(tc, test_barriers_and_clrex);
    tcase_add_test(tc, test_privileged_system_instructions_are_undefined);
    tcase_add_test(tc, test_dc_zva_zeroes_the_aligned_block);
    tcase_add_test(tc, test_cache_maintenance_for_el0_is_a_nop_that_never_faults);
    tcase_add_test(tc, test_mrs_msr_el0_registers);
    tcase_add_test(tc, test_cntvct_reads_steps_or_the_owner_clock);
    tcase_add_test(tc, test_id_registers_as_linux_emulates_them);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(a64_int_suite()); }
