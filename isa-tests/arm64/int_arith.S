// Integer add/subtract: immediate (with LSL #12), shifted and extended
// register forms, with carry, the flag-setting forms and their NZCV
// (Arm ARM C6.2: ADD, ADDS, SUB, SUBS, ADC, SBC, NEG, CMP, CMN), SP as
// operand, and 32-bit forms zeroing the upper half.
        .include "harness.inc"
        TEST_BEGIN int_arith
        mov     x0, #40
        add     x1, x0, #2
        check_x x1, 42
        add     x1, x0, #1, lsl #12
        check_x x1, 4136
        sub     x1, x0, #41
        check_x x1, 0xffffffffffffffff
        // 32-bit result zeroes bits 63:32
        mov     x2, #-1
        add     w1, w2, #1
        check_x x1, 0
        sub     w1, w0, #41
        check_x x1, 0xffffffff
        // flags: signed overflow 0x7fff...+1
        mov     x3, #0x7fffffffffffffff
        adds    x4, x3, #1
        check_nzcv 0x90000000
        check_x x4, 0x8000000000000000
        // carry out, result zero
        mov     x3, #-1
        adds    x4, x3, #1
        check_nzcv 0x60000000
        // subtract with borrow: 0 - 1 clears C, sets N
        mov     x9, #0
        subs    x4, x9, #1
        check_nzcv 0x80000000
        // equal: Z and C set
        cmp     x0, #40
        check_nzcv 0x60000000
        // 32-bit overflow flags from bit 31
        mov     w5, #0x7fffffff
        adds    w6, w5, w5
        check_nzcv 0x90000000
        check_x x6, 0xfffffffe
        cmn     w5, #1
        check_nzcv 0x90000000
        // shifted register
        mov     x7, #3
        add     x8, x0, x7, lsl #4
        check_x x8, 88
        sub     x8, x0, x7, asr #1
        check_x x8, 39
        mov     x9, #-16
        add     x8, xzr, x9, lsr #60
        check_x x8, 15
        // extended register: sign/zero extension and shift
        mov     x10, #0x80
        add     x11, x0, w10, sxtb
        check_x x11, 40 - 128
        add     x11, x0, w10, uxtb #2
        check_x x11, 40 + 512
        mov     x10, #0xffffffff
        add     x11, x0, w10, sxtw
        check_x x11, 39
        add     x11, x0, w10, uxtw
        check_x x11, 0x100000027
        mov     x10, #0x8001
        sub     x11, x0, w10, sxth #1
        check_x x11, 40 + 65534           // -(-32767 << 1)
        // SP as base and destination
        mov     x12, sp
        sub     sp, sp, #32
        add     x13, sp, #32
        cmp     x13, x12
        check_nzcv 0x60000000
        add     sp, sp, #32
        mov     x13, sp
        cmp     x13, x12
        check_nzcv 0x60000000
        // ADC/SBC use the carry
        mov     x0, #-1
        adds    x1, x0, #1              // C=1
        mov     x2, #5
        adc     x3, x2, xzr
        check_x x3, 6
        sbc     x3, x2, xzr             // C still 1: 5 - 0 - 0
        check_x x3, 5
        mov     x9, #0
        cmp     x9, #1                  // C=0
        sbc     x3, x2, xzr
        check_x x3, 4
        cmp     x9, #1                  // C=0 again (checks change flags)
        adc     x3, x2, x2
        check_x x3, 10
        // ADCS carry chain of a 128-bit add
        mov     x4, #-1
        mov     x5, #1
        adds    x6, x4, x5
        adcs    x7, xzr, xzr
        check_nzcv 0x00000000
        check_x x7, 1
        // SBCS 32-bit
        mov     w4, #0
        cmp     w4, #0                  // C=1
        sbcs    w6, w4, w5
        check_nzcv 0x80000000
        check_x x6, 0xffffffff
        // NEG / NEGS
        mov     x0, #7
        neg     x1, x0
        check_x x1, -7
        negs    x1, xzr
        check_nzcv 0x60000000
        mov     x0, #0x8000000000000000
        negs    x1, x0
        check_nzcv 0x90000000
        neg     w1, w0
        check_x x1, 0
        ngc     x1, xzr                 // C=1 from NEGS of min: 0 - 0 - 0
        check_x x1, 0
        TEST_END
