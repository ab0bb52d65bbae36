/*
 * virtio-mmio transport (virtio 1.2 section 4.2). For now a slot with no
 * device behind it: the registers identify a version 2 transport with
 * DeviceID 0, which drivers read as "nothing here" and skip, exactly as on
 * QEMU's virt board. Devices come with the virtio work.
 */
#ifndef DEVICES_VIRTIO_MMIO_H
#define DEVICES_VIRTIO_MMIO_H

#include "devices/device.h"

typedef struct dev_virtio_mmio dev_virtio_mmio;

#define VIRTIO_MMIO_SIZE 0x1000
#define VIRTIO_MMIO_MAGIC 0x74726976u /* "virt" */
#define VIRTIO_MMIO_VENDOR 0x554d454cu /* "LEMU" */

extern const dev_ops dev_virtio_mmio_ops;

dev_virtio_mmio *dev_virtio_mmio_new(dev_irq irq);
void dev_virtio_mmio_free(dev_virtio_mmio *v);

#endif
