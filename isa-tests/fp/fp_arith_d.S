/*
 * Double-precision arithmetic: fadd.d, fsub.d, fmul.d, fdiv.d, fsqrt.d
 * (unprivileged spec, D chapter; IEEE 754-2008), checked like
 * fp_arith_s.S: result bits and fflags for each static rounding mode on
 * ties and near them, the dynamic mode from frm, exact results, signed
 * zeros, overflow and underflow (tininess after rounding), division by
 * zero, invalid operations and canonical NaN results.
 */
#include "fp.h"

#define ONE    0x3ff0000000000000
#define M1     0xbff0000000000000
#define TWO    0x4000000000000000
#define THREE  0x4008000000000000
#define HALF   0x3fe0000000000000
#define MINSUB 0x0000000000000001
#define MAXSUB 0x000fffffffffffff
#define MINNRM 0x0010000000000000
#define MAX    0x7fefffffffffffff
#define NMAX   0xffefffffffffffff
#define INF    0x7ff0000000000000
#define NINF   0xfff0000000000000
#define CNAN   0x7ff8000000000000
#define QNANP  0x7ff8000000012345
#define SNAN   0x7ff0000000000001
#define EPS2   0x3ca0000000000000   /* 2^-53: half an ulp of 1 */
#define ONEP   0x3ff0000000000001   /* 1 + ulp */

    TEST_BEGIN
    FP_ENABLE

    /* ---- rounding: 1 + 2^-53 is a tie ---- */
    TEST_D(1, ONE,  NX, ONE, EPS2, 0, fadd.d fa0, fa1, fa2, rne)
    TEST_D(2, ONE,  NX, ONE, EPS2, 0, fadd.d fa0, fa1, fa2, rtz)
    TEST_D(3, ONE,  NX, ONE, EPS2, 0, fadd.d fa0, fa1, fa2, rdn)
    TEST_D(4, ONEP, NX, ONE, EPS2, 0, fadd.d fa0, fa1, fa2, rup)
    TEST_D(5, ONEP, NX, ONE, EPS2, 0, fadd.d fa0, fa1, fa2, rmm)
    TEST_D(6, M1,                 NX, M1, 0xbca0000000000000, 0, fadd.d fa0, fa1, fa2, rne)
    TEST_D(7, 0xbff0000000000001, NX, M1, 0xbca0000000000000, 0, fadd.d fa0, fa1, fa2, rdn)
    TEST_D(8, M1,                 NX, M1, 0xbca0000000000000, 0, fadd.d fa0, fa1, fa2, rup)
    TEST_D(9, 0xbff0000000000001, NX, M1, 0xbca0000000000000, 0, fadd.d fa0, fa1, fa2, rmm)
    /* the even neighbour above */
    TEST_D(10, 0x3ff0000000000002, NX, ONEP, EPS2, 0, fadd.d fa0, fa1, fa2, rne)
    TEST_D(11, ONEP,               NX, ONEP, EPS2, 0, fadd.d fa0, fa1, fa2, rtz)
    /* 1 - 2^-54: a tie below 1 */
    TEST_D(12, ONE,                NX, ONE, 0x3c90000000000000, 0, fsub.d fa0, fa1, fa2, rne)
    TEST_D(13, 0x3fefffffffffffff, NX, ONE, 0x3c90000000000000, 0, fsub.d fa0, fa1, fa2, rtz)
    TEST_D(14, ONE,                NX, ONE, 0x3c90000000000000, 0, fsub.d fa0, fa1, fa2, rmm)
    /* fmul: (1 + 2^-26)(1 + 2^-27) = 1 + 2^-26 + 2^-27 + 2^-53, a tie */
    TEST_D(15, 0x3ff0000006000000, NX, 0x3ff0000004000000, 0x3ff0000002000000, 0, fmul.d fa0, fa1, fa2, rne)
    TEST_D(16, 0x3ff0000006000000, NX, 0x3ff0000004000000, 0x3ff0000002000000, 0, fmul.d fa0, fa1, fa2, rdn)
    TEST_D(17, 0x3ff0000006000001, NX, 0x3ff0000004000000, 0x3ff0000002000000, 0, fmul.d fa0, fa1, fa2, rup)
    TEST_D(18, 0x3ff0000006000001, NX, 0x3ff0000004000000, 0x3ff0000002000000, 0, fmul.d fa0, fa1, fa2, rmm)
    /* fdiv: 1/3 is less than half an ulp above 0x3fd5555555555555, 1/5
     * more than half an ulp above 0x3fc9999999999999 */
    TEST_D(19, 0x3fd5555555555555, NX, ONE, THREE, 0, fdiv.d fa0, fa1, fa2, rne)
    TEST_D(20, 0x3fd5555555555556, NX, ONE, THREE, 0, fdiv.d fa0, fa1, fa2, rup)
    TEST_D(21, 0xbfd5555555555556, NX, M1, THREE, 0, fdiv.d fa0, fa1, fa2, rdn)
    TEST_D(22, 0x3fc999999999999a, NX, ONE, 0x4014000000000000, 0, fdiv.d fa0, fa1, fa2, rne)
    TEST_D(23, 0x3fc9999999999999, NX, ONE, 0x4014000000000000, 0, fdiv.d fa0, fa1, fa2, rtz)
    TEST_D(24, 0x3fc999999999999a, NX, ONE, 0x4014000000000000, 0, fdiv.d fa0, fa1, fa2, rmm)
    /* fsqrt: 0x3ff6a09e667f3bcd is just above sqrt(2) */
    TEST_D(25, 0x3ff6a09e667f3bcd, NX, TWO, 0, 0, fsqrt.d fa0, fa1, rne)
    TEST_D(26, 0x3ff6a09e667f3bcc, NX, TWO, 0, 0, fsqrt.d fa0, fa1, rtz)
    TEST_D(27, 0x3ff6a09e667f3bcc, NX, TWO, 0, 0, fsqrt.d fa0, fa1, rdn)
    TEST_D(28, 0x3ff6a09e667f3bcd, NX, TWO, 0, 0, fsqrt.d fa0, fa1, rup)
    TEST_D(29, 0x3ff6a09e667f3bcd, NX, TWO, 0, 0, fsqrt.d fa0, fa1, rmm)

    /* ---- the dynamic mode comes from frm ---- */
    csrwi frm, 3
    TEST_D(35, ONEP, NX, ONE, EPS2, 0, fadd.d fa0, fa1, fa2)
    csrwi frm, 4
    TEST_D(36, ONEP, NX, ONE, EPS2, 0, fadd.d fa0, fa1, fa2, dyn)
    csrwi frm, 1
    TEST_D(37, 0x3ff6a09e667f3bcc, NX, TWO, 0, 0, fsqrt.d fa0, fa1)
    csrwi frm, 2
    TEST_D(38, 0x8000000000000000, 0, TWO, TWO, 0, fsub.d fa0, fa1, fa2)
    csrwi frm, 0

    /* ---- exact results ---- */
    TEST_D(45, TWO, 0, ONE, ONE, 0, fadd.d fa0, fa1, fa2)
    TEST_D(46, 0x3ff8000000000000, 0, THREE, HALF, 0, fmul.d fa0, fa1, fa2)
    TEST_D(47, THREE, 0, 0x4022000000000000, 0, 0, fsqrt.d fa0, fa1)
    TEST_D(48, MINNRM, 0, MAXSUB, MINSUB, 0, fadd.d fa0, fa1, fa2)
    TEST_D(49, MAXSUB, 0, MINNRM, MINSUB, 0, fsub.d fa0, fa1, fa2)
    TEST_D(50, 0x001ffffffffffffe, 0, MAXSUB, TWO, 0, fmul.d fa0, fa1, fa2)
    TEST_D(51, 0x1e60000000000000, 0, MINSUB, 0, 0, fsqrt.d fa0, fa1)   /* 2^-537 */
    TEST_D(52, ONE, 0, MINSUB, MINSUB, 0, fdiv.d fa0, fa1, fa2)

    /* ---- signed zeros ---- */
    TEST_D(55, 0x0000000000000000, 0, ONE, ONE, 0, fsub.d fa0, fa1, fa2, rne)
    TEST_D(56, 0x8000000000000000, 0, ONE, ONE, 0, fsub.d fa0, fa1, fa2, rdn)
    TEST_D(57, 0x0000000000000000, 0, MAX, NMAX, 0, fadd.d fa0, fa1, fa2, rup)
    TEST_D(58, 0x8000000000000000, 0, 0x8000000000000000, 0x8000000000000000, 0, fadd.d fa0, fa1, fa2)
    TEST_D(59, 0x8000000000000000, 0, 0, M1, 0, fmul.d fa0, fa1, fa2)
    TEST_D(60, 0x8000000000000000, 0, 0x8000000000000000, 0, 0, fsqrt.d fa0, fa1)

    /* ---- overflow ---- */
    TEST_D(65, INF,  OF|NX, MAX, MAX, 0, fadd.d fa0, fa1, fa2, rne)
    TEST_D(66, MAX,  OF|NX, MAX, MAX, 0, fadd.d fa0, fa1, fa2, rtz)
    TEST_D(67, MAX,  OF|NX, MAX, MAX, 0, fadd.d fa0, fa1, fa2, rdn)
    TEST_D(68, INF,  OF|NX, MAX, MAX, 0, fadd.d fa0, fa1, fa2, rup)
    TEST_D(69, INF,  OF|NX, MAX, MAX, 0, fadd.d fa0, fa1, fa2, rmm)
    TEST_D(70, NINF, OF|NX, NMAX, TWO, 0, fmul.d fa0, fa1, fa2, rdn)
    TEST_D(71, NMAX, OF|NX, NMAX, TWO, 0, fmul.d fa0, fa1, fa2, rup)
    TEST_D(72, INF,  OF|NX, MAX, HALF, 0, fdiv.d fa0, fa1, fa2, rne)
    /* MAX + ulp/2 (2^970): a tie that RNE rounds up into overflow */
    TEST_D(73, INF,  OF|NX, MAX, 0x7c90000000000000, 0, fadd.d fa0, fa1, fa2, rne)
    TEST_D(74, MAX,  NX,    MAX, 0x7c90000000000000, 0, fadd.d fa0, fa1, fa2, rtz)

    /* ---- underflow ---- */
    TEST_D(80, 0, UF|NX, MINSUB, HALF, 0, fmul.d fa0, fa1, fa2, rne)
    TEST_D(81, MINSUB, UF|NX, MINSUB, HALF, 0, fmul.d fa0, fa1, fa2, rmm)
    TEST_D(82, MINSUB, UF|NX, MINSUB, 0x3fe8000000000000, 0, fmul.d fa0, fa1, fa2, rne)
    TEST_D(83, 0, UF|NX, MINSUB, 0x3fe8000000000000, 0, fmul.d fa0, fa1, fa2, rtz)
    /* 2^-1022 - 2^-1075: tiny, rounds to 2^-1022 with UF */
    TEST_D(84, MINNRM, UF|NX, MINNRM, 0x3fefffffffffffff, 0, fmul.d fa0, fa1, fa2, rne)
    TEST_D(85, MAXSUB, UF|NX, MINNRM, 0x3fefffffffffffff, 0, fmul.d fa0, fa1, fa2, rdn)
    /* 2^-1022 - 2^-1076: not tiny after rounding in RNE, RUP, RMM */
    TEST_D(86, MINNRM, NX, 0x1f6ffff800000000, 0x2090000400010000, 0, fmul.d fa0, fa1, fa2, rne)
    TEST_D(87, MINNRM, NX, 0x1f6ffff800000000, 0x2090000400010000, 0, fmul.d fa0, fa1, fa2, rup)
    TEST_D(88, MAXSUB, UF|NX, 0x1f6ffff800000000, 0x2090000400010000, 0, fmul.d fa0, fa1, fa2, rtz)
    TEST_D(89, 0x8000000000000001, UF|NX, 0x8000000000000001, 0x4000000000000001, 0, fdiv.d fa0, fa1, fa2, rdn)

    /* ---- infinities, division by zero, invalid operations ---- */
    TEST_D(95, CNAN, NV, INF, NINF, 0, fadd.d fa0, fa1, fa2)
    TEST_D(96, CNAN, NV, NINF, NINF, 0, fsub.d fa0, fa1, fa2)
    TEST_D(97, CNAN, NV, INF, 0, 0, fmul.d fa0, fa1, fa2)
    TEST_D(98, INF,  DZ, ONE, 0, 0, fdiv.d fa0, fa1, fa2)
    TEST_D(99, NINF, DZ, ONE, 0x8000000000000000, 0, fdiv.d fa0, fa1, fa2)
    TEST_D(100, CNAN, NV, 0x8000000000000000, 0, 0, fdiv.d fa0, fa1, fa2)
    TEST_D(101, CNAN, NV, INF, INF, 0, fdiv.d fa0, fa1, fa2)
    TEST_D(102, NINF, 0, NINF, 0, 0, fdiv.d fa0, fa1, fa2)
    TEST_D(103, INF, 0, INF, 0, 0, fsqrt.d fa0, fa1)
    TEST_D(104, CNAN, NV, M1, 0, 0, fsqrt.d fa0, fa1)
    TEST_D(105, CNAN, NV, 0x8000000000000001, 0, 0, fsqrt.d fa0, fa1)

    /* ---- NaN operands ---- */
    TEST_D(110, CNAN, 0,  QNANP, ONE, 0, fadd.d fa0, fa1, fa2)
    TEST_D(111, CNAN, 0,  0xfff8000000000000, ONE, 0, fmul.d fa0, fa1, fa2)
    TEST_D(112, CNAN, 0,  QNANP, 0, 0, fdiv.d fa0, fa1, fa2)
    TEST_D(113, CNAN, 0,  0xfff8000000000000, 0, 0, fsqrt.d fa0, fa1)
    TEST_D(114, CNAN, NV, SNAN, ONE, 0, fadd.d fa0, fa1, fa2)
    TEST_D(115, CNAN, NV, ONE, 0x7ff7ffffffffffff, 0, fsub.d fa0, fa1, fa2)
    TEST_D(116, CNAN, NV, 0xfff4000000000000, QNANP, 0, fmul.d fa0, fa1, fa2)
    TEST_D(117, CNAN, NV, SNAN, 0, 0, fdiv.d fa0, fa1, fa2)
    TEST_D(118, CNAN, NV, 0xfff4000000000000, 0, 0, fsqrt.d fa0, fa1)
    /* a boxed single read as a double is a quiet NaN */
    TEST_D(119, CNAN, 0, 0, ONE, 0, SET_S(fa1, 0x3f800000); fadd.d fa0, fa1, fa2)

    TEST_END
    FP_DATA
