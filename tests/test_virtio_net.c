/*
 * virtio-net with user-mode networking, driven from the unit tests' driver
 * (virtio_driver.h): split virtqueues built in guest RAM, the virtio-mmio
 * registers written through the bus, frames built by hand (ARP, DHCP)
 * and answered by libslirp.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "devices/virtio_mmio.h"
#include "machine/machine.h"
#include "machine/virt.h"
#include "testutil.h"
#include "virtio_driver.h"

/* ---- the driver side ---- */

#define QSZ 64
#define RXBUF_LEN 2048
#define TXBUF_LEN (12 + 70000)

/* device-specific feature bits (5.1.3) */
#define F_MAC (1ull << 5)
#define F_STATUS (1ull << 16)

typedef struct drv {
    vd v;
    dev_virtio_mmio *t;
    uint64_t rx_bufs; /* RXBUF_LEN for each receive descriptor */
    uint64_t tx_buf;  /* TXBUF_LEN, what tx() sends from */
    uint8_t mac[6];
} drv;

/* what the machine logged, to check warnings */
typedef struct logrec {
    char text[4096];
} logrec;

static void log_collect(void *ctx, emu_log_level level, const char *msg)
{
    logrec *r = ctx;
    size_t n = strlen(r->text);
    snprintf(r->text + n, sizeof(r->text) - n, "%s\n", msg);
}

static emu_machine *net_machine(logrec *log)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.board = EMU_BOARD_VIRT;
    cfg.ram_size = TU_RAM_SIZE;
    if (log) {
        cfg.log = log_collect;
        cfg.log_ctx = log;
        cfg.log_level = EMU_LOG_DEBUG;
    }
    return tu_machine_cfg(&cfg);
}

#if EMU_HAVE_SLIRP

/* Find the net device the machine put in a virtio-mmio slot; attach the
 * driver to it and give it its buffers. */
static void find_net(drv *d, emu_machine *m)
{
    memset(d, 0, sizeof(*d));
    for (unsigned i = 0; i < VIRT_VIRTIO_SLOTS; i++) {
        const virtio_ops *ops;
        if (dev_virtio_mmio_model(m->virtio[i], &ops) &&
            ops->device_id == VIRTIO_ID_NET) {
            d->t = m->virtio[i];
            vd_attach(&d->v, m, i);
            d->rx_bufs = vd_alloc(&d->v, (uint64_t)QSZ * RXBUF_LEN, 16);
            d->tx_buf = vd_alloc(&d->v, TXBUF_LEN, 16);
            return;
        }
    }
    ck_abort_msg("no virtio-net device");
}

static uint8_t cfg8(drv *d, unsigned off)
{
    return (uint8_t)vd_config(&d->v, off, 1);
}

/* 3.1.1: reset, acknowledge, negotiate, set up both queues, DRIVER_OK */
static void driver_init(drv *d)
{
    vd_init(&d->v, VD_F_VERSION_1 | F_MAC | F_STATUS, 2, QSZ);
}

/* Post n receive buffers (device-writable, 2.7.5). */
static void post_rx(drv *d, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        uint64_t a = d->rx_bufs + (uint64_t)d->v.q[0].next_desc * RXBUF_LEN;
        vd_buf b = {a, RXBUF_LEN, true};
        vd_submit(&d->v, 0, &b, 1);
    }
}

/* Transmit a frame behind a zeroed header (5.1.6.2); split puts the
 * header in its own descriptor, as Linux does without any_layout. */
static void tx(drv *d, const uint8_t *frame, size_t len, bool split)
{
    static uint8_t buf[TXBUF_LEN];
    ck_assert_uint_le(len, sizeof(buf) - 12);
    memset(buf, 0, 12);
    memcpy(buf + 12, frame, len);
    vd_write(&d->v, d->tx_buf, buf, 12 + len);
    if (split) {
        vd_buf b[2] = {{d->tx_buf, 12, false},
                       {d->tx_buf + 12, (uint32_t)len, false}};
        vd_submit(&d->v, 1, b, len ? 2 : 1);
    } else {
        vd_buf b = {d->tx_buf, (uint32_t)(12 + len), false};
        vd_submit(&d->v, 1, &b, 1);
    }
}

/* The next received frame (header stripped) into f, or 0 if none. */
static size_t rx_take(drv *d, uint8_t *f, size_t cap)
{
    uint32_t id, len;
    if (!vd_get_used(&d->v, 0, &id, &len)) return 0;
    ck_assert_uint_lt(id, QSZ);
    ck_assert_uint_ge(len, 12 + 14);
    ck_assert_uint_le(len - 12, cap);
    /* each receive descriptor has its own buffer (post_rx) */
    uint64_t buf = d->rx_bufs + (uint64_t)id * RXBUF_LEN;
    uint8_t hdr[12];
    vd_read(&d->v, buf, hdr, 12);
    /* 5.1.6.4: no offloads, one buffer per frame */
    ck_assert_uint_eq(hdr[0], 0);
    ck_assert_uint_eq(hdr[1], 0);
    ck_assert_uint_eq(hdr[10] | hdr[11] << 8, 1);
    vd_read(&d->v, buf + 12, f, len - 12);
    return len - 12;
}

/* ---- frames ---- */

static const uint8_t BCAST[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
#define IP(a, b, c, d) ((uint32_t)(a) << 24 | (b) << 16 | (c) << 8 | (d))
#define GUEST_IP IP(10, 0, 2, 15)
#define HOST_IP IP(10, 0, 2, 2)

static void be16(uint8_t *p, uint16_t v)
{
    p[0] = v >> 8, p[1] = (uint8_t)v;
}
static void be32(uint8_t *p, uint32_t v)
{
    be16(p, (uint16_t)(v >> 16));
    be16(p + 2, (uint16_t)v);
}
static uint16_t rd16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}
static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)rd16(p) << 16 | rd16(p + 2);
}

static size_t eth(uint8_t *f, const uint8_t *dst, const uint8_t *src,
                  uint16_t type)
{
    memcpy(f, dst, 6);
    memcpy(f + 6, src, 6);
    be16(f + 12, type);
    return 14;
}

/* RFC 826 */
static size_t arp(uint8_t *f, const uint8_t *mac, unsigned op,
                  const uint8_t *dst_mac, uint32_t spa, const uint8_t *tha,
                  uint32_t tpa)
{
    size_t n = eth(f, dst_mac, mac, 0x0806);
    uint8_t *a = f + n;
    be16(a, 1);
    be16(a + 2, 0x0800);
    a[4] = 6, a[5] = 4;
    be16(a + 6, (uint16_t)op);
    memcpy(a + 8, mac, 6);
    be32(a + 14, spa);
    memcpy(a + 18, tha, 6);
    be32(a + 24, tpa);
    return n + 28;
}

static size_t arp_request(drv *d, uint8_t *f, uint32_t target)
{
    static const uint8_t zero[6];
    return arp(f, d->mac, 1, BCAST, GUEST_IP, zero, target);
}

static bool is_arp_reply_from(const uint8_t *f, size_t len, uint32_t ip)
{
    return len >= 42 && rd16(f + 12) == 0x0806 && rd16(f + 20) == 2 &&
           rd32(f + 28) == ip && rd32(f + 38) == GUEST_IP;
}

/* A UDP/IPv4 frame (RFC 791, 768), the UDP checksum left out */
static size_t udp(uint8_t *f, const uint8_t *src_mac, const uint8_t *dst_mac,
                  uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport,
                  const uint8_t *payload, size_t plen)
{
    size_t n = eth(f, dst_mac, src_mac, 0x0800);
    uint8_t *ip = f + n;
    memset(ip, 0, 28);
    ip[0] = 0x45;
    be16(ip + 2, (uint16_t)(28 + plen));
    ip[8] = 64;
    ip[9] = 17;
    be32(ip + 12, src);
    be32(ip + 16, dst);
    uint32_t sum = 0;
    for (int i = 0; i < 20; i += 2)
        sum += rd16(ip + i);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    be16(ip + 10, (uint16_t)~sum);
    be16(ip + 20, sport);
    be16(ip + 22, dport);
    be16(ip + 24, (uint16_t)(8 + plen));
    memcpy(ip + 28, payload, plen);
    return n + 28 + plen;
}

#define DHCP_XID 0x1badcafe

/* RFC 2131 DHCPDISCOVER, broadcast flag set */
static size_t dhcp_discover(drv *d, uint8_t *f)
{
    uint8_t b[548] = {0};
    b[0] = 1, b[1] = 1, b[2] = 6;
    be32(b + 4, DHCP_XID);
    be16(b + 10, 0x8000);
    memcpy(b + 28, d->mac, 6);
    be32(b + 236, 0x63825363); /* magic cookie */
    uint8_t opts[] = {53, 1, 1, 255};
    memcpy(b + 240, opts, sizeof(opts));
    return udp(f, d->mac, BCAST, 0, 0xffffffff, 68, 67, b, sizeof(b));
}

/* The DHCP message type of a reply to us, or 0 if f is not one. */
static unsigned dhcp_reply_type(const uint8_t *f, size_t len, uint32_t *yiaddr)
{
    if (len < 14 + 28 + 240 || rd16(f + 12) != 0x0800 || f[14 + 9] != 17)
        return 0;
    const uint8_t *u = f + 14 + (f[14] & 15) * 4;
    const uint8_t *b = u + 8;
    if (rd16(u + 2) != 68 || b[0] != 2 || rd32(b + 4) != DHCP_XID ||
        rd32(b + 236) != 0x63825363)
        return 0;
    *yiaddr = rd32(b + 16);
    for (const uint8_t *o = b + 240; o + 2 <= f + len && *o != 255;) {
        if (*o == 0) {
            o++;
            continue;
        }
        if (o[0] == 53 && o[1] == 1) return o[2];
        o += 2 + o[1];
    }
    return 0;
}

static bool is_tcp_syn_to(const uint8_t *f, size_t len, uint16_t port)
{
    if (len < 14 + 20 + 20 || rd16(f + 12) != 0x0800 || f[14 + 9] != 6 ||
        rd32(f + 14 + 16) != GUEST_IP)
        return false;
    const uint8_t *t = f + 14 + (f[14] & 15) * 4;
    return rd16(t + 2) == port && (t[13] & 0x02);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef bool (*frame_pred)(const uint8_t *f, size_t len, void *arg);

/*
 * Poll the device (as the run loop does in realtime mode) until a frame
 * matching pred arrives, for at most 5 s. Each buffer used is posted
 * again; ARP requests for the guest's address are answered, as a guest
 * would, so the stack can reach it.
 */
static bool wait_frame(drv *d, frame_pred pred, void *arg, uint8_t *out,
                       size_t *outlen)
{
    static uint8_t f[RXBUF_LEN];
    double end = now_s() + 5;
    do {
        size_t len;
        while ((len = rx_take(d, f, sizeof(f))) != 0) {
            post_rx(d, 1);
            if (pred(f, len, arg)) {
                if (out) memcpy(out, f, len), *outlen = len;
                return true;
            }
            if (rd16(f + 12) == 0x0806 && rd16(f + 20) == 1 &&
                rd32(f + 38) == GUEST_IP) {
                uint8_t r[64];
                size_t n =
                    arp(r, d->mac, 2, f + 6, GUEST_IP, f + 22, rd32(f + 28));
                tx(d, r, n, false);
            }
        }
        dev_virtio_mmio_poll(d->t, 20);
    } while (now_s() < end);
    return false;
}

static bool pred_arp_reply_gw(const uint8_t *f, size_t len, void *arg)
{
    return is_arp_reply_from(f, len, HOST_IP);
}

static bool pred_dhcp_offer(const uint8_t *f, size_t len, void *arg)
{
    uint32_t yi;
    return dhcp_reply_type(f, len, &yi) == 2 && (*(uint32_t *)arg = yi, true);
}

static bool pred_syn(const uint8_t *f, size_t len, void *arg)
{
    return is_tcp_syn_to(f, len, *(uint16_t *)arg);
}

/* A machine with a net device set up by the driver, RX buffers posted. */
static emu_machine *net_up(drv *d, const char *opts, logrec *log)
{
    emu_machine *m = net_machine(log);
    emu_status st = emu_device_add(m, "net", opts);
    ck_assert_msg(st == EMU_OK, "net %s: %s", opts, emu_last_error(m));
    find_net(d, m);
    for (int i = 0; i < 6; i++)
        d->mac[i] = cfg8(d, (unsigned)i);
    driver_init(d);
    return m;
}

/* A host TCP port nobody listens on now (bind to port 0, then let go). */
static int free_port(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_int_ge(s, 0);
    struct sockaddr_in a = {.sin_family = AF_INET,
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    ck_assert_int_eq(bind(s, (struct sockaddr *)&a, sizeof(a)), 0);
    socklen_t al = sizeof(a);
    ck_assert_int_eq(getsockname(s, (struct sockaddr *)&a, &al), 0);
    close(s);
    return ntohs(a.sin_port);
}

/* ---- tests ---- */

START_TEST(test_net_config_has_default_mac_and_link_up)
{
    drv d;
    emu_machine *m = net_machine(NULL);
    ck_assert_int_eq(emu_device_add(m, "net", "user"), EMU_OK);
    find_net(&d, m);
    ck_assert_uint_eq(vd_reg(&d.v, VD_MAGIC), 0x74726976);
    ck_assert_uint_eq(vd_reg(&d.v, VD_VERSION), 2);
    ck_assert_uint_eq(vd_reg(&d.v, VD_DEVICE_ID), 1);
    uint64_t f = vd_device_features(&d.v);
    ck_assert(f & VD_F_VERSION_1);
    /* of the device-specific bits (5.1.3), MAC and STATUS alone: no
     * checksum or segmentation offloads, no control queue, no MRG_RXBUF */
    ck_assert_uint_eq(f & 0xffffff, F_MAC | F_STATUS);
    static const uint8_t mac[6] = {0x52, 0x54, 0x00, 0x12, 0x34, 0x56};
    for (unsigned i = 0; i < 6; i++)
        ck_assert_uint_eq(cfg8(&d, i), mac[i]);
    ck_assert_uint_eq(cfg8(&d, 6) | cfg8(&d, 7) << 8,
                      1); /* VIRTIO_NET_S_LINK_UP */
    emu_machine_free(m);
}
END_TEST

START_TEST(test_net_mac_option_sets_config_mac)
{
    drv d;
    emu_machine *m = net_machine(NULL);
    ck_assert_int_eq(emu_device_add(m, "net", "user,mac=02:AB:cd:00:10:fe"),
                     EMU_OK);
    find_net(&d, m);
    static const uint8_t mac[6] = {0x02, 0xab, 0xcd, 0x00, 0x10, 0xfe};
    for (unsigned i = 0; i < 6; i++)
        ck_assert_uint_eq(cfg8(&d, i), mac[i]);
    /* a reset keeps it */
    driver_init(&d);
    ck_assert_uint_eq(cfg8(&d, 1), 0xab);
    emu_machine_free(m);
}
END_TEST

static void expect_add_fails(const char *opts, emu_status want,
                             const char *text)
{
    emu_machine *m = net_machine(NULL);
    emu_status st = emu_device_add(m, "net", opts);
    ck_assert_msg(st == want, "net %s: %d (%s), expected %d", opts, st,
                  emu_last_error(m), want);
    ck_assert_msg(strstr(emu_last_error(m), text),
                  "net %s: \"%s\" lacks \"%s\"", opts, emu_last_error(m), text);
    /* nothing was attached */
    for (unsigned i = 0; i < VIRT_VIRTIO_SLOTS; i++)
        ck_assert_ptr_null(dev_virtio_mmio_model(m->virtio[i], NULL));
    emu_machine_free(m);
}

START_TEST(test_net_bad_options_are_refused)
{
    expect_add_fails("", EMU_ERR_INVALID, "backend");
    expect_add_fails("mac=52:54:00:12:34:56", EMU_ERR_INVALID, "backend");
    expect_add_fails("user,mac=52:54:00:12:34", EMU_ERR_INVALID, "mac=");
    expect_add_fails("user,mac=52:54:00:12:34:56:78", EMU_ERR_INVALID, "mac=");
    expect_add_fails("user,mac=5g:54:00:12:34:56", EMU_ERR_INVALID, "mac=");
    expect_add_fails("user,mac=01:00:5e:00:00:01", EMU_ERR_INVALID,
                     "multicast");
    expect_add_fails("user,tap", EMU_ERR_INVALID, "unknown option 'tap'");
}
END_TEST

START_TEST(test_net_malformed_hostfwd_is_refused)
{
    static const struct {
        const char *opts, *text;
    } bad[] = {
        {"user,hostfwd", "expected [tcp|udp]"},
        {"user,hostfwd=", "expected [tcp|udp]"},
        {"user,hostfwd=tcp::2222", "expected [tcp|udp]"},
        {"user,hostfwd=tcp::2222-22", "expected [tcp|udp]"},
        {"user,hostfwd=2222-:22", "expected [tcp|udp]"},
        {"user,hostfwd=sctp::2222-:22", "tcp or udp"},
        {"user,hostfwd=tcp::-:22", "host port"},
        {"user,hostfwd=tcp::0-:22", "host port"},
        {"user,hostfwd=tcp::65536-:22", "host port"},
        {"user,hostfwd=tcp::22x-:22", "host port"},
        {"user,hostfwd=tcp::2222-:", "guest port"},
        {"user,hostfwd=tcp::2222-:99999", "guest port"},
        {"user,hostfwd=tcp:localhost:2222-:22", "host address"},
        {"user,hostfwd=tcp:1.2.3:2222-:22", "host address"},
        {"user,hostfwd=tcp::2222-10.0.2:22", "guest address"},
        {"user,hostfwd=tcp::2222-192.168.1.5:22", "outside the guest network"},
        /* one good, one bad: the bad one is reported, nothing is kept */
        {"user,hostfwd=tcp::0-:1,hostfwd=udp::5555-:53", "host port"},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        expect_add_fails(bad[i].opts, EMU_ERR_INVALID, bad[i].text);
}
END_TEST

START_TEST(test_net_hostfwd_port_in_use_is_an_error)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_int_ge(s, 0);
    struct sockaddr_in a = {.sin_family = AF_INET,
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    ck_assert_int_eq(bind(s, (struct sockaddr *)&a, sizeof(a)), 0);
    ck_assert_int_eq(listen(s, 1), 0);
    socklen_t al = sizeof(a);
    ck_assert_int_eq(getsockname(s, (struct sockaddr *)&a, &al), 0);
    char opts[96];
    snprintf(opts, sizeof(opts), "user,hostfwd=tcp:127.0.0.1:%d-:22",
             ntohs(a.sin_port));
    expect_add_fails(opts, EMU_ERR_IO, "cannot listen on host TCP port");
    close(s);
}
END_TEST

START_TEST(test_net_arp_request_for_gateway_gets_reply)
{
    drv d;
    emu_machine *m = net_up(&d, "user", NULL);
    post_rx(&d, 8);
    uint8_t f[64];
    tx(&d, f, arp_request(&d, f, HOST_IP), true);
    /* the transmit buffer came back, nothing written into it */
    ck_assert_uint_eq(vd_used_idx(&d.v, 1), 1);
    uint32_t len;
    ck_assert(vd_get_used(&d.v, 1, NULL, &len));
    ck_assert_uint_eq(len, 0);
    uint8_t r[RXBUF_LEN];
    size_t n;
    ck_assert(wait_frame(&d, pred_arp_reply_gw, NULL, r, &n));
    ck_assert(!memcmp(r, d.mac, 6)); /* to us */
    ck_assert(!memcmp(r + 32, d.mac, 6));
    emu_machine_free(m);
}
END_TEST

START_TEST(test_net_dhcp_discover_gets_offer_of_10_0_2_15)
{
    drv d;
    emu_machine *m = net_up(&d, "user", NULL);
    post_rx(&d, 8);
    uint8_t f[1024];
    tx(&d, f, dhcp_discover(&d, f), false);
    uint32_t yiaddr = 0;
    ck_assert(wait_frame(&d, pred_dhcp_offer, &yiaddr, NULL, NULL));
    ck_assert_uint_eq(yiaddr, GUEST_IP);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_net_rx_without_buffers_queues_then_delivers)
{
    drv d;
    emu_machine *m = net_up(&d, "user", NULL);
    uint8_t f[64];
    tx(&d, f, arp_request(&d, f, HOST_IP), false);
    for (int i = 0; i < 3; i++)
        dev_virtio_mmio_poll(d.t, 1);
    ck_assert_uint_eq(vd_used_idx(&d.v, 0), 0); /* nowhere to put the reply */
    post_rx(&d, 1);                             /* the kick delivers it */
    ck_assert_uint_eq(vd_used_idx(&d.v, 0), 1);
    uint8_t r[RXBUF_LEN];
    size_t n = rx_take(&d, r, sizeof(r));
    ck_assert(is_arp_reply_from(r, n, HOST_IP));
    emu_machine_free(m);
}
END_TEST

START_TEST(test_net_rx_queue_is_bounded_at_256_frames)
{
    drv d;
    logrec log = {{0}};
    emu_machine *m = net_up(&d, "user", &log);
    uint8_t f[64];
    size_t n = arp_request(&d, f, HOST_IP);
    for (int i = 0; i < 300; i++)
        tx(&d, f, n, false);
    ck_assert_msg(strstr(log.text, "no receive buffers; frame dropped"), "%s",
                  log.text);
    unsigned got = 0;
    for (;;) {
        post_rx(&d, 32);
        uint8_t r[RXBUF_LEN];
        size_t len, before = got;
        while ((len = rx_take(&d, r, sizeof(r))) != 0) {
            ck_assert(is_arp_reply_from(r, len, HOST_IP));
            got++;
        }
        if (got == before) break;
    }
    ck_assert_uint_eq(got, 256);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_net_short_and_oversized_tx_frames_are_dropped)
{
    drv d;
    logrec log = {{0}};
    emu_machine *m = net_up(&d, "user", &log);
    post_rx(&d, 8);
    static uint8_t big[65551];
    memset(big, 0xaa, sizeof(big));
    tx(&d, big, 5, false);          /* shorter than an Ethernet header */
    tx(&d, big, 0, true);           /* a header alone */
    tx(&d, big, sizeof(big), true); /* one byte over the limit */
    /* a header and nothing else, shorter than the header */
    vd_buf b = {d.tx_buf, 6, false};
    vd_submit(&d.v, 1, &b, 1);
    ck_assert_uint_eq(vd_used_idx(&d.v, 1), 4);
    ck_assert(!vd_needs_reset(&d.v));
    ck_assert_msg(strstr(log.text, "longer than 65550"), "%s", log.text);
    ck_assert_msg(strstr(log.text, "shorter than a header"), "%s", log.text);
    /* the device still works */
    uint8_t f[64];
    tx(&d, f, arp_request(&d, f, HOST_IP), false);
    ck_assert(wait_frame(&d, pred_arp_reply_gw, NULL, NULL, NULL));
    emu_machine_free(m);
}
END_TEST

START_TEST(test_net_largest_tx_frame_is_accepted)
{
    drv d;
    logrec log = {{0}};
    emu_machine *m = net_up(&d, "user", &log);
    static uint8_t big[65550];
    memset(big, 0, sizeof(big));
    eth(big, BCAST, d.mac, 0x88b5); /* a local experimental EtherType */
    tx(&d, big, sizeof(big), true);
    ck_assert_uint_eq(vd_used_idx(&d.v, 1), 1);
    ck_assert_ptr_null(strstr(log.text, "dropped a transmitted frame"));
    emu_machine_free(m);
}
END_TEST

START_TEST(test_net_hostfwd_tcp_port_accepts_host_connection)
{
    drv d;
    int port = free_port();
    char opts[96];
    snprintf(opts, sizeof(opts), "user,hostfwd=tcp:127.0.0.1:%d-:2222", port);
    emu_machine *m = net_up(&d, opts, NULL);
    post_rx(&d, 16);
    /* tell the stack where the guest is, as a guest's first ARP would */
    uint8_t f[64];
    tx(&d, f, arp_request(&d, f, HOST_IP), false);
    ck_assert(wait_frame(&d, pred_arp_reply_gw, NULL, NULL, NULL));

    int s = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_int_ge(s, 0);
    struct sockaddr_in a = {.sin_family = AF_INET,
                            .sin_port = htons((uint16_t)port),
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    ck_assert_int_eq(connect(s, (struct sockaddr *)&a, sizeof(a)), 0);
    /* the stack accepts it and opens the connection to the guest's port */
    uint16_t gport = 2222;
    ck_assert(wait_frame(&d, pred_syn, &gport, NULL, NULL));
    close(s);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_net_two_machines_have_separate_stacks)
{
    drv d1, d2;
    emu_machine *m1 = net_up(&d1, "user", NULL);
    emu_machine *m2 = net_up(&d2, "user,mac=52:54:00:00:00:02", NULL);
    post_rx(&d1, 4);
    post_rx(&d2, 4);
    uint8_t f[64];
    tx(&d2, f, arp_request(&d2, f, HOST_IP), false);
    uint8_t r[RXBUF_LEN];
    size_t n;
    ck_assert(wait_frame(&d2, pred_arp_reply_gw, NULL, r, &n));
    ck_assert(!memcmp(r, d2.mac, 6));
    ck_assert_uint_eq(vd_used_idx(&d1.v, 0), 0); /* nothing reached the other */
    tx(&d1, f, arp_request(&d1, f, HOST_IP), false);
    ck_assert(wait_frame(&d1, pred_arp_reply_gw, NULL, NULL, NULL));
    emu_machine_free(m1);
    emu_machine_free(m2);
}
END_TEST

START_TEST(test_net_reset_drops_queued_frames)
{
    drv d;
    emu_machine *m = net_up(&d, "user", NULL);
    uint8_t f[64];
    tx(&d, f, arp_request(&d, f, HOST_IP), false);
    driver_init(&d); /* status 0 first: a reset */
    post_rx(&d, 4);
    dev_virtio_mmio_poll(d.t, 1);
    ck_assert_uint_eq(vd_used_idx(&d.v, 0), 0);
    emu_machine_free(m);
}
END_TEST

#else /* built without libslirp */

START_TEST(test_net_user_without_libslirp_is_unsupported)
{
    emu_machine *m = net_machine(NULL);
    ck_assert_int_eq(emu_device_add(m, "net", "user,hostfwd=tcp::2222-:22"),
                     EMU_ERR_UNSUPPORTED);
    ck_assert_ptr_nonnull(strstr(emu_last_error(m), "libslirp-dev"));
    emu_machine_free(m);
}
END_TEST

#endif

static Suite *make_suite(void)
{
    Suite *s = suite_create("virtio_net");
    TCase *tc = tcase_create("net");
    tcase_set_timeout(tc, 60);
#if EMU_HAVE_SLIRP
    tcase_add_test(tc, test_net_config_has_default_mac_and_link_up);
    tcase_add_test(tc, test_net_mac_option_sets_config_mac);
    tcase_add_test(tc, test_net_bad_options_are_refused);
    tcase_add_test(tc, test_net_malformed_hostfwd_is_refused);
    tcase_add_test(tc, test_net_hostfwd_port_in_use_is_an_error);
    tcase_add_test(tc, test_net_arp_request_for_gateway_gets_reply);
    tcase_add_test(tc, test_net_dhcp_discover_gets_offer_of_10_0_2_15);
    tcase_add_test(tc, test_net_rx_without_buffers_queues_then_delivers);
    tcase_add_test(tc, test_net_rx_queue_is_bounded_at_256_frames);
    tcase_add_test(tc, test_net_short_and_oversized_tx_frames_are_dropped);
    tcase_add_test(tc, test_net_largest_tx_frame_is_accepted);
    tcase_add_test(tc, test_net_hostfwd_tcp_port_accepts_host_connection);
    tcase_add_test(tc, test_net_two_machines_have_separate_stacks);
    tcase_add_test(tc, test_net_reset_drops_queued_frames);
#else
    tcase_add_test(tc, test_net_user_without_libslirp_is_unsupported);
#endif
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_suite());
}
