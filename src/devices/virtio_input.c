/*
 * virtio-input (virtio 1.2 section 5.8): a keyboard, a tablet (absolute
 * pointer) or a mouse (relative pointer) that passes Linux evdev events
 * (linux/input-event-codes.h) to the driver.
 *
 * Queue 0, eventq: the driver posts 8-byte writable buffers; each event
 * (le16 type, le16 code, le32 value) fills one. Queue 1, statusq: the
 * driver sends events the other way (keyboard LEDs); we take and return
 * them unread. The configuration space answers the driver's queries: it
 * writes select and subsel, the device puts the answer's size and bytes
 * in place (5.8.5, 5.8.6.1).
 *
 * Events the host sends while no buffer is posted wait in a bounded ring;
 * when it is full the oldest whole report (up to and including its
 * SYN_REPORT) is dropped, so the driver never sees half a report glued to
 * another.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devices/virtio_models.h"
#include "machine/bus.h"
#include "machine/snapshot.h"

/* configuration selectors (5.8.5) */
enum {
    CFG_UNSET = 0x00,
    CFG_ID_NAME = 0x01,
    CFG_ID_SERIAL = 0x02,
    CFG_ID_DEVIDS = 0x03,
    CFG_PROP_BITS = 0x10,
    CFG_EV_BITS = 0x11,
    CFG_ABS_INFO = 0x12,
};
/* struct virtio_input_config: select, subsel, size, reserved[5], u[128] */
#define CFG_SELECT 0
#define CFG_SUBSEL 1
#define CFG_SIZE 2
#define CFG_U 8
#define CFG_U_LEN 128
#define CFG_LEN (CFG_U + CFG_U_LEN)

/* linux/input-event-codes.h */
enum {
    EV_SYN = 0,
    EV_KEY = 1,
    EV_REL = 2,
    EV_ABS = 3,
    EV_LED = 0x11,
    EV_REP = 0x14
};
enum { SYN_REPORT = 0 };
enum { REL_X = 0, REL_Y = 1, REL_WHEEL = 8 };
enum { ABS_X = 0, ABS_Y = 1 };
enum { BTN_LEFT = 0x110, BTN_RIGHT = 0x111, BTN_MIDDLE = 0x112 };
enum { LED_NUML = 0, LED_CAPSL = 1, LED_SCROLLL = 2 };
enum { REP_DELAY = 0, REP_PERIOD = 1 };
#define KEY_FIRST 1      /* KEY_ESC */
#define KEY_LAST 0xff    /* the keyboard block ends below BTN_MISC (0x100) */
#define BUS_VIRTUAL 0x06 /* linux/input.h */

#define TABLET_MAX 32767
#define RING 256 /* events kept while the driver posts no buffers */

typedef enum { KIND_KEYBOARD, KIND_TABLET, KIND_MOUSE } input_kind;

typedef struct input_event {
    uint16_t type, code;
    int32_t value;
} input_event;

typedef struct vinput {
    input_kind kind;
    input_event ring[RING];
    unsigned head, count;
    bool in_report; /* events since the last SYN_REPORT */
} vinput;

static const char *const kind_names[] = {"keyboard", "tablet", "mouse"};

/* ---- what each kind reports ---- */

static bool has_key(input_kind k, unsigned code)
{
    if (k == KIND_KEYBOARD) return code >= KEY_FIRST && code <= KEY_LAST;
    return code == BTN_LEFT || code == BTN_RIGHT || code == BTN_MIDDLE;
}

static bool has_rel(input_kind k, unsigned code)
{
    if (k == KIND_MOUSE)
        return code == REL_X || code == REL_Y || code == REL_WHEEL;
    return k == KIND_TABLET && code == REL_WHEEL;
}

static bool has_abs(input_kind k, unsigned code)
{
    return k == KIND_TABLET && (code == ABS_X || code == ABS_Y);
}

static bool has_led(input_kind k, unsigned code)
{
    return k == KIND_KEYBOARD && code <= LED_SCROLLL;
}

static void set_bit(uint8_t *bitmap, unsigned bit)
{
    bitmap[bit / 8] |= (uint8_t)(1u << (bit % 8));
}

/* The bitmap of codes of event type `type`; returns its length in bytes
 * (the highest byte holding a set bit, plus one), 0 when none. */
static unsigned ev_bits(input_kind k, unsigned type, uint8_t *bm)
{
    bool (*has)(input_kind, unsigned) = NULL;
    unsigned max = 0;
    switch (type) {
    case EV_KEY: has = has_key, max = 0x2ff; break;
    case EV_REL: has = has_rel, max = 0x0f; break;
    case EV_ABS: has = has_abs, max = 0x3f; break;
    case EV_LED: has = has_led, max = 0x0f; break;
    case EV_REP:
        /* autorepeat: Linux only asks whether the size is non-zero */
        if (k != KIND_KEYBOARD) return 0;
        set_bit(bm, REP_DELAY);
        set_bit(bm, REP_PERIOD);
        return 1;
    default: return 0;
    }
    unsigned len = 0;
    for (unsigned c = 0; c <= max && c / 8 < CFG_U_LEN; c++)
        if (has(k, c)) {
            set_bit(bm, c);
            len = c / 8 + 1;
        }
    return len;
}

static void put_le32(uint8_t *p, uint32_t v)
{
    st_le(p, 4, v);
}

/* 5.8.6.1: after a select/subsel write, size and u describe the answer
 * (size 0: no such information). */
static void update_config(vinput *in, virtio_dev *v)
{
    uint8_t *c = virtio_config(v);
    uint8_t sel = c[CFG_SELECT], sub = c[CFG_SUBSEL];
    unsigned size = 0;
    memset(c + CFG_SIZE, 0, CFG_LEN - CFG_SIZE);
    uint8_t *u = c + CFG_U;
    switch (sel) {
    case CFG_ID_NAME:
        if (sub == 0)
            size = (unsigned)snprintf((char *)u, CFG_U_LEN, "libemu virtio %s",
                                      kind_names[in->kind]);
        break;
    case CFG_ID_SERIAL:
        if (sub == 0)
            size = (unsigned)snprintf((char *)u, CFG_U_LEN, "libemu-%s",
                                      kind_names[in->kind]);
        break;
    case CFG_ID_DEVIDS:
        if (sub == 0) {
            st_le(u, 2, BUS_VIRTUAL);
            st_le(u + 2, 2, 0);                      /* vendor: none */
            st_le(u + 4, 2, 1 + (unsigned)in->kind); /* product */
            st_le(u + 6, 2, 1);                      /* version */
            size = 8;
        }
        break;
    case CFG_PROP_BITS:
        /* no INPUT_PROP_* (a tablet is not a direct-touch screen) */
        break;
    case CFG_EV_BITS: size = ev_bits(in->kind, sub, u); break;
    case CFG_ABS_INFO:
        if (has_abs(in->kind, sub)) {
            put_le32(u, 0);              /* min */
            put_le32(u + 4, TABLET_MAX); /* max; fuzz, flat, res stay 0 */
            size = 20;
        }
        break;
    default: break;
    }
    c[CFG_SIZE] = (uint8_t)size;
}

static void input_config_write(void *model, virtio_dev *v, uint32_t off,
                               uint32_t len)
{
    update_config(model, v);
}

/* ---- events ---- */

static void ring_drop_report(vinput *in)
{
    /* drop from the oldest event through its report's SYN_REPORT; if no
     * report ends in the ring, only the oldest event */
    unsigned n = 0;
    bool whole = false;
    while (n < in->count && !whole) {
        const input_event *e = &in->ring[(in->head + n) % RING];
        whole = e->type == EV_SYN && e->code == SYN_REPORT;
        n++;
    }
    if (!whole) n = 1;
    in->head = (in->head + n) % RING;
    in->count -= n;
}

/* Move waiting events into the buffers the driver posted. */
static void deliver(vinput *in, virtio_dev *v)
{
    virtio_req req;
    while (in->count && virtio_pop(v, 0, &req)) {
        const input_event *e = &in->ring[in->head];
        uint8_t b[8];
        st_le(b, 2, e->type);
        st_le(b + 2, 2, e->code);
        st_le(b + 4, 4, (uint32_t)e->value);
        if (req.in_len < sizeof(b)) {
            /* 5.8.6.2: eventq buffers hold a whole virtio_input_event */
            virtio_push(v, 0, &req, 0);
            virtio_set_broken(v, "virtio-input: event buffer shorter than "
                                 "8 bytes");
            return;
        }
        virtio_push(v, 0, &req,
                    (uint32_t)virtio_req_write(&req, 0, b, sizeof(b)));
        in->head = (in->head + 1) % RING;
        in->count--;
    }
}

static void queue_event(vinput *in, unsigned type, unsigned code, int32_t value)
{
    if (in->count == RING) ring_drop_report(in);
    in->ring[(in->head + in->count) % RING] =
        (input_event){(uint16_t)type, (uint16_t)code, value};
    in->count++;
}

bool virtio_input_event(void *model, virtio_dev *v, unsigned type,
                        unsigned code, int32_t value)
{
    vinput *in = model;
    switch (type) {
    case EV_SYN:
        /* every kind reports SYN_REPORT, but only to close a report it
         * has open: other devices' reports do not add empty ones here */
        if (code != SYN_REPORT) return false;
        if (!in->in_report) return true;
        in->in_report = false;
        break;
    case EV_KEY:
        if (!has_key(in->kind, code) || value < 0 || value > 2) return false;
        break;
    case EV_REL:
        if (!has_rel(in->kind, code)) return false;
        break;
    case EV_ABS:
        if (!has_abs(in->kind, code)) return false;
        if (value < 0) value = 0;
        if (value > TABLET_MAX) value = TABLET_MAX;
        break;
    default: return false;
    }
    if (type != EV_SYN) in->in_report = true;
    queue_event(in, type, code, value);
    deliver(in, v);
    return true;
}

static void input_notify(void *model, virtio_dev *v, unsigned q)
{
    vinput *in = model;
    if (q == 0) {
        deliver(in, v);
        return;
    }
    /* statusq: LED state from the driver, which we have no use for */
    virtio_req req;
    while (virtio_pop(v, 1, &req))
        virtio_push(v, 1, &req, 0);
}

static void input_reset(void *model, virtio_dev *v)
{
    vinput *in = model;
    /* a reset driver has no use for input meant for its predecessor */
    in->head = in->count = 0;
    in->in_report = false;
    uint8_t *c = virtio_config(v);
    memset(c, 0, CFG_LEN);
    update_config(in, v);
}

static void input_free(void *model)
{
    free(model);
}

/* The kind (which must match), then the events not yet delivered. */
static void input_save(void *model, snap_w *w)
{
    vinput *in = model;
    snap_put_u8(w, (uint8_t)in->kind);
    snap_put_bool(w, in->in_report);
    snap_put_u32(w, in->count);
    for (unsigned i = 0; i < in->count; i++) {
        const input_event *e = &in->ring[(in->head + i) % RING];
        snap_put_u16(w, e->type);
        snap_put_u16(w, e->code);
        snap_put_u32(w, (uint32_t)e->value);
    }
}

static bool input_load(void *model, virtio_dev *v, snap_r *r, bool commit)
{
    (void)v;
    vinput *in = model;
    unsigned kind = snap_get_u8(r);
    bool in_report = snap_get_bool(r);
    uint32_t count = snap_get_u32(r);
    if (snap_ok(r) && kind != in->kind)
        return snap_mismatch(r, "virtio-input: the snapshot's device is a "
                             "%s, the machine's a %s",
                             kind < 3 ? kind_names[kind] : "?",
                             kind_names[in->kind]);
    if (count > RING)
        return snap_fail(r, "virtio-input: %u events queued", count);
    for (uint32_t i = 0; i < count; i++) {
        input_event e;
        e.type = snap_get_u16(r);
        e.code = snap_get_u16(r);
        e.value = (int32_t)snap_get_u32(r);
        if (commit)
            in->ring[i] = e;
    }
    if (!snap_ok(r) || !commit)
        return snap_ok(r);
    in->head = 0;
    in->count = count;
    in->in_report = in_report;
    return true;
}

static const virtio_ops input_ops = {
    .name = "virtio-input",
    .device_id = VIRTIO_ID_INPUT,
    .nqueues = 2,
    .queue_max = 64,
    .config_size = CFG_LEN,
    .notify = input_notify,
    .config_write = input_config_write,
    .reset = input_reset,
    .free = input_free,
    .save = input_save,
    .load = input_load,
};

emu_status virtio_input_create(dev_opts *o, const virtio_host *host,
                               const virtio_ops **ops, void **model, char *err,
                               size_t errlen)
{
    (void)host;
    input_kind kind;
    if (!strcmp(o->kind, "keyboard"))
        kind = KIND_KEYBOARD;
    else if (!strcmp(o->kind, "tablet"))
        kind = KIND_TABLET;
    else if (!strcmp(o->kind, "mouse"))
        kind = KIND_MOUSE;
    else {
        snprintf(err, errlen, "%s: not an input device", o->kind);
        return EMU_ERR_INVALID;
    }
    vinput *in = calloc(1, sizeof(*in));
    if (!in) {
        snprintf(err, errlen, "%s: out of memory", o->kind);
        return EMU_ERR_NOMEM;
    }
    in->kind = kind;
    *ops = &input_ops;
    *model = in;
    return EMU_OK;
}
