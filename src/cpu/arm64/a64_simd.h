/*
 * Advanced SIMD integer executor: helpers shared by its two files.
 * Internal header.
 *
 *   a64_exec_simd.c       decode of the group, copy/permute/table/extract,
 *                         modified immediate, three same, two-register
 *                         misc, across lanes, scalar copy and pairwise
 *   a64_exec_simd_wide.c  the groups whose operands differ in width or
 *                         carry an immediate: three different, shift by
 *                         immediate, by element
 *
 * Lanes are read and written through vlane()/vset() by element size
 * (0: 8 bits ... 3: 64 bits). Results are built in a temporary register
 * and written back at the end, since Rd may equal a source.
 */
#ifndef CPU_ARM64_A64_SIMD_H
#define CPU_ARM64_A64_SIMD_H

#include "cpu/arm64/a64_cpu.h"

/* wide enough for any intermediate of a 64-bit lane operation */
typedef __int128 a64_i128;

static inline uint64_t vlane(const a64_vreg *v, unsigned size, unsigned i)
{
    switch (size) {
    case 0: return v->b[i];
    case 1: return v->h[i];
    case 2: return v->s[i];
    default: return v->d[i];
    }
}

static inline int64_t vlane_s(const a64_vreg *v, unsigned size, unsigned i)
{
    return a64_sext(vlane(v, size, i), 8u << size);
}

static inline void vset(a64_vreg *v, unsigned size, unsigned i, uint64_t x)
{
    switch (size) {
    case 0: v->b[i] = (uint8_t)x; break;
    case 1: v->h[i] = (uint16_t)x; break;
    case 2: v->s[i] = (uint32_t)x; break;
    default: v->d[i] = x; break;
    }
}

/* an element of esize bits, signed or unsigned, as a wide integer */
static inline a64_i128 vlane_x(const a64_vreg *v, unsigned size, unsigned i,
                               bool uns)
{
    return uns ? (a64_i128)vlane(v, size, i) : (a64_i128)vlane_s(v, size, i);
}

static inline uint64_t ones(unsigned esize)
{
    return esize >= 64 ? ~0ull : (1ull << esize) - 1;
}

/* Write a result: the 64-bit forms (Q=0) and the scalar forms zero the
 * upper half of the register (Arm ARM C1.2.5, V[] writes). */
static inline void vwrite(a64_cpu *cpu, unsigned rd, const a64_vreg *t,
                          bool q)
{
    cpu->v[rd] = *t;
    if (!q)
        cpu->v[rd].d[1] = 0;
}

/* SignedSatQ/UnsignedSatQ (Arm ARM J1 shared/functions/integer): clamp to
 * esize bits, setting FPSR.QC when the value did not fit. */
static inline uint64_t sat_s(a64_cpu *cpu, a64_i128 v, unsigned esize)
{
    a64_i128 max = ((a64_i128)1 << (esize - 1)) - 1, min = -max - 1;
    if (v > max) {
        v = max;
        cpu->fpsr |= A64_FPSR_QC;
    } else if (v < min) {
        v = min;
        cpu->fpsr |= A64_FPSR_QC;
    }
    return (uint64_t)v & ones(esize);
}

static inline uint64_t sat_u(a64_cpu *cpu, a64_i128 v, unsigned esize)
{
    a64_i128 max = ((a64_i128)1 << esize) - 1;
    if (v > max) {
        v = max;
        cpu->fpsr |= A64_FPSR_QC;
    } else if (v < 0) {
        v = 0;
        cpu->fpsr |= A64_FPSR_QC;
    }
    return (uint64_t)v;
}

static inline uint64_t sat_q(a64_cpu *cpu, a64_i128 v, unsigned esize,
                             bool uns)
{
    return uns ? sat_u(cpu, v, esize) : sat_s(cpu, v, esize);
}

/*
 * v shifted left by shift (right when negative, rounding when asked), as
 * the register-shift instructions do (Arm ARM C7.2 SSHL/SRSHL/SQSHL...).
 * v is an element of esize bits (|v| < 2^64); a left shift by esize or more
 * of a non-zero value gives a value whose low esize bits are zero and that
 * lies outside every saturation range, so callers can truncate or
 * saturate alike.
 */
static inline a64_i128 shift_x(a64_i128 v, int shift, unsigned esize,
                               bool round)
{
    if (shift >= 0) {
        if (v == 0)
            return 0;
        if ((unsigned)shift >= esize) /* 2^100: beyond any 64-bit range */
            return v < 0 ? -((a64_i128)1 << 100) : (a64_i128)1 << 100;
        return v * ((a64_i128)1 << shift);
    }
    unsigned n = (unsigned)-shift;
    if (n > 65) /* the result is the same for every larger right shift */
        n = 65;
    if (round)
        v += (a64_i128)1 << (n - 1);
    return v >> n; /* arithmetic on GCC and Clang */
}

/* Carry-less multiplication of two 64-bit polynomials (PMUL, PMULL). */
static inline void clmul64(uint64_t a, uint64_t b, uint64_t *lo, uint64_t *hi)
{
    uint64_t l = 0, h = 0;
    for (unsigned i = 0; i < 64; i++) {
        if ((b >> i) & 1) {
            l ^= a << i;
            if (i)
                h ^= a >> (64 - i);
        }
    }
    *lo = l;
    *hi = h;
}

/* the groups in a64_exec_simd_wide.c */
int a64_simd_three_diff(a64_cpu *cpu, uint32_t insn, bool scalar);
int a64_simd_shift_imm(a64_cpu *cpu, uint32_t insn, bool scalar);
int a64_simd_by_elem(a64_cpu *cpu, uint32_t insn, bool scalar);

#endif
