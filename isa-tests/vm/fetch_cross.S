/*
 * Instruction fetch across a page boundary (privileged spec 1.12, 4.3.2
 * and 3.1.16/4.1.9): a 4-byte instruction whose first half ends one page
 * and whose second half starts the next. The two halves are translated
 * separately: when the second page does not allow the fetch, the
 * instruction page fault (12) has sepc = the instruction's start and
 * stval = the address of the part that faulted (the second page's base).
 * When both pages allow it, the instruction is assembled from the two
 * physical pages the PTEs name, which need not be adjacent.
 *
 * Pages: page_a ends with the low half of `addi a0, zero, 0x456`; page_b
 * (right after page_a physically) starts with the high half of
 * `addi a0, zero, 0x123`; page_c (elsewhere) with the high half of
 * `addi a0, zero, 0x456`; both are followed by `ret`. page_d ends with a
 * 2-byte `c.li a0, 5`, whose next page is unmapped: it runs, and the fetch
 * after it faults with sepc = stval = the next page.
 *
 * QEMU deviations: none known.
 */
#include "vm.h"

#define VA_A 0x1000        /* page_a */
#define VA_N 0x2000        /* next page: page_c or unmapped */
#define VA_D 0x3000        /* page_d */
#define VA_E 0x4000        /* unmapped */

#define XS (PTE_V | PTE_X | PTE_A)
#define XU (PTE_V | PTE_X | PTE_U | PTE_A)

/* Check number n: an instruction page fault, with epc and tval. */
#define CHECK_XFAULT(n, epc, tval)                                          \
    CHECK(n, T_COUNT, 1);                                                   \
    CHECK(n, T_CAUSE, CAUSE_FETCH_PAGE);                                    \
    CHECK(n, T_LEVEL, 1);                                                   \
    CHECK(n, T_EPC, epc);                                                   \
    CHECK(n, T_TVAL, tval)

/* Run, in mode S or U (IN_MODE(PRV_S, ...) / IN_U(...)), a jump to the
 * constant va with a0 = 0x5a; resume after it on a fault. */
#define JUMP_S(va)                                                          \
    TRAP_CLEAR;                                                             \
    li t3, va;                                                              \
    li a0, 0x5a;                                                            \
    IN_MODE(PRV_S, TRY(jalr ra, 0(t3)))
#define JUMP_U(va)                                                          \
    TRAP_CLEAR;                                                             \
    li t3, va;                                                              \
    li a0, 0x5a;                                                            \
    IN_U(TRY(jalr ra, 0(t3)))

TEST_BEGIN
    VM_SETUP
    MAP4K(VA_A, page_a, XS)
    MAP4K(VA_D, page_d, XS)
    sfence.vma

    /* Second page unmapped. */
    JUMP_S(VA_N - 2)
    CHECK_XFAULT(1, VA_N - 2, VA_N)
    CHECK(2, a0, 0x5a)

    /* Second page mapped to page_c: the halves come from page_a and
     * page_c (not from page_b, which follows page_a physically). */
    MAP4K(VA_N, page_c, XS)
    sfence.vma
    JUMP_S(VA_N - 2)
    CHECK(3, T_COUNT, 0)
    CHECK(4, a0, 0x456)

    /* Second page readable but not executable. */
    MAP4K(VA_N, page_c, PTE_V | PTE_R | PTE_A)
    sfence.vma
    JUMP_S(VA_N - 2)
    CHECK_XFAULT(5, VA_N - 2, VA_N)
    CHECK(6, a0, 0x5a)

    /* Second page is a U page: S may not fetch from it. */
    MAP4K(VA_N, page_c, XU)
    sfence.vma
    JUMP_S(VA_N - 2)
    CHECK_XFAULT(7, VA_N - 2, VA_N)

    /* U mode: first page U, second page S-only, then U. */
    MAP4K(VA_A, page_a, XU)
    MAP4K(VA_N, page_c, XS)
    sfence.vma
    JUMP_U(VA_N - 2)
    CHECK(8, T_ECAUSE, CAUSE_ECALL_U)
    CHECK_XFAULT(9, VA_N - 2, VA_N)
    CHECK(10, a0, 0x5a)
    MAP4K(VA_N, page_c, XU)
    sfence.vma
    JUMP_U(VA_N - 2)
    CHECK(11, T_COUNT, 0)
    CHECK(12, a0, 0x456)
    /* and unmapped again */
    UNMAP4K(VA_N)
    sfence.vma
    JUMP_U(VA_N - 2)
    CHECK_XFAULT(13, VA_N - 2, VA_N)

    /* A 2-byte instruction at the end of a page runs; the next fetch
     * faults at the next page. */
    JUMP_S(VA_E - 2)
    CHECK_XFAULT(20, VA_E, VA_E)
    CHECK(21, a0, 5)

    TEST_PASS

    VM_HANDLERS

    .pushsection .data
    .balign 4096
page_a:
    .fill 4094, 1, 0
    .2byte 0x0513              /* addi a0, zero, 0x456 (low half) */
page_b:
    .2byte 0x1230              /* addi a0, zero, 0x123 (high half) */
    .2byte 0x8082              /* c.jr ra */
    .balign 4096
page_c:
    .2byte 0x4560              /* addi a0, zero, 0x456 (high half) */
    .2byte 0x8082              /* c.jr ra */
    .balign 4096
page_d:
    .fill 4094, 1, 0
    .2byte 0x4515              /* c.li a0, 5 */
    .balign 4096
    .popsection
    VM_TABLES
TEST_END
