/*
 * The F and D extensions: FP loads and stores, the fused multiply-add
 * family and OP-FP. Part of the interpreter template (included from
 * rv_exec_tmpl.h once per XLEN); the arithmetic itself is src/fpu.
 */

#ifndef RV_FP_ONCE
#define RV_FP_ONCE
enum { RV_FP_OK, RV_FP_ILLEGAL, RV_FP_TRAPPED };

/* A binary32 operand: the canonical NaN unless properly NaN-boxed. */
static inline uint32_t rv_unbox(uint64_t v)
{
    return (v >> 32) == 0xffffffffu ? (uint32_t)v : F32_CANON_NAN;
}
static inline uint64_t rv_box(uint32_t v) { return 0xffffffff00000000ull | v; }
#endif

/* Execute one F/D instruction (opcodes 0x07, 0x27, 0x43..0x4f, 0x53).
 * Returns RV_FP_ILLEGAL for encodings that are reserved, need a missing
 * extension, or find mstatus.FS Off; RV_FP_TRAPPED after a memory fault. */
static int FN(fp)(rv_cpu *cpu, uint32_t insn)
{
    uint64_t *x = cpu->x, *f = cpu->f;
    unsigned rd = rv_rd(insn), rs1 = rv_rs1(insn), rs2 = rv_rs2(insn);
    unsigned f3 = rv_funct3(insn), op = insn & 0x7f;
    unsigned flags = 0;

    if (!(cpu->mstatus & MSTATUS_FS))
        return RV_FP_ILLEGAL; /* FS Off (always so without F) */

    if (op == 0x07 || op == 0x27) { /* LOAD-FP, STORE-FP */
        unsigned size;
        if (f3 == 2)
            size = 4;
        else if (f3 == 3 && cpu->has_d)
            size = 8;
        else
            return RV_FP_ILLEGAL;
        if (op == 0x27) {
            ureg va = (ureg)(X(rs1) + (ureg)rv_imm_s(insn));
            return FN(store)(cpu, va, size, f[rs2]) ? RV_FP_OK : RV_FP_TRAPPED;
        }
        uint64_t v;
        ureg va = (ureg)(X(rs1) + (ureg)rv_imm_i(insn));
        if (!FN(load)(cpu, va, size, &v))
            return RV_FP_TRAPPED;
        f[rd] = size == 4 ? rv_box((uint32_t)v) : v;
        cpu->mstatus |= MSTATUS_FS;
        return RV_FP_OK;
    }

    /* the format field: S, or D when implemented (H and Q are not) */
    unsigned fmt = (insn >> 25) & 3;
    bool dbl = fmt == 1;
    if (fmt > 1 || (dbl && !cpu->has_d))
        return RV_FP_ILLEGAL;
    /* the rounding mode of instructions that have one: 5 and 6 are
     * reserved, 7 selects frm, which must itself be valid */
    int rm = f3 == 7 ? cpu->frm : (int)f3;
#define NEED_RM()                                                              \
    do {                                                                       \
        if (rm > FP_RMM)                                                       \
            return RV_FP_ILLEGAL;                                              \
    } while (0)
    uint64_t a = dbl ? f[rs1] : rv_unbox(f[rs1]);
    uint64_t b = dbl ? f[rs2] : rv_unbox(f[rs2]);
    uint64_t sign = dbl ? 1ull << 63 : 1ull << 31;
    uint64_t r; /* an FP result (goes to f[rd]) */

    if (op != 0x53) { /* FMADD, FMSUB, FNMSUB, FNMADD: (+-)(a * b) (+-) c */
        NEED_RM();
        unsigned rs3 = insn >> 27;
        uint64_t c = dbl ? f[rs3] : rv_unbox(f[rs3]);
        if (op == 0x4b || op == 0x4f)
            a ^= sign; /* negated product */
        if (op == 0x47 || op == 0x4f)
            c ^= sign;
        r = dbl ? f64_fma(a, b, c, rm, &flags)
                : f32_fma((uint32_t)a, (uint32_t)b, (uint32_t)c, rm, &flags);
        goto fp_result;
    }

    /* the arithmetic with two operands and a rounding mode */
#define ARITH(name)                                                            \
    do {                                                                       \
        NEED_RM();                                                             \
        r = dbl ? f64_##name(a, b, rm, &flags)                                 \
                : f32_##name((uint32_t)a, (uint32_t)b, rm, &flags);            \
        goto fp_result;                                                        \
    } while (0)
    switch (insn >> 27) {
    case 0x00: ARITH(add);
    case 0x01: ARITH(sub);
    case 0x02: ARITH(mul);
    case 0x03: ARITH(div);
#undef ARITH
    case 0x0b: /* fsqrt */
        if (rs2 != 0)
            return RV_FP_ILLEGAL;
        NEED_RM();
        r = dbl ? f64_sqrt(a, rm, &flags) : f32_sqrt((uint32_t)a, rm, &flags);
        goto fp_result;
    case 0x04: { /* fsgnj, fsgnjn, fsgnjx */
        uint64_t s;
        switch (f3) {
        case 0: s = b & sign; break;
        case 1: s = ~b & sign; break;
        case 2: s = (a ^ b) & sign; break;
        default: return RV_FP_ILLEGAL;
        }
        r = (a & ~sign) | s;
        goto fp_result;
    }
    case 0x05: /* fmin, fmax */
        if (f3 > 1)
            return RV_FP_ILLEGAL;
        if (dbl)
            r = f3 ? f64_max(a, b, &flags) : f64_min(a, b, &flags);
        else
            r = f3 ? f32_max((uint32_t)a, (uint32_t)b, &flags)
                   : f32_min((uint32_t)a, (uint32_t)b, &flags);
        goto fp_result;
    case 0x08: /* fcvt.s.d (fmt S, rs2 1), fcvt.d.s (fmt D, rs2 0) */
        if (!cpu->has_d || rs2 != (dbl ? 0u : 1u))
            return RV_FP_ILLEGAL;
        NEED_RM();
        r = dbl ? f32_to_f64(rv_unbox(f[rs1]), &flags)
                : f64_to_f32(f[rs1], rm, &flags);
        goto fp_result;
    case 0x14: { /* fle, flt, feq */
        bool t;
        switch (f3) {
        case 0: t = dbl ? f64_le(a, b, &flags) : f32_le((uint32_t)a, (uint32_t)b, &flags); break;
        case 1: t = dbl ? f64_lt(a, b, &flags) : f32_lt((uint32_t)a, (uint32_t)b, &flags); break;
        case 2: t = dbl ? f64_eq(a, b, &flags) : f32_eq((uint32_t)a, (uint32_t)b, &flags); break;
        default: return RV_FP_ILLEGAL;
        }
        x[rd] = t;
        goto int_result;
    }
    case 0x18: { /* fcvt.w, .wu, .l, .lu from S or D */
        uint64_t v;
        NEED_RM();
        switch (rs2) {
        case 0:
            v = (ureg)(sreg)(dbl ? f64_to_i32(a, rm, &flags)
                                 : f32_to_i32((uint32_t)a, rm, &flags));
            break;
        case 1: /* the 32-bit result is sign-extended, even for wu */
            v = (ureg)(sreg)(int32_t)(dbl ? f64_to_u32(a, rm, &flags)
                                          : f32_to_u32((uint32_t)a, rm, &flags));
            break;
#if XLEN == 64
        case 2:
            v = (uint64_t)(dbl ? f64_to_i64(a, rm, &flags)
                               : f32_to_i64((uint32_t)a, rm, &flags));
            break;
        case 3:
            v = dbl ? f64_to_u64(a, rm, &flags) : f32_to_u64((uint32_t)a, rm, &flags);
            break;
#endif
        default:
            return RV_FP_ILLEGAL;
        }
        x[rd] = v;
        goto int_result;
    }
    case 0x1a: { /* fcvt.s/d from w, wu, l, lu */
        ureg v = X(rs1);
        NEED_RM();
        switch (rs2) {
        case 0:
            r = dbl ? i32_to_f64((int32_t)v, rm, &flags) : i32_to_f32((int32_t)v, rm, &flags);
            break;
        case 1:
            r = dbl ? u32_to_f64((uint32_t)v, rm, &flags) : u32_to_f32((uint32_t)v, rm, &flags);
            break;
#if XLEN == 64
        case 2:
            r = dbl ? i64_to_f64((int64_t)v, rm, &flags) : i64_to_f32((int64_t)v, rm, &flags);
            break;
        case 3:
            r = dbl ? u64_to_f64(v, rm, &flags) : u64_to_f32(v, rm, &flags);
            break;
#endif
        default:
            return RV_FP_ILLEGAL;
        }
        goto fp_result;
    }
    case 0x1c: /* fmv.x.w, fmv.x.d (RV64), fclass */
        if (rs2 != 0 || (f3 == 0 && dbl && XLEN == 32))
            return RV_FP_ILLEGAL;
        if (f3 == 0) /* the raw low bits, boxed or not */
            x[rd] = dbl ? (ureg)f[rs1] : (ureg)(sreg)(int32_t)(uint32_t)f[rs1];
        else if (f3 == 1)
            x[rd] = dbl ? f64_classify(a) : f32_classify((uint32_t)a);
        else
            return RV_FP_ILLEGAL;
        return RV_FP_OK;
    case 0x1e: /* fmv.w.x, fmv.d.x (RV64) */
        if (rs2 != 0 || f3 != 0 || (dbl && XLEN == 32))
            return RV_FP_ILLEGAL;
        r = dbl ? (uint64_t)X(rs1) : (uint32_t)X(rs1);
        goto fp_result;
    default:
        return RV_FP_ILLEGAL;
    }
#undef NEED_RM

fp_result:
    f[rd] = dbl ? r : rv_box((uint32_t)r);
    cpu->mstatus |= MSTATUS_FS; /* FP state changed: Dirty */
    cpu->fflags |= (uint8_t)flags;
    return RV_FP_OK;
int_result:
    if (flags) {
        cpu->fflags |= (uint8_t)flags;
        cpu->mstatus |= MSTATUS_FS;
    }
    return RV_FP_OK;
}
