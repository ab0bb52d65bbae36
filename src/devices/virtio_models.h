/*
 * The virtio device models and how the machine creates them from an
 * option string (emu_device_add()). Each model lives in its own file and
 * knows only virtio.h and its host resource (a file, a socket, the random
 * source); the machine puts it behind a free virtio-mmio slot.
 */
#ifndef DEVICES_VIRTIO_MODELS_H
#define DEVICES_VIRTIO_MODELS_H

#include <stddef.h>

#include "devices/virtio.h"
#include "libemu/libemu.h"
#include "machine/opts.h"

/* What a model may need from the machine. */
typedef struct virtio_host {
    /* the machine's console output (virtio-console port 0) */
    void (*console_out)(void *ctx, const char *buf, size_t len);
    void *ctx;
} virtio_host;

/*
 * Build a model from its options (every option must be consumed with
 * opts_get() and friends; the caller rejects leftovers). On success
 * *ops and *model are set; on failure err says why and nothing is kept.
 */
typedef emu_status (*virtio_create_fn)(dev_opts *o, const virtio_host *host,
                                       const virtio_ops **ops, void **model,
                                       char *err, size_t errlen);

emu_status virtio_blk_create(dev_opts *o, const virtio_host *host,
                             const virtio_ops **ops, void **model, char *err,
                             size_t errlen);
emu_status virtio_net_create(dev_opts *o, const virtio_host *host,
                             const virtio_ops **ops, void **model, char *err,
                             size_t errlen);
emu_status virtio_rng_create(dev_opts *o, const virtio_host *host,
                             const virtio_ops **ops, void **model, char *err,
                             size_t errlen);
emu_status virtio_console_create(dev_opts *o, const virtio_host *host,
                                 const virtio_ops **ops, void **model,
                                 char *err, size_t errlen);
/* kind is "keyboard", "tablet" or "mouse" (o->kind) */
emu_status virtio_input_create(dev_opts *o, const virtio_host *host,
                               const virtio_ops **ops, void **model,
                               char *err, size_t errlen);

/* Host input for virtio-console port 0; returns the bytes taken. */
size_t virtio_console_input(void *model, virtio_dev *v, const void *buf,
                            size_t len);
/* One evdev event for a virtio-input model; false if it is not the kind
 * of event this device reports (a key for a tablet, say). */
bool virtio_input_event(void *model, virtio_dev *v, unsigned type,
                        unsigned code, int32_t value);

#endif
