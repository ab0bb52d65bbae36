/*
 * User-mode networking with libslirp (see net_slirp.h). libslirp is a
 * passive stack: it needs the application to feed it guest frames
 * (slirp_input), to poll its host sockets (slirp_pollfds_fill/poll), and
 * to run its timers. All of that state lives in struct net_slirp, never in
 * globals, so several machines can each have their own stack.
 */
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <slirp/libslirp.h>

#include "devices/net_slirp.h"
#include "machine/hostclock.h"

/* With timeout 0 (the run loop's call between scheduling rounds), the
 * sockets are looked at no more often than this: a poll(2) every round
 * would cost the guest a few percent, a millisecond of latency costs it
 * nothing measurable. */
#define POLL_INTERVAL_NS 1000000

/* timers a misbehaving callback may fire in one go before we move on */
#define TIMER_BURST 64

typedef struct net_timer {
    struct net_timer *next;
    SlirpTimerCb cb;
    void *cb_opaque;
    bool armed;
    int64_t expire_ms; /* on the clock of now_ns(), in milliseconds */
} net_timer;

struct net_slirp {
    Slirp *slirp;
    net_slirp_client c;
    struct pollfd *pfd; /* filled by slirp_pollfds_fill each poll */
    unsigned npfd, pfd_cap;
    net_timer *timers;
    int64_t last_poll_ns;
    uint64_t guest_errors;
};

static int64_t now_ns(void) { return (int64_t)host_clock_ns(); }

static void slog(net_slirp *s, int level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void slog(net_slirp *s, int level, const char *fmt, ...)
{
    if (!s->c.log) return;
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    s->c.log(s->c.ctx, level, msg);
}

/* ---- the callbacks libslirp calls (SlirpCb) ---- */

static ssize_t cb_send_packet(const void *buf, size_t len, void *opaque)
{
    net_slirp *s = opaque;
    s->c.rx(s->c.ctx, buf, len);
    return (ssize_t)len;
}

static void cb_guest_error(const char *msg, void *opaque)
{
    net_slirp *s = opaque;
    /* the guest chooses how often this happens: keep the log bounded */
    uint64_t n = ++s->guest_errors;
    if (n <= 3 || (n & (n - 1)) == 0)
        slog(s, 1 /* EMU_LOG_WARN */,
             "net: the guest's packet was refused: %s "
             "(%llu so far)",
             msg, (unsigned long long)n);
}

static int64_t cb_clock_get_ns(void *opaque)
{
    (void)opaque;
    return now_ns();
}

static void *cb_timer_new(SlirpTimerCb cb, void *cb_opaque, void *opaque)
{
    net_slirp *s = opaque;
    net_timer *t = calloc(1, sizeof(*t));
    if (!t) return NULL;
    t->cb = cb;
    t->cb_opaque = cb_opaque;
    t->next = s->timers;
    s->timers = t;
    return t;
}

static void cb_timer_free(void *timer, void *opaque)
{
    net_slirp *s = opaque;
    for (net_timer **p = &s->timers; *p; p = &(*p)->next)
        if (*p == timer) {
            *p = ((net_timer *)timer)->next;
            free(timer);
            return;
        }
}

static void cb_timer_mod(void *timer, int64_t expire_ms, void *opaque)
{
    (void)opaque;
    net_timer *t = timer;
    if (!t) return;
    t->armed = true;
    t->expire_ms = expire_ms;
}

/* Sockets are found afresh by slirp_pollfds_fill on every poll, so there
 * is nothing to keep for these. */
static void cb_register_poll_fd(int fd, void *opaque)
{
    (void)fd, (void)opaque;
}
static void cb_unregister_poll_fd(int fd, void *opaque)
{
    (void)fd, (void)opaque;
}
/* The run loop polls every round anyway; there is no thread to wake. */
static void cb_notify(void *opaque)
{
    (void)opaque;
}

static const SlirpCb slirp_callbacks = {
    .send_packet = cb_send_packet,
    .guest_error = cb_guest_error,
    .clock_get_ns = cb_clock_get_ns,
    .timer_new = cb_timer_new,
    .timer_free = cb_timer_free,
    .timer_mod = cb_timer_mod,
    .register_poll_fd = cb_register_poll_fd,
    .unregister_poll_fd = cb_unregister_poll_fd,
    .notify = cb_notify,
};

/* ---- polling ---- */

static int add_poll(int fd, int events, void *opaque)
{
    net_slirp *s = opaque;
    if (s->npfd == s->pfd_cap) {
        unsigned cap = s->pfd_cap ? 2 * s->pfd_cap : 16;
        struct pollfd *p = realloc(s->pfd, cap * sizeof(*p));
        if (!p) return -1; /* this socket waits for the next poll */
        s->pfd = p;
        s->pfd_cap = cap;
    }
    short ev = 0;
    if (events & SLIRP_POLL_IN) ev |= POLLIN;
    if (events & SLIRP_POLL_OUT) ev |= POLLOUT;
    if (events & SLIRP_POLL_PRI) ev |= POLLPRI;
    s->pfd[s->npfd] = (struct pollfd){.fd = fd, .events = ev};
    return (int)s->npfd++;
}

static int get_revents(int idx, void *opaque)
{
    net_slirp *s = opaque;
    if (idx < 0 || (unsigned)idx >= s->npfd) return 0;
    short r = s->pfd[idx].revents;
    int ev = 0;
    if (r & POLLIN) ev |= SLIRP_POLL_IN;
    if (r & POLLOUT) ev |= SLIRP_POLL_OUT;
    if (r & POLLPRI) ev |= SLIRP_POLL_PRI;
    if (r & (POLLERR | POLLNVAL)) ev |= SLIRP_POLL_ERR;
    if (r & POLLHUP) ev |= SLIRP_POLL_HUP;
    return ev;
}

static void run_timers(net_slirp *s)
{
    int64_t now = now_ns() / 1000000;
    /* a callback may arm, re-arm or free timers: look afresh each time */
    for (int i = 0; i < TIMER_BURST; i++) {
        net_timer *t = s->timers;
        while (t && !(t->armed && t->expire_ms <= now))
            t = t->next;
        if (!t) return;
        t->armed = false;
        t->cb(t->cb_opaque);
    }
}

/* Milliseconds until the next armed timer, or -1 for none. */
static int64_t next_timer_ms(const net_slirp *s)
{
    int64_t now = now_ns() / 1000000, best = -1;
    for (const net_timer *t = s->timers; t; t = t->next)
        if (t->armed) {
            int64_t d = t->expire_ms > now ? t->expire_ms - now : 0;
            if (best < 0 || d < best) best = d;
        }
    return best;
}

void net_slirp_poll(net_slirp *s, int timeout_ms)
{
    int64_t t0 = now_ns();
    if (timeout_ms <= 0 && t0 - s->last_poll_ns < POLL_INTERVAL_NS) return;
    s->last_poll_ns = t0;
    run_timers(s);

    uint32_t timeout = timeout_ms > 0 ? (uint32_t)timeout_ms : 0;
    int64_t next = next_timer_ms(s);
    if (next >= 0 && (uint64_t)next < timeout) timeout = (uint32_t)next;
    s->npfd = 0;
    /* slirp lowers timeout when its own TCP timers are due sooner */
    slirp_pollfds_fill(s->slirp, &timeout, add_poll, s);
    int r = poll(s->pfd, s->npfd, (int)timeout);
    slirp_pollfds_poll(s->slirp, r < 0, get_revents, s);
    run_timers(s);
}

void net_slirp_send(net_slirp *s, const uint8_t *frame, size_t len)
{
    if (len > 0 && len <= 0x7fffffff) slirp_input(s->slirp, frame, (int)len);
}

/* ---- configuration ---- */

/* QEMU's user-networking defaults, which guests and users expect */
#define NET_ADDR "10.0.2.0"
#define NET_MASK "255.255.255.0"
#define NET_HOST "10.0.2.2"
#define NET_DNS "10.0.2.3"
#define NET_DHCP "10.0.2.15"
#define NET6_PREFIX "fec0::"
#define NET6_HOST "fec0::2"
#define NET6_DNS "fec0::3"

static struct in_addr ip4(const char *s)
{
    struct in_addr a;
    inet_pton(AF_INET, s, &a);
    return a;
}

static struct in6_addr ip6(const char *s)
{
    struct in6_addr a;
    inet_pton(AF_INET6, s, &a);
    return a;
}

/* [s, s + n) as an IPv4 address; empty keeps *out (the default). */
static bool parse_addr(const char *s, size_t n, struct in_addr *out)
{
    char buf[INET_ADDRSTRLEN];
    if (n == 0) return true;
    if (n >= sizeof(buf)) return false;
    memcpy(buf, s, n);
    buf[n] = 0;
    return inet_pton(AF_INET, buf, out) == 1;
}

/* [s, s + n) as a port, 1 to 65535. */
static bool parse_port(const char *s, size_t n, int *out)
{
    int v = 0;
    if (n == 0 || n > 5) return false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    if (v < 1 || v > 65535) return false;
    *out = v;
    return true;
}

typedef struct hostfwd {
    int udp;
    struct in_addr host_addr, guest_addr;
    int host_port, guest_port;
} hostfwd;

/* "[tcp|udp]:[hostaddr]:hostport-[guestaddr]:guestport", QEMU's syntax */
static bool parse_hostfwd(const char *v, hostfwd *f, char *err, size_t errlen)
{
    static const char form[] =
        "expected [tcp|udp]:[hostaddr]:hostport-[guestaddr]:guestport";
    *f = (hostfwd){.host_addr.s_addr = htonl(INADDR_ANY),
                   .guest_addr = ip4(NET_DHCP)};
    const char *c1 = strchr(v, ':');
    const char *dash = c1 ? strchr(c1 + 1, '-') : NULL;
    if (!c1 || !dash) {
        snprintf(err, errlen, "net: hostfwd=%s: %s", v, form);
        return false;
    }
    size_t plen = (size_t)(c1 - v);
    if (plen == 3 && !strncmp(v, "udp", 3))
        f->udp = 1;
    else if (plen != 0 && !(plen == 3 && !strncmp(v, "tcp", 3))) {
        snprintf(err, errlen, "net: hostfwd=%s: the protocol is tcp or udp", v);
        return false;
    }
    /* host side [c1 + 1, dash), guest side (dash, end): each addr:port */
    const char *hc = NULL, *gc = strrchr(dash + 1, ':');
    for (const char *p = c1 + 1; p < dash; p++)
        if (*p == ':') hc = p;
    if (!hc || !gc) {
        snprintf(err, errlen, "net: hostfwd=%s: %s", v, form);
        return false;
    }
    if (!parse_addr(c1 + 1, (size_t)(hc - c1 - 1), &f->host_addr)) {
        snprintf(err, errlen,
                 "net: hostfwd=%s: the host address is not an "
                 "IPv4 address",
                 v);
        return false;
    }
    if (!parse_port(hc + 1, (size_t)(dash - hc - 1), &f->host_port)) {
        snprintf(err, errlen,
                 "net: hostfwd=%s: the host port is not a number "
                 "from 1 to 65535",
                 v);
        return false;
    }
    if (!parse_addr(dash + 1, (size_t)(gc - dash - 1), &f->guest_addr)) {
        snprintf(err, errlen,
                 "net: hostfwd=%s: the guest address is not an "
                 "IPv4 address",
                 v);
        return false;
    }
    if (!parse_port(gc + 1, strlen(gc + 1), &f->guest_port)) {
        snprintf(err, errlen,
                 "net: hostfwd=%s: the guest port is not a number "
                 "from 1 to 65535",
                 v);
        return false;
    }
    uint32_t mask = ip4(NET_MASK).s_addr;
    if ((f->guest_addr.s_addr & mask) != ip4(NET_ADDR).s_addr) {
        snprintf(err, errlen,
                 "net: hostfwd=%s: the guest address is outside "
                 "the guest network %s/24",
                 v, NET_ADDR);
        return false;
    }
    return true;
}

emu_status net_slirp_new(dev_opts *o, const net_slirp_client *c,
                         net_slirp **out, char *err, size_t errlen)
{
    *out = NULL;
    /* check every hostfwd before anything is created */
    hostfwd fwd;
    const char *v;
    for (unsigned i = 0; (v = opts_get_nth(o, "hostfwd", i)); i++)
        if (!parse_hostfwd(v, &fwd, err, errlen)) return EMU_ERR_INVALID;

    net_slirp *s = calloc(1, sizeof(*s));
    if (!s) {
        snprintf(err, errlen, "net: out of memory");
        return EMU_ERR_NOMEM;
    }
    s->c = *c;
    SlirpConfig cfg = {
        .version = 4,
        .restricted = 0,
        .in_enabled = true,
        .vnetwork = ip4(NET_ADDR),
        .vnetmask = ip4(NET_MASK),
        .vhost = ip4(NET_HOST),
        .in6_enabled = true,
        .vprefix_addr6 = ip6(NET6_PREFIX),
        .vprefix_len = 64,
        .vhost6 = ip6(NET6_HOST),
        .vdhcp_start = ip4(NET_DHCP),
        .vnameserver = ip4(NET_DNS),
        .vnameserver6 = ip6(NET6_DNS),
    };
    s->slirp = slirp_new(&cfg, &slirp_callbacks, s);
    if (!s->slirp) {
        snprintf(err, errlen, "net: libslirp could not start its stack");
        free(s);
        return EMU_ERR_NOMEM;
    }
    for (unsigned i = 0; (v = opts_get_nth(o, "hostfwd", i)); i++) {
        parse_hostfwd(v, &fwd, err, errlen);
        errno = 0;
        if (slirp_add_hostfwd(s->slirp, fwd.udp, fwd.host_addr, fwd.host_port,
                              fwd.guest_addr, fwd.guest_port) < 0) {
            int e = errno;
            snprintf(err, errlen,
                     "net: hostfwd=%s: cannot listen on host "
                     "%s port %d%s%s",
                     v, fwd.udp ? "UDP" : "TCP", fwd.host_port,
                     e ? ": " : " (in use?)", e ? strerror(e) : "");
            net_slirp_free(s);
            return EMU_ERR_IO;
        }
    }
    *out = s;
    return EMU_OK;
}

void net_slirp_free(net_slirp *s)
{
    if (!s) return;
    slirp_cleanup(s->slirp); /* frees its timers through cb_timer_free */
    while (s->timers) {
        net_timer *t = s->timers;
        s->timers = t->next;
        free(t);
    }
    free(s->pfd);
    free(s);
}
