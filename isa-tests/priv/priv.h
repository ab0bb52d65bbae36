/*
 * Helpers for the privileged-architecture tests (RISC-V privileged spec
 * 1.12, machine, supervisor and user modes), on top of ../common/harness.h.
 *
 * Register conventions of the recording trap handlers below (tests keep
 * their own data in a0-a7, t0-t5, s0, s1 and s9; t6 belongs to CHECK):
 *   s2  cause of the last trap (ecalls handled by priv_trap excepted)
 *   s3  epc of that trap
 *   s4  tval of that trap
 *   s5  number of traps recorded (ecalls handled by priv_trap excepted)
 *   s6  privilege level of the handler that recorded the last trap:
 *       3 = M, 1 = S
 *   s7  cause of the last ecall seen by priv_trap (8, 9 or 11)
 *   s8  epc of that ecall
 *   s10 fault resume: when non-zero, the next recorded exception returns
 *       there (same privilege) instead of skipping the faulting
 *       instruction; it is then cleared. Needed for fetch faults.
 *   s11 ecall resume: when non-zero, an ecall reaching priv_trap returns
 *       to M mode at that address (then cleared), with mstatus.MIE = 0
 *       (and MPIE = 1, MPP = U after the mret); when zero, the ecall goes
 *       to harness_trap, which ends the test with status a0.
 *
 * priv_trap (M mode) and priv_strap (S mode) skip the faulting instruction
 * (2 or 4 bytes, read from the epc) unless s10 says otherwise. On an
 * interrupt they record it, clear mie (sie for priv_strap) so that it does
 * not fire again, and return to the interrupted instruction.
 */
#ifndef ISA_TESTS_PRIV_H
#define ISA_TESTS_PRIV_H

#include "harness.h"

#define PRV_U 0
#define PRV_S 1
#define PRV_M 3

#define MSTATUS_SIE   0x00000002
#define MSTATUS_MIE   0x00000008
#define MSTATUS_SPIE  0x00000020
#define MSTATUS_UBE   0x00000040
#define MSTATUS_MPIE  0x00000080
#define MSTATUS_SPP   0x00000100
#define MSTATUS_MPP   0x00001800
#define MSTATUS_MPP_S 0x00000800
#define MSTATUS_FS    0x00006000
#define MSTATUS_XS    0x00018000
#define MSTATUS_MPRV  0x00020000
#define MSTATUS_SUM   0x00040000
#define MSTATUS_MXR   0x00080000
#define MSTATUS_TVM   0x00100000
#define MSTATUS_TW    0x00200000
#define MSTATUS_TSR   0x00400000

#define IRQ_SSI 1
#define IRQ_MSI 3
#define IRQ_STI 5
#define IRQ_MTI 7
#define IRQ_SEI 9
#define IRQ_MEI 11
#define MIP_SSIP (1 << IRQ_SSI)
#define MIP_MSIP (1 << IRQ_MSI)
#define MIP_STIP (1 << IRQ_STI)
#define MIP_MTIP (1 << IRQ_MTI)
#define MIP_SEIP (1 << IRQ_SEI)
#define MIP_MEIP (1 << IRQ_MEI)

#define CAUSE_FETCH_MISALIGNED 0
#define CAUSE_FETCH_ACCESS     1
#define CAUSE_ILLEGAL          2
#define CAUSE_BREAKPOINT       3
#define CAUSE_LOAD_MISALIGNED  4
#define CAUSE_LOAD_ACCESS      5
#define CAUSE_STORE_MISALIGNED 6
#define CAUSE_STORE_ACCESS     7
#define CAUSE_ECALL_U          8
#define CAUSE_ECALL_S          9
#define CAUSE_ECALL_M          11

/* The interrupt bit of mcause/scause. */
#define INTBIT (1 << (XLEN - 1))

/* The CLINT of the test board. */
#define CLINT_MSIP     0x02000000
#define CLINT_MTIMECMP 0x02004000
#define CLINT_MTIME    0x0200BFF8

/* Handler registers (see above). */
#define T_CAUSE   s2
#define T_EPC     s3
#define T_TVAL    s4
#define T_COUNT   s5
#define T_LEVEL   s6
#define T_ECAUSE  s7
#define T_EEPC    s8
#define T_FRESUME s10
#define T_ERESUME s11

/* Forget every recorded trap. */
#define TRAP_CLEAR                                                          \
    li s2, 0; li s3, 0; li s4, 0; li s5, 0; li s6, 0; li s7, 0; li s8, 0;   \
    li s10, 0; li s11, 0

/* Continue at label in privilege mode `mode` (through mret, from M). */
#define GOTO_MODE(mode, label)                                              \
    li t0, MSTATUS_MPP;                                                     \
    csrc mstatus, t0;                                                       \
    li t0, ((mode) << 11);                                                  \
    csrs mstatus, t0;                                                       \
    la t0, label;                                                           \
    csrw mepc, t0;                                                          \
    mret

/* Run `code` in privilege mode `mode`, then come back to M mode right
 * after the block through an ecall (needs priv_trap as the M handler;
 * T_ECAUSE then holds 8 + mode). Uses local labels 96 and 97. */
#define IN_MODE(mode, code...)                                              \
    la T_ERESUME, 97f;                                                      \
    GOTO_MODE(mode, 96f);                                                   \
96: code;                                                                   \
    ecall;                                                                  \
97:

/* Check number n: an exception with this cause was recorded at the
 * instruction labelled `where` (tval not checked). Clobbers t5, t6. */
#define CHECK_TRAP_AT(n, cause, where)                                      \
    CHECK(n, T_CAUSE, cause);                                               \
    la t5, where;                                                           \
    CHECK_REGS(n, T_EPC, t5)

/* Check number n: the recorded tval holds the 32-bit instruction at
 * `where` (read as two halfwords: code is only 2-byte aligned).
 * Clobbers t4-t6. */
#define CHECK_TVAL_INSN(n, where)                                           \
    la t5, where;                                                           \
    lhu t4, 0(t5);                                                          \
    lhu t5, 2(t5);                                                          \
    slli t5, t5, 16;                                                        \
    or t5, t5, t4;                                                          \
    CHECK_REGS(n, T_TVAL, t5)

/* The same for a 16-bit (compressed) instruction. */
#define CHECK_TVAL_INSN16(n, where)                                         \
    la t5, where;                                                           \
    lhu t5, 0(t5);                                                          \
    CHECK_REGS(n, T_TVAL, t5)

/* Check number n: running `insn` in privilege mode `mode` raises exactly
 * one exception with the given cause, at insn (insn is labelled 90). */
#define EXPECT_TRAP(n, mode, cause, insn...)                                \
    TRAP_CLEAR;                                                             \
    IN_MODE(mode, 90: insn);                                                \
    CHECK(n, T_COUNT, 1);                                                   \
    CHECK_TRAP_AT(n, cause, 90b);                                           \
    CHECK(n, T_ECAUSE, 8 + mode)

/* Check number n: an illegal-instruction exception with tval = the
 * instruction bits. */
#define EXPECT_ILLEGAL(n, mode, insn...)                                    \
    EXPECT_TRAP(n, mode, CAUSE_ILLEGAL, insn);                              \
    CHECK_TVAL_INSN(n, 90b)

/* Check number n: running `code` in mode `mode` raises no exception. */
#define EXPECT_OK(n, mode, code...)                                         \
    TRAP_CLEAR;                                                             \
    IN_MODE(mode, code);                                                    \
    CHECK(n, T_COUNT, 0);                                                   \
    CHECK(n, T_ECAUSE, 8 + mode)

/* mtimecmp = mtime + delta (0 < delta < 2^31). Clobbers t0-t3. The CLINT is
 * accessed 32 bits at a time on RV64 as well (QEMU 7.2 handles a 64-bit
 * store to mtimecmp as a store to its low half only); the high half is
 * set to all ones first so that no early interrupt can happen. */
#define TIMER_IN(delta)                                                     \
    li t0, CLINT_MTIME;                                                     \
    lw t1, 0(t0);                                                           \
    lw t2, 4(t0);                                                           \
    slli t1, t1, XLEN - 32;                                                 \
    srli t1, t1, XLEN - 32;                                                 \
    li t3, delta;                                                           \
    add t3, t1, t3;                                                         \
    slli t3, t3, XLEN - 32;                                                 \
    srli t3, t3, XLEN - 32;                                                 \
    sltu t1, t3, t1;                                                        \
    add t2, t2, t1;                                                         \
    li t0, CLINT_MTIMECMP;                                                  \
    li t1, -1;                                                              \
    sw t1, 4(t0);                                                           \
    sw t3, 0(t0);                                                           \
    sw t2, 4(t0)
#define TIMER_OFF                                                           \
    li t0, CLINT_MTIMECMP;                                                  \
    li t1, -1;                                                              \
    sw t1, 4(t0);                                                           \
    sw t1, 0(t0)

/* Raise / clear the machine software interrupt through the CLINT. */
#define MSIP_SET   li t0, CLINT_MSIP; li t1, 1; sw t1, 0(t0)
#define MSIP_CLEAR li t0, CLINT_MSIP; sw zero, 0(t0)

/* Spin until register reg becomes non-zero (set by a handler) or 10
 * million iterations have passed (QEMU's timer runs on host time, and the
 * host may be busy). Clobbers t5. */
#define WAIT_NONZERO(reg)                                                   \
    li t5, 10000000;                                                          \
94: bnez reg, 95f;                                                          \
    addi t5, t5, -1;                                                        \
    bnez t5, 94b;                                                           \
95:

/* The recording trap handlers; place once in a test, in .text. */
#define PRIV_HANDLERS                                                       \
    .align 6;                                                               \
    .globl priv_trap;                                                       \
priv_trap:                                                                  \
    csrw mscratch, t0;                                                      \
    csrr t0, mcause;                                                        \
    bltz t0, 30f;                                                           \
    addi t0, t0, -CAUSE_ECALL_U;                                            \
    beqz t0, 20f;                                                           \
    addi t0, t0, CAUSE_ECALL_U - CAUSE_ECALL_S;                             \
    beqz t0, 20f;                                                           \
    addi t0, t0, CAUSE_ECALL_S - CAUSE_ECALL_M;                             \
    beqz t0, 20f;                                                           \
    csrr s2, mcause;                                                        \
    csrr s3, mepc;                                                          \
    csrr s4, mtval;                                                         \
    addi s5, s5, 1;                                                         \
    li s6, 3;                                                               \
    beqz s10, 10f;                                                          \
    csrw mepc, s10;                                                         \
    li s10, 0;                                                              \
    j 40f;                                                                  \
10: lhu t0, 0(s3);                                                          \
    andi t0, t0, 3;                                                         \
    addi t0, t0, -3;                                                        \
    beqz t0, 11f;                                                           \
    addi t0, s3, 2;                                                         \
    j 12f;                                                                  \
11: addi t0, s3, 4;                                                         \
12: csrw mepc, t0;                                                          \
    j 40f;                                                                  \
20: csrr s7, mcause;                                                        \
    csrr s8, mepc;                                                          \
    beqz s11, 25f;                                                          \
    csrw mepc, s11;                                                         \
    li s11, 0;                                                              \
    li t0, MSTATUS_MPP;                                                     \
    csrs mstatus, t0;                                                       \
    li t0, MSTATUS_MPIE;                                                    \
    csrc mstatus, t0;                                                       \
    j 40f;                                                                  \
25: csrr t0, mscratch;                                                      \
    j harness_trap;                                                         \
30: mv s2, t0;                                                              \
    csrr s3, mepc;                                                          \
    csrr s4, mtval;                                                         \
    addi s5, s5, 1;                                                         \
    li s6, 3;                                                               \
    csrw mie, zero;                                                         \
40: csrr t0, mscratch;                                                      \
    mret;                                                                   \
                                                                            \
    .align 6;                                                               \
    .globl priv_strap;                                                      \
priv_strap:                                                                 \
    csrw sscratch, t0;                                                      \
    csrr t0, scause;                                                        \
    mv s2, t0;                                                              \
    csrr s3, sepc;                                                          \
    csrr s4, stval;                                                         \
    addi s5, s5, 1;                                                         \
    bltz t0, 30f;                                                           \
    beqz s10, 10f;                                                          \
    csrw sepc, s10;                                                         \
    li s10, 0;                                                              \
    j 40f;                                                                  \
10: lhu t0, 0(s3);                                                          \
    andi t0, t0, 3;                                                         \
    addi t0, t0, -3;                                                        \
    beqz t0, 11f;                                                           \
    addi t0, s3, 2;                                                         \
    j 12f;                                                                  \
11: addi t0, s3, 4;                                                         \
12: csrw sepc, t0;                                                          \
    j 40f;                                                                  \
30: csrw sie, zero;                                                         \
40: li s6, 1;                                                               \
    csrr t0, sscratch;                                                      \
    sret

/* Install the recording handlers: priv_trap in mtvec, priv_strap in
 * stvec, and clear the records. */
#define PRIV_SETUP                                                          \
    SET_TRAP_HANDLER(priv_trap);                                            \
    la t0, priv_strap;                                                      \
    csrw stvec, t0;                                                         \
    TRAP_CLEAR

#endif
