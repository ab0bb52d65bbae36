/*
 * Advanced SIMD integer groups whose operands differ in width or carry an
 * immediate (Arm ARM C4.1.96): three different (widening, narrowing and
 * long multiplies, PMULL), shift by immediate, and by element; vector and
 * scalar forms. The "2" forms (Q=1) read the upper half of a narrow source
 * or write the upper half of a narrow result, keeping the lower.
 */
#include "cpu/arm64/a64_simd.h"

#define RD(i) ((i) & 31)
#define RN(i) (((i) >> 5) & 31)
#define RM(i) (((i) >> 16) & 31)

/* ---- three different ---- */

/* Polynomial multiplication of two bytes, the full 16-bit product. */
static uint64_t pmull8(uint64_t a, uint64_t b)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < 8; i++)
        if ((b >> i) & 1)
            r ^= a << i;
    return r;
}

/* ADDHN, RADDHN, SUBHN, RSUBHN (+2): the high half of each wide sum. */
static int high_narrow(a64_cpu *cpu, uint32_t insn, bool part, bool sub,
                       bool round)
{
    unsigned size = a64_bits(insn, 23, 22), esize = 8u << size;
    unsigned elems = 64 / esize;
    const a64_vreg *n = &cpu->v[RN(insn)], *m = &cpu->v[RM(insn)];
    a64_vreg t = part ? cpu->v[RD(insn)] : (a64_vreg){0};
    for (unsigned e = 0; e < elems; e++) {
        /* modulo 2^(2*esize): only the high half of the sum is kept */
        uint64_t a = vlane(n, size + 1, e), b = vlane(m, size + 1, e);
        uint64_t r = sub ? a - b : a + b;
        if (round)
            r += 1ull << (esize - 1);
        vset(&t, size, part * elems + e, r >> esize);
    }
    vwrite(cpu, RD(insn), &t, part);
    return A64_OK;
}

int a64_simd_three_diff(a64_cpu *cpu, uint32_t insn, bool scalar)
{
    unsigned opc = a64_bits(insn, 15, 12), size = a64_bits(insn, 23, 22);
    bool u = (insn >> 29) & 1, part = !scalar && ((insn >> 30) & 1);
    bool sqd = opc == 9 || opc == 11 || opc == 13; /* SQDMLAL/SLL/ULL */
    if (scalar && !sqd)
        return A64_UNDEF;
    if (sqd) {
        if (u || (size != 1 && size != 2))
            return A64_UNDEF;
    } else if (opc == 14) { /* PMULL: 8-bit, or 64-bit with the extension */
        if (u || (size != 0 &&
                  !(size == 3 && (cpu->hwcap & A64_HWCAP_PMULL))))
            return A64_UNDEF;
    } else if (opc == 15 || size == 3) {
        return A64_UNDEF;
    }
    if (opc == 4 || opc == 6)
        return high_narrow(cpu, insn, part, opc == 6, u);

    const a64_vreg *n = &cpu->v[RN(insn)], *m = &cpu->v[RM(insn)],
                   *d = &cpu->v[RD(insn)];
    a64_vreg t = {0};
    if (opc == 14 && size == 3) { /* PMULL{2} Vd.1Q, Vn.1D/2D, Vm.1D/2D */
        clmul64(n->d[part], m->d[part], &t.d[0], &t.d[1]);
        vwrite(cpu, RD(insn), &t, true);
        return A64_OK;
    }
    unsigned esize = 8u << size, elems = scalar ? 1 : 64 / esize;
    bool wide = opc == 1 || opc == 3; /* S/UADDW, S/USUBW: Vn is wide */
    for (unsigned e = 0; e < elems; e++) {
        unsigned i = part * elems + e;
        a64_i128 a = wide ? vlane_x(n, size + 1, e, u) : vlane_x(n, size, i, u);
        a64_i128 b = vlane_x(m, size, i, u);
        a64_i128 acc = vlane_x(d, size + 1, e, false);
        a64_i128 r;
        switch (opc) {
        case 0: case 1: r = a + b; break;
        case 2: case 3: r = a - b; break;
        case 5: r = acc + (a > b ? a - b : b - a); break;   /* S/UABAL */
        case 7: r = a > b ? a - b : b - a; break;           /* S/UABDL */
        case 8: r = acc + a * b; break;                     /* S/UMLAL */
        case 10: r = acc - a * b; break;                    /* S/UMLSL */
        case 12: r = a * b; break;                          /* S/UMULL */
        case 14: r = pmull8(vlane(n, 0, i), vlane(m, 0, i)); break;
        default: { /* SQDMULL, SQDMLAL, SQDMLSL: each step saturates */
            a64_i128 p = (a64_i128)sat_s(cpu, 2 * a * b, 2 * esize);
            p = a64_sext((uint64_t)p, 2 * esize);
            if (opc == 13)
                r = p;
            else
                r = sat_s(cpu, opc == 9 ? acc + p : acc - p, 2 * esize);
            break;
        }
        }
        vset(&t, size + 1, e, (uint64_t)r);
    }
    vwrite(cpu, RD(insn), &t, !scalar);
    return A64_OK;
}

/* ---- shift by immediate ---- */

/* the narrowing shifts: SHRN, RSHRN, SQSHRN, UQSHRN, SQRSHRN, UQRSHRN,
 * SQSHRUN, SQRSHRUN (+2, and the scalar saturating forms) */
static int shift_narrow(a64_cpu *cpu, uint32_t insn, bool scalar,
                        unsigned size, unsigned shift)
{
    unsigned opc = a64_bits(insn, 15, 11), esize = 8u << size;
    bool u = (insn >> 29) & 1, part = !scalar && ((insn >> 30) & 1);
    bool round = opc & 1;
    /* 1000x: SHRN/RSHRN (U=0, vector only), SQ(R)SHRUN (U=1);
     * 1001x: SQ(R)SHRN / UQ(R)SHRN */
    bool trunc = opc < 18 && !u, src_uns = opc >= 18 && u,
         dst_uns = opc < 18 || u;
    if (size == 3 || (scalar && trunc))
        return A64_UNDEF;
    const a64_vreg *n = &cpu->v[RN(insn)];
    unsigned elems = scalar ? 1 : 64 / esize;
    a64_vreg t = part ? cpu->v[RD(insn)] : (a64_vreg){0};
    for (unsigned e = 0; e < elems; e++) {
        a64_i128 x = vlane_x(n, size + 1, e, src_uns || trunc);
        x = shift_x(x, -(int)shift, 2 * esize, round);
        uint64_t r = trunc ? (uint64_t)x : sat_q(cpu, x, esize, dst_uns);
        vset(&t, size, part * elems + e, r);
    }
    vwrite(cpu, RD(insn), &t, part);
    return A64_OK;
}

int a64_simd_shift_imm(a64_cpu *cpu, uint32_t insn, bool scalar)
{
    unsigned immh = a64_bits(insn, 22, 19), immhb = a64_bits(insn, 22, 16);
    unsigned opc = a64_bits(insn, 15, 11), rd = RD(insn);
    bool u = (insn >> 29) & 1, q = !scalar && ((insn >> 30) & 1);
    if (immh == 0)
        return A64_UNDEF;
    /* the highest set bit of immh gives the element size (Arm ARM C4.1.96
     * "Advanced SIMD shift by immediate") */
    unsigned size = 31 - (unsigned)__builtin_clz(immh), esize = 8u << size;
    unsigned rshift = 2 * esize - immhb, lshift = immhb - esize;

    if (opc >= 16 && opc <= 19)
        return shift_narrow(cpu, insn, scalar, size, rshift);
    const a64_vreg *n = &cpu->v[RN(insn)], *d = &cpu->v[rd];
    a64_vreg t = {0};
    if (opc == 20) { /* SSHLL, USHLL (+2; SXTL/UXTL when the shift is 0) */
        if (scalar || size == 3)
            return A64_UNDEF;
        unsigned elems = 64 / esize;
        for (unsigned e = 0; e < elems; e++) {
            a64_i128 x = vlane_x(n, size, q * elems + e, u);
            vset(&t, size + 1, e, (uint64_t)(x * ((a64_i128)1 << lshift)));
        }
        vwrite(cpu, rd, &t, true);
        return A64_OK;
    }

    /* Arm ARM C4.1.96 "Advanced SIMD (scalar) shift by immediate": the
     * scalar forms other than the saturating left shifts exist only for
     * 64-bit elements; vector 64-bit elements need Q=1 */
    bool sat_left = opc == 14 || (opc == 12 && u); /* SQSHL/UQSHL, SQSHLU */
    bool plain = opc == 0 || opc == 2 || opc == 4 || opc == 6 || opc == 10 ||
                 (opc == 8 && u);
    if (!sat_left && !plain)
        return A64_UNDEF; /* fixed-point conversions are FP */
    if (scalar ? plain && size != 3 : size == 3 && !q)
        return A64_UNDEF;
    unsigned elems = scalar ? 1 : (q ? 128 : 64) / esize;
    uint64_t mask = ones(esize);
    for (unsigned e = 0; e < elems; e++) {
        a64_i128 x = vlane_x(n, size, e, u);
        uint64_t ux = vlane(n, size, e), dx = vlane(d, size, e), r;
        switch (opc) {
        case 0: case 2: case 4: case 6: /* S/U(R)SHR, S/U(R)SRA */
            r = (uint64_t)shift_x(x, -(int)rshift, esize, opc & 4);
            if (opc & 2)
                r += dx;
            break;
        case 8: { /* SRI: the top rshift bits of Vd stay */
            uint64_t m = rshift >= 64 ? 0 : mask >> rshift;
            r = (dx & ~m) | (rshift >= 64 ? 0 : ux >> rshift);
            break;
        }
        case 10: /* SHL; SLI keeps Vd's low lshift bits */
            r = ux << lshift;
            if (u)
                r |= dx & ~(mask << lshift);
            break;
        case 12: /* SQSHLU: a signed value, saturated as unsigned */
            r = sat_u(cpu, shift_x(vlane_s(n, size, e), (int)lshift, esize,
                                   false), esize);
            break;
        default: /* SQSHL, UQSHL (immediate) */
            r = sat_q(cpu, shift_x(x, (int)lshift, esize, false), esize, u);
            break;
        }
        vset(&t, size, e, r & mask);
    }
    vwrite(cpu, rd, &t, q);
    return A64_OK;
}

/* ---- by element ---- */

int a64_simd_by_elem(a64_cpu *cpu, uint32_t insn, bool scalar)
{
    unsigned opc = a64_bits(insn, 15, 12), size = a64_bits(insn, 23, 22);
    bool u = (insn >> 29) & 1, q = !scalar && ((insn >> 30) & 1);
    unsigned h = (insn >> 11) & 1, l = (insn >> 21) & 1, mbit = (insn >> 20) & 1;
    unsigned rm = a64_bits(insn, 19, 16), idx;
    /* 16-bit elements index with H:L:M and reach only V0-V15; 32-bit ones
     * index with H:L and M is Rm's top bit */
    if (size == 1)
        idx = h << 2 | l << 1 | mbit;
    else if (size == 2)
        idx = h << 1 | l, rm |= mbit << 4;
    else
        return A64_UNDEF; /* 8- and 64-bit: FP or unallocated */

    bool sqd = !u && (opc == 3 || opc == 7 || opc == 11);
    bool dmulh = !u && (opc == 12 || opc == 13);
    bool same = (u && (opc == 0 || opc == 4)) || (!u && opc == 8) || dmulh;
    bool lng = sqd || opc == 2 || opc == 6 || opc == 10;
    if (!same && !lng)
        return A64_UNDEF; /* FP (FMLA, FMUL...) or beyond Armv8.0 */
    if (scalar && !sqd && !dmulh)
        return A64_UNDEF;

    unsigned esize = 8u << size;
    const a64_vreg *n = &cpu->v[RN(insn)], *d = &cpu->v[RD(insn)];
    a64_i128 b = vlane_x(&cpu->v[rm], size, idx, u);
    a64_vreg t = {0};
    if (same) {
        unsigned elems = scalar ? 1 : (q ? 128 : 64) / esize;
        for (unsigned e = 0; e < elems; e++) {
            a64_i128 a = vlane_x(n, size, e, u), r;
            if (dmulh) { /* SQDMULH, SQRDMULH */
                a64_i128 p = 2 * a * b;
                if (opc == 13)
                    p += (a64_i128)1 << (esize - 1);
                r = sat_s(cpu, p >> esize, esize);
            } else if (opc == 8) {
                r = a * b;
            } else {
                a64_i128 acc = vlane(d, size, e);
                r = opc == 0 ? acc + a * b : acc - a * b;
            }
            vset(&t, size, e, (uint64_t)r);
        }
        vwrite(cpu, RD(insn), &t, q);
        return A64_OK;
    }
    unsigned elems = scalar ? 1 : 64 / esize;
    for (unsigned e = 0; e < elems; e++) {
        a64_i128 a = vlane_x(n, size, q * elems + e, u);
        a64_i128 acc = vlane_x(d, size + 1, e, false), r;
        if (sqd) { /* SQDMLAL, SQDMLSL, SQDMULL */
            a64_i128 p = a64_sext(sat_s(cpu, 2 * a * b, 2 * esize), 2 * esize);
            if (opc == 11)
                r = p;
            else
                r = sat_s(cpu, opc == 3 ? acc + p : acc - p, 2 * esize);
        } else { /* S/UMLAL, S/UMLSL, S/UMULL */
            r = opc == 10 ? a * b : opc == 2 ? acc + a * b : acc - a * b;
        }
        vset(&t, size + 1, e, (uint64_t)r);
    }
    vwrite(cpu, RD(insn), &t, !scalar);
    return A64_OK;
}
