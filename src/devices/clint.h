/* CLINT: per-hart msip and mtimecmp, and the shared mtime (SiFive layout). */
#ifndef DEVICES_CLINT_H
#define DEVICES_CLINT_H

#include <stdint.h>

#include "devices/device.h"

struct emu_machine;
struct rv_cpu;
typedef struct dev_clint dev_clint;

#define CLINT_SIZE 0x10000

extern const dev_ops dev_clint_ops;

dev_clint *dev_clint_new(struct emu_machine *m, unsigned nharts,
                         uint32_t insns_per_tick);
void dev_clint_free(dev_clint *c);
/* mtime as seen by a hart that has been scheduled for `steps` steps. */
uint64_t dev_clint_mtime(const dev_clint *c, uint64_t steps);
/* mtime as a hart reads it: never behind what another hart has read. */
uint64_t dev_clint_read_mtime(dev_clint *c, uint64_t steps);
/* Re-evaluate MTIP of a hart (mtime >= mtimecmp), and STIP when Sstc's
 * stimecmp drives it. */
void dev_clint_update(dev_clint *c, struct rv_cpu *cpu);
/* Steps the hart may run before a timer interrupt (mtimecmp, or stimecmp
 * under Sstc) becomes pending (UINT64_MAX: none ahead). */
uint64_t dev_clint_steps_to_event(const dev_clint *c, const struct rv_cpu *cpu);
/* A timer compare value of the running hart changed: end its slice if the
 * next event now comes before the slice's planned end. */
void dev_clint_event_moved(dev_clint *c, struct rv_cpu *cpu);

#endif
