/*
 * Integer data-processing helpers shared by the executors
 * (a64_exec_dp_imm.c, a64_exec_dp_reg.c) and the decoded-instruction fast
 * path (a64_fast.c), so that both compute every result the same way.
 * Internal header.
 */
#ifndef CPU_ARM64_A64_DP_H
#define CPU_ARM64_A64_DP_H

#include "cpu/arm64/a64_cpu.h"

enum { A64_SH_LSL, A64_SH_LSR, A64_SH_ASR, A64_SH_ROR };

static inline uint64_t a64_ones(unsigned n) /* n in 1..64 */
{
    return n >= 64 ? ~0ull : (1ull << n) - 1;
}

static inline uint64_t a64_mask_of(bool sf) { return sf ? ~0ull : 0xffffffffull; }

/* ROR(x, r) within a size-bit element */
static inline uint64_t a64_ror(uint64_t x, unsigned r, unsigned size)
{
    r &= size - 1;
    if (r == 0)
        return x;
    uint64_t v = (x >> r) | (x << (size - r));
    return size == 64 ? v : v & a64_ones(size);
}

/* write Rd as an X register, or as a W register (upper half zeroed) */
static inline void a64_set_rd(a64_cpu *cpu, unsigned rd, uint64_t v, bool sf)
{
    if (sf)
        a64_set_x(cpu, rd, v);
    else
        a64_set_w(cpu, rd, (uint32_t)v);
}

/*
 * DecodeBitMasks(immN, imms, immr, immediate) for a datasize of 32 or 64
 * (Arm ARM J1, aarch64/instrs/integer/bitmasks). false for the reserved
 * combinations. *wmask is the rotated element replicated; *tmask the
 * "top" mask the bitfield moves use.
 */
static inline bool a64_decode_bit_masks(unsigned n, unsigned imms,
                                        unsigned immr, bool immediate,
                                        unsigned datasize, uint64_t *wmask,
                                        uint64_t *tmask)
{
    unsigned comb = n << 6 | (~imms & 0x3f);
    if (comb == 0)
        return false;
    unsigned len = 31 - (unsigned)__builtin_clz(comb);
    if (len < 1)
        return false;
    unsigned esize = 1u << len;
    if (esize > datasize)
        return false;
    unsigned levels = esize - 1;
    if (immediate && (imms & levels) == levels)
        return false;
    unsigned s = imms & levels, r = immr & levels;
    uint64_t welem = a64_ror(a64_ones(s + 1), r, esize);
    uint64_t telem = a64_ones(((s - r) & levels) + 1);
    uint64_t w = 0, t = 0;
    for (unsigned i = 0; i < datasize; i += esize) {
        w |= welem << i;
        t |= telem << i;
    }
    *wmask = w;
    *tmask = t;
    return true;
}

/*
 * SBFM (opc 0), BFM (1), UBFM (2) on src (and dst, BFM's destination),
 * given the masks DecodeBitMasks() made (Arm ARM C6.2 SBFM/BFM/UBFM).
 */
static inline uint64_t a64_bitfield(unsigned opc, uint64_t src, uint64_t dst,
                                    unsigned immr, unsigned imms,
                                    unsigned size, uint64_t wmask,
                                    uint64_t tmask)
{
    src &= a64_ones(size);
    uint64_t bot = a64_ror(src, immr, size) & wmask;
    switch (opc) {
    case 0: { /* SBFM: the bits above the field copy src<imms> */
        uint64_t top = (src >> imms) & 1 ? a64_ones(size) : 0;
        return (top & ~tmask) | (bot & tmask);
    }
    case 1: /* BFM: the rest of Rd stays */
        bot = (dst & ~wmask) | bot;
        return (dst & ~tmask) | (bot & tmask);
    default: /* UBFM */
        return bot & tmask;
    }
}

/* ShiftReg() (Arm ARM J1): amount < datasize, checked by the callers */
static inline uint64_t a64_shift_reg(uint64_t x, unsigned type,
                                     unsigned amount, bool sf)
{
    unsigned size = sf ? 64 : 32;
    x &= a64_mask_of(sf);
    if (amount == 0)
        return x;
    switch (type) {
    case A64_SH_LSL: return (x << amount) & a64_mask_of(sf);
    case A64_SH_LSR: return x >> amount;
    case A64_SH_ASR:
        return (uint64_t)(a64_sext(x, size) >> amount) & a64_mask_of(sf);
    default:
        return ((x >> amount) | (x << (size - amount))) & a64_mask_of(sf);
    }
}

/* ExtendReg() (Arm ARM J1): option UXTB..SXTX, then LSL by 0-4 */
static inline uint64_t a64_extend_reg(uint64_t x, unsigned option, unsigned sh)
{
    unsigned len = 8u << (option & 3);
    if (len < 64)
        x = option & 4 ? (uint64_t)a64_sext(x, len) : x & ((1ull << len) - 1);
    return x << sh;
}

/* UDIV, SDIV on operands already cut to size bits: x / 0 is 0, and
 * INT_MIN / -1 is INT_MIN (Arm ARM C6.2 UDIV, SDIV) */
static inline uint64_t a64_udiv(uint64_t a, uint64_t b)
{
    return b ? a / b : 0;
}
static inline uint64_t a64_sdiv(uint64_t a, uint64_t b, unsigned size)
{
    int64_t x = a64_sext(a, size), y = a64_sext(b, size);
    if (y == 0)
        return 0;
    if (y == -1)
        return 0 - (uint64_t)x;
    return (uint64_t)(x / y);
}

/* EXTR: the size bits at lsb of hi:lo (ROR immediate when hi is lo) */
static inline uint64_t a64_extr(uint64_t hi, uint64_t lo, unsigned lsb, bool sf)
{
    if (sf)
        return lsb ? (lo >> lsb) | (hi << (64 - lsb)) : lo;
    return ((uint64_t)(uint32_t)hi << 32 | (uint32_t)lo) >> lsb;
}

/* N and Z of a logical result (C and V cleared) */
static inline uint32_t a64_nz_of(uint64_t r, bool sf)
{
    return (r & a64_mask_of(sf)) == 0 ? A64_Z
           : (r >> (sf ? 63 : 31)) & 1 ? A64_N : 0;
}

#endif
