// FP conversions and rounding (Arm ARM C7.2: FCVT between half, single
// and double, FCVTZS/ZU/NS/NU/MS/MU/PS/PU/AS/AU to 32- and 64-bit
// integers with saturation, fixed-point forms, SCVTF/UCVTF, FRINTN/M/P/Z/
// A/X/I with FPCR.RMode (23:22: 0 nearest, 1 +inf, 2 -inf, 3 zero)).
// FPCR.AHP (alternative half precision) is not tested: qemu-aarch64 7.2,
// our reference, converts to IEEE half even with it set.
        .include "harness.inc"

        .macro setd n, val
        ldr     x9, =\val
        fmov    d\n, x9
        .endm
        .macro fpsr_is val
        mrs     x9, fpsr
        check_x x9, \val
        msr     fpsr, xzr
        .endm
        .macro rmode m
        mov     x9, #(\m << 22)
        msr     fpcr, x9
        .endm

        TEST_BEGIN fp_convert
        msr     fpcr, xzr
        msr     fpsr, xzr
        setd    1, 0x4004000000000000   // 2.5
        setd    2, 0xc004000000000000   // -2.5
        setd    3, 0xc00c000000000000   // -3.5
        fcvtzs  x0, d1
        check_x x0, 2
        fcvtzs  x0, d2
        check_x x0, -2
        fcvtns  x0, d1                  // ties to even
        check_x x0, 2
        fcvtns  w0, d3
        check_x x0, 0xfffffffc
        fcvtas  x0, d2                  // ties away
        check_x x0, -3
        fcvtms  x0, d1
        check_x x0, 2
        fcvtms  x0, d2
        check_x x0, -3
        fcvtps  x0, d2
        check_x x0, -2
        fcvtps  x0, d1
        check_x x0, 3
        fpsr_is 0x10                    // inexact
        fcvtzu  x0, d2                  // negative to unsigned: 0, invalid
        check_x x0, 0
        fpsr_is 0x1
        fcvtau  w0, d1
        check_x x0, 3
        // saturation
        setd    4, 0x43e0000000000000   // 2^63
        fcvtzs  x0, d4
        check_x x0, 0x7fffffffffffffff
        fpsr_is 0x11                    // (inexact from FCVTAU above)
        fcvtzu  x0, d4
        check_x x0, 0x8000000000000000
        fpsr_is 0
        fcvtzs  w0, d4
        check_x x0, 0x7fffffff
        fpsr_is 0x1
        fneg    d5, d4
        fcvtzs  x0, d5                  // -2^63 fits exactly
        check_x x0, 0x8000000000000000
        fpsr_is 0
        fcvtzs  w0, d5
        check_x x0, 0x80000000
        fpsr_is 0x1
        setd    6, 0x7ff8000000000000
        fcvtzs  x0, d6                  // NaN: 0
        check_x x0, 0
        fpsr_is 0x1
        // fixed point: 2.5 with 4 fraction bits is 40
        fcvtzs  x0, d1, #4
        check_x x0, 40
        mov     x1, #40
        scvtf   d7, x1, #4
        check_v 7, 0x4004000000000000, 0
        // integers to FP
        mov     x1, #-1
        scvtf   d7, x1
        check_v 7, 0xbff0000000000000, 0
        ucvtf   d7, x1                  // 2^64 - 1 rounds to 2^64
        check_v 7, 0x43f0000000000000, 0
        fpsr_is 0x10
        ucvtf   s7, w1
        check_v 7, 0x4f800000, 0
        fpsr_is 0x10
        ldr     w1, =16777217           // 2^24 + 1: a tie in single
        scvtf   s7, w1
        check_v 7, 0x4b800000, 0
        rmode   1
        scvtf   s7, w1                  // towards +inf
        check_v 7, 0x4b800001, 0
        msr     fpcr, xzr
        msr     fpsr, xzr
        // precision conversions
        fcvt    s8, d1
        check_v 8, 0x40200000, 0
        setd    9, 0x3fd5555555555555   // 1/3
        fcvt    s8, d9
        check_v 8, 0x3eaaaaab, 0
        fpsr_is 0x10
        fcvt    d10, s8
        check_v 10, 0x3fd5555560000000, 0
        fcvt    h11, d1                 // 2.5 in half precision
        check_v 11, 0x4100, 0
        setd    12, 0x40f0000000000000  // 65536: beyond half's range
        fcvt    h11, d12
        check_v 11, 0x7c00, 0
        fpsr_is 0x14
        mov     w9, #0x3c01             // 1 + 2^-10 (half)
        fmov    s13, w9
        fcvt    d14, h13
        check_v 14, 0x3ff0040000000000, 0
        fcvt    s14, h13
        check_v 14, 0x3f802000, 0
        setd    15, 0x7ff4000000000001  // signalling NaN to single: quieted
        fcvt    s8, d15
        check_v 8, 0x7fe00000, 0
        fpsr_is 0x1
        // rounding to integral values
        frintn  d16, d1
        check_v 16, 0x4000000000000000, 0
        frinta  d16, d1
        check_v 16, 0x4008000000000000, 0
        frintm  d16, d2
        check_v 16, 0xc008000000000000, 0
        frintp  d16, d2
        check_v 16, 0xc000000000000000, 0
        frintz  d16, d3
        check_v 16, 0xc008000000000000, 0
        fpsr_is 0                       // only FRINTX signals inexact
        frintx  d16, d3
        check_v 16, 0xc010000000000000, 0
        fpsr_is 0x10
        setd    17, 0xbfe0000000000000  // -0.5 rounds to -0
        frintn  d16, d17
        check_v 16, 0x8000000000000000, 0
        rmode   1
        frinti  d16, d1                 // the FPCR's mode: +inf
        check_v 16, 0x4008000000000000, 0
        frintx  d16, d2
        check_v 16, 0xc000000000000000, 0
        rmode   2
        frinti  d16, d1
        check_v 16, 0x4000000000000000, 0
        rmode   3
        frinti  d16, d3
        check_v 16, 0xc008000000000000, 0
        // the rounding mode also rounds arithmetic: 1/3 down and up
        setd    18, 0x3ff0000000000000
        setd    19, 0x4008000000000000
        fdiv    d20, d18, d19
        check_v 20, 0x3fd5555555555555, 0
        rmode   1
        fdiv    d20, d18, d19
        check_v 20, 0x3fd5555555555556, 0
        // and conversions that use it (FCVTZS does not)
        fcvtzs  x0, d1
        check_x x0, 2
        msr     fpcr, xzr
        msr     fpsr, xzr
        TEST_END
