/*
 * The GDB stub's TCP server (libemu/gdbstub.h): one listening socket, at
 * most one debugger connected, a session over it. Nothing blocks unless
 * the caller asks to wait, so a frontend keeps its console and window
 * alive between calls.
 */
#define _GNU_SOURCE /* accept4 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "libemu/gdbstub.h"

struct emu_gdb_server {
    emu_machine *m;
    int lfd;  /* listening */
    int cfd;  /* the debugger's connection, or -1 */
    bool broken; /* a send failed: drop the connection at the next poll */
    unsigned port;
    emu_gdb *session;
};

static void set_err(char *err, size_t errlen, const char *what,
                    const char *host, unsigned port, int e)
{
    if (err && errlen)
        snprintf(err, errlen, "%s %s:%u: %s", what, host, port, strerror(e));
}

emu_status emu_gdb_server_open(emu_machine *m, const char *host,
                               unsigned port, emu_gdb_server **out,
                               char *err, size_t errlen)
{
    if (!out)
        return EMU_ERR_INVALID;
    *out = NULL;
    if (!m || port > 65535) {
        if (err && errlen)
            snprintf(err, errlen, "bad port %u", port);
        return EMU_ERR_INVALID;
    }
    /* localhost by default: a debugger can change guest memory */
    const char *h = host && *host ? host : "127.0.0.1";
    char service[8];
    snprintf(service, sizeof(service), "%u", port);
    struct addrinfo hints, *res;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    int rc = getaddrinfo(h, service, &hints, &res);
    if (rc != 0) {
        if (err && errlen)
            snprintf(err, errlen, "%s: %s", h, gai_strerror(rc));
        return EMU_ERR_INVALID;
    }
    int fd = -1, e = 0;
    for (struct addrinfo *a = res; a; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK,
                    a->ai_protocol);
        if (fd < 0) {
            e = errno;
            continue;
        }
        int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
        if (bind(fd, a->ai_addr, a->ai_addrlen) == 0 && listen(fd, 1) == 0)
            break;
        e = errno;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0) {
        set_err(err, errlen, "cannot listen on", h, port, e);
        return EMU_ERR_IO;
    }
    emu_gdb_server *s = calloc(1, sizeof(*s));
    if (!s) {
        close(fd);
        return EMU_ERR_NOMEM;
    }
    s->m = m;
    s->lfd = fd;
    s->cfd = -1;
    struct sockaddr_storage sa;
    socklen_t salen = sizeof(sa);
    s->port = port;
    if (getsockname(fd, (struct sockaddr *)&sa, &salen) == 0) {
        if (sa.ss_family == AF_INET)
            s->port = ntohs(((struct sockaddr_in *)&sa)->sin_port);
        else if (sa.ss_family == AF_INET6)
            s->port = ntohs(((struct sockaddr_in6 *)&sa)->sin6_port);
    }
    *out = s;
    return EMU_OK;
}

unsigned emu_gdb_server_port(const emu_gdb_server *s) { return s ? s->port : 0; }

emu_gdb *emu_gdb_server_session(emu_gdb_server *s)
{
    return s ? s->session : NULL;
}

/* The session's output: the whole buffer, waiting while the socket is
 * full (GDB reads promptly). */
static void send_all(void *ctx, const void *buf, size_t len)
{
    emu_gdb_server *s = ctx;
    const char *p = buf;
    while (len && !s->broken) {
        ssize_t n = send(s->cfd, p, len, MSG_NOSIGNAL);
        if (n > 0) {
            p += n;
            len -= (size_t)n;
        } else if (n < 0 && (errno == EINTR)) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            struct pollfd pf = {.fd = s->cfd, .events = POLLOUT};
            if (poll(&pf, 1, 1000) < 0 && errno != EINTR)
                s->broken = true;
        } else {
            s->broken = true;
        }
    }
}

/* Close the connection; a killed session stays for the caller to see
 * unless `all`. */
static void drop_client(emu_gdb_server *s, bool all)
{
    if (all || emu_gdb_get_state(s->session) != EMU_GDB_KILLED) {
        emu_gdb_free(s->session); /* removes the debugger's breakpoints */
        s->session = NULL;
    }
    if (s->cfd >= 0)
        close(s->cfd);
    s->cfd = -1;
    s->broken = false;
}

static void accept_client(emu_gdb_server *s)
{
    int fd = accept4(s->lfd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (fd < 0)
        return;
    if (s->cfd >= 0 || s->session) {
        close(fd); /* one debugger at a time */
        return;
    }
    int one = 1;
    /* packets are small and answered one at a time */
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    s->cfd = fd;
    if (emu_gdb_new(s->m, send_all, s, &s->session) != EMU_OK) {
        close(fd);
        s->cfd = -1;
    }
}

emu_status emu_gdb_server_poll(emu_gdb_server *s, int timeout_ms)
{
    if (!s)
        return EMU_ERR_INVALID;
    if (s->broken)
        drop_client(s, false);
    struct pollfd pf[2] = {{.fd = s->lfd, .events = POLLIN},
                           {.fd = s->cfd, .events = POLLIN}};
    int n = poll(pf, s->cfd >= 0 ? 2 : 1, timeout_ms);
    if (n < 0)
        return errno == EINTR ? EMU_OK : EMU_ERR_IO;
    if (pf[0].revents & (POLLERR | POLLNVAL))
        return EMU_ERR_IO;
    if (s->cfd >= 0 && pf[1].revents) {
        char buf[4096];
        ssize_t got = recv(s->cfd, buf, sizeof(buf), 0);
        if (got > 0)
            emu_gdb_input(s->session, buf, (size_t)got);
        else if (got == 0 ||
                 (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK))
            s->broken = true; /* closed: the guest runs on */
        emu_gdb_state st = emu_gdb_get_state(s->session);
        if (st == EMU_GDB_DETACHED || s->broken)
            drop_client(s, false);
    }
    if (pf[0].revents & POLLIN)
        accept_client(s);
    return EMU_OK;
}

void emu_gdb_server_close(emu_gdb_server *s)
{
    if (!s)
        return;
    drop_client(s, true);
    close(s->lfd);
    free(s);
}
