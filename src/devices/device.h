/*
 * The device interface. A device is a struct with its own state and a small
 * table of operations; it knows its registers and its interrupt lines, not
 * the board it sits on.
 */
#ifndef DEVICES_DEVICE_H
#define DEVICES_DEVICE_H

#include <stdbool.h>
#include <stdint.h>

typedef struct dev_ops {
    const char *name;
    /* Access of size 1, 2, 4 or 8 at byte offset off inside the device's
     * region. Returning false makes the access fault in the guest. */
    bool (*read)(void *dev, uint64_t off, unsigned size, uint64_t *val);
    bool (*write)(void *dev, uint64_t off, unsigned size, uint64_t val);
    void (*reset)(void *dev);
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
