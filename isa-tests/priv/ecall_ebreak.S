/*
 * ecall from U, S and M mode raises causes 8, 9 and 11 with mepc = the
 * ecall; ebreak and c.ebreak raise breakpoint (cause 3) with mepc = the
 * instruction (mtval is not checked: zero and the pc are both allowed).
 * The trap switches to M mode and mret returns to the mode in MPP.
 */
#include "priv.h"

TEST_BEGIN
    PRIV_SETUP

    /* ecall from each mode: priv_trap records cause and epc in s7/s8. */
    TRAP_CLEAR
    la T_ERESUME, 1f
    GOTO_MODE(PRV_U, 2f)
2:  ecall
1:  CHECK(1, T_ECAUSE, CAUSE_ECALL_U)
    la t5, 2b
    CHECK_REGS(2, T_EEPC, t5)
    csrr a0, mcause
    CHECK(4, a0, CAUSE_ECALL_U)
    csrr a0, mtval
    CHECK(5, a0, 0)

    TRAP_CLEAR
    la T_ERESUME, 1f
    GOTO_MODE(PRV_S, 2f)
2:  ecall
1:  CHECK(6, T_ECAUSE, CAUSE_ECALL_S)
    la t5, 2b
    CHECK_REGS(7, T_EEPC, t5)
    csrr a0, mtval
    CHECK(8, a0, 0)

    TRAP_CLEAR
    la T_ERESUME, 1f
2:  ecall
1:  CHECK(9, T_ECAUSE, CAUSE_ECALL_M)
    la t5, 2b
    CHECK_REGS(10, T_EEPC, t5)
    CHECK(11, T_COUNT, 0)

    /* The trap saved the previous mode in MPP (mstatus read after an ecall
     * from S: MPP = S; priv_trap sets MPP to M only when resuming). */
    TRAP_CLEAR
    li T_ERESUME, 0
    la t0, ecall_probe
    csrw mtvec, t0
    GOTO_MODE(PRV_S, 2f)
2:  ecall
    .align 2
ecall_probe:
    csrr a0, mstatus
    li t0, MSTATUS_MPP
    and a0, a0, t0
    CHECK(12, a0, MSTATUS_MPP_S)
    csrr a0, mcause
    CHECK(13, a0, CAUSE_ECALL_S)
    SET_TRAP_HANDLER(priv_trap)

    /* ebreak and c.ebreak in every mode. */
    .option push
    .option norvc
    EXPECT_TRAP(20, PRV_M, CAUSE_BREAKPOINT, ebreak)
    EXPECT_TRAP(21, PRV_S, CAUSE_BREAKPOINT, ebreak)
    EXPECT_TRAP(22, PRV_U, CAUSE_BREAKPOINT, ebreak)
    .option pop
    /* c.ebreak is 16 bits long: the handler resumes 2 bytes later, so
     * the ecall that follows is what brings us back. */
    EXPECT_TRAP(23, PRV_M, CAUSE_BREAKPOINT, c.ebreak)
    EXPECT_TRAP(24, PRV_S, CAUSE_BREAKPOINT, c.ebreak)
    EXPECT_TRAP(25, PRV_U, CAUSE_BREAKPOINT, c.ebreak)
    csrr a0, mcause
    CHECK(26, a0, CAUSE_ECALL_U)

    /* mepc of a c.ebreak at a 2-byte (not 4-byte) aligned address. */
    TRAP_CLEAR
    .align 2
    c.nop
3:  c.ebreak
    CHECK(27, T_COUNT, 1)
    CHECK_TRAP_AT(28, CAUSE_BREAKPOINT, 3b)

    TEST_PASS

    PRIV_HANDLERS
TEST_END
