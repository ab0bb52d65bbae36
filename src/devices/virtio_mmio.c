/*
 * An empty virtio-mmio slot. virtio 1.2 4.2.2: MagicValue (0x000),
 * Version (0x004) and DeviceID (0x008) tell a driver what sits there; a
 * DeviceID of 0 means no device, and the driver must not touch the rest.
 * Every other register reads 0 and ignores writes, so a guest that pokes
 * anyway sees a dead slot rather than a bus error.
 */
#include <stdlib.h>

#include "devices/virtio_mmio.h"

struct dev_virtio_mmio {
    dev_irq irq;
};

dev_virtio_mmio *dev_virtio_mmio_new(dev_irq irq)
{
    dev_virtio_mmio *v = calloc(1, sizeof(*v));
    if (v)
        v->irq = irq;
    return v;
}

void dev_virtio_mmio_free(dev_virtio_mmio *v) { free(v); }

static bool vm_read(void *dev, uint64_t off, unsigned size, uint64_t *val)
{
    /* the registers are 32 bits wide and 32-bit aligned (4.2.2) */
    if (size != 4 || (off & 3))
        return false;
    switch (off) {
    case 0x000: *val = VIRTIO_MMIO_MAGIC; break;
    case 0x004: *val = 2; break;
    case 0x008: *val = 0; break;
    case 0x00c: *val = VIRTIO_MMIO_VENDOR; break;
    default: *val = 0; break;
    }
    return true;
}

static bool vm_write(void *dev, uint64_t off, unsigned size, uint64_t val)
{
    return size == 4 && !(off & 3);
}

static void vm_reset(void *dev)
{
    dev_virtio_mmio *v = dev;
    dev_irq_set(&v->irq, false);
}

const dev_ops dev_virtio_mmio_ops = {
    .name = "virtio-mmio",
    .read = vm_read,
    .write = vm_write,
    .reset = vm_reset,
};
