/*
 * Access faults with translation on (privileged spec 1.12, 4.3.2 steps 2
 * and 8, and 3.7.2): physical addresses are checked after translation,
 * and so are the page-table walk's own reads (as S-mode accesses, PMP
 * included). Either failing raises an access fault of the original access
 * type (load 5, store/AMO 7, fetch 1) - not a page fault - with tval = the
 * virtual address. Access faults are not delegated here (medeleg has only
 * the page faults), so M records them (level 3).
 *   - a leaf that maps a physical hole (0x40000000, nothing there);
 *   - a non-leaf PTE that points at the hole (the next PTE's read fails);
 *   - PMP: an entry without permissions over a page-table page; then an
 *     entry allowing only R over the data page, and one allowing no X over
 *     a code page; a last entry grants everything else. PMP changes are
 *     followed by sfence.vma (3.7.2).
 *
 * QEMU deviations (skipped under -DQEMU): QEMU 7.2 reports a page-table
 * read from a physical hole as a page fault (12, 13, 15) where the spec
 * (4.3.2 step 2: "If accessing pte violates a PMA or PMP check, raise an
 * access-fault exception corresponding to the original access type") asks
 * for an access fault (checks 4-6). It does raise the access fault for a
 * PMP-denied PTE read (checks 12-14).
 */
#include "vm.h"

#define HOLE 0x40000000
#define LEAF (PTE_V | PTE_A | PTE_D)
#define RWX (PTE_R | PTE_W | PTE_X)

#if XLEN == 64
#define NL_TABLE vm_mid
#define NL_SHIFT 21
#else
#define NL_TABLE vm_root
#define NL_SHIFT 22
#endif
#define NL_VA(i) ((i) << NL_SHIFT)

#define VA_HOLE 0x1000     /* leaf -> HOLE */
#define VA_DATA 0x2000     /* leaf -> ppage, R W */
#define VA_CODE 0x3000     /* leaf -> xpage, X */

/* Check number n: insn in S mode raises `cause` (taken in M) with
 * tval = the constant va, at insn. */
#define S_ACCESS(n, cause, va, insn...)                                     \
    TRAP_CLEAR;                                                             \
    IN_MODE(PRV_S, TRY(insn));                                              \
    CHECK(n, T_ECAUSE, CAUSE_ECALL_S);                                      \
    CHECK_FAULT(n, 3, cause, va);                                           \
    CHECK_EPC90(n, 0)
/* The same for a jump to va: instruction access fault at va. */
#define S_FETCH_ACCESS(n, va)                                               \
    TRAP_CLEAR;                                                             \
    li t3, va;                                                              \
    IN_MODE(PRV_S, TRY(jalr ra, 0(t3)));                                    \
    CHECK(n, T_ECAUSE, CAUSE_ECALL_S);                                      \
    CHECK_FAULT(n, 3, CAUSE_FETCH_ACCESS, va);                              \
    CHECK(n, T_EPC, va)

/* pmpaddrN = 4 KiB NAPOT region at label. Clobbers t0. */
#define PMP_PAGE(csr, label)                                                \
    la t0, label;                                                           \
    srli t0, t0, 2;                                                         \
    ori t0, t0, 0x1ff;                                                      \
    csrw csr, t0

#define NAPOT 0x18
#define PMP_R 1
#define PMP_W 2
#define PMP_X 4
#define PMP_RWX 7

TEST_BEGIN
    VM_SETUP
    MAP_PA(vm_leaf, VA_HOLE >> 12, HOLE, LEAF | RWX)
    MAP4K(VA_DATA, ppage, LEAF | PTE_R | PTE_W)
    MAP4K(VA_CODE, xpage, LEAF | PTE_X)
    MAP_PA(NL_TABLE, 1, HOLE, PTE_V)           /* non-leaf -> hole */
    MAP_TABLE(NL_TABLE, 2, vm_leaf2)           /* non-leaf -> vm_leaf2 */
    MAP_LABEL(vm_leaf2, 0, ppage, LEAF | PTE_R | PTE_W)
    sfence.vma

    /* Leaf to a hole. */
    li t3, VA_HOLE
    S_ACCESS(1, CAUSE_LOAD_ACCESS, VA_HOLE + 8, lw a0, 8(t3))
    S_ACCESS(2, CAUSE_STORE_ACCESS, VA_HOLE, sw a0, 0(t3))
    S_FETCH_ACCESS(3, VA_HOLE)

#ifndef QEMU
    /* Non-leaf to a hole. */
    li t3, NL_VA(1)
    S_ACCESS(4, CAUSE_LOAD_ACCESS, NL_VA(1), lw a0, 0(t3))
    S_ACCESS(5, CAUSE_STORE_ACCESS, NL_VA(1) + 4, sw a0, 4(t3))
    S_FETCH_ACCESS(6, NL_VA(1))
#endif

    /* The walk through vm_leaf2 works while PMP allows it ... */
    li t3, NL_VA(2)
    li a0, 0
    S_OK(10, lw a0, 8(t3))
    CHECK(11, a0, 0x22222222)

    /* ... and fails once PMP entry 0 denies S access to vm_leaf2. */
    li t0, -1
    csrw pmpaddr1, t0
    PMP_PAGE(pmpaddr0, vm_leaf2)
    li t0, ((NAPOT | PMP_RWX) << 8) | NAPOT
    csrw pmpcfg0, t0
    sfence.vma
    li t3, NL_VA(2)
    S_ACCESS(12, CAUSE_LOAD_ACCESS, NL_VA(2) + 8, lw a0, 8(t3))
    S_ACCESS(13, CAUSE_STORE_ACCESS, NL_VA(2), sw a0, 0(t3))
    S_FETCH_ACCESS(14, NL_VA(2))
    /* M mode is not affected (entry 0 is not locked) */
    lw a0, vm_leaf2
    /* other walks still work */
    li t3, VA_DATA
    li a0, 0
    S_OK(15, lw a0, 8(t3))
    CHECK(16, a0, 0x22222222)

    /* PMP entry 0: ppage read-only. The PTE allows the store; PMP does
     * not: store access fault. Loads work. */
    PMP_PAGE(pmpaddr0, ppage)
    li t0, ((NAPOT | PMP_RWX) << 8) | NAPOT | PMP_R
    csrw pmpcfg0, t0
    sfence.vma
    li t3, VA_DATA
    S_ACCESS(20, CAUSE_STORE_ACCESS, VA_DATA + 4, sw a0, 4(t3))
    li a0, 0
    S_OK(21, lw a0, 8(t3))
    CHECK(22, a0, 0x22222222)
    S_ACCESS(23, CAUSE_STORE_ACCESS, VA_DATA, amoadd.w a0, a0, (t3))

    /* PMP entry 0: xpage R W but not X: fetch access fault. */
    PMP_PAGE(pmpaddr0, xpage)
    li t0, ((NAPOT | PMP_RWX) << 8) | NAPOT | PMP_R | PMP_W
    csrw pmpcfg0, t0
    sfence.vma
    S_FETCH_ACCESS(24, VA_CODE)
    /* with X it runs */
    li t0, ((NAPOT | PMP_RWX) << 8) | NAPOT | PMP_RWX
    csrw pmpcfg0, t0
    sfence.vma
    li t3, VA_CODE
    li a0, 0
    S_OK(25, jalr ra, 0(t3))
    CHECK(26, a0, 0x33)

    TEST_PASS

    VM_HANDLERS

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
