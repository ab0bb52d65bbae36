/*
 * RV64 translation modes (privileged spec 1.12, 4.1.11, 4.4.1, 4.5, 4.6):
 *   - satp is WARL in MODE: a write with a mode the hart does not support
 *     (1-7 are reserved, 11 would be Sv64, 12-15 are custom/reserved here)
 *     has no effect at all; Bare (0), Sv39 (8), Sv48 (9) and Sv57 (10) are
 *     accepted and read back;
 *   - Sv39: a virtual address whose bits 63-39 are not all equal to bit 38
 *     raises a page fault (13, 15, 12) with stval = that address, even when
 *     its low 39 bits would translate;
 *   - Sv48: four levels; a 4 KiB page, a gigapage and a 512 GiB terapage
 *     translate; bits 63-48 must equal bit 47;
 *   - Sv57: five levels; a 4 KiB page through them.
 * RV64 only.
 *
 * QEMU deviations: none known.
 */
#include "vm.h"

#define LEAF (PTE_V | PTE_A | PTE_D)

/* reg = satp value for mode, ASID 0, root table at label. Clobbers t1. */
#define SATP_VALUE(reg, mode, root)                                         \
    la reg, root;                                                           \
    srli reg, reg, 12;                                                      \
    li t1, mode;                                                            \
    slli t1, t1, SATP_MODE_SHIFT;                                           \
    or reg, reg, t1

/* Check number n: writing satp with mode `mode` (root vm_root) leaves the
 * current value (in s0). */
#define SATP_REFUSED(n, mode)                                               \
    SATP_VALUE(a1, mode, vm_root);                                          \
    csrw satp, a1;                                                          \
    csrr a0, satp;                                                          \
    CHECK_REGS(n, a0, s0)

TEST_BEGIN
    VM_SETUP
    MAP4K(0x2000, ppage, LEAF | PTE_R | PTE_W)
    /* root[510]: VA 0xffffffff80000000 (sign-extended) -> 0x80000000 */
    MAP_PA(vm_root, 510, 0x80000000, LEAF | PTE_R | PTE_W | PTE_X)
    sfence.vma
    csrr s0, satp
    SATP_VALUE(a0, SATP_MODE_SV39, vm_root)
    CHECK_REGS(1, a0, s0)

    /* Unsupported modes change nothing (not even the PPN or ASID). */
    SATP_REFUSED(2, 1)
    SATP_REFUSED(3, 2)
    SATP_REFUSED(4, 5)
    SATP_REFUSED(5, 7)
    SATP_REFUSED(6, 11)
    SATP_REFUSED(7, 15)
    li a1, -1
    csrw satp, a1
    csrr a0, satp
    CHECK_REGS(8, a0, s0)
    /* Translation still works. */
    li t3, 0x2000
    S_OK(9, lw a0, 8(t3))
    CHECK(10, a0, 0x22222222)

    /* Bare is accepted (and turns translation off for S). */
    csrwi satp, 0
    csrr a0, satp
    CHECK(11, a0, 0)
    la t3, dvar
    S_OK(12, lw a0, 0(t3))
    CHECK(13, a0, 0x600d)
    csrw satp, s0
    sfence.vma
    csrr a0, satp
    CHECK_REGS(14, a0, s0)

    /* Sv39 canonical and non-canonical addresses. */
    li t0, 0xffffffff00000000
    la t3, dvar
    add t3, t3, t0                       /* root[510] alias of dvar */
    S_OK(20, lw a0, 0(t3))
    CHECK(21, a0, 0x600d)
    li t0, 0x0000007f00000000
    la t3, dvar
    add t3, t3, t0                       /* same low 39 bits, not canonical */
    S_FAULT_R(22, CAUSE_LOAD_PAGE, t3, lw a0, 0(t3))
    S_FAULT_R(23, CAUSE_STORE_PAGE, t3, sw a0, 0(t3))
    li t0, 0x8000000000000000
    la t3, dvar
    add t3, t3, t0                       /* bit 63 alone: root[2] otherwise */
    S_FAULT_R(24, CAUSE_LOAD_PAGE, t3, lw a0, 0(t3))
    li t3, 0x0000008000002000            /* bit 39 alone: VA 0x2000 otherwise */
    S_FAULT_R(25, CAUSE_LOAD_PAGE, t3, lw a0, 0(t3))
    la t0, sfunc
    li t3, 0x0000007f00000000
    add t3, t3, t0
    S_FETCH_FAULT_T3(26)
    la t0, sfunc
    li t3, 0xffffffff00000000
    add t3, t3, t0
    li a0, 0
    S_OK(27, jalr ra, 0(t3))
    CHECK(28, a0, 0x55)

    /* Sv48. root48[0] -> l3a: [0] -> vm_mid (the Sv39 levels below, so
     * VA 0x2000 is ppage again), [2] identity gigapage, [1] user alias;
     * root48[1] -> l3b: [0] gigapage VA 0x8000000000 -> 0x80000000;
     * root48[2]: terapage VA 0x10000000000 -> PA 0. */
    MAP_TABLE(vm_root48, 0, vm_l3a)
    MAP_TABLE(vm_l3a, 0, vm_mid)
    MAP_PA(vm_l3a, 2, 0x80000000, LEAF | PTE_R | PTE_W | PTE_X)
    MAP_PA(vm_l3a, 1, 0x80000000, LEAF | PTE_R | PTE_W | PTE_X | PTE_U)
    MAP_TABLE(vm_root48, 1, vm_l3b)
    MAP_PA(vm_l3b, 0, 0x80000000, LEAF | PTE_R | PTE_W)
    MAP_PA(vm_root48, 2, 0, LEAF | PTE_R | PTE_W)
    SATP_VALUE(s1, SATP_MODE_SV48, vm_root48)
    csrw satp, s1
    sfence.vma
    csrr a0, satp
    CHECK_REGS(30, a0, s1)
    li t3, 0x2000
    li a0, 0
    S_OK(31, lw a0, 8(t3))
    CHECK(32, a0, 0x22222222)
    li t0, 0x8000000000 - 0x80000000
    la t3, dvar
    add t3, t3, t0
    li a0, 0
    S_OK(33, lw a0, 0(t3))
    CHECK(34, a0, 0x600d)
    li t0, 0x10000000000
    la t3, dvar
    add t3, t3, t0
    li a0, 0
    S_OK(35, lw a0, 0(t3))
    CHECK(36, a0, 0x600d)
    /* U code runs through the Sv48 user alias too */
    li a0, 0
    U_OK(37, li a0, 0x99)
    CHECK(38, a0, 0x99)
    /* Sv48 non-canonical: bit 63 with bit 47 clear */
    li t0, 0x8000008000000000 - 0x80000000
    la t3, dvar
    add t3, t3, t0
    S_FAULT_R(39, CAUSE_LOAD_PAGE, t3, lw a0, 0(t3))
    li t3, 0x0001000000002000            /* bit 48 alone */
    S_FAULT_R(40, CAUSE_STORE_PAGE, t3, sw a0, 0(t3))
    /* the Sv39 root[510] alias does not exist under Sv48 */
    li t0, 0xffffffff00000000
    la t3, dvar
    add t3, t3, t0
    S_FAULT_R(41, CAUSE_LOAD_PAGE, t3, lw a0, 0(t3))

    /* Sv57: root57[0] -> vm_root48 (as its next level). */
    MAP_TABLE(vm_root57, 0, vm_root48)
    SATP_VALUE(s1, SATP_MODE_SV57, vm_root57)
    csrw satp, s1
    sfence.vma
    csrr a0, satp
    CHECK_REGS(50, a0, s1)
    li t3, 0x2000
    li a0, 0
    S_OK(51, lw a0, 8(t3))
    CHECK(52, a0, 0x22222222)
    li t3, 0x0100000000002000            /* bit 56 alone */
    S_FAULT_R(53, CAUSE_LOAD_PAGE, t3, lw a0, 0(t3))

    TEST_PASS

sfunc:
    li a0, 0x55
    ret

    VM_HANDLERS

    .pushsection .data
    .balign 4096
ppage:
    .word 0x11111111, 0, 0x22222222, 0
    .balign 4096
vm_root48: .zero 4096
vm_l3a: .zero 4096
vm_l3b: .zero 4096
vm_root57: .zero 4096
dvar: .word 0x600d
    .popsection
    VM_TABLES
TEST_END
