// Advanced SIMD structure loads and stores (Arm ARM C7.2: LD1-LD4 and
// ST1-ST4 multiple structures, LD1R-LD4R, single-lane LDn/STn, post-index
// by immediate and by register): the interleave of each, over a buffer
// holding bytes 0, 1, 2, ...
        .include "harness.inc"
        TEST_BEGIN simd_ldst
        adrp    x0, src
        add     x0, x0, :lo12:src
        adrp    x20, dst
        add     x20, x20, :lo12:dst
        ld1     {v0.16b}, [x0]
        check_v 0, 0x0706050403020100, 0x0f0e0d0c0b0a0908
        ld1     {v0.16b-v3.16b}, [x0]
        check_v 3, 0x3736353433323130, 0x3f3e3d3c3b3a3938
        ld1     {v0.8b, v1.8b}, [x0]
        check_v 1, 0x0f0e0d0c0b0a0908, 0
        ld1     {v0.2d, v1.2d, v2.2d}, [x0]
        check_v 2, 0x2726252423222120, 0x2f2e2d2c2b2a2928
        ld2     {v4.16b, v5.16b}, [x0]
        check_v 4, 0x0e0c0a0806040200, 0x1e1c1a1816141210
        check_v 5, 0x0f0d0b0907050301, 0x1f1d1b1917151311
        ld3     {v6.8b, v7.8b, v8.8b}, [x0]
        check_v 6, 0x15120f0c09060300, 0
        check_v 7, 0x1613100d0a070401, 0
        check_v 8, 0x1714110e0b080502, 0
        ld4     {v9.4h, v10.4h, v11.4h, v12.4h}, [x0]
        check_v 9, 0x1918111009080100, 0
        check_v 12, 0x1f1e17160f0e0706, 0
        ld4     {v16.4s, v17.4s, v18.4s, v19.4s}, [x0]
        check_v 17, 0x1716151407060504, 0x3736353427262524
        // replicate and single lanes
        add     x1, x0, #4
        ld1r    {v13.4s}, [x1]
        check_v 13, 0x0706050407060504, 0x0706050407060504
        ld2r    {v13.8b, v14.8b}, [x1]
        check_v 14, 0x0505050505050505, 0
        movi    v14.16b, #0
        ld1     {v14.s}[2], [x1]
        check_v 14, 0, 0x07060504
        ld3     {v20.h, v21.h, v22.h}[5], [x1]
        umov    w2, v22.h[5]
        check_x x2, 0x0908
        ld4     {v23.b, v24.b, v25.b, v26.b}[15], [x1]
        umov    w2, v26.b[15]
        check_x x2, 7
        // post-index by immediate and by register
        mov     x3, x0
        ld1     {v15.16b}, [x3], #16
        sub     x4, x3, x0
        check_x x4, 16
        mov     x5, #8
        ld1     {v15.8b}, [x3], x5
        check_v 15, 0x1716151413121110, 0
        sub     x4, x3, x0
        check_x x4, 24
        ld2     {v15.4s, v16.4s}, [x3], #32
        sub     x4, x3, x0
        check_x x4, 56
        // stores re-interleave
        st2     {v4.16b, v5.16b}, [x20]
        ldp     x6, x7, [x20, #16]
        check_x x6, 0x1716151413121110
        check_x x7, 0x1f1e1d1c1b1a1918
        st4     {v9.4h, v10.4h, v11.4h, v12.4h}, [x20]
        ldp     x6, x7, [x20, #8]
        check_x x6, 0x0f0e0d0c0b0a0908
        check_x x7, 0x1716151413121110
        st3     {v6.8b, v7.8b, v8.8b}, [x20]
        ldr     x6, [x20, #16]
        check_x x6, 0x1716151413121110
        mov     x8, x20
        st1     {v14.s}[2], [x8], #4
        ldr     x6, [x20]
        check_x x6, 0x0706050407060504
        sub     x4, x8, x20
        check_x x4, 4
        st3     {v6.b, v7.b, v8.b}[1], [x20]
        ldr     x6, [x20]
        check_x x6, 0x0706050407050403
        st1     {v0.16b-v3.16b}, [x20], #64
        ldr     x6, [x20, #-8]
        check_x x6, 0x3f3e3d3c3b3a3938
        TEST_END

        .data
        .p2align 4
src:
        .irp n, 0, 1, 2, 3, 4, 5, 6, 7
        .byte   \n*8, \n*8+1, \n*8+2, \n*8+3, \n*8+4, \n*8+5, \n*8+6, \n*8+7
        .endr
        .bss
        .p2align 4
dst:    .skip   128
