/*
 * Expansion of compressed instructions into their 32-bit equivalents
 * (unprivileged spec, "C" chapter, tables of RVC instruction listings).
 * The interpreter and the disassembler both decode only 32-bit forms.
 */
#include "cpu/riscv/rv_decode.h"

enum {
    OP_LOAD = 0x03, OP_LOAD_FP = 0x07, OP_IMM = 0x13, OP_IMM_32 = 0x1b,
    OP_STORE = 0x23, OP_STORE_FP = 0x27, OP_OP = 0x33, OP_LUI = 0x37,
    OP_OP_32 = 0x3b, OP_BRANCH = 0x63, OP_JALR = 0x67, OP_JAL = 0x6f,
};

static uint32_t enc_i(unsigned op, unsigned rd, unsigned f3, unsigned rs1,
                      int32_t imm)
{
    return ((uint32_t)imm & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}

static uint32_t enc_s(unsigned op, unsigned f3, unsigned rs1, unsigned rs2,
                      int32_t imm)
{
    uint32_t u = (uint32_t)imm;
    return ((u >> 5) & 0x7f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 |
           (u & 0x1f) << 7 | op;
}

static uint32_t enc_r(unsigned op, unsigned rd, unsigned f3, unsigned rs1,
                      unsigned rs2, unsigned f7)
{
    return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}

static uint32_t enc_b(unsigned f3, unsigned rs1, unsigned rs2, int32_t imm)
{
    uint32_t u = (uint32_t)imm;
    return ((u >> 12) & 1) << 31 | ((u >> 5) & 0x3f) << 25 | rs2 << 20 |
           rs1 << 15 | f3 << 12 | ((u >> 1) & 0xf) << 8 | ((u >> 11) & 1) << 7 |
           OP_BRANCH;
}

static uint32_t enc_j(unsigned rd, int32_t imm)
{
    uint32_t u = (uint32_t)imm;
    return ((u >> 20) & 1) << 31 | ((u >> 1) & 0x3ff) << 21 |
           ((u >> 11) & 1) << 20 | ((u >> 12) & 0xff) << 12 | rd << 7 | OP_JAL;
}

static unsigned bit(uint32_t c, unsigned n) { return (c >> n) & 1; }
static unsigned bits(uint32_t c, unsigned hi, unsigned lo)
{
    return (c >> lo) & ((1u << (hi - lo + 1)) - 1);
}
/* Sign-extend the low n bits of v. */
static int32_t sext(uint32_t v, unsigned n)
{
    return (int32_t)(v << (32 - n)) >> (32 - n);
}

/* The 6-bit immediate of C.ADDI, C.LI, C.ANDI, C.ADDIW (sign-extended). */
static int32_t ci_imm(uint32_t c)
{
    return sext(bit(c, 12) << 5 | bits(c, 6, 2), 6);
}

static uint32_t quadrant0(uint32_t c, unsigned xlen, unsigned fp)
{
    unsigned rdp = bits(c, 4, 2) + 8, rs1p = bits(c, 9, 7) + 8;
    unsigned uimm_w = bits(c, 12, 10) << 3 | bit(c, 6) << 2 | bit(c, 5) << 6;
    unsigned uimm_d = bits(c, 12, 10) << 3 | bits(c, 6, 5) << 6;
    switch (bits(c, 15, 13)) {
    case 0: { /* C.ADDI4SPN */
        unsigned imm = bits(c, 12, 11) << 4 | bits(c, 10, 7) << 6 |
                       bit(c, 6) << 2 | bit(c, 5) << 3;
        if (imm == 0)
            return 0;
        return enc_i(OP_IMM, rdp, 0, 2, (int32_t)imm);
    }
    case 1: /* C.FLD */
        return (fp & RV_C_D) ? enc_i(OP_LOAD_FP, rdp, 3, rs1p, (int32_t)uimm_d) : 0;
    case 2: /* C.LW */
        return enc_i(OP_LOAD, rdp, 2, rs1p, (int32_t)uimm_w);
    case 3: /* C.LD on RV64, C.FLW on RV32 */
        if (xlen == 64)
            return enc_i(OP_LOAD, rdp, 3, rs1p, (int32_t)uimm_d);
        return (fp & RV_C_F) ? enc_i(OP_LOAD_FP, rdp, 2, rs1p, (int32_t)uimm_w) : 0;
    case 5: /* C.FSD */
        return (fp & RV_C_D) ? enc_s(OP_STORE_FP, 3, rs1p, rdp, (int32_t)uimm_d) : 0;
    case 6: /* C.SW */
        return enc_s(OP_STORE, 2, rs1p, rdp, (int32_t)uimm_w);
    case 7: /* C.SD on RV64, C.FSW on RV32 */
        if (xlen == 64)
            return enc_s(OP_STORE, 3, rs1p, rdp, (int32_t)uimm_d);
        return (fp & RV_C_F) ? enc_s(OP_STORE_FP, 2, rs1p, rdp, (int32_t)uimm_w) : 0;
    default: /* 4: reserved */
        return 0;
    }
}

static uint32_t quadrant1(uint32_t c, unsigned xlen)
{
    unsigned rd = bits(c, 11, 7);
    unsigned rdp = bits(c, 9, 7) + 8, rs2p = bits(c, 4, 2) + 8;
    int32_t jimm = sext(bit(c, 12) << 11 | bit(c, 11) << 4 | bits(c, 10, 9) << 8 |
                        bit(c, 8) << 10 | bit(c, 7) << 6 | bit(c, 6) << 7 |
                        bits(c, 5, 3) << 1 | bit(c, 2) << 5, 12);
    int32_t bimm = sext(bit(c, 12) << 8 | bits(c, 11, 10) << 3 |
                        bits(c, 6, 5) << 6 | bits(c, 4, 3) << 1 | bit(c, 2) << 5,
                        9);
    switch (bits(c, 15, 13)) {
    case 0: /* C.ADDI (C.NOP when rd = 0) */
        return enc_i(OP_IMM, rd, 0, rd, ci_imm(c));
    case 1: /* C.JAL on RV32, C.ADDIW on RV64 */
        if (xlen == 32)
            return enc_j(1, jimm);
        if (rd == 0)
            return 0;
        return enc_i(OP_IMM_32, rd, 0, rd, ci_imm(c));
    case 2: /* C.LI */
        return enc_i(OP_IMM, rd, 0, 0, ci_imm(c));
    case 3:
        if (rd == 2) { /* C.ADDI16SP */
            int32_t imm = sext(bit(c, 12) << 9 | bit(c, 6) << 4 | bit(c, 5) << 6 |
                               bits(c, 4, 3) << 7 | bit(c, 2) << 5, 10);
            if (imm == 0)
                return 0;
            return enc_i(OP_IMM, 2, 0, 2, imm);
        } else { /* C.LUI */
            int32_t imm = sext(bit(c, 12) << 17 | bits(c, 6, 2) << 12, 18);
            if (imm == 0)
                return 0;
            return ((uint32_t)imm & 0xfffff000u) | rd << 7 | OP_LUI;
        }
    case 4: {
        unsigned shamt = bit(c, 12) << 5 | bits(c, 6, 2);
        switch (bits(c, 11, 10)) {
        case 0: /* C.SRLI */
            if (xlen == 32 && bit(c, 12))
                return 0;
            return enc_i(OP_IMM, rdp, 5, rdp, (int32_t)shamt);
        case 1: /* C.SRAI */
            if (xlen == 32 && bit(c, 12))
                return 0;
            return enc_i(OP_IMM, rdp, 5, rdp, (int32_t)(shamt | 0x400));
        case 2: /* C.ANDI */
            return enc_i(OP_IMM, rdp, 7, rdp, ci_imm(c));
        default: {
            unsigned f2 = bits(c, 6, 5);
            if (!bit(c, 12)) {
                static const unsigned f3[] = {0, 4, 6, 7};
                return enc_r(OP_OP, rdp, f3[f2], rdp, rs2p, f2 == 0 ? 0x20 : 0);
            }
            if (xlen == 32 || f2 >= 2)
                return 0;
            /* C.SUBW, C.ADDW */
            return enc_r(OP_OP_32, rdp, 0, rdp, rs2p, f2 == 0 ? 0x20 : 0);
        }
        }
    }
    case 5: /* C.J */
        return enc_j(0, jimm);
    case 6: /* C.BEQZ */
        return enc_b(0, rdp, 0, bimm);
    default: /* C.BNEZ */
        return enc_b(1, rdp, 0, bimm);
    }
}

static uint32_t quadrant2(uint32_t c, unsigned xlen, unsigned fp)
{
    unsigned rd = bits(c, 11, 7), rs2 = bits(c, 6, 2);
    unsigned lwsp = bit(c, 12) << 5 | bits(c, 6, 4) << 2 | bits(c, 3, 2) << 6;
    unsigned ldsp = bit(c, 12) << 5 | bits(c, 6, 5) << 3 | bits(c, 4, 2) << 6;
    unsigned swsp = bits(c, 12, 9) << 2 | bits(c, 8, 7) << 6;
    unsigned sdsp = bits(c, 12, 10) << 3 | bits(c, 9, 7) << 6;
    switch (bits(c, 15, 13)) {
    case 0: { /* C.SLLI */
        if (xlen == 32 && bit(c, 12))
            return 0;
        unsigned shamt = bit(c, 12) << 5 | rs2;
        return enc_i(OP_IMM, rd, 1, rd, (int32_t)shamt);
    }
    case 1: /* C.FLDSP */
        return (fp & RV_C_D) ? enc_i(OP_LOAD_FP, rd, 3, 2, (int32_t)ldsp) : 0;
    case 2: /* C.LWSP */
        if (rd == 0)
            return 0;
        return enc_i(OP_LOAD, rd, 2, 2, (int32_t)lwsp);
    case 3: /* C.LDSP on RV64, C.FLWSP on RV32 */
        if (xlen == 64)
            return rd ? enc_i(OP_LOAD, rd, 3, 2, (int32_t)ldsp) : 0;
        return (fp & RV_C_F) ? enc_i(OP_LOAD_FP, rd, 2, 2, (int32_t)lwsp) : 0;
    case 4:
        if (!bit(c, 12)) {
            if (rs2 == 0) /* C.JR */
                return rd ? enc_i(OP_JALR, 0, 0, rd, 0) : 0;
            return enc_r(OP_OP, rd, 0, 0, rs2, 0); /* C.MV */
        }
        if (rs2 == 0) {
            if (rd == 0)
                return 0x00100073; /* C.EBREAK */
            return enc_i(OP_JALR, 1, 0, rd, 0); /* C.JALR */
        }
        return enc_r(OP_OP, rd, 0, rd, rs2, 0); /* C.ADD */
    case 5: /* C.FSDSP */
        return (fp & RV_C_D) ? enc_s(OP_STORE_FP, 3, 2, rs2, (int32_t)sdsp) : 0;
    case 6: /* C.SWSP */
        return enc_s(OP_STORE, 2, 2, rs2, (int32_t)swsp);
    default: /* C.SDSP on RV64, C.FSWSP on RV32 */
        if (xlen == 64)
            return enc_s(OP_STORE, 3, 2, rs2, (int32_t)sdsp);
        return (fp & RV_C_F) ? enc_s(OP_STORE_FP, 2, 2, rs2, (int32_t)swsp) : 0;
    }
}

uint32_t rv_expand_compressed(uint16_t c16, unsigned xlen, unsigned fp)
{
    uint32_t c = c16;
    switch (c & 3) {
    case 0: return quadrant0(c, xlen, fp);
    case 1: return quadrant1(c, xlen);
    case 2: return quadrant2(c, xlen, fp);
    default: return 0;
    }
}
