// Multiply and divide (Arm ARM C6.2: MADD, MSUB, SMADDL, UMADDL, SMSUBL,
// UMSUBL, SMULH, UMULH, SDIV, UDIV): division by zero gives 0 and
// INT_MIN / -1 gives INT_MIN without trapping.
        .include "harness.inc"
        TEST_BEGIN muldiv
        mov     x0, #7
        mov     x1, #-3
        mul     x2, x0, x1
        check_x x2, -21
        madd    x2, x0, x1, x0
        check_x x2, -14
        msub    x2, x0, x1, x0
        check_x x2, 28
        mneg    x2, x0, x0
        check_x x2, -49
        mul     w2, w1, w1
        check_x x2, 9
        mov     w3, #0x10000
        mul     w2, w3, w3
        check_x x2, 0
        smull   x2, w1, w0
        check_x x2, -21
        umull   x2, w1, w0
        check_x x2, 0xfffffffd * 7
        smaddl  x2, w1, w1, x0
        check_x x2, 16
        umsubl  x2, w0, w0, x0
        check_x x2, -42
        smnegl  x2, w1, w0
        check_x x2, 21
        mov     x4, #-1
        umulh   x2, x4, x4
        check_x x2, 0xfffffffffffffffe
        smulh   x2, x4, x4
        check_x x2, 0
        mov     x5, #0x8000000000000000
        smulh   x2, x5, x0
        check_x x2, -4
        umulh   x2, x5, x0
        check_x x2, 3
        // division
        mov     x6, #100
        udiv    x2, x6, x0
        check_x x2, 14
        sdiv    x2, x6, x1
        check_x x2, -33
        sdiv    x2, x1, x0              // rounds toward zero
        check_x x2, 0
        udiv    x2, x6, xzr
        check_x x2, 0
        sdiv    x2, x6, xzr
        check_x x2, 0
        sdiv    x2, x5, x4
        check_x x2, 0x8000000000000000
        mov     w7, #0x80000000
        sdiv    w2, w7, w4
        check_x x2, 0x80000000
        udiv    w2, w4, w0
        check_x x2, 0xffffffff / 7
        sdiv    w2, w4, w0
        check_x x2, 0
        TEST_END
