/* Instruction field helpers and the compressed-instruction expander. */
#ifndef RV_DECODE_H
#define RV_DECODE_H

#include <stdint.h>

static inline unsigned rv_rd(uint32_t i) { return (i >> 7) & 31; }
static inline unsigned rv_rs1(uint32_t i) { return (i >> 15) & 31; }
static inline unsigned rv_rs2(uint32_t i) { return (i >> 20) & 31; }
static inline unsigned rv_funct3(uint32_t i) { return (i >> 12) & 7; }
static inline unsigned rv_funct7(uint32_t i) { return i >> 25; }

static inline int64_t rv_imm_i(uint32_t i) { return (int64_t)(int32_t)i >> 20; }
/* Immediates are assembled from unsigned bit fields; the sign comes from an
 * arithmetic shift of the instruction's top bit (no shifts of negatives). */
static inline int64_t rv_imm_s(uint32_t i)
{
    return ((int64_t)(int32_t)(i & 0xfe000000u) >> 20) | ((i >> 7) & 31);
}
static inline int64_t rv_imm_b(uint32_t i)
{
    return ((int64_t)(int32_t)(i & 0x80000000u) >> 19) |
           (((i >> 7) & 1) << 11) | (((i >> 25) & 63) << 5) |
           (((i >> 8) & 15) << 1);
}
static inline int64_t rv_imm_u(uint32_t i) { return (int64_t)(int32_t)(i & 0xfffff000u); }
static inline int64_t rv_imm_j(uint32_t i)
{
    return ((int64_t)(int32_t)(i & 0x80000000u) >> 11) | (i & 0xff000) |
           (((i >> 20) & 1) << 11) | (((i >> 21) & 0x3ff) << 1);
}

/* Floating-point extensions present, for the compressed FP loads/stores. */
enum { RV_C_F = 1, RV_C_D = 2 };

/*
 * Expand a 16-bit compressed instruction into the 32-bit instruction it
 * stands for (C extension, RVC chapter of the unprivileged spec), for the
 * given XLEN (32 or 64). Returns 0 for reserved and illegal encodings and
 * for forms that need an extension we do not have: fp holds RV_C_F and
 * RV_C_D for F and D (C.FLD and friends need D, C.FLW and friends F).
 */
uint32_t rv_expand_compressed(uint16_t c, unsigned xlen, unsigned fp);

#endif
