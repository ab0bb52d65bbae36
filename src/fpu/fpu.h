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

#endif
