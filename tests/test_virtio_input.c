/*
 * virtio-input (src/devices/virtio_input.c) seen from a driver: a minimal
 * hand-built driver side in guest RAM (virtio 1.2 4.2.3 initialisation, a
 * split eventq and statusq) drives the device through its virtio-mmio
 * registers, and events come in through emu_input_event().
 */
#include <stdlib.h>
#include <string.h>

#include "machine/machine.h"
#include "testutil.h"

#define SLOT0 0x10001000ull
#define QN 64 /* queue size the driver picks (the device offers 64) */

/* virtio-mmio registers (4.2.2) */
enum {
    R_MAGIC = 0x000,
    R_DEVICE_ID = 0x008,
    R_DRV_FEATURES = 0x020,
    R_DRV_FEATURES_SEL = 0x024,
    R_QUEUE_SEL = 0x030,
    R_QUEUE_NUM_MAX = 0x034,
    R_QUEUE_NUM = 0x038,
    R_QUEUE_READY = 0x044,
    R_QUEUE_NOTIFY = 0x050,
    R_STATUS = 0x070,
    R_DESC_LO = 0x080,
    R_DESC_HI = 0x084,
    R_DRIVER_LO = 0x090,
    R_DRIVER_HI = 0x094,
    R_DEVICE_LO = 0x0a0,
    R_DEVICE_HI = 0x0a4,
    R_CONFIG = 0x100,
};

/* config selectors (5.8.5) and evdev codes */
enum {
    SEL_UNSET = 0,
    SEL_NAME = 1,
    SEL_SERIAL = 2,
    SEL_DEVIDS = 3,
    SEL_PROP = 0x10,
    SEL_EV = 0x11,
    SEL_ABS = 0x12
};
enum {
    EV_SYN = 0,
    EV_KEY = 1,
    EV_REL = 2,
    EV_ABS = 3,
    EV_LED = 0x11,
    EV_REP = 0x14
};
enum {
    KEY_A = 30,
    KEY_B = 48,
    BTN_LEFT = 0x110,
    REL_X = 0,
    REL_WHEEL = 8,
    ABS_X = 0,
    ABS_Y = 1
};

/* Driver memory for one queue: descriptors, available and used rings,
 * and a buffer per descriptor. */
typedef struct drv_queue {
    uint64_t desc, avail, used, bufs;
    uint16_t avail_idx, used_seen;
} drv_queue;

typedef struct drv {
    emu_machine *m;
    uint64_t base; /* the slot's registers */
    drv_queue q[2];
} drv;

static uint32_t reg_rd(drv *d, uint64_t off, unsigned size)
{
    uint64_t v = 0;
    ck_assert(bus_read(&d->m->bus, d->base + off, size, &v));
    return (uint32_t)v;
}

static void reg_wr(drv *d, uint64_t off, unsigned size, uint32_t v)
{
    ck_assert(bus_write(&d->m->bus, d->base + off, size, v));
}

static void queue_setup(drv *d, unsigned qi, uint64_t mem)
{
    drv_queue *q = &d->q[qi];
    q->desc = mem;
    q->avail = mem + 16 * QN;
    q->used = mem + 0x1000;
    q->bufs = mem + 0x2000;
    reg_wr(d, R_QUEUE_SEL, 4, qi);
    ck_assert_uint_ge(reg_rd(d, R_QUEUE_NUM_MAX, 4), QN);
    reg_wr(d, R_QUEUE_NUM, 4, QN);
    reg_wr(d, R_DESC_LO, 4, (uint32_t)q->desc);
    reg_wr(d, R_DESC_HI, 4, (uint32_t)(q->desc >> 32));
    reg_wr(d, R_DRIVER_LO, 4, (uint32_t)q->avail);
    reg_wr(d, R_DRIVER_HI, 4, (uint32_t)(q->avail >> 32));
    reg_wr(d, R_DEVICE_LO, 4, (uint32_t)q->used);
    reg_wr(d, R_DEVICE_HI, 4, (uint32_t)(q->used >> 32));
    reg_wr(d, R_QUEUE_READY, 4, 1);
}

/* 4.2.3.1: reset, ACKNOWLEDGE, DRIVER, features (VERSION_1 only),
 * FEATURES_OK, the queues, DRIVER_OK. */
static void drv_init(drv *d, emu_machine *m, unsigned slot)
{
    memset(d, 0, sizeof(*d));
    d->m = m;
    d->base = SLOT0 + 0x1000ull * slot;
    ck_assert_uint_eq(reg_rd(d, R_MAGIC, 4), 0x74726976);
    ck_assert_uint_eq(reg_rd(d, R_DEVICE_ID, 4), 18);
    reg_wr(d, R_STATUS, 4, 0);
    reg_wr(d, R_STATUS, 4, 1);
    reg_wr(d, R_STATUS, 4, 1 | 2);
    reg_wr(d, R_DRV_FEATURES_SEL, 4, 1);
    reg_wr(d, R_DRV_FEATURES, 4, 1); /* VIRTIO_F_VERSION_1 (bit 32) */
    reg_wr(d, R_DRV_FEATURES_SEL, 4, 0);
    reg_wr(d, R_DRV_FEATURES, 4, 0);
    reg_wr(d, R_STATUS, 4, 1 | 2 | 8);
    ck_assert_uint_eq(reg_rd(d, R_STATUS, 4) & 8, 8);
    uint64_t mem = TU_RAM_BASE + 0x100000 + 0x10000ull * slot;
    queue_setup(d, 0, mem);
    queue_setup(d, 1, mem + 0x8000);
    reg_wr(d, R_STATUS, 4, 1 | 2 | 8 | 4);
}

/* Post n buffers of len bytes on queue qi (device-writable unless out). */
static void drv_post(drv *d, unsigned qi, unsigned n, uint32_t len,
                     bool writable)
{
    drv_queue *q = &d->q[qi];
    for (unsigned i = 0; i < n; i++) {
        uint16_t slot = (uint16_t)(q->avail_idx % QN);
        uint64_t desc = q->desc + 16ull * slot;
        tu_write64(d->m, desc, q->bufs + 16ull * slot);
        tu_write32(d->m, desc + 8, len);
        tu_write16(d->m, desc + 12, writable ? 2 : 0); /* VIRTQ_DESC_F_WRITE */
        tu_write16(d->m, desc + 14, 0);
        tu_write16(d->m, q->avail + 4 + 2ull * slot, slot);
        q->avail_idx++;
    }
    tu_write16(d->m, q->avail + 2, q->avail_idx);
    reg_wr(d, R_QUEUE_NOTIFY, 4, qi);
}

static uint16_t used_idx(drv *d, unsigned qi)
{
    return (uint16_t)tu_read32(d->m, d->q[qi].used + 2);
}

/* The next used buffer of the eventq, as an event; false if none. */
static bool drv_event(drv *d, uint16_t *type, uint16_t *code, int32_t *value)
{
    drv_queue *q = &d->q[0];
    if (q->used_seen == used_idx(d, 0)) return false;
    uint64_t elem = q->used + 4 + 8ull * (q->used_seen % QN);
    uint32_t id = tu_read32(d->m, elem), len = tu_read32(d->m, elem + 4);
    ck_assert_uint_eq(len, 8);
    uint64_t buf = q->bufs + 16ull * id;
    uint32_t w0 = tu_read32(d->m, buf);
    *type = (uint16_t)w0;
    *code = (uint16_t)(w0 >> 16);
    *value = (int32_t)tu_read32(d->m, buf + 4);
    q->used_seen++;
    return true;
}

static void expect_event(drv *d, uint16_t type, uint16_t code, int32_t value)
{
    uint16_t t, c;
    int32_t v;
    ck_assert_msg(drv_event(d, &t, &c, &v), "no event (%u %u %d expected)",
                  type, code, value);
    ck_assert_uint_eq(t, type);
    ck_assert_uint_eq(c, code);
    ck_assert_int_eq(v, value);
}

/* Select (select, subsel) and return the size the device answers with. */
static unsigned cfg_select(drv *d, uint8_t select, uint8_t subsel)
{
    reg_wr(d, R_CONFIG + 0, 1, select);
    reg_wr(d, R_CONFIG + 1, 1, subsel);
    return reg_rd(d, R_CONFIG + 2, 1);
}

static uint8_t cfg_u8(drv *d, unsigned off)
{
    return (uint8_t)reg_rd(d, R_CONFIG + 8 + off, 1);
}
static uint32_t cfg_u32(drv *d, unsigned off)
{
    return reg_rd(d, R_CONFIG + 8 + off, 4);
}

static bool cfg_bit(drv *d, unsigned bit)
{
    return cfg_u8(d, bit / 8) >> (bit % 8) & 1;
}

static emu_machine *virt_with(const char *const *kinds, unsigned n)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.board = EMU_BOARD_VIRT;
    cfg.ram_size = 16ull << 20;
    emu_machine *m = tu_machine_cfg(&cfg);
    for (unsigned i = 0; i < n; i++)
        ck_assert_msg(emu_device_add(m, kinds[i], NULL) == EMU_OK, "%s: %s",
                      kinds[i], emu_last_error(m));
    return m;
}

static emu_machine *virt_one(const char *kind)
{
    return virt_with(&kind, 1);
}

/* ---- configuration ---- */

START_TEST(test_input_config_names_and_ids)
{
    emu_machine *m = virt_one("keyboard");
    drv d;
    drv_init(&d, m, 0);
    unsigned size = cfg_select(&d, SEL_NAME, 0);
    const char *name = "libemu virtio keyboard";
    ck_assert_uint_eq(size, strlen(name));
    for (unsigned i = 0; i < size; i++)
        ck_assert_uint_eq(cfg_u8(&d, i), (uint8_t)name[i]);
    ck_assert_uint_gt(cfg_select(&d, SEL_SERIAL, 0), 0);
    ck_assert_uint_eq(cfg_select(&d, SEL_DEVIDS, 0), 8);
    ck_assert_uint_eq(cfg_u32(&d, 0) & 0xffff, 0x06); /* BUS_VIRTUAL */
    /* nothing to say for UNSET, unknown selectors and other subsels */
    ck_assert_uint_eq(cfg_select(&d, SEL_UNSET, 0), 0);
    ck_assert_uint_eq(cfg_select(&d, 0x7f, 0), 0);
    ck_assert_uint_eq(cfg_select(&d, SEL_NAME, 1), 0);
    ck_assert_uint_eq(cfg_select(&d, SEL_PROP, 0), 0);
    /* the driver cannot change the answer: size is the device's */
    cfg_select(&d, SEL_NAME, 0);
    reg_wr(&d, R_CONFIG + 2, 1, 99);
    ck_assert_uint_eq(reg_rd(&d, R_CONFIG + 2, 1), strlen(name));
    emu_machine_free(m);
}
END_TEST

START_TEST(test_input_keyboard_reports_keys_leds_and_repeat)
{
    emu_machine *m = virt_one("keyboard");
    drv d;
    drv_init(&d, m, 0);
    unsigned size = cfg_select(&d, SEL_EV, EV_KEY);
    ck_assert_uint_eq(size, 32); /* codes 1..255 */
    ck_assert(cfg_bit(&d, KEY_A));
    ck_assert(cfg_bit(&d, 1));  /* KEY_ESC */
    ck_assert(!cfg_bit(&d, 0)); /* KEY_RESERVED */
    ck_assert_uint_gt(cfg_select(&d, SEL_EV, EV_REP), 0);
    ck_assert_uint_eq(cfg_select(&d, SEL_EV, EV_LED), 1);
    ck_assert_uint_eq(cfg_u8(&d, 0), 0x7);
    ck_assert_uint_eq(cfg_select(&d, SEL_EV, EV_REL), 0);
    ck_assert_uint_eq(cfg_select(&d, SEL_EV, EV_ABS), 0);
    ck_assert_uint_eq(cfg_select(&d, SEL_ABS, ABS_X), 0);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_input_tablet_reports_absolute_axes_buttons_and_wheel)
{
    emu_machine *m = virt_one("tablet");
    drv d;
    drv_init(&d, m, 0);
    ck_assert_uint_eq(cfg_select(&d, SEL_EV, EV_ABS), 1);
    ck_assert_uint_eq(cfg_u8(&d, 0), 0x3);
    ck_assert_uint_eq(cfg_select(&d, SEL_ABS, ABS_X), 20);
    ck_assert_uint_eq(cfg_u32(&d, 0), 0);     /* min */
    ck_assert_uint_eq(cfg_u32(&d, 4), 32767); /* max */
    ck_assert_uint_eq(cfg_select(&d, SEL_ABS, ABS_Y), 20);
    ck_assert_uint_eq(cfg_select(&d, SEL_ABS, 2), 0);
    unsigned size = cfg_select(&d, SEL_EV, EV_KEY);
    ck_assert_uint_eq(size, BTN_LEFT / 8 + 1);
    ck_assert(cfg_bit(&d, BTN_LEFT));
    ck_assert(cfg_bit(&d, BTN_LEFT + 1));
    ck_assert(cfg_bit(&d, BTN_LEFT + 2));
    ck_assert(!cfg_bit(&d, KEY_A));
    ck_assert_uint_eq(cfg_select(&d, SEL_EV, EV_REL), 2);
    ck_assert(cfg_bit(&d, REL_WHEEL));
    ck_assert(!cfg_bit(&d, REL_X));
    ck_assert_uint_eq(cfg_select(&d, SEL_EV, EV_REP), 0);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_input_mouse_reports_relative_motion)
{
    emu_machine *m = virt_one("mouse");
    drv d;
    drv_init(&d, m, 0);
    ck_assert_uint_eq(cfg_select(&d, SEL_EV, EV_REL), 2);
    ck_assert_uint_eq(cfg_u8(&d, 0), 0x3);
    ck_assert(cfg_bit(&d, REL_WHEEL));
    ck_assert_uint_eq(cfg_select(&d, SEL_EV, EV_ABS), 0);
    ck_assert_uint_gt(cfg_select(&d, SEL_EV, EV_KEY), 0);
    ck_assert(cfg_bit(&d, BTN_LEFT));
    emu_machine_free(m);
}
END_TEST

/* ---- events ---- */

START_TEST(test_input_events_fill_posted_buffers)
{
    emu_machine *m = virt_one("keyboard");
    drv d;
    drv_init(&d, m, 0);
    drv_post(&d, 0, 8, 8, true);
    ck_assert_int_eq(emu_input_event(m, EV_KEY, KEY_A, 1), EMU_OK);
    ck_assert_int_eq(emu_input_event(m, EV_SYN, 0, 0), EMU_OK);
    ck_assert_int_eq(emu_input_event(m, EV_KEY, KEY_A, 0), EMU_OK);
    ck_assert_int_eq(emu_input_event(m, EV_SYN, 0, 0), EMU_OK);
    ck_assert_uint_eq(used_idx(&d, 0), 4);
    expect_event(&d, EV_KEY, KEY_A, 1);
    expect_event(&d, EV_SYN, 0, 0);
    expect_event(&d, EV_KEY, KEY_A, 0);
    expect_event(&d, EV_SYN, 0, 0);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_input_events_wait_for_buffers)
{
    emu_machine *m = virt_one("tablet");
    drv d;
    drv_init(&d, m, 0);
    ck_assert_int_eq(emu_input_event(m, EV_ABS, ABS_X, 100), EMU_OK);
    ck_assert_int_eq(emu_input_event(m, EV_ABS, ABS_Y, 40000),
                     EMU_OK); /* clamped */
    ck_assert_int_eq(emu_input_event(m, EV_KEY, BTN_LEFT, 1), EMU_OK);
    ck_assert_int_eq(emu_input_event(m, EV_SYN, 0, 0), EMU_OK);
    ck_assert_uint_eq(used_idx(&d, 0), 0);
    drv_post(&d, 0, 2, 8, true);
    ck_assert_uint_eq(used_idx(&d, 0), 2);
    drv_post(&d, 0, 4, 8, true);
    ck_assert_uint_eq(used_idx(&d, 0), 4);
    expect_event(&d, EV_ABS, ABS_X, 100);
    expect_event(&d, EV_ABS, ABS_Y, 32767);
    expect_event(&d, EV_KEY, BTN_LEFT, 1);
    expect_event(&d, EV_SYN, 0, 0);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_input_wrong_kind_events_are_rejected)
{
    emu_machine *m = virt_one("keyboard");
    ck_assert_int_eq(emu_input_event(m, EV_KEY, BTN_LEFT, 1),
                     EMU_ERR_NOT_FOUND);
    ck_assert_int_eq(emu_input_event(m, EV_REL, REL_X, 1), EMU_ERR_NOT_FOUND);
    ck_assert_int_eq(emu_input_event(m, EV_ABS, ABS_X, 1), EMU_ERR_NOT_FOUND);
    ck_assert_int_eq(emu_input_event(m, EV_KEY, 0, 1), EMU_ERR_NOT_FOUND);
    ck_assert_int_eq(emu_input_event(m, EV_KEY, KEY_A, 3), EMU_ERR_NOT_FOUND);
    ck_assert_int_eq(emu_input_event(m, EV_LED, 0, 1), EMU_ERR_NOT_FOUND);
    ck_assert_int_eq(emu_input_event(m, EV_SYN, 1, 0), EMU_ERR_NOT_FOUND);
    emu_machine_free(m);

    m = virt_one("tablet");
    ck_assert_int_eq(emu_input_event(m, EV_KEY, KEY_A, 1), EMU_ERR_NOT_FOUND);
    ck_assert_int_eq(emu_input_event(m, EV_REL, REL_X, 1), EMU_ERR_NOT_FOUND);
    ck_assert_int_eq(emu_input_event(m, EV_REL, REL_WHEEL, -1), EMU_OK);
    emu_machine_free(m);

    m = virt_one("mouse");
    ck_assert_int_eq(emu_input_event(m, EV_ABS, ABS_X, 1), EMU_ERR_NOT_FOUND);
    ck_assert_int_eq(emu_input_event(m, EV_REL, REL_X, -5), EMU_OK);
    emu_machine_free(m);

    /* no input device at all */
    m = virt_with(NULL, 0);
    ck_assert_int_eq(emu_input_event(m, EV_KEY, KEY_A, 1), EMU_ERR_NOT_FOUND);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_input_events_go_to_the_device_of_their_kind)
{
    static const char *const kinds[] = {"keyboard", "tablet"};
    emu_machine *m = virt_with(kinds, 2);
    drv kbd, tab;
    drv_init(&kbd, m, 0);
    drv_init(&tab, m, 1);
    drv_post(&kbd, 0, 8, 8, true);
    drv_post(&tab, 0, 8, 8, true);
    ck_assert_int_eq(emu_input_event(m, EV_KEY, KEY_B, 1), EMU_OK);
    ck_assert_int_eq(emu_input_event(m, EV_SYN, 0, 0), EMU_OK);
    ck_assert_int_eq(emu_input_event(m, EV_ABS, ABS_X, 5), EMU_OK);
    ck_assert_int_eq(emu_input_event(m, EV_SYN, 0, 0), EMU_OK);
    /* each SYN_REPORT closes only the report that device has open */
    ck_assert_uint_eq(used_idx(&kbd, 0), 2);
    ck_assert_uint_eq(used_idx(&tab, 0), 2);
    expect_event(&kbd, EV_KEY, KEY_B, 1);
    expect_event(&kbd, EV_SYN, 0, 0);
    expect_event(&tab, EV_ABS, ABS_X, 5);
    expect_event(&tab, EV_SYN, 0, 0);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_input_overflow_drops_oldest_whole_reports)
{
    emu_machine *m = virt_one("keyboard");
    drv d;
    drv_init(&d, m, 0);
    /* 300 reports of three events each, no buffers posted: far more than
     * the device keeps */
    for (int r = 0; r < 300; r++) {
        ck_assert_int_eq(emu_input_event(m, EV_KEY, KEY_A, 1), EMU_OK);
        ck_assert_int_eq(emu_input_event(m, EV_KEY, KEY_B, r % 2), EMU_OK);
        ck_assert_int_eq(emu_input_event(m, EV_SYN, 0, 0), EMU_OK);
    }
    unsigned got = 0;
    uint16_t t, c;
    int32_t v;
    int pos = 0, last_b = -1;
    for (;;) {
        unsigned before = got;
        drv_post(&d, 0, QN, 8, true);
        while (drv_event(&d, &t, &c, &v)) {
            got++;
            /* whole reports only: KEY_A, KEY_B, SYN, in that order */
            static const uint16_t want[3] = {KEY_A, KEY_B, 0};
            ck_assert_uint_eq(c, want[pos]);
            ck_assert_uint_eq(t, pos == 2 ? EV_SYN : EV_KEY);
            if (pos == 1) last_b = v;
            pos = (pos + 1) % 3;
        }
        if (got - before < QN)
            break; /* the rest stay posted: never more than QN */
    }
    ck_assert_uint_le(got, 256);
    ck_assert_uint_ge(got, 250);
    ck_assert_int_eq(pos, 0);
    ck_assert_int_eq(last_b, 299 % 2); /* the newest report survived */
    emu_machine_free(m);
}
END_TEST

START_TEST(test_input_statusq_buffers_are_consumed)
{
    emu_machine *m = virt_one("keyboard");
    drv d;
    drv_init(&d, m, 0);
    /* an LED event from the driver (5.8.6.2): EV_LED LED_CAPSL on */
    tu_write32(m, d.q[1].bufs, EV_LED | 1u << 16);
    tu_write32(m, d.q[1].bufs + 4, 1);
    drv_post(&d, 1, 1, 8, false);
    ck_assert_uint_eq(used_idx(&d, 1), 1);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_input_reset_discards_waiting_events)
{
    emu_machine *m = virt_one("keyboard");
    drv d;
    drv_init(&d, m, 0);
    ck_assert_int_eq(emu_input_event(m, EV_KEY, KEY_A, 1), EMU_OK);
    ck_assert_int_eq(emu_input_event(m, EV_SYN, 0, 0), EMU_OK);
    drv_init(&d, m, 0); /* a driver starting over resets the device */
    drv_post(&d, 0, 4, 8, true);
    ck_assert_uint_eq(used_idx(&d, 0), 0);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_input_short_event_buffer_breaks_the_device)
{
    emu_machine *m = virt_one("keyboard");
    drv d;
    drv_init(&d, m, 0);
    drv_post(&d, 0, 1, 4, true);
    ck_assert_int_eq(emu_input_event(m, EV_KEY, KEY_A, 1), EMU_OK);
    ck_assert_uint_eq(reg_rd(&d, R_STATUS, 4) & 64, 64); /* NEEDS_RESET */
    emu_machine_free(m);
}
END_TEST

static Suite *input_suite(void)
{
    Suite *s = suite_create("virtio_input");
    TCase *tc = tcase_create("virtio_input");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_input_config_names_and_ids);
    tcase_add_test(tc, test_input_keyboard_reports_keys_leds_and_repeat);
    tcase_add_test(tc,
                   test_input_tablet_reports_absolute_axes_buttons_and_wheel);
    tcase_add_test(tc, test_input_mouse_reports_relative_motion);
    tcase_add_test(tc, test_input_events_fill_posted_buffers);
    tcase_add_test(tc, test_input_events_wait_for_buffers);
    tcase_add_test(tc, test_input_wrong_kind_events_are_rejected);
    tcase_add_test(tc, test_input_events_go_to_the_device_of_their_kind);
    tcase_add_test(tc, test_input_overflow_drops_oldest_whole_reports);
    tcase_add_test(tc, test_input_statusq_buffers_are_consumed);
    tcase_add_test(tc, test_input_reset_discards_waiting_events);
    tcase_add_test(tc, test_input_short_event_buffer_breaks_the_device);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(input_suite());
}
