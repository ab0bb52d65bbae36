/*
 * Address-translation caching and sfence.vma (privileged spec 1.12, 4.2.1
 * and 4.3.2; Zifencei for the code written through a data mapping):
 *   - an execute-only code page at VA_X maps physical page code1 and runs;
 *     S changes the PTE to code2 (other code), runs sfence.vma (no
 *     fence.i: neither page's bytes changed) and the new code must run;
 *     then back again, flushing with the ASID form (rs1 = x0, rs2 = ASID
 *     0);
 *   - a data PTE changed from data1 to data2 is used after sfence.vma with
 *     the address form (rs1 = VA, rs2 = x0), and after the VA+ASID form;
 *   - two virtual pages mapping one physical page see each other's stores;
 *   - code stored through a writable mapping and run (after fence.i)
 *     through an execute-only mapping of the same physical page, twice;
 *   - sfence.vma is illegal in U mode (2, taken in M: not delegated).
 * All of it runs in one S-mode block, so nothing but sfence.vma (and
 * fence.i) separates the PTE changes from their use.
 *
 * QEMU deviations: none known.
 */
#include "vm.h"

#define VA_X   0x10000     /* execute-only: code1 / code2 */
#define VA_D   0x11000     /* read-write: data1 / data2 */
#define VA_D2  0x12000     /* read-write: data1 always */
#define VA_W3  0x13000     /* read-write: code3 */
#define VA_X3  0x14000     /* execute-only: code3 */

#define XO (PTE_V | PTE_X | PTE_A)
#define RW (PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)

/* In S mode: vm_leaf[va >> 12] = PTE(label, flags). Clobbers t0-t2. */
#define REMAP(va, label, flags) MAP4K(va, label, flags)

TEST_BEGIN
    VM_SETUP
    MAP4K(VA_X, code1, XO)
    MAP4K(VA_D, data1, RW)
    MAP4K(VA_D2, data1, RW)
    MAP4K(VA_W3, code3, RW)
    MAP4K(VA_X3, code3, XO)
    sfence.vma

    li TESTNUM, 1
    TRAP_CLEAR
    IN_MODE(PRV_S,
        li t3, VA_X;
        li t4, VA_D;
        jalr ra, 0(t3);
        mv s0, a0;                  /* 1: code1 */
        lw s1, 0(t4);               /* data1 */
        REMAP(VA_X, code2, XO);
        sfence.vma;
        jalr ra, 0(t3);
        mv s9, a0;                  /* 2: code2 */
        REMAP(VA_D, data2, RW);
        sfence.vma t4, zero;
        lw a1, 0(t4);               /* data2 */
        REMAP(VA_X, code1, XO);
        li t5, 0;
        sfence.vma zero, t5;
        jalr ra, 0(t3);
        mv a2, a0;                  /* 1: code1 again */
        REMAP(VA_D, data1, RW);
        sfence.vma t4, t5;
        lw a3, 0(t4);               /* data1 again */
        /* aliases: a store through VA_D2 is seen through VA_D */
        li t3, VA_D2;
        li a0, 0x7171;
        sw a0, 4(t3);
        lw a4, 4(t4);
        /* code written through VA_W3, run through VA_X3 */
        li t3, VA_W3;
        li t4, VA_X3;
        li a0, 0x00300513;          /* addi a0, zero, 3 */
        sw a0, 0(t3);
        li a0, 0x00008067;          /* jalr zero, 0(ra) */
        sw a0, 4(t3);
        fence.i;
        li a0, 0;
        jalr ra, 0(t4);
        mv a5, a0;                  /* 3 */
        li a0, 0x00400513;          /* addi a0, zero, 4 */
        sw a0, 0(t3);
        fence.i;
        li a0, 0;
        jalr ra, 0(t4);
        mv a6, a0)                  /* 4 */
    CHECK(2, T_ECAUSE, CAUSE_ECALL_S)
    CHECK(3, T_COUNT, 0)
    CHECK(4, s0, 1)
    CHECK(5, s1, 0x1111)
    CHECK(6, s9, 2)
    CHECK(7, a1, 0x2222)
    CHECK(8, a2, 1)
    CHECK(9, a3, 0x1111)
    CHECK(10, a4, 0x7171)
    lw a0, data1 + 4
    CHECK(11, a0, 0x7171)
    CHECK(12, a5, 3)
    CHECK(13, a6, 4)

    /* sfence.vma in U mode: illegal instruction, handled by M. */
    TRAP_CLEAR
    IN_U(TRY(sfence.vma))
    CHECK(20, T_ECAUSE, CAUSE_ECALL_U)
    CHECK(21, T_COUNT, 1)
    CHECK(22, T_CAUSE, CAUSE_ILLEGAL)
    CHECK(23, T_LEVEL, 3)
    CHECK_EPC90(24, U_DELTA)

    TEST_PASS

    VM_HANDLERS

    .balign 4096
code1:
    li a0, 1
    ret
    .balign 4096
code2:
    li a0, 2
    ret
    .balign 4096

    .pushsection .data
    .balign 4096
data1: .word 0x1111, 0
    .balign 4096
data2: .word 0x2222, 0
    .balign 4096
code3: .word 0, 0
    .balign 4096
    .popsection
    VM_TABLES
TEST_END
