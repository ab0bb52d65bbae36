/*
 * virtio-net (virtio 1.2 section 5.1): one receive queue (0) and one
 * transmit queue (1), no control queue, no multiqueue, no offloads. It
 * offers VIRTIO_NET_F_MAC and VIRTIO_NET_F_STATUS (the link is always
 * up). Frames go to and come from a backend; the only one is user-mode
 * networking with libslirp (net_slirp.c).
 *
 * Every buffer starts with struct virtio_net_hdr, 12 bytes with VERSION_1
 * whatever else is negotiated (5.1.6). Without offloads the device sends
 * it zeroed apart from num_buffers, and ignores the driver's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devices/net_slirp.h"
#include "devices/virtio_models.h"
#include "machine/snapshot.h"

/* feature bits (5.1.3) */
#define VIRTIO_NET_F_MAC (1ull << 5)
#define VIRTIO_NET_F_STATUS (1ull << 16)
#define VIRTIO_NET_S_LINK_UP 1 /* config status (5.1.4) */

#define NET_HDR_LEN 12         /* struct virtio_net_hdr with num_buffers */
#define NET_HDR_NUM_BUFFERS 10 /* its offset */
#define NET_HDR_GSO_TYPE 1
#define ETH_HLEN 14
/* the largest frame we take from the driver: a 64 KiB IP packet, an
 * Ethernet header and a VLAN tag, rounded as QEMU's limit */
#define NET_MAX_FRAME 65550

/* What waits for receive buffers when the driver has posted none. */
#define RXQ_MAX_FRAMES 256
#define RXQ_MAX_BYTES (1u << 20)

#define NET_QUEUE_RX 0
#define NET_QUEUE_TX 1
#define NET_CONFIG_SIZE 8 /* mac[6], status; no max_virtqueue_pairs (no MQ) */

typedef struct rx_frame {
    size_t len;
    uint8_t data[];
} rx_frame;

typedef struct net_model {
    virtio_dev *v; /* the transport, known from the first reset */
    uint8_t mac[6];
#if EMU_HAVE_SLIRP
    net_slirp *backend;
#endif
    /* frames for the guest, oldest at rxq_head */
    rx_frame *rxq[RXQ_MAX_FRAMES];
    unsigned rxq_head, rxq_count;
    size_t rxq_bytes;
    uint8_t *txbuf; /* NET_HDR_LEN + NET_MAX_FRAME bytes */
    /* counters, also for rate-limiting the warnings */
    uint64_t rx_dropped, rx_too_big, tx_bad;
} net_model;

/* Warn on the first few and then on powers of two: the guest decides how
 * often these happen, the log must stay readable. */
static bool warn_now(uint64_t n)
{
    return n <= 3 || (n & (n - 1)) == 0;
}

static void rxq_clear(net_model *n)
{
    while (n->rxq_count) {
        free(n->rxq[n->rxq_head]);
        n->rxq_head = (n->rxq_head + 1) % RXQ_MAX_FRAMES;
        n->rxq_count--;
    }
    n->rxq_bytes = 0;
}

/*
 * Move queued frames into the receive buffers the driver posted, one
 * frame per buffer (5.1.6.4: without VIRTIO_NET_F_MRG_RXBUF num_buffers
 * is 1). A buffer too small for its frame is returned empty and the
 * frame dropped; 5.1.6.3.1 asks drivers for at least 1526 bytes.
 */
static void rx_flush(net_model *n, virtio_dev *v)
{
    virtio_req req;
    while (n->rxq_count && virtio_pop(v, NET_QUEUE_RX, &req)) {
        rx_frame *f = n->rxq[n->rxq_head];
        n->rxq[n->rxq_head] = NULL;
        n->rxq_head = (n->rxq_head + 1) % RXQ_MAX_FRAMES;
        n->rxq_count--;
        n->rxq_bytes -= f->len;
        uint32_t written = 0;
        if (req.in_len >= NET_HDR_LEN + f->len) {
            uint8_t hdr[NET_HDR_LEN] = {0};
            hdr[NET_HDR_NUM_BUFFERS] = 1;
            virtio_req_write(&req, 0, hdr, sizeof(hdr));
            virtio_req_write(&req, NET_HDR_LEN, f->data, f->len);
            written = (uint32_t)(NET_HDR_LEN + f->len);
        } else if (warn_now(++n->rx_too_big)) {
            virtio_log(v, 1,
                       "virtio-net: a %zu-byte frame does not fit a "
                       "%llu-byte receive buffer; dropped (%llu so far)",
                       f->len, (unsigned long long)req.in_len,
                       (unsigned long long)n->rx_too_big);
        }
        free(f);
        virtio_push(v, NET_QUEUE_RX, &req, written);
    }
}

/* The backend has a frame for the guest: queue it, bounded. rx_flush()
 * follows every call into the backend. */
static void net_rx(void *ctx, const uint8_t *frame, size_t len)
{
    net_model *n = ctx;
    if (n->rxq_count == RXQ_MAX_FRAMES || n->rxq_bytes + len > RXQ_MAX_BYTES) {
        /* the guest is not taking frames: drop, as a full NIC would, and
         * let TCP retransmit */
        if (warn_now(++n->rx_dropped) && n->v)
            virtio_log(n->v, 2,
                       "virtio-net: no receive buffers; frame dropped "
                       "(%llu so far)",
                       (unsigned long long)n->rx_dropped);
        return;
    }
    rx_frame *f = malloc(sizeof(*f) + len);
    if (!f) {
        n->rx_dropped++;
        return;
    }
    f->len = len;
    memcpy(f->data, frame, len);
    n->rxq[(n->rxq_head + n->rxq_count) % RXQ_MAX_FRAMES] = f;
    n->rxq_count++;
    n->rxq_bytes += len;
}

static void net_backend_log(void *ctx, int level, const char *msg)
{
    net_model *n = ctx;
    if (n->v) virtio_log(n->v, level, "%s", msg);
}

static void backend_send(net_model *n, const uint8_t *frame, size_t len)
{
#if EMU_HAVE_SLIRP
    net_slirp_send(n->backend, frame, len);
#else
    (void)n, (void)frame, (void)len;
#endif
}

static bool tx_bad(net_model *n, virtio_dev *v, const char *what, uint64_t len)
{
    if (warn_now(++n->tx_bad))
        virtio_log(v, 1,
                   "virtio-net: dropped a transmitted frame: %s (%llu "
                   "bytes; %llu dropped so far)",
                   what, (unsigned long long)len,
                   (unsigned long long)n->tx_bad);
    return false;
}

/* One transmit request: the header, then the frame, in any number of
 * readable buffers (5.1.6.2). */
static bool tx_one(net_model *n, virtio_dev *v, const virtio_req *req)
{
    uint64_t len = req->out_len;
    if (len < NET_HDR_LEN + ETH_HLEN)
        return tx_bad(n, v, "shorter than a header and an Ethernet header",
                      len);
    if (len - NET_HDR_LEN > NET_MAX_FRAME)
        return tx_bad(n, v, "longer than 65550 bytes", len - NET_HDR_LEN);
    virtio_req_read(req, 0, n->txbuf, (size_t)len);
    /* 5.1.6.2.1: the driver sets gso_type only when a HOST_TSO/UFO
     * feature was negotiated, and we offer none: we cannot segment it */
    if (n->txbuf[NET_HDR_GSO_TYPE] != 0)
        return tx_bad(n, v, "segmentation offload was not negotiated", len);
    backend_send(n, n->txbuf + NET_HDR_LEN, (size_t)(len - NET_HDR_LEN));
    return true;
}

static void net_notify(void *model, virtio_dev *v, unsigned q)
{
    net_model *n = model;
    n->v = v;
    if (q == NET_QUEUE_TX) {
        virtio_req req;
        while (virtio_pop(v, NET_QUEUE_TX, &req)) {
            tx_one(n, v, &req);
            /* 5.1.6.2: the device writes nothing into a transmit buffer */
            virtio_push(v, NET_QUEUE_TX, &req, 0);
        }
    }
    /* replies the backend made at once (ARP, DHCP), or new receive buffers */
    rx_flush(n, v);
}

static void net_poll(void *model, virtio_dev *v, int timeout_ms)
{
    net_model *n = model;
    n->v = v;
    rx_flush(n, v);
#if EMU_HAVE_SLIRP
    net_slirp_poll(n->backend, timeout_ms);
#else
    (void)timeout_ms;
#endif
    rx_flush(n, v);
}

static void net_reset(void *model, virtio_dev *v)
{
    net_model *n = model;
    n->v = v;
    /* frames meant for the driver that just went away are not for its
     * successor */
    rxq_clear(n);
    uint8_t *c = virtio_config(v);
    memcpy(c, n->mac, 6);
    c[6] = VIRTIO_NET_S_LINK_UP;
    c[7] = 0;
}

static void net_free(void *model)
{
    net_model *n = model;
    if (!n) return;
#if EMU_HAVE_SLIRP
    net_slirp_free(n->backend);
#endif
    rxq_clear(n);
    free(n->txbuf);
    free(n);
}

/*
 * Frames waiting for receive buffers are not saved, and a restore drops
 * those waiting then: they are the host side's, like its connections,
 * and a lost frame is what a network may do anyway (TCP sends it again).
 */
static bool net_load(void *model, virtio_dev *v, snap_r *r, bool commit)
{
    (void)r;
    net_model *n = model;
    if (commit) {
        n->v = v;
        rxq_clear(n);
    }
    return true;
}

static const virtio_ops net_ops = {
    .name = "virtio-net",
    .device_id = VIRTIO_ID_NET,
    .features = VIRTIO_NET_F_MAC | VIRTIO_NET_F_STATUS,
    .nqueues = 2,
    .queue_max = 256,
    .config_size = NET_CONFIG_SIZE,
    .notify = net_notify,
    .reset = net_reset,
    .poll = net_poll,
    .free = net_free,
    .load = net_load,
};

/* "52:54:00:12:34:56": six hex pairs; a group address cannot be a
 * station's own (IEEE 802 I/G bit). */
static bool parse_mac(const char *s, uint8_t mac[6])
{
    for (int i = 0; i < 6; i++) {
        unsigned v = 0;
        for (int j = 0; j < 2; j++) {
            char ch = *s++;
            unsigned d;
            if (ch >= '0' && ch <= '9')
                d = (unsigned)(ch - '0');
            else if (ch >= 'a' && ch <= 'f')
                d = (unsigned)(ch - 'a' + 10);
            else if (ch >= 'A' && ch <= 'F')
                d = (unsigned)(ch - 'A' + 10);
            else
                return false;
            v = v << 4 | d;
        }
        mac[i] = (uint8_t)v;
        if (*s != (i == 5 ? 0 : ':')) return false;
        s += i < 5;
    }
    return !(mac[0] & 1);
}

emu_status virtio_net_create(dev_opts *o, const virtio_host *host,
                             const virtio_ops **ops, void **model, char *err,
                             size_t errlen)
{
    (void)host;
    uint8_t mac[6] = {0x52, 0x54, 0x00, 0x12, 0x34, 0x56};
    const char *m = opts_get(o, "mac");
    if (m && !parse_mac(m, mac)) {
        snprintf(err, errlen,
                 "net: mac=%s: expected six hex bytes like "
                 "52:54:00:12:34:56, not a multicast address",
                 m);
        return EMU_ERR_INVALID;
    }
    if (!opts_flag(o, "user")) {
        snprintf(err, errlen,
                 "net: say which backend: user (user-mode "
                 "networking, e.g. \"user,hostfwd=tcp::2222-:22\")");
        return EMU_ERR_INVALID;
    }
    net_model *n = calloc(1, sizeof(*n));
    if (n) n->txbuf = malloc(NET_HDR_LEN + NET_MAX_FRAME);
    if (!n || !n->txbuf) {
        free(n);
        snprintf(err, errlen, "net: out of memory");
        return EMU_ERR_NOMEM;
    }
    memcpy(n->mac, mac, 6);
    const net_slirp_client client = {net_rx, net_backend_log, n};
#if EMU_HAVE_SLIRP
    emu_status st = net_slirp_new(o, &client, &n->backend, err, errlen);
#else
    (void)client;
    snprintf(err, errlen,
             "net: user: libemu was built without libslirp "
             "(install libslirp-dev and rebuild)");
    emu_status st = EMU_ERR_UNSUPPORTED;
#endif
    if (st != EMU_OK) {
        net_free(n);
        return st;
    }
    *ops = &net_ops;
    *model = n;
    return EMU_OK;
}
