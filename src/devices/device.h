/*
 * The device interface. A device is a struct with its own state and a small
 * table of operations; it knows its registers and its interrupt lines, not
 * the board it sits on.
 */
#ifndef DEVICES_DEVICE_H
#define DEVICES_DEVICE_H

#include <stdbool.h>
#include <stdint.h>

struct snap_w;
struct snap_r;

typedef struct dev_ops {
    const char *name;
    /* Access of size 1, 2, 4 or 8 at byte offset off inside the device's
     * region. Returning false makes the access fault in the guest. */
    bool (*read)(void *dev, uint64_t off, unsigned size, uint64_t *val);
    bool (*write)(void *dev, uint64_t off, unsigned size, uint64_t val);
    void (*reset)(void *dev);
    /*
     * Snapshots (machine/snapshot.h), optional: a device without state of
     * its own has neither. save appends the device's state; load reads
     * what save wrote. load runs twice: with commit false it only parses
     * and checks (the device must not change), and only when every part
     * of the snapshot passed that, again with commit true to apply it,
     * which then cannot fail. Interrupt lines are driven again from the
     * loaded state.
     */
    void (*save)(void *dev, struct snap_w *w);
    bool (*load)(void *dev, struct snap_r *r, bool commit);
} dev_ops;

/*
 * An interrupt line from a device to an interrupt controller input. The
 * board wires it (for example to a PLIC source); the device only drives
 * the level. Lines are level-sensitive: the device holds the level high
 * while it wants service. An unwired line (set == NULL) goes nowhere.
 */
typedef struct dev_irq {
    void (*set)(void *ctl, unsigned line, bool level);
    void *ctl;
    unsigned line;
} dev_irq;

static inline void dev_irq_set(const dev_irq *irq, bool level)
{
    if (irq->set)
        irq->set(irq->ctl, irq->line, level);
}

#endif
