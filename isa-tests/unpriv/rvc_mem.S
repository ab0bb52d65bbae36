/*
 * C extension loads, stores and stack-pointer forms, written with explicit
 * c. mnemonics: c.lw, c.sw, c.lwsp, c.swsp, c.addi4spn, c.addi16sp, and on
 * RV64 c.ld, c.sd, c.ldsp, c.sdsp. Smallest and largest scaled offsets,
 * sign extension of c.lw on RV64, stores leaving neighbouring words alone.
 */
#include "unpriv.h"

#define SENT (-0x5a5a5a5b) /* a word of 0xa5 bytes, as lw returns it */

    TEST_BEGIN

    /* ---- c.lw (rd', rs1' in x8..x15, offset 0..124) ---- */
    TEST_CASE(1, a0, -0x7fffffff, la s0, rvc_data; c.lw a0, 0(s0))
    TEST_CASE(2, a1, 0x12345678, c.lw a1, 4(s0))
    TEST_CASE(3, a5, -0x01234568, c.lw a5, 124(s0))
    TEST_CASE(4, s0, 0x12345678, c.lw s0, 4(s0))
    /* ---- c.lwsp (any rd, offset 0..252) ---- */
    TEST_CASE(5, a0, -0x7fffffff, la sp, rvc_data; c.lwsp a0, 0(sp))
    TEST_CASE(6, t3, 0x12345678, c.lwsp t3, 4(sp))
    TEST_CASE(7, s9, -0x01234568, c.lwsp s9, 124(sp))
    TEST_CASE(8, ra, 0x01234567, c.lwsp ra, 252(sp))

    /* ---- c.sw ---- */
    TEST_CASE(9, a2, 0x11223344, la s1, rvc_st; li a0, 0x11223344; c.sw a0, 124(s1); lw a2, 124(s1))
    TEST_CASE(10, a2, SENT, lw a2, 120(s1))
    TEST_CASE(11, a2, SENT, lw a2, 128(s1))
    TEST_CASE(12, a2, -0x21524111, li a3, 0xdeadbeef; c.sw a3, 0(s1); lw a2, 0(s1))
    TEST_CASE(13, a2, SENT, lw a2, 4(s1))
    /* ---- c.swsp (any rs2, offset 0..252) ---- */
    TEST_CASE(14, a2, 0x55667788, la sp, rvc_st; li t5, 0x55667788; c.swsp t5, 252(sp); lw a2, 252(sp))
    TEST_CASE(15, a2, SENT, lw a2, 248(sp))
    TEST_CASE(16, a2, SENT, lw a2, 256(sp))
    TEST_CASE(17, a2, 0, c.swsp zero, 8(sp); lw a2, 8(sp))
    TEST_CASE(18, a2, SENT, lw a2, 12(sp))

    /* ---- c.addi4spn: rd' = sp + nzuimm (4..1020) ---- */
    TEST_CASE(19, a1, 4, la sp, rvc_data; c.addi4spn a0, sp, 4; sub a1, a0, sp)
    TEST_CASE(20, a1, 1020, c.addi4spn s0, sp, 1020; sub a1, s0, sp)
    TEST_CASE(21, a1, 0x210, c.addi4spn a5, sp, 0x210; sub a1, a5, sp)
    /* ---- c.addi16sp: sp += nzimm (-512..496, multiple of 16) ---- */
    TEST_CASE(22, a1, 16, la a0, rvc_data; mv sp, a0; c.addi16sp sp, 16; sub a1, sp, a0)
    TEST_CASE(23, a1, 16 + 496, c.addi16sp sp, 496; sub a1, sp, a0)
    TEST_CASE(24, a1, 16 + 496 - 512, c.addi16sp sp, -512; sub a1, sp, a0)
    TEST_CASE(25, a1, 0, c.addi16sp sp, -16; c.addi16sp sp, 32; c.addi16sp sp, -16; sub a1, sp, a0)
    /* the new sp is usable as a base */
    TEST_CASE(26, a1, 0x12345678, la sp, rvc_data - 0x100; c.addi16sp sp, 0x100; c.lwsp a1, 4(sp))

#if XLEN == 64
    /* ---- c.ld / c.ldsp (offset 0..248 / 0..504, multiple of 8) ---- */
    TEST_CASE(27, a0, 0x8877665544332211, la s0, rvc_data; c.ld a0, 8(s0))
    TEST_CASE(28, a3, 0x0123456789abcdef, c.ld a3, 248(s0))
    TEST_CASE(29, a4, 0x1234567880000001, c.ld a4, 0(s0))
    TEST_CASE(30, t4, -0x0123456789abcdf0, la sp, rvc_data; c.ldsp t4, 504(sp))
    TEST_CASE(31, a0, 0x8877665544332211, c.ldsp a0, 8(sp))
    /* ---- c.sd / c.sdsp ---- */
    TEST_CASE(32, a2, 0x0102030405060708, la s1, rvc_st; li a0, 0x0102030405060708; c.sd a0, 248(s1); ld a2, 248(s1))
    TEST_CASE(33, a2, SENT, lw a2, 244(s1))
    TEST_CASE(34, a2, SENT, lw a2, 256(s1))
    TEST_CASE(35, a2, -2, la sp, rvc_st; li s7, -2; c.sdsp s7, 504(sp); ld a2, 504(sp))
    TEST_CASE(36, a2, SENT, lw a2, 500(sp))
    TEST_CASE(37, a2, SENT, lw a2, 512(sp))
    TEST_CASE(38, a2, 0, c.sdsp zero, 16(sp); ld a2, 16(sp))
    TEST_CASE(39, a2, SENT, lw a2, 24(sp))
#endif

    TEST_END

    .data
    .align 4
rvc_data:
    .word 0x80000001, 0x12345678        /* +0, +4 */
    .dword 0x8877665544332211           /* +8 */
    .skip 124 - 16
    .word 0xfedcba98                    /* +124 */
    .skip 248 - 128
    .dword 0x0123456789abcdef           /* +248 (high word at +252) */
    .skip 504 - 256
    .dword 0xfedcba9876543210           /* +504 */
    .align 4
rvc_st:
    .fill 528, 1, 0xa5
