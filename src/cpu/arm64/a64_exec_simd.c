/*
 * Advanced SIMD integer data processing (Arm ARM C4.1.96, "Data Processing
 * -- Scalar Floating-Point and Advanced SIMD", the "Advanced SIMD ..."
 * groups). a64_exec_fp() has already taken every floating-point encoding;
 * the floating-point opcodes that reach us here are UNDEF, as is anything
 * beyond Armv8.0 (three same extra, FP16, dot product).
 *
 * This file decodes the groups and executes copy, permute, table lookup,
 * extract, modified immediate, three same, two-register misc and across
 * lanes; a64_exec_simd_wide.c holds three different, shift by immediate
 * and by element.
 */
#include "cpu/arm64/a64_simd.h"

#define RD(i) ((i) & 31)
#define RN(i) (((i) >> 5) & 31)
#define RM(i) (((i) >> 16) & 31)

/* ---- copy, permute, table, extract ---- */

/* Advanced SIMD copy and scalar copy: DUP, INS, SMOV, UMOV. */
static int simd_copy(a64_cpu *cpu, uint32_t insn, bool scalar)
{
    unsigned rd = RD(insn), rn = RN(insn);
    unsigned imm5 = a64_bits(insn, 20, 16), imm4 = a64_bits(insn, 14, 11);
    bool op = (insn >> 29) & 1, q = (insn >> 30) & 1;
    if (!(imm5 & 15))
        return A64_UNDEF; /* size 4 (imm5 x0000) is reserved */
    unsigned size = (unsigned)__builtin_ctz(imm5);
    unsigned idx = imm5 >> (size + 1), esize = 8u << size;
    a64_vreg t = {0};

    if (scalar) { /* DUP (element), scalar: the MOV Bd/Hd/Sd/Dd alias */
        if (op || imm4 != 0)
            return A64_UNDEF;
        vset(&t, size, 0, vlane(&cpu->v[rn], size, idx));
        vwrite(cpu, rd, &t, false);
        return A64_OK;
    }
    if (op) { /* INS (element): MOV Vd.T[i], Vn.T[j] */
        if (!q)
            return A64_UNDEF;
        t = cpu->v[rd];
        vset(&t, size, idx, vlane(&cpu->v[rn], size, imm4 >> size));
        vwrite(cpu, rd, &t, true);
        return A64_OK;
    }
    unsigned elems = (q ? 128 : 64) / esize;
    uint64_t x;
    switch (imm4) {
    case 0: /* DUP (element) */
    case 1: /* DUP (general) */
        if (size == 3 && !q)
            return A64_UNDEF;
        x = imm4 ? a64_x(cpu, rn) : vlane(&cpu->v[rn], size, idx);
        for (unsigned e = 0; e < elems; e++)
            vset(&t, size, e, x);
        vwrite(cpu, rd, &t, q);
        return A64_OK;
    case 3: /* INS (general) */
        if (!q)
            return A64_UNDEF;
        t = cpu->v[rd];
        vset(&t, size, idx, a64_x(cpu, rn));
        vwrite(cpu, rd, &t, true);
        return A64_OK;
    case 5: /* SMOV: to Wd from B/H, to Xd from B/H/S */
        if (size >= (q ? 3u : 2u))
            return A64_UNDEF;
        x = (uint64_t)vlane_s(&cpu->v[rn], size, idx);
        if (q)
            a64_set_x(cpu, rd, x);
        else
            a64_set_w(cpu, rd, (uint32_t)x);
        return A64_OK;
    case 7: /* UMOV: to Wd from B/H/S, to Xd from D only */
        if (q ? size != 3 : size > 2)
            return A64_UNDEF;
        a64_set_x(cpu, rd, vlane(&cpu->v[rn], size, idx));
        return A64_OK;
    default:
        return A64_UNDEF;
    }
}

/* UZP1/2, TRN1/2, ZIP1/2 (Arm ARM C4.1.96 "Advanced SIMD permute"). */
static int simd_permute(a64_cpu *cpu, uint32_t insn)
{
    unsigned size = a64_bits(insn, 23, 22), opc = a64_bits(insn, 14, 12);
    bool q = (insn >> 30) & 1;
    if ((size == 3 && !q) || (opc & 3) == 0)
        return A64_UNDEF;
    const a64_vreg *n = &cpu->v[RN(insn)], *m = &cpu->v[RM(insn)];
    unsigned elems = (q ? 128 : 64) >> (3 + size), half = elems / 2;
    unsigned part = opc >> 2;
    a64_vreg t = {0};
    for (unsigned p = 0; p < half; p++) {
        switch (opc & 3) {
        case 1: { /* UZP: the even (or odd) elements of Vm:Vn */
            unsigned i = 2 * p + part;
            vset(&t, size, p, vlane(n, size, i));
            vset(&t, size, p + half, vlane(m, size, i));
            break;
        }
        case 2: /* TRN */
            vset(&t, size, 2 * p, vlane(n, size, 2 * p + part));
            vset(&t, size, 2 * p + 1, vlane(m, size, 2 * p + part));
            break;
        default: /* ZIP: interleave the low (or high) halves */
            vset(&t, size, 2 * p, vlane(n, size, part * half + p));
            vset(&t, size, 2 * p + 1, vlane(m, size, part * half + p));
            break;
        }
    }
    vwrite(cpu, RD(insn), &t, q);
    return A64_OK;
}

/* TBL/TBX with 1-4 table registers: an index past the table gives zero
 * (TBL) or leaves the destination byte alone (TBX). */
static int simd_table(a64_cpu *cpu, uint32_t insn)
{
    if (a64_bits(insn, 23, 22) != 0)
        return A64_UNDEF;
    bool q = (insn >> 30) & 1, tbx = (insn >> 12) & 1;
    unsigned regs = a64_bits(insn, 14, 13) + 1, rn = RN(insn);
    uint8_t table[64];
    for (unsigned i = 0; i < regs; i++) /* the list wraps past V31 */
        memcpy(table + 16 * i, cpu->v[(rn + i) % 32].b, 16);
    const a64_vreg *m = &cpu->v[RM(insn)];
    a64_vreg t = tbx ? cpu->v[RD(insn)] : (a64_vreg){0};
    for (unsigned i = 0; i < (q ? 16u : 8u); i++) {
        if (m->b[i] < 16 * regs)
            t.b[i] = table[m->b[i]];
        else if (!tbx)
            t.b[i] = 0;
    }
    vwrite(cpu, RD(insn), &t, q);
    return A64_OK;
}

/* EXT: bytes imm4.. of Vm:Vn. */
static int simd_ext(a64_cpu *cpu, uint32_t insn)
{
    bool q = (insn >> 30) & 1;
    unsigned imm4 = a64_bits(insn, 14, 11), nb = q ? 16 : 8;
    if (a64_bits(insn, 23, 22) != 0 || (!q && (imm4 & 8)))
        return A64_UNDEF;
    uint8_t cat[32];
    memcpy(cat, cpu->v[RN(insn)].b, nb);
    memcpy(cat + nb, cpu->v[RM(insn)].b, nb);
    a64_vreg t = {0};
    memcpy(t.b, cat + imm4, nb);
    vwrite(cpu, RD(insn), &t, q);
    return A64_OK;
}

/* ---- modified immediate ---- */

static uint64_t rep32(uint64_t x) { return x << 32 | x; }
static uint64_t rep16(uint64_t x) { return rep32(x << 16 | x); }

/* AdvSIMDExpandImm (Arm ARM J1 shared/functions/vector), the integer
 * cmodes; cmode 1111 (FMOV) never reaches here. */
static uint64_t expand_imm(bool op, unsigned cmode, uint64_t imm8)
{
    switch (cmode >> 1) {
    case 0: return rep32(imm8);
    case 1: return rep32(imm8 << 8);
    case 2: return rep32(imm8 << 16);
    case 3: return rep32(imm8 << 24);
    case 4: return rep16(imm8);
    case 5: return rep16(imm8 << 8);
    case 6: /* "shifting ones" */
        return rep32((cmode & 1) ? imm8 << 16 | 0xffff : imm8 << 8 | 0xff);
    default:
        if (!op)
            return imm8 * 0x0101010101010101ull; /* MOVI, 8-bit */
        uint64_t x = 0; /* each bit of imm8 becomes a byte */
        for (unsigned i = 0; i < 8; i++)
            if ((imm8 >> i) & 1)
                x |= 0xffull << (8 * i);
        return x;
    }
}

/* MOVI, MVNI, ORR, BIC (vector, immediate). */
static int simd_mod_imm(a64_cpu *cpu, uint32_t insn)
{
    bool q = (insn >> 30) & 1, op = (insn >> 29) & 1;
    unsigned cmode = a64_bits(insn, 15, 12), rd = RD(insn);
    /* o2=1 is FMOV (half precision), cmode 1111 FMOV single/double: FP */
    if (((insn >> 11) & 1) || cmode == 15)
        return A64_UNDEF;
    uint64_t imm8 = a64_bits(insn, 18, 16) << 5 | a64_bits(insn, 9, 5);
    uint64_t imm = expand_imm(op, cmode, imm8);
    bool orr_bic = cmode < 12 && (cmode & 1);
    a64_vreg t = {0};
    for (unsigned i = 0; i < (q ? 2u : 1u); i++) {
        uint64_t d = cpu->v[rd].d[i];
        if (orr_bic)
            t.d[i] = op ? d & ~imm : d | imm;
        else /* MVNI inverts; cmode 1110 with op=1 is MOVI (64-bit) */
            t.d[i] = op && cmode != 14 ? ~imm : imm;
    }
    vwrite(cpu, rd, &t, q);
    return A64_OK;
}

/* ---- three same ---- */

/* AND, BIC, ORR, ORN, EOR, BSL, BIT, BIF: size is part of the opcode. */
static int simd_logic(a64_cpu *cpu, uint32_t insn)
{
    bool q = (insn >> 30) & 1;
    unsigned op = ((insn >> 29) & 1) << 2 | a64_bits(insn, 23, 22);
    const a64_vreg *n = &cpu->v[RN(insn)], *m = &cpu->v[RM(insn)],
                   *d = &cpu->v[RD(insn)];
    a64_vreg t = {0};
    for (unsigned i = 0; i < (q ? 2u : 1u); i++) {
        uint64_t a = n->d[i], b = m->d[i], c = d->d[i];
        switch (op) {
        case 0: t.d[i] = a & b; break;
        case 1: t.d[i] = a & ~b; break;
        case 2: t.d[i] = a | b; break;
        case 3: t.d[i] = a | ~b; break;
        case 4: t.d[i] = a ^ b; break;
        case 5: t.d[i] = (c & a) | (~c & b); break; /* BSL */
        case 6: t.d[i] = (c & ~b) | (a & b); break; /* BIT */
        default: t.d[i] = (c & b) | (a & ~b); break; /* BIF */
        }
    }
    vwrite(cpu, RD(insn), &t, q);
    return A64_OK;
}

/* Polynomial multiplication of two bytes, the low 8 bits (PMUL). */
static uint64_t pmul8(uint64_t a, uint64_t b)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < 8; i++)
        if ((b >> i) & 1)
            r ^= a << i;
    return r & 0xff;
}

/*
 * Which sizes an opcode of three same allows: the vector encoding table
 * (Arm ARM C4.1.96 "Advanced SIMD three same") and the scalar one, which
 * allocates only the saturating ones at every size and the rest at 64 bits.
 */
static bool three_same_allocated(unsigned opc, bool u, unsigned size, bool q,
                                 bool scalar)
{
    if (scalar) {
        switch (opc) {
        case 1: case 5: case 9: case 11:
            return true;
        case 6: case 7: case 8: case 10: case 16: case 17:
            return size == 3;
        case 22:
            return size == 1 || size == 2;
        default:
            return false;
        }
    }
    switch (opc) {
    case 1: case 5: case 6: case 7: case 8: case 9: case 10: case 11:
    case 16: case 17:
        return size != 3 || q;
    case 23: /* ADDP */
        return !u && (size != 3 || q);
    case 0: case 2: case 4: case 12: case 13: case 14: case 15: case 18:
    case 20: case 21:
        return size != 3;
    case 19: /* MUL; PMUL (U=1) is bytes only */
        return u ? size == 0 : size != 3;
    case 22:
        return size == 1 || size == 2;
    default: /* 11xxx: floating point */
        return false;
    }
}

static int simd_three_same(a64_cpu *cpu, uint32_t insn, bool scalar)
{
    unsigned opc = a64_bits(insn, 15, 11), size = a64_bits(insn, 23, 22);
    bool u = (insn >> 29) & 1, q = !scalar && ((insn >> 30) & 1);
    if (opc == 3)
        return scalar ? A64_UNDEF : simd_logic(cpu, insn);
    if (!three_same_allocated(opc, u, size, q, scalar))
        return A64_UNDEF;
    const a64_vreg *n = &cpu->v[RN(insn)], *m = &cpu->v[RM(insn)],
                   *d = &cpu->v[RD(insn)];
    unsigned esize = 8u << size;
    unsigned elems = scalar ? 1 : (q ? 128 : 64) / esize, half = elems / 2;
    uint64_t mask = ones(esize);
    bool pairwise = opc == 20 || opc == 21 || opc == 23;
    a64_vreg t = {0};

    for (unsigned e = 0; e < elems; e++) {
        const a64_vreg *x = n, *y = m;
        unsigned i = e, j = e;
        if (pairwise) { /* adjacent pairs of Vm:Vn */
            x = y = e < half ? n : m;
            i = 2 * (e % half);
            j = i + 1;
        }
        a64_i128 a = vlane_x(x, size, i, u), b = vlane_x(y, size, j, u);
        uint64_t ua = vlane(x, size, i), ub = vlane(y, size, j);
        a64_i128 r;
        switch (opc) {
        case 0: r = (a + b) >> 1; break;                 /* S/UHADD */
        case 1: r = sat_q(cpu, a + b, esize, u); break;  /* S/UQADD */
        case 2: r = (a + b + 1) >> 1; break;             /* S/URHADD */
        case 4: r = (a - b) >> 1; break;                 /* S/UHSUB */
        case 5: r = sat_q(cpu, a - b, esize, u); break;  /* S/UQSUB */
        case 6: r = a > b ? -1 : 0; break;               /* CMGT, CMHI */
        case 7: r = a >= b ? -1 : 0; break;              /* CMGE, CMHS */
        case 8: case 9: case 10: case 11: {
            /* S/U(R)(Q)SHL: the shift is the low byte of Vm's element,
             * signed; negative shifts right */
            bool round = opc & 2;
            r = shift_x(a, (int8_t)ub, esize, round);
            if (opc & 1)
                r = sat_q(cpu, r, esize, u);
            break;
        }
        case 12: case 20: r = a > b ? a : b; break;      /* MAX, MAXP */
        case 13: case 21: r = a < b ? a : b; break;      /* MIN, MINP */
        case 14: case 15:                                /* ABD, ABA */
            r = a > b ? a - b : b - a;
            if (opc == 15)
                r += vlane(d, size, e);
            break;
        case 16: r = u ? ua - ub : ua + ub; break;       /* ADD, SUB */
        case 17:                                         /* CMTST, CMEQ */
            r = (u ? ua == ub : (ua & ub) != 0) ? -1 : 0;
            break;
        case 18: /* MLA, MLS */
            r = u ? vlane(d, size, e) - ua * ub : vlane(d, size, e) + ua * ub;
            break;
        case 19: r = u ? pmul8(ua, ub) : ua * ub; break; /* MUL, PMUL */
        case 22: { /* SQDMULH, SQRDMULH: (2ab + round) >> esize */
            a64_i128 p = 2 * (a64_i128)vlane_s(n, size, e) *
                         vlane_s(m, size, e);
            if (u)
                p += (a64_i128)1 << (esize - 1);
            r = sat_s(cpu, p >> esize, esize);
            break;
        }
        default: r = ua + ub; break;                     /* ADDP */
        }
        vset(&t, size, e, (uint64_t)r & mask);
    }
    vwrite(cpu, RD(insn), &t, q);
    return A64_OK;
}

/* ---- two-register miscellaneous ---- */

static unsigned clz_e(uint64_t x, unsigned esize)
{
    unsigned n = 0;
    for (int b = (int)esize - 1; b >= 0 && !((x >> b) & 1); b--)
        n++;
    return n;
}

/* CountLeadingSignBits: leading bits equal to the sign, sign excluded. */
static unsigned cls_e(uint64_t x, unsigned esize)
{
    uint64_t s = (x >> (esize - 1)) & 1;
    unsigned n = 0;
    for (int b = (int)esize - 2; b >= 0 && ((x >> b) & 1) == s; b--)
        n++;
    return n;
}

static uint64_t rbit8(uint64_t x)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < 8; i++)
        r |= ((x >> i) & 1) << (7 - i);
    return r;
}

/* RecipEstimate and RecipSqrtEstimate (Arm ARM J1 shared/functions/float)
 * on 9-bit fixed-point inputs, as URECPE and URSQRTE use them. */
static uint32_t recip_estimate(uint32_t a)
{
    a = a * 2 + 1;
    uint32_t b = (1u << 19) / a;
    return (b + 1) / 2;
}

static uint32_t rsqrt_estimate(uint32_t a)
{
    if (a < 256)
        a = a * 2 + 1;
    else
        a = ((a >> 1) << 1) * 2 + 2;
    uint64_t b = 512;
    while ((uint64_t)a * (b + 1) * (b + 1) < (1ull << 28))
        b++;
    return (uint32_t)(b + 1) / 2;
}

/* URECPE, URSQRTE: 32-bit lanes as unsigned fractions (UnsignedRecip-
 * Estimate, UnsignedRSqrtEstimate). */
static uint32_t urecpe(uint32_t x, bool rsqrt)
{
    if (rsqrt ? x >> 30 == 0 : !(x >> 31))
        return 0xffffffffu;
    uint32_t e = rsqrt ? rsqrt_estimate(x >> 23) : recip_estimate(x >> 23);
    return (e & 0x1ff) << 23;
}

/* XTN, SQXTN, UQXTN, SQXTUN (+2, and the scalar forms): the "2" forms
 * write the upper half and keep the lower. */
static int simd_narrow(a64_cpu *cpu, uint32_t insn, bool scalar, int kind)
{
    unsigned size = a64_bits(insn, 23, 22), esize = 8u << size;
    bool part = !scalar && ((insn >> 30) & 1);
    if (size == 3)
        return A64_UNDEF;
    const a64_vreg *n = &cpu->v[RN(insn)];
    unsigned elems = scalar ? 1 : 64 / esize;
    a64_vreg t = part ? cpu->v[RD(insn)] : (a64_vreg){0};
    for (unsigned e = 0; e < elems; e++) {
        uint64_t r;
        switch (kind) {
        case 0: r = vlane(n, size + 1, e); break;                     /* XTN */
        case 1: r = sat_s(cpu, vlane_s(n, size + 1, e), esize); break; /* SQXTN */
        case 2: r = sat_u(cpu, vlane(n, size + 1, e), esize); break;   /* UQXTN */
        default: r = sat_u(cpu, vlane_s(n, size + 1, e), esize); break; /* SQXTUN */
        }
        vset(&t, size, part * elems + e, r);
    }
    vwrite(cpu, RD(insn), &t, part);
    return A64_OK;
}

static int simd_two_misc(a64_cpu *cpu, uint32_t insn, bool scalar)
{
    unsigned opc = a64_bits(insn, 16, 12), size = a64_bits(insn, 23, 22);
    bool u = (insn >> 29) & 1, q = !scalar && ((insn >> 30) & 1);
    unsigned esize = 8u << size, rd = RD(insn);
    const a64_vreg *n = &cpu->v[RN(insn)], *d = &cpu->v[rd];
    a64_vreg t = {0};

    /* the narrowing ones and SHLL have their own shapes */
    switch (opc) {
    case 18:
        if (u)
            return simd_narrow(cpu, insn, scalar, 3);  /* SQXTUN */
        return scalar ? A64_UNDEF : simd_narrow(cpu, insn, false, 0);
    case 20:
        return simd_narrow(cpu, insn, scalar, u ? 2 : 1);
    case 28: /* URECPE, URSQRTE: 32-bit lanes only (the rest is FP) */
        if (scalar || size != 2)
            return A64_UNDEF;
        for (unsigned e = 0; e < (q ? 4u : 2u); e++)
            t.s[e] = urecpe(n->s[e], u);
        vwrite(cpu, rd, &t, q);
        return A64_OK;
    case 19: { /* SHLL: widen the low (or high) half, shifted by esize */
        if (!u || scalar || size == 3)
            return A64_UNDEF;
        unsigned elems = 64 / esize;
        for (unsigned e = 0; e < elems; e++)
            vset(&t, size + 1, e, vlane(n, size, q * elems + e) << esize);
        vwrite(cpu, rd, &t, true);
        return A64_OK;
    }
    }

    /* allocation (Arm ARM C4.1.96 "Advanced SIMD (scalar) two-register
     * miscellaneous") */
    bool ok;
    switch (opc) {
    case 0: ok = !scalar && (u ? size < 2 : size < 3); break; /* REV64/32 */
    case 1: ok = !scalar && !u && size == 0; break;           /* REV16 */
    case 2: case 4: case 6: ok = !scalar && size != 3; break;
    case 5: ok = !scalar && (u ? size < 2 : size == 0); break;
    case 3: case 7: ok = scalar || size != 3 || q; break;
    case 8: case 9: case 11: ok = scalar ? size == 3 : size != 3 || q; break;
    case 10: ok = !u && (scalar ? size == 3 : size != 3 || q); break;
    default: ok = false; break; /* floating point */
    }
    if (!ok)
        return A64_UNDEF;

    if (opc == 5) { /* CNT, NOT, RBIT work on bytes; size is opcode */
        size = 0;
        esize = 8;
    }
    unsigned elems = scalar ? 1 : (q ? 128 : 64) / esize;
    uint64_t mask = ones(esize);
    if (opc == 2 || opc == 6) { /* S/UADDLP, S/UADALP: pairs, widened */
        for (unsigned e = 0; e < elems / 2; e++) {
            a64_i128 r = vlane_x(n, size, 2 * e, u) +
                         vlane_x(n, size, 2 * e + 1, u);
            if (opc == 6)
                r += vlane(d, size + 1, e);
            vset(&t, size + 1, e, (uint64_t)r);
        }
        vwrite(cpu, rd, &t, q);
        return A64_OK;
    }
    for (unsigned e = 0; e < elems; e++) {
        uint64_t x = vlane(n, size, e);
        int64_t sx = vlane_s(n, size, e);
        uint64_t r;
        switch (opc) {
        case 0: case 1: { /* REV64, REV32, REV16: reverse within containers */
            unsigned cbits = opc == 1 ? 16 : u ? 32 : 64;
            r = vlane(n, size, e ^ (cbits / esize - 1));
            break;
        }
        case 3: /* SUQADD, USQADD: add the other signedness, saturating */
            if (u)
                r = sat_u(cpu, (a64_i128)vlane(d, size, e) + sx, esize);
            else
                r = sat_s(cpu, (a64_i128)vlane_s(d, size, e) + x, esize);
            break;
        case 4: r = u ? clz_e(x, esize) : cls_e(x, esize); break;
        case 5:
            if (!u)
                r = (uint64_t)__builtin_popcountll(x); /* CNT */
            else
                r = a64_bits(insn, 22, 22) ? rbit8(x) : ~x; /* RBIT, NOT */
            break;
        case 7: /* SQABS, SQNEG */
            r = sat_s(cpu, u || sx < 0 ? -(a64_i128)sx : sx, esize);
            break;
        case 8: r = (u ? sx >= 0 : sx > 0) ? ~0ull : 0; break;  /* CMGE/GT */
        case 9: r = (u ? sx <= 0 : sx == 0) ? ~0ull : 0; break; /* CMLE/EQ */
        case 10: r = sx < 0 ? ~0ull : 0; break;                 /* CMLT */
        default: /* ABS, NEG: modular */
            r = u || sx < 0 ? 0 - x : x;
            break;
        }
        vset(&t, size, e, r & mask);
    }
    vwrite(cpu, rd, &t, q);
    return A64_OK;
}

/* ---- across lanes, scalar pairwise ---- */

/* ADDV, SADDLV/UADDLV, SMAXV/UMAXV, SMINV/UMINV. */
static int simd_across(a64_cpu *cpu, uint32_t insn)
{
    unsigned opc = a64_bits(insn, 16, 12), size = a64_bits(insn, 23, 22);
    bool u = (insn >> 29) & 1, q = (insn >> 30) & 1;
    if (size == 3 || (size == 2 && !q))
        return A64_UNDEF;
    if (opc != 3 && opc != 10 && opc != 26 && !(opc == 27 && !u))
        return A64_UNDEF; /* the rest is floating point */
    const a64_vreg *n = &cpu->v[RN(insn)];
    unsigned elems = (q ? 128 : 64) >> (3 + size);
    a64_i128 r = vlane_x(n, size, 0, u);
    for (unsigned e = 1; e < elems; e++) {
        a64_i128 x = vlane_x(n, size, e, u);
        switch (opc) {
        case 10: r = x > r ? x : r; break;
        case 26: r = x < r ? x : r; break;
        default: r += x; break;
        }
    }
    a64_vreg t = {0};
    vset(&t, opc == 3 ? size + 1 : size, 0, (uint64_t)r); /* ADDLV widens */
    vwrite(cpu, RD(insn), &t, false);
    return A64_OK;
}

/* Scalar pairwise: ADDP Dd, Vn.2D (the rest of the group is FP). */
static int simd_scalar_pairwise(a64_cpu *cpu, uint32_t insn)
{
    if (((insn >> 29) & 1) || a64_bits(insn, 16, 12) != 27 ||
        a64_bits(insn, 23, 22) != 3)
        return A64_UNDEF;
    const a64_vreg *n = &cpu->v[RN(insn)];
    a64_vreg t = {0};
    t.d[0] = n->d[0] + n->d[1];
    vwrite(cpu, RD(insn), &t, false);
    return A64_OK;
}

/* ---- decode ---- */

static int simd_vector(a64_cpu *cpu, uint32_t insn)
{
    if ((insn & 0xbf208c00) == 0x0e000000)
        return simd_table(cpu, insn);
    if ((insn & 0xbf208c00) == 0x0e000800)
        return simd_permute(cpu, insn);
    if ((insn & 0xbf208400) == 0x2e000000)
        return simd_ext(cpu, insn);
    if ((insn & 0x9fe08400) == 0x0e000400)
        return simd_copy(cpu, insn, false);
    if ((insn & 0x9f3e0c00) == 0x0e200800)
        return simd_two_misc(cpu, insn, false);
    if ((insn & 0x9f3e0c00) == 0x0e300800)
        return simd_across(cpu, insn);
    if ((insn & 0x9f200c00) == 0x0e200000)
        return a64_simd_three_diff(cpu, insn, false);
    if ((insn & 0x9f200400) == 0x0e200400)
        return simd_three_same(cpu, insn, false);
    if ((insn & 0x9ff80400) == 0x0f000400)
        return simd_mod_imm(cpu, insn);
    if ((insn & 0x9f800400) == 0x0f000400)
        return a64_simd_shift_imm(cpu, insn, false);
    if ((insn & 0x9f000400) == 0x0f000000)
        return a64_simd_by_elem(cpu, insn, false);
    return A64_UNDEF; /* three same extra, FP16: beyond Armv8.0 */
}

static int simd_scalar(a64_cpu *cpu, uint32_t insn)
{
    if ((insn & 0xdfe08400) == 0x5e000400)
        return simd_copy(cpu, insn, true);
    if ((insn & 0xdf3e0c00) == 0x5e200800)
        return simd_two_misc(cpu, insn, true);
    if ((insn & 0xdf3e0c00) == 0x5e300800)
        return simd_scalar_pairwise(cpu, insn);
    if ((insn & 0xdf200c00) == 0x5e200000)
        return a64_simd_three_diff(cpu, insn, true);
    if ((insn & 0xdf200400) == 0x5e200400)
        return simd_three_same(cpu, insn, true);
    if ((insn & 0xdf800400) == 0x5f000400)
        return a64_simd_shift_imm(cpu, insn, true);
    if ((insn & 0xdf000400) == 0x5f000000)
        return a64_simd_by_elem(cpu, insn, true);
    return A64_UNDEF;
}

int a64_exec_simd(a64_cpu *cpu, uint32_t insn)
{
    if (!(cpu->hwcap & A64_HWCAP_ASIMD))
        return A64_UNDEF;
    /* Cryptographic AES, three-register SHA, two-register SHA */
    if ((insn & 0xff3e0c00) == 0x4e280800 ||
        (insn & 0xff208c00) == 0x5e000000 ||
        (insn & 0xff3e0c00) == 0x5e280800)
        return a64_exec_crypto(cpu, insn);
    /* op0 (bits 31:28): 0Q U0 is a vector form, 01U1 a scalar one; the
     * rest of x111 is scalar floating point, a64_exec_fp()'s */
    if ((insn & 0x90000000) == 0)
        return simd_vector(cpu, insn);
    if ((insn & 0xd0000000) == 0x50000000)
        return simd_scalar(cpu, insn);
    return A64_UNDEF;
}
