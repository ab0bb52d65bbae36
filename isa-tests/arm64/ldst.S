// Loads and stores with every addressing mode (Arm ARM C6.2: LDR/STR
// unsigned offset, pre- and post-index, register offset with extend and
// shift, LDUR/STUR, LDP/STP/LDNP/STNP, LDPSW, sign-extending loads, LDR
// literal, PRFM), sizes 8 to 128 bits.
        .include "harness.inc"
        TEST_BEGIN ldst
        adrp    x0, buf
        add     x0, x0, :lo12:buf
        ldr     x1, =0x8877665544332211
        str     x1, [x0]
        ldrb    w2, [x0]
        check_x x2, 0x11
        ldrh    w2, [x0, #2]
        check_x x2, 0x4433
        ldr     w2, [x0, #4]
        check_x x2, 0x88776655
        ldrsb   x2, [x0, #7]
        check_x x2, 0xffffffffffffff88
        ldrsb   w2, [x0, #7]
        check_x x2, 0xffffff88
        ldrsh   w2, [x0, #6]
        check_x x2, 0xffff8877
        ldrsw   x2, [x0, #4]
        check_x x2, 0xffffffff88776655
        ldur    x2, [x0, #1]            // unaligned, unscaled
        check_x x2, 0x0088776655443322
        // pre-index and post-index write back the base
        mov     x3, x0
        str     x1, [x3, #16]!
        sub     x4, x3, x0
        check_x x4, 16
        ldr     x2, [x3], #-8
        check_x x2, 0x8877665544332211
        sub     x4, x3, x0
        check_x x4, 8
        strb    w1, [x3, #-1]!
        ldrb    w2, [x0, #7]
        check_x x2, 0x11
        // register offsets
        mov     x5, #2
        ldr     x2, [x0, x5, lsl #3]    // buf + 16
        check_x x2, 0x8877665544332211
        mov     w6, #-16
        add     x7, x0, #32
        ldr     x2, [x7, w6, sxtw]
        check_x x2, 0x8877665544332211
        mov     w6, #8
        ldrh    w2, [x0, w6, uxtw #1]   // buf + 16
        check_x x2, 0x2211
        strh    w1, [x0, x5]
        ldr     w2, [x0]
        check_x x2, 0x22112211
        // pairs
        ldr     x8, =0x0102030405060708
        stp     x1, x8, [x0, #32]
        ldp     x9, x10, [x0, #32]
        check_x x9, 0x8877665544332211
        check_x x10, 0x0102030405060708
        ldp     w9, w10, [x0, #36]
        check_x x9, 0x88776655
        check_x x10, 0x05060708
        ldpsw   x9, x10, [x0, #32]
        check_x x9, 0x44332211
        check_x x10, 0xffffffff88776655
        mov     x3, x0
        stp     w8, w1, [x3, #64]!
        sub     x4, x3, x0
        check_x x4, 64
        ldp     x9, x10, [x3], #16
        check_x x9, 0x4433221105060708
        sub     x4, x3, x0
        check_x x4, 80
        stnp    x8, x8, [x0, #96]
        ldnp    w9, w10, [x0, #100]
        check_x x9, 0x01020304
        check_x x10, 0x05060708
        // 128-bit and FP/SIMD register loads and stores
        ldr     q0, [x0, #32]
        str     q0, [x0, #128]
        ldp     x9, x10, [x0, #128]
        check_x x9, 0x8877665544332211
        check_x x10, 0x0102030405060708
        ldr     d1, [x0, #32]
        fmov    x9, d1
        check_x x9, 0x8877665544332211
        ldr     s1, [x0, #32]
        fmov    x9, d1                  // a scalar load zeroes the rest
        check_x x9, 0x44332211
        ldr     h1, [x0, #34]
        umov    w9, v1.h[0]
        check_x x9, 0x4433
        ldr     b1, [x0, #35]
        fmov    x9, d1
        check_x x9, 0x44
        stp     q0, q0, [x0, #160]
        ldr     x9, [x0, #184]
        check_x x9, 0x0102030405060708
        stur    s0, [x0, #3]
        ldr     x9, [x0]
        check_x x9, 0x1144332211112211
        // literal
        ldr     x9, lit
        check_x x9, 0xcafef00d12345678
        ldr     w9, lit
        check_x x9, 0x12345678
        ldrsw   x9, lit + 4
        check_x x9, 0xffffffffcafef00d
        ldr     d2, lit
        fmov    x9, d2
        check_x x9, 0xcafef00d12345678
        prfm    pldl1keep, [x0, #64]
        prfm    pstl2strm, [x0, x5]
        // writes to wzr are discarded; xzr stores zero
        str     xzr, [x0]
        ldr     x9, [x0]
        check_x x9, 0
        TEST_END

        .p2align 3
lit:    .quad   0xcafef00d12345678

        .bss
        .p2align 4
buf:    .skip   256
