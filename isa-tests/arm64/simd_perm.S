// Advanced SIMD permutes and table lookups (Arm ARM C7.2: ZIP1/2, UZP1/2,
// TRN1/2, EXT, REV64, INS, UMOV, SMOV, DUP, TBL and TBX with one to four
// table registers, out-of-range indices giving 0 (TBL) or leaving the
// destination (TBX)). Expected values computed from the definitions.
        .include "harness.inc"

        .macro setv n, lo, hi
        ldr     x9, =\lo
        ldr     x10, =\hi
        fmov    d\n, x9
        mov     v\n\().d[1], x10
        .endm

        TEST_BEGIN simd_perm
        setv    0, 0x0706050403020100, 0x0f0e0d0c0b0a0908
        setv    1, 0x1716151413121110, 0x1f1e1d1c1b1a1918
        zip1    v2.16b, v0.16b, v1.16b
        check_v 2, 0x1303120211011000, 0x1707160615051404
        zip2    v2.8h, v0.8h, v1.8h
        check_v 2, 0x1b1a0b0a19180908, 0x1f1e0f0e1d1c0d0c
        uzp1    v2.4s, v0.4s, v1.4s
        check_v 2, 0x0b0a090803020100, 0x1b1a191813121110
        uzp2    v2.16b, v0.16b, v1.16b
        check_v 2, 0x0f0d0b0907050301, 0x1f1d1b1917151311
        trn1    v2.8h, v0.8h, v1.8h
        check_v 2, 0x1514050411100100, 0x1d1c0d0c19180908
        trn2    v2.2d, v0.2d, v1.2d
        check_v 2, 0x0f0e0d0c0b0a0908, 0x1f1e1d1c1b1a1918
        trn1    v2.4s, v0.4s, v1.4s
        check_v 2, 0x1312111003020100, 0x1b1a19180b0a0908
        zip1    v2.8b, v0.8b, v1.8b     // 64-bit form: upper half zero
        check_v 2, 0x1303120211011000, 0
        ext     v2.16b, v0.16b, v1.16b, #3
        check_v 2, 0x0a09080706050403, 0x1211100f0e0d0c0b
        ext     v2.8b, v0.8b, v1.8b, #7
        check_v 2, 0x1615141312111007, 0
        rev64   v2.8h, v0.8h
        check_v 2, 0x0100030205040706, 0x09080b0a0d0c0f0e
        // lanes: insert, move to general registers, duplicate
        mov     v3.16b, v0.16b
        ins     v3.s[1], v1.s[3]
        check_v 3, 0x1f1e1d1c03020100, 0x0f0e0d0c0b0a0908
        mov     x4, #0xabcd
        ins     v3.h[7], w4
        check_v 3, 0x1f1e1d1c03020100, 0xabcd0d0c0b0a0908
        umov    w5, v3.h[7]
        check_x x5, 0xabcd
        smov    x5, v3.h[7]
        check_x x5, 0xffffffffffffabcd
        smov    w5, v3.b[6]
        check_x x5, 0x1e
        umov    x5, v1.d[1]
        check_x x5, 0x1f1e1d1c1b1a1918
        dup     v4.8b, v1.b[9]
        check_v 4, 0x1919191919191919, 0
        // table lookups: tables v20-v23 hold bytes 0x40..0x7f
        setv    20, 0x4746454443424140, 0x4f4e4d4c4b4a4948
        setv    21, 0x5756555453525150, 0x5f5e5d5c5b5a5958
        setv    22, 0x6766656463626160, 0x6f6e6d6c6b6a6968
        setv    23, 0x7776757473727170, 0x7f7e7d7c7b7a7978
        setv    5, 0x1f1005ff2f211100, 0x08300f0201403f20
        tbl     v6.16b, {v20.16b}, v5.16b
        check_v 6, 0x0000450000000040, 0x48004f4241000000
        tbl     v6.16b, {v20.16b, v21.16b, v22.16b, v23.16b}, v5.16b
        check_v 6, 0x5f5045006f615140, 0x48704f4241007f60
        movi    v6.16b, #0xee
        tbx     v6.16b, {v20.16b, v21.16b}, v5.16b
        check_v 6, 0x5f5045eeeeee5140, 0x48ee4f4241eeeeee
        tbl     v6.8b, {v20.16b, v21.16b, v22.16b}, v5.8b
        check_v 6, 0x5f5045006f615140, 0
        // the table registers wrap from v31 to v0
        mov     v31.16b, v20.16b
        mov     v0.16b, v21.16b
        tbl     v6.16b, {v31.16b, v0.16b}, v5.16b
        check_v 6, 0x5f50450000005140, 0x48004f4241000000
        TEST_END
