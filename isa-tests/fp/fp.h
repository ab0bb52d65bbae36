/*
 * Helpers for the F and D extension tests (unprivileged spec, "F" and "D"
 * chapters; mstatus.FS from the privileged spec 1.12, 3.1.6.6), on top of
 * ../priv/priv.h and ../common/harness.h.
 *
 * Values are written as bit patterns. Single-precision patterns are
 * compared as fmv.x.w returns them: sign-extended to XLEN (SX32). Double
 * patterns are set and read through memory (fld / fsd, two 32-bit words),
 * so the same macro works on RV32, which has no fmv.d.x / fmv.x.d.
 *
 * Register use: fa1, fa2, fa3 are the sources and fa0 the destination of
 * the TEST_ macros; a0 holds an integer result, a1 an integer source; t0
 * and t1 are scratch; t6 belongs to CHECK. fp_buf (16 bytes, 8-aligned)
 * is the scratch memory: each test file places FP_DATA once, in .data.
 *
 * The harness starts with mstatus.FS = Off, so every test runs FP_ENABLE
 * first (FS = Initial).
 */
#ifndef ISA_TESTS_FP_H
#define ISA_TESTS_FP_H

#include "../priv/priv.h"

#define FS_OFF     0x0000
#define FS_INITIAL 0x2000
#define FS_CLEAN   0x4000
#define FS_DIRTY   0x6000
/* mstatus.SD: the top bit of mstatus on either XLEN */
#define MSTATUS_SD (1 << (XLEN - 1))

#define MISA_D (1 << 3)
#define MISA_F (1 << 5)

/* fflags bits */
#define NX 0x01
#define UF 0x02
#define OF 0x04
#define DZ 0x08
#define NV 0x10

/* A 32-bit pattern sign-extended to XLEN, the way fmv.x.w and the
 * fcvt.w[u] conversions write it on RV64 (unchanged on RV32). */
#define SX32(v) ((((v) & 0xffffffff) ^ 0x80000000) - 0x80000000)
/* The high and low words of a 64-bit pattern, sign-extended. */
#define HI32(v) SX32((v) >> 32)
#define LO32(v) SX32(v)

/* mstatus.FS = fs (one of FS_*). Clobbers t0. */
#define SET_FS(fs)                                                          \
    li t0, MSTATUS_FS;                                                      \
    csrc mstatus, t0;                                                       \
    li t0, fs;                                                              \
    csrs mstatus, t0
#define FP_ENABLE SET_FS(FS_INITIAL)

/* Registers from bit patterns. Clobber t0, t1. */
#define SET_S(freg, v)                                                      \
    li t0, SX32(v);                                                         \
    fmv.w.x freg, t0
#define SET_D(freg, v)                                                      \
    la t0, fp_buf;                                                          \
    li t1, LO32(v);                                                         \
    sw t1, 0(t0);                                                           \
    li t1, HI32(v);                                                         \
    sw t1, 4(t0);                                                           \
    fld freg, 0(t0)

/* Check number n: freg holds the single v (NaN-boxed: checked by
 * CHECK_BOXED) / the double v. Clobber a0, t0. */
#define CHECK_S(n, freg, v)                                                 \
    fmv.x.w a0, freg;                                                       \
    CHECK(n, a0, SX32(v))
#define CHECK_D(n, freg, v)                                                 \
    la t0, fp_buf;                                                          \
    fsd freg, 0(t0);                                                        \
    lw a0, 0(t0);                                                           \
    CHECK(n, a0, LO32(v));                                                  \
    lw a0, 4(t0);                                                           \
    CHECK(n, a0, HI32(v))
/* Check number n: the upper 32 bits of freg are all ones (NaN-boxed). */
#define CHECK_BOXED(n, freg)                                                \
    la t0, fp_buf;                                                          \
    fsd freg, 0(t0);                                                        \
    lw a0, 4(t0);                                                           \
    CHECK(n, a0, -1)
/* Check number n: fflags == fl. Clobbers a0. */
#define CHECK_FL(n, fl)                                                     \
    csrr a0, fflags;                                                        \
    CHECK(n, a0, fl)

/* Check number n: with fa1 = a, fa2 = b, fa3 = c (singles) and fflags
 * cleared, `insn` (which writes fa0) leaves fa0 = res, NaN-boxed, and
 * fflags = fl. */
#define TEST_S(n, res, fl, a, b, c, insn...)                                \
    li TESTNUM, n;                                                          \
    SET_S(fa1, a);                                                          \
    SET_S(fa2, b);                                                          \
    SET_S(fa3, c);                                                          \
    csrwi fflags, 0;                                                        \
    insn;                                                                   \
    CHECK_FL(n, fl);                                                        \
    CHECK_S(n, fa0, res);                                                   \
    CHECK_BOXED(n, fa0)
/* The same with doubles. */
#define TEST_D(n, res, fl, a, b, c, insn...)                                \
    li TESTNUM, n;                                                          \
    SET_D(fa1, a);                                                          \
    SET_D(fa2, b);                                                          \
    SET_D(fa3, c);                                                          \
    csrwi fflags, 0;                                                        \
    insn;                                                                   \
    CHECK_FL(n, fl);                                                        \
    CHECK_D(n, fa0, res)

/* Check number n: with fa1 = a, fa2 = b (singles / doubles), `insn`
 * writes the integer a0 = res (an XLEN value) and sets fflags = fl. */
#define TEST_S_X(n, res, fl, a, b, insn...)                                 \
    li TESTNUM, n;                                                          \
    SET_S(fa1, a);                                                          \
    SET_S(fa2, b);                                                          \
    csrwi fflags, 0;                                                        \
    insn;                                                                   \
    csrr a1, fflags;                                                        \
    CHECK(n, a0, res);                                                      \
    CHECK(n, a1, fl)
#define TEST_D_X(n, res, fl, a, b, insn...)                                 \
    li TESTNUM, n;                                                          \
    SET_D(fa1, a);                                                          \
    SET_D(fa2, b);                                                          \
    csrwi fflags, 0;                                                        \
    insn;                                                                   \
    csrr a1, fflags;                                                        \
    CHECK(n, a0, res);                                                      \
    CHECK(n, a1, fl)

/* Check number n: with the integer a1 = x, `insn` writes fa0 = res (a
 * single / a double) and sets fflags = fl. */
#define TEST_X_S(n, res, fl, x, insn...)                                    \
    li TESTNUM, n;                                                          \
    li a1, x;                                                               \
    csrwi fflags, 0;                                                        \
    insn;                                                                   \
    CHECK_FL(n, fl);                                                        \
    CHECK_S(n, fa0, res);                                                   \
    CHECK_BOXED(n, fa0)
#define TEST_X_D(n, res, fl, x, insn...)                                    \
    li TESTNUM, n;                                                          \
    li a1, x;                                                               \
    csrwi fflags, 0;                                                        \
    insn;                                                                   \
    CHECK_FL(n, fl);                                                        \
    CHECK_D(n, fa0, res)

/* Check number n: `insn` (the one instruction at local label 90, kept 32
 * bits wide) raises an illegal-instruction exception with mtval = its
 * bits, and execution resumes after it. Needs PRIV_SETUP / PRIV_HANDLERS. */
#define EXPECT_ILL(n, insn...)                                              \
    li TESTNUM, n;                                                          \
    TRAP_CLEAR;                                                             \
    .option push;                                                           \
    .option norvc;                                                          \
90: insn;                                                                   \
    .option pop;                                                            \
    CHECK(n, T_COUNT, 1);                                                   \
    CHECK_TRAP_AT(n, CAUSE_ILLEGAL, 90b);                                   \
    CHECK_TVAL_INSN(n, 90b)
/* The same for a 16-bit instruction. */
#define EXPECT_ILL16(n, insn...)                                            \
    li TESTNUM, n;                                                          \
    TRAP_CLEAR;                                                             \
90: insn;                                                                   \
    CHECK(n, T_COUNT, 1);                                                   \
    CHECK_TRAP_AT(n, CAUSE_ILLEGAL, 90b);                                   \
    CHECK_TVAL_INSN16(n, 90b)
/* Check number n: `insn` raises no exception. */
#define EXPECT_NO_TRAP(n, insn...)                                          \
    li TESTNUM, n;                                                          \
    TRAP_CLEAR;                                                             \
    insn;                                                                   \
    CHECK(n, T_COUNT, 0)

/* Checks b + 0 .. b + 47: every kind of F and D instruction, the FP CSRs
 * and the compressed FP loads and stores raise illegal instruction (with
 * FS = Off, or without F and D); EXPECT_ALL_FP_ILLEGAL has those of both
 * XLENs, EXPECT_XLEN_FP_ILLEGAL the RV64-only (fmv.x.d, fcvt.l.d, ...) or
 * RV32-only (c.flw, ...) ones. a1, a2 and sp must point to 16 bytes of
 * RAM (nothing is loaded or stored if the checks pass). */
#define EXPECT_ALL_FP_ILLEGAL(b)                                            \
    EXPECT_ILL((b) + 0, flw fa0, 0(a1));                                   \
    EXPECT_ILL((b) + 1, fsw fa0, 0(a1));                                   \
    EXPECT_ILL((b) + 2, fld ft0, 0(a1));                                   \
    EXPECT_ILL((b) + 3, fsd ft0, 0(a1));                                   \
    EXPECT_ILL((b) + 4, fadd.s fa0, fa1, fa2, rne);                        \
    EXPECT_ILL((b) + 5, fsub.d fa0, fa1, fa2, rne);                        \
    EXPECT_ILL((b) + 6, fmul.s fa0, fa1, fa2, rne);                        \
    EXPECT_ILL((b) + 7, fdiv.d fa0, fa1, fa2, rne);                        \
    EXPECT_ILL((b) + 8, fsqrt.s fa0, fa1, rne);                            \
    EXPECT_ILL((b) + 9, fmadd.d fa0, fa1, fa2, fa3, rne);                  \
    EXPECT_ILL((b) + 10, fmsub.s fa0, fa1, fa2, fa3, rne);                 \
    EXPECT_ILL((b) + 11, fnmsub.s fa0, fa1, fa2, fa3, rne);                \
    EXPECT_ILL((b) + 12, fnmadd.d fa0, fa1, fa2, fa3, rne);                \
    EXPECT_ILL((b) + 13, fsgnj.s fa0, fa1, fa2);                           \
    EXPECT_ILL((b) + 14, fsgnjx.d fa0, fa1, fa2);                          \
    EXPECT_ILL((b) + 15, fmin.s fa0, fa1, fa2);                            \
    EXPECT_ILL((b) + 16, fmax.d fa0, fa1, fa2);                            \
    EXPECT_ILL((b) + 17, feq.s a0, fa1, fa2);                              \
    EXPECT_ILL((b) + 18, flt.d a0, fa1, fa2);                              \
    EXPECT_ILL((b) + 19, fle.s a0, fa1, fa2);                              \
    EXPECT_ILL((b) + 20, fclass.d a0, fa1);                                \
    EXPECT_ILL((b) + 21, fcvt.w.s a0, fa1, rne);                           \
    EXPECT_ILL((b) + 22, fcvt.wu.d a0, fa1, rne);                          \
    EXPECT_ILL((b) + 23, fcvt.s.w fa0, a1, rne);                           \
    EXPECT_ILL((b) + 24, fcvt.d.wu fa0, a1);                               \
    EXPECT_ILL((b) + 25, fcvt.s.d fa0, fa1, rne);                          \
    EXPECT_ILL((b) + 26, fcvt.d.s fa0, fa1);                               \
    EXPECT_ILL((b) + 27, fmv.x.w a0, fa1);                                 \
    EXPECT_ILL((b) + 28, fmv.w.x fa0, a1);                                 \
    EXPECT_ILL((b) + 33, csrr a0, fflags);                                 \
    EXPECT_ILL((b) + 34, csrr a0, frm);                                    \
    EXPECT_ILL((b) + 35, csrr a0, fcsr);                                   \
    EXPECT_ILL((b) + 36, csrw fcsr, zero);                                 \
    EXPECT_ILL((b) + 37, csrwi fflags, 1);                                 \
    EXPECT_ILL((b) + 38, csrsi frm, 1);                                    \
    EXPECT_ILL16((b) + 40, c.fld fa0, 8(a2));                              \
    EXPECT_ILL16((b) + 41, c.fsd fa0, 8(a2));                              \
    EXPECT_ILL16((b) + 42, c.fldsp fa0, 8(sp));                            \
    EXPECT_ILL16((b) + 43, c.fsdsp fa0, 8(sp))
#if XLEN == 64
#define EXPECT_XLEN_FP_ILLEGAL(b)                                           \
    EXPECT_ILL((b) + 29, fmv.x.d a0, fa1);                                 \
    EXPECT_ILL((b) + 30, fmv.d.x fa0, a1);                                 \
    EXPECT_ILL((b) + 31, fcvt.l.d a0, fa1, rne);                           \
    EXPECT_ILL((b) + 32, fcvt.s.lu fa0, a1, rne)
#else
#define EXPECT_XLEN_FP_ILLEGAL(b)                                           \
    EXPECT_ILL16((b) + 44, c.flw fa0, 4(a2));                              \
    EXPECT_ILL16((b) + 45, c.fsw fa0, 4(a2));                              \
    EXPECT_ILL16((b) + 46, c.flwsp fa0, 4(sp));                            \
    EXPECT_ILL16((b) + 47, c.fswsp fa0, 4(sp))
#endif

/* The scratch memory of the macros above. */
#define FP_DATA                                                             \
    .pushsection .data;                                                     \
    .balign 16;                                                             \
fp_buf: .dword 0, 0;                                                        \
    .popsection

#endif
