/*
 * The virtio-mmio transport and split virtqueues (src/devices/virtio_mmio.c)
 * driven through the registers of a virt machine's slots, with virtio-rng
 * as the device behind them: identification, feature negotiation, status
 * and reset, queue setup, requests, interrupts and their suppression, and
 * hostile descriptor tables, each of which must put the device in
 * DEVICE_NEEDS_RESET (virtio 1.2 2.1.2) without harming the host.
 */
#include <stdlib.h>
#include <string.h>

#include "machine/machine.h"
#include "testutil.h"
#include "virtio_driver.h"

#define RAM_END (TU_RAM_BASE + TU_RAM_SIZE)
#define QN 16 /* queue size the tests use */

static emu_machine *rng_machine(vd *d)
{
    emu_machine *m = vd_machine();
    ck_assert_int_eq(emu_device_add(m, "rng", ""), EMU_OK);
    vd_attach(d, m, 0);
    return m;
}

/* A 64-byte writable buffer through the rng; checks it comes back whole. */
static void rng_request_works(vd *d)
{
    uint64_t buf = vd_alloc(d, 64, 8);
    vd_buf b = {buf, 64, true};
    uint16_t head = vd_submit(d, 0, &b, 1);
    uint32_t id, len;
    ck_assert(vd_get_used(d, 0, &id, &len));
    ck_assert_uint_eq(id, head);
    ck_assert_uint_eq(len, 64);
    uint8_t got[64], zero[64] = {0};
    vd_read(d, buf, got, sizeof(got));
    ck_assert(memcmp(got, zero, sizeof(got)) != 0);
}

START_TEST(test_empty_slots_report_device_id_0)
{
    vd d;
    emu_machine *m = vd_machine();
    for (unsigned s = 0; s < 8; s++) {
        vd_attach(&d, m, s);
        ck_assert_uint_eq(vd_reg(&d, VD_MAGIC), 0x74726976);
        ck_assert_uint_eq(vd_reg(&d, VD_VERSION), 2);
        ck_assert_uint_eq(vd_reg(&d, VD_DEVICE_ID), 0);
        ck_assert_uint_eq(vd_reg(&d, VD_DEV_FEATURES), 0);
        /* writes to an empty slot are ignored, not faults */
        vd_wreg(&d, VD_STATUS, VD_S_ACKNOWLEDGE);
        ck_assert_uint_eq(vd_reg(&d, VD_STATUS), 0);
    }
    emu_machine_free(m);
}
END_TEST

START_TEST(test_rng_identity_and_offered_features)
{
    vd d;
    emu_machine *m = rng_machine(&d);
    ck_assert_uint_eq(vd_reg(&d, VD_MAGIC), 0x74726976);
    ck_assert_uint_eq(vd_reg(&d, VD_VERSION), 2);
    ck_assert_uint_eq(vd_reg(&d, VD_DEVICE_ID), 4);
    uint64_t f = vd_device_features(&d);
    ck_assert(f & VD_F_VERSION_1);
    ck_assert(f & VD_F_INDIRECT_DESC);
    ck_assert(f & VD_F_EVENT_IDX);
    vd_wreg(&d, VD_DEV_FEATURES_SEL, 2);
    ck_assert_uint_eq(vd_reg(&d, VD_DEV_FEATURES), 0);
    vd_wreg(&d, VD_QUEUE_SEL, 0);
    ck_assert_uint_eq(vd_reg(&d, VD_QUEUE_NUM_MAX), 64);
    vd_wreg(&d, VD_QUEUE_SEL, 1); /* rng has one queue */
    ck_assert_uint_eq(vd_reg(&d, VD_QUEUE_NUM_MAX), 0);
    /* the slot next to it stays empty */
    vd_attach(&d, m, 1);
    ck_assert_uint_eq(vd_reg(&d, VD_DEVICE_ID), 0);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_registers_need_aligned_32_bit_access)
{
    vd d;
    emu_machine *m = rng_machine(&d);
    uint64_t v;
    ck_assert(!bus_read(&m->bus, d.base + VD_MAGIC, 2, &v));
    ck_assert(!bus_read(&m->bus, d.base + VD_MAGIC + 1, 4, &v));
    ck_assert(!bus_write(&m->bus, d.base + VD_STATUS, 1, 1));
    /* rng has no configuration space: reads give 0 */
    ck_assert_uint_eq(vd_config(&d, 0, 4), 0);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_features_ok_refused_for_unoffered_bit)
{
    vd d;
    emu_machine *m = rng_machine(&d);
    ck_assert(!vd_negotiate(&d, VD_F_VERSION_1 | 1ull << 0));
    ck_assert(!vd_negotiate(&d, VD_F_VERSION_1 | 1ull << 40));
    ck_assert(vd_negotiate(&d, VD_F_VERSION_1));
    emu_machine_free(m);
}
END_TEST

START_TEST(test_features_ok_refused_without_version_1)
{
    vd d;
    emu_machine *m = rng_machine(&d);
    ck_assert(!vd_negotiate(&d, 0));
    ck_assert(!vd_negotiate(&d, VD_F_INDIRECT_DESC));
    emu_machine_free(m);
}
END_TEST

START_TEST(test_features_frozen_after_features_ok)
{
    vd d;
    emu_machine *m = rng_machine(&d);
    ck_assert(vd_negotiate(&d, VD_F_VERSION_1));
    /* 3.1.1: features are fixed once FEATURES_OK is accepted; a write of
     * an unoffered bit now must not slip past the check */
    vd_wreg(&d, VD_DRV_FEATURES_SEL, 0);
    vd_wreg(&d, VD_DRV_FEATURES, 1);
    vd_queue_setup(&d, 0, QN);
    vd_driver_ok(&d);
    rng_request_works(&d);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_status_zero_resets_device)
{
    vd d;
    emu_machine *m = rng_machine(&d);
    vd_init(&d, VD_F_VERSION_1, 1, QN);
    rng_request_works(&d);
    ck_assert_uint_ne(vd_isr(&d), 0);
    vd_wreg(&d, VD_STATUS, 0);
    ck_assert_uint_eq(vd_reg(&d, VD_STATUS), 0);
    ck_assert_uint_eq(vd_isr(&d), 0);
    ck_assert(!vd_irq_line(&d));
    vd_wreg(&d, VD_QUEUE_SEL, 0);
    ck_assert_uint_eq(vd_reg(&d, VD_QUEUE_READY), 0);
    ck_assert_uint_eq(vd_reg(&d, VD_QUEUE_DESC_LO), 0);
    /* and it can be brought up again */
    vd_init(&d, VD_F_VERSION_1, 1, QN);
    rng_request_works(&d);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_queue_layout_fixed_while_ready)
{
    vd d;
    emu_machine *m = rng_machine(&d);
    vd_init(&d, VD_F_VERSION_1, 1, QN);
    vd_wreg(&d, VD_QUEUE_SEL, 0);
    uint32_t desc = vd_reg(&d, VD_QUEUE_DESC_LO);
    vd_wreg(&d, VD_QUEUE_DESC_LO, 0x1000);
    vd_wreg(&d, VD_QUEUE_NUM, 2);
    ck_assert_uint_eq(vd_reg(&d, VD_QUEUE_DESC_LO), desc);
    rng_request_works(&d);
    emu_machine_free(m);
}
END_TEST

/* ---- queue setups the device must refuse ---- */

/* The device is broken: NEEDS_RESET, a configuration-change interrupt on
 * its line, and nothing returned; after a reset it works again. */
static void expect_broken_then_recovers(vd *d)
{
    ck_assert_msg(vd_needs_reset(d), "status 0x%x", vd_reg(d, VD_STATUS));
    ck_assert(vd_isr(d) & 2);
    ck_assert(vd_irq_line(d));
    vd_ack(d, 2);
    ck_assert(!vd_irq_line(d));
    /* a broken device takes no more requests */
    if (d->q[0].num) {
        uint16_t used = vd_used_idx(d, 0);
        vd_notify(d, 0);
        ck_assert_uint_eq(vd_used_idx(d, 0), used);
    }
    /* the driver may not clear NEEDS_RESET other than by a reset */
    vd_wreg(d, VD_STATUS, vd_reg(d, VD_STATUS) & ~VD_S_NEEDS_RESET);
    ck_assert(vd_needs_reset(d));
    vd_wreg(d, VD_STATUS, 0);
    ck_assert_uint_eq(vd_reg(d, VD_STATUS), 0);
    vd_init(d, VD_F_VERSION_1 | VD_F_INDIRECT_DESC, 1, QN);
    rng_request_works(d);
}

typedef struct bad_layout {
    const char *what;
    uint32_t num;
    int64_t desc_off, avail_off, used_off; /* from fresh RAM, or... */
    uint64_t abs_desc;                     /* ...an absolute address if set */
} bad_layout;

static const bad_layout bad_layouts[] = {
    {"size 0", 0, 0, 0x1000, 0x2000, 0},
    {"size above QueueNumMax", 128, 0, 0x1000, 0x2000, 0},
    {"size not a power of 2", 12, 0, 0x1000, 0x2000, 0},
    {"table misaligned", QN, 8, 0x1000, 0x2000, 0},
    {"available ring misaligned", QN, 0, 0x1001, 0x2000, 0},
    {"used ring misaligned", QN, 0, 0x1000, 0x2002, 0},
    {"table outside RAM", QN, 0, 0x1000, 0x2000, 0x1000},
    {"table at the top of the address space", QN, 0, 0x1000, 0x2000,
     0xfffffffffffffff0ull},
};

START_TEST(test_queue_ready_rejects_bad_layout)
{
    const bad_layout *b = &bad_layouts[_i];
    vd d;
    emu_machine *m = rng_machine(&d);
    ck_assert(vd_negotiate(&d, VD_F_VERSION_1));
    uint64_t base = vd_alloc(&d, 0x4000, 0x1000);
    uint64_t desc = b->abs_desc ? b->abs_desc : base + b->desc_off;
    vd_queue_setup_at(&d, 0, (uint16_t)b->num, desc, base + b->avail_off,
                      base + b->used_off);
    ck_assert_msg(vd_reg(&d, VD_QUEUE_READY) == 0, "%s: queue ready", b->what);
    ck_assert_msg(vd_needs_reset(&d), "%s: no NEEDS_RESET", b->what);
    /* no DRIVER_OK yet, so no interrupt; the driver learns of it when it
     * sets DRIVER_OK */
    ck_assert_uint_eq(vd_isr(&d), 0);
    vd_driver_ok(&d);
    d.q[0].num = 0;
    expect_broken_then_recovers(&d);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_rings_ending_past_ram_rejected)
{
    /* each area in turn ends 2 bytes past the end of RAM */
    for (int which = 0; which < 3; which++) {
        vd d;
        emu_machine *m = rng_machine(&d);
        ck_assert(vd_negotiate(&d, VD_F_VERSION_1));
        uint64_t desc = vd_alloc(&d, 16 * QN, 16);
        uint64_t avail = vd_alloc(&d, 6 + 2 * QN, 2);
        uint64_t used = vd_alloc(&d, 6 + 8 * QN, 4);
        if (which == 0)
            desc = RAM_END - 16 * QN + 16;
        else if (which == 1)
            avail = RAM_END - (4 + 2 * QN) + 2;
        else
            used = RAM_END - (4 + 8 * QN) + 4;
        vd_queue_setup_at(&d, 0, QN, desc, avail, used);
        ck_assert_msg(vd_needs_reset(&d), "area %d", which);
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_event_idx_rings_checked_at_features_ok)
{
    /*
     * A driver that makes its queue ready before FEATURES_OK (against
     * 3.1.1's order) with the used ring ending exactly at the end of RAM,
     * then negotiates EVENT_IDX, which adds avail_event after the ring: the
     * device must not write past RAM.
     */
    vd d;
    emu_machine *m = rng_machine(&d);
    vd_wreg(&d, VD_STATUS, 0);
    vd_wreg(&d, VD_STATUS, VD_S_ACKNOWLEDGE | VD_S_DRIVER);
    uint64_t desc = vd_alloc(&d, 16 * QN, 16);
    uint64_t avail = vd_alloc(&d, 6 + 2 * QN, 2);
    uint64_t used = RAM_END - (4 + 8 * QN);
    vd_queue_setup_at(&d, 0, QN, desc, avail, used);
    ck_assert_uint_eq(vd_reg(&d, VD_QUEUE_READY), 1);
    uint64_t f = VD_F_VERSION_1 | VD_F_EVENT_IDX;
    vd_wreg(&d, VD_DRV_FEATURES_SEL, 0);
    vd_wreg(&d, VD_DRV_FEATURES, (uint32_t)f);
    vd_wreg(&d, VD_DRV_FEATURES_SEL, 1);
    vd_wreg(&d, VD_DRV_FEATURES, (uint32_t)(f >> 32));
    vd_wreg(&d, VD_STATUS, VD_S_ACKNOWLEDGE | VD_S_DRIVER | VD_S_FEATURES_OK);
    vd_driver_ok(&d);
    uint64_t buf = vd_alloc(&d, 16, 8);
    vd_buf b = {buf, 16, true};
    vd_submit(&d, 0, &b, 1);
    ck_assert(vd_needs_reset(&d));
    ck_assert_uint_eq(vd_used_idx(&d, 0), 0);
    emu_machine_free(m);
}
END_TEST

/* ---- requests ---- */

START_TEST(test_rng_request_fills_buffer_and_interrupts)
{
    vd d;
    emu_machine *m = rng_machine(&d);
    vd_init(&d, VD_F_VERSION_1, 1, QN);
    ck_assert_uint_eq(vd_isr(&d), 0);
    ck_assert(!vd_irq_line(&d));
    rng_request_works(&d);
    ck_assert_uint_eq(vd_isr(&d), 1);
    ck_assert(vd_irq_pending(&d)); /* PLIC source 1 + slot */
    ck_assert(vd_irq_line(&d));
    vd_ack(&d, 1);
    ck_assert_uint_eq(vd_isr(&d), 0);
    ck_assert(!vd_irq_line(&d));
    emu_machine_free(m);
}
END_TEST

START_TEST(test_interrupt_on_slot_source)
{
    /* the third device lands in slot 2 and interrupts on source 3 */
    vd d;
    emu_machine *m = vd_machine();
    for (int i = 0; i < 3; i++)
        ck_assert_msg(emu_device_add(m, "rng", "") == EMU_OK, "%s",
                      emu_last_error(m));
    vd_attach(&d, m, 2);
    vd_init(&d, VD_F_VERSION_1, 1, QN);
    rng_request_works(&d);
    uint64_t pending;
    ck_assert(bus_read(&m->bus, VD_PLIC + 0x1000, 4, &pending));
    ck_assert_uint_eq(pending & 0x1e, 1u << 3);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_chain_of_several_buffers)
{
    vd d;
    emu_machine *m = rng_machine(&d);
    vd_init(&d, VD_F_VERSION_1, 1, QN);
    uint64_t a = vd_alloc(&d, 3, 1), b = vd_alloc(&d, 5000, 1);
    uint64_t c = vd_alloc(&d, 0, 1);
    vd_buf bufs[] = {{a, 3, true}, {c, 0, true}, {b, 5000, true}};
    uint16_t head = vd_submit(&d, 0, bufs, 3);
    uint32_t id, len;
    ck_assert(vd_get_used(&d, 0, &id, &len));
    ck_assert_uint_eq(id, head);
    ck_assert_uint_eq(len, 5003);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_many_requests_wrap_the_rings)
{
    vd d;
    emu_machine *m = rng_machine(&d);
    vd_init(&d, VD_F_VERSION_1, 1, 4);
    for (int i = 0; i < 16500; i++) {
        /* 66,000 requests in batches of 4: the 16-bit indices wrap */
        for (int k = 0; k < 4; k++) {
            uint64_t buf = d.q[0].desc - 64; /* any RAM will do */
            vd_buf b = {buf, 8, true};
            vd_avail(&d, 0, vd_chain(&d, 0, &b, 1));
        }
        vd_notify(&d, 0);
        for (int k = 0; k < 4; k++)
            ck_assert(vd_get_used(&d, 0, NULL, NULL));
        ck_assert(!vd_get_used(&d, 0, NULL, NULL));
    }
    ck_assert(!vd_needs_reset(&d));
    emu_machine_free(m);
}
END_TEST

START_TEST(test_avail_no_interrupt_flag_suppresses)
{
    vd d;
    emu_machine *m = rng_machine(&d);
    vd_init(&d, VD_F_VERSION_1, 1, QN);
    vd_set_avail_flags(&d, 0, VD_AVAIL_NO_INTERRUPT);
    rng_request_works(&d);
    ck_assert_uint_eq(vd_isr(&d), 0);
    ck_assert(!vd_irq_line(&d));
    vd_set_avail_flags(&d, 0, 0);
    rng_request_works(&d);
    ck_assert_uint_eq(vd_isr(&d), 1);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_event_idx_suppresses_until_used_event)
{
    vd d;
    emu_machine *m = rng_machine(&d);
    vd_init(&d, VD_F_VERSION_1 | VD_F_EVENT_IDX, 1, QN);
    /* 2.7.10: interrupt only when used->idx moves past used_event */
    vd_set_used_event(&d, 0, 2);
    rng_request_works(&d); /* used idx 1 */
    ck_assert_uint_eq(vd_isr(&d), 0);
    ck_assert_uint_eq(vd_avail_event(&d, 0), 1);
    rng_request_works(&d); /* used idx 2 */
    ck_assert_uint_eq(vd_isr(&d), 0);
    rng_request_works(&d); /* used idx 3: passes used_event 2 */
    ck_assert_uint_eq(vd_isr(&d), 1);
    ck_assert_uint_eq(vd_avail_event(&d, 0), 3);
    /* the NO_INTERRUPT flag means nothing with EVENT_IDX */
    vd_ack(&d, 1);
    vd_set_avail_flags(&d, 0, VD_AVAIL_NO_INTERRUPT);
    vd_set_used_event(&d, 0, 3);
    rng_request_works(&d); /* used idx 4 */
    ck_assert_uint_eq(vd_isr(&d), 1);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_indirect_descriptors)
{
    vd d;
    emu_machine *m = rng_machine(&d);
    vd_init(&d, VD_F_VERSION_1 | VD_F_INDIRECT_DESC, 1, QN);
    uint64_t a = vd_alloc(&d, 40, 8), b = vd_alloc(&d, 24, 8);
    vd_buf bufs[] = {{a, 40, true}, {b, 24, true}};
    uint16_t head = vd_chain_indirect(&d, 0, bufs, 2);
    vd_avail(&d, 0, head);
    vd_notify(&d, 0);
    uint32_t id, len;
    ck_assert(vd_get_used(&d, 0, &id, &len));
    ck_assert_uint_eq(id, head);
    ck_assert_uint_eq(len, 64);
    uint8_t got[24], zero[24] = {0};
    vd_read(&d, b, got, sizeof(got));
    ck_assert(memcmp(got, zero, sizeof(got)) != 0);
    ck_assert(!vd_needs_reset(&d));
    emu_machine_free(m);
}
END_TEST

START_TEST(test_indirect_after_direct_descriptor)
{
    /* 2.7.5.3: a chain may end in an indirect descriptor */
    vd d;
    emu_machine *m = rng_machine(&d);
    vd_init(&d, VD_F_VERSION_1 | VD_F_INDIRECT_DESC, 1, QN);
    uint64_t a = vd_alloc(&d, 8, 8), b = vd_alloc(&d, 8, 8);
    uint64_t table = vd_alloc(&d, 16, 16);
    vd_desc_at(&d, table, 0, b, 8, VD_F_WRITE, 0);
    vd_desc(&d, 0, 0, a, 8, VD_F_WRITE | VD_F_NEXT, 1);
    vd_desc(&d, 0, 1, table, 16, VD_F_INDIRECT, 0);
    vd_avail(&d, 0, 0);
    vd_notify(&d, 0);
    uint32_t len;
    ck_assert(vd_get_used(&d, 0, NULL, &len));
    ck_assert_uint_eq(len, 16);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_notify_of_absent_queue_ignored)
{
    vd d;
    emu_machine *m = rng_machine(&d);
    vd_init(&d, VD_F_VERSION_1, 1, QN);
    vd_notify(&d, 1);
    vd_notify(&d, 7);
    vd_notify(&d, 0xffff);
    vd_wreg(&d, VD_QUEUE_NOTIFY, 0xffffffffu);
    ck_assert(!vd_needs_reset(&d));
    rng_request_works(&d);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_requests_wait_for_driver_ok)
{
    vd d;
    emu_machine *m = rng_machine(&d);
    ck_assert(vd_negotiate(&d, VD_F_VERSION_1));
    vd_queue_setup(&d, 0, QN);
    uint64_t buf = vd_alloc(&d, 16, 8);
    vd_buf b = {buf, 16, true};
    vd_submit(&d, 0, &b, 1);
    ck_assert_uint_eq(vd_used_idx(&d, 0), 0);
    /* DRIVER_OK serves what was queued before it */
    vd_driver_ok(&d);
    ck_assert_uint_eq(vd_used_idx(&d, 0), 1);
    emu_machine_free(m);
}
END_TEST

/* ---- hostile descriptor tables ---- */

typedef void (*hostile_fn)(vd *d);

static uint64_t scratch(vd *d)
{
    return vd_alloc(d, 64, 8);
}

static void h_loop(vd *d)
{
    uint64_t b = scratch(d);
    vd_desc(d, 0, 0, b, 8, VD_F_WRITE | VD_F_NEXT, 1);
    vd_desc(d, 0, 1, b, 8, VD_F_WRITE | VD_F_NEXT, 0);
    vd_avail(d, 0, 0);
}

static void h_self_loop(vd *d)
{
    vd_desc(d, 0, 5, scratch(d), 8, VD_F_WRITE | VD_F_NEXT, 5);
    vd_avail(d, 0, 5);
}

static void h_next_out_of_range(vd *d)
{
    vd_desc(d, 0, 0, scratch(d), 8, VD_F_WRITE | VD_F_NEXT, QN);
    vd_avail(d, 0, 0);
}

static void h_head_out_of_range(vd *d)
{
    vd_desc(d, 0, 0, scratch(d), 8, VD_F_WRITE, 0);
    vd_avail(d, 0, 0xffff);
}

static void h_buffer_outside_ram(vd *d)
{
    vd_desc(d, 0, 0, 0x10000000 /* the UART */, 8, VD_F_WRITE, 0);
    vd_avail(d, 0, 0);
}

static void h_buffer_below_ram(vd *d)
{
    vd_desc(d, 0, 0, TU_RAM_BASE - 4, 8, VD_F_WRITE, 0);
    vd_avail(d, 0, 0);
}

static void h_buffer_past_ram_end(vd *d)
{
    vd_desc(d, 0, 0, RAM_END - 8, 9, VD_F_WRITE, 0);
    vd_avail(d, 0, 0);
}

static void h_buffer_wraps_address_space(vd *d)
{
    vd_desc(d, 0, 0, 0xfffffffffffff000ull, 0x2000, VD_F_WRITE, 0);
    vd_avail(d, 0, 0);
}

static void h_absurd_length(vd *d)
{
    vd_desc(d, 0, 0, scratch(d), 0xffffffffu, VD_F_WRITE, 0);
    vd_avail(d, 0, 0);
}

static void h_readable_after_writable(vd *d)
{
    uint64_t b = scratch(d);
    vd_desc(d, 0, 0, b, 8, VD_F_WRITE | VD_F_NEXT, 1);
    vd_desc(d, 0, 1, b + 8, 8, VD_F_NEXT, 2);
    vd_desc(d, 0, 2, b + 16, 8, VD_F_WRITE, 0);
    vd_avail(d, 0, 0);
}

static void h_avail_idx_jumps(vd *d)
{
    vd_desc(d, 0, 0, scratch(d), 8, VD_F_WRITE, 0);
    vd_set_avail_idx(d, 0, QN + 1);
}

static void h_avail_idx_backwards(vd *d)
{
    /* 0xffff entries "ahead": as far from the truth as it gets */
    vd_desc(d, 0, 0, scratch(d), 8, VD_F_WRITE, 0);
    vd_set_avail_idx(d, 0, 0xffff);
}

static void h_indirect_len_not_multiple(vd *d)
{
    uint64_t t = vd_alloc(d, 32, 16);
    vd_desc_at(d, t, 0, scratch(d), 8, VD_F_WRITE, 0);
    vd_desc(d, 0, 0, t, 24, VD_F_INDIRECT, 0);
    vd_avail(d, 0, 0);
}

static void h_indirect_len_zero(vd *d)
{
    vd_desc(d, 0, 0, vd_alloc(d, 16, 16), 0, VD_F_INDIRECT, 0);
    vd_avail(d, 0, 0);
}

static void h_indirect_len_huge(vd *d)
{
    vd_desc(d, 0, 0, vd_alloc(d, 16, 16), 0xfffffff0u, VD_F_INDIRECT, 0);
    vd_avail(d, 0, 0);
}

static void h_indirect_outside_ram(vd *d)
{
    vd_desc(d, 0, 0, 0x1000, 32, VD_F_INDIRECT, 0);
    vd_avail(d, 0, 0);
}

static void h_indirect_nested(vd *d)
{
    uint64_t inner = vd_alloc(d, 16, 16), outer = vd_alloc(d, 16, 16);
    vd_desc_at(d, inner, 0, scratch(d), 8, VD_F_WRITE, 0);
    vd_desc_at(d, outer, 0, inner, 16, VD_F_INDIRECT, 0);
    vd_desc(d, 0, 0, outer, 16, VD_F_INDIRECT, 0);
    vd_avail(d, 0, 0);
}

static void h_indirect_with_next(vd *d)
{
    uint64_t t = vd_alloc(d, 16, 16);
    vd_desc_at(d, t, 0, scratch(d), 8, VD_F_WRITE, 0);
    vd_desc(d, 0, 0, t, 16, VD_F_INDIRECT | VD_F_NEXT, 1);
    vd_desc(d, 0, 1, scratch(d), 8, VD_F_WRITE, 0);
    vd_avail(d, 0, 0);
}

static void h_indirect_loop(vd *d)
{
    uint64_t t = vd_alloc(d, 32, 16), b = scratch(d);
    vd_desc_at(d, t, 0, b, 8, VD_F_WRITE | VD_F_NEXT, 1);
    vd_desc_at(d, t, 1, b, 8, VD_F_WRITE | VD_F_NEXT, 0);
    vd_desc(d, 0, 0, t, 32, VD_F_INDIRECT, 0);
    vd_avail(d, 0, 0);
}

static void h_indirect_next_out_of_table(vd *d)
{
    uint64_t t = vd_alloc(d, 32, 16);
    vd_desc_at(d, t, 0, scratch(d), 8, VD_F_WRITE | VD_F_NEXT, 2);
    vd_desc(d, 0, 0, t, 32, VD_F_INDIRECT, 0);
    vd_avail(d, 0, 0);
}

static void h_chain_longer_than_queue_limit(vd *d)
{
    /* one direct descriptor, then an indirect table of 1024: 1025 buffers,
     * more than any queue's size (2.7.5.3.1) */
    uint64_t t = vd_alloc(d, 16 * 1024, 16), b = scratch(d);
    for (unsigned i = 0; i < 1024; i++)
        vd_desc_at(d, t, (uint16_t)i, b, 1,
                   VD_F_WRITE | (i < 1023 ? VD_F_NEXT : 0), (uint16_t)(i + 1));
    vd_desc(d, 0, 0, b, 1, VD_F_WRITE | VD_F_NEXT, 1);
    vd_desc(d, 0, 1, t, 16 * 1024, VD_F_INDIRECT, 0);
    vd_avail(d, 0, 0);
}

static const struct {
    const char *name;
    hostile_fn build;
    bool indirect; /* negotiate INDIRECT_DESC */
} hostile[] = {
    {"descriptor loop", h_loop, false},
    {"descriptor pointing at itself", h_self_loop, false},
    {"next index out of range", h_next_out_of_range, false},
    {"head index out of range", h_head_out_of_range, false},
    {"buffer outside RAM", h_buffer_outside_ram, false},
    {"buffer starting below RAM", h_buffer_below_ram, false},
    {"buffer running past RAM", h_buffer_past_ram_end, false},
    {"buffer wrapping past 2^64", h_buffer_wraps_address_space, false},
    {"length 0xffffffff", h_absurd_length, false},
    {"readable after writable", h_readable_after_writable, false},
    {"avail idx more than a queue ahead", h_avail_idx_jumps, false},
    {"avail idx 0xffff ahead", h_avail_idx_backwards, false},
    {"indirect length not a multiple of 16", h_indirect_len_not_multiple, true},
    {"indirect length 0", h_indirect_len_zero, true},
    {"indirect length huge", h_indirect_len_huge, true},
    {"indirect table outside RAM", h_indirect_outside_ram, true},
    {"nested indirect", h_indirect_nested, true},
    {"INDIRECT with NEXT", h_indirect_with_next, true},
    {"loop inside an indirect table", h_indirect_loop, true},
    {"next outside an indirect table", h_indirect_next_out_of_table, true},
    {"indirect without INDIRECT_DESC", h_indirect_nested, false},
    {"chain longer than 1024", h_chain_longer_than_queue_limit, true},
};

START_TEST(test_hostile_chain_breaks_device_not_host)
{
    vd d;
    emu_machine *m = rng_machine(&d);
    uint64_t f =
        VD_F_VERSION_1 | (hostile[_i].indirect ? VD_F_INDIRECT_DESC : 0);
    vd_init(&d, f, 1, QN);
    hostile[_i].build(&d);
    vd_notify(&d, 0);
    ck_assert_msg(vd_needs_reset(&d), "%s: not detected", hostile[_i].name);
    ck_assert_msg(vd_used_idx(&d, 0) == 0, "%s: a buffer came back",
                  hostile[_i].name);
    expect_broken_then_recovers(&d);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_hostile_chain_after_good_ones)
{
    /* a good request, then a loop: the good one stays returned, and the
     * device breaks with its interrupt status showing both reasons */
    vd d;
    emu_machine *m = rng_machine(&d);
    vd_init(&d, VD_F_VERSION_1, 1, QN);
    rng_request_works(&d);
    d.q[0].next_desc = 8;
    uint64_t b = scratch(&d);
    vd_desc(&d, 0, 8, b, 8, VD_F_WRITE | VD_F_NEXT, 8);
    vd_avail(&d, 0, 8);
    vd_notify(&d, 0);
    ck_assert(vd_needs_reset(&d));
    ck_assert_uint_eq(vd_isr(&d), 3);
    ck_assert_uint_eq(vd_used_idx(&d, 0), 1);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_random_descriptor_tables_never_crash)
{
    /* random garbage in the table and ring: whatever happens, the host
     * survives (ASan watches) and a reset brings the device back */
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    vd d;
    emu_machine *m = rng_machine(&d);
    for (int round = 0; round < 200; round++) {
        d.heap = TU_RAM_BASE + (1 << 20);
        vd_init(&d, VD_F_VERSION_1 | VD_F_INDIRECT_DESC | VD_F_EVENT_IDX, 1,
                QN);
        uint64_t area = vd_alloc(&d, 4096, 16);
        for (unsigned i = 0; i < QN; i++) {
            uint64_t r = tu_rand(&seed);
            uint64_t addr = (r & 1)   ? area + (r >> 8) % 4096
                            : (r & 2) ? tu_rand(&seed)
                                      : TU_RAM_BASE + (r >> 8) % TU_RAM_SIZE;
            uint32_t len =
                (r & 4) ? (uint32_t)(r >> 32) : (uint32_t)(r >> 40) % 512;
            if ((r & 8) && !(r & 1))
                addr = area + ((r >> 8) % 256) * 16,
                len = 16 * (uint32_t)((r >> 20) % 8);
            vd_desc(&d, 0, (uint16_t)i, addr, len,
                    (uint16_t)(tu_rand(&seed) & 7),
                    (uint16_t)(tu_rand(&seed) % (QN + 2)));
        }
        uint64_t junk[512];
        for (unsigned i = 0; i < 512; i++)
            junk[i] = tu_rand(&seed);
        vd_write(&d, area, junk, sizeof(junk));
        for (int k = 0; k < 1 + round % 5; k++)
            vd_avail(&d, 0, (uint16_t)(tu_rand(&seed) % (QN + 1)));
        vd_notify(&d, 0);
        vd_wreg(&d, VD_STATUS, 0);
    }
    vd_init(&d, VD_F_VERSION_1, 1, QN);
    rng_request_works(&d);
    emu_machine_free(m);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("virtio");
    TCase *tc = tcase_create("transport");
    tcase_add_test(tc, test_empty_slots_report_device_id_0);
    tcase_add_test(tc, test_rng_identity_and_offered_features);
    tcase_add_test(tc, test_registers_need_aligned_32_bit_access);
    tcase_add_test(tc, test_features_ok_refused_for_unoffered_bit);
    tcase_add_test(tc, test_features_ok_refused_without_version_1);
    tcase_add_test(tc, test_features_frozen_after_features_ok);
    tcase_add_test(tc, test_status_zero_resets_device);
    tcase_add_test(tc, test_queue_layout_fixed_while_ready);
    tcase_add_loop_test(tc, test_queue_ready_rejects_bad_layout, 0,
                        sizeof(bad_layouts) / sizeof(bad_layouts[0]));
    tcase_add_test(tc, test_rings_ending_past_ram_rejected);
    tcase_add_test(tc, test_event_idx_rings_checked_at_features_ok);
    suite_add_tcase(s, tc);

    tc = tcase_create("queues");
    tcase_add_test(tc, test_rng_request_fills_buffer_and_interrupts);
    tcase_add_test(tc, test_interrupt_on_slot_source);
    tcase_add_test(tc, test_chain_of_several_buffers);
    tcase_add_test(tc, test_many_requests_wrap_the_rings);
    tcase_add_test(tc, test_avail_no_interrupt_flag_suppresses);
    tcase_add_test(tc, test_event_idx_suppresses_until_used_event);
    tcase_add_test(tc, test_indirect_descriptors);
    tcase_add_test(tc, test_indirect_after_direct_descriptor);
    tcase_add_test(tc, test_notify_of_absent_queue_ignored);
    tcase_add_test(tc, test_requests_wait_for_driver_ok);
    suite_add_tcase(s, tc);

    tc = tcase_create("hostile");
    tcase_add_loop_test(tc, test_hostile_chain_breaks_device_not_host, 0,
                        sizeof(hostile) / sizeof(hostile[0]));
    tcase_add_test(tc, test_hostile_chain_after_good_ones);
    tcase_add_test(tc, test_random_descriptor_tables_never_crash);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_suite());
}
