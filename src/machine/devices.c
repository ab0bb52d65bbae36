/*
 * Devices added at run time (emu_device_add): the option string is parsed
 * once here, the model is built by its own file, and a virtio model is put
 * behind the first free virtio-mmio slot of the virt board.
 */
#include <stdio.h>
#include <string.h>

#include "devices/virtio_mmio.h"
#include "devices/virtio_models.h"
#include "machine/machine.h"
#include "machine/opts.h"
#include "machine/virt.h"

static const struct {
    const char *kind;
    virtio_create_fn create;
} virtio_kinds[] = {
    {"drive", virtio_blk_create},
    {"net", virtio_net_create},
    {"rng", virtio_rng_create},
    {"console", virtio_console_create},
    {"keyboard", virtio_input_create},
    {"tablet", virtio_input_create},
    {"mouse", virtio_input_create},
};

static void host_console_out(void *ctx, const char *buf, size_t len)
{
    machine_console(ctx, buf, len);
}

static emu_status add_virtio(emu_machine *m, virtio_create_fn create,
                             dev_opts *o, char *err, size_t errlen)
{
    /* a slot is taken when it has ops: a model's state may be NULL (rng) */
    unsigned slot = 0;
    const virtio_ops *taken = NULL;
    while (slot < VIRT_VIRTIO_SLOTS &&
           (dev_virtio_mmio_model(m->virtio[slot], &taken), taken))
        slot++;
    if (slot == VIRT_VIRTIO_SLOTS) {
        snprintf(err, errlen, "%s: all %d virtio-mmio slots are taken", o->kind,
                 VIRT_VIRTIO_SLOTS);
        return EMU_ERR_RANGE;
    }
    const virtio_host host = {host_console_out, m};
    const virtio_ops *ops = NULL;
    void *model = NULL;
    emu_status st = create(o, &host, &ops, &model, err, errlen);
    if (st != EMU_OK)
        return st;
    if (!opts_all_used(o, err, errlen)) {
        ops->free(model);
        return EMU_ERR_INVALID;
    }
    if (!dev_virtio_mmio_attach(m->virtio[slot], ops, model)) {
        snprintf(err, errlen, "%s: the model does not fit the transport", o->kind);
        ops->free(model);
        return EMU_ERR_INVALID;
    }
    machine_log(m, EMU_LOG_INFO, "%s (%s) in virtio-mmio slot %u", o->kind,
                ops->name, slot);
    return EMU_OK;
}

emu_status emu_device_add(emu_machine *m, const char *kind, const char *options)
{
    if (!m || !kind)
        return EMU_ERR_INVALID;
    if (m->cfg.board != EMU_BOARD_VIRT)
        return machine_error(m, EMU_ERR_UNSUPPORTED,
                             "%s: devices can be added to the virt board only", kind);
    char err[256] = "";
    dev_opts o;
    if (!opts_parse(&o, kind, options, err, sizeof(err)))
        return machine_error(m, EMU_ERR_INVALID, "%s", err);
    emu_status st = EMU_ERR_INVALID;
    bool known = false;
    if (!strcmp(kind, "display")) {
        known = true;
        st = display_add(m, &o, err, sizeof(err));
        if (st == EMU_OK && !opts_all_used(&o, err, sizeof(err)))
            st = EMU_ERR_INVALID; /* display_add checks before it allocates */
    }
    for (size_t i = 0; !known && i < sizeof(virtio_kinds) / sizeof(virtio_kinds[0]); i++)
        if (!strcmp(kind, virtio_kinds[i].kind)) {
            known = true;
            st = add_virtio(m, virtio_kinds[i].create, &o, err, sizeof(err));
        }
    opts_free(&o);
    if (!known)
        return machine_error(m, EMU_ERR_INVALID,
                             "unknown device kind '%s' (drive, net, rng, console, "
                             "keyboard, tablet, mouse, display)", kind);
    if (st != EMU_OK)
        return machine_error(m, st, "%s", err);
    return EMU_OK;
}

emu_status emu_input_event(emu_machine *m, unsigned type, unsigned code,
                           int32_t value)
{
    if (!m)
        return EMU_ERR_INVALID;
    bool taken = false;
    for (unsigned i = 0; i < VIRT_VIRTIO_SLOTS && m->virtio[i]; i++) {
        const virtio_ops *ops;
        void *model = dev_virtio_mmio_model(m->virtio[i], &ops);
        if (model && ops->device_id == VIRTIO_ID_INPUT)
            taken |= virtio_input_event(model, dev_virtio_mmio_dev(m->virtio[i]),
                                        type, code, value);
    }
    return taken ? EMU_OK : EMU_ERR_NOT_FOUND;
}
