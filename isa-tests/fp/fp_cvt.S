/*
 * Conversions (unprivileged spec, F and D chapters, "Floating-Point
 * Conversion and Move Instructions"): fcvt.{w,wu,l,lu}.{s,d} and back
 * (the l/lu forms on RV64 only), fcvt.s.d and fcvt.d.s.
 *   - float to integer rounds in the instruction's mode; out-of-range
 *     values, infinities and NaNs saturate (a NaN of either sign and +inf
 *     to the maximum, -inf and -large to the minimum) and raise NV, never
 *     NX with it; an input that rounds into range raises NX only;
 *   - the 32-bit results (w and wu alike) are sign-extended on RV64;
 *   - on RV64, fcvt.{s,d}.{w,wu} read only the low 32 bits of rs1;
 *   - integer to float raises NX when inexact; zero converts to +0;
 *   - fcvt.s.d rounds, overflows and underflows (tininess after rounding)
 *     like arithmetic; fcvt.d.s is exact; a signalling NaN gives the
 *     canonical NaN with NV; an unboxed single is the canonical NaN.
 */
#include "fp.h"

#define S1    0x3f800000
#define SM1   0xbf800000
#define SINF  0x7f800000
#define SNINF 0xff800000
#define SCNAN 0x7fc00000
#define SMAX  0x7f7fffff
#define D1    0x3ff0000000000000
#define DM1   0xbff0000000000000
#define DINF  0x7ff0000000000000
#define DNINF 0xfff0000000000000
#define DCNAN 0x7ff8000000000000
#define DMAX  0x7fefffffffffffff

#define I32MAX 0x7fffffff
#define I32MIN SX32(0x80000000)
#define U32MAX SX32(0xffffffff)     /* as fcvt.wu writes it on RV64 */

    TEST_BEGIN
    FP_ENABLE

    /* ---- fcvt.w.d at the int32 limits: 2147483647.5 ---- */
    TEST_D_X(1, I32MAX, NV, 0x41dfffffffe00000, 0, fcvt.w.d a0, fa1, rne)
    TEST_D_X(2, I32MAX, NX, 0x41dfffffffe00000, 0, fcvt.w.d a0, fa1, rtz)
    TEST_D_X(3, I32MAX, NX, 0x41dfffffffe00000, 0, fcvt.w.d a0, fa1, rdn)
    TEST_D_X(4, I32MAX, NV, 0x41dfffffffe00000, 0, fcvt.w.d a0, fa1, rup)
    TEST_D_X(5, I32MAX, NV, 0x41dfffffffe00000, 0, fcvt.w.d a0, fa1, rmm)
    /* -2147483648.5 */
    TEST_D_X(6, I32MIN, NX, 0xc1e0000000100000, 0, fcvt.w.d a0, fa1, rne)
    TEST_D_X(7, I32MIN, NX, 0xc1e0000000100000, 0, fcvt.w.d a0, fa1, rtz)
    TEST_D_X(8, I32MIN, NV, 0xc1e0000000100000, 0, fcvt.w.d a0, fa1, rdn)
    TEST_D_X(9, I32MIN, NX, 0xc1e0000000100000, 0, fcvt.w.d a0, fa1, rup)
    TEST_D_X(10, I32MIN, NV, 0xc1e0000000100000, 0, fcvt.w.d a0, fa1, rmm)
    /* -2147483649, -2^31, 2^31 - 1 */
    TEST_D_X(11, I32MIN, NV, 0xc1e0000000200000, 0, fcvt.w.d a0, fa1, rtz)
    TEST_D_X(12, I32MIN, 0, 0xc1e0000000000000, 0, fcvt.w.d a0, fa1)
    TEST_D_X(13, I32MAX, 0, 0x41dfffffffc00000, 0, fcvt.w.d a0, fa1)
    /* fcvt.wu.d: 4294967295.5 */
    TEST_D_X(14, U32MAX, NV, 0x41effffffff00000, 0, fcvt.wu.d a0, fa1, rne)
    TEST_D_X(15, U32MAX, NX, 0x41effffffff00000, 0, fcvt.wu.d a0, fa1, rtz)
    TEST_D_X(16, U32MAX, NV, 0x41effffffff00000, 0, fcvt.wu.d a0, fa1, rmm)
    TEST_D_X(17, U32MAX, 0, 0x41efffffffe00000, 0, fcvt.wu.d a0, fa1)
    /* -0.5 to unsigned: 0, NX where it rounds to zero, NV where to -1 */
    TEST_D_X(18, 0, NX, 0xbfe0000000000000, 0, fcvt.wu.d a0, fa1, rne)
    TEST_D_X(19, 0, NX, 0xbfe0000000000000, 0, fcvt.wu.d a0, fa1, rtz)
    TEST_D_X(20, 0, NV, 0xbfe0000000000000, 0, fcvt.wu.d a0, fa1, rdn)
    TEST_D_X(21, 0, NX, 0xbfe0000000000000, 0, fcvt.wu.d a0, fa1, rup)
    TEST_D_X(22, 0, NV, 0xbfe0000000000000, 0, fcvt.wu.d a0, fa1, rmm)
    TEST_D_X(23, 0, NV, DM1, 0, fcvt.wu.d a0, fa1)
    TEST_D_X(24, 0, 0, 0x8000000000000000, 0, fcvt.wu.d a0, fa1)
    /* NaN and infinities */
    TEST_D_X(25, I32MAX, NV, DCNAN, 0, fcvt.w.d a0, fa1)
    TEST_D_X(26, I32MAX, NV, 0xfff8000000000000, 0, fcvt.w.d a0, fa1)
    TEST_D_X(27, I32MIN, NV, DNINF, 0, fcvt.w.d a0, fa1)
    TEST_D_X(28, U32MAX, NV, 0x7ff0000000000001, 0, fcvt.wu.d a0, fa1)
    TEST_D_X(29, U32MAX, NV, DINF, 0, fcvt.wu.d a0, fa1)
    TEST_D_X(30, 0, NV, DNINF, 0, fcvt.wu.d a0, fa1)
    /* in range, inexact, every mode: 2.5 and -2.5 */
    TEST_D_X(31, 2, NX, 0x4004000000000000, 0, fcvt.w.d a0, fa1, rne)
    TEST_D_X(32, 3, NX, 0x4004000000000000, 0, fcvt.w.d a0, fa1, rmm)
    TEST_D_X(33, 3, NX, 0x4004000000000000, 0, fcvt.w.d a0, fa1, rup)
    TEST_D_X(34, -2, NX, 0xc004000000000000, 0, fcvt.w.d a0, fa1, rne)
    TEST_D_X(35, -3, NX, 0xc004000000000000, 0, fcvt.w.d a0, fa1, rdn)
    TEST_D_X(36, -2, NX, 0xc004000000000000, 0, fcvt.w.d a0, fa1, rtz)
    TEST_D_X(37, -3, NX, 0xc004000000000000, 0, fcvt.w.d a0, fa1, rmm)
    TEST_D_X(38, -1, NX, 0x8000000000000001, 0, fcvt.w.d a0, fa1, rdn)
    TEST_D_X(39, 1, NX, 0x0000000000000001, 0, fcvt.w.d a0, fa1, rup)
    /* a large unsigned result is sign-extended on RV64: 3e9 */
    TEST_D_X(40, SX32(0xb2d05e00), 0, 0x41e65a0bc0000000, 0, fcvt.wu.d a0, fa1)

    /* ---- fcvt.w.s / fcvt.wu.s ---- */
    TEST_S_X(45, 2, NX, 0x3fc00000, 0, fcvt.w.s a0, fa1, rne)     /* 1.5 */
    TEST_S_X(46, 1, NX, 0x3fc00000, 0, fcvt.w.s a0, fa1, rtz)
    TEST_S_X(47, 1, NX, 0x3fc00000, 0, fcvt.w.s a0, fa1, rdn)
    TEST_S_X(48, 2, NX, 0x3fc00000, 0, fcvt.w.s a0, fa1, rup)
    TEST_S_X(49, 2, NX, 0x3fc00000, 0, fcvt.w.s a0, fa1, rmm)
    TEST_S_X(50, 0x7fffff80, 0, 0x4effffff, 0, fcvt.w.s a0, fa1)
    TEST_S_X(51, I32MAX, NV, 0x4f000000, 0, fcvt.w.s a0, fa1)
    TEST_S_X(52, I32MIN, 0, 0xcf000000, 0, fcvt.w.s a0, fa1)
    TEST_S_X(53, I32MIN, NV, 0xcf000001, 0, fcvt.w.s a0, fa1)
    TEST_S_X(54, I32MAX, NV, SCNAN, 0, fcvt.w.s a0, fa1)
    TEST_S_X(55, I32MAX, NV, 0xffc00000, 0, fcvt.w.s a0, fa1)
    TEST_S_X(56, I32MAX, NV, SINF, 0, fcvt.w.s a0, fa1)
    TEST_S_X(57, I32MIN, NV, SNINF, 0, fcvt.w.s a0, fa1)
    TEST_S_X(58, SX32(0xffffff00), 0, 0x4f7fffff, 0, fcvt.wu.s a0, fa1)
    TEST_S_X(59, U32MAX, NV, 0x4f800000, 0, fcvt.wu.s a0, fa1)
    TEST_S_X(60, U32MAX, NV, 0xffc00000, 0, fcvt.wu.s a0, fa1)
    TEST_S_X(61, 0, NV, SNINF, 0, fcvt.wu.s a0, fa1)
    TEST_S_X(62, 0, NX, 0xbf000000, 0, fcvt.wu.s a0, fa1, rne)
    TEST_S_X(63, 0, NV, 0xbf000000, 0, fcvt.wu.s a0, fa1, rmm)
    TEST_S_X(64, SX32(0xb2d05e00), 0, 0x4f32d05e, 0, fcvt.wu.s a0, fa1)
    /* an unboxed operand is a NaN */
    TEST_S_X(65, I32MAX, NV, 0, 0, SET_D(fa1, 0x0000000000000000); fcvt.w.s a0, fa1)
    /* the dynamic mode */
    csrwi frm, 4
    TEST_S_X(66, 3, NX, 0x40200000, 0, fcvt.w.s a0, fa1)
    csrwi frm, 2
    TEST_S_X(67, -3, NX, 0xc0200000, 0, fcvt.w.s a0, fa1, dyn)
    csrwi frm, 0

#if XLEN == 64
    /* ---- fcvt.l / fcvt.lu ---- */
    TEST_D_X(70, 0x7ffffffffffffc00, 0, 0x43dfffffffffffff, 0, fcvt.l.d a0, fa1)
    TEST_D_X(71, 0x7fffffffffffffff, NV, 0x43e0000000000000, 0, fcvt.l.d a0, fa1)
    TEST_D_X(72, 0x8000000000000000, 0, 0xc3e0000000000000, 0, fcvt.l.d a0, fa1)
    TEST_D_X(73, 0x8000000000000000, NV, 0xc3e0000000000001, 0, fcvt.l.d a0, fa1)
    TEST_D_X(74, 0x7fffffffffffffff, NV, DCNAN, 0, fcvt.l.d a0, fa1)
    TEST_D_X(75, 0x8000000000000000, NV, DNINF, 0, fcvt.l.d a0, fa1)
    TEST_D_X(76, -3, NX, 0xc004000000000000, 0, fcvt.l.d a0, fa1, rmm)
    TEST_D_X(77, 0xfffffffffffff800, 0, 0x43efffffffffffff, 0, fcvt.lu.d a0, fa1)
    TEST_D_X(78, -1, NV, 0x43f0000000000000, 0, fcvt.lu.d a0, fa1)
    TEST_D_X(79, -1, NV, 0xfff8000000000000, 0, fcvt.lu.d a0, fa1)
    TEST_D_X(80, 0, NV, DM1, 0, fcvt.lu.d a0, fa1)
    TEST_D_X(81, 0, NX, 0xbfe0000000000000, 0, fcvt.lu.d a0, fa1, rup)
    TEST_D_X(82, 0, NV, 0xbfe0000000000000, 0, fcvt.lu.d a0, fa1, rdn)
    TEST_D_X(83, 0x100000000, 0, 0x41f0000000000000, 0, fcvt.lu.d a0, fa1)
    TEST_S_X(84, 0x7fffff8000000000, 0, 0x5effffff, 0, fcvt.l.s a0, fa1)
    TEST_S_X(85, 0x7fffffffffffffff, NV, 0x5f000000, 0, fcvt.l.s a0, fa1)
    TEST_S_X(86, 0x8000000000000000, 0, 0xdf000000, 0, fcvt.l.s a0, fa1)
    TEST_S_X(87, 0x7fffffffffffffff, NV, 0x7f800001, 0, fcvt.l.s a0, fa1)
    TEST_S_X(88, 0xffffff0000000000, 0, 0x5f7fffff, 0, fcvt.lu.s a0, fa1)
    TEST_S_X(89, -1, NV, 0x5f800000, 0, fcvt.lu.s a0, fa1)
    TEST_S_X(90, 0, NV, SM1, 0, fcvt.lu.s a0, fa1)
    TEST_S_X(91, 0, NV, 0xbf000000, 0, fcvt.lu.s a0, fa1, rmm)
    TEST_S_X(92, 1, NX, 0x00000001, 0, fcvt.lu.s a0, fa1, rup)
#endif

    /* ---- integer to single ---- */
    TEST_X_S(100, 0x4b800000, NX, 16777217, fcvt.s.w fa0, a1, rne)
    TEST_X_S(101, 0x4b800000, NX, 16777217, fcvt.s.w fa0, a1, rtz)
    TEST_X_S(102, 0x4b800000, NX, 16777217, fcvt.s.w fa0, a1, rdn)
    TEST_X_S(103, 0x4b800001, NX, 16777217, fcvt.s.w fa0, a1, rup)
    TEST_X_S(104, 0x4b800001, NX, 16777217, fcvt.s.w fa0, a1, rmm)
    TEST_X_S(105, 0xcb800001, NX, -16777217, fcvt.s.w fa0, a1, rdn)
    TEST_X_S(106, 0xcb800000, NX, -16777217, fcvt.s.w fa0, a1, rup)
    TEST_X_S(107, 0x4b800002, NX, 16777219, fcvt.s.w fa0, a1, rne)
    TEST_X_S(108, 0xcf000000, 0, -0x80000000, fcvt.s.w fa0, a1)
    TEST_X_S(109, 0x4f000000, NX, 0x7fffffff, fcvt.s.w fa0, a1, rne)
    TEST_X_S(110, 0x4effffff, NX, 0x7fffffff, fcvt.s.w fa0, a1, rtz)
    TEST_X_S(111, 0x00000000, 0, 0, fcvt.s.w fa0, a1, rdn)
    TEST_X_S(112, SM1, 0, -1, fcvt.s.w fa0, a1)
    TEST_X_S(113, 0x4f800000, NX, 0xffffffff, fcvt.s.wu fa0, a1, rne)
    TEST_X_S(114, 0x4f7fffff, NX, 0xffffffff, fcvt.s.wu fa0, a1, rtz)
    TEST_X_S(115, 0x4f000000, 0, 0x80000000, fcvt.s.wu fa0, a1)
    TEST_X_S(116, 0x00000000, 0, 0, fcvt.s.wu fa0, a1, rdn)
#if XLEN == 64
    /* only the low 32 bits of rs1 count */
    TEST_X_S(117, SM1, 0, 0x00000001ffffffff, fcvt.s.w fa0, a1)
    TEST_X_S(118, 0x4f000000, 0, 0xffffffff80000000, fcvt.s.wu fa0, a1)
    TEST_X_S(119, S1, 0, 0x1234567800000001, fcvt.s.wu fa0, a1)
    TEST_X_S(120, 0x5f000000, NX, 0x7fffffffffffffff, fcvt.s.l fa0, a1, rne)
    TEST_X_S(121, 0x5effffff, NX, 0x7fffffffffffffff, fcvt.s.l fa0, a1, rtz)
    TEST_X_S(122, 0xdf000000, 0, 0x8000000000000000, fcvt.s.l fa0, a1)
    TEST_X_S(123, 0x5f800000, NX, 0xffffffffffffffff, fcvt.s.lu fa0, a1, rne)
    TEST_X_S(124, 0x5f7fffff, NX, 0xffffffffffffffff, fcvt.s.lu fa0, a1, rdn)
    TEST_X_S(125, 0x53800000, NX, 0x10000010000, fcvt.s.lu fa0, a1, rne)
    TEST_X_S(126, 0x53800001, NX, 0x10000010000, fcvt.s.lu fa0, a1, rmm)
    TEST_X_S(127, 0x53800001, NX, 0x10000000001, fcvt.s.lu fa0, a1, rup)
    TEST_X_S(128, 0x53800000, NX, 0x10000000001, fcvt.s.lu fa0, a1, rmm)
#endif

    /* ---- integer to double ---- */
    TEST_X_D(130, 0xc1e0000000000000, 0, -0x80000000, fcvt.d.w fa0, a1)
    TEST_X_D(131, 0x41dfffffffc00000, 0, 0x7fffffff, fcvt.d.w fa0, a1)
    TEST_X_D(132, DM1, 0, -1, fcvt.d.w fa0, a1)
    TEST_X_D(133, 0, 0, 0, fcvt.d.w fa0, a1)
    TEST_X_D(134, 0x41efffffffe00000, 0, 0xffffffff, fcvt.d.wu fa0, a1)
    TEST_X_D(135, 0x41e0000000000000, 0, 0x80000000, fcvt.d.wu fa0, a1)
#if XLEN == 64
    TEST_X_D(136, DM1, 0, 0x12345678ffffffff, fcvt.d.w fa0, a1)
    TEST_X_D(137, 0x41efffffffe00000, 0, 0xffffffffffffffff, fcvt.d.wu fa0, a1)
    TEST_X_D(138, 0x43e0000000000000, NX, 0x7fffffffffffffff, fcvt.d.l fa0, a1, rne)
    TEST_X_D(139, 0x43dfffffffffffff, NX, 0x7fffffffffffffff, fcvt.d.l fa0, a1, rtz)
    TEST_X_D(140, 0xc3e0000000000000, 0, 0x8000000000000000, fcvt.d.l fa0, a1)
    TEST_X_D(141, 0x4340000000000000, NX, 0x20000000000001, fcvt.d.l fa0, a1, rne)
    TEST_X_D(142, 0x4340000000000001, NX, 0x20000000000001, fcvt.d.l fa0, a1, rmm)
    TEST_X_D(143, 0xc340000000000001, NX, -0x20000000000001, fcvt.d.l fa0, a1, rdn)
    TEST_X_D(144, 0xc340000000000000, NX, -0x20000000000001, fcvt.d.l fa0, a1, rup)
    TEST_X_D(145, 0x43f0000000000000, NX, 0xffffffffffffffff, fcvt.d.lu fa0, a1, rne)
    TEST_X_D(146, 0x43efffffffffffff, NX, 0xffffffffffffffff, fcvt.d.lu fa0, a1, rtz)
    TEST_X_D(147, 0x43e0000000000000, 0, 0x8000000000000000, fcvt.d.lu fa0, a1)
    TEST_X_D(148, 0, 0, 0, fcvt.d.lu fa0, a1, rdn)
#endif

    /* ---- fcvt.s.d ---- */
    TEST_S(152, SINF, OF|NX, 0, 0, 0, SET_D(fa1, DMAX); fcvt.s.d fa0, fa1, rne)
    TEST_S(153, SMAX, OF|NX, 0, 0, 0, SET_D(fa1, DMAX); fcvt.s.d fa0, fa1, rtz)
    TEST_S(154, SMAX, OF|NX, 0, 0, 0, SET_D(fa1, DMAX); fcvt.s.d fa0, fa1, rdn)
    TEST_S(155, SINF, OF|NX, 0, 0, 0, SET_D(fa1, DMAX); fcvt.s.d fa0, fa1, rup)
    TEST_S(156, 0xff7fffff, OF|NX, 0, 0, 0, SET_D(fa1, 0xffefffffffffffff); fcvt.s.d fa0, fa1, rup)
    /* MAX + half an ulp of binary32: a tie, up into overflow in RNE */
    TEST_S(157, SINF, OF|NX, 0, 0, 0, SET_D(fa1, 0x47effffff0000000); fcvt.s.d fa0, fa1, rne)
    TEST_S(158, SMAX, NX, 0, 0, 0, SET_D(fa1, 0x47effffff0000000); fcvt.s.d fa0, fa1, rtz)
    TEST_S(159, SMAX, 0, 0, 0, 0, SET_D(fa1, 0x47efffffe0000000); fcvt.s.d fa0, fa1)
    /* underflow: 2^-150, 2^-126 - 2^-150, 2^-126 - 2^-151 */
    TEST_S(160, 0x00000000, UF|NX, 0, 0, 0, SET_D(fa1, 0x3690000000000000); fcvt.s.d fa0, fa1, rne)
    TEST_S(161, 0x00000001, UF|NX, 0, 0, 0, SET_D(fa1, 0x3690000000000000); fcvt.s.d fa0, fa1, rup)
    TEST_S(162, 0x00000001, UF|NX, 0, 0, 0, SET_D(fa1, 0x3690000000000000); fcvt.s.d fa0, fa1, rmm)
    TEST_S(163, 0x00800000, UF|NX, 0, 0, 0, SET_D(fa1, 0x380fffffe0000000); fcvt.s.d fa0, fa1, rne)
    TEST_S(164, 0x00800000, NX, 0, 0, 0, SET_D(fa1, 0x380ffffff0000000); fcvt.s.d fa0, fa1, rne)
    TEST_S(165, 0x007fffff, UF|NX, 0, 0, 0, SET_D(fa1, 0x380ffffff0000000); fcvt.s.d fa0, fa1, rtz)
    TEST_S(166, 0x80000001, UF|NX, 0, 0, 0, SET_D(fa1, 0x8010000000000000); fcvt.s.d fa0, fa1, rdn)
    TEST_S(167, 0x00000001, 0, 0, 0, 0, SET_D(fa1, 0x36a0000000000000); fcvt.s.d fa0, fa1)
    /* rounding */
    TEST_S(168, 0x3eaaaaab, NX, 0, 0, 0, SET_D(fa1, 0x3fd5555555555555); fcvt.s.d fa0, fa1, rne)
    TEST_S(169, 0x3eaaaaaa, NX, 0, 0, 0, SET_D(fa1, 0x3fd5555555555555); fcvt.s.d fa0, fa1, rdn)
    TEST_S(170, S1, NX, 0, 0, 0, SET_D(fa1, 0x3ff0000010000000); fcvt.s.d fa0, fa1, rne)
    TEST_S(171, 0x3f800001, NX, 0, 0, 0, SET_D(fa1, 0x3ff0000010000000); fcvt.s.d fa0, fa1, rmm)
    /* specials */
    TEST_S(172, SNINF, 0, 0, 0, 0, SET_D(fa1, DNINF); fcvt.s.d fa0, fa1)
    TEST_S(173, 0x80000000, 0, 0, 0, 0, SET_D(fa1, 0x8000000000000000); fcvt.s.d fa0, fa1)
    TEST_S(174, SCNAN, 0, 0, 0, 0, SET_D(fa1, 0xfff8000000012345); fcvt.s.d fa0, fa1)
    TEST_S(175, SCNAN, NV, 0, 0, 0, SET_D(fa1, 0x7ff0000000000001); fcvt.s.d fa0, fa1)
    TEST_S(176, SCNAN, NV, 0, 0, 0, SET_D(fa1, 0xfff4000000000000); fcvt.s.d fa0, fa1)
    csrwi frm, 3
    TEST_S(177, 0x00000001, UF|NX, 0, 0, 0, SET_D(fa1, 0x0000000000000001); fcvt.s.d fa0, fa1)
    csrwi frm, 0

    /* ---- fcvt.d.s: exact ---- */
    TEST_D(180, 0x36a0000000000000, 0, 0, 0, 0, SET_S(fa1, 0x00000001); fcvt.d.s fa0, fa1)
    TEST_D(181, 0xb80fffffc0000000, 0, 0, 0, 0, SET_S(fa1, 0x807fffff); fcvt.d.s fa0, fa1)
    TEST_D(182, 0x47efffffe0000000, 0, 0, 0, 0, SET_S(fa1, SMAX); fcvt.d.s fa0, fa1)
    TEST_D(183, DNINF, 0, 0, 0, 0, SET_S(fa1, SNINF); fcvt.d.s fa0, fa1)
    TEST_D(184, 0x8000000000000000, 0, 0, 0, 0, SET_S(fa1, 0x80000000); fcvt.d.s fa0, fa1)
    TEST_D(185, DCNAN, 0, 0, 0, 0, SET_S(fa1, 0xffc12345); fcvt.d.s fa0, fa1)
    TEST_D(186, DCNAN, NV, 0, 0, 0, SET_S(fa1, 0x7f800001); fcvt.d.s fa0, fa1)
    TEST_D(187, DCNAN, 0, 0, 0, 0, SET_D(fa1, 0x000000007f800001); fcvt.d.s fa0, fa1)
    TEST_D(188, 0x3fd5555560000000, 0, 0, 0, 0, SET_S(fa1, 0x3eaaaaab); fcvt.d.s fa0, fa1)

    TEST_END
    FP_DATA
