/*
 * Internals shared by the A64 disassembler's files (a64_disasm.c: integer,
 * branches, system, loads and stores; a64_disasm_fp.c: floating point and
 * Advanced SIMD). Text is built operand by operand the way objdump lays it
 * out: mnemonic, a tab, operands separated by ", ".
 */
#ifndef A64_DISASM_INT_H
#define A64_DISASM_INT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

typedef struct {
    char s[192];
    size_t n;
    int nops;           /* operands written so far */
    char tmp[8][24];    /* scratch for register names, used round-robin */
    int tk;
    uint64_t pc;
} a64d;

static inline void d_vput(a64d *d, const char *fmt, va_list ap)
{
    if (d->n >= sizeof(d->s))
        return;
    int k = vsnprintf(d->s + d->n, sizeof(d->s) - d->n, fmt, ap);
    if (k > 0)
        d->n += (size_t)k;
    if (d->n >= sizeof(d->s))
        d->n = sizeof(d->s) - 1;
}

static inline void d_raw(a64d *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    d_vput(d, fmt, ap);
    va_end(ap);
}

/* The mnemonic; always the first thing written. */
static inline void d_mn(a64d *d, const char *mn)
{
    d_raw(d, "%s", mn);
}

/* One operand: a tab before the first, ", " before the others. */
static inline void d_op(a64d *d, const char *fmt, ...)
{
    d_raw(d, d->nops++ ? ", " : "\t");
    va_list ap;
    va_start(ap, fmt);
    d_vput(d, fmt, ap);
    va_end(ap);
}

static inline char *d_tmp(a64d *d)
{
    d->tk = (d->tk + 1) & 7;
    return d->tmp[d->tk];
}

/* A general register: x/w by sf; number 31 is sp/wsp when sp, else the zero
 * register (Arm ARM C1.2.5). */
static inline const char *d_gr(a64d *d, unsigned n, bool sf, bool sp)
{
    char *t = d_tmp(d);
    if (n == 31)
        snprintf(t, 24, "%s", sp ? (sf ? "sp" : "wsp") : (sf ? "xzr" : "wzr"));
    else
        snprintf(t, 24, "%c%u", sf ? 'x' : 'w', n);
    return t;
}

static inline const char *d_x(a64d *d, unsigned n) { return d_gr(d, n, true, false); }
static inline const char *d_xsp(a64d *d, unsigned n) { return d_gr(d, n, true, true); }

/* Bits hi..lo of x. */
static inline uint32_t d_bits(uint32_t x, unsigned hi, unsigned lo)
{
    return (x >> lo) & (uint32_t)((2ull << (hi - lo)) - 1);
}

static inline int64_t d_sext(uint64_t x, unsigned width)
{
    uint64_t m = 1ull << (width - 1);
    x &= (m << 1) - 1;
    return (int64_t)((x ^ m) - m);
}

extern const char *const a64d_cond[16];

/* The class decoders; each returns false when it does not decode insn (the
 * caller then prints it as undefined). */
bool a64d_fp(a64d *d, uint32_t insn);
bool a64d_simd(a64d *d, uint32_t insn);
bool a64d_simd_ldst(a64d *d, uint32_t insn);

#endif
