/* Placeholder until the framebuffer lands (issue 6). */
#include <stdio.h>

#include "machine/machine.h"
#include "machine/opts.h"

emu_status display_add(emu_machine *m, struct dev_opts *o, char *err,
                       size_t errlen)
{
    snprintf(err, errlen, "display: not built yet");
    return EMU_ERR_UNSUPPORTED;
}

void display_free(emu_machine *m) {}

emu_status emu_display_get(emu_machine *m, emu_display *d)
{
    return EMU_ERR_NOT_FOUND;
}

emu_status emu_display_save(emu_machine *m, const char *path)
{
    return EMU_ERR_NOT_FOUND;
}
