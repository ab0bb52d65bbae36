/*
 * The A64 loads and stores (a64_exec_ldst.c, a64_exec_atomic.c): every
 * addressing mode and its writeback, extension of loaded values, pairs,
 * literals, SIMD&FP registers, aborts, exclusives and the LSE atomics.
 * Encodings come from aarch64-linux-gnu-as (the comment beside each word).
 */
#include <check.h>

#include "a64_harness.h"
#include "testutil.h"

#define D A64H_DATA

/* Run the n instructions of code once each: -1 when all completed, else
 * the exception class of the one that trapped. */
static int run_steps(a64h *h, const uint32_t *code, size_t n, size_t steps)
{
    memcpy(h->mem, code, n * 4);
    a64_tlb_flush(h->cpu);
    h->cpu->pc = A64H_BASE;
    bool trapped;
    a64_run(h->cpu, steps, &trapped);
    return trapped ? (int)(h->cpu->esr >> 26) : -1;
}
static int run(a64h *h, const uint32_t *code, size_t n)
{
    return run_steps(h, code, n, n);
}
#define RUN(h, code) run(h, code, sizeof(code) / sizeof(code[0]))

static void put64(a64h *h, uint64_t va, uint64_t v)
{
    memcpy(a64h_mem(h, va), &v, 8);
}
static uint64_t get64(a64h *h, uint64_t va)
{
    uint64_t v;
    memcpy(&v, a64h_mem(h, va), 8);
    return v;
}

START_TEST(test_unsigned_offset_loads_extend_by_form)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    put64(h, D, 0x8899aabbccddeef0ull);
    put64(h, D + 8, 0x1122334455667788ull);
    c->x[2] = D;
    c->x[3] = c->x[5] = c->x[6] = ~0ull;
    uint32_t code[] = {
        0xf9400441, /* ldr x1, [x2, #8] */
        0xb9400443, /* ldr w3, [x2, #4] */
        0x39400c45, /* ldrb w5, [x2, #3] */
        0x79400446, /* ldrh w6, [x2, #2] */
    };
    ck_assert_int_eq(RUN(h, code), -1);
    ck_assert_uint_eq(c->x[1], 0x1122334455667788ull);
    ck_assert_uint_eq(c->x[3], 0x8899aabbull); /* upper half zeroed */
    ck_assert_uint_eq(c->x[5], 0xccull);
    ck_assert_uint_eq(c->x[6], 0xccddull);

    /* sign extension to 64 bits, or to 32 with the upper half zero */
    static const struct {
        uint32_t insn;
        uint64_t want;
    } sx[] = {
        {0x39800041, 0xfffffffffffffff0ull}, /* ldrsb x1, [x2] */
        {0x39c00041, 0x00000000fffffff0ull}, /* ldrsb w1, [x2] */
        {0x79800041, 0xffffffffffffeef0ull}, /* ldrsh x1, [x2] */
        {0x79c00041, 0x00000000ffffeef0ull}, /* ldrsh w1, [x2] */
        {0xb9800041, 0xffffffffccddeef0ull}, /* ldrsw x1, [x2] */
    };
    for (size_t i = 0; i < sizeof(sx) / sizeof(sx[0]); i++) {
        c->x[1] = 0x5555555555555555ull;
        ck_assert_int_eq(run(h, &sx[i].insn, 1), -1);
        ck_assert_uint_eq(c->x[1], sx[i].want);
    }
    /* a positive value is not sign-extended */
    put64(h, D, 0x7f);
    uint32_t one[] = {0x39800041}; /* ldrsb x1, [x2] */
    ck_assert_int_eq(RUN(h, one), -1);
    ck_assert_uint_eq(c->x[1], 0x7f);
    a64h_free(h);
}
END_TEST

START_TEST(test_stores_write_only_their_size)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    memset(a64h_mem(h, D - 8), 0xee, 64);
    c->x[2] = D;
    c->x[4] = 0x0102030405060708ull;
    uint32_t code[] = {
        0xf9000844, /* str x4, [x2, #16] */
        0x39006044, /* strb w4, [x2, #24] */
        0x79003444, /* strh w4, [x2, #26] */
        0xb81fd044, /* stur w4, [x2, #-3] */
    };
    ck_assert_int_eq(RUN(h, code), -1);
    ck_assert_uint_eq(get64(h, D + 16), 0x0102030405060708ull);
    ck_assert_uint_eq(get64(h, D + 24), 0xeeeeeeee0708ee08ull);
    ck_assert_uint_eq(get64(h, D - 8), 0x060708eeeeeeeeeeull);
    ck_assert_uint_eq(get64(h, D), 0xeeeeeeeeeeeeee05ull);
    a64h_free(h);
}
END_TEST

START_TEST(test_unscaled_pre_and_post_index_write_back)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    for (unsigned i = 0; i < 8; i++)
        put64(h, D + 8 * i, 0x1000 + i);
    c->x[2] = D + 16;
    c->x[4] = 0xabcd;
    uint32_t code[] = {
        0xf85f8041, /* ldur x1, [x2, #-8]    x1 = [D+8], x2 kept */
        0xf8410c41, /* ldr x1, [x2, #16]!    x1 = [D+32], x2 = D+32 */
        0xf85f0441, /* ldr x1, [x2], #-16    x1 = [D+32], x2 = D+16 */
    };
    ck_assert_int_eq(run(h, code, 1), -1);
    ck_assert_uint_eq(c->x[1], 0x1001);
    ck_assert_uint_eq(c->x[2], D + 16);
    memcpy(h->mem, code, sizeof(code));
    c->pc = A64H_BASE + 4;
    bool trapped;
    a64_run(c, 1, &trapped);
    ck_assert_uint_eq(c->x[1], 0x1004);
    ck_assert_uint_eq(c->x[2], D + 32);
    a64_run(c, 1, &trapped);
    ck_assert(!trapped);
    ck_assert_uint_eq(c->x[1], 0x1004);
    ck_assert_uint_eq(c->x[2], D + 16);

    uint32_t st[] = {
        0xf81f8c44, /* str x4, [x2, #-8]!    [D+8], x2 = D+8 */
        0xf8018444, /* str x4, [x2], #24     [D+8] again, x2 = D+32 */
        0xb8804c41, /* ldrsw x1, [x2, #4]!   x2 = D+36 */
        0x38c01441, /* ldrsb w1, [x2], #1    x2 = D+37 */
    };
    put64(h, D + 32, 0x80000000ull << 32);
    c->x[4] = 0x77;
    ck_assert_int_eq(RUN(h, st), -1);
    ck_assert_uint_eq(get64(h, D + 8), 0x77);
    ck_assert_uint_eq(c->x[2], D + 37);
    ck_assert_uint_eq(c->x[1], 0); /* the byte at D+36 is 0 */
    a64h_free(h);
}
END_TEST

START_TEST(test_register_offset_extends_and_scales)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    for (unsigned i = 0; i < 64; i++)
        put64(h, D - 256 + 8 * i, 0x2000 + i); /* [D + 8k] = 0x2020 + k */
    c->x[2] = D;
    static const struct {
        uint32_t insn;
        uint64_t x3, want;
    } t[] = {
        /* UXTW ignores the upper half of Rm */
        {0xf8635841, 0xffffffff00000002ull, 0x2022}, /* [x2, w3, uxtw #3] */
        {0xf8637841, 3, 0x2023},                     /* [x2, x3, lsl #3] */
        {0xf8637841, (uint64_t)-2, 0x201e},          /* negative index */
        {0xf863c841, 0x00000000fffffff8ull, 0x201f}, /* [x2, w3, sxtw] */
        {0xf8636841, 16, 0x2022},                    /* [x2, x3] */
        /* 32-bit load, SXTX scaled by 4: -2 * 4 = -8 */
        {0xb863f841, (uint64_t)-2, 0x201f},          /* [x2, x3, sxtx #2] */
        /* halfword at D + 2 * -4 = D - 8: 0x201f's low half */
        {0x7863d841, 0xfffffffcull, 0x201f},         /* [x2, w3, sxtw #1] */
    };
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        c->x[3] = t[i].x3;
        ck_assert_int_eq(run(h, &t[i].insn, 1), -1);
        ck_assert_uint_eq(c->x[1], t[i].want);
    }
    /* option<1> == 0 (UXTB/UXTH) is unallocated */
    uint32_t bad[] = {0xf8630841};
    ck_assert_int_eq(RUN(h, bad), A64_EC_UNKNOWN);
    a64h_free(h);
}
END_TEST

START_TEST(test_unprivileged_forms_behave_as_normal_at_el0)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    put64(h, D, 0xfffffffe);
    put64(h, D + 8, 0x42);
    c->x[2] = D;
    c->x[4] = 0x1234;
    uint32_t code[] = {
        0xf8408841, /* ldtr x1, [x2, #8] */
        0x381ff844, /* sttrb w4, [x2, #-1] */
        0xb8800845, /* ldtrsw x5, [x2] */
    };
    ck_assert_int_eq(RUN(h, code), -1);
    ck_assert_uint_eq(c->x[1], 0x42);
    ck_assert_uint_eq(*(uint8_t *)a64h_mem(h, D - 1), 0x34);
    ck_assert_uint_eq(c->x[5], (uint64_t)-2);
    ck_assert_uint_eq(c->x[2], D);
    a64h_free(h);
}
END_TEST

START_TEST(test_prefetches_never_fault)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    c->x[2] = 0x4000; /* unmapped */
    c->x[3] = 8;
    uint32_t code[] = {
        0xf9800440, /* prfm pldl1keep, [x2, #8] */
        0xf89ff040, /* prfum pldl1keep, [x2, #-1] */
        0xf8a36840, /* prfm pldl1keep, [x2, x3] */
        0xd8800000, /* prfm pldl1keep, <pc - 0x100000>: unmapped */
    };
    ck_assert_int_eq(RUN(h, code), -1);
    ck_assert_uint_eq(c->pc, A64H_BASE + 16);
    /* no writeback form of PRFM exists: size 11 opc 10 pre-index */
    uint32_t bad[] = {0xf8800c40};
    ck_assert_int_eq(RUN(h, bad), A64_EC_UNKNOWN);
    a64h_free(h);
}
END_TEST

START_TEST(test_literal_loads_are_pc_relative)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    uint32_t code[] = {
        0x58000141, /* ldr x1, lab (+0x28) */
        0x18000123, /* ldr w3, lab */
        0x98000104, /* ldrsw x4, lab */
        0x9c0000e1, /* ldr q1, lab */
        0x5c0000c2, /* ldr d2, lab */
        0x1c0000a3, /* ldr s3, lab */
        0xd8000080, /* prfm pldl1keep, lab */
        0x58ffff25, /* ldr x5, back (the first word, -0x1c) */
        0xd503201f, 0xd503201f,
        0x89abcdef, 0x01234567, 0x11112222, 0x33334444, /* lab */
    };
    c->x[3] = ~0ull;
    memset(&c->v[2], 0xff, 16);
    memset(&c->v[3], 0xff, 16);
    ck_assert_int_eq(run_steps(h, code, 14, 8), -1);
    ck_assert_uint_eq(c->x[1], 0x0123456789abcdefull);
    ck_assert_uint_eq(c->x[3], 0x89abcdefull);
    ck_assert_uint_eq(c->x[4], 0xffffffff89abcdefull);
    ck_assert_uint_eq(c->v[1].d[0], 0x0123456789abcdefull);
    ck_assert_uint_eq(c->v[1].d[1], 0x3333444411112222ull);
    ck_assert_uint_eq(c->v[2].d[0], 0x0123456789abcdefull);
    ck_assert_uint_eq(c->v[2].d[1], 0);
    ck_assert_uint_eq(c->v[3].d[0], 0x89abcdefull);
    ck_assert_uint_eq(c->v[3].d[1], 0);
    ck_assert_uint_eq(c->x[5], 0x1800012358000141ull);
    a64h_free(h);
}
END_TEST

START_TEST(test_sp_is_the_base_and_xzr_the_data)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    uint64_t sp = c->x[31];
    c->x[1] = 0xfeed;
    c->x[2] = D;
    c->x[3] = 0;
    put64(h, D, ~0ull);
    uint32_t code[] = {
        0xf81f0fe1, /* str x1, [sp, #-16]! */
        0xf8636be6, /* ldr x6, [sp, x3] */
        0xf84107e4, /* ldr x4, [sp], #16 */
        0xf900005f, /* str xzr, [x2] */
        0xf940005f, /* ldr xzr, [x2]: discarded, SP untouched */
    };
    ck_assert_int_eq(RUN(h, code), -1);
    ck_assert_uint_eq(get64(h, sp - 16), 0xfeed);
    ck_assert_uint_eq(c->x[6], 0xfeed);
    ck_assert_uint_eq(c->x[4], 0xfeed);
    ck_assert_uint_eq(c->x[31], sp);
    ck_assert_uint_eq(get64(h, D), 0);
    a64h_free(h);
}
END_TEST

/* Linux sets SCTLR_EL1.SA0: a load or store based on a misaligned SP
 * faults (SIGBUS) before any access or writeback; other bases need no
 * alignment. */
START_TEST(test_misaligned_sp_base_faults)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    c->x[31] -= 8;
    uint64_t sp = c->x[31];
    c->x[1] = 0xfeed;
    uint32_t str_pre[] = {0xf81f0fe1}; /* str x1, [sp, #-16]! */
    ck_assert_int_eq(RUN(h, str_pre), A64_EC_SP_ALIGN);
    ck_assert_uint_eq(c->x[31], sp);
    ck_assert_uint_eq(c->far, sp);
    ck_assert_uint_eq(get64(h, sp - 16), 0);
    uint32_t ldp[] = {0xa9400be1}; /* ldp x1, x2, [sp] */
    ck_assert_int_eq(RUN(h, ldp), A64_EC_SP_ALIGN);
    uint32_t ldadd[] = {0xf82003e1}; /* ldadd x0, x1, [sp] */
    ck_assert_int_eq(RUN(h, ldadd), A64_EC_SP_ALIGN);
    /* the same misaligned address in another register is fine */
    c->x[3] = sp;
    uint32_t str_x3[] = {0xf9000061}; /* str x1, [x3] */
    ck_assert_int_eq(RUN(h, str_x3), -1);
    ck_assert_uint_eq(get64(h, sp), 0xfeed);
    a64h_free(h);
}
END_TEST

START_TEST(test_writeback_overlapping_the_data_register)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    put64(h, D + 8, 0x9999);
    put64(h, D + 16, 0x1111);
    put64(h, D + 24, 0x2222);
    /* a load: the loaded value wins, no writeback (WBSUPPRESS) */
    c->x[2] = D;
    uint32_t ld[] = {0xf8408c42}; /* ldr x2, [x2, #8]! */
    ck_assert_int_eq(RUN(h, ld), -1);
    ck_assert_uint_eq(c->x[2], 0x9999);
    c->x[2] = D;
    uint32_t ldpost[] = {0xf8408442}; /* ldr x2, [x2], #8 */
    ck_assert_int_eq(RUN(h, ldpost), -1);
    ck_assert_uint_eq(c->x[2], get64(h, D));
    /* a store: the old value is stored, then written back */
    c->x[2] = D;
    uint32_t st[] = {0xf8008c42}; /* str x2, [x2, #8]! */
    ck_assert_int_eq(RUN(h, st), -1);
    ck_assert_uint_eq(get64(h, D + 8), D);
    ck_assert_uint_eq(c->x[2], D + 8);
    /* a pair whose base is a destination */
    c->x[3] = D;
    uint32_t ldp[] = {0xa9c11063}; /* ldp x3, x4, [x3, #16]! */
    ck_assert_int_eq(RUN(h, ldp), -1);
    ck_assert_uint_eq(c->x[3], 0x1111);
    ck_assert_uint_eq(c->x[4], 0x2222);
    /* Rt == Rt2: the second value */
    c->x[3] = D + 16;
    uint32_t same[] = {0xa9400461}; /* ldp x1, x1, [x3] */
    ck_assert_int_eq(RUN(h, same), -1);
    ck_assert_uint_eq(c->x[1], 0x2222);
    a64h_free(h);
}
END_TEST

START_TEST(test_general_register_pairs)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    for (unsigned i = 0; i < 8; i++)
        put64(h, D + 8 * i, 0x3000 + i);
    c->x[3] = D;
    uint32_t ldp[] = {0xa9410861}; /* ldp x1, x2, [x3, #16] */
    ck_assert_int_eq(RUN(h, ldp), -1);
    ck_assert_uint_eq(c->x[1], 0x3002);
    ck_assert_uint_eq(c->x[2], 0x3003);
    ck_assert_uint_eq(c->x[3], D);

    uint32_t post[] = {0xa8c20861}; /* ldp x1, x2, [x3], #32 */
    ck_assert_int_eq(RUN(h, post), -1);
    ck_assert_uint_eq(c->x[1], 0x3000);
    ck_assert_uint_eq(c->x[2], 0x3001);
    ck_assert_uint_eq(c->x[3], D + 32);

    c->x[4] = 0xaaaa;
    c->x[5] = 0xbbbb;
    uint32_t pre[] = {0xa9bf1464}; /* stp x4, x5, [x3, #-16]! */
    ck_assert_int_eq(RUN(h, pre), -1);
    ck_assert_uint_eq(c->x[3], D + 16);
    ck_assert_uint_eq(get64(h, D + 16), 0xaaaa);
    ck_assert_uint_eq(get64(h, D + 24), 0xbbbb);

    /* 32-bit pairs zero the upper halves; LDPSW sign-extends */
    c->x[3] = D + 64;
    put64(h, D + 72, 0x80000001fffffffeull);
    c->x[1] = c->x[2] = ~0ull;
    uint32_t w[] = {0x29410861}; /* ldp w1, w2, [x3, #8] */
    ck_assert_int_eq(RUN(h, w), -1);
    ck_assert_uint_eq(c->x[1], 0xfffffffeull);
    ck_assert_uint_eq(c->x[2], 0x80000001ull);
    uint32_t sw[] = {0x69410861}; /* ldpsw x1, x2, [x3, #8] */
    ck_assert_int_eq(RUN(h, sw), -1);
    ck_assert_uint_eq(c->x[1], (uint64_t)-2);
    ck_assert_uint_eq(c->x[2], 0xffffffff80000001ull);
    c->x[3] = D + 72;
    uint32_t swpost[] = {0x68c10861}; /* ldpsw x1, x2, [x3], #8 */
    ck_assert_int_eq(RUN(h, swpost), -1);
    ck_assert_uint_eq(c->x[1], (uint64_t)-2);
    ck_assert_uint_eq(c->x[3], D + 80);

    c->x[3] = D + 128;
    c->x[4] = 0x1111111122222222ull;
    c->x[5] = 0x3333333344444444ull;
    uint32_t stw[] = {
        0x29011464, /* stp w4, w5, [x3, #8] */
        0x283f1464, /* stnp w4, w5, [x3, #-8] */
        0xa8400861, /* ldnp x1, x2, [x3] */
    };
    put64(h, D + 128, 0x55);
    ck_assert_int_eq(RUN(h, stw), -1);
    ck_assert_uint_eq(get64(h, D + 136), 0x4444444422222222ull);
    ck_assert_uint_eq(get64(h, D + 120), 0x4444444422222222ull);
    ck_assert_uint_eq(c->x[1], 0x55);
    ck_assert_uint_eq(c->x[2], 0x4444444422222222ull);

    /* SP as the base, XZR as the data */
    uint64_t sp = c->x[31];
    uint32_t spst[] = {
        0xa9bf17e4, /* stp x4, x5, [sp, #-16]! */
        0xa9007c7f, /* stp xzr, xzr, [x3] */
    };
    ck_assert_int_eq(RUN(h, spst), -1);
    ck_assert_uint_eq(c->x[31], sp - 16);
    ck_assert_uint_eq(get64(h, sp - 8), 0x3333333344444444ull);
    ck_assert_uint_eq(get64(h, D + 128), 0);
    ck_assert_uint_eq(get64(h, D + 136), 0);

    /* unallocated: STGP (MTE), LDPSW no-allocate, opc 11 */
    uint32_t bad[] = {0x69000861, 0x68400861, 0xe9410861};
    for (unsigned i = 0; i < 3; i++)
        ck_assert_int_eq(run(h, &bad[i], 1), A64_EC_UNKNOWN);
    a64h_free(h);
}
END_TEST

START_TEST(test_simd_loads_zero_the_rest_of_the_register)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    for (unsigned i = 0; i < 48; i++)
        *(uint8_t *)a64h_mem(h, D + i) = (uint8_t)(0x40 + i);
    c->x[2] = D;
    static const struct {
        uint32_t insn;
        uint64_t lo, hi;
    } t[] = {
        {0x3d400441, 0x41, 0},                           /* ldr b1, [x2, #1] */
        {0x7d400441, 0x4342, 0},                         /* ldr h1, [x2, #2] */
        {0xbd400441, 0x47464544, 0},                     /* ldr s1, [x2, #4] */
        {0xfd400441, 0x4f4e4d4c4b4a4948ull, 0},          /* ldr d1, [x2, #8] */
        {0x3dc00441, 0x5756555453525150ull, 0x5f5e5d5c5b5a5958ull},
                                                         /* ldr q1, [x2, #16] */
        {0x3c636841, 0x43, 0},                           /* ldr b1, [x2, x3] */
    };
    c->x[3] = 3;
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        memset(&c->v[1], 0xff, 16);
        ck_assert_int_eq(run(h, &t[i].insn, 1), -1);
        ck_assert_uint_eq(c->v[1].d[0], t[i].lo);
        ck_assert_uint_eq(c->v[1].d[1], t[i].hi);
    }
    /* unscaled misaligned Q, post-index D, register offset Q and H */
    c->x[2] = D + 17;
    uint32_t ldur[] = {0x3cdff041}; /* ldur q1, [x2, #-1] */
    ck_assert_int_eq(RUN(h, ldur), -1);
    ck_assert_uint_eq(c->v[1].d[0], 0x5756555453525150ull);
    c->x[2] = D;
    uint32_t post[] = {0xfc408441}; /* ldr d1, [x2], #8 */
    memset(&c->v[1], 0xff, 16);
    ck_assert_int_eq(RUN(h, post), -1);
    ck_assert_uint_eq(c->v[1].d[0], 0x4746454443424140ull);
    ck_assert_uint_eq(c->v[1].d[1], 0);
    ck_assert_uint_eq(c->x[2], D + 8);
    c->x[2] = D;
    c->x[3] = 2;
    uint32_t rq[] = {0x3ce37841}; /* ldr q1, [x2, x3, lsl #4] */
    ck_assert_int_eq(RUN(h, rq), -1);
    ck_assert_uint_eq(c->v[1].d[0], 0x6766656463626160ull);
    c->x[2] = D + 8;
    c->x[3] = 0xfffffffe; /* -2 as SXTW, scaled by 2: D + 4 */
    uint32_t rh[] = {0x7c63d841}; /* ldr h1, [x2, w3, sxtw #1] */
    ck_assert_int_eq(RUN(h, rh), -1);
    ck_assert_uint_eq(c->v[1].d[0], 0x4544);
    ck_assert_uint_eq(c->v[1].d[1], 0);
    /* no unprivileged SIMD&FP form (LDTR with V set) */
    uint32_t bad[] = {0xfc400841};
    ck_assert_int_eq(RUN(h, bad), A64_EC_UNKNOWN);
    a64h_free(h);
}
END_TEST

START_TEST(test_simd_stores_write_only_their_size)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    for (unsigned i = 0; i < 16; i++)
        c->v[1].b[i] = (uint8_t)(0xa0 + i);
    static const struct {
        uint32_t insn;
        uint64_t lo, hi;
    } t[] = {
        {0x3d000041, 0xeeeeeeeeeeeeeea0ull, ~0ull / 15 * 14}, /* str b1 */
        {0x7d000041, 0xeeeeeeeeeeeea1a0ull, ~0ull / 15 * 14}, /* str h1 */
        {0xbd000041, 0xeeeeeeeea3a2a1a0ull, ~0ull / 15 * 14}, /* str s1 */
        {0xfd000041, 0xa7a6a5a4a3a2a1a0ull, ~0ull / 15 * 14}, /* str d1 */
        {0x3d800041, 0xa7a6a5a4a3a2a1a0ull, 0xafaeadacabaaa9a8ull}, /* q1 */
    };
    c->x[2] = D;
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        memset(a64h_mem(h, D), 0xee, 16);
        ck_assert_int_eq(run(h, &t[i].insn, 1), -1);
        ck_assert_uint_eq(get64(h, D), t[i].lo);
        ck_assert_uint_eq(get64(h, D + 8), t[i].hi);
    }
    uint32_t pre[] = {
        0x3c810c41, /* str q1, [x2, #16]! */
        0xfc1f8041, /* stur d1, [x2, #-8] */
    };
    ck_assert_int_eq(RUN(h, pre), -1);
    ck_assert_uint_eq(c->x[2], D + 16);
    ck_assert_uint_eq(get64(h, D + 24), 0xafaeadacabaaa9a8ull);
    ck_assert_uint_eq(get64(h, D + 8), 0xa7a6a5a4a3a2a1a0ull);
    a64h_free(h);
}
END_TEST

START_TEST(test_simd_pairs)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    for (unsigned i = 0; i < 12; i++)
        put64(h, D + 8 * i, 0x5000 + i);
    c->x[3] = D;
    memset(&c->v[1], 0xff, 16);
    memset(&c->v[2], 0xff, 16);
    uint32_t s[] = {0x2d400861}; /* ldp s1, s2, [x3] */
    ck_assert_int_eq(RUN(h, s), -1);
    ck_assert_uint_eq(c->v[1].d[0], 0x5000);
    ck_assert_uint_eq(c->v[1].d[1], 0);
    ck_assert_uint_eq(c->v[2].d[0], 0);
    uint32_t d[] = {0x6cc10861}; /* ldp d1, d2, [x3], #16 */
    ck_assert_int_eq(RUN(h, d), -1);
    ck_assert_uint_eq(c->v[1].d[0], 0x5000);
    ck_assert_uint_eq(c->v[2].d[0], 0x5001);
    ck_assert_uint_eq(c->x[3], D + 16);
    uint32_t q[] = {0xad410861}; /* ldp q1, q2, [x3, #32] */
    ck_assert_int_eq(RUN(h, q), -1);
    ck_assert_uint_eq(c->v[1].d[0], 0x5006);
    ck_assert_uint_eq(c->v[1].d[1], 0x5007);
    ck_assert_uint_eq(c->v[2].d[0], 0x5008);
    ck_assert_uint_eq(c->v[2].d[1], 0x5009);
    c->x[3] = D + 0x100;
    uint32_t stq[] = {
        0xadbf0861, /* stp q1, q2, [x3, #-32]! */
        0xac400864, /* ldnp q4, q2, [x3] */
    };
    ck_assert_int_eq(RUN(h, stq), -1);
    ck_assert_uint_eq(c->x[3], D + 0xe0);
    ck_assert_uint_eq(get64(h, D + 0xe0), 0x5006);
    ck_assert_uint_eq(get64(h, D + 0xf8), 0x5009);
    ck_assert_uint_eq(c->v[4].d[1], 0x5007);
    uint32_t sts[] = {0x2d000861}; /* stp s1, s2, [x3] */
    put64(h, D + 0xe8, 0xcc);
    ck_assert_int_eq(RUN(h, sts), -1);
    ck_assert_uint_eq(get64(h, D + 0xe0), 0x0000500800005006ull);
    ck_assert_uint_eq(get64(h, D + 0xe8), 0xcc);
    a64h_free(h);
}
END_TEST

START_TEST(test_aborts_leave_registers_and_memory_alone)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    /* a store with writeback to an unmapped page */
    c->x[1] = 0x77;
    c->x[2] = 0x4000;
    uint32_t st[] = {0xf8008c41}; /* str x1, [x2, #8]! */
    ck_assert_int_eq(RUN(h, st), A64_EC_DABORT);
    ck_assert(c->esr & A64_ISS_WNR);
    ck_assert_uint_eq(c->esr & 0x3f, A64_FSC_TRANSLATION | 3);
    ck_assert_uint_eq(c->far, 0x4008);
    ck_assert_uint_eq(c->x[2], 0x4000);
    ck_assert_uint_eq(c->pc, A64H_BASE);
    /* a load: no WnR, neither the data nor the base register changes */
    c->x[1] = 5;
    uint32_t ld[] = {0xf8408441}; /* ldr x1, [x2], #8 */
    ck_assert_int_eq(RUN(h, ld), A64_EC_DABORT);
    ck_assert(!(c->esr & A64_ISS_WNR));
    ck_assert_uint_eq(c->far, 0x4000);
    ck_assert_uint_eq(c->x[1], 5);
    ck_assert_uint_eq(c->x[2], 0x4000);
    /* a pair running off the end of memory: no register written */
    uint64_t end = A64H_BASE + A64H_SIZE;
    c->x[3] = end - 8;
    put64(h, end - 8, 0x1234);
    c->x[1] = c->x[2] = 9;
    uint32_t ldp[] = {0xa8c10861}; /* ldp x1, x2, [x3], #16 */
    ck_assert_int_eq(RUN(h, ldp), A64_EC_DABORT);
    ck_assert_uint_eq(c->x[1], 9);
    ck_assert_uint_eq(c->x[2], 9);
    ck_assert_uint_eq(c->x[3], end - 8);
    /* a Q pair store whose second half faults writes nothing */
    c->x[3] = end - 16;
    memset(a64h_mem(h, end - 16), 0xee, 16);
    memset(&c->v[1], 0x11, 16);
    uint32_t stq[] = {0xad000861}; /* stp q1, q2, [x3] */
    ck_assert_int_eq(RUN(h, stq), A64_EC_DABORT);
    ck_assert(c->esr & A64_ISS_WNR);
    ck_assert_uint_eq(get64(h, end - 16), 0xeeeeeeeeeeeeeeeeull);
    /* a read-only page: a permission fault */
    h->readonly_data = true;
    c->x[2] = D;
    uint32_t ro[] = {0xf9000844}; /* str x4, [x2, #16] */
    ck_assert_int_eq(RUN(h, ro), A64_EC_DABORT);
    ck_assert_uint_eq(c->esr & 0x3f, A64_FSC_PERMISSION | 3);
    ck_assert_uint_eq(c->far, D + 16);
    a64h_free(h);
}
END_TEST

START_TEST(test_unallocated_load_store_encodings_are_undefined)
{
    a64h *h = a64h_new();
    h->cpu->x[2] = h->cpu->x[3] = D;
    static const uint32_t bad[] = {
        0xb9c00041, /* size 10 opc 11: no LDRSW to W */
        0xf9c00041, /* size 11 opc 11 */
        0x7dc00441, /* SIMD size 01 opc 11 */
        0xf8bfc041, /* ldapr x1, [x2] (v8.3) */
        0xc8df7c41, /* ldlar x1, [x2] (v8.1 LOR) */
        0xc89f7c41, /* stllr x1, [x2] */
        0xf8200441, /* ldraa x1, [x2] (v8.3 PAuth) */
        0x3c210045, /* an atomic with V set */
        0xdc000001, /* SIMD literal opc 11 */
        0xd9200841, /* MTE tag store (bit 24 in the literal class) */
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        ck_assert_int_eq(run(h, &bad[i], 1), A64_EC_UNKNOWN);
        ck_assert_uint_eq(h->cpu->pc, A64H_BASE);
    }
    /* SIMD&FP registers are UNDEFINED without the FP feature */
    h->cpu->hwcap &= ~(A64_HWCAP_FP | A64_HWCAP_ASIMD);
    uint32_t q[] = {0x3dc00441}; /* ldr q1, [x2, #16] */
    ck_assert_int_eq(RUN(h, q), A64_EC_UNKNOWN);
    a64h_free(h);
}
END_TEST

START_TEST(test_exclusive_pair_succeeds_once)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    put64(h, D, 0x10);
    c->x[2] = D;
    c->x[5] = 0x20;
    uint32_t code[] = {
        0xc85f7c41, /* ldxr x1, [x2] */
        0xc8047c45, /* stxr w4, x5, [x2] */
    };
    c->x[4] = ~0ull;
    ck_assert_int_eq(RUN(h, code), -1);
    ck_assert_uint_eq(c->x[1], 0x10);
    ck_assert_uint_eq(c->x[4], 0);
    ck_assert_uint_eq(get64(h, D), 0x20);
    ck_assert(!c->excl_valid);
    /* a second store-exclusive finds the monitor clear */
    c->x[5] = 0x30;
    ck_assert_int_eq(run(h, &code[1], 1), -1);
    ck_assert_uint_eq(c->x[4], 1);
    ck_assert_uint_eq(get64(h, D), 0x20);
    a64h_free(h);
}
END_TEST

START_TEST(test_exclusive_fails_after_a_store_to_the_tagged_range)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    c->x[2] = D;
    c->x[5] = 0x20;
    uint32_t hit[] = {
        0xc85ffc41, /* ldaxr x1, [x2] */
        0xb8004045, /* stur w5, [x2, #4]: inside the tagged 8 bytes */
        0xc804fc45, /* stlxr w4, x5, [x2] */
    };
    ck_assert_int_eq(RUN(h, hit), -1);
    ck_assert_uint_eq(c->x[4], 1);
    /* a store beside the range leaves the monitor set */
    uint32_t miss[] = {
        0xc85f7c41, /* ldxr x1, [x2] */
        0xf9000445, /* str x5, [x2, #8] */
        0xc8047c45, /* stxr w4, x5, [x2] */
    };
    ck_assert_int_eq(RUN(h, miss), -1);
    ck_assert_uint_eq(c->x[4], 0);
    ck_assert_uint_eq(get64(h, D), 0x20);
    /* another address or another size fails */
    c->x[3] = D + 8;
    uint32_t addr[] = {
        0xc85f7c41, /* ldxr x1, [x2] */
        0xc8047c65, /* stxr w4, x5, [x3] */
    };
    ck_assert_int_eq(RUN(h, addr), -1);
    ck_assert_uint_eq(c->x[4], 1);
    ck_assert_uint_eq(get64(h, D + 8), 0x20); /* from the str above */
    uint32_t size[] = {
        0x085f7c41, /* ldxrb w1, [x2] */
        0xc8047c45, /* stxr w4, x5, [x2] */
    };
    put64(h, D, 0);
    ck_assert_int_eq(RUN(h, size), -1);
    ck_assert_uint_eq(c->x[4], 1);
    ck_assert_uint_eq(get64(h, D), 0);
    /* a store-release clears it too */
    uint32_t stlr[] = {
        0xc85f7c41, /* ldxr x1, [x2] */
        0xc89ffc45, /* stlr x5, [x2] */
        0xc8047c45, /* stxr w4, x5, [x2] */
    };
    ck_assert_int_eq(RUN(h, stlr), -1);
    ck_assert_uint_eq(c->x[4], 1);
    a64h_free(h);
}
END_TEST

START_TEST(test_exclusive_sizes_and_pairs)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    put64(h, D, 0x8877665544332211ull);
    put64(h, D + 8, 0xffeeddccbbaa9988ull);
    c->x[2] = D;
    c->x[5] = 0xa5a5a5a5a5a5a5a5ull;
    c->x[7] = 0x5a5a5a5a5a5a5a5aull;
    uint32_t b[] = {
        0x085ffc41, /* ldaxrb w1, [x2] */
        0x0804fc45, /* stlxrb w4, w5, [x2] */
    };
    ck_assert_int_eq(RUN(h, b), -1);
    ck_assert_uint_eq(c->x[1], 0x11);
    ck_assert_uint_eq(c->x[4], 0);
    ck_assert_uint_eq(get64(h, D), 0x88776655443322a5ull);
    uint32_t hw[] = {
        0x485f7c41, /* ldxrh w1, [x2] */
        0x48047c45, /* stxrh w4, w5, [x2] */
    };
    ck_assert_int_eq(RUN(h, hw), -1);
    ck_assert_uint_eq(c->x[1], 0x22a5);
    ck_assert_uint_eq(get64(h, D), 0x887766554433a5a5ull);
    uint32_t w[] = {
        0x885f7c41, /* ldxr w1, [x2] */
        0x88047c45, /* stxr w4, w5, [x2] */
    };
    ck_assert_int_eq(RUN(h, w), -1);
    ck_assert_uint_eq(c->x[1], 0x4433a5a5);
    ck_assert_uint_eq(get64(h, D), 0x88776655a5a5a5a5ull);
    /* pairs: two X (16 bytes) and two W (8 bytes) */
    uint32_t px[] = {
        0xc87f1841, /* ldxp x1, x6, [x2] */
        0xc8241c45, /* stxp w4, x5, x7, [x2] */
    };
    c->x[4] = 9;
    ck_assert_int_eq(RUN(h, px), -1);
    ck_assert_uint_eq(c->x[1], 0x88776655a5a5a5a5ull);
    ck_assert_uint_eq(c->x[6], 0xffeeddccbbaa9988ull);
    ck_assert_uint_eq(c->x[4], 0);
    ck_assert_uint_eq(get64(h, D), c->x[5]);
    ck_assert_uint_eq(get64(h, D + 8), c->x[7]);
    put64(h, D + 16, 0x2222222211111111ull);
    c->x[2] = D + 16;
    uint32_t pw[] = {
        0x887f9841, /* ldaxp w1, w6, [x2] */
        0x88249c45, /* stlxp w4, w5, w7, [x2] */
    };
    c->x[4] = 9;
    ck_assert_int_eq(RUN(h, pw), -1);
    ck_assert_uint_eq(c->x[1], 0x11111111);
    ck_assert_uint_eq(c->x[6], 0x22222222);
    ck_assert_uint_eq(c->x[4], 0);
    ck_assert_uint_eq(get64(h, D + 16), 0x5a5a5a5aa5a5a5a5ull);
    /* a 16-byte LDXP sets a 16-byte tag: a W pair store does not match */
    c->x[2] = D;
    uint32_t mix[] = {
        0xc87f1841, /* ldxp x1, x6, [x2] */
        0x88249c45, /* stlxp w4, w5, w7, [x2] */
    };
    ck_assert_int_eq(RUN(h, mix), -1);
    ck_assert_uint_eq(c->x[4], 1);
    a64h_free(h);
}
END_TEST

START_TEST(test_load_acquire_store_release)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    put64(h, D, 0x8877665544332211ull);
    c->x[2] = D;
    c->x[5] = 0x0102030405060708ull;
    uint32_t code[] = {
        0xc8dffc41, /* ldar x1, [x2] */
        0x88dffc43, /* ldar w3, [x2] */
        0x08dffc46, /* ldarb w6, [x2] */
        0x489ffc45, /* stlrh w5, [x2] */
    };
    ck_assert_int_eq(RUN(h, code), -1);
    ck_assert_uint_eq(c->x[1], 0x8877665544332211ull);
    ck_assert_uint_eq(c->x[3], 0x44332211ull);
    ck_assert_uint_eq(c->x[6], 0x11);
    ck_assert_uint_eq(get64(h, D), 0x8877665544330708ull);
    a64h_free(h);
}
END_TEST

START_TEST(test_misaligned_ordered_and_atomic_accesses_fault)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    static const struct {
        uint32_t insn;
        uint64_t off;
        bool write;
    } t[] = {
        {0xc85f7c41, 4, false}, /* ldxr x1, [x2] */
        {0xc8047c45, 4, true},  /* stxr w4, x5, [x2] */
        {0x485f7c41, 1, false}, /* ldxrh w1, [x2] */
        {0xc87f1841, 8, false}, /* ldxp x1, x6, [x2]: 16-byte alignment */
        {0xc8dffc41, 2, false}, /* ldar x1, [x2] */
        {0xc89ffc45, 2, true},  /* stlr x5, [x2] */
        {0xf8210045, 4, true},  /* ldadd x1, x5, [x2]: reports a write */
        {0xc8a17c45, 1, true},  /* cas x1, x5, [x2] */
        {0x48247c46, 8, true},  /* casp x4, x5, x6, x7, [x2] */
    };
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        c->x[1] = c->x[4] = 0x99;
        c->x[2] = D + t[i].off;
        ck_assert_int_eq(run(h, &t[i].insn, 1), A64_EC_DABORT);
        ck_assert_uint_eq(c->esr & 0x3f, A64_FSC_ALIGNMENT);
        ck_assert_uint_eq(!!(c->esr & A64_ISS_WNR), t[i].write);
        ck_assert_uint_eq(c->far, D + t[i].off);
        ck_assert_uint_eq(c->x[1], 0x99);
        ck_assert_uint_eq(c->x[4], 0x99);
    }
    /* a faulting store-exclusive still clears the monitor */
    c->x[2] = D;
    uint32_t ld[] = {0xc85f7c41}; /* ldxr x1, [x2] */
    ck_assert_int_eq(RUN(h, ld), -1);
    ck_assert(c->excl_valid);
    c->x[2] = D + 4;
    uint32_t st[] = {0xc8047c45}; /* stxr w4, x5, [x2] */
    ck_assert_int_eq(RUN(h, st), A64_EC_DABORT);
    ck_assert(!c->excl_valid);
    /* a byte access is always aligned */
    c->x[2] = D + 3;
    uint32_t b[] = {0x085ffc41}; /* ldaxrb w1, [x2] */
    ck_assert_int_eq(RUN(h, b), -1);
    a64h_free(h);
}
END_TEST

START_TEST(test_lse_operations_return_the_old_value)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    static const struct {
        uint32_t insn;
        uint64_t mem, x1, old, after; /* the 8 bytes at D */
    } t[] = {
        {0xf8210045, 5, 7, 5, 12},                      /* ldadd x */
        {0xb8e10045, 0x11ffffffffull, 1, 0xffffffff, 0x1100000000ull},
                                                        /* ldaddal w: wraps */
        {0x38210045, 0x1ff, 1, 0xff, 0x100},            /* ldaddb */
        {0xf8610045, ~0ull, 1, ~0ull, 0},               /* ldaddl x */
        {0x78211045, 0xffff, 0xf0f0, 0xffff, 0x0f0f},   /* ldclrh */
        {0xf8211045, 0xff, 0x0f, 0xff, 0xf0},           /* ldclr x */
        {0xf8212045, 0xff, 0x0f, 0xff, 0xf0},           /* ldeor x */
        {0xb8213045, 0x100000000ull, 3, 0, 0x100000003ull}, /* ldset w */
        {0xf8214045, (uint64_t)-5, 3, (uint64_t)-5, 3}, /* ldsmax x */
        {0xf8a14045, 3, (uint64_t)-5, 3, 3},            /* ldsmaxa x */
        {0xb8215045, 1, 0xfffffffe, 1, 0xfffffffe},     /* ldsmin w: -2 */
        {0xf8216045, (uint64_t)-5, 3, (uint64_t)-5, (uint64_t)-5},
                                                        /* ldumax x */
        {0xb8217045, 0xfffffffe, 3, 0xfffffffe, 3},     /* ldumin w */
        {0x38214045, 0x80, 0x7f, 0x80, 0x7f},           /* ldsmaxb */
        {0x78215045, 0x8000, 0x7fff, 0x8000, 0x8000},   /* ldsminh */
        {0x38216045, 0x80, 0x7f, 0x80, 0x80},           /* ldumaxb */
        {0x78217045, 0x8000, 0x17fff, 0x8000, 0x7fff},  /* lduminh: Rs<15:0> */
        {0xf8218045, 0x1234, 0x5678, 0x1234, 0x5678},   /* swp x */
        {0xb8e18045, 0xaaaaaaaa12345678ull, 0xffff00000001ull, 0x12345678,
         0xaaaaaaaa00000001ull},                        /* swpal w */
    };
    c->x[2] = D;
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        put64(h, D, t[i].mem);
        c->x[1] = t[i].x1;
        c->x[5] = 0x5555555555555555ull;
        ck_assert_int_eq(run(h, &t[i].insn, 1), -1);
        ck_assert_uint_eq(c->x[5], t[i].old);
        ck_assert_uint_eq(get64(h, D), t[i].after);
    }
    /* STADD (Rt = XZR) updates memory and discards the old value */
    put64(h, D, 40);
    c->x[1] = 2;
    uint32_t st[] = {0xf821005f}; /* stadd x1, [x2] */
    ck_assert_int_eq(RUN(h, st), -1);
    ck_assert_uint_eq(get64(h, D), 42);
    /* an atomic write clears the exclusive monitor */
    uint32_t ex[] = {
        0xc85f7c41, /* ldxr x1, [x2] */
        0xf821005f, /* stadd x1, [x2] */
        0xc8047c45, /* stxr w4, x5, [x2] */
    };
    ck_assert_int_eq(RUN(h, ex), -1);
    ck_assert_uint_eq(c->x[4], 1);
    /* without the ATOMICS hwcap the whole family is UNDEFINED */
    c->hwcap &= ~A64_HWCAP_ATOMICS;
    static const uint32_t lse[] = {0xf8210045, 0xf8218045, 0xc8a17c45,
                                   0x48247c46};
    for (unsigned i = 0; i < 4; i++)
        ck_assert_int_eq(run(h, &lse[i], 1), A64_EC_UNKNOWN);
    a64h_free(h);
}
END_TEST

START_TEST(test_cas_swaps_only_on_a_match)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    c->x[2] = D;
    uint32_t cas[] = {0xc8a17c45}; /* cas x1, x5, [x2] */
    put64(h, D, 100);
    c->x[1] = 100;
    c->x[5] = 200;
    ck_assert_int_eq(RUN(h, cas), -1);
    ck_assert_uint_eq(get64(h, D), 200);
    ck_assert_uint_eq(c->x[1], 100);
    c->x[1] = 100; /* stale: fails, x1 gets the current value */
    c->x[5] = 300;
    ck_assert_int_eq(RUN(h, cas), -1);
    ck_assert_uint_eq(get64(h, D), 200);
    ck_assert_uint_eq(c->x[1], 200);
    /* CASAL W compares only the low 32 bits, writes Ws zero-extended */
    put64(h, D, 0x99999999deadbeefull);
    c->x[1] = 0xffffffffdeadbeefull;
    c->x[5] = 0x1234;
    uint32_t casal[] = {0x88e1fc45}; /* casal w1, w5, [x2] */
    ck_assert_int_eq(RUN(h, casal), -1);
    ck_assert_uint_eq(get64(h, D), 0x9999999900001234ull);
    ck_assert_uint_eq(c->x[1], 0xdeadbeef);
    /* bytes and halfwords */
    put64(h, D, 0x4433);
    c->x[1] = 0x133;
    c->x[5] = 0x77;
    uint32_t casb[] = {0x08a17c45}; /* casb w1, w5, [x2] */
    ck_assert_int_eq(RUN(h, casb), -1);
    ck_assert_uint_eq(get64(h, D), 0x4477);
    ck_assert_uint_eq(c->x[1], 0x33);
    c->x[1] = 0x4400;
    uint32_t cash[] = {0x48a17c45}; /* cash w1, w5, [x2] */
    ck_assert_int_eq(RUN(h, cash), -1);
    ck_assert_uint_eq(get64(h, D), 0x4477);
    ck_assert_uint_eq(c->x[1], 0x4477);
    a64h_free(h);
}
END_TEST

START_TEST(test_casp_compares_and_swaps_a_pair)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    c->x[2] = D;
    put64(h, D, 1);
    put64(h, D + 8, 2);
    c->x[4] = 1;
    c->x[5] = 2;
    c->x[6] = 10;
    c->x[7] = 20;
    uint32_t casp[] = {0x48247c46}; /* casp x4, x5, x6, x7, [x2] */
    ck_assert_int_eq(RUN(h, casp), -1);
    ck_assert_uint_eq(get64(h, D), 10);
    ck_assert_uint_eq(get64(h, D + 8), 20);
    ck_assert_uint_eq(c->x[4], 1);
    ck_assert_uint_eq(c->x[5], 2);
    /* one half differing fails the whole pair */
    c->x[4] = 10;
    c->x[5] = 21;
    c->x[6] = c->x[7] = 0;
    ck_assert_int_eq(RUN(h, casp), -1);
    ck_assert_uint_eq(get64(h, D), 10);
    ck_assert_uint_eq(get64(h, D + 8), 20);
    ck_assert_uint_eq(c->x[4], 10);
    ck_assert_uint_eq(c->x[5], 20);
    /* W pair: the first register is the lower word */
    put64(h, D, 0x0000000200000001ull);
    c->x[4] = 0xff00000001ull;
    c->x[5] = 2;
    c->x[6] = 0x33;
    c->x[7] = 0x44;
    uint32_t caspw[] = {0x0864fc46}; /* caspal w4, w5, w6, w7, [x2] */
    ck_assert_int_eq(RUN(h, caspw), -1);
    ck_assert_uint_eq(get64(h, D), 0x0000004400000033ull);
    ck_assert_uint_eq(c->x[4], 1);
    ck_assert_uint_eq(c->x[5], 2);
    /* odd register numbers are UNDEFINED */
    uint32_t odd_s[] = {0x48257c46}, odd_t[] = {0x48247c47};
    ck_assert_int_eq(RUN(h, odd_s), A64_EC_UNKNOWN);
    ck_assert_int_eq(RUN(h, odd_t), A64_EC_UNKNOWN);
    a64h_free(h);
}
END_TEST

/* Random words of the group, with bases in memory, outside it and at
 * awkward offsets, must complete, trap or be UNDEFINED: never crash or
 * touch host memory outside the guest's (ASan and UBSan watch this). */
START_TEST(test_random_load_store_words_are_safe)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    static const uint64_t bases[] = {D, D + 4093, A64H_BASE + A64H_SIZE - 8,
                                     0x4000, ~0ull - 7, A64H_BASE};
    for (unsigned i = 0; i < 50000; i++) {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        /* op0 x1x0: bit 27 set, bit 25 clear; not the structure forms */
        uint32_t insn = ((uint32_t)seed | 1u << 27) & ~(1u << 25);
        if ((insn & 0xbe000000) == 0x0c000000)
            continue;
        for (unsigned r = 0; r < 32; r++)
            c->x[r] = bases[(seed >> (32 + r % 24)) % 6] +
                      (r & 1 ? 0 : (seed >> 40) % 16);
        uint32_t code[] = {insn};
        int ec = RUN(h, code);
        ck_assert(ec == -1 || ec == A64_EC_UNKNOWN || ec == A64_EC_DABORT ||
                  ec == A64_EC_SP_ALIGN);
    }
    a64h_free(h);
}
END_TEST

static Suite *a64_ldst_suite(void)
{
    Suite *s = suite_create("a64_ldst");
    TCase *tc = tcase_create("single");
    tcase_add_test(tc, test_unsigned_offset_loads_extend_by_form);
    tcase_add_test(tc, test_stores_write_only_their_size);
    tcase_add_test(tc, test_unscaled_pre_and_post_index_write_back);
    tcase_add_test(tc, test_register_offset_extends_and_scales);
    tcase_add_test(tc, test_unprivileged_forms_behave_as_normal_at_el0);
    tcase_add_test(tc, test_prefetches_never_fault);
    tcase_add_test(tc, test_literal_loads_are_pc_relative);
    tcase_add_test(tc, test_sp_is_the_base_and_xzr_the_data);
    tcase_add_test(tc, test_misaligned_sp_base_faults);
    tcase_add_test(tc, test_writeback_overlapping_the_data_register);
    tcase_add_test(tc, test_general_register_pairs);
    tcase_add_test(tc, test_simd_loads_zero_the_rest_of_the_register);
    tcase_add_test(tc, test_simd_stores_write_only_their_size);
    tcase_add_test(tc, test_simd_pairs);
    tcase_add_test(tc, test_aborts_leave_registers_and_memory_alone);
    tcase_add_test(tc, test_unallocated_load_store_encodings_are_undefined);
    suite_add_tcase(s, tc);
    tc = tcase_create("atomic");
    tcase_add_test(tc, test_exclusive_pair_succeeds_once);
    tcase_add_test(tc, test_exclusive_fails_after_a_store_to_the_tagged_range);
    tcase_add_test(tc, test_exclusive_sizes_and_pairs);
    tcase_add_test(tc, test_load_acquire_store_release);
    tcase_add_test(tc, test_misaligned_ordered_and_atomic_accesses_fault);
    tcase_add_test(tc, test_lse_operations_return_the_old_value);
    tcase_add_test(tc, test_cas_swaps_only_on_a_match);
    tcase_add_test(tc, test_casp_compares_and_swaps_a_pair);
    tcase_add_test(tc, test_random_load_store_words_are_safe);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(a64_ldst_suite()); }
