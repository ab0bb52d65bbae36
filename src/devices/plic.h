/*
 * RISC-V Platform-Level Interrupt Controller in the SiFive layout of the
 * riscv-plic-spec 1.0.0 (what QEMU's virt board and its "riscv,plic0"
 * device-tree node describe):
 *   0x000000 + 4 * source              priority (3 bits, WARL: 0..7)
 *   0x001000 + 4 * word                pending bits (read-only)
 *   0x002000 + 0x80 * ctx + 4 * word   enable bits of a context
 *   0x200000 + 0x1000 * ctx            priority threshold (3 bits, WARL)
 *   0x200004 + 0x1000 * ctx            claim (read) / complete (write)
 *
 * Sources are 1..nsources-1 (source 0 does not exist; its priority and
 * enable bits are hardwired 0, as are those of sources >= nsources). The
 * interrupt inputs are level-triggered.
 *
 * Accesses: 4-byte aligned accesses to the registers above; an 8-byte
 * aligned access is two 4-byte ones, lower address first, when both halves
 * are registers. Offsets of registers the spec defines but this instance
 * lacks (sources >= nsources) read 0 and ignore writes, as do writes to the
 * pending bits. Everything else (other sizes, misaligned, reserved gaps,
 * contexts >= ncontexts) fails: the ops return false.
 *
 * The output of each context (its hart's MEIP or SEIP) goes to
 * notify(ctx, context, level), called only when that output changes, and
 * for every context (with level false) by the reset op so the board can
 * resynchronise. Creation does not call it: outputs start low, like a
 * hart's interrupt-pending bits.
 */
#ifndef DEVICES_PLIC_H
#define DEVICES_PLIC_H

#include <stdbool.h>
#include <stdint.h>

#include "devices/device.h"

typedef struct dev_plic dev_plic;

/* Limits from the spec's register map. */
#define DEV_PLIC_MAX_SOURCES 1024
#define DEV_PLIC_MAX_CONTEXTS 15872
/* Priorities and thresholds: 3 bits, 0..7, as QEMU's virt. */
#define DEV_PLIC_PRIO_MAX 7

extern const dev_ops dev_plic_ops;

/* A PLIC with sources 1..nsources-1 and contexts 0..ncontexts-1, in its
 * reset state. NULL when out of memory or when nsources (1..1024) or
 * ncontexts (1..15872) is out of range. */
dev_plic *dev_plic_new(unsigned nsources, unsigned ncontexts,
                       void (*notify)(void *ctx, unsigned context, bool level),
                       void *ctx);
void dev_plic_free(dev_plic *p);

/* Drive the level of an interrupt source (the dev_irq.set signature: wire a
 * device's line with { dev_plic_set_irq, plic, source }). Sources 0 and
 * >= nsources are ignored. */
void dev_plic_set_irq(void *plic, unsigned source, bool level);

#endif
