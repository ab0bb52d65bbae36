/*
 * Page permissions (privileged spec 1.12, 4.3.1, 4.3.2 and 4.4.1; Sv39 on
 * RV64, Sv32 on RV32), with A and D set everywhere so that only the rules
 * below decide:
 *   - R/W/X: a load needs R (or X with mstatus.MXR = 1), a store needs W,
 *     a fetch needs X; W = 1 with R = 0 is reserved: a page fault for every
 *     access;
 *   - V = 0: a page fault whatever the other bits say;
 *   - U pages: U mode only, except that S may load and store (never fetch)
 *     with mstatus.SUM = 1; S pages: never from U;
 *   - a non-leaf PTE (R = W = X = 0) with A, D or U set: page fault;
 *   - AMOs need W (a store/AMO page fault otherwise), LR needs R;
 *   - RV64: a misaligned Sv39 megapage (PPN[0] != 0) faults;
 *   - RV64: PTE bits 63-54 must be zero without Svnapot/Svpbmt (bit 54 is
 *     reserved for future use, bits 62-61 are PBMT, bit 63 N).
 * Load faults are 13, store faults 15, fetch faults 12, all delegated to
 * S, with stval = the virtual address and sepc = the instruction (for a
 * fetch: the target).
 *
 * QEMU deviations (skipped under -DQEMU): QEMU 7.2 reports an AMO on a page
 * that it may not read either (execute-only; an S page from U) as a load
 * page fault (13) where the spec's cause is 15, "Store/AMO page fault"
 * (4.3.2 step 5: "the page-fault exception corresponding to the original
 * access type"; checks 81, 85).
 */
#include "vm.h"

#define LEAF (PTE_V | PTE_A | PTE_D)

/* Virtual pages used (4 KiB, through vm_leaf). */
#define VA_RO    0x1000    /* ppage: R                */
#define VA_RW    0x2000    /* ppage: R W              */
#define VA_WO    0x3000    /* ppage: W (reserved)     */
#define VA_XO    0x4000    /* xpage: X                */
#define VA_WX    0x5000    /* xpage: W X (reserved)   */
#define VA_URW   0x6000    /* ppage: U R W            */
#define VA_URX   0x7000    /* xpage: U R X            */
#define VA_SRWX  0x8000    /* xpage: R W X            */
#define VA_INV   0x9000    /* ppage: R W X, V = 0     */
#define VA_UXO   0xb000    /* xpage: U X              */
#define VA_RES   0xc000    /* ppage: R W, a reserved bit */

/* Non-leaf tests: one level above vm_leaf (Sv39: vm_mid; Sv32: vm_root). */
#if XLEN == 64
#define NL_TABLE vm_mid
#define NL_SHIFT 21
#else
#define NL_TABLE vm_root
#define NL_SHIFT 22
#endif
#define NL_VA(i) ((i) << NL_SHIFT)


TEST_BEGIN
    VM_SETUP
    MAP4K(VA_RO, ppage, LEAF | PTE_R)
    MAP4K(VA_RW, ppage, LEAF | PTE_R | PTE_W)
    MAP4K(VA_WO, ppage, LEAF | PTE_W)
    MAP4K(VA_XO, xpage, LEAF | PTE_X)
    MAP4K(VA_WX, xpage, LEAF | PTE_W | PTE_X)
    MAP4K(VA_URW, ppage, LEAF | PTE_U | PTE_R | PTE_W)
    MAP4K(VA_URX, xpage, LEAF | PTE_U | PTE_R | PTE_X)
    MAP4K(VA_SRWX, xpage, LEAF | PTE_R | PTE_W | PTE_X)
    MAP4K(VA_INV, ppage, PTE_A | PTE_D | PTE_R | PTE_W | PTE_X | PTE_U)
    MAP4K(VA_UXO, xpage, LEAF | PTE_U | PTE_X)
    /* non-leaf PTEs pointing at vm_leaf2, whose entry 0 maps ppage R W */
    MAP_LABEL(NL_TABLE, 1, vm_leaf2, PTE_V | PTE_A)
    MAP_LABEL(NL_TABLE, 2, vm_leaf2, PTE_V | PTE_D)
    MAP_LABEL(NL_TABLE, 3, vm_leaf2, PTE_V | PTE_U)
    MAP_LABEL(NL_TABLE, 4, vm_leaf2, PTE_V)
    MAP_LABEL(vm_leaf2, 0, ppage, LEAF | PTE_R | PTE_W)
    sfence.vma
    lw s0, xpage                      /* first word of xpage's code */

    /* Read-only page. */
    li t3, VA_RO
    S_OK(1, lw a0, 8(t3))
    CHECK(2, a0, 0x22222222)
    S_FAULT(3, CAUSE_STORE_PAGE, VA_RO + 4, sw a0, 4(t3))
    S_FETCH_FAULT(4, VA_RO)

    /* Read-write page. */
    li t3, VA_RW
    li a1, 0x3333
    S_OK(5, sw a1, 4(t3); lw a0, 4(t3))
    CHECK(6, a0, 0x3333)
    lw a0, ppage + 4
    CHECK(7, a0, 0x3333)
    S_FETCH_FAULT(8, VA_RW + 8)

    /* Write-only is reserved: everything faults. */
    li t3, VA_WO
    S_FAULT(10, CAUSE_LOAD_PAGE, VA_WO, lw a0, 0(t3))
    S_FAULT(11, CAUSE_STORE_PAGE, VA_WO + 8, sw a1, 8(t3))
    S_FETCH_FAULT(12, VA_WO)
    MSTATUS_ON(MSTATUS_MXR)
    li t3, VA_WO
    S_FAULT(13, CAUSE_LOAD_PAGE, VA_WO, lw a0, 0(t3))
    MSTATUS_OFF(MSTATUS_MXR)

    /* Execute-only page: fetch works, loads need MXR, stores never. */
    li t3, VA_XO
    li a0, 0
    S_OK(20, jalr ra, 0(t3))
    CHECK(21, a0, 0x33)
    S_FAULT(22, CAUSE_LOAD_PAGE, VA_XO, lw a0, 0(t3))
    MSTATUS_ON(MSTATUS_MXR)
    li a0, 0
    S_OK(23, lw a0, 0(t3))
    CHECK_REGS(24, a0, s0)
    S_FAULT(25, CAUSE_STORE_PAGE, VA_XO, sw a0, 0(t3))
    MSTATUS_OFF(MSTATUS_MXR)
    /* MXR is cleared again: loads fault again (a TLB must not keep it) */
    S_FAULT(26, CAUSE_LOAD_PAGE, VA_XO + 4, lw a0, 4(t3))

    /* W + X without R is reserved too. */
    S_FETCH_FAULT(27, VA_WX)
    li t3, VA_WX
    S_FAULT(28, CAUSE_LOAD_PAGE, VA_WX, lw a0, 0(t3))

    /* V = 0. */
    li t3, VA_INV
    S_FAULT(30, CAUSE_LOAD_PAGE, VA_INV + 8, lw a0, 8(t3))
    S_FAULT(31, CAUSE_STORE_PAGE, VA_INV, sw a0, 0(t3))
    S_FETCH_FAULT(32, VA_INV)
    li t3, VA_INV
    U_FAULT(33, CAUSE_LOAD_PAGE, VA_INV, lw a0, 0(t3))

    /* U page from S: only with SUM, and never a fetch. */
    li t3, VA_URW
    S_FAULT(40, CAUSE_LOAD_PAGE, VA_URW, lw a0, 0(t3))
    S_FAULT(41, CAUSE_STORE_PAGE, VA_URW + 4, sw a1, 4(t3))
    MSTATUS_ON(MSTATUS_SUM)
    li a1, 0x4444
    S_OK(42, sw a1, 4(t3); lw a0, 4(t3))
    CHECK(43, a0, 0x4444)
    S_FETCH_FAULT(44, VA_URX)
    /* SUM + MXR: S may read a U execute-only page */
    MSTATUS_ON(MSTATUS_MXR)
    li t3, VA_UXO
    li a0, 0
    S_OK(45, lw a0, 0(t3))
    CHECK_REGS(46, a0, s0)
    MSTATUS_OFF(MSTATUS_MXR)
    S_FAULT(47, CAUSE_LOAD_PAGE, VA_UXO, lw a0, 0(t3))
    MSTATUS_OFF(MSTATUS_SUM)
    S_FETCH_FAULT(48, VA_URX)

    /* U mode: its own pages work, S pages never. */
    li t3, VA_URW
    li a0, 0
    U_OK(50, lw a0, 4(t3))
    CHECK(51, a0, 0x4444)
    li t3, VA_URX
    li a0, 0
    U_OK(52, jalr ra, 0(t3))
    CHECK(53, a0, 0x33)
    li t3, VA_SRWX
    U_FAULT(54, CAUSE_LOAD_PAGE, VA_SRWX, lw a0, 0(t3))
    U_FAULT(55, CAUSE_STORE_PAGE, VA_SRWX + 8, sw a0, 8(t3))
    U_FETCH_FAULT(56, VA_SRWX)
    li t3, VA_RW
    U_FAULT(57, CAUSE_LOAD_PAGE, VA_RW, lw a0, 0(t3))
    /* U execute-only: fetch works, a load needs MXR */
    li t3, VA_UXO
    li a0, 0
    U_OK(58, jalr ra, 0(t3))
    CHECK(59, a0, 0x33)
    U_FAULT(60, CAUSE_LOAD_PAGE, VA_UXO + 4, lw a0, 4(t3))
    MSTATUS_ON(MSTATUS_MXR)
    li a0, 0
    U_OK(61, lw a0, 0(t3))
    CHECK_REGS(62, a0, s0)
    MSTATUS_OFF(MSTATUS_MXR)
    /* the S-only code of the test (identity map) is not for U either */
    la t3, xpage
    U_FETCH_FAULT_T3(63)

    /* Non-leaf PTEs with A, D or U set; the plain one works. */
    li t3, NL_VA(4)
    li a0, 0
    S_OK(70, lw a0, 8(t3))
    CHECK(71, a0, 0x22222222)
    li t3, NL_VA(1)
    S_FAULT(72, CAUSE_LOAD_PAGE, NL_VA(1), lw a0, 0(t3))
    li t3, NL_VA(2)
    S_FAULT(73, CAUSE_STORE_PAGE, NL_VA(2), sw a0, 0(t3))
    li t3, NL_VA(3)
    S_FAULT(74, CAUSE_LOAD_PAGE, NL_VA(3) + 8, lw a0, 8(t3))
    MSTATUS_ON(MSTATUS_SUM)
    li t3, NL_VA(3)
    S_FAULT(75, CAUSE_LOAD_PAGE, NL_VA(3), lw a0, 0(t3))
    MSTATUS_OFF(MSTATUS_SUM)
    li t3, NL_VA(3)
    U_FAULT(76, CAUSE_LOAD_PAGE, NL_VA(3), lw a0, 0(t3))

    /* AMOs need W (store/AMO page fault), LR needs R. */
    li t3, VA_RO
    S_FAULT(80, CAUSE_STORE_PAGE, VA_RO, amoadd.w a0, a1, (t3))
#ifndef QEMU
    li t3, VA_XO
    S_FAULT(81, CAUSE_STORE_PAGE, VA_XO, amoswap.w a0, a1, (t3))
#endif
    li t3, VA_XO
    S_FAULT(82, CAUSE_LOAD_PAGE, VA_XO, lr.w a0, (t3))
    li t3, VA_URW
    U_OK(83, amoadd.w a0, zero, (t3))
    CHECK(84, a0, 0x11111111)
#ifndef QEMU
    li t3, VA_SRWX
    U_FAULT(85, CAUSE_STORE_PAGE, VA_SRWX, amoor.w a0, a1, (t3))
#endif
#if XLEN == 64
    li t3, VA_RO
    S_FAULT(86, CAUSE_STORE_PAGE, VA_RO, amomax.d a0, a1, (t3))
#endif

#if XLEN == 64
    /* Sv39 megapages (vm_mid level): PPN[0] must be zero. */
    MAP_PA(vm_mid, 5, 0x80000000, LEAF | PTE_R | PTE_W)
    sfence.vma
    la t3, ppage
    li t0, 0x80000000 - NL_VA(5)
    sub t3, t3, t0                       /* megapage VA of ppage */
    li a0, 0
    S_OK(95, lw a0, 8(t3))
    CHECK(96, a0, 0x22222222)
    MAP_PA(vm_mid, 5, 0x80000000 + 0x1000, LEAF | PTE_R | PTE_W)
    sfence.vma
    S_FAULT_R(97, CAUSE_LOAD_PAGE, t3, lw a0, 0(t3))

    /* PTE bits 63-54. */
    la t2, ppage
    PTE_OF(t2, t2, LEAF | PTE_R | PTE_W)
    li t0, 1
    slli t0, t0, 54
    or t2, t2, t0
    PT_SET(vm_leaf, VA_RES >> 12, t2)
    sfence.vma
    li t3, VA_RES
    S_FAULT(90, CAUSE_LOAD_PAGE, VA_RES, lw a0, 0(t3))
    la t2, ppage
    PTE_OF(t2, t2, LEAF | PTE_R | PTE_W)
    li t0, 1
    slli t0, t0, 61                      /* PBMT = NC, no Svpbmt */
    or t2, t2, t0
    PT_SET(vm_leaf, VA_RES >> 12, t2)
    sfence.vma
    li t3, VA_RES
    S_FAULT(91, CAUSE_LOAD_PAGE, VA_RES, lw a0, 0(t3))
    la t2, ppage
    PTE_OF(t2, t2, LEAF | PTE_R | PTE_W)
    li t0, 1
    slli t0, t0, 63                      /* N, no Svnapot */
    or t2, t2, t0
    PT_SET(vm_leaf, VA_RES >> 12, t2)
    sfence.vma
    li t3, VA_RES
    S_FAULT(92, CAUSE_STORE_PAGE, VA_RES, sw a0, 0(t3))
    /* without the bits: fine */
    MAP4K(VA_RES, ppage, LEAF | PTE_R | PTE_W)
    sfence.vma
    li t3, VA_RES
    S_OK(93, lw a0, 8(t3))
    CHECK(94, a0, 0x22222222)
#endif

    TEST_PASS

    VM_HANDLERS

/* Code page: li a0, 0x33; ret */
    .balign 4096
xpage:
    li a0, 0x33
    ret
    .balign 4096

    .pushsection .data
    .balign 4096
ppage:
    .word 0x11111111, 0, 0x22222222, 0
    .balign 4096
vm_leaf2: .zero 4096
    .popsection
    VM_TABLES
TEST_END
