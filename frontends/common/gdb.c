/* The frontends' GDB server loop (gdb.h). */
#include "gdb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontend.h"
#include "libemu/gdbstub.h"

/* Instructions between looks at the socket: a Ctrl-C from GDB waits at
 * most this long, and short enough runs keep the console responsive. */
#define CHUNK 100000

bool fe_gdb_parse(const char *spec, char *host, size_t hostlen,
                  unsigned *port)
{
    const char *p = spec;
    host[0] = 0;
    if (!strncmp(p, "tcp:", 4)) {
        p += 4;
        const char *colon = strrchr(p, ':');
        if (!colon || (size_t)(colon - p) >= hostlen)
            return false;
        memcpy(host, p, (size_t)(colon - p));
        host[colon - p] = 0;
        p = colon + 1;
    }
    char *end;
    unsigned long v = strtoul(p, &end, 10);
    if (!*p || *end || v > 65535)
        return false;
    *port = (unsigned)v;
    return true;
}

int fe_gdb_run(emu_machine *m, const fe_gdb_loop *l, emu_exit *e, bool *quit)
{
    char host[256], err[512];
    unsigned port = 0;
    emu_gdb_server *srv;
    *quit = false;
    memset(e, 0, sizeof(*e));
    fe_gdb_parse(l->spec, host, sizeof(host), &port);
    if (emu_gdb_server_open(m, host, port, &srv, err, sizeof(err)) != EMU_OK) {
        fprintf(stderr, "%s: gdb: %s\n", l->prog, err);
        return FE_EXIT_LOAD;
    }
    fprintf(stderr, "%s: gdb: listening on %s:%u%s\n", l->prog,
            host[0] ? host : "localhost", emu_gdb_server_port(srv),
            l->wait ? ", waiting for a connection" : "");
    while (l->wait && !emu_gdb_server_session(srv) && !*l->interrupted) {
        if (emu_gdb_server_poll(srv, 100) != EMU_OK ||
            (l->pump && !l->pump(l->ctx, 0))) {
            *quit = true;
            break;
        }
    }
    while (!*quit) {
        if (*l->interrupted) {
            e->reason = EMU_EXIT_STOPPED;
            break;
        }
        emu_gdb *g = emu_gdb_server_session(srv);
        emu_gdb_state st = g ? emu_gdb_get_state(g) : EMU_GDB_DETACHED;
        if (st == EMU_GDB_KILLED) {
            e->reason = EMU_EXIT_HALT;
            e->code = 0;
            break;
        }
        bool waiting = g && st != EMU_GDB_RUNNING;
        if (l->pump && !l->pump(l->ctx, 0)) {
            *quit = true;
            break;
        }
        if (waiting) {
            /* the debugger holds the guest: sleep until it says more */
            emu_gdb_server_poll(srv, l->pump ? 20 : 200);
            continue;
        }
        if (g)
            emu_gdb_run(g, CHUNK, e);
        else
            emu_run(m, CHUNK, e);
        /* under a debugger, a halt has been reported to it, and a host
         * error left the guest stopped for a look */
        if (e->reason == EMU_EXIT_HALT ||
            (!g && e->reason == EMU_EXIT_HOST_ERROR))
            break;
        /* a guest stuck in wfi with no debugger waits for one */
        bool idle = !g && e->reason == EMU_EXIT_IDLE;
        emu_gdb_server_poll(srv, idle ? 50 : 0);
    }
    emu_gdb_server_close(srv);
    return 0;
}
