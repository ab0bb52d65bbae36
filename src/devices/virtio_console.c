/* Placeholder until the model lands (issue 6). */
#include <stdio.h>

#include "devices/virtio_models.h"

emu_status virtio_console_create(dev_opts *o, const virtio_host *host,
                                 const virtio_ops **ops, void **model,
                                 char *err, size_t errlen)
{
    snprintf(err, errlen, "%s: not built yet", o->kind);
    return EMU_ERR_UNSUPPORTED;
}

size_t virtio_console_input(void *model, virtio_dev *v, const void *buf,
                            size_t len)
{
    return 0;
}
