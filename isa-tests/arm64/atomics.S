// Exclusives and the Armv8.1 LSE atomics (Arm ARM C6.2: LDXR/STXR,
// LDAXR/STLXR, LDXP/STXP, LDAR/STLR, CAS, CASP, LDADD, LDCLR, LDEOR,
// LDSET, LDSMAX, LDUMIN, SWP and their size/ordering variants): each
// returns the old value and leaves the combined one in memory.
        .include "harness.inc"
        .arch armv8.1-a
        TEST_BEGIN atomics
        adrp    x0, buf
        add     x0, x0, :lo12:buf
        mov     x1, #5
        str     x1, [x0]
        // exclusive increment loop
1:      ldxr    x2, [x0]
        add     x2, x2, #1
        stxr    w3, x2, [x0]
        cbnz    w3, 1b
        ldr     x2, [x0]
        check_x x2, 6
        // a store exclusive without a reservation fails (status 1)
        clrex
        stxr    w3, x1, [x0]
        check_x x3, 1
        ldr     x2, [x0]
        check_x x2, 6
2:      ldaxrb  w2, [x0]
        stlxrb  w3, wzr, [x0]
        cbnz    w3, 2b
        check_x x2, 6
        ldr     x2, [x0]
        check_x x2, 0
        // pair
        ldr     x4, =0x1111111122222222
        ldr     x5, =0x3333333344444444
3:      ldxp    x6, x7, [x0]
        stxp    w3, x4, x5, [x0]
        cbnz    w3, 3b
        ldp     x6, x7, [x0]
        check_x x6, 0x1111111122222222
        check_x x7, 0x3333333344444444
        ldar    w6, [x0]
        check_x x6, 0x22222222
        add     x6, x0, #16
        stlr    x5, [x6]
        ldar    x6, [x6]
        check_x x6, 0x3333333344444444
        // compare and swap
        mov     x8, #0
        str     x8, [x0, #32]
        mov     x9, #1                  // expected 1: fails, reads 0
        mov     x10, #7
        cas     x9, x10, [x0, #0]
        check_x x9, 0x1111111122222222
        add     x11, x0, #32
        mov     x9, #0
        casal   x9, x10, [x11]
        check_x x9, 0
        ldr     x9, [x11]
        check_x x9, 7
        mov     w9, #7
        mov     w12, #0x1ff
        casb    w9, w12, [x11]
        check_x x9, 7
        ldr     x9, [x11]
        check_x x9, 0xff
        // CASP: even register pairs
        mov     x12, #0xff
        mov     x13, #0
        mov     x14, #0xaa
        mov     x15, #0xbb
        casp    x12, x13, x14, x15, [x11]
        check_x x12, 0xff
        check_x x13, 0
        ldp     x12, x13, [x11]
        check_x x12, 0xaa
        check_x x13, 0xbb
        // atomic memory operations
        mov     x1, #0xf0
        str     x1, [x11]
        mov     x2, #0x0f
        ldadd   x2, x3, [x11]
        check_x x3, 0xf0
        ldr     x3, [x11]
        check_x x3, 0xff
        mov     x2, #0x3c
        ldclral x2, x3, [x11]
        check_x x3, 0xff
        ldr     x3, [x11]
        check_x x3, 0xc3
        mov     x2, #0xff
        ldeora  x2, x3, [x11]
        ldr     x3, [x11]
        check_x x3, 0x3c
        mov     x2, #0x100
        ldsetl  x2, x3, [x11]
        ldr     x3, [x11]
        check_x x3, 0x13c
        mov     w2, #-1
        ldsmax  w2, w3, [x11]           // max(0x13c, -1) = 0x13c
        check_x x3, 0x13c
        ldr     x3, [x11]
        check_x x3, 0x13c
        ldumin  w2, w3, [x11]           // min(0x13c, 0xffffffff)
        ldr     x3, [x11]
        check_x x3, 0x13c
        mov     w2, #5
        ldsminh w2, w3, [x11]
        ldr     x3, [x11]
        check_x x3, 0x5
        mov     w2, #0x80
        ldsmaxb w2, w3, [x11]           // max(5, -128) = 5
        check_x x3, 0x05
        ldumaxb w2, w3, [x11]
        ldr     x3, [x11]
        check_x x3, 0x80
        mov     x2, #77
        swp     x2, x3, [x11]
        check_x x3, 0x80
        ldr     x3, [x11]
        check_x x3, 77
        mov     w2, #1
        staddh  w2, [x11]
        ldr     x3, [x11]
        check_x x3, 78
        swpal   w2, wzr, [x11]
        ldr     x3, [x11]
        check_x x3, 1
        TEST_END

        .bss
        .p2align 4
buf:    .skip   64
