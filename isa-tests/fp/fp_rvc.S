/*
 * Compressed FP loads and stores (unprivileged spec, C chapter), written
 * with explicit c. mnemonics: c.fld, c.fsd, c.fldsp, c.fsdsp on RV32 and
 * RV64, and c.flw, c.fsw, c.flwsp, c.fswsp on RV32 (on RV64 those
 * encodings are c.ld/c.sd). Smallest and largest scaled offsets; c.flw
 * NaN-boxes, c.fsw stores the low word; stores leave their neighbours
 * alone.
 */
#include "fp.h"

#define SENT 0x5a5a5a5a

/* Check number n: the 64-bit word at off(base) is v, and the words just
 * before and after it still hold SENT. Clobbers a0. */
#define CHECK_MEM64(n, base, off, v)                                        \
    lw a0, (off)(base);                                                     \
    CHECK(n, a0, LO32(v));                                                  \
    lw a0, (off) + 4(base);                                                 \
    CHECK(n, a0, HI32(v));                                                  \
    lw a0, (off) - 4(base);                                                 \
    CHECK(n, a0, SENT);                                                     \
    lw a0, (off) + 8(base);                                                 \
    CHECK(n, a0, SENT)

    TEST_BEGIN
    FP_ENABLE

    /* fill the store area with SENT */
    la a1, rvc_st
    li a2, SENT
    li a3, 1024 / 4
1:  sw a2, 0(a1)
    addi a1, a1, 4
    addi a3, a3, -1
    bnez a3, 1b

    /* ---- c.fld: rd' and rs1' in the 8..15 range, offsets 0..248 ---- */
    la s0, rvc_data
    c.fld fs0, 0(s0)
    CHECK_D(1, fs0, 0x400921fb54442d18)
    c.fld fa5, 248(s0)
    CHECK_D(2, fa5, 0xfff0000000000001)
    la a5, rvc_data + 8
    c.fld fa0, 0(a5)
    CHECK_D(3, fa0, 0x8000000000000001)

    /* ---- c.fldsp: any rd, offsets 0..504 ---- */
    la sp, rvc_data
    c.fldsp ft11, 0(sp)
    CHECK_D(4, ft11, 0x400921fb54442d18)
    c.fldsp ft0, 504(sp)
    CHECK_D(5, ft0, 0x3ff0000000000001)
    c.fldsp fs11, 8(sp)
    CHECK_D(6, fs11, 0x8000000000000001)

    /* ---- c.fsd ---- */
    la s1, rvc_st
    SET_D(fa3, 0x0123456789abcdef)
    c.fsd fa3, 248(s1)
    CHECK_MEM64(7, s1, 248, 0x0123456789abcdef)
    c.fsd fa3, 8(s1)
    CHECK_MEM64(8, s1, 8, 0x0123456789abcdef)
    /* a boxed single is stored as 64 bits */
    SET_S(fs1, 0x3f800000)
    c.fsd fs1, 32(s1)
    CHECK_MEM64(9, s1, 32, 0xffffffff3f800000)

    /* ---- c.fsdsp: any rs2, offsets 0..504 ---- */
    la sp, rvc_st
    SET_D(ft7, 0xfedcba9876543210)
    c.fsdsp ft7, 504(sp)
    CHECK_MEM64(10, sp, 504, 0xfedcba9876543210)
    c.fsdsp ft7, 64(sp)
    CHECK_MEM64(11, sp, 64, 0xfedcba9876543210)
    CHECK_FL(12, 0)

#if XLEN == 32
    /* ---- c.flw: offsets 0..124, the value NaN-boxed ---- */
    la s0, rvc_data
    c.flw fa1, 0(s0)
    CHECK_S(20, fa1, 0x54442d18)
    CHECK_BOXED(21, fa1)
    c.flw fs0, 124(s0)
    CHECK_S(22, fs0, 0x7f800001)
    CHECK_BOXED(23, fs0)
    /* ---- c.flwsp: any rd, offsets 0..252 ---- */
    la sp, rvc_data
    c.flwsp ft3, 4(sp)
    CHECK_S(24, ft3, 0x400921fb)
    CHECK_BOXED(25, ft3)
    c.flwsp fs10, 252(sp)
    CHECK_S(26, fs10, 0xfff00000)      /* the high word of +248 */
    /* ---- c.fsw: the low word, neighbours unchanged ---- */
    la s1, rvc_st + 520           /* clear of the c.fsd stores above */
    SET_S(fa4, 0xc0490fdb)
    c.fsw fa4, 124(s1)
    lw a0, 124(s1)
    CHECK(27, a0, SX32(0xc0490fdb))
    lw a0, 120(s1)
    CHECK(28, a0, SENT)
    lw a0, 128(s1)
    CHECK(29, a0, SENT)
    /* an unboxed register: still the low word */
    SET_D(fa4, 0x3ff0000012345678)
    c.fsw fa4, 0(s1)
    lw a0, 0(s1)
    CHECK(30, a0, 0x12345678)
    lw a0, 4(s1)
    CHECK(31, a0, SENT)
    /* ---- c.fswsp: any rs2, offsets 0..252 ---- */
    la sp, rvc_st + 520
    SET_S(ft9, 0x7fc12345)
    c.fswsp ft9, 252(sp)
    lw a0, 252(sp)
    CHECK(32, a0, 0x7fc12345)
    lw a0, 248(sp)
    CHECK(33, a0, SENT)
    lw a0, 256(sp)
    CHECK(34, a0, SENT)
    CHECK_FL(35, 0)
#endif

    TEST_END
    FP_DATA

    .data
    .balign 8
rvc_data:
    .dword 0x400921fb54442d18           /* +0 */
    .dword 0x8000000000000001           /* +8 */
    .skip 124 - 16
    .word 0x7f800001                    /* +124 */
    .skip 248 - 128
    .dword 0xfff0000000000001           /* +248 */
    .skip 504 - 256
    .dword 0x3ff0000000000001           /* +504 */
    .balign 8
rvc_st:
    .skip 1024
