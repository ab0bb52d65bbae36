/*
 * virtio-mmio transport, version 2 (virtio 1.2 section 4.2). A slot with
 * no device model attached identifies itself with DeviceID 0, which
 * drivers read as "nothing here" and skip, exactly as on QEMU's virt
 * board. With a model attached it is a full modern transport: feature
 * negotiation, the status state machine, split virtqueues (indirect
 * descriptors, event index), used-buffer and configuration-change
 * interrupts on its line, and reset. See virtio.h for the model side.
 */
#ifndef DEVICES_VIRTIO_MMIO_H
#define DEVICES_VIRTIO_MMIO_H

#include "devices/device.h"
#include "devices/virtio.h"

struct bus;
typedef struct dev_virtio_mmio dev_virtio_mmio;

#define VIRTIO_MMIO_SIZE 0x1000
#define VIRTIO_MMIO_MAGIC 0x74726976u /* "virt" */
#define VIRTIO_MMIO_VENDOR 0x554d454cu /* "LEMU" */

extern const dev_ops dev_virtio_mmio_ops;

/* log(ctx, level, msg) reports guest misuse (level as emu_log_level). */
typedef void (*dev_virtio_log_fn)(void *ctx, int level, const char *msg);

/* A transport whose queues live in b's RAM, interrupting on irq. */
dev_virtio_mmio *dev_virtio_mmio_new(dev_irq irq, struct bus *b,
                                     dev_virtio_log_fn log, void *log_ctx);
/* Frees the attached model too. */
void dev_virtio_mmio_free(dev_virtio_mmio *t);

/* Put a device model behind the transport (once; the slot must be empty).
 * Returns false if ops asks for more than the transport supports. */
bool dev_virtio_mmio_attach(dev_virtio_mmio *t, const virtio_ops *ops,
                            void *model);
/* The attached model and its ops (NULL, NULL for an empty slot). */
void *dev_virtio_mmio_model(const dev_virtio_mmio *t, const virtio_ops **ops);
/* The model's host-side work (virtio_ops.poll); a no-op without one. */
void dev_virtio_mmio_poll(dev_virtio_mmio *t, int timeout_ms);
/* The transport state a model's functions take (virtio.h). */
virtio_dev *dev_virtio_mmio_dev(dev_virtio_mmio *t);

#endif
