/*
 * A64 disassembler, floating point and Advanced SIMD (Arm ARM C4.1.90/91),
 * spelled as GNU objdump 2.40 does. Called from a64_disasm.c; a decoder
 * returns false for what it does not decode.
 */
#include <inttypes.h>

#include "cpu/arm64/a64_disasm_int.h"

/* A scalar FP register by ftype (00 s, 01 d, 11 h); NULL for 10. */
static const char *fpr(a64d *d, unsigned n, unsigned ftype)
{
    static const char pfx[4] = { 's', 'd', 0, 'h' };
    if (!pfx[ftype])
        return NULL;
    char *t = d_tmp(d);
    snprintf(t, 24, "%c%u", pfx[ftype], n);
    return t;
}

/* VFPExpandImm (Arm ARM J1): the FMOV immediate as a double. */
static double fp_imm(unsigned imm8)
{
    unsigned b = (imm8 >> 6) & 1, cd = (imm8 >> 4) & 3;
    double v = (16.0 + (imm8 & 15)) / 16.0;
    int e = b ? (int)cd - 3 : (int)cd + 1;
    for (; e > 0; e--)
        v *= 2.0;
    for (; e < 0; e++)
        v /= 2.0;
    return imm8 & 0x80 ? -v : v;
}

static bool fp_1src(a64d *d, uint32_t insn, unsigned ftype)
{
    unsigned opcode = d_bits(insn, 20, 15), rn = d_bits(insn, 9, 5), rd = insn & 31;
    static const char *const mn[16] = {
        "fmov", "fabs", "fneg", "fsqrt", NULL, NULL, NULL, NULL,
        "frintn", "frintp", "frintm", "frintz", "frinta", NULL, "frintx", "frinti",
    };
    if (opcode >= 4 && opcode < 8) {                    /* FCVT between precisions */
        unsigned to = opcode & 3;
        if (to == ftype || to == 2)
            return false;
        d_mn(d, "fcvt");
        d_op(d, "%s", fpr(d, rd, to));
        d_op(d, "%s", fpr(d, rn, ftype));
        return true;
    }
    if (opcode >= 16 || !mn[opcode])
        return false;
    d_mn(d, mn[opcode]);
    d_op(d, "%s", fpr(d, rd, ftype));
    d_op(d, "%s", fpr(d, rn, ftype));
    return true;
}

static bool fp_int_conv(a64d *d, uint32_t insn, unsigned ftype)
{
    bool sf = insn >> 31;
    unsigned rmode = d_bits(insn, 20, 19), opcode = d_bits(insn, 18, 16);
    unsigned rn = d_bits(insn, 9, 5), rd = insn & 31;
    if (opcode == 6 || opcode == 7) {                   /* FMOV general <-> FP */
        bool to_fp = opcode == 7;
        const char *v;
        if (rmode == 1 && ftype == 2 && sf) {
            char *t = d_tmp(d);
            snprintf(t, 24, "v%u.d[1]", to_fp ? rd : rn);
            v = t;
        } else if (rmode == 0 && (ftype == 3 || (ftype == 0 && !sf) || (ftype == 1 && sf))) {
            v = fpr(d, to_fp ? rd : rn, ftype);
        } else {
            return false;
        }
        d_mn(d, "fmov");
        if (to_fp) {
            d_op(d, "%s", v);
            d_op(d, "%s", d_gr(d, rn, sf, false));
        } else {
            d_op(d, "%s", d_gr(d, rd, sf, false));
            d_op(d, "%s", v);
        }
        return true;
    }
    if (ftype == 2)
        return false;
    static const char *const cvt[4][2] = {
        { "fcvtns", "fcvtnu" }, { "fcvtps", "fcvtpu" },
        { "fcvtms", "fcvtmu" }, { "fcvtzs", "fcvtzu" },
    };
    if (opcode == 2 || opcode == 3) {
        if (rmode)
            return false;
        d_mn(d, opcode == 2 ? "scvtf" : "ucvtf");
        d_op(d, "%s", fpr(d, rd, ftype));
        d_op(d, "%s", d_gr(d, rn, sf, false));
        return true;
    }
    const char *mn;
    if (opcode < 2)
        mn = cvt[rmode][opcode];
    else if (opcode == 4 || opcode == 5) {
        if (rmode)
            return false;
        mn = opcode == 4 ? "fcvtas" : "fcvtau";
    } else
        return false;
    d_mn(d, mn);
    d_op(d, "%s", d_gr(d, rd, sf, false));
    d_op(d, "%s", fpr(d, rn, ftype));
    return true;
}

static bool fp_fixed_conv(a64d *d, uint32_t insn, unsigned ftype)
{
    bool sf = insn >> 31;
    unsigned rmode = d_bits(insn, 20, 19), opcode = d_bits(insn, 18, 16);
    unsigned scale = d_bits(insn, 15, 10), rn = d_bits(insn, 9, 5), rd = insn & 31;
    if (ftype == 2 || (!sf && scale < 32))
        return false;
    unsigned fbits = 64 - scale;
    if (rmode == 0 && (opcode == 2 || opcode == 3)) {
        d_mn(d, opcode == 2 ? "scvtf" : "ucvtf");
        d_op(d, "%s", fpr(d, rd, ftype));
        d_op(d, "%s", d_gr(d, rn, sf, false));
    } else if (rmode == 3 && opcode < 2) {
        d_mn(d, opcode ? "fcvtzu" : "fcvtzs");
        d_op(d, "%s", d_gr(d, rd, sf, false));
        d_op(d, "%s", fpr(d, rn, ftype));
    } else {
        return false;
    }
    d_op(d, "#%u", fbits);
    return true;
}

bool a64d_fp(a64d *d, uint32_t insn)
{
    /* M == 0, S == 0, bits 28:24 11110 (or 11111 for the 3-source forms) */
    if ((insn & 0x5e000000) != 0x1e000000 || ((insn >> 29) & 1))
        return false;
    unsigned ftype = d_bits(insn, 23, 22);
    unsigned rm = d_bits(insn, 20, 16), rn = d_bits(insn, 9, 5), rd = insn & 31;
    if ((insn >> 24) & 1) {                             /* FMADD ... */
        if (insn >> 31 || ftype == 2)
            return false;
        static const char *const mn[4] = { "fmadd", "fmsub", "fnmadd", "fnmsub" };
        d_mn(d, mn[((insn >> 21) & 1) * 2 + ((insn >> 15) & 1)]);
        d_op(d, "%s", fpr(d, rd, ftype));
        d_op(d, "%s", fpr(d, rn, ftype));
        d_op(d, "%s", fpr(d, rm, ftype));
        d_op(d, "%s", fpr(d, d_bits(insn, 14, 10), ftype));
        return true;
    }
    if (!((insn >> 21) & 1))
        return fp_fixed_conv(d, insn, ftype);
    unsigned op = d_bits(insn, 15, 10);
    if (op == 0)
        return fp_int_conv(d, insn, ftype);
    if (insn >> 31 || ftype == 2)
        return false;
    if ((op & 0x1f) == 0x10)
        return fp_1src(d, insn, ftype);
    if ((op & 0xf) == 8) {                              /* FCMP, FCMPE */
        unsigned opc2 = insn & 31;
        if (op != 8 || (opc2 & 7))
            return false;
        d_mn(d, opc2 & 0x10 ? "fcmpe" : "fcmp");
        d_op(d, "%s", fpr(d, rn, ftype));
        if (opc2 & 8)
            d_op(d, "#0.0");
        else
            d_op(d, "%s", fpr(d, rm, ftype));
        return true;
    }
    if ((op & 7) == 4) {                                /* FMOV (scalar, immediate) */
        if (d_bits(insn, 9, 5))
            return false;
        d_mn(d, "fmov");
        d_op(d, "%s", fpr(d, rd, ftype));
        d_op(d, "#%.18e", fp_imm(d_bits(insn, 20, 13)));
        return true;
    }
    switch (op & 3) {
    case 1: {                                           /* FCCMP, FCCMPE */
        d_mn(d, (insn >> 4) & 1 ? "fccmpe" : "fccmp");
        d_op(d, "%s", fpr(d, rn, ftype));
        d_op(d, "%s", fpr(d, rm, ftype));
        d_op(d, "#0x%x", insn & 15);
        d_op(d, "%s", a64d_cond[d_bits(insn, 15, 12)]);
        return true;
    }
    case 2: {
        static const char *const mn[9] = { "fmul", "fdiv", "fadd", "fsub", "fmax",
                                           "fmin", "fmaxnm", "fminnm", "fnmul" };
        unsigned opc = op >> 2;
        if (opc > 8)
            return false;
        d_mn(d, mn[opc]);
        d_op(d, "%s", fpr(d, rd, ftype));
        d_op(d, "%s", fpr(d, rn, ftype));
        d_op(d, "%s", fpr(d, rm, ftype));
        return true;
    }
    case 3:
        d_mn(d, "fcsel");
        d_op(d, "%s", fpr(d, rd, ftype));
        d_op(d, "%s", fpr(d, rn, ftype));
        d_op(d, "%s", fpr(d, rm, ftype));
        d_op(d, "%s", a64d_cond[d_bits(insn, 15, 12)]);
        return true;
    default:
        return false;
    }
}

/* ---- Advanced SIMD ---- */

static const char *const arr_name[8] = { "8b", "16b", "4h", "8h", "2s", "4s", "1d", "2d" };

static const char *vreg(a64d *d, unsigned n, unsigned size, bool q)
{
    char *t = d_tmp(d);
    snprintf(t, 24, "v%u.%s", n, arr_name[size * 2 + q]);
    return t;
}

/* A register list as objdump prints it: "{v0.16b}", "{v0.16b, v1.16b}",
 * "{v0.16b-v3.16b}" for three or more in ascending order. */
static void reglist(a64d *d, unsigned first, unsigned count, const char *sfx)
{
    char t[96];
    if (count > 2 && first + count - 1 <= 31) {
        snprintf(t, sizeof(t), "{v%u.%s-v%u.%s}", first, sfx, first + count - 1, sfx);
    } else {
        size_t k = 0;
        t[k++] = '{';
        for (unsigned i = 0; i < count; i++)
            k += (size_t)snprintf(t + k, sizeof(t) - k, "%sv%u.%s", i ? ", " : "",
                                  (first + i) & 31, sfx);
        snprintf(t + k, sizeof(t) - k, "}");
    }
    d_op(d, "%s", t);
}

bool a64d_simd_ldst(a64d *d, uint32_t insn)
{
    bool q = (insn >> 30) & 1, l = (insn >> 22) & 1, post = (insn >> 23) & 1;
    unsigned rm = d_bits(insn, 20, 16), opcode = d_bits(insn, 15, 12);
    unsigned size = d_bits(insn, 11, 10), rn = d_bits(insn, 9, 5), rt = insn & 31;
    if ((insn >> 24) & 1)
        return false;                                   /* single structure: TODO */
    if (!post && rm)
        return false;
    unsigned n, sel;
    switch (opcode) {
    case 0: n = 4; sel = 4; break;
    case 2: n = 4; sel = 1; break;
    case 4: n = 3; sel = 3; break;
    case 6: n = 3; sel = 1; break;
    case 7: n = 1; sel = 1; break;
    case 8: n = 2; sel = 2; break;
    case 10: n = 2; sel = 1; break;
    default: return false;
    }
    if (sel > 1 && size == 3 && !q)
        return false;
    char mn[8];
    snprintf(mn, sizeof(mn), "%s%u", l ? "ld" : "st", sel);
    d_mn(d, mn);
    reglist(d, rt, n, arr_name[size * 2 + q]);
    const char *base = d_xsp(d, rn);
    if (!post)
        d_op(d, "[%s]", base);
    else if (rm == 31)
        d_op(d, "[%s], #%u", base, n * (q ? 16 : 8));
    else
        d_op(d, "[%s], %s", base, d_x(d, rm));
    return true;
}

static const char *velem(a64d *d, unsigned n, unsigned size, unsigned idx)
{
    char *t = d_tmp(d);
    snprintf(t, 24, "v%u.%c[%u]", n, "bhsd"[size], idx);
    return t;
}

/* Three registers of one arrangement (C4.1.91 "Advanced SIMD three same"). */
static bool simd_3same(a64d *d, uint32_t insn)
{
    bool q = (insn >> 30) & 1, u = (insn >> 29) & 1;
    unsigned size = d_bits(insn, 23, 22), rm = d_bits(insn, 20, 16);
    unsigned opc = d_bits(insn, 15, 11), rn = d_bits(insn, 9, 5), rd = insn & 31;
    static const char *const mn[2][24] = {
        { "shadd", "sqadd", "srhadd", NULL, "shsub", "sqsub", "cmgt", "cmge",
          "sshl", "sqshl", "srshl", "sqrshl", "smax", "smin", "sabd", "saba",
          "add", "cmtst", "mla", "mul", "smaxp", "sminp", "sqdmulh", "addp" },
        { "uhadd", "uqadd", "urhadd", NULL, "uhsub", "uqsub", "cmhi", "cmhs",
          "ushl", "uqshl", "urshl", "uqrshl", "umax", "umin", "uabd", "uaba",
          "sub", "cmeq", "mls", "pmul", "umaxp", "uminp", "sqrdmulh", NULL },
    };
    const char *m;
    if (opc == 3) {
        static const char *const lg[2][4] = { { "and", "bic", "orr", "orn" },
                                              { "eor", "bsl", "bit", "bif" } };
        m = lg[u][size];
        if (!u && size == 2 && rn == rm) {
            d_mn(d, "mov");
            d_op(d, "%s", vreg(d, rd, 0, q));
            d_op(d, "%s", vreg(d, rn, 0, q));
            return true;
        }
        size = 0;
    } else {
        if (opc >= 24 || !(m = mn[u][opc]))
            return false;
        if (size == 3 && !q)
            return false;
        bool only_d_ok = opc == 1 || opc == 5 || (opc >= 6 && opc <= 11) || opc == 16 || opc == 17;
        if (size == 3 && !only_d_ok && opc != 23)
            return false;
        if ((opc == 18 || opc == 19 || opc == 22 || opc == 20 || opc == 21 ||
             (opc >= 12 && opc <= 15) || opc == 0 || opc == 2 || opc == 4) && size == 3)
            return false;
        if (opc == 19 && u && size)
            return false;
        if (opc == 22 && (size == 0 || size == 3))
            return false;
    }
    d_mn(d, m);
    d_op(d, "%s", vreg(d, rd, size, q));
    d_op(d, "%s", vreg(d, rn, size, q));
    d_op(d, "%s", vreg(d, rm, size, q));
    return true;
}

/* Three registers of different widths (C4.1.91 "three different"): the
 * long, wide and narrow forms, "2" for the upper half. */
static bool simd_3diff(a64d *d, uint32_t insn)
{
    bool q = (insn >> 30) & 1, u = (insn >> 29) & 1;
    unsigned size = d_bits(insn, 23, 22), rm = d_bits(insn, 20, 16);
    unsigned opc = d_bits(insn, 15, 12), rn = d_bits(insn, 9, 5), rd = insn & 31;
    static const char *const mn[2][16] = {
        { "saddl", "saddw", "ssubl", "ssubw", "addhn", "sabal", "subhn", "sabdl",
          "smlal", "sqdmlal", "smlsl", "sqdmlsl", "smull", "sqdmull", "pmull", NULL },
        { "uaddl", "uaddw", "usubl", "usubw", "raddhn", "uabal", "rsubhn", "uabdl",
          "umlal", NULL, "umlsl", NULL, "umull", NULL, NULL, NULL },
    };
    const char *m = mn[u][opc];
    if (!m || size == 3 || opc == 14)
        return false;
    if ((opc == 9 || opc == 11 || opc == 13) && size == 0)
        return false;
    char t[16];
    snprintf(t, sizeof(t), "%s%s", m, q ? "2" : "");
    d_mn(d, t);
    bool narrow = opc == 4 || opc == 6;
    bool wide = opc == 1 || opc == 3;
    d_op(d, "%s", narrow ? vreg(d, rd, size, q) : vreg(d, rd, size + 1, true));
    d_op(d, "%s", narrow || wide ? vreg(d, rn, size + 1, true) : vreg(d, rn, size, q));
    d_op(d, "%s", narrow ? vreg(d, rm, size + 1, true) : vreg(d, rm, size, q));
    return true;
}

static bool simd_2misc(a64d *d, uint32_t insn)
{
    bool q = (insn >> 30) & 1, u = (insn >> 29) & 1;
    unsigned size = d_bits(insn, 23, 22), opc = d_bits(insn, 16, 12);
    unsigned rn = d_bits(insn, 9, 5), rd = insn & 31;
    static const char *const mn[2][21] = {
        { "rev64", "rev16", "saddlp", "suqadd", "cls", "cnt", "sadalp", "sqabs",
          "cmgt", "cmeq", "cmlt", "abs", NULL, NULL, NULL, NULL, NULL, NULL,
          "xtn", NULL, "sqxtn" },
        { "rev32", NULL, "uaddlp", "usqadd", "clz", NULL, "uadalp", "sqneg",
          "cmge", "cmle", NULL, "neg", NULL, NULL, NULL, NULL, NULL, NULL,
          "sqxtun", NULL, "uqxtn" },
    };
    const char *m;
    if (opc == 5 && u) {
        if (size > 1)
            return false;
        m = size ? "rbit" : "mvn";
        size = 0;
    } else {
        if (opc > 20 || !(m = mn[u][opc]))
            return false;
    }
    if (size == 3 && !q && opc != 18 && opc != 20)
        return false;
    if (opc == 0 && size + (u ? 1 : 0) >= 3)            /* REV64 b/h/s, REV32 b/h */
        return false;
    if (opc == 1 && size)
        return false;
    if (opc == 5 && !u && size)
        return false;
    if ((opc == 4) && size == 3)
        return false;
    if (opc >= 18) {
        if (size == 3)
            return false;
        char t[16];
        snprintf(t, sizeof(t), "%s%s", m, q ? "2" : "");
        d_mn(d, t);
        d_op(d, "%s", vreg(d, rd, size, q));
        d_op(d, "%s", vreg(d, rn, size + 1, true));
        return true;
    }
    if (opc == 2 || opc == 6) {                         /* pairwise long */
        if (size == 3)
            return false;
        d_mn(d, m);
        d_op(d, "%s", vreg(d, rd, size + 1, q));
        d_op(d, "%s", vreg(d, rn, size, q));
        return true;
    }
    d_mn(d, m);
    d_op(d, "%s", vreg(d, rd, size, q));
    d_op(d, "%s", vreg(d, rn, size, q));
    if (opc >= 8 && opc <= 10)
        d_op(d, "#0");
    return true;
}

static bool simd_across(a64d *d, uint32_t insn)
{
    bool q = (insn >> 30) & 1, u = (insn >> 29) & 1;
    unsigned size = d_bits(insn, 23, 22), opc = d_bits(insn, 16, 12);
    unsigned rn = d_bits(insn, 9, 5), rd = insn & 31;
    const char *m;
    bool wide = false;
    switch (opc) {
    case 3: m = u ? "uaddlv" : "saddlv"; wide = true; break;
    case 10: m = u ? "umaxv" : "smaxv"; break;
    case 26: m = u ? "uminv" : "sminv"; break;
    case 27: if (u) return false; m = "addv"; break;
    default: return false;
    }
    if (size == 3 || (size == 2 && !q))
        return false;
    d_mn(d, m);
    d_op(d, "%c%u", "bhsd"[size + wide], rd);
    d_op(d, "%s", vreg(d, rn, size, q));
    return true;
}

static bool simd_copy(a64d *d, uint32_t insn)
{
    bool q = (insn >> 30) & 1, op = (insn >> 29) & 1;
    unsigned imm5 = d_bits(insn, 20, 16), imm4 = d_bits(insn, 14, 11);
    unsigned rn = d_bits(insn, 9, 5), rd = insn & 31;
    if (!(imm5 & 15))
        return false;
    unsigned size = (unsigned)__builtin_ctz(imm5);
    unsigned idx = imm5 >> (size + 1);
    if (op) {                                           /* INS (element) */
        if (!q)
            return false;
        d_mn(d, "mov");
        d_op(d, "%s", velem(d, rd, size, idx));
        d_op(d, "%s", velem(d, rn, size, imm4 >> size));
        return true;
    }
    switch (imm4) {
    case 0:
        if (size == 3 && !q)
            return false;
        d_mn(d, "dup");
        d_op(d, "%s", vreg(d, rd, size, q));
        d_op(d, "%s", velem(d, rn, size, idx));
        return true;
    case 1:
        if (size == 3 && !q)
            return false;
        d_mn(d, "dup");
        d_op(d, "%s", vreg(d, rd, size, q));
        d_op(d, "%s", d_gr(d, rn, size == 3, false));
        return true;
    case 3:
        if (!q)
            return false;
        d_mn(d, "mov");
        d_op(d, "%s", velem(d, rd, size, idx));
        d_op(d, "%s", d_gr(d, rn, size == 3, false));
        return true;
    case 5:
        if (size >= (q ? 3u : 2u))
            return false;
        d_mn(d, "smov");
        d_op(d, "%s", d_gr(d, rd, q, false));
        d_op(d, "%s", velem(d, rn, size, idx));
        return true;
    case 7:
        if (size == 3 ? !q : q)
            return false;
        d_mn(d, size >= 2 ? "mov" : "umov");
        d_op(d, "%s", d_gr(d, rd, q, false));
        d_op(d, "%s", velem(d, rn, size, idx));
        return true;
    default:
        return false;
    }
}

static bool simd_modimm(a64d *d, uint32_t insn)
{
    bool q = (insn >> 30) & 1, op = (insn >> 29) & 1;
    unsigned cmode = d_bits(insn, 15, 12), rd = insn & 31;
    unsigned imm8 = (d_bits(insn, 18, 16) << 5) | d_bits(insn, 9, 5);
    if ((insn >> 11) & 1)
        return false;                                   /* o2: FP16 FMOV */
    if (cmode < 8 || (cmode & 0xc) == 8) {              /* 32/16-bit shifted */
        bool h = cmode >= 8;
        unsigned shift = (cmode >> 1) & (h ? 1 : 3);
        const char *m = cmode & 1 ? (op ? "bic" : "orr") : (op ? "mvni" : "movi");
        d_mn(d, m);
        d_op(d, "%s", vreg(d, rd, h ? 1 : 2, q));
        d_op(d, "#0x%x", imm8);
        if (shift)
            d_op(d, "lsl #%u", shift * 8);
        return true;
    }
    if ((cmode & 0xe) == 0xc) {                         /* MSL */
        d_mn(d, op ? "mvni" : "movi");
        d_op(d, "%s", vreg(d, rd, 2, q));
        d_op(d, "#0x%x", imm8);
        d_op(d, "msl #%u", cmode & 1 ? 16 : 8);
        return true;
    }
    if (cmode == 14 && !op) {
        d_mn(d, "movi");
        d_op(d, "%s", vreg(d, rd, 0, q));
        d_op(d, "#0x%x", imm8);
        return true;
    }
    if (cmode == 14) {                                  /* 64-bit byte mask */
        uint64_t v = 0;
        for (unsigned i = 0; i < 8; i++)
            if ((imm8 >> i) & 1)
                v |= 0xffull << (8 * i);
        d_mn(d, "movi");
        if (q)
            d_op(d, "v%u.2d", rd);
        else
            d_op(d, "d%u", rd);
        d_op(d, "#0x%" PRIx64, v);
        return true;
    }
    if (cmode == 15 && !(op && !q)) {
        d_mn(d, "fmov");
        d_op(d, "%s", vreg(d, rd, op ? 3 : 2, q));
        d_op(d, "#%.18e", fp_imm(imm8));
        return true;
    }
    return false;
}

static bool simd_shift_imm(a64d *d, uint32_t insn)
{
    bool q = (insn >> 30) & 1, u = (insn >> 29) & 1;
    unsigned immh = d_bits(insn, 22, 19), immhb = d_bits(insn, 22, 16);
    unsigned opc = d_bits(insn, 15, 11), rn = d_bits(insn, 9, 5), rd = insn & 31;
    unsigned size = 31 - (unsigned)__builtin_clz(immh);
    unsigned esize = 8u << size;
    unsigned shr = 2 * esize - immhb, shl = immhb - esize;
    const char *m;
    bool left = false;
    switch (opc) {
    case 0: m = u ? "ushr" : "sshr"; break;
    case 2: m = u ? "usra" : "ssra"; break;
    case 4: m = u ? "urshr" : "srshr"; break;
    case 6: m = u ? "ursra" : "srsra"; break;
    case 8: if (!u) return false; m = "sri"; break;
    case 10: m = u ? "sli" : "shl"; left = true; break;
    case 14: m = u ? "uqshl" : "sqshl"; left = true; break;
    case 16: case 17: case 18: case 19: case 20: {
        static const char *const nm[2][5] = {
            { "shrn", "rshrn", "sqshrn", "sqrshrn", "sshll" },
            { "sqshrun", "sqrshrun", "uqshrn", "uqrshrn", "ushll" },
        };
        if (size == 3)
            return false;
        char t[16];
        if (opc == 20) {
            bool x = shl == 0;
            snprintf(t, sizeof(t), "%s%s", x ? (u ? "uxtl" : "sxtl") : nm[u][4], q ? "2" : "");
            d_mn(d, t);
            d_op(d, "%s", vreg(d, rd, size + 1, true));
            d_op(d, "%s", vreg(d, rn, size, q));
            if (!x)
                d_op(d, "#%u", shl);
            return true;
        }
        snprintf(t, sizeof(t), "%s%s", nm[u][opc - 16], q ? "2" : "");
        d_mn(d, t);
        d_op(d, "%s", vreg(d, rd, size, q));
        d_op(d, "%s", vreg(d, rn, size + 1, true));
        d_op(d, "#%u", shr);
        return true;
    }
    default: return false;
    }
    if (size == 3 && !q)
        return false;
    d_mn(d, m);
    d_op(d, "%s", vreg(d, rd, size, q));
    d_op(d, "%s", vreg(d, rn, size, q));
    d_op(d, "#%u", left ? shl : shr);
    return true;
}

static bool simd_permute(a64d *d, uint32_t insn)
{
    bool q = (insn >> 30) & 1;
    unsigned size = d_bits(insn, 23, 22), rm = d_bits(insn, 20, 16);
    unsigned opc = d_bits(insn, 14, 12), rn = d_bits(insn, 9, 5), rd = insn & 31;
    static const char *const mn[8] = { NULL, "uzp1", "trn1", "zip1",
                                       NULL, "uzp2", "trn2", "zip2" };
    if (!mn[opc] || (size == 3 && !q))
        return false;
    d_mn(d, mn[opc]);
    d_op(d, "%s", vreg(d, rd, size, q));
    d_op(d, "%s", vreg(d, rn, size, q));
    d_op(d, "%s", vreg(d, rm, size, q));
    return true;
}

bool a64d_simd(a64d *d, uint32_t insn)
{
    if (insn >> 31)
        return false;
    unsigned rn = d_bits(insn, 9, 5), rd = insn & 31, rm = d_bits(insn, 20, 16);
    bool q = (insn >> 30) & 1;
    if ((insn & 0xbfe08400) == 0x2e000000) {            /* EXT */
        unsigned imm4 = d_bits(insn, 14, 11);
        if (!q && imm4 >= 8)
            return false;
        d_mn(d, "ext");
        d_op(d, "%s", vreg(d, rd, 0, q));
        d_op(d, "%s", vreg(d, rn, 0, q));
        d_op(d, "%s", vreg(d, rm, 0, q));
        d_op(d, "#%u", imm4);
        return true;
    }
    if ((insn & 0xbfe08c00) == 0x0e000000) {            /* TBL, TBX */
        unsigned len = d_bits(insn, 14, 13) + 1;
        d_mn(d, (insn >> 12) & 1 ? "tbx" : "tbl");
        d_op(d, "%s", vreg(d, rd, 0, q));
        reglist(d, rn, len, "16b");
        d_op(d, "%s", vreg(d, rm, 0, q));
        return true;
    }
    if ((insn & 0x9f000000) != 0x0e000000 && (insn & 0x9f800000) != 0x0f000000)
        return false;
    if ((insn & 0x9fe08400) == 0x0e000400)
        return simd_copy(d, insn);
    if ((insn & 0x9f200c00) == 0x0e000800)
        return simd_permute(d, insn);
    if ((insn & 0x9f200400) == 0x0e200400)
        return simd_3same(d, insn);
    if ((insn & 0x9f200c00) == 0x0e200000)
        return simd_3diff(d, insn);
    if ((insn & 0x9f3e0c00) == 0x0e200800)
        return simd_2misc(d, insn);
    if ((insn & 0x9f3e0c00) == 0x0e300800)
        return simd_across(d, insn);
    if ((insn & 0x9ff80400) == 0x0f000400)
        return simd_modimm(d, insn);
    if ((insn & 0x9f800400) == 0x0f000400)
        return simd_shift_imm(d, insn);
    return false;
}
