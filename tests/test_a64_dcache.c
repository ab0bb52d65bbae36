/*
 * The A64 decoded-instruction cache (a64_dcache.h, a64_fast.c): decoded
 * code never outlives the bytes it came from, whoever writes them, and
 * the fast loop counts steps as the plain one does. Built with
 * A64H_DCACHE: the harness's memory is a bus's RAM.
 */
#include <check.h>

#include "a64_harness.h"
#include "testutil.h"

#define MOVZ_X1_1 0xd2800021u
#define MOVZ_X1_2 0xd2800041u
#define RET 0xd65f03c0u

START_TEST(test_guest_store_over_executed_insn_runs_new_insn)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    uint32_t code[] = {
        0xb9400062, /* 0: ldr w2, [x3]     the new instruction word */
        MOVZ_X1_1,  /* 4: movz x1, #1      overwritten by the str */
        0xb5000084, /* 8: cbnz x4, 0x18 */
        0xb90000a2, /* c: str w2, [x5]     x5 = the movz */
        0xd2800024, /* 10: movz x4, #1 */
        0x17fffffc, /* 14: b 4 */
        A64H_BRK,   /* 18 */
    };
    uint32_t patch = MOVZ_X1_2;
    memcpy(a64h_mem(h, A64H_DATA), &patch, 4);
    c->x[3] = A64H_DATA;
    c->x[5] = A64H_BASE + 4;
    ck_assert_int_eq(a64h_run(h, code, 7), A64_EC_BRK);
    ck_assert_uint_eq(c->x[1], 2);
    ck_assert_uint_eq(c->steps, 9);
    a64h_free(h);
}
END_TEST

START_TEST(test_pair_store_over_decoded_insns_runs_new_insns)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    uint32_t code[] = {
        0x91000400, /* 0: add x0, x0, #1 */
        0x91000400, /* 4: add x0, x0, #1 */
        0xb5000084, /* 8: cbnz x4, 0x18 */
        0xd2800024, /* c: movz x4, #1 */
        0x290008a2, /* 10: stp w2, w2, [x5]  x5 = 0: two add x0, x0, #16 */
        0x17fffffb, /* 14: b 0 */
        A64H_BRK,   /* 18 */
    };
    c->x[2] = 0x91004000;
    c->x[5] = A64H_BASE;
    ck_assert_int_eq(a64h_run(h, code, 7), A64_EC_BRK);
    ck_assert_uint_eq(c->x[0], 2 + 32);
    a64h_free(h);
}
END_TEST

/* A store TLB entry made before its page held decoded code must not let
 * a later store overwrite that code unseen. */
START_TEST(test_store_entry_dropped_when_page_is_decoded)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    uint64_t b = A64H_BASE + 0x1000;
    uint32_t code[] = {
        0xb90000e6, /* str w6, [x7]   x7 = b + 8: page b enters the TLB */
        0xd63f0100, /* blr x8         x8 = b: decodes page b */
        0xb9000122, /* str w2, [x9]   x9 = b: movz x1, #2 over movz x1, #1 */
        0xd63f0100, /* blr x8 */
        A64H_BRK,
    };
    uint32_t sub[] = {MOVZ_X1_1, RET};
    memcpy(a64h_mem(h, b), sub, sizeof(sub));
    c->x[2] = MOVZ_X1_2;
    c->x[7] = b + 8;
    c->x[8] = c->x[9] = b;
    ck_assert_int_eq(a64h_run(h, code, 5), A64_EC_BRK);
    ck_assert_uint_eq(c->x[1], 2);
    a64h_free(h);
}
END_TEST

/* A compare and the B.cond after it run as one fused operation in the
 * compare's slot: a write to the B.cond alone must end the pair. */
START_TEST(test_write_to_branch_of_fused_compare_runs_new_insn)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    uint32_t code[] = {
        0xf100141f, /* 0: cmp x0, #5 */
        0x54000040, /* 4: b.eq 0xc */
        0x91000421, /* 8: add x1, x1, #1 */
        A64H_BRK,   /* c */
    };
    c->x[0] = 5;
    ck_assert_int_eq(a64h_run(h, code, 4), A64_EC_BRK);
    ck_assert_uint_eq(c->x[1], 0); /* taken */
    uint32_t patch = 0x91001c42; /* add x2, x2, #7 over the b.eq */
    memcpy(h->mem + 4, &patch, 4);
    a64h_written(h, A64H_BASE + 4, 4);
    c->pc = A64H_BASE;
    bool trapped;
    ck_assert_uint_eq(a64_run(c, 10, &trapped), 4);
    ck_assert(trapped);
    ck_assert_uint_eq(c->x[2], 7);
    ck_assert_uint_eq(c->x[1], 1);
    a64h_free(h);
}
END_TEST

/* A switch's table jump, ADR; ADD (extended); BR, runs as one fused
 * operation in the ADR's slot: it must stop between its instructions when
 * the budget ends there, and a write to the ADD or to the BR alone must
 * end the fusion. */
#define TJ_ADR_X7 0x10000067u   /* 0: adr x7, 0xc */
#define TJ_ADD_SXTW2 0x8b21c8e1u /* 4: add x1, x7, w1, sxtw #2 */
#define TJ_ADD_SXTW3 0x8b21cce1u /*    add x1, x7, w1, sxtw #3 */
#define TJ_SUB_SXTW2 0xcb21c8e1u /*    sub x1, x7, w1, sxtw #2 */
#define TJ_BR_X1 0xd61f0020u     /* 8: br x1 */

START_TEST(test_table_jump_stops_and_ends_on_write)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    uint32_t code[] = {
        TJ_ADR_X7, TJ_ADD_SXTW2, TJ_BR_X1,
        0x91000442, /* c: add x2, x2, #1 */
        0x91000842, /* 10: add x2, x2, #2 */
        A64H_BRK,   /* 14 */
    };
    c->x[1] = 1;
    ck_assert_int_eq(a64h_run(h, code, 6), A64_EC_BRK);
    ck_assert_uint_eq(c->x[7], A64H_BASE + 0xc);
    ck_assert_uint_eq(c->x[1], A64H_BASE + 0x10);
    ck_assert_uint_eq(c->x[2], 2);
    ck_assert_uint_eq(c->steps, 5);

    /* the decoded (fused) code again, one, two and three steps at a time */
    bool trapped = false;
    for (unsigned k = 1; k <= 3; k++) {
        c->pc = A64H_BASE;
        c->x[1] = 1;
        c->x[7] = 0;
        ck_assert_uint_eq(a64_run(c, k, &trapped), k);
        ck_assert(!trapped);
        ck_assert_uint_eq(c->x[7], A64H_BASE + 0xc);
        ck_assert_uint_eq(c->x[1], k >= 2 ? A64H_BASE + 0x10 : 1);
        ck_assert_uint_eq(c->pc, k == 3 ? A64H_BASE + 0x10 : A64H_BASE + 4 * k);
        if (k < 3) { /* and the rest from there */
            ck_assert_uint_eq(a64_run(c, 3 - k, &trapped), 3 - k);
            ck_assert_uint_eq(c->pc, A64H_BASE + 0x10);
        }
    }

    /* A new ADD, the index scaled by 8, and then a SUB of it (with a
     * negative index): both to the BRK. Each runs twice, decoding and then
     * fused. */
    static const struct {
        uint32_t add;
        uint64_t index;
    } adds[] = {
        {TJ_ADD_SXTW3, 1},
        {TJ_SUB_SXTW2, 0xfffffffe}, /* w1 = -2 */
    };
    for (unsigned k = 0; k < 2; k++) {
        memcpy(h->mem + 4, &adds[k].add, 4);
        a64h_written(h, A64H_BASE + 4, 4);
        for (unsigned again = 0; again < 2; again++) {
            c->pc = A64H_BASE;
            c->x[1] = adds[k].index;
            c->x[2] = 0;
            ck_assert_uint_eq(a64_run(c, 10, &trapped), 4);
            ck_assert(trapped);
            ck_assert_uint_eq(c->x[1], A64H_BASE + 0x14);
            ck_assert_uint_eq(c->x[2], 0);
        }
    }

    /* a new instruction over the BR: on in sequence */
    uint32_t patch = 0x910014a5; /* add x5, x5, #5 */
    memcpy(h->mem + 8, &patch, 4);
    a64h_written(h, A64H_BASE + 8, 4);
    for (unsigned again = 0; again < 2; again++) {
        c->pc = A64H_BASE;
        c->x[1] = 0xfffffffe;
        c->x[2] = c->x[5] = 0;
        ck_assert_uint_eq(a64_run(c, 10, &trapped), 6);
        ck_assert(trapped);
        ck_assert_uint_eq(c->x[5], 5);
        ck_assert_uint_eq(c->x[2], 3);
    }
    a64h_free(h);
}
END_TEST

/* The LDRH that loads the table's entry runs fused with the table jump
 * after it (four instructions in one operation): budgets ending after
 * each, and a write to each later instruction, as in the test above. */
START_TEST(test_table_jump_with_its_load)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    uint32_t code[] = {
        0x786158a1u,  /* 0: ldrh w1, [x5, w1, uxtw #1] */
        TJ_ADR_X7,    /* 4: adr x7, 0x10 */
        TJ_ADD_SXTW2, /* 8: add x1, x7, w1, sxtw #2 */
        TJ_BR_X1,     /* c: br x1 */
        0x91000442,   /* 10: add x2, x2, #1 */
        0x91000842,   /* 14: add x2, x2, #2 */
        A64H_BRK,     /* 18 */
    };
    const uint16_t table[] = {1, 0}; /* entry 0: case 1 */
    memcpy(a64h_mem(h, A64H_DATA), table, sizeof(table));
    c->x[5] = A64H_DATA;
    c->x[1] = 0;
    ck_assert_int_eq(a64h_run(h, code, 7), A64_EC_BRK);
    ck_assert_uint_eq(c->x[2], 2);
    ck_assert_uint_eq(c->steps, 6);

    bool trapped = false;
    const uint64_t x1[] = {1, 1, A64H_BASE + 0x14, A64H_BASE + 0x14};
    for (unsigned k = 1; k <= 4; k++) {
        c->pc = A64H_BASE;
        c->x[1] = 0;
        c->x[7] = 0;
        ck_assert_uint_eq(a64_run(c, k, &trapped), k);
        ck_assert(!trapped);
        ck_assert_uint_eq(c->x[1], x1[k - 1]);
        ck_assert_uint_eq(c->x[7], k >= 2 ? A64H_BASE + 0x10 : 0);
        ck_assert_uint_eq(c->pc, k == 4 ? A64H_BASE + 0x14 : A64H_BASE + 4 * k);
    }

    /* a new ADR or ADD sends the jump to the BRK, a new BR to case 0;
     * each runs twice (decoding, then fused) */
    static const struct {
        unsigned at;
        uint32_t insn;
        uint64_t steps;
    } patches[] = {
        {4, 0x10000087u, 5},  /* adr x7, 0x14 */
        {8, TJ_ADD_SXTW3, 5}, /* add x1, x7, w1, sxtw #3 */
        {12, 0xd61f00e0u, 7}, /* br x7: to both cases */
    };
    for (unsigned k = 0; k < 3; k++) {
        memcpy(h->mem, code, sizeof(code)); /* decoded and fused again */
        a64h_written(h, A64H_BASE, sizeof(code));
        c->pc = A64H_BASE;
        c->x[1] = 0;
        ck_assert_uint_eq(a64_run(c, 10, &trapped), 6);
        c->pc = A64H_BASE;
        c->x[1] = 0;
        ck_assert_uint_eq(a64_run(c, 10, &trapped), 6);
        memcpy(h->mem + patches[k].at, &patches[k].insn, 4);
        a64h_written(h, A64H_BASE + patches[k].at, 4);
        for (unsigned again = 0; again < 2; again++) {
            c->pc = A64H_BASE;
            c->x[1] = 0;
            c->x[2] = 0;
            ck_assert_uint_eq(a64_run(c, 10, &trapped), patches[k].steps);
            ck_assert(trapped);
            ck_assert_uint_eq(c->x[2], k == 2 ? 1 + 2 : 0);
        }
    }
    a64h_free(h);
}
END_TEST

/* An LDRH before a table jump whose ADD does not take the loaded entry
 * (it uses the old index, or the ADR's result) must not run the jump on
 * the entry (5, which would jump past the BRKs or to a misaligned pc):
 * each runs three times (decoding, then fused). */
START_TEST(test_table_jump_load_of_another_register)
{
    static const uint32_t forms[][3] = {
        /* ldrh w3, [x5, w1, uxtw #1]; adr x7, 0x10; add x1, x7, w1, sxtw #2:
         * x1 = 0x10 + 4 * 1 */
        {0x786158a3u, TJ_ADR_X7, TJ_ADD_SXTW2},
        /* ldrh w1, [x5, w1, uxtw #1]; adr x1, 0x10; add x1, x1, w1, uxtb:
         * x1 = 0x10 + 0x10 */
        {0x786158a1u, 0x10000061u, 0x8b210021u},
    };
    for (unsigned f = 0; f < 2; f++) {
        a64h *h = a64h_new();
        a64_cpu *c = h->cpu;
        uint32_t code[] = {
            forms[f][0], /* 0 */
            forms[f][1], /* 4 */
            forms[f][2], /* 8 */
            TJ_BR_X1,    /* c: br x1 */
            0x91000442,  /* 10: add x2, x2, #1 */
            0x91000442,  /* 14: add x2, x2, #1 */
            A64H_BRK,    /* 18 */
            A64H_BRK,    /* 1c */
            0x91000842,  /* 20: add x2, x2, #2 */
            A64H_BRK,    /* 24 */
        };
        const uint16_t table[] = {0, 5};
        memcpy(a64h_mem(h, A64H_DATA), table, sizeof(table));
        c->x[5] = A64H_DATA;
        memcpy(h->mem, code, sizeof(code));
        a64h_written(h, A64H_BASE, sizeof(code));
        for (unsigned run = 0; run < 3; run++) {
            bool trapped;
            c->pc = A64H_BASE;
            c->x[1] = 1;
            c->x[2] = 0;
            a64_run(c, 20, &trapped);
            ck_assert(trapped);
            ck_assert_int_eq(c->esr >> 26, A64_EC_BRK);
            ck_assert_uint_eq(c->x[2], (uint64_t)(f ? 2 : 1));
        }
        a64h_free(h);
    }
}
END_TEST

/* An LDR W (register offset) and the compare of its result with the
 * B.cond after it run as one operation (three instructions), with an
 * immediate or a register compared: both ways of the branch, the flags
 * left, budgets ending after each instruction, and a write to each one
 * alone, each run twice (decoding, then fused). */
START_TEST(test_load_compare_branch_fused)
{
    static const uint32_t cmps[] = {
        0x7100403fu, /* cmp w1, #0x10 */
        0x6b03003fu, /* cmp w1, w3 (x3 = 0x10) */
    };
    static const struct {
        unsigned at;
        uint32_t insn;
        uint64_t x2; /* the way the first entry (5) goes */
    } patches[] = {
        {4, 0xb94004a1u, 1}, /* ldr w1, [x5, #4]: 0x20, not taken */
        {8, 0x7100103fu, 1}, /* cmp w1, #4: not taken */
        {12, 0x54000068u, 1}, /* b.hi: not taken */
    };
    for (unsigned form = 0; form < 2; form++) {
        a64h *h = a64h_new();
        a64_cpu *c = h->cpu;
        uint32_t code[] = {
            0x91000129u, /* 0: add x9, x9, #0 */
            0xb86678a1u, /* 4: ldr w1, [x5, x6, lsl #2] */
            cmps[form],  /* 8 */
            0x54000069u, /* c: b.ls 0x18 */
            0x91000442u, /* 10: add x2, x2, #1 */
            A64H_BRK,    /* 14 */
            0x91000842u, /* 18: add x2, x2, #2 */
            A64H_BRK,    /* 1c */
        };
        const uint32_t table[] = {5, 0x20};
        memcpy(a64h_mem(h, A64H_DATA), table, sizeof(table));
        c->x[5] = A64H_DATA;
        c->x[3] = 0x10;
        ck_assert_int_eq(a64h_run(h, code, 8), A64_EC_BRK); /* decodes */
        bool trapped = false;
        for (unsigned run = 0; run < 4; run++) { /* entry 0, 1, 0, 1 */
            c->pc = A64H_BASE;
            c->x[6] = run & 1;
            c->x[2] = 0;
            ck_assert_uint_eq(a64_run(c, 10, &trapped), 6);
            ck_assert(trapped);
            ck_assert_uint_eq(c->x[1], table[run & 1]);
            ck_assert_uint_eq(c->x[2], run & 1 ? 1 : 2);
            ck_assert_uint_eq(c->nzcv, run & 1 ? A64_C : A64_N);
        }
        for (unsigned k = 1; k <= 4; k++) {
            c->pc = A64H_BASE;
            c->x[6] = 0;
            c->x[1] = 0xdead;
            c->nzcv = A64_Z;
            ck_assert_uint_eq(a64_run(c, k, &trapped), k);
            ck_assert(!trapped);
            ck_assert_uint_eq(c->x[1], k >= 2 ? 5 : 0xdead);
            ck_assert_uint_eq(c->nzcv, k >= 3 ? A64_N : A64_Z);
            ck_assert_uint_eq(c->pc, k == 4 ? A64H_BASE + 0x18
                                            : A64H_BASE + 4 * k);
        }
        for (unsigned k = 0; k < 3; k++) {
            memcpy(h->mem, code, sizeof(code)); /* decoded and fused again */
            a64h_written(h, A64H_BASE, sizeof(code));
            for (unsigned again = 0; again < 2; again++) {
                c->pc = A64H_BASE;
                c->x[6] = 0;
                ck_assert_uint_eq(a64_run(c, 10, &trapped), 6);
            }
            memcpy(h->mem + patches[k].at, &patches[k].insn, 4);
            a64h_written(h, A64H_BASE + patches[k].at, 4);
            for (unsigned again = 0; again < 2; again++) {
                c->pc = A64H_BASE;
                c->x[6] = 0;
                c->x[2] = 0;
                ck_assert_uint_eq(a64_run(c, 10, &trapped), 6);
                ck_assert(trapped);
                ck_assert_uint_eq(c->x[2], patches[k].x2);
            }
        }
        a64h_free(h);
    }
}
END_TEST

/*
 * The fused pairs of op_pairs[] that are not loads (a64_fast.c), in one
 * loop: an EOR chain (EOR; EOR, then EOR; MUL), a MUL before a compare and
 * B.cond, 32-bit increments before a compare and B.cond (immediate and
 * register), before an LDR W, compare and B.cond, and before the loop's B,
 * and an LDR W, compare (register) and B.cond. x10 and x14 have bits above
 * 32 and w17 wraps, so that a fused operation run at the wrong width goes
 * another way. Against a hart without the cache: the whole run, then
 * (fused) a run ending after every step, then a run after each
 * instruction of the loop in turn became a NOP, and one after it came
 * back.
 */
static const uint32_t fused_loop[] = {
        0xd2824680u, /* 00: mov x0, #0x1234 */
        0xd2800003u, /* 04: mov x3, #0x0 */
        0xd293c6e8u, /* 08: mov x8, #0x9e37 */
        0xd28000e9u, /* 0c: mov x9, #0x7 */
        0xf2c0002au, /* 10: movk x10, #0x1, lsl #32 */
        0xd280002bu, /* 14: mov x11, #0x1 */
        0xd280030cu, /* 18: mov x12, #0x18 */
        0xd280000du, /* 1c: mov x13, #0x0 */
        0xf2c0002eu, /* 20: movk x14, #0x1, lsl #32 */
        0xd280000fu, /* 24: mov x15, #0x0 */
        0x91000400u, /* 28: add x0, x0, #0x1 */
        0xca403000u, /* 2c: eor x0, x0, x0, lsr #12 */
        0xca006400u, /* 30: eor x0, x0, x0, lsl #25 */
        0xca406c00u, /* 34: eor x0, x0, x0, lsr #27 */
        0x9b087c02u, /* 38: mul x2, x0, x8 */
        0x9b087c44u, /* 3c: mul x4, x2, x8 */
        0xeb0a013fu, /* 40: cmp x9, x10 */
        0x540000c0u, /* 44: b.eq 5c */
        0x110004e7u, /* 48: add w7, w7, #0x1 */
        0xb87078c5u, /* 4c: ldr w5, [x6, x16, lsl #2] */
        0x710040bfu, /* 50: cmp w5, #0x10 */
        0x54000049u, /* 54: b.ls 5c */
        0x91000529u, /* 58: add x9, x9, #0x1 */
        0xca040021u, /* 5c: eor x1, x1, x4 */
        0xb86378c5u, /* 60: ldr w5, [x6, x3, lsl #2] */
        0x6b0c00bfu, /* 64: cmp w5, w12 */
        0x54000048u, /* 68: b.hi 70 */
        0x9100054au, /* 6c: add x10, x10, #0x1 */
        0x110005adu, /* 70: add w13, w13, #0x1 */
        0x6b0e01bfu, /* 74: cmp w13, w14 */
        0x54000041u, /* 78: b.ne 80 */
        0xd280000du, /* 7c: mov x13, #0x0 */
        0x110005efu, /* 80: add w15, w15, #0x1 */
        0x11000463u, /* 84: add w3, w3, #0x1 */
        0x7100187fu, /* 88: cmp w3, #0x6 */
        0x5400004bu, /* 8c: b.lt 94 */
        0xd2800003u, /* 90: mov x3, #0x0 */
        0x11000610u, /* 94: add w16, w16, #0x1 */
        0x7100521fu, /* 98: cmp w16, #0x14 */
        0x54000060u, /* 9c: b.eq a8 */
        0x11000631u, /* a0: add w17, w17, #0x1 */
        0x17ffffe1u, /* a4: b 28 <loop> */
        0xd4200000u, /* a8: brk #0x0 */
};
#define FL_N (sizeof(fused_loop) / sizeof(fused_loop[0]))

static void fl_start(a64h *h)
{
    memset(h->cpu->x, 0, 32 * sizeof(h->cpu->x[0]));
    h->cpu->x[6] = A64H_DATA;
    h->cpu->x[10] = 7;          /* 0x100000007 after the MOVK */
    h->cpu->x[14] = 3;          /* 0x100000003 after the MOVK */
    h->cpu->x[17] = 0xfffffff8; /* w17 wraps */
    h->cpu->nzcv = 0;
    h->cpu->pc = A64H_BASE;
}

static void fl_same(a64h *fast, a64h *slow, const char *what, unsigned k)
{
    a64_cpu *f = fast->cpu, *sl = slow->cpu;
    if (f->pc != sl->pc || f->nzcv != sl->nzcv ||
        memcmp(f->x, sl->x, 32 * sizeof(f->x[0])) != 0)
        ck_abort_msg("%s %u: cached and plain runs differ (pc %#llx / %#llx)",
                     what, k, (unsigned long long)f->pc,
                     (unsigned long long)sl->pc);
}

START_TEST(test_fused_pairs_match_uncached_hart)
{
    a64h *fast = a64h_new(), *slow = a64h_new_plain();
    a64h *hs[2] = {fast, slow};
    uint32_t table[32];
    for (unsigned k = 0; k < 32; k++)
        table[k] = (k * 7) % 40; /* both ways of b.ls #0x10, b.hi #0x18 */
    bool trapped;
    uint64_t steps[2];
    for (unsigned h = 0; h < 2; h++) {
        memcpy(a64h_mem(hs[h], A64H_DATA), table, sizeof(table));
        memcpy(hs[h]->mem, fused_loop, sizeof(fused_loop));
        fl_start(hs[h]);
        steps[h] = a64_run(hs[h]->cpu, 100000, &trapped);
        ck_assert(trapped);
    }
    ck_assert_uint_eq(steps[0], steps[1]);
    ck_assert_uint_gt(steps[0], 400);
    fl_same(fast, slow, "whole run", 0);
    for (unsigned b = 1; b < steps[0]; b++) {
        for (unsigned h = 0; h < 2; h++) {
            fl_start(hs[h]);
            ck_assert_uint_eq(a64_run(hs[h]->cpu, b, &trapped), b);
        }
        fl_same(fast, slow, "budget", b);
    }
    const uint32_t nop = 0xd503201fu;
    for (unsigned k = 10; k < FL_N - 1; k++) { /* the loop */
        for (unsigned round = 0; round < 2; round++) {
            const uint32_t *w = round ? &fused_loop[k] : &nop;
            for (unsigned h = 0; h < 2; h++) {
                memcpy(hs[h]->mem + 4 * k, w, 4);
                if (h == 0)
                    a64h_written(fast, A64H_BASE + 4 * k, 4);
                fl_start(hs[h]);
                steps[h] = a64_run(hs[h]->cpu, 3000, &trapped);
            }
            ck_assert_uint_eq(steps[0], steps[1]);
            fl_same(fast, slow, round ? "restored" : "nop at", k);
        }
    }
    a64h_free(fast);
    a64h_free(slow);
}
END_TEST

/* A bitfield move and an ADD that takes its result as Rm run as one
 * fused operation, at 64 and at 32 bits (where the sum wraps). */
START_TEST(test_bitfield_move_and_add_fused)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    uint32_t code[] = {
        0x937d7c41, /* 0: sbfiz x1, x2, #3, #32 */
        0x8b010004, /* 4: add x4, x0, x1 */
        0x53003c46, /* 8: ubfx w6, w2, #0, #16 (uxth) */
        0x0b060407, /* c: add w7, w0, w6, lsl #1 */
        A64H_BRK,   /* 10 */
    };
    bool trapped = false;
    for (unsigned run = 0; run < 2; run++) { /* decoding, then fused */
        for (unsigned k = 1; k <= 5; k++) {
            if (run == 0 && k < 5)
                continue;
            c->pc = A64H_BASE;
            c->x[0] = 0xfffffff0; /* the W sum carries out */
            c->x[2] = 0x8000fffe; /* negative as a W */
            c->x[1] = c->x[4] = c->x[6] = c->x[7] = 0;
            if (run == 0)
                ck_assert_int_eq(a64h_run(h, code, 5), A64_EC_BRK);
            else
                ck_assert_uint_eq(a64_run(c, k, &trapped), k);
            ck_assert_uint_eq(c->x[1], k >= 1 ? 0xfffffffc0007fff0ull : 0);
            ck_assert_uint_eq(c->x[4], k >= 2 ? 0xfffffffd0007ffe0ull : 0);
            ck_assert_uint_eq(c->x[6], k >= 3 ? 0xfffe : 0);
            ck_assert_uint_eq(c->x[7], k >= 4 ? 0x1ffecu : 0);
        }
    }
    a64h_free(h);
}
END_TEST

/* SMULH and UMULH: the high halves of the signed and unsigned 128-bit
 * products (their own fast operation). */
START_TEST(test_multiply_high_halves)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    uint32_t code[] = {
        0x9b427c20, /* smulh x0, x1, x2 */
        0x9bc27c23, /* umulh x3, x1, x2 */
        0x9bc17c3f, /* umulh xzr, x1, x1 */
        A64H_BRK,
    };
    c->x[1] = 0xfffffffffffffffeull; /* -2 */
    c->x[2] = 0x8000000000000003ull;
    ck_assert_int_eq(a64h_run(h, code, 4), A64_EC_BRK);
    /* -2 * (-2^63 + 3) = 2^64 - 6: high half 0 */
    ck_assert_uint_eq(c->x[0], 0);
    /* (2^64 - 2)(2^63 + 3) = 2^127 + 2^64 + (2^64 - 6): high half 2^63 + 1 */
    ck_assert_uint_eq(c->x[3], 0x8000000000000001ull);
    ck_assert_uint_eq(c->x[A64_XZR], 0);
    a64h_free(h);
}
END_TEST

/* Host-side writes (the kernel's copy-outs) reach the cache through the
 * bus. */
START_TEST(test_host_write_through_bus_runs_new_insn)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    uint32_t code[] = {MOVZ_X1_1, A64H_BRK};
    ck_assert_int_eq(a64h_run(h, code, 2), A64_EC_BRK);
    ck_assert_uint_eq(c->x[1], 1);
    uint32_t patch = MOVZ_X1_2;
    memcpy(h->mem, &patch, 4);
    a64h_written(h, A64H_BASE, 4);
    c->pc = A64H_BASE;
    bool trapped;
    a64_run(c, 10, &trapped);
    ck_assert(trapped);
    ck_assert_uint_eq(c->x[1], 2);
    a64h_free(h);
}
END_TEST

START_TEST(test_budget_counts_exactly_across_pages_and_loops)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    uint32_t code[1100];
    for (unsigned k = 0; k < 1100; k++)
        code[k] = 0x91000400; /* add x0, x0, #1 */
    code[1099] = 0x14000000;  /* b . */
    memcpy(h->mem, code, sizeof(code));
    a64_tlb_flush(c);
    c->pc = A64H_BASE;
    bool trapped;
    for (unsigned k = 0; k < 5; k++) { /* slices of 7 */
        ck_assert_uint_eq(a64_run(c, 7, &trapped), 7);
        ck_assert(!trapped);
    }
    ck_assert_uint_eq(c->x[0], 35);
    ck_assert_uint_eq(c->pc, A64H_BASE + 35 * 4);
    ck_assert_uint_eq(a64_run(c, 2000, &trapped), 2000);
    ck_assert_uint_eq(c->x[0], 1099);
    ck_assert_uint_eq(c->pc, A64H_BASE + 1099 * 4);
    ck_assert_uint_eq(c->steps, 2035);
    a64h_free(h);
}
END_TEST

/* Faults in the fast path leave the state the executors leave. */
START_TEST(test_fast_load_fault_and_sp_alignment_as_executor)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    uint32_t code[] = {
        0xf9400041, /* ldr x1, [x2] */
        A64H_BRK,
    };
    c->x[2] = 0x10; /* unmapped */
    ck_assert_int_eq(a64h_run(h, code, 2), A64_EC_DABORT);
    ck_assert_uint_eq(c->pc, A64H_BASE);
    ck_assert_uint_eq(c->far, 0x10);
    uint32_t sp[] = {
        0xf94003e1, /* ldr x1, [sp] */
        A64H_BRK,
    };
    c->x[31] = A64H_DATA + 8;
    ck_assert_int_eq(a64h_run(h, sp, 2), A64_EC_SP_ALIGN);
    ck_assert_uint_eq(c->pc, A64H_BASE);
    a64h_free(h);
}
END_TEST

/* xorshift64: the random tests' sequence, the same on every run */
static uint64_t rnd(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Run code from A64H_BASE for at most steps steps on h. */
static uint64_t run_n(a64h *h, const uint32_t *code, size_t n, uint64_t steps,
                      bool *trapped)
{
    /* reported, not flushed: the TLB stays warm, so that the fast loads
     * and stores hit it */
    memcpy(h->mem, code, n * 4);
    a64h_written(h, A64H_BASE, n * 4);
    h->cpu->pc = A64H_BASE;
    return a64_run(h->cpu, steps, trapped);
}

/*
 * Random instruction words of the integer groups (data processing, loads
 * and stores, branches), each run from the same random state on a hart
 * with the cache and on one without it: registers, flags, pc, the
 * exception and memory must come out the same. Half the registers point
 * into the data area, so that many accesses succeed and the rest fault.
 */
START_TEST(test_random_insns_match_uncached_hart)
{
    static const unsigned op0s[] = {0x8, 0x9, 0xa, 0xb, 0x4, 0x6, 0xc, 0xe,
                                    0x5, 0xd};
    a64h *fast = a64h_new(), *slow = a64h_new_plain();
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    for (unsigned k = 0; k < 0x4000; k += 8) {
        uint64_t v = rnd(&seed);
        memcpy(fast->mem + 0x80000 - 0x2000 + k, &v, 8);
    }
    memcpy(slow->mem, fast->mem, A64H_SIZE);
    for (unsigned trial = 0; trial < 20000; trial++) {
        uint32_t insn = (uint32_t)rnd(&seed);
        insn = (insn & ~(0xfu << 25)) | op0s[rnd(&seed) % 10] << 25;
        uint32_t code[] = {insn, A64H_BRK};
        a64_cpu *f = fast->cpu, *sl = slow->cpu;
        for (unsigned r = 0; r < 32; r++) {
            uint64_t v = rnd(&seed);
            if (v & 1)
                v = A64H_DATA - 0x1000 + ((v >> 8) & 0x1ff0);
            f->x[r] = sl->x[r] = v;
        }
        f->nzcv = sl->nzcv = (uint32_t)rnd(&seed) & 0xf0000000u;
        f->esr = sl->esr = 0;
        f->far = sl->far = 0;
        bool tf, ts;
        uint64_t nf = run_n(fast, code, 2, 3, &tf);
        uint64_t ns = run_n(slow, code, 2, 3, &ts);
        if (nf != ns || tf != ts || f->pc != sl->pc || f->nzcv != sl->nzcv ||
            f->esr != sl->esr || f->far != sl->far ||
            memcmp(f->x, sl->x, 32 * sizeof(f->x[0])) != 0 ||
            f->x[A64_XZR] != 0 ||
            memcmp(f->v, sl->v, sizeof(f->v)) != 0 ||
            memcmp(fast->mem, slow->mem, A64H_SIZE) != 0)
            ck_abort_msg("insn %08x: cached and plain runs differ", insn);
    }
    a64h_free(fast);
    a64h_free(slow);
}
END_TEST

/*
 * The forwarded operand (a64_fast.c): random dependent sequences over
 * x0..x5 (arithmetic and logic, compares, bitfield moves, loads and stores
 * with computed bases and offsets, TBZ/TBNZ and CBZ over a few
 * instructions, B.cond, ADR and BR with or without an ADD between), run on
 * the cached hart once with other values (decoding along one path) and
 * again, when the consumers run from their slots, must end as on a hart
 * without the cache; every other sequence has one instruction rewritten in
 * between, and every fourth runs in slices of a few steps.
 */
#define FW_N 6 /* x0..x5 */
#define FW_BASE 20 /* x20: the data area, never written */

static uint32_t fw_reg(uint64_t *s) { return (uint32_t)(rnd(s) % FW_N); }

/* Point the TBZ/TBNZ, CBZ/CBNZ, B.cond or ADR at *p d instructions on
 * (an ADR's BR follows it). */
static void fw_resolve(uint32_t *p, unsigned d)
{
    if ((*p & 0x7e000000u) == 0x36000000u) /* TBZ, TBNZ */
        *p |= (d & 0x3fff) << 5;
    else if ((*p & 0x7e000000u) == 0x34000000u || /* CBZ, CBNZ */
             (*p & 0xff000010u) == 0x54000000u)   /* B.cond */
        *p |= (d & 0x7ffff) << 5;
    else /* ADR: 4 * d bytes, immlo always 0 */
        *p |= (d & 0x7ffff) << 5;
}

static unsigned fw_sequence(uint64_t *s, uint32_t *w, unsigned max)
{
    unsigned n = 0, pend[8], npend = 0;
    while (n + 4 < max) {
        for (unsigned b = 0; b < npend; b++) { /* branch targets here */
            if (rnd(s) % 3 == 0) {
                fw_resolve(&w[pend[b]], n - pend[b]);
                pend[b--] = pend[--npend];
            }
        }
        uint32_t sf = (uint32_t)(rnd(s) & 1) << 31, rd = fw_reg(s),
                 rn = fw_reg(s), rm = fw_reg(s);
        uint32_t imm12 = (uint32_t)(rnd(s) % 4096);
        switch (rnd(s) % 17) {
        case 0: { /* ADD, SUB, ADDS, SUBS (immediate) */
            static const uint32_t ops[] = {0x11000000, 0x51000000, 0x31000000,
                                           0x71000000};
            w[n++] = ops[rnd(s) % 4] | sf | imm12 << 10 | rn << 5 | rd;
            break;
        }
        case 1: case 2: { /* ADD, SUB, ADDS, SUBS, AND, ORR, EOR (shifted
                           * by LSL, LSR, ASR, or ROR for the logical ones) */
            static const uint32_t ops[] = {0x0b000000, 0x4b000000, 0x2b000000,
                                           0x6b000000, 0x0a000000, 0x2a000000,
                                           0x4a000000};
            unsigned k = (unsigned)(rnd(s) % 7);
            uint32_t type = (uint32_t)(rnd(s) % (k < 4 ? 3 : 4));
            uint32_t amount = rnd(s) & 1 ? (uint32_t)(rnd(s) % (sf ? 64 : 32))
                                         : (uint32_t)(rnd(s) % 4);
            w[n++] = ops[k] | sf | type << 22 | rm << 16 | amount << 10 |
                     rn << 5 | rd;
            break;
        }
        case 3: /* MOV (ORR from XZR), CMP (SUBS to XZR) */
            w[n++] = rnd(s) & 1 ? 0xaa0003e0u | rm << 16 | rd
                                : 0x6b00001fu | sf | rm << 16 | rn << 5;
            break;
        case 4: { /* SBFM, BFM, UBFM (SXTW, LSL, ASR, SBFIZ, UBFX, BFI...)
                   * of random fields, or an extended-register ADD/SUB(S) */
            uint32_t size = sf ? 64 : 32, opc = (uint32_t)(rnd(s) % 3);
            if (rnd(s) % 4 == 0) {
                w[n++] = 0x0b200000u | sf | (uint32_t)(rnd(s) % 4) << 29 |
                         rm << 16 | (uint32_t)(rnd(s) % 8) << 13 |
                         (uint32_t)(rnd(s) % 5) << 10 | rn << 5 | rd;
                break;
            }
            w[n++] = 0x13000000u | sf | opc << 29 | (sf >> 31) << 22 |
                     (uint32_t)(rnd(s) % size) << 16 |
                     (uint32_t)(rnd(s) % size) << 10 | rn << 5 | rd;
            break;
        }
        case 5: /* MADD, CSEL */
            w[n++] = rnd(s) & 1 ? 0x1b000000u | sf | rm << 16 | fw_reg(s) << 10 |
                                      rn << 5 | rd
                                : 0x1a800000u | sf | rm << 16 |
                                      (uint32_t)(rnd(s) % 14) << 12 | rn << 5 | rd;
            break;
        case 6: { /* LDR X/W/H/B, LDRSW [x20, #imm] */
            static const uint32_t ops[] = {0xf9400000, 0xb9400000, 0x79400000,
                                           0x39400000, 0xb9800000};
            unsigned k = (unsigned)(rnd(s) % 5);
            w[n++] = ops[k] | (uint32_t)(rnd(s) % 32) << 10 | FW_BASE << 5 | rd;
            break;
        }
        case 7: { /* a register offset: AND #0xf8, then LDR [x20, Xm]
                   * extended by UXTW, LSL, SXTW or SXTX, or AND #0x38 and
                   * the same scaled by the access size */
            static const uint32_t ops[] = {0xf8604800, 0xb8604800, 0x38604800,
                                           0xb8a04800};
            static const uint32_t option[] = {2, 3, 6, 7};
            uint32_t scaled = (uint32_t)(rnd(s) & 1);
            w[n++] = (scaled ? 0x927d0800u : 0x927d1000u) | rm << 5 | rm;
            w[n++] = ops[rnd(s) % 4] | option[rnd(s) % 4] << 13 |
                     scaled << 12 | rm << 16 | FW_BASE << 5 | rd;
            break;
        }
        case 8: /* a computed base: AND, ADD x20, then LDR or STR [Xn, #8] */
            w[n++] = 0x927d1000u | rn << 5 | rn;
            w[n++] = 0x8b000000u | rn << 16 | FW_BASE << 5 | rn;
            w[n++] = (rnd(s) & 1 ? 0xb9400800u : 0xf9000400u) | rn << 5 | rd;
            break;
        case 9: { /* STR X/W/B [x20, #imm] of the last result */
            static const uint32_t ops[] = {0xf9000000, 0xb9000000, 0x39000000};
            w[n++] = ops[rnd(s) % 3] | (uint32_t)(rnd(s) % 32) << 10 |
                     FW_BASE << 5 | rd;
            break;
        }
        case 10: case 11: /* TBZ/TBNZ on a random bit, or CBZ/CBNZ */
            if (npend < 8) {
                pend[npend++] = n;
                w[n++] = rnd(s) % 4 ? (rnd(s) & 1 ? 0x36000000u : 0x37000000u) |
                                          (uint32_t)(rnd(s) % 64 >= 32) << 31 |
                                          (uint32_t)(rnd(s) % 32) << 19 | rd
                                    : (rnd(s) & 1 ? 0x34000000u : 0x35000000u) |
                                          sf | rd;
            }
            break;
        case 13: /* B.cond on the last compare's flags */
            if (npend < 8) {
                pend[npend++] = n;
                w[n++] = 0x54000000u | (uint32_t)(rnd(s) % 14);
            }
            break;
        case 12: /* TBZ over ADR and BR to a later target, or over ADR,
                  * ADD (extended, of XZR) and BR: a table jump */
            if (npend < 8) {
                bool tj = rnd(s) & 1;
                w[n++] = 0x36000000u | (uint32_t)(rnd(s) % 32) << 19 |
                         (tj ? 4u : 3u) << 5 | rn;
                pend[npend++] = n;
                w[n++] = 0x10000000u | rd; /* adr rd, target - (this) */
                if (tj) { /* add rm, rd, wzr, <option> #<0..4> */
                    w[n++] = 0x8b3f0000u | (uint32_t)(rnd(s) % 8) << 13 |
                             (uint32_t)(rnd(s) % 5) << 10 | rd << 5 | rm;
                    w[n++] = 0xd61f0000u | rm << 5;
                } else {
                    w[n++] = 0xd61f0000u | rd << 5;
                }
                /* the ADR's offset is from itself: fixed up below */
            }
            break;
        default: /* ADD/SUB immediate on the last result's register */
            w[n++] = (rnd(s) & 1 ? 0x91000000u : 0xd1000000u) |
                     (uint32_t)(rnd(s) % 64) << 10 | rd << 5 | rd;
            break;
        }
    }
    for (unsigned b = 0; b < npend; b++) /* the rest to the end */
        fw_resolve(&w[pend[b]], n - pend[b]);
    w[n++] = A64H_BRK;
    return n;
}

/* x20 lies 0x7c bytes before a page's end, not 8-byte aligned: some
 * accesses cross into the next page, which the fast handlers leave to the
 * executors (and then continue in sequence) */
#define FW_DATA (A64H_DATA + 0x1000 - 0x7c)
#define FW_AREA (A64H_DATA - A64H_BASE + 0xf00) /* offset in mem, 0x300 bytes */

static void fw_start(a64h *h, uint64_t seed)
{
    uint64_t s = seed;
    for (unsigned r = 0; r < FW_N; r++)
        h->cpu->x[r] = rnd(&s);
    h->cpu->x[FW_BASE] = FW_DATA;
    h->cpu->nzcv = (uint32_t)rnd(&s) & 0xf0000000u;
    for (unsigned k = 0; k < 0x300; k += 8) {
        uint64_t v = rnd(&s);
        memcpy(h->mem + FW_AREA + k, &v, 8);
    }
    h->cpu->pc = A64H_BASE;
}

START_TEST(test_forwarded_operands_match_uncached_hart)
{
    a64h *fast = a64h_new(), *slow = a64h_new_plain();
    uint64_t s = 0x2545f4914f6cdd1dull;
    for (unsigned seq = 0; seq < 400; seq++) {
        uint32_t w[200];
        unsigned n = fw_sequence(&s, w, 180);
        memcpy(fast->mem, w, n * 4);
        a64h_written(fast, A64H_BASE, n * 4);
        memcpy(slow->mem, w, n * 4);
        a64_tlb_flush(slow->cpu);
        uint64_t warm = rnd(&s), seed = rnd(&s);
        bool tf, ts;
        fw_start(fast, warm);
        a64_run(fast->cpu, 100000, &tf);
        ck_assert(tf);
        if (seq % 2) { /* one instruction rewritten: a new producer */
            unsigned j = (unsigned)(rnd(&s) % (n - 1)), r = j % FW_N;
            uint32_t add = 0x91000400u | r << 5 | r; /* add xr, xr, #1 */
            memcpy(fast->mem + 4 * j, &add, 4);
            a64h_written(fast, A64H_BASE + 4 * j, 4);
            memcpy(slow->mem + 4 * j, &add, 4);
        }
        fw_start(fast, seed);
        fw_start(slow, seed);
        uint64_t nf = 0, ns = 0;
        if (seq % 4 == 3) { /* in short slices: state leaves and comes back,
                             * and every slice ends where the plain one does
                             * (the budget is exact, also inside a fused
                             * compare and branch) */
            do {
                uint64_t k = 1 + rnd(&s) % 7;
                uint64_t df = a64_run(fast->cpu, k, &tf);
                uint64_t ds = a64_run(slow->cpu, k, &ts);
                if (df != ds || tf != ts || fast->cpu->pc != slow->cpu->pc)
                    ck_abort_msg("sequence %u: a slice of %llu ran %llu "
                                 "steps to %#llx, plain %llu to %#llx",
                                 seq, (unsigned long long)k,
                                 (unsigned long long)df,
                                 (unsigned long long)fast->cpu->pc,
                                 (unsigned long long)ds,
                                 (unsigned long long)slow->cpu->pc);
                nf += df;
                ns += ds;
            } while (!tf && nf < 100000);
        } else {
            nf = a64_run(fast->cpu, 100000, &tf);
            ns = a64_run(slow->cpu, 100000, &ts);
        }
        a64_cpu *f = fast->cpu, *sl = slow->cpu;
        if (nf != ns || !tf || !ts || f->pc != sl->pc || f->nzcv != sl->nzcv ||
            memcmp(f->x, sl->x, 32 * sizeof(f->x[0])) != 0 ||
            f->x[A64_XZR] != 0 ||
            memcmp(fast->mem + FW_AREA, slow->mem + FW_AREA, 0x300) != 0)
            ck_abort_msg("sequence %u (%u words): cached and plain runs "
                         "differ (pc %#llx / %#llx)",
                         seq, n, (unsigned long long)f->pc,
                         (unsigned long long)sl->pc);
    }
    a64h_free(fast);
    a64h_free(slow);
}
END_TEST

/* The fast loads' extensions: LDRSH to W zero-extends its 32 bits,
 * LDRSB to X sign-extends to 64, post-index writes the base back */
START_TEST(test_fast_loads_extend_as_the_architecture_says)
{
    a64h *h = a64h_new();
    a64_cpu *c = h->cpu;
    uint32_t code[] = {
        0xf9400047, /* ldr x7, [x2]  the slow path: the page enters the TLB */
        0x79c00041, /* ldrsh w1, [x2] */
        0x39800443, /* ldrsb x3, [x2, #1] */
        0x78402444, /* ldrh w4, [x2], #2 */
        0xb8667845, /* ldr w5, [x2, x6, lsl #2] */
        A64H_BRK,
    };
    uint8_t data[8] = {0x00, 0x80, 0x00, 0x00, 0xff, 0xff, 0xff, 0x9f};
    memcpy(a64h_mem(h, A64H_DATA), data, sizeof(data));
    c->x[1] = c->x[5] = ~0ull;
    c->x[2] = A64H_DATA;
    c->x[6] = 1; /* x2 + 2 + 4: 0xff, 0x9f, 0, 0 */
    ck_assert_int_eq(a64h_run(h, code, 6), A64_EC_BRK);
    ck_assert_uint_eq(c->x[1], 0xffff8000u);
    ck_assert_uint_eq(c->x[3], 0xffffffffffffff80ull);
    ck_assert_uint_eq(c->x[4], 0x8000);
    ck_assert_uint_eq(c->x[2], A64H_DATA + 2);
    ck_assert_uint_eq(c->x[5], 0x9fff);
    a64h_free(h);
}
END_TEST

/*
 * A compare fused with the B.cond after it takes the branch by a mask of
 * how its operands compare (equal, below, less: cmp_cond_mask()). For every
 * condition, at both widths, by register and by immediate, with an operand
 * forwarded from the instruction before or not, and operands at the edges
 * where those three part, the branch must go as on a hart without the
 * cache. Each program is decoded by a first run, so the runs after it are
 * fused (MI, PL, VS and VC stay unfused and must agree too).
 */
START_TEST(test_fused_compare_branch_every_condition)
{
    static const uint64_t vals[] = {
        0, 1, 2, 0xfff, 0x1000, 0x7fffffff, 0x80000000, 0xffffffff,
        0x100000000, 0x7fffffffffffffff, 0x8000000000000000,
        0xffffffffffffffff, 0xffffffff00000001,
    };
    enum { NV = sizeof(vals) / sizeof(vals[0]) };
    static const uint32_t cmps[] = {
        0xeb01001fu, /* cmp x0, x1 */
        0x6b01001fu, /* cmp w0, w1 */
        0xf100001fu, /* cmp x0, #imm (imm12 and shift added) */
        0x7100001fu, /* cmp w0, #imm */
    };
    static const uint32_t imms[] = {0, 1, 0xfff, 1u << 12 | 1}; /* LSL 12 */
    static const uint32_t pre[] = {
        0xd2800129u, /* movz x9, #9: nothing forwarded */
        0xaa0203e0u, /* mov x0, x2: Rn forwarded */
        0xaa0303e1u, /* mov x1, x3: Rm forwarded (register forms) */
    };
    a64h *fast = a64h_new(), *slow = a64h_new_plain();
    a64h *hs[2] = {fast, slow};
    for (uint32_t cond = 0; cond < 16; cond++) {
        for (unsigned k = 0; k < 4; k++) {
            for (unsigned f = 0; f < (k < 2 ? 3u : 2u); f++) {
                for (unsigned m = 0; m < (k < 2 ? 1u : 4u); m++) {
                    uint32_t code[] = {
                        pre[f],
                        cmps[k] | (imms[m] & 0xfff) << 10 |
                            (imms[m] >> 12) << 22,
                        0x54000040u | cond, /* b.cond +8 */
                        0x910004a5u,        /* add x5, x5, #1 */
                        A64H_BRK,
                    };
                    for (unsigned h = 0; h < 2; h++) /* decode */
                        ck_assert_int_eq(a64h_run(hs[h], code, 5), A64_EC_BRK);
                    for (unsigned p = 0; p < NV * (k < 2 ? NV : 1); p++) {
                        uint64_t a = vals[p % NV], b = vals[p / NV];
                        uint64_t n[2];
                        for (unsigned h = 0; h < 2; h++) {
                            a64_cpu *c = hs[h]->cpu;
                            bool trapped;
                            c->x[0] = c->x[2] = a;
                            c->x[1] = c->x[3] = b;
                            c->x[5] = 0;
                            c->nzcv = 0;
                            c->pc = A64H_BASE;
                            n[h] = a64_run(c, 100, &trapped);
                            ck_assert(trapped);
                        }
                        a64_cpu *fc = fast->cpu, *sc = slow->cpu;
                        if (n[0] != n[1] || fc->x[5] != sc->x[5] ||
                            fc->nzcv != sc->nzcv || fc->pc != sc->pc)
                            ck_abort_msg("cond %u, %08x with %#llx, %#llx: "
                                         "fused and plain differ",
                                         cond, code[1], (unsigned long long)a,
                                         (unsigned long long)b);
                    }
                }
            }
        }
    }
    a64h_free(fast);
    a64h_free(slow);
}
END_TEST

/* a64_tlb_find(): an entry serves only accesses that stay in its page,
 * up to its last byte, and an access that wraps past the top of the
 * address space finds nothing */
START_TEST(test_tlb_find_only_whole_accesses)
{
    static a64_tlb tlb[A64_TLB_SIZE];
    for (unsigned k = 0; k < A64_TLB_SIZE; k++)
        tlb[k].tag = ~0ull;
    uint64_t page = 0x12345; /* the entry for va 0x12345000 */
    uint64_t top = (1ull << 52) - 1; /* the last page */
    tlb[page & (A64_TLB_SIZE - 1)].tag = page;
    tlb[(page - 1) & (A64_TLB_SIZE - 1)].tag = page - 1;
    tlb[top & (A64_TLB_SIZE - 1)].tag = top;
    tlb[0].tag = 0;
    for (unsigned size = 1; size <= 16; size *= 2) {
        for (uint64_t off = 0; off < A64_PAGE_SIZE; off++) {
            uint64_t va = page << A64_PAGE_BITS | off;
            bool whole = off + size <= A64_PAGE_SIZE;
            ck_assert_int_eq(a64_tlb_find(tlb, va, size) != NULL, whole);
            va = top << A64_PAGE_BITS | off; /* wraps to page 0 */
            ck_assert_int_eq(a64_tlb_find(tlb, va, size) != NULL, whole);
        }
        /* the last byte of the page before, mapped too: alone it is
         * found, and no access that runs on into the next page is */
        ck_assert_int_eq(
            a64_tlb_find(tlb, (page << A64_PAGE_BITS) - 1, size) != NULL,
            size == 1);
    }
    ck_assert_ptr_null(a64_tlb_find(tlb, 0x22345000, 1)); /* same index */
}
END_TEST

/* a64_cond()'s table against ConditionHolds() as the Arm ARM words it */
START_TEST(test_cond_table_matches_condition_holds)
{
    for (unsigned k = 0; k < 16; k++) {
        bool n = k & 8, z = k & 4, cf = k & 2, v = k & 1;
        bool base[8] = {z, cf, n, v, cf && !z, n == v, n == v && !z, true};
        for (unsigned cond = 0; cond < 16; cond++) {
            bool r = base[cond >> 1];
            if ((cond & 1) && cond != 15)
                r = !r;
            ck_assert_int_eq(a64_cond((uint32_t)k << 28, cond), r);
        }
    }
}
END_TEST

static Suite *a64_dcache_suite(void)
{
    Suite *s = suite_create("a64_dcache");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_guest_store_over_executed_insn_runs_new_insn);
    tcase_add_test(tc, test_pair_store_over_decoded_insns_runs_new_insns);
    tcase_add_test(tc, test_store_entry_dropped_when_page_is_decoded);
    tcase_add_test(tc, test_host_write_through_bus_runs_new_insn);
    tcase_add_test(tc, test_write_to_branch_of_fused_compare_runs_new_insn);
    tcase_add_test(tc, test_table_jump_stops_and_ends_on_write);
    tcase_add_test(tc, test_table_jump_with_its_load);
    tcase_add_test(tc, test_table_jump_load_of_another_register);
    tcase_add_test(tc, test_load_compare_branch_fused);
    tcase_add_test(tc, test_fused_pairs_match_uncached_hart);
    tcase_add_test(tc, test_bitfield_move_and_add_fused);
    tcase_add_test(tc, test_multiply_high_halves);
    tcase_add_test(tc, test_budget_counts_exactly_across_pages_and_loops);
    tcase_add_test(tc, test_fast_load_fault_and_sp_alignment_as_executor);
    tcase_add_test(tc, test_cond_table_matches_condition_holds);
    tcase_add_test(tc, test_fused_compare_branch_every_condition);
    tcase_add_test(tc, test_tlb_find_only_whole_accesses);
    tcase_add_test(tc, test_random_insns_match_uncached_hart);
    tcase_add_test(tc, test_forwarded_operands_match_uncached_hart);
    tcase_add_test(tc, test_fast_loads_extend_as_the_architecture_says);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(a64_dcache_suite()); }
