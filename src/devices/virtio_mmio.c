/*
 * The virtio-mmio transport, version 2 (virtio 1.2 section 4.2), and the
 * split virtqueue (section 2.7) every model uses through virtio.h.
 *
 * The rings live in guest RAM. When the driver makes a queue ready, the
 * three areas are checked to lie inside RAM and are kept as host
 * pointers. RAM moves only when a display is added (display.c), which is
 * allowed only before the machine has run, when no queue is ready. Descriptor chains are
 * checked as they are popped; see virtio.h for the rules.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devices/virtio_mmio.h"
#include "machine/bus.h"
#include "machine/snapshot.h"

/* split-ring descriptor flags (2.7.5) */
#define VIRTQ_DESC_F_NEXT 1
#define VIRTQ_DESC_F_WRITE 2
#define VIRTQ_DESC_F_INDIRECT 4
#define VIRTQ_AVAIL_F_NO_INTERRUPT 1

#define INT_USED 1u   /* InterruptStatus: a used buffer was returned */
#define INT_CONFIG 2u /* InterruptStatus: the configuration changed */

typedef struct vq {
    uint32_t num;       /* QueueNum as the driver set it */
    bool ready;
    uint64_t desc, driver, device; /* guest-physical area addresses */
    uint8_t *desc_p, *avail_p, *used_p; /* the same, as host pointers */
    uint16_t last_avail; /* the next available-ring entry to take */
    uint16_t used_idx;   /* our copy of used->idx */
    virtio_seg *segs;    /* VIRTIO_QUEUE_MAX entries for popped requests */
} vq;

struct virtio_dev {
    bus *bus;
    dev_irq irq;
    dev_virtio_log_fn log;
    void *log_ctx;
    const virtio_ops *ops;
    void *model;

    uint32_t status;
    uint32_t int_status;
    uint32_t dev_features_sel, drv_features_sel;
    uint64_t drv_features; /* as written by the driver */
    uint32_t queue_sel;
    uint32_t config_gen;
    uint8_t config[VIRTIO_CONFIG_MAX];
    vq q[VIRTIO_MAX_QUEUES];
};

struct dev_virtio_mmio {
    virtio_dev v;
};

static uint16_t ld16(const uint8_t *p) { return (uint16_t)ld_le(p, 2); }
static uint32_t ld32(const uint8_t *p) { return (uint32_t)ld_le(p, 4); }

void virtio_log(virtio_dev *v, int level, const char *fmt, ...)
{
    if (!v->log)
        return;
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    v->log(v->log_ctx, level, msg);
}

static uint64_t offered(const virtio_dev *v)
{
    return v->ops->features | VIRTIO_F_VERSION_1 | VIRTIO_F_INDIRECT_DESC |
           VIRTIO_F_EVENT_IDX;
}

uint64_t virtio_features(const virtio_dev *v)
{
    return (v->status & VIRTIO_STATUS_FEATURES_OK) ? v->drv_features : 0;
}

static bool broken(const virtio_dev *v)
{
    return v->status & VIRTIO_STATUS_NEEDS_RESET;
}

static void update_irq(virtio_dev *v)
{
    dev_irq_set(&v->irq, v->int_status != 0);
}

static void raise_int(virtio_dev *v, uint32_t bits)
{
    v->int_status |= bits;
    update_irq(v);
}

bool virtio_queue_ready(const virtio_dev *v, unsigned q)
{
    return q < v->ops->nqueues && v->q[q].ready &&
           (v->status & VIRTIO_STATUS_DRIVER_OK) && !broken(v);
}

uint8_t *virtio_config(virtio_dev *v) { return v->config; }

void virtio_config_changed(virtio_dev *v)
{
    v->config_gen++;
    if (v->status & VIRTIO_STATUS_DRIVER_OK)
        raise_int(v, INT_CONFIG);
}

void virtio_set_broken(virtio_dev *v, const char *why)
{
    if (broken(v))
        return;
    virtio_log(v, 1 /* EMU_LOG_WARN */, "%s: %s; the device needs a reset",
               v->ops->name, why);
    /* 2.1.2: after DEVICE_NEEDS_RESET with DRIVER_OK set, the device must
     * send a configuration change notification */
    v->status |= VIRTIO_STATUS_NEEDS_RESET;
    if (v->status & VIRTIO_STATUS_DRIVER_OK)
        raise_int(v, INT_CONFIG);
}

/* ---- the split virtqueue ---- */

/* Host pointer for [gpa, gpa + len) if it lies wholly in RAM, else NULL. */
static uint8_t *ram_ptr(virtio_dev *v, uint64_t gpa, uint64_t len)
{
    if (!bus_in_ram(v->bus, gpa, len))
        return NULL;
    return v->bus->ram + (gpa - v->bus->ram_base);
}

/* 2.7: the three areas, their sizes and alignments for a queue of num */
static bool queue_map(virtio_dev *v, vq *q)
{
    uint32_t n = q->num;
    bool event_idx = virtio_features(v) & VIRTIO_F_EVENT_IDX;
    uint64_t avail_len = 4 + 2ull * n + (event_idx ? 2 : 0);
    uint64_t used_len = 4 + 8ull * n + (event_idx ? 2 : 0);
    if (n == 0 || n > v->ops->queue_max || (n & (n - 1)))
        return false;
    if ((q->desc & 15) || (q->driver & 1) || (q->device & 3))
        return false;
    q->desc_p = ram_ptr(v, q->desc, 16ull * n);
    q->avail_p = ram_ptr(v, q->driver, avail_len);
    q->used_p = ram_ptr(v, q->device, used_len);
    return q->desc_p && q->avail_p && q->used_p;
}

static bool pop_fail(virtio_dev *v, const char *why)
{
    virtio_set_broken(v, why);
    return false;
}

bool virtio_pop(virtio_dev *v, unsigned qi, virtio_req *req)
{
    if (!virtio_queue_ready(v, qi))
        return false;
    vq *q = &v->q[qi];
    uint16_t avail_idx = ld16(q->avail_p + 2);
    uint16_t pending = (uint16_t)(avail_idx - q->last_avail);
    if (pending == 0)
        return false;
    if (pending > q->num)
        return pop_fail(v, "the available index ran more than a queue ahead");
    uint16_t head = ld16(q->avail_p + 4 + 2 * (q->last_avail % q->num));
    q->last_avail++;
    if (virtio_features(v) & VIRTIO_F_EVENT_IDX) {
        /* 2.7.10: avail_event, the index whose arrival we want notified */
        st_le(q->used_p + 4 + 8 * q->num, 2, q->last_avail);
        bus_ram_written(v->bus, q->device + 4 + 8ull * q->num, 2);
    }

    memset(req, 0, sizeof(*req));
    req->head = head;
    req->seg = q->segs;
    const uint8_t *table = q->desc_p;
    uint32_t tmax = q->num, idx = head, walked = 0;
    bool indirect = false;
    unsigned nseg = 0;
    for (;;) {
        if (idx >= tmax)
            return pop_fail(v, "a descriptor index is out of range");
        if (++walked > tmax)
            return pop_fail(v, "a descriptor chain loops");
        const uint8_t *d = table + 16 * idx;
        uint64_t addr = ld_le(d, 8);
        uint32_t len = ld32(d + 8);
        uint16_t flags = ld16(d + 12), next = ld16(d + 14);
        if (flags & VIRTQ_DESC_F_INDIRECT) {
            /* 2.7.5.3: one indirect table, in place of the whole chain's
             * remainder, never nested and never combined with NEXT */
            if (!(virtio_features(v) & VIRTIO_F_INDIRECT_DESC))
                return pop_fail(v, "an indirect descriptor was not negotiated");
            if (indirect || (flags & VIRTQ_DESC_F_NEXT))
                return pop_fail(v, "a nested or chained indirect descriptor");
            if (len == 0 || (len & 15) || len / 16 > VIRTIO_QUEUE_MAX)
                return pop_fail(v, "an indirect table has a bad length");
            table = ram_ptr(v, addr, len);
            if (!table)
                return pop_fail(v, "an indirect table lies outside RAM");
            indirect = true;
            tmax = len / 16;
            idx = 0;
            walked = 0;
            continue;
        }
        uint8_t *p = ram_ptr(v, addr, len);
        if (!p)
            return pop_fail(v, "a buffer lies outside RAM");
        if (flags & VIRTQ_DESC_F_WRITE)
            req->nin++, req->in_len += len;
        else if (req->nin)
            return pop_fail(v, "a readable buffer follows a writable one");
        else
            req->nout++, req->out_len += len;
        if (nseg == VIRTIO_QUEUE_MAX)
            return pop_fail(v, "a descriptor chain is too long");
        q->segs[nseg++] = (virtio_seg){p, len, addr};
        if (!(flags & VIRTQ_DESC_F_NEXT))
            break;
        idx = next;
    }
    return true;
}

/* 2.7.10: the driver asked to hear of the used index passing used_event */
static bool need_event(uint16_t event, uint16_t new_idx, uint16_t old_idx)
{
    return (uint16_t)(new_idx - event - 1) < (uint16_t)(new_idx - old_idx);
}

void virtio_push(virtio_dev *v, unsigned qi, const virtio_req *req,
                 uint32_t written)
{
    if (!virtio_queue_ready(v, qi))
        return;
    vq *q = &v->q[qi];
    if (written > req->in_len)
        written = (uint32_t)req->in_len;
    /* the decoded-instruction cache must see what the device wrote */
    uint64_t left = written;
    for (unsigned i = req->nout; left && i < req->nout + req->nin; i++) {
        uint64_t n = req->seg[i].len < left ? req->seg[i].len : left;
        bus_ram_written(v->bus, req->seg[i].gpa, n);
        left -= n;
    }
    uint32_t slot = q->used_idx % q->num;
    uint8_t *e = q->used_p + 4 + 8 * slot;
    st_le(e, 4, req->head);
    st_le(e + 4, 4, written);
    uint16_t old = q->used_idx++;
    st_le(q->used_p + 2, 2, q->used_idx);
    bus_ram_written(v->bus, q->device + 4 + 8ull * slot, 8);
    bus_ram_written(v->bus, q->device + 2, 2);

    bool notify;
    if (virtio_features(v) & VIRTIO_F_EVENT_IDX)
        notify = need_event(ld16(q->avail_p + 4 + 2 * q->num), q->used_idx, old);
    else
        notify = !(ld16(q->avail_p) & VIRTQ_AVAIL_F_NO_INTERRUPT);
    if (notify)
        raise_int(v, INT_USED);
}

static size_t req_copy(const virtio_req *req, bool in, uint64_t off, void *buf,
                       const void *src, size_t len)
{
    unsigned first = in ? req->nout : 0, end = in ? req->nout + req->nin : req->nout;
    size_t done = 0;
    for (unsigned i = first; i < end && done < len; i++) {
        const virtio_seg *s = &req->seg[i];
        if (off >= s->len) {
            off -= s->len;
            continue;
        }
        size_t n = s->len - off;
        if (n > len - done)
            n = len - done;
        if (in)
            memcpy(s->p + off, (const uint8_t *)src + done, n);
        else
            memcpy((uint8_t *)buf + done, s->p + off, n);
        done += n;
        off = 0;
    }
    return done;
}

size_t virtio_req_read(const virtio_req *req, uint64_t off, void *buf,
                       size_t len)
{
    return req_copy(req, false, off, buf, NULL, len);
}

size_t virtio_req_write(const virtio_req *req, uint64_t off, const void *buf,
                        size_t len)
{
    return req_copy(req, true, off, NULL, buf, len);
}

/* ---- the transport ---- */

dev_virtio_mmio *dev_virtio_mmio_new(dev_irq irq, struct bus *b,
                                     dev_virtio_log_fn log, void *log_ctx)
{
    dev_virtio_mmio *t = calloc(1, sizeof(*t));
    if (t) {
        t->v.irq = irq;
        t->v.bus = b;
        t->v.log = log;
        t->v.log_ctx = log_ctx;
    }
    return t;
}

void dev_virtio_mmio_free(dev_virtio_mmio *t)
{
    if (!t)
        return;
    if (t->v.ops)
        t->v.ops->free(t->v.model);
    for (unsigned i = 0; i < VIRTIO_MAX_QUEUES; i++)
        free(t->v.q[i].segs);
    free(t);
}

static void device_reset(virtio_dev *v)
{
    v->status = 0;
    v->int_status = 0;
    v->dev_features_sel = v->drv_features_sel = 0;
    v->drv_features = 0;
    v->queue_sel = 0;
    for (unsigned i = 0; i < VIRTIO_MAX_QUEUES; i++) {
        virtio_seg *segs = v->q[i].segs;
        v->q[i] = (vq){.num = v->ops ? v->ops->queue_max : 0, .segs = segs};
    }
    if (v->ops && v->ops->reset)
        v->ops->reset(v->model, v);
    update_irq(v);
}

bool dev_virtio_mmio_attach(dev_virtio_mmio *t, const virtio_ops *ops,
                            void *model)
{
    virtio_dev *v = &t->v;
    if (v->ops || ops->nqueues > VIRTIO_MAX_QUEUES ||
        ops->config_size > VIRTIO_CONFIG_MAX || ops->queue_max == 0 ||
        ops->queue_max > VIRTIO_QUEUE_MAX || (ops->queue_max & (ops->queue_max - 1)))
        return false;
    for (unsigned i = 0; i < ops->nqueues; i++) {
        v->q[i].segs = calloc(VIRTIO_QUEUE_MAX, sizeof(virtio_seg));
        if (!v->q[i].segs) {
            for (unsigned j = 0; j < i; j++) {
                free(v->q[j].segs);
                v->q[j].segs = NULL;
            }
            return false;
        }
    }
    v->ops = ops;
    v->model = model;
    device_reset(v);
    return true;
}

void *dev_virtio_mmio_model(const dev_virtio_mmio *t, const virtio_ops **ops)
{
    if (ops)
        *ops = t->v.ops;
    return t->v.model;
}

virtio_dev *dev_virtio_mmio_dev(dev_virtio_mmio *t) { return &t->v; }

void dev_virtio_mmio_poll(dev_virtio_mmio *t, int timeout_ms)
{
    virtio_dev *v = &t->v;
    if (v->ops && v->ops->poll && (v->status & VIRTIO_STATUS_DRIVER_OK) &&
        !broken(v))
        v->ops->poll(v->model, v, timeout_ms);
}

/* The device registers (4.2.2), all 32 bits wide and aligned. */
enum {
    R_MAGIC = 0x000, R_VERSION = 0x004, R_DEVICE_ID = 0x008, R_VENDOR = 0x00c,
    R_DEV_FEATURES = 0x010, R_DEV_FEATURES_SEL = 0x014,
    R_DRV_FEATURES = 0x020, R_DRV_FEATURES_SEL = 0x024,
    R_QUEUE_SEL = 0x030, R_QUEUE_NUM_MAX = 0x034, R_QUEUE_NUM = 0x038,
    R_QUEUE_READY = 0x044, R_QUEUE_NOTIFY = 0x050,
    R_INT_STATUS = 0x060, R_INT_ACK = 0x064, R_STATUS = 0x070,
    R_QUEUE_DESC_LO = 0x080, R_QUEUE_DESC_HI = 0x084,
    R_QUEUE_DRIVER_LO = 0x090, R_QUEUE_DRIVER_HI = 0x094,
    R_QUEUE_DEVICE_LO = 0x0a0, R_QUEUE_DEVICE_HI = 0x0a4,
    R_SHM_SEL = 0x0ac, R_SHM_LEN_LO = 0x0b0, R_SHM_LEN_HI = 0x0b4,
    R_SHM_BASE_LO = 0x0b8, R_SHM_BASE_HI = 0x0bc, R_QUEUE_RESET = 0x0c0,
    R_CONFIG_GEN = 0x0fc, R_CONFIG = 0x100,
};

static vq *sel_queue(virtio_dev *v)
{
    return v->queue_sel < v->ops->nqueues ? &v->q[v->queue_sel] : NULL;
}

static uint32_t reg_read(virtio_dev *v, uint64_t off)
{
    vq *q = sel_queue(v);
    switch (off) {
    case R_MAGIC: return VIRTIO_MMIO_MAGIC;
    case R_VERSION: return 2;
    case R_DEVICE_ID: return v->ops->device_id;
    case R_VENDOR: return VIRTIO_MMIO_VENDOR;
    case R_DEV_FEATURES:
        return v->dev_features_sel > 1 ? 0
                                       : (uint32_t)(offered(v) >> (32 * v->dev_features_sel));
    case R_QUEUE_NUM_MAX: return q ? v->ops->queue_max : 0;
    case R_QUEUE_READY: return q && q->ready;
    case R_INT_STATUS: return v->int_status;
    case R_STATUS: return v->status;
    case R_QUEUE_DESC_LO: return q ? (uint32_t)q->desc : 0;
    case R_QUEUE_DESC_HI: return q ? (uint32_t)(q->desc >> 32) : 0;
    case R_QUEUE_DRIVER_LO: return q ? (uint32_t)q->driver : 0;
    case R_QUEUE_DRIVER_HI: return q ? (uint32_t)(q->driver >> 32) : 0;
    case R_QUEUE_DEVICE_LO: return q ? (uint32_t)q->device : 0;
    case R_QUEUE_DEVICE_HI: return q ? (uint32_t)(q->device >> 32) : 0;
    /* no shared memory regions: a length of all ones says so (4.2.2) */
    case R_SHM_LEN_LO: case R_SHM_LEN_HI: return 0xffffffffu;
    case R_SHM_BASE_LO: case R_SHM_BASE_HI: return 0xffffffffu;
    case R_CONFIG_GEN: return v->config_gen;
    default: return 0;
    }
}

static void set_addr(uint64_t *a, bool high, uint32_t val)
{
    *a = high ? (*a & 0xffffffffu) | (uint64_t)val << 32
              : (*a & ~0xffffffffull) | val;
}

static void write_status(virtio_dev *v, uint32_t val)
{
    if (val == 0) {
        device_reset(v); /* 4.2.2.1: writing 0 resets the device */
        return;
    }
    uint32_t was = v->status;
    val &= 0xff & ~VIRTIO_STATUS_NEEDS_RESET; /* that bit is the device's */
    if ((val & VIRTIO_STATUS_FEATURES_OK) && !(was & VIRTIO_STATUS_FEATURES_OK)) {
        /* 3.1.1: accept only features we offered, and the modern
         * interface; leaving FEATURES_OK clear tells the driver no */
        uint64_t f = v->drv_features;
        if ((f & ~offered(v)) || !(f & VIRTIO_F_VERSION_1)) {
            virtio_log(v, 1, "%s: the driver asked for features 0x%llx of 0x%llx",
                       v->ops->name, (unsigned long long)f,
                       (unsigned long long)offered(v));
            val &= ~VIRTIO_STATUS_FEATURES_OK;
        }
    }
    v->status = val | (was & VIRTIO_STATUS_NEEDS_RESET);
    if ((v->status & VIRTIO_STATUS_FEATURES_OK) && !(was & VIRTIO_STATUS_FEATURES_OK)) {
        /* 2.7.10: EVENT_IDX adds used_event and avail_event to the rings.
         * A queue made ready before FEATURES_OK (against 3.1.1's order)
         * was checked without them; check it again with them. */
        for (unsigned i = 0; i < v->ops->nqueues; i++)
            if (v->q[i].ready && !queue_map(v, &v->q[i]))
                virtio_set_broken(v, "a queue's areas are invalid with the "
                                     "negotiated features");
        if (v->ops->features_ok)
            v->ops->features_ok(v->model, v, v->drv_features);
    }
    if ((v->status & VIRTIO_STATUS_DRIVER_OK) && !(was & VIRTIO_STATUS_DRIVER_OK)) {
        /* 2.1.2 asks for a configuration-change notification when a
         * running device needs a reset; one that broke during setup tells
         * the driver as soon as it starts the device */
        if (broken(v))
            raise_int(v, INT_CONFIG);
        for (unsigned i = 0; i < v->ops->nqueues; i++)
            if (virtio_queue_ready(v, i))
                v->ops->notify(v->model, v, i);
    }
}

static void reg_write(virtio_dev *v, uint64_t off, uint32_t val)
{
    vq *q = sel_queue(v);
    /* the queue's layout may change only while it is not ready */
    vq *qw = q && !q->ready ? q : NULL;
    switch (off) {
    case R_DEV_FEATURES_SEL: v->dev_features_sel = val; break;
    case R_DRV_FEATURES:
        if (v->drv_features_sel <= 1 && !(v->status & VIRTIO_STATUS_FEATURES_OK))
            set_addr(&v->drv_features, v->drv_features_sel, val);
        break;
    case R_DRV_FEATURES_SEL: v->drv_features_sel = val; break;
    case R_QUEUE_SEL: v->queue_sel = val; break;
    case R_QUEUE_NUM:
        if (qw)
            qw->num = val;
        break;
    case R_QUEUE_READY:
        if (!q)
            break;
        if (!(val & 1)) {
            q->ready = false;
            break;
        }
        if (q->ready)
            break;
        if (!queue_map(v, q)) {
            virtio_set_broken(v, "a queue's size or areas are invalid");
            break;
        }
        q->ready = true;
        q->last_avail = 0;
        q->used_idx = 0;
        if (virtio_queue_ready(v, v->queue_sel))
            v->ops->notify(v->model, v, v->queue_sel);
        break;
    case R_QUEUE_NOTIFY:
        if (virtio_queue_ready(v, val & 0xffff))
            v->ops->notify(v->model, v, val & 0xffff);
        break;
    case R_INT_ACK:
        v->int_status &= ~val;
        update_irq(v);
        break;
    case R_STATUS: write_status(v, val); break;
    case R_QUEUE_DESC_LO: case R_QUEUE_DESC_HI:
        if (qw)
            set_addr(&qw->desc, off == R_QUEUE_DESC_HI, val);
        break;
    case R_QUEUE_DRIVER_LO: case R_QUEUE_DRIVER_HI:
        if (qw)
            set_addr(&qw->driver, off == R_QUEUE_DRIVER_HI, val);
        break;
    case R_QUEUE_DEVICE_LO: case R_QUEUE_DEVICE_HI:
        if (qw)
            set_addr(&qw->device, off == R_QUEUE_DEVICE_HI, val);
        break;
    default: break; /* read-only or absent registers ignore writes */
    }
}

static bool vm_read(void *dev, uint64_t off, unsigned size, uint64_t *val)
{
    virtio_dev *v = &((dev_virtio_mmio *)dev)->v;
    if (off >= R_CONFIG) {
        /* configuration space: the field's natural width (4.2.2.2), or
         * 8 bytes, which a bare-metal driver may use for a 64-bit field */
        uint64_t c = off - R_CONFIG;
        if (off & (size - 1))
            return false;
        *val = v->ops && c + size <= v->ops->config_size ? ld_le(v->config + c, size) : 0;
        return true;
    }
    if (size != 4 || (off & 3))
        return false;
    if (!v->ops) {
        /* an empty slot: identify the transport, DeviceID 0 (4.2.2) */
        *val = off == R_MAGIC ? VIRTIO_MMIO_MAGIC : off == R_VERSION ? 2
               : off == R_VENDOR ? VIRTIO_MMIO_VENDOR : 0;
        return true;
    }
    *val = reg_read(v, off);
    return true;
}

static bool vm_write(void *dev, uint64_t off, unsigned size, uint64_t val)
{
    virtio_dev *v = &((dev_virtio_mmio *)dev)->v;
    if (off >= R_CONFIG) {
        uint64_t c = off - R_CONFIG;
        if (off & (size - 1))
            return false;
        if (v->ops && v->ops->config_write && c + size <= v->ops->config_size) {
            st_le(v->config + c, size, val);
            v->ops->config_write(v->model, v, (uint32_t)c, size);
        }
        return true;
    }
    if (size != 4 || (off & 3))
        return false;
    if (v->ops)
        reg_write(v, off, (uint32_t)val);
    return true;
}

static void vm_reset(void *dev)
{
    virtio_dev *v = &((dev_virtio_mmio *)dev)->v;
    device_reset(v);
}

/*
 * Snapshots: the registers, every queue's layout and position, and then
 * the model's own state. An empty slot has nothing. The queues' host
 * pointers are not saved: they are mapped again from the guest-physical
 * addresses, which also checks them.
 */
static void vm_save(void *dev, snap_w *w)
{
    virtio_dev *v = &((dev_virtio_mmio *)dev)->v;
    if (!v->ops)
        return;
    snap_put_u32(w, v->status);
    snap_put_u32(w, v->int_status);
    snap_put_u32(w, v->dev_features_sel);
    snap_put_u32(w, v->drv_features_sel);
    snap_put_u64(w, v->drv_features);
    snap_put_u32(w, v->queue_sel);
    snap_put_u32(w, v->config_gen);
    snap_put_bytes(w, v->config, v->ops->config_size);
    for (unsigned i = 0; i < v->ops->nqueues; i++) {
        const vq *q = &v->q[i];
        snap_put_u32(w, q->num);
        snap_put_bool(w, q->ready);
        snap_put_u64(w, q->desc);
        snap_put_u64(w, q->driver);
        snap_put_u64(w, q->device);
        snap_put_u16(w, q->last_avail);
        snap_put_u16(w, q->used_idx);
    }
    if (v->ops->save)
        v->ops->save(v->model, w);
}

static bool vm_load(void *dev, snap_r *r, bool commit)
{
    virtio_dev *v = &((dev_virtio_mmio *)dev)->v;
    if (!v->ops)
        return true;
    /* the transport's registers into a copy; the model's buffers stay */
    virtio_dev t = *v;
    t.status = snap_get_u32(r);
    t.int_status = snap_get_u32(r);
    t.dev_features_sel = snap_get_u32(r);
    t.drv_features_sel = snap_get_u32(r);
    t.drv_features = snap_get_u64(r);
    t.queue_sel = snap_get_u32(r);
    t.config_gen = snap_get_u32(r);
    snap_get_bytes(r, t.config, v->ops->config_size);
    if ((t.status & ~0xffu) || (t.int_status & ~(INT_USED | INT_CONFIG)) ||
        ((t.status & VIRTIO_STATUS_FEATURES_OK) &&
         ((t.drv_features & ~offered(v)) ||
          !(t.drv_features & VIRTIO_F_VERSION_1))))
        snap_fail(r, "%s: transport registers out of range", v->ops->name);
    for (unsigned i = 0; i < v->ops->nqueues; i++) {
        vq *q = &t.q[i];
        q->num = snap_get_u32(r);
        q->ready = snap_get_bool(r);
        q->desc = snap_get_u64(r);
        q->driver = snap_get_u64(r);
        q->device = snap_get_u64(r);
        q->last_avail = snap_get_u16(r);
        q->used_idx = snap_get_u16(r);
        q->desc_p = q->avail_p = q->used_p = NULL;
        /* a ready queue must map as it did when the driver readied it */
        if (snap_ok(r) && q->ready && !queue_map(&t, q))
            snap_fail(r, "%s: queue %u lies outside RAM or is malformed",
                      v->ops->name, i);
    }
    if (!snap_ok(r))
        return false;
    size_t model_state = r->off;
    if (v->ops->load && !v->ops->load(v->model, v, r, false))
        return false;
    if (!commit)
        return true;
    *v = t;
    if (v->ops->load) {
        r->off = model_state;
        v->ops->load(v->model, v, r, true);
    }
    update_irq(v);
    return true;
}

const dev_ops dev_virtio_mmio_ops = {
    .name = "virtio-mmio",
    .read = vm_read,
    .write = vm_write,
    .reset = vm_reset,
    .save = vm_save,
    .load = vm_load,
};
