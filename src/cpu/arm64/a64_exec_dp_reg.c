/*
 * A64 data processing, register (Arm ARM C4.1.88: op0 = x101): logical and
 * add/subtract with shifted or extended registers, add/subtract with carry,
 * conditional compare and select, and the 1-, 2- and 3-source operations.
 * The class is chosen by bits 28:24 and then 23:21.
 */
#include "cpu/arm64/a64_dp.h"

static int logical_shifted(a64_cpu *cpu, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned amount = a64_bits(insn, 15, 10);
    if (!sf && amount >= 32)
        return A64_UNDEF;
    uint64_t a = a64_x(cpu, a64_bits(insn, 9, 5));
    uint64_t b = a64_shift_reg(a64_x(cpu, a64_bits(insn, 20, 16)),
                           a64_bits(insn, 23, 22), amount, sf);
    if (insn & (1u << 21)) /* BIC, ORN, EON, BICS */
        b = ~b;
    uint64_t r;
    switch (a64_bits(insn, 30, 29)) {
    case 0: r = a & b; break;
    case 1: r = a | b; break;
    case 2: r = a ^ b; break;
    default: /* ANDS, BICS: C and V are cleared */
        r = a & b;
        cpu->nzcv = a64_nz_of(r, sf);
        break;
    }
    a64_set_rd(cpu, insn & 31, r, sf);
    return A64_OK;
}

/* ADD, ADDS, SUB, SUBS (shifted register: XZR operands; extended register:
 * Rn is SP, and Rd too unless S) */
static int add_sub_reg(a64_cpu *cpu, uint32_t insn)
{
    bool sf = insn >> 31, sub = insn & (1u << 30), s = insn & (1u << 29);
    unsigned rd = insn & 31, rn = a64_bits(insn, 9, 5);
    uint64_t m = a64_x(cpu, a64_bits(insn, 20, 16)), a, b;
    bool ext = insn & (1u << 21);
    if (!ext) {
        unsigned type = a64_bits(insn, 23, 22), amount = a64_bits(insn, 15, 10);
        if (type == A64_SH_ROR || (!sf && amount >= 32))
            return A64_UNDEF;
        a = a64_x(cpu, rn);
        b = a64_shift_reg(m, type, amount, sf);
    } else {
        unsigned sh = a64_bits(insn, 12, 10);
        if (a64_bits(insn, 23, 22) != 0 || sh > 4)
            return A64_UNDEF;
        a = a64_xsp(cpu, rn);
        b = a64_extend_reg(m, a64_bits(insn, 15, 13), sh);
    }
    if (s) {
        uint64_t r = a64_add_with_carry(a, sub ? ~b : b, sub, sf, &cpu->nzcv);
        a64_set_x(cpu, rd, r);
        return A64_OK;
    }
    uint64_t r = (sub ? a - b : a + b) & a64_mask_of(sf);
    if (ext)
        a64_set_xsp(cpu, rd, r);
    else
        a64_set_x(cpu, rd, r);
    return A64_OK;
}

/* CSEL, CSINC, CSINV, CSNEG */
static int cond_select(a64_cpu *cpu, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned op2 = a64_bits(insn, 11, 10);
    if ((insn & (1u << 29)) || op2 >= 2)
        return A64_UNDEF;
    uint64_t r;
    if (a64_cond(cpu->nzcv, a64_bits(insn, 15, 12))) {
        r = a64_x(cpu, a64_bits(insn, 9, 5));
    } else {
        r = a64_x(cpu, a64_bits(insn, 20, 16));
        if (insn & (1u << 30))
            r = ~r;
        if (op2)
            r++;
    }
    a64_set_rd(cpu, insn & 31, r, sf);
    return A64_OK;
}

/* CCMN, CCMP (register and immediate): the flags of the comparison when
 * cond holds, the nzcv immediate when not */
static int cond_compare(a64_cpu *cpu, uint32_t insn)
{
    bool sf = insn >> 31, sub = insn & (1u << 30);
    if (!(insn & (1u << 29)) || (insn & (1u << 10)) || (insn & (1u << 4)))
        return A64_UNDEF;
    if (!a64_cond(cpu->nzcv, a64_bits(insn, 15, 12))) {
        cpu->nzcv = (insn & 0xf) << 28;
        return A64_OK;
    }
    unsigned rm = a64_bits(insn, 20, 16);
    uint64_t b = insn & (1u << 11) ? rm : a64_x(cpu, rm);
    a64_add_with_carry(a64_x(cpu, a64_bits(insn, 9, 5)), sub ? ~b : b, sub,
                       sf, &cpu->nzcv);
    return A64_OK;
}

/* ADC, ADCS, SBC, SBCS */
static int add_sub_carry(a64_cpu *cpu, uint32_t insn)
{
    bool sf = insn >> 31, sub = insn & (1u << 30);
    if (a64_bits(insn, 15, 10) != 0) /* RMIF, SETF (Armv8.4) */
        return A64_UNDEF;
    uint64_t b = a64_x(cpu, a64_bits(insn, 20, 16));
    uint32_t flags;
    uint64_t r = a64_add_with_carry(a64_x(cpu, a64_bits(insn, 9, 5)),
                                    sub ? ~b : b, !!(cpu->nzcv & A64_C), sf,
                                    &flags);
    if (insn & (1u << 29))
        cpu->nzcv = flags;
    a64_set_x(cpu, insn & 31, r);
    return A64_OK;
}

/* CRC32 over the low size bytes of val, bit-reflected as the Arm ARM's
 * CRC32 pseudocode amounts to (no inversion before or after) */
static uint32_t crc32_update(uint32_t crc, uint64_t val, unsigned size,
                             uint32_t poly_reflected)
{
    for (unsigned i = 0; i < size; i++) {
        crc ^= (uint8_t)(val >> (8 * i));
        for (int k = 0; k < 8; k++)
            crc = crc & 1 ? (crc >> 1) ^ poly_reflected : crc >> 1;
    }
    return crc;
}

static int dp_2src(a64_cpu *cpu, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned opcode = a64_bits(insn, 15, 10), rd = insn & 31;
    uint64_t a = a64_x(cpu, a64_bits(insn, 9, 5)) & a64_mask_of(sf);
    uint64_t b = a64_x(cpu, a64_bits(insn, 20, 16)) & a64_mask_of(sf);
    unsigned size = sf ? 64 : 32;
    uint64_t r;
    if (insn & (1u << 29)) /* SUBPS (MTE) */
        return A64_UNDEF;
    switch (opcode) {
    case 0x02: /* UDIV: x / 0 is 0 (Arm ARM C6.2 UDIV) */
        r = a64_udiv(a, b);
        break;
    case 0x03: /* SDIV: x / 0 is 0, INT_MIN / -1 is INT_MIN */
        r = a64_sdiv(a, b, size);
        break;
    case 0x08: case 0x09: case 0x0a: case 0x0b: /* LSLV, LSRV, ASRV, RORV */
        r = a64_shift_reg(a, opcode & 3, (unsigned)(b & (size - 1)), sf);
        break;
    case 0x10: case 0x11: case 0x12: case 0x13: /* CRC32B/H/W/X */
    case 0x14: case 0x15: case 0x16: case 0x17: { /* CRC32CB/H/W/X */
        unsigned sz = opcode & 3;
        if (!(cpu->hwcap & A64_HWCAP_CRC32) || sf != (sz == 3))
            return A64_UNDEF;
        r = crc32_update((uint32_t)a, b, 1u << sz,
                         opcode & 4 ? 0x82f63b78u : 0xedb88320u);
        a64_set_w(cpu, rd, (uint32_t)r);
        return A64_OK;
    }
    default: /* IRG, GMI (MTE), PACGA, the CSSC min/max: not implemented */
        return A64_UNDEF;
    }
    a64_set_rd(cpu, rd, r, sf);
    return A64_OK;
}

static inline uint64_t rev_bytes_in(uint64_t x, unsigned container)
{
    /* reverse the bytes within each container of 2, 4 or 8 bytes */
    uint64_t r = 0;
    for (unsigned c = 0; c < 8; c += container)
        for (unsigned i = 0; i < container; i++)
            r |= ((x >> (8 * (c + i))) & 0xff) << (8 * (c + container - 1 - i));
    return r;
}

static int dp_1src(a64_cpu *cpu, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned size = sf ? 64 : 32, opcode = a64_bits(insn, 15, 10);
    if ((insn & (1u << 29)) || a64_bits(insn, 20, 16) != 0) /* PAC forms */
        return A64_UNDEF;
    uint64_t x = a64_x(cpu, a64_bits(insn, 9, 5)) & a64_mask_of(sf), r;
    switch (opcode) {
    case 0: { /* RBIT */
        r = 0;
        for (unsigned i = 0; i < size; i++)
            r |= ((x >> i) & 1) << (size - 1 - i);
        break;
    }
    case 1: /* REV16 */
        r = rev_bytes_in(x, 2);
        break;
    case 2: /* REV32 (64-bit) or REV (32-bit) */
        r = rev_bytes_in(x, 4);
        break;
    case 3: /* REV (64-bit) */
        if (!sf)
            return A64_UNDEF;
        r = rev_bytes_in(x, 8);
        break;
    case 4: /* CLZ */
        r = x ? (unsigned)__builtin_clzll(x) - (64 - size) : size;
        break;
    case 5: { /* CLS: leading bits equal to the sign bit, less the sign */
        /* bit i of y: x<i> differs from x<i+1>; the highest such i
         * ends the run of sign copies */
        uint64_t y = (x ^ (x >> 1)) & (a64_mask_of(sf) >> 1);
        r = y ? (unsigned)__builtin_clzll(y) - (65 - size) : size - 1;
        break;
    }
    default: /* CTZ, CNT, ABS (CSSC) and the rest: not implemented */
        return A64_UNDEF;
    }
    a64_set_rd(cpu, insn & 31, r, sf);
    return A64_OK;
}

/* MADD, MSUB, SMADDL, SMSUBL, UMADDL, UMSUBL, SMULH, UMULH */
static int dp_3src(a64_cpu *cpu, uint32_t insn)
{
    bool sf = insn >> 31, o0 = insn & (1u << 15);
    unsigned op = a64_bits(insn, 23, 21) << 1 | o0;
    unsigned rd = insn & 31;
    uint64_t n = a64_x(cpu, a64_bits(insn, 9, 5));
    uint64_t m = a64_x(cpu, a64_bits(insn, 20, 16));
    uint64_t a = a64_x(cpu, a64_bits(insn, 14, 10)), p;
    if (a64_bits(insn, 30, 29) != 0 || (!sf && op > 1))
        return A64_UNDEF;
    switch (op) {
    case 0: case 1: /* MADD, MSUB */
        p = n * m;
        a64_set_rd(cpu, rd, o0 ? a - p : a + p, sf);
        return A64_OK;
    case 2: case 3: /* SMADDL, SMSUBL */
        p = (uint64_t)((int64_t)(int32_t)n * (int32_t)m);
        break;
    case 10: case 11: /* UMADDL, UMSUBL */
        p = (uint64_t)(uint32_t)n * (uint32_t)m;
        break;
    case 4: /* SMULH */
        a64_set_x(cpu, rd, (uint64_t)(((__int128)(int64_t)n * (int64_t)m) >> 64));
        return A64_OK;
    case 12: /* UMULH */
        a64_set_x(cpu, rd, (uint64_t)(((unsigned __int128)n * m) >> 64));
        return A64_OK;
    default:
        return A64_UNDEF;
    }
    a64_set_x(cpu, rd, o0 ? a - p : a + p);
    return A64_OK;
}

int a64_exec_dp_reg(a64_cpu *cpu, uint32_t insn)
{
    switch (a64_bits(insn, 28, 24)) {
    case 0x0a:
        return logical_shifted(cpu, insn);
    case 0x0b:
        return add_sub_reg(cpu, insn);
    case 0x1a:
        switch (a64_bits(insn, 23, 21)) {
        case 4: return cond_select(cpu, insn);
        case 2: return cond_compare(cpu, insn);
        case 0: return add_sub_carry(cpu, insn);
        case 6: return insn & (1u << 30) ? dp_1src(cpu, insn)
                                         : dp_2src(cpu, insn);
        default: return A64_UNDEF;
        }
    case 0x1b:
        return dp_3src(cpu, insn);
    default:
        return A64_UNDEF;
    }
}
