/*
 * The A64 interpreter's fast loop: instructions run from their decoded
 * slots (a64_dcache.h), stepping through a page's slot array without a
 * fetch TLB lookup per instruction; the TLB is consulted only when
 * execution enters a page (a branch out of it, running off its end, a
 * trap).
 *
 * The hot instructions of compiled integer code have operations of their
 * own, decoded once; everything else is A64_OP_GENERIC, which hands the
 * raw word to the executors (a64_execute()) exactly as the plain loop
 * does. A fast operation handles only its common case (a TLB hit inside
 * one page, an aligned SP base...): anything else goes to the generic
 * path for that instruction before any state has changed, so faults,
 * ESR/FAR and the CONSTRAINED UNPREDICTABLE choices stay the executors'.
 */
#include "cpu/arm64/a64_dcache.h"
#include "cpu/arm64/a64_dp.h"

/* Dispatch in the shape of the RISC-V interpreter's (rv_exec_tmpl.h): the
 * handlers are the cases of one switch, which GCC and Clang compile to
 * computed goto unless meson -Ddispatch=switch asks for the switch. */
#if defined(__GNUC__) && !defined(RV_FORCE_SWITCH)
#define A64_DISPATCH_GOTO 1
#else
#define A64_DISPATCH_GOTO 0
#endif

/* The loads and stores have one operation per addressing mode: unsigned
 * or unscaled offset, pre-index, post-index, register offset. */
#define A64_LDST_MODES(K, X) X(K##_OFF) X(K##_PRE) X(K##_POST) X(K##_REG)
#define A64_PAIR_MODES(K, X) X(K##_OFF) X(K##_PRE) X(K##_POST)

/* DECODE and LOOKUP first, as a64_dcache.h numbers them. */
#define A64_OPS(X)                                                             \
    X(DECODE) X(LOOKUP) X(GENERIC) X(NOP) X(STOP)                              \
    X(ADD_IMM) X(ADD_IMM_W) X(ADDS_IMM) X(ADDS_IMM_W)                                                     \
    X(AND_IMM) X(AND_IMM_W) X(ORR_IMM) X(ORR_IMM_W) X(EOR_IMM) X(EOR_IMM_W) X(ANDS_IMM) X(ANDS_IMM_W)                               \
    X(MOVI) X(MOVK) X(MOVK_W) X(ADR) X(ADRP) X(BFM) X(BFM_W) X(BFX) X(BFX_W)                                      \
    X(ADD_REG) X(ADD_REG_W) X(SUB_REG) X(SUB_REG_W) X(ADDS_REG) X(ADDS_REG_W) X(SUBS_REG) X(SUBS_REG_W)                              \
    X(AND_REG) X(AND_REG_W) X(ORR_REG) X(ORR_REG_W) X(EOR_REG) X(EOR_REG_W) X(ANDS_REG) X(ANDS_REG_W) X(MOV_REG) X(MOV_REG_W)                    \
    X(CSEL) X(CSEL_W) X(CCMP) X(CCMP_W) X(MADD) X(MADD_W) X(MULH) X(SHIFTV) X(SHIFTV_W) X(UDIV) X(SDIV) X(EXTR) X(EXTR_W)                  \
    X(ADD_EXT) X(ADD_EXT_W) X(ADDS_EXT) X(ADDS_EXT_W)                                                     \
    X(B) X(BL) X(BCOND) X(CBZ) X(CBZ_W) X(CBNZ) X(CBNZ_W) X(TBZ) X(TBNZ) X(BR) X(BLR)             \
    X(B_N) A64_BCOND_N(X) X(CBZ_N) X(CBZ_N_W) X(CBNZ_N) X(CBNZ_N_W) X(TBZ_N) X(TBNZ_N) \
    A64_LDST_MODES(LDX, X) A64_LDST_MODES(LDW, X) A64_LDST_MODES(LDH, X)       \
    A64_LDST_MODES(LDB, X) A64_LDST_MODES(LDSW, X) A64_LDST_MODES(LDSH, X)     \
    A64_LDST_MODES(LDSB, X) A64_LDST_MODES(LDSHW, X)                           \
    A64_LDST_MODES(LDSBW, X)                                                   \
    A64_LDST_MODES(STX, X) A64_LDST_MODES(STW, X) A64_LDST_MODES(STH, X)       \
    A64_LDST_MODES(STB, X)                                                     \
    A64_PAIR_MODES(LDPX, X) A64_PAIR_MODES(LDPW, X)                            \
    A64_PAIR_MODES(STPX, X) A64_PAIR_MODES(STPW, X)                            \
    A64_FUSED(X) A64_CONSUMERS(X) A64_FUSED_CONSUMERS(X)

/* B.cond within the page, one operation per condition (after the lazy
 * flags of a compare they are one comparison) */
#define A64_BCOND_N(X)                                                         \
    X(BCOND_N_EQ) X(BCOND_N_NE) X(BCOND_N_CS) X(BCOND_N_CC) X(BCOND_N_MI)      \
    X(BCOND_N_PL) X(BCOND_N_VS) X(BCOND_N_VC) X(BCOND_N_HI) X(BCOND_N_LS)      \
    X(BCOND_N_GE) X(BCOND_N_LT) X(BCOND_N_GT) X(BCOND_N_LE) X(BCOND_N_AL)      \
    X(BCOND_N_NV)

/* A compare (SUBS, CMP) fused with the B.cond in the page that follows it
 * (see fuse()): CMPI from ADDS_IMM (subtracting), CMPR from SUBS_REG; the
 * consumer forms after the consumers (a fused pair produces nothing for
 * the slot after it, which follows the branch) */
#define A64_FUSED(X)                                                           \
    X(CMPI_BC) X(CMPI_BC_W) X(CMPR_BC) X(CMPR_BC_W) X(ADR_BR) X(LDH_ADR_BR) \
    X(BFX_ADD) X(BFX_ADD_W) X(LDW_CMPI_BC) X(LDW_CMPR_BC) X(MADD_CMPR_BC)      \
    X(ADDI_B) X(ADDI_CMPI_BC) X(ADDI_CMPR_BC) X(ADDI_LDW_CMPI)
#define A64_FUSED_CONSUMERS(X)                                                 \
    X(CMPI_A_BC) X(CMPI_A_BC_W) X(CMPR_A_BC) X(CMPR_A_BC_W) X(CMPR_M_BC)       \
    X(CMPR_M_BC_W) X(EOR_EOR) X(EOR_MADD)

/* The consumers of the forwarded operand (see forward()), last: the
 * operand named by fwd comes from acc. _A: Rn (a load's or store's base);
 * _M: Rm (a register offset); _V: Rt, a store's value or a CBZ/TBZ
 * operand. */
#define A64_CONSUMERS(X)                                                       \
    X(ADD_IMM_A) X(ADD_IMM_A_W) X(ADDS_IMM_A) X(ADDS_IMM_A_W)                  \
    X(AND_IMM_A) X(AND_IMM_A_W) X(BFM_A) X(BFM_A_W) X(BFX_A) X(BFX_A_W)        \
    X(ADD_REG_A) X(ADD_REG_A_W) X(ADD_REG_M) X(ADD_REG_M_W)                    \
    X(SUB_REG_A) X(SUB_REG_A_W) X(SUBS_REG_A) X(SUBS_REG_A_W)                  \
    X(SUBS_REG_M) X(SUBS_REG_M_W) X(EOR_REG_A) X(EOR_REG_A_W)                  \
    X(MOV_REG_A) X(MOV_REG_A_W)                                                \
    X(CBZ_N_V) X(CBZ_N_V_W) X(CBNZ_N_V) X(CBNZ_N_V_W) X(TBZ_N_V) X(TBNZ_N_V)  \
    X(BR_A)                                                                    \
    X(LDX_OFF_A) X(LDW_OFF_A) X(LDH_OFF_A) X(LDB_OFF_A) X(LDSW_OFF_A)          \
    X(LDX_REG_A) X(LDW_REG_A) X(LDB_REG_A) X(LDSW_REG_A)                       \
    X(LDX_REG_M) X(LDW_REG_M) X(LDB_REG_M) X(LDSW_REG_M)                       \
    X(STX_OFF_V) X(STW_OFF_V) X(STB_OFF_V) X(STX_OFF_A) X(STW_OFF_A)

enum {
#define A64_OP_ENUM(name) OP_##name,
    A64_OPS(A64_OP_ENUM)
#undef A64_OP_ENUM
    OP_COUNT
};
_Static_assert(OP_DECODE == A64_OP_DECODE && OP_LOOKUP == A64_OP_LOOKUP,
               "the cache's own operations keep their numbers");
_Static_assert(OP_COUNT <= 256, "operations fit a byte");
_Static_assert(sizeof(a64_dinsn) == 32, "PC_OF() shifts by the slot size");

/* ---- decoding ---- */

/* The kinds of single-register access by size:opc (Arm ARM C4.1.88,
 * "Load/store register"), as the first of their four operations; -1 for
 * what the fast path leaves to the executor (PRFM, unallocated). */
static int ldst_kind(unsigned size, unsigned opc)
{
    static const int kind[4][4] = {
        /* opc: STR, LDR, LDRS to X, LDRS to W */
        {OP_STB_OFF, OP_LDB_OFF, OP_LDSB_OFF, OP_LDSBW_OFF},
        {OP_STH_OFF, OP_LDH_OFF, OP_LDSH_OFF, OP_LDSHW_OFF},
        {OP_STW_OFF, OP_LDW_OFF, OP_LDSW_OFF, -1},
        {OP_STX_OFF, OP_LDX_OFF, -1, -1},
    };
    return kind[size][opc];
}

/*
 * The second operand of the shifted- and extended-register forms, a load's
 * or store's register offset, and the result of SBFM and UBFM are all a
 * field of one register moved by two shifts: left by l, then right by r,
 * arithmetic for a signed field (Arm ARM J1, ShiftReg, ExtendReg, and
 * SBFM/UBFM). The decoder works them out once, into a (l), b (r) and imm2
 * (the mask that makes the right shift logical), and the handlers compute
 * OP2(): no shift type, extension or bitfield case is looked at again.
 */
static void shift2(a64_dinsn *d, unsigned l, unsigned r, bool sign)
{
    d->a = (uint8_t)l;
    d->b = (uint8_t)r;
    d->imm2 = sign ? ~0ull : ~0ull >> r;
}

/* a register extended by option (UXTB..SXTX), then shifted left by sh
 * (0 to 4) */
static void extend2(a64_dinsn *d, unsigned option, unsigned sh)
{
    unsigned len = 8u << (option & 3);
    if (len == 64)
        shift2(d, sh, 0, false);
    else
        shift2(d, 64 - len, 64 - len - sh, option & 4);
}

/* a register shifted by amount (LSL, LSR, ASR): false for ROR and for an
 * amount of 32 or more in a W operation, left to the executor. The bits
 * above a W operation's 32 are cut from its result. */
static bool shifted2(a64_dinsn *d, unsigned type, unsigned amount, bool sf)
{
    unsigned top = sf ? 0 : 32; /* a W operand's bit 31 to bit 63 */
    if (amount >= 64 - top)
        return false;
    switch (type) {
    case A64_SH_LSL: shift2(d, amount, 0, false); return true;
    case A64_SH_LSR: shift2(d, top, top + amount, false); return true;
    case A64_SH_ASR: shift2(d, top, top + amount, true); return true;
    default: return false;
    }
}

/* Loads and stores of general registers (bit 26 clear). */
static void decode_ldst(uint32_t insn, a64_dinsn *d)
{
    unsigned size = a64_bits(insn, 31, 30), opc = a64_bits(insn, 23, 22);
    unsigned rn = a64_bits(insn, 9, 5), rt = insn & 31;
    if ((insn & 0x3c000000) == 0x28000000) { /* pairs, GPR */
        unsigned mode = a64_bits(insn, 24, 23);
        bool load = insn & (1u << 22);
        unsigned scale = size == 2 ? 3 : 2;
        if (size & 1)
            return; /* LDPSW, STGP, unallocated */
        unsigned t2 = a64_bits(insn, 14, 10);
        bool wb = mode == 1 || mode == 3;
        if (load && wb && rn != 31 && (rn == rt || rn == t2))
            return; /* WBSUPPRESS: the executor's choice */
        int base = load ? (scale == 3 ? OP_LDPX_OFF : OP_LDPW_OFF)
                        : (scale == 3 ? OP_STPX_OFF : OP_STPW_OFF);
        d->op = (uint8_t)(base + (mode == 3 ? 1 : mode == 1 ? 2 : 0));
        d->imm = (uint64_t)a64_sext(a64_bits(insn, 21, 15), 7) << scale;
        d->rd = (uint8_t)rt;
        d->ra = (uint8_t)t2;
        d->rn = (uint8_t)rn;
        return;
    }
    int kind = ldst_kind(size, opc);
    if (kind < 0)
        return;
    bool load = opc != 0;
    unsigned mode; /* 0 offset, 1 pre, 2 post, 3 register */
    if ((insn & 0x3f000000) == 0x39000000) {
        mode = 0;
        d->imm = (uint64_t)a64_bits(insn, 21, 10) << size;
    } else if ((insn & 0x3f200000) == 0x38000000) {
        switch (a64_bits(insn, 11, 10)) {
        case 0: mode = 0; break;
        case 1: mode = 2; break;
        case 3: mode = 1; break;
        default: return; /* LDTR and friends */
        }
        d->imm = (uint64_t)a64_sext(a64_bits(insn, 20, 12), 9);
    } else if ((insn & 0x3f200c00) == 0x38200800) {
        unsigned option = a64_bits(insn, 15, 13);
        if (!(option & 2))
            return;
        mode = 3;
        d->rm = (uint8_t)a64_bits(insn, 20, 16);
        extend2(d, option, insn & (1u << 12) ? size : 0);
    } else {
        return;
    }
    if (load && (mode == 1 || mode == 2) && rn == rt && rn != 31)
        return; /* WBSUPPRESS */
    d->op = (uint8_t)(kind + (int)mode);
    d->rd = (uint8_t)rt;
    d->rn = (uint8_t)rn;
}

static void decode_dp_imm(uint32_t insn, a64_dinsn *d)
{
    bool sf = insn >> 31;
    unsigned opc = a64_bits(insn, 30, 29), n = (insn >> 22) & 1;
    switch (a64_bits(insn, 25, 23)) {
    case 0: case 1: { /* ADR, ADRP */
        uint64_t imm = (uint64_t)a64_sext(
            a64_bits(insn, 23, 5) << 2 | a64_bits(insn, 30, 29), 21);
        d->op = sf ? OP_ADRP : OP_ADR;
        d->imm = sf ? imm << 12 : imm;
        return;
    }
    case 2: { /* add/subtract (immediate) */
        uint64_t imm = a64_bits(insn, 21, 10);
        if (insn & (1u << 22))
            imm <<= 12;
        bool sub = insn & (1u << 30);
        if (insn & (1u << 29)) {
            d->op = OP_ADDS_IMM;
            d->imm = sub ? ~imm : imm;
            d->a = sub;
        } else {
            d->op = OP_ADD_IMM;
            d->imm = sub ? 0 - imm : imm;
        }
        return;
    }
    case 4: { /* logical (immediate) */
        uint64_t tmask;
        if ((!sf && n) ||
            !a64_decode_bit_masks(n, a64_bits(insn, 15, 10),
                                  a64_bits(insn, 21, 16), true, sf ? 64 : 32,
                                  &d->imm, &tmask))
            return;
        static const uint8_t ops[4] = {OP_AND_IMM, OP_ORR_IMM, OP_EOR_IMM,
                                       OP_ANDS_IMM};
        d->op = ops[opc];
        return;
    }
    case 5: { /* move wide */
        unsigned hw = a64_bits(insn, 22, 21), pos = hw * 16;
        if (opc == 1 || (!sf && hw >= 2))
            return;
        uint64_t imm = (uint64_t)a64_bits(insn, 20, 5) << pos;
        if (opc == 3) {
            d->op = OP_MOVK;
            d->imm = imm;
            d->imm2 = ~(0xffffull << pos);
        } else {
            d->op = OP_MOVI;
            d->imm = (opc == 0 ? ~imm : imm) & a64_mask_of(sf);
        }
        return;
    }
    case 7: { /* extract */
        unsigned lsb = a64_bits(insn, 15, 10);
        if (opc != 0 || (insn & (1u << 21)) || n != sf || (!sf && lsb >= 32))
            return;
        d->op = OP_EXTR;
        d->a = (uint8_t)lsb;
        return;
    }
    case 6: { /* bitfield */
        unsigned immr = a64_bits(insn, 21, 16), imms = a64_bits(insn, 15, 10);
        if (opc == 3 || n != sf || (!sf && (immr | imms) >= 32))
            return;
        if (opc != 1) { /* SBFM, UBFM: bits imms..immr, or imms..0 moved
                         * to size - immr (the extract and insert forms) */
            unsigned up = 63 - imms, size = sf ? 64 : 32;
            d->op = OP_BFX;
            shift2(d, up, imms >= immr ? up + immr : up - (size - immr),
                   opc == 0);
            return;
        }
        if (!a64_decode_bit_masks(n, imms, immr, false, sf ? 64 : 32,
                                  &d->imm, &d->imm2))
            return;
        d->op = OP_BFM;
        d->ra = (uint8_t)opc;
        d->a = (uint8_t)immr;
        d->b = (uint8_t)imms;
        return;
    }
    default:
        return;
    }
}

static void decode_dp_reg(uint32_t insn, a64_dinsn *d)
{
    bool sf = insn >> 31;
    unsigned type = a64_bits(insn, 23, 22), amount = a64_bits(insn, 15, 10);
    unsigned opc = a64_bits(insn, 30, 29);
    if ((insn & 0x1f000000) == 0x0a000000) { /* logical (shifted) */
        if (!shifted2(d, type, amount, sf))
            return;
        bool inv = insn & (1u << 21);
        static const uint8_t ops[4] = {OP_AND_REG, OP_ORR_REG, OP_EOR_REG,
                                       OP_ANDS_REG};
        d->op = ops[opc];
        if (opc == 1 && !inv && amount == 0 && d->rn == 31)
            d->op = OP_MOV_REG;
        d->ra = inv;
    } else if ((insn & 0x1f200000) == 0x0b000000) { /* add/sub (shifted) */
        if (!shifted2(d, type, amount, sf))
            return;
        static const uint8_t ops[4] = {OP_ADD_REG, OP_ADDS_REG, OP_SUB_REG,
                                       OP_SUBS_REG};
        d->op = ops[opc];
    } else if ((insn & 0x1f200000) == 0x0b200000) { /* add/sub (extended) */
        unsigned sh = a64_bits(insn, 12, 10);
        if (type != 0 || sh > 4)
            return;
        d->op = insn & (1u << 29) ? OP_ADDS_EXT : OP_ADD_EXT;
        d->ra = (insn >> 30) & 1; /* subtract */
        extend2(d, a64_bits(insn, 15, 13), sh);
    } else if ((insn & 0x7fe0f000) == 0x1ac02000) { /* LSLV..RORV */
        d->op = OP_SHIFTV;
        d->a = (uint8_t)a64_bits(insn, 11, 10);
    } else if ((insn & 0x7fe0f800) == 0x1ac00800) { /* UDIV, SDIV */
        d->op = insn & (1u << 10) ? OP_SDIV : OP_UDIV;
    } else if ((insn & 0x3fe00410) == 0x3a400000) { /* CCMN, CCMP */
        d->op = OP_CCMP;
        d->ra = (uint8_t)a64_bits(insn, 15, 12);
        d->a = (insn >> 30) & 1; /* subtract */
        d->b = (insn >> 11) & 1; /* immediate */
        d->imm = (uint64_t)(insn & 0xf) << 28;
    } else if ((insn & 0x1fe00000) == 0x1a800000) { /* conditional select */
        unsigned op2 = a64_bits(insn, 11, 10);
        if ((insn & (1u << 29)) || op2 >= 2)
            return;
        d->op = OP_CSEL;
        d->ra = (uint8_t)a64_bits(insn, 15, 12);
        d->a = (insn >> 30) & 1; /* invert */
        d->b = (uint8_t)op2;     /* increment */
    } else if ((insn & 0xff608000) == 0x9b400000) { /* SMULH, UMULH */
        d->op = OP_MULH;
        d->a = (insn >> 23) & 1; /* unsigned */
    } else if ((insn & 0x7fe00000) == 0x1b000000) { /* MADD, MSUB */
        d->op = OP_MADD;
        d->ra = (uint8_t)a64_bits(insn, 14, 10);
        d->a = (insn >> 15) & 1; /* subtract */
    }
}

/*
 * For a B.cond run fused with the compare of a and b before it
 * (CMP_BCOND()): bit k says whether cond holds when the outcome of the
 * comparison is k = (a == b) << 2 | (a < b, unsigned) << 1 | (a < b,
 * signed). The flags of a - b have Z for a == b, C for a >= b unsigned and
 * N != V for a < b signed, and every condition but MI, PL, VS and VC
 * depends on nothing else; those four need the difference itself, get 0,
 * and are not fused (fuse_at()).
 */
static uint8_t cmp_cond_mask(unsigned cond)
{
    if (cond >> 1 == 2 || cond >> 1 == 3) /* MI, PL, VS, VC */
        return 0;
    uint8_t m = 0;
    for (unsigned k = 0; k < 8; k++) {
        uint32_t nzcv = (k & 1u) << 31 | (k >> 2) << 30 | (~k >> 1 & 1u) << 29;
        m |= (uint8_t)(a64_cond(nzcv, cond) << k);
    }
    return m;
}

static void decode_branch(uint32_t insn, a64_dinsn *d)
{
    if ((insn & 0x7c000000) == 0x14000000) { /* B, BL */
        d->op = insn >> 31 ? OP_BL : OP_B;
        d->imm = (uint64_t)a64_sext(insn & 0x3ffffff, 26) << 2;
    } else if ((insn & 0xff000010) == 0x54000000) { /* B.cond */
        d->op = OP_BCOND;
        d->a = insn & 0xf;
        d->b = cmp_cond_mask(d->a);
        d->imm = (uint64_t)a64_sext(a64_bits(insn, 23, 5), 19) << 2;
    } else if ((insn & 0x7e000000) == 0x34000000) { /* CBZ, CBNZ */
        d->op = insn & (1u << 24) ? OP_CBNZ : OP_CBZ;
        d->imm = (uint64_t)a64_sext(a64_bits(insn, 23, 5), 19) << 2;
    } else if ((insn & 0x7e000000) == 0x36000000) { /* TBZ, TBNZ */
        d->op = insn & (1u << 24) ? OP_TBNZ : OP_TBZ;
        d->a = (uint8_t)((insn >> 31) << 5 | a64_bits(insn, 23, 19));
        d->imm = (uint64_t)a64_sext(a64_bits(insn, 18, 5), 14) << 2;
    } else if ((insn & 0xfe1ffc1f) == 0xd61f0000 &&
               a64_bits(insn, 24, 21) <= 2) { /* BR, BLR, RET */
        d->op = a64_bits(insn, 24, 21) == 1 ? OP_BLR : OP_BR;
    } else if (insn == 0xd503201f) {
        d->op = OP_NOP;
    }
}

/* Operations with a handler per operand size (SF_CASES) */
static bool has_w_form(unsigned op)
{
    switch (op) {
    case OP_ADD_IMM:
    case OP_ADDS_IMM:
    case OP_AND_IMM:
    case OP_ORR_IMM:
    case OP_EOR_IMM:
    case OP_ANDS_IMM:
    case OP_MOVK:
    case OP_BFM:
    case OP_BFX:
    case OP_ADD_REG:
    case OP_SUB_REG:
    case OP_ADDS_REG:
    case OP_SUBS_REG:
    case OP_AND_REG:
    case OP_ORR_REG:
    case OP_EOR_REG:
    case OP_ANDS_REG:
    case OP_MOV_REG:
    case OP_CSEL:
    case OP_CCMP:
    case OP_MADD:
    case OP_CBZ:
    case OP_CBNZ:
    case OP_CBZ_N: /* (made from CBZ/CBNZ after the _W choice) */
    case OP_CBNZ_N:
    case OP_SHIFTV:
    case OP_EXTR:
    case OP_ADD_EXT:
    case OP_ADDS_EXT:
        return true;
    default:
        return false;
    }
}

/* A branch whose target lies in the same page (at page offset off + imm)
 * goes slot to slot: its _N form, with imm the distance in slot bytes. */
static void near_branch(unsigned off, a64_dinsn *d)
{
    static const struct { uint8_t op, near; } near[] = {
        {OP_B, OP_B_N}, {OP_BCOND, OP_BCOND_N_EQ}, {OP_CBZ, OP_CBZ_N},
        {OP_CBZ_W, OP_CBZ_N_W}, {OP_CBNZ, OP_CBNZ_N},
        {OP_CBNZ_W, OP_CBNZ_N_W}, {OP_TBZ, OP_TBZ_N}, {OP_TBNZ, OP_TBNZ_N},
    };
    for (unsigned k = 0; k < sizeof(near) / sizeof(near[0]); k++) {
        if (d->op == near[k].op) {
            /* imm is a branch distance here (within +-128 MiB) */
            int64_t t = (int64_t)off + (int64_t)d->imm;
            if (t < 0 || t >= (int64_t)A64_PAGE_SIZE)
                return;
            d->op = near[k].near;
            if (d->op == OP_BCOND_N_EQ)
                d->op = (uint8_t)(OP_BCOND_N_EQ + d->a); /* the condition */
            d->imm = (uint64_t)((int64_t)d->imm / 4 * (int64_t)sizeof(a64_dinsn));
            return;
        }
    }
}

/*
 * Register 31 of the fast operations, decided once: where it names XZR,
 * reads become A64_XZR (x[32], always zero) and writes A64_XSINK (x[33],
 * never read), so that the handlers index x[] without a test; where it
 * names SP it stays 31. An operation that reads and writes Rd (MOVK, BFM)
 * with Rd = XZR is left to the executor.
 */
enum { RN = 1, RM = 2, RA = 4, RD_R = 8, RD_W = 16, RA_W = 32 };
static unsigned zr_fields(unsigned op)
{
    switch (op) {
    case OP_ADDS_IMM: case OP_ADDS_IMM_W: case OP_MOVI: case OP_ADR:
    case OP_ADRP:
        return RD_W;
    case OP_AND_IMM: case OP_AND_IMM_W: case OP_ORR_IMM: case OP_ORR_IMM_W:
    case OP_EOR_IMM: case OP_EOR_IMM_W: case OP_BR: case OP_BLR:
        return RN;
    case OP_BFX: case OP_BFX_W:
        return RN | RD_W;
    case OP_ANDS_IMM: case OP_ANDS_IMM_W:
        return RN | RD_W;
    case OP_ADD_REG: case OP_ADD_REG_W: case OP_SUB_REG: case OP_SUB_REG_W:
    case OP_ADDS_REG: case OP_ADDS_REG_W: case OP_SUBS_REG: case OP_SUBS_REG_W:
    case OP_AND_REG: case OP_AND_REG_W: case OP_ORR_REG: case OP_ORR_REG_W:
    case OP_EOR_REG: case OP_EOR_REG_W: case OP_ANDS_REG: case OP_ANDS_REG_W:
    case OP_CSEL: case OP_CSEL_W: case OP_SHIFTV: case OP_SHIFTV_W:
    case OP_UDIV: case OP_SDIV: case OP_EXTR: case OP_EXTR_W:
    case OP_MULH:
        return RN | RM | RD_W;
    case OP_MOV_REG: case OP_MOV_REG_W:
        return RM | RD_W;
    case OP_CCMP: case OP_CCMP_W: /* Rm is an immediate in the b form */
        return RN | RM;
    case OP_ADD_EXT: case OP_ADD_EXT_W:
        return RM;
    case OP_ADDS_EXT: case OP_ADDS_EXT_W:
        return RM | RD_W;
    case OP_MADD: case OP_MADD_W:
        return RN | RM | RA | RD_W;
    case OP_CBZ: case OP_CBZ_W: case OP_CBNZ: case OP_CBNZ_W:
    case OP_TBZ: case OP_TBNZ:
    case OP_CBZ_N: case OP_CBZ_N_W: case OP_CBNZ_N: case OP_CBNZ_N_W:
    case OP_TBZ_N: case OP_TBNZ_N:
        return RD_R;
    case OP_MOVK: case OP_MOVK_W: case OP_BFM: case OP_BFM_W:
        return RN | RD_R | RD_W;
    default:
        break;
    }
    /* loads and stores: Rt, Rm of the register-offset mode; Rn is SP */
    if (op >= OP_LDX_OFF && op < OP_STX_OFF)
        return RD_W | ((op - OP_LDX_OFF) % 4 == 3 ? RM : 0);
    if (op >= OP_STX_OFF && op < OP_LDPX_OFF)
        return RD_R | ((op - OP_STX_OFF) % 4 == 3 ? RM : 0);
    if (op >= OP_LDPX_OFF && op < OP_STPX_OFF)
        return RD_W | RA_W;
    if (op >= OP_STPX_OFF && op <= OP_STPW_POST)
        return RD_R | RA;
    return 0;
}

static void map_zr(a64_dinsn *d)
{
    unsigned f = zr_fields(d->op);
    if ((f & RD_R) && (f & RD_W) && d->rd == 31) {
        *d = (a64_dinsn){.op = OP_GENERIC, .insn = d->insn};
        return;
    }
    if ((f & RN) && d->rn == 31)
        d->rn = A64_XZR;
    if ((f & RM) && d->rm == 31 &&
        !((d->op == OP_CCMP || d->op == OP_CCMP_W) && d->b))
        d->rm = A64_XZR;
    if ((f & RA) && d->ra == 31)
        d->ra = A64_XZR;
    if ((f & RA_W) && d->ra == 31)
        d->ra = A64_XSINK;
    if ((f & RD_R) && d->rd == 31)
        d->rd = A64_XZR;
    if ((f & RD_W) && d->rd == 31)
        d->rd = A64_XSINK;
}

/* Decode insn, at page offset off, into slot d: a fast operation, or
 * GENERIC. */
static void predecode(uint32_t insn, unsigned off, a64_dinsn *d)
{
    *d = (a64_dinsn){.op = OP_GENERIC, .insn = insn};
    d->sf = insn >> 31;
    d->rd = insn & 31;
    d->rn = (uint8_t)a64_bits(insn, 9, 5);
    d->rm = (uint8_t)a64_bits(insn, 20, 16);
    switch ((insn >> 25) & 0xf) {
    case 0x8: case 0x9:
        decode_dp_imm(insn, d);
        break;
    case 0xa: case 0xb:
        decode_branch(insn, d);
        break;
    case 0x4: case 0x6: case 0xc: case 0xe:
        if (!(insn & (1u << 26)))
            decode_ldst(insn, d);
        break;
    case 0x5: case 0xd:
        decode_dp_reg(insn, d);
        break;
    default:
        break;
    }
    if (d->op == OP_GENERIC) /* the fields above mean nothing then */
        *d = (a64_dinsn){.op = OP_GENERIC, .insn = insn};
    else if (!d->sf && has_w_form(d->op))
        d->op++; /* its _W form */
    near_branch(off, d);
    map_zr(d);
}

/* ---- the forwarded operand ----
 *
 * As in the RISC-V interpreter (rv_dcache.h): every handler that writes a
 * general register leaves the value in acc, a local of the loop, and an
 * instruction that reads the register the one before it wrote is decoded
 * as a consumer (A64_CONSUMERS), which takes that operand from acc instead
 * of a store to x[] and a load back. A consumer is right only when entered
 * from the slot before it, so every other way in (a taken branch, a jump,
 * the lookup, a first decode, the executors) reloads acc from x[fwd].
 * Instructions are 4 bytes, so the slot before is the only one that can
 * run before in sequence; decoding a slot demotes a consumer after it
 * whose operand it does not leave in acc.
 */

/* The register whose value the handler of p leaves in acc, or -1. */
static int produced(const a64_dinsn *p)
{
    unsigned op = p->op;
    switch (op) {
    case OP_ADD_IMM: case OP_ADD_IMM_W: case OP_ADDS_IMM: case OP_ADDS_IMM_W:
    case OP_AND_IMM: case OP_AND_IMM_W: case OP_ORR_IMM: case OP_ORR_IMM_W:
    case OP_EOR_IMM: case OP_EOR_IMM_W: case OP_ANDS_IMM: case OP_ANDS_IMM_W:
    case OP_MOVI: case OP_MOVK: case OP_MOVK_W: case OP_ADR: case OP_ADRP:
    case OP_BFM: case OP_BFM_W: case OP_BFX: case OP_BFX_W:
    case OP_ADD_REG: case OP_ADD_REG_W: case OP_SUB_REG: case OP_SUB_REG_W:
    case OP_ADDS_REG: case OP_ADDS_REG_W: case OP_SUBS_REG: case OP_SUBS_REG_W:
    case OP_AND_REG: case OP_AND_REG_W: case OP_ORR_REG: case OP_ORR_REG_W:
    case OP_EOR_REG: case OP_EOR_REG_W: case OP_ANDS_REG: case OP_ANDS_REG_W:
    case OP_MOV_REG: case OP_MOV_REG_W: case OP_CSEL: case OP_CSEL_W:
    case OP_MADD: case OP_MADD_W: case OP_MULH: case OP_SHIFTV:
    case OP_SHIFTV_W: case OP_UDIV: case OP_SDIV: case OP_EXTR: case OP_EXTR_W:
    case OP_ADD_EXT: case OP_ADD_EXT_W: case OP_ADDS_EXT: case OP_ADDS_EXT_W:
        return p->rd;
    default:
        break;
    }
    if (op >= OP_LDX_OFF && op < OP_STX_OFF) /* Rt, after any writeback */
        return p->rd;
    if (op >= OP_ADD_IMM_A) /* a consumer writes Rd unless it branches or
                             * stores */
        return op >= OP_CBZ_N_V && op <= OP_BR_A ? -1
               : op >= OP_STX_OFF_V ? -1 : p->rd;
    if (op >= OP_LDPX_OFF && op < OP_STPX_OFF) /* Rt2, written last */
        return p->ra;
    return -1;
}

static bool consumes(unsigned op) { return op >= OP_ADD_IMM_A; }

/* Slot k of dp was just decoded: make it a consumer of slot k - 1. */
static void forward(a64_dpage *dp, unsigned k)
{
    if (k == 0)
        return; /* entered from another page: through the lookup */
    int r = produced(&dp->insn[k - 1]);
    a64_dinsn *d = &dp->insn[k];
    if (r < 0 || r == A64_XSINK)
        return;
    /* the forms per field: {op, Rn form, Rm form, Rt form}; an operation
     * with a _W form (has_w_form()) has _W consumers at the same distance */
    static const uint8_t forms[][4] = {
        {OP_ADD_IMM, OP_ADD_IMM_A, 0, 0},
        {OP_ADDS_IMM, OP_ADDS_IMM_A, 0, 0},
        {OP_AND_IMM, OP_AND_IMM_A, 0, 0},
        {OP_BFM, OP_BFM_A, 0, 0},
        {OP_BFX, OP_BFX_A, 0, 0},
        {OP_ADD_REG, OP_ADD_REG_A, OP_ADD_REG_M, 0},
        {OP_SUB_REG, OP_SUB_REG_A, 0, 0},
        {OP_SUBS_REG, OP_SUBS_REG_A, OP_SUBS_REG_M, 0},
        {OP_EOR_REG, OP_EOR_REG_A, 0, 0},
        {OP_MOV_REG, 0, OP_MOV_REG_A, 0},
        {OP_CBZ_N, 0, 0, OP_CBZ_N_V},
        {OP_CBNZ_N, 0, 0, OP_CBNZ_N_V},
        {OP_TBZ_N, 0, 0, OP_TBZ_N_V},
        {OP_TBNZ_N, 0, 0, OP_TBNZ_N_V},
        {OP_BR, OP_BR_A, 0, 0},
        {OP_LDX_OFF, OP_LDX_OFF_A, 0, 0},
        {OP_LDW_OFF, OP_LDW_OFF_A, 0, 0},
        {OP_LDH_OFF, OP_LDH_OFF_A, 0, 0},
        {OP_LDB_OFF, OP_LDB_OFF_A, 0, 0},
        {OP_LDSW_OFF, OP_LDSW_OFF_A, 0, 0},
        {OP_LDX_REG, OP_LDX_REG_A, OP_LDX_REG_M, 0},
        {OP_LDW_REG, OP_LDW_REG_A, OP_LDW_REG_M, 0},
        {OP_LDB_REG, OP_LDB_REG_A, OP_LDB_REG_M, 0},
        {OP_LDSW_REG, OP_LDSW_REG_A, OP_LDSW_REG_M, 0},
        {OP_STX_OFF, OP_STX_OFF_A, 0, OP_STX_OFF_V},
        {OP_STW_OFF, OP_STW_OFF_A, 0, OP_STW_OFF_V},
        {OP_STB_OFF, 0, 0, OP_STB_OFF_V},
    };
    for (unsigned f = 0; f < sizeof(forms) / sizeof(forms[0]); f++) {
        unsigned w = d->op - forms[f][0]; /* 1 for the _W form */
        if (w > (has_w_form(forms[f][0]) ? 1u : 0u))
            continue;
        if (forms[f][1] && d->rn == r)
            d->op = (uint8_t)(forms[f][1] + w);
        else if (forms[f][2] && d->rm == r)
            d->op = (uint8_t)(forms[f][2] + w);
        else if (forms[f][3] && d->rd == r)
            d->op = (uint8_t)(forms[f][3] + w);
        else
            return;
        d->fwd = (uint8_t)r;
        return;
    }
}

/* Slot k of dp was just decoded: the consumer after it, made when k held
 * something else or was not decoded, decodes again unless k leaves its
 * operand in acc. */
static void unforward(a64_dpage *dp, unsigned k)
{
    a64_dinsn *n = &dp->insn[k + 1]; /* the slot past the end: LOOKUP */
    if (consumes(n->op) && produced(&dp->insn[k]) != n->fwd)
        n->op = A64_OP_DECODE;
}

/* ---- fused compare and branch ----
 *
 * A compare and the B.cond after it in the page run as one operation in
 * the compare's slot: its handler runs the compare, then takes the branch
 * from the next slot's fields (a budget that ends between the two stops
 * on the pair and runs the compare alone: PLANT()). A jump to the branch
 * still finds it on its own. B.MI, B.PL, B.VS and B.VC are not fused
 * (cmp_cond_mask()). The pair stands while the branch's slot holds what it
 * was decoded from: a write to that slot
 * decodes the compare's slot again too (a64_dcache_written()), and a
 * demoted consumer (unforward()) decodes again as a whole.
 */

/* Is p a B.cond within the page? */
static bool is_near_bcond(const a64_dinsn *p)
{
    return p->op >= OP_BCOND_N_EQ && p->op <= OP_BCOND_N_NV;
}

/* {compare, fused}: the _W forms at the same distance */
static const uint8_t fused_pairs[][2] = {
    {OP_ADDS_IMM, OP_CMPI_BC},     {OP_ADDS_IMM_A, OP_CMPI_A_BC},
    {OP_SUBS_REG, OP_CMPR_BC},     {OP_SUBS_REG_A, OP_CMPR_A_BC},
    {OP_SUBS_REG_M, OP_CMPR_M_BC},
};
#define N_FUSED_PAIRS (sizeof(fused_pairs) / sizeof(fused_pairs[0]))
#define N_OP_PAIRS (sizeof(op_pairs) / sizeof(op_pairs[0]))

/*
 * More pairs by the rules of a fused compare and branch (and of the table
 * jump, table_jump()), {first, second, fused}, the second
 * possibly fused already (then the new operation contains it whole):
 * - the LDRH (register offset) that loads a switch's table entry, before a
 *   fused table jump whose ADD takes the entry as Rm (LDH_ADR_BR);
 * - an LDR W (register offset) before a fused compare of its result, with
 *   an immediate or a register, and B.cond (a search or a bounds check);
 * - a scaled index (SBFIZ, UBFX...: a bitfield move) added to a base by
 *   the ADD (shifted register) after it, which takes it as Rm (BFX_ADD);
 * - the EOR (shifted register) of a shift-xor chain before another one or
 *   a multiply (xorshift, FNV hashing), and a multiply before a fused
 *   compare and branch;
 * - a 32-bit increment (ADD immediate) before a loop's B, before the
 *   fused compare of its result and B.cond that close a loop, and before
 *   a fused LDR W, compare and B.cond (ADDI_*).
 * Where the second takes the first's result from acc (it is its
 * consumer), the fused handler leaves it there; the others write each
 * result to x[] before the next reads it.
 */
static const uint8_t op_pairs[][3] = {
    {OP_LDH_REG, OP_ADR_BR, OP_LDH_ADR_BR},
    {OP_LDW_REG, OP_CMPI_A_BC_W, OP_LDW_CMPI_BC},
    {OP_LDW_REG, OP_CMPR_A_BC_W, OP_LDW_CMPR_BC},
    {OP_BFX, OP_ADD_REG_M, OP_BFX_ADD},
    {OP_BFX, OP_ADD_REG_M_W, OP_BFX_ADD},
    {OP_BFX_W, OP_ADD_REG_M, OP_BFX_ADD_W},
    {OP_BFX_W, OP_ADD_REG_M_W, OP_BFX_ADD_W},
    {OP_EOR_REG_A, OP_EOR_REG_A, OP_EOR_EOR},
    {OP_EOR_REG_A, OP_MADD, OP_EOR_MADD},
    {OP_MADD, OP_CMPR_BC, OP_MADD_CMPR_BC},
    {OP_ADD_IMM_W, OP_B_N, OP_ADDI_B},
    {OP_ADD_IMM_W, OP_CMPI_A_BC_W, OP_ADDI_CMPI_BC},
    {OP_ADD_IMM_W, OP_CMPR_A_BC_W, OP_ADDI_CMPR_BC},
    {OP_ADD_IMM_W, OP_LDW_CMPI_BC, OP_ADDI_LDW_CMPI},
};

/* The instructions an operation runs: 2 for a fused compare and branch
 * (either width), 3 for a fused table jump, one more than its second for a
 * pair of op_pairs[], else 1. */
static unsigned fused_len(unsigned op)
{
    if (op == OP_ADR_BR)
        return 3;
    for (unsigned f = 0; f < N_FUSED_PAIRS; f++)
        if (op - fused_pairs[f][1] <= 1u)
            return 2;
    for (unsigned f = 0; f < N_OP_PAIRS; f++)
        if (op == op_pairs[f][2])
            return 1 + fused_len(op_pairs[f][1]);
    return 1;
}

/*
 * The table jump of a switch as GCC compiles it, ADR Xt, table; ADD Xu,
 * Xt, Wi, SXTH #2 (or any 64-bit extended-register ADD of Xt); BR Xu, runs
 * as one operation in the ADR's slot (ADR_BR), by the same rules as a
 * fused compare and branch: the ADD and the BR are run from their own
 * slots' fields, and a write to either decodes the ADR's slot again too.
 */
static bool table_jump(a64_dinsn *p)
{
    const a64_dinsn *q = p + 1, *r = p + 2; /* the slots past the end:
                                             * LOOKUP */
    if (p->op != OP_ADR || q->op != OP_ADD_EXT || q->rn != p->rd ||
        q->rd >= 31 || (r->op != OP_BR && r->op != OP_BR_A) ||
        r->rn != q->rd)
        return false;
    p->op = OP_ADR_BR;
    return true;
}

/* p and the slot after it make a pair of op_pairs[]: fuse them. */
static bool more_pairs(a64_dinsn *p)
{
    const a64_dinsn *q = p + 1; /* the slot past the end: LOOKUP */
    for (unsigned f = 0; f < N_OP_PAIRS; f++) {
        if (p->op != op_pairs[f][0] || q->op != op_pairs[f][1])
            continue;
        if (op_pairs[f][2] == OP_LDH_ADR_BR && /* the ADD's Rm: the entry */
            (q[1].rm != p->rd || q->rd == p->rd))
            continue;
        p->op = op_pairs[f][2];
        return true;
    }
    return false;
}

/* Slot k of dp holds a decoded instruction: fuse it with the one to three
 * after it, if they make a fused operation. */
static void fuse_at(a64_dpage *dp, unsigned k)
{
    a64_dinsn *p = &dp->insn[k];
    for (unsigned b = 1; b <= 3 && b <= k; b++)
        if (fused_len(p[-(int)b].op) > b)
            return; /* a later slot of a fused operation: none begins
                     * there (PLANT()) */
    if (table_jump(p) || more_pairs(p) || !is_near_bcond(p + 1) || !p[1].b)
        return;
    for (unsigned f = 0; f < N_FUSED_PAIRS; f++) {
        unsigned w = p->op - fused_pairs[f][0]; /* 1 for the _W form */
        bool subtracts = fused_pairs[f][0] != OP_ADDS_IMM &&
                         fused_pairs[f][0] != OP_ADDS_IMM_A; /* or CMN */
        if (w <= 1 && (subtracts || p->a)) {
            p->op = (uint8_t)(fused_pairs[f][1] + w);
            return;
        }
    }
}

/* Slot k of dp was just decoded: fuse it with the slots after it, or the
 * slots before it with it. */
static void fuse(a64_dpage *dp, unsigned k)
{
    fuse_at(dp, k); /* the nearest first: a table jump before its LDRH */
    for (unsigned back = 1; back <= 3 && back <= k; back++)
        fuse_at(dp, k - back);
}

/* A page was just decoded for the first time: no store TLB entry may
 * reach it (its stores must pass a64_store_slow()). */
static void drop_store_entries(a64_cpu *cpu, const uint8_t *hp)
{
    for (unsigned k = 0; k < A64_TLB_SIZE; k++) {
        a64_tlb *t = &cpu->tlb_w[k];
        if (t->tag != ~0ull &&
            (uintptr_t)(t->tag << A64_PAGE_BITS) + t->addend == (uintptr_t)hp)
            t->tag = ~0ull;
    }
}

/* v moved by the decoder's two shifts (shift2()): a shifted or extended
 * operand, a register offset, or an SBFM/UBFM result */
static inline uint64_t op2(const a64_dinsn *i, uint64_t v)
{
    return (uint64_t)((int64_t)(v << i->a) >> i->b) & i->imm2;
}

/* ---- the loop ---- */

/*
 * The budget is not counted per instruction. It is held as dl, the
 * address the slot where it ends would have if the page went on: the
 * budget left before slot p is LEFT(p). A handler that goes on to the next
 * slot (vmbreak) does nothing for it; a taken branch within the page moves
 * dl by the distance jumped (TAKE()); leaving the page turns it back into
 * a count. When dl lies within the page, ENTER() plants STOP in that slot
 * (PLANT()), whose handler ends the loop there, and the planted slot's
 * operation comes back when the run ends (UNPLANT(), at the next ENTER()
 * or on the way out). lim is the page's end, or the highest address while
 * STOP is planted, so a run begins with one comparison (ENTER()). The
 * count is exact.
 */
#if A64_DISPATCH_GOTO
#define vmdispatch(o) goto *disptab[o];
#define vmcase(l) L_##l:
#define vmjump goto *disptab[i->op]
#else
#define vmdispatch(o) switch (o)
#define vmcase(l) case l:
#define vmjump goto dispatch
#endif
/* i retired: on to the next slot, in the same run */
#define vmbreak                                                                \
    do {                                                                       \
        i++;                                                                   \
        vmjump;                                                                \
    } while (0)
/* The budget left before slot p of this page. */
#define LEFT(p) ((uint64_t)((dl - (uintptr_t)(p)) / sizeof(a64_dinsn)))
/* STOP into slot p of this page, where the run from i must end; into the
 * first slot of a fused operation that would run past p (STOP runs its
 * first instruction alone): the earliest from i that reaches p, as the
 * later slots of a fused operation hold no other one (fuse_at()), except
 * one it contains whole (op_pairs[] with a fused second, the table jump
 * inside LDH_ADR_BR). And back, unless a write reset it. */
#define PLANT(p)                                                               \
    do {                                                                       \
        a64_dinsn *p_ = (p);                                                   \
        stop = p_;                                                             \
        for (unsigned b_ = 1; b_ <= 3 && p_ - b_ >= i; b_++)                   \
            if (fused_len(p_[-(int)b_].op) > b_)                               \
                stop = p_ - b_;                                                \
        stop_op = stop->op;                                                    \
        stop->op = OP_STOP;                                                    \
        lim = UINTPTR_MAX;                                                     \
    } while (0)
#define UNPLANT()                                                              \
    do {                                                                       \
        if (unlikely(stop != NULL)) {                                          \
            if (stop->op == OP_STOP)                                           \
                stop->op = stop_op;                                            \
            stop = NULL;                                                       \
        }                                                                      \
    } while (0)
/* Begin a run at slot t of this page, dl up to date. */
#define ENTER(t)                                                               \
    do {                                                                       \
        i = (t);                                                               \
        if (unlikely(dl < lim))                                                \
            goto replant;                                                      \
        vmjump;                                                                \
    } while (0)
/* i retires and a taken branch goes to slot t of this page. */
#define TAKE(t)                                                                \
    do {                                                                       \
        a64_dinsn *tk_ = (t);                                                  \
        dl += (uintptr_t)tk_ - (uintptr_t)(i + 1);                             \
        RELOAD(tk_);                                                           \
        ENTER(tk_);                                                            \
    } while (0)

/* The bodies that a handler and a fused operation share: ADD (immediate),
 * MADD/MSUB, and EOR (shifted register) with Rn forwarded */
#define ADD_IMM_OF(sf) SET_RD(i->rd, x[i->rn] + i->imm, sf)
#define MADD_OF(sf)                                                            \
    do {                                                                       \
        uint64_t p_ = X(i->rn) * X(i->rm), a_ = X(i->ra);                      \
        SET_RD(i->rd, i->a ? a_ - p_ : a_ + p_, sf);                           \
    } while (0)
#define EOR_A_OF(sf)                                                           \
    do {                                                                       \
        uint64_t m_ = OP2(X(i->rm));                                           \
        SET_RD(i->rd, acc ^ (i->ra ? ~m_ : m_), sf);                           \
    } while (0)

/* A handler for each operand size, with sf a constant in each (the
 * decoder picks NAME_W, the next operation, for 32 bits) */
#define SF_CASES(name, ...)                                                    \
    vmcase(OP_##name) {                                                        \
        const bool sf = true;                                                  \
        __VA_ARGS__                                                            \
    }                                                                          \
    vmcase(OP_##name##_W) {                                                    \
        const bool sf = false;                                                 \
        __VA_ARGS__                                                            \
    }
/* The same with labels on the two handlers (lx, lw), where a fused
 * operation goes on into them */
#define SF_CASES_AT(name, lx, lw, ...)                                         \
    vmcase(OP_##name)                                                          \
    lx: __attribute__((unused));                                               \
    {                                                                          \
        const bool sf = true;                                                  \
        __VA_ARGS__                                                            \
    }                                                                          \
    vmcase(OP_##name##_W)                                                      \
    lw: __attribute__((unused));                                               \
    {                                                                          \
        const bool sf = false;                                                 \
        __VA_ARGS__                                                            \
    }

/* The pc of a slot of the current page (slots are 32 bytes, insns 4). */
#define PC_OF(p)                                                               \
    (page_va + (((uintptr_t)(p) - (uintptr_t)dp->insn) >> 3))
/* Register operands as the decoder mapped them (map_zr()): 31 is SP where
 * it means SP, and where it means XZR it became A64_XZR (reads) or
 * A64_XSINK (writes), so no handler tests for 31. */
#define X(r) x[(r)]
#define OP2(v) op2(i, (v))
/* results go to acc as well (the forwarded operand) */
#define SET_X(r, v) (x[(r)] = acc = (v))
/* a W result zero-extended */
#define SET_RD(r, v, sf) (x[(r)] = acc = (sf) ? (v) : (uint32_t)(v))
#define FLAGS()                                                                \
    do {                                                                       \
        if (fl_k) {                                                            \
            a64_add_with_carry(fl_a, ~fl_b, 1, fl_k == 1, &nzcv);              \
            fl_k = 0;                                                          \
        }                                                                      \
    } while (0)
/* Rd = a - b, setting the flags lazily (SUBS, CMP) */
#define LAZY_SUB(a, b, sf)                                                     \
    do {                                                                       \
        fl_a = (a);                                                            \
        fl_b = (b);                                                            \
        fl_k = (sf) ? 1 : 2;                                                   \
        SET_RD(i->rd, fl_a - fl_b, sf);                                        \
    } while (0)
/* A fused pair's first instruction retired: the second runs next in the
 * same handler (fuse()); the run counts both. When the budget ends with
 * the first, STOP runs it alone (PLANT()). */
#define FUSED (i++)
/* A compare of va and vb fused with the B.cond after it: the compare sets
 * the lazy flags, and the branch looks its condition up in the mask the
 * decoder made for it (cmp_cond_mask()) by how va and vb compare, equal,
 * below, less (at 32 bits, on the operands moved to the top half, which
 * compare as the 32-bit ones do) */
#define CMP_BCOND(va, vb)                                                      \
    {                                                                          \
        LAZY_SUB(va, vb, sf);                                                  \
        const unsigned sh_ = sf ? 0 : 32;                                      \
        uint64_t a_ = fl_a << sh_, b_ = fl_b << sh_;                           \
        unsigned k_ = (unsigned)(a_ == b_) << 2 | (unsigned)(a_ < b_) << 1 |   \
                      (unsigned)((int64_t)a_ < (int64_t)b_);                   \
        FUSED;                                                                 \
        if ((i->b >> k_) & 1)                                                  \
            TAKE(SLOT_AT(i, i->imm));                                          \
        vmbreak;                                                               \
    }
/* Entering slot s other than from the slot before it. */
#define RELOAD(s) (acc = x[(s)->fwd])
/* The slot bytes away from slot p. */
#define SLOT_AT(p, bytes) ((a64_dinsn *)((char *)(p) + (int64_t)(bytes)))

/* i retires and execution continues at t: a slot of this page, or the
 * lookup. */
#define JUMP(t)                                                                \
    do {                                                                       \
        pc = (t);                                                              \
        if (likely((pc & ~0xfffull) == page_va && !(pc & 3)))                  \
            TAKE(&dp->insn[(pc & 0xfff) >> 2]);                                \
        left = LEFT(i + 1);                                                    \
        if (unlikely(left == 0))                                               \
            goto out_at_pc;                                                    \
        goto lookup;                                                           \
    } while (0)

/* The base register of a load or store; an unaligned SP goes to the
 * executor, which raises the SP alignment fault. */
#define BASE(b)                                                                \
    do {                                                                       \
        b = x[i->rn];                                                          \
        if (unlikely(i->rn == 31 && (b & 15)))                                 \
            goto generic;                                                      \
    } while (0)
/* The same with the base forwarded in acc. */
#define BASE_A(b)                                                              \
    do {                                                                       \
        b = acc;                                                               \
        if (unlikely(i->rn == 31 && (b & 15)))                                 \
            goto generic;                                                      \
    } while (0)
#define ADDR_OFF(b) ((b) + i->imm)
#define ADDR_PRE(b) ((b) + i->imm)
#define ADDR_POST(b) (b)
#define ADDR_REG(b) ((b) + OP2(x[i->rm])) /* Rm mapped: map_zr() */
#define WB_OFF(b)
#define WB_PRE(b) x[i->rn] = (b) + i->imm;
#define WB_POST(b) x[i->rn] = (b) + i->imm;
#define WB_REG(b)
/* the register offset forwarded in acc */
#define ADDR_REG_M(b) ((b) + OP2(acc))

/* The host address of an access of size bytes at va through the TLB tlb,
 * or the generic path when it misses or leaves the page. */
#define HOST(h, tlb, va, size)                                                 \
    do {                                                                       \
        const a64_tlb *t_ = a64_tlb_find(cpu->tlb, va, size);                 \
        if (unlikely(!t_))                                                     \
            goto generic;                                                      \
        h = (uint8_t *)(uintptr_t)((va) + t_->addend);                         \
    } while (0)

#define LOAD(mode, size, conv) LOADF(BASE, ADDR_##mode, WB_##mode, size, conv)
/* a load with its base (B) and address (A) and writeback (WB) forms */
#define LOADF(B, A, WB, size, conv) LOADF_THEN(B, A, WB, size, conv, vmbreak)
/* the same, going on with then (a fused operation's next instruction) */
#define LOADF_THEN(B, A, WB, size, conv, then)                                 \
    {                                                                          \
        uint64_t b_, va_, v_ = 0;                                              \
        uint8_t *h_;                                                           \
        B(b_);                                                                 \
        va_ = A(b_);                                                           \
        HOST(h_, tlb_r, va_, size);                                            \
        memcpy(&v_, h_, size);                                                 \
        WB(b_)                                                                 \
        SET_X(i->rd, conv(v_));                                                \
        then;                                                                  \
    }
#define STORE(mode, size) STOREF(BASE, X(i->rd), ADDR_##mode, WB_##mode, size)
#define STOREF(B, val, A, WB, size)                                            \
    {                                                                          \
        uint64_t b_, va_, v_ = (val);                                          \
        uint8_t *h_;                                                           \
        B(b_);                                                                 \
        va_ = A(b_);                                                           \
        HOST(h_, tlb_w, va_, size);                                            \
        memcpy(h_, &v_, size);                                                 \
        a64_excl_store(cpu, va_, size);                                        \
        WB(b_)                                                                 \
        vmbreak;                                                               \
    }
#define LOAD_PAIR(mode, size)                                                  \
    {                                                                          \
        uint64_t b_, va_, v1_ = 0, v2_ = 0;                                    \
        uint8_t *h_;                                                           \
        BASE(b_);                                                              \
        va_ = ADDR_##mode(b_);                                                 \
        HOST(h_, tlb_r, va_, 2 * (size));                                      \
        memcpy(&v1_, h_, size);                                                \
        memcpy(&v2_, h_ + (size), size);                                       \
        SET_X(i->rd, v1_);                                            \
        SET_X(i->ra, v2_);                                            \
        WB_##mode(b_)                                                          \
        vmbreak;                                                               \
    }
#define STORE_PAIR(mode, size)                                                 \
    {                                                                          \
        uint64_t b_, va_, v1_ = X(i->rd), v2_ = X(i->ra);                      \
        uint8_t *h_;                                                           \
        BASE(b_);                                                              \
        va_ = ADDR_##mode(b_);                                                 \
        HOST(h_, tlb_w, va_, 2 * (size));                                      \
        memcpy(h_, &v1_, size);                                                \
        memcpy(h_ + (size), &v2_, size);                                       \
        a64_excl_store(cpu, va_, 2 * (size));                                  \
        WB_##mode(b_)                                                          \
        vmbreak;                                                               \
    }

/* What a loaded value becomes in the register. */
#define ZX(v) (v)
#define SX32(v) ((uint64_t)(int64_t)(int32_t)(uint32_t)(v))
#define SX16(v) ((uint64_t)(int64_t)(int16_t)(uint16_t)(v))
#define SX8(v) ((uint64_t)(int64_t)(int8_t)(uint8_t)(v))
#define SX16W(v) ((uint64_t)(uint32_t)(int32_t)(int16_t)(uint16_t)(v))
#define SX8W(v) ((uint64_t)(uint32_t)(int32_t)(int8_t)(uint8_t)(v))

#define LOADS(K, size, conv)                                                   \
    vmcase(OP_##K##_OFF) LOAD(OFF, size, conv)                                 \
    vmcase(OP_##K##_PRE) LOAD(PRE, size, conv)                                 \
    vmcase(OP_##K##_POST) LOAD(POST, size, conv)                               \
    vmcase(OP_##K##_REG) LOAD(REG, size, conv)
#define STORES(K, size)                                                        \
    vmcase(OP_##K##_OFF) STORE(OFF, size)                                      \
    vmcase(OP_##K##_PRE) STORE(PRE, size)                                      \
    vmcase(OP_##K##_POST) STORE(POST, size)                                    \
    vmcase(OP_##K##_REG) STORE(REG, size)
#define PAIRS(K, MAC, size)                                                    \
    vmcase(OP_##K##_OFF) MAC(OFF, size)                                        \
    vmcase(OP_##K##_PRE) MAC(PRE, size)                                        \
    vmcase(OP_##K##_POST) MAC(POST, size)

/*
 * Run up to n steps (n > 0 is not required) from cpu->pc through the
 * decoded-instruction cache. Hot state is in locals: the slot i being run,
 * the page dp and its virtual address page_va, the budget (left, or dl
 * within a page). At most 2^40 steps run in one call. Returns the steps
 * taken; *trapped and cpu->esr/far/pc as a64_run() describes.
 */
uint64_t a64_run_fast(a64_cpu *cpu, uint64_t n, bool *trapped)
{
#if A64_DISPATCH_GOTO
    static const void *const disptab[OP_COUNT] = {
#define A64_OP_LABEL(name) [OP_##name] = &&L_OP_##name,
        A64_OPS(A64_OP_LABEL)
#undef A64_OP_LABEL
    };
#endif
    a64_dcache *dc = cpu->dcache;
    uint64_t *const x = cpu->x;
    uint64_t left = n, pc = cpu->pc, page_va = 0;
    a64_dpage *dp = NULL;
    a64_dinsn *i = NULL;
    uintptr_t dl = 0, lim = 0; /* the budget's end, the page's (ENTER()) */
    /* the slot where the budget ends, if in the run, and its operation */
    a64_dinsn *stop = NULL;
    uint8_t stop_op = 0;
    /* the flags, in a local the compiler can keep in a register: stored
     * before the executors run and on the way out, loaded after */
    uint32_t nzcv = cpu->nzcv;
    /* Lazy flags: after a compare (SUBS), fl_k says nzcv is not computed
     * yet but is that of fl_a - fl_b at 64 (1) or 32 bits (2); 0: nzcv
     * holds the flags. FLAGS() computes them where they are needed whole. */
    uint64_t fl_a = 0, fl_b = 0;
    unsigned fl_k = 0;
    uint64_t acc = 0; /* the last result: the forwarded operand */
    uint64_t idx;     /* a fused table jump's index (ADR_BR) */

    if (n == 0)
        return 0;
    if (n > (1ull << 40)) /* so that dl cannot wrap */
        left = n = 1ull << 40;

lookup: { /* continue at pc (left > 0) */
        UNPLANT();
        if (unlikely(pc & 3)) {
            cpu->pc = pc;
            a64_raise(cpu, A64_EC_PC_ALIGN, 0, pc);
            goto trapped;
        }
        const a64_tlb *t = &cpu->tlb_x[(pc >> A64_PAGE_BITS) & (A64_TLB_SIZE - 1)];
        uint8_t *h;
        if (likely(t->tag == pc >> A64_PAGE_BITS)) {
            h = (uint8_t *)(uintptr_t)(pc + t->addend);
        } else if (!(h = a64_tlb_fill(cpu, pc, A64_ACC_FETCH))) {
            cpu->pc = pc;
            goto trapped;
        }
        h -= pc & (A64_PAGE_SIZE - 1);
        bool fresh;
        dp = a64_dcache_page(dc, h, &fresh);
        if (unlikely(!dp)) { /* not RAM: one step of the plain loop */
            cpu->pc = pc;
            FLAGS();
            cpu->nzcv = nzcv;
            bool stepped = a64_step(cpu);
            nzcv = cpu->nzcv;
            if (stepped)
                goto trapped;
            pc = cpu->pc;
            if (--left == 0)
                goto out_at_pc;
            goto lookup;
        }
        if (fresh)
            drop_store_entries(cpu, h);
        page_va = pc & ~(A64_PAGE_SIZE - 1);
        i = &dp->insn[(pc & (A64_PAGE_SIZE - 1)) >> 2];
        RELOAD(i);
        dl = (uintptr_t)i + left * sizeof(a64_dinsn);
    }

replant: /* a run begins at i in a new page, or with STOP planted or to
          * plant (ENTER()): lim and the stop set for it */
    UNPLANT();
    lim = (uintptr_t)(dp->insn + A64_DPAGE_SLOTS);
    if (dl < lim)
        PLANT((a64_dinsn *)dl);
    vmjump;

#if !A64_DISPATCH_GOTO
dispatch:
#endif
    vmdispatch(i->op) {
    vmcase(OP_DECODE) { /* first run since the slot was written */
        uint32_t raw;
        unsigned off = (unsigned)(i - dp->insn) << 2;
        a64_dinsn *st = stop; /* decoding sees (and may change) the slots */
        UNPLANT();            /* around: STOP is planted again after */
        memcpy(&raw, a64_dcache_host(dc, dp) + off, 4);
        predecode(raw, off, i);
        forward(dp, off >> 2);
        unforward(dp, off >> 2);
        fuse(dp, off >> 2);
        if (st)
            PLANT(st);
        RELOAD(i);
        vmjump;
    }
    vmcase(OP_LOOKUP) /* ran off the page's end */
        left = LEFT(i);
        pc = PC_OF(i);
        if (unlikely(left == 0))
            goto out_at_pc;
        goto lookup;
    vmcase(OP_STOP) /* the budget ends here (ENTER()) */
        UNPLANT();
        if (likely(LEFT(i) == 0))
            goto out;
        goto generic; /* room for one to three: the first slot of a
                       * fused operation (PLANT()) */
    vmcase(OP_GENERIC)
        goto generic;
    vmcase(OP_NOP)
        vmbreak;

    /* data processing, immediate */
    SF_CASES(ADD_IMM, { /* Rn and Rd are SP for 31 */
        ADD_IMM_OF(sf);
        vmbreak;
    })
    SF_CASES(ADDS_IMM, {
        if (i->a) { /* SUBS, CMP: imm is NOT of the immediate */
            LAZY_SUB(x[i->rn], ~i->imm, sf);
            vmbreak;
        }
        SET_X(i->rd, a64_add_with_carry(x[i->rn], i->imm, 0, sf, &nzcv));
        fl_k = 0;
        vmbreak;
    })
    SF_CASES(AND_IMM, { /* Rd is SP for 31 */
        uint64_t r = X(i->rn) & i->imm;
        SET_RD(i->rd, r, sf);
        vmbreak;
    })
    SF_CASES(ORR_IMM, {
        uint64_t r = X(i->rn) | i->imm;
        SET_RD(i->rd, r, sf);
        vmbreak;
    })
    SF_CASES(EOR_IMM, {
        uint64_t r = X(i->rn) ^ i->imm;
        SET_RD(i->rd, r, sf);
        vmbreak;
    })
    SF_CASES(ANDS_IMM, {
        uint64_t r = X(i->rn) & i->imm;
        nzcv = a64_nz_of(r, sf);
        fl_k = 0;
        SET_RD(i->rd, r, sf);
        vmbreak;
    })
    vmcase(OP_MOVI)
        SET_X(i->rd, i->imm);
        vmbreak;
    SF_CASES(MOVK, {
        SET_RD(i->rd, (X(i->rd) & i->imm2) | i->imm, sf);
        vmbreak;
    })
    vmcase(OP_ADR)
        SET_X(i->rd, PC_OF(i) + i->imm);
        vmbreak;
    vmcase(OP_ADRP)
        SET_X(i->rd, page_va + i->imm);
        vmbreak;
    SF_CASES(BFX, { /* SBFM, UBFM */
        SET_RD(i->rd, OP2(X(i->rn)), sf);
        vmbreak;
    })
    SF_CASES(BFM, {
        SET_RD(i->rd,
                   a64_bitfield(i->ra, X(i->rn), X(i->rd), i->a, i->b,
                                sf ? 64 : 32, i->imm, i->imm2),
                   sf);
        vmbreak;
    })
    /* data processing, register */
    SF_CASES(ADD_REG, {
        SET_X(i->rd,
                  (X(i->rn) + OP2(X(i->rm))) &
                      a64_mask_of(sf));
        vmbreak;
    })
    SF_CASES(SUB_REG, {
        SET_X(i->rd,
                  (X(i->rn) - OP2(X(i->rm))) &
                      a64_mask_of(sf));
        vmbreak;
    })
    SF_CASES(ADDS_REG, {
        SET_X(i->rd,
                  a64_add_with_carry(
                      X(i->rn), OP2(X(i->rm)), 0,
                      sf, &nzcv));
        fl_k = 0;
        vmbreak;
    })
    SF_CASES(SUBS_REG, {
        LAZY_SUB(X(i->rn), OP2(X(i->rm)), sf);
        vmbreak;
    })
    SF_CASES(AND_REG, {
        uint64_t m = OP2(X(i->rm));
        SET_RD(i->rd, X(i->rn) & (i->ra ? ~m : m), sf);
        vmbreak;
    })
    SF_CASES(ORR_REG, {
        uint64_t m = OP2(X(i->rm));
        SET_RD(i->rd, X(i->rn) | (i->ra ? ~m : m), sf);
        vmbreak;
    })
    SF_CASES(EOR_REG, {
        uint64_t m = OP2(X(i->rm));
        SET_RD(i->rd, X(i->rn) ^ (i->ra ? ~m : m), sf);
        vmbreak;
    })
    SF_CASES(ANDS_REG, {
        uint64_t m = OP2(X(i->rm));
        uint64_t r = X(i->rn) & (i->ra ? ~m : m);
        nzcv = a64_nz_of(r, sf);
        fl_k = 0;
        SET_RD(i->rd, r, sf);
        vmbreak;
    })
    SF_CASES(MOV_REG, { /* ORR Rd, ZR, Rm */
        SET_RD(i->rd, X(i->rm), sf);
        vmbreak;
    })
    SF_CASES(CSEL, {
        uint64_t r;
        FLAGS();
        if (a64_cond(nzcv, i->ra)) {
            r = X(i->rn);
        } else {
            r = X(i->rm);
            if (i->a)
                r = ~r;
            r += i->b;
        }
        SET_RD(i->rd, r, sf);
        vmbreak;
    })
    SF_CASES(CCMP, { /* the comparison's flags if cond holds, else #nzcv */
        FLAGS();
        if (!a64_cond(nzcv, i->ra)) {
            nzcv = (uint32_t)i->imm;
        } else {
            uint64_t b = i->b ? i->rm : X(i->rm);
            a64_add_with_carry(X(i->rn), i->a ? ~b : b, i->a, sf,
                               &nzcv);
        }
        vmbreak;
    })
    SF_CASES(SHIFTV, {
        uint64_t m = a64_mask_of(sf);
        SET_RD(i->rd,
                   a64_shift_reg(X(i->rn) & m, i->a,
                                 (unsigned)(X(i->rm) & (sf ? 63 : 31)),
                                 sf),
                   sf);
        vmbreak;
    })
    vmcase(OP_UDIV) {
        uint64_t m = a64_mask_of(i->sf);
        SET_RD(i->rd, a64_udiv(X(i->rn) & m, X(i->rm) & m), i->sf);
        vmbreak;
    }
    vmcase(OP_SDIV) {
        uint64_t m = a64_mask_of(i->sf);
        SET_RD(i->rd,
                   a64_sdiv(X(i->rn) & m, X(i->rm) & m, i->sf ? 64 : 32),
                   i->sf);
        vmbreak;
    }
    SF_CASES(EXTR, {
        SET_RD(i->rd, a64_extr(X(i->rn), X(i->rm), i->a, sf),
                   sf);
        vmbreak;
    })
    SF_CASES(ADD_EXT, { /* Rn and Rd are SP for 31 */
        uint64_t b = OP2(X(i->rm));
        uint64_t r = i->ra ? x[i->rn] - b : x[i->rn] + b;
        SET_X(i->rd, r & a64_mask_of(sf));
        vmbreak;
    })
    SF_CASES(ADDS_EXT, { /* Rn is SP for 31 */
        uint64_t b = OP2(X(i->rm));
        SET_X(i->rd,
                  a64_add_with_carry(x[i->rn], i->ra ? ~b : b, i->ra, sf,
                                     &nzcv));
        fl_k = 0;
        vmbreak;
    })
    SF_CASES_AT(MADD, madd, madd_w, {
        MADD_OF(sf);
        vmbreak;
    })
    vmcase(OP_MULH) { /* the high half of the 128-bit product */
        uint64_t u = X(i->rn), v = X(i->rm);
        SET_X(i->rd, i->a ? (uint64_t)(((unsigned __int128)u * v) >> 64)
                          : (uint64_t)(((__int128)(int64_t)u * (int64_t)v) >> 64));
        vmbreak;
    }
    /* branches */
    vmcase(OP_B)
        JUMP(PC_OF(i) + i->imm);
    vmcase(OP_BL)
        pc = PC_OF(i);
        x[30] = pc + 4;
        JUMP(pc + i->imm);
    vmcase(OP_BCOND)
        FLAGS();
        if (a64_cond(nzcv, i->a))
            JUMP(PC_OF(i) + i->imm);
        vmbreak;
    SF_CASES(CBZ, {
        if ((X(i->rd) & a64_mask_of(sf)) == 0)
            JUMP(PC_OF(i) + i->imm);
        vmbreak;
    })
    SF_CASES(CBNZ, {
        if ((X(i->rd) & a64_mask_of(sf)) != 0)
            JUMP(PC_OF(i) + i->imm);
        vmbreak;
    })
    vmcase(OP_TBZ)
        if (!((X(i->rd) >> i->a) & 1))
            JUMP(PC_OF(i) + i->imm);
        vmbreak;
    vmcase(OP_TBNZ)
        if ((X(i->rd) >> i->a) & 1)
            JUMP(PC_OF(i) + i->imm);
        vmbreak;
    /* the same within the page: slot to slot */
    vmcase(OP_B_N)
        TAKE(SLOT_AT(i, i->imm));
    /* B.cond in the page, by condition: after a compare, one comparison of
     * its operands (ConditionHolds on the flags of a - b: a_, b_, r_
     * unsigned, sa_, sb_, sr_ signed, at the compare's width) */
#define BCOND_N(c, n, holds)                                                   \
    vmcase(OP_BCOND_N_##c) {                                                   \
        bool t_;                                                               \
        if (likely(fl_k == 1)) {                                               \
            uint64_t a_ = fl_a, b_ = fl_b, r_ = a_ - b_;                       \
            int64_t sa_ = (int64_t)a_, sb_ = (int64_t)b_, sr_ = (int64_t)r_;   \
            t_ = (holds);                                                      \
            (void)sa_, (void)sb_, (void)sr_;                                   \
        } else if (fl_k == 2) {                                                \
            uint32_t a_ = (uint32_t)fl_a, b_ = (uint32_t)fl_b, r_ = a_ - b_;   \
            int32_t sa_ = (int32_t)a_, sb_ = (int32_t)b_, sr_ = (int32_t)r_;   \
            t_ = (holds);                                                      \
            (void)sa_, (void)sb_, (void)sr_;                                   \
        } else {                                                               \
            t_ = a64_cond(nzcv, n);                                            \
        }                                                                      \
        if (t_)                                                                \
            TAKE(SLOT_AT(i, i->imm));                                          \
        vmbreak;                                                               \
    }
    BCOND_N(EQ, 0, a_ == b_)
    BCOND_N(NE, 1, a_ != b_)
    BCOND_N(CS, 2, a_ >= b_)
    BCOND_N(CC, 3, a_ < b_)
    BCOND_N(MI, 4, sr_ < 0)
    BCOND_N(PL, 5, sr_ >= 0)
    BCOND_N(VS, 6, ((sa_ ^ sb_) & (sa_ ^ sr_)) < 0)
    BCOND_N(VC, 7, ((sa_ ^ sb_) & (sa_ ^ sr_)) >= 0)
    BCOND_N(HI, 8, a_ > b_)
    BCOND_N(LS, 9, a_ <= b_)
    BCOND_N(GE, 10, sa_ >= sb_)
    BCOND_N(LT, 11, sa_ < sb_)
    BCOND_N(GT, 12, sa_ > sb_)
    BCOND_N(LE, 13, sa_ <= sb_)
    BCOND_N(AL, 14, true)
    BCOND_N(NV, 15, true) /* "always" too */
#undef BCOND_N
    SF_CASES(CBZ_N, {
        if ((X(i->rd) & a64_mask_of(sf)) == 0)
            TAKE(SLOT_AT(i, i->imm));
        vmbreak;
    })
    SF_CASES(CBNZ_N, {
        if ((X(i->rd) & a64_mask_of(sf)) != 0)
            TAKE(SLOT_AT(i, i->imm));
        vmbreak;
    })
    vmcase(OP_TBZ_N)
        if (!((X(i->rd) >> i->a) & 1))
            TAKE(SLOT_AT(i, i->imm));
        vmbreak;
    vmcase(OP_TBNZ_N)
        if ((X(i->rd) >> i->a) & 1)
            TAKE(SLOT_AT(i, i->imm));
        vmbreak;
    vmcase(OP_BR) /* BR, RET */
        JUMP(X(i->rn));
    vmcase(OP_BLR) { /* the target is read first, so BLR X30 works */
        uint64_t target = X(i->rn);
        x[30] = PC_OF(i) + 4;
        JUMP(target);
    }

    /* loads and stores */
    LOADS(LDX, 8, ZX)
    LOADS(LDW, 4, ZX)
    LOADS(LDH, 2, ZX)
    LOADS(LDB, 1, ZX)
    LOADS(LDSW, 4, SX32)
    LOADS(LDSH, 2, SX16)
    LOADS(LDSB, 1, SX8)
    LOADS(LDSHW, 2, SX16W)
    LOADS(LDSBW, 1, SX8W)
    STORES(STX, 8)
    STORES(STW, 4)
    STORES(STH, 2)
    STORES(STB, 1)
    PAIRS(LDPX, LOAD_PAIR, 8)
    PAIRS(LDPW, LOAD_PAIR, 4)
    PAIRS(STPX, STORE_PAIR, 8)
    PAIRS(STPW, STORE_PAIR, 4)

    /* consumers: the operand fwd names is acc (see forward()) */
    SF_CASES(ADD_IMM_A, { /* Rn and Rd are SP for 31 */
        SET_RD(i->rd, acc + i->imm, sf);
        vmbreak;
    })
    SF_CASES(ADDS_IMM_A, {
        if (i->a) {
            LAZY_SUB(acc, ~i->imm, sf);
            vmbreak;
        }
        SET_X(i->rd, a64_add_with_carry(acc, i->imm, 0, sf, &nzcv));
        fl_k = 0;
        vmbreak;
    })
    SF_CASES(AND_IMM_A, { /* Rd is SP for 31 */
        SET_RD(i->rd, acc & i->imm, sf);
        vmbreak;
    })
    SF_CASES(BFX_A, {
        SET_RD(i->rd, OP2(acc), sf);
        vmbreak;
    })
    SF_CASES(BFM_A, {
        SET_RD(i->rd,
               a64_bitfield(i->ra, acc, X(i->rd), i->a, i->b, sf ? 64 : 32,
                            i->imm, i->imm2),
               sf);
        vmbreak;
    })
    SF_CASES(ADD_REG_A, {
        SET_X(i->rd, (acc + OP2(X(i->rm))) &
                         a64_mask_of(sf));
        vmbreak;
    })
    SF_CASES(ADD_REG_M, {
        SET_X(i->rd, (X(i->rn) + OP2(acc)) &
                         a64_mask_of(sf));
        vmbreak;
    })
    SF_CASES(SUB_REG_A, {
        SET_X(i->rd, (acc - OP2(X(i->rm))) &
                         a64_mask_of(sf));
        vmbreak;
    })
    SF_CASES(SUBS_REG_A, {
        LAZY_SUB(acc, OP2(X(i->rm)), sf);
        vmbreak;
    })
    SF_CASES(SUBS_REG_M, {
        LAZY_SUB(X(i->rn), OP2(acc), sf);
        vmbreak;
    })
    SF_CASES_AT(EOR_REG_A, eor_reg_a, eor_reg_a_w, {
        EOR_A_OF(sf);
        vmbreak;
    })
    SF_CASES(MOV_REG_A, {
        SET_RD(i->rd, acc, sf);
        vmbreak;
    })
    SF_CASES(CBZ_N_V, {
        if ((acc & a64_mask_of(sf)) == 0)
            TAKE(SLOT_AT(i, i->imm));
        vmbreak;
    })
    SF_CASES(CBNZ_N_V, {
        if ((acc & a64_mask_of(sf)) != 0)
            TAKE(SLOT_AT(i, i->imm));
        vmbreak;
    })
    vmcase(OP_TBZ_N_V)
        if (!((acc >> i->a) & 1))
            TAKE(SLOT_AT(i, i->imm));
        vmbreak;
    vmcase(OP_TBNZ_N_V)
        if ((acc >> i->a) & 1)
            TAKE(SLOT_AT(i, i->imm));
        vmbreak;
    vmcase(OP_BR_A)
        JUMP(acc);
    vmcase(OP_LDX_OFF_A) LOADF(BASE_A, ADDR_OFF, WB_OFF, 8, ZX)
    vmcase(OP_LDW_OFF_A) LOADF(BASE_A, ADDR_OFF, WB_OFF, 4, ZX)
    vmcase(OP_LDH_OFF_A) LOADF(BASE_A, ADDR_OFF, WB_OFF, 2, ZX)
    vmcase(OP_LDB_OFF_A) LOADF(BASE_A, ADDR_OFF, WB_OFF, 1, ZX)
    vmcase(OP_LDSW_OFF_A) LOADF(BASE_A, ADDR_OFF, WB_OFF, 4, SX32)
    vmcase(OP_LDX_REG_A) LOADF(BASE_A, ADDR_REG, WB_REG, 8, ZX)
    vmcase(OP_LDW_REG_A) LOADF(BASE_A, ADDR_REG, WB_REG, 4, ZX)
    vmcase(OP_LDB_REG_A) LOADF(BASE_A, ADDR_REG, WB_REG, 1, ZX)
    vmcase(OP_LDSW_REG_A) LOADF(BASE_A, ADDR_REG, WB_REG, 4, SX32)
    vmcase(OP_LDX_REG_M) LOADF(BASE, ADDR_REG_M, WB_REG, 8, ZX)
    vmcase(OP_LDW_REG_M) LOADF(BASE, ADDR_REG_M, WB_REG, 4, ZX)
    vmcase(OP_LDB_REG_M) LOADF(BASE, ADDR_REG_M, WB_REG, 1, ZX)
    vmcase(OP_LDSW_REG_M) LOADF(BASE, ADDR_REG_M, WB_REG, 4, SX32)
    vmcase(OP_STX_OFF_V) STOREF(BASE, acc, ADDR_OFF, WB_OFF, 8)
    vmcase(OP_STW_OFF_V) STOREF(BASE, acc, ADDR_OFF, WB_OFF, 4)
    vmcase(OP_STB_OFF_V) STOREF(BASE, acc, ADDR_OFF, WB_OFF, 1)
    vmcase(OP_STX_OFF_A) STOREF(BASE_A, X(i->rd), ADDR_OFF, WB_OFF, 8)
    vmcase(OP_STW_OFF_A) STOREF(BASE_A, X(i->rd), ADDR_OFF, WB_OFF, 4)

    /* fused compare and branch (fuse()) */
    SF_CASES(CMPI_BC, CMP_BCOND(x[i->rn], ~i->imm)) /* Rn is SP for 31 */
    SF_CASES_AT(CMPI_A_BC, cmpi_a_bc, cmpi_a_bc_w, CMP_BCOND(acc, ~i->imm))
    SF_CASES_AT(CMPR_BC, cmpr_bc, cmpr_bc_w,
                CMP_BCOND(X(i->rn), OP2(X(i->rm))))
    SF_CASES_AT(CMPR_A_BC, cmpr_a_bc, cmpr_a_bc_w,
                CMP_BCOND(acc, OP2(X(i->rm))))
    SF_CASES(CMPR_M_BC, CMP_BCOND(X(i->rn), OP2(acc)))
    SF_CASES(BFX_ADD, { /* a bitfield move, then an ADD of it as Rm */
        SET_RD(i->rd, OP2(X(i->rn)), sf);
        FUSED;
        SET_X(i->rd, (X(i->rn) + OP2(acc)) & a64_mask_of(i->sf));
        vmbreak;
    })
    /* LDRH, then the fused table jump, whose ADD takes the loaded entry as
     * Rm (more_pairs()): from acc, not through x[] */
    vmcase(OP_LDH_ADR_BR)
        LOADF_THEN(BASE, ADDR_REG, WB_REG, 2, ZX, {
            uint64_t entry = acc;
            FUSED;
            SET_X(i->rd, PC_OF(i) + i->imm);
            FUSED;
            idx = entry;
            goto table_add;
        })
    /* LDR W (register offset), then the fused compare of its result and
     * B.cond (more_pairs()) */
    vmcase(OP_LDW_CMPI_BC)
    ldw_cmpi_bc:
        LOADF_THEN(BASE, ADDR_REG, WB_REG, 4, ZX, {
            FUSED;
            goto cmpi_a_bc_w;
        })
    vmcase(OP_LDW_CMPR_BC)
        LOADF_THEN(BASE, ADDR_REG, WB_REG, 4, ZX, {
            FUSED;
            goto cmpr_a_bc_w;
        })
    /* the pairs of op_pairs[] whose first is not a load */
    vmcase(OP_EOR_EOR) {
        EOR_A_OF(true);
        FUSED;
        goto eor_reg_a;
    }
    vmcase(OP_EOR_MADD) {
        EOR_A_OF(true);
        FUSED;
        goto madd;
    }
    vmcase(OP_MADD_CMPR_BC) {
        MADD_OF(true);
        FUSED;
        goto cmpr_bc;
    }
    vmcase(OP_ADDI_B) {
        ADD_IMM_OF(false);
        FUSED;
        TAKE(SLOT_AT(i, i->imm));
    }
    vmcase(OP_ADDI_CMPI_BC) {
        ADD_IMM_OF(false);
        FUSED;
        goto cmpi_a_bc_w;
    }
    vmcase(OP_ADDI_CMPR_BC) {
        ADD_IMM_OF(false);
        FUSED;
        goto cmpr_a_bc_w;
    }
    vmcase(OP_ADDI_LDW_CMPI) {
        ADD_IMM_OF(false);
        FUSED;
        goto ldw_cmpi_bc;
    }
    vmcase(OP_ADR_BR) /* fused table jump (table_jump()) */
        SET_X(i->rd, PC_OF(i) + i->imm);
        FUSED;
        idx = X(i->rm); /* Rm may be the ADR's Rd */
    table_add: {
        uint64_t b = OP2(idx);
        SET_X(i->rd, i->ra ? acc - b : acc + b);
        FUSED;
        JUMP(acc);
    }
#if !A64_DISPATCH_GOTO
    default:
        goto generic;
#endif
    }

generic: { /* i through the executors, exactly as the plain loop runs it */
        left = LEFT(i); /* the steps before i, for a trap */
        pc = PC_OF(i);
        cpu->pc = pc + 4;
        FLAGS();
        cpu->nzcv = nzcv;
        int r = a64_execute(cpu, i->insn);
        nzcv = cpu->nzcv;
        if (unlikely(r != A64_OK)) {
            cpu->pc = pc;
            if (r == A64_UNDEF)
                a64_raise(cpu, A64_EC_UNKNOWN, 0, pc);
            goto trapped;
        }
        if (cpu->pc != pc + 4) /* a branch */
            JUMP(cpu->pc);
        RELOAD(i + 1); /* the executor wrote x[], not acc */
        i++;
        goto replant; /* a store may have reset the planted slot */
    }

trapped: /* cpu->pc is on the instruction that trapped: a step */
    UNPLANT();
    *trapped = true;
    FLAGS();
    cpu->nzcv = nzcv;
    left--;
    return n - left;
out: /* the budget ended before i */
    UNPLANT();
    left = LEFT(i);
    cpu->pc = PC_OF(i);
    FLAGS();
    cpu->nzcv = nzcv;
    return n - left;
out_at_pc:
    UNPLANT();
    cpu->pc = pc;
    FLAGS();
    cpu->nzcv = nzcv;
    return n - left;
}
