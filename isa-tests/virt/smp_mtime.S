/*
 * One mtime for all harts (run with -smp 2). Privileged spec 3.2.1:
 * "Platforms provide a real-time counter, exposed as a memory-mapped
 * machine-mode read-write register, mtime"; the unprivileged spec
 * (Zicntr, RDTIME) asks that "the real-time clocks of all harts ... be
 * synchronized to within one tick". So a hart that reads mtime after
 * another hart told it what it read there cannot see an earlier time (by
 * more than one tick), however differently the two harts run.
 *
 * The harts play ping-pong over shared memory for ROUNDS rounds. Before
 * each ping hart 0 programs its mtimecmp a few times, as a kernel
 * programming its timer does; hart 1 only spins. Each side reads mtime
 * after seeing the other's message and compares it with the time the
 * message carries.
 *   1      hart 1 answers every ping (bounded wait).
 *   2      hart 0's reads are never before hart 1's earlier reads.
 *   3      hart 1's reads are never before hart 0's earlier reads.
 *   4      mtime advanced over the game.
 */
#include "virt.h"

#define ROUNDS 50
#define PROGRAMS 20
#define WAIT_ITERS 20000000

/* lo, hi = mtime, read 32 bits at a time. Clobbers t0, t1. */
#define READ_MTIME(lo, hi)                                                  \
80: li t0, CLINT_MTIME;                                                     \
    LWU hi, 4(t0);                                                          \
    LWU lo, 0(t0);                                                          \
    LWU t1, 4(t0);                                                          \
    bne hi, t1, 80b
/* res = 1 when (ahi:alo), read later, is at most one tick before
 * (bhi:blo), read earlier. Clobbers t0, t1. */
#define NOT_BEFORE(res, ahi, alo, bhi, blo)                                 \
    sub t0, blo, alo;                                                       \
    sltu t1, blo, alo;                                                      \
    sub res, bhi, ahi;                                                      \
    sub res, res, t1;                                                       \
    bltz res, 81f;                                                          \
    bnez res, 82f;                                                          \
    slli t0, t0, XLEN - 32;                                                 \
    srli t0, t0, XLEN - 32;                                                 \
    sltiu res, t0, 2;                                                       \
    j 83f;                                                                  \
81: li res, 1;                                                              \
    j 83f;                                                                  \
82: li res, 0;                                                              \
83:

TEST_BEGIN
    csrr s0, mhartid
    la s1, seq
    bnez s0, hart1

    /* hart 0 */
    READ_MTIME(s6, s7)
    li s2, 0                    /* round */
    li s8, 1                    /* all of hart 0's reads in order */
1:  li s3, PROGRAMS
2:  TIMER_OFF
    addi s3, s3, -1
    bnez s3, 2b
    READ_MTIME(a0, a1)
    sw a0, 4(s1)                /* ping time */
    sw a1, 8(s1)
    fence
    slli t2, s2, 1
    addi t2, t2, 1
    sw t2, 0(s1)                /* ping */
    addi t2, t2, 1
    li t5, WAIT_ITERS
3:  lw a0, 0(s1)
    beq a0, t2, 4f
    addi t5, t5, -1
    bnez t5, 3b
    CHECK_REGS(1, a0, t2)
4:  fence
    READ_MTIME(a2, a3)
    lw a0, 12(s1)               /* pong time */
    lw a1, 16(s1)
    NOT_BEFORE(a4, a3, a2, a1, a0)
    and s8, s8, a4
    addi s2, s2, 1
    li t0, ROUNDS
    bne s2, t0, 1b

    CHECK(2, s8, 1)
    lw a0, 20(s1)               /* hart 1's verdict */
    CHECK(3, a0, 1)
    READ_MTIME(a0, a1)
    NOT_BEFORE(a4, a1, a0, s7, s6)  /* end >= start - 1 ... */
    CHECK(4, a4, 1)
    xor a0, a0, s6
    xor a1, a1, s7
    or a0, a0, a1
    snez a0, a0                 /* ... and end != start */
    CHECK(4, a0, 1)
    TEST_PASS

hart1:
    li s2, 0                    /* round */
    li s8, 1
1:  slli t2, s2, 1
    addi t2, t2, 1
2:  lw a0, 0(s1)
    bne a0, t2, 2b
    fence
    READ_MTIME(a2, a3)
    lw a0, 4(s1)                /* ping time */
    lw a1, 8(s1)
    NOT_BEFORE(a4, a3, a2, a1, a0)
    and s8, s8, a4
    sw s8, 20(s1)
    READ_MTIME(a0, a1)
    sw a0, 12(s1)               /* pong time */
    sw a1, 16(s1)
    fence
    addi t2, t2, 1
    sw t2, 0(s1)                /* pong */
    addi s2, s2, 1
    li t0, ROUNDS
    bne s2, t0, 1b
3:  wfi
    j 3b

    .data
    .align 3
seq: .word 0                    /* +0: 2r + 1 ping, 2r + 2 pong */
     .word 0, 0                 /* +4: ping time */
     .word 0, 0                 /* +12: pong time */
     .word 0                    /* +20: hart 1's verdict */
TEST_END
