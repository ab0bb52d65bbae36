/*
 * Accessed and dirty bits, with translation of M-mode loads and stores
 * through mstatus.MPRV (privileged spec 1.12, 3.1.6.3 and 4.3.1-4.3.2).
 *
 * Our choice (docs/riscv.md): A and D are never set by hardware. A leaf
 * with A = 0 raises the page fault of the access (12, 13, 15); a store
 * through a leaf with D = 0 raises store page fault (15); the PTE is left
 * as it was. Software sets the bit, runs sfence.vma and retries.
 *
 * With MPRV = 1 and MPP = S, M-mode loads and stores are translated and
 * checked as S-mode accesses (SUM applies; the fault is taken in M, where
 * page faults are never delegated away). The superpage used maps VA 0 to
 * 0x80000000 (a gigapage on Sv39, a 4 MiB megapage on Sv32) with U set, so
 * S-mode accesses need SUM. Setting bit 0 of its PPN makes it a misaligned
 * superpage: a page fault. With MPP = U they are checked as U accesses
 * instead. mret to M sets MPP = U and keeps MPRV; mret to S
 * clears MPRV (3.1.6.1).
 *
 * QEMU deviations (under -DQEMU): QEMU 7.2 updates A and D in hardware (the
 * other choice the spec allows, like Svadu), so the accesses that fault
 * here complete there: checks 20-25, 40-48, 49-59 and 64-69 expect the
 * fault; with -DQEMU they check instead that the access completes and (20-
 * 22, 40-42) that the bit got set. QEMU 7.2 does not clear MPRV on an mret
 * to S (check 17 skipped; spec 3.1.6.1: "If y != M, xRET also sets
 * MPRV=0").
 */
#include "vm.h"

#define ALT 0xC0000000           /* second alias of the image, S only */
#define ALT_DELTA 0x40000000     /* ALT - 0x80000000 */
#define LEAF_RWX (PTE_V | PTE_R | PTE_W | PTE_X)

/* Run insn (label 90) as an S-mode access through MPRV, with SUM = sum;
 * afterwards MPRV and SUM are clear again. Clobbers t0. */
#define MPRV_TRY(sum, insn...) MPRV_TRY_MPP(MSTATUS_MPP_S, sum, insn)
/* The same with MPP = mpp (MSTATUS_MPP_S, or 0 for U). */
#define MPRV_TRY_MPP(mpp, sum, insn...)                                     \
    li t0, MSTATUS_MPP | MSTATUS_SUM | MSTATUS_MPRV;                        \
    csrc mstatus, t0;                                                       \
    li t0, (mpp) | MSTATUS_MPRV | (sum);                                    \
    csrs mstatus, t0;                                                       \
    TRY(insn);                                                              \
    li t0, MSTATUS_MPRV | MSTATUS_SUM;                                      \
    csrc mstatus, t0

/* reg = root[0] & mask. Clobbers t0, t1. */
#define PTE0_BITS(reg, mask)                                                \
    PT_GET(vm_root, 0, reg);                                                \
    andi reg, reg, mask

/* root[ROOT_IDX(ALT)] = superpage to 0x80000000 with flags, then flush. */
#define SET_ALT(flags)                                                      \
    MAP_PA(vm_root, ROOT_IDX(ALT), 0x80000000, flags);                      \
    sfence.vma

TEST_BEGIN
    VM_SETUP
    /* root[0]: VA 0 -> 0x80000000, V U R W X A, D clear. */
    MAP_PA(vm_root, 0, 0x80000000, PTE_V | PTE_U | PTE_R | PTE_W | PTE_X | PTE_A)
    sfence.vma
    la s1, dvar
    li t0, 0x80000000
    sub s1, s1, t0                       /* s1 = VA of dvar */
    li a1, 0x5a5a1234                    /* value to store */

    /* Store with SUM = 0: S may not touch a U page. D stays clear. */
    TRAP_CLEAR
    MPRV_TRY(0, sw a1, 0(s1))
    CHECK(1, T_COUNT, 1)
    CHECK(2, T_CAUSE, CAUSE_STORE_PAGE)
    CHECK_REGS(3, T_TVAL, s1)
    CHECK(4, T_LEVEL, 3)
    CHECK_EPC90(5, 0)
    PTE0_BITS(a0, PTE_D)
    CHECK(6, a0, 0)
    lw a0, dvar
    CHECK(7, a0, 0x600d)

    /* Load with SUM = 0: the same rule (a load does not care about D). */
    TRAP_CLEAR
    li a0, 0
    MPRV_TRY(0, lw a0, 0(s1))
    CHECK(10, T_COUNT, 1)
    CHECK(11, T_CAUSE, CAUSE_LOAD_PAGE)
    CHECK_REGS(12, T_TVAL, s1)
    CHECK(13, a0, 0)

    /* Load with SUM = 1 works (D does not matter). */
    TRAP_CLEAR
    li a0, 0
    MPRV_TRY(MSTATUS_SUM, lw a0, 0(s1))
    CHECK(8, T_COUNT, 0)
    CHECK(9, a0, 0x600d)

    /* Store with SUM = 1 and D = 0. */
    TRAP_CLEAR
    MPRV_TRY(MSTATUS_SUM, sw a1, 0(s1))
#ifdef QEMU
    CHECK(20, T_COUNT, 0)
    PTE0_BITS(a0, PTE_D)
    CHECK(21, a0, PTE_D)
    lw a0, dvar
    CHECK(22, a0, 0x5a5a1234)
    sw zero, dvar, t0
#else
    CHECK(20, T_COUNT, 1)
    CHECK(21, T_CAUSE, CAUSE_STORE_PAGE)
    CHECK_REGS(22, T_TVAL, s1)
    CHECK_EPC90(23, 0)
    PTE0_BITS(a0, PTE_D)
    CHECK(24, a0, 0)
    lw a0, dvar
    CHECK(25, a0, 0x600d)
#endif
    /* The handler's part: set D, flush, retry. */
    PT_GET(vm_root, 0, t2)
    ori t2, t2, PTE_D
    PT_SET(vm_root, 0, t2)
    sfence.vma
    TRAP_CLEAR
    li a1, 0x0bad0ace
    MPRV_TRY(MSTATUS_SUM, sw a1, 0(s1))
    CHECK(26, T_COUNT, 0)
    lw a0, dvar
    CHECK(27, a0, 0x0bad0ace)
    /* And a load from the same VA through MPRV sees it. */
    li a0, 0
    MPRV_TRY(MSTATUS_SUM, lw a0, 0(s1))
    CHECK(28, T_COUNT, 0)
    CHECK(29, a0, 0x0bad0ace)

    /* mret to M: MPP becomes U, MPRV stays set. No memory access may
     * happen until MPRV is cleared (it would be translated as U). */
    li t0, MSTATUS_MPP | MSTATUS_MPRV
    csrs mstatus, t0
    la t0, 1f
    csrw mepc, t0
    mret
1:  csrr a0, mstatus
    li t0, MSTATUS_MPRV
    csrc mstatus, t0
    li t0, MSTATUS_MPP | MSTATUS_MPRV
    and a0, a0, t0
    CHECK(15, a0, MSTATUS_MPRV)

    /* mret to S clears MPRV. */
    TRAP_CLEAR
    li t0, MSTATUS_MPRV
    csrs mstatus, t0
    IN_MODE(PRV_S, nop)
    CHECK(16, T_ECAUSE, CAUSE_ECALL_S)
    csrr a0, mstatus
    li t0, MSTATUS_MPRV
    csrc mstatus, t0
#ifndef QEMU
    and a0, a0, t0
    CHECK(17, a0, 0)
#endif

    /* Bit 0 of a superpage's PPN set: misaligned superpage, page fault. */
    PT_GET(vm_root, 0, t2)
    ori t2, t2, 1 << PTE_PPN_SHIFT
    PT_SET(vm_root, 0, t2)
    sfence.vma
    TRAP_CLEAR
    MPRV_TRY(MSTATUS_SUM, sw a1, 0(s1))
    CHECK(30, T_COUNT, 1)
    CHECK(31, T_CAUSE, CAUSE_STORE_PAGE)
    CHECK_REGS(32, T_TVAL, s1)
    TRAP_CLEAR
    li a0, 0
    MPRV_TRY(MSTATUS_SUM, lw a0, 0(s1))
    CHECK(33, T_COUNT, 1)
    CHECK(34, T_CAUSE, CAUSE_LOAD_PAGE)
    CHECK_REGS(35, T_TVAL, s1)
    CHECK(36, a0, 0)

    /* A = 0 (D = 1, PPN aligned again): load and store fault. */
    MAP_PA(vm_root, 0, 0x80000000, PTE_V | PTE_U | PTE_R | PTE_W | PTE_X | PTE_D)
    sfence.vma
    TRAP_CLEAR
    li a0, 0
    MPRV_TRY(MSTATUS_SUM, lw a0, 0(s1))
#ifdef QEMU
    CHECK(40, T_COUNT, 0)
    CHECK(41, a0, 0x0bad0ace)
    PTE0_BITS(a0, PTE_A)
    CHECK(42, a0, PTE_A)
    MAP_PA(vm_root, 0, 0x80000000, PTE_V | PTE_U | PTE_R | PTE_W | PTE_X | PTE_D)
    sfence.vma
#else
    CHECK(40, T_COUNT, 1)
    CHECK(41, T_CAUSE, CAUSE_LOAD_PAGE)
    CHECK_REGS(42, T_TVAL, s1)
    CHECK(43, a0, 0)
    PTE0_BITS(a0, PTE_A)
    CHECK(44, a0, 0)
#endif
    TRAP_CLEAR
    MPRV_TRY(MSTATUS_SUM, sw a1, 4(s1))
#ifdef QEMU
    CHECK(45, T_COUNT, 0)
#else
    CHECK(45, T_COUNT, 1)
    CHECK(46, T_CAUSE, CAUSE_STORE_PAGE)
    addi a0, s1, 4
    CHECK_REGS(47, T_TVAL, a0)
    lw a0, dvar + 4
    CHECK(48, a0, 0)
#endif

    /* Plain S-mode accesses and fetches through a second alias (ALT, no
     * U) whose leaf lacks A, then D. */
    li s0, ALT_DELTA
    la s1, dvar
    add s1, s1, s0                       /* s1 = ALT VA of dvar */
    SET_ALT(LEAF_RWX)
#ifdef QEMU
    TRAP_CLEAR
    IN_MODE(PRV_S, lw a0, 0(s1))
    CHECK(50, T_COUNT, 0)
    CHECK(51, a0, 0x0bad0ace)
    SET_ALT(LEAF_RWX)
#else
    TRAP_CLEAR
    li a0, 0
    IN_MODE(PRV_S, TRY(lw a0, 0(s1)))
    CHECK(50, T_COUNT, 1)
    CHECK(51, T_CAUSE, CAUSE_LOAD_PAGE)
    CHECK_REGS(58, T_TVAL, s1)
    CHECK_EPC90(59, 0)
    CHECK(49, a0, 0)
#endif
    /* fetch with A = 0 */
    TRAP_CLEAR
    li a0, 0
    la s9, afunc
    add s9, s9, s0                       /* ALT VA of afunc */
    IN_MODE(PRV_S, la T_FRESUME, 1f; jalr ra, 0(s9); 1: li T_FRESUME, 0)
#ifdef QEMU
    CHECK(52, T_COUNT, 0)
    CHECK(53, a0, 0x66)
#else
    CHECK(52, T_COUNT, 1)
    CHECK(53, T_CAUSE, CAUSE_FETCH_PAGE)
    CHECK_REGS(54, T_TVAL, s9)
    CHECK_REGS(55, T_EPC, s9)
    CHECK(56, T_LEVEL, 1)
    CHECK(57, a0, 0)
#endif
    /* A = 1, D = 0: fetch and load work, a store faults */
    SET_ALT(LEAF_RWX | PTE_A)
    S_OK(60, li a0, 0; jalr ra, 0(s9))
    CHECK(61, a0, 0x66)
    S_OK(62, lw a0, 0(s1))
    CHECK(63, a0, 0x0bad0ace)
    li a1, 0x7777
#ifdef QEMU
    S_OK(64, sw a1, 0(s1))
#else
    TRAP_CLEAR
    IN_MODE(PRV_S, TRY(sw a1, 0(s1)))
    CHECK(64, T_COUNT, 1)
    CHECK(65, T_CAUSE, CAUSE_STORE_PAGE)
    CHECK_REGS(66, T_TVAL, s1)
    CHECK_EPC90(67, 0)
    lw a0, dvar
    CHECK(68, a0, 0x0bad0ace)
    /* set D: the store goes through */
    SET_ALT(LEAF_RWX | PTE_A | PTE_D)
    S_OK(69, sw a1, 0(s1))
#endif
    lw a0, dvar
    CHECK(70, a0, 0x7777)

    /* MPRV with MPP = U: M-mode loads are checked as U accesses. */
    la s1, dvar                          /* identity map: an S page */
    TRAP_CLEAR
    li a0, 0
    MPRV_TRY_MPP(0, MSTATUS_SUM, lw a0, 0(s1))
    CHECK(71, T_COUNT, 1)
    CHECK(72, T_CAUSE, CAUSE_LOAD_PAGE)
    CHECK_REGS(73, T_TVAL, s1)
    CHECK(74, T_LEVEL, 3)
    CHECK(75, a0, 0)
    LA_U(s1, dvar)                       /* user alias: a U page */
    TRAP_CLEAR
    MPRV_TRY_MPP(0, 0, lw a0, 0(s1))
    CHECK(76, T_COUNT, 0)
    CHECK(77, a0, 0x7777)

    TEST_PASS

afunc:
    li a0, 0x66
    ret

    VM_HANDLERS

    .pushsection .data
    .balign 64
dvar: .word 0x600d, 0
    .popsection
    VM_TABLES
TEST_END
