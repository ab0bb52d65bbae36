/* The unit tests' virtio driver (see virtio_driver.h). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "machine/machine.h"
#include "testutil.h"
#include "virtio_driver.h"

/* rings and buffers go above the first MiB of RAM, up to TU_RAM_SIZE */
#define HEAP_START (TU_RAM_BASE + (1ull << 20))

/* PLIC layout (riscv-plic-spec 1.0.0), context 0 = hart 0 M mode */
#define PLIC_PRIO(s) (VD_PLIC + 4ull * (s))
#define PLIC_PENDING (VD_PLIC + 0x1000)
#define PLIC_ENABLE0 (VD_PLIC + 0x2000)
#define PLIC_CLAIM0 (VD_PLIC + 0x200004)

emu_machine *vd_machine(void)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.board = EMU_BOARD_VIRT;
    cfg.ram_size = TU_RAM_SIZE;
    return tu_machine_cfg(&cfg);
}

void vd_attach(vd *d, emu_machine *m, unsigned slot)
{
    memset(d, 0, sizeof(*d));
    d->m = m;
    d->slot = slot;
    d->base = VD_MMIO_BASE + VD_MMIO_STRIDE * slot;
    d->heap = HEAP_START;
}

static uint64_t bus_rd(vd *d, uint64_t pa, unsigned size)
{
    uint64_t v = 0;
    ck_assert_msg(bus_read(&d->m->bus, pa, size, &v), "bus read 0x%llx",
                  (unsigned long long)pa);
    return v;
}

static void bus_wr(vd *d, uint64_t pa, unsigned size, uint64_t v)
{
    ck_assert_msg(bus_write(&d->m->bus, pa, size, v), "bus write 0x%llx",
                  (unsigned long long)pa);
}

uint32_t vd_reg(vd *d, uint32_t off)
{
    return (uint32_t)bus_rd(d, d->base + off, 4);
}
void vd_wreg(vd *d, uint32_t off, uint32_t val)
{
    bus_wr(d, d->base + off, 4, val);
}

uint64_t vd_config(vd *d, uint32_t off, unsigned size)
{
    return bus_rd(d, d->base + VD_CONFIG + off, size);
}
void vd_wconfig(vd *d, uint32_t off, unsigned size, uint64_t val)
{
    bus_wr(d, d->base + VD_CONFIG + off, size, val);
}

uint64_t vd_device_features(vd *d)
{
    vd_wreg(d, VD_DEV_FEATURES_SEL, 1);
    uint64_t f = (uint64_t)vd_reg(d, VD_DEV_FEATURES) << 32;
    vd_wreg(d, VD_DEV_FEATURES_SEL, 0);
    return f | vd_reg(d, VD_DEV_FEATURES);
}

bool vd_negotiate(vd *d, uint64_t features)
{
    vd_wreg(d, VD_STATUS, 0);
    ck_assert_uint_eq(vd_reg(d, VD_STATUS), 0);
    vd_wreg(d, VD_STATUS, VD_S_ACKNOWLEDGE);
    vd_wreg(d, VD_STATUS, VD_S_ACKNOWLEDGE | VD_S_DRIVER);
    vd_wreg(d, VD_DRV_FEATURES_SEL, 0);
    vd_wreg(d, VD_DRV_FEATURES, (uint32_t)features);
    vd_wreg(d, VD_DRV_FEATURES_SEL, 1);
    vd_wreg(d, VD_DRV_FEATURES, (uint32_t)(features >> 32));
    vd_wreg(d, VD_STATUS, VD_S_ACKNOWLEDGE | VD_S_DRIVER | VD_S_FEATURES_OK);
    d->features = features;
    memset(d->q, 0, sizeof(d->q));
    return vd_reg(d, VD_STATUS) & VD_S_FEATURES_OK;
}

uint64_t vd_alloc(vd *d, uint64_t size, uint64_t align)
{
    uint64_t a = (d->heap + align - 1) & ~(align - 1);
    d->heap = a + size;
    ck_assert_msg(d->heap <= TU_RAM_BASE + TU_RAM_SIZE, "test heap exhausted");
    void *zero = calloc(1, size ? size : 1);
    vd_write(d, a, zero, size);
    free(zero);
    return a;
}

void vd_write(vd *d, uint64_t addr, const void *buf, size_t len)
{
    ck_assert_int_eq(emu_mem_write(d->m, addr, buf, len), EMU_OK);
}

void vd_read(vd *d, uint64_t addr, void *buf, size_t len)
{
    ck_assert_int_eq(emu_mem_read(d->m, addr, buf, len), EMU_OK);
}

static void w16(vd *d, uint64_t a, uint16_t v)
{
    vd_write(d, a, &v, 2);
}
static void w32(vd *d, uint64_t a, uint32_t v)
{
    vd_write(d, a, &v, 4);
}
static void w64(vd *d, uint64_t a, uint64_t v)
{
    vd_write(d, a, &v, 8);
}
static uint16_t r16(vd *d, uint64_t a)
{
    uint16_t v;
    vd_read(d, a, &v, 2);
    return v;
}
static uint32_t r32(vd *d, uint64_t a)
{
    uint32_t v;
    vd_read(d, a, &v, 4);
    return v;
}

void vd_queue_setup_at(vd *d, unsigned q, uint16_t num, uint64_t desc,
                       uint64_t avail, uint64_t used)
{
    ck_assert_uint_lt(q, VD_MAX_QUEUES);
    vd_wreg(d, VD_QUEUE_SEL, q);
    ck_assert_uint_eq(vd_reg(d, VD_QUEUE_READY), 0);
    vd_wreg(d, VD_QUEUE_NUM, num);
    vd_wreg(d, VD_QUEUE_DESC_LO, (uint32_t)desc);
    vd_wreg(d, VD_QUEUE_DESC_HI, (uint32_t)(desc >> 32));
    vd_wreg(d, VD_QUEUE_DRIVER_LO, (uint32_t)avail);
    vd_wreg(d, VD_QUEUE_DRIVER_HI, (uint32_t)(avail >> 32));
    vd_wreg(d, VD_QUEUE_DEVICE_LO, (uint32_t)used);
    vd_wreg(d, VD_QUEUE_DEVICE_HI, (uint32_t)(used >> 32));
    d->q[q] =
        (vd_queue){.num = num, .desc = desc, .avail = avail, .used = used};
    vd_wreg(d, VD_QUEUE_READY, 1);
}

void vd_queue_setup(vd *d, unsigned q, uint16_t num)
{
    /* 2.7: table 16-aligned, available ring 2, used ring 4; the sizes
     * include the event-index fields whether negotiated or not */
    uint64_t desc = vd_alloc(d, 16ull * num, 16);
    uint64_t avail = vd_alloc(d, 6 + 2ull * num, 2);
    uint64_t used = vd_alloc(d, 6 + 8ull * num, 4);
    vd_queue_setup_at(d, q, num, desc, avail, used);
    ck_assert_uint_eq(vd_reg(d, VD_QUEUE_READY), 1);
}

void vd_driver_ok(vd *d)
{
    vd_wreg(d, VD_STATUS, vd_reg(d, VD_STATUS) | VD_S_DRIVER_OK);
}

void vd_init(vd *d, uint64_t features, unsigned nq, uint16_t num)
{
    ck_assert(vd_negotiate(d, features));
    for (unsigned i = 0; i < nq; i++)
        vd_queue_setup(d, i, num);
    vd_driver_ok(d);
    ck_assert_uint_eq(vd_reg(d, VD_STATUS), VD_S_ACKNOWLEDGE | VD_S_DRIVER |
                                                VD_S_FEATURES_OK |
                                                VD_S_DRIVER_OK);
}

void vd_desc_at(vd *d, uint64_t table, uint16_t idx, uint64_t addr,
                uint32_t len, uint16_t flags, uint16_t next)
{
    uint64_t a = table + 16ull * idx;
    w64(d, a, addr);
    w32(d, a + 8, len);
    w16(d, a + 12, flags);
    w16(d, a + 14, next);
}

void vd_desc(vd *d, unsigned q, uint16_t idx, uint64_t addr, uint32_t len,
             uint16_t flags, uint16_t next)
{
    vd_desc_at(d, d->q[q].desc, idx, addr, len, flags, next);
}

uint16_t vd_chain(vd *d, unsigned q, const vd_buf *bufs, unsigned n)
{
    vd_queue *vq = &d->q[q];
    ck_assert(n > 0 && n <= vq->num);
    uint16_t head = vq->next_desc;
    for (unsigned i = 0; i < n; i++) {
        uint16_t idx = vq->next_desc;
        vq->next_desc = (uint16_t)((vq->next_desc + 1) % vq->num);
        vd_desc(d, q, idx, bufs[i].addr, bufs[i].len,
                (uint16_t)((bufs[i].write ? VD_F_WRITE : 0) |
                           (i + 1 < n ? VD_F_NEXT : 0)),
                i + 1 < n ? vq->next_desc : 0);
    }
    return head;
}

uint16_t vd_chain_indirect(vd *d, unsigned q, const vd_buf *bufs, unsigned n)
{
    uint64_t table = vd_alloc(d, 16ull * n, 16);
    for (unsigned i = 0; i < n; i++)
        vd_desc_at(d, table, (uint16_t)i, bufs[i].addr, bufs[i].len,
                   (uint16_t)((bufs[i].write ? VD_F_WRITE : 0) |
                              (i + 1 < n ? VD_F_NEXT : 0)),
                   (uint16_t)(i + 1 < n ? i + 1 : 0));
    vd_queue *vq = &d->q[q];
    uint16_t idx = vq->next_desc;
    vq->next_desc = (uint16_t)((vq->next_desc + 1) % vq->num);
    vd_desc(d, q, idx, table, 16 * n, VD_F_INDIRECT, 0);
    return idx;
}

void vd_avail(vd *d, unsigned q, uint16_t head)
{
    vd_queue *vq = &d->q[q];
    w16(d, vq->avail + 4 + 2ull * (vq->avail_idx % vq->num), head);
    vq->avail_idx++;
    w16(d, vq->avail + 2, vq->avail_idx);
}

void vd_set_avail_idx(vd *d, unsigned q, uint16_t idx)
{
    d->q[q].avail_idx = idx;
    w16(d, d->q[q].avail + 2, idx);
}

void vd_set_avail_flags(vd *d, unsigned q, uint16_t flags)
{
    w16(d, d->q[q].avail, flags);
}

void vd_set_used_event(vd *d, unsigned q, uint16_t idx)
{
    w16(d, d->q[q].avail + 4 + 2ull * d->q[q].num, idx);
}

uint16_t vd_avail_event(vd *d, unsigned q)
{
    return r16(d, d->q[q].used + 4 + 8ull * d->q[q].num);
}

void vd_notify(vd *d, unsigned q)
{
    vd_wreg(d, VD_QUEUE_NOTIFY, q);
}

uint16_t vd_submit(vd *d, unsigned q, const vd_buf *bufs, unsigned n)
{
    uint16_t head = vd_chain(d, q, bufs, n);
    vd_avail(d, q, head);
    vd_notify(d, q);
    return head;
}

uint16_t vd_used_idx(vd *d, unsigned q)
{
    return r16(d, d->q[q].used + 2);
}

bool vd_get_used(vd *d, unsigned q, uint32_t *id, uint32_t *len)
{
    vd_queue *vq = &d->q[q];
    if (vd_used_idx(d, q) == vq->used_seen) return false;
    uint64_t e = vq->used + 4 + 8ull * (vq->used_seen % vq->num);
    if (id) *id = r32(d, e);
    if (len) *len = r32(d, e + 4);
    vq->used_seen++;
    return true;
}

uint32_t vd_isr(vd *d)
{
    return vd_reg(d, VD_INT_STATUS);
}
void vd_ack(vd *d, uint32_t bits)
{
    vd_wreg(d, VD_INT_ACK, bits);
}

bool vd_irq_pending(vd *d)
{
    unsigned src = 1 + d->slot;
    return (bus_rd(d, PLIC_PENDING + 4 * (src / 32), 4) >> (src % 32)) & 1;
}

bool vd_irq_line(vd *d)
{
    unsigned src = 1 + d->slot;
    bus_wr(d, PLIC_PRIO(src), 4, 1);
    uint64_t en = PLIC_ENABLE0 + 4 * (src / 32);
    bus_wr(d, en, 4, bus_rd(d, en, 4) | 1u << (src % 32));
    if (!vd_irq_pending(d)) return false;
    /* claim clears the pending bit; completion re-raises it from a line
     * that is still high (the PLIC's level-triggered gateway) */
    uint32_t id = (uint32_t)bus_rd(d, PLIC_CLAIM0, 4);
    ck_assert_uint_eq(id, src);
    bus_wr(d, PLIC_CLAIM0, 4, id);
    return vd_irq_pending(d);
}

bool vd_needs_reset(vd *d)
{
    return vd_reg(d, VD_STATUS) & VD_S_NEEDS_RESET;
}
