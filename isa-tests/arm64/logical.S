// Logical (immediate bitmask and shifted register), bitfield moves and
// the data-processing (1 source) bit operations (Arm ARM C6.2: AND, ORR,
// EOR, BIC, ORN, EON, ANDS, TST, BFM/UBFM/SBFM aliases, CLZ, CLS, RBIT,
// REV, REV16, REV32, MOVZ/MOVN/MOVK).
        .include "harness.inc"
        TEST_BEGIN logical
        mov     x0, #0xff00ff00ff00ff00
        and     x1, x0, #0x0ff00ff00ff00ff0
        check_x x1, 0x0f000f000f000f00
        orr     x1, xzr, #0x5555555555555555
        check_x x1, 0x5555555555555555
        eor     w1, w0, #0xffff
        check_x x1, 0xff0000ff
        mov     x2, #0x00ff
        bic     x1, x0, x2, lsl #8
        check_x x1, 0xff00ff00ff000000
        orn     x1, xzr, x2
        check_x x1, 0xffffffffffffff00
        eon     x1, x0, x0, ror #8
        check_x x1, 0
        ands    x1, x0, #0x8000000000000000
        check_nzcv 0x80000000
        tst     x0, #0xff
        check_nzcv 0x40000000
        ands    w1, w0, w2, lsl #8
        check_nzcv 0x00000000
        ands    w1, w0, w2, lsl #24
        check_nzcv 0x80000000
        // bitfield
        ldr     x3, =0x12345678
        ubfx    x4, x3, #8, #12
        check_x x4, 0x456
        sbfx    x4, x3, #4, #4
        check_x x4, 0x7
        sbfx    x4, x3, #0, #4
        check_x x4, -8
        mov     x5, #-1
        bfi     x5, x3, #16, #8
        check_x x5, 0xffffffffff78ffff
        bfxil   w5, w3, #24, #8
        check_x x5, 0xff78ff12
        ubfiz   x4, x3, #60, #4
        check_x x4, 0x8000000000000000
        sxtb    x4, w3
        check_x x4, 0x78
        sxth    w4, w0
        check_x x4, 0xffffff00
        sxtw    x4, w0
        check_x x4, 0xffffffffff00ff00
        uxth    w4, w3
        check_x x4, 0x5678
        lsl     x4, x3, #36
        check_x x4, 0x2345678000000000
        asr     w4, w0, #4
        check_x x4, 0xfff00ff0
        // one-source operations
        clz     x4, x3
        check_x x4, 35
        clz     w4, wzr
        check_x x4, 32
        cls     x4, x5
        check_x x4, 31
        mov     x6, #-1
        cls     x4, x6
        check_x x4, 63
        rbit    x4, x3
        check_x x4, 0x1e6a2c4800000000
        rbit    w4, w3
        check_x x4, 0x1e6a2c48
        rev     x4, x3
        check_x x4, 0x7856341200000000
        rev     w4, w3
        check_x x4, 0x78563412
        rev16   x4, x3
        check_x x4, 0x34127856
        rev32   x4, x0
        check_x x4, 0x00ff00ff00ff00ff
        // wide moves
        movz    x7, #0xbeef, lsl #48
        check_x x7, 0xbeef000000000000
        movk    x7, #0x1234, lsl #16
        check_x x7, 0xbeef000012340000
        movn    w7, #0
        check_x x7, 0xffffffff
        movn    x7, #0x1, lsl #32
        check_x x7, 0xfffffffeffffffff
        TEST_END
