/*
 * The A64 Advanced SIMD structure loads and stores (a64_exec_simd_ldst.c)
 * and the crypto extension (a64_exec_crypto.c). Instruction words come
 * from aarch64-linux-gnu-as; the crypto instructions are driven through
 * a64_exec_crypto() directly, the way the SIMD executor hands them over.
 */
#include <check.h>
#include <stdio.h>

#include "a64_harness.h"
#include "testutil.h"

/* Run the one instruction insn at A64H_BASE: -1 when it completed (pc
 * then moved on by 4), else the exception class it trapped with (pc then
 * still on it). */
static int run1(a64h *h, uint32_t insn)
{
    memcpy(h->mem, &insn, 4);
    a64_tlb_flush(h->cpu);
    h->cpu->pc = A64H_BASE;
    bool trapped;
    a64_run(h->cpu, 1, &trapped);
    if (!trapped) {
        ck_assert_uint_eq(h->cpu->pc, A64H_BASE + 4);
        return -1;
    }
    ck_assert_uint_eq(h->cpu->pc, A64H_BASE);
    return (int)(h->cpu->esr >> 26);
}

/* Guest memory at A64H_DATA filled with a pattern no two bytes of which
 * (in 256) are equal; registers filled with 0xee so changes show. */
static a64h *setup(void)
{
    a64h *h = a64h_new();
    uint8_t *p = a64h_mem(h, A64H_DATA);
    for (unsigned i = 0; i < 256; i++)
        p[i] = (uint8_t)(0x80 + i);
    memset(h->cpu->v, 0xee, sizeof(h->cpu->v));
    h->cpu->x[0] = A64H_DATA;
    return h;
}

static uint8_t mem8(a64h *h, unsigned off)
{
    return *(uint8_t *)a64h_mem(h, A64H_DATA + off);
}

/*
 * What a multiple-structure load must leave: element e of register
 * t + r + s (mod 32) holds the ebytes at ((r * elements + e) * selem + s)
 * * ebytes; with Q=0 the upper half is zero. Checked byte by byte.
 */
static void check_multiple(a64h *h, unsigned t, unsigned rpt,
                           unsigned selem, unsigned ebytes, bool q)
{
    unsigned elements = (q ? 16 : 8) / ebytes;
    for (unsigned r = 0; r < rpt; r++)
        for (unsigned s = 0; s < selem; s++) {
            const a64_vreg *v = &h->cpu->v[(t + r + s) % 32];
            for (unsigned e = 0; e < elements; e++)
                for (unsigned k = 0; k < ebytes; k++)
                    ck_assert_uint_eq(
                        v->b[e * ebytes + k],
                        mem8(h, ((r * elements + e) * selem + s) * ebytes + k));
            if (!q)
                ck_assert_uint_eq(v->d[1], 0);
        }
}

START_TEST(test_ld1_loads_consecutive_registers)
{
    a64h *h = setup();
    ck_assert_int_eq(run1(h, 0x4c407000), -1); /* ld1 {v0.16b}, [x0] */
    check_multiple(h, 0, 1, 1, 1, true);
    ck_assert_uint_eq(h->cpu->v[1].b[0], 0xee);
    ck_assert_int_eq(run1(h, 0x4c402800), -1); /* ld1 {v0.4s-v3.4s}, [x0] */
    check_multiple(h, 0, 4, 1, 4, true);
    ck_assert_uint_eq(h->cpu->v[3].b[15], 0x80 + 63);
    ck_assert_int_eq(run1(h, 0x4c406c05), -1); /* ld1 {v5.2d-v7.2d}, [x0] */
    check_multiple(h, 5, 3, 1, 8, true);
    ck_assert_uint_eq(h->cpu->v[8].b[0], 0xee);
    ck_assert_uint_eq(h->cpu->x[0], A64H_DATA); /* no writeback */
    a64h_free(h);
}
END_TEST

START_TEST(test_ld1_q0_zeroes_the_upper_halves)
{
    a64h *h = setup();
    ck_assert_int_eq(run1(h, 0x0c40a001), -1); /* ld1 {v1.8b, v2.8b}, [x0] */
    check_multiple(h, 1, 2, 1, 1, false);
    ck_assert_uint_eq(h->cpu->v[2].b[0], 0x88);
    ck_assert_uint_eq(h->cpu->v[3].d[1], 0xeeeeeeeeeeeeeeeeull);
    ck_assert_uint_eq(h->cpu->v[0].d[1], 0xeeeeeeeeeeeeeeeeull);
    a64h_free(h);
}
END_TEST

START_TEST(test_ld2_ld3_ld4_deinterleave)
{
    a64h *h = setup();
    ck_assert_int_eq(run1(h, 0x4c408400), -1); /* ld2 {v0.8h, v1.8h}, [x0] */
    check_multiple(h, 0, 1, 2, 2, true);
    ck_assert_uint_eq(h->cpu->v[1].h[0], 0x8382); /* bytes 2, 3 */
    ck_assert_uint_eq(h->cpu->v[0].h[1], 0x8584);
    ck_assert_int_eq(run1(h, 0x4c404000), -1); /* ld3 {v0-v2.16b}, [x0] */
    check_multiple(h, 0, 1, 3, 1, true);
    ck_assert_uint_eq(h->cpu->v[0].b[1], 0x83);
    ck_assert_uint_eq(h->cpu->v[2].b[15], 0x80 + 47);
    ck_assert_int_eq(run1(h, 0x4c400800), -1); /* ld4 {v0-v3.4s}, [x0] */
    check_multiple(h, 0, 1, 4, 4, true);
    ck_assert_uint_eq(h->cpu->v[3].s[1], 0x9f9e9d9c); /* bytes 28..31 */
    ck_assert_int_eq(run1(h, 0x0c408000), -1); /* ld2 {v0.8b, v1.8b}, [x0] */
    check_multiple(h, 0, 1, 2, 1, false);
    ck_assert_uint_eq(h->cpu->v[1].b[7], 0x8f);
    ck_assert_uint_eq(h->cpu->v[2].b[0], 0x88); /* from the ld4 before */
    a64h_free(h);
}
END_TEST

START_TEST(test_ld4_register_numbers_wrap_at_32)
{
    a64h *h = setup();
    /* ld4 {v30.16b, v31.16b, v0.16b, v1.16b}, [x0] */
    ck_assert_int_eq(run1(h, 0x4c40001e), -1);
    check_multiple(h, 30, 1, 4, 1, true);
    ck_assert_uint_eq(h->cpu->v[30].b[0], 0x80);
    ck_assert_uint_eq(h->cpu->v[0].b[0], 0x82);
    ck_assert_uint_eq(h->cpu->v[1].b[15], 0x80 + 63);
    ck_assert_uint_eq(h->cpu->v[2].b[0], 0xee);
    ck_assert_uint_eq(h->cpu->v[29].b[0], 0xee);
    a64h_free(h);
}
END_TEST

/* Registers v[r] filled with bytes 16 * r + i (so every byte names its
 * register and lane), and memory after A64H_DATA cleared to 0x55. */
static void fill_regs(a64h *h)
{
    for (unsigned r = 0; r < 32; r++)
        for (unsigned i = 0; i < 16; i++)
            h->cpu->v[r].b[i] = (uint8_t)(16 * r + i);
    memset(a64h_mem(h, A64H_DATA), 0x55, 256);
}

START_TEST(test_st1_to_st4_interleave_byte_by_byte)
{
    a64h *h = setup();
    fill_regs(h);
    ck_assert_int_eq(run1(h, 0x4c00a000), -1); /* st1 {v0.16b, v1.16b} */
    for (unsigned i = 0; i < 32; i++)
        ck_assert_uint_eq(mem8(h, i), i);
    ck_assert_uint_eq(mem8(h, 32), 0x55);

    fill_regs(h);
    ck_assert_int_eq(run1(h, 0x4c000000), -1); /* st4 {v0-v3.16b}, [x0] */
    for (unsigned e = 0; e < 16; e++)
        for (unsigned s = 0; s < 4; s++)
            ck_assert_uint_eq(mem8(h, 4 * e + s), 16 * s + e);
    ck_assert_uint_eq(mem8(h, 64), 0x55);

    fill_regs(h);
    ck_assert_int_eq(run1(h, 0x0c008400), -1); /* st2 {v0.4h, v1.4h} */
    for (unsigned e = 0; e < 4; e++)
        for (unsigned s = 0; s < 2; s++)
            for (unsigned k = 0; k < 2; k++)
                ck_assert_uint_eq(mem8(h, (2 * e + s) * 2 + k),
                                  16 * s + 2 * e + k);
    ck_assert_uint_eq(mem8(h, 16), 0x55); /* Q=0: 16 bytes only */

    fill_regs(h);
    ck_assert_int_eq(run1(h, 0x0c004800), -1); /* st3 {v0-v2.2s}, [x0] */
    for (unsigned e = 0; e < 2; e++)
        for (unsigned s = 0; s < 3; s++)
            for (unsigned k = 0; k < 4; k++)
                ck_assert_uint_eq(mem8(h, (3 * e + s) * 4 + k),
                                  16 * s + 4 * e + k);
    ck_assert_uint_eq(mem8(h, 24), 0x55);

    fill_regs(h);
    /* st4 {v29.8h, v30.8h, v31.8h, v0.8h}, [x0]: the list wraps */
    ck_assert_int_eq(run1(h, 0x4c00041d), -1);
    for (unsigned e = 0; e < 8; e++)
        for (unsigned s = 0; s < 4; s++)
            for (unsigned k = 0; k < 2; k++)
                ck_assert_uint_eq(mem8(h, (4 * e + s) * 2 + k),
                                  (16 * ((29 + s) % 32) + 2 * e + k) & 0xff);
    ck_assert_uint_eq(mem8(h, 64), 0x55);
    a64h_free(h);
}
END_TEST

START_TEST(test_store_then_load_round_trips)
{
    a64h *h = setup();
    fill_regs(h);
    a64_vreg saved[4];
    memcpy(saved, &h->cpu->v[4], sizeof(saved));
    /* st4 {v0-v3.16b} with v4-v7 as the source: write them, load back */
    ck_assert_int_eq(run1(h, 0x4c000004), -1);
    memset(&h->cpu->v[4], 0, 4 * sizeof(a64_vreg));
    ck_assert_int_eq(run1(h, 0x4c400004), -1); /* ld4 {v4-v7.16b}, [x0] */
    ck_assert_mem_eq(&h->cpu->v[4], saved, sizeof(saved));
    a64h_free(h);
}
END_TEST

START_TEST(test_single_lane_loads_change_only_their_lane)
{
    a64h *h = setup();
    a64_vreg v = h->cpu->v[0];
    ck_assert_int_eq(run1(h, 0x4d401c00), -1); /* ld1 {v0.b}[15], [x0] */
    v.b[15] = 0x80;
    ck_assert_mem_eq(&h->cpu->v[0], &v, 16);

    memset(h->cpu->v, 0xee, sizeof(h->cpu->v));
    ck_assert_int_eq(run1(h, 0x4d604800), -1); /* ld2 {v0.h, v1.h}[5] */
    ck_assert_uint_eq(h->cpu->v[0].h[5], 0x8180);
    ck_assert_uint_eq(h->cpu->v[1].h[5], 0x8382);
    for (unsigned i = 0; i < 8; i++)
        if (i != 5) {
            ck_assert_uint_eq(h->cpu->v[0].h[i], 0xeeee);
            ck_assert_uint_eq(h->cpu->v[1].h[i], 0xeeee);
        }
    ck_assert_uint_eq(h->cpu->v[2].h[5], 0xeeee);

    ck_assert_int_eq(run1(h, 0x4d40b000), -1); /* ld3 {v0-v2.s}[3] */
    ck_assert_uint_eq(h->cpu->v[0].s[3], 0x83828180);
    ck_assert_uint_eq(h->cpu->v[1].s[3], 0x87868584);
    ck_assert_uint_eq(h->cpu->v[2].s[3], 0x8b8a8988);
    ck_assert_uint_eq(h->cpu->v[2].s[2], 0xeeeeeeee);
    ck_assert_uint_eq(h->cpu->v[1].s[2], 0x8382eeee); /* ld2's lane */

    memset(h->cpu->v, 0xee, sizeof(h->cpu->v));
    ck_assert_int_eq(run1(h, 0x4d60a400), -1); /* ld4 {v0-v3.d}[1] */
    for (unsigned s = 0; s < 4; s++) {
        uint64_t want;
        memcpy(&want, a64h_mem(h, A64H_DATA + 8 * s), 8);
        ck_assert_uint_eq(h->cpu->v[s].d[1], want);
        ck_assert_uint_eq(h->cpu->v[s].d[0], 0xeeeeeeeeeeeeeeeeull);
    }

    /* Q=0 lane forms keep the upper half: ld4 {v31.b, v0-v2.b}[0] */
    memset(h->cpu->v, 0xee, sizeof(h->cpu->v));
    ck_assert_int_eq(run1(h, 0x0d60201f), -1);
    ck_assert_uint_eq(h->cpu->v[31].b[0], 0x80);
    ck_assert_uint_eq(h->cpu->v[0].b[0], 0x81);
    ck_assert_uint_eq(h->cpu->v[2].b[0], 0x83);
    ck_assert_uint_eq(h->cpu->v[31].d[1], 0xeeeeeeeeeeeeeeeeull);
    ck_assert_uint_eq(h->cpu->v[3].b[0], 0xee);
    a64h_free(h);
}
END_TEST

START_TEST(test_single_lane_stores_write_only_the_structure)
{
    a64h *h = setup();
    fill_regs(h);
    ck_assert_int_eq(run1(h, 0x4d008400), -1); /* st1 {v0.d}[1], [x0] */
    for (unsigned k = 0; k < 8; k++)
        ck_assert_uint_eq(mem8(h, k), 8 + k);
    ck_assert_uint_eq(mem8(h, 8), 0x55);

    fill_regs(h);
    ck_assert_int_eq(run1(h, 0x4d202400), -1); /* st4 {v0-v3.b}[9] */
    for (unsigned s = 0; s < 4; s++)
        ck_assert_uint_eq(mem8(h, s), 16 * s + 9);
    ck_assert_uint_eq(mem8(h, 4), 0x55);
    a64h_free(h);
}
END_TEST

START_TEST(test_load_replicate_fills_every_lane)
{
    a64h *h = setup();
    ck_assert_int_eq(run1(h, 0x0d40c000), -1); /* ld1r {v0.8b}, [x0] */
    ck_assert_uint_eq(h->cpu->v[0].d[0], 0x8080808080808080ull);
    ck_assert_uint_eq(h->cpu->v[0].d[1], 0); /* Q=0 */
    ck_assert_uint_eq(h->cpu->v[1].b[0], 0xee);

    ck_assert_int_eq(run1(h, 0x4d60e800), -1); /* ld4r {v0-v3.4s}, [x0] */
    for (unsigned s = 0; s < 4; s++)
        for (unsigned e = 0; e < 4; e++)
            ck_assert_uint_eq(h->cpu->v[s].s[e],
                              0x83828180u + 0x04040404u * s);

    ck_assert_int_eq(run1(h, 0x4d60cc00), -1); /* ld2r {v0.2d, v1.2d} */
    ck_assert_uint_eq(h->cpu->v[1].d[0], 0x8f8e8d8c8b8a8988ull);
    ck_assert_uint_eq(h->cpu->v[1].d[1], 0x8f8e8d8c8b8a8988ull);
    ck_assert_uint_eq(h->cpu->v[0].d[1], 0x8786858483828180ull);

    memset(h->cpu->v, 0xee, sizeof(h->cpu->v));
    ck_assert_int_eq(run1(h, 0x0d40e400), -1); /* ld3r {v0-v2.4h}, [x0] */
    ck_assert_uint_eq(h->cpu->v[2].d[0], 0x8584858485848584ull);
    ck_assert_uint_eq(h->cpu->v[2].d[1], 0);
    ck_assert_uint_eq(h->cpu->v[3].d[0], 0xeeeeeeeeeeeeeeeeull);
    a64h_free(h);
}
END_TEST

START_TEST(test_post_index_by_immediate_and_register)
{
    a64h *h = setup();
    ck_assert_int_eq(run1(h, 0x4cdf7000), -1); /* ld1 {v0.16b}, [x0], #16 */
    ck_assert_uint_eq(h->cpu->x[0], A64H_DATA + 16);
    ck_assert_uint_eq(h->cpu->v[0].b[0], 0x80); /* from the old base */

    h->cpu->x[2] = (uint64_t)-48;
    ck_assert_int_eq(run1(h, 0x4cc27000), -1); /* ld1 {v0.16b}, [x0], x2 */
    ck_assert_uint_eq(h->cpu->v[0].b[0], 0x90);
    ck_assert_uint_eq(h->cpu->x[0], A64H_DATA - 32);

    h->cpu->x[0] = A64H_DATA + 5;
    ck_assert_int_eq(run1(h, 0x0ddf0000), -1); /* ld1 {v0.b}[0], [x0], #1 */
    ck_assert_uint_eq(h->cpu->v[0].b[0], 0x85);
    ck_assert_uint_eq(h->cpu->x[0], A64H_DATA + 6);

    h->cpu->x[0] = A64H_DATA;
    ck_assert_int_eq(run1(h, 0x0ddfe000), -1); /* ld3r {v0-v2.8b}, [x0], #3 */
    ck_assert_uint_eq(h->cpu->x[0], A64H_DATA + 3);
    ck_assert_uint_eq(h->cpu->v[2].d[0], 0x8282828282828282ull);

    fill_regs(h);
    h->cpu->x[0] = A64H_DATA;
    h->cpu->x[3] = 100;
    /* st2 {v0.s, v1.s}[1], [x0], x3 */
    ck_assert_int_eq(run1(h, 0x0da39000), -1);
    ck_assert_uint_eq(h->cpu->x[0], A64H_DATA + 100);
    ck_assert_uint_eq(mem8(h, 0), 4);
    ck_assert_uint_eq(mem8(h, 4), 16 + 4);
    ck_assert_uint_eq(mem8(h, 8), 0x55);

    h->cpu->x[0] = A64H_DATA;
    ck_assert_int_eq(run1(h, 0x4c9f2000), -1); /* st1 {v0-v3.16b}, [x0], #64 */
    ck_assert_uint_eq(h->cpu->x[0], A64H_DATA + 64);
    ck_assert_uint_eq(mem8(h, 63), 63);
    a64h_free(h);
}
END_TEST

START_TEST(test_sp_base_must_be_aligned)
{
    a64h *h = setup();
    h->cpu->x[31] = A64H_DATA;
    ck_assert_int_eq(run1(h, 0x4cdf73e0), -1); /* ld1 {v0.16b}, [sp], #16 */
    ck_assert_uint_eq(h->cpu->x[31], A64H_DATA + 16);
    ck_assert_uint_eq(h->cpu->v[0].b[0], 0x80);
    /* SP alignment checking (SCTLR_EL1.SA0): a misaligned SP as the base
     * faults before any access */
    h->cpu->x[31] = A64H_DATA + 8;
    memset(&h->cpu->v[0], 0xee, 16);
    ck_assert_int_eq(run1(h, 0x4cdf73e0), A64_EC_SP_ALIGN);
    ck_assert_uint_eq(h->cpu->x[31], A64H_DATA + 8);
    ck_assert_uint_eq(h->cpu->v[0].b[0], 0xee);
    a64h_free(h);
}
END_TEST

START_TEST(test_load_fault_mid_structure_changes_nothing)
{
    a64h *h = setup();
    uint64_t base = A64H_BASE + A64H_SIZE - 32; /* the last 32 bytes map */
    h->cpu->x[0] = base;
    a64_vreg before[32];
    memcpy(before, h->cpu->v, sizeof(before));
    /* ld4 {v0-v3.16b}, [x0], #64: the fourth 16 bytes are unmapped */
    ck_assert_int_eq(run1(h, 0x4cdf0000), A64_EC_DABORT);
    ck_assert_uint_eq(h->cpu->far, A64H_BASE + A64H_SIZE);
    ck_assert(!(h->cpu->esr & A64_ISS_WNR));
    ck_assert_mem_eq(h->cpu->v, before, sizeof(before));
    ck_assert_uint_eq(h->cpu->x[0], base);
    /* the same for a replicate that straddles the end */
    h->cpu->x[0] = A64H_BASE + A64H_SIZE - 8;
    ck_assert_int_eq(run1(h, 0x4d60e800), A64_EC_DABORT); /* ld4r .4s */
    ck_assert_mem_eq(h->cpu->v, before, sizeof(before));
    a64h_free(h);
}
END_TEST

START_TEST(test_store_fault_writes_nothing)
{
    a64h *h = setup();
    fill_regs(h);
    h->readonly_data = true; /* A64H_DATA's page refuses writes */
    uint64_t base = A64H_DATA - 32;
    memset(a64h_mem(h, base), 0x55, 32);
    h->cpu->x[0] = base;
    /* st1 {v0-v3.16b}, [x0], #64: the first half lands on a writable page */
    ck_assert_int_eq(run1(h, 0x4c9f2000), A64_EC_DABORT);
    ck_assert(h->cpu->esr & A64_ISS_WNR);
    ck_assert_uint_eq(h->cpu->esr & 0x3f, A64_FSC_PERMISSION | 3);
    ck_assert_uint_eq(h->cpu->far, A64H_DATA);
    for (unsigned i = 0; i < 32; i++)
        ck_assert_uint_eq(*(uint8_t *)a64h_mem(h, base + i), 0x55);
    ck_assert_uint_eq(h->cpu->x[0], base);
    a64h_free(h);
}
END_TEST

START_TEST(test_store_clears_the_exclusive_monitor)
{
    a64h *h = setup();
    h->cpu->excl_valid = true;
    h->cpu->excl_addr = A64H_DATA + 40;
    h->cpu->excl_size = 8;
    ck_assert_int_eq(run1(h, 0x4c00a000), -1); /* st1 {v0, v1.16b}: 0..31 */
    ck_assert(h->cpu->excl_valid);
    ck_assert_int_eq(run1(h, 0x4c000000), -1); /* st4 {v0-v3.16b}: 0..63 */
    ck_assert(!h->cpu->excl_valid);
    a64h_free(h);
}
END_TEST

START_TEST(test_reserved_structure_encodings_are_undefined)
{
    static const uint32_t undef[] = {
        0x0c408c00, /* ld2 {v0.1d, v1.1d}: size 11 with Q 0 */
        0x4c401000, /* multiple, opcode 0001 */
        0x4c409000, /* multiple, opcode 1001 */
        0x4c417000, /* multiple without post-index, bit 16 set */
        0x4cff7000, /* multiple post-index with bit 21 set */
        0x4d411c00, /* single without post-index, bit 16 set */
        0x0d40d000, /* ld1r with S = 1 */
        0x0d00c000, /* "st1r": replicate is load-only */
        0x0d404400, /* h lane with size<0> = 1 */
        0x0d408800, /* s lane with size<1> = 1 */
        0x0d409400, /* d lane with S = 1 */
    };
    a64h *h = setup();
    a64_vreg before[32];
    memcpy(before, h->cpu->v, sizeof(before));
    for (size_t i = 0; i < sizeof(undef) / sizeof(undef[0]); i++) {
        ck_assert_int_eq(run1(h, undef[i]), A64_EC_UNKNOWN);
        ck_assert_uint_eq(h->cpu->x[0], A64H_DATA);
    }
    ck_assert_mem_eq(h->cpu->v, before, sizeof(before));
    /* the valid neighbours of the first: .1d for LD1, .2d for LD2 */
    ck_assert_int_eq(run1(h, 0x0c407c00), -1);
    ck_assert_int_eq(run1(h, 0x4c408c00), -1);
    a64h_free(h);
}
END_TEST

/* ---- crypto ---- */

enum {
    AESE = 0x4e284800, AESD = 0x4e285800, AESMC = 0x4e286800,
    AESIMC = 0x4e287800,
    SHA1C = 0x5e000000, SHA1P = 0x5e001000, SHA1M = 0x5e002000,
    SHA1SU0 = 0x5e003000, SHA256H = 0x5e004000, SHA256H2 = 0x5e005000,
    SHA256SU1 = 0x5e006000,
    SHA1H = 0x5e280800, SHA1SU1 = 0x5e281800, SHA256SU0 = 0x5e282800,
};

/* Execute crypto instruction op with registers d, n, m; it must succeed. */
static void cx(a64_cpu *cpu, uint32_t op, unsigned d, unsigned n, unsigned m)
{
    ck_assert_int_eq(a64_exec_crypto(cpu, op | m << 16 | n << 5 | d), A64_OK);
}

static void set_bytes(a64_vreg *v, const char *hex)
{
    for (unsigned i = 0; i < 16; i++) {
        unsigned x;
        sscanf(hex + 2 * i, "%2x", &x);
        v->b[i] = (uint8_t)x;
    }
}

/* FIPS-197 Appendix C.1: AES-128, key 00..0f, plaintext 00112233..ff.
 * The key schedule's SubWord comes from AESE too: with the word in every
 * column, ShiftRows leaves the state alone and AESE with a zero key is
 * SubBytes. */
START_TEST(test_aes128_fips197_known_answer)
{
    a64_cpu *cpu = a64_cpu_new(0);
    a64_vreg rk[11], pt, ct;
    set_bytes(&rk[0], "000102030405060708090a0b0c0d0e0f");
    set_bytes(&pt, "00112233445566778899aabbccddeeff");
    set_bytes(&ct, "69c4e0d86a7b0430d8cdb78070b4c55a");
    static const uint8_t rcon[10] = {1, 2, 4, 8, 16, 32, 64, 128, 0x1b, 0x36};
    for (unsigned i = 1; i <= 10; i++) {
        uint32_t w = rk[i - 1].s[3];
        w = w >> 8 | w << 24; /* RotWord on little-endian lanes */
        for (unsigned e = 0; e < 4; e++)
            cpu->v[1].s[e] = w;
        memset(&cpu->v[2], 0, 16);
        cx(cpu, AESE, 1, 2, 0);
        w = cpu->v[1].s[0] ^ rcon[i - 1];
        rk[i].s[0] = rk[i - 1].s[0] ^ w;
        for (unsigned e = 1; e < 4; e++)
            rk[i].s[e] = rk[i - 1].s[e] ^ rk[i].s[e - 1];
    }
    a64_vreg want10;
    set_bytes(&want10, "13111d7fe3944a17f307a78b4d2b30c5");
    ck_assert_mem_eq(&rk[10], &want10, 16);
    for (unsigned i = 0; i <= 10; i++)
        cpu->v[10 + i] = rk[i];

    /* encrypt: nine AESE+AESMC rounds, a last AESE, the last key's EOR */
    cpu->v[0] = pt;
    for (unsigned r = 1; r <= 9; r++) {
        cx(cpu, AESE, 0, 10 + r - 1, 0);
        cx(cpu, AESMC, 0, 0, 0);
    }
    cx(cpu, AESE, 0, 19, 0);
    cpu->v[0].d[0] ^= rk[10].d[0];
    cpu->v[0].d[1] ^= rk[10].d[1];
    ck_assert_mem_eq(&cpu->v[0], &ct, 16);

    /* decrypt (the equivalent inverse cipher, FIPS-197 5.3.5): the middle
     * round keys go through InvMixColumns, here AESIMC */
    cx(cpu, AESD, 0, 20, 0);
    for (unsigned r = 9; r >= 1; r--) {
        cx(cpu, AESIMC, 0, 0, 0);
        cx(cpu, AESIMC, 21, 10 + r, 0);
        cx(cpu, AESD, 0, 21, 0);
    }
    cpu->v[0].d[0] ^= rk[0].d[0];
    cpu->v[0].d[1] ^= rk[0].d[1];
    ck_assert_mem_eq(&cpu->v[0], &pt, 16);
    a64_cpu_free(cpu);
}
END_TEST

START_TEST(test_aesmc_and_aesimc_are_inverses)
{
    a64_cpu *cpu = a64_cpu_new(0);
    for (unsigned i = 0; i < 16; i++)
        cpu->v[3].b[i] = (uint8_t)(i * 37 + 5);
    /* the usual MixColumns test column: db 13 53 45 -> 8e 4d a1 bc */
    cpu->v[3].s[0] = 0x455313db;
    cx(cpu, AESMC, 4, 3, 0);
    ck_assert_uint_eq(cpu->v[4].s[0], 0xbca14d8e);
    cx(cpu, AESIMC, 5, 4, 0);
    ck_assert_mem_eq(&cpu->v[5], &cpu->v[3], 16);
    a64_cpu_free(cpu);
}
END_TEST

/* The "abc" message as one padded block of sixteen big-endian words. */
static void abc_block(uint32_t w[16])
{
    memset(w, 0, 16 * sizeof(uint32_t));
    w[0] = 0x61626380;
    w[15] = 24;
}

static void add_k(a64_cpu *cpu, unsigned d, unsigned n, const uint32_t k[4])
{
    for (unsigned e = 0; e < 4; e++)
        cpu->v[d].s[e] = cpu->v[n].s[e] + k[e];
}

/* SHA-1 of "abc" with SHA1C/P/M, SHA1H, SHA1SU0/SU1 as the extension
 * intends: abcd in v0, e in s1, the schedule in v4-v7 (FIPS 180-4 6.1). */
START_TEST(test_sha1_abc_known_answer)
{
    static const uint32_t h0[5] = {0x67452301, 0xefcdab89, 0x98badcfe,
                                   0x10325476, 0xc3d2e1f0};
    static const uint32_t want[5] = {0xa9993e36, 0x4706816a, 0xba3e2571,
                                     0x7850c26c, 0x9cd0d89d};
    static const uint32_t kk[4] = {0x5a827999, 0x6ed9eba1, 0x8f1bbcdc,
                                   0xca62c1d6};
    a64_cpu *cpu = a64_cpu_new(0);
    uint32_t w[16];
    abc_block(w);
    memcpy(cpu->v[4].s, w, sizeof(w)); /* v4..v7 */
    memcpy(cpu->v[0].s, h0, 16);
    memset(&cpu->v[1], 0, 16);
    cpu->v[1].s[0] = h0[4];
    for (unsigned g = 0; g < 20; g++) {
        unsigned cur = 4 + g % 4;
        uint32_t k4[4] = {kk[g / 5], kk[g / 5], kk[g / 5], kk[g / 5]};
        uint32_t op = g < 5 ? SHA1C : g < 10 || g >= 15 ? SHA1P : SHA1M;
        add_k(cpu, 16, cur, k4);
        cx(cpu, SHA1H, 2, 0, 0);  /* the e four rounds on */
        cx(cpu, op, 0, 1, 16);
        cpu->v[1] = cpu->v[2];
        if (g < 16) {
            cx(cpu, SHA1SU0, cur, 4 + (g + 1) % 4, 4 + (g + 2) % 4);
            cx(cpu, SHA1SU1, cur, 4 + (g + 3) % 4, 0);
        }
    }
    for (unsigned i = 0; i < 4; i++)
        ck_assert_uint_eq(cpu->v[0].s[i] + h0[i], want[i]);
    ck_assert_uint_eq(cpu->v[1].s[0] + h0[4], want[4]);
    a64_cpu_free(cpu);
}
END_TEST

/* SHA-256 of "abc" with SHA256H/H2 and SHA256SU0/SU1: abcd in v0, efgh in
 * v1, the schedule in v4-v7 (FIPS 180-4 6.2). */
START_TEST(test_sha256_abc_known_answer)
{
    static const uint32_t k[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
        0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
        0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
        0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
        0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
        0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
        0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
        0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };
    static const uint32_t h0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372,
                                   0xa54ff53a, 0x510e527f, 0x9b05688c,
                                   0x1f83d9ab, 0x5be0cd19};
    static const uint32_t want[8] = {0xba7816bf, 0x8f01cfea, 0x414140de,
                                     0x5dae2223, 0xb00361a3, 0x96177a9c,
                                     0xb410ff61, 0xf20015ad};
    a64_cpu *cpu = a64_cpu_new(0);
    uint32_t w[16];
    abc_block(w);
    memcpy(cpu->v[4].s, w, sizeof(w));
    memcpy(cpu->v[0].s, h0, 16);
    memcpy(cpu->v[1].s, h0 + 4, 16);
    for (unsigned g = 0; g < 16; g++) {
        unsigned cur = 4 + g % 4;
        add_k(cpu, 16, cur, &k[4 * g]);
        cpu->v[2] = cpu->v[0];
        cx(cpu, SHA256H, 0, 1, 16);
        cx(cpu, SHA256H2, 1, 2, 16);
        if (g < 12) {
            cx(cpu, SHA256SU0, cur, 4 + (g + 1) % 4, 0);
            cx(cpu, SHA256SU1, cur, 4 + (g + 2) % 4, 4 + (g + 3) % 4);
        }
    }
    for (unsigned i = 0; i < 4; i++) {
        ck_assert_uint_eq(cpu->v[0].s[i] + h0[i], want[i]);
        ck_assert_uint_eq(cpu->v[1].s[i] + h0[4 + i], want[4 + i]);
    }
    a64_cpu_free(cpu);
}
END_TEST

START_TEST(test_sha1h_zero_extends_its_scalar)
{
    a64_cpu *cpu = a64_cpu_new(0);
    memset(&cpu->v[1], 0xff, 16);
    cpu->v[1].s[0] = 0x00000007;
    memset(&cpu->v[0], 0xaa, 16);
    cx(cpu, SHA1H, 0, 1, 0);
    ck_assert_uint_eq(cpu->v[0].s[0], 0xc0000001); /* ROL(7, 30) */
    ck_assert_uint_eq(cpu->v[0].s[1], 0);
    ck_assert_uint_eq(cpu->v[0].d[1], 0);
    a64_cpu_free(cpu);
}
END_TEST

START_TEST(test_crypto_undefined_without_its_hwcap)
{
    a64_cpu *cpu = a64_cpu_new(0);
    for (unsigned i = 0; i < 32; i++)
        memset(&cpu->v[i], (int)i, 16);
    a64_vreg before[32];
    memcpy(before, cpu->v, sizeof(before));

    cpu->hwcap &= ~A64_HWCAP_AES;
    ck_assert_int_eq(a64_exec_crypto(cpu, AESE | 1 << 5), A64_UNDEF);
    ck_assert_int_eq(a64_exec_crypto(cpu, AESIMC | 1 << 5), A64_UNDEF);
    ck_assert_int_eq(a64_exec_crypto(cpu, SHA1C | 2 << 16 | 1 << 5), A64_OK);
    memcpy(cpu->v, before, sizeof(before));

    cpu->hwcap = A64_MODEL_HWCAP & ~A64_HWCAP_SHA1;
    ck_assert_int_eq(a64_exec_crypto(cpu, SHA1C | 2 << 16 | 1 << 5),
                     A64_UNDEF);
    ck_assert_int_eq(a64_exec_crypto(cpu, SHA1SU0 | 2 << 16 | 1 << 5),
                     A64_UNDEF);
    ck_assert_int_eq(a64_exec_crypto(cpu, SHA1H | 1 << 5), A64_UNDEF);
    ck_assert_int_eq(a64_exec_crypto(cpu, SHA1SU1 | 1 << 5), A64_UNDEF);
    ck_assert_mem_eq(cpu->v, before, sizeof(before));
    ck_assert_int_eq(a64_exec_crypto(cpu, SHA256SU0 | 1 << 5), A64_OK);
    memcpy(cpu->v, before, sizeof(before));

    cpu->hwcap = A64_MODEL_HWCAP & ~A64_HWCAP_SHA2;
    ck_assert_int_eq(a64_exec_crypto(cpu, SHA256H | 2 << 16 | 1 << 5),
                     A64_UNDEF);
    ck_assert_int_eq(a64_exec_crypto(cpu, SHA256H2 | 2 << 16 | 1 << 5),
                     A64_UNDEF);
    ck_assert_int_eq(a64_exec_crypto(cpu, SHA256SU1 | 2 << 16 | 1 << 5),
                     A64_UNDEF);
    ck_assert_int_eq(a64_exec_crypto(cpu, SHA256SU0 | 1 << 5), A64_UNDEF);
    ck_assert_mem_eq(cpu->v, before, sizeof(before));
    ck_assert_int_eq(a64_exec_crypto(cpu, SHA1H | 1 << 5), A64_OK);
    a64_cpu_free(cpu);
}
END_TEST

START_TEST(test_reserved_crypto_encodings_are_undefined)
{
    static const uint32_t undef[] = {
        0x4e684820, /* aese with size 01 */
        0x4e280820, /* AES opcode 00000 */
        0x4e288820, /* AES opcode 01000 */
        0x5e027020, /* three-register SHA opcode 111 */
        0x5e420020, /* sha1c with size 01 */
        0x5e283820, /* two-register SHA opcode 00011 */
        0x5ea80820, /* sha1h with size 10 */
        0x4e209c20, /* an ordinary SIMD instruction (mul) */
    };
    a64_cpu *cpu = a64_cpu_new(0);
    for (size_t i = 0; i < sizeof(undef) / sizeof(undef[0]); i++)
        ck_assert_int_eq(a64_exec_crypto(cpu, undef[i]), A64_UNDEF);
    a64_cpu_free(cpu);
}
END_TEST

static Suite *simdmem_suite(void)
{
    Suite *s = suite_create("a64_simdmem");
    TCase *tc = tcase_create("structures");
    tcase_add_test(tc, test_ld1_loads_consecutive_registers);
    tcase_add_test(tc, test_ld1_q0_zeroes_the_upper_halves);
    tcase_add_test(tc, test_ld2_ld3_ld4_deinterleave);
    tcase_add_test(tc, test_ld4_register_numbers_wrap_at_32);
    tcase_add_test(tc, test_st1_to_st4_interleave_byte_by_byte);
    tcase_add_test(tc, test_store_then_load_round_trips);
    tcase_add_test(tc, test_single_lane_loads_change_only_their_lane);
    tcase_add_test(tc, test_single_lane_stores_write_only_the_structure);
    tcase_add_test(tc, test_load_replicate_fills_every_lane);
    tcase_add_test(tc, test_post_index_by_immediate_and_register);
    tcase_add_test(tc, test_sp_base_must_be_aligned);
    tcase_add_test(tc, test_load_fault_mid_structure_changes_nothing);
    tcase_add_test(tc, test_store_fault_writes_nothing);
    tcase_add_test(tc, test_store_clears_the_exclusive_monitor);
    tcase_add_test(tc, test_reserved_structure_encodings_are_undefined);
    suite_add_tcase(s, tc);
    TCase *tc2 = tcase_create("crypto");
    tcase_add_test(tc2, test_aes128_fips197_known_answer);
    tcase_add_test(tc2, test_aesmc_and_aesimc_are_inverses);
    tcase_add_test(tc2, test_sha1_abc_known_answer);
    tcase_add_test(tc2, test_sha256_abc_known_answer);
    tcase_add_test(tc2, test_sha1h_zero_extends_its_scalar);
    tcase_add_test(tc2, test_crypto_undefined_without_its_hwcap);
    tcase_add_test(tc2, test_reserved_crypto_encodings_are_undefined);
    suite_add_tcase(s, tc2);
    return s;
}

int main(void) { return tu_run_suite(simdmem_suite()); }
