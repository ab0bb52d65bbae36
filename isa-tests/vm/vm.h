/*
 * Helpers for the virtual-memory tests (RISC-V privileged spec 1.12,
 * chapter 4: supervisor mode, satp, Sv32/Sv39/Sv48 page tables), on top of
 * ../priv/priv.h (register conventions, IN_MODE, TRAP_CLEAR, CHECK...).
 *
 * Address space that VM_SETUP builds (Sv39 on RV64, Sv32 on RV32):
 *   VA 0x80000000...  identity superpage (gigapage on Sv39, 4 MiB megapage
 *                     on Sv32) over the test image: V R W X A D, no U, so
 *                     S mode runs the test's own code and data at their
 *                     link addresses;
 *   VA 0x40000000...  "user alias": the same physical memory, V R W X U A D,
 *                     so U mode can run code of the test at
 *                     label - U_DELTA (see LA_U, GOTO_U, IN_U);
 *   VA 0 .. 2 MiB     4 KiB pages through vm_leaf (two levels down on Sv39,
 *                     one on Sv32): every entry starts invalid; tests map
 *                     pages there with MAP4K.
 * Page faults (12, 13, 15) are delegated to S. Satp holds the root and the
 * mode; ASID 0.
 *
 * Trap handlers (VM_HANDLERS): both record cause/epc/tval/count/level in
 * s2-s6 like priv.h's handlers, but never skip an instruction: an expected
 * exception must have its resume address in s10 (T_FRESUME), and the
 * handler returns there in the trapping mode. An exception with s10 = 0, or
 * any interrupt, ends the test with 128 + TESTNUM (from S mode too, through
 * the identity-mapped harness_exit). Ecalls reaching M behave as with
 * priv_trap: s11 != 0 resumes in M mode at s11, otherwise the test exits
 * with status a0.
 *
 * Scratch registers: the macros here clobber t0-t2 (CHECK uses t6, the
 * CHECK_* helpers t4-t6).
 */
#ifndef ISA_TESTS_VM_H
#define ISA_TESTS_VM_H

#include "../priv/priv.h"

#define PTE_V 0x01
#define PTE_R 0x02
#define PTE_W 0x04
#define PTE_X 0x08
#define PTE_U 0x10
#define PTE_G 0x20
#define PTE_A 0x40
#define PTE_D 0x80
#define PTE_PPN_SHIFT 10

#define CAUSE_FETCH_PAGE 12
#define CAUSE_LOAD_PAGE  13
#define CAUSE_STORE_PAGE 15

#define MEDELEG_PAGE ((1 << CAUSE_FETCH_PAGE) | (1 << CAUSE_LOAD_PAGE) | \
                      (1 << CAUSE_STORE_PAGE))

/* Base of the user alias of the image, and its distance below the image. */
#define U_BASE  0x40000000
#define U_DELTA 0x40000000

#if XLEN == 64
#define PTESIZE 8
#define SATP_MODE_BARE 0
#define SATP_MODE_SV39 8
#define SATP_MODE_SV48 9
#define SATP_MODE_SV57 10
#define SATP_MODE_SHIFT 60
#define SATP_MODE_DEFAULT SATP_MODE_SV39
#define ROOT_SHIFT 30                 /* Sv39 VPN[2] */
#define ROOT_MASK 0x1ff
#define SUPERPAGE 0x40000000          /* a gigapage */
#else
#define PTESIZE 4
#define SATP_MODE_SV32 1
#define SATP_MODE_SHIFT 31
#define SATP_MODE_DEFAULT SATP_MODE_SV32
#define ROOT_SHIFT 22                 /* Sv32 VPN[1] */
#define ROOT_MASK 0x3ff
#define SUPERPAGE 0x400000            /* a megapage */
#endif

/* Index of va in the root table. */
#define ROOT_IDX(va) (((va) >> ROOT_SHIFT) & ROOT_MASK)

/* dst = PTE with the physical address in register src and flags (< 0x800). */
#define PTE_OF(dst, src, flags)                                             \
    srli dst, src, 12;                                                      \
    slli dst, dst, PTE_PPN_SHIFT;                                           \
    ori dst, dst, flags

/* table[idx] = reg. Clobbers t0, t1. */
#define PT_SET(table, idx, reg)                                             \
    la t0, table;                                                           \
    li t1, (idx) * PTESIZE;                                                 \
    add t0, t0, t1;                                                         \
    SREG reg, 0(t0)

/* reg = table[idx]. Clobbers t0, t1 (reg may be t2). */
#define PT_GET(table, idx, reg)                                             \
    la t0, table;                                                           \
    li t1, (idx) * PTESIZE;                                                 \
    add t0, t0, t1;                                                         \
    LREG reg, 0(t0)

/* table[idx] = PTE for the page at label / at the constant pa. Clobbers
 * t0-t2. */
#define MAP_LABEL(table, idx, label, flags)                                 \
    la t2, label;                                                           \
    PTE_OF(t2, t2, flags);                                                  \
    PT_SET(table, idx, t2)
#define MAP_PA(table, idx, pa, flags)                                       \
    li t2, pa;                                                              \
    PTE_OF(t2, t2, flags);                                                  \
    PT_SET(table, idx, t2)
/* A pointer to the next-level table. */
#define MAP_TABLE(table, idx, next) MAP_LABEL(table, idx, next, PTE_V)

/* Map the 4 KiB page at va (< 2 MiB) to the page at label. Clobbers t0-t2. */
#define MAP4K(va, label, flags) MAP_LABEL(vm_leaf, (va) >> 12, label, flags)
/* Make the 4 KiB page at va invalid. Clobbers t0, t1. */
#define UNMAP4K(va) PT_SET(vm_leaf, (va) >> 12, zero)

/* satp = mode | root's PPN (ASID 0), then flush. Clobbers t0, t1. */
#define SATP_SET(mode, root)                                                \
    la t0, root;                                                            \
    srli t0, t0, 12;                                                        \
    li t1, mode;                                                            \
    slli t1, t1, SATP_MODE_SHIFT;                                           \
    or t0, t0, t1;                                                          \
    csrw satp, t0;                                                          \
    sfence.vma

/* reg = the user-alias address of label. */
#define LA_U(reg, label)                                                    \
    la reg, label;                                                          \
    li t1, U_DELTA;                                                         \
    sub reg, reg, t1

/* Continue at label in U mode, at its user-alias address. */
#define GOTO_U(label)                                                       \
    li t0, MSTATUS_MPP;                                                     \
    csrc mstatus, t0;                                                       \
    LA_U(t0, label);                                                        \
    csrw mepc, t0;                                                          \
    mret

/* Like IN_MODE(PRV_U, code) but runs code through the user alias. */
#define IN_U(code...)                                                       \
    la T_ERESUME, 97f;                                                      \
    GOTO_U(96f);                                                            \
96: code;                                                                   \
    ecall;                                                                  \
97:

/* Run insn (labelled 90) in the current mode with its resume address set:
 * after an exception the handler continues right after it. Uses label 98. */
#define TRY(insn...)                                                        \
    la T_FRESUME, 98f;                                                      \
90: insn;                                                                   \
98: li T_FRESUME, 0

/* Check number n: exactly one exception, cause `cause`, tval = constant
 * tval, recorded by the handler at level lvl (1 = S, 3 = M). */
#define CHECK_FAULT(n, lvl, cause, tval)                                    \
    CHECK(n, T_COUNT, 1);                                                   \
    CHECK(n, T_CAUSE, cause);                                               \
    CHECK(n, T_TVAL, tval);                                                 \
    CHECK(n, T_LEVEL, lvl)

/* Check number n: the recorded epc is label 90 of the last TRY (reg = 0)
 * or its user alias (in U code; then pass U_DELTA). Clobbers t4-t6. */
#define CHECK_EPC90(n, delta)                                               \
    la t5, 90b;                                                             \
    li t4, delta;                                                           \
    sub t5, t5, t4;                                                         \
    CHECK_REGS(n, T_EPC, t5)

/* Check number n: running `insn` in S mode (mode 1) or U mode (through the
 * user alias, mode 0) raises one page fault with cause and tval, taken by
 * the S handler at insn. */
#define S_FAULT(n, cause, tval, insn...)                                    \
    TRAP_CLEAR;                                                             \
    IN_MODE(PRV_S, TRY(insn));                                              \
    CHECK(n, T_ECAUSE, CAUSE_ECALL_S);                                      \
    CHECK_FAULT(n, 1, cause, tval);                                         \
    CHECK_EPC90(n, 0)
#define U_FAULT(n, cause, tval, insn...)                                    \
    TRAP_CLEAR;                                                             \
    IN_U(TRY(insn));                                                        \
    CHECK(n, T_ECAUSE, CAUSE_ECALL_U);                                      \
    CHECK_FAULT(n, 1, cause, tval);                                         \
    CHECK_EPC90(n, U_DELTA)

/* The same as S_FAULT with the expected tval in register reg (not t4-t6). */
#define S_FAULT_R(n, cause, reg, insn...)                                   \
    TRAP_CLEAR;                                                             \
    IN_MODE(PRV_S, TRY(insn));                                              \
    CHECK(n, T_ECAUSE, CAUSE_ECALL_S);                                      \
    CHECK(n, T_COUNT, 1);                                                   \
    CHECK(n, T_CAUSE, cause);                                               \
    CHECK(n, T_LEVEL, 1);                                                   \
    CHECK_REGS(n, T_TVAL, reg);                                             \
    CHECK_EPC90(n, 0)

/* Check number n: in S mode / in U mode, a jump (jalr ra) to the constant
 * va raises an instruction page fault with sepc = stval = va. Uses t3. */
#define S_FETCH_FAULT(n, va)                                                \
    TRAP_CLEAR;                                                             \
    li t3, va;                                                              \
    IN_MODE(PRV_S, TRY(jalr ra, 0(t3)));                                    \
    CHECK(n, T_ECAUSE, CAUSE_ECALL_S);                                      \
    CHECK_FAULT(n, 1, CAUSE_FETCH_PAGE, va);                                \
    CHECK(n, T_EPC, va)
#define U_FETCH_FAULT(n, va)                                                \
    TRAP_CLEAR;                                                             \
    li t3, va;                                                              \
    IN_U(TRY(jalr ra, 0(t3)));                                              \
    CHECK(n, T_ECAUSE, CAUSE_ECALL_U);                                      \
    CHECK_FAULT(n, 1, CAUSE_FETCH_PAGE, va);                                \
    CHECK(n, T_EPC, va)

/* The same with the target address in register t3 (set beforehand). */
#define S_FETCH_FAULT_T3(n)                                                 \
    TRAP_CLEAR;                                                             \
    IN_MODE(PRV_S, TRY(jalr ra, 0(t3)));                                    \
    CHECK(n, T_ECAUSE, CAUSE_ECALL_S);                                      \
    CHECK(n, T_COUNT, 1);                                                   \
    CHECK(n, T_CAUSE, CAUSE_FETCH_PAGE);                                    \
    CHECK(n, T_LEVEL, 1);                                                   \
    CHECK_REGS(n, T_TVAL, t3);                                              \
    CHECK_REGS(n, T_EPC, t3)
#define U_FETCH_FAULT_T3(n)                                                 \
    TRAP_CLEAR;                                                             \
    IN_U(TRY(jalr ra, 0(t3)));                                              \
    CHECK(n, T_ECAUSE, CAUSE_ECALL_U);                                      \
    CHECK(n, T_COUNT, 1);                                                   \
    CHECK(n, T_CAUSE, CAUSE_FETCH_PAGE);                                    \
    CHECK(n, T_LEVEL, 1);                                                   \
    CHECK_REGS(n, T_TVAL, t3);                                              \
    CHECK_REGS(n, T_EPC, t3)

/* Set / clear mstatus bits (SUM, MXR...) from M mode. Clobbers t0. */
#define MSTATUS_ON(bits)  li t0, bits; csrs mstatus, t0
#define MSTATUS_OFF(bits) li t0, bits; csrc mstatus, t0

/* Check number n: running `code` in S / U mode raises no exception. */
#define S_OK(n, code...)                                                    \
    TRAP_CLEAR;                                                             \
    IN_MODE(PRV_S, code);                                                   \
    CHECK(n, T_ECAUSE, CAUSE_ECALL_S);                                      \
    CHECK(n, T_COUNT, 0)
#define U_OK(n, code...)                                                    \
    TRAP_CLEAR;                                                             \
    IN_U(code);                                                             \
    CHECK(n, T_ECAUSE, CAUSE_ECALL_U);                                      \
    CHECK(n, T_COUNT, 0)

/* Install the handlers, delegate page faults to S, build the address
 * space described above and turn translation on (for S and U). */
#define VM_SETUP                                                            \
    SET_TRAP_HANDLER(vm_mtrap);                                             \
    la t0, vm_strap;                                                        \
    csrw stvec, t0;                                                         \
    li t0, MEDELEG_PAGE;                                                    \
    csrw medeleg, t0;                                                       \
    MAP_PA(vm_root, ROOT_IDX(0x80000000), 0x80000000,                       \
           PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D);                  \
    MAP_PA(vm_root, ROOT_IDX(U_BASE), 0x80000000,                           \
           PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D);           \
    VM_SETUP_LOW;                                                           \
    SATP_SET(SATP_MODE_DEFAULT, vm_root);                                   \
    TRAP_CLEAR

#if XLEN == 64
#define VM_SETUP_LOW MAP_TABLE(vm_root, 0, vm_mid); MAP_TABLE(vm_mid, 0, vm_leaf)
#else
#define VM_SETUP_LOW MAP_TABLE(vm_root, 0, vm_leaf)
#endif

/* The trap handlers; place once, in .text. */
#define VM_HANDLERS                                                         \
    .align 6;                                                               \
    .globl vm_mtrap;                                                        \
vm_mtrap:                                                                   \
    csrw mscratch, t0;                                                      \
    csrr t0, mcause;                                                        \
    bltz t0, 50f;                                                           \
    addi t0, t0, -CAUSE_ECALL_U;                                            \
    beqz t0, 20f;                                                           \
    addi t0, t0, CAUSE_ECALL_U - CAUSE_ECALL_S;                             \
    beqz t0, 20f;                                                           \
    addi t0, t0, CAUSE_ECALL_S - CAUSE_ECALL_M;                             \
    beqz t0, 20f;                                                           \
    beqz s10, 50f;                                                          \
    csrr s2, mcause;                                                        \
    csrr s3, mepc;                                                          \
    csrr s4, mtval;                                                         \
    addi s5, s5, 1;                                                         \
    li s6, 3;                                                               \
    csrw mepc, s10;                                                         \
    li s10, 0;                                                              \
    csrr t0, mscratch;                                                      \
    mret;                                                                   \
20: csrr s7, mcause;                                                        \
    csrr s8, mepc;                                                          \
    beqz s11, 25f;                                                          \
    csrw mepc, s11;                                                         \
    li s11, 0;                                                              \
    li t0, MSTATUS_MPP;                                                     \
    csrs mstatus, t0;                                                       \
    li t0, MSTATUS_MPIE;                                                    \
    csrc mstatus, t0;                                                       \
    csrr t0, mscratch;                                                      \
    mret;                                                                   \
25: csrr t0, mscratch;                                                      \
    j harness_trap;                                                         \
50: addi a0, TESTNUM, 128;                                                  \
    j harness_exit;                                                         \
                                                                            \
    .align 6;                                                               \
    .globl vm_strap;                                                        \
vm_strap:                                                                   \
    beqz s10, 50f;                                                          \
    csrr s2, scause;                                                        \
    bltz s2, 50f;                                                           \
    csrr s3, sepc;                                                          \
    csrr s4, stval;                                                         \
    addi s5, s5, 1;                                                         \
    li s6, 1;                                                               \
    csrw sepc, s10;                                                         \
    li s10, 0;                                                              \
    sret;                                                                   \
50: addi a0, TESTNUM, 128;                                                  \
    j harness_exit

/* The page tables (in .data, so they start zeroed without relying on the
 * loader); place once, after the code. */
#define VM_TABLES                                                           \
    .pushsection .data;                                                     \
    .balign 4096;                                                           \
    .globl vm_root;                                                         \
vm_root: .zero 4096;                                                        \
    .globl vm_mid;                                                          \
vm_mid:  .zero 4096;                                                        \
    .globl vm_leaf;                                                         \
vm_leaf: .zero 4096;                                                        \
    .popsection

#endif
