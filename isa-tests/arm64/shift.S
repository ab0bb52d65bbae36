// Shifts by register (the amount taken modulo the register width), EXTR
// and ROR (Arm ARM C6.2: LSLV, LSRV, ASRV, RORV, EXTR).
        .include "harness.inc"
        TEST_BEGIN shift
        mov     x0, #0x8000000000000001
        mov     x1, #65                 // 65 mod 64 = 1
        lsl     x2, x0, x1
        check_x x2, 2
        lsr     x2, x0, x1
        check_x x2, 0x4000000000000000
        asr     x2, x0, x1
        check_x x2, 0xc000000000000000
        ror     x2, x0, x1
        check_x x2, 0xc000000000000000
        mov     w3, #0x80000001
        mov     x1, #33                 // 33 mod 32 = 1
        lsl     w2, w3, w1
        check_x x2, 2
        lsr     w2, w3, w1
        check_x x2, 0x40000000
        asr     w2, w3, w1
        check_x x2, 0xc0000000
        ror     w2, w3, w1
        check_x x2, 0xc0000000
        mov     x1, #0
        ror     x2, x0, x1
        check_x x2, 0x8000000000000001
        mov     x1, #63
        asr     x2, x0, x1
        check_x x2, -1
        // EXTR: bits from a register pair
        ldr     x4, =0x1122334455667788
        ldr     x5, =0x99aabbccddeeff00
        extr    x6, x4, x5, #16
        check_x x6, 0x778899aabbccddee
        extr    x6, x4, x5, #0
        check_x x6, 0x99aabbccddeeff00
        extr    w6, w4, w5, #8
        check_x x6, 0x88ddeeff
        ror     x6, x4, #8
        check_x x6, 0x8811223344556677
        ror     w6, w4, #31
        check_x x6, 0xaaccef10
        TEST_END
