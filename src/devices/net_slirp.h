/*
 * User-mode networking for a network device model, with libslirp: the
 * guest's Ethernet frames go to a TCP/IP stack in this process, which
 * reaches the outside world through ordinary host sockets, so nothing
 * needs root, a tap device or a bridge.
 *
 * The addresses are QEMU's defaults: network 10.0.2.0/24, gateway and
 * host 10.0.2.2, DNS 10.0.2.3, DHCP leases from 10.0.2.15 (and fec0::/64
 * for IPv6). Each instance is independent, so a process may run many
 * machines; an instance is used by one thread at a time.
 *
 * Built only when libslirp is found (EMU_HAVE_SLIRP).
 */
#ifndef DEVICES_NET_SLIRP_H
#define DEVICES_NET_SLIRP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "libemu/libemu.h"
#include "machine/opts.h"

typedef struct net_slirp net_slirp;

/* What the backend tells its device: a frame for the guest (valid only
 * during the call), and a message (level as emu_log_level). */
typedef struct net_slirp_client {
    void (*rx)(void *ctx, const uint8_t *frame, size_t len);
    void (*log)(void *ctx, int level, const char *msg);
    void *ctx;
} net_slirp_client;

/*
 * A stack configured from o's backend options (every hostfwd=, which it
 * consumes). On failure err says why (a malformed hostfwd, a host port
 * that cannot be bound) and nothing is kept.
 */
emu_status net_slirp_new(dev_opts *o, const net_slirp_client *c,
                         net_slirp **out, char *err, size_t errlen);
void net_slirp_free(net_slirp *s);

/* A frame the guest sent (Ethernet header onwards). Replies the stack can
 * make at once (ARP, DHCP) reach the client's rx before this returns. */
void net_slirp_send(net_slirp *s, const uint8_t *frame, size_t len);

/*
 * Serve the host side: host sockets, the stack's timers. timeout_ms > 0
 * may block that long in poll(2) when nothing is ready; 0 never blocks
 * and, to keep the run loop cheap, looks at the sockets at most once a
 * millisecond of host time.
 */
void net_slirp_poll(net_slirp *s, int timeout_ms);

#endif
