/*
 * The terminal side of the guest console: stdin in raw mode with
 * QEMU-style Ctrl-A escapes when it is a terminal, a plain byte stream
 * otherwise. The terminal's settings are restored at exit, on fatal
 * signals and on crashes.
 */
#ifndef FE_CONSOLE_H
#define FE_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>

#include "libemu/libemu.h"

/* Take over stdin for machine m. prog names the program in messages
 * ("emu"). screenshot, when not NULL, is called for Ctrl-A s. */
void console_open(emu_machine *m, const char *prog,
                  void (*screenshot)(void *ctx), void *ctx);
/* Ctrl-A w calls save(ctx) (to save a snapshot); NULL: no such key. */
void console_set_snapshot(void (*save)(void *ctx), void *ctx);
/* Put the terminal back (safe to call more than once). */
void console_close(void);
/*
 * Move typed bytes into the guest: read what stdin has (waiting up to
 * timeout_ms for something to arrive, -1 = forever, 0 = not at all) and
 * offer it to the UART. Returns false when the user asked to quit
 * (Ctrl-A x).
 */
bool console_pump(int timeout_ms);
/* True while there are bytes the guest has not taken yet, or stdin may
 * still deliver more. */
bool console_has_input(void);

#endif
