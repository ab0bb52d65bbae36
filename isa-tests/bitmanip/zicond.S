/*
 * Zicond 1.0: czero.eqz rd, rs1, rs2 gives 0 if rs2 == 0, else rs1;
 * czero.nez gives 0 if rs2 != 0, else rs1. rs2 is tested as a whole
 * register (on RV64 a value with only upper bits set is non-zero).
 * binutils 2.40 predates Zicond, so the instructions are written with
 * .insn (OP, funct7 0x07, funct3 5 / 7).
 *
 * QEMU deviation (under -DQEMU): QEMU 7.2 does not implement Zicond (it
 * came in QEMU 8.x), so czero.* raise illegal instruction there; the
 * checks are skipped and the program only passes.
 *
 * Every check runs on RV32 and RV64 unless it sits in an XLEN block; a
 * check whose result differs by XLEN has one number and a value per XLEN.
 * Expected values come from the specification's pseudo-code. For each
 * instruction: corner values, then the register variants (rd equal to a
 * source, x0 as a source, x0 as the destination; see unpriv.h).
 */
#include "../unpriv/unpriv.h"

    .macro czero_eqz rd, rs1, rs2
    .insn r OP, 5, 7, \rd, \rs1, \rs2
    .endm
    .macro czero_nez rd, rs1, rs2
    .insn r OP, 7, 7, \rd, \rs1, \rs2
    .endm

    TEST_BEGIN
#ifndef QEMU
    /* ---- czero.eqz: 0 if rs2 == 0, else rs1 ---- */
    TEST_RR(1, czero_eqz, 0, 5, 0)
    TEST_RR(2, czero_eqz, 5, 5, 1)
    TEST_RR(3, czero_eqz, 5, 5, -0x80000000)
    TEST_RR(4, czero_eqz, -1, -1, -1)
    TEST_RR(5, czero_eqz, 0, 0, 7)
    TEST_RR(6, czero_eqz, -3, -3, 2)
#if XLEN == 64
    TEST_RR(7, czero_eqz, 5, 5, 0x100000000)
    TEST_RR(8, czero_eqz, 5, 5, -0x8000000000000000)
    TEST_RR(9, czero_eqz, 0, -0x8000000000000000, 0)
#endif
    TEST_RR_S1D(10, czero_eqz, 9, 9, 4)
    TEST_RR_S2D(11, czero_eqz, 9, 9, 4)
    TEST_RR_SSD(12, czero_eqz, 9, 9)
    TEST_RR_Z1(13, czero_eqz, 0, 4)
    TEST_RR_Z2(14, czero_eqz, 0, 9)
    TEST_RR_ZZ(15, czero_eqz, 0)
    TEST_RR_ZD(16, czero_eqz, 9, 4)

    /* ---- czero.nez: 0 if rs2 != 0, else rs1 ---- */
    TEST_RR(17, czero_nez, 5, 5, 0)
    TEST_RR(18, czero_nez, 0, 5, 1)
    TEST_RR(19, czero_nez, 0, 5, -0x80000000)
    TEST_RR(20, czero_nez, 0, -1, -1)
    TEST_RR(21, czero_nez, 0, 0, 7)
    TEST_RR(22, czero_nez, 0, -3, 2)
#if XLEN == 64
    TEST_RR(23, czero_nez, 0, 5, 0x100000000)
    TEST_RR(24, czero_nez, 0, 5, -0x8000000000000000)
    TEST_RR(25, czero_nez, -0x8000000000000000, -0x8000000000000000, 0)
#endif
    TEST_RR_S1D(26, czero_nez, 0, 9, 4)
    TEST_RR_S2D(27, czero_nez, 0, 9, 4)
    TEST_RR_SSD(28, czero_nez, 0, 9)
    TEST_RR_Z1(29, czero_nez, 0, 4)
    TEST_RR_Z2(30, czero_nez, 9, 9)
    TEST_RR_ZZ(31, czero_nez, 0)
    TEST_RR_ZD(32, czero_nez, 9, 4)
#endif

    TEST_END
