/*
 * Arm floating-point element operations; see a64_fp.h. Each follows the
 * shape of its Arm ARM J1 pseudocode function: FPUnpack (with the input
 * flush of FPCR.FZ), FPProcessNaNs, the special cases, then one rounding
 * by fpu.c with Arm's options (FPRound: tininess before rounding, output
 * flush under FZ).
 */
#include "cpu/arm64/a64_fp.h"

#include "fpu/fpu.h"

/* ---- format helpers ---- */

static inline unsigned ebits(unsigned w) { return w == 16 ? 5 : w == 32 ? 8 : 11; }
static inline unsigned mbits(unsigned w) { return w - 1 - ebits(w); }
static inline uint64_t expo(unsigned w, uint64_t a)
{
    return (a >> mbits(w)) & ((1ull << ebits(w)) - 1);
}
static inline uint64_t frac(unsigned w, uint64_t a)
{
    return a & ((1ull << mbits(w)) - 1);
}
static inline uint64_t emax(unsigned w) { return (1ull << ebits(w)) - 1; }
static inline uint64_t quiet_bit(unsigned w) { return 1ull << (mbits(w) - 1); }
static inline uint64_t inf_of(unsigned w, bool s)
{
    return (s ? a64f_sign(w) : 0) | emax(w) << mbits(w);
}
static inline uint64_t default_nan(unsigned w)
{
    return inf_of(w, false) | quiet_bit(w);
}
static inline bool is_nan(unsigned w, uint64_t a)
{
    return expo(w, a) == emax(w) && frac(w, a) != 0;
}
static inline bool is_snan(unsigned w, uint64_t a)
{
    return is_nan(w, a) && !(a & quiet_bit(w));
}
static inline bool is_qnan(unsigned w, uint64_t a)
{
    return is_nan(w, a) && (a & quiet_bit(w));
}
static inline bool is_inf(unsigned w, uint64_t a)
{
    return a64f_abs(w, a) == inf_of(w, false);
}
static inline bool is_zero(unsigned w, uint64_t a)
{
    return a64f_abs(w, a) == 0;
}
static inline bool sign_of(unsigned w, uint64_t a)
{
    return (a >> (w - 1)) & 1;
}

/* the FPSR flags of fpu.c's flag bits */
static inline void raise(a64_cpu *cpu, unsigned f)
{
    uint32_t r = 0;
    if (f & FP_NV) r |= A64_FPSR_IOC;
    if (f & FP_DZ) r |= A64_FPSR_DZC;
    if (f & FP_OF) r |= A64_FPSR_OFC;
    if (f & FP_UF) r |= A64_FPSR_UFC;
    if (f & FP_NX) r |= A64_FPSR_IXC;
    cpu->fpsr |= r;
}

static inline bool fz(const a64_cpu *cpu, unsigned w)
{
    /* FZ governs single and double; half has FZ16 (FEAT_FP16, absent) */
    return w != 16 && (cpu->fpcr & A64_FPCR_FZ);
}

/* FPRound's options for a result of width w */
static inline unsigned opts(const a64_cpu *cpu, unsigned w)
{
    return FPX_TINY_BEFORE | (fz(cpu, w) ? FPX_FTZ : 0);
}

int a64f_rmode(const a64_cpu *cpu)
{
    static const int map[4] = {FP_RNE, FP_RUP, FP_RDN, FP_RTZ};
    return map[(cpu->fpcr >> A64_FPCR_RMODE_SHIFT) & 3];
}

int a64f_rm_of(unsigned r)
{
    static const int map[5] = {FP_RNE, FP_RUP, FP_RDN, FP_RTZ, FP_RMM};
    return map[r < 5 ? r : 0];
}

/* FPUnpack's flush: a denormal input is a zero of its sign under FZ, and
 * raises IDC (Arm ARM J1 FPUnpackBase) */
static inline uint64_t flush_in(a64_cpu *cpu, unsigned w, uint64_t a)
{
    if (fz(cpu, w) && expo(w, a) == 0 && frac(w, a) != 0) {
        cpu->fpsr |= A64_FPSR_IDC;
        return a & a64f_sign(w);
    }
    return a;
}

/* FPProcessNaN: a signalling NaN raises IOC and is quietened; DN turns
 * any NaN result into the default NaN */
static uint64_t process_nan(a64_cpu *cpu, unsigned w, uint64_t a)
{
    if (is_snan(w, a))
        cpu->fpsr |= A64_FPSR_IOC;
    if (cpu->fpcr & A64_FPCR_DN)
        return default_nan(w);
    return a | quiet_bit(w);
}

/* FPProcessNaNs: the first signalling NaN, else the first quiet NaN */
static bool process_nans(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b,
                         uint64_t *r)
{
    if (is_snan(w, a) || (!is_snan(w, b) && is_qnan(w, a))) {
        if (is_snan(w, b))
            cpu->fpsr |= A64_FPSR_IOC;
        *r = process_nan(cpu, w, a);
        return true;
    }
    if (is_nan(w, b)) {
        *r = process_nan(cpu, w, b);
        return true;
    }
    return false;
}

static bool process_nans3(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b,
                          uint64_t c, uint64_t *r)
{
    uint64_t ops[3] = {a, b, c};
    bool any_snan = is_snan(w, a) || is_snan(w, b) || is_snan(w, c);
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < 3; i++) {
            if (pass == 0 ? is_snan(w, ops[i]) : is_qnan(w, ops[i])) {
                if (any_snan)
                    cpu->fpsr |= A64_FPSR_IOC;
                *r = process_nan(cpu, w, ops[i]);
                return true;
            }
        }
    }
    return false;
}

/* ---- arithmetic ---- */

typedef uint64_t (*fpx_binop)(unsigned, unsigned, uint64_t, uint64_t, int,
                              unsigned *);

static uint64_t binary(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b,
                       fpx_binop op)
{
    uint64_t r;
    a = flush_in(cpu, w, a);
    b = flush_in(cpu, w, b);
    if (process_nans(cpu, w, a, b, &r))
        return r;
    unsigned f = 0;
    r = op(w, opts(cpu, w), a, b, a64f_rmode(cpu), &f);
    raise(cpu, f);
    return r;
}

uint64_t a64f_add(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b)
{
    return binary(cpu, w, a, b, fpx_add);
}
uint64_t a64f_sub(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b)
{
    return binary(cpu, w, a, b, fpx_sub);
}
uint64_t a64f_mul(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b)
{
    return binary(cpu, w, a, b, fpx_mul);
}
uint64_t a64f_div(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b)
{
    return binary(cpu, w, a, b, fpx_div);
}

/* FPMulX: as FPMul, but 0 * inf is 2.0 of the product's sign */
uint64_t a64f_mulx(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b)
{
    uint64_t fa = flush_in(cpu, w, a), fb = flush_in(cpu, w, b);
    if (!is_nan(w, fa) && !is_nan(w, fb) &&
        ((is_inf(w, fa) && is_zero(w, fb)) ||
         (is_zero(w, fa) && is_inf(w, fb))))
        return ((fa ^ fb) & a64f_sign(w)) | a64f_expand_imm(w, 0x00);
    return binary(cpu, w, a, b, fpx_mul);
}

uint64_t a64f_abd(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b)
{
    return a64f_abs(w, a64f_sub(cpu, w, a, b));
}

uint64_t a64f_sqrt(a64_cpu *cpu, unsigned w, uint64_t a)
{
    a = flush_in(cpu, w, a);
    if (is_nan(w, a))
        return process_nan(cpu, w, a);
    unsigned f = 0;
    uint64_t r = fpx_sqrt(w, opts(cpu, w), a, a64f_rmode(cpu), &f);
    raise(cpu, f);
    return r;
}

uint64_t a64f_muladd(a64_cpu *cpu, unsigned w, uint64_t addend, uint64_t a,
                     uint64_t b)
{
    uint64_t r;
    addend = flush_in(cpu, w, addend);
    a = flush_in(cpu, w, a);
    b = flush_in(cpu, w, b);
    bool inf_zero = (is_inf(w, a) && is_zero(w, b)) ||
                    (is_zero(w, a) && is_inf(w, b));
    bool done = process_nans3(cpu, w, addend, a, b, &r);
    /* FPMulAdd: 0 * inf is invalid even when the addend is a quiet NaN */
    if (is_qnan(w, addend) && inf_zero) {
        cpu->fpsr |= A64_FPSR_IOC;
        return default_nan(w);
    }
    if (done)
        return r;
    unsigned f = 0;
    r = fpx_fma(w, opts(cpu, w), a, b, addend, a64f_rmode(cpu), &f);
    raise(cpu, f);
    return r;
}

/* FPRecipStepFused: 2 - a * b, with 0 * inf giving 2 */
uint64_t a64f_recps(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b)
{
    uint64_t r;
    a = a64f_neg(w, flush_in(cpu, w, a));
    b = flush_in(cpu, w, b);
    if (process_nans(cpu, w, a, b, &r))
        return r;
    if ((is_inf(w, a) && is_zero(w, b)) || (is_zero(w, a) && is_inf(w, b)))
        return a64f_expand_imm(w, 0x00); /* 2.0 */
    if (is_inf(w, a) || is_inf(w, b))
        return inf_of(w, sign_of(w, a) != sign_of(w, b));
    unsigned f = 0;
    r = fpx_fma(w, opts(cpu, w), a, b, a64f_expand_imm(w, 0x00),
                a64f_rmode(cpu), &f);
    raise(cpu, f);
    return r;
}

/* FPRSqrtStepFused: (3 - a * b) / 2, rounded once, with 0 * inf giving 1.5 */
uint64_t a64f_rsqrts(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b)
{
    uint64_t r;
    a = a64f_neg(w, flush_in(cpu, w, a));
    b = flush_in(cpu, w, b);
    if (process_nans(cpu, w, a, b, &r))
        return r;
    if ((is_inf(w, a) && is_zero(w, b)) || (is_zero(w, a) && is_inf(w, b)))
        return a64f_expand_imm(w, 0x78); /* 1.5 */
    if (is_inf(w, a) || is_inf(w, b))
        return inf_of(w, sign_of(w, a) != sign_of(w, b));
    unsigned f = 0, o = opts(cpu, w);
    int rm = a64f_rmode(cpu);
    uint64_t one = 1ull << mbits(w);
    /* halving an operand with a biased exponent above 1 is exact, so
     * a/2 * b + 1.5 rounds once; when both are that small, 3 + a * b is
     * close to 3 and halving the rounded sum is exact */
    if (expo(w, a) > 1) {
        r = fpx_fma(w, o, a - one, b, a64f_expand_imm(w, 0x78), rm, &f);
    } else if (expo(w, b) > 1) {
        r = fpx_fma(w, o, a, b - one, a64f_expand_imm(w, 0x78), rm, &f);
    } else {
        r = fpx_fma(w, o, a, b, a64f_expand_imm(w, 0x08), rm, &f);
        r -= one;
    }
    raise(cpu, f);
    return r;
}

/* ---- minimum and maximum ---- */

/* a < b for non-NaN values; -0 < +0 */
static bool less(unsigned w, uint64_t a, uint64_t b)
{
    bool sa = sign_of(w, a), sb = sign_of(w, b);
    uint64_t ma = a64f_abs(w, a), mb = a64f_abs(w, b);
    if (sa != sb)
        return sa;
    return sa ? ma > mb : ma < mb;
}

/* FPMax/FPMin: NaNs propagate; -0 < +0 (Arm ARM J1 FPMax) */
static uint64_t minmax(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b,
                       bool max)
{
    uint64_t r;
    a = flush_in(cpu, w, a);
    b = flush_in(cpu, w, b);
    if (process_nans(cpu, w, a, b, &r))
        return r;
    return less(w, a, b) == max ? b : a;
}

/* FPMaxNum/FPMinNum: one quiet NaN loses to a number */
static uint64_t minmaxnm(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b,
                         bool max)
{
    bool qa = is_qnan(w, a), qb = is_qnan(w, b);
    if (qa && !is_nan(w, b))
        a = inf_of(w, max);
    else if (qb && !is_nan(w, a))
        b = inf_of(w, max);
    return minmax(cpu, w, a, b, max);
}

uint64_t a64f_max(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b)
{
    return minmax(cpu, w, a, b, true);
}
uint64_t a64f_min(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b)
{
    return minmax(cpu, w, a, b, false);
}
uint64_t a64f_maxnm(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b)
{
    return minmaxnm(cpu, w, a, b, true);
}
uint64_t a64f_minnm(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b)
{
    return minmaxnm(cpu, w, a, b, false);
}

/* ---- comparisons ---- */

/* -1, 0, 1 for a <, ==, > b (non-NaN; the zeros are equal) */
static int order(unsigned w, uint64_t a, uint64_t b)
{
    if (is_zero(w, a) && is_zero(w, b))
        return 0;
    if (a == b)
        return 0;
    return less(w, a, b) ? -1 : 1;
}

uint32_t a64f_cmp(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b,
                  bool signal_all)
{
    a = flush_in(cpu, w, a);
    b = flush_in(cpu, w, b);
    if (is_nan(w, a) || is_nan(w, b)) {
        if (signal_all || is_snan(w, a) || is_snan(w, b))
            cpu->fpsr |= A64_FPSR_IOC;
        return A64_C | A64_V;
    }
    int o = order(w, a, b);
    return o == 0 ? A64_Z | A64_C : o < 0 ? A64_N : A64_C;
}

/* FPCompareEQ is quiet; FPCompareGE/GT signal on any NaN */
static int cmp_vec(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b,
                   bool signal_all)
{
    a = flush_in(cpu, w, a);
    b = flush_in(cpu, w, b);
    if (is_nan(w, a) || is_nan(w, b)) {
        if (signal_all || is_snan(w, a) || is_snan(w, b))
            cpu->fpsr |= A64_FPSR_IOC;
        return 2; /* unordered */
    }
    return order(w, a, b);
}

bool a64f_cmpeq(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b)
{
    return cmp_vec(cpu, w, a, b, false) == 0;
}
bool a64f_cmpge(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b)
{
    int o = cmp_vec(cpu, w, a, b, true);
    return o == 0 || o == 1;
}
bool a64f_cmpgt(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b)
{
    return cmp_vec(cpu, w, a, b, true) == 1;
}

/* ---- rounding and conversions ---- */

uint64_t a64f_rint(a64_cpu *cpu, unsigned w, uint64_t a, int rm, bool exact)
{
    a = flush_in(cpu, w, a);
    if (is_nan(w, a))
        return process_nan(cpu, w, a);
    unsigned f = 0;
    uint64_t r = fpx_round_int(w, opts(cpu, w), a, rm, exact, &f);
    raise(cpu, f);
    return r;
}

uint64_t a64f_to_fixed(a64_cpu *cpu, unsigned w, uint64_t a, int fbits,
                       bool is_unsigned, unsigned iw, int rm)
{
    a = flush_in(cpu, w, a);
    unsigned f = 0;
    uint64_t r = fpx_to_int(w, a, fbits, rm, !is_unsigned, iw, &f);
    raise(cpu, f);
    return iw == 64 ? r : r & 0xffffffffull;
}

uint64_t a64f_from_fixed(a64_cpu *cpu, unsigned w, uint64_t v, unsigned iw,
                         bool is_unsigned, int fbits, int rm)
{
    if (iw == 32)
        v = is_unsigned ? (uint32_t)v : (uint64_t)(int64_t)(int32_t)v;
    bool neg = !is_unsigned && (v >> 63);
    uint64_t mag = neg ? 0 - v : v;
    unsigned f = 0;
    uint64_t r = fpx_from_int(w, opts(cpu, w), neg, mag, fbits, rm, &f);
    raise(cpu, f);
    return r;
}

/* FPConvertNaN: the sign and the top of the payload carry over */
static uint64_t convert_nan(unsigned to_w, unsigned from_w, uint64_t a)
{
    uint64_t fr = frac(from_w, a);
    int shift = (int)mbits(to_w) - (int)mbits(from_w);
    fr = shift >= 0 ? fr << shift : fr >> -shift;
    return (sign_of(from_w, a) ? a64f_sign(to_w) : 0) | inf_of(to_w, false) |
           quiet_bit(to_w) | fr;
}

uint64_t a64f_cvt(a64_cpu *cpu, unsigned to_w, unsigned from_w, uint64_t a,
                  int rm)
{
    bool ahp = cpu->fpcr & A64_FPCR_AHP;
    bool alt_to = ahp && to_w == 16, alt_from = ahp && from_w == 16;
    a = flush_in(cpu, from_w, a);
    bool s = sign_of(from_w, a);
    if (!alt_from && is_nan(from_w, a)) {
        if (is_snan(from_w, a) || alt_to)
            cpu->fpsr |= A64_FPSR_IOC;
        if (alt_to)
            return s ? a64f_sign(to_w) : 0;
        if (cpu->fpcr & A64_FPCR_DN)
            return default_nan(to_w);
        return convert_nan(to_w, from_w, a);
    }
    if (!alt_from && is_inf(from_w, a)) {
        if (alt_to) {
            cpu->fpsr |= A64_FPSR_IOC;
            return (s ? a64f_sign(to_w) : 0) | (a64f_sign(to_w) - 1);
        }
        return inf_of(to_w, s);
    }
    unsigned f = 0;
    unsigned o = opts(cpu, to_w) | (ahp ? FPX_AHP : 0);
    uint64_t r = fpx_convert(to_w, from_w, o, a, rm, &f);
    raise(cpu, f);
    return r;
}

uint64_t a64f_expand_imm(unsigned w, uint8_t imm8)
{
    unsigned e = ebits(w), m = mbits(w);
    uint64_t b6 = (imm8 >> 6) & 1;
    /* exponent NOT(b6) : Replicate(b6, E-3) : imm8<5:4> */
    uint64_t ex = (!b6) << (e - 1) | (b6 ? ((1ull << (e - 3)) - 1) << 2 : 0) |
                  ((imm8 >> 4) & 3);
    uint64_t fr = (uint64_t)(imm8 & 15) << (m - 4);
    return (uint64_t)(imm8 >> 7) << (w - 1) | ex << m | fr;
}

/* ---- estimates (Arm ARM J1 RecipEstimate, RecipSqrtEstimate) ---- */

static unsigned recip_estimate(unsigned a)
{
    a = a * 2 + 1;
    unsigned b = (1u << 19) / a;
    return (b + 1) / 2;
}

static unsigned rsqrt_estimate(unsigned a)
{
    if (a < 256) {
        a = a * 2 + 1;
    } else {
        a = (a >> 1) << 1;
        a = (a + 1) * 2;
    }
    unsigned b = 512;
    while ((uint64_t)a * (b + 1) * (b + 1) < (1ull << 28))
        b++;
    return (b + 1) / 2;
}

/* the fraction of a as a 52-bit field, its biased exponent */
static inline uint64_t frac52(unsigned w, uint64_t a)
{
    return frac(w, a) << (52 - mbits(w));
}

uint64_t a64f_recpe(a64_cpu *cpu, unsigned w, uint64_t a)
{
    a = flush_in(cpu, w, a);
    bool s = sign_of(w, a);
    uint64_t sb = s ? a64f_sign(w) : 0;
    if (is_nan(w, a))
        return process_nan(cpu, w, a);
    if (is_inf(w, a))
        return sb;
    if (is_zero(w, a)) {
        cpu->fpsr |= A64_FPSR_DZC;
        return inf_of(w, s);
    }
    int bias = (1 << (ebits(w) - 1)) - 1;
    int64_t ex = (int64_t)expo(w, a);
    uint64_t fr = frac52(w, a);
    /* |a| < 2^-(bias+1): the reciprocal overflows */
    if (ex == 0 && !(fr >> 51) && !(fr >> 50)) {
        int rm = a64f_rmode(cpu);
        bool to_inf = rm == FP_RNE || (rm == FP_RUP && !s) ||
                      (rm == FP_RDN && s);
        cpu->fpsr |= A64_FPSR_OFC | A64_FPSR_IXC;
        return to_inf ? inf_of(w, s) : sb | (inf_of(w, false) - 1);
    }
    /* |a| >= 2^(bias-1): the reciprocal is tiny, flushed under FZ */
    if (fz(cpu, w) && ex >= 2 * bias - 1) {
        cpu->fpsr |= A64_FPSR_UFC;
        return sb;
    }
    if (ex == 0) {
        if (!(fr >> 51)) {
            ex = -1;
            fr = (fr << 2) & ((1ull << 52) - 1);
        } else {
            fr = (fr << 1) & ((1ull << 52) - 1);
        }
    }
    unsigned scaled = 256 | (unsigned)(fr >> 44);
    int64_t rex = 2 * bias - 1 - ex;
    uint64_t est = recip_estimate(scaled);
    uint64_t rf = (est & 0xff) << 44;
    if (rex == 0) {
        rf = (1ull << 51) | rf >> 1;
    } else if (rex == -1) {
        rf = (1ull << 50) | rf >> 2;
        rex = 0;
    }
    return sb | (uint64_t)rex << mbits(w) | rf >> (52 - mbits(w));
}

uint64_t a64f_rsqrte(a64_cpu *cpu, unsigned w, uint64_t a)
{
    a = flush_in(cpu, w, a);
    bool s = sign_of(w, a);
    if (is_nan(w, a))
        return process_nan(cpu, w, a);
    if (is_zero(w, a)) {
        cpu->fpsr |= A64_FPSR_DZC;
        return inf_of(w, s);
    }
    if (s) {
        cpu->fpsr |= A64_FPSR_IOC;
        return default_nan(w);
    }
    if (is_inf(w, a))
        return 0;
    int bias = (1 << (ebits(w) - 1)) - 1;
    int64_t ex = (int64_t)expo(w, a);
    uint64_t fr = frac52(w, a);
    if (ex == 0) {
        while (!(fr >> 51)) {
            fr = (fr << 1) & ((1ull << 52) - 1);
            ex--;
        }
        fr = (fr << 1) & ((1ull << 52) - 1);
    }
    unsigned scaled = (ex & 1) ? 128 | (unsigned)(fr >> 45)
                               : 256 | (unsigned)(fr >> 44);
    /* (3*bias - 1 - exp) DIV 2, with exp possibly negative: the
     * numerator stays positive */
    int64_t rex = (3 * bias - 1 - ex) / 2;
    uint64_t est = rsqrt_estimate(scaled);
    return (uint64_t)rex << mbits(w) | (est & 0xff) << (mbits(w) - 8);
}

uint64_t a64f_recpx(a64_cpu *cpu, unsigned w, uint64_t a)
{
    a = flush_in(cpu, w, a);
    if (is_nan(w, a))
        return process_nan(cpu, w, a);
    uint64_t sb = a & a64f_sign(w), ex = expo(w, a);
    if (ex == 0)
        return sb | (emax(w) - 1) << mbits(w);
    return sb | ((~ex) & emax(w)) << mbits(w);
}

uint32_t a64f_urecpe(uint32_t a)
{
    if (!(a >> 31))
        return 0xffffffffu;
    return recip_estimate(a >> 23) << 23;
}

uint32_t a64f_ursqrte(uint32_t a)
{
    if (!(a >> 30))
        return 0xffffffffu;
    return rsqrt_estimate(a >> 23) << 23;
}
