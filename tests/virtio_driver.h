/*
 * A minimal virtio driver for the unit tests: it plays the guest's part
 * against a virt machine's virtio-mmio slot, through the bus (registers)
 * and guest RAM (rings and buffers), the way a kernel driver would
 * (virtio 1.2 sections 3.1 and 4.2.3). Requests complete synchronously in
 * the emulator, so a test writes QueueNotify and then reads the used ring.
 *
 * Every helper fails the current test (ck_assert) on a bus error.
 */
#ifndef TESTS_VIRTIO_DRIVER_H
#define TESTS_VIRTIO_DRIVER_H

#include <stdbool.h>
#include <stdint.h>

#include "libemu/libemu.h"

#define VD_MMIO_BASE 0x10001000ull
#define VD_MMIO_STRIDE 0x1000ull
#define VD_PLIC 0x0c000000ull

/* virtio-mmio registers (4.2.2) */
enum {
    VD_MAGIC = 0x000,
    VD_VERSION = 0x004,
    VD_DEVICE_ID = 0x008,
    VD_VENDOR = 0x00c,
    VD_DEV_FEATURES = 0x010,
    VD_DEV_FEATURES_SEL = 0x014,
    VD_DRV_FEATURES = 0x020,
    VD_DRV_FEATURES_SEL = 0x024,
    VD_QUEUE_SEL = 0x030,
    VD_QUEUE_NUM_MAX = 0x034,
    VD_QUEUE_NUM = 0x038,
    VD_QUEUE_READY = 0x044,
    VD_QUEUE_NOTIFY = 0x050,
    VD_INT_STATUS = 0x060,
    VD_INT_ACK = 0x064,
    VD_STATUS = 0x070,
    VD_QUEUE_DESC_LO = 0x080,
    VD_QUEUE_DESC_HI = 0x084,
    VD_QUEUE_DRIVER_LO = 0x090,
    VD_QUEUE_DRIVER_HI = 0x094,
    VD_QUEUE_DEVICE_LO = 0x0a0,
    VD_QUEUE_DEVICE_HI = 0x0a4,
    VD_CONFIG_GEN = 0x0fc,
    VD_CONFIG = 0x100,
};

/* status bits (2.1) */
enum {
    VD_S_ACKNOWLEDGE = 1,
    VD_S_DRIVER = 2,
    VD_S_DRIVER_OK = 4,
    VD_S_FEATURES_OK = 8,
    VD_S_NEEDS_RESET = 64,
    VD_S_FAILED = 128,
};

/* descriptor and ring flags (2.7.5, 2.7.6) */
enum { VD_F_NEXT = 1, VD_F_WRITE = 2, VD_F_INDIRECT = 4 };
#define VD_AVAIL_NO_INTERRUPT 1

#define VD_F_INDIRECT_DESC (1ull << 28)
#define VD_F_EVENT_IDX (1ull << 29)
#define VD_F_VERSION_1 (1ull << 32)

#define VD_MAX_QUEUES 8

typedef struct vd_queue {
    uint16_t num;
    uint64_t desc, avail, used; /* guest-physical areas */
    uint16_t avail_idx;         /* the driver's next avail->idx */
    uint16_t used_seen;         /* used entries consumed so far */
    uint16_t next_desc;         /* where the next chain is built */
} vd_queue;

typedef struct vd {
    emu_machine *m;
    unsigned slot;
    uint64_t base;     /* the slot's registers */
    uint64_t features; /* what the driver accepted */
    vd_queue q[VD_MAX_QUEUES];
    uint64_t heap; /* next free guest RAM for rings and buffers */
} vd;

/* One buffer of a chain. */
typedef struct vd_buf {
    uint64_t addr;
    uint32_t len;
    bool write; /* device-writable */
} vd_buf;

/* A virt machine with TU_RAM_SIZE of RAM and no devices added yet. */
emu_machine *vd_machine(void);
/* Driver state for slot `slot` of m; allocates from 1 MiB into RAM. */
void vd_attach(vd *d, emu_machine *m, unsigned slot);

uint32_t vd_reg(vd *d, uint32_t off);
void vd_wreg(vd *d, uint32_t off, uint32_t val);
/* Configuration space reads and writes of 1, 2, 4 or 8 bytes. */
uint64_t vd_config(vd *d, uint32_t off, unsigned size);
void vd_wconfig(vd *d, uint32_t off, unsigned size, uint64_t val);

/* The device's offered features (both words). */
uint64_t vd_device_features(vd *d);
/*
 * 3.1.1 steps 1-6: reset, ACKNOWLEDGE, DRIVER, write `features`, set
 * FEATURES_OK. Returns whether the device kept FEATURES_OK.
 */
bool vd_negotiate(vd *d, uint64_t features);
/* Lay out queue q with num entries in fresh RAM and set it ready. */
void vd_queue_setup(vd *d, unsigned q, uint16_t num);
/* The same at the given areas (which may be hostile). */
void vd_queue_setup_at(vd *d, unsigned q, uint16_t num, uint64_t desc,
                       uint64_t avail, uint64_t used);
/* Set DRIVER_OK. */
void vd_driver_ok(vd *d);
/* negotiate(features) + set up queues 0..nq-1 (num each) + DRIVER_OK. */
void vd_init(vd *d, uint64_t features, unsigned nq, uint16_t num);

/* Guest RAM for buffers, aligned to align (a power of 2), zeroed. */
uint64_t vd_alloc(vd *d, uint64_t size, uint64_t align);
void vd_write(vd *d, uint64_t addr, const void *buf, size_t len);
void vd_read(vd *d, uint64_t addr, void *buf, size_t len);

/* Write descriptor idx of queue q's table (or of a table at `table`). */
void vd_desc(vd *d, unsigned q, uint16_t idx, uint64_t addr, uint32_t len,
             uint16_t flags, uint16_t next);
void vd_desc_at(vd *d, uint64_t table, uint16_t idx, uint64_t addr,
                uint32_t len, uint16_t flags, uint16_t next);
/* Build a chain of the bufs from the queue's next free descriptor; returns
 * its head (not yet made available). */
uint16_t vd_chain(vd *d, unsigned q, const vd_buf *bufs, unsigned n);
/* Build an indirect table in RAM for bufs and one descriptor pointing at
 * it; returns that descriptor's index. */
uint16_t vd_chain_indirect(vd *d, unsigned q, const vd_buf *bufs, unsigned n);
/* Put head in the available ring and advance avail->idx (no notify). */
void vd_avail(vd *d, unsigned q, uint16_t head);
/* Write avail->idx directly (hostile drivers). */
void vd_set_avail_idx(vd *d, unsigned q, uint16_t idx);
/* avail->flags and used_event (EVENT_IDX) */
void vd_set_avail_flags(vd *d, unsigned q, uint16_t flags);
void vd_set_used_event(vd *d, unsigned q, uint16_t idx);
/* The device's avail_event (in the used ring, EVENT_IDX). */
uint16_t vd_avail_event(vd *d, unsigned q);
void vd_notify(vd *d, unsigned q);
/* vd_chain + vd_avail + vd_notify; returns the head. */
uint16_t vd_submit(vd *d, unsigned q, const vd_buf *bufs, unsigned n);

/* used->idx as the device last wrote it. */
uint16_t vd_used_idx(vd *d, unsigned q);
/* Take the next used element; false when the device returned nothing new. */
bool vd_get_used(vd *d, unsigned q, uint32_t *id, uint32_t *len);

/* InterruptStatus, and InterruptACK of bits. */
uint32_t vd_isr(vd *d);
void vd_ack(vd *d, uint32_t bits);
/* The level of the slot's PLIC line (source 1 + slot) as the PLIC sees
 * it: a pending request is claimed and completed, after which the line
 * is pending again only if it is still high. */
bool vd_irq_line(vd *d);
/* The PLIC's pending bit for the slot (a request since the last claim). */
bool vd_irq_pending(vd *d);
/* Status has DEVICE_NEEDS_RESET. */
bool vd_needs_reset(vd *d);

#endif
