/*
 * The floating-point encodings of the SIMD&FP group (Arm ARM C4.1.96):
 * scalar floating point (data processing with 1, 2 and 3 sources,
 * compares, conditional compare and select, immediates, conversions to
 * and from integers and fixed point) and the floating-point forms of
 * Advanced SIMD (three same, two-register miscellaneous, pairwise, across
 * lanes, by element, shift by immediate, modified immediate), vector and
 * scalar. The element operations are a64_fp.c's. Everything else of the
 * group returns A64_UNDEF here and goes on to a64_exec_simd().
 *
 * Half-precision arithmetic (FEAT_FP16) is not implemented, so only the
 * conversions touch half-precision values.
 */
#include "cpu/arm64/a64_cpu.h"
#include "cpu/arm64/a64_fp.h"
#include "fpu/fpu.h"

/* ---- register access ---- */

static inline uint64_t elem(const a64_vreg *v, unsigned w, unsigned i)
{
    switch (w) {
    case 16: return v->h[i];
    case 32: return v->s[i];
    default: return v->d[i];
    }
}

static inline void set_elem(a64_vreg *v, unsigned w, unsigned i, uint64_t x)
{
    switch (w) {
    case 16: v->h[i] = (uint16_t)x; break;
    case 32: v->s[i] = (uint32_t)x; break;
    default: v->d[i] = x; break;
    }
}

static inline uint64_t velem(const a64_cpu *cpu, unsigned r, unsigned w,
                             unsigned i)
{
    return elem(&cpu->v[r], w, i);
}

/* A scalar write (H, S or D) zeroes the rest of the vector register. */
static inline void set_scalar(a64_cpu *cpu, unsigned r, unsigned w,
                              uint64_t x)
{
    memset(&cpu->v[r], 0, sizeof(a64_vreg));
    set_elem(&cpu->v[r], w, 0, x);
}

/* A vector result: a 64-bit form (Q=0) zeroes the upper half. */
static inline void set_vec(a64_cpu *cpu, unsigned r, const a64_vreg *v,
                           bool q)
{
    cpu->v[r] = *v;
    if (!q)
        cpu->v[r].d[1] = 0;
}

static inline uint64_t ones(unsigned w)
{
    return w == 64 ? UINT64_MAX : (1ull << w) - 1;
}

/* the width of a scalar FP type field: 00 single, 01 double, 11 half */
static inline unsigned type_width(unsigned type)
{
    static const unsigned w[4] = {32, 64, 0, 16};
    return w[type];
}

/* ---- scalar floating point ---- */

static int fp_1src(a64_cpu *cpu, uint32_t insn, unsigned w)
{
    unsigned op = a64_bits(insn, 20, 15), rn = a64_bits(insn, 9, 5),
             rd = a64_bits(insn, 4, 0);
    uint64_t a = velem(cpu, rn, w, 0), r;
    if (op >= 4 && op <= 7) {
        /* FCVT between precisions; the opc names the destination */
        unsigned to = type_width(op & 3);
        if (op == 6 || to == w)
            return A64_UNDEF;
        set_scalar(cpu, rd, to, a64f_cvt(cpu, to, w, a, a64f_rmode(cpu)));
        return A64_OK;
    }
    if (w == 16)
        return A64_UNDEF; /* FEAT_FP16 */
    switch (op) {
    case 0: r = a; break;                       /* FMOV */
    case 1: r = a64f_abs(w, a); break;          /* FABS */
    case 2: r = a64f_neg(w, a); break;          /* FNEG */
    case 3: r = a64f_sqrt(cpu, w, a); break;    /* FSQRT */
    case 8: case 9: case 10: case 11: case 12:  /* FRINTN P M Z A */
        r = a64f_rint(cpu, w, a, a64f_rm_of(op - 8), false);
        break;
    case 14: r = a64f_rint(cpu, w, a, a64f_rmode(cpu), true); break;  /* X */
    case 15: r = a64f_rint(cpu, w, a, a64f_rmode(cpu), false); break; /* I */
    default: return A64_UNDEF;
    }
    set_scalar(cpu, rd, w, r);
    return A64_OK;
}

static int fp_2src(a64_cpu *cpu, uint32_t insn, unsigned w)
{
    unsigned op = a64_bits(insn, 15, 12), rm = a64_bits(insn, 20, 16),
             rn = a64_bits(insn, 9, 5), rd = a64_bits(insn, 4, 0);
    uint64_t a = velem(cpu, rn, w, 0), b = velem(cpu, rm, w, 0), r;
    switch (op) {
    case 0: r = a64f_mul(cpu, w, a, b); break;
    case 1: r = a64f_div(cpu, w, a, b); break;
    case 2: r = a64f_add(cpu, w, a, b); break;
    case 3: r = a64f_sub(cpu, w, a, b); break;
    case 4: r = a64f_max(cpu, w, a, b); break;
    case 5: r = a64f_min(cpu, w, a, b); break;
    case 6: r = a64f_maxnm(cpu, w, a, b); break;
    case 7: r = a64f_minnm(cpu, w, a, b); break;
    case 8: r = a64f_neg(w, a64f_mul(cpu, w, a, b)); break; /* FNMUL */
    default: return A64_UNDEF;
    }
    set_scalar(cpu, rd, w, r);
    return A64_OK;
}

/* FMADD, FMSUB, FNMADD, FNMSUB: the negations come before the fused
 * operation, so they reach NaN operands too (Arm ARM C7.2 FMSUB...) */
static int fp_3src(a64_cpu *cpu, uint32_t insn, unsigned w)
{
    unsigned o1 = a64_bits(insn, 21, 21), o0 = a64_bits(insn, 15, 15);
    unsigned rm = a64_bits(insn, 20, 16), ra = a64_bits(insn, 14, 10),
             rn = a64_bits(insn, 9, 5), rd = a64_bits(insn, 4, 0);
    uint64_t a = velem(cpu, ra, w, 0), n = velem(cpu, rn, w, 0),
             m = velem(cpu, rm, w, 0);
    if (o1)
        a = a64f_neg(w, a);
    if (o0 != o1)
        n = a64f_neg(w, n);
    set_scalar(cpu, rd, w, a64f_muladd(cpu, w, a, n, m));
    return A64_OK;
}

static int fp_compare(a64_cpu *cpu, uint32_t insn, unsigned w)
{
    unsigned rm = a64_bits(insn, 20, 16), rn = a64_bits(insn, 9, 5);
    unsigned op2 = a64_bits(insn, 4, 0);
    if (a64_bits(insn, 15, 14) != 0 || (op2 & 7) != 0)
        return A64_UNDEF;
    uint64_t a = velem(cpu, rn, w, 0);
    uint64_t b = (op2 & 8) ? 0 : velem(cpu, rm, w, 0); /* #0.0 form */
    cpu->nzcv = a64f_cmp(cpu, w, a, b, op2 & 16);
    return A64_OK;
}

static int fp_ccmp(a64_cpu *cpu, uint32_t insn, unsigned w)
{
    unsigned rm = a64_bits(insn, 20, 16), cond = a64_bits(insn, 15, 12),
             rn = a64_bits(insn, 9, 5);
    if (a64_cond(cpu->nzcv, cond))
        cpu->nzcv = a64f_cmp(cpu, w, velem(cpu, rn, w, 0),
                             velem(cpu, rm, w, 0), a64_bits(insn, 4, 4));
    else
        cpu->nzcv = a64_bits(insn, 3, 0) << 28;
    return A64_OK;
}

static int fp_csel(a64_cpu *cpu, uint32_t insn, unsigned w)
{
    unsigned rm = a64_bits(insn, 20, 16), cond = a64_bits(insn, 15, 12),
             rn = a64_bits(insn, 9, 5), rd = a64_bits(insn, 4, 0);
    unsigned src = a64_cond(cpu->nzcv, cond) ? rn : rm;
    set_scalar(cpu, rd, w, velem(cpu, src, w, 0));
    return A64_OK;
}

/* Conversions between FP and general registers (C4.1.96, "Conversion
 * between floating-point and integer"), and the fixed-point forms. */
static int fp_int(a64_cpu *cpu, uint32_t insn)
{
    bool sf = a64_bits(insn, 31, 31), fixed = !a64_bits(insn, 21, 21);
    unsigned type = a64_bits(insn, 23, 22), rmode = a64_bits(insn, 20, 19),
             op = a64_bits(insn, 18, 16), scale = a64_bits(insn, 15, 10),
             rn = a64_bits(insn, 9, 5), rd = a64_bits(insn, 4, 0);
    unsigned iw = sf ? 64 : 32;
    int fbits = 0;
    if (fixed) {
        /* SCVTF/UCVTF (rmode 00, op 01x), FCVTZS/FCVTZU (rmode 11, op 00x) */
        if (!((rmode == 0 && (op >> 1) == 1) || (rmode == 3 && (op >> 1) == 0)))
            return A64_UNDEF;
        if (!sf && scale < 32)
            return A64_UNDEF;
        fbits = 64 - (int)scale;
    } else if (scale != 0) {
        return A64_UNDEF;
    }
    if (op >= 6) {
        /* FMOV between general and FP registers: bits move unchanged */
        bool to_fp = op & 1;
        if (rmode == 0 && ((!sf && type == 0) || (sf && type == 1))) {
            unsigned w = sf ? 64 : 32;
            if (to_fp)
                set_scalar(cpu, rd, w, a64_x(cpu, rn) & ones(w));
            else
                a64_set_x(cpu, rd, velem(cpu, rn, w, 0));
            return A64_OK;
        }
        if (rmode == 1 && sf && type == 2) { /* the top half, D[1] */
            if (to_fp)
                cpu->v[rd].d[1] = a64_x(cpu, rn); /* D[0] is kept */
            else
                a64_set_x(cpu, rd, cpu->v[rn].d[1]);
            return A64_OK;
        }
        return A64_UNDEF;
    }
    unsigned w = type_width(type);
    if (w == 0 || w == 16)
        return A64_UNDEF; /* half-precision forms are FEAT_FP16 */
    if (op == 2 || op == 3) { /* SCVTF, UCVTF */
        if (!fixed && rmode != 0)
            return A64_UNDEF;
        uint64_t v = sf ? a64_x(cpu, rn) : a64_w(cpu, rn);
        set_scalar(cpu, rd, w, a64f_from_fixed(cpu, w, v, iw, op & 1, fbits,
                                               a64f_rmode(cpu)));
        return A64_OK;
    }
    int rm;
    if (op <= 1)
        rm = a64f_rm_of(rmode); /* FCVTN* P* M* Z* */
    else if (rmode == 0)
        rm = FP_RMM; /* FCVTAS, FCVTAU: op 10x */
    else
        return A64_UNDEF;
    uint64_t r = a64f_to_fixed(cpu, w, velem(cpu, rn, w, 0), fbits, op & 1,
                               iw, rm);
    if (sf)
        a64_set_x(cpu, rd, r);
    else
        a64_set_w(cpu, rd, (uint32_t)r);
    return A64_OK;
}

static int exec_scalar_fp(a64_cpu *cpu, uint32_t insn)
{
    if (a64_bits(insn, 29, 29))
        return A64_UNDEF; /* S */
    if (!a64_bits(insn, 21, 21) || a64_bits(insn, 15, 10) == 0)
        return fp_int(cpu, insn);
    if (a64_bits(insn, 31, 31))
        return A64_UNDEF; /* M */
    unsigned w = type_width(a64_bits(insn, 23, 22));
    if (w == 0)
        return A64_UNDEF;
    if (a64_bits(insn, 11, 10) == 0) {
        if (a64_bits(insn, 14, 10) == 0x10)
            return fp_1src(cpu, insn, w);
        if (w == 16)
            return A64_UNDEF;
        if (a64_bits(insn, 13, 10) == 0x8)
            return fp_compare(cpu, insn, w);
        if (a64_bits(insn, 12, 10) == 0x4) { /* FMOV (scalar, immediate) */
            if (a64_bits(insn, 9, 5) != 0)
                return A64_UNDEF;
            set_scalar(cpu, a64_bits(insn, 4, 0), w,
                       a64f_expand_imm(w, (uint8_t)a64_bits(insn, 20, 13)));
            return A64_OK;
        }
        return A64_UNDEF;
    }
    if (w == 16)
        return A64_UNDEF;
    switch (a64_bits(insn, 11, 10)) {
    case 1: return fp_ccmp(cpu, insn, w);
    case 2: return fp_2src(cpu, insn, w);
    default: return fp_csel(cpu, insn, w);
    }
}

/* ---- Advanced SIMD floating point ---- */

/* The three-same FP operations, keyed by U:a:opcode<2:0> (opcode 11xxx). */
enum { K_NONE, K_PAIR = 1u << 8, K_SCALAR_OK = 1u << 9 };

static uint64_t three_same_op(a64_cpu *cpu, unsigned key, unsigned w,
                              uint64_t d, uint64_t a, uint64_t b, bool *ok)
{
    uint64_t t = ones(w);
    *ok = true;
    switch (key) {
    case 0x00: case 0x20: return a64f_maxnm(cpu, w, a, b); /* FMAXNM(P) */
    case 0x01: return a64f_muladd(cpu, w, d, a, b);          /* FMLA */
    case 0x02: case 0x22: return a64f_add(cpu, w, a, b);     /* FADD(P) */
    case 0x03: return a64f_mulx(cpu, w, a, b);               /* FMULX */
    case 0x04: return a64f_cmpeq(cpu, w, a, b) ? t : 0;      /* FCMEQ */
    case 0x06: case 0x26: return a64f_max(cpu, w, a, b);     /* FMAX(P) */
    case 0x07: return a64f_recps(cpu, w, a, b);              /* FRECPS */
    case 0x10: case 0x30: return a64f_minnm(cpu, w, a, b);   /* FMINNM(P) */
    case 0x11: return a64f_muladd(cpu, w, d, a64f_neg(w, a), b); /* FMLS */
    case 0x12: return a64f_sub(cpu, w, a, b);                /* FSUB */
    case 0x16: case 0x36: return a64f_min(cpu, w, a, b);     /* FMIN(P) */
    case 0x17: return a64f_rsqrts(cpu, w, a, b);             /* FRSQRTS */
    case 0x23: return a64f_mul(cpu, w, a, b);                /* FMUL */
    case 0x24: return a64f_cmpge(cpu, w, a, b) ? t : 0;      /* FCMGE */
    case 0x25: /* FACGE */
        return a64f_cmpge(cpu, w, a64f_abs(w, a), a64f_abs(w, b)) ? t : 0;
    case 0x27: return a64f_div(cpu, w, a, b);                /* FDIV */
    case 0x32: return a64f_abd(cpu, w, a, b);                /* FABD */
    case 0x34: return a64f_cmpgt(cpu, w, a, b) ? t : 0;      /* FCMGT */
    case 0x35: /* FACGT */
        return a64f_cmpgt(cpu, w, a64f_abs(w, a), a64f_abs(w, b)) ? t : 0;
    default: *ok = false; return 0;
    }
}

static inline bool is_pairwise(unsigned key)
{
    return key == 0x20 || key == 0x22 || key == 0x26 || key == 0x30 ||
           key == 0x36;
}

static inline bool scalar_three_same_ok(unsigned key)
{
    return key == 0x03 || key == 0x04 || key == 0x07 || key == 0x17 ||
           key == 0x24 || key == 0x25 || key == 0x32 || key == 0x34 ||
           key == 0x35;
}

/* 0 Q U 01110 a sz 1 Rm 11xxx 1 Rn Rd, and the scalar form 01 U 11110 */
static int simd_three_same(a64_cpu *cpu, uint32_t insn, bool scalar)
{
    bool q = a64_bits(insn, 30, 30);
    unsigned key = a64_bits(insn, 29, 29) << 5 | a64_bits(insn, 23, 23) << 4 |
                   a64_bits(insn, 13, 11);
    unsigned w = a64_bits(insn, 22, 22) ? 64 : 32;
    unsigned rm = a64_bits(insn, 20, 16), rn = a64_bits(insn, 9, 5),
             rd = a64_bits(insn, 4, 0);
    if (scalar ? !scalar_three_same_ok(key) : (w == 64 && !q))
        return A64_UNDEF;
    unsigned n = scalar ? 1 : (q ? 128 : 64) / w;
    a64_vreg r = {0};
    bool ok = true;
    for (unsigned i = 0; i < n && ok; i++) {
        uint64_t a, b;
        if (is_pairwise(key)) {
            /* pairs of adjacent elements of Vm:Vn, Vn's first */
            unsigned j = 2 * i, src = j < n ? rn : rm;
            a = velem(cpu, src, w, j % n);
            b = velem(cpu, src, w, (j + 1) % n);
        } else {
            a = velem(cpu, rn, w, i);
            b = velem(cpu, rm, w, i);
        }
        set_elem(&r, w, i, three_same_op(cpu, key, w, velem(cpu, rd, w, i),
                                         a, b, &ok));
    }
    if (!ok)
        return A64_UNDEF; /* unallocated keys fail on the first element,
                             before any flag can be raised */
    if (scalar)
        set_scalar(cpu, rd, w, elem(&r, w, 0));
    else
        set_vec(cpu, rd, &r, q);
    return A64_OK;
}

/* The two-register miscellaneous FP operations on one element, keyed by
 * U:a:opcode (opcode 5 bits). *ok false: not an FP element operation. */
static uint64_t misc_op(a64_cpu *cpu, unsigned key, unsigned w, uint64_t a,
                        bool *ok)
{
    uint64_t t = ones(w);
    *ok = true;
    switch (key) {
    case 0x018: case 0x019: /* FRINTN, FRINTM */
        return a64f_rint(cpu, w, a, a64f_rm_of(key == 0x018 ? 0 : 2), false);
    case 0x038: case 0x039: /* FRINTP, FRINTZ */
        return a64f_rint(cpu, w, a, a64f_rm_of(key == 0x038 ? 1 : 3), false);
    case 0x058: return a64f_rint(cpu, w, a, FP_RMM, false);           /* A */
    case 0x059: return a64f_rint(cpu, w, a, a64f_rmode(cpu), true);   /* X */
    case 0x079: return a64f_rint(cpu, w, a, a64f_rmode(cpu), false);  /* I */
    case 0x01a: case 0x05a: /* FCVTNS, FCVTNU */
        return a64f_to_fixed(cpu, w, a, 0, key & 0x40, w, FP_RNE);
    case 0x03a: case 0x07a: /* FCVTPS, FCVTPU */
        return a64f_to_fixed(cpu, w, a, 0, key & 0x40, w, FP_RUP);
    case 0x01b: case 0x05b: /* FCVTMS, FCVTMU */
        return a64f_to_fixed(cpu, w, a, 0, key & 0x40, w, FP_RDN);
    case 0x03b: case 0x07b: /* FCVTZS, FCVTZU */
        return a64f_to_fixed(cpu, w, a, 0, key & 0x40, w, FP_RTZ);
    case 0x01c: case 0x05c: /* FCVTAS, FCVTAU */
        return a64f_to_fixed(cpu, w, a, 0, key & 0x40, w, FP_RMM);
    case 0x01d: case 0x05d: /* SCVTF, UCVTF */
        return a64f_from_fixed(cpu, w, a, w, key & 0x40, 0, a64f_rmode(cpu));
    case 0x02c: return a64f_cmpgt(cpu, w, a, 0) ? t : 0; /* FCMGT #0 */
    case 0x02d: return a64f_cmpeq(cpu, w, a, 0) ? t : 0; /* FCMEQ #0 */
    case 0x02e: return a64f_cmpgt(cpu, w, 0, a) ? t : 0; /* FCMLT #0 */
    case 0x06c: return a64f_cmpge(cpu, w, a, 0) ? t : 0; /* FCMGE #0 */
    case 0x06d: return a64f_cmpge(cpu, w, 0, a) ? t : 0; /* FCMLE #0 */
    case 0x02f: return a64f_abs(w, a);                   /* FABS */
    case 0x06f: return a64f_neg(w, a);                   /* FNEG */
    case 0x07f: return a64f_sqrt(cpu, w, a);             /* FSQRT */
    case 0x03d: return a64f_recpe(cpu, w, a);            /* FRECPE */
    case 0x07d: return a64f_rsqrte(cpu, w, a);           /* FRSQRTE */
    case 0x03f: return a64f_recpx(cpu, w, a);            /* FRECPX */
    case 0x03c: /* URECPE, URSQRTE: 32-bit integer lanes only */
    case 0x07c:
        if (w != 32)
            break;
        return key == 0x03c ? a64f_urecpe((uint32_t)a)
                            : a64f_ursqrte((uint32_t)a);
    default: break;
    }
    *ok = false;
    return 0;
}

static bool scalar_misc_ok(unsigned key)
{
    unsigned op = key & 0x1f;
    if (key == 0x03c || key == 0x07c || key == 0x02f || key == 0x06f ||
        key == 0x07f)
        return false; /* vector only */
    if (op == 0x18 || op == 0x19)
        return false; /* FRINT*: the scalar forms are scalar FP's */
    return true;
}

/* FCVTN(2), FCVTXN(2), FCVTL(2): narrowing and lengthening conversions */
static int simd_cvt_narrow_long(a64_cpu *cpu, uint32_t insn, bool scalar)
{
    bool q = a64_bits(insn, 30, 30), u = a64_bits(insn, 29, 29);
    bool sz = a64_bits(insn, 22, 22), lengthen = a64_bits(insn, 12, 12);
    unsigned rn = a64_bits(insn, 9, 5), rd = a64_bits(insn, 4, 0);
    unsigned wide = sz ? 64 : 32, narrow = sz ? 32 : 16;
    if (u && (!sz || lengthen))
        return A64_UNDEF; /* FCVTXN is double to single only */
    if (scalar) {
        if (!u)
            return A64_UNDEF;
        set_scalar(cpu, rd, 32, a64f_cvt(cpu, 32, 64, velem(cpu, rn, 64, 0),
                                         FP_ROD));
        return A64_OK;
    }
    unsigned n = 64 / narrow;
    a64_vreg r = cpu->v[rd];
    if (lengthen) {
        for (unsigned i = 0; i < n; i++) {
            uint64_t a = velem(cpu, rn, narrow, i + (q ? n : 0));
            set_elem(&r, wide, i, a64f_cvt(cpu, wide, narrow, a,
                                           a64f_rmode(cpu)));
        }
        cpu->v[rd] = r;
        return A64_OK;
    }
    int rm = u ? FP_ROD : a64f_rmode(cpu);
    for (unsigned i = 0; i < n; i++)
        set_elem(&r, narrow, i + (q ? n : 0),
                 a64f_cvt(cpu, narrow, wide, velem(cpu, rn, wide, i), rm));
    /* the lower form zeroes the upper half; the "2" form keeps the lower */
    set_vec(cpu, rd, &r, q);
    return A64_OK;
}

/* 0 Q U 01110 a sz 10000 opcode 10 Rn Rd, and scalar 01 U 11110 ... */
static int simd_misc(a64_cpu *cpu, uint32_t insn, bool scalar)
{
    bool q = a64_bits(insn, 30, 30);
    unsigned op = a64_bits(insn, 16, 12), a = a64_bits(insn, 23, 23);
    unsigned key = a64_bits(insn, 29, 29) << 6 | a << 5 | op;
    unsigned w = a64_bits(insn, 22, 22) ? 64 : 32;
    unsigned rn = a64_bits(insn, 9, 5), rd = a64_bits(insn, 4, 0);
    if (!a && (op == 0x16 || op == 0x17))
        return key == 0x57 ? A64_UNDEF : simd_cvt_narrow_long(cpu, insn,
                                                               scalar);
    /* only opcodes 011xx (a=1) and 11xxx are FP element operations */
    if (!((op >= 0x18) || (a && op >= 0x0c && op <= 0x0f)))
        return A64_UNDEF;
    if (scalar ? !scalar_misc_ok(key) : ((w == 64 && !q) || key == 0x03f))
        return A64_UNDEF; /* FRECPX has no vector form */
    unsigned n = scalar ? 1 : (q ? 128 : 64) / w;
    a64_vreg r = {0};
    bool ok = true;
    for (unsigned i = 0; i < n && ok; i++)
        set_elem(&r, w, i, misc_op(cpu, key, w, velem(cpu, rn, w, i), &ok));
    if (!ok)
        return A64_UNDEF;
    if (scalar)
        set_scalar(cpu, rd, w, elem(&r, w, 0));
    else
        set_vec(cpu, rd, &r, q);
    return A64_OK;
}

static uint64_t reduce_op(a64_cpu *cpu, unsigned key, unsigned w, uint64_t a,
                          uint64_t b)
{
    switch (key) {
    case 0x0c: return a64f_maxnm(cpu, w, a, b);
    case 0x1c: return a64f_minnm(cpu, w, a, b);
    case 0x0d: return a64f_add(cpu, w, a, b);
    case 0x0f: return a64f_max(cpu, w, a, b);
    default: return a64f_min(cpu, w, a, b);
    }
}

/* FADDP, FMAXP, FMINP, FMAXNMP, FMINNMP (scalar):
 * 01 1 11110 a sz 11000 opcode 10 Rn Rd */
static int simd_scalar_pairwise(a64_cpu *cpu, uint32_t insn)
{
    unsigned op = a64_bits(insn, 16, 12), a = a64_bits(insn, 23, 23);
    unsigned key = a << 4 | op;
    unsigned w = a64_bits(insn, 22, 22) ? 64 : 32;
    if (!a64_bits(insn, 29, 29) ||
        !(key == 0x0c || key == 0x1c || key == 0x0d || key == 0x0f ||
          key == 0x1f))
        return A64_UNDEF;
    unsigned rn = a64_bits(insn, 9, 5), rd = a64_bits(insn, 4, 0);
    uint64_t r = reduce_op(cpu, key, w, velem(cpu, rn, w, 0),
                           velem(cpu, rn, w, 1));
    set_scalar(cpu, rd, w, r);
    return A64_OK;
}

/* FMAXNMV, FMINNMV, FMAXV, FMINV (4S only): 0 1 1 01110 a 0 11000 opcode
 * 10 Rn Rd. Reduce() halves the vector recursively (Arm ARM J1 Reduce). */
static int simd_across(a64_cpu *cpu, uint32_t insn)
{
    unsigned op = a64_bits(insn, 16, 12), a = a64_bits(insn, 23, 23);
    unsigned key = a << 4 | op;
    if (!a64_bits(insn, 29, 29) || !a64_bits(insn, 30, 30) ||
        a64_bits(insn, 22, 22) ||
        !(key == 0x0c || key == 0x1c || key == 0x0f || key == 0x1f))
        return A64_UNDEF;
    unsigned rn = a64_bits(insn, 9, 5), rd = a64_bits(insn, 4, 0);
    const a64_vreg *v = &cpu->v[rn];
    uint64_t lo = reduce_op(cpu, key, 32, v->s[0], v->s[1]);
    uint64_t hi = reduce_op(cpu, key, 32, v->s[2], v->s[3]);
    set_scalar(cpu, rd, 32, reduce_op(cpu, key, 32, lo, hi));
    return A64_OK;
}

/* FMLA, FMLS, FMUL, FMULX (by element):
 * 0 Q U 01111 sz' L M Rm opcode H 0 Rn Rd, and scalar 01 U 11111 ... */
static int simd_by_element(a64_cpu *cpu, uint32_t insn, bool scalar)
{
    bool q = a64_bits(insn, 30, 30), u = a64_bits(insn, 29, 29);
    unsigned size = a64_bits(insn, 23, 22), op = a64_bits(insn, 15, 12);
    unsigned l = a64_bits(insn, 21, 21), h = a64_bits(insn, 11, 11);
    unsigned rm = a64_bits(insn, 20, 16), rn = a64_bits(insn, 9, 5),
             rd = a64_bits(insn, 4, 0);
    if (size < 2)
        return A64_UNDEF; /* half precision (FEAT_FP16) and 01 */
    if (!(op == 9 || (!u && (op == 1 || op == 5))))
        return A64_UNDEF;
    unsigned w = size == 3 ? 64 : 32, idx;
    if (w == 64) {
        if (l || (!scalar && !q))
            return A64_UNDEF;
        idx = h;
    } else {
        idx = h << 1 | l;
    }
    uint64_t m = velem(cpu, rm, w, idx);
    unsigned n = scalar ? 1 : (q ? 128 : 64) / w;
    a64_vreg r = {0};
    for (unsigned i = 0; i < n; i++) {
        uint64_t a = velem(cpu, rn, w, i), d = velem(cpu, rd, w, i), x;
        if (op == 1)
            x = a64f_muladd(cpu, w, d, a, m);
        else if (op == 5)
            x = a64f_muladd(cpu, w, d, a64f_neg(w, a), m);
        else if (u)
            x = a64f_mulx(cpu, w, a, m);
        else
            x = a64f_mul(cpu, w, a, m);
        set_elem(&r, w, i, x);
    }
    if (scalar)
        set_scalar(cpu, rd, w, elem(&r, w, 0));
    else
        set_vec(cpu, rd, &r, q);
    return A64_OK;
}

/* SCVTF, UCVTF, FCVTZS, FCVTZU (vector and scalar, fixed-point):
 * 0 Q U 011110 immh immb opcode 1 Rn Rd, opcode 11100 or 11111 */
static int simd_shift_fixed(a64_cpu *cpu, uint32_t insn, bool scalar)
{
    bool q = a64_bits(insn, 30, 30), u = a64_bits(insn, 29, 29);
    unsigned immh = a64_bits(insn, 22, 19), immhb = a64_bits(insn, 22, 16);
    unsigned op = a64_bits(insn, 15, 11);
    unsigned rn = a64_bits(insn, 9, 5), rd = a64_bits(insn, 4, 0);
    if (op != 0x1c && op != 0x1f)
        return A64_UNDEF;
    unsigned w;
    if (immh & 8)
        w = 64;
    else if (immh & 4)
        w = 32;
    else
        return A64_UNDEF; /* half precision (FEAT_FP16) or reserved */
    if (!scalar && w == 64 && !q)
        return A64_UNDEF;
    int fbits = (int)(2 * w) - (int)immhb;
    unsigned n = scalar ? 1 : (q ? 128 : 64) / w;
    a64_vreg r = {0};
    for (unsigned i = 0; i < n; i++) {
        uint64_t a = velem(cpu, rn, w, i), x;
        if (op == 0x1c)
            x = a64f_from_fixed(cpu, w, a, w, u, fbits, a64f_rmode(cpu));
        else
            x = a64f_to_fixed(cpu, w, a, fbits, u, w, FP_RTZ);
        set_elem(&r, w, i, x);
    }
    if (scalar)
        set_scalar(cpu, rd, w, elem(&r, w, 0));
    else
        set_vec(cpu, rd, &r, q);
    return A64_OK;
}

/* FMOV (vector, immediate): 0 Q op 0111100000 abc 1111 0 1 defgh Rd */
static int simd_fmov_imm(a64_cpu *cpu, uint32_t insn)
{
    bool q = a64_bits(insn, 30, 30), op = a64_bits(insn, 29, 29);
    if (op && !q)
        return A64_UNDEF;
    uint8_t imm8 = (uint8_t)(a64_bits(insn, 18, 16) << 5 | a64_bits(insn, 9, 5));
    unsigned w = op ? 64 : 32;
    uint64_t x = a64f_expand_imm(w, imm8);
    a64_vreg r;
    for (unsigned i = 0; i < 128 / w; i++)
        set_elem(&r, w, i, x);
    set_vec(cpu, a64_bits(insn, 4, 0), &r, q);
    return A64_OK;
}

static int exec_simd_fp(a64_cpu *cpu, uint32_t insn)
{
    /* vector forms: bit 31 0, bits 28:24 01110 / 01111; scalar forms:
     * bits 31:30 01, bits 28:24 11110 / 11111 */
    bool scalar;
    if ((insn & 0x9e000000u) == 0x0e000000u)
        scalar = false;
    else if ((insn & 0xde000000u) == 0x5e000000u)
        scalar = true;
    else
        return A64_UNDEF;
    if (!a64_bits(insn, 24, 24)) {
        /* bits 24 0: three same, two-register misc, pairwise, across */
        if (a64_bits(insn, 21, 21) && a64_bits(insn, 10, 10) &&
            a64_bits(insn, 15, 14) == 3)
            return simd_three_same(cpu, insn, scalar);
        if (a64_bits(insn, 21, 17) == 0x10 && a64_bits(insn, 11, 10) == 2)
            return simd_misc(cpu, insn, scalar);
        if (a64_bits(insn, 21, 17) == 0x18 && a64_bits(insn, 11, 10) == 2)
            return scalar ? simd_scalar_pairwise(cpu, insn)
                          : simd_across(cpu, insn);
        return A64_UNDEF;
    }
    if (!a64_bits(insn, 10, 10))
        return simd_by_element(cpu, insn, scalar);
    if (a64_bits(insn, 23, 23))
        return A64_UNDEF;
    if (a64_bits(insn, 22, 19) != 0)
        return simd_shift_fixed(cpu, insn, scalar);
    if (!scalar && a64_bits(insn, 15, 11) == 0x1e) /* cmode 1111, o2 0 */
        return simd_fmov_imm(cpu, insn);
    return A64_UNDEF;
}

int a64_exec_fp(a64_cpu *cpu, uint32_t insn)
{
    if (!(cpu->hwcap & A64_HWCAP_FP))
        return A64_UNDEF;
    if ((insn & 0x5f000000u) == 0x1e000000u)
        return exec_scalar_fp(cpu, insn);
    if ((insn & 0x5f000000u) == 0x1f000000u) {
        unsigned w = type_width(a64_bits(insn, 23, 22));
        if (a64_bits(insn, 31, 29) != 0 || w == 0 || w == 16)
            return A64_UNDEF;
        return fp_3src(cpu, insn, w);
    }
    if (!(cpu->hwcap & A64_HWCAP_ASIMD))
        return A64_UNDEF;
    return exec_simd_fp(cpu, insn);
}
