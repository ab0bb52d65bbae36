/*
 * Two harts (run with -p2). Hart 1 sleeps in wfi until hart 0 sends it a
 * machine software interrupt through the CLINT's msip. Then both harts add
 * 1 to a shared counter ITER times under a lock taken with LR/SC, and add 1
 * to a second counter ITER times with amoadd. Hart 0 waits for hart 1's
 * "done" flag and checks both totals (2 * ITER each).
 *
 * First, a reservation test that does not depend on scheduling: hart 0
 * takes a reservation with lr.w, hart 1 then stores to that word, and hart
 * 0's sc.w must fail (unprivileged spec, A chapter: an SC fails when another
 * hart has written the reservation set since the LR).
 *
 * Checks: 1 hart 1 woke through the interrupt (its mcause), 2 the LR/SC
 * counter, 3 the AMO counter, 4 hart 1 saw hart id 1, 5 the SC after
 * another hart's store failed, 6 and left that hart's value in memory.
 */
#include "harness.h"

#define ITER 2000
#define CLINT_MSIP 0x02000000

TEST_BEGIN
    csrr s0, mhartid
    bnez s0, hart1

    /* hart 0: reserve, let hart 1 store, then try the SC */
    la s2, resv
    lr.w t0, (s2)
    la t0, flag_a
    li t1, 1
    sw t1, 0(t0)
    la t0, flag_b
6:  lw t1, 0(t0)
    beqz t1, 6b
    li t2, 55
    sc.w s6, t2, (s2)
    lw s7, 0(s2)

    /* wake hart 1 (give it time to reach wfi first) */
    li t0, 20000
1:  addi t0, t0, -1
    bnez t0, 1b
    li t0, CLINT_MSIP + 4
    li t1, 1
    sw t1, 0(t0)
    call work
    /* wait until hart 1 is done */
    la t0, done
2:  lw t1, 0(t0)
    beqz t1, 2b
    fence
    la t0, woke_cause
    LREG a0, 0(t0)
    li t1, (1 << (XLEN - 1)) | 3
    CHECK_REGS(1, a0, t1)
    la t0, lock_count
    lw a0, 0(t0)
    CHECK(2, a0, 2 * ITER)
    la t0, amo_count
    lw a0, 0(t0)
    CHECK(3, a0, 2 * ITER)
    la t0, seen_id
    lw a0, 0(t0)
    CHECK(4, a0, 1)
    li t0, 0
    beq s6, t0, 7f      /* the SC claimed success */
    li s6, 1
7:  CHECK(5, s6, 1)
    CHECK(6, s7, 77)
    TEST_PASS

hart1:
    /* store to hart 0's reserved word once it holds the reservation */
    la t0, flag_a
8:  lw t1, 0(t0)
    beqz t1, 8b
    la t0, resv
    li t1, 77
    sw t1, 0(t0)
    la t0, flag_b
    li t1, 1
    sw t1, 0(t0)
    /* sleep until the software interrupt arrives; take it in M mode */
    la t0, hart1_irq
    csrw mtvec, t0
    li t0, 8            /* MSIE */
    csrw mie, t0
    csrsi mstatus, 8    /* MIE */
3:  wfi
    j 3b
    .align 2
hart1_irq:
    csrr t0, mcause
    la t1, woke_cause
    SREG t0, 0(t1)
    li t0, CLINT_MSIP + 4
    sw zero, 0(t0)      /* acknowledge */
    csrw mie, zero
    la t0, seen_id
    csrr t1, mhartid
    sw t1, 0(t0)
    call work
    fence
    la t0, done
    li t1, 1
    sw t1, 0(t0)
4:  wfi
    j 4b

/* ITER increments under an LR/SC spin lock, and ITER amoadd increments */
work:
    li s1, ITER
    la s2, lock
    la s3, lock_count
    la s4, amo_count
    li s5, 1
5:  /* acquire */
    lr.w t0, (s2)
    bnez t0, 5b
    sc.w t0, s5, (s2)
    bnez t0, 5b
    fence r, rw
    lw t1, 0(s3)
    addi t1, t1, 1
    sw t1, 0(s3)
    fence rw, w
    sw zero, 0(s2)      /* release */
    amoadd.w zero, s5, (s4)
    addi s1, s1, -1
    bnez s1, 5b
    ret

    .data
    .align 3
lock:       .word 0
lock_count: .word 0
amo_count:  .word 0
seen_id:    .word 0
done:       .word 0
    .align 3
woke_cause: .dword 0
    .align 3
resv:   .word 0
flag_a: .word 0
flag_b: .word 0
TEST_END
