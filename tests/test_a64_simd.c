/*
 * Advanced SIMD integer instructions (a64_exec_simd.c, a64_exec_simd_wide.c):
 * one representative of each group, vector (Q=0 and Q=1) and scalar forms,
 * saturation and FPSR.QC, rounding, the "2" forms, and reserved encodings.
 * Instruction words come from aarch64-linux-gnu-as; the results of the
 * less obvious cases were checked against qemu-aarch64.
 */
#include <check.h>

#include "a64_harness.h"
#include "testutil.h"

/* Run one instruction; true when it completed (false: it trapped). */
static bool exec1(a64h *h, uint32_t insn)
{
    memcpy(h->mem, &insn, 4);
    a64_tlb_flush(h->cpu);
    h->cpu->pc = A64H_BASE;
    bool trapped;
    a64_run(h->cpu, 1, &trapped);
    return !trapped;
}

static void setv(a64h *h, unsigned r, uint64_t lo, uint64_t hi)
{
    h->cpu->v[r].d[0] = lo;
    h->cpu->v[r].d[1] = hi;
}

#define V(r) (h->cpu->v[r])
#define ck_v(r, lo, hi)                                                      \
    do {                                                                     \
        ck_assert_uint_eq(V(r).d[0], (lo));                                  \
        ck_assert_uint_eq(V(r).d[1], (hi));                                  \
    } while (0)
#define QC (h->cpu->fpsr & A64_FPSR_QC)

/* ---- three same ---- */

START_TEST(test_add_64bit_form_zeroes_upper_half)
{
    a64h *h = a64h_new();
    setv(h, 0, 0x1111111111111111, 0x2222222222222222);
    setv(h, 1, 0x00000001ffffffff, 0x5555555555555555);
    setv(h, 2, 0x0000000200000001, 0x5555555555555555);
    ck_assert(exec1(h, 0x0ea28420u /* add v0.2s, v1.2s, v2.2s */));
    ck_v(0, 0x0000000300000000, 0); /* lanes wrap, upper half zero */
    setv(h, 1, 1, 0xffffffffffffffff);
    setv(h, 2, 2, 1);
    ck_assert(exec1(h, 0x6ee28420u /* sub v0.2d, v1.2d, v2.2d */));
    ck_v(0, 0xffffffffffffffff, 0xfffffffffffffffe);
    a64h_free(h);
}
END_TEST

START_TEST(test_saturating_add_sub_set_qc)
{
    a64h *h = a64h_new();
    setv(h, 1, 0x7f80017f, 0);
    setv(h, 2, 0x01ff0101, 0);
    ck_assert(exec1(h, 0x0e220c20u /* sqadd v0.8b, v1.8b, v2.8b */));
    /* 7f+01 -> 7f (sat), 01+01 = 02, 80+ff -> 80 (sat), 7f+01 -> 7f */
    ck_v(0, 0x7f80027f, 0);
    ck_assert(QC);
    /* QC is sticky: a later unsaturated op leaves it set */
    setv(h, 1, 1, 0);
    setv(h, 2, 1, 0);
    ck_assert(exec1(h, 0x0e220c20u /* sqadd v0.8b, v1.8b, v2.8b */));
    ck_assert(QC);
    h->cpu->fpsr = 0;
    ck_assert(exec1(h, 0x0e220c20u /* sqadd v0.8b, v1.8b, v2.8b */));
    ck_assert(!QC);
    /* unsigned subtraction clamps at zero */
    setv(h, 1, 0x0005000000010003, 0xffff);
    setv(h, 2, 0x0003000100000004, 0x0001);
    ck_assert(exec1(h, 0x6e622c20u /* uqsub v0.8h, v1.8h, v2.8h */));
    ck_v(0, 0x0002000000010000, 0xfffe);
    ck_assert(QC);
    a64h_free(h);
}
END_TEST

START_TEST(test_scalar_saturating_add_writes_one_lane)
{
    a64h *h = a64h_new();
    setv(h, 0, ~0ull, ~0ull);
    setv(h, 1, 0x1180, 0);
    setv(h, 2, 0x22ff, 0);
    ck_assert(exec1(h, 0x5e220c20u /* sqadd b0, b1, b2 */));
    ck_v(0, 0x80, 0); /* -128 + -1 saturates; the rest of V0 is zeroed */
    ck_assert(QC);
    setv(h, 1, 5, 0);
    setv(h, 2, 7, 0);
    ck_assert(exec1(h, 0x5ee28420u /* add d0, d1, d2 */));
    ck_v(0, 12, 0);
    a64h_free(h);
}
END_TEST

START_TEST(test_rounding_register_shifts)
{
    a64h *h = a64h_new();
    /* lanes 5, -5, 0x40000000, 7; shifts -1, -1, +1, -3 */
    setv(h, 1, 0xfffffffb00000005, 0x0000000740000000);
    setv(h, 2, 0x000000ff000000ff, 0x000000fd00000001);
    ck_assert(exec1(h, 0x4ea25420u /* srshl v0.4s, v1.4s, v2.4s */));
    /* 5/2 rounds to 3, -5/2 to -2, 7/8 to 1 */
    ck_v(0, 0xfffffffe00000003, 0x0000000180000000);
    ck_assert(exec1(h, 0x4ea24420u /* sshl v0.4s, v1.4s, v2.4s */));
    ck_v(0, 0xfffffffd00000002, 0x0000000080000000);
    /* SQSHL saturates the left shift of 0x40000000 */
    ck_assert(exec1(h, 0x4ea24c20u /* sqshl v0.4s, v1.4s, v2.4s */));
    ck_v(0, 0xfffffffd00000002, 0x000000007fffffff);
    ck_assert(QC);
    /* a shift of 64 or more clears the element (USHL, 64-bit lanes) */
    setv(h, 1, 0xffff, 0xffff);
    setv(h, 2, 64, 0x80);
    ck_assert(exec1(h, 0x6ee24420u /* ushl v0.2d, v1.2d, v2.2d */));
    ck_v(0, 0, 0);
    a64h_free(h);
}
END_TEST

START_TEST(test_compares_signed_and_unsigned)
{
    a64h *h = a64h_new();
    setv(h, 1, 0x0180, 0);
    setv(h, 2, 0x0101, 0);
    ck_assert(exec1(h, 0x0e223420u /* cmgt v0.8b, v1.8b, v2.8b */));
    ck_v(0, 0x0000000000000000, 0); /* -128 > 1 is false, 1 > 1 false */
    ck_assert(exec1(h, 0x2e223420u /* cmhi v0.8b, v1.8b, v2.8b */));
    ck_v(0, 0x00ff, 0); /* 0x80 > 1 unsigned */
    ck_assert(exec1(h, 0x2e223c20u /* cmhs v0.8b, v1.8b, v2.8b */));
    ck_v(0, 0xffffffffffffffff, 0); /* equal lanes (0 >= 0) too */
    ck_assert(exec1(h, 0x0e228c20u /* cmtst v0.8b, v1.8b, v2.8b */));
    ck_v(0, 0xff00, 0);
    a64h_free(h);
}
END_TEST

START_TEST(test_pairwise_ops_take_pairs_of_vm_vn)
{
    a64h *h = a64h_new();
    setv(h, 1, 0x0000000200000001, 0x0000000400000003);
    setv(h, 2, 0x0000001000000010, 0x0000000100000002);
    ck_assert(exec1(h, 0x4ea2bc20u /* addp v0.4s, v1.4s, v2.4s */));
    ck_v(0, 0x0000000700000003, 0x0000000300000020);
    setv(h, 1, 0x0004fffe00030001, 0);
    setv(h, 2, 0x0001000200070009, 0);
    ck_assert(exec1(h, 0x2e62a420u /* umaxp v0.4h, v1.4h, v2.4h */));
    ck_v(0, 0x00020009fffe0003, 0);
    a64h_free(h);
}
END_TEST

START_TEST(test_doubling_multiply_high_rounds_and_saturates)
{
    a64h *h = a64h_new();
    /* lanes: 0x8000*0x8000 saturates; 0x4000*0x0003 = 2*0xc000 >> 16 = 1
     * (rounded: 1.5 -> 2) */
    setv(h, 1, 0x40008000, 0);
    setv(h, 2, 0x00038000, 0);
    ck_assert(exec1(h, 0x0e62b420u /* sqdmulh v0.4h, v1.4h, v2.4h */));
    ck_v(0, 0x00017fff, 0);
    ck_assert(QC);
    ck_assert(exec1(h, 0x2e62b420u /* sqrdmulh v0.4h, v1.4h, v2.4h */));
    ck_v(0, 0x00027fff, 0);
    a64h_free(h);
}
END_TEST

START_TEST(test_bitwise_select_ops)
{
    a64h *h = a64h_new();
    setv(h, 1, 0xaaaaaaaaaaaaaaaa, 0x1111111111111111);
    setv(h, 2, 0x5555555555555555, 0x2222222222222222);
    setv(h, 0, 0xff00ff00ff00ff00, 0x0f0f0f0f0f0f0f0f);
    ck_assert(exec1(h, 0x6e621c20u /* bsl v0.16b, v1.16b, v2.16b */));
    ck_v(0, 0xaa55aa55aa55aa55, 0x2121212121212121);
    setv(h, 0, 0, 0);
    setv(h, 2, 0xf0f0f0f0f0f0f0f0, 0);
    ck_assert(exec1(h, 0x6ea21c20u /* bit v0.16b, v1.16b, v2.16b */));
    ck_v(0, 0xa0a0a0a0a0a0a0a0, 0);
    setv(h, 0, 0, 0x1234);
    ck_assert(exec1(h, 0x2ee21c20u /* bif v0.8b, v1.8b, v2.8b */));
    ck_v(0, 0x0a0a0a0a0a0a0a0a, 0); /* Q=0 clears the upper half */
    ck_assert(exec1(h, 0x4ee21c20u /* orn v0.16b, v1.16b, v2.16b */));
    ck_v(0, 0xafafafafafafafaf, 0xffffffffffffffff);
    a64h_free(h);
}
END_TEST

START_TEST(test_multiply_accumulate_and_polynomial)
{
    a64h *h = a64h_new();
    setv(h, 0, 0x0000000a00000001, 0x10);
    setv(h, 1, 0x0000000300000002, 0xffffffff);
    setv(h, 2, 0x0000000400000005, 0x2);
    ck_assert(exec1(h, 0x4ea29420u /* mla v0.4s, v1.4s, v2.4s */));
    ck_v(0, 0x000000160000000b, 0x0e);
    ck_assert(exec1(h, 0x6ea29420u /* mls v0.4s, v1.4s, v2.4s */));
    ck_v(0, 0x0000000a00000001, 0x10);
    setv(h, 1, 0x0387, 0);
    setv(h, 2, 0x0303, 0);
    ck_assert(exec1(h, 0x2e229c20u /* pmul v0.8b, v1.8b, v2.8b */));
    /* 0x87 x 0x03 = 0x189 -> 0x89; 0x03 x 0x03 = 0x05 */
    ck_v(0, 0x0589, 0);
    a64h_free(h);
}
END_TEST

/* ---- copy, permute, table, extract, immediates ---- */

START_TEST(test_tbl_out_of_range_index_gives_zero)
{
    a64h *h = a64h_new();
    setv(h, 1, 0x0706050403020100, 0x0f0e0d0c0b0a0908);
    setv(h, 2, 0x1716151413121110, 0x1f1e1d1c1b1a1918);
    setv(h, 3, 0xff20101f0f000102, 0x8040201010101010);
    setv(h, 0, ~0ull, ~0ull);
    ck_assert(exec1(h, 0x4e032020u /* tbl v0.16b, {v1.16b, v2.16b}, v3.16b */));
    ck_v(0, 0x0000101f0f000102, 0x0000001010101010);
    ck_assert(exec1(h, 0x0e030020u /* tbl v0.8b, {v1.16b}, v3.8b */));
    ck_v(0, 0x000000000f000102, 0);
    a64h_free(h);
}
END_TEST

START_TEST(test_tbx_out_of_range_keeps_destination)
{
    a64h *h = a64h_new();
    setv(h, 1, 0x0706050403020100, 0x0f0e0d0c0b0a0908);
    setv(h, 3, 0xff20101f0f000102, 0);
    setv(h, 0, 0xaaaaaaaaaaaaaaaa, 0xbbbbbbbbbbbbbbbb);
    ck_assert(exec1(h, 0x0e031020u /* tbx v0.8b, {v1.16b}, v3.8b */));
    ck_v(0, 0xaaaaaaaa0f000102, 0);
    a64h_free(h);
}
END_TEST

START_TEST(test_tbl_register_list_wraps_past_v31)
{
    a64h *h = a64h_new();
    setv(h, 31, 0x1f, 0);
    setv(h, 0, 0x20, 0);
    setv(h, 1, 0x21, 0);
    setv(h, 3, 0xffffff3020100f00, ~0ull);
    ck_assert(exec1(h, 0x4e0343e3u /* tbl v3.16b, {v31.16b, v0.16b, v1.16b}, v3.16b */));
    ck_v(3, 0x002120001f, 0); /* index 0x30: past 3 registers */
    a64h_free(h);
}
END_TEST

START_TEST(test_dup_ins_and_moves_to_general_registers)
{
    a64h *h = a64h_new();
    setv(h, 1, 0x8877665544332211, 0xf0e0d0c0b0a09080);
    ck_assert(exec1(h, 0x4e1c0420u /* dup v0.4s, v1.s[3] */));
    ck_v(0, 0xf0e0d0c0f0e0d0c0, 0xf0e0d0c0f0e0d0c0);
    h->cpu->x[1] = 0x123456789abcdef0;
    ck_assert(exec1(h, 0x0e020c20u /* dup v0.4h, w1 */));
    ck_v(0, 0xdef0def0def0def0, 0);
    ck_assert(exec1(h, 0x4e1c1c20u /* ins v0.s[3], w1 */));
    ck_v(0, 0xdef0def0def0def0, 0x9abcdef000000000);
    ck_assert(exec1(h, 0x6e037c20u /* ins v0.b[1], v1.b[15] */));
    ck_v(0, 0xdef0def0def0f0f0, 0x9abcdef000000000);
    ck_assert(exec1(h, 0x0e123c22u /* umov w2, v1.h[4] */));
    ck_assert_uint_eq(h->cpu->x[2], 0x9080);
    ck_assert(exec1(h, 0x4e112c22u /* smov x2, v1.b[8] */));
    ck_assert_uint_eq(h->cpu->x[2], 0xffffffffffffff80);
    h->cpu->x[2] = ~0ull;
    ck_assert(exec1(h, 0x0e122c22u /* smov w2, v1.h[4] */));
    ck_assert_uint_eq(h->cpu->x[2], 0xffff9080); /* W write clears 63:32 */
    ck_assert(exec1(h, 0x4e183c22u /* mov x2, v1.d[1] */));
    ck_assert_uint_eq(h->cpu->x[2], 0xf0e0d0c0b0a09080);
    ck_assert(exec1(h, 0x5e0f0420u /* dup b0, v1.b[7] */));
    ck_v(0, 0x88, 0);
    a64h_free(h);
}
END_TEST

START_TEST(test_ext_zip_uzp_trn)
{
    a64h *h = a64h_new();
    setv(h, 1, 0x0706050403020100, 0x0f0e0d0c0b0a0908);
    setv(h, 2, 0x1716151413121110, 0x1f1e1d1c1b1a1918);
    ck_assert(exec1(h, 0x6e021820u /* ext v0.16b, v1.16b, v2.16b, #3 */));
    ck_v(0, 0x0a09080706050403, 0x1211100f0e0d0c0b);
    ck_assert(exec1(h, 0x2e023820u /* ext v0.8b, v1.8b, v2.8b, #7 */));
    ck_v(0, 0x1615141312111007, 0);
    ck_assert(exec1(h, 0x0e023820u /* zip1 v0.8b, v1.8b, v2.8b */));
    ck_v(0, 0x1303120211011000, 0);
    ck_assert(exec1(h, 0x4e827820u /* zip2 v0.4s, v1.4s, v2.4s */));
    ck_v(0, 0x1b1a19180b0a0908, 0x1f1e1d1c0f0e0d0c);
    ck_assert(exec1(h, 0x4e421820u /* uzp1 v0.8h, v1.8h, v2.8h */));
    ck_v(0, 0x0d0c090805040100, 0x1d1c191815141110);
    ck_assert(exec1(h, 0x4e026820u /* trn2 v0.16b, v1.16b, v2.16b */));
    ck_v(0, 0x1707150513031101, 0x1f0f1d0d1b0b1909);
    a64h_free(h);
}
END_TEST

START_TEST(test_modified_immediates)
{
    a64h *h = a64h_new();
    ck_assert(exec1(h, 0x6f05e4c0u /* movi v0.2d, #0xff00ff0000ffff00 */));
    ck_v(0, 0xff00ff0000ffff00, 0xff00ff0000ffff00);
    ck_assert(exec1(h, 0x2f04e420u /* movi d0, #0xff000000000000ff */));
    ck_v(0, 0xff000000000000ff, 0);
    ck_assert(exec1(h, 0x4f05e560u /* movi v0.16b, #0xab */));
    ck_v(0, 0xabababababababab, 0xabababababababab);
    ck_assert(exec1(h, 0x0f00d640u /* movi v0.2s, #0x12, msl #16 */));
    ck_v(0, 0x0012ffff0012ffff, 0);
    ck_assert(exec1(h, 0x6f002640u /* mvni v0.4s, #0x12, lsl #8 */));
    ck_v(0, 0xffffedffffffedff, 0xffffedffffffedff);
    setv(h, 0, 0x1111111111111111, 0x2222222222222222);
    ck_assert(exec1(h, 0x4f04b400u /* orr v0.8h, #0x80, lsl #8 */));
    ck_v(0, 0x9111911191119111, 0xa222a222a222a222);
    ck_assert(exec1(h, 0x2f009620u /* bic v0.4h, #0x11 */));
    ck_v(0, 0x9100910091009100, 0);
    a64h_free(h);
}
END_TEST

/* ---- three different ---- */

START_TEST(test_widening_adds_and_the_2_forms)
{
    a64h *h = a64h_new();
    setv(h, 1, 0x00000000000000ff, 0x000000000000007f80);
    setv(h, 2, 0x0000000000000001, 0x00000000000000ff01);
    ck_assert(exec1(h, 0x4e220020u /* saddl2 v0.8h, v1.16b, v2.16b */));
    /* high halves: bytes 0x80, 0x7f + 0x01, 0xff -> -127, 126 */
    ck_v(0, 0x007eff81, 0);
    ck_assert(exec1(h, 0x2e220020u /* uaddl v0.8h, v1.8b, v2.8b */));
    ck_v(0, 0x0100, 0);
    setv(h, 1, 0xffffffffffffffff, 1);
    setv(h, 2, 0x00000000ffffffff, 0x0000000500000002);
    ck_assert(exec1(h, 0x6ea21020u /* uaddw2 v0.2d, v1.2d, v2.4s */));
    ck_v(0, 1, 6);
    ck_assert(exec1(h, 0x0ea23020u /* ssubw v0.2d, v1.2d, v2.2s */));
    ck_v(0, 0, 1);
    a64h_free(h);
}
END_TEST

START_TEST(test_high_narrowing_2_form_keeps_low_half)
{
    a64h *h = a64h_new();
    setv(h, 1, 0x0000008000001290, 0);
    setv(h, 2, 0x00000000000000ff, 0);
    setv(h, 0, 0x1122334455667788, 0x99);
    ck_assert(exec1(h, 0x4e224020u /* addhn2 v0.16b, v1.8h, v2.8h */));
    /* halfwords 0x1290+0xff = 0x138f -> 0x13, 0x0000, 0x0080 -> 0x00 */
    ck_v(0, 0x1122334455667788, 0x0000000000000013);
    ck_assert(exec1(h, 0x2e224020u /* raddhn v0.8b, v1.8h, v2.8h */));
    /* rounding: 0x138f + 0x80 -> 0x14; 0x0080 + 0x80 -> 0x01 */
    ck_v(0, 0x0000000000010014, 0);
    a64h_free(h);
}
END_TEST

START_TEST(test_long_multiplies_and_saturating_doubling)
{
    a64h *h = a64h_new();
    setv(h, 1, 0x0000000080000000, 0xfffffffe00000003);
    setv(h, 2, 0x0000000080000000, 0x0000000700000005);
    ck_assert(exec1(h, 0x0ea2d020u /* sqdmull v0.2d, v1.2s, v2.2s */));
    ck_v(0, 0x7fffffffffffffff, 0); /* (-2^31)^2 * 2 saturates */
    ck_assert(QC);
    ck_assert(exec1(h, 0x4ea2c020u /* smull2 v0.2d, v1.4s, v2.4s */));
    ck_v(0, 15, (uint64_t)-14);
    setv(h, 0, 1, 2);
    ck_assert(exec1(h, 0x6ea28020u /* umlal2 v0.2d, v1.4s, v2.4s */));
    ck_v(0, 16, 2 + 0xfffffffeull * 7);
    h->cpu->fpsr = 0;
    setv(h, 0, 0x7ffffffffffffff0, 0);
    setv(h, 1, 0x10, 0);
    setv(h, 2, 0x10, 0);
    ck_assert(exec1(h, 0x5ea29020u /* sqdmlal d0, s1, s2 */));
    ck_v(0, 0x7fffffffffffffff, 0); /* the accumulation saturates */
    ck_assert(QC);
    a64h_free(h);
}
END_TEST

START_TEST(test_pmull_8_and_64_bit)
{
    a64h *h = a64h_new();
    setv(h, 1, 0xff87, 0x8000000000000001);
    setv(h, 2, 0xff03, 0x8000000000000003);
    ck_assert(exec1(h, 0x0e22e020u /* pmull v0.8h, v1.8b, v2.8b */));
    ck_v(0, 0x55550189, 0);
    ck_assert(exec1(h, 0x4ee2e020u /* pmull2 v0.1q, v1.2d, v2.2d */));
    /* (x^63 + 1)(x^63 + x + 1) = x^126 + x^64 + x + 1: the x^63 terms
     * cancel */
    ck_v(0, 0x3, 0x4000000000000001);
    /* the 64-bit form belongs to the PMULL extension */
    h->cpu->hwcap &= ~A64_HWCAP_PMULL;
    ck_assert(!exec1(h, 0x4ee2e020u /* pmull2 v0.1q, v1.2d, v2.2d */));
    ck_assert(exec1(h, 0x0e22e020u /* pmull v0.8h, v1.8b, v2.8b */));
    a64h_free(h);
}
END_TEST

/* ---- two-register misc ---- */

START_TEST(test_reverse_count_and_bit_ops)
{
    a64h *h = a64h_new();
    setv(h, 1, 0x0706050403020100, 0x0f0e0d0c0b0a0908);
    ck_assert(exec1(h, 0x4e201820u /* rev16 v0.16b, v1.16b */));
    ck_v(0, 0x0607040502030001, 0x0e0f0c0d0a0b0809);
    ck_assert(exec1(h, 0x0e600820u /* rev64 v0.4h, v1.4h */));
    ck_v(0, 0x0100030205040706, 0);
    ck_assert(exec1(h, 0x4e205820u /* cnt v0.16b, v1.16b */));
    ck_v(0, 0x0302020102010100, 0x0403030203020201);
    setv(h, 1, 0x00000001ffff0000, 0x0000000080000000);
    ck_assert(exec1(h, 0x6ea04820u /* clz v0.4s, v1.4s */));
    ck_v(0, 0x0000001f00000000, 0x0000002000000000);
    ck_assert(exec1(h, 0x4e604820u /* cls v0.8h, v1.8h */));
    ck_v(0, 0x000f000e000f000f, 0x000f000f0000000f);
    setv(h, 1, 0x0180, 0);
    ck_assert(exec1(h, 0x2e605820u /* rbit v0.8b, v1.8b */));
    ck_v(0, 0x8001, 0);
    ck_assert(exec1(h, 0x2e205820u /* not v0.8b, v1.8b */));
    ck_v(0, 0xfffffffffffffe7f, 0);
    a64h_free(h);
}
END_TEST

START_TEST(test_abs_neg_and_compare_with_zero)
{
    a64h *h = a64h_new();
    setv(h, 1, 0x7f80ff01, 0);
    ck_assert(exec1(h, 0x0e20b820u /* abs v0.8b, v1.8b */));
    ck_v(0, 0x7f800101, 0); /* |-128| wraps */
    ck_assert(!QC);
    ck_assert(exec1(h, 0x0e207820u /* sqabs v0.8b, v1.8b */));
    ck_v(0, 0x7f7f0101, 0);
    ck_assert(QC);
    ck_assert(exec1(h, 0x2e207820u /* sqneg v0.8b, v1.8b */));
    ck_v(0, 0x817f01ff, 0);
    ck_assert(exec1(h, 0x0e20a820u /* cmlt v0.8b, v1.8b, #0 */));
    ck_v(0, 0x00ffff00, 0);
    ck_assert(exec1(h, 0x2e208820u /* cmge v0.8b, v1.8b, #0 */));
    ck_v(0, 0xffffffffff0000ff, 0);
    setv(h, 1, 0, 5);
    ck_assert(exec1(h, 0x5ee09820u /* cmeq d0, d1, #0 */));
    ck_v(0, ~0ull, 0);
    a64h_free(h);
}
END_TEST

START_TEST(test_narrowing_moves_and_the_2_forms)
{
    a64h *h = a64h_new();
    setv(h, 1, 0xffff8000007f0123, 0x0100ff7f00800000);
    setv(h, 0, 0x1111111111111111, 0x2222222222222222);
    ck_assert(exec1(h, 0x4e212820u /* xtn2 v0.16b, v1.8h */));
    ck_v(0, 0x1111111111111111, 0x007f8000ff007f23);
    ck_assert(!QC);
    ck_assert(exec1(h, 0x0e214820u /* sqxtn v0.8b, v1.8h */));
    /* 0x0123 -> 7f, 0x007f -> 7f, 0x8000 -> 80, 0xffff -> ff, 0x0000,
     * 0x0080 -> 7f, 0xff7f -> 80, 0x0100 -> 7f */
    ck_v(0, 0x7f807f00ff807f7f, 0);
    ck_assert(QC);
    ck_assert(exec1(h, 0x2e212820u /* sqxtun v0.8b, v1.8h */));
    ck_v(0, 0xff00800000007fff, 0);
    setv(h, 1, 0x0000000100000000, 0);
    ck_assert(exec1(h, 0x7e614820u /* uqxtn h0, s1 */));
    ck_v(0, 0, 0);
    ck_assert(exec1(h, 0x5ea14820u /* sqxtn s0, d1 */));
    ck_v(0, 0x7fffffff, 0);
    a64h_free(h);
}
END_TEST

START_TEST(test_pairwise_long_adds_and_shll)
{
    a64h *h = a64h_new();
    setv(h, 1, 0x0000000200ff80ff, 0);
    setv(h, 0, 0x0001000100010001, 0x55);
    ck_assert(exec1(h, 0x2e206820u /* uadalp v0.4h, v1.8b */));
    ck_v(0, 0x0001000301000180, 0);
    ck_assert(exec1(h, 0x0e202820u /* saddlp v0.4h, v1.8b */));
    ck_v(0, 0x00000002ffffff7f, 0);
    setv(h, 1, 0, 0x8000000100000002);
    ck_assert(exec1(h, 0x6ea13820u /* shll2 v0.2d, v1.4s, #32 */));
    ck_v(0, 0x0000000200000000, 0x8000000100000000);
    a64h_free(h);
}
END_TEST

START_TEST(test_unsigned_reciprocal_estimates)
{
    a64h *h = a64h_new();
    /* lanes below 0.5 (URECPE) or 0.25 (URSQRTE) give all ones */
    setv(h, 1, 0x7fffffff80000000, 0xc0000000ffffffff);
    ck_assert(exec1(h, 0x4ea1c820u /* urecpe v0.4s, v1.4s */));
    ck_v(0, 0xffffffffff800000, 0xaa80000080000000); /* 1/1.5 ~ 0x155 */
    setv(h, 1, 0x3fffffff40000000, 0x12345678);
    ck_assert(exec1(h, 0x2ea1c820u /* ursqrte v0.2s, v1.2s */));
    ck_v(0, 0xffffffffff800000, 0);
    a64h_free(h);
}
END_TEST

/* ---- shift by immediate ---- */

START_TEST(test_right_shifts_by_immediate)
{
    a64h *h = a64h_new();
    setv(h, 1, 0x8000000000000000, 0x7fffffffffffffff);
    ck_assert(exec1(h, 0x4f400420u /* sshr v0.2d, v1.2d, #64 */));
    ck_v(0, ~0ull, 0); /* a shift by the element size keeps the sign */
    ck_assert(exec1(h, 0x6f400420u /* ushr v0.2d, v1.2d, #64 */));
    ck_v(0, 0, 0);
    ck_assert(exec1(h, 0x6f402420u /* urshr v0.2d, v1.2d, #64 */));
    ck_v(0, 1, 0); /* rounding carries the top bit in */
    setv(h, 1, 0x00fd0005000300fb, 0);
    ck_assert(exec1(h, 0x0f1f2420u /* srshr v0.4h, v1.4h, #1 */));
    ck_v(0, 0x007f00030002007e, 0);
    setv(h, 0, 0x0001000100010001, 0);
    ck_assert(exec1(h, 0x2f1e1420u /* usra v0.4h, v1.4h, #2 */));
    ck_v(0, 0x004000020001003f, 0);
    a64h_free(h);
}
END_TEST

START_TEST(test_insert_and_left_shifts_by_immediate)
{
    a64h *h = a64h_new();
    setv(h, 1, 0xf0f0f0f0f0f0f0f0, 0);
    setv(h, 0, 0xffffffffffffffff, 0);
    ck_assert(exec1(h, 0x2f0c4420u /* sri v0.8b, v1.8b, #4 */));
    ck_v(0, 0xffffffffffffffff, 0); /* Vd's top 4 bits kept */
    setv(h, 0, 0, 0);
    ck_assert(exec1(h, 0x2f0c4420u /* sri v0.8b, v1.8b, #4 */));
    ck_v(0, 0x0f0f0f0f0f0f0f0f, 0);
    setv(h, 0, 0x0303030303030303, 0);
    ck_assert(exec1(h, 0x2f0a5420u /* sli v0.8b, v1.8b, #2 */));
    ck_v(0, 0xc3c3c3c3c3c3c3c3, 0);
    ck_assert(exec1(h, 0x4f245420u /* shl v0.4s, v1.4s, #4 */));
    ck_v(0, 0x0f0f0f000f0f0f00, 0);
    setv(h, 1, 0x0000ffff00400081, 0);
    ck_assert(exec1(h, 0x2f186420u /* sqshlu v0.4h, v1.4h, #8 */));
    ck_v(0, 0x0000000040008100, 0); /* -1 clamps to 0 */
    ck_assert(QC);
    h->cpu->fpsr = 0;
    ck_assert(exec1(h, 0x2f117420u /* uqshl v0.4h, v1.4h, #1 */));
    ck_v(0, 0x0000ffff00800102, 0);
    ck_assert(QC);
    a64h_free(h);
}
END_TEST

START_TEST(test_narrowing_shifts_and_2_forms)
{
    a64h *h = a64h_new();
    setv(h, 1, 0x0000000112345678, 0x7fffffff80000000);
    setv(h, 0, 0xaaaaaaaaaaaaaaaa, 0xbbbbbbbbbbbbbbbb);
    ck_assert(exec1(h, 0x4f108420u /* shrn2 v0.8h, v1.4s, #16 */));
    ck_v(0, 0xaaaaaaaaaaaaaaaa, 0x7fff800000001234);
    ck_assert(exec1(h, 0x0f108c20u /* rshrn v0.4h, v1.4s, #16 */));
    ck_v(0, 0x8000800000001234, 0);
    ck_assert(!QC);
    ck_assert(exec1(h, 0x0f189c20u /* sqrshrn v0.4h, v1.4s, #8 */));
    ck_v(0, 0x7fff800000007fff, 0);
    ck_assert(QC);
    ck_assert(exec1(h, 0x2f108420u /* sqshrun v0.4h, v1.4s, #16 */));
    ck_v(0, 0x7fff000000001234, 0); /* negative -> 0 */
    setv(h, 1, 0x0000000000001234, 0);
    ck_assert(exec1(h, 0x7f0c9c20u /* uqrshrn b0, h1, #4 */));
    ck_v(0, 0xff, 0);
    a64h_free(h);
}
END_TEST

START_TEST(test_widening_shift_left_and_extend)
{
    a64h *h = a64h_new();
    setv(h, 1, 0x000000000000ff7f, 0x0000000080000001);
    ck_assert(exec1(h, 0x0f0ca420u /* sshll v0.8h, v1.8b, #4 */));
    ck_v(0, 0x0000fff007f0ull, 0);
    ck_assert(exec1(h, 0x4f20a420u /* sxtl2 v0.2d, v1.4s */));
    ck_v(0, 0xffffffff80000001, 0);
    ck_assert(exec1(h, 0x6f20a420u /* uxtl2 v0.2d, v1.4s */));
    ck_v(0, 0x80000001, 0);
    a64h_free(h);
}
END_TEST

/* ---- across lanes ---- */

START_TEST(test_across_lane_reductions)
{
    a64h *h = a64h_new();
    setv(h, 1, 0x80ff7f0102030405, 0x1010101010101010);
    ck_assert(exec1(h, 0x4e31b820u /* addv b0, v1.16b */));
    ck_v(0, (0x80 + 0xff + 0x7f + 1 + 2 + 3 + 4 + 5 + 8 * 0x10) & 0xff, 0);
    ck_assert(exec1(h, 0x6e303820u /* uaddlv h0, v1.16b */));
    ck_v(0, 0x80 + 0xff + 0x7f + 1 + 2 + 3 + 4 + 5 + 8 * 0x10, 0);
    ck_assert(exec1(h, 0x0e303820u /* saddlv h0, v1.8b */));
    ck_v(0, (uint16_t)(-128 - 1 + 127 + 1 + 2 + 3 + 4 + 5), 0);
    ck_assert(exec1(h, 0x0e30a820u /* smaxv b0, v1.8b */));
    ck_v(0, 0x7f, 0);
    ck_assert(exec1(h, 0x0e31a820u /* sminv b0, v1.8b */));
    ck_v(0, 0x80, 0);
    ck_assert(exec1(h, 0x6e70a820u /* umaxv h0, v1.8h */));
    ck_v(0, 0x80ff, 0);
    a64h_free(h);
}
END_TEST

/* ---- by element ---- */

START_TEST(test_by_element_uses_the_high_index)
{
    a64h *h = a64h_new();
    setv(h, 1, 0x0004000300020001, 0x0008000700060005);
    setv(h, 15, 0, 0x0003000000000000); /* h[7] = 3 */
    ck_assert(exec1(h, 0x4f7f8820u /* mul v0.8h, v1.8h, v15.h[7] */));
    ck_v(0, 0x000c000900060003, 0x001800150012000f);
    setv(h, 31, 0, 0x0000000200000000); /* s[3] = 2 */
    setv(h, 0, 1, 1);
    ck_assert(exec1(h, 0x6fbf0820u /* mla v0.4s, v1.4s, v31.s[3] */));
    ck_v(0, 0x0008000600040003, 0x0010000e000c000b);
    ck_assert(exec1(h, 0x4f7fa820u /* smull2 v0.4s, v1.8h, v15.h[7] */));
    ck_v(0, 0x000000120000000f, 0x0000001800000015);
    setv(h, 1, 0x8000, 0);
    setv(h, 2, 0x8000000000000000, 0);
    ck_assert(exec1(h, 0x0f72c020u /* sqdmulh v0.4h, v1.4h, v2.h[3] */));
    ck_v(0, 0x7fff, 0);
    ck_assert(QC);
    h->cpu->fpsr = 0;
    setv(h, 1, 0x00000000ffff0003, 0);
    setv(h, 2, 0x0000000000000000, 0x0004000000000000);
    ck_assert(exec1(h, 0x5f72b820u /* sqdmull s0, h1, v2.h[7] */));
    ck_v(0, 24, 0);
    ck_assert(!QC);
    a64h_free(h);
}
END_TEST

/* ---- scalar forms ---- */

START_TEST(test_scalar_forms)
{
    a64h *h = a64h_new();
    setv(h, 1, 0xfffffffffffffff0, 7);
    ck_assert(exec1(h, 0x5f7e0420u /* sshr d0, d1, #2 */));
    ck_v(0, 0xfffffffffffffffc, 0);
    ck_assert(exec1(h, 0x5ef1b820u /* addp d0, v1.2d */));
    ck_v(0, 0xfffffffffffffff7, 0);
    ck_assert(exec1(h, 0x7ee0b820u /* neg d0, d1 */));
    ck_v(0, 0x10, 0);
    ck_assert(exec1(h, 0x5f0b7420u /* sqshl b0, b1, #3 */));
    ck_v(0, 0x80, 0);
    ck_assert(exec1(h, 0x5e180420u /* dup d0, v1.d[1] */));
    ck_v(0, 7, 0);
    setv(h, 2, 0xff, 0);
    ck_assert(exec1(h, 0x7ee23420u /* cmhi d0, d1, d2 */));
    ck_v(0, ~0ull, 0);
    a64h_free(h);
}
END_TEST

/* ---- allocation ---- */

START_TEST(test_reserved_encodings_are_undefined)
{
    static const uint32_t undef[] = {
        0x4ee28420u /* add v0.2d, v1.2d, v2.2d */ & ~0x40000000u,   /* 1D */
        0x4ea20420u /* shadd v0.4s, v1.4s, v2.4s */ | 0x00c00000u,  /* size 11 */
        0x4ea29c20u /* mul v0.4s, v1.4s, v2.4s */ | 0x00c00000u,
        0x6e229c20u /* pmul v0.16b, v1.16b, v2.16b */ | 0x00400000u,
        0x5ee28420u /* add d0, d1, d2 */ & ~0x00400000u,            /* scalar S */
        0x4ee09820u /* cmeq v0.2d, v1.2d, #0 */ & ~0x40000000u,
        0x0ea12820u /* xtn v0.2s, v1.2d */ | 0x00400000u,           /* size 11 */
        0x6e600820u /* rev32 v0.8h, v1.8h */ ^ 0x00c00000u,         /* 32-bit */
        0x4e180420u /* dup v0.2d, v1.d[1] */ & ~0x40000000u,
        0x4e080c20u /* dup v0.2d, x1 */ & ~0x40000000u,
        0x4e0c1c20u /* ins v0.s[1], w1 */ & ~0x40000000u,
        0x0e0c3c20u /* umov w0, v1.s[1] */ | 0x40000000u,           /* X from S */
        0x4e0c2c20u /* smov x0, v1.s[1] */ & ~0x40000000u,          /* W from S */
        0x0e010420u /* dup v0.8b, v1.b[0] */ & ~0x001f0000u,        /* imm5 0 */
        0x6e024020u /* ext v0.16b, v1.16b, v2.16b, #8 */ & ~0x40000000u,
        0x4ec23820u /* zip1 v0.2d, v1.2d, v2.2d */ & ~0x40000000u,
        0x4e020020u /* tbl v0.16b, {v1.16b}, v2.16b */ | 0x00400000u,
        0x4f7f0420u /* sshr v0.2d, v1.2d, #1 */ & ~0x40000000u,
        0x0f3f8420u /* shrn v0.2s, v1.2d, #1 */ | 0x00400000u,      /* immh 1xxx */
        0x5f7f0420u /* sshr d0, d1, #1 */ & ~0x00400000u,           /* scalar S */
        0x4eb1b820u /* addv s0, v1.4s */ & ~0x40000000u,
        0x0ea2c020u /* smull v0.2d, v1.2s, v2.2s */ | 0x00400000u,
        0x4f828020u /* mul v0.4s, v1.4s, v2.s[0] */ | 0x00400000u,  /* by elem D */
        0x4f828020u /* mul v0.4s, v1.4s, v2.s[0] */ & ~0x00800000u, /* by elem B */
        0x4e62b420u /* sqdmulh v0.8h, v1.8h, v2.8h */ & ~0x00400000u, /* 8-bit */
        0x6e428420u /* sqrdmlah v0.8h, v1.8h, v2.8h */,              /* Armv8.1 */
    };
    a64h *h = a64h_new();
    for (size_t i = 0; i < sizeof(undef) / sizeof(undef[0]); i++) {
        setv(h, 0, 0x1234, 0x5678);
        ck_assert_msg(!exec1(h, undef[i]), "%08x executed", undef[i]);
        ck_assert_uint_eq(h->cpu->esr >> 26, A64_EC_UNKNOWN);
        ck_v(0, 0x1234, 0x5678); /* nothing written */
    }
    a64h_free(h);
}
END_TEST

START_TEST(test_floating_point_encodings_are_left_to_fp)
{
    /* a64_exec_fp() owns these; the SIMD executor must refuse them */
    static const uint32_t fp[] = {
        0x4e22d420u /* fadd v0.4s, v1.4s, v2.4s */,
        0x4f03f600u /* fmov v0.4s, #1.0 */,
        0x6f03f600u /* fmov v0.2d, #1.0 */,
        0x4e61d820u /* scvtf v0.2d, v1.2d */,
        0x4f3dfc20u /* fcvtzs v0.4s, v1.4s, #3 */,
        0x4fa21020u /* fmla v0.4s, v1.4s, v2.s[1] */,
        0x6e30f820u /* fmaxv s0, v1.4s */,
        0x4ee0d820u /* fcmeq v0.2d, v1.2d, #0.0 */,
        0x7e70d820u /* faddp d0, v1.2d */,
        0x1e222820u /* fadd s0, s1, s2 */,
    };
    a64h *h = a64h_new();
    for (size_t i = 0; i < sizeof(fp) / sizeof(fp[0]); i++)
        ck_assert_int_eq(a64_exec_simd(h->cpu, fp[i]), A64_UNDEF);
    a64h_free(h);
}
END_TEST

START_TEST(test_without_asimd_everything_is_undefined)
{
    a64h *h = a64h_new();
    h->cpu->hwcap &= ~A64_HWCAP_ASIMD;
    ck_assert(!exec1(h, 0x4ea28420u /* add v0.4s, v1.4s, v2.4s */));
    a64h_free(h);
}
END_TEST

static Suite *a64_simd_suite(void)
{
    Suite *s = suite_create("a64_simd");
    TCase *tc = tcase_create("simd");
    tcase_add_test(tc, test_add_64bit_form_zeroes_upper_half);
    tcase_add_test(tc, test_saturating_add_sub_set_qc);
    tcase_add_test(tc, test_scalar_saturating_add_writes_one_lane);
    tcase_add_test(tc, test_rounding_register_shifts);
    tcase_add_test(tc, test_compares_signed_and_unsigned);
    tcase_add_test(tc, test_pairwise_ops_take_pairs_of_vm_vn);
    tcase_add_test(tc, test_doubling_multiply_high_rounds_and_saturates);
    tcase_add_test(tc, test_bitwise_select_ops);
    tcase_add_test(tc, test_multiply_accumulate_and_polynomial);
    tcase_add_test(tc, test_tbl_out_of_range_index_gives_zero);
    tcase_add_test(tc, test_tbx_out_of_range_keeps_destination);
    tcase_add_test(tc, test_tbl_register_list_wraps_past_v31);
    tcase_add_test(tc, test_dup_ins_and_moves_to_general_registers);
    tcase_add_test(tc, test_ext_zip_uzp_trn);
    tcase_add_test(tc, test_modified_immediates);
    tcase_add_test(tc, test_widening_adds_and_the_2_forms);
    tcase_add_test(tc, test_high_narrowing_2_form_keeps_low_half);
    tcase_add_test(tc, test_long_multiplies_and_saturating_doubling);
    tcase_add_test(tc, test_pmull_8_and_64_bit);
    tcase_add_test(tc, test_reverse_count_and_bit_ops);
    tcase_add_test(tc, test_abs_neg_and_compare_with_zero);
    tcase_add_test(tc, test_narrowing_moves_and_the_2_forms);
    tcase_add_test(tc, test_pairwise_long_adds_and_shll);
    tcase_add_test(tc, test_unsigned_reciprocal_estimates);
    tcase_add_test(tc, test_right_shifts_by_immediate);
    tcase_add_test(tc, test_insert_and_left_shifts_by_immediate);
    tcase_add_test(tc, test_narrowing_shifts_and_2_forms);
    tcase_add_test(tc, test_widening_shift_left_and_extend);
    tcase_add_test(tc, test_across_lane_reductions);
    tcase_add_test(tc, test_by_element_uses_the_high_index);
    tcase_add_test(tc, test_scalar_forms);
    tcase_add_test(tc, test_reserved_encodings_are_undefined);
    tcase_add_test(tc, test_floating_point_encodings_are_left_to_fp);
    tcase_add_test(tc, test_without_asimd_everything_is_undefined);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(a64_simd_suite());
}
