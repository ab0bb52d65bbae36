/*
 * mret and sret (privileged spec 1.12, 3.1.6.1 and 3.3.2): xRET with
 * y = xPP sets xIE = xPIE, xPIE = 1, xPP = U (the least-privileged mode
 * implemented), changes privilege to y, and clears MPRV when y != M.
 * mret is illegal below M, sret illegal in U. mepc/sepc bit 0 always reads
 * zero (bit 1 is writable with C).
 *
 * QEMU deviations (skipped under -DQEMU): QEMU 7.2 keeps mepc bit 0 as
 * written and mret jumps to the odd address (check 3; the spec: "mepc[0] is
 * always zero"; the same for mepc and sepc read back, checks 30-33); it does not clear MPRV on an mret/sret to a mode below M
 * (checks 8, 9; spec 1.12, 3.1.6.3: "If y != M, xRET also sets MPRV=0").
 */
#include "priv.h"

#define FIELDS (MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_SIE | \
                MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_MPRV)

/* mstatus = (mstatus & ~FIELDS) | bits. Clobbers t0. */
#define SET_FIELDS(bits)                                                    \
    li t0, FIELDS;                                                          \
    csrc mstatus, t0;                                                       \
    li t0, bits;                                                            \
    csrs mstatus, t0

/* reg = mstatus & FIELDS. */
#define GET_FIELDS(reg)                                                     \
    csrr reg, mstatus;                                                      \
    li t0, FIELDS;                                                          \
    and reg, reg, t0

TEST_BEGIN
    PRIV_SETUP

    /* mret from M to M: MIE = MPIE (1), MPIE = 1, MPP = U. */
    SET_FIELDS(MSTATUS_MPIE | MSTATUS_MPP)
    la t0, 1f
    csrw mepc, t0
    mret
1:  GET_FIELDS(a0)
    CHECK(1, a0, MSTATUS_MIE | MSTATUS_MPIE)

    /* MIE = MPIE (0), MPIE = 1; MPRV stays set when returning to M. */
    SET_FIELDS(MSTATUS_MIE | MSTATUS_MPP | MSTATUS_MPRV)
    la t0, 1f
    csrw mepc, t0
    mret
1:  GET_FIELDS(a0)
    CHECK(2, a0, MSTATUS_MPIE | MSTATUS_MPRV)

#ifndef QEMU
    /* The target's bit 0 is ignored (mepc bit 0 reads zero). */
    SET_FIELDS(MSTATUS_MPP)
    la t0, 1f
    addi t0, t0, 1
    csrw mepc, t0
    mret
    j fail
    .align 2
1:  CHECK(3, T_COUNT, 0)
#endif

    /* mret to S and to U: the ecall that follows shows the mode (priv_trap
     * then returns to M with MIE = 0, MPIE = 1, MPP = U). */
    SET_FIELDS(MSTATUS_MPIE | MSTATUS_MPP_S)
    TRAP_CLEAR
    la T_ERESUME, 1f
    la t0, 2f
    csrw mepc, t0
    mret
2:  ecall
1:  CHECK(4, T_ECAUSE, CAUSE_ECALL_S)
    GET_FIELDS(a0)
    CHECK(5, a0, MSTATUS_MPIE)

    SET_FIELDS(0)                               /* MPP = U, MPIE = 0 */
    TRAP_CLEAR
    la T_ERESUME, 1f
    la t0, 2f
    csrw mepc, t0
    mret
2:  ecall
1:  CHECK(6, T_ECAUSE, CAUSE_ECALL_U)
    GET_FIELDS(a0)
    CHECK(7, a0, MSTATUS_MPIE)

    /* sret executed in M: to S with SIE = SPIE (1), SPIE = 1, SPP = U. */
    SET_FIELDS(MSTATUS_SPP | MSTATUS_SPIE)
    TRAP_CLEAR
    la T_ERESUME, 1f
    la t0, 2f
    csrw sepc, t0
    sret
2:  csrr a1, sstatus
    ecall
1:  CHECK(10, T_ECAUSE, CAUSE_ECALL_S)
    andi a1, a1, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP
    CHECK(11, a1, MSTATUS_SIE | MSTATUS_SPIE)

    /* sret to U: SIE = SPIE (0), SPIE = 1. */
    SET_FIELDS(MSTATUS_SIE)
    TRAP_CLEAR
    la T_ERESUME, 1f
    la t0, 2f
    csrw sepc, t0
    sret
2:  ecall
1:  CHECK(12, T_ECAUSE, CAUSE_ECALL_U)
    GET_FIELDS(a0)
    CHECK(13, a0, MSTATUS_SPIE | MSTATUS_MPIE)

#ifndef QEMU
    /* MPRV is cleared by an mret to S and by an sret to U. */
    SET_FIELDS(MSTATUS_MPP_S | MSTATUS_MPRV)
    TRAP_CLEAR
    la T_ERESUME, 1f
    la t0, 2f
    csrw mepc, t0
    mret
2:  ecall
1:  CHECK(8, T_ECAUSE, CAUSE_ECALL_S)
    csrr a0, mstatus
    li t0, MSTATUS_MPRV
    and a0, a0, t0
    CHECK(8, a0, 0)
    SET_FIELDS(MSTATUS_MPRV)
    TRAP_CLEAR
    la T_ERESUME, 1f
    la t0, 2f
    csrw sepc, t0
    sret
2:  ecall
1:  CHECK(9, T_ECAUSE, CAUSE_ECALL_U)
    csrr a0, mstatus
    li t0, MSTATUS_MPRV
    and a0, a0, t0
    CHECK(9, a0, 0)
#endif

    /* sret executed in S mode, back to S (SPP = S) and to U. */
    SET_FIELDS(0)
    TRAP_CLEAR
    la T_ERESUME, 1f
    GOTO_MODE(PRV_S, 2f)
2:  la t0, 3f
    csrw sepc, t0
    li t0, MSTATUS_SPP | MSTATUS_SIE
    csrs sstatus, t0           /* SPP = S, SIE = 1, SPIE = 0 */
    sret
3:  csrr a1, sstatus
    ecall
1:  CHECK(14, T_ECAUSE, CAUSE_ECALL_S)
    CHECK(15, T_COUNT, 0)
    andi a1, a1, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP
    CHECK(16, a1, MSTATUS_SPIE)

    SET_FIELDS(0)
    TRAP_CLEAR
    la T_ERESUME, 1f
    GOTO_MODE(PRV_S, 2f)
2:  la t0, 3f
    csrw sepc, t0
    sret                       /* SPP = U */
3:  ecall
1:  CHECK(17, T_ECAUSE, CAUSE_ECALL_U)
    CHECK(18, T_COUNT, 0)

    /* xRET where it is not allowed. */
    EXPECT_ILLEGAL(20, PRV_U, sret)
    EXPECT_ILLEGAL(21, PRV_U, mret)
    EXPECT_ILLEGAL(22, PRV_S, mret)

#ifndef QEMU
    /* mepc and sepc: bit 0 reads zero, bit 1 is kept (IALIGN = 16). */
    li a0, 0x80000003
    csrw mepc, a0
    csrr a1, mepc
    CHECK(30, a1, 0x80000002)
    csrw sepc, a0
    csrr a1, sepc
    CHECK(31, a1, 0x80000002)
    li a0, 0x80001001
    csrw mepc, a0
    csrr a1, mepc
    CHECK(32, a1, 0x80001000)
    csrw sepc, a0
    csrr a1, sepc
    CHECK(33, a1, 0x80001000)
#endif

    TEST_PASS
fail:
    TEST_FAIL

    PRIV_HANDLERS
TEST_END
