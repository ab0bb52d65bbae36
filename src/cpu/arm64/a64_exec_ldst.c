/*
 * The A64 "Loads and Stores" group (Arm ARM C4.1.88 onwards, op0 x1x0),
 * except the SIMD&FP structure forms (a64_exec_simd_ldst.c): single
 * registers (general and SIMD&FP) in every addressing mode, pairs and
 * literal loads. The exclusives, load-acquire/store-release and the LSE
 * atomics are in a64_exec_atomic.c.
 *
 * CONSTRAINED UNPREDICTABLE choices (Arm ARM K1.2, the per-instruction
 * notes of LDR/STR/LDP/STP):
 *  - a load with writeback whose base is also a destination (Rn == Rt or
 *    Rn == Rt2, Rn != SP): Constraint_WBSUPPRESS, the register gets the
 *    loaded value and the base is not written back;
 *  - a store with writeback whose base is also a source: Constraint_NONE,
 *    the value stored is the register's value before the writeback;
 *  - LDP with Rt == Rt2: Constraint_UNKNOWN, the register ends up with
 *    the second (higher-addressed) value.
 */
#include "cpu/arm64/a64_cpu.h"

/*
 * What one single-register access does, decoded from size:V:opc (Arm ARM
 * C4.1.88, "Load/store register" encodings share this table).
 */
typedef struct ldst_op {
    unsigned scale;  /* log2 of the access size in bytes (0..4) */
    bool load;
    bool simd;       /* a SIMD&FP register: B/H/S/D/Q */
    bool prefetch;   /* PRFM/PRFUM: no access at all */
    bool sign;       /* sign-extend the loaded value */
    bool to_w;       /* the destination is a W register */
} ldst_op;

/* false: an unallocated combination. The prefetch slot (size 11, opc 10)
 * is decoded as such; forms without PRFM reject it themselves. */
static bool decode_op(uint32_t insn, ldst_op *op)
{
    unsigned size = a64_bits(insn, 31, 30), opc = a64_bits(insn, 23, 22);
    *op = (ldst_op){0};
    if (insn & (1u << 26)) {
        op->simd = true;
        op->load = opc & 1;
        if (!(opc & 2)) {
            op->scale = size;
            return true;
        }
        op->scale = 4; /* Q: size 00, opc 1x */
        return size == 0;
    }
    op->scale = size;
    switch (opc) {
    case 0: /* STR/STRB/STRH */
        return true;
    case 1: /* LDR/LDRB/LDRH, zero-extending */
        op->load = true;
        return true;
    case 2: /* LDRSB/LDRSH/LDRSW to X, or PRFM */
        if (size == 3) {
            op->prefetch = true;
            return true;
        }
        op->load = op->sign = true;
        return true;
    default: /* LDRSB/LDRSH to W */
        op->load = op->sign = op->to_w = true;
        return size < 2;
    }
}

/* The value of a general-register load of 2^scale bytes, as the register
 * receives it. */
static inline uint64_t gpr_value(const ldst_op *op, uint64_t raw)
{
    if (op->sign && op->scale < 3)
        raw = (uint64_t)a64_sext(raw, 8u << op->scale);
    return op->to_w ? (uint32_t)raw : raw;
}

/* Perform the access at va; A64_OK or A64_EXC (nothing written to
 * registers or memory then). */
static int access_one(a64_cpu *cpu, const ldst_op *op, unsigned t,
                      uint64_t va)
{
    unsigned bytes = 1u << op->scale;
    if (op->prefetch)
        return A64_OK; /* a hint: never faults (Arm ARM C6.2, "PRFM") */
    if (op->simd) {
        if (op->load) {
            /* writing B/H/S/D zeroes the rest of the V register (Arm ARM
             * "V[] (assignment)") */
            a64_vreg tmp = {0};
            if (!a64_load(cpu, va, bytes, tmp.b))
                return A64_EXC;
            cpu->v[t] = tmp;
            return A64_OK;
        }
        if (!a64_store(cpu, va, bytes, cpu->v[t].b))
            return A64_EXC;
        a64_excl_store(cpu, va, bytes);
        return A64_OK;
    }
    if (op->load) {
        uint64_t raw = 0;
        if (!a64_load(cpu, va, bytes, &raw))
            return A64_EXC;
        a64_set_x(cpu, t, gpr_value(op, raw));
        return A64_OK;
    }
    uint64_t v = a64_x(cpu, t);
    if (!a64_store(cpu, va, bytes, &v))
        return A64_EXC;
    a64_excl_store(cpu, va, bytes);
    return A64_OK;
}

/* Access, then write the base back unless a load overwrote it (the
 * WBSUPPRESS choice above). */
static int access_wb(a64_cpu *cpu, const ldst_op *op, unsigned t,
                     unsigned n, uint64_t va, uint64_t wb)
{
    int r = access_one(cpu, op, t, va);
    if (r != A64_OK)
        return r;
    if (!(op->load && !op->simd && n == t && n != 31))
        a64_set_xsp(cpu, n, wb);
    return A64_OK;
}

/* Load/store register (unsigned immediate): imm12 scaled by the size. */
static int exec_uimm(a64_cpu *cpu, uint32_t insn)
{
    ldst_op op;
    if (!decode_op(insn, &op))
        return A64_UNDEF;
    unsigned n = a64_bits(insn, 9, 5), t = a64_bits(insn, 4, 0);
    uint64_t off = (uint64_t)a64_bits(insn, 21, 10) << op.scale, base;
    if (!a64_base(cpu, n, &base))
        return A64_EXC;
    return access_one(cpu, &op, t, base + off);
}

/* Load/store register with a 9-bit signed byte offset: unscaled (LDUR,
 * PRFUM), post-index, unprivileged (LDTR: EL0 accesses behave as normal
 * ones, Arm ARM C6.2 "LDTR") and pre-index, by bits 11:10. */
static int exec_imm9(a64_cpu *cpu, uint32_t insn)
{
    ldst_op op;
    unsigned mode = a64_bits(insn, 11, 10);
    if (!decode_op(insn, &op))
        return A64_UNDEF;
    if (op.prefetch && mode != 0)
        return A64_UNDEF; /* only PRFUM exists */
    if (op.simd && mode == 2)
        return A64_UNDEF; /* no unprivileged SIMD&FP forms */
    unsigned n = a64_bits(insn, 9, 5), t = a64_bits(insn, 4, 0);
    uint64_t base;
    if (!a64_base(cpu, n, &base))
        return A64_EXC;
    uint64_t off = (uint64_t)a64_sext(a64_bits(insn, 20, 12), 9);
    switch (mode) {
    case 1: /* post-index */
        return access_wb(cpu, &op, t, n, base, base + off);
    case 3: /* pre-index */
        return access_wb(cpu, &op, t, n, base + off, base + off);
    default: /* unscaled, unprivileged */
        return access_one(cpu, &op, t, base + off);
    }
}

/* Load/store register (register offset): Rm extended by option, scaled by
 * the access size when S is set (Arm ARM "ExtendReg"). */
static int exec_regoff(a64_cpu *cpu, uint32_t insn)
{
    ldst_op op;
    unsigned option = a64_bits(insn, 15, 13);
    if (!decode_op(insn, &op) || !(option & 2))
        return A64_UNDEF; /* option<1> == 0 is unallocated */
    unsigned m = a64_bits(insn, 20, 16), n = a64_bits(insn, 9, 5),
             t = a64_bits(insn, 4, 0);
    uint64_t rm = a64_x(cpu, m);
    switch (option) {
    case 2: rm = (uint32_t)rm; break;                    /* UXTW */
    case 6: rm = (uint64_t)(int64_t)(int32_t)rm; break; /* SXTW */
    default: break;                                      /* LSL/SXTX */
    }
    if (insn & (1u << 12))
        rm <<= op.scale;
    uint64_t base;
    if (!a64_base(cpu, n, &base))
        return A64_EXC;
    return access_one(cpu, &op, t, base + rm);
}

/* Load register (literal): PC-relative, imm19 words (Arm ARM C4.1.88
 * "Load register (literal)"). */
static int exec_literal(a64_cpu *cpu, uint32_t insn)
{
    unsigned opc = a64_bits(insn, 31, 30), t = a64_bits(insn, 4, 0);
    uint64_t va = cpu->pc - 4 +
                  ((uint64_t)a64_sext(a64_bits(insn, 23, 5), 19) << 2);
    ldst_op op = {.load = true};
    if (insn & (1u << 26)) {
        if (opc == 3)
            return A64_UNDEF;
        op.simd = true;
        op.scale = 2 + opc; /* S, D, Q */
    } else if (opc == 3) {
        return A64_OK; /* PRFM (literal): a hint */
    } else {
        op.scale = opc == 1 ? 3 : 2;
        op.sign = opc == 2; /* LDRSW */
        op.to_w = opc == 0;
    }
    return access_one(cpu, &op, t, va);
}

/* Load/store pair: no-allocate (LDNP/STNP), post-index, signed offset,
 * pre-index, by bits 24:23 (Arm ARM C4.1.88 "Load/store register pair").
 * Both elements are loaded before any register changes, and a store of up
 * to 16 bytes goes out as one access, so a fault leaves things as they
 * were. */
static int exec_pair(a64_cpu *cpu, uint32_t insn)
{
    unsigned opc = a64_bits(insn, 31, 30), mode = a64_bits(insn, 24, 23);
    bool simd = insn & (1u << 26), load = insn & (1u << 22);
    unsigned t2 = a64_bits(insn, 14, 10), n = a64_bits(insn, 9, 5),
             t = a64_bits(insn, 4, 0);
    unsigned scale;
    bool sign = false;
    if (opc == 3)
        return A64_UNDEF;
    if (simd) {
        scale = 2 + opc; /* S, D, Q */
    } else {
        if (opc == 1) {
            /* LDPSW; STGP (MTE) and a no-allocate LDPSW do not exist */
            if (!load || mode == 0)
                return A64_UNDEF;
            sign = true;
        }
        scale = opc & 2 ? 3 : 2;
    }
    unsigned bytes = 1u << scale;
    uint64_t base;
    if (!a64_base(cpu, n, &base))
        return A64_EXC;
    uint64_t off = (uint64_t)a64_sext(a64_bits(insn, 21, 15), 7) << scale;
    uint64_t va = mode == 1 ? base : base + off;
    bool wback = mode == 1 || mode == 3;
    uint8_t buf[32];

    if (load) {
        if (bytes == 16) {
            if (!a64_load(cpu, va, 16, buf) ||
                !a64_load(cpu, va + 16, 16, buf + 16))
                return A64_EXC;
        } else if (!a64_load(cpu, va, 2 * bytes, buf)) {
            return A64_EXC;
        }
        if (simd) {
            a64_vreg a = {0}, b = {0};
            memcpy(a.b, buf, bytes);
            memcpy(b.b, buf + bytes, bytes);
            cpu->v[t] = a;
            cpu->v[t2] = b;
        } else {
            uint64_t a = 0, b = 0;
            memcpy(&a, buf, bytes);
            memcpy(&b, buf + bytes, bytes);
            if (sign) {
                a = (uint64_t)(int64_t)(int32_t)(uint32_t)a;
                b = (uint64_t)(int64_t)(int32_t)(uint32_t)b;
            }
            a64_set_x(cpu, t, a);
            a64_set_x(cpu, t2, b);
            if (n != 31 && (n == t || n == t2))
                wback = false; /* WBSUPPRESS */
        }
    } else {
        if (simd) {
            memcpy(buf, cpu->v[t].b, bytes);
            memcpy(buf + bytes, cpu->v[t2].b, bytes);
        } else {
            uint64_t a = a64_x(cpu, t), b = a64_x(cpu, t2);
            memcpy(buf, &a, bytes);
            memcpy(buf + bytes, &b, bytes);
        }
        if (bytes == 16) {
            /* two accesses: probe the last byte's page first so that a
             * fault there leaves memory unwritten */
            if (!a64_host_ptr(cpu, va + 31, 1, true) ||
                !a64_store(cpu, va, 16, buf) ||
                !a64_store(cpu, va + 16, 16, buf + 16))
                return A64_EXC;
        } else if (!a64_store(cpu, va, 2 * bytes, buf)) {
            return A64_EXC;
        }
        a64_excl_store(cpu, va, 2 * bytes);
    }
    if (wback)
        a64_set_xsp(cpu, n, base + off);
    return A64_OK;
}

int a64_exec_ldst(a64_cpu *cpu, uint32_t insn)
{
    bool simd = insn & (1u << 26), b24 = insn & (1u << 24);
    if (simd && !(cpu->hwcap & A64_HWCAP_FP))
        return A64_UNDEF; /* SIMD&FP registers need the FP feature */
    switch (a64_bits(insn, 29, 28)) {
    case 0:
        /* exclusives, ordered, compare and swap; the SIMD structure forms
         * went to a64_exec_simd_ldst(), what else has bit 26 or bit 24 set
         * is unallocated in Armv8.0 */
        if (simd || b24)
            return A64_UNDEF;
        return a64_exec_excl(cpu, insn);
    case 1:
        /* bit 24 set: LDAPUR/STLUR (v8.4), memory copy/set (v8.8) */
        return b24 ? A64_UNDEF : exec_literal(cpu, insn);
    case 2:
        return exec_pair(cpu, insn);
    default:
        if (b24)
            return exec_uimm(cpu, insn);
        if (!(insn & (1u << 21)))
            return exec_imm9(cpu, insn);
        switch (a64_bits(insn, 11, 10)) {
        case 0:
            return simd ? A64_UNDEF : a64_exec_lse(cpu, insn);
        case 2:
            return exec_regoff(cpu, insn);
        default: /* LDRAA/LDRAB (v8.3 pointer authentication) */
            return A64_UNDEF;
        }
    }
}
