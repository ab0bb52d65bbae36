/*
 * Misaligned loads and stores, emulated: run with the zicclsm extension
 * named (--isa=rv<XLEN>imac_zicclsm), under which our emulator completes
 * them as QEMU does; without it they trap. Covers lh, lhu, lw, lwu, ld and
 * sh, sw, sd at every misaligned offset of a 16-byte pattern (including
 * accesses that straddle an 8-byte boundary), accesses that straddle a
 * 4 KiB page boundary, and loops that compare every offset of a 32-byte
 * pattern with the value assembled from single bytes (in the spirit of
 * riscv-tests' ma_data). Stores must leave neighbouring bytes unchanged.
 */
#include "unpriv.h"

/* Check n: for every offset k of ma_pat where a `width`-byte access fits,
 * `inst` at ma_pat + k must equal the bytes assembled one by one
 * (sign-extended when sgn is 1). */
#define MA_LOAD_LOOP(n, inst, width, sgn)                                   \
    li TESTNUM, n;                                                          \
    li s2, 0;                                                               \
1:  la a1, ma_pat; add a1, a1, s2; li a2, width;                            \
    jal ra, bytes_le;                                                       \
    .if sgn;                                                                \
    slli a0, a0, XLEN - 8 * (width); srai a0, a0, XLEN - 8 * (width);       \
    .endif;                                                                 \
    inst a5, 0(a1);                                                         \
    bne a0, a5, 98f;                                                        \
    addi s2, s2, 1; li a4, 33 - (width); blt s2, a4, 1b;                    \
    j 99f;                                                                  \
98: TEST_FAIL;                                                              \
99:

#if XLEN == 64
#define MA_VALUE 0x1122334455667788
#else
#define MA_VALUE 0x11223344
#endif
/* Check n: for every offset k in 0..31, clear the 48 bytes at ma_st, store
 * MA_VALUE with `inst` at ma_st + 8 + k, then the stored bytes must read
 * back one by one as the low `width` bytes of MA_VALUE and no other byte
 * may have changed (all bytes of MA_VALUE are non-zero). */
#define MA_STORE_LOOP(n, inst, width)                                       \
    li TESTNUM, n;                                                          \
    li s2, 0;                                                               \
    li a6, MA_VALUE;                                                        \
    slli s3, a6, XLEN - 8 * (width); srli s3, s3, XLEN - 8 * (width);       \
1:  la a1, ma_st; addi a2, a1, 48;                                          \
2:  sw zero, 0(a1); addi a1, a1, 4; bne a1, a2, 2b;                         \
    la a1, ma_st + 8; add a1, a1, s2; li a2, width;                         \
    inst a6, 0(a1);                                                         \
    jal ra, bytes_le;                                                       \
    bne a0, s3, 98f;                                                        \
    jal ra, count_nonzero;                                                  \
    li a5, width; bne a0, a5, 98f;                                          \
    addi s2, s2, 1; li a4, 32; blt s2, a4, 1b;                              \
    j 99f;                                                                  \
98: TEST_FAIL;                                                              \
99:

    .option norvc
    TEST_BEGIN

    /* ======== fixed cases: a1 = ma_mid, offsets -8..7 ======== */

    /* ---- lh ---- */
    TEST_LD(1, lh, 0x7382, ma_mid, -7)
    TEST_LD(2, lh, 0x55e4, ma_mid, -5)
    TEST_LD(3, lh, 0x17a6, ma_mid, -3)
    TEST_LD(4, lh, -0x7608, ma_mid, -1)
    TEST_LD(5, lh, -0x34e6, ma_mid, 1)
    TEST_LD(6, lh, 0x4d3c, ma_mid, 3)
    TEST_LD(7, lh, 0x6fbe, ma_mid, 5)

    /* ---- lhu ---- */
    TEST_LD(8, lhu, 0x7382, ma_mid, -7)
    TEST_LD(9, lhu, 0x55e4, ma_mid, -5)
    TEST_LD(10, lhu, 0x17a6, ma_mid, -3)
    TEST_LD(11, lhu, 0x89f8, ma_mid, -1)
    TEST_LD(12, lhu, 0xcb1a, ma_mid, 1)
    TEST_LD(13, lhu, 0x4d3c, ma_mid, 3)
    TEST_LD(14, lhu, 0x6fbe, ma_mid, 5)

    /* ---- lw ---- */
    TEST_LD(15, lw, 0x55e47382, ma_mid, -7)
    TEST_LD(16, lw, -0x59aa1b8d, ma_mid, -6)
    TEST_LD(17, lw, 0x17a655e4, ma_mid, -5)
    TEST_LD(18, lw, -0x7607e85a, ma_mid, -3)
    TEST_LD(19, lw, 0x1a89f817, ma_mid, -2)
    TEST_LD(20, lw, -0x34e57608, ma_mid, -1)
    TEST_LD(21, lw, 0x4d3ccb1a, ma_mid, 1)
    TEST_LD(22, lw, -0x41b2c335, ma_mid, 2)
    TEST_LD(23, lw, 0x6fbe4d3c, ma_mid, 3)

    /* ---- lwu ---- */
#if XLEN == 64
    TEST_LD(24, lwu, 0x55e47382, ma_mid, -7)
    TEST_LD(25, lwu, 0xa655e473, ma_mid, -6)
    TEST_LD(26, lwu, 0x17a655e4, ma_mid, -5)
    TEST_LD(27, lwu, 0x89f817a6, ma_mid, -3)
    TEST_LD(28, lwu, 0x1a89f817, ma_mid, -2)
    TEST_LD(29, lwu, 0xcb1a89f8, ma_mid, -1)
    TEST_LD(30, lwu, 0x4d3ccb1a, ma_mid, 1)
    TEST_LD(31, lwu, 0xbe4d3ccb, ma_mid, 2)
    TEST_LD(32, lwu, 0x6fbe4d3c, ma_mid, 3)
#endif

    /* ---- ld ---- */
#if XLEN == 64
    TEST_LD(33, ld, -0x7607e859aa1b8c7e, ma_mid, -7)
    TEST_LD(34, ld, 0x1a89f817a655e473, ma_mid, -6)
    TEST_LD(35, ld, -0x34e57607e859aa1c, ma_mid, -5)
    TEST_LD(36, ld, 0x3ccb1a89f817a655, ma_mid, -4)
    TEST_LD(37, ld, 0x4d3ccb1a89f817a6, ma_mid, -3)
    TEST_LD(38, ld, -0x41b2c334e57607e9, ma_mid, -2)
    TEST_LD(39, ld, 0x6fbe4d3ccb1a89f8, ma_mid, -1)
#endif

    /* ---- sh ---- */
    TEST_ST(40, sh, lh, -0x2153, -0x2153, ma_slots + 0, -7, -0x3c215240, -0x38393a3c, -0x34353638, -0x30313234)
    TEST_ST(41, sh, lh, -0x2153, -0x2153, ma_slots + 16, -5, -0x523d3e40, -0x38393a22, -0x34353638, -0x30313234)
    TEST_ST(42, sh, lh, -0x2153, -0x2153, ma_slots + 32, -3, -0x3c3d3e40, -0x3821523c, -0x34353638, -0x30313234)
    TEST_ST(43, sh, lh, -0x2153, -0x2153, ma_slots + 48, -1, -0x3c3d3e40, -0x52393a3c, -0x34353622, -0x30313234)
    TEST_ST(44, sh, lh, -0x2153, -0x2153, ma_slots + 64, 1, -0x3c3d3e40, -0x38393a3c, -0x34215238, -0x30313234)
    TEST_ST(45, sh, lh, -0x2153, -0x2153, ma_slots + 80, 3, -0x3c3d3e40, -0x38393a3c, -0x52353638, -0x30313222)
    TEST_ST(46, sh, lh, -0x2153, -0x2153, ma_slots + 96, 5, -0x3c3d3e40, -0x38393a3c, -0x34353638, -0x30215234)

    /* ---- sw ---- */
    TEST_ST(47, sw, lw, -0x21524111, -0x21524111, ma_slots + 112, -7, -0x52411040, -0x38393a22, -0x34353638, -0x30313234)
    TEST_ST(48, sw, lw, -0x21524111, -0x21524111, ma_slots + 128, -6, -0x41103e40, -0x38392153, -0x34353638, -0x30313234)
    TEST_ST(49, sw, lw, -0x21524111, -0x21524111, ma_slots + 144, -5, -0x103d3e40, -0x38215242, -0x34353638, -0x30313234)
    TEST_ST(50, sw, lw, -0x21524111, -0x21524111, ma_slots + 160, -3, -0x3c3d3e40, -0x5241103c, -0x34353622, -0x30313234)
    TEST_ST(51, sw, lw, -0x21524111, -0x21524111, ma_slots + 176, -2, -0x3c3d3e40, -0x41103a3c, -0x34352153, -0x30313234)
    TEST_ST(52, sw, lw, -0x21524111, -0x21524111, ma_slots + 192, -1, -0x3c3d3e40, -0x10393a3c, -0x34215242, -0x30313234)
    TEST_ST(53, sw, lw, -0x21524111, -0x21524111, ma_slots + 208, 1, -0x3c3d3e40, -0x38393a3c, -0x52411038, -0x30313222)
    TEST_ST(54, sw, lw, -0x21524111, -0x21524111, ma_slots + 224, 2, -0x3c3d3e40, -0x38393a3c, -0x41103638, -0x30312153)
    TEST_ST(55, sw, lw, -0x21524111, -0x21524111, ma_slots + 240, 3, -0x3c3d3e40, -0x38393a3c, -0x10353638, -0x30215242)

    /* ---- sd ---- */
#if XLEN == 64
    TEST_ST(56, sd, ld, 0x123456789abcdef, 0x123456789abcdef, ma_slots + 256, -7, -0x54321040, 0x23456789, -0x343536ff, -0x30313234)
    TEST_ST(57, sd, ld, 0x123456789abcdef, 0x123456789abcdef, ma_slots + 272, -6, -0x32103e40, 0x456789ab, -0x3435fedd, -0x30313234)
    TEST_ST(58, sd, ld, 0x123456789abcdef, 0x123456789abcdef, ma_slots + 288, -5, -0x103d3e40, 0x6789abcd, -0x34fedcbb, -0x30313234)
    TEST_ST(59, sd, ld, 0x123456789abcdef, 0x123456789abcdef, ma_slots + 304, -4, -0x3c3d3e40, -0x76543211, 0x1234567, -0x30313234)
    TEST_ST(60, sd, ld, 0x123456789abcdef, 0x123456789abcdef, ma_slots + 320, -3, -0x3c3d3e40, -0x5432103c, 0x23456789, -0x303132ff)
    TEST_ST(61, sd, ld, 0x123456789abcdef, 0x123456789abcdef, ma_slots + 336, -2, -0x3c3d3e40, -0x32103a3c, 0x456789ab, -0x3031fedd)
    TEST_ST(62, sd, ld, 0x123456789abcdef, 0x123456789abcdef, ma_slots + 352, -1, -0x3c3d3e40, -0x10393a3c, 0x6789abcd, -0x30fedcbb)
#endif

    /* ======== across a 4 KiB page boundary ======== */
    TEST_LD(63, lh, -0x7e19, ma_page, -1)
    TEST_LD(64, lhu, 0x81e7, ma_page, -1)
    TEST_LD(65, lw, 0x7281e7e6, ma_page, -2)
    TEST_LD(66, lw, 0x737281e7, ma_page, -1)
#if XLEN == 64
    TEST_LD(67, lwu, 0x81e7e6e5, ma_page, -3)
    TEST_LD(68, ld, 0x737281e7e6e5e4e3, ma_page, -5)
#endif
    TEST_CASE(69, a0, 0x12345678, la a1, ma_page; li a2, 0x12345678; sw a2, -1(a1); lw a0, -1(a1))
    TEST_CASE(70, a0, 0x78e6e5e4, lw a0, -4(a1))
    TEST_CASE(71, a0, 0x74123456, lw a0, 0(a1))
#if XLEN == 64
    TEST_CASE(72, a0, -0x0123456789abcdf0, li a2, -0x0123456789abcdf0; sd a2, -3(a1); ld a0, -3(a1))
    TEST_CASE(73, a0, 0x543210e4, lwu a0, -4(a1))
    TEST_CASE(74, a0, 0x787776fe, lwu a0, 4(a1))
#endif

    /* ======== every offset, compared with single-byte loads ======== */
    MA_LOAD_LOOP(75, lh, 2, 1)
    MA_LOAD_LOOP(76, lhu, 2, 0)
    MA_LOAD_LOOP(77, lw, 4, 1)
#if XLEN == 64
    MA_LOAD_LOOP(78, lwu, 4, 0)
    MA_LOAD_LOOP(79, ld, 8, 1)
#endif
    MA_STORE_LOOP(80, sh, 2)
    MA_STORE_LOOP(81, sw, 4)
#if XLEN == 64
    MA_STORE_LOOP(82, sd, 8)
#endif

    TEST_END

    /* a0 = the `a2`-byte little-endian value at a1, zero-extended
     * (byte loads only); clobbers a3, a4 */
    .balign 4
bytes_le:
    li a0, 0
    add a3, a1, a2
1:  addi a3, a3, -1
    lbu a4, 0(a3)
    slli a0, a0, 8
    or a0, a0, a4
    bne a3, a1, 1b
    ret

    /* a0 = number of non-zero bytes in the 48 bytes at ma_st; clobbers a3..a5 */
count_nonzero:
    li a0, 0
    la a3, ma_st
    addi a5, a3, 48
1:  lbu a4, 0(a3)
    snez a4, a4
    add a0, a0, a4
    addi a3, a3, 1
    bne a3, a5, 1b
    ret

    .data
    .balign 16
ma_lo:
    .byte 0x01, 0x82, 0x73, 0xe4, 0x55, 0xa6, 0x17, 0xf8
ma_mid:
    .byte 0x89, 0x1a, 0xcb, 0x3c, 0x4d, 0xbe, 0x6f, 0x90
ma_pat:
    .byte 0x9f, 0x21, 0xb3, 0x45, 0xd7, 0x69, 0xfb, 0x0d
    .byte 0x8e, 0x10, 0xa2, 0x34, 0xc6, 0x58, 0xea, 0x7c
    .byte 0xf1, 0x83, 0x15, 0xa7, 0x39, 0xcb, 0x5d, 0xef
    .byte 0x60, 0x92, 0x24, 0xb6, 0x48, 0xda, 0x6c, 0xfe
    .balign 16
ma_st:
    .fill 48, 1, 0
    .balign 16
ma_slots:
    .rept 23
    .byte 0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7
    .byte 0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf
    .endr
    .balign 4096
    .skip 4096 - 8
    .byte 0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7
ma_page:
    .byte 0x81, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78
