/*
 * Single-precision arithmetic: fadd.s, fsub.s, fmul.s, fdiv.s, fsqrt.s
 * (unprivileged spec, F chapter; IEEE 754-2008). Each check sets the
 * operands, clears fflags, runs one instruction and compares the result
 * bits and fflags. Covered: each static rounding mode on ties and on
 * values above a tie (RNE ties to even, RMM away from zero), the dynamic
 * mode from frm, exact results without flags, signed zeros (x - x is +0,
 * but -0 in RDN), overflow to infinity or to the largest finite value by
 * mode, underflow detected after rounding, division by zero, invalid
 * operations, the canonical NaN as every NaN result (NV only for a
 * signalling operand or an invalid operation), and an operand that is not
 * NaN-boxed read as the canonical (quiet) NaN.
 */
#include "fp.h"

#define ONE    0x3f800000
#define M1     0xbf800000
#define TWO    0x40000000
#define THREE  0x40400000
#define HALF   0x3f000000
#define MINSUB 0x00000001
#define MAXSUB 0x007fffff
#define MINNRM 0x00800000
#define MAX    0x7f7fffff
#define NMAX   0xff7fffff
#define INF    0x7f800000
#define NINF   0xff800000
#define CNAN   0x7fc00000
#define QNANP  0x7fc12345
#define SNAN   0x7f800001
#define EPS2   0x33800000   /* 2^-24: half an ulp of 1 */

    TEST_BEGIN
    FP_ENABLE

    /* ---- rounding: 1 + 2^-24 is a tie (RNE keeps the even 1) ---- */
    TEST_S(1, ONE,        NX, ONE, EPS2, 0, fadd.s fa0, fa1, fa2, rne)
    TEST_S(2, ONE,        NX, ONE, EPS2, 0, fadd.s fa0, fa1, fa2, rtz)
    TEST_S(3, ONE,        NX, ONE, EPS2, 0, fadd.s fa0, fa1, fa2, rdn)
    TEST_S(4, 0x3f800001, NX, ONE, EPS2, 0, fadd.s fa0, fa1, fa2, rup)
    TEST_S(5, 0x3f800001, NX, ONE, EPS2, 0, fadd.s fa0, fa1, fa2, rmm)
    /* negative tie */
    TEST_S(6, M1,         NX, M1, 0xb3800000, 0, fadd.s fa0, fa1, fa2, rne)
    TEST_S(7, M1,         NX, M1, 0xb3800000, 0, fadd.s fa0, fa1, fa2, rtz)
    TEST_S(8, 0xbf800001, NX, M1, 0xb3800000, 0, fadd.s fa0, fa1, fa2, rdn)
    TEST_S(9, M1,         NX, M1, 0xb3800000, 0, fadd.s fa0, fa1, fa2, rup)
    TEST_S(10, 0xbf800001, NX, M1, 0xb3800000, 0, fadd.s fa0, fa1, fa2, rmm)
    /* a tie whose even neighbour is the upper one */
    TEST_S(11, 0x3f800002, NX, 0x3f800001, EPS2, 0, fadd.s fa0, fa1, fa2, rne)
    TEST_S(12, 0x3f800001, NX, 0x3f800001, EPS2, 0, fadd.s fa0, fa1, fa2, rtz)
    /* above a tie: 1 + 1.5 * 2^-24 */
    TEST_S(13, 0x3f800001, NX, ONE, 0x33c00000, 0, fadd.s fa0, fa1, fa2, rne)
    TEST_S(14, ONE,        NX, ONE, 0x33c00000, 0, fadd.s fa0, fa1, fa2, rdn)
    /* fsub: 1 - 2^-25 is a tie below 1 */
    TEST_S(15, ONE,        NX, ONE, 0x33000000, 0, fsub.s fa0, fa1, fa2, rne)
    TEST_S(16, 0x3f7fffff, NX, ONE, 0x33000000, 0, fsub.s fa0, fa1, fa2, rtz)
    TEST_S(17, 0x3f7fffff, NX, ONE, 0x33000000, 0, fsub.s fa0, fa1, fa2, rdn)
    TEST_S(18, ONE,        NX, ONE, 0x33000000, 0, fsub.s fa0, fa1, fa2, rup)
    TEST_S(19, ONE,        NX, ONE, 0x33000000, 0, fsub.s fa0, fa1, fa2, rmm)
    /* fmul: (1 + 2^-12)^2 = 1 + 2^-11 + 2^-24, a tie */
    TEST_S(20, 0x3f801000, NX, 0x3f800800, 0x3f800800, 0, fmul.s fa0, fa1, fa2, rne)
    TEST_S(21, 0x3f801000, NX, 0x3f800800, 0x3f800800, 0, fmul.s fa0, fa1, fa2, rtz)
    TEST_S(22, 0xbf801001, NX, 0xbf800800, 0x3f800800, 0, fmul.s fa0, fa1, fa2, rdn)
    TEST_S(23, 0x3f801001, NX, 0x3f800800, 0x3f800800, 0, fmul.s fa0, fa1, fa2, rup)
    TEST_S(24, 0xbf801001, NX, 0xbf800800, 0x3f800800, 0, fmul.s fa0, fa1, fa2, rmm)
    /* fdiv: 1/3 is more than half an ulp above 0x3eaaaaaa */
    TEST_S(25, 0x3eaaaaab, NX, ONE, THREE, 0, fdiv.s fa0, fa1, fa2, rne)
    TEST_S(26, 0x3eaaaaaa, NX, ONE, THREE, 0, fdiv.s fa0, fa1, fa2, rtz)
    TEST_S(27, 0xbeaaaaab, NX, M1, THREE, 0, fdiv.s fa0, fa1, fa2, rdn)
    TEST_S(28, 0xbeaaaaaa, NX, M1, THREE, 0, fdiv.s fa0, fa1, fa2, rup)
    TEST_S(29, 0x3eaaaaab, NX, ONE, THREE, 0, fdiv.s fa0, fa1, fa2, rmm)
    /* fsqrt: sqrt(2) = 1.41421356..., 0x3fb504f3 is just below */
    TEST_S(30, 0x3fb504f3, NX, TWO, 0, 0, fsqrt.s fa0, fa1, rne)
    TEST_S(31, 0x3fb504f3, NX, TWO, 0, 0, fsqrt.s fa0, fa1, rtz)
    TEST_S(32, 0x3fb504f3, NX, TWO, 0, 0, fsqrt.s fa0, fa1, rdn)
    TEST_S(33, 0x3fb504f4, NX, TWO, 0, 0, fsqrt.s fa0, fa1, rup)
    TEST_S(34, 0x3fb504f3, NX, TWO, 0, 0, fsqrt.s fa0, fa1, rmm)

    /* ---- the dynamic mode comes from frm ---- */
    csrwi frm, 3            /* RUP */
    TEST_S(35, 0x3f800001, NX, ONE, EPS2, 0, fadd.s fa0, fa1, fa2)
    TEST_S(36, 0x3f800001, NX, ONE, EPS2, 0, fadd.s fa0, fa1, fa2, dyn)
    TEST_S(37, ONE,        NX, ONE, EPS2, 0, fadd.s fa0, fa1, fa2, rne)
    csrwi frm, 4            /* RMM */
    TEST_S(38, 0x3f800001, NX, ONE, EPS2, 0, fadd.s fa0, fa1, fa2)
    csrwi frm, 2            /* RDN */
    TEST_S(39, 0xbeaaaaab, NX, M1, THREE, 0, fdiv.s fa0, fa1, fa2)
    TEST_S(40, 0x80000000, 0, ONE, ONE, 0, fsub.s fa0, fa1, fa2)
    csrwi frm, 1            /* RTZ */
    TEST_S(41, 0x3fb504f3, NX, TWO, 0, 0, fsqrt.s fa0, fa1)
    csrwi frm, 0

    /* ---- exact results raise nothing, subnormal ones included ---- */
    TEST_S(45, TWO, 0, ONE, ONE, 0, fadd.s fa0, fa1, fa2)
    TEST_S(46, 0x3fc00000, 0, THREE, HALF, 0, fmul.s fa0, fa1, fa2)
    TEST_S(47, 0x3e800000, 0, ONE, 0x40800000, 0, fdiv.s fa0, fa1, fa2)
    TEST_S(48, THREE, 0, 0x41100000, 0, 0, fsqrt.s fa0, fa1)
    TEST_S(49, MINNRM, 0, MAXSUB, MINSUB, 0, fadd.s fa0, fa1, fa2)
    TEST_S(50, MAXSUB, 0, MINNRM, MINSUB, 0, fsub.s fa0, fa1, fa2)
    TEST_S(51, 0x00400000, 0, MINNRM, TWO, 0, fdiv.s fa0, fa1, fa2)
    TEST_S(52, 0x1a800000, 0, 0x00000002, 0, 0, fsqrt.s fa0, fa1)

    /* ---- signed zeros ---- */
    TEST_S(55, 0x00000000, 0, THREE, THREE, 0, fsub.s fa0, fa1, fa2, rne)
    TEST_S(56, 0x00000000, 0, THREE, THREE, 0, fsub.s fa0, fa1, fa2, rtz)
    TEST_S(57, 0x80000000, 0, THREE, THREE, 0, fsub.s fa0, fa1, fa2, rdn)
    TEST_S(58, 0x00000000, 0, THREE, THREE, 0, fsub.s fa0, fa1, fa2, rup)
    TEST_S(59, 0x00000000, 0, THREE, 0xc0400000, 0, fadd.s fa0, fa1, fa2, rmm)
    TEST_S(60, 0x80000000, 0, 0x80000000, 0x80000000, 0, fadd.s fa0, fa1, fa2)
    TEST_S(61, 0x80000000, 0, 0, M1, 0, fmul.s fa0, fa1, fa2)
    TEST_S(62, 0x80000000, 0, 0x80000000, 0, 0, fsqrt.s fa0, fa1)
    TEST_S(63, 0x80000000, 0, 0x80000000, THREE, 0, fdiv.s fa0, fa1, fa2)

    /* ---- overflow: inf or MAX by mode ---- */
    TEST_S(65, INF,  OF|NX, MAX, MAX, 0, fadd.s fa0, fa1, fa2, rne)
    TEST_S(66, MAX,  OF|NX, MAX, MAX, 0, fadd.s fa0, fa1, fa2, rtz)
    TEST_S(67, MAX,  OF|NX, MAX, MAX, 0, fadd.s fa0, fa1, fa2, rdn)
    TEST_S(68, INF,  OF|NX, MAX, MAX, 0, fadd.s fa0, fa1, fa2, rup)
    TEST_S(69, INF,  OF|NX, MAX, MAX, 0, fadd.s fa0, fa1, fa2, rmm)
    TEST_S(70, NINF, OF|NX, NMAX, TWO, 0, fmul.s fa0, fa1, fa2, rne)
    TEST_S(71, NMAX, OF|NX, NMAX, TWO, 0, fmul.s fa0, fa1, fa2, rtz)
    TEST_S(72, NINF, OF|NX, NMAX, TWO, 0, fmul.s fa0, fa1, fa2, rdn)
    TEST_S(73, NMAX, OF|NX, NMAX, TWO, 0, fmul.s fa0, fa1, fa2, rup)
    TEST_S(74, INF,  OF|NX, MAX, HALF, 0, fdiv.s fa0, fa1, fa2, rmm)
    /* MAX + ulp/2 rounds to MAX without overflow in RTZ */
    TEST_S(75, MAX,  NX, MAX, 0x73000000, 0, fadd.s fa0, fa1, fa2, rtz)
    TEST_S(76, INF,  OF|NX, MAX, 0x73000000, 0, fadd.s fa0, fa1, fa2, rne)

    /* ---- underflow, tininess after rounding ---- */
    /* 2^-149 * 0.5 = 2^-150, a tie between 0 and 2^-149 */
    TEST_S(80, 0x00000000, UF|NX, MINSUB, HALF, 0, fmul.s fa0, fa1, fa2, rne)
    TEST_S(81, 0x00000001, UF|NX, MINSUB, HALF, 0, fmul.s fa0, fa1, fa2, rup)
    TEST_S(82, 0x00000001, UF|NX, MINSUB, HALF, 0, fmul.s fa0, fa1, fa2, rmm)
    TEST_S(83, 0x80000001, UF|NX, 0x80000001, HALF, 0, fmul.s fa0, fa1, fa2, rdn)
    TEST_S(84, 0x80000000, UF|NX, 0x80000001, HALF, 0, fmul.s fa0, fa1, fa2, rup)
    TEST_S(85, 0x002aaaab, UF|NX, MINNRM, THREE, 0, fdiv.s fa0, fa1, fa2, rne)
    /* 2^-126 - 2^-150: tiny even with an unbounded exponent; rounds to
     * 2^-126 with UF in RNE */
    TEST_S(86, MINNRM, UF|NX, MINNRM, 0x3f7fffff, 0, fmul.s fa0, fa1, fa2, rne)
    TEST_S(87, MAXSUB, UF|NX, MINNRM, 0x3f7fffff, 0, fmul.s fa0, fa1, fa2, rtz)
    /* 2^-126 - 2^-151: rounds to 2^-126 with an unbounded exponent, so
     * not tiny: NX only (RNE, RUP, RMM); RTZ and RDN stay below: UF */
    TEST_S(88, MINNRM, NX, 0x1c780000, 0x23842108, 0, fmul.s fa0, fa1, fa2, rne)
    TEST_S(89, MINNRM, NX, 0x1c780000, 0x23842108, 0, fmul.s fa0, fa1, fa2, rup)
    TEST_S(90, MINNRM, NX, 0x1c780000, 0x23842108, 0, fmul.s fa0, fa1, fa2, rmm)
    TEST_S(91, MAXSUB, UF|NX, 0x1c780000, 0x23842108, 0, fmul.s fa0, fa1, fa2, rtz)
    TEST_S(92, MAXSUB, UF|NX, 0x1c780000, 0x23842108, 0, fmul.s fa0, fa1, fa2, rdn)

    /* ---- infinities, division by zero, invalid operations ---- */
    TEST_S(95, INF,  0,  INF, INF, 0, fadd.s fa0, fa1, fa2)
    TEST_S(96, CNAN, NV, INF, NINF, 0, fadd.s fa0, fa1, fa2)
    TEST_S(97, CNAN, NV, INF, INF, 0, fsub.s fa0, fa1, fa2)
    TEST_S(98, CNAN, NV, 0, INF, 0, fmul.s fa0, fa1, fa2)
    TEST_S(99, NINF, 0,  INF, M1, 0, fmul.s fa0, fa1, fa2)
    TEST_S(100, INF,  DZ, ONE, 0, 0, fdiv.s fa0, fa1, fa2)
    TEST_S(101, NINF, DZ, ONE, 0x80000000, 0, fdiv.s fa0, fa1, fa2)
    TEST_S(102, NINF, DZ, MINSUB, 0x80000000, 0, fdiv.s fa0, fa1, fa2)
    TEST_S(103, CNAN, NV, 0, 0, 0, fdiv.s fa0, fa1, fa2)
    TEST_S(104, CNAN, NV, INF, NINF, 0, fdiv.s fa0, fa1, fa2)
    TEST_S(105, INF,  0,  INF, 0, 0, fdiv.s fa0, fa1, fa2)
    TEST_S(106, 0x80000000, 0, M1, INF, 0, fdiv.s fa0, fa1, fa2)
    TEST_S(107, INF,  0,  INF, 0, 0, fsqrt.s fa0, fa1)
    TEST_S(108, CNAN, NV, M1, 0, 0, fsqrt.s fa0, fa1)
    TEST_S(109, CNAN, NV, NINF, 0, 0, fsqrt.s fa0, fa1)
    TEST_S(110, CNAN, NV, 0x80000001, 0, 0, fsqrt.s fa0, fa1)

    /* ---- NaN operands: canonical NaN; NV only when signalling ---- */
    TEST_S(115, CNAN, 0,  QNANP, ONE, 0, fadd.s fa0, fa1, fa2)
    TEST_S(116, CNAN, 0,  ONE, 0xffc00000, 0, fsub.s fa0, fa1, fa2)
    TEST_S(117, CNAN, 0,  QNANP, INF, 0, fmul.s fa0, fa1, fa2)
    TEST_S(118, CNAN, 0,  QNANP, 0, 0, fdiv.s fa0, fa1, fa2)
    TEST_S(119, CNAN, 0,  0xffc00000, 0, 0, fsqrt.s fa0, fa1)
    TEST_S(120, CNAN, NV, SNAN, ONE, 0, fadd.s fa0, fa1, fa2)
    TEST_S(121, CNAN, NV, ONE, 0xffa00000, 0, fsub.s fa0, fa1, fa2)
    TEST_S(122, CNAN, NV, SNAN, 0, 0, fmul.s fa0, fa1, fa2)
    TEST_S(123, CNAN, NV, ONE, 0x7fbfffff, 0, fdiv.s fa0, fa1, fa2)
    TEST_S(124, CNAN, NV, SNAN, 0, 0, fsqrt.s fa0, fa1)
    TEST_S(125, CNAN, NV, SNAN, QNANP, 0, fadd.s fa0, fa1, fa2)

    /* ---- an operand that is not NaN-boxed is the canonical NaN (quiet:
     * no NV even when its low bits look like a signalling NaN) ---- */
    TEST_S(130, CNAN, 0, 0, ONE, 0, SET_D(fa1, 0x3ff0000000000000); fadd.s fa0, fa1, fa2)
    TEST_S(131, CNAN, 0, ONE, 0, 0, SET_D(fa2, 0x000000007f800001); fmul.s fa0, fa1, fa2)
    TEST_S(132, CNAN, 0, 0, 0, 0, SET_D(fa1, 0x7fffffff3f800000); fsqrt.s fa0, fa1)
    TEST_S(133, CNAN, 0, ONE, 0, 0, SET_D(fa2, 0xfffffffe00000000); fdiv.s fa0, fa1, fa2)

    /* ---- rd the same as a source ---- */
    TEST_S(135, 0x40400000, 0, ONE, TWO, 0, fadd.s fa1, fa1, fa2; fmv.s fa0, fa1)
    TEST_S(136, 0x40800000, 0, TWO, 0, 0, fmul.s fa1, fa1, fa1; fmv.s fa0, fa1)

    /* ---- fflags accumulate: no instruction clears a flag ---- */
    li TESTNUM, 140
    csrwi fflags, 0
    SET_S(fa1, ONE)
    SET_S(fa2, 0)
    fdiv.s fa0, fa1, fa2         /* DZ */
    SET_S(fa2, THREE)
    fdiv.s fa0, fa1, fa2         /* NX */
    fadd.s fa0, fa1, fa1         /* exact */
    CHECK_FL(140, DZ|NX)

    TEST_END
    FP_DATA
