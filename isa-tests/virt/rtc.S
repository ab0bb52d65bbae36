/*
 * The virt board's goldfish RTC at 0x101000 (PLIC source 11), with the
 * register semantics Linux's drivers/rtc/rtc-goldfish.c relies on: a read
 * of TIME_LOW (0x00) returns the low half of the time in nanoseconds since
 * 1970 and latches the high half for TIME_HIGH (0x04); ALARM_HIGH (0x0c)
 * holds the alarm's high half until ALARM_LOW (0x08) sets the low half and
 * arms it; ALARM_STATUS (0x18) reads 1 while an alarm is armed;
 * CLEAR_ALARM (0x14) disarms it; the interrupt line is high while an alarm
 * has fired and IRQ_ENABLED (0x10) is 1, until CLEAR_INTERRUPT (0x1c).
 *   1-3    the time is after 2020 (and before 2100), and advances over a
 *          delay loop.
 *   4-8    an alarm 20 ms ahead with IRQ_ENABLED = 1: armed, not pending
 *          at once; then PLIC pending bit 11 rises, not before the alarm
 *          time, and ALARM_STATUS returns to 0.
 *   9-13   the fired alarm stays latched in the RTC: with IRQ_ENABLED = 0
 *          the line is low, with 1 it is high again; CLEAR_INTERRUPT
 *          lowers it for good.
 *   14     an alarm already in the past fires as soon as it is armed.
 *   15-16  CLEAR_ALARM disarms an alarm: no interrupt when its time comes.
 * The PLIC latches a request until it is claimed (riscv-plic-spec 1.0.0,
 * "Interrupt Gateways": a request cannot be retracted), so the line's
 * level is seen through claim and completion: a completion forwards a new
 * request only if the line is still high. The waits are bounded by the
 * RTC itself (1 s past the alarm), so they hold under QEMU, whose RTC
 * follows the host's clock; there the alarm is 200 ms ahead instead of
 * 20 ms, so that a descheduled QEMU cannot overtake check 5.
 */
#include "virt.h"

#ifdef QEMU
#define ALARM_NS 200000000      /* 200 ms: host time, maybe a busy host */
#else
#define ALARM_NS 20000000       /* 20 ms of virtual time */
#endif
#define TIMEOUT_NS 1000000000   /* 1 s */

/* lo, hi = the RTC's time (TIME_LOW first), each zero-extended. */
#define RTC_NOW(lo, hi) LWU lo, RTC_TIME_LOW(s0); LWU hi, RTC_TIME_HIGH(s0)
/* reg = the RTC time's low half - base, as a signed 32-bit number
 * (elapsed nanoseconds, valid up to 2.1 s). Clobbers reg. */
#if XLEN == 64
#define ELAPSED(reg, base) LWU reg, RTC_TIME_LOW(s0); subw reg, reg, base
#else
#define ELAPSED(reg, base) lw reg, RTC_TIME_LOW(s0); sub reg, reg, base
#endif
/* Arm the alarm at (hi:lo) + delta; a2 = the alarm's low half.
 * Clobbers t0, t1. */
#define ALARM_AT(lo, hi, delta)                                             \
    li t0, delta;                                                           \
    add a2, lo, t0;                                                         \
    slli a2, a2, XLEN - 32;                                                 \
    srli a2, a2, XLEN - 32;                                                 \
    sltu t0, a2, lo;                                                        \
    add t1, hi, t0;                                                         \
    sw t1, RTC_ALARM_HIGH(s0);                                              \
    sw a2, RTC_ALARM_LOW(s0)
/* reg = PLIC pending bit of the RTC (as its bit). Clobbers t0. */
#define RTC_PENDING(reg)                                                    \
    li t0, PLIC_PENDING; lw reg, 0(t0); li t0, 1 << RTC_IRQ; and reg, reg, t0
/* reg = a claim by context 0 (hart 0, M mode). Clobbers t0. */
#define CLAIM(reg) li t0, PLIC_CLAIM(0); lw reg, 0(t0)
/* Complete the ID in reg for context 0. Clobbers t0. */
#define COMPLETE(reg) li t0, PLIC_CLAIM(0); sw reg, 0(t0)

TEST_BEGIN
    li s0, RTC
    /* the RTC's requests can be claimed by hart 0's M context (no trap:
     * mie is 0) */
    MMIO_W32(PLIC_PRIORITY(RTC_IRQ), 1)
    MMIO_W32(PLIC_THRESHOLD(0), 0)
    MMIO_W32(PLIC_ENABLE(0), 1 << RTC_IRQ)

    /* the time */
    RTC_NOW(a0, a1)
    li t0, 0x15e59a35           /* 2020-01-01 >> 32 */
    sltu t1, t0, a1
    CHECK(1, t1, 1)
    li t0, 0x38eecfcf           /* 2100-01-01 >> 32 */
    sltu t1, a1, t0
    CHECK(2, t1, 1)
    li t0, 20000
1:  addi t0, t0, -1
    bnez t0, 1b
    ELAPSED(a3, a0)
    sgt t1, a3, zero
    CHECK(3, t1, 1)

    /* an alarm ahead */
    li t0, 1
    sw t0, RTC_IRQ_ENABLED(s0)
    RTC_NOW(a0, a1)
    ALARM_AT(a0, a1, ALARM_NS)
    lw a3, RTC_ALARM_STATUS(s0)
    CHECK(4, a3, 1)
    RTC_PENDING(a3)
    CHECK(5, a3, 0)
1:  RTC_PENDING(a3)
    bnez a3, 2f
    ELAPSED(a4, a0)
    li t0, ALARM_NS + TIMEOUT_NS
    blt a4, t0, 1b
2:  ELAPSED(a4, a0)
    CHECK(6, a3, 1 << RTC_IRQ)
    li t0, ALARM_NS
    slt t1, a4, t0
    CHECK(7, t1, 0)             /* not early */
    lw a3, RTC_ALARM_STATUS(s0)
    CHECK(8, a3, 0)

    /* the fired alarm is latched in the RTC: IRQ_ENABLED = 0 lowers the
     * line (no new request when the claimed one completes), 1 raises it
     * again */
    CLAIM(a3)
    CHECK(9, a3, RTC_IRQ)
    sw zero, RTC_IRQ_ENABLED(s0)
    COMPLETE(a3)
    RTC_PENDING(a3)
    CHECK(10, a3, 0)
    li t0, 1
    sw t0, RTC_IRQ_ENABLED(s0)
    RTC_PENDING(a3)
    CHECK(11, a3, 1 << RTC_IRQ)
    /* CLEAR_INTERRUPT lowers it for good: no request after the
     * completion, and none when IRQ_ENABLED is set again */
    sw zero, RTC_CLEAR_INTERRUPT(s0)
    CLAIM(a3)
    COMPLETE(a3)
    RTC_PENDING(a3)
    CHECK(12, a3, 0)
    sw zero, RTC_IRQ_ENABLED(s0)
    li t0, 1
    sw t0, RTC_IRQ_ENABLED(s0)
    RTC_PENDING(a3)
    CHECK(13, a3, 0)

    /* an alarm in the past fires as soon as it is armed */
    RTC_NOW(a0, a1)
    li t0, 1
    sub a1, a1, t0              /* 4.3 s ago */
    sw a1, RTC_ALARM_HIGH(s0)
    sw a0, RTC_ALARM_LOW(s0)
    RTC_PENDING(a3)
    CHECK(14, a3, 1 << RTC_IRQ)
    sw zero, RTC_CLEAR_INTERRUPT(s0)
    CLAIM(a3)
    COMPLETE(a3)

    /* CLEAR_ALARM disarms */
    RTC_NOW(a0, a1)
    ALARM_AT(a0, a1, ALARM_NS)
    sw zero, RTC_CLEAR_ALARM(s0)
    lw a3, RTC_ALARM_STATUS(s0)
    CHECK(15, a3, 0)
1:  ELAPSED(a4, a0)
    li t0, 2 * ALARM_NS
    blt a4, t0, 1b
    RTC_PENDING(a3)
    CHECK(16, a3, 0)

    sw zero, RTC_IRQ_ENABLED(s0)
    MMIO_W32(PLIC_ENABLE(0), 0)
    MMIO_W32(PLIC_PRIORITY(RTC_IRQ), 0)
TEST_END
