/*
 * virtio-input (src/devices/virtio_input.c) seen from a driver: the unit
 * tests' driver (virtio_driver.h) sets up an eventq and a statusq in guest
 * RAM and drives the device through its virtio-mmio registers, and events
 * come in through emu_input_event().
 */
#include <stdlib.h>
#include <string.h>

#include "machine/machine.h"
#include "testutil.h"
#include "virtio_driver.h"

#define QN 64 /* queue size the driver picks (the device offers 64) */

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

/* The driver, and per queue a 16-byte buffer for each descriptor (the
 * used ring names the descriptor, its buffer holds the event). */
typedef struct drv {
    vd v;
    uint64_t bufs[2];
} drv;

/* 4.2.3.1: reset, ACKNOWLEDGE, DRIVER, features (VERSION_1 only),
 * FEATURES_OK, the queues, DRIVER_OK. */
static void drv_init(drv *d, emu_machine *m, unsigned slot)
{
    vd_attach(&d->v, m, slot);
    /* each slot's rings and buffers apart, for machines with several */
    d->v.heap += 0x10000ull * slot;
    ck_assert_uint_eq(vd_reg(&d->v, VD_MAGIC), 0x74726976);
    ck_assert_uint_eq(vd_reg(&d->v, VD_DEVICE_ID), 18);
    for (unsigned q = 0; q < 2; q++) {
        vd_wreg(&d->v, VD_QUEUE_SEL, q);
        ck_assert_uint_ge(vd_reg(&d->v, VD_QUEUE_NUM_MAX), QN);
    }
    vd_init(&d->v, VD_F_VERSION_1, 2, QN);
    for (unsigned q = 0; q < 2; q++)
        d->bufs[q] = vd_alloc(&d->v, 16ull * QN, 16);
}

/* Post n buffers of len bytes on queue qi (device-writable unless out). */
static void drv_post(drv *d, unsigned qi, unsigned n, uint32_t len,
                     bool writable)
{
    for (unsigned i = 0; i < n; i++) {
        vd_buf b = {d->bufs[qi] + 16ull * d->v.q[qi].next_desc, len, writable};
        vd_avail(&d->v, qi, vd_chain(&d->v, qi, &b, 1));
    }
    vd_notify(&d->v, qi);
}

/* The next used buffer of the eventq, as an event; false if none. */
static bool drv_event(drv *d, uint16_t *type, uint16_t *code, int32_t *value)
{
    uint32_t id, len;
    if (!vd_get_used(&d->v, 0, &id, &len)) return false;
    ck_assert_uint_lt(id, QN);
    ck_assert_uint_eq(len, 8);
    uint64_t buf = d->bufs[0] + 16ull * id;
    uint32_t w0 = tu_read32(d->v.m, buf);
    *type = (uint16_t)w0;
    *code = (uint16_t)(w0 >> 16);
    *value = (int32_t)tu_read32(d->v.m, buf + 4);
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
    vd_wconfig(&d->v, 0, 1, select);
    vd_wconfig(&d->v, 1, 1, subsel);
    return (unsigned)vd_config(&d->v, 2, 1);
}

static uint8_t cfg_u8(drv *d, unsigned off)
{
    return (uint8_t)vd_config(&d->v, 8 + off, 1);
}
static uint32_t cfg_u32(drv *d, unsigned off)
{
    return (uint32_t)vd_config(&d->v, 8 + off, 4);
}

static bool cfg_bit(drv *d, unsigned bit)
{
    return cfg_u8(d, bit / 8) >> (bit % 8) & 1;
}

static emu_machine *virt_with(const char *const *kinds, unsigned n)
{
    emu_machine *m = vd_machine();
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
    vd_wconfig(&d.v, 2, 1, 99);
    ck_assert_uint_eq(vd_config(&d.v, 2, 1), strlen(name));
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
    ck_assert_uint_eq(vd_used_idx(&d.v, 0), 4);
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
    ck_assert_uint_eq(vd_used_idx(&d.v, 0), 0);
    drv_post(&d, 0, 2, 8, true);
    ck_assert_uint_eq(vd_used_idx(&d.v, 0), 2);
    drv_post(&d, 0, 4, 8, true);
    ck_assert_uint_eq(vd_used_idx(&d.v, 0), 4);
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
    ck_assert_uint_eq(vd_used_idx(&kbd.v, 0), 2);
    ck_assert_uint_eq(vd_used_idx(&tab.v, 0), 2);
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
    tu_write32(m, d.bufs[1], EV_LED | 1u << 16);
    tu_write32(m, d.bufs[1] + 4, 1);
    drv_post(&d, 1, 1, 8, false);
    ck_assert_uint_eq(vd_used_idx(&d.v, 1), 1);
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
    ck_assert_uint_eq(vd_used_idx(&d.v, 0), 0);
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
    ck_assert(vd_needs_reset(&d.v));
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
