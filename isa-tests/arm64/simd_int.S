// Advanced SIMD integer (Arm ARM C7.2): lane-wise arithmetic in every
// arrangement, the 64-bit (.8b) forms zeroing the upper half, compares,
// saturating arithmetic setting FPSR.QC (bit 27), shifts by immediate
// with rounding/insert/accumulate, widening and narrowing, reductions,
// MOVI/MVNI/DUP and the bitwise selects.
        .include "harness.inc"

        .macro setv n, lo, hi
        ldr     x9, =\lo
        ldr     x10, =\hi
        fmov    d\n, x9
        mov     v\n\().d[1], x10
        .endm
        .macro qc_is val
        mrs     x9, fpsr
        lsr     x9, x9, #27
        check_x x9, \val
        msr     fpsr, xzr
        .endm

        TEST_BEGIN simd_int
        msr     fpsr, xzr
        setv    0, 0x0807060504030201, 0x100f0e0d0c0b0a09
        setv    1, 0xf0f0f0f0f0f0f0f0, 0x7f7f7f7f80808080
        add     v2.16b, v0.16b, v1.16b
        check_v 2, 0xf8f7f6f5f4f3f2f1, 0x8f8e8d8c8c8b8a89
        add     v2.8b, v0.8b, v1.8b     // upper half zeroed
        check_v 2, 0xf8f7f6f5f4f3f2f1, 0
        sub     v2.8h, v0.8h, v1.8h
        check_v 2, 0x1717151513131111, 0x90908e8e8b8b8989
        add     v2.2d, v0.2d, v1.2d
        check_v 2, 0xf8f7f6f5f4f3f2f1, 0x8f8e8d8c8c8b8a89
        mul     v2.4s, v0.4s, v0.4s
        check_v 2, 0xa46a3c19140a0401, 0x464b6ca9b52ab451
        mla     v2.8h, v0.8h, v0.8h
        check_v 2, 0x149b78322c130802, 0x272cd952bda368a2
        // compares: all ones or zeros per lane
        cmgt    v3.16b, v0.16b, v1.16b  // signed: 1..8 > -16
        check_v 3, 0xffffffffffffffff, 0x00000000ffffffff
        cmhi    v3.16b, v0.16b, v1.16b  // unsigned
        check_v 3, 0, 0
        cmeq    v3.4s, v1.4s, v1.4s
        check_v 3, -1, -1
        cmtst   v3.8b, v0.8b, v1.8b
        check_v 3, 0, 0
        cmlt    v3.16b, v1.16b, #0
        check_v 3, -1, 0x00000000ffffffff
        // saturating arithmetic and QC
        qc_is   0
        sqadd   v3.16b, v1.16b, v1.16b
        check_v 3, 0xe0e0e0e0e0e0e0e0, 0x7f7f7f7f80808080
        qc_is   1
        uqadd   v3.16b, v0.16b, v0.16b
        check_v 3, 0x100e0c0a08060402, 0x201e1c1a18161412
        qc_is   0
        uqsub   v3.16b, v0.16b, v1.16b
        check_v 3, 0, 0
        qc_is   1
        sqsub   v3.4s, v0.4s, v1.4s
        check_v 3, 0x1716151513121111, 0x908f8e8e7fffffff
        qc_is   1
        sqdmulh v3.8h, v1.8h, v1.8h     // 0x8080 * 0x8080 doubled
        check_v 3, 0x01c501c501c501c5, 0x7efe7efe7f007f00
        qc_is   0
        setv    4, 0x8000800080008000, 0
        sqdmulh v3.4h, v4.4h, v4.4h     // -1 * -1 saturates
        check_v 3, 0x7fff7fff7fff7fff, 0
        qc_is   1
        abs     v3.16b, v1.16b
        check_v 3, 0x1010101010101010, 0x7f7f7f7f80808080
        sqabs   v3.16b, v1.16b
        check_v 3, 0x1010101010101010, 0x7f7f7f7f7f7f7f7f
        qc_is   1
        neg     v3.2d, v0.2d
        check_v 3, 0xf7f8f9fafbfcfdff, 0xeff0f1f2f3f4f5f7
        // shifts by immediate
        shl     v3.4s, v0.4s, #4
        check_v 3, 0x8070605040302010, 0x00f0e0d0c0b0a090
        ushr    v3.8h, v1.8h, #4
        check_v 3, 0x0f0f0f0f0f0f0f0f, 0x07f707f708080808
        sshr    v3.8h, v1.8h, #4
        check_v 3, 0xff0fff0fff0fff0f, 0x07f707f7f808f808
        urshr   v3.16b, v0.16b, #1      // rounding: (x + 1) >> 1
        check_v 3, 0x0404030302020101, 0x0808070706060505
        sri     v5.16b, v0.16b, #4      // v5 was zero
        check_v 5, 0x0000000000000000, 0x0100000000000000
        movi    v5.16b, #0xa0
        sri     v5.16b, v1.16b, #4
        check_v 5, 0xafafafafafafafaf, 0xa7a7a7a7a8a8a8a8
        sli     v5.2d, v0.2d, #56
        check_v 5, 0x01afafafafafafaf, 0x09a7a7a7a8a8a8a8
        usra    v5.2d, v0.2d, #56
        check_v 5, 0x01afafafafafafb7, 0x09a7a7a7a8a8a8b8
        sqshl   v3.16b, v0.16b, #4
        check_v 3, 0x7f70605040302010, 0x7f7f7f7f7f7f7f7f
        // widening and narrowing
        saddl   v6.8h, v0.8b, v1.8b
        check_v 6, 0xfff4fff3fff2fff1, 0xfff8fff7fff6fff5
        umull2  v6.4s, v0.8h, v1.8h
        check_v 6, 0x060b858005098480, 0x07ff687106ff6b73
        uaddw   v6.2d, v6.2d, v0.2s
        check_v 6, 0x060b8580090c8681, 0x07ff68710f067178
        xtn     v7.8b, v6.8h
        check_v 7, 0xff7106780b800c81, 0x0000000000000000
        sqxtn2  v7.16b, v1.8h
        check_v 7, 0xff7106780b800c81, 0x7f7f808080808080
        sqxtun  v8.8b, v1.8h
        check_v 8, 0xffff000000000000, 0x0000000000000000
        uqxtn   v8.4h, v0.4s
        check_v 8, 0xffffffffffffffff, 0
        qc_is   1
        // reductions
        addv    b9, v0.16b
        check_v 9, 136, 0
        uaddlv  h9, v1.16b
        check_v 9, 0x0000000000000b7c, 0
        umaxv   h9, v1.8h
        check_v 9, 0xf0f0, 0
        sminv   s9, v1.4s
        check_v 9, 0x0000000080808080, 0x0000000000000000
        smaxv   b9, v1.16b
        check_v 9, 0x7f, 0
        addp    v9.4s, v0.4s, v1.4s
        check_v 9, 0x1c1a18160c0a0806, 0xffffffffe1e1e1e0
        // immediates and duplication
        movi    v10.4s, #0xab, lsl #16
        check_v 10, 0x00ab000000ab0000, 0x00ab000000ab0000
        mvni    v10.8h, #0x12, lsl #8
        check_v 10, 0xedffedffedffedff, 0xedffedffedffedff
        movi    v10.2d, #0xff00ff0000ff00ff
        check_v 10, 0xff00ff0000ff00ff, 0xff00ff0000ff00ff
        orr     v10.4s, #0x1, lsl #8
        check_v 10, 0xff00ff0000ff01ff, 0xff00ff0000ff01ff
        mov     w11, #0x1234
        dup     v10.8h, w11
        check_v 10, 0x1234123412341234, 0x1234123412341234
        dup     v10.4s, v0.s[3]
        check_v 10, 0x100f0e0d100f0e0d, 0x100f0e0d100f0e0d
        // bitwise
        movi    v12.16b, #0x0f
        bsl     v12.16b, v0.16b, v1.16b
        check_v 12, 0xf8f7f6f5f4f3f2f1, 0x707f7e7d8c8b8a89
        not     v12.16b, v0.16b
        check_v 12, 0xf7f8f9fafbfcfdfe, 0xeff0f1f2f3f4f5f6
        cnt     v12.16b, v1.16b
        check_v 12, 0x0404040404040404, 0x0707070701010101
        pmul    v12.16b, v0.16b, v0.16b
        check_v 12, 0x4015141110050401, 0x0055545150454441
        TEST_END
