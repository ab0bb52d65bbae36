/*
 * The remaining RV32I / RV64I instructions: fence (several predecessor /
 * successor sets), fence.tso, the pause hint (a fence encoding), nop and
 * other x0-destination hints, and ebreak (breakpoint trap with mepc at the
 * ebreak; execution resumes after it). None of them may change registers.
 */
#include "unpriv.h"

    .option norvc
    TEST_BEGIN

    /* ---- fences run and change nothing ---- */
    li a0, 0x1234
    fence
    fence rw, rw
    fence r, r
    fence w, w
    fence r, w
    fence iorw, iorw
    fence i, o
    fence.tso
    .insn i MISC_MEM, 0, x0, x0, 0x010     /* pause (fence w, 0) */
    CHECK(1, a0, 0x1234)
    /* memory ordered by a fence, seen by this hart */
    TEST_CASE(2, a0, 0x55, la a1, misc_buf; li a2, 0x55; sw a2, 0(a1); fence w, r; lw a0, 0(a1))
    TEST_CASE(3, a0, 0x66, li a2, 0x66; sw a2, 0(a1); fence.tso; lw a0, 0(a1))

    /* ---- nop and other hints writing x0 ---- */
    TEST_CASE(4, a0, 0x77, li a0, 0x77; nop; addi x0, a0, 1; add x0, a0, a0; lui x0, 1; li a1, 3)
    CHECK(5, x0, 0)
    CHECK(6, a1, 3)

    /* ---- ebreak ---- */
    SET_TRAP_HANDLER(ebreak_handler)
    TEST_CASE(7, a4, 1, li a4, 0; li a5, 0; la a3, 1f; 1: ebreak; addi a4, a4, 0)
    CHECK_REGS(8, a5, a3)
    /* a second ebreak works the same way */
    TEST_CASE(9, a4, 2, la a3, 1f; 1: ebreak; addi a4, a4, 0)
    CHECK_REGS(10, a5, a3)
    SET_TRAP_HANDLER(harness_trap)

    TEST_END

    .balign 4
ebreak_handler:
    csrr t0, mcause
    li t1, 3                /* breakpoint */
    bne t0, t1, harness_trap
    csrr a5, mepc
    addi t0, a5, 4          /* skip the 4-byte ebreak */
    csrw mepc, t0
    addi a4, a4, 1
    mret

    .data
    .balign 8
misc_buf:
    .dword 0
