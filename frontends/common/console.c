/*
 * Guest console on the host terminal. In raw mode every key, Ctrl-C
 * included, goes to the guest; Ctrl-A starts an escape as in QEMU's
 * -nographic (Ctrl-A x quits, Ctrl-A h lists the escapes, Ctrl-A s saves
 * a screenshot when the frontend has a display, Ctrl-A w a snapshot when
 * asked for one, Ctrl-A Ctrl-A sends a
 * Ctrl-A). The terminal settings are restored by console_close(),
 * which runs at exit and from the handlers of fatal signals.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "console.h"

#define CTRL_A 0x01

static emu_machine *machine;
static const char *prog_name = "emu";
static void (*screenshot_fn)(void *);
static void *screenshot_ctx;
static void (*snapshot_fn)(void *);
static void *snapshot_ctx;
static bool is_tty, raw, eof;
static struct termios saved;
static bool escape;           /* the previous key was Ctrl-A */
static unsigned char pending[4096];
static size_t npending, pend_off;

void console_close(void)
{
    if (raw) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        raw = false;
    }
}

static void on_fatal(int sig)
{
    console_close();
    signal(sig, SIG_DFL);
    raise(sig);
}

void console_open(emu_machine *m, const char *prog,
                  void (*screenshot)(void *ctx), void *ctx)
{
    machine = m;
    prog_name = prog;
    screenshot_fn = screenshot;
    screenshot_ctx = ctx;
    is_tty = isatty(STDIN_FILENO);
    if (is_tty && tcgetattr(STDIN_FILENO, &saved) == 0) {
        struct termios t = saved;
        /* raw input: no line editing, echo or signals from keys; output
         * processing stays on so a bare '\n' still starts a new line */
        t.c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR |
                                 IGNCR | ICRNL | IXON);
        t.c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
        t.c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
        t.c_cflag |= CS8;
        t.c_cc[VMIN] = 1;
        t.c_cc[VTIME] = 0;
        if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0) {
            raw = true;
            atexit(console_close);
            static const int fatal[] = {SIGTERM, SIGHUP, SIGQUIT, SIGSEGV,
                                        SIGBUS, SIGABRT, SIGFPE, SIGILL};
            for (size_t i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
                signal(fatal[i], on_fatal);
        }
    }
    int fl = fcntl(STDIN_FILENO, F_GETFL);
    if (fl >= 0)
        fcntl(STDIN_FILENO, F_SETFL, fl | O_NONBLOCK);
}

void console_set_snapshot(void (*save)(void *ctx), void *ctx)
{
    snapshot_fn = save;
    snapshot_ctx = ctx;
}

static void help(void)
{
    fprintf(stderr, "\r\nC-a h    print this help\r\n"
                    "C-a x    exit %s\r\n", prog_name);
    if (screenshot_fn)
        fprintf(stderr, "C-a s    save a screenshot (--screenshot)\r\n");
    if (snapshot_fn)
        fprintf(stderr, "C-a w    save a snapshot (--save-snapshot)\r\n");
    fprintf(stderr, "C-a C-a  send C-a to the guest\r\n");
}

/* Apply the escapes to freshly read bytes, in place; false on quit. */
static bool filter(unsigned char *buf, size_t *len)
{
    if (!raw)
        return true;
    size_t out = 0;
    for (size_t i = 0; i < *len; i++) {
        unsigned char c = buf[i];
        if (escape) {
            escape = false;
            if (c == 'x' || c == 'X') {
                fprintf(stderr, "\r\n%s: terminated by C-a x\r\n", prog_name);
                *len = out;
                return false;
            }
            if (c == 'h' || c == 'H' || c == '?')
                help();
            else if ((c == 's' || c == 'S') && screenshot_fn)
                screenshot_fn(screenshot_ctx);
            else if ((c == 'w' || c == 'W') && snapshot_fn)
                snapshot_fn(snapshot_ctx);
            else if (c == CTRL_A)
                buf[out++] = c;
            continue;
        }
        if (c == CTRL_A)
            escape = true;
        else
            buf[out++] = c;
    }
    *len = out;
    return true;
}

bool console_pump(int timeout_ms)
{
    bool go_on = true;
    if (npending == pend_off && !eof) {
        npending = pend_off = 0;
        if (timeout_ms != 0) {
            struct pollfd p = {STDIN_FILENO, POLLIN, 0};
            poll(&p, 1, timeout_ms);
        }
        ssize_t n = read(STDIN_FILENO, pending, sizeof(pending));
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
            eof = true;
        else if (n > 0) {
            size_t len = (size_t)n;
            go_on = filter(pending, &len);
            npending = len;
        }
    }
    if (npending > pend_off)
        pend_off += emu_console_input(machine, pending + pend_off,
                                      npending - pend_off);
    return go_on;
}

bool console_has_input(void) { return npending > pend_off || !eof; }
