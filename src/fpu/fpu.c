/*
 * Software IEEE 754 binary32/binary64 arithmetic with RISC-V semantics; see
 * fpu.h for the rules. One generic implementation serves both formats: a
 * value is unpacked into sign, significand and exponent (value = sig * 2^e),
 * the operation is carried out exactly or with a sticky bit, and
 * round_pack() rounds once into the destination format.
 */
#include "fpu/fpu.h"

#ifndef __SIZEOF_INT128__
#error "the FPU needs unsigned __int128 (GCC or Clang on a 64-bit host)"
#endif
typedef unsigned __int128 u128;

/* The generic code is specialised for each format with constant
 * parameters: force it inline into the per-format entry points. */
#define GENERIC static inline __attribute__((always_inline))

typedef struct fmt {
    unsigned mbits; /* stored fraction bits */
    unsigned ebits; /* exponent bits */
    int bias;
    unsigned opts;  /* FPX_* rule options; 0 for RISC-V's rules */
} fmt;

static const fmt F32 = {23, 8, 127, 0};
static const fmt F64 = {52, 11, 1023, 0};

static inline uint64_t emax(const fmt *f) { return (1ull << f->ebits) - 1; }
static inline uint64_t sign_bit(const fmt *f) { return 1ull << (f->mbits + f->ebits); }
static inline uint64_t inf_bits(const fmt *f) { return emax(f) << f->mbits; }
static inline uint64_t canon_nan(const fmt *f)
{
    return inf_bits(f) | 1ull << (f->mbits - 1);
}
static inline uint64_t frac_of(const fmt *f, uint64_t a)
{
    return a & ((1ull << f->mbits) - 1);
}
static inline uint64_t exp_of(const fmt *f, uint64_t a)
{
    return (a >> f->mbits) & emax(f);
}
static inline bool sign_of(const fmt *f, uint64_t a) { return (a >> (f->mbits + f->ebits)) & 1; }
static inline bool is_nan(const fmt *f, uint64_t a)
{
    return exp_of(f, a) == emax(f) && frac_of(f, a) != 0 &&
           !(f->opts & FPX_AHP);
}
static inline bool is_snan(const fmt *f, uint64_t a)
{
    return is_nan(f, a) && !((a >> (f->mbits - 1)) & 1);
}
static inline uint64_t zero_of(const fmt *f, bool s) { return s ? sign_bit(f) : 0; }
static inline uint64_t inf_of(const fmt *f, bool s) { return zero_of(f, s) | inf_bits(f); }

enum { C_ZERO, C_FINITE, C_INF, C_NAN };

typedef struct unpacked {
    bool sign;
    int cls;
    int e;        /* value = sig * 2^e for C_FINITE */
    uint64_t sig;
} unpacked;

GENERIC unpacked unpack(const fmt *f, uint64_t a)
{
    unpacked u = {sign_of(f, a), C_FINITE, 0, frac_of(f, a)};
    uint64_t ex = exp_of(f, a);
    if (ex == emax(f) && !(f->opts & FPX_AHP)) {
        u.cls = u.sig ? C_NAN : C_INF;
    } else if (ex == 0) {
        if (u.sig == 0)
            u.cls = C_ZERO;
        u.e = 1 - f->bias - (int)f->mbits; /* subnormal: no hidden bit */
    } else {
        u.sig |= 1ull << f->mbits;
        u.e = (int)ex - f->bias - (int)f->mbits;
    }
    return u;
}

/* Shift right by n, OR-ing every bit shifted out into the lowest bit. */
static inline uint64_t shr_jam(uint64_t v, unsigned n)
{
    if (n == 0)
        return v;
    if (n >= 64)
        return v != 0;
    return (v >> n) | ((v << (64 - n)) != 0);
}

static inline u128 shr_jam128(u128 v, unsigned n)
{
    if (n == 0)
        return v;
    if (n >= 128)
        return v != 0;
    return (v >> n) | ((v << (128 - n)) != 0);
}

static inline unsigned clz128(u128 v)
{
    uint64_t hi = (uint64_t)(v >> 64);
    return hi ? (unsigned)__builtin_clzll(hi)
              : 64 + (unsigned)__builtin_clzll((uint64_t)v);
}

/*
 * Drop the low n bits of sig, rounding the rest to an integer in mode rm for
 * a value of the given sign. *inexact tells whether any dropped bit was set.
 */
GENERIC uint64_t shift_round(uint64_t sig, unsigned n, bool sign, int rm,
                            bool *inexact)
{
    uint64_t q, rem, half;
    if (n == 0) {
        *inexact = false;
        return sig;
    }
    if (n > 64) {
        /* everything lies below half a unit: keep only "nonzero, < half" */
        q = 0;
        rem = sig != 0;
        half = 2;
    } else if (n == 64) {
        q = 0;
        rem = sig;
        half = 1ull << 63;
    } else {
        q = sig >> n;
        rem = sig & ((1ull << n) - 1);
        half = 1ull << (n - 1);
    }
    bool up;
    switch (rm) {
    case FP_RNE: up = rem > half || (rem == half && (q & 1)); break;
    case FP_RMM: up = rem >= half; break;
    case FP_RDN: up = sign && rem; break;
    case FP_RUP: up = !sign && rem; break;
    case FP_ROD: /* Arm FPRounding_ODD: truncate, mark inexactness */
        *inexact = rem != 0;
        return q | *inexact;
    default: up = false; break;
    }
    *inexact = rem != 0;
    return q + up;
}

GENERIC uint64_t overflow(const fmt *f, bool sign, int rm, unsigned *flags)
{
    if (f->opts & FPX_AHP) {
        /* Arm FPRound: the alternative half format has no infinity; it
         * saturates and reports an invalid operation instead */
        *flags |= FP_NV;
        return zero_of(f, sign) | (sign_bit(f) - 1);
    }
    *flags |= FP_OF | FP_NX;
    bool to_inf = rm == FP_RNE || rm == FP_RMM || (rm == FP_RUP && !sign) ||
                  (rm == FP_RDN && sign);
    return to_inf ? inf_of(f, sign) : zero_of(f, sign) | (inf_bits(f) - 1);
}

/*
 * Round sig * 2^e (sig != 0; any sticky information already OR-ed into its
 * lowest bit) to format f. Tininess is detected after rounding.
 */
GENERIC uint64_t round_pack(const fmt *f, bool sign, int e, uint64_t sig,
                           int rm, unsigned *flags)
{
    unsigned p = f->mbits + 1;
    unsigned lz = (unsigned)__builtin_clzll(sig);
    sig <<= lz;
    e -= (int)lz;
    int be = e + 63 + f->bias; /* biased exponent of the leading bit */
    unsigned drop = 64 - p;
    bool inexact;
    uint64_t bits;
    /* the alternative half format uses the top exponent for numbers */
    uint64_t limit = inf_bits(f) + (f->opts & FPX_AHP ? 1ull << f->mbits : 0);
    if (be >= 1) {
        if (be >= (int)(limit >> f->mbits))
            return overflow(f, sign, rm, flags);
        uint64_t q = shift_round(sig, drop, sign, rm, &inexact);
        /* q holds the hidden bit, which adds one to the exponent field; a
         * carry out of the top (q == 2^p) moves on to the next binade */
        bits = ((uint64_t)(be - 1) << f->mbits) + q;
        if (bits >= limit)
            return overflow(f, sign, rm, flags);
    } else {
        /* Arm FPRound: a result tiny before rounding flushes to zero under
         * FPCR.FZ, raising underflow but not inexact */
        if (f->opts & FPX_FTZ) {
            *flags |= FP_UF;
            return zero_of(f, sign);
        }
        /* below the normal range before rounding; tiny unless rounding with
         * an unbounded exponent reaches 2^emin (or always, when tininess is
         * detected before rounding) */
        bool tiny = true, ix;
        if (!(f->opts & FPX_TINY_BEFORE) && be == 0 &&
            (shift_round(sig, drop, sign, rm, &ix) >> p))
            tiny = false;
        bits = shift_round(sig, drop + (unsigned)(1 - be), sign, rm, &inexact);
        if (tiny && inexact)
            *flags |= FP_UF;
    }
    if (inexact)
        *flags |= FP_NX;
    return zero_of(f, sign) | bits;
}

/* A NaN result: NV when some operand is a signalling NaN. */
GENERIC uint64_t nan_result(const fmt *f, uint64_t a, uint64_t b, unsigned *flags)
{
    if (is_snan(f, a) || is_snan(f, b))
        *flags |= FP_NV;
    return canon_nan(f);
}

GENERIC uint64_t invalid(const fmt *f, unsigned *flags)
{
    *flags |= FP_NV;
    return canon_nan(f);
}

/* ---- arithmetic ---- */

GENERIC uint64_t g_add(const fmt *f, uint64_t a, uint64_t b, bool negate_b,
                      int rm, unsigned *flags)
{
    if (negate_b)
        b ^= sign_bit(f);
    unpacked x = unpack(f, a), y = unpack(f, b);
    if (x.cls == C_NAN || y.cls == C_NAN)
        return nan_result(f, a, b, flags);
    if (x.cls == C_INF) {
        if (y.cls == C_INF && x.sign != y.sign)
            return invalid(f, flags);
        return a;
    }
    if (y.cls == C_INF)
        return b;
    if (x.cls == C_ZERO && y.cls == C_ZERO)
        return zero_of(f, x.sign == y.sign ? x.sign : rm == FP_RDN);
    if (x.cls == C_ZERO)
        return b;
    if (y.cls == C_ZERO)
        return a;
    /* leading bits at 61: room for the carry of an addition */
    unsigned lx = (unsigned)__builtin_clzll(x.sig) - 2;
    unsigned ly = (unsigned)__builtin_clzll(y.sig) - 2;
    x.sig <<= lx;
    x.e -= (int)lx;
    y.sig <<= ly;
    y.e -= (int)ly;
    if (x.e < y.e) {
        unpacked t = x;
        x = y;
        y = t;
    }
    y.sig = shr_jam(y.sig, (unsigned)(x.e - y.e));
    uint64_t sum;
    bool sign = x.sign;
    if (x.sign == y.sign) {
        sum = x.sig + y.sig;
    } else if (x.sig >= y.sig) {
        sum = x.sig - y.sig;
    } else {
        sum = y.sig - x.sig;
        sign = y.sign;
    }
    if (sum == 0) /* exact cancellation */
        return zero_of(f, rm == FP_RDN);
    return round_pack(f, sign, x.e, sum, rm, flags);
}

GENERIC uint64_t g_mul(const fmt *f, uint64_t a, uint64_t b, int rm,
                      unsigned *flags)
{
    unpacked x = unpack(f, a), y = unpack(f, b);
    bool sign = x.sign != y.sign;
    if (x.cls == C_NAN || y.cls == C_NAN)
        return nan_result(f, a, b, flags);
    if (x.cls == C_INF || y.cls == C_INF) {
        if (x.cls == C_ZERO || y.cls == C_ZERO)
            return invalid(f, flags);
        return inf_of(f, sign);
    }
    if (x.cls == C_ZERO || y.cls == C_ZERO)
        return zero_of(f, sign);
    u128 prod = (u128)x.sig * y.sig;
    unsigned lz = clz128(prod);
    prod <<= lz;
    uint64_t sig = (uint64_t)(prod >> 64) | ((uint64_t)prod != 0);
    return round_pack(f, sign, x.e + y.e + 64 - (int)lz, sig, rm, flags);
}

GENERIC uint64_t g_div(const fmt *f, uint64_t a, uint64_t b, int rm,
                      unsigned *flags)
{
    unpacked x = unpack(f, a), y = unpack(f, b);
    bool sign = x.sign != y.sign;
    if (x.cls == C_NAN || y.cls == C_NAN)
        return nan_result(f, a, b, flags);
    if (x.cls == C_INF)
        return y.cls == C_INF ? invalid(f, flags) : inf_of(f, sign);
    if (y.cls == C_INF)
        return zero_of(f, sign);
    if (y.cls == C_ZERO) {
        if (x.cls == C_ZERO)
            return invalid(f, flags);
        *flags |= FP_DZ;
        return inf_of(f, sign);
    }
    if (x.cls == C_ZERO)
        return zero_of(f, sign);
    unsigned lx = (unsigned)__builtin_clzll(x.sig);
    unsigned ly = (unsigned)__builtin_clzll(y.sig);
    x.sig <<= lx;
    y.sig <<= ly;
    /* both in [2^63, 2^64): the quotient of x * 2^63 lies in (2^62, 2^64) */
    u128 num = (u128)x.sig << 63;
    uint64_t q = (uint64_t)(num / y.sig);
    uint64_t r = (uint64_t)(num % y.sig);
    int e = (x.e - (int)lx) - (y.e - (int)ly) - 63;
    return round_pack(f, sign, e, q | (r != 0), rm, flags);
}

/* floor(sqrt(v)) of a 64-bit value, digit by digit. */
static uint64_t isqrt64(uint64_t v)
{
    uint64_t res = 0, bit = 1ull << 62;
    while (bit > v)
        bit >>= 2;
    while (bit) {
        uint64_t t = res + bit;
        bool ge = v >= t;
        v -= ge ? t : 0;
        res = (res >> 1) + (ge ? bit : 0);
        bit >>= 2;
    }
    return res;
}

/*
 * floor(sqrt(m)) for m >= 2^126; *exact if m is a perfect square. A first
 * estimate from the top 64 bits lies above the root by less than 2^-31 of
 * it; integer Newton steps from above then reach the floor in a few steps.
 */
static uint64_t isqrt128(u128 m, bool *exact)
{
    u128 x = (u128)(isqrt64((uint64_t)(m >> 64)) + 1) << 32;
    for (;;) {
        u128 y = (x + m / x) >> 1;
        if (y >= x)
            break;
        x = y;
    }
    *exact = x * x == m;
    return (uint64_t)x;
}

GENERIC uint64_t g_sqrt(const fmt *f, uint64_t a, int rm, unsigned *flags)
{
    unpacked x = unpack(f, a);
    if (x.cls == C_NAN)
        return nan_result(f, a, a, flags);
    if (x.cls == C_ZERO)
        return a; /* sqrt(-0) = -0 */
    if (x.sign)
        return invalid(f, flags);
    if (x.cls == C_INF)
        return a;
    /* radicand sig * 2^(e-64) with the leading bit at 127, made even */
    unsigned lz = (unsigned)__builtin_clzll(x.sig);
    u128 m = (u128)(x.sig << lz) << 64;
    int e = x.e - (int)lz - 64;
    if (e & 1) {
        m >>= 1; /* the low 64 bits are zero: nothing is lost */
        e += 1;
    }
    bool exact;
    uint64_t r = isqrt128(m, &exact);
    return round_pack(f, false, e / 2, r | !exact, rm, flags);
}

GENERIC uint64_t g_fma(const fmt *f, uint64_t a, uint64_t b, uint64_t c, int rm,
                      unsigned *flags)
{
    unpacked x = unpack(f, a), y = unpack(f, b), z = unpack(f, c);
    bool psign = x.sign != y.sign;
    /* 0 * inf is invalid even when the addend is a quiet NaN */
    if ((x.cls == C_INF && y.cls == C_ZERO) || (x.cls == C_ZERO && y.cls == C_INF)) {
        *flags |= FP_NV;
        return canon_nan(f);
    }
    if (x.cls == C_NAN || y.cls == C_NAN || z.cls == C_NAN) {
        if (is_snan(f, c))
            *flags |= FP_NV;
        return nan_result(f, a, b, flags);
    }
    if (x.cls == C_INF || y.cls == C_INF) {
        if (z.cls == C_INF && z.sign != psign)
            return invalid(f, flags);
        return inf_of(f, psign);
    }
    if (z.cls == C_INF)
        return c;
    if (x.cls == C_ZERO || y.cls == C_ZERO) {
        if (z.cls == C_ZERO)
            return zero_of(f, psign == z.sign ? psign : rm == FP_RDN);
        return c;
    }
    if (z.cls == C_ZERO)
        return g_mul(f, a, b, rm, flags);

    /* the exact product and the addend, both with the leading bit at 125 */
    u128 p = (u128)x.sig * y.sig;
    int pe = x.e + y.e;
    unsigned lp = clz128(p) - 2;
    p <<= lp;
    pe -= (int)lp;
    u128 q = z.sig;
    int qe = z.e;
    unsigned lq = clz128(q) - 2;
    q <<= lq;
    qe -= (int)lq;
    int e;
    if (pe >= qe) {
        q = shr_jam128(q, (unsigned)(pe - qe));
        e = pe;
    } else {
        p = shr_jam128(p, (unsigned)(qe - pe));
        e = qe;
    }
    u128 s;
    bool sign = psign;
    if (psign == z.sign) {
        s = p + q;
    } else if (p >= q) {
        s = p - q;
    } else {
        s = q - p;
        sign = z.sign;
    }
    if (s == 0)
        return zero_of(f, rm == FP_RDN);
    /* keep the top 64 significant bits, the rest as sticky */
    unsigned n = 128 - clz128(s);
    uint64_t sig;
    if (n > 64) {
        unsigned sh = n - 64;
        sig = (uint64_t)(s >> sh) | ((s & (((u128)1 << sh) - 1)) != 0);
        e += (int)sh;
    } else {
        sig = (uint64_t)s;
    }
    return round_pack(f, sign, e, sig, rm, flags);
}

/* ---- comparisons, min/max, classify ---- */

/* a < b for non-NaN values; with zeros_equal, -0 and +0 compare equal. */
GENERIC bool less(const fmt *f, uint64_t a, uint64_t b, bool zeros_equal)
{
    bool sa = sign_of(f, a), sb = sign_of(f, b);
    uint64_t ma = a & ~sign_bit(f), mb = b & ~sign_bit(f);
    if (zeros_equal && ma == 0 && mb == 0)
        return false;
    if (sa != sb)
        return sa;
    return sa ? ma > mb : ma < mb;
}

GENERIC bool g_eq(const fmt *f, uint64_t a, uint64_t b, unsigned *flags)
{
    if (is_nan(f, a) || is_nan(f, b)) {
        if (is_snan(f, a) || is_snan(f, b))
            *flags |= FP_NV;
        return false;
    }
    return a == b || ((a | b) & ~sign_bit(f)) == 0;
}

GENERIC bool g_lt(const fmt *f, uint64_t a, uint64_t b, bool or_equal,
                 unsigned *flags)
{
    if (is_nan(f, a) || is_nan(f, b)) {
        *flags |= FP_NV;
        return false;
    }
    if (or_equal && (a == b || ((a | b) & ~sign_bit(f)) == 0))
        return true;
    return less(f, a, b, true);
}

GENERIC uint64_t g_minmax(const fmt *f, uint64_t a, uint64_t b, bool max,
                         unsigned *flags)
{
    bool an = is_nan(f, a), bn = is_nan(f, b);
    if (is_snan(f, a) || is_snan(f, b))
        *flags |= FP_NV;
    if (an && bn)
        return canon_nan(f);
    if (an)
        return b;
    if (bn)
        return a;
    return less(f, a, b, false) != max ? a : b;
}

GENERIC unsigned g_classify(const fmt *f, uint64_t a)
{
    bool s = sign_of(f, a);
    uint64_t ex = exp_of(f, a), fr = frac_of(f, a);
    if (ex == emax(f)) {
        if (fr == 0)
            return s ? 1u << 0 : 1u << 7;
        return is_snan(f, a) ? 1u << 8 : 1u << 9;
    }
    if (ex == 0) {
        if (fr == 0)
            return s ? 1u << 3 : 1u << 4;
        return s ? 1u << 2 : 1u << 5;
    }
    return s ? 1u << 1 : 1u << 6;
}

/* ---- conversions ---- */

/*
 * To a width-bit integer (signed or not), as a bit pattern. Out of range
 * values, NaNs and infinities saturate and raise NV (never NX).
 */
/* The saturating conversion of an unpacked number that is not a NaN. */
GENERIC uint64_t unpacked_to_int(unpacked x, int rm, bool is_signed,
                                 unsigned width, unsigned *flags)
{
    uint64_t maxv = is_signed ? (1ull << (width - 1)) - 1
                              : (width == 64 ? UINT64_MAX : (1ull << width) - 1);
    uint64_t minv = is_signed ? (uint64_t)0 - (1ull << (width - 1)) : 0;
    if (x.cls == C_ZERO)
        return 0;
    bool inexact = false, big = false;
    uint64_t mag = 0;
    if (x.cls == C_INF) {
        big = true;
    } else if (x.e >= 0) {
        /* an integer already; too big if a bit would leave 64 bits */
        if (x.e >= 64 || (x.e > 0 && (x.sig >> (64 - x.e)) != 0))
            big = true;
        else
            mag = x.sig << x.e;
    } else {
        mag = shift_round(x.sig, (unsigned)-x.e, x.sign, rm, &inexact);
    }
    if (!big) {
        if (!x.sign && mag <= maxv) {
            if (inexact)
                *flags |= FP_NX;
            return mag;
        }
        if (x.sign && (is_signed ? mag <= (1ull << (width - 1)) : mag == 0)) {
            if (inexact)
                *flags |= FP_NX;
            return (uint64_t)0 - mag;
        }
    }
    *flags |= FP_NV;
    return x.sign ? minv : maxv;
}

GENERIC uint64_t g_to_int(const fmt *f, uint64_t a, int rm, bool is_signed,
                         unsigned width, unsigned *flags)
{
    unpacked x = unpack(f, a);
    if (x.cls == C_NAN) { /* RISC-V: NaN converts to the maximum */
        *flags |= FP_NV;
        return is_signed ? (1ull << (width - 1)) - 1
                         : (width == 64 ? UINT64_MAX : (1ull << width) - 1);
    }
    return unpacked_to_int(x, rm, is_signed, width, flags);
}

GENERIC uint64_t g_from_int(const fmt *f, bool neg, uint64_t mag, int rm,
                           unsigned *flags)
{
    if (mag == 0)
        return 0;
    return round_pack(f, neg, 0, mag, rm, flags);
}

/* Between formats: NaNs become canonical, everything else is rounded. */
GENERIC uint64_t g_convert(const fmt *to, const fmt *from, uint64_t a, int rm,
                          unsigned *flags)
{
    unpacked x = unpack(from, a);
    switch (x.cls) {
    case C_NAN:
        nan_result(from, a, a, flags); /* for the NV of a signalling NaN */
        return canon_nan(to);
    case C_INF: return inf_of(to, x.sign);
    case C_ZERO: return zero_of(to, x.sign);
    default: return round_pack(to, x.sign, x.e, x.sig, rm, flags);
    }
}

/* ---- the public entry points ---- */

#define F32_BINARY(name, expr)                                                 \
    uint32_t f32_##name(uint32_t a, uint32_t b, int rm, unsigned *flags)       \
    {                                                                          \
        const fmt *f = &F32;                                                   \
        return (uint32_t)(expr);                                               \
    }                                                                          \
    uint64_t f64_##name(uint64_t a, uint64_t b, int rm, unsigned *flags)       \
    {                                                                          \
        const fmt *f = &F64;                                                   \
        return (expr);                                                         \
    }

F32_BINARY(add, g_add(f, a, b, false, rm, flags))
F32_BINARY(sub, g_add(f, a, b, true, rm, flags))
F32_BINARY(mul, g_mul(f, a, b, rm, flags))
F32_BINARY(div, g_div(f, a, b, rm, flags))

uint32_t f32_sqrt(uint32_t a, int rm, unsigned *flags)
{
    return (uint32_t)g_sqrt(&F32, a, rm, flags);
}
uint64_t f64_sqrt(uint64_t a, int rm, unsigned *flags)
{
    return g_sqrt(&F64, a, rm, flags);
}
uint32_t f32_fma(uint32_t a, uint32_t b, uint32_t c, int rm, unsigned *flags)
{
    return (uint32_t)g_fma(&F32, a, b, c, rm, flags);
}
uint64_t f64_fma(uint64_t a, uint64_t b, uint64_t c, int rm, unsigned *flags)
{
    return g_fma(&F64, a, b, c, rm, flags);
}

uint32_t f32_min(uint32_t a, uint32_t b, unsigned *flags)
{
    return (uint32_t)g_minmax(&F32, a, b, false, flags);
}
uint32_t f32_max(uint32_t a, uint32_t b, unsigned *flags)
{
    return (uint32_t)g_minmax(&F32, a, b, true, flags);
}
uint64_t f64_min(uint64_t a, uint64_t b, unsigned *flags)
{
    return g_minmax(&F64, a, b, false, flags);
}
uint64_t f64_max(uint64_t a, uint64_t b, unsigned *flags)
{
    return g_minmax(&F64, a, b, true, flags);
}

bool f32_eq(uint32_t a, uint32_t b, unsigned *flags) { return g_eq(&F32, a, b, flags); }
bool f32_lt(uint32_t a, uint32_t b, unsigned *flags) { return g_lt(&F32, a, b, false, flags); }
bool f32_le(uint32_t a, uint32_t b, unsigned *flags) { return g_lt(&F32, a, b, true, flags); }
bool f64_eq(uint64_t a, uint64_t b, unsigned *flags) { return g_eq(&F64, a, b, flags); }
bool f64_lt(uint64_t a, uint64_t b, unsigned *flags) { return g_lt(&F64, a, b, false, flags); }
bool f64_le(uint64_t a, uint64_t b, unsigned *flags) { return g_lt(&F64, a, b, true, flags); }

unsigned f32_classify(uint32_t a) { return g_classify(&F32, a); }
unsigned f64_classify(uint64_t a) { return g_classify(&F64, a); }

int32_t f32_to_i32(uint32_t a, int rm, unsigned *flags)
{
    return (int32_t)(uint32_t)g_to_int(&F32, a, rm, true, 32, flags);
}
uint32_t f32_to_u32(uint32_t a, int rm, unsigned *flags)
{
    return (uint32_t)g_to_int(&F32, a, rm, false, 32, flags);
}
int64_t f32_to_i64(uint32_t a, int rm, unsigned *flags)
{
    return (int64_t)g_to_int(&F32, a, rm, true, 64, flags);
}
uint64_t f32_to_u64(uint32_t a, int rm, unsigned *flags)
{
    return g_to_int(&F32, a, rm, false, 64, flags);
}
int32_t f64_to_i32(uint64_t a, int rm, unsigned *flags)
{
    return (int32_t)(uint32_t)g_to_int(&F64, a, rm, true, 32, flags);
}
uint32_t f64_to_u32(uint64_t a, int rm, unsigned *flags)
{
    return (uint32_t)g_to_int(&F64, a, rm, false, 32, flags);
}
int64_t f64_to_i64(uint64_t a, int rm, unsigned *flags)
{
    return (int64_t)g_to_int(&F64, a, rm, true, 64, flags);
}
uint64_t f64_to_u64(uint64_t a, int rm, unsigned *flags)
{
    return g_to_int(&F64, a, rm, false, 64, flags);
}

/* magnitude of a signed value without overflow for the minimum */
static inline uint64_t mag64(int64_t v) { return v < 0 ? 0 - (uint64_t)v : (uint64_t)v; }

uint32_t i32_to_f32(int32_t v, int rm, unsigned *flags)
{
    return (uint32_t)g_from_int(&F32, v < 0, mag64(v), rm, flags);
}
uint32_t u32_to_f32(uint32_t v, int rm, unsigned *flags)
{
    return (uint32_t)g_from_int(&F32, false, v, rm, flags);
}
uint32_t i64_to_f32(int64_t v, int rm, unsigned *flags)
{
    return (uint32_t)g_from_int(&F32, v < 0, mag64(v), rm, flags);
}
uint32_t u64_to_f32(uint64_t v, int rm, unsigned *flags)
{
    return (uint32_t)g_from_int(&F32, false, v, rm, flags);
}
uint64_t i32_to_f64(int32_t v, int rm, unsigned *flags)
{
    return g_from_int(&F64, v < 0, mag64(v), rm, flags);
}
uint64_t u32_to_f64(uint32_t v, int rm, unsigned *flags)
{
    return g_from_int(&F64, false, v, rm, flags);
}
uint64_t i64_to_f64(int64_t v, int rm, unsigned *flags)
{
    return g_from_int(&F64, v < 0, mag64(v), rm, flags);
}
uint64_t u64_to_f64(uint64_t v, int rm, unsigned *flags)
{
    return g_from_int(&F64, false, v, rm, flags);
}

uint64_t f32_to_f64(uint32_t a, unsigned *flags)
{
    return g_convert(&F64, &F32, a, FP_RNE, flags);
}
uint32_t f64_to_f32(uint64_t a, int rm, unsigned *flags)
{
    return (uint32_t)g_convert(&F32, &F64, a, rm, flags);
}

/* ---- the fpx_ entry points: any format, rule options (fpu.h) ---- */

static inline fmt fpx_fmt(unsigned width, unsigned opts)
{
    if (width == 16)
        return (fmt){10, 5, 15, opts};
    if (width == 32)
        return (fmt){23, 8, 127, opts & ~FPX_AHP};
    return (fmt){52, 11, 1023, opts & ~FPX_AHP};
}

uint64_t fpx_add(unsigned w, unsigned opts, uint64_t a, uint64_t b, int rm,
                 unsigned *flags)
{
    fmt f = fpx_fmt(w, opts);
    return g_add(&f, a, b, false, rm, flags);
}
uint64_t fpx_sub(unsigned w, unsigned opts, uint64_t a, uint64_t b, int rm,
                 unsigned *flags)
{
    fmt f = fpx_fmt(w, opts);
    return g_add(&f, a, b, true, rm, flags);
}
uint64_t fpx_mul(unsigned w, unsigned opts, uint64_t a, uint64_t b, int rm,
                 unsigned *flags)
{
    fmt f = fpx_fmt(w, opts);
    return g_mul(&f, a, b, rm, flags);
}
uint64_t fpx_div(unsigned w, unsigned opts, uint64_t a, uint64_t b, int rm,
                 unsigned *flags)
{
    fmt f = fpx_fmt(w, opts);
    return g_div(&f, a, b, rm, flags);
}
uint64_t fpx_sqrt(unsigned w, unsigned opts, uint64_t a, int rm,
                  unsigned *flags)
{
    fmt f = fpx_fmt(w, opts);
    return g_sqrt(&f, a, rm, flags);
}
uint64_t fpx_fma(unsigned w, unsigned opts, uint64_t a, uint64_t b,
                 uint64_t c, int rm, unsigned *flags)
{
    fmt f = fpx_fmt(w, opts);
    return g_fma(&f, a, b, c, rm, flags);
}

uint64_t fpx_convert(unsigned to_w, unsigned from_w, unsigned opts,
                     uint64_t a, int rm, unsigned *flags)
{
    /* flushing applies to the result side only; the caller flushes inputs */
    fmt to = fpx_fmt(to_w, opts), from = fpx_fmt(from_w, opts & FPX_AHP);
    return g_convert(&to, &from, a, rm, flags);
}

uint64_t fpx_round_int(unsigned w, unsigned opts, uint64_t a, int rm,
                       bool exact, unsigned *flags)
{
    fmt f = fpx_fmt(w, opts);
    unpacked x = unpack(&f, a);
    if (x.cls == C_NAN)
        return nan_result(&f, a, a, flags);
    if (x.cls != C_FINITE || x.e >= 0)
        return a; /* zeros, infinities and integers stay */
    bool inexact;
    uint64_t q = shift_round(x.sig, (unsigned)-x.e, x.sign, rm, &inexact);
    if (exact && inexact)
        *flags |= FP_NX;
    if (q == 0)
        return zero_of(&f, x.sign); /* the zero keeps the operand's sign */
    unsigned ignore = 0;
    return round_pack(&f, x.sign, 0, q, rm, &ignore);
}

uint64_t fpx_to_int(unsigned w, uint64_t a, int fbits, int rm, bool is_signed,
                    unsigned width, unsigned *flags)
{
    fmt f = fpx_fmt(w, 0);
    unpacked x = unpack(&f, a);
    if (x.cls == C_NAN) {
        *flags |= FP_NV;
        return 0;
    }
    if (x.cls == C_FINITE)
        x.e += fbits; /* the fixed-point scaling is exact */
    return unpacked_to_int(x, rm, is_signed, width, flags);
}

uint64_t fpx_from_int(unsigned w, unsigned opts, bool neg, uint64_t mag,
                      int fbits, int rm, unsigned *flags)
{
    fmt f = fpx_fmt(w, opts);
    if (mag == 0)
        return 0;
    return round_pack(&f, neg, -fbits, mag, rm, flags);
}
