/*
 * A small harness for our assembly ISA tests on the HTIF test board
 * (RAM at 0x80000000, start in M mode, tohost/fromhost found by symbol).
 *
 * Exit status of a test program:
 *   0          every check passed
 *   1..127     the check numbered so failed (TESTNUM holds the number)
 *   128 + n    an unexpected trap happened while check n was running
 *
 * A test body runs in M mode unless it changes mode itself. From any mode,
 * `ecall` with a0 = status ends the test with that status (this is how
 * TEST_PASS / TEST_FAIL work below S and U mode). Tests that take traps on
 * purpose install their own handler with SET_TRAP_HANDLER and may chain to
 * harness_trap for everything they do not expect.
 */
#ifndef ISA_TESTS_HARNESS_H
#define ISA_TESTS_HARNESS_H

#define TESTNUM gp

#if __riscv_xlen == 64
#define XLEN 64
#define REGBYTES 8
#define LREG ld
#define SREG sd
#else
#define XLEN 32
#define REGBYTES 4
#define LREG lw
#define SREG sw
#endif

#ifdef VIRT_BOARD
/* On the virt board (-bios none -kernel TEST): the SiFive test finisher at
 * 0x100000 powers off with 0x5555 (status 0) or ends with status << 16 |
 * 0x3333 (status = the failing check). */
#define HARNESS_EXIT_A0                                                     \
    li t0, 0x100000;                                                        \
    li t1, 0x5555;                                                          \
    beqz a0, 2f;                                                            \
    slli a0, a0, 16;                                                        \
    li t1, 0x3333;                                                          \
    or t1, t1, a0;                                                          \
2:  sw t1, 0(t0);                                                           \
1:  j 1b
#else
/* On the HTIF test board: tohost = (status << 1) | 1, low word first, as
 * riscv-tests do. */
#define HARNESS_EXIT_A0                                                     \
    slli a0, a0, 1;                                                         \
    ori a0, a0, 1;                                                          \
    la t0, tohost;                                                          \
1:  sw a0, 0(t0);                                                           \
    sw zero, 4(t0);                                                         \
    j 1b
#endif

/* Start of a test program: sets up a default trap handler, gives S and U
 * mode access to all memory through PMP entry 0, and masks every interrupt. */
#define TEST_BEGIN TEST_BEGIN_AT(_start)
/* The same, entered at `entry` (for tests that run code of their own
 * first, from _start). */
#define TEST_BEGIN_AT(entry)                                                \
    .section .text.init, "ax";                                              \
    .globl entry;                                                           \
entry:                                                                      \
    la t0, harness_trap;                                                    \
    csrw mtvec, t0;                                                         \
    li t0, -1;                                                              \
    csrw pmpaddr0, t0;                                                      \
    li t0, 0x1f; /* NAPOT, R, W, X */                                       \
    csrw pmpcfg0, t0;                                                       \
    csrwi mie, 0;                                                           \
    csrwi medeleg, 0;                                                       \
    csrwi mideleg, 0;                                                       \
    li TESTNUM, 0;                                                          \
    j harness_body;                                                         \
                                                                            \
    .align 2;                                                               \
    .globl harness_trap;                                                    \
harness_trap:                                                               \
    /* ecall from U (8), S (9) or M (11): a0 is the exit status */          \
    csrr t0, mcause;                                                        \
    li t1, 8;                                                               \
    beq t0, t1, harness_exit;                                               \
    li t1, 9;                                                               \
    beq t0, t1, harness_exit;                                               \
    li t1, 11;                                                              \
    beq t0, t1, harness_exit;                                               \
    addi a0, TESTNUM, 128;                                                  \
    j harness_exit;                                                         \
                                                                            \
    .globl harness_exit;                                                    \
harness_exit:                                                               \
    HARNESS_EXIT_A0;                                                        \
                                                                            \
    .section .text, "ax";                                                   \
harness_body:

/* End of a test program: the pass/fail exits and the HTIF words. */
#define TEST_END                                                            \
    TEST_PASS;                                                              \
    .pushsection .tohost, "aw", @progbits;                                  \
    .align 6;                                                               \
    .globl tohost;                                                          \
    .type tohost, @object;                                                  \
    .size tohost, 8;                                                        \
tohost: .dword 0;                                                           \
    .align 6;                                                               \
    .globl fromhost;                                                        \
    .type fromhost, @object;                                                \
    .size fromhost, 8;                                                      \
fromhost: .dword 0;                                                         \
    .popsection

/* Pass / fail from M mode (jump straight to the exit). */
#define TEST_PASS  li a0, 0; j harness_exit
#define TEST_FAIL  mv a0, TESTNUM; j harness_exit
/* Pass / fail from any mode, through ecall (the default handler exits). */
#define TEST_PASS_ECALL  li a0, 0; ecall
#define TEST_FAIL_ECALL  mv a0, TESTNUM; ecall

/* Install a trap handler for M mode. */
#define SET_TRAP_HANDLER(label) la t0, label; csrw mtvec, t0

/* Check number n: fail unless register reg equals the constant value.
 * Clobbers t6. */
#define CHECK(n, reg, value)                                                \
    li TESTNUM, n;                                                          \
    li t6, value;                                                           \
    beq reg, t6, 99f;                                                       \
    TEST_FAIL;                                                              \
99:

/* Check number n: run `code`, then compare register reg with value. */
#define TEST_CASE(n, reg, value, code...)                                   \
    li TESTNUM, n;                                                          \
    code;                                                                   \
    li t6, value;                                                           \
    beq reg, t6, 99f;                                                       \
    TEST_FAIL;                                                              \
99:

/* Check number n: fail unless the two registers are equal. */
#define CHECK_REGS(n, a, b)                                                 \
    li TESTNUM, n;                                                          \
    beq a, b, 99f;                                                          \
    TEST_FAIL;                                                              \
99:

#endif
