/*
 * Upper-immediate instructions of RV32I / RV64I: lui and auipc.
 * lui: sign extension of bit 31 on RV64, zero low 12 bits, x0 destination.
 * auipc: offset relative to its own address (found independently with jal),
 * positive and negative 20-bit immediates, the 0x80000 sign extension.
 */
#include "unpriv.h"

    .option norvc
    TEST_BEGIN

    /* ---- lui ---- */
    TEST_CASE(1, a0, 0, li a0, -1; lui a0, 0)
    TEST_CASE(2, a0, -0x1000, lui a0, 0xfffff)
    TEST_CASE(3, a0, 0x7ffff000, lui a0, 0x7ffff)
    TEST_CASE(4, a0, -0x80000000, lui a0, 0x80000)
    TEST_CASE(5, a0, 0x12345000, lui a0, 0x12345)
    TEST_CASE(6, a0, 0x12345678, lui a0, 0x12345; addi a0, a0, 0x678)
    TEST_CASE(7, a0, 0x12344fff, lui a0, 0x12345; addi a0, a0, -1)
    /* arithmetic shift back down shows the sign extension of bit 31 */
    TEST_CASE(8, a0, -0x80000, lui a0, 0x80000; srai a0, a0, 12)
    TEST_CASE(9, a0, 0x7ff, lui a0, 0x7ff; srli a0, a0, 12)
    TEST_CASE(10, a0, -1, lui a0, 0xfffff; srai a0, a0, 12)
    TEST_CASE(11, x0, 0, lui x0, 0x12345)
    TEST_CASE(12, a1, 0x5a5, li a1, 0x5a5; lui x0, 0x80000)

    /* ---- auipc: a1 = its address, taken from jal's link value ---- */
    TEST_CASE(13, a2, 0, jal a1, 1f; 1: auipc a0, 0; sub a2, a0, a1)
    TEST_CASE(14, a2, 0x1000, jal a1, 1f; 1: auipc a0, 1; sub a2, a0, a1)
    TEST_CASE(15, a2, -0x1000, jal a1, 1f; 1: auipc a0, 0xfffff; sub a2, a0, a1)
    TEST_CASE(16, a2, 0x7ffff000, jal a1, 1f; 1: auipc a0, 0x7ffff; sub a2, a0, a1)
    TEST_CASE(17, a2, -0x80000000, jal a1, 1f; 1: auipc a0, 0x80000; sub a2, a0, a1)
    /* pc + sext(0x80000000): RAM is at 0x80000000, so the sum is small
     * and positive on both XLENs (no carry into bit 32 on RV64) */
    TEST_CASE(18, a2, 0, jal a1, 1f; 1: auipc a0, 0x80000; srli a2, a0, 20)
    /* auipc + addi reaches a label (the pair la expands to) */
    TEST_CASE(19, a2, 0, jal a1, 1f; 1: auipc a0, %pcrel_hi(1b); addi a0, a0, %pcrel_lo(1b); sub a2, a0, a1)
    TEST_CASE(20, a2, 8, jal a1, 1f; 1: auipc a0, 0; nop; auipc a2, 0; sub a2, a2, a0)
    TEST_CASE(21, x0, 0, auipc x0, 0x12345)

    TEST_END
