/*
 * Register-immediate integer operations of RV32I / RV64I:
 * addi, slti, sltiu, xori, ori, andi (shifts are in shifts.S).
 * Covers 12-bit immediate limits and sign extension, signed vs unsigned
 * comparison, wrap-around, x0 as source and destination, rd == rs1.
 */
#include "unpriv.h"

    .option norvc
    TEST_BEGIN

    /* ---- addi ---- */
    TEST_RI(1, addi, 0, 0, 0)
    TEST_RI(2, addi, 2, 1, 1)
    TEST_RI(3, addi, 10, 3, 7)
    TEST_RI(4, addi, -2048, 0, -2048)
    TEST_RI(5, addi, 2047, 0, 2047)
    TEST_RI(6, addi, 0, -1, 1)
    TEST_RI(7, addi, 0x12345000, 0x12345678, -0x678)
    TEST_RI(8, addi, -2, -1, -1)
#if XLEN == 64
    TEST_RI(9, addi, 0x80000000, 0x7fffffff, 1)
    TEST_RI(10, addi, -0x80000001, -0x80000000, -1)
    TEST_RI(11, addi, 0x8000000000000000, 0x7fffffffffffffff, 1)
    TEST_RI(12, addi, 0x7fffffffffffffff, 0x8000000000000000, -1)
#else
    TEST_RI(13, addi, 0x80000000, 0x7fffffff, 1)
    TEST_RI(14, addi, 0x7fffffff, 0x80000000, -1)
#endif
    TEST_RI_SD(15, addi, 24, 13, 11)
    TEST_RI_Z(16, addi, 32, 32)
    TEST_RI_Z(17, addi, -1, -1)
    TEST_RI_ZD(18, addi, 5, 7)

    /* ---- slti (signed) ---- */
    TEST_RI(19, slti, 0, 0, 0)
    TEST_RI(20, slti, 0, 1, 1)
    TEST_RI(21, slti, 1, 3, 7)
    TEST_RI(22, slti, 0, 7, 3)
    TEST_RI(23, slti, 1, -1, 0)
    TEST_RI(24, slti, 0, 0, -1)
    TEST_RI(25, slti, 1, -0x80000000, 0)
    TEST_RI(26, slti, 0, 0x7fffffff, -2048)
    TEST_RI(27, slti, 1, -2048, -2047)
    TEST_RI(28, slti, 0, 0x800, 2047)
    TEST_RI(29, slti, 1, 2046, 2047)
#if XLEN == 64
    TEST_RI(30, slti, 1, 0x8000000000000000, 0)
    TEST_RI(31, slti, 0, 0x80000000, 0)
#endif
    TEST_RI_SD(32, slti, 1, -13, -11)
    TEST_RI_Z(33, slti, 1, 1)
    TEST_RI_Z(34, slti, 0, -1)
    TEST_RI_ZD(35, slti, -5, 7)

    /* ---- sltiu (unsigned; the immediate is sign-extended first) ---- */
    TEST_RI(36, sltiu, 0, 0, 0)
    TEST_RI(37, sltiu, 0, 1, 1)
    TEST_RI(38, sltiu, 1, 3, 7)
    TEST_RI(39, sltiu, 0, 7, 3)
    TEST_RI(40, sltiu, 1, 0, -2048)
    TEST_RI(41, sltiu, 0, -1, -2048)
    TEST_RI(42, sltiu, 1, -2049, -2048)
    TEST_RI(43, sltiu, 0, -1, -1)
    TEST_RI(44, sltiu, 1, -2, -1)
    TEST_RI(45, sltiu, 0, -0x80000000, 0x7ff)
    TEST_RI(46, sltiu, 1, 0, 1)
    TEST_RI(47, sltiu, 0, 5, 1)
    TEST_RI_SD(48, sltiu, 1, 11, 13)
    TEST_RI_Z(49, sltiu, 1, 1)
    TEST_RI_Z(50, sltiu, 0, 0)
    TEST_RI_ZD(51, sltiu, 1, 7)

    /* ---- xori ---- */
    TEST_RI(52, xori, -0x00ff0f10, 0x00ff0f00, -0x10)
    TEST_RI(53, xori, 0x0ff00f00, 0x0ff00ff0, 0x0f0)
    TEST_RI(54, xori, 0x00ff0ff0, 0x00ff08ff, 0x70f)
    TEST_RI(55, xori, -0x0ff00f01, -0x0ff00ff1, 0x0f0)
    TEST_RI(56, xori, -0x12345679, 0x12345678, -1)
    TEST_RI_SD(57, xori, 0x12345187, 0x12345678, 0x7ff)
    TEST_RI_Z(58, xori, 0x7ff, 0x7ff)
    TEST_RI_ZD(59, xori, 0x1234, 0x567)

    /* ---- ori ---- */
    TEST_RI(60, ori, -0xf1, -0x00ff0100, -0xf1)
    TEST_RI(61, ori, 0x0ff00ff0, 0x0ff00ff0, 0x0f0)
    TEST_RI(62, ori, 0x00ff07ff, 0x00ff00ff, 0x70f)
    TEST_RI(63, ori, -0x800, 0x12340000, -0x800)
    TEST_RI_SD(64, ori, 0x12340005, 0x12340000, 5)
    TEST_RI_Z(65, ori, -1, -1)
    TEST_RI_ZD(66, ori, 0x1234, 0x567)

    /* ---- andi ---- */
    TEST_RI(67, andi, 0x00ff0000, 0x00ff00f0, -0xf1)
    TEST_RI(68, andi, 0x0f0, 0x0ff00ff0, 0x0f0)
    TEST_RI(69, andi, 0x00f, 0x00ff00ff, 0x70f)
    TEST_RI(70, andi, -0x0ff01000, -0x0ff00ff1, -0x10)
    TEST_RI(71, andi, 0x12345678, 0x12345678, -1)
#if XLEN == 64
    TEST_RI(72, andi, 0x8000000000000800, 0x8000000000000fff, -0x800)
#endif
    TEST_RI_SD(73, andi, 0x8, 0x12345678, 0xf)
    TEST_RI_Z(74, andi, 0, -1)
    TEST_RI_ZD(75, andi, -1, -1)

    TEST_END
