/*
 * Goldfish RTC ("google,goldfish-rtc"), as on QEMU's virt board: 32-bit
 * registers
 *   0x00 TIME_LOW         read: time now, low half; latches the high half
 *                         write: replace the low half of the time
 *   0x04 TIME_HIGH        read: the half latched by the last TIME_LOW read
 *                         write: replace the high half of the time
 *   0x08 ALARM_LOW        read: alarm, low half
 *                         write: alarm = ALARM_HIGH << 32 | value, armed
 *   0x0c ALARM_HIGH       read/write: alarm, high half (not armed yet)
 *   0x10 IRQ_ENABLED      bit 0 gates the interrupt line
 *   0x14 CLEAR_ALARM      write: disarm the alarm (reads 0)
 *   0x18 ALARM_STATUS     read: 1 while an alarm is armed (read-only)
 *   0x1c CLEAR_INTERRUPT  write: drop the alarm interrupt (reads 0)
 * Time is in nanoseconds since the Unix epoch: the board's clock plus an
 * offset that writes to TIME_LOW/TIME_HIGH adjust.
 *
 * Accesses: 4-byte aligned accesses to these registers. An 8-byte aligned
 * access covers a LOW/HIGH pair as one 64-bit value: a read reads the low
 * half first (so TIME reads untorn), a write writes the high half first
 * (the order Linux's rtc-goldfish uses) and the alarm is checked only once
 * both halves are in, so ALARM is armed with the whole value. IRQ_ENABLED
 * and the registers after it pair the same way. Other sizes, misaligned
 * offsets and offsets >= 0x20 fail (the ops return false).
 *
 * The reset op disarms the alarm, clears IRQ_ENABLED and the pending
 * interrupt, but keeps the time the guest set: an RTC keeps counting
 * through a machine reset (QEMU's model does the same).
 */
#ifndef DEVICES_GOLDFISH_RTC_H
#define DEVICES_GOLDFISH_RTC_H

#include <stdint.h>

#include "devices/device.h"

typedef struct dev_rtc dev_rtc;

#define DEV_RTC_REGS_SIZE 0x20

extern const dev_ops dev_rtc_ops;

/* An RTC reading now_ns(ctx) (nanoseconds since the epoch) and driving irq.
 * NULL when out of memory or when now_ns is NULL. */
dev_rtc *dev_rtc_new(dev_irq irq, uint64_t (*now_ns)(void *ctx), void *ctx);
void dev_rtc_free(dev_rtc *r);

/* Fire the alarm if it is due: it disarms, and its interrupt becomes
 * pending (the line rises if IRQ_ENABLED). Register accesses do this too. */
void dev_rtc_poll(dev_rtc *r);
/* Nanoseconds of the board's clock until the armed alarm is due (0 when it
 * is due already), UINT64_MAX when no alarm is armed. */
uint64_t dev_rtc_ns_to_alarm(const dev_rtc *r);

#endif
