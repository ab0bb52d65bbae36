/*
 * The Arm floating-point element operations (Arm ARM J1 shared pseudocode:
 * FPAdd, FPMulAdd, FPCompare, FPToFixed, FPRecipEstimate...), written once
 * for the scalar and the vector instructions. Values are bit patterns of
 * width w (16, 32 or 64); every operation reads its rules from cpu->fpcr
 * (DN, FZ, AHP, RMode) and OR-s the cumulative exception flags into
 * cpu->fpsr. The arithmetic itself is fpu/fpu.c's, with Arm's options:
 * tininess before rounding, flush-to-zero, Arm's NaN propagation.
 */
#ifndef CPU_ARM64_A64_FP_H
#define CPU_ARM64_A64_FP_H

#include "cpu/arm64/a64_cpu.h"

/* The rounding mode FPCR.RMode names, as an fpu.h FP_* mode. */
int a64f_rmode(const a64_cpu *cpu);
/* An fpu.h mode from an instruction's rounding field (0 N, 1 P, 2 M, 3 Z,
 * 4 A: ties away) */
int a64f_rm_of(unsigned r);

uint64_t a64f_add(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b);
uint64_t a64f_sub(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b);
uint64_t a64f_mul(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b);
uint64_t a64f_mulx(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b);
uint64_t a64f_div(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b);
uint64_t a64f_abd(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b);
uint64_t a64f_max(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b);
uint64_t a64f_min(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b);
uint64_t a64f_maxnm(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b);
uint64_t a64f_minnm(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b);
uint64_t a64f_sqrt(a64_cpu *cpu, unsigned w, uint64_t a);
/* addend + a * b with one rounding (FPMulAdd: NaNs in the order addend,
 * a, b); the negating forms flip sign bits before calling */
uint64_t a64f_muladd(a64_cpu *cpu, unsigned w, uint64_t addend, uint64_t a,
                     uint64_t b);
uint64_t a64f_recps(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b);
uint64_t a64f_rsqrts(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b);
uint64_t a64f_recpe(a64_cpu *cpu, unsigned w, uint64_t a);
uint64_t a64f_rsqrte(a64_cpu *cpu, unsigned w, uint64_t a);
uint64_t a64f_recpx(a64_cpu *cpu, unsigned w, uint64_t a);
uint32_t a64f_urecpe(uint32_t a);
uint32_t a64f_ursqrte(uint32_t a);
/* FPRoundInt: rm an fpu.h mode; exact raises IXC (FRINTX) */
uint64_t a64f_rint(a64_cpu *cpu, unsigned w, uint64_t a, int rm, bool exact);

/* FPCompare: NZCV (unordered 0011); signal_all: IOC for quiet NaNs too */
uint32_t a64f_cmp(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b,
                  bool signal_all);
bool a64f_cmpeq(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b);
bool a64f_cmpge(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b);
bool a64f_cmpgt(a64_cpu *cpu, unsigned w, uint64_t a, uint64_t b);

/* FPToFixed to an iw-bit integer (saturating, IOC) and FixedToFP from one */
uint64_t a64f_to_fixed(a64_cpu *cpu, unsigned w, uint64_t a, int fbits,
                       bool is_unsigned, unsigned iw, int rm);
uint64_t a64f_from_fixed(a64_cpu *cpu, unsigned w, uint64_t v, unsigned iw,
                         bool is_unsigned, int fbits, int rm);
/* FPConvert between widths; rm FP_ROD for FCVTXN */
uint64_t a64f_cvt(a64_cpu *cpu, unsigned to_w, unsigned from_w, uint64_t a,
                  int rm);

/* VFPExpandImm: the 8-bit FMOV immediate as a width-w value */
uint64_t a64f_expand_imm(unsigned w, uint8_t imm8);

static inline uint64_t a64f_sign(unsigned w) { return 1ull << (w - 1); }
static inline uint64_t a64f_abs(unsigned w, uint64_t a)
{
    return a & ~a64f_sign(w);
}
static inline uint64_t a64f_neg(unsigned w, uint64_t a)
{
    return a ^ a64f_sign(w);
}

#endif
