/*
 * Comparisons, classification and min/max in both precisions
 * (unprivileged spec, F chapter, "Single-Precision Floating-Point
 * Compare Instructions", "Classify Instruction", and fmin/fmax, which
 * follow IEEE 754-2019 minimumNumber/maximumNumber since F 2.2):
 *   - feq is a quiet comparison (NV only for a signalling NaN), flt and
 *     fle are signalling (NV for any NaN); all write 0 when an operand is
 *     a NaN; -0 equals +0;
 *   - fclass sets exactly one of ten bits;
 *   - fmin/fmax return the number when one operand is a NaN, the canonical
 *     NaN when both are, order -0 below +0, and raise NV only for a
 *     signalling NaN;
 *   - single-precision operands that are not NaN-boxed read as the
 *     canonical NaN.
 */
#include "fp.h"

#define S1   0x3f800000
#define SM1  0xbf800000
#define S2   0x40000000
#define SM2  0xc0000000
#define SP0  0x00000000
#define SN0  0x80000000
#define SINF 0x7f800000
#define SNINF 0xff800000
#define SCNAN 0x7fc00000
#define SQNANP 0x7fc12345
#define SNQNAN 0xffc00000
#define SSNAN 0x7f800001
#define SNSNAN 0xffa00000

#define D1   0x3ff0000000000000
#define DM1  0xbff0000000000000
#define D2   0x4000000000000000
#define DP0  0x0000000000000000
#define DN0  0x8000000000000000
#define DINF 0x7ff0000000000000
#define DNINF 0xfff0000000000000
#define DCNAN 0x7ff8000000000000
#define DQNANP 0x7ff8000000012345
#define DSNAN 0x7ff0000000000001
#define DNSNAN 0xfff4000000000000

    TEST_BEGIN
    FP_ENABLE

    /* ---- feq / flt / fle, single ---- */
    TEST_S_X(1, 1, 0, S1, S1, feq.s a0, fa1, fa2)
    TEST_S_X(2, 0, 0, S1, S2, feq.s a0, fa1, fa2)
    TEST_S_X(3, 1, 0, SP0, SN0, feq.s a0, fa1, fa2)
    TEST_S_X(4, 0, 0, SCNAN, SCNAN, feq.s a0, fa1, fa2)
    TEST_S_X(5, 0, 0, S1, SQNANP, feq.s a0, fa1, fa2)
    TEST_S_X(6, 0, NV, SSNAN, S1, feq.s a0, fa1, fa2)
    TEST_S_X(7, 0, NV, S1, SNSNAN, feq.s a0, fa1, fa2)
    TEST_S_X(8, 1, 0, S1, S2, flt.s a0, fa1, fa2)
    TEST_S_X(9, 0, 0, S2, S1, flt.s a0, fa1, fa2)
    TEST_S_X(10, 0, 0, S1, S1, flt.s a0, fa1, fa2)
    TEST_S_X(11, 0, 0, SN0, SP0, flt.s a0, fa1, fa2)
    TEST_S_X(12, 1, 0, SNINF, SINF, flt.s a0, fa1, fa2)
    TEST_S_X(13, 1, 0, SM2, SM1, flt.s a0, fa1, fa2)
    TEST_S_X(14, 1, 0, 0x80000001, SP0, flt.s a0, fa1, fa2)
    TEST_S_X(15, 0, NV, SCNAN, S1, flt.s a0, fa1, fa2)
    TEST_S_X(16, 0, NV, S1, SSNAN, flt.s a0, fa1, fa2)
    TEST_S_X(17, 1, 0, S1, S1, fle.s a0, fa1, fa2)
    TEST_S_X(18, 1, 0, SN0, SP0, fle.s a0, fa1, fa2)
    TEST_S_X(19, 1, 0, SP0, SN0, fle.s a0, fa1, fa2)
    TEST_S_X(20, 0, 0, S2, S1, fle.s a0, fa1, fa2)
    TEST_S_X(21, 0, NV, SNQNAN, SNQNAN, fle.s a0, fa1, fa2)
    TEST_S_X(22, 0, NV, SSNAN, SCNAN, fle.s a0, fa1, fa2)
    /* the assembler's fgt/fge swap the operands */
    TEST_S_X(23, 1, 0, S2, S1, fgt.s a0, fa1, fa2)
    TEST_S_X(24, 0, NV, S2, SCNAN, fge.s a0, fa1, fa2)
    /* an unboxed operand is a quiet NaN: feq quiet, flt signalling */
    TEST_S_X(25, 0, 0, S1, S1, SET_D(fa2, 0x000000003f800000); feq.s a0, fa1, fa2)
    TEST_S_X(26, 0, NV, S1, S1, SET_D(fa2, 0x000000003f800000); fle.s a0, fa1, fa2)
    /* rd = x0: flags still raised */
    TEST_S_X(27, 0, NV, SSNAN, S1, li a0, 0; feq.s x0, fa1, fa2)

    /* ---- feq / flt / fle, double ---- */
    TEST_D_X(30, 1, 0, D1, D1, feq.d a0, fa1, fa2)
    TEST_D_X(31, 1, 0, DN0, DP0, feq.d a0, fa1, fa2)
    TEST_D_X(32, 0, 0, DCNAN, D1, feq.d a0, fa1, fa2)
    TEST_D_X(33, 0, NV, D1, DSNAN, feq.d a0, fa1, fa2)
    TEST_D_X(34, 1, 0, DM1, D1, flt.d a0, fa1, fa2)
    TEST_D_X(35, 0, 0, DP0, DN0, flt.d a0, fa1, fa2)
    TEST_D_X(36, 1, 0, 0x000fffffffffffff, 0x0010000000000000, flt.d a0, fa1, fa2)
    TEST_D_X(37, 0, NV, DQNANP, D1, flt.d a0, fa1, fa2)
    TEST_D_X(38, 1, 0, DN0, DP0, fle.d a0, fa1, fa2)
    TEST_D_X(39, 0, 0, D2, D1, fle.d a0, fa1, fa2)
    TEST_D_X(40, 0, NV, D1, DCNAN, fle.d a0, fa1, fa2)
    TEST_D_X(41, 0, NV, DNSNAN, D1, fle.d a0, fa1, fa2)
    TEST_D_X(42, 1, 0, DNINF, DINF, fle.d a0, fa1, fa2)

    /* ---- fclass.s: one bit of ten ---- */
    TEST_S_X(50, 0x001, 0, SNINF, 0, fclass.s a0, fa1)
    TEST_S_X(51, 0x002, 0, SM1, 0, fclass.s a0, fa1)
    TEST_S_X(52, 0x002, 0, 0x80800000, 0, fclass.s a0, fa1)
    TEST_S_X(53, 0x004, 0, 0x807fffff, 0, fclass.s a0, fa1)
    TEST_S_X(54, 0x004, 0, 0x80000001, 0, fclass.s a0, fa1)
    TEST_S_X(55, 0x008, 0, SN0, 0, fclass.s a0, fa1)
    TEST_S_X(56, 0x010, 0, SP0, 0, fclass.s a0, fa1)
    TEST_S_X(57, 0x020, 0, 0x00000001, 0, fclass.s a0, fa1)
    TEST_S_X(58, 0x020, 0, 0x007fffff, 0, fclass.s a0, fa1)
    TEST_S_X(59, 0x040, 0, 0x00800000, 0, fclass.s a0, fa1)
    TEST_S_X(60, 0x040, 0, 0x7f7fffff, 0, fclass.s a0, fa1)
    TEST_S_X(61, 0x080, 0, SINF, 0, fclass.s a0, fa1)
    TEST_S_X(62, 0x100, 0, SSNAN, 0, fclass.s a0, fa1)     /* no NV */
    TEST_S_X(63, 0x100, 0, 0x7fbfffff, 0, fclass.s a0, fa1)
    TEST_S_X(64, 0x100, 0, SNSNAN, 0, fclass.s a0, fa1)
    TEST_S_X(65, 0x200, 0, SCNAN, 0, fclass.s a0, fa1)
    TEST_S_X(66, 0x200, 0, SNQNAN, 0, fclass.s a0, fa1)
    TEST_S_X(67, 0x200, 0, 0xffffffff, 0, fclass.s a0, fa1)
    TEST_S_X(68, 0x200, 0, 0, 0, SET_D(fa1, 0x0000000000000001); fclass.s a0, fa1)

    /* ---- fclass.d ---- */
    TEST_D_X(70, 0x001, 0, DNINF, 0, fclass.d a0, fa1)
    TEST_D_X(71, 0x002, 0, DM1, 0, fclass.d a0, fa1)
    TEST_D_X(72, 0x004, 0, 0x800fffffffffffff, 0, fclass.d a0, fa1)
    TEST_D_X(73, 0x008, 0, DN0, 0, fclass.d a0, fa1)
    TEST_D_X(74, 0x010, 0, DP0, 0, fclass.d a0, fa1)
    TEST_D_X(75, 0x020, 0, 0x0000000000000001, 0, fclass.d a0, fa1)
    TEST_D_X(76, 0x040, 0, 0x0010000000000000, 0, fclass.d a0, fa1)
    TEST_D_X(77, 0x080, 0, DINF, 0, fclass.d a0, fa1)
    TEST_D_X(78, 0x100, 0, DSNAN, 0, fclass.d a0, fa1)
    TEST_D_X(79, 0x100, 0, DNSNAN, 0, fclass.d a0, fa1)
    TEST_D_X(80, 0x200, 0, DCNAN, 0, fclass.d a0, fa1)
    TEST_D_X(81, 0x200, 0, 0, 0, SET_S(fa1, 0x3f800000); fclass.d a0, fa1)   /* boxed single */

    /* ---- fmin.s / fmax.s ---- */
    TEST_S(90, S1, 0, S1, S2, 0, fmin.s fa0, fa1, fa2)
    TEST_S(91, S2, 0, S1, S2, 0, fmax.s fa0, fa1, fa2)
    TEST_S(92, SM2, 0, SM1, SM2, 0, fmin.s fa0, fa1, fa2)
    TEST_S(93, SN0, 0, SP0, SN0, 0, fmin.s fa0, fa1, fa2)
    TEST_S(94, SN0, 0, SN0, SP0, 0, fmin.s fa0, fa1, fa2)
    TEST_S(95, SP0, 0, SN0, SP0, 0, fmax.s fa0, fa1, fa2)
    TEST_S(96, SP0, 0, SP0, SN0, 0, fmax.s fa0, fa1, fa2)
    TEST_S(97, SNINF, 0, SNINF, 0x7f7fffff, 0, fmin.s fa0, fa1, fa2)
    TEST_S(98, S1, 0, SCNAN, S1, 0, fmin.s fa0, fa1, fa2)
    TEST_S(99, SM1, 0, SM1, SQNANP, 0, fmax.s fa0, fa1, fa2)
    TEST_S(100, SNINF, 0, SNQNAN, SNINF, 0, fmax.s fa0, fa1, fa2)
    TEST_S(101, S1, NV, SSNAN, S1, 0, fmin.s fa0, fa1, fa2)
    TEST_S(102, S2, NV, S2, SNSNAN, 0, fmax.s fa0, fa1, fa2)
    TEST_S(103, SCNAN, 0, SQNANP, SNQNAN, 0, fmin.s fa0, fa1, fa2)
    TEST_S(104, SCNAN, NV, SSNAN, SQNANP, 0, fmax.s fa0, fa1, fa2)
    TEST_S(105, SCNAN, NV, SNSNAN, SSNAN, 0, fmin.s fa0, fa1, fa2)
    /* an unboxed operand is a NaN: the other one wins */
    TEST_S(106, SM1, 0, SM1, 0, 0, SET_D(fa2, 0x3ff0000000000000); fmax.s fa0, fa1, fa2)

    /* ---- fmin.d / fmax.d ---- */
    TEST_D(110, D1, 0, D1, D2, 0, fmin.d fa0, fa1, fa2)
    TEST_D(111, D2, 0, D2, D1, 0, fmax.d fa0, fa1, fa2)
    TEST_D(112, DN0, 0, DP0, DN0, 0, fmin.d fa0, fa1, fa2)
    TEST_D(113, DP0, 0, DN0, DP0, 0, fmax.d fa0, fa1, fa2)
    TEST_D(114, DM1, 0, DCNAN, DM1, 0, fmin.d fa0, fa1, fa2)
    TEST_D(115, D2, NV, D2, DSNAN, 0, fmax.d fa0, fa1, fa2)
    TEST_D(116, DCNAN, 0, DQNANP, DQNANP, 0, fmax.d fa0, fa1, fa2)
    TEST_D(117, DCNAN, NV, DCNAN, DNSNAN, 0, fmin.d fa0, fa1, fa2)
    TEST_D(118, DNINF, 0, DINF, DNINF, 0, fmin.d fa0, fa1, fa2)

    TEST_END
    FP_DATA
