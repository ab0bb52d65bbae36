/*
 * Fused multiply-add in both precisions (unprivileged spec, F chapter,
 * "Single-Precision Fused Multiply-Add Instructions"):
 *   fmadd  rd = rs1 * rs2 + rs3       fmsub  rd = rs1 * rs2 - rs3
 *   fnmsub rd = -(rs1 * rs2) + rs3    fnmadd rd = -(rs1 * rs2) - rs3
 * with one rounding. The negations apply to the operands before the sum,
 * so an exact zero sum is +0 in every mode but RDN for all four forms
 * (negating an fmadd/fmsub result would give -0), a directed mode rounds
 * the negated value (not the negation of the rounded one), and a NaN
 * result is the canonical NaN (never a negated one). inf * 0 raises NV
 * even when rs3 is a quiet NaN. Also: sums that a separately rounded
 * product would get wrong, and fused results that stay finite although
 * the product alone would overflow.
 */
#include "fp.h"

#define S1  0x3f800000
#define SM1 0xbf800000
#define S2  0x40000000
#define S3  0x40400000
#define S5  0x40a00000
#define S7  0x40e00000
#define SMAX 0x7f7fffff
#define SINF 0x7f800000
#define SCNAN 0x7fc00000
#define SQNANP 0x7fc12345
#define SSNAN 0x7f800001
#define SA  0x3f800800   /* 1 + 2^-12: SA * SA = 1 + 2^-11 + 2^-24 */

#define D1  0x3ff0000000000000
#define DM1 0xbff0000000000000
#define D2  0x4000000000000000
#define D3  0x4008000000000000
#define D5  0x4014000000000000
#define D7  0x401c000000000000
#define DMAX 0x7fefffffffffffff
#define DINF 0x7ff0000000000000
#define DCNAN 0x7ff8000000000000
#define DQNANP 0x7ff8000000012345
#define DSNAN 0x7ff0000000000001
#define DA  0x3ff0000004000000   /* 1 + 2^-26 */
#define DB  0x3ff0000002000000   /* 1 + 2^-27 */

    TEST_BEGIN
    FP_ENABLE

    /* ---- the four forms: signs ---- */
    TEST_S(1, S7, 0, S2, S3, S1, fmadd.s fa0, fa1, fa2, fa3)
    TEST_S(2, S5, 0, S2, S3, S1, fmsub.s fa0, fa1, fa2, fa3)
    TEST_S(3, 0xc0a00000, 0, S2, S3, S1, fnmsub.s fa0, fa1, fa2, fa3)
    TEST_S(4, 0xc0e00000, 0, S2, S3, S1, fnmadd.s fa0, fa1, fa2, fa3)
    TEST_S(5, 0xc0a00000, 0, 0xc0000000, S3, S1, fmadd.s fa0, fa1, fa2, fa3)
    TEST_S(6, S5, 0, 0xc0000000, S3, SM1, fnmsub.s fa0, fa1, fa2, fa3)
    TEST_D(7, D7, 0, D2, D3, D1, fmadd.d fa0, fa1, fa2, fa3)
    TEST_D(8, D5, 0, D2, D3, D1, fmsub.d fa0, fa1, fa2, fa3)
    TEST_D(9, 0xc014000000000000, 0, D2, D3, D1, fnmsub.d fa0, fa1, fa2, fa3)
    TEST_D(10, 0xc01c000000000000, 0, D2, D3, D1, fnmadd.d fa0, fa1, fa2, fa3)
    TEST_D(11, 0x4031000000000000, 0, D2, 0xc008000000000000, 0xc026000000000000, fnmadd.d fa0, fa1, fa2, fa3)

    /* ---- exact zero sums: +0, or -0 in RDN ---- */
    TEST_S(15, 0, 0, S1, S1, SM1, fmadd.s fa0, fa1, fa2, fa3)
    TEST_S(16, 0x80000000, 0, S1, S1, SM1, fmadd.s fa0, fa1, fa2, fa3, rdn)
    TEST_S(17, 0, 0, S1, S1, S1, fmsub.s fa0, fa1, fa2, fa3)
    TEST_S(18, 0x80000000, 0, S1, S1, S1, fmsub.s fa0, fa1, fa2, fa3, rdn)
    TEST_S(19, 0, 0, S1, S1, S1, fnmsub.s fa0, fa1, fa2, fa3)
    TEST_S(20, 0x80000000, 0, S1, S1, S1, fnmsub.s fa0, fa1, fa2, fa3, rdn)
    TEST_S(21, 0, 0, S1, S1, SM1, fnmadd.s fa0, fa1, fa2, fa3)
    TEST_S(22, 0x80000000, 0, S1, S1, SM1, fnmadd.s fa0, fa1, fa2, fa3, rdn)
    TEST_S(23, 0, 0, S1, S1, SM1, fnmadd.s fa0, fa1, fa2, fa3, rup)
    /* zero products: -0 + -0 is -0, +0 + -0 is +0 (RNE) */
    TEST_S(24, 0x80000000, 0, 0, S1, 0, fnmadd.s fa0, fa1, fa2, fa3)
    TEST_S(25, 0, 0, 0, S1, 0, fnmsub.s fa0, fa1, fa2, fa3)
    TEST_S(26, 0x80000000, 0, 0, S1, 0, fnmsub.s fa0, fa1, fa2, fa3, rdn)
    TEST_S(27, 0, 0, 0, S1, 0, fmsub.s fa0, fa1, fa2, fa3)
    TEST_S(28, 0x80000000, 0, 0x80000000, S1, 0, fmsub.s fa0, fa1, fa2, fa3)
    TEST_D(29, 0, 0, D1, D1, DM1, fnmadd.d fa0, fa1, fa2, fa3)
    TEST_D(30, 0x8000000000000000, 0, D1, D1, DM1, fnmadd.d fa0, fa1, fa2, fa3, rdn)
    TEST_D(31, 0, 0, D1, D1, D1, fnmsub.d fa0, fa1, fa2, fa3, rmm)
    TEST_D(32, 0x8000000000000000, 0, D1, D1, D1, fmsub.d fa0, fa1, fa2, fa3, rdn)
    TEST_D(33, 0x8000000000000000, 0, 0, D1, 0, fnmadd.d fa0, fa1, fa2, fa3)

    /* ---- one rounding ---- */
    /* SA * SA - 1 = 2^-11 + 2^-24 exactly (rounding the product first
     * would give 2^-11) */
    TEST_S(40, 0x3a000400, 0, SA, SA, SM1, fmadd.s fa0, fa1, fa2, fa3)
    TEST_S(41, 0x3a000400, 0, SA, SA, S1, fmsub.s fa0, fa1, fa2, fa3)
    TEST_S(42, 0xba000400, 0, SA, SA, S1, fnmsub.s fa0, fa1, fa2, fa3)
    TEST_S(43, 0xba000400, 0, SA, SA, SM1, fnmadd.s fa0, fa1, fa2, fa3)
    /* SA * SA + 2^-30: just above the product's tie */
    TEST_S(44, 0x3f801001, NX, SA, SA, 0x30800000, fmadd.s fa0, fa1, fa2, fa3, rne)
    TEST_S(45, 0x3f801000, NX, SA, SA, 0x30800000, fmadd.s fa0, fa1, fa2, fa3, rtz)
    /* -(SA * SA) - 2^-30 by mode: the negative value is rounded */
    TEST_S(46, 0xbf801001, NX, SA, SA, 0x30800000, fnmadd.s fa0, fa1, fa2, fa3, rne)
    TEST_S(47, 0xbf801000, NX, SA, SA, 0x30800000, fnmadd.s fa0, fa1, fa2, fa3, rtz)
    TEST_S(48, 0xbf801001, NX, SA, SA, 0x30800000, fnmadd.s fa0, fa1, fa2, fa3, rdn)
    TEST_S(49, 0xbf801000, NX, SA, SA, 0x30800000, fnmadd.s fa0, fa1, fa2, fa3, rup)
    TEST_S(50, 0xbf801001, NX, SA, SA, 0x30800000, fnmadd.s fa0, fa1, fa2, fa3, rmm)
    /* -(SA * SA) + 2^-30: just below the negative tie in magnitude */
    TEST_S(51, 0xbf801000, NX, SA, SA, 0x30800000, fnmsub.s fa0, fa1, fa2, fa3, rne)
    TEST_S(52, 0xbf801001, NX, SA, SA, 0x30800000, fnmsub.s fa0, fa1, fa2, fa3, rdn)
    TEST_S(53, 0xbf801000, NX, SA, SA, 0x30800000, fnmsub.s fa0, fa1, fa2, fa3, rup)
    /* 1/3 rounded, times 3, minus 1: the rounding error, exactly */
    TEST_S(54, 0x33000000, 0, 0x3eaaaaab, S3, S1, fmsub.s fa0, fa1, fa2, fa3)
    /* DA * DB - 1 = 2^-26 + 2^-27 + 2^-53 exactly */
    TEST_D(55, 0x3e58000002000000, 0, DA, DB, DM1, fmadd.d fa0, fa1, fa2, fa3)
    TEST_D(56, 0xbe58000002000000, 0, DA, DB, D1, fnmsub.d fa0, fa1, fa2, fa3)
    TEST_D(57, 0x3ff0000006000001, NX, DA, DB, 0x3c30000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)
    TEST_D(58, 0xbff0000006000001, NX, DA, DB, 0x3c30000000000000, fnmadd.d fa0, fa1, fa2, fa3, rdn)
    TEST_D(59, 0xbff0000006000000, NX, DA, DB, 0x3c30000000000000, fnmadd.d fa0, fa1, fa2, fa3, rup)
    TEST_D(60, 0xbc90000000000000, 0, 0x3fd5555555555555, D3, D1, fmsub.d fa0, fa1, fa2, fa3)
    /* 1 + 2^-298 and 1 - 2^-298 (a product far below the ulp of the sum) */
    TEST_S(61, 0x3f800001, NX, 0x00000001, 0x00000001, S1, fmadd.s fa0, fa1, fa2, fa3, rup)
    TEST_S(62, 0x3f7fffff, NX, 0x00000001, 0x00000001, S1, fnmsub.s fa0, fa1, fa2, fa3, rtz)
    TEST_D(63, 0x3fefffffffffffff, NX, 0x0000000000000001, 0x0000000000000001, D1, fnmsub.d fa0, fa1, fa2, fa3, rdn)

    /* ---- overflow of the product alone does not matter ---- */
    TEST_S(65, SMAX, 0, SMAX, S2, SMAX, fmsub.s fa0, fa1, fa2, fa3)
    TEST_S(66, 0xff7fffff, 0, SMAX, S2, SMAX, fnmsub.s fa0, fa1, fa2, fa3)
    TEST_S(67, 0xff800000, 0, SMAX, SMAX, SINF, fnmadd.s fa0, fa1, fa2, fa3)
    TEST_S(68, SMAX, OF|NX, SMAX, SMAX, SM1, fmadd.s fa0, fa1, fa2, fa3, rtz)
    TEST_S(69, 0xff800000, OF|NX, SMAX, SMAX, SM1, fnmadd.s fa0, fa1, fa2, fa3, rne)
    TEST_D(70, DMAX, 0, DMAX, D2, DMAX, fmsub.d fa0, fa1, fa2, fa3)
    TEST_D(71, 0xffefffffffffffff, OF|NX, DMAX, DMAX, D1, fnmsub.d fa0, fa1, fa2, fa3, rup)

    /* ---- underflow after rounding ---- */
    TEST_S(75, 0x00800000, NX, 0x1c780000, 0x23842108, 0, fmadd.s fa0, fa1, fa2, fa3, rne)
    TEST_S(76, 0x807fffff, UF|NX, 0x1c780000, 0x23842108, 0, fnmadd.s fa0, fa1, fa2, fa3, rtz)
    TEST_S(77, 0x00800000, UF|NX, 0x00800000, 0x3f7fffff, 0x80000000, fmadd.s fa0, fa1, fa2, fa3, rne)
    TEST_D(78, 0x0010000000000000, NX, 0x1f6ffff800000000, 0x2090000400010000, 0x8000000000000000, fmadd.d fa0, fa1, fa2, fa3, rmm)
    TEST_D(79, 0x000fffffffffffff, UF|NX, 0x1f6ffff800000000, 0x2090000400010000, 0, fmsub.d fa0, fa1, fa2, fa3, rdn)

    /* ---- invalid operations and NaNs ---- */
    TEST_S(80, SCNAN, NV, SINF, 0, SCNAN, fmadd.s fa0, fa1, fa2, fa3)
    TEST_S(81, SCNAN, NV, 0, SINF, SQNANP, fmsub.s fa0, fa1, fa2, fa3)
    TEST_S(82, SCNAN, NV, 0x80000000, SINF, SCNAN, fnmadd.s fa0, fa1, fa2, fa3)
    TEST_S(83, SCNAN, NV, SINF, 0, S1, fnmsub.s fa0, fa1, fa2, fa3)
    TEST_S(84, SCNAN, NV, SINF, S1, SINF, fmsub.s fa0, fa1, fa2, fa3)
    TEST_S(85, SCNAN, NV, SINF, S1, 0xff800000, fnmadd.s fa0, fa1, fa2, fa3)
    TEST_S(86, SCNAN, NV, SINF, S1, SINF, fnmsub.s fa0, fa1, fa2, fa3)
    TEST_S(87, SINF, 0, SINF, S1, SINF, fmadd.s fa0, fa1, fa2, fa3)
    TEST_S(88, 0xff800000, 0, SINF, S1, 0xff800000, fnmsub.s fa0, fa1, fa2, fa3)
    /* NaN operands: canonical result, never negated; NV only for sNaN */
    TEST_S(89, SCNAN, 0, SQNANP, S1, S1, fnmadd.s fa0, fa1, fa2, fa3)
    TEST_S(90, SCNAN, 0, S1, S1, 0xffc00000, fnmsub.s fa0, fa1, fa2, fa3)
    TEST_S(91, SCNAN, 0, S1, SCNAN, S1, fmsub.s fa0, fa1, fa2, fa3)
    TEST_S(92, SCNAN, NV, S1, S1, SSNAN, fnmsub.s fa0, fa1, fa2, fa3)
    TEST_S(93, SCNAN, NV, SSNAN, SQNANP, S1, fmadd.s fa0, fa1, fa2, fa3)
    TEST_S(94, SCNAN, 0, SQNANP, 0, SINF, fmadd.s fa0, fa1, fa2, fa3)
    TEST_D(95, DCNAN, NV, DINF, 0, DCNAN, fnmadd.d fa0, fa1, fa2, fa3)
    TEST_D(96, DCNAN, NV, 0, DINF, DQNANP, fmadd.d fa0, fa1, fa2, fa3)
    TEST_D(97, DCNAN, 0, DQNANP, D1, D1, fnmadd.d fa0, fa1, fa2, fa3)
    TEST_D(98, DCNAN, NV, D1, D1, DSNAN, fmsub.d fa0, fa1, fa2, fa3)
    TEST_D(99, DCNAN, NV, DINF, D1, 0xfff0000000000000, fmadd.d fa0, fa1, fa2, fa3)
    /* an unboxed single operand is the canonical (quiet) NaN */
    TEST_S(100, SCNAN, 0, S1, S1, 0, SET_D(fa3, 0x000000003f800000); fmadd.s fa0, fa1, fa2, fa3)
    TEST_S(101, SCNAN, NV, SINF, 0, 0, SET_D(fa3, 0x000000003f800000); fmadd.s fa0, fa1, fa2, fa3)

    /* ---- the dynamic mode ---- */
    csrwi frm, 2
    TEST_S(105, 0x80000000, 0, S1, S1, S1, fnmsub.s fa0, fa1, fa2, fa3)
    TEST_S(106, 0xbf801001, NX, SA, SA, 0x30800000, fnmadd.s fa0, fa1, fa2, fa3)
    csrwi frm, 0

    TEST_END
    FP_DATA
