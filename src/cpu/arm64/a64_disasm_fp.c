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
            v = to_fp ? "v%u.d[1]" : "v%u.d[1]";
            char *t = d_tmp(d);
            snprintf(t, 24, v, to_fp ? rd : rn);
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

bool a64d_simd(a64d *d, uint32_t insn)
{
    (void)vreg;
    (void)d;
    (void)insn;
    return false;
}
