/*
 * Debug triggers seen from M mode (debug spec 0.13/1.0, Sdtrig): tselect
 * and tdata1 exist. Our emulator has no triggers: tselect reads 0 and
 * tdata1 reads 0 (type 0: no trigger at this index). Where tselect 0 is an
 * address/data match trigger (type 2, as in QEMU), the test also checks
 * that an execute, load and store breakpoint each raise a breakpoint
 * exception (cause 3) with mepc = the instruction, before it runs.
 * The trigger CSRs are M-mode only (numbers 0x7a0-0x7a3).
 */
#include "priv.h"

#define TYPE_SHIFT (XLEN - 4)
#define MC_M 0x40
#define MC_U 0x08
#define MC_EXEC 0x04
#define MC_STORE 0x02
#define MC_LOAD 0x01
#define MCONTROL (2 << TYPE_SHIFT)

TEST_BEGIN
    PRIV_SETUP

    EXPECT_OK(1, PRV_M, csrw tselect, zero; csrr a0, tselect;
              csrr a1, tdata1)
    CHECK(2, a0, 0)
    srli a2, a1, TYPE_SHIFT
    bnez a2, have_trigger
    CHECK(3, a1, 0)            /* type 0: the whole register reads 0 */
    j common

have_trigger:
    li TESTNUM, 4
    li t0, 2
    bne a2, t0, common         /* only mcontrol is exercised */

    /* Execute breakpoint in M mode. */
    la a3, 1f
    csrw tdata1, zero
    csrw tdata2, a3
    li t0, MCONTROL | MC_M | MC_EXEC
    csrw tdata1, t0
    TRAP_CLEAR
    li a0, 0
1:  li a0, 1                   /* does not run */
    csrw tdata1, zero
    CHECK(10, T_COUNT, 1)
    CHECK_TRAP_AT(11, CAUSE_BREAKPOINT, 1b)
    CHECK(12, a0, 0)

    /* Load and store breakpoints. */
    la a3, data
    csrw tdata2, a3
    li t0, MCONTROL | MC_M | MC_LOAD
    csrw tdata1, t0
    TRAP_CLEAR
    li a0, 5
1:  lw a0, 0(a3)
    csrw tdata1, zero
    CHECK(13, T_COUNT, 1)
    CHECK_TRAP_AT(14, CAUSE_BREAKPOINT, 1b)
    CHECK(15, a0, 5)
    li t0, MCONTROL | MC_M | MC_STORE
    csrw tdata1, t0
    TRAP_CLEAR
    li a0, 9
1:  sw a0, 0(a3)
    csrw tdata1, zero
    CHECK(16, T_COUNT, 1)
    CHECK_TRAP_AT(17, CAUSE_BREAKPOINT, 1b)
    lw a0, 0(a3)
    CHECK(18, a0, 0x1234)      /* the store did not happen */

    /* A trigger for U mode only does not fire in M. */
    li t0, MCONTROL | MC_U | MC_LOAD
    csrw tdata1, t0
    TRAP_CLEAR
    lw a0, 0(a3)
    CHECK(19, T_COUNT, 0)
    EXPECT_TRAP(20, PRV_U, CAUSE_BREAKPOINT, lw a0, 0(a3))
    csrw tdata1, zero

common:
    /* M-mode only. */
    EXPECT_ILLEGAL(30, PRV_S, csrr a0, tselect)
    EXPECT_ILLEGAL(31, PRV_U, csrr a0, tdata1)
    EXPECT_ILLEGAL(32, PRV_S, csrw tdata1, zero)

    TEST_PASS

    PRIV_HANDLERS
TEST_END

    .data
    .align 3
data:
    .word 0x1234, 0
