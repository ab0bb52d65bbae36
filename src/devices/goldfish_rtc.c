/*
 * Goldfish RTC, after Android's goldfish virtual hardware description and
 * the behaviour Linux's rtc-goldfish driver expects from QEMU's model.
 *
 * The alarm interrupt is latched: when the alarm fires it becomes pending
 * whether or not IRQ_ENABLED is set, and the line is pending && enabled.
 * So a driver that arms an alarm already in the past and then enables the
 * interrupt (Linux's set_alarm does exactly this order) still gets it.
 */
#include <stdlib.h>

#include "devices/goldfish_rtc.h"
#include "machine/snapshot.h"

enum {
    REG_TIME_LOW = 0x00,
    REG_TIME_HIGH = 0x04,
    REG_ALARM_LOW = 0x08,
    REG_ALARM_HIGH = 0x0c,
    REG_IRQ_ENABLED = 0x10,
    REG_CLEAR_ALARM = 0x14,
    REG_ALARM_STATUS = 0x18,
    REG_CLEAR_INTERRUPT = 0x1c,
};

#define LOW32 0xffffffffull

struct dev_rtc {
    dev_irq irq;
    uint64_t (*now_ns)(void *ctx);
    void *ctx;
    uint64_t offset;    /* guest time = clock + offset (mod 2^64) */
    uint32_t time_high; /* latched by reading TIME_LOW */
    uint64_t alarm;
    bool alarm_armed;
    bool irq_enabled;
    bool irq_pending;
    bool irq_level;
};

static uint64_t guest_now(const dev_rtc *r)
{
    return r->now_ns(r->ctx) + r->offset;
}

static void update_irq(dev_rtc *r)
{
    bool level = r->irq_pending && r->irq_enabled;
    if (level != r->irq_level) {
        r->irq_level = level;
        dev_irq_set(&r->irq, level);
    }
}

/* Fire a due alarm (without touching the line). */
static void check_alarm(dev_rtc *r)
{
    if (r->alarm_armed && guest_now(r) >= r->alarm) {
        r->alarm_armed = false;
        r->irq_pending = true;
    }
}

void dev_rtc_poll(dev_rtc *r)
{
    check_alarm(r);
    update_irq(r);
}

uint64_t dev_rtc_ns_to_alarm(const dev_rtc *r)
{
    if (!r->alarm_armed) return UINT64_MAX;
    uint64_t now = guest_now(r);
    return now >= r->alarm ? 0 : r->alarm - now;
}

/* Replace the bits of the guest's time that mask selects with bits. */
static void set_time_bits(dev_rtc *r, uint64_t mask, uint64_t bits)
{
    uint64_t now = guest_now(r);
    r->offset += ((now & ~mask) | bits) - now;
}

static uint32_t read32(dev_rtc *r, uint64_t off)
{
    switch (off) {
    case REG_TIME_LOW: {
        uint64_t now = guest_now(r);
        r->time_high = (uint32_t)(now >> 32);
        return (uint32_t)now;
    }
    case REG_TIME_HIGH: return r->time_high;
    case REG_ALARM_LOW: return (uint32_t)r->alarm;
    case REG_ALARM_HIGH: return (uint32_t)(r->alarm >> 32);
    case REG_IRQ_ENABLED: return r->irq_enabled;
    case REG_ALARM_STATUS: return r->alarm_armed;
    default: return 0; /* CLEAR_ALARM, CLEAR_INTERRUPT */
    }
}

static void write32(dev_rtc *r, uint64_t off, uint32_t v)
{
    switch (off) {
    /* Each half applies at once (as in QEMU) rather than waiting for its
     * partner: a guest may set just one half. Linux writes HIGH then LOW. */
    case REG_TIME_LOW: set_time_bits(r, LOW32, v); break;
    case REG_TIME_HIGH: set_time_bits(r, ~LOW32, (uint64_t)v << 32); break;
    case REG_ALARM_LOW:
        r->alarm = (r->alarm & ~LOW32) | v;
        r->alarm_armed = true;
        break;
    case REG_ALARM_HIGH:
        r->alarm = (r->alarm & LOW32) | (uint64_t)v << 32;
        break;
    case REG_IRQ_ENABLED: r->irq_enabled = v & 1; break;
    case REG_CLEAR_ALARM: r->alarm_armed = false; break;
    case REG_CLEAR_INTERRUPT: r->irq_pending = false; break;
    default: break; /* ALARM_STATUS is read-only */
    }
}

static bool access_ok(uint64_t off, unsigned size)
{
    return (size == 4 || size == 8) && off % size == 0 &&
           off < DEV_RTC_REGS_SIZE;
}

static bool rtc_read(void *dev, uint64_t off, unsigned size, uint64_t *val)
{
    dev_rtc *r = dev;
    if (!access_ok(off, size)) return false;
    /* a due alarm fires before the guest can observe ALARM_STATUS */
    check_alarm(r);
    uint64_t v = read32(r, off);
    if (size == 8) v |= (uint64_t)read32(r, off + 4) << 32;
    *val = v;
    update_irq(r);
    return true;
}

static bool rtc_write(void *dev, uint64_t off, unsigned size, uint64_t val)
{
    dev_rtc *r = dev;
    if (!access_ok(off, size)) return false;
    if (size == 8) write32(r, off + 4, (uint32_t)(val >> 32));
    write32(r, off, (uint32_t)val);
    /* an alarm armed in the past, or overtaken by a time change, fires now */
    check_alarm(r);
    update_irq(r);
    return true;
}

/* The time itself is not reset: a real RTC keeps counting through a
 * machine reset, and QEMU's model keeps its offset too. Only a new device
 * starts from the board's clock. */
static void rtc_init(dev_rtc *r)
{
    r->time_high = 0;
    r->alarm = 0;
    r->alarm_armed = false;
    r->irq_enabled = false;
    r->irq_pending = false;
    r->irq_level = false;
}

static void rtc_reset(void *dev)
{
    dev_rtc *r = dev;
    rtc_init(r);
    dev_irq_set(&r->irq, false);
}

dev_rtc *dev_rtc_new(dev_irq irq, uint64_t (*now_ns)(void *ctx), void *ctx)
{
    if (!now_ns) return NULL;
    dev_rtc *r = calloc(1, sizeof(*r));
    if (!r) return NULL;
    r->irq = irq;
    r->now_ns = now_ns;
    r->ctx = ctx;
    r->offset = 0;
    rtc_init(r);
    return r;
}

void dev_rtc_free(dev_rtc *r)
{
    free(r);
}

/* The board's clock runs on virtual time (its base is the machine's,
 * saved with it); the device keeps the guest's offset from it. */
static void rtc_save(void *dev, snap_w *w)
{
    dev_rtc *r = dev;
    snap_put_u64(w, r->offset);
    snap_put_u32(w, r->time_high);
    snap_put_u64(w, r->alarm);
    snap_put_bool(w, r->alarm_armed);
    snap_put_bool(w, r->irq_enabled);
    snap_put_bool(w, r->irq_pending);
}

static bool rtc_load(void *dev, snap_r *sr, bool commit)
{
    dev_rtc *r = dev;
    dev_rtc t = *r;
    t.offset = snap_get_u64(sr);
    t.time_high = snap_get_u32(sr);
    t.alarm = snap_get_u64(sr);
    t.alarm_armed = snap_get_bool(sr);
    t.irq_enabled = snap_get_bool(sr);
    t.irq_pending = snap_get_bool(sr);
    if (!snap_ok(sr) || !commit)
        return snap_ok(sr);
    t.irq_level = t.irq_pending && t.irq_enabled;
    *r = t;
    dev_irq_set(&r->irq, r->irq_level);
    return true;
}

const dev_ops dev_rtc_ops = {
    .name = "goldfish-rtc",
    .read = rtc_read,
    .write = rtc_write,
    .reset = rtc_reset,
    .save = rtc_save,
    .load = rtc_load,
};
