/*
 * Access faults for addresses where the test board has nothing (RAM is at
 * 0x80000000-0x87ffffff, the CLINT at 0x02000000; 0x0 and 0x40000000 are
 * empty): load access fault (5), store/AMO access fault (7), instruction
 * access fault (1), mtval = the faulting address, mepc = the faulting
 * instruction (for a fetch: the address jumped to). Privileged spec 1.12,
 * 3.1.15-3.1.16. For an instruction that straddles the end of RAM, mepc
 * is the instruction's start and mtval the address of the part that
 * faulted.
 *
 * QEMU deviations (skipped under -DQEMU): QEMU 7.2 reports an AMO to an
 * empty address as a load access fault (5) where the spec's cause is 7,
 * "Store/AMO access fault" (checks 7, 11).
 */
#include "priv.h"

#define HOLE 0x40000000

/* Check number n: `insn` (label 90) raises cause with mtval = addr. */
#define FAULT(n, cause, addr, insn...)                                      \
    TRAP_CLEAR;                                                             \
    li a0, 0x5a;                                                            \
90: insn;                                                                   \
    CHECK(n, T_COUNT, 1);                                                   \
    CHECK_TRAP_AT(n, cause, 90b);                                           \
    CHECK(n, T_TVAL, addr);                                                 \
    CHECK(n, a0, 0x5a)

TEST_BEGIN
    PRIV_SETUP

    li a1, 0
    li a2, HOLE
    FAULT(1, CAUSE_LOAD_ACCESS, 0, lw a0, 0(a1))
    FAULT(2, CAUSE_LOAD_ACCESS, HOLE + 8, lw a0, 8(a2))
    FAULT(3, CAUSE_LOAD_ACCESS, HOLE, lbu a0, 0(a2))
    FAULT(4, CAUSE_STORE_ACCESS, 0, sw a0, 0(a1))
    FAULT(5, CAUSE_STORE_ACCESS, HOLE + 4, sw a0, 4(a2))
    FAULT(6, CAUSE_STORE_ACCESS, HOLE + 1, sb a0, 1(a2))
#ifndef QEMU
    FAULT(7, CAUSE_STORE_ACCESS, HOLE, amoadd.w a0, a0, (a2))
#endif
    FAULT(8, CAUSE_LOAD_ACCESS, HOLE, lr.w a0, (a2))
#if XLEN == 64
    FAULT(9, CAUSE_LOAD_ACCESS, HOLE, ld a0, 0(a2))
    FAULT(10, CAUSE_STORE_ACCESS, HOLE + 8, sd a0, 8(a2))
#ifndef QEMU
    FAULT(11, CAUSE_STORE_ACCESS, HOLE, amoswap.d a0, a0, (a2))
#endif
#endif
    FAULT(12, CAUSE_LOAD_ACCESS, HOLE, c.lw a0, 0(a2))

    /* From U and S mode (no delegation). */
    EXPECT_TRAP(13, PRV_U, CAUSE_LOAD_ACCESS, lw a0, 0(a1))
    CHECK(14, T_TVAL, 0)
    EXPECT_TRAP(15, PRV_S, CAUSE_STORE_ACCESS, sw a0, 0(a2))
    CHECK(16, T_TVAL, HOLE)

    /* Instruction fetch from the hole and from 0, in M and in U mode:
     * priv_trap resumes at s10. */
    TRAP_CLEAR
    la T_FRESUME, 1f
    li t0, HOLE
    jr t0
1:  CHECK(20, T_COUNT, 1)
    CHECK(21, T_CAUSE, CAUSE_FETCH_ACCESS)
    CHECK(22, T_EPC, HOLE)
    CHECK(23, T_TVAL, HOLE)

    TRAP_CLEAR
    la T_FRESUME, 1f
    jalr zero
1:  CHECK(24, T_COUNT, 1)
    CHECK(25, T_CAUSE, CAUSE_FETCH_ACCESS)
    CHECK(26, T_EPC, 0)
    CHECK(27, T_TVAL, 0)

    TRAP_CLEAR
    la T_FRESUME, 1f
    la T_ERESUME, 2f
    GOTO_MODE(PRV_U, 3f)
3:  li t0, HOLE + 0x100
    jr t0
1:  ecall                      /* still in U: back to M */
2:  CHECK(28, T_ECAUSE, CAUSE_ECALL_U)
    CHECK(29, T_CAUSE, CAUSE_FETCH_ACCESS)
    CHECK(30, T_EPC, HOLE + 0x100)
    CHECK(31, T_TVAL, HOLE + 0x100)

#ifndef QEMU
    /* A 4-byte instruction in the last halfword of RAM: the fetch of its
     * second half faults. */
    li a3, 0x88000000 - 2
    li t0, 0x0513              /* low half of addi a0, zero, ... */
    sh t0, 0(a3)
    fence.i
    TRAP_CLEAR
    la T_FRESUME, 1f
    jr a3
1:  CHECK(32, T_COUNT, 1)
    CHECK(33, T_CAUSE, CAUSE_FETCH_ACCESS)
    CHECK(34, T_EPC, 0x88000000 - 2)
    CHECK(35, T_TVAL, 0x88000000)
#endif

    /* A 2-byte instruction there runs, and falls into the hole. */
    li a3, 0x88000000 - 2
    li t0, 0x4501              /* c.li a0, 0 */
    sh t0, 0(a3)
    fence.i
    TRAP_CLEAR
    li a0, 1
    la T_FRESUME, 1f
    jr a3
1:  CHECK(36, a0, 0)
    CHECK(37, T_CAUSE, CAUSE_FETCH_ACCESS)
    CHECK(38, T_EPC, 0x88000000)
    CHECK(39, T_TVAL, 0x88000000)

    TEST_PASS

    PRIV_HANDLERS
TEST_END
