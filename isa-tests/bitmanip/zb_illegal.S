/*
 * Without Zba, Zbb, Zbs, Zbc and Zicond in the ISA string (run with
 * --isa=rv<XLEN>imac), every one of their instructions raises illegal
 * instruction (cause 2) in place: mepc = the instruction, mtval = its
 * bits, rd unchanged. RV64 also covers the forms that exist only there.
 *
 * QEMU deviation (under -DQEMU): QEMU 7.2 CPUs implement Zba, Zbb, Zbc and
 * Zbs by default and run-qemu does not turn them off, so only the Zicond
 * checks (QEMU 7.2 has no Zicond) run there. Built without -DQEMU, the
 * whole test passes under qemu-system-riscv32/64 -M spike -cpu
 * rv32/rv64,zba=false,zbb=false,zbc=false,zbs=false.
 */
#include "../priv/priv.h"

/* Check number n: insn (labelled 90) traps as illegal in M mode with
 * mtval = its bits, a0 (its rd) keeps its value, and execution resumes
 * right after it. */
#define ILLEGAL(n, insn...)                                                 \
    TRAP_CLEAR;                                                             \
    li a0, 0x5a5;                                                           \
90: insn;                                                                   \
    CHECK(n, T_COUNT, 1);                                                   \
    CHECK_TRAP_AT(n, CAUSE_ILLEGAL, 90b);                                   \
    CHECK_TVAL_INSN(n, 90b);                                                \
    CHECK(n, a0, 0x5a5)

    .option norvc
TEST_BEGIN
    PRIV_SETUP
    li a1, 3
    li a2, 1

#ifndef QEMU
    /* Zba */
    ILLEGAL(1, sh1add a0, a1, a2)
    ILLEGAL(2, sh2add a0, a1, a2)
    ILLEGAL(3, sh3add a0, a1, a2)
#if XLEN == 64
    ILLEGAL(4, add.uw a0, a1, a2)
    ILLEGAL(5, zext.w a0, a1)
    ILLEGAL(6, sh1add.uw a0, a1, a2)
    ILLEGAL(7, sh2add.uw a0, a1, a2)
    ILLEGAL(8, sh3add.uw a0, a1, a2)
    ILLEGAL(9, slli.uw a0, a1, 0)
    ILLEGAL(10, slli.uw a0, a1, 63)
#endif

    /* Zbb */
    ILLEGAL(20, andn a0, a1, a2)
    ILLEGAL(21, orn a0, a1, a2)
    ILLEGAL(22, xnor a0, a1, a2)
    ILLEGAL(23, clz a0, a1)
    ILLEGAL(24, ctz a0, a1)
    ILLEGAL(25, cpop a0, a1)
    ILLEGAL(26, min a0, a1, a2)
    ILLEGAL(27, minu a0, a1, a2)
    ILLEGAL(28, max a0, a1, a2)
    ILLEGAL(29, maxu a0, a1, a2)
    ILLEGAL(30, sext.b a0, a1)
    ILLEGAL(31, sext.h a0, a1)
    ILLEGAL(32, zext.h a0, a1)
    ILLEGAL(33, rol a0, a1, a2)
    ILLEGAL(34, ror a0, a1, a2)
    ILLEGAL(35, rori a0, a1, 0)
    ILLEGAL(36, rori a0, a1, 31)
    ILLEGAL(37, orc.b a0, a1)
    ILLEGAL(38, rev8 a0, a1)
#if XLEN == 64
    ILLEGAL(39, rori a0, a1, 63)
    ILLEGAL(40, clzw a0, a1)
    ILLEGAL(41, ctzw a0, a1)
    ILLEGAL(42, cpopw a0, a1)
    ILLEGAL(43, rolw a0, a1, a2)
    ILLEGAL(44, rorw a0, a1, a2)
    ILLEGAL(45, roriw a0, a1, 31)
#endif

    /* Zbs */
    ILLEGAL(50, bset a0, a1, a2)
    ILLEGAL(51, bclr a0, a1, a2)
    ILLEGAL(52, binv a0, a1, a2)
    ILLEGAL(53, bext a0, a1, a2)
    ILLEGAL(54, bseti a0, a1, 0)
    ILLEGAL(55, bclri a0, a1, 31)
    ILLEGAL(56, binvi a0, a1, 5)
    ILLEGAL(57, bexti a0, a1, 31)
#if XLEN == 64
    ILLEGAL(58, bseti a0, a1, 63)
    ILLEGAL(59, bexti a0, a1, 32)
#endif

    /* Zbc */
    ILLEGAL(60, clmul a0, a1, a2)
    ILLEGAL(61, clmulh a0, a1, a2)
    ILLEGAL(62, clmulr a0, a1, a2)
#endif /* QEMU */

    /* Zicond: czero.eqz, czero.nez */
    ILLEGAL(70, .insn r OP, 5, 7, a0, a1, a2)
    ILLEGAL(71, .insn r OP, 7, 7, a0, a1, a2)

    TEST_PASS

    PRIV_HANDLERS
TEST_END
