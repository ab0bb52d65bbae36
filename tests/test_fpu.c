/*
 * The soft-float library (src/fpu/fpu.h) against IEEE 754-2008 and the
 * RISC-V F and D chapters of the unprivileged spec:
 *   - hand-written corner cases with exact result bits and exact flags, in
 *     all five rounding modes (RMM included, which no host has);
 *   - on x86-64 hosts, a differential run against the host's SSE
 *     arithmetic in RNE, RTZ, RDN and RUP over special values and a few
 *     hundred thousand deterministic random operands (x86 detects tininess
 *     after rounding, as RISC-V does), and in RMM derived from the host's
 *     results (see host_rmm).
 * The expected values come from the specifications, not from the
 * implementation: when a case fails, the implementation is suspect first.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "fpu/fpu.h"
#include "testutil.h"

#define NX FP_NX
#define UF FP_UF
#define OF FP_OF
#define DZ FP_DZ
#define NV FP_NV

static const char *const rm_name[] = {"RNE", "RTZ", "RDN", "RUP", "RMM"};

/* ---- binary32 values ---- */
#define S_P0 0x00000000u
#define S_N0 0x80000000u
#define S_ONE 0x3f800000u
#define S_M1 0xbf800000u
#define S_TWO 0x40000000u
#define S_THREE 0x40400000u
#define S_HALF 0x3f000000u
#define S_MINSUB 0x00000001u
#define S_MAXSUB 0x007fffffu
#define S_MINNORM 0x00800000u
#define S_MAX 0x7f7fffffu
#define S_INF 0x7f800000u
#define S_NINF 0xff800000u
#define S_CNAN F32_CANON_NAN
#define S_QNANP 0x7fc12345u /* quiet, with a payload */
#define S_NQNAN 0xffc00000u /* quiet, negative */
#define S_SNAN 0x7f800001u
#define S_SNANP 0x7fbfffffu /* signalling, largest payload */
#define S_NSNAN 0xffa00000u
#define S_NEG(x) ((x) ^ 0x80000000u)

/* ---- binary64 values ---- */
#define D_P0 0x0000000000000000ull
#define D_N0 0x8000000000000000ull
#define D_ONE 0x3ff0000000000000ull
#define D_M1 0xbff0000000000000ull
#define D_TWO 0x4000000000000000ull
#define D_THREE 0x4008000000000000ull
#define D_HALF 0x3fe0000000000000ull
#define D_MINSUB 0x0000000000000001ull
#define D_MAXSUB 0x000fffffffffffffull
#define D_MINNORM 0x0010000000000000ull
#define D_MAX 0x7fefffffffffffffull
#define D_INF 0x7ff0000000000000ull
#define D_NINF 0xfff0000000000000ull
#define D_CNAN F64_CANON_NAN
#define D_QNANP 0x7ff8000000012345ull
#define D_NQNAN 0xfff8000000000000ull
#define D_SNAN 0x7ff0000000000001ull
#define D_SNANP 0x7ff7ffffffffffffull
#define D_NSNAN 0xfff4000000000000ull
#define D_NEG(x) ((x) ^ 0x8000000000000000ull)

/* ------------------------------------------------------------------------
 * Arithmetic tables: one row is one operation in one rounding mode.
 * ---------------------------------------------------------------------- */

enum { ADD, SUB, MUL, DIV, SQRT, FMA };
static const char *const op_name[] = {"add", "sub", "mul", "div", "sqrt",
                                      "fma"};

typedef struct c32 {
    uint8_t op, rm;
    uint32_t a, b, c, r;
    uint8_t fl;
} c32;

typedef struct c64 {
    uint8_t op, rm;
    uint64_t a, b, c, r;
    uint8_t fl;
} c64;

/* The same result and flags in all five rounding modes. */
#define ALL5(op, a, b, c, r, fl)                                              \
    {op, FP_RNE, a, b, c, r, fl}, {op, FP_RTZ, a, b, c, r, fl},               \
        {op, FP_RDN, a, b, c, r, fl}, {op, FP_RUP, a, b, c, r, fl},           \
        {op, FP_RMM, a, b, c, r, fl}
/* One result per mode (RNE, RTZ, RDN, RUP, RMM), each with its flags. */
#define EACH(op, a, b, c, rne, fne, rtz, ftz, rdn, fdn, rup, fup, rmm, fmm)   \
    {op, FP_RNE, a, b, c, rne, fne}, {op, FP_RTZ, a, b, c, rtz, ftz},         \
        {op, FP_RDN, a, b, c, rdn, fdn}, {op, FP_RUP, a, b, c, rup, fup},     \
        {op, FP_RMM, a, b, c, rmm, fmm}

static uint32_t do32(const c32 *c, unsigned *fl)
{
    switch (c->op) {
    case ADD: return f32_add(c->a, c->b, c->rm, fl);
    case SUB: return f32_sub(c->a, c->b, c->rm, fl);
    case MUL: return f32_mul(c->a, c->b, c->rm, fl);
    case DIV: return f32_div(c->a, c->b, c->rm, fl);
    case SQRT: return f32_sqrt(c->a, c->rm, fl);
    default: return f32_fma(c->a, c->b, c->c, c->rm, fl);
    }
}

static uint64_t do64(const c64 *c, unsigned *fl)
{
    switch (c->op) {
    case ADD: return f64_add(c->a, c->b, c->rm, fl);
    case SUB: return f64_sub(c->a, c->b, c->rm, fl);
    case MUL: return f64_mul(c->a, c->b, c->rm, fl);
    case DIV: return f64_div(c->a, c->b, c->rm, fl);
    case SQRT: return f64_sqrt(c->a, c->rm, fl);
    default: return f64_fma(c->a, c->b, c->c, c->rm, fl);
    }
}

/* Every row is checked; each mismatch is printed, and the test fails with
 * the first one. */
static void run32(const char *what, const c32 *t, size_t n)
{
    char first[256] = "";
    unsigned bad = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned fl = 0;
        uint32_t r = do32(&t[i], &fl);
        if (r == t[i].r && fl == t[i].fl)
            continue;
        char msg[256];
        snprintf(msg, sizeof msg,
                 "%s row %zu: f32_%s %s a=0x%08" PRIx32 " b=0x%08" PRIx32
                 " c=0x%08" PRIx32 ": got 0x%08" PRIx32 " flags 0x%02x, "
                 "expected 0x%08" PRIx32 " flags 0x%02x",
                 what, i, op_name[t[i].op], rm_name[t[i].rm], t[i].a, t[i].b,
                 t[i].c, r, fl, t[i].r, t[i].fl);
        fprintf(stderr, "%s\n", msg);
        if (!bad++)
            memcpy(first, msg, sizeof first);
    }
    ck_assert_msg(bad == 0, "%u of %zu rows failed; first: %s", bad, n, first);
}

static void run64(const char *what, const c64 *t, size_t n)
{
    char first[256] = "";
    unsigned bad = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned fl = 0;
        uint64_t r = do64(&t[i], &fl);
        if (r == t[i].r && fl == t[i].fl)
            continue;
        char msg[256];
        snprintf(msg, sizeof msg,
                 "%s row %zu: f64_%s %s a=0x%016" PRIx64 " b=0x%016" PRIx64
                 " c=0x%016" PRIx64 ": got 0x%016" PRIx64 " flags 0x%02x, "
                 "expected 0x%016" PRIx64 " flags 0x%02x",
                 what, i, op_name[t[i].op], rm_name[t[i].rm], t[i].a, t[i].b,
                 t[i].c, r, fl, t[i].r, t[i].fl);
        fprintf(stderr, "%s\n", msg);
        if (!bad++)
            memcpy(first, msg, sizeof first);
    }
    ck_assert_msg(bad == 0, "%u of %zu rows failed; first: %s", bad, n, first);
}

#define RUN32(t) run32(#t, (t), sizeof(t) / sizeof((t)[0]))
#define RUN64(t) run64(#t, (t), sizeof(t) / sizeof((t)[0]))

/* ---- rounding of inexact results, in every mode ---- */

/* 1 + 2^-24 is halfway between 1 and 1 + ulp: RNE keeps the even 1, RMM
 * goes away from zero. 1 + 1.5*2^-24 is above halfway. (1 + ulp) + 2^-24
 * is a tie whose even neighbour is the upper one. */
static const c32 s_round[] = {
    EACH(ADD, S_ONE, 0x33800000u, 0, S_ONE, NX, S_ONE, NX, S_ONE, NX,
         0x3f800001u, NX, 0x3f800001u, NX),
    EACH(ADD, S_ONE, 0x33c00000u, 0, 0x3f800001u, NX, S_ONE, NX, S_ONE, NX,
         0x3f800001u, NX, 0x3f800001u, NX),
    EACH(ADD, 0x3f800001u, 0x33800000u, 0, 0x3f800002u, NX, 0x3f800001u, NX,
         0x3f800001u, NX, 0x3f800002u, NX, 0x3f800002u, NX),
    EACH(ADD, S_M1, 0xb3800000u, 0, S_M1, NX, S_M1, NX, 0xbf800001u, NX,
         S_M1, NX, 0xbf800001u, NX),
    EACH(SUB, S_ONE, 0x33000000u, 0, S_ONE, NX, 0x3f7fffffu, NX, 0x3f7fffffu,
         NX, S_ONE, NX, S_ONE, NX),
    /* 1/3 = 1.0101...b * 2^-2: the bits after the 24th are 1010..., more
     * than half an ulp */
    EACH(DIV, S_ONE, S_THREE, 0, 0x3eaaaaabu, NX, 0x3eaaaaaau, NX,
         0x3eaaaaaau, NX, 0x3eaaaaabu, NX, 0x3eaaaaabu, NX),
    EACH(DIV, S_M1, S_THREE, 0, 0xbeaaaaabu, NX, 0xbeaaaaaau, NX,
         0xbeaaaaabu, NX, 0xbeaaaaaau, NX, 0xbeaaaaabu, NX),
    /* (1 + 2^-12)^2 = 1 + 2^-11 + 2^-24: a tie in the product */
    EACH(MUL, 0x3f800800u, 0x3f800800u, 0, 0x3f801000u, NX, 0x3f801000u, NX,
         0x3f801000u, NX, 0x3f801001u, NX, 0x3f801001u, NX),
    EACH(MUL, 0xbf800800u, 0x3f800800u, 0, 0xbf801000u, NX, 0xbf801000u, NX,
         0xbf801001u, NX, 0xbf801000u, NX, 0xbf801001u, NX),
    /* sqrt(2) = 1.41421356...: 0x3fb504f3 is 1.4142135381..., below */
    EACH(SQRT, S_TWO, 0, 0, 0x3fb504f3u, NX, 0x3fb504f3u, NX, 0x3fb504f3u, NX,
         0x3fb504f4u, NX, 0x3fb504f3u, NX),
    /* 16777216 + 1 (2^24 + 1) is a tie; + 3 is a tie with the even one up */
    EACH(ADD, 0x4b800000u, S_ONE, 0, 0x4b800000u, NX, 0x4b800000u, NX,
         0x4b800000u, NX, 0x4b800001u, NX, 0x4b800001u, NX),
    EACH(ADD, 0x4b800000u, S_THREE, 0, 0x4b800002u, NX, 0x4b800001u, NX,
         0x4b800001u, NX, 0x4b800002u, NX, 0x4b800002u, NX),
};

static const c64 d_round[] = {
    EACH(ADD, D_ONE, 0x3ca0000000000000ull, 0, D_ONE, NX, D_ONE, NX, D_ONE, NX,
         0x3ff0000000000001ull, NX, 0x3ff0000000000001ull, NX),
    EACH(ADD, D_ONE, 0x3ca8000000000000ull, 0, 0x3ff0000000000001ull, NX,
         D_ONE, NX, D_ONE, NX, 0x3ff0000000000001ull, NX,
         0x3ff0000000000001ull, NX),
    EACH(ADD, 0x3ff0000000000001ull, 0x3ca0000000000000ull, 0,
         0x3ff0000000000002ull, NX, 0x3ff0000000000001ull, NX,
         0x3ff0000000000001ull, NX, 0x3ff0000000000002ull, NX,
         0x3ff0000000000002ull, NX),
    EACH(ADD, D_M1, 0xbca0000000000000ull, 0, D_M1, NX, D_M1, NX,
         0xbff0000000000001ull, NX, D_M1, NX, 0xbff0000000000001ull, NX),
    EACH(SUB, D_ONE, 0x3c90000000000000ull, 0, D_ONE, NX,
         0x3fefffffffffffffull, NX, 0x3fefffffffffffffull, NX, D_ONE, NX,
         D_ONE, NX),
    /* 1/3 and 2/3: the bits after the 53rd are 0101..., less than half an
     * ulp; 1/5 = 1.1001...b * 2^-3: 1001..., more than half */
    EACH(DIV, D_ONE, D_THREE, 0, 0x3fd5555555555555ull, NX,
         0x3fd5555555555555ull, NX, 0x3fd5555555555555ull, NX,
         0x3fd5555555555556ull, NX, 0x3fd5555555555555ull, NX),
    EACH(DIV, D_TWO, D_THREE, 0, 0x3fe5555555555555ull, NX,
         0x3fe5555555555555ull, NX, 0x3fe5555555555555ull, NX,
         0x3fe5555555555556ull, NX, 0x3fe5555555555555ull, NX),
    EACH(DIV, D_ONE, 0x4014000000000000ull, 0, 0x3fc999999999999aull, NX,
         0x3fc9999999999999ull, NX, 0x3fc9999999999999ull, NX,
         0x3fc999999999999aull, NX, 0x3fc999999999999aull, NX),
    EACH(DIV, D_M1, D_THREE, 0, 0xbfd5555555555555ull, NX,
         0xbfd5555555555555ull, NX, 0xbfd5555555555556ull, NX,
         0xbfd5555555555555ull, NX, 0xbfd5555555555555ull, NX),
    /* (1 + 2^-26)(1 + 2^-27) = 1 + 2^-26 + 2^-27 + 2^-53: a tie */
    EACH(MUL, 0x3ff0000004000000ull, 0x3ff0000002000000ull, 0,
         0x3ff0000006000000ull, NX, 0x3ff0000006000000ull, NX,
         0x3ff0000006000000ull, NX, 0x3ff0000006000001ull, NX,
         0x3ff0000006000001ull, NX),
    /* sqrt(2): 0x3ff6a09e667f3bcd is 1.41421356237309514547..., above */
    EACH(SQRT, D_TWO, 0, 0, 0x3ff6a09e667f3bcdull, NX, 0x3ff6a09e667f3bccull,
         NX, 0x3ff6a09e667f3bccull, NX, 0x3ff6a09e667f3bcdull, NX,
         0x3ff6a09e667f3bcdull, NX),
    /* 2^53 + 1 is a tie */
    EACH(ADD, 0x4340000000000000ull, D_ONE, 0, 0x4340000000000000ull, NX,
         0x4340000000000000ull, NX, 0x4340000000000000ull, NX,
         0x4340000000000001ull, NX, 0x4340000000000001ull, NX),
};

START_TEST(test_inexact_results_round_per_mode_with_ties_to_even_and_away)
{
    RUN32(s_round);
    RUN64(d_round);
}
END_TEST

/* ---- exact results: no flags at all ---- */

static const c32 s_exact[] = {
    ALL5(ADD, S_ONE, S_ONE, 0, S_TWO, 0),
    ALL5(MUL, S_THREE, S_HALF, 0, 0x3fc00000u, 0),
    ALL5(DIV, S_ONE, 0x40800000u, 0, 0x3e800000u, 0),
    ALL5(SQRT, 0x41100000u, 0, 0, S_THREE, 0), /* sqrt(9) = 3 */
    ALL5(FMA, S_TWO, S_THREE, S_ONE, 0x40e00000u, 0),
    /* subnormal operands, subnormal results that are exact: tiny but
     * exact raises nothing (UF needs inexact) */
    ALL5(ADD, S_MAXSUB, S_MINSUB, 0, S_MINNORM, 0),
    ALL5(SUB, S_MINNORM, S_MINSUB, 0, S_MAXSUB, 0),
    ALL5(ADD, S_MINSUB, S_MINSUB, 0, 0x00000002u, 0),
    ALL5(MUL, S_MAXSUB, S_TWO, 0, 0x00fffffeu, 0),
    ALL5(DIV, S_MINNORM, S_TWO, 0, 0x00400000u, 0),
    ALL5(MUL, S_MINNORM, S_HALF, 0, 0x00400000u, 0),
    ALL5(MUL, S_MINSUB, 0x4b000000u, 0, S_MINNORM, 0), /* 2^-149 * 2^23 */
    ALL5(SQRT, 0x00000002u, 0, 0, 0x1a800000u, 0),       /* sqrt(2^-148) */
    ALL5(DIV, S_MINSUB, S_MINSUB, 0, S_ONE, 0),
    ALL5(FMA, S_MINNORM, S_HALF, S_P0, 0x00400000u, 0),
};

static const c64 d_exact[] = {
    ALL5(ADD, D_ONE, D_ONE, 0, D_TWO, 0),
    ALL5(MUL, D_THREE, D_HALF, 0, 0x3ff8000000000000ull, 0),
    ALL5(DIV, D_ONE, 0x4010000000000000ull, 0, 0x3fd0000000000000ull, 0),
    ALL5(SQRT, 0x4022000000000000ull, 0, 0, D_THREE, 0),
    ALL5(FMA, D_TWO, D_THREE, D_ONE, 0x401c000000000000ull, 0),
    ALL5(ADD, D_MAXSUB, D_MINSUB, 0, D_MINNORM, 0),
    ALL5(SUB, D_MINNORM, D_MINSUB, 0, D_MAXSUB, 0),
    ALL5(MUL, D_MAXSUB, D_TWO, 0, 0x001ffffffffffffeull, 0),
    ALL5(DIV, D_MINNORM, D_TWO, 0, 0x0008000000000000ull, 0),
    ALL5(SQRT, D_MINSUB, 0, 0, 0x1e60000000000000ull, 0), /* 2^-537 */
    ALL5(DIV, D_MINSUB, D_MINSUB, 0, D_ONE, 0),
    ALL5(FMA, D_MINNORM, D_HALF, D_P0, 0x0008000000000000ull, 0),
};

START_TEST(test_exact_results_raise_no_flags_even_when_subnormal)
{
    RUN32(s_exact);
    RUN64(d_exact);
}
END_TEST

/* ---- signed zeros ---- */

static const c32 s_zero[] = {
    /* x - x and x + (-x) are +0 in every mode but RDN, where they are -0 */
    EACH(SUB, S_ONE, S_ONE, 0, S_P0, 0, S_P0, 0, S_N0, 0, S_P0, 0, S_P0, 0),
    EACH(ADD, S_THREE, S_NEG(S_THREE), 0, S_P0, 0, S_P0, 0, S_N0, 0, S_P0, 0,
         S_P0, 0),
    EACH(SUB, S_MINSUB, S_MINSUB, 0, S_P0, 0, S_P0, 0, S_N0, 0, S_P0, 0, S_P0,
         0),
    EACH(ADD, S_P0, S_N0, 0, S_P0, 0, S_P0, 0, S_N0, 0, S_P0, 0, S_P0, 0),
    ALL5(ADD, S_N0, S_N0, 0, S_N0, 0),
    ALL5(ADD, S_P0, S_P0, 0, S_P0, 0),
    ALL5(SUB, S_N0, S_P0, 0, S_N0, 0),
    ALL5(MUL, S_P0, S_M1, 0, S_N0, 0),
    ALL5(MUL, S_N0, S_N0, 0, S_P0, 0),
    ALL5(DIV, S_N0, S_THREE, 0, S_N0, 0),
    ALL5(SQRT, S_N0, 0, 0, S_N0, 0),
    ALL5(SQRT, S_P0, 0, 0, S_P0, 0),
    /* an exact zero from fma: the same rule; a zero product keeps the
     * sign of product + c */
    EACH(FMA, S_TWO, S_THREE, 0xc0c00000u, S_P0, 0, S_P0, 0, S_N0, 0, S_P0, 0,
         S_P0, 0),
    EACH(FMA, S_ONE, S_N0, S_P0, S_P0, 0, S_P0, 0, S_N0, 0, S_P0, 0, S_P0, 0),
    ALL5(FMA, S_M1, S_P0, S_N0, S_N0, 0),
    EACH(FMA, S_P0, S_P0, S_N0, S_P0, 0, S_P0, 0, S_N0, 0, S_P0, 0, S_P0, 0),
};

static const c64 d_zero[] = {
    EACH(SUB, D_ONE, D_ONE, 0, D_P0, 0, D_P0, 0, D_N0, 0, D_P0, 0, D_P0, 0),
    EACH(ADD, D_MAX, D_NEG(D_MAX), 0, D_P0, 0, D_P0, 0, D_N0, 0, D_P0, 0, D_P0,
         0),
    EACH(ADD, D_P0, D_N0, 0, D_P0, 0, D_P0, 0, D_N0, 0, D_P0, 0, D_P0, 0),
    ALL5(ADD, D_N0, D_N0, 0, D_N0, 0),
    ALL5(MUL, D_P0, D_M1, 0, D_N0, 0),
    ALL5(SQRT, D_N0, 0, 0, D_N0, 0),
    EACH(FMA, D_TWO, D_THREE, 0xc018000000000000ull, D_P0, 0, D_P0, 0, D_N0,
         0, D_P0, 0, D_P0, 0),
    ALL5(FMA, D_M1, D_P0, D_N0, D_N0, 0),
};

START_TEST(test_exact_zero_sums_are_plus_zero_except_minus_zero_in_rdn)
{
    RUN32(s_zero);
    RUN64(d_zero);
}
END_TEST

/* ---- infinities, invalid operations, division by zero ---- */

static const c32 s_special[] = {
    ALL5(ADD, S_INF, S_INF, 0, S_INF, 0),
    ALL5(ADD, S_INF, S_NINF, 0, S_CNAN, NV),
    ALL5(SUB, S_INF, S_INF, 0, S_CNAN, NV),
    ALL5(SUB, S_NINF, S_INF, 0, S_NINF, 0),
    ALL5(ADD, S_INF, S_MAX, 0, S_INF, 0),
    ALL5(MUL, S_INF, S_M1, 0, S_NINF, 0),
    ALL5(MUL, S_INF, S_MINSUB, 0, S_INF, 0),
    ALL5(MUL, S_P0, S_INF, 0, S_CNAN, NV),
    ALL5(MUL, S_NINF, S_N0, 0, S_CNAN, NV),
    ALL5(DIV, S_ONE, S_P0, 0, S_INF, DZ),
    ALL5(DIV, S_M1, S_P0, 0, S_NINF, DZ),
    ALL5(DIV, S_ONE, S_N0, 0, S_NINF, DZ),
    ALL5(DIV, S_MINSUB, S_N0, 0, S_NINF, DZ),
    ALL5(DIV, S_P0, S_P0, 0, S_CNAN, NV),
    ALL5(DIV, S_INF, S_NINF, 0, S_CNAN, NV),
    ALL5(DIV, S_INF, S_P0, 0, S_INF, 0), /* exact infinity: no DZ */
    ALL5(DIV, S_P0, S_INF, 0, S_P0, 0),
    ALL5(DIV, S_M1, S_INF, 0, S_N0, 0),
    ALL5(SQRT, S_INF, 0, 0, S_INF, 0),
    ALL5(SQRT, S_NINF, 0, 0, S_CNAN, NV),
    ALL5(SQRT, S_M1, 0, 0, S_CNAN, NV),
    ALL5(SQRT, S_NEG(S_MINSUB), 0, 0, S_CNAN, NV),
};

static const c64 d_special[] = {
    ALL5(ADD, D_INF, D_INF, 0, D_INF, 0),
    ALL5(ADD, D_NINF, D_INF, 0, D_CNAN, NV),
    ALL5(SUB, D_NINF, D_NINF, 0, D_CNAN, NV),
    ALL5(MUL, D_INF, D_M1, 0, D_NINF, 0),
    ALL5(MUL, D_INF, D_P0, 0, D_CNAN, NV),
    ALL5(DIV, D_ONE, D_P0, 0, D_INF, DZ),
    ALL5(DIV, D_ONE, D_N0, 0, D_NINF, DZ),
    ALL5(DIV, D_NEG(D_MAX), D_P0, 0, D_NINF, DZ),
    ALL5(DIV, D_N0, D_P0, 0, D_CNAN, NV),
    ALL5(DIV, D_INF, D_INF, 0, D_CNAN, NV),
    ALL5(DIV, D_NINF, D_P0, 0, D_NINF, 0),
    ALL5(SQRT, D_INF, 0, 0, D_INF, 0),
    ALL5(SQRT, D_M1, 0, 0, D_CNAN, NV),
    ALL5(SQRT, D_NINF, 0, 0, D_CNAN, NV),
    ALL5(SQRT, D_NEG(D_MINSUB), 0, 0, D_CNAN, NV),
};

START_TEST(test_infinities_invalid_operations_and_division_by_zero)
{
    RUN32(s_special);
    RUN64(d_special);
}
END_TEST

/* ---- NaN operands: the result is the canonical NaN, NV only for a
 * signalling operand (or an invalid operation) ---- */

static const c32 s_nan[] = {
    ALL5(ADD, S_CNAN, S_ONE, 0, S_CNAN, 0),
    ALL5(ADD, S_ONE, S_QNANP, 0, S_CNAN, 0),
    ALL5(SUB, S_NQNAN, S_ONE, 0, S_CNAN, 0),
    ALL5(MUL, S_QNANP, S_NQNAN, 0, S_CNAN, 0),
    ALL5(DIV, S_QNANP, S_P0, 0, S_CNAN, 0), /* no DZ for a NaN dividend */
    ALL5(SQRT, S_NQNAN, 0, 0, S_CNAN, 0),   /* no NV for -qNaN */
    ALL5(MUL, S_QNANP, S_INF, 0, S_CNAN, 0),
    ALL5(ADD, S_SNAN, S_ONE, 0, S_CNAN, NV),
    ALL5(ADD, S_ONE, S_SNANP, 0, S_CNAN, NV),
    ALL5(SUB, S_NSNAN, S_QNANP, 0, S_CNAN, NV),
    ALL5(MUL, S_SNAN, S_P0, 0, S_CNAN, NV),
    ALL5(DIV, S_ONE, S_NSNAN, 0, S_CNAN, NV),
    ALL5(SQRT, S_SNAN, 0, 0, S_CNAN, NV),
    ALL5(FMA, S_CNAN, S_ONE, S_ONE, S_CNAN, 0),
    ALL5(FMA, S_ONE, S_ONE, S_QNANP, S_CNAN, 0),
    ALL5(FMA, S_ONE, S_ONE, S_SNAN, S_CNAN, NV),
    ALL5(FMA, S_SNAN, S_ONE, S_QNANP, S_CNAN, NV),
    ALL5(FMA, S_ONE, S_NSNAN, S_ONE, S_CNAN, NV),
    /* inf * 0 is invalid even when c is a quiet NaN (F chapter) */
    ALL5(FMA, S_INF, S_P0, S_CNAN, S_CNAN, NV),
    ALL5(FMA, S_N0, S_NINF, S_QNANP, S_CNAN, NV),
    ALL5(FMA, S_P0, S_INF, S_ONE, S_CNAN, NV),
    ALL5(FMA, S_INF, S_ONE, S_NINF, S_CNAN, NV),
    ALL5(FMA, S_INF, S_M1, S_NINF, S_NINF, 0),
    ALL5(FMA, S_ONE, S_ONE, S_INF, S_INF, 0),
    ALL5(FMA, S_QNANP, S_P0, S_INF, S_CNAN, 0),
};

static const c64 d_nan[] = {
    ALL5(ADD, D_CNAN, D_ONE, 0, D_CNAN, 0),
    ALL5(ADD, D_QNANP, D_NQNAN, 0, D_CNAN, 0),
    ALL5(MUL, D_NQNAN, D_ONE, 0, D_CNAN, 0),
    ALL5(DIV, D_QNANP, D_P0, 0, D_CNAN, 0),
    ALL5(SQRT, D_NQNAN, 0, 0, D_CNAN, 0),
    ALL5(ADD, D_SNAN, D_ONE, 0, D_CNAN, NV),
    ALL5(SUB, D_ONE, D_SNANP, 0, D_CNAN, NV),
    ALL5(MUL, D_NSNAN, D_QNANP, 0, D_CNAN, NV),
    ALL5(DIV, D_SNAN, D_P0, 0, D_CNAN, NV),
    ALL5(SQRT, D_NSNAN, 0, 0, D_CNAN, NV),
    ALL5(FMA, D_ONE, D_QNANP, D_ONE, D_CNAN, 0),
    ALL5(FMA, D_ONE, D_ONE, D_SNAN, D_CNAN, NV),
    ALL5(FMA, D_INF, D_P0, D_CNAN, D_CNAN, NV),
    ALL5(FMA, D_NINF, D_N0, D_NQNAN, D_CNAN, NV),
    ALL5(FMA, D_P0, D_INF, D_ONE, D_CNAN, NV),
    ALL5(FMA, D_INF, D_ONE, D_NINF, D_CNAN, NV),
    ALL5(FMA, D_NINF, D_ONE, D_NINF, D_NINF, 0),
};

START_TEST(test_nan_operands_give_the_canonical_nan_nv_only_when_signalling)
{
    RUN32(s_nan);
    RUN64(d_nan);
}
END_TEST

/* ---- overflow: infinity or the largest finite value, by mode ---- */

static const c32 s_overflow[] = {
    EACH(ADD, S_MAX, S_MAX, 0, S_INF, OF | NX, S_MAX, OF | NX, S_MAX, OF | NX,
         S_INF, OF | NX, S_INF, OF | NX),
    EACH(ADD, S_NEG(S_MAX), S_NEG(S_MAX), 0, S_NINF, OF | NX, S_NEG(S_MAX),
         OF | NX, S_NINF, OF | NX, S_NEG(S_MAX), OF | NX, S_NINF, OF | NX),
    EACH(MUL, S_MAX, S_TWO, 0, S_INF, OF | NX, S_MAX, OF | NX, S_MAX, OF | NX,
         S_INF, OF | NX, S_INF, OF | NX),
    EACH(DIV, S_MAX, S_HALF, 0, S_INF, OF | NX, S_MAX, OF | NX, S_MAX, OF | NX,
         S_INF, OF | NX, S_INF, OF | NX),
    EACH(DIV, S_NEG(S_MAX), S_MINSUB, 0, S_NINF, OF | NX, S_NEG(S_MAX),
         OF | NX, S_NINF, OF | NX, S_NEG(S_MAX), OF | NX, S_NINF, OF | NX),
    /* MAX + ulp/2 (2^103) is a tie between MAX and 2^128: RNE and RMM round
     * up and overflow; RTZ and RDN round to MAX, which did not overflow */
    EACH(ADD, S_MAX, 0x73000000u, 0, S_INF, OF | NX, S_MAX, NX, S_MAX, NX,
         S_INF, OF | NX, S_INF, OF | NX),
    /* MAX + ulp/4: only RUP overflows */
    EACH(ADD, S_MAX, 0x72800000u, 0, S_MAX, NX, S_MAX, NX, S_MAX, NX, S_INF,
         OF | NX, S_MAX, NX),
    /* fused: MAX * 2 - MAX is exact although MAX * 2 alone overflows;
     * MAX * MAX - inf is -inf exactly */
    ALL5(FMA, S_MAX, S_TWO, S_NEG(S_MAX), S_MAX, 0),
    ALL5(FMA, S_MAX, S_MAX, S_NINF, S_NINF, 0),
    EACH(FMA, S_MAX, S_MAX, S_M1, S_INF, OF | NX, S_MAX, OF | NX, S_MAX,
         OF | NX, S_INF, OF | NX, S_INF, OF | NX),
};

static const c64 d_overflow[] = {
    EACH(ADD, D_MAX, D_MAX, 0, D_INF, OF | NX, D_MAX, OF | NX, D_MAX, OF | NX,
         D_INF, OF | NX, D_INF, OF | NX),
    EACH(MUL, D_NEG(D_MAX), D_TWO, 0, D_NINF, OF | NX, D_NEG(D_MAX), OF | NX,
         D_NINF, OF | NX, D_NEG(D_MAX), OF | NX, D_NINF, OF | NX),
    EACH(DIV, D_MAX, D_HALF, 0, D_INF, OF | NX, D_MAX, OF | NX, D_MAX, OF | NX,
         D_INF, OF | NX, D_INF, OF | NX),
    EACH(ADD, D_MAX, 0x7c90000000000000ull, 0, D_INF, OF | NX, D_MAX, NX,
         D_MAX, NX, D_INF, OF | NX, D_INF, OF | NX),
    EACH(ADD, D_MAX, 0x7c80000000000000ull, 0, D_MAX, NX, D_MAX, NX, D_MAX,
         NX, D_INF, OF | NX, D_MAX, NX),
    ALL5(FMA, D_MAX, D_TWO, D_NEG(D_MAX), D_MAX, 0),
    ALL5(FMA, D_MAX, D_MAX, D_INF, D_INF, 0),
};

START_TEST(test_overflow_gives_infinity_or_max_finite_by_rounding_mode)
{
    RUN32(s_overflow);
    RUN64(d_overflow);
}
END_TEST

/* ---- underflow: tininess after rounding, and only when inexact ---- */

static const c32 s_underflow[] = {
    /* 2^-149 * 0.5 = 2^-150: halfway between 0 and the smallest subnormal */
    EACH(MUL, S_MINSUB, S_HALF, 0, S_P0, UF | NX, S_P0, UF | NX, S_P0,
         UF | NX, S_MINSUB, UF | NX, S_MINSUB, UF | NX),
    EACH(MUL, S_NEG(S_MINSUB), S_HALF, 0, S_N0, UF | NX, S_N0, UF | NX,
         S_NEG(S_MINSUB), UF | NX, S_N0, UF | NX, S_NEG(S_MINSUB), UF | NX),
    /* 0.75 * 2^-149: above halfway */
    EACH(MUL, S_MINSUB, 0x3f400000u, 0, S_MINSUB, UF | NX, S_P0, UF | NX,
         S_P0, UF | NX, S_MINSUB, UF | NX, S_MINSUB, UF | NX),
    EACH(MUL, S_MINSUB, S_MINSUB, 0, S_P0, UF | NX, S_P0, UF | NX, S_P0,
         UF | NX, S_MINSUB, UF | NX, S_P0, UF | NX),
    EACH(DIV, S_MINNORM, S_THREE, 0, 0x002aaaabu, UF | NX, 0x002aaaaau,
         UF | NX, 0x002aaaaau, UF | NX, 0x002aaaabu, UF | NX, 0x002aaaabu,
         UF | NX),
    /* 2^-126 * (1 - 2^-24) = 2^-126 - 2^-150 is exact with 24 bits and an
     * unbounded exponent, so tiny; in the subnormal format it is a tie
     * that RNE, RUP and RMM round up to 2^-126: UF all the same */
    EACH(MUL, S_MINNORM, 0x3f7fffffu, 0, S_MINNORM, UF | NX, S_MAXSUB,
         UF | NX, S_MAXSUB, UF | NX, S_MINNORM, UF | NX, S_MINNORM, UF | NX),
    /* (31 * 2^-75) * (1082401 * 2^-76) = 2^-126 - 2^-151: with 24 bits and
     * an unbounded exponent RNE, RUP and RMM round it to 2^-126, which is
     * not tiny: NX without UF; RTZ and RDN stay below 2^-126: UF */
    EACH(MUL, 0x1c780000u, 0x23842108u, 0, S_MINNORM, NX, S_MAXSUB, UF | NX,
         S_MAXSUB, UF | NX, S_MINNORM, NX, S_MINNORM, NX),
    EACH(MUL, S_NEG(0x1c780000u), 0x23842108u, 0, S_NEG(S_MINNORM), NX,
         S_NEG(S_MAXSUB), UF | NX, S_NEG(S_MINNORM), NX, S_NEG(S_MAXSUB),
         UF | NX, S_NEG(S_MINNORM), NX),
    /* the same through fma with a zero addend, and with a tiny product
     * whose sum is normal (no UF) */
    EACH(FMA, 0x1c780000u, 0x23842108u, S_P0, S_MINNORM, NX, S_MAXSUB,
         UF | NX, S_MAXSUB, UF | NX, S_MINNORM, NX, S_MINNORM, NX),
    EACH(FMA, S_MINSUB, S_MINSUB, S_MINNORM, S_MINNORM, NX, S_MINNORM, NX,
         S_MINNORM, NX, 0x00800001u, NX, S_MINNORM, NX),
    EACH(FMA, S_MINSUB, S_NEG(S_MINSUB), S_MINNORM, S_MINNORM, NX, S_MAXSUB,
         UF | NX, S_MAXSUB, UF | NX, S_MINNORM, NX, S_MINNORM, NX),
};

static const c64 d_underflow[] = {
    EACH(MUL, D_MINSUB, D_HALF, 0, D_P0, UF | NX, D_P0, UF | NX, D_P0,
         UF | NX, D_MINSUB, UF | NX, D_MINSUB, UF | NX),
    EACH(MUL, D_MINSUB, 0x3fe8000000000000ull, 0, D_MINSUB, UF | NX, D_P0,
         UF | NX, D_P0, UF | NX, D_MINSUB, UF | NX, D_MINSUB, UF | NX),
    EACH(DIV, D_NEG(D_MINSUB), 0x4000000000000001ull, 0, D_N0, UF | NX, D_N0,
         UF | NX, D_NEG(D_MINSUB), UF | NX, D_N0, UF | NX, D_N0, UF | NX),
    /* 2^-1022 * (1 - 2^-53): tie in the subnormal format, tiny */
    EACH(MUL, D_MINNORM, 0x3fefffffffffffffull, 0, D_MINNORM, UF | NX,
         D_MAXSUB, UF | NX, D_MAXSUB, UF | NX, D_MINNORM, UF | NX, D_MINNORM,
         UF | NX),
    /* (2^18 - 1) * 2^-538 * (2^36 + 2^18 + 1) * 2^-538 = 2^-1022 - 2^-1076:
     * rounds to 2^-1022 with an unbounded exponent in RNE, RUP, RMM */
    EACH(MUL, 0x1f6ffff800000000ull, 0x2090000400010000ull, 0, D_MINNORM, NX,
         D_MAXSUB, UF | NX, D_MAXSUB, UF | NX, D_MINNORM, NX, D_MINNORM, NX),
    EACH(FMA, 0x1f6ffff800000000ull, 0x2090000400010000ull, D_N0, D_MINNORM,
         NX, D_MAXSUB, UF | NX, D_MAXSUB, UF | NX, D_MINNORM, NX, D_MINNORM,
         NX),
};

START_TEST(test_underflow_is_detected_after_rounding_and_needs_inexact)
{
    RUN32(s_underflow);
    RUN64(d_underflow);
}
END_TEST

/* ---- fma rounds once: cases where rounding the product first would
 * give another answer ---- */

static const c32 s_fma[] = {
    /* (1 + 2^-12)^2 - 1 = 2^-11 + 2^-24 exactly; the rounded product
     * would give 2^-11 */
    ALL5(FMA, 0x3f800800u, 0x3f800800u, S_M1, 0x3a000400u, 0),
    /* (1 + 2^-12)^2 + 2^-30: just above the tie of the product */
    EACH(FMA, 0x3f800800u, 0x3f800800u, 0x30800000u, 0x3f801001u, NX,
         0x3f801000u, NX, 0x3f801000u, NX, 0x3f801001u, NX, 0x3f801001u, NX),
    /* -(1 + 2^-12)^2 + 2^-30: just below the negative tie */
    EACH(FMA, 0xbf800800u, 0x3f800800u, 0x30800000u, 0xbf801000u, NX,
         0xbf801000u, NX, 0xbf801001u, NX, 0xbf801000u, NX, 0xbf801000u, NX),
    /* 2^-298 added to 1 and -1 */
    EACH(FMA, S_MINSUB, S_MINSUB, S_ONE, S_ONE, NX, S_ONE, NX, S_ONE, NX,
         0x3f800001u, NX, S_ONE, NX),
    EACH(FMA, S_MINSUB, S_MINSUB, S_M1, S_M1, NX, 0xbf7fffffu, NX, S_M1, NX,
         0xbf7fffffu, NX, S_M1, NX),
    EACH(FMA, S_MINSUB, S_NEG(S_MINSUB), S_ONE, S_ONE, NX, 0x3f7fffffu, NX,
         0x3f7fffffu, NX, S_ONE, NX, S_ONE, NX),
    /* 1/3 * 3 - 1: the error of the rounded 1/3 */
    ALL5(FMA, 0x3eaaaaabu, S_THREE, S_M1, 0x33000000u, 0),
};

static const c64 d_fma[] = {
    /* (1 + 2^-26)(1 + 2^-27) - 1 = 2^-26 + 2^-27 + 2^-53 exactly */
    ALL5(FMA, 0x3ff0000004000000ull, 0x3ff0000002000000ull, D_M1,
         0x3e58000002000000ull, 0),
    /* the same product + 2^-60: just above the tie */
    EACH(FMA, 0x3ff0000004000000ull, 0x3ff0000002000000ull,
         0x3c30000000000000ull, 0x3ff0000006000001ull, NX,
         0x3ff0000006000000ull, NX, 0x3ff0000006000000ull, NX,
         0x3ff0000006000001ull, NX, 0x3ff0000006000001ull, NX),
    EACH(FMA, D_MINSUB, D_MINSUB, D_M1, D_M1, NX, 0xbfefffffffffffffull, NX,
         D_M1, NX, 0xbfefffffffffffffull, NX, D_M1, NX),
    /* 0x3fd5555555555555 * 3 - 1 = -2^-54 */
    ALL5(FMA, 0x3fd5555555555555ull, D_THREE, D_M1, 0xbc90000000000000ull, 0),
};

START_TEST(test_fma_rounds_once_where_double_rounding_would_differ)
{
    RUN32(s_fma);
    RUN64(d_fma);
}
END_TEST

/* Flags are OR-ed into *flags and never cleared. */
START_TEST(test_flags_accumulate_and_are_never_cleared)
{
    unsigned fl = DZ | OF;
    ck_assert_uint_eq(f32_add(S_ONE, S_ONE, FP_RNE, &fl), S_TWO);
    ck_assert_uint_eq(fl, DZ | OF);
    ck_assert_uint_eq(f64_div(D_ONE, D_THREE, FP_RTZ, &fl),
                      0x3fd5555555555555ull);
    ck_assert_uint_eq(fl, DZ | OF | NX);
    ck_assert(!f32_lt(S_SNAN, S_ONE, &fl));
    ck_assert_uint_eq(fl, DZ | OF | NX | NV);
    fl = UF;
    ck_assert_uint_eq(f32_classify(S_SNAN), 1u << 8);
    ck_assert_uint_eq(f32_to_f64(S_ONE, &fl), D_ONE);
    ck_assert_uint_eq(fl, UF);
}
END_TEST

/* ------------------------------------------------------------------------
 * Conversions
 * ---------------------------------------------------------------------- */

enum {
    F32_I32, F32_U32, F32_I64, F32_U64, F64_I32, F64_U32, F64_I64, F64_U64,
    I32_F32, U32_F32, I64_F32, U64_F32, I32_F64, U32_F64, I64_F64, U64_F64,
    F32_F64, F64_F32,
};
static const char *const cvt_name[] = {
    "f32_to_i32", "f32_to_u32", "f32_to_i64", "f32_to_u64", "f64_to_i32",
    "f64_to_u32", "f64_to_i64", "f64_to_u64", "i32_to_f32", "u32_to_f32",
    "i64_to_f32", "u64_to_f32", "i32_to_f64", "u32_to_f64", "i64_to_f64",
    "u64_to_f64", "f32_to_f64", "f64_to_f32",
};

/* Operands and results are bit patterns; 32-bit integers and binary32
 * values are zero-extended to 64 bits. */
typedef struct cvt {
    uint8_t op, rm;
    uint64_t a, r;
    uint8_t fl;
} cvt;

#define CALL5(op, a, r, fl)                                                   \
    {op, FP_RNE, a, r, fl}, {op, FP_RTZ, a, r, fl}, {op, FP_RDN, a, r, fl},   \
        {op, FP_RUP, a, r, fl}, {op, FP_RMM, a, r, fl}
#define CEACH(op, a, rne, fne, rtz, ftz, rdn, fdn, rup, fup, rmm, fmm)        \
    {op, FP_RNE, a, rne, fne}, {op, FP_RTZ, a, rtz, ftz},                     \
        {op, FP_RDN, a, rdn, fdn}, {op, FP_RUP, a, rup, fup},                 \
        {op, FP_RMM, a, rmm, fmm}

static uint64_t do_cvt(const cvt *c, unsigned *fl)
{
    uint64_t a = c->a;
    int rm = c->rm;
    switch (c->op) {
    case F32_I32: return (uint32_t)f32_to_i32((uint32_t)a, rm, fl);
    case F32_U32: return f32_to_u32((uint32_t)a, rm, fl);
    case F32_I64: return (uint64_t)f32_to_i64((uint32_t)a, rm, fl);
    case F32_U64: return f32_to_u64((uint32_t)a, rm, fl);
    case F64_I32: return (uint32_t)f64_to_i32(a, rm, fl);
    case F64_U32: return f64_to_u32(a, rm, fl);
    case F64_I64: return (uint64_t)f64_to_i64(a, rm, fl);
    case F64_U64: return f64_to_u64(a, rm, fl);
    case I32_F32: return i32_to_f32((int32_t)(uint32_t)a, rm, fl);
    case U32_F32: return u32_to_f32((uint32_t)a, rm, fl);
    case I64_F32: return i64_to_f32((int64_t)a, rm, fl);
    case U64_F32: return u64_to_f32(a, rm, fl);
    case I32_F64: return i32_to_f64((int32_t)(uint32_t)a, rm, fl);
    case U32_F64: return u32_to_f64((uint32_t)a, rm, fl);
    case I64_F64: return i64_to_f64((int64_t)a, rm, fl);
    case U64_F64: return u64_to_f64(a, rm, fl);
    case F32_F64: return f32_to_f64((uint32_t)a, fl);
    default: return f64_to_f32(a, rm, fl);
    }
}

static void run_cvt(const char *what, const cvt *t, size_t n)
{
    char first[256] = "";
    unsigned bad = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned fl = 0;
        uint64_t r = do_cvt(&t[i], &fl);
        if (r == t[i].r && fl == t[i].fl)
            continue;
        char msg[256];
        snprintf(msg, sizeof msg,
                 "%s row %zu: %s %s 0x%" PRIx64 ": got 0x%" PRIx64
                 " flags 0x%02x, expected 0x%" PRIx64 " flags 0x%02x",
                 what, i, cvt_name[t[i].op], rm_name[t[i].rm], t[i].a, r, fl,
                 t[i].r, t[i].fl);
        fprintf(stderr, "%s\n", msg);
        if (!bad++)
            memcpy(first, msg, sizeof first);
    }
    ck_assert_msg(bad == 0, "%u of %zu rows failed; first: %s", bad, n, first);
}
#define RUN_CVT(t) run_cvt(#t, (t), sizeof(t) / sizeof((t)[0]))

#define I32MAX 0x7fffffffull
#define I32MIN 0x80000000ull
#define U32MAX 0xffffffffull
#define I64MAX 0x7fffffffffffffffull
#define I64MIN 0x8000000000000000ull
#define U64MAX 0xffffffffffffffffull
/* 2147483647.5, -2147483648.5, -2147483649, 4294967295.5 as binary64 */
#define D_I32MAX_5 0x41dfffffffe00000ull
#define D_I32MIN_5 0xc1e0000000100000ull
#define D_I32MIN_1 0xc1e0000000200000ull
#define D_U32MAX_5 0x41effffffff00000ull

static const cvt to_int[] = {
    /* halfway cases at the top of int32: RNE goes to the even 2^31, which
     * is out of range: NV and the maximum, never NX with NV */
    CEACH(F64_I32, D_I32MAX_5, I32MAX, NV, I32MAX, NX, I32MAX, NX, I32MAX, NV,
          I32MAX, NV),
    CEACH(F64_I32, D_I32MIN_5, I32MIN, NX, I32MIN, NX, I32MIN, NV, I32MIN, NX,
          I32MIN, NV),
    CALL5(F64_I32, D_I32MIN_1, I32MIN, NV),
    CALL5(F64_I32, 0xc1e0000000000000ull, I32MIN, 0), /* -2^31 exactly */
    CALL5(F64_I32, 0x41dfffffffc00000ull, I32MAX, 0), /* 2^31 - 1 */
    CALL5(F64_I32, 0x41e0000000000000ull, I32MAX, NV),
    CEACH(F64_U32, D_U32MAX_5, U32MAX, NV, U32MAX, NX, U32MAX, NX, U32MAX, NV,
          U32MAX, NV),
    CALL5(F64_U32, 0x41efffffffe00000ull, U32MAX, 0),
    CALL5(F64_U32, 0x41f0000000000000ull, U32MAX, NV),
    /* -0.5 to unsigned: 0 with NX where it rounds to (-)0, NV where it
     * rounds to -1 */
    CEACH(F64_U32, 0xbfe0000000000000ull, 0, NX, 0, NX, 0, NV, 0, NX, 0, NV),
    CEACH(F64_U64, 0xbfe0000000000000ull, 0, NX, 0, NX, 0, NV, 0, NX, 0, NV),
    CEACH(F32_U32, 0xbf000000u, 0, NX, 0, NX, 0, NV, 0, NX, 0, NV),
    CEACH(F32_U64, 0xbf000000u, 0, NX, 0, NX, 0, NV, 0, NX, 0, NV),
    CALL5(F64_U32, D_M1, 0, NV),
    CALL5(F32_U64, S_M1, 0, NV),
    CALL5(F64_U32, D_N0, 0, 0),
    CALL5(F32_U32, S_N0, 0, 0),
    /* 1.5, 2.5, -2.5, -0.5 in every mode */
    CEACH(F32_I32, 0x3fc00000u, 2, NX, 1, NX, 1, NX, 2, NX, 2, NX),
    CEACH(F32_I32, 0x40200000u, 2, NX, 2, NX, 2, NX, 3, NX, 3, NX),
    CEACH(F32_I32, 0xc0200000u, 0xfffffffeu, NX, 0xfffffffeu, NX, 0xfffffffdu,
          NX, 0xfffffffeu, NX, 0xfffffffdu, NX),
    CEACH(F64_I64, 0xc004000000000000ull, (uint64_t)-2, NX, (uint64_t)-2, NX,
          (uint64_t)-3, NX, (uint64_t)-2, NX, (uint64_t)-3, NX),
    CEACH(F64_I32, 0xbfe0000000000000ull, 0, NX, 0, NX, 0xffffffffu, NX, 0,
          NX, 0xffffffffu, NX),
    CEACH(F32_I64, 0x3fc00000u, 2, NX, 1, NX, 1, NX, 2, NX, 2, NX),
    /* subnormals round to 0 or +-1 */
    CEACH(F32_I32, S_MINSUB, 0, NX, 0, NX, 0, NX, 1, NX, 0, NX),
    CEACH(F64_I64, D_NEG(D_MINSUB), 0, NX, 0, NX, U64MAX, NX, 0, NX, 0, NX),
    CEACH(F64_U64, D_MINSUB, 0, NX, 0, NX, 0, NX, 1, NX, 0, NX),
    /* binary32 limits */
    CALL5(F32_I32, 0x4effffffu, 0x7fffff80u, 0),
    CALL5(F32_I32, 0x4f000000u, I32MAX, NV),
    CALL5(F32_I32, 0xcf000000u, I32MIN, 0),
    CALL5(F32_I32, 0xcf000001u, I32MIN, NV),
    CALL5(F32_U32, 0x4f7fffffu, 0xffffff00u, 0),
    CALL5(F32_U32, 0x4f800000u, U32MAX, NV),
    CALL5(F32_I64, 0x5effffffu, 0x7fffff8000000000ull, 0),
    CALL5(F32_I64, 0x5f000000u, I64MAX, NV),
    CALL5(F32_I64, 0xdf000000u, I64MIN, 0),
    CALL5(F32_I64, 0xdf000001u, I64MIN, NV),
    CALL5(F32_U64, 0x5f7fffffu, 0xffffff0000000000ull, 0),
    CALL5(F32_U64, 0x5f800000u, U64MAX, NV),
    /* binary64 limits of 64-bit integers */
    CALL5(F64_I64, 0x43dfffffffffffffull, 0x7ffffffffffffc00ull, 0),
    CALL5(F64_I64, 0x43e0000000000000ull, I64MAX, NV),
    CALL5(F64_I64, 0xc3e0000000000000ull, I64MIN, 0),
    CALL5(F64_I64, 0xc3e0000000000001ull, I64MIN, NV),
    CALL5(F64_U64, 0x43efffffffffffffull, 0xfffffffffffff800ull, 0),
    CALL5(F64_U64, 0x43f0000000000000ull, U64MAX, NV),
    CALL5(F64_U32, 0x4330000000000001ull, U32MAX, NV), /* 2^52 + 1 */
    /* NaN (of either sign) and +inf go to the maximum, -inf to the
     * minimum: NV and no NX */
    CALL5(F32_I32, S_CNAN, I32MAX, NV),
    CALL5(F32_I32, S_NQNAN, I32MAX, NV),
    CALL5(F32_I32, S_NSNAN, I32MAX, NV),
    CALL5(F32_I32, S_INF, I32MAX, NV),
    CALL5(F32_I32, S_NINF, I32MIN, NV),
    CALL5(F32_U32, S_NQNAN, U32MAX, NV),
    CALL5(F32_U32, S_INF, U32MAX, NV),
    CALL5(F32_U32, S_NINF, 0, NV),
    CALL5(F32_I64, S_QNANP, I64MAX, NV),
    CALL5(F32_I64, S_NINF, I64MIN, NV),
    CALL5(F32_U64, S_SNAN, U64MAX, NV),
    CALL5(F32_U64, S_NINF, 0, NV),
    CALL5(F64_I32, D_NQNAN, I32MAX, NV),
    CALL5(F64_I32, D_NINF, I32MIN, NV),
    CALL5(F64_U32, D_SNAN, U32MAX, NV),
    CALL5(F64_U32, D_NINF, 0, NV),
    CALL5(F64_I64, D_CNAN, I64MAX, NV),
    CALL5(F64_I64, D_INF, I64MAX, NV),
    CALL5(F64_I64, D_NINF, I64MIN, NV),
    CALL5(F64_U64, D_NQNAN, U64MAX, NV),
    CALL5(F64_U64, D_INF, U64MAX, NV),
    CALL5(F64_U64, D_NINF, 0, NV),
    CALL5(F64_I32, D_MAX, I32MAX, NV),
    CALL5(F64_U64, D_NEG(D_MAX), 0, NV),
};

START_TEST(test_float_to_int_rounds_per_mode_and_saturates_with_nv_only)
{
    RUN_CVT(to_int);
}
END_TEST

static const cvt from_int[] = {
    /* 2^24 + 1: a tie */
    CEACH(I32_F32, 16777217u, 0x4b800000u, NX, 0x4b800000u, NX, 0x4b800000u,
          NX, 0x4b800001u, NX, 0x4b800001u, NX),
    CEACH(I32_F32, (uint32_t)-16777217, 0xcb800000u, NX, 0xcb800000u, NX,
          0xcb800001u, NX, 0xcb800000u, NX, 0xcb800001u, NX),
    /* 2^24 + 3: a tie, even upwards */
    CEACH(I32_F32, 16777219u, 0x4b800002u, NX, 0x4b800001u, NX, 0x4b800001u,
          NX, 0x4b800002u, NX, 0x4b800002u, NX),
    CALL5(I32_F32, I32MIN, 0xcf000000u, 0),
    CEACH(I32_F32, I32MAX, 0x4f000000u, NX, 0x4effffffu, NX, 0x4effffffu, NX,
          0x4f000000u, NX, 0x4f000000u, NX),
    CALL5(I32_F32, 0, S_P0, 0), /* +0 even in RDN */
    CALL5(I32_F32, (uint32_t)-1, S_M1, 0),
    CEACH(U32_F32, U32MAX, 0x4f800000u, NX, 0x4f7fffffu, NX, 0x4f7fffffu, NX,
          0x4f800000u, NX, 0x4f800000u, NX),
    CALL5(U32_F32, I32MIN, 0x4f000000u, 0), /* 2^31, unsigned */
    CEACH(I64_F32, I64MAX, 0x5f000000u, NX, 0x5effffffu, NX, 0x5effffffu, NX,
          0x5f000000u, NX, 0x5f000000u, NX),
    CALL5(I64_F32, I64MIN, 0xdf000000u, 0),
    CEACH(U64_F32, U64MAX, 0x5f800000u, NX, 0x5f7fffffu, NX, 0x5f7fffffu, NX,
          0x5f800000u, NX, 0x5f800000u, NX),
    /* 2^40 + 1: far below half an ulp (2^16) but inexact */
    CEACH(U64_F32, 0x10000000001ull, 0x53800000u, NX, 0x53800000u, NX,
          0x53800000u, NX, 0x53800001u, NX, 0x53800000u, NX),
    /* 2^40 + 2^16: a tie; + 2^16 + 1 just above it */
    CEACH(U64_F32, 0x10000010000ull, 0x53800000u, NX, 0x53800000u, NX,
          0x53800000u, NX, 0x53800001u, NX, 0x53800001u, NX),
    CEACH(U64_F32, 0x10000010001ull, 0x53800001u, NX, 0x53800000u, NX,
          0x53800000u, NX, 0x53800001u, NX, 0x53800001u, NX),
    CALL5(I32_F64, I32MIN, 0xc1e0000000000000ull, 0),
    CALL5(I32_F64, I32MAX, 0x41dfffffffc00000ull, 0),
    CALL5(I32_F64, 0, D_P0, 0),
    CALL5(U32_F64, U32MAX, 0x41efffffffe00000ull, 0),
    CEACH(I64_F64, I64MAX, 0x43e0000000000000ull, NX, 0x43dfffffffffffffull,
          NX, 0x43dfffffffffffffull, NX, 0x43e0000000000000ull, NX,
          0x43e0000000000000ull, NX),
    CALL5(I64_F64, I64MIN, 0xc3e0000000000000ull, 0),
    CALL5(I64_F64, 0, D_P0, 0),
    /* 2^53 + 1: a tie */
    CEACH(I64_F64, 0x20000000000001ull, 0x4340000000000000ull, NX,
          0x4340000000000000ull, NX, 0x4340000000000000ull, NX,
          0x4340000000000001ull, NX, 0x4340000000000001ull, NX),
    CEACH(I64_F64, (uint64_t)-0x20000000000001ll, 0xc340000000000000ull, NX,
          0xc340000000000000ull, NX, 0xc340000000000001ull, NX,
          0xc340000000000000ull, NX, 0xc340000000000001ull, NX),
    CEACH(U64_F64, U64MAX, 0x43f0000000000000ull, NX, 0x43efffffffffffffull,
          NX, 0x43efffffffffffffull, NX, 0x43f0000000000000ull, NX,
          0x43f0000000000000ull, NX),
    CALL5(U64_F64, I64MIN, 0x43e0000000000000ull, 0),
};

START_TEST(test_int_to_float_is_exact_or_rounds_per_mode_with_nx)
{
    RUN_CVT(from_int);
}
END_TEST

static const cvt between[] = {
    /* narrowing overflow */
    CEACH(F64_F32, D_MAX, S_INF, OF | NX, S_MAX, OF | NX, S_MAX, OF | NX,
          S_INF, OF | NX, S_INF, OF | NX),
    CEACH(F64_F32, D_NEG(D_MAX), S_NINF, OF | NX, S_NEG(S_MAX), OF | NX,
          S_NINF, OF | NX, S_NEG(S_MAX), OF | NX, S_NINF, OF | NX),
    /* binary32 MAX + half its ulp: a tie; + a quarter: rounds to MAX */
    CEACH(F64_F32, 0x47effffff0000000ull, S_INF, OF | NX, S_MAX, NX, S_MAX,
          NX, S_INF, OF | NX, S_INF, OF | NX),
    CEACH(F64_F32, 0x47efffffe8000000ull, S_MAX, NX, S_MAX, NX, S_MAX, NX,
          S_INF, OF | NX, S_MAX, NX),
    CALL5(F64_F32, 0x47efffffe0000000ull, S_MAX, 0),
    /* narrowing underflow */
    CEACH(F64_F32, 0x3690000000000000ull, S_P0, UF | NX, S_P0, UF | NX, S_P0,
          UF | NX, S_MINSUB, UF | NX, S_MINSUB, UF | NX), /* 2^-150 */
    CEACH(F64_F32, D_MINSUB, S_P0, UF | NX, S_P0, UF | NX, S_P0, UF | NX,
          S_MINSUB, UF | NX, S_P0, UF | NX),
    CEACH(F64_F32, D_NEG(D_MINNORM), S_N0, UF | NX, S_N0, UF | NX,
          S_NEG(S_MINSUB), UF | NX, S_N0, UF | NX, S_N0, UF | NX),
    CALL5(F64_F32, 0x36a0000000000000ull, S_MINSUB, 0), /* 2^-149 */
    CALL5(F64_F32, 0x380fffffc0000000ull, S_MAXSUB, 0),
    /* 2^-126 - 2^-150: tiny, rounds (RNE) to 2^-126 with UF */
    CEACH(F64_F32, 0x380fffffe0000000ull, S_MINNORM, UF | NX, S_MAXSUB,
          UF | NX, S_MAXSUB, UF | NX, S_MINNORM, UF | NX, S_MINNORM, UF | NX),
    /* 2^-126 - 2^-151: not tiny after rounding in RNE, RUP, RMM */
    CEACH(F64_F32, 0x380ffffff0000000ull, S_MINNORM, NX, S_MAXSUB, UF | NX,
          S_MAXSUB, UF | NX, S_MINNORM, NX, S_MINNORM, NX),
    CALL5(F64_F32, D_THREE, S_THREE, 0),
    CEACH(F64_F32, 0x3fd5555555555555ull, 0x3eaaaaabu, NX, 0x3eaaaaaau, NX,
          0x3eaaaaaau, NX, 0x3eaaaaabu, NX, 0x3eaaaaabu, NX),
    /* 1 + 2^-24 (a tie) */
    CEACH(F64_F32, 0x3ff0000010000000ull, S_ONE, NX, S_ONE, NX, S_ONE, NX,
          0x3f800001u, NX, 0x3f800001u, NX),
    CALL5(F64_F32, D_INF, S_INF, 0),
    CALL5(F64_F32, D_N0, S_N0, 0),
    CALL5(F64_F32, D_NQNAN, S_CNAN, 0),
    CALL5(F64_F32, D_QNANP, S_CNAN, 0),
    /* signalling NaNs whose payload lies only in bits that narrowing drops
     * (D_SNAN) or keeps (bit 29): NV and the canonical NaN, never inf */
    CALL5(F64_F32, D_SNAN, S_CNAN, NV),
    CALL5(F64_F32, 0x7ff0000020000000ull, S_CNAN, NV),
    /* widening is exact */
    CALL5(F32_F64, S_MINSUB, 0x36a0000000000000ull, 0),
    CALL5(F32_F64, S_NEG(S_MAXSUB), 0xb80fffffc0000000ull, 0),
    CALL5(F32_F64, S_MAX, 0x47efffffe0000000ull, 0),
    CALL5(F32_F64, S_NINF, D_NINF, 0),
    CALL5(F32_F64, S_N0, D_N0, 0),
    CALL5(F32_F64, S_QNANP, D_CNAN, 0),
    CALL5(F32_F64, S_NQNAN, D_CNAN, 0),
    CALL5(F32_F64, S_SNAN, D_CNAN, NV),
    CALL5(F32_F64, S_NSNAN, D_CNAN, NV),
};

START_TEST(test_f32_f64_conversions_round_overflow_underflow_and_quiet_nans)
{
    RUN_CVT(between);
}
END_TEST

/* ------------------------------------------------------------------------
 * Comparisons, min/max, classify
 * ---------------------------------------------------------------------- */

typedef struct cmp {
    uint64_t a, b;
    uint8_t eq, lt, le;
    uint8_t fl_eq, fl_ltle; /* flags of feq; of flt and of fle */
} cmp;

static const cmp s_cmp[] = {
    {S_ONE, S_ONE, 1, 0, 1, 0, 0},
    {S_ONE, S_TWO, 0, 1, 1, 0, 0},
    {S_TWO, S_ONE, 0, 0, 0, 0, 0},
    {S_P0, S_N0, 1, 0, 1, 0, 0},
    {S_N0, S_P0, 1, 0, 1, 0, 0},
    {S_NINF, S_INF, 0, 1, 1, 0, 0},
    {S_INF, S_INF, 1, 0, 1, 0, 0},
    {S_NINF, S_NEG(S_MAX), 0, 1, 1, 0, 0},
    {S_MINSUB, S_MINNORM, 0, 1, 1, 0, 0},
    {S_NEG(S_MINSUB), S_P0, 0, 1, 1, 0, 0},
    {S_M1, S_NEG(S_TWO), 0, 0, 0, 0, 0},
    /* quiet NaNs: feq raises nothing, flt and fle raise NV */
    {S_CNAN, S_ONE, 0, 0, 0, 0, NV},
    {S_ONE, S_QNANP, 0, 0, 0, 0, NV},
    {S_CNAN, S_CNAN, 0, 0, 0, 0, NV},
    {S_NQNAN, S_INF, 0, 0, 0, 0, NV},
    /* signalling NaNs: NV for all three */
    {S_SNAN, S_ONE, 0, 0, 0, NV, NV},
    {S_ONE, S_NSNAN, 0, 0, 0, NV, NV},
    {S_SNANP, S_CNAN, 0, 0, 0, NV, NV},
};

static const cmp d_cmp[] = {
    {D_ONE, D_ONE, 1, 0, 1, 0, 0},
    {D_ONE, D_TWO, 0, 1, 1, 0, 0},
    {D_P0, D_N0, 1, 0, 1, 0, 0},
    {D_N0, D_P0, 1, 0, 1, 0, 0},
    {D_NINF, D_INF, 0, 1, 1, 0, 0},
    {D_MAXSUB, D_MINNORM, 0, 1, 1, 0, 0},
    {D_NEG(D_MINNORM), D_NEG(D_MAXSUB), 0, 1, 1, 0, 0},
    {D_CNAN, D_ONE, 0, 0, 0, 0, NV},
    {D_ONE, D_NQNAN, 0, 0, 0, 0, NV},
    {D_QNANP, D_QNANP, 0, 0, 0, 0, NV},
    {D_SNAN, D_ONE, 0, 0, 0, NV, NV},
    {D_CNAN, D_NSNAN, 0, 0, 0, NV, NV},
};

START_TEST(test_feq_is_quiet_flt_fle_signal_on_any_nan_and_zeros_are_equal)
{
    for (size_t i = 0; i < sizeof s_cmp / sizeof s_cmp[0]; i++) {
        const cmp *c = &s_cmp[i];
        unsigned fe = 0, fl = 0, fg = 0;
        bool eq = f32_eq((uint32_t)c->a, (uint32_t)c->b, &fe);
        bool lt = f32_lt((uint32_t)c->a, (uint32_t)c->b, &fl);
        bool le = f32_le((uint32_t)c->a, (uint32_t)c->b, &fg);
        ck_assert_msg(eq == c->eq && lt == c->lt && le == c->le &&
                          fe == c->fl_eq && fl == c->fl_ltle &&
                          fg == c->fl_ltle,
                      "f32 row %zu: a=0x%08x b=0x%08x: eq %d lt %d le %d "
                      "flags 0x%x/0x%x/0x%x, expected %d %d %d flags "
                      "0x%x/0x%x/0x%x",
                      i, (unsigned)c->a, (unsigned)c->b, eq, lt, le, fe, fl,
                      fg, c->eq, c->lt, c->le, c->fl_eq, c->fl_ltle,
                      c->fl_ltle);
    }
    for (size_t i = 0; i < sizeof d_cmp / sizeof d_cmp[0]; i++) {
        const cmp *c = &d_cmp[i];
        unsigned fe = 0, fl = 0, fg = 0;
        bool eq = f64_eq(c->a, c->b, &fe);
        bool lt = f64_lt(c->a, c->b, &fl);
        bool le = f64_le(c->a, c->b, &fg);
        ck_assert_msg(eq == c->eq && lt == c->lt && le == c->le &&
                          fe == c->fl_eq && fl == c->fl_ltle &&
                          fg == c->fl_ltle,
                      "f64 row %zu: a=0x%016" PRIx64 " b=0x%016" PRIx64
                      ": eq %d lt %d le %d flags 0x%x/0x%x/0x%x, expected "
                      "%d %d %d flags 0x%x/0x%x/0x%x",
                      i, c->a, c->b, eq, lt, le, fe, fl, fg, c->eq, c->lt,
                      c->le, c->fl_eq, c->fl_ltle, c->fl_ltle);
    }
}
END_TEST

typedef struct mm {
    uint64_t a, b, min, max;
    uint8_t fl;
} mm;

static const mm s_mm[] = {
    {S_ONE, S_TWO, S_ONE, S_TWO, 0},
    {S_TWO, S_ONE, S_ONE, S_TWO, 0},
    {S_M1, S_NEG(S_TWO), S_NEG(S_TWO), S_M1, 0},
    {S_P0, S_N0, S_N0, S_P0, 0},
    {S_N0, S_P0, S_N0, S_P0, 0},
    {S_N0, S_N0, S_N0, S_N0, 0},
    {S_NINF, S_MAX, S_NINF, S_MAX, 0},
    {S_NEG(S_MINSUB), S_P0, S_NEG(S_MINSUB), S_P0, 0},
    /* one quiet NaN: the other operand, no flags */
    {S_CNAN, S_ONE, S_ONE, S_ONE, 0},
    {S_M1, S_QNANP, S_M1, S_M1, 0},
    {S_NQNAN, S_NINF, S_NINF, S_NINF, 0},
    {S_N0, S_CNAN, S_N0, S_N0, 0},
    /* one signalling NaN: the other operand, NV */
    {S_SNAN, S_ONE, S_ONE, S_ONE, NV},
    {S_THREE, S_NSNAN, S_THREE, S_THREE, NV},
    /* both NaN: the canonical NaN */
    {S_QNANP, S_NQNAN, S_CNAN, S_CNAN, 0},
    {S_SNAN, S_QNANP, S_CNAN, S_CNAN, NV},
    {S_NSNAN, S_SNANP, S_CNAN, S_CNAN, NV},
};

static const mm d_mm[] = {
    {D_ONE, D_TWO, D_ONE, D_TWO, 0},
    {D_P0, D_N0, D_N0, D_P0, 0},
    {D_N0, D_P0, D_N0, D_P0, 0},
    {D_NINF, D_INF, D_NINF, D_INF, 0},
    {D_MINSUB, D_NEG(D_MAXSUB), D_NEG(D_MAXSUB), D_MINSUB, 0},
    {D_CNAN, D_M1, D_M1, D_M1, 0},
    {D_TWO, D_NQNAN, D_TWO, D_TWO, 0},
    {D_SNAN, D_TWO, D_TWO, D_TWO, NV},
    {D_QNANP, D_QNANP, D_CNAN, D_CNAN, 0},
    {D_CNAN, D_NSNAN, D_CNAN, D_CNAN, NV},
};

START_TEST(test_min_max_prefer_numbers_to_nans_and_order_minus_zero_first)
{
    for (size_t i = 0; i < sizeof s_mm / sizeof s_mm[0]; i++) {
        const mm *c = &s_mm[i];
        unsigned f1 = 0, f2 = 0;
        uint32_t mn = f32_min((uint32_t)c->a, (uint32_t)c->b, &f1);
        uint32_t mx = f32_max((uint32_t)c->a, (uint32_t)c->b, &f2);
        ck_assert_msg(mn == c->min && mx == c->max && f1 == c->fl &&
                          f2 == c->fl,
                      "f32 row %zu: a=0x%08x b=0x%08x: min 0x%08x (0x%x) "
                      "max 0x%08x (0x%x), expected 0x%08x 0x%08x flags 0x%x",
                      i, (unsigned)c->a, (unsigned)c->b, mn, f1, mx, f2,
                      (unsigned)c->min, (unsigned)c->max, c->fl);
    }
    for (size_t i = 0; i < sizeof d_mm / sizeof d_mm[0]; i++) {
        const mm *c = &d_mm[i];
        unsigned f1 = 0, f2 = 0;
        uint64_t mn = f64_min(c->a, c->b, &f1);
        uint64_t mx = f64_max(c->a, c->b, &f2);
        ck_assert_msg(mn == c->min && mx == c->max && f1 == c->fl &&
                          f2 == c->fl,
                      "f64 row %zu: a=0x%016" PRIx64 " b=0x%016" PRIx64
                      ": min 0x%016" PRIx64 " (0x%x) max 0x%016" PRIx64
                      " (0x%x), expected 0x%016" PRIx64 " 0x%016" PRIx64
                      " flags 0x%x",
                      i, c->a, c->b, mn, f1, mx, f2, c->min, c->max, c->fl);
    }
}
END_TEST

START_TEST(test_classify_reports_each_of_the_ten_classes)
{
    static const struct {
        uint32_t a;
        unsigned cls;
    } s[] = {
        {S_NINF, 1u << 0},         {S_M1, 1u << 1},
        {S_NEG(S_MAX), 1u << 1},   {S_NEG(S_MINNORM), 1u << 1},
        {S_NEG(S_MAXSUB), 1u << 2}, {S_NEG(S_MINSUB), 1u << 2},
        {S_N0, 1u << 3},           {S_P0, 1u << 4},
        {S_MINSUB, 1u << 5},       {S_MAXSUB, 1u << 5},
        {S_MINNORM, 1u << 6},      {S_MAX, 1u << 6},
        {S_INF, 1u << 7},          {S_SNAN, 1u << 8},
        {S_SNANP, 1u << 8},        {S_NSNAN, 1u << 8},
        {S_CNAN, 1u << 9},         {S_QNANP, 1u << 9},
        {S_NQNAN, 1u << 9},        {0xffffffffu, 1u << 9},
    };
    static const struct {
        uint64_t a;
        unsigned cls;
    } d[] = {
        {D_NINF, 1u << 0},         {D_M1, 1u << 1},
        {D_NEG(D_MINNORM), 1u << 1}, {D_NEG(D_MAXSUB), 1u << 2},
        {D_NEG(D_MINSUB), 1u << 2}, {D_N0, 1u << 3},
        {D_P0, 1u << 4},           {D_MINSUB, 1u << 5},
        {D_MAXSUB, 1u << 5},       {D_MINNORM, 1u << 6},
        {D_MAX, 1u << 6},          {D_INF, 1u << 7},
        {D_SNAN, 1u << 8},         {D_SNANP, 1u << 8},
        {D_NSNAN, 1u << 8},        {D_CNAN, 1u << 9},
        {D_QNANP, 1u << 9},        {D_NQNAN, 1u << 9},
    };
    for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
        ck_assert_msg(f32_classify(s[i].a) == s[i].cls,
                      "f32_classify(0x%08x) = 0x%x, expected 0x%x", s[i].a,
                      f32_classify(s[i].a), s[i].cls);
    for (size_t i = 0; i < sizeof d / sizeof d[0]; i++)
        ck_assert_msg(f64_classify(d[i].a) == d[i].cls,
                      "f64_classify(0x%016" PRIx64 ") = 0x%x, expected 0x%x",
                      d[i].a, f64_classify(d[i].a), d[i].cls);
}
END_TEST

/* ------------------------------------------------------------------------
 * Differential test against the host's SSE arithmetic (x86-64 only)
 * ---------------------------------------------------------------------- */
#if defined(__x86_64__)
#include <fenv.h>
#include <math.h>

/* Host rounding modes in RISC-V rm order (RNE, RTZ, RDN, RUP). */
static const int host_rm[4] = {FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD,
                               FE_UPWARD};

static unsigned host_flags(void)
{
    int e = fetestexcept(FE_ALL_EXCEPT);
    return (e & FE_INEXACT ? NX : 0) | (e & FE_UNDERFLOW ? UF : 0) |
           (e & FE_OVERFLOW ? OF : 0) | (e & FE_DIVBYZERO ? DZ : 0) |
           (e & FE_INVALID ? NV : 0);
}

static float f_of(uint32_t u)
{
    float f;
    memcpy(&f, &u, 4);
    return f;
}
static uint32_t u_of_f(float f)
{
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}
static double d_of(uint64_t u)
{
    double d;
    memcpy(&d, &u, 8);
    return d;
}
static uint64_t u_of_d(double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}
static bool s_isnan(uint32_t a) { return (a & 0x7fffffffu) > S_INF; }
static bool d_isnan(uint64_t a) { return (a & ~D_N0) > D_INF; }
static bool s_issnan(uint32_t a) { return s_isnan(a) && !(a & 0x00400000u); }
static bool d_issnan(uint64_t a)
{
    return d_isnan(a) && !(a & 0x0008000000000000ull);
}
static bool s_iszero(uint32_t a) { return !(a & 0x7fffffffu); }
static bool d_iszero(uint64_t a) { return !(a & ~D_N0); }
static bool s_isinf(uint32_t a) { return (a & 0x7fffffffu) == S_INF; }
static bool d_isinf(uint64_t a) { return (a & ~D_N0) == D_INF; }

/* The outcome the host computes, with its NaN replaced by the canonical
 * NaN (RISC-V never propagates payloads). The operands pass through
 * volatile objects and the result is stored to one, so the compiler can
 * neither fold the operation nor move it across fesetround() and
 * fetestexcept() (GCC ignores FENV_ACCESS; this file is also built with
 * -frounding-math). */
static uint32_t host32_rmm(int op, uint32_t a, uint32_t b, uint32_t c,
                           unsigned *fl);
static uint64_t host64_rmm(int op, uint64_t a, uint64_t b, uint64_t c,
                           unsigned *fl);
static uint64_t host_cvt_rmm(int op, uint64_t a, unsigned *fl);

static uint32_t host32(int op, uint32_t a, uint32_t b, uint32_t c, int rm,
                       unsigned *fl)
{
    if (rm == FP_RMM)
        return host32_rmm(op, a, b, c, fl);
    volatile float va = f_of(a), vb = f_of(b), vc = f_of(c), vr;
    fesetround(host_rm[rm]);
    feclearexcept(FE_ALL_EXCEPT);
    switch (op) {
    case ADD: vr = va + vb; break;
    case SUB: vr = va - vb; break;
    case MUL: vr = va * vb; break;
    case DIV: vr = va / vb; break;
    case SQRT: vr = sqrtf(va); break;
    default: vr = fmaf(va, vb, vc); break;
    }
    *fl = host_flags();
    fesetround(FE_TONEAREST);
    uint32_t r = u_of_f(vr);
    /* inf * 0 + qNaN: invalid on RISC-V whatever the host says */
    if (op == FMA && s_isnan(c) &&
        ((s_isinf(a) && s_iszero(b)) || (s_iszero(a) && s_isinf(b))))
        *fl |= NV;
    return s_isnan(r) ? S_CNAN : r;
}

static uint64_t host64(int op, uint64_t a, uint64_t b, uint64_t c, int rm,
                       unsigned *fl)
{
    if (rm == FP_RMM)
        return host64_rmm(op, a, b, c, fl);
    volatile double va = d_of(a), vb = d_of(b), vc = d_of(c), vr;
    fesetround(host_rm[rm]);
    feclearexcept(FE_ALL_EXCEPT);
    switch (op) {
    case ADD: vr = va + vb; break;
    case SUB: vr = va - vb; break;
    case MUL: vr = va * vb; break;
    case DIV: vr = va / vb; break;
    case SQRT: vr = sqrt(va); break;
    default: vr = fma(va, vb, vc); break;
    }
    *fl = host_flags();
    fesetround(FE_TONEAREST);
    uint64_t r = u_of_d(vr);
    if (op == FMA && d_isnan(c) &&
        ((d_isinf(a) && d_iszero(b)) || (d_iszero(a) && d_isinf(b))))
        *fl |= NV;
    return d_isnan(r) ? D_CNAN : r;
}

/* Integer to float and float to float conversions on the host. */
static uint64_t host_cvt(int op, uint64_t a, int rm, unsigned *fl)
{
    if (rm == FP_RMM)
        return host_cvt_rmm(op, a, fl);
    volatile uint64_t va = a;
    volatile float vf;
    volatile double vd;
    uint64_t r;
    fesetround(host_rm[rm]);
    feclearexcept(FE_ALL_EXCEPT);
    switch (op) {
    case I32_F32: vf = (float)(int32_t)(uint32_t)va; break;
    case U32_F32: vf = (float)(uint32_t)va; break;
    case I64_F32: vf = (float)(int64_t)va; break;
    case U64_F32: vf = (float)(uint64_t)va; break;
    case I32_F64: vd = (double)(int32_t)(uint32_t)va; break;
    case U32_F64: vd = (double)(uint32_t)va; break;
    case I64_F64: vd = (double)(int64_t)va; break;
    case U64_F64: vd = (double)(uint64_t)va; break;
    case F32_F64: {
        volatile float x = f_of((uint32_t)va);
        vd = (double)x;
        break;
    }
    default: {
        volatile double x = d_of(va);
        vf = (float)x;
        break;
    }
    }
    *fl = host_flags();
    fesetround(FE_TONEAREST);
    switch (op) {
    case I32_F32: case U32_F32: case I64_F32: case U64_F32: case F64_F32:
        r = u_of_f(vf);
        return s_isnan((uint32_t)r) ? S_CNAN : r;
    default:
        r = u_of_d(vd);
        return d_isnan(r) ? D_CNAN : r;
    }
}

/* Float to integer: the host rounds to an integral value in the mode
 * (rint; round for RMM); the range check and the saturation are RISC-V's own (x86
 * returns the "integer indefinite" value instead), so out-of-range inputs
 * are checked against the spec's table rather than the host. */
static uint64_t host_to_int(int op, uint64_t a, int rm, unsigned *fl)
{
    static const struct {
        double lo, hi; /* the representable range, exactly */
        uint64_t min, max;
    } lim[] = {
        [0] = {-2147483648.0, 2147483647.0, I32MIN, I32MAX},
        [1] = {0.0, 4294967295.0, 0, U32MAX},
        [2] = {-9223372036854775808.0, 9223372036854775807.0, I64MIN, I64MAX},
        [3] = {0.0, 18446744073709551615.0, 0, U64MAX},
    };
    int k = op & 3; /* F32_I32..F32_U64 and F64_I32..F64_U64 in order */
    bool single = op < F64_I32;
    bool nan = single ? s_isnan((uint32_t)a) : d_isnan(a);
    if (nan) {
        *fl = NV;
        return lim[k].max;
    }
    volatile double x = single ? (double)f_of((uint32_t)a) : d_of(a);
    volatile double r;
    if (rm == FP_RMM) {
        r = single ? (double)roundf((float)x) : round(x); /* ties away */
    } else {
        fesetround(host_rm[rm]);
        r = single ? (double)rintf((float)x) : rint(x);
        fesetround(FE_TONEAREST);
    }
    /* lo and hi of the 64-bit types are rounded to +-2^63 and 2^64 as
     * doubles; an integral value is in range when it is >= lo and < hi
     * there, <= hi for the 32-bit types */
    bool below = r < lim[k].lo;
    bool above = k >= 2 ? r >= lim[k].hi : r > lim[k].hi;
    if (below || above) {
        *fl = NV;
        return (below ? lim[k].min : lim[k].max);
    }
    *fl = r != x ? NX : 0;
    switch (k) {
    case 0: return (uint32_t)(int32_t)r;
    case 1: return (uint32_t)r;
    case 2: return (uint64_t)(int64_t)r;
    default: return (uint64_t)r;
    }
}

/* RMM, which no host has, from the host's other modes: the RNE result,
 * except when the exact result is a tie, i.e. the midpoint of its RDN and
 * RUP results, where the neighbour away from zero is taken. The flags are
 * RNE's: a tie is inexact either way, and the only ties where rounding
 * away instead of to even could cross an overflow or tininess threshold
 * (MAX + ulp/2, 2^emin - ulp/2) round up in both modes. A tie is detected
 * in a wider format (binary64 for binary32 results, x87 extended for
 * binary64 results): the operation is exact there whenever its result is a
 * midpoint, which has only p + 1 significant bits. */
static bool wide_exact(int op, long double x, long double y, long double z,
                       bool f64, long double *r)
{
    volatile long double vx = x, vy = y, vz = z;
    volatile long double vr;
    volatile double dx = (double)x, dy = (double)y, dz = (double)z, dr;
    fesetround(FE_TOWARDZERO);
    feclearexcept(FE_ALL_EXCEPT);
    if (f64) {
        switch (op) {
        case ADD: vr = vx + vy; break;
        case SUB: vr = vx - vy; break;
        case MUL: vr = vx * vy; break;
        case DIV: vr = vx / vy; break;
        case SQRT: vr = sqrtl(vx); break;
        default: vr = fmal(vx, vy, vz); break;
        }
    } else {
        switch (op) {
        case ADD: dr = dx + dy; break;
        case SUB: dr = dx - dy; break;
        case MUL: dr = dx * dy; break;
        case DIV: dr = dx / dy; break;
        case SQRT: dr = sqrt(dx); break;
        default: dr = fma(dx, dy, dz); break;
        }
        vr = dr;
    }
    bool exact = !fetestexcept(FE_INEXACT);
    fesetround(FE_TONEAREST);
    *r = vr;
    return exact;
}

static uint32_t host32_rmm(int op, uint32_t a, uint32_t b, uint32_t c,
                           unsigned *fl)
{
    unsigned f;
    long double x;
    uint32_t r = host32(op, a, b, c, FP_RNE, fl);
    uint32_t lo = host32(op, a, b, c, FP_RDN, &f);
    uint32_t hi = host32(op, a, b, c, FP_RUP, &f);
    if (lo == hi || s_isnan(lo) || s_isinf(lo) || s_isinf(hi))
        return r;
    if (wide_exact(op, f_of(a), f_of(b), f_of(c), false, &x) &&
        (long double)f_of(lo) + f_of(hi) == 2 * x)
        r = (lo & 0x7fffffffu) > (hi & 0x7fffffffu) ? lo : hi;
    return r;
}

static uint64_t host64_rmm(int op, uint64_t a, uint64_t b, uint64_t c,
                           unsigned *fl)
{
    unsigned f;
    long double x;
    uint64_t r = host64(op, a, b, c, FP_RNE, fl);
    uint64_t lo = host64(op, a, b, c, FP_RDN, &f);
    uint64_t hi = host64(op, a, b, c, FP_RUP, &f);
    if (lo == hi || d_isnan(lo) || d_isinf(lo) || d_isinf(hi))
        return r;
    if (wide_exact(op, d_of(a), d_of(b), d_of(c), true, &x) &&
        (long double)d_of(lo) + d_of(hi) == 2 * x)
        r = (lo & ~D_N0) > (hi & ~D_N0) ? lo : hi;
    return r;
}

/* The same for conversions to a float format; the source is exact in
 * long double. */
static uint64_t host_cvt_rmm(int op, uint64_t a, unsigned *fl)
{
    unsigned f;
    uint64_t r = host_cvt(op, a, FP_RNE, fl);
    uint64_t lo = host_cvt(op, a, FP_RDN, &f);
    uint64_t hi = host_cvt(op, a, FP_RUP, &f);
    bool single = op == I32_F32 || op == U32_F32 || op == I64_F32 ||
                  op == U64_F32 || op == F64_F32;
    long double v, l, h;
    switch (op) {
    case I32_F32: case I32_F64: v = (int32_t)(uint32_t)a; break;
    case U32_F32: case U32_F64: v = (uint32_t)a; break;
    case I64_F32: case I64_F64: v = (int64_t)a; break;
    case U64_F32: case U64_F64: v = a; break;
    case F32_F64: return r; /* exact */
    default: v = d_of(a); break;
    }
    if (lo == hi || (single ? s_isinf((uint32_t)lo) || s_isinf((uint32_t)hi) ||
                                  s_isnan((uint32_t)lo)
                            : d_isinf(lo) || d_isinf(hi) || d_isnan(lo)))
        return r;
    l = single ? f_of((uint32_t)lo) : d_of(lo);
    h = single ? f_of((uint32_t)hi) : d_of(hi);
    if (l + h == 2 * v) {
        uint64_t mag = single ? 0x7fffffffu : ~D_N0;
        r = (lo & mag) > (hi & mag) ? lo : hi;
    }
    return r;
}

static uint64_t soft_cvt(int op, uint64_t a, int rm, unsigned *fl)
{
    cvt c = {(uint8_t)op, (uint8_t)rm, a, 0, 0};
    return do_cvt(&c, fl);
}

/* Special values: zeros, subnormal and normal limits, one, infinities,
 * NaNs, and values at the integer conversion limits. */
static const uint32_t s_corpus[] = {
    S_P0, S_N0, S_MINSUB, S_NEG(S_MINSUB), S_MAXSUB, S_NEG(S_MAXSUB),
    S_MINNORM, S_NEG(S_MINNORM), S_ONE, S_M1, S_MAX, S_NEG(S_MAX), S_INF,
    S_NINF, S_CNAN, S_QNANP, S_NQNAN, S_SNAN, S_NSNAN, S_HALF, 0xbf000000u,
    0x3fc00000u, 0x40200000u, 0xc0200000u, S_THREE, 0x3f7fffffu,
    0x3f800001u, 0x4effffffu, 0x4f000000u, 0xcf000000u, 0xcf000001u,
    0x4f7fffffu, 0x4f800000u, 0x5effffffu, 0x5f000000u, 0xdf000000u,
    0xdf000001u, 0x5f7fffffu, 0x5f800000u, 0x4b800000u, 0x4b7fffffu,
};

static const uint64_t d_corpus[] = {
    D_P0, D_N0, D_MINSUB, D_NEG(D_MINSUB), D_MAXSUB, D_NEG(D_MAXSUB),
    D_MINNORM, D_NEG(D_MINNORM), D_ONE, D_M1, D_MAX, D_NEG(D_MAX), D_INF,
    D_NINF, D_CNAN, D_QNANP, D_NQNAN, D_SNAN, D_NSNAN, D_HALF,
    0xbfe0000000000000ull, 0x3ff8000000000000ull, 0x4004000000000000ull,
    0xc004000000000000ull, D_THREE, 0x3fefffffffffffffull,
    0x3ff0000000000001ull, D_I32MAX_5, D_I32MIN_5, D_I32MIN_1, D_U32MAX_5,
    0x41dfffffffc00000ull, 0x41e0000000000000ull, 0xc1e0000000000000ull,
    0x41efffffffe00000ull, 0x41f0000000000000ull, 0x43dfffffffffffffull,
    0x43e0000000000000ull, 0xc3e0000000000000ull, 0xc3e0000000000001ull,
    0x43efffffffffffffull, 0x43f0000000000000ull, 0x4340000000000000ull,
    0x433fffffffffffffull, 0x36a0000000000000ull, 0x380fffffe0000000ull,
    0x380ffffff0000000ull, 0x47efffffe0000000ull, 0x47effffff0000000ull,
    0x47f0000000000000ull, 0x3690000000000000ull,
};

#define NCORPUS32 (sizeof s_corpus / sizeof s_corpus[0])
#define NCORPUS64 (sizeof d_corpus / sizeof d_corpus[0])

/* Random operands: raw bit patterns, corpus values, and numbers drawn from
 * exponent bands (around 1, subnormal and tiny, huge, integers). */
static uint32_t rand32(uint64_t *st)
{
    uint64_t r = tu_rand(st);
    uint32_t sign = (uint32_t)(r >> 63) << 31, man = (uint32_t)(r >> 8) &
                                                     0x7fffffu;
    uint32_t e;
    switch (r % 8) {
    case 0: case 1: case 2: return (uint32_t)(r >> 16);
    case 3: return s_corpus[(r >> 32) % NCORPUS32];
    case 4: e = 120 + (uint32_t)(r >> 40) % 16; break;
    case 5: e = (uint32_t)(r >> 40) % 8; break;
    case 6: e = 247 + (uint32_t)(r >> 40) % 8; break;
    default: e = 126 + (uint32_t)(r >> 40) % 66; break;
    }
    return sign | e << 23 | man;
}

static uint64_t rand64(uint64_t *st)
{
    uint64_t r = tu_rand(st), m = tu_rand(st);
    uint64_t sign = r >> 63 << 63, man = m & D_MAXSUB;
    uint64_t e;
    switch (r % 8) {
    case 0: case 1: case 2: return m;
    case 3: return d_corpus[(r >> 32) % NCORPUS64];
    case 4: e = 1016 + (r >> 40) % 16; break;
    case 5: e = (r >> 40) % 8; break;
    case 6: e = 2039 + (r >> 40) % 8; break;
    default: e = 1022 + (r >> 40) % 66; break;
    }
    return sign | e << 52 | man;
}

/* A number whose exponent is e + a small delta (so that sums cancel), of
 * either sign, with a random mantissa. */
static uint32_t near32(uint64_t *st, int e)
{
    uint64_t r = tu_rand(st);
    e += (int)(r % 7) - 3;
    if (e < 0) e = 0;
    if (e > 254) e = 254;
    return (uint32_t)(r >> 63) << 31 | (uint32_t)e << 23 |
           ((uint32_t)(r >> 8) & 0x7fffffu);
}

static uint64_t near64(uint64_t *st, int e)
{
    uint64_t r = tu_rand(st), m = tu_rand(st);
    e += (int)(r % 7) - 3;
    if (e < 0) e = 0;
    if (e > 2046) e = 2046;
    return r >> 63 << 63 | (uint64_t)e << 52 | (m & D_MAXSUB);
}

typedef struct diff {
    unsigned n, bad;
    char first[320];
} diff;

static void diff_note(diff *d, const char *msg)
{
    if (d->bad < 10)
        fprintf(stderr, "%s\n", msg);
    if (!d->bad++)
        snprintf(d->first, sizeof d->first, "%s", msg);
}

static void diff32(diff *d, int op, uint32_t a, uint32_t b, uint32_t c)
{
    for (int rm = 0; rm < 5; rm++) {
        unsigned hf, sf = 0;
        uint32_t h = host32(op, a, b, c, rm, &hf);
        c32 t = {(uint8_t)op, (uint8_t)rm, a, b, c, 0, 0};
        uint32_t s = do32(&t, &sf);
        d->n++;
        if (h != s || hf != sf) {
            char msg[320];
            snprintf(msg, sizeof msg,
                     "f32_%s %s a=0x%08" PRIx32 " b=0x%08" PRIx32
                     " c=0x%08" PRIx32 ": got 0x%08" PRIx32 " flags 0x%02x, "
                     "host 0x%08" PRIx32 " flags 0x%02x",
                     op_name[op], rm_name[rm], a, b, c, s, sf, h, hf);
            diff_note(d, msg);
        }
    }
}

static void diff64(diff *d, int op, uint64_t a, uint64_t b, uint64_t c)
{
    for (int rm = 0; rm < 5; rm++) {
        unsigned hf, sf = 0;
        uint64_t h = host64(op, a, b, c, rm, &hf);
        c64 t = {(uint8_t)op, (uint8_t)rm, a, b, c, 0, 0};
        uint64_t s = do64(&t, &sf);
        d->n++;
        if (h != s || hf != sf) {
            char msg[320];
            snprintf(msg, sizeof msg,
                     "f64_%s %s a=0x%016" PRIx64 " b=0x%016" PRIx64
                     " c=0x%016" PRIx64 ": got 0x%016" PRIx64
                     " flags 0x%02x, host 0x%016" PRIx64 " flags 0x%02x",
                     op_name[op], rm_name[rm], a, b, c, s, sf, h, hf);
            diff_note(d, msg);
        }
    }
}

static void diff_cvt(diff *d, int op, uint64_t a)
{
    for (int rm = 0; rm < 5; rm++) {
        unsigned hf, sf = 0;
        uint64_t h = op <= F64_U64 ? host_to_int(op, a, rm, &hf)
                                   : host_cvt(op, a, rm, &hf);
        uint64_t s = soft_cvt(op, a, rm, &sf);
        d->n++;
        if (h != s || hf != sf) {
            char msg[320];
            snprintf(msg, sizeof msg,
                     "%s %s 0x%" PRIx64 ": got 0x%" PRIx64 " flags 0x%02x, "
                     "expected 0x%" PRIx64 " flags 0x%02x",
                     cvt_name[op], rm_name[rm], a, s, sf, h, hf);
            diff_note(d, msg);
        }
    }
}

static void diff_report(const diff *d, const char *what)
{
    ck_assert_msg(d->bad == 0, "%s: %u of %u comparisons differ; first: %s",
                  what, d->bad, d->n, d->first);
}

/* Random operand sets per test (each is run in all five modes); a longer
 * hunt: -DNRANDOM=5000000. */
#ifndef NRANDOM
#define NRANDOM 150000
#endif

START_TEST(test_f32_arithmetic_matches_host_sse_in_all_modes)
{
    diff d = {0};
    for (size_t i = 0; i < NCORPUS32; i++)
        for (size_t j = 0; j < NCORPUS32; j++) {
            for (int op = ADD; op <= DIV; op++)
                diff32(&d, op, s_corpus[i], s_corpus[j], 0);
            diff32(&d, FMA, s_corpus[i], s_corpus[j], S_M1);
            diff32(&d, FMA, s_corpus[i], s_corpus[j],
                   s_corpus[(i * 7 + j) % NCORPUS32]);
        }
    uint64_t st = 0x9e3779b97f4a7c15ull;
    for (int i = 0; i < NRANDOM; i++) {
        uint32_t a = rand32(&st);
        uint32_t b = tu_rand(&st) & 1 ? rand32(&st)
                                      : near32(&st, (int)(a >> 23 & 0xff));
        int pe = (int)(a >> 23 & 0xff) + (int)(b >> 23 & 0xff) - 127;
        uint32_t c = tu_rand(&st) & 1 ? rand32(&st) : near32(&st, pe);
        for (int op = ADD; op <= DIV; op++)
            diff32(&d, op, a, b, 0);
        diff32(&d, SQRT, a & (i & 1 ? 0x7fffffffu : ~0u), 0, 0);
        diff32(&d, FMA, a, b, c);
        if (d.bad > 100)
            break;
    }
    diff_report(&d, "f32 arithmetic");
}
END_TEST

START_TEST(test_f64_arithmetic_matches_host_sse_in_all_modes)
{
    diff d = {0};
    for (size_t i = 0; i < NCORPUS64; i++)
        for (size_t j = 0; j < NCORPUS64; j++) {
            for (int op = ADD; op <= DIV; op++)
                diff64(&d, op, d_corpus[i], d_corpus[j], 0);
            diff64(&d, FMA, d_corpus[i], d_corpus[j], D_M1);
            diff64(&d, FMA, d_corpus[i], d_corpus[j],
                   d_corpus[(i * 7 + j) % NCORPUS64]);
        }
    uint64_t st = 0x2545f4914f6cdd1dull;
    for (int i = 0; i < NRANDOM; i++) {
        uint64_t a = rand64(&st);
        uint64_t b = tu_rand(&st) & 1 ? rand64(&st)
                                      : near64(&st, (int)(a >> 52 & 0x7ff));
        int pe = (int)(a >> 52 & 0x7ff) + (int)(b >> 52 & 0x7ff) - 1023;
        uint64_t c = tu_rand(&st) & 1 ? rand64(&st) : near64(&st, pe);
        for (int op = ADD; op <= DIV; op++)
            diff64(&d, op, a, b, 0);
        diff64(&d, SQRT, a & (i & 1 ? ~D_N0 : ~0ull), 0, 0);
        diff64(&d, FMA, a, b, c);
        if (d.bad > 100)
            break;
    }
    diff_report(&d, "f64 arithmetic");
}
END_TEST

START_TEST(test_conversions_match_host_sse_in_all_modes)
{
    diff d = {0};
    static const uint64_t ints[] = {
        0, 1, 2, 3, 0x7fffffff, 0x80000000, 0x80000001, 0xffffffff,
        0x00ffffff, 0x01000001, 0x01000003, 0x7fffff80, 0x7fffffc0,
        0x100000000ull, 0x7fffffffffffffffull, 0x8000000000000000ull,
        0xffffffffffffffffull, 0x0020000000000001ull, 0xffdfffffffffffffull,
        0x7ffffffffffffc00ull, 0x7ffffffffffffe00ull, 0xfffffffffffff800ull,
        0xfffffffffffffc00ull, 0x8000000000000400ull,
    };
    for (int op = F32_I32; op <= F64_U64; op++) {
        for (size_t i = 0; i < NCORPUS32; i++)
            if (op < F64_I32)
                diff_cvt(&d, op, s_corpus[i]);
        for (size_t i = 0; i < NCORPUS64; i++)
            if (op >= F64_I32)
                diff_cvt(&d, op, d_corpus[i]);
    }
    for (int op = I32_F32; op <= U64_F64; op++)
        for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
            diff_cvt(&d, op, ints[i]);
    for (size_t i = 0; i < NCORPUS32; i++)
        diff_cvt(&d, F32_F64, s_corpus[i]);
    for (size_t i = 0; i < NCORPUS64; i++)
        diff_cvt(&d, F64_F32, d_corpus[i]);

    uint64_t st = 0x0123456789abcdefull;
    for (int i = 0; i < NRANDOM; i++) {
        uint32_t s = rand32(&st);
        uint64_t x = rand64(&st), r = tu_rand(&st);
        /* integers of every width: shift a random word right so that all
         * magnitudes occur */
        uint64_t v = r >> (tu_rand(&st) % 64);
        if (r & 1)
            v = -v;
        for (int op = F32_I32; op <= F32_U64; op++)
            diff_cvt(&d, op, s);
        for (int op = F64_I32; op <= F64_U64; op++)
            diff_cvt(&d, op, x);
        for (int op = I32_F32; op <= U64_F64; op++)
            diff_cvt(&d, op, op == I32_F32 || op == U32_F32 ||
                                     op == I32_F64 || op == U32_F64
                                 ? (uint32_t)v
                                 : v);
        diff_cvt(&d, F32_F64, s);
        diff_cvt(&d, F64_F32, x);
        /* doubles in the binary32 range, with low bits to round */
        diff_cvt(&d, F64_F32, near64(&st, 1023 - 150 + (int)(r >> 40) % 280));
        if (d.bad > 100)
            break;
    }
    diff_report(&d, "conversions");
}
END_TEST

/* Comparisons and classification against the host's view of the values;
 * the flags follow the RISC-V rule (feq quiet, flt/fle signalling). */
START_TEST(test_compare_and_classify_agree_with_host_values)
{
    uint64_t st = 0x5bd1e995u;
    for (int i = 0; i < NRANDOM; i++) {
        uint64_t a = rand64(&st);
        uint64_t b = tu_rand(&st) & 3 ? rand64(&st) : a ^ (tu_rand(&st) & 1);
        double x = d_of(a), y = d_of(b);
        bool nan = d_isnan(a) || d_isnan(b);
        bool snan = d_issnan(a) || d_issnan(b);
        unsigned fe = 0, fl = 0, fg = 0;
        bool eq = f64_eq(a, b, &fe), lt = f64_lt(a, b, &fl),
             le = f64_le(a, b, &fg);
        ck_assert_msg(eq == (!nan && x == y) && lt == isless(x, y) &&
                          le == islessequal(x, y) &&
                          fe == (snan ? NV : 0u) && fl == (nan ? NV : 0u) &&
                          fg == fl,
                      "f64 compare 0x%016" PRIx64 " 0x%016" PRIx64, a, b);
        uint32_t sa = (uint32_t)a, sb = (uint32_t)(a >> 32);
        float fx = f_of(sa), fy = f_of(sb);
        nan = s_isnan(sa) || s_isnan(sb);
        snan = s_issnan(sa) || s_issnan(sb);
        fe = fl = fg = 0;
        eq = f32_eq(sa, sb, &fe);
        lt = f32_lt(sa, sb, &fl);
        le = f32_le(sa, sb, &fg);
        ck_assert_msg(eq == (!nan && fx == fy) && lt == isless(fx, fy) &&
                          le == islessequal(fx, fy) &&
                          fe == (snan ? NV : 0u) && fl == (nan ? NV : 0u) &&
                          fg == fl,
                      "f32 compare 0x%08x 0x%08x", sa, sb);
        static const int cls[] = {FP_INFINITE, FP_NORMAL, FP_SUBNORMAL,
                                  FP_ZERO};
        unsigned c = f64_classify(a);
        if (d_isnan(a))
            ck_assert_uint_eq(c, d_issnan(a) ? 1u << 8 : 1u << 9);
        else
            ck_assert_msg(c != 0 && (c & (c - 1)) == 0,
                          "f64_classify(0x%016" PRIx64 ") = 0x%x", a, c);
        for (int k = 0; k < 4; k++)
            if (!d_isnan(a) && fpclassify(x) == cls[k]) {
                unsigned want = signbit(x) ? 1u << k : 1u << (7 - k);
                ck_assert_msg(c == want,
                              "f64_classify(0x%016" PRIx64 ") = 0x%x, "
                              "expected 0x%x",
                              a, c, want);
            }
        c = f32_classify(sa);
        for (int k = 0; k < 4; k++)
            if (!s_isnan(sa) && fpclassify(fx) == cls[k]) {
                unsigned want = signbit(fx) ? 1u << k : 1u << (7 - k);
                ck_assert_msg(c == want,
                              "f32_classify(0x%08x) = 0x%x, expected 0x%x",
                              sa, c, want);
            }
    }
}
END_TEST
#endif /* __x86_64__ */

static Suite *fpu_suite(void)
{
    Suite *s = suite_create("fpu");
    TCase *tc = tcase_create("tables");
    tcase_add_test(tc,
                   test_inexact_results_round_per_mode_with_ties_to_even_and_away);
    tcase_add_test(tc, test_exact_results_raise_no_flags_even_when_subnormal);
    tcase_add_test(tc,
                   test_exact_zero_sums_are_plus_zero_except_minus_zero_in_rdn);
    tcase_add_test(tc, test_infinities_invalid_operations_and_division_by_zero);
    tcase_add_test(
        tc, test_nan_operands_give_the_canonical_nan_nv_only_when_signalling);
    tcase_add_test(tc,
                   test_overflow_gives_infinity_or_max_finite_by_rounding_mode);
    tcase_add_test(tc,
                   test_underflow_is_detected_after_rounding_and_needs_inexact);
    tcase_add_test(tc,
                   test_fma_rounds_once_where_double_rounding_would_differ);
    tcase_add_test(tc, test_flags_accumulate_and_are_never_cleared);
    tcase_add_test(tc,
                   test_float_to_int_rounds_per_mode_and_saturates_with_nv_only);
    tcase_add_test(tc, test_int_to_float_is_exact_or_rounds_per_mode_with_nx);
    tcase_add_test(
        tc, test_f32_f64_conversions_round_overflow_underflow_and_quiet_nans);
    tcase_add_test(
        tc, test_feq_is_quiet_flt_fle_signal_on_any_nan_and_zeros_are_equal);
    tcase_add_test(
        tc, test_min_max_prefer_numbers_to_nans_and_order_minus_zero_first);
    tcase_add_test(tc, test_classify_reports_each_of_the_ten_classes);
    suite_add_tcase(s, tc);
#if defined(__x86_64__)
    TCase *th = tcase_create("host");
    tcase_set_timeout(th, 100);
    tcase_add_test(th, test_f32_arithmetic_matches_host_sse_in_all_modes);
    tcase_add_test(th, test_f64_arithmetic_matches_host_sse_in_all_modes);
    tcase_add_test(th, test_conversions_match_host_sse_in_all_modes);
    tcase_add_test(th, test_compare_and_classify_agree_with_host_values);
    suite_add_tcase(s, th);
#endif
    return s;
}

int main(void) { return tu_run_suite(fpu_suite()); }
