/*
 * Zba, Zbb, Zbs, Zbc and Zicond: the instructions that share the OP, OP-IMM,
 * OP-32 and OP-IMM-32 opcodes with the base ISA. Part of the interpreter
 * template (included from rv_exec_tmpl.h once per XLEN).
 *
 * Encodings and semantics: RISC-V Bit-Manipulation ISA-extensions 1.0.0
 * (chapter 2, one section per instruction) and Zicond 1.0. One function per
 * extension decodes only that extension's encodings; anything else in the
 * space the base ISA leaves free stays illegal (e.g. pack and packw, which
 * belong to Zbkb: only their rs2 = x0 forms are zext.h).
 */

#ifndef RV_BITMANIP_ONCE
#define RV_BITMANIP_ONCE
/* Leading / trailing zeros of v taken as a width-bit value (v < 2^width);
 * width for v = 0, where the builtins are undefined. */
static inline unsigned rv_clz(uint64_t v, unsigned width)
{
    return v ? (unsigned)__builtin_clzll(v) - (64 - width) : width;
}
static inline unsigned rv_ctz(uint64_t v, unsigned width)
{
    return v ? (unsigned)__builtin_ctzll(v) : width;
}
/* orc.b: each byte becomes 0xff if any of its bits is set, else 0x00. */
static inline uint64_t rv_orc_b(uint64_t v)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < 64; i += 8)
        if ((v >> i) & 0xff) r |= (uint64_t)0xff << i;
    return r;
}
static inline uint32_t rv_ror32(uint32_t v, unsigned s)
{
    s &= 31;
    return v >> s | v << ((32 - s) & 31);
}
#endif

/* The decode key of an instruction: major opcode, funct7 and funct3. */
#define K(op, f7, f3) ((op) << 10 | (f7) << 3 | (f3))
#define OP 0x33
#define OP_IMM 0x13
#define OP_32 0x3b
#define OP_IMM_32 0x1b

/* Rotate right by s mod XLEN; (XLEN - s) is masked so that s = 0 never
 * shifts by XLEN. Rotating left by s is rotating right by -s. */
static inline ureg FN(ror)(ureg v, unsigned s)
{
    s &= XLEN - 1;
    return (ureg)(v >> s | v << ((XLEN - s) & (XLEN - 1)));
}

/* Zbc: the carry-less product of a and b is 2*XLEN-1 bits wide; clmul
 * (f3 1) returns bits XLEN-1..0, clmulr (f3 2) bits 2*XLEN-2..XLEN-1 and
 * clmulh (f3 3) bits 2*XLEN-1..XLEN, which is clmulr >> 1. */
static inline ureg FN(clmul)(ureg a, ureg b, unsigned f3)
{
    ureg lo = 0, rev = 0;
    for (unsigned i = 0; i < XLEN; i++) {
        if ((b >> i) & 1) {
            lo ^= (ureg)(a << i);
            rev ^= a >> (XLEN - 1 - i);
        }
    }
    return f3 == 1 ? lo : f3 == 2 ? rev : rev >> 1;
}

/* Zba: address generation. The .uw forms take rs1's low word unsigned. */
static inline bool FN(zba)(unsigned key, uint32_t insn, ureg a, ureg b,
                           ureg *res)
{
    unsigned n = (key & 7) >> 1; /* shNadd: funct3 2, 4, 6 */
    ureg r;
    switch (key) {
    case K(OP, 0x10, 2):
    case K(OP, 0x10, 4):
    case K(OP, 0x10, 6): r = (ureg)(b + (ureg)(a << n)); break;
#if XLEN == 64
    case K(OP_32, 0x04, 0): r = b + (uint32_t)a; break; /* add.uw */
    case K(OP_32, 0x10, 2):
    case K(OP_32, 0x10, 4):
    case K(OP_32, 0x10, 6): r = b + ((uint64_t)(uint32_t)a << n); break;
    case K(OP_IMM_32, 0x04, 1): /* slli.uw: bit 25 is shamt[5] */
    case K(OP_IMM_32, 0x05, 1):
        r = (uint64_t)(uint32_t)a << ((insn >> 20) & 63);
        break;
#endif
    default: return false;
    }
    *res = r;
    return true;
}

/* Zbb: basic bit manipulation. */
static inline bool FN(zbb)(unsigned key, uint32_t insn, ureg a, ureg b,
                           ureg *res)
{
    unsigned imm = insn >> 20, rs2 = imm & 31;
    ureg r;
    switch (key) {
    case K(OP, 0x20, 7): r = a & ~b; break;                    /* andn */
    case K(OP, 0x20, 6): r = a | ~b; break;                    /* orn */
    case K(OP, 0x20, 4): r = ~(a ^ b); break;                  /* xnor */
    case K(OP, 0x05, 4): r = (sreg)a < (sreg)b ? a : b; break; /* min */
    case K(OP, 0x05, 5): r = a < b ? a : b; break;             /* minu */
    case K(OP, 0x05, 6): r = (sreg)a > (sreg)b ? a : b; break; /* max */
    case K(OP, 0x05, 7): r = a > b ? a : b; break;             /* maxu */
    case K(OP, 0x30, 1): r = FN(ror)(a, -(unsigned)b); break;  /* rol */
    case K(OP, 0x30, 5): r = FN(ror)(a, (unsigned)b); break;   /* ror */
    case K(OP_IMM, 0x30, 5): r = FN(ror)(a, imm); break;       /* rori */
    case K(OP_IMM, 0x30, 1): /* the unary ops, told apart by rs2 */
        switch (imm) {
        case 0x600: r = rv_clz(a, XLEN); break;
        case 0x601: r = rv_ctz(a, XLEN); break;
        case 0x602: r = (ureg)__builtin_popcountll(a); break;
        case 0x604: r = (ureg)(sreg)(int8_t)a; break;  /* sext.b */
        case 0x605: r = (ureg)(sreg)(int16_t)a; break; /* sext.h */
        default: return false;
        }
        break;
    case K(OP_IMM, 0x14, 5): /* orc.b */
        if (imm != 0x287) return false;
        r = (ureg)rv_orc_b(a);
        break;
    case K(OP_IMM, 0x34, 5): /* rev8: its encoding differs by XLEN */
        if (imm != (XLEN == 64 ? 0x6b8u : 0x698u)) return false;
        r = XLEN == 64 ? (ureg)__builtin_bswap64(a)
                       : (ureg)__builtin_bswap32((uint32_t)a);
        break;
#if XLEN == 32
    case K(OP, 0x04, 4): /* zext.h is pack rd, rs1, x0 on RV32 */
        if (rs2 != 0) return false;
        r = (uint16_t)a;
        break;
#else
    case K(OP_32, 0x04, 4): /* and packw rd, rs1, x0 on RV64 */
        if (rs2 != 0) return false;
        r = (uint16_t)a;
        break;
    case K(OP_32, 0x30, 1): /* rolw */
        r = SEXT32(rv_ror32((uint32_t)a, -(unsigned)b));
        break;
    case K(OP_32, 0x30, 5): /* rorw */
        r = SEXT32(rv_ror32((uint32_t)a, (unsigned)b));
        break;
    case K(OP_IMM_32, 0x30, 5): /* roriw: funct7 0x30, so shamt < 32 */
        r = SEXT32(rv_ror32((uint32_t)a, rs2));
        break;
    case K(OP_IMM_32, 0x30, 1): /* clzw, ctzw, cpopw */
        switch (imm) {
        case 0x600: r = rv_clz((uint32_t)a, 32); break;
        case 0x601: r = rv_ctz((uint32_t)a, 32); break;
        case 0x602: r = (ureg)__builtin_popcount((uint32_t)a); break;
        default: return false;
        }
        break;
#endif
    default: return false;
    }
    *res = r;
    return true;
}

/* Zbs: single-bit instructions; the bit index is rs2 or the immediate,
 * modulo XLEN. */
static inline bool FN(zbs)(unsigned key, uint32_t insn, ureg a, ureg b,
                           ureg *res)
{
    unsigned i = ((key >> 10) == OP ? (unsigned)b : insn >> 20) & (XLEN - 1);
    ureg bit = (ureg)1 << i, r;
    switch (key) {
    case K(OP, 0x14, 1):
    case K(OP_IMM, 0x14, 1): r = a | bit; break; /* bset, bseti */
    case K(OP, 0x24, 1):
    case K(OP_IMM, 0x24, 1): r = a & ~bit; break; /* bclr, bclri */
    case K(OP, 0x34, 1):
    case K(OP_IMM, 0x34, 1): r = a ^ bit; break; /* binv, binvi */
    case K(OP, 0x24, 5):
    case K(OP_IMM, 0x24, 5): r = (a >> i) & 1; break; /* bext, bexti */
    default: return false;
    }
    *res = r;
    return true;
}

/* Zbc: clmul (funct3 1), clmulr (2), clmulh (3). */
static inline bool FN(zbc)(unsigned key, ureg a, ureg b, ureg *res)
{
    if (key < K(OP, 0x05, 1) || key > K(OP, 0x05, 3)) return false;
    *res = FN(clmul)(a, b, key & 7);
    return true;
}

/* Zicond: czero.eqz (funct3 5) and czero.nez (7) give 0 when rs2 is zero
 * (eqz) or non-zero (nez), else rs1. */
static inline bool FN(zicond)(unsigned key, ureg a, ureg b, ureg *res)
{
    if (key != K(OP, 0x07, 5) && key != K(OP, 0x07, 7)) return false;
    *res = (b == 0) == (key == K(OP, 0x07, 5)) ? 0 : a;
    return true;
}

/* Execute insn if it is one of these instructions and its extension is
 * enabled: a and b are the values of rs1 and rs2, the result goes to *res.
 * Returns false otherwise (the caller raises illegal-instruction). */
static inline bool FN(bitmanip)(const rv_cpu *cpu, uint32_t insn, ureg a,
                                ureg b, ureg *res)
{
    unsigned op = insn & 0x7f, f7 = insn >> 25;
    /* RV64 OP-IMM shifts have a 6-bit shamt whose top bit is bit 25: drop
     * it from the key. On RV32 it stays, so that a shift amount >= 32
     * matches no case (shamt[5] = 1 is reserved there). */
    if (XLEN == 64 && op == OP_IMM) f7 &= ~1u;
    unsigned key = K(op, f7, (insn >> 12) & 7);
    return (cpu->has_zba && FN(zba)(key, insn, a, b, res)) ||
           (cpu->has_zbb && FN(zbb)(key, insn, a, b, res)) ||
           (cpu->has_zbs && FN(zbs)(key, insn, a, b, res)) ||
           (cpu->has_zbc && FN(zbc)(key, a, b, res)) ||
           (cpu->has_zicond && FN(zicond)(key, a, b, res));
}

#undef K
#undef OP
#undef OP_IMM
#undef OP_32
#undef OP_IMM_32
