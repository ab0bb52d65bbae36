/*
 * The A64 floating-point executor and its element operations: Arm's
 * rounding, NaN, flush-to-zero and tininess rules, conversions, compares,
 * half precision, estimates, and the vector forms. Encodings come from
 * aarch64-linux-gnu-as; expected values were checked against qemu-aarch64.
 */
#include <check.h>

#include "a64_harness.h"
#include "testutil.h"

#define RN (0u << A64_FPCR_RMODE_SHIFT)
#define RP (1u << A64_FPCR_RMODE_SHIFT)
#define RM (2u << A64_FPCR_RMODE_SHIFT)
#define RZ (3u << A64_FPCR_RMODE_SHIFT)

/* Run one instruction on h's hart; it must not trap. */
static a64_cpu *run1(a64h *h, uint32_t insn)
{
    uint32_t code[1] = {insn};
    memcpy(h->mem, code, 4);
    a64_tlb_flush(h->cpu);
    h->cpu->pc = A64H_BASE;
    bool trapped;
    a64_run(h->cpu, 1, &trapped);
    ck_assert_msg(!trapped, "insn %08x trapped", insn);
    ck_assert_uint_eq(h->cpu->pc, A64H_BASE + 4);
    return h->cpu;
}

static bool is_undef(a64h *h, uint32_t insn)
{
    memcpy(h->mem, &insn, 4);
    a64_tlb_flush(h->cpu);
    h->cpu->pc = A64H_BASE;
    bool trapped;
    a64_run(h->cpu, 1, &trapped);
    return trapped && (h->cpu->esr >> 26) == A64_EC_UNKNOWN;
}

/* a scalar operand: the whole register set, so stale lanes cannot leak */
static void set_s(a64h *h, unsigned r, uint32_t v)
{
    memset(&h->cpu->v[r], 0, 16);
    h->cpu->v[r].s[0] = v;
}
static void set_d(a64h *h, unsigned r, uint64_t v)
{
    memset(&h->cpu->v[r], 0, 16);
    h->cpu->v[r].d[0] = v;
}
static void set_4s(a64h *h, unsigned r, uint32_t a, uint32_t b, uint32_t c,
                   uint32_t d)
{
    a64_vreg *v = &h->cpu->v[r];
    v->s[0] = a;
    v->s[1] = b;
    v->s[2] = c;
    v->s[3] = d;
}

/* fpcr, then run: the FPSR starts clear */
static a64_cpu *run_fp(a64h *h, uint32_t fpcr, uint32_t insn)
{
    h->cpu->fpcr = fpcr;
    h->cpu->fpsr = 0;
    /* garbage in the destination's upper lanes must be cleared */
    h->cpu->v[0].d[1] = 0xdeadbeefdeadbeefull;
    return run1(h, insn);
}

#define FADD_S 0x1e222820u  /* fadd s0, s1, s2 */
#define FMADD_S 0x1f020c20u /* fmadd s0, s1, s2, s3 */
#define FMUL_S 0x1e220820u  /* fmul s0, s1, s2 */
#define FSUB_D 0x1e623820u  /* fsub d0, d1, d2 */

START_TEST(test_fadd_rounds_in_each_fpcr_mode)
{
    a64h *h = a64h_new();
    /* 1 + 0.75 ulp, and its negation */
    static const struct {
        uint32_t mode, pos, neg;
    } t[] = {
        {RN, 0x3f800001, 0xbf800001},
        {RP, 0x3f800001, 0xbf800000},
        {RM, 0x3f800000, 0xbf800001},
        {RZ, 0x3f800000, 0xbf800000},
    };
    for (unsigned i = 0; i < 4; i++) {
        set_s(h, 1, 0x3f800000);
        set_s(h, 2, 0x33c00000);
        a64_cpu *c = run_fp(h, t[i].mode, FADD_S);
        ck_assert_uint_eq(c->v[0].s[0], t[i].pos);
        ck_assert_uint_eq(c->v[0].d[1], 0); /* scalar writes zero the rest */
        ck_assert_uint_eq(c->fpsr, A64_FPSR_IXC);
        set_s(h, 1, 0xbf800000);
        set_s(h, 2, 0xb3c00000);
        c = run_fp(h, t[i].mode, FADD_S);
        ck_assert_uint_eq(c->v[0].s[0], t[i].neg);
    }
    /* an exact cancellation is -0 only when rounding towards minus */
    set_d(h, 1, 0x3ff0000000000000ull);
    set_d(h, 2, 0x3ff0000000000000ull);
    ck_assert_uint_eq(run_fp(h, RN, FSUB_D)->v[0].d[0], 0);
    ck_assert_uint_eq(run_fp(h, RM, FSUB_D)->v[0].d[0], 1ull << 63);
    a64h_free(h);
}
END_TEST

START_TEST(test_nan_propagation_and_default_nan)
{
    a64h *h = a64h_new();
    /* the signalling NaN wins over an earlier quiet one, quietened, IOC */
    set_s(h, 1, 0x7fc00001);
    set_s(h, 2, 0xff800002);
    a64_cpu *c = run_fp(h, 0, FADD_S);
    ck_assert_uint_eq(c->v[0].s[0], 0xffc00002);
    ck_assert_uint_eq(c->fpsr, A64_FPSR_IOC);
    /* two quiet NaNs: the first operand's, no flag */
    set_s(h, 2, 0x7fc00099);
    c = run_fp(h, 0, FADD_S);
    ck_assert_uint_eq(c->v[0].s[0], 0x7fc00001);
    ck_assert_uint_eq(c->fpsr, 0);
    /* FPCR.DN: the default NaN instead */
    c = run_fp(h, A64_FPCR_DN, FADD_S);
    ck_assert_uint_eq(c->v[0].s[0], 0x7fc00000);
    /* FMADD takes the addend's NaN first (FPMulAdd's operand order) */
    set_s(h, 1, 0x7fc000bb);
    set_s(h, 2, 0x3f800000);
    set_s(h, 3, 0x7fc000aa);
    ck_assert_uint_eq(run_fp(h, 0, FMADD_S)->v[0].s[0], 0x7fc000aa);
    /* 0 * inf + quiet NaN is invalid: the default NaN and IOC */
    set_s(h, 1, 0);
    set_s(h, 2, 0x7f800000);
    c = run_fp(h, 0, FMADD_S);
    ck_assert_uint_eq(c->v[0].s[0], 0x7fc00000);
    ck_assert_uint_eq(c->fpsr, A64_FPSR_IOC);
    /* FMAXNM: a quiet NaN loses to a number */
    set_s(h, 1, 0x7fc00001);
    set_s(h, 2, 0xc0000000);
    c = run_fp(h, 0, 0x1e226820); /* fmaxnm s0, s1, s2 */
    ck_assert_uint_eq(c->v[0].s[0], 0xc0000000);
    ck_assert_uint_eq(c->fpsr, 0);
    a64h_free(h);
}
END_TEST

START_TEST(test_flush_to_zero_raises_idc_and_ufc)
{
    a64h *h = a64h_new();
    /* a denormal input is a zero under FZ, with IDC */
    set_s(h, 1, 0x00000001);
    set_s(h, 2, 0x80000000);
    a64_cpu *c = run_fp(h, A64_FPCR_FZ, FADD_S);
    ck_assert_uint_eq(c->v[0].s[0], 0);
    ck_assert_uint_eq(c->fpsr, A64_FPSR_IDC);
    /* without FZ the denormal survives */
    c = run_fp(h, 0, FADD_S);
    ck_assert_uint_eq(c->v[0].s[0], 1);
    ck_assert_uint_eq(c->fpsr, 0);
    /* a denormal result: a zero of its sign, UFC without IXC */
    set_s(h, 1, 0x80800000); /* -2^-126 */
    set_s(h, 2, 0x3f000000); /* 0.5 */
    c = run_fp(h, A64_FPCR_FZ, FMUL_S);
    ck_assert_uint_eq(c->v[0].s[0], 0x80000000);
    ck_assert_uint_eq(c->fpsr, A64_FPSR_UFC);
    /* an exact denormal result without FZ raises nothing */
    c = run_fp(h, 0, FMUL_S);
    ck_assert_uint_eq(c->v[0].s[0], 0x80400000);
    ck_assert_uint_eq(c->fpsr, 0);
    a64h_free(h);
}
END_TEST

START_TEST(test_tininess_is_detected_before_rounding)
{
    a64h *h = a64h_new();
    /* 2^-126 * (1 - 2^-24) rounds up to the smallest normal: tiny before
     * rounding (Arm: UFC) though not after (RISC-V, x86: no UF) */
    set_s(h, 1, 0x00800000);
    set_s(h, 2, 0x3f7fffff);
    a64_cpu *c = run_fp(h, 0, FMUL_S);
    ck_assert_uint_eq(c->v[0].s[0], 0x00800000);
    ck_assert_uint_eq(c->fpsr, A64_FPSR_UFC | A64_FPSR_IXC);
    /* and FZ flushes it, since the unrounded value is below the range */
    c = run_fp(h, A64_FPCR_FZ, FMUL_S);
    ck_assert_uint_eq(c->v[0].s[0], 0);
    ck_assert_uint_eq(c->fpsr, A64_FPSR_UFC);
    a64h_free(h);
}
END_TEST

START_TEST(test_conversions_to_integers_saturate_with_ioc)
{
    a64h *h = a64h_new();
    h->cpu->x[0] = ~0ull;
    set_s(h, 1, 0x4f32d05e); /* 3e9 */
    a64_cpu *c = run_fp(h, 0, 0x1e380020); /* fcvtzs w0, s1 */
    ck_assert_uint_eq(c->x[0], 0x7fffffff); /* the W write zeroes the top */
    ck_assert_uint_eq(c->fpsr, A64_FPSR_IOC);
    set_s(h, 1, 0xbfc00000); /* -1.5 */
    c = run_fp(h, 0, 0x1e390020); /* fcvtzu w0, s1 */
    ck_assert_uint_eq(c->x[0], 0);
    ck_assert_uint_eq(c->fpsr, A64_FPSR_IOC);
    set_s(h, 1, 0x7fc00000); /* a NaN converts to 0 */
    c = run_fp(h, 0, 0x1e380020);
    ck_assert_uint_eq(c->x[0], 0);
    ck_assert_uint_eq(c->fpsr, A64_FPSR_IOC);
    set_d(h, 1, 0xc3e0000000000000ull); /* -2^63 fits exactly */
    c = run_fp(h, 0, 0x9e780020); /* fcvtzs x0, d1 */
    ck_assert_uint_eq(c->x[0], 1ull << 63);
    ck_assert_uint_eq(c->fpsr, 0);
    set_s(h, 1, 0x40200000); /* 2.5: ties away, whatever FPCR says */
    c = run_fp(h, RZ, 0x1e240020); /* fcvtas w0, s1 */
    ck_assert_uint_eq(c->x[0], 3);
    ck_assert_uint_eq(c->fpsr, A64_FPSR_IXC);
    /* fixed point: 4 fraction bits */
    h->cpu->x[1] = (uint64_t)-40; /* -2.5 in 4 fraction bits */
    c = run_fp(h, 0, 0x9e42f020); /* scvtf d0, x1, #4 */
    ck_assert_uint_eq(c->v[0].d[0], 0xc004000000000000ull);
    a64h_free(h);
}
END_TEST

START_TEST(test_fcmp_sets_nzcv_and_unordered)
{
    a64h *h = a64h_new();
    static const struct {
        uint32_t a, b, nzcv;
    } t[] = {
        {0x3f800000, 0x40000000, A64_N},         /* less */
        {0x40000000, 0x3f800000, A64_C},         /* greater */
        {0x80000000, 0x00000000, A64_Z | A64_C}, /* -0 == +0 */
        {0x7fc00000, 0x3f800000, A64_C | A64_V}, /* unordered */
    };
    for (unsigned i = 0; i < 4; i++) {
        set_s(h, 1, t[i].a);
        set_s(h, 2, t[i].b);
        a64_cpu *c = run_fp(h, 0, 0x1e222020); /* fcmp s1, s2 */
        ck_assert_uint_eq(c->nzcv, t[i].nzcv);
        ck_assert_uint_eq(c->fpsr, 0); /* quiet NaNs are quiet for FCMP */
    }
    /* FCMPE signals on a quiet NaN */
    a64_cpu *c = run_fp(h, 0, 0x1e222030); /* fcmpe s1, s2 */
    ck_assert_uint_eq(c->nzcv, A64_C | A64_V);
    ck_assert_uint_eq(c->fpsr, A64_FPSR_IOC);
    /* the #0.0 form ignores Rm */
    set_d(h, 1, 0x8000000000000001ull); /* a negative denormal */
    ck_assert_uint_eq(run_fp(h, 0, 0x1e602028)->nzcv, A64_N);
    c = run_fp(h, A64_FPCR_FZ, 0x1e602028); /* flushed: equal */
    ck_assert_uint_eq(c->nzcv, A64_Z | A64_C);
    ck_assert_uint_eq(c->fpsr, A64_FPSR_IDC);
    a64h_free(h);
}
END_TEST

START_TEST(test_fccmp_and_fcsel_follow_the_condition)
{
    a64h *h = a64h_new();
    set_s(h, 1, 0x3f800000);
    set_s(h, 2, 0x40000000);
    /* fccmp s1, s2, #4, eq: Z clear, so NZCV = #4 */
    h->cpu->nzcv = 0;
    ck_assert_uint_eq(run_fp(h, 0, 0x1e220424)->nzcv, 4u << 28);
    /* Z set: the compare happens (1 < 2) */
    h->cpu->nzcv = A64_Z;
    ck_assert_uint_eq(run_fp(h, 0, 0x1e220424)->nzcv, A64_N);
    /* fcsel s0, s1, s2, ne */
    h->cpu->nzcv = A64_Z;
    ck_assert_uint_eq(run_fp(h, 0, 0x1e221c20)->v[0].s[0], 0x40000000);
    h->cpu->nzcv = 0;
    a64_cpu *c = run_fp(h, 0, 0x1e221c20);
    ck_assert_uint_eq(c->v[0].s[0], 0x3f800000);
    ck_assert_uint_eq(c->v[0].d[1], 0);
    a64h_free(h);
}
END_TEST

START_TEST(test_half_conversions_and_ahp)
{
    a64h *h = a64h_new();
    set_s(h, 1, 0x3f800000);
    ck_assert_uint_eq(run_fp(h, 0, 0x1e23c020)->v[0].d[0], 0x3c00);
    /* 65520 overflows IEEE half to infinity */
    set_s(h, 1, 0x477ff000);
    a64_cpu *c = run_fp(h, 0, 0x1e23c020); /* fcvt h0, s1 */
    ck_assert_uint_eq(c->v[0].d[0], 0x7c00);
    ck_assert_uint_eq(c->fpsr, A64_FPSR_OFC | A64_FPSR_IXC);
    /* the alternative format has room: 65536 is exponent 31 */
    c = run_fp(h, A64_FPCR_AHP, 0x1e23c020);
    ck_assert_uint_eq(c->v[0].d[0], 0x7c00);
    ck_assert_uint_eq(c->fpsr, A64_FPSR_IXC);
    /* it has no infinity or NaN: saturate, or zero, with IOC */
    set_s(h, 1, 0x7f800000);
    c = run_fp(h, A64_FPCR_AHP, 0x1e23c020);
    ck_assert_uint_eq(c->v[0].d[0], 0x7fff);
    ck_assert_uint_eq(c->fpsr, A64_FPSR_IOC);
    set_s(h, 1, 0xffc00000);
    c = run_fp(h, A64_FPCR_AHP, 0x1e23c020);
    ck_assert_uint_eq(c->v[0].d[0], 0x8000);
    ck_assert_uint_eq(c->fpsr, A64_FPSR_IOC);
    /* half to single: 0x7c00 is infinity, or 65536 under AHP */
    set_s(h, 1, 0x7c00);
    ck_assert_uint_eq(run_fp(h, 0, 0x1ee24020)->v[0].s[0], 0x7f800000);
    ck_assert_uint_eq(run_fp(h, A64_FPCR_AHP, 0x1ee24020)->v[0].s[0],
                      0x47800000);
    /* a signalling half NaN widens quietened, payload kept */
    set_s(h, 1, 0x7c01);
    c = run_fp(h, 0, 0x1ee24020); /* fcvt s0, h1 */
    ck_assert_uint_eq(c->v[0].s[0], 0x7fc02000);
    ck_assert_uint_eq(c->fpsr, A64_FPSR_IOC);
    a64h_free(h);
}
END_TEST

START_TEST(test_frecpe_frsqrte_estimates)
{
    a64h *h = a64h_new();
    set_s(h, 1, 0x3f800000);
    ck_assert_uint_eq(run_fp(h, 0, 0x5ea1d820)->v[0].s[0], 0x3f7f8000);
    set_s(h, 1, 0x40800000);
    ck_assert_uint_eq(run_fp(h, 0, 0x7ea1d820)->v[0].s[0], 0x3eff8000);
    set_d(h, 1, 0x4008000000000000ull); /* 3.0 */
    ck_assert_uint_eq(run_fp(h, 0, 0x5ee1d820)->v[0].d[0],
                      0x3fd5500000000000ull);
    set_d(h, 1, 0x3fe0000000000000ull); /* 0.5 */
    ck_assert_uint_eq(run_fp(h, 0, 0x7ee1d820)->v[0].d[0],
                      0x3ff6900000000000ull);
    /* a denormal's reciprocal is near the top of the range */
    set_s(h, 1, 0x00200000);
    ck_assert_uint_eq(run_fp(h, 0, 0x5ea1d820)->v[0].s[0], 0x7f7f8000);
    /* a huge input's reciprocal is flushed under FZ, with UFC */
    set_s(h, 1, 0x7f000000);
    a64_cpu *c = run_fp(h, A64_FPCR_FZ, 0x5ea1d820);
    ck_assert_uint_eq(c->v[0].s[0], 0);
    ck_assert_uint_eq(c->fpsr, A64_FPSR_UFC);
    /* zero: infinity with DZC; FRSQRTE of a negative: default NaN, IOC */
    set_s(h, 1, 0x80000000);
    c = run_fp(h, 0, 0x5ea1d820);
    ck_assert_uint_eq(c->v[0].s[0], 0xff800000);
    ck_assert_uint_eq(c->fpsr, A64_FPSR_DZC);
    set_s(h, 1, 0xbf800000);
    c = run_fp(h, 0, 0x7ea1d820);
    ck_assert_uint_eq(c->v[0].s[0], 0x7fc00000);
    ck_assert_uint_eq(c->fpsr, A64_FPSR_IOC);
    a64h_free(h);
}
END_TEST

START_TEST(test_vector_forms_q0_and_q1)
{
    a64h *h = a64h_new();
    set_4s(h, 1, 0x3f800000, 0x40000000, 0x40400000, 0x40800000);
    set_4s(h, 2, 0x3f800000, 0x3f800000, 0x3f800000, 0x3f800000);
    a64_cpu *c = run_fp(h, 0, 0x0e22d420); /* fadd v0.2s */
    ck_assert_uint_eq(c->v[0].d[0], 0x4040000040000000ull);
    ck_assert_uint_eq(c->v[0].d[1], 0); /* Q=0 zeroes the upper half */
    c = run_fp(h, 0, 0x4e22d420); /* fadd v0.4s */
    ck_assert_uint_eq(c->v[0].d[0], 0x4040000040000000ull);
    ck_assert_uint_eq(c->v[0].d[1], 0x40a0000040800000ull);
    /* by element: v0 += v1 * v2.s[1] */
    set_4s(h, 0, 0, 0, 0, 0);
    set_4s(h, 2, 0, 0x40000000, 0, 0);
    c = run1(h, 0x4fa21020); /* fmla v0.4s, v1.4s, v2.s[1] */
    ck_assert_uint_eq(c->v[0].s[3], 0x41000000);
    /* FCVTN writes the low half and zeroes the top; FCVTN2 the top */
    set_4s(h, 1, 0x3f800000, 0x40000000, 0xbf800000, 0x7f800000);
    h->cpu->v[0].d[1] = 0x1111;
    c = run1(h, 0x0e216820); /* fcvtn v0.4h, v1.4s */
    ck_assert_uint_eq(c->v[0].d[0], 0x7c00bc0040003c00ull);
    ck_assert_uint_eq(c->v[0].d[1], 0);
    c = run1(h, 0x4e216820); /* fcvtn2 v0.8h, v1.4s */
    ck_assert_uint_eq(c->v[0].d[0], 0x7c00bc0040003c00ull);
    ck_assert_uint_eq(c->v[0].d[1], 0x7c00bc0040003c00ull);
    /* FCVTXN rounds to odd */
    set_d(h, 1, 0x3ff0000010000000ull);
    c = run_fp(h, 0, 0x7e616820); /* fcvtxn s0, d1 */
    ck_assert_uint_eq(c->v[0].s[0], 0x3f800001);
    /* FMOV (vector, immediate) */
    c = run1(h, 0x6f01f7e0); /* fmov v0.2d, #31.0 */
    ck_assert_uint_eq(c->v[0].d[0], 0x403f000000000000ull);
    ck_assert_uint_eq(c->v[0].d[1], 0x403f000000000000ull);
    /* FMOV v0.d[1], x1 keeps the low half */
    h->cpu->x[1] = 0x123456789ull;
    c = run1(h, 0x9eaf0020);
    ck_assert_uint_eq(c->v[0].d[0], 0x403f000000000000ull);
    ck_assert_uint_eq(c->v[0].d[1], 0x123456789ull);
    a64h_free(h);
}
END_TEST

START_TEST(test_pairwise_and_across_lanes)
{
    a64h *h = a64h_new();
    set_4s(h, 1, 0x3f800000, 0x40000000, 0x40400000, 0x40800000);
    set_4s(h, 2, 0x40a00000, 0x40c00000, 0x40e00000, 0x41000000);
    a64_cpu *c = run_fp(h, 0, 0x6e22d420); /* faddp v0.4s, v1.4s, v2.4s */
    ck_assert_uint_eq(c->v[0].s[0], 0x40400000); /* 1+2 */
    ck_assert_uint_eq(c->v[0].s[1], 0x40e00000); /* 3+4 */
    ck_assert_uint_eq(c->v[0].s[2], 0x41300000); /* 5+6 */
    ck_assert_uint_eq(c->v[0].s[3], 0x41700000); /* 7+8 */
    c = run_fp(h, 0, 0x6e30f820); /* fmaxv s0, v1.4s */
    ck_assert_uint_eq(c->v[0].d[0], 0x40800000);
    ck_assert_uint_eq(c->v[0].d[1], 0);
    /* FMINNMV skips a quiet NaN; FMAXV propagates it */
    set_4s(h, 1, 0x40000000, 0x7fc00000, 0xc0000000, 0x3f800000);
    ck_assert_uint_eq(run_fp(h, 0, 0x6eb0c820)->v[0].s[0], 0xc0000000);
    ck_assert_uint_eq(run_fp(h, 0, 0x6e30f820)->v[0].s[0], 0x7fc00000);
    a64h_free(h);
}
END_TEST

START_TEST(test_unallocated_fp_encodings_are_undefined)
{
    a64h *h = a64h_new();
    ck_assert(is_undef(h, 0x1ee22820)); /* fadd h0, h1, h2 (FEAT_FP16) */
    ck_assert(is_undef(h, 0x2f01f7e0)); /* fmov v0.2d form with Q=0 */
    ck_assert(is_undef(h, 0x1ea22820)); /* scalar FP type 10 */
    ck_assert(is_undef(h, 0x0e62d420)); /* fadd v0.1d... (sz=1, Q=0) */
    a64h_free(h);
}
END_TEST

static Suite *a64_fp_suite(void)
{
    Suite *s = suite_create("a64_fp");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_fadd_rounds_in_each_fpcr_mode);
    tcase_add_test(tc, test_nan_propagation_and_default_nan);
    tcase_add_test(tc, test_flush_to_zero_raises_idc_and_ufc);
    tcase_add_test(tc, test_tininess_is_detected_before_rounding);
    tcase_add_test(tc, test_conversions_to_integers_saturate_with_ioc);
    tcase_add_test(tc, test_fcmp_sets_nzcv_and_unordered);
    tcase_add_test(tc, test_fccmp_and_fcsel_follow_the_condition);
    tcase_add_test(tc, test_half_conversions_and_ahp);
    tcase_add_test(tc, test_frecpe_frsqrte_estimates);
    tcase_add_test(tc, test_vector_forms_q0_and_q1);
    tcase_add_test(tc, test_pairwise_and_across_lanes);
    tcase_add_test(tc, test_unallocated_fp_encodings_are_undefined);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(a64_fp_suite()); }
