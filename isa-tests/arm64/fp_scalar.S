// Scalar floating point (Arm ARM C7.2 and the FP pseudocode in
// shared/functions/float): arithmetic in single and double precision,
// fused multiply-add forms, min/max with NaN and signed-zero rules, NaN
// propagation and the default NaN (FPCR.DN), flush-to-zero (FPCR.FZ),
// comparisons into NZCV, FCCMP/FCSEL, and the cumulative FPSR flags
// (IOC 0, DZC 1, OFC 2, UFC 3, IXC 4, IDC 7). Scalar results zero the
// rest of the vector register.
        .include "harness.inc"

        .macro setd n, val
        ldr     x9, =\val
        fmov    d\n, x9
        .endm
        .macro sets n, val
        ldr     w9, =\val
        fmov    s\n, w9
        .endm
        .macro fpsr_is val
        mrs     x9, fpsr
        check_x x9, \val
        msr     fpsr, xzr
        .endm

        TEST_BEGIN fp_scalar
        msr     fpcr, xzr
        msr     fpsr, xzr
        setd    1, 0x3ff0000000000000   // 1.0
        setd    2, 0x4000000000000000   // 2.0
        setd    3, 0x4008000000000000   // 3.0
        fadd    d4, d1, d2
        check_v 4, 0x4008000000000000, 0
        fpsr_is 0
        sets    5, 0x3f800000           // 1.0f
        sets    6, 0x40400000           // 3.0f
        fsub    s7, s5, s6
        check_v 7, 0xc0000000, 0
        fmul    d4, d3, d3
        check_v 4, 0x4022000000000000, 0
        fdiv    d4, d1, d3
        check_v 4, 0x3fd5555555555555, 0
        fpsr_is 0x10                    // inexact
        fdiv    s7, s5, s6
        check_v 7, 0x3eaaaaab, 0
        fsqrt   d4, d2
        check_v 4, 0x3ff6a09e667f3bcd, 0
        fpsr_is 0x10
        fmadd   d4, d2, d3, d1          // 2*3 + 1
        check_v 4, 0x401c000000000000, 0
        fmsub   d4, d2, d3, d1          // 1 - 2*3
        check_v 4, 0xc014000000000000, 0
        fnmadd  d4, d2, d3, d1          // -(1 + 2*3)
        check_v 4, 0xc01c000000000000, 0
        fnmsub  d4, d2, d3, d1          // 2*3 - 1
        check_v 4, 0x4014000000000000, 0
        fnmul   s7, s5, s6
        check_v 7, 0xc0400000, 0
        fabd    d4, d1, d3
        check_v 4, 0x4000000000000000, 0
        fneg    d4, d1
        fabs    d8, d4
        check_v 4, 0xbff0000000000000, 0
        check_v 8, 0x3ff0000000000000, 0
        fmov    d4, #-1.25
        check_v 4, 0xbff4000000000000, 0
        fmov    s4, #0.5
        check_v 4, 0x3f000000, 0
        // fused: one rounding ((1 + 2^-52)^2 = 1 + 2^-51 + 2^-104)
        setd    10, 0x3ff0000000000001  // 1 + 2^-52
        setd    11, 0xbff0000000000002  // -(1 + 2^-51)
        fmul    d12, d10, d10
        fadd    d12, d12, d11
        fmadd   d13, d10, d10, d11
        check_v 12, 0, 0                // the product rounded to 1 + 2^-51
        check_v 13, 0x3970000000000000, 0  // 2^-104, exact
        msr     fpsr, xzr
        // min/max: signed zeros, NaN propagation, the NM forms
        movi    d14, #0                 // +0
        fneg    d15, d14                // -0
        fmin    d4, d14, d15
        check_v 4, 0x8000000000000000, 0
        fmax    d4, d15, d14
        check_v 4, 0, 0
        setd    16, 0x7ff8000000000123  // quiet NaN with a payload
        setd    17, 0x7ff4000000000001  // signalling NaN
        fmax    d4, d1, d16
        check_v 4, 0x7ff8000000000123, 0
        fpsr_is 0
        fmaxnm  d4, d1, d16
        check_v 4, 0x3ff0000000000000, 0
        fminnm  d4, d16, d3
        check_v 4, 0x4008000000000000, 0
        fmaxnm  d4, d1, d17             // a signalling NaN still wins
        check_v 4, 0x7ffc000000000001, 0
        fpsr_is 1
        fadd    d4, d17, d16            // the signalling NaN first, quieted
        check_v 4, 0x7ffc000000000001, 0
        fpsr_is 1
        fadd    d4, d1, d16
        check_v 4, 0x7ff8000000000123, 0
        fpsr_is 0
        fdiv    d4, d14, d14            // 0/0: the default NaN
        check_v 4, 0x7ff8000000000000, 0
        fpsr_is 1
        fdiv    d4, d1, d14             // 1/0
        check_v 4, 0x7ff0000000000000, 0
        fpsr_is 2
        // FPCR.DN: NaN results are the default NaN
        mov     x9, #(1 << 25)
        msr     fpcr, x9
        fadd    d4, d1, d16
        check_v 4, 0x7ff8000000000000, 0
        msr     fpcr, xzr
        msr     fpsr, xzr
        // overflow, underflow
        setd    18, 0x7fefffffffffffff
        fmul    d4, d18, d2
        check_v 4, 0x7ff0000000000000, 0
        fpsr_is 0x14
        setd    19, 0x0010000000000000  // smallest normal
        fmul    d4, d19, d19
        check_v 4, 0, 0
        fpsr_is 0x18
        // flush-to-zero: a denormal input reads as zero, IDC set
        setd    20, 0x0000000000000001
        fadd    d4, d20, d20
        check_v 4, 2, 0
        fpsr_is 0
        mov     x9, #(1 << 24)
        msr     fpcr, x9
        fadd    d4, d20, d20
        check_v 4, 0, 0
        fpsr_is 0x80
        msr     fpcr, xzr
        // comparisons
        fcmp    d1, d2
        check_nzcv 0x80000000
        fcmp    d2, d2
        check_nzcv 0x60000000
        fcmp    d3, d2
        check_nzcv 0x20000000
        fcmp    d1, d16
        check_nzcv 0x30000000
        fpsr_is 0                       // FCMP: a quiet NaN is not invalid
        fcmpe   d1, d16
        check_nzcv 0x30000000
        fpsr_is 1                       // FCMPE: it is
        fcmp    d17, #0.0
        check_nzcv 0x30000000
        fpsr_is 1
        fcmp    s15, #0.0               // -0 == +0
        check_nzcv 0x60000000
        fcmp    d1, d1
        fccmp   d1, d2, #0x4, eq        // true: 1 < 2
        check_nzcv 0x80000000
        fcmp    d1, d2
        fccmp   d1, d2, #0x4, eq        // false: NZCV = 0100
        check_nzcv 0x40000000
        fcmp    d1, d2
        fcsel   d4, d1, d2, mi
        check_v 4, 0x3ff0000000000000, 0
        fcmp    d1, d2
        fcsel   s4, s5, s6, gt
        check_v 4, 0x40400000, 0
        TEST_END
