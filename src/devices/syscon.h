/*
 * The SiFive test finisher ("sifive,test0"; QEMU virt's "test" device,
 * which Linux's syscon-poweroff/syscon-reboot and OpenSBI drive). One
 * register at offset 0: writing low 16 bits
 *   0x5555  powers off with status 0,
 *   0x3333  fails with code = value >> 16 (bits 31..16),
 *   0x7777  resets the machine;
 * any other value is ignored, as QEMU ignores it. Reads return 0.
 *
 * Accesses: 2, 4 or 8 bytes at offset 0 (a 2-byte write is the command
 * with code 0, which is how OpenSBI's sifive_test driver powers off; the
 * upper 32 bits of an 8-byte write are ignored, so an RV64 `sd` behaves
 * like `sw`). Other sizes and offsets fail (the ops return false).
 */
#ifndef DEVICES_SYSCON_H
#define DEVICES_SYSCON_H

#include "devices/device.h"

typedef struct dev_syscon dev_syscon;

typedef enum dev_syscon_action {
    DEV_SYSCON_POWEROFF,
    DEV_SYSCON_FAIL,
    DEV_SYSCON_RESET,
} dev_syscon_action;

extern const dev_ops dev_syscon_ops;

/* A finisher that reports commands through action(ctx, what, code); code
 * is 0 for DEV_SYSCON_POWEROFF and DEV_SYSCON_RESET. action may be NULL.
 * NULL when out of memory. */
dev_syscon *dev_syscon_new(void (*action)(void *ctx, dev_syscon_action what,
                                          unsigned code),
                           void *ctx);
void dev_syscon_free(dev_syscon *s);

#endif
