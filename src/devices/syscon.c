/*
 * SiFive test finisher. The device has no state of its own: a write is a
 * command, handed to the board through the action callback. What a
 * command means for the run (stop, exit status, reset) is the board's and
 * the frontend's policy.
 */
#include <stdlib.h>

#include "devices/syscon.h"

#define FINISHER_FAIL 0x3333
#define FINISHER_PASS 0x5555
#define FINISHER_RESET 0x7777

struct dev_syscon {
    void (*action)(void *ctx, dev_syscon_action what, unsigned code);
    void *ctx;
};

dev_syscon *dev_syscon_new(void (*action)(void *ctx, dev_syscon_action what,
                                          unsigned code),
                           void *ctx)
{
    dev_syscon *s = calloc(1, sizeof(*s));
    if (!s) return NULL;
    s->action = action;
    s->ctx = ctx;
    return s;
}

void dev_syscon_free(dev_syscon *s)
{
    free(s);
}

static bool access_ok(uint64_t off, unsigned size)
{
    /* OpenSBI's sifive_test driver writes the command with a 16-bit store */
    return off == 0 && (size == 2 || size == 4 || size == 8);
}

static bool syscon_read(void *dev, uint64_t off, unsigned size, uint64_t *val)
{
    if (!access_ok(off, size)) return false;
    *val = 0;
    return true;
}

static bool syscon_write(void *dev, uint64_t off, unsigned size, uint64_t val)
{
    dev_syscon *s = dev;
    if (!access_ok(off, size)) return false;
    unsigned status = (unsigned)(val & 0xffff);
    unsigned code = (unsigned)((val >> 16) & 0xffff);
    if (!s->action) return true;
    switch (status) {
    case FINISHER_PASS: s->action(s->ctx, DEV_SYSCON_POWEROFF, 0); break;
    case FINISHER_FAIL: s->action(s->ctx, DEV_SYSCON_FAIL, code); break;
    case FINISHER_RESET: s->action(s->ctx, DEV_SYSCON_RESET, 0); break;
    default: break; /* not a command: ignored, as QEMU does */
    }
    return true;
}

static void syscon_reset(void *dev) {}

const dev_ops dev_syscon_ops = {
    .name = "syscon",
    .read = syscon_read,
    .write = syscon_write,
    .reset = syscon_reset,
};
