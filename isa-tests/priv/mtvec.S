/*
 * mtvec and stvec (privileged spec 1.12, 3.1.7 and 4.1.2): MODE 0 (direct)
 * sends every trap to BASE; MODE 1 (vectored) sends exceptions to BASE and
 * interrupts to BASE + 4 * cause. MODE is WARL: 2 and 3 are reserved and
 * never read back.
 */
#include "priv.h"

#define MODE_VECTORED 1

TEST_BEGIN
    PRIV_SETUP
    TIMER_OFF

    /* Direct mode: what PRIV_SETUP installed, read back as written. */
    la t0, priv_trap
    csrr a0, mtvec
    CHECK_REGS(1, a0, t0)
    EXPECT_ILLEGAL(2, PRV_M, csrw mhartid, zero)

    /* MODE 2 and 3 are not kept. */
    la t1, mvec_table
    ori t0, t1, 2
    csrw mtvec, t0
    csrr a0, mtvec
    andi a0, a0, 3
    li t2, 2
    li TESTNUM, 3
    bgeu a0, t2, fail
    ori t0, t1, 3
    csrw mtvec, t0
    csrr a0, mtvec
    andi a0, a0, 3
    li TESTNUM, 4
    bgeu a0, t2, fail

    /* Vectored mode is kept. */
    ori t0, t1, MODE_VECTORED
    csrw mtvec, t0
    csrr a0, mtvec
    CHECK_REGS(5, a0, t0)

    /* Exceptions go to BASE, ecall included (not BASE + 4 * 11). */
    li a7, -1
    .option push
    .option norvc
1:  csrw mhartid, zero
    .option pop
    CHECK(6, a7, 0)
    CHECK(7, a6, CAUSE_ILLEGAL)
    la t0, 1b
    CHECK_REGS(8, a5, t0)
    li a7, -1
    ecall
    CHECK(9, a7, 0)
    CHECK(10, a6, CAUSE_ECALL_M)

    /* Machine software interrupt: BASE + 12. */
    li a7, 0
    MSIP_SET
    li t0, MIP_MSIP
    csrw mie, t0
    csrsi mstatus, MSTATUS_MIE
    WAIT_NONZERO(a7)
    csrci mstatus, MSTATUS_MIE
    CHECK(11, a7, IRQ_MSI)
    CHECK(12, a6, INTBIT | IRQ_MSI)

    /* Machine timer interrupt: BASE + 28. */
    li a7, 0
    TIMER_IN(20)
    li t0, MIP_MTIP
    csrw mie, t0
    csrsi mstatus, MSTATUS_MIE
    WAIT_NONZERO(a7)
    csrci mstatus, MSTATUS_MIE
    CHECK(13, a7, IRQ_MTI)
    CHECK(14, a6, INTBIT | IRQ_MTI)

    /* Supervisor software interrupt, not delegated: taken in M at
     * BASE + 4. */
    li a7, -1
    csrsi mip, MIP_SSIP
    csrsi mie, MIP_SSIP
    csrsi mstatus, MSTATUS_MIE
    nop
    nop
    csrci mstatus, MSTATUS_MIE
    CHECK(15, a7, IRQ_SSI)
    CHECK(16, a6, INTBIT | IRQ_SSI)

    /* stvec vectored: a delegated SSI from U mode goes to BASE + 4, a
     * delegated breakpoint to BASE. */
    la t0, svec_table
    ori t0, t0, MODE_VECTORED
    csrw stvec, t0
    csrr a0, stvec
    CHECK_REGS(20, a0, t0)
    li t0, MIP_SSIP
    csrw mideleg, t0
    li t0, 1 << CAUSE_BREAKPOINT
    csrw medeleg, t0
    la t0, priv_trap
    csrw mtvec, t0
    li a7, -1
    TRAP_CLEAR
    IN_MODE(PRV_U, .option push; .option norvc; ebreak; .option pop)
    CHECK(21, a7, 0)
    CHECK(22, a6, CAUSE_BREAKPOINT)
    CHECK(23, T_COUNT, 0)
    li a7, -1
    csrsi sie, MIP_SSIP
    csrsi mip, MIP_SSIP
    IN_MODE(PRV_U, nop; nop)
    CHECK(24, a7, IRQ_SSI)
    CHECK(25, a6, INTBIT | IRQ_SSI)

    TEST_PASS
fail:
    TEST_FAIL

/* Vector tables: entry i jumps to a stub that sets a7 = i, a6 = the cause,
 * a5 = the epc, then steps over 4-byte exceptions or silences the
 * interrupt sources before returning. */
    .option push
    .option norvc
    .align 8
mvec_table:
    j mv0; j mv1; j mbad; j mv3; j mbad; j mbad; j mbad; j mv7
    j mbad; j mbad; j mbad; j mbad; j mbad; j mbad; j mbad; j mbad
mv0: li a7, 0; j mcommon
mv1: li a7, 1; j mcommon
mv3: li a7, 3; j mcommon
mv7: li a7, 7; j mcommon
mbad: li a7, 99; j mcommon
mcommon:
    csrr a6, mcause
    csrr a5, mepc
    bltz a6, 1f
    addi a4, a5, 4
    csrw mepc, a4
    mret
1:  csrw mie, zero
    li a4, CLINT_MSIP
    sw zero, 0(a4)
    li a4, CLINT_MTIMECMP
    li a3, -1
    sw a3, 4(a4)
    sw a3, 0(a4)
    csrci mip, MIP_SSIP
    mret

    .align 8
svec_table:
    j sv0; j sv1; j sbad; j sbad; j sbad; j sbad; j sbad; j sbad
    j sbad; j sbad; j sbad; j sbad; j sbad; j sbad; j sbad; j sbad
sv0: li a7, 0; j scommon
sv1: li a7, 1; j scommon
sbad: li a7, 99; j scommon
scommon:
    csrr a6, scause
    csrr a5, sepc
    bltz a6, 1f
    addi a4, a5, 4
    csrw sepc, a4
    sret
1:  csrw sie, zero
    csrci sip, MIP_SSIP
    sret
    .option pop

    PRIV_HANDLERS
TEST_END
