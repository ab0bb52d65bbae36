/*
 * virtio-console (virtio 1.2 section 5.3) with a single port, port 0, and
 * no MULTIPORT: queue 0 is its receiveq (host to guest), queue 1 its
 * transmitq (guest to host). What the guest transmits goes to the
 * machine's console output; what the host types is copied into the
 * receive buffers the driver posts.
 *
 * Input that arrives while the driver has no receive buffer posted waits
 * in a small buffer (CON_PENDING bytes) and is delivered when the driver
 * posts buffers (a notify of the receiveq) or at the next poll. The
 * device takes input only while the driver has it running: bytes typed
 * before that are the UART's, not ours.
 */
#include <stdlib.h>
#include <string.h>

#include "devices/virtio_models.h"
#include "machine/snapshot.h"

#define VIRTIO_CONSOLE_F_EMERG_WRITE (1ull << 2) /* 5.3.3 */

#define CON_RX 0
#define CON_TX 1
#define CON_PENDING 4096
/* configuration space (5.3.4): cols, rows, max_nr_ports, emerg_wr */
#define CON_CFG_EMERG_WR 8
#define CON_CFG_SIZE 12

typedef struct con {
    virtio_host host;
    uint8_t pending[CON_PENDING]; /* a ring of bytes not yet delivered */
    size_t head, len;
} con;

/* Copy pending input into posted receive buffers while both last. */
static void con_deliver(con *c, virtio_dev *v)
{
    virtio_req r;
    while (c->len && virtio_pop(v, CON_RX, &r)) {
        uint64_t done = 0;
        while (c->len && done < r.in_len) {
            size_t run =
                CON_PENDING - c->head; /* contiguous part of the ring */
            if (run > c->len) run = c->len;
            if (run > r.in_len - done) run = (size_t)(r.in_len - done);
            virtio_req_write(&r, done, c->pending + c->head, run);
            done += run;
            c->head = (c->head + run) % CON_PENDING;
            c->len -= run;
        }
        virtio_push(v, CON_RX, &r, (uint32_t)done);
    }
}

static void con_transmit(con *c, virtio_dev *v)
{
    virtio_req r;
    while (virtio_pop(v, CON_TX, &r)) {
        /* the readable buffers are the output; writable ones mean nothing
         * on a transmitq and are returned untouched */
        for (unsigned i = 0; i < r.nout; i++)
            if (c->host.console_out && r.seg[i].len)
                c->host.console_out(c->host.ctx, (const char *)r.seg[i].p,
                                    r.seg[i].len);
        virtio_push(v, CON_TX, &r, 0);
    }
}

static void con_notify(void *model, virtio_dev *v, unsigned q)
{
    con *c = model;
    if (q == CON_TX)
        con_transmit(c, v);
    else
        con_deliver(c, v);
}

static void con_poll(void *model, virtio_dev *v, int timeout_ms)
{
    (void)timeout_ms; /* input comes through virtio_console_input() */
    con_deliver(model, v);
}

static void con_config_write(void *model, virtio_dev *v, uint32_t off,
                             uint32_t len)
{
    con *c = model;
    /* 5.3.4: a write to emerg_wr outputs its low byte at once, even
     * before the queues are set up (only with EMERG_WRITE) */
    if (off == CON_CFG_EMERG_WR && len >= 1 &&
        (virtio_features(v) & VIRTIO_CONSOLE_F_EMERG_WRITE) &&
        c->host.console_out) {
        char ch = (char)virtio_config(v)[CON_CFG_EMERG_WR];
        c->host.console_out(c->host.ctx, &ch, 1);
    }
    memset(virtio_config(v), 0, CON_CFG_SIZE); /* the other fields are ours */
}

static void con_reset(void *model, virtio_dev *v)
{
    con *c = model;
    /* a reset device starts clean: input for the previous driver goes */
    c->head = c->len = 0;
    memset(virtio_config(v), 0, CON_CFG_SIZE);
}

static void con_free(void *model)
{
    free(model);
}

/* Input typed but not yet delivered, oldest first. */
static void con_save(void *model, snap_w *w)
{
    con *c = model;
    snap_put_u32(w, (uint32_t)c->len);
    for (size_t i = 0; i < c->len; i++)
        snap_put_u8(w, c->pending[(c->head + i) % CON_PENDING]);
}

static bool con_load(void *model, virtio_dev *v, snap_r *r, bool commit)
{
    (void)v;
    con *c = model;
    uint32_t len = snap_get_u32(r);
    if (len > CON_PENDING)
        return snap_fail(r, "virtio-console: %u bytes of input", len);
    if (!commit) {
        uint8_t skip[CON_PENDING];
        return snap_get_bytes(r, skip, len);
    }
    c->head = 0;
    c->len = len;
    return snap_get_bytes(r, c->pending, len);
}

static const virtio_ops con_ops = {
    .name = "virtio-console",
    .device_id = VIRTIO_ID_CONSOLE,
    .features = VIRTIO_CONSOLE_F_EMERG_WRITE,
    .nqueues = 2,
    .queue_max = 128,
    .config_size = CON_CFG_SIZE,
    .notify = con_notify,
    .config_write = con_config_write,
    .reset = con_reset,
    .poll = con_poll,
    .free = con_free,
    .save = con_save,
    .load = con_load,
};

emu_status virtio_console_create(dev_opts *o, const virtio_host *host,
                                 const virtio_ops **ops, void **model,
                                 char *err, size_t errlen)
{
    (void)o, (void)err, (void)errlen;
    con *c = calloc(1, sizeof(*c));
    if (!c) return EMU_ERR_NOMEM;
    c->host = *host;
    *ops = &con_ops;
    *model = c;
    return EMU_OK;
}

size_t virtio_console_input(void *model, virtio_dev *v, const void *buf,
                            size_t len)
{
    con *c = model;
    if (!c || !virtio_queue_ready(v, CON_RX)) return 0;
    size_t total = 0;
    for (;;) {
        /* fill the pending ring, then drain it into posted buffers, for
         * as long as either makes room */
        size_t room = CON_PENDING - c->len, take = len - total;
        if (take > room) take = room;
        if (take == 0) return total;
        for (size_t i = 0; i < take; i++)
            c->pending[(c->head + c->len + i) % CON_PENDING] =
                ((const uint8_t *)buf)[total + i];
        c->len += take;
        total += take;
        con_deliver(c, v);
    }
}
