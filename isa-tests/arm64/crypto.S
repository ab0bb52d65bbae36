// The cryptographic extension (Arm ARM C7.2: AESE, AESD, AESMC, AESIMC,
// SHA1H, SHA1C, SHA256H, SHA256H2, SHA256SU0, SHA256SU1, PMULL, PMULL2):
// a whole AES-128 encryption and decryption of FIPS-197 appendix C.1's
// example (round keys expanded from its key 000102..0f), a whole SHA-256
// compression of "abc" (FIPS 180-4's example), and carry-less products
// computed independently (Python's shift-and-xor).
        .include "harness.inc"
        .arch armv8-a+crypto

        // four SHA-256 rounds with schedule words in v\w0 (K at x1, +16)
        .macro sha256_4 w0, w1, w2, w3, upd
        ld1     {v16.4s}, [x1], #16
        add     v16.4s, v16.4s, v\w0\().4s
        mov     v2.16b, v0.16b
        sha256h q0, q1, v16.4s
        sha256h2 q1, q2, v16.4s
        .if \upd
        sha256su0 v\w0\().4s, v\w1\().4s
        sha256su1 v\w0\().4s, v\w2\().4s, v\w3\().4s
        .endif
        .endm

        TEST_BEGIN crypto
        // AES-128 encryption: 9 x (AESE, AESMC), AESE, EOR
        adrp    x0, aes_rk
        add     x0, x0, :lo12:aes_rk
        adrp    x2, aes_pt
        add     x2, x2, :lo12:aes_pt
        ld1     {v0.16b}, [x2]
        mov     x3, x0
        mov     x4, #9
1:      ld1     {v1.16b}, [x3], #16
        aese    v0.16b, v1.16b
        aesmc   v0.16b, v0.16b
        subs    x4, x4, #1
        b.ne    1b
        ld1     {v1.16b}, [x3], #16
        aese    v0.16b, v1.16b
        ld1     {v1.16b}, [x3]
        eor     v0.16b, v0.16b, v1.16b
        check_v 0, 0x30047b6ad8e0c469, 0x5ac5b47080b7cdd8
        // decryption: AESD with the last key, then per round AddRoundKey,
        // InvMixColumns (AESIMC) and AESD with a zero key
        movi    v3.16b, #0
        add     x3, x0, #160
        ld1     {v1.16b}, [x3]
        aesd    v0.16b, v1.16b
        mov     x4, #9
2:      sub     x3, x3, #16
        ld1     {v1.16b}, [x3]
        eor     v0.16b, v0.16b, v1.16b
        aesimc  v0.16b, v0.16b
        aesd    v0.16b, v3.16b
        subs    x4, x4, #1
        b.ne    2b
        ld1     {v1.16b}, [x0]
        eor     v0.16b, v0.16b, v1.16b
        check_v 0, 0x7766554433221100, 0xffeeddccbbaa9988
        // a uniform column is its own MixColumns: SubBytes(0) = 0x63
        movi    v4.16b, #0
        aese    v4.16b, v3.16b
        aesmc   v5.16b, v4.16b
        check_v 5, 0x6363636363636363, 0x6363636363636363
        aesd    v4.16b, v3.16b          // InvSubBytes(0x63) = 0
        aesimc  v4.16b, v4.16b
        check_v 4, 0, 0

        // SHA-256 of "abc": one block
        adrp    x2, sha_state
        add     x2, x2, :lo12:sha_state
        ld1     {v0.4s, v1.4s}, [x2]
        mov     v20.16b, v0.16b
        mov     v21.16b, v1.16b
        adrp    x3, sha_block
        add     x3, x3, :lo12:sha_block
        ld1     {v4.16b-v7.16b}, [x3]
        rev32   v4.16b, v4.16b
        rev32   v5.16b, v5.16b
        rev32   v6.16b, v6.16b
        rev32   v7.16b, v7.16b
        adrp    x1, sha_k
        add     x1, x1, :lo12:sha_k

        sha256_4 4, 5, 6, 7, 1
        sha256_4 5, 6, 7, 4, 1
        sha256_4 6, 7, 4, 5, 1
        sha256_4 7, 4, 5, 6, 1
        sha256_4 4, 5, 6, 7, 1
        sha256_4 5, 6, 7, 4, 1
        sha256_4 6, 7, 4, 5, 1
        sha256_4 7, 4, 5, 6, 1
        sha256_4 4, 5, 6, 7, 1
        sha256_4 5, 6, 7, 4, 1
        sha256_4 6, 7, 4, 5, 1
        sha256_4 7, 4, 5, 6, 1
        sha256_4 4, 5, 6, 7, 0
        sha256_4 5, 6, 7, 4, 0
        sha256_4 6, 7, 4, 5, 0
        sha256_4 7, 4, 5, 6, 0
        add     v0.4s, v0.4s, v20.4s
        add     v1.4s, v1.4s, v21.4s
        check_v 0, 0x8f01cfeaba7816bf, 0x5dae2223414140de
        check_v 1, 0x96177a9cb00361a3, 0xf20015adb410ff61
        // SHA1H is a rotate left by 30
        ldr     w0, =0x80000001
        fmov    s8, w0
        sha1h   s9, s8
        check_v 9, 0x60000000, 0
        // carry-less multiplication
        ldr     x0, =0x8badf00ddeadbeef
        ldr     x1, =0x0123456789abcdef
        fmov    d10, x0
        fmov    d11, x1
        pmull   v12.1q, v10.1d, v11.1d
        check_v 12, 0xaf475fa08b7db555, 0x9b64c61792bd00
        ldr     x2, =0xfedcba9876543210
        mov     x3, #-1
        mov     v10.d[1], x2
        mov     v11.d[1], x3
        pmull2  v12.1q, v10.2d, v11.2d
        check_v 12, 0x55b469882dcc11f0, 0x55b469882dcc11f0
        pmull   v12.8h, v10.8b, v11.8b
        check_v 12, 0x692e47bf77365455, 0x8b14573f3002c3
        TEST_END

        .section .rodata
        .p2align 4
aes_rk:
.byte 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f
        .byte 0xd6, 0xaa, 0x74, 0xfd, 0xd2, 0xaf, 0x72, 0xfa, 0xda, 0xa6, 0x78, 0xf1, 0xd6, 0xab, 0x76, 0xfe
        .byte 0xb6, 0x92, 0xcf, 0x0b, 0x64, 0x3d, 0xbd, 0xf1, 0xbe, 0x9b, 0xc5, 0x00, 0x68, 0x30, 0xb3, 0xfe
        .byte 0xb6, 0xff, 0x74, 0x4e, 0xd2, 0xc2, 0xc9, 0xbf, 0x6c, 0x59, 0x0c, 0xbf, 0x04, 0x69, 0xbf, 0x41
        .byte 0x47, 0xf7, 0xf7, 0xbc, 0x95, 0x35, 0x3e, 0x03, 0xf9, 0x6c, 0x32, 0xbc, 0xfd, 0x05, 0x8d, 0xfd
        .byte 0x3c, 0xaa, 0xa3, 0xe8, 0xa9, 0x9f, 0x9d, 0xeb, 0x50, 0xf3, 0xaf, 0x57, 0xad, 0xf6, 0x22, 0xaa
        .byte 0x5e, 0x39, 0x0f, 0x7d, 0xf7, 0xa6, 0x92, 0x96, 0xa7, 0x55, 0x3d, 0xc1, 0x0a, 0xa3, 0x1f, 0x6b
        .byte 0x14, 0xf9, 0x70, 0x1a, 0xe3, 0x5f, 0xe2, 0x8c, 0x44, 0x0a, 0xdf, 0x4d, 0x4e, 0xa9, 0xc0, 0x26
        .byte 0x47, 0x43, 0x87, 0x35, 0xa4, 0x1c, 0x65, 0xb9, 0xe0, 0x16, 0xba, 0xf4, 0xae, 0xbf, 0x7a, 0xd2
        .byte 0x54, 0x99, 0x32, 0xd1, 0xf0, 0x85, 0x57, 0x68, 0x10, 0x93, 0xed, 0x9c, 0xbe, 0x2c, 0x97, 0x4e
        .byte 0x13, 0x11, 0x1d, 0x7f, 0xe3, 0x94, 0x4a, 0x17, 0xf3, 0x07, 0xa7, 0x8b, 0x4d, 0x2b, 0x30, 0xc5
aes_pt:
        .byte 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff
sha_state:
        .word 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
sha_block:
        .byte 0x61, 0x62, 0x63, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x18
sha_k:
        .word 0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5
        .word 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174
        .word 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da
        .word 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967
        .word 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85
        .word 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070
        .word 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3
        .word 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
