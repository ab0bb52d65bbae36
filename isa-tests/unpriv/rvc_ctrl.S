/*
 * C extension control transfer, written with explicit c. mnemonics:
 * c.j, c.jal (RV32 only), c.jr, c.jalr, c.beqz, c.bnez, c.ebreak.
 * Forward and backward, taken and not taken, near the offset limits,
 * link = address + 2, c.jalr with rs1 == ra. Also 32-bit instructions,
 * jumps and branches at addresses that are 2 but not 4 byte aligned
 * (legal once C is present).
 */
#include "unpriv.h"

    TEST_BEGIN

    /* ---- c.j ---- */
    TEST_CASE(1, a0, 2,
        li a0, 0;
        c.j 2f;
        c.addi a0, 1;
2:      c.addi a0, 2)
    TEST_CASE(2, a0, 6,
        li a0, 0;
        c.j 2f;
1:      c.addi a0, 4;
        c.j 3f;
2:      c.addi a0, 2;
        c.j 1b;
        c.addi a0, 1;
3:)
    /* about 2 KiB each way (the limit is -2048 / +2046) */
    .option push
    .option norelax
    TEST_CASE(3, a0, 6,
        li a0, 0;
        c.j 2f;
1:      c.addi a0, 4;
        c.j 3f;
        .skip 2036;
2:      c.addi a0, 2;
        c.j 1b;
        c.addi a0, 1;
3:)
    .option pop

    /* ---- c.beqz / c.bnez (rs1' in x8..x15) ---- */
    TEST_CASE(4, a0, 2, li a0, 0; li s0, 0; c.beqz s0, 2f; c.addi a0, 1; 2: c.addi a0, 2)
    TEST_CASE(5, a0, 3, li a0, 0; li s0, 1; c.beqz s0, 2f; c.addi a0, 1; 2: c.addi a0, 2)
    TEST_CASE(6, a0, 3, li a0, 0; li s1, -1; c.beqz s1, 2f; c.addi a0, 1; 2: c.addi a0, 2)
    TEST_CASE(7, a0, 2, li a0, 0; li a5, -1; c.bnez a5, 2f; c.addi a0, 1; 2: c.addi a0, 2)
    TEST_CASE(8, a0, 3, li a0, 0; li a5, 0; c.bnez a5, 2f; c.addi a0, 1; 2: c.addi a0, 2)
#if XLEN == 64
    /* all 64 bits are compared with zero */
    TEST_CASE(9, a0, 3, li a0, 0; li a4, 0x100000000; c.beqz a4, 2f; c.addi a0, 1; 2: c.addi a0, 2)
    TEST_CASE(10, a0, 2, li a0, 0; li a4, 0x100000000; c.bnez a4, 2f; c.addi a0, 1; 2: c.addi a0, 2)
#endif
    /* backward, counting a loop down */
    TEST_CASE(11, a0, 5, li a0, 0; li a1, 5; 1: c.addi a0, 1; c.addi a1, -1; c.bnez a1, 1b)
    TEST_CASE(12, a0, 6,
        li a0, 0; li a2, 0;
        c.j 2f;
1:      c.addi a0, 4;
        c.j 3f;
2:      c.addi a0, 2;
        c.beqz a2, 1b;
        c.addi a0, 1;
3:)
    /* near the limits (-256 / +254) */
    .option push
    .option norelax
    TEST_CASE(13, a0, 6,
        li a0, 0; li a2, 0;
        c.beqz a2, 2f;
1:      c.addi a0, 4;
        c.j 3f;
        .skip 240;
2:      c.addi a0, 2;
        c.beqz a2, 1b;
        c.addi a0, 1;
3:)
    TEST_CASE(14, a0, 6,
        li a0, 0; li a2, 9;
        c.bnez a2, 2f;
1:      c.addi a0, 4;
        c.j 3f;
        .skip 240;
2:      c.addi a0, 2;
        c.bnez a2, 1b;
        c.addi a0, 1;
3:)
    .option pop

    /* ---- c.jr ---- */
    TEST_CASE(15, a0, 2, li a0, 0; la a1, 2f; c.jr a1; c.addi a0, 1; 2: c.addi a0, 2)
    TEST_CASE(16, a0, 6,
        li a0, 0;
        c.j 2f;
1:      c.addi a0, 4;
        c.j 3f;
2:      c.addi a0, 2;
        la t2, 1b;
        c.jr t2;
        c.addi a0, 1;
3:)
    /* ---- c.jalr: ra = address + 2 ---- */
    TEST_CASE(17, a0, 2, li a0, 0; la a1, 2f; la a3, 1f; c.jalr a1; 1: c.addi a0, 1; 2: c.addi a0, 2)
    CHECK_REGS(18, ra, a3)
    /* rs1 == ra: jump to the old ra, then link */
    TEST_CASE(19, a0, 2, li a0, 0; la ra, 2f; la a3, 1f; c.jalr ra; 1: c.addi a0, 1; 2: c.addi a0, 2)
    CHECK_REGS(20, ra, a3)
    /* call and return */
    TEST_CASE(21, a0, 7,
        li a0, 0;
        c.j 2f;
1:      c.addi a0, 4;
        c.jr ra;
2:      la t0, 1b;
        c.jalr t0;
        c.addi a0, 3)

#if XLEN == 32
    /* ---- c.jal (RV32 only): ra = address + 2 ---- */
    TEST_CASE(22, a0, 2, li a0, 0; la a3, 1f; c.jal 2f; 1: c.addi a0, 1; 2: c.addi a0, 2)
    CHECK_REGS(23, ra, a3)
    TEST_CASE(24, a0, 7,
        li a0, 0;
        c.j 2f;
1:      c.addi a0, 4;
        c.jr ra;
2:      c.jal 1b;
        c.addi a0, 3)
#endif

    /* ---- 32-bit instructions at 2-mod-4 addresses ----
     * (.balign while C is still enabled pads with c.nop; then the
     * instructions are forced to their 32-bit forms) */
    TEST_CASE(25, a0, 0x33,
        li a0, 0;
        .balign 4;
        .option push;
        .option norvc;
        .hword 0x0001;          /* c.nop, so the next one is at 2 mod 4 */
        addi a0, a0, 0x11;
        addi a0, a0, 0x22;
        .option pop)
    /* jal / jalr / branch to 2-mod-4 targets; jalr at 2 mod 4 */
    TEST_CASE(26, a0, 7,
        li a0, 0;
        .balign 4;
        .option push;
        .option norvc;
        jal a1, 1f;             /* at 0 mod 4 */
        .hword 0x0001;
1:      addi a0, a0, 1;         /* at 2 mod 4 */
        la a2, 2f;
        jalr a3, 0(a2);         /* at 2 mod 4: link is 2 mod 4 */
        nop;
2:      addi a0, a0, 2;         /* at 2 mod 4 */
        beq x0, x0, 3f;
        nop;
3:      addi a0, a0, 4;         /* at 2 mod 4 */
        .option pop)
    TEST_CASE(27, a0, 2, andi a0, a3, 3)
    TEST_CASE(28, a0, 2, andi a0, a2, 3)

    /* ---- c.ebreak: breakpoint trap, mepc at the c.ebreak ---- */
    SET_TRAP_HANDLER(ebreak_handler)
    TEST_CASE(29, a4, 1, li a4, 0; li a5, 0; la a3, 1f; 1: c.ebreak; c.nop)
    CHECK_REGS(30, a5, a3)
    SET_TRAP_HANDLER(harness_trap)

    TEST_END

    .text
    .balign 4
ebreak_handler:
    csrr t0, mcause
    li t1, 3                /* breakpoint */
    bne t0, t1, harness_trap
    csrr a5, mepc
    addi t0, a5, 2          /* skip the 2-byte c.ebreak */
    csrw mepc, t0
    li a4, 1
    mret
