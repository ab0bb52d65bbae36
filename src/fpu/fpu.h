/*
 * IEEE 754-2008 binary32 and binary64 arithmetic in software, with the
 * behaviour the RISC-V F and D extensions require (unprivileged spec, F and
 * D chapters):
 *   - every operation rounds once, in the rounding mode it is given;
 *   - exception flags are OR-ed into *flags (never cleared here);
 *   - tininess is detected after rounding; underflow is raised only for a
 *     tiny result that is also inexact;
 *   - any NaN result is the canonical NaN (0x7fc00000 / 0x7ff8000000000000);
 *     payloads are never propagated; a signalling NaN operand raises NV;
 *   - conversions to integers saturate (NaN and +large go to the maximum,
 *     -large to the minimum) and raise NV instead of NX when out of range.
 * Values are passed as their bit patterns. Plain C with unsigned __int128
 * (GCC and Clang on 64-bit hosts); no host floating point is used, so the
 * results do not depend on the host.
 */
#ifndef FPU_FPU_H
#define FPU_FPU_H

#include <stdbool.h>
#include <stdint.h>

/* Exception flags, in the fflags bit order. */
enum { FP_NX = 1, FP_UF = 2, FP_OF = 4, FP_DZ = 8, FP_NV = 16 };
/* Rounding modes, in the frm / rm field encoding. */
enum { FP_RNE = 0, FP_RTZ = 1, FP_RDN = 2, FP_RUP = 3, FP_RMM = 4 };
/* Round to odd (Arm's FPRounding_ODD, for FCVTXN): truncate, then set the
 * lowest bit when anything was dropped. Only the fpx_ entry points take it. */
enum { FP_ROD = 8 };

#define F32_CANON_NAN 0x7fc00000u
#define F64_CANON_NAN 0x7ff8000000000000ull

/* ---- binary32 ---- */
uint32_t f32_add(uint32_t a, uint32_t b, int rm, unsigned *flags);
uint32_t f32_sub(uint32_t a, uint32_t b, int rm, unsigned *flags);
uint32_t f32_mul(uint32_t a, uint32_t b, int rm, unsigned *flags);
uint32_t f32_div(uint32_t a, uint32_t b, int rm, unsigned *flags);
uint32_t f32_sqrt(uint32_t a, int rm, unsigned *flags);
/* a * b + c with a single rounding (fmadd; the other three forms flip the
 * sign bits of their operands first). 0 * inf raises NV even if c is a
 * quiet NaN. */
uint32_t f32_fma(uint32_t a, uint32_t b, uint32_t c, int rm, unsigned *flags);
/* fmin/fmax (2019 minimumNumber/maximumNumber): a NaN operand is ignored
 * unless both are NaN; -0 < +0; NV only for a signalling NaN. */
uint32_t f32_min(uint32_t a, uint32_t b, unsigned *flags);
uint32_t f32_max(uint32_t a, uint32_t b, unsigned *flags);
/* feq is quiet (NV only for signalling NaNs); flt and fle are signalling
 * (NV for any NaN). All return false when either operand is a NaN. */
bool f32_eq(uint32_t a, uint32_t b, unsigned *flags);
bool f32_lt(uint32_t a, uint32_t b, unsigned *flags);
bool f32_le(uint32_t a, uint32_t b, unsigned *flags);
/* fclass: one of bits 0..9 (-inf, -normal, -subnormal, -0, +0, +subnormal,
 * +normal, +inf, signalling NaN, quiet NaN). */
unsigned f32_classify(uint32_t a);
int32_t f32_to_i32(uint32_t a, int rm, unsigned *flags);
uint32_t f32_to_u32(uint32_t a, int rm, unsigned *flags);
int64_t f32_to_i64(uint32_t a, int rm, unsigned *flags);
uint64_t f32_to_u64(uint32_t a, int rm, unsigned *flags);
uint32_t i32_to_f32(int32_t v, int rm, unsigned *flags);
uint32_t u32_to_f32(uint32_t v, int rm, unsigned *flags);
uint32_t i64_to_f32(int64_t v, int rm, unsigned *flags);
uint32_t u64_to_f32(uint64_t v, int rm, unsigned *flags);

/* ---- binary64 ---- */
uint64_t f64_add(uint64_t a, uint64_t b, int rm, unsigned *flags);
uint64_t f64_sub(uint64_t a, uint64_t b, int rm, unsigned *flags);
uint64_t f64_mul(uint64_t a, uint64_t b, int rm, unsigned *flags);
uint64_t f64_div(uint64_t a, uint64_t b, int rm, unsigned *flags);
uint64_t f64_sqrt(uint64_t a, int rm, unsigned *flags);
uint64_t f64_fma(uint64_t a, uint64_t b, uint64_t c, int rm, unsigned *flags);
uint64_t f64_min(uint64_t a, uint64_t b, unsigned *flags);
uint64_t f64_max(uint64_t a, uint64_t b, unsigned *flags);
bool f64_eq(uint64_t a, uint64_t b, unsigned *flags);
bool f64_lt(uint64_t a, uint64_t b, unsigned *flags);
bool f64_le(uint64_t a, uint64_t b, unsigned *flags);
unsigned f64_classify(uint64_t a);
int32_t f64_to_i32(uint64_t a, int rm, unsigned *flags);
uint32_t f64_to_u32(uint64_t a, int rm, unsigned *flags);
int64_t f64_to_i64(uint64_t a, int rm, unsigned *flags);
uint64_t f64_to_u64(uint64_t a, int rm, unsigned *flags);
uint64_t i32_to_f64(int32_t v, int rm, unsigned *flags);
uint64_t u32_to_f64(uint32_t v, int rm, unsigned *flags);
uint64_t i64_to_f64(int64_t v, int rm, unsigned *flags);
uint64_t u64_to_f64(uint64_t v, int rm, unsigned *flags);

/* ---- between the formats ---- */
uint64_t f32_to_f64(uint32_t a, unsigned *flags);
uint32_t f64_to_f32(uint64_t a, int rm, unsigned *flags);


/*
 * ---- the fpx_ entry points: other rules, for the Arm FPU ----
 * Values of width w (16, 32 or 64 bits: binary16/32/64) with options that
 * change the RISC-V rules above:
 *   FPX_TINY_BEFORE  tininess is detected before rounding;
 *   FPX_FTZ          a result tiny before rounding becomes a zero of its
 *                    sign, raising UF but not NX (Arm FPCR.FZ);
 *   FPX_AHP          binary16 is Arm's alternative half format: exponent 31
 *                    holds numbers, no infinities or NaNs; overflow
 *                    saturates with NV.
 * NaN operands give the canonical NaN here as above: callers with other
 * NaN rules handle NaN operands before calling. Inputs are never flushed.
 */
enum { FPX_TINY_BEFORE = 1, FPX_FTZ = 2, FPX_AHP = 4 };
uint64_t fpx_add(unsigned w, unsigned opts, uint64_t a, uint64_t b, int rm,
                 unsigned *flags);
uint64_t fpx_sub(unsigned w, unsigned opts, uint64_t a, uint64_t b, int rm,
                 unsigned *flags);
uint64_t fpx_mul(unsigned w, unsigned opts, uint64_t a, uint64_t b, int rm,
                 unsigned *flags);
uint64_t fpx_div(unsigned w, unsigned opts, uint64_t a, uint64_t b, int rm,
                 unsigned *flags);
uint64_t fpx_sqrt(unsigned w, unsigned opts, uint64_t a, int rm,
                  unsigned *flags);
/* a * b + c, rounded once */
uint64_t fpx_fma(unsigned w, unsigned opts, uint64_t a, uint64_t b,
                 uint64_t c, int rm, unsigned *flags);
/* from width from_w to to_w; FPX_AHP applies to a binary16 side */
uint64_t fpx_convert(unsigned to_w, unsigned from_w, unsigned opts,
                     uint64_t a, int rm, unsigned *flags);
/* to an integral value in the same format; NX only when exact is set */
uint64_t fpx_round_int(unsigned w, unsigned opts, uint64_t a, int rm,
                       bool exact, unsigned *flags);
/* a * 2^fbits to a width-bit integer: saturating with NV; a NaN gives 0 */
uint64_t fpx_to_int(unsigned w, uint64_t a, int fbits, int rm, bool is_signed,
                    unsigned width, unsigned *flags);
/* (neg ? -mag : mag) * 2^-fbits */
uint64_t fpx_from_int(unsigned w, unsigned opts, bool neg, uint64_t mag,
                      int fbits, int rm, unsigned *flags);

#endif
