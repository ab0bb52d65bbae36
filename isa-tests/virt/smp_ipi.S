/*
 * Two harts on the virt board (run with -smp 2): both enter the kernel
 * from the reset vector, each with a0 = its hart id. The CLINT (SiFive
 * CLINT / ACLINT MSWI and MTIMER layout) is shared: msip[h] at
 * 0x02000000 + 4h raises hart h's machine software interrupt (privileged
 * spec 3.1.9: MSIP "is written by accessing memory-mapped control
 * registers, which are used by remote harts to provide machine-level
 * interprocessor interrupts"), mtimecmp[h] at 0x02004000 + 8h is hart h's
 * timer compare, and mtime at 0x0200bff8 is the one real-time counter all
 * harts share.
 *   1      hart 1 gets ready (wrote mtimecmp[1], read the CLINT, parked
 *          in wfi with mie.MSIE and mstatus.MIE set).
 *   2-3    each hart's mtimecmp is readable from the other hart.
 *   4      mtime is shared: what hart 0 reads after hart 1 signalled is
 *          not earlier than what hart 1 read before signalling (by more
 *          than the one tick the unprivileged spec allows between harts'
 *          clocks, Zicntr: "synchronized to within one tick").
 *   5-11   hart 0 writes msip[1]: hart 1 wakes and takes the machine
 *          software interrupt (mcause = interrupt | 3) with msip[1]
 *          reading 1; it clears msip[1], after which its mip.MSIP is 0
 *          and hart 0 reads msip[1] as 0; hart 0 itself was not
 *          interrupted; the handler ran on hart 1.
 *   12     mtime again, the other way: read by hart 1 in its handler, then
 *          by hart 0 after the handler signalled.
 *   13     both harts meet (an amoadd barrier).
 * Hart 0 waits for hart 1 a bounded time and decides the result.
 */
#include "virt.h"

#define CMP0_LO 0x00000a0a
#define CMP0_HI 0x7fffffff
#define CMP1_LO 0x0000b1b1
#define CMP1_HI 0x7ffffffe
#define WAIT_ITERS 20000000

/* lo, hi = mtime, read 32 bits at a time (high, low, high again until the
 * high half is stable). Clobbers t0, t1. */
#define READ_MTIME(lo, hi)                                                  \
80: li t0, CLINT_MTIME;                                                     \
    LWU hi, 4(t0);                                                          \
    LWU lo, 0(t0);                                                          \
    LWU t1, 4(t0);                                                          \
    bne hi, t1, 80b
/* res = 1 when (ahi:alo), read later, is at most one tick before
 * (bhi:blo), read earlier: the harts' clocks are "synchronized to within
 * one tick" (unprivileged spec, Zicntr). Clobbers t0, t1. */
#define NOT_BEFORE(res, ahi, alo, bhi, blo)                                 \
    sub t0, blo, alo;                   /* (b - a) low half */              \
    sltu t1, blo, alo;                  /* borrow */                        \
    sub res, bhi, ahi;                                                      \
    sub res, res, t1;                   /* (b - a) high half */             \
    bltz res, 81f;                      /* b < a */                         \
    bnez res, 82f;                      /* b - a >= 2^32 */                 \
    slli t0, t0, XLEN - 32;                                                 \
    srli t0, t0, XLEN - 32;                                                 \
    sltiu res, t0, 2;                   /* b - a <= 1 */                    \
    j 83f;                                                                  \
81: li res, 1;                                                              \
    j 83f;                                                                  \
82: li res, 0;                                                              \
83:
/* Spin until the word at label is non-zero, at most WAIT_ITERS times;
 * reg = the word. Clobbers t0, t5. */
#define WAIT_WORD(reg, label)                                               \
    la t0, label;                                                           \
    li t5, WAIT_ITERS;                                                      \
85: lw reg, 0(t0);                                                          \
    bnez reg, 86f;                                                          \
    addi t5, t5, -1;                                                        \
    bnez t5, 85b;                                                           \
86:
/* mtimecmp[h] = hi:lo, 32 bits at a time, never passing through a value
 * in the past. Clobbers t0, t1. */
#define SET_MTIMECMP(h, hi, lo)                                             \
    li t0, CLINT_MTIMECMP + 8 * (h);                                        \
    li t1, -1;                                                              \
    sw t1, 4(t0);                                                           \
    li t1, lo;                                                              \
    sw t1, 0(t0);                                                           \
    li t1, hi;                                                              \
    sw t1, 4(t0)

TEST_BEGIN
    csrr s0, mhartid
    bnez s0, hart1

    /* hart 0 */
    SET_MTIMECMP(0, CMP0_HI, CMP0_LO)
    fence
    la t0, cmp0_set
    li t1, 1
    sw t1, 0(t0)
    WAIT_WORD(a0, h1_ready)
    CHECK(1, a0, 1)
    fence
    READ_MTIME(s2, s3)
    li t0, CLINT_MTIMECMP + 8
    LWU a0, 0(t0)
    LWU a1, 4(t0)
    CHECK(2, a0, CMP1_LO)
    CHECK(2, a1, CMP1_HI)
    la t0, h1_cmp0
    LWU a0, 0(t0)
    LWU a1, 4(t0)
    CHECK(3, a0, CMP0_LO)
    CHECK(3, a1, CMP0_HI)
    la t0, h1_time1
    LWU a0, 0(t0)
    LWU a1, 4(t0)
    NOT_BEFORE(a2, s3, s2, a1, a0)
    CHECK(4, a2, 1)

    /* the interprocessor interrupt */
    li t0, CLINT_MSIP + 4
    li t1, 1
    sw t1, 0(t0)
    WAIT_WORD(a0, h1_done)
    CHECK(5, a0, 1)
    fence
    READ_MTIME(s2, s3)
    la s1, h1_cause
    LREG a0, 0(s1)
    li t0, INTBIT | IRQ_MSI
    CHECK_REGS(6, a0, t0)
    lw a0, 8(s1)                /* h1_msip */
    CHECK(7, a0, 1)
    lw a0, 12(s1)               /* h1_mip_after */
    CHECK(8, a0, 0)
    li t0, CLINT_MSIP + 4
    lw a0, 0(t0)
    CHECK(9, a0, 0)
    csrr a0, mip
    andi a0, a0, MIP_MSIP
    CHECK(10, a0, 0)
    lw a0, 16(s1)               /* h1_hartid */
    CHECK(11, a0, 1)
    la t0, h1_time2
    LWU a0, 0(t0)
    LWU a1, 4(t0)
    NOT_BEFORE(a2, s3, s2, a1, a0)
    CHECK(12, a2, 1)

    /* meet */
    la t0, meet
    li t1, 1
    amoadd.w zero, t1, (t0)
    li t5, WAIT_ITERS
1:  lw a0, 0(t0)
    li t1, 2
    beq a0, t1, 2f
    addi t5, t5, -1
    bnez t5, 1b
2:  CHECK(13, a0, 2)
    TEST_PASS

hart1:
    la t0, cmp0_set
1:  lw t1, 0(t0)
    beqz t1, 1b
    fence
    SET_MTIMECMP(1, CMP1_HI, CMP1_LO)
    li t0, CLINT_MTIMECMP
    lw a0, 0(t0)
    lw a1, 4(t0)
    la t0, h1_cmp0
    sw a0, 0(t0)
    sw a1, 4(t0)
    READ_MTIME(a0, a1)
    la t0, h1_time1
    sw a0, 0(t0)
    sw a1, 4(t0)
    la t0, h1_irq
    csrw mtvec, t0
    csrwi mie, MIP_MSIP
    csrsi mstatus, MSTATUS_MIE
    fence
    la t0, h1_ready
    li t1, 1
    sw t1, 0(t0)
2:  wfi
    j 2b

    .align 2
h1_irq:
    la s1, h1_cause
    csrr t0, mcause
    SREG t0, 0(s1)
    li t2, CLINT_MSIP + 4
    lw t0, 0(t2)
    sw t0, 8(s1)                /* h1_msip */
    sw zero, 0(t2)
    csrr t0, mip
    andi t0, t0, MIP_MSIP
    sw t0, 12(s1)               /* h1_mip_after */
    csrr t0, mhartid
    sw t0, 16(s1)               /* h1_hartid */
    csrw mie, zero
    READ_MTIME(a0, a1)
    la t0, h1_time2
    sw a0, 0(t0)
    sw a1, 4(t0)
    fence
    la t0, h1_done
    li t1, 1
    sw t1, 0(t0)
    la t0, meet
    li t1, 1
    amoadd.w zero, t1, (t0)
3:  wfi
    j 3b

    .data
    .align 3
h1_cause:     .dword 0          /* +0 */
h1_msip:      .word 0           /* +8 */
h1_mip_after: .word 0           /* +12 */
h1_hartid:    .word 0           /* +16 */
    .align 3
h1_cmp0:  .word 0, 0
h1_time1: .word 0, 0
h1_time2: .word 0, 0
cmp0_set: .word 0
h1_ready: .word 0
h1_done:  .word 0
meet:     .word 0
TEST_END
