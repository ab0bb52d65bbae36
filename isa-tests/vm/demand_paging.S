/*
 * A small supervisor with demand paging (privileged spec 1.12, 4.1 and
 * 4.3-4.4). M mode builds the page tables (vm.h: identity superpage for the
 * test, no U), turns on Sv39/Sv32 through satp, delegates page faults to S
 * and drops to S. S maps a user code page at VA 0x1000 and an S-only page
 * at VA 0x9000, installs its own handler and enters U at 0x1000 with sret.
 *
 * The user program touches pages nobody mapped: a load (VA 0x3000 page and
 * VA 0), a store (VA 0x5000 page), a jump (VA 0x7000). Each raises a page
 * fault (13, 15, 12) that the S handler sees with stval = the faulting
 * address, sepc = the instruction (for the jump: its target) and
 * sstatus.SPP = 0. The handler takes a page from its pool, fills it (word
 * at VA v holds v + 1; a fetch gets a small code template), maps it with U,
 * runs sfence.vma and returns to the same instruction, which then
 * completes. A load from the S-only page is a protection fault: the
 * handler skips the instruction. The user program ends with ecall to M,
 * which checks the results and the handler's log.
 */
#include "vm.h"

#if XLEN == 64
#define LOG_SHIFT 5     /* 4 words of 8 bytes per log entry */
#define PTE_SHIFT 3
#else
#define LOG_SHIFT 4
#define PTE_SHIFT 2
#endif

#define POOL_PAGES 8

/* reg = the user VA (u_prog is at 0x1000) of label. Clobbers t4. */
#define UVA(reg, label)                                                     \
    la reg, label;                                                          \
    la t4, u_prog;                                                          \
    sub reg, reg, t4;                                                       \
    li t4, 0x1000;                                                          \
    add reg, reg, t4

/* Check number n: log entry i holds cause, tval, epc (a constant) and
 * sstatus.SPP = 0. Clobbers t0, t1, t4-t6. */
#define CHECK_LOG(n, i, cause, tval)                                        \
    la t0, dp_log + (i) * (4 * REGBYTES);                                   \
    LREG t1, 0(t0);                                                         \
    CHECK(n, t1, cause);                                                    \
    LREG t1, REGBYTES(t0);                                                  \
    CHECK(n, t1, tval);                                                     \
    LREG t1, 3 * REGBYTES(t0);                                              \
    andi t1, t1, MSTATUS_SPP;                                               \
    CHECK(n, t1, 0)
/* The same entry's epc is the user VA of label. */
#define CHECK_LOG_EPC(n, i, label)                                          \
    la t0, dp_log + (i) * (4 * REGBYTES);                                   \
    LREG t1, 2 * REGBYTES(t0);                                              \
    UVA(t5, label);                                                         \
    CHECK_REGS(n, t1, t5)

TEST_BEGIN
    VM_SETUP

    /* satp holds what was written. */
    csrr a0, satp
    la t0, vm_root
    srli t0, t0, 12
    li t1, SATP_MODE_DEFAULT
    slli t1, t1, SATP_MODE_SHIFT
    or t0, t0, t1
    CHECK_REGS(1, a0, t0)
    csrr a0, medeleg
    CHECK(2, a0, MEDELEG_PAGE)

    /* Into the supervisor; the user program's ecall comes back to 1f. */
    li TESTNUM, 3
    TRAP_CLEAR
    IN_MODE(PRV_S, j s_main)
    CHECK(4, T_ECAUSE, CAUSE_ECALL_U)
    UVA(t5, u_ecall)
    CHECK_REGS(5, T_EEPC, t5)

    /* What the user program read. */
    CHECK(6, a2, 0x3008 + 1)
    CHECK(7, a3, 0x3010 + 1)
    CHECK(8, a5, 0x1234567)
    CHECK(9, a6, 0x5024 + 1)
    CHECK(10, a7, 0x77)
    CHECK(11, s1, 0x55)
    CHECK(12, s0, 4 + 1)
    CHECK(13, a4, 0x7008 + 1)

    /* The handler's log: five faults, in order. */
    la t0, dp_log_n
    LREG t1, 0(t0)
    CHECK(14, t1, 5)
    CHECK_LOG(15, 0, CAUSE_LOAD_PAGE, 0x3008)
    CHECK_LOG_EPC(16, 0, u_load1)
    CHECK_LOG(17, 1, CAUSE_STORE_PAGE, 0x5020)
    CHECK_LOG_EPC(18, 1, u_store1)
    CHECK_LOG(19, 2, CAUSE_FETCH_PAGE, 0x7000)
    la t0, dp_log + 2 * (4 * REGBYTES)
    LREG t1, 2 * REGBYTES(t0)
    CHECK(20, t1, 0x7000)
    CHECK_LOG(21, 3, CAUSE_LOAD_PAGE, 0x9000)
    CHECK_LOG_EPC(22, 3, u_load_s)
    CHECK_LOG(23, 4, CAUSE_LOAD_PAGE, 4)
    CHECK_LOG_EPC(24, 4, u_load0)

    /* The store went to the pool's second page (physical). */
    la t0, dp_pool + 4096 + 0x20
    lw t1, 0(t0)
    CHECK(25, t1, 0x1234567)
    /* The 0x3000 mapping points at the pool's first page, with U. */
    PT_GET(vm_leaf, 3, t2)
    la t0, dp_pool
    PTE_OF(t0, t0, PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D)
    CHECK_REGS(26, t2, t0)

    TEST_PASS

/* ---- S mode ---- */
s_main:
    MAP4K(0x1000, u_prog, PTE_V | PTE_R | PTE_X | PTE_U | PTE_A)
    MAP4K(0x9000, s_page, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
    sfence.vma
    la t0, dp_strap
    csrw stvec, t0
    li t0, 0x1000
    csrw sepc, t0
    li t0, MSTATUS_SPP
    csrc sstatus, t0
    sret

/* The supervisor's page-fault handler. The user program keeps its data in
 * a0-a7, s0, s1 and ra; this handler uses t0-t6 only. */
    .align 6
dp_strap:
    csrr t0, scause
    bltz t0, dp_bad
    csrr t1, stval
    csrr t2, sepc
    /* log: cause, tval, epc, sstatus */
    la t3, dp_log_n
    LREG t4, 0(t3)
    li t5, 16
    bgeu t4, t5, dp_bad
    addi t5, t4, 1
    SREG t5, 0(t3)
    slli t4, t4, LOG_SHIFT
    la t3, dp_log
    add t3, t3, t4
    SREG t0, 0(t3)
    SREG t1, REGBYTES(t3)
    SREG t2, 2 * REGBYTES(t3)
    csrr t5, sstatus
    SREG t5, 3 * REGBYTES(t3)
    /* only page faults, only in the low 2 MiB */
    li t3, CAUSE_FETCH_PAGE
    beq t0, t3, 1f
    li t3, CAUSE_LOAD_PAGE
    beq t0, t3, 1f
    li t3, CAUSE_STORE_PAGE
    bne t0, t3, dp_bad
1:  srli t3, t1, 21
    bnez t3, dp_bad
    /* t3 = address of the leaf PTE */
    srli t3, t1, 12
    slli t3, t3, PTE_SHIFT
    la t4, vm_leaf
    add t3, t3, t4
    LREG t4, 0(t3)
    andi t4, t4, PTE_V
    beqz t4, 2f
    /* mapped already: a protection fault; skip the (4-byte) instruction */
    addi t2, t2, 4
    csrw sepc, t2
    sret
2:  /* t5 = a fresh physical page */
    la t4, dp_next
    LREG t5, 0(t4)
    bnez t5, 3f
    la t5, dp_pool
3:  la t6, dp_pool_end
    bgeu t5, t6, dp_bad
    li t6, 4096
    add t6, t5, t6
    SREG t6, 0(t4)
    /* fill it: the word at VA v holds v + 1 */
    mv t2, t5
    srli t6, t1, 12
    slli t6, t6, 12
    addi t6, t6, 1
    li t4, 4096
    add t4, t5, t4
4:  sw t6, 0(t2)
    addi t2, t2, 4
    addi t6, t6, 4
    bltu t2, t4, 4b
    /* a fetch gets the code template at the start of the page */
    li t4, CAUSE_FETCH_PAGE
    bne t0, t4, 5f
    la t2, dp_tmpl
    lw t4, 0(t2)
    sw t4, 0(t5)
    lw t4, 4(t2)
    sw t4, 4(t5)
    fence.i
5:  /* map it for U and flush that page's translation */
    PTE_OF(t5, t5, PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D)
    SREG t5, 0(t3)
    sfence.vma t1, zero
    sret

dp_bad:
    li a0, 100
    j harness_exit

    .option push
    .option norvc
dp_tmpl:
    addi a7, zero, 0x77
    jalr zero, 0(ra)
    .option pop

/* ---- U mode: runs at VA 0x1000 (position independent) ---- */
    .balign 4096
u_prog:
    .option push
    .option norvc
    li a1, 0x3000
u_load1:
    lw a2, 8(a1)
    lw a3, 0x10(a1)
    li a1, 0x5000
    li a4, 0x1234567
u_store1:
    sw a4, 0x20(a1)
    lw a5, 0x20(a1)
    lw a6, 0x24(a1)
    li a1, 0x7000
    jalr ra, 0(a1)
    lw a4, 8(a1)
    li a1, 0x9000
    li s1, 0x55
u_load_s:
    lw s1, 0(a1)
    li a1, 0
u_load0:
    lw s0, 4(a1)
u_ecall:
    ecall
    .option pop
    .balign 4096

    VM_HANDLERS

    .pushsection .data
    .balign 4096
s_page: .zero 4096
dp_pool: .zero POOL_PAGES * 4096
dp_pool_end:
dp_next: .zero REGBYTES
dp_log_n: .zero REGBYTES
dp_log: .zero 16 * 4 * REGBYTES
    .popsection
    VM_TABLES
TEST_END
