/*
 * The frontends' GDB server: -s, -gdb tcp::PORT and -S (frontend.c parses
 * them), and the run loop that serves a debugger while the guest runs.
 */
#ifndef FE_GDB_H
#define FE_GDB_H

#include <signal.h>
#include <stdbool.h>

#include "libemu/libemu.h"

/* Split QEMU's "tcp::PORT" / "tcp:HOST:PORT" (or a bare PORT); false
 * when spec is not one of those. host gets "" for the default. */
bool fe_gdb_parse(const char *spec, char *host, size_t hostlen,
                  unsigned *port);

typedef struct fe_gdb_loop {
    const char *prog; /* for messages */
    const char *spec; /* checked by fe_gdb_parse() */
    bool wait;        /* -S: wait for the debugger before the first step */
    /* serve the console and window for up to timeout_ms; false when the
     * user quit. May be NULL. */
    bool (*pump)(void *ctx, int timeout_ms);
    void *ctx;
    volatile sig_atomic_t *interrupted; /* set by SIGINT */
} fe_gdb_loop;

/*
 * Run m, serving a debugger, until the guest halts, the debugger kills it,
 * the user quits (*quit) or interrupts. *e says how the run ended, as
 * emu_run() would (a kill is a halt with status 0). Returns 0, or an exit
 * status when the server cannot start.
 */
int fe_gdb_run(emu_machine *m, const fe_gdb_loop *l, emu_exit *e, bool *quit);

#endif
