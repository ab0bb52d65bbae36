// CRC32 and CRC32C (Arm ARM C6.2: CRC32B/H/W/X, CRC32CB/H/W/X): the
// standard check values of "123456789" (CRC-32 0xcbf43926, CRC-32C
// 0xe3069283), reached through every operand size.
        .include "harness.inc"
        .arch armv8-a+crc

        // crc of the 9 bytes at x1 into w0, by bytes
        .macro crc_bytes op
        mov     w0, #-1
        mov     x2, #0
1:      ldrb    w3, [x1, x2]
        \op     w0, w0, w3
        add     x2, x2, #1
        cmp     x2, #9
        b.ne    1b
        mvn     w0, w0
        .endm

        TEST_BEGIN crc32
        adr     x1, msg
        crc_bytes crc32b
        check_x x0, 0xcbf43926
        crc_bytes crc32cb
        check_x x0, 0xe3069283
        // 8 + 1 bytes
        mov     w0, #-1
        ldr     x3, [x1]
        crc32x  w0, w0, x3
        ldrb    w3, [x1, #8]
        crc32b  w0, w0, w3
        mvn     w0, w0
        check_x x0, 0xcbf43926
        // 4 + 4 + 1, 2 x 4 + 1 (CRC32C)
        mov     w0, #-1
        ldr     w3, [x1]
        crc32w  w0, w0, w3
        ldr     w3, [x1, #4]
        crc32w  w0, w0, w3
        ldrb    w3, [x1, #8]
        crc32b  w0, w0, w3
        mvn     w0, w0
        check_x x0, 0xcbf43926
        mov     w0, #-1
        mov     x2, #0
2:      ldrh    w3, [x1, x2]
        crc32ch w0, w0, w3
        add     x2, x2, #2
        cmp     x2, #8
        b.ne    2b
        ldrb    w3, [x1, #8]
        crc32cb w0, w0, w3
        mvn     w0, w0
        check_x x0, 0xe3069283
        mov     w0, #-1
        ldr     x3, [x1]
        crc32cx w0, w0, x3
        ldrb    w3, [x1, #8]
        crc32cb w0, w0, w3
        mvn     w0, w0
        check_x x0, 0xe3069283
        // only the low byte of the data register counts for CRC32B, and
        // the 32-bit result zeroes the upper half
        mov     x0, #-1
        mov     w3, #0xff31
        crc32b  w0, w0, w3
        mvn     w0, w0
        lsr     x4, x0, #32
        check_x x4, 0
        mov     w5, #-1
        mov     w3, #0x31
        crc32b  w5, w5, w3
        mvn     w5, w5
        cmp     w0, w5
        cset    x4, eq
        check_x x4, 1
        TEST_END

msg:    .ascii  "123456789"
