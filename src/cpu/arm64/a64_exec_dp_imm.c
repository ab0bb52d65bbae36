/*
 * A64 data processing, immediate (Arm ARM C4.1.86: op0 = 100x): PC-relative
 * addresses, add/subtract, logical, move wide, bitfield and extract.
 * The group is chosen by op1 = bits 25:23.
 */
#include "cpu/arm64/a64_dp.h"

/* Logical (immediate): AND, ORR, EOR, ANDS. Rd is SP except for ANDS. */
static int logical_imm(a64_cpu *cpu, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned opc = a64_bits(insn, 30, 29), n = (insn >> 22) & 1;
    unsigned rn = a64_bits(insn, 9, 5), rd = insn & 31;
    uint64_t imm, tmask;
    if (!sf && n)
        return A64_UNDEF;
    if (!a64_decode_bit_masks(n, a64_bits(insn, 15, 10), a64_bits(insn, 21, 16),
                          true, sf ? 64 : 32, &imm, &tmask))
        return A64_UNDEF;
    uint64_t a = a64_x(cpu, rn), r;
    switch (opc) {
    case 0: r = a & imm; break;
    case 1: r = a | imm; break;
    case 2: r = a ^ imm; break;
    default:
        r = a & imm;
        if (!sf)
            r = (uint32_t)r;
        cpu->nzcv = (r == 0 ? A64_Z : 0) |
                    ((r >> (sf ? 63 : 31)) & 1 ? A64_N : 0);
        a64_set_rd(cpu, rd, r, sf);
        return A64_OK;
    }
    a64_set_xsp(cpu, rd, sf ? r : (uint32_t)r);
    return A64_OK;
}

/* Bitfield: SBFM, BFM, UBFM (and their aliases ASR, LSL, LSR, SXTB,
 * UBFX, BFI... which are these with particular immr/imms). */
static int bitfield(a64_cpu *cpu, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned opc = a64_bits(insn, 30, 29), n = (insn >> 22) & 1;
    unsigned immr = a64_bits(insn, 21, 16), imms = a64_bits(insn, 15, 10);
    unsigned rn = a64_bits(insn, 9, 5), rd = insn & 31;
    unsigned size = sf ? 64 : 32;
    uint64_t wmask, tmask;
    if (opc == 3 || n != sf || (!sf && (immr | imms) >= 32))
        return A64_UNDEF;
    if (!a64_decode_bit_masks(n, imms, immr, false, size, &wmask, &tmask))
        return A64_UNDEF;
    uint64_t r = a64_bitfield(opc, a64_x(cpu, rn), a64_x(cpu, rd), immr, imms,
                              size, wmask, tmask);
    a64_set_rd(cpu, rd, r, sf);
    return A64_OK;
}

int a64_exec_dp_imm(a64_cpu *cpu, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned rd = insn & 31, rn = a64_bits(insn, 9, 5);

    switch (a64_bits(insn, 25, 23)) {
    case 2: { /* add/subtract (immediate); Rn is SP, Rd is SP unless S */
        uint64_t imm = a64_bits(insn, 21, 10);
        if (insn & (1u << 22))
            imm <<= 12;
        uint64_t a = a64_xsp(cpu, rn), r;
        bool sub = insn & (1u << 30);
        if (!(insn & (1u << 29))) {
            r = sub ? a - imm : a + imm;
            a64_set_xsp(cpu, rd, sf ? r : (uint32_t)r);
        } else {
            r = a64_add_with_carry(a, sub ? ~imm : imm, sub, sf, &cpu->nzcv);
            a64_set_x(cpu, rd, r);
        }
        return A64_OK;
    }
    case 4:
        return logical_imm(cpu, insn);
    case 5: { /* move wide: MOVN, MOVZ, MOVK */
        unsigned opc = a64_bits(insn, 30, 29), hw = a64_bits(insn, 22, 21);
        if (opc == 1 || (!sf && hw >= 2))
            return A64_UNDEF;
        unsigned pos = hw * 16;
        uint64_t imm = (uint64_t)a64_bits(insn, 20, 5) << pos;
        uint64_t r;
        if (opc == 3) /* MOVK keeps the other bits */
            r = (a64_x(cpu, rd) & ~(0xffffull << pos)) | imm;
        else
            r = opc == 0 ? ~imm : imm;
        a64_set_rd(cpu, rd, r, sf);
        return A64_OK;
    }
    case 0: case 1: { /* ADR, ADRP */
        uint64_t pc = cpu->pc - 4;
        uint64_t imm = (uint64_t)a64_sext(
            a64_bits(insn, 23, 5) << 2 | a64_bits(insn, 30, 29), 21);
        if (insn >> 31)
            a64_set_x(cpu, rd, (pc & ~0xfffull) + (imm << 12));
        else
            a64_set_x(cpu, rd, pc + imm);
        return A64_OK;
    }
    case 6:
        return bitfield(cpu, insn);
    case 7: { /* extract: EXTR (ROR immediate is EXTR with Rn == Rm) */
        unsigned n = (insn >> 22) & 1, lsb = a64_bits(insn, 15, 10);
        if (a64_bits(insn, 30, 29) != 0 || (insn & (1u << 21)) || n != sf ||
            (!sf && lsb >= 32))
            return A64_UNDEF;
        uint64_t r = a64_extr(a64_x(cpu, rn),
                              a64_x(cpu, a64_bits(insn, 20, 16)), lsb, sf);
        a64_set_rd(cpu, rd, r, sf);
        return A64_OK;
    }
    default: /* 3: add/subtract with tags (MTE), not implemented */
        return A64_UNDEF;
    }
}
