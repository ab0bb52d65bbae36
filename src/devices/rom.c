/*
 * Read-only memory. Reads of any size inside the region return its bytes
 * (so harts can fetch and run code from it); writes are ignored, as a ROM
 * chip ignores them, rather than faulting.
 */
#include <stdlib.h>

#include "devices/rom.h"
#include "machine/bus.h"

struct dev_rom {
    size_t size;
    uint8_t data[];
};

dev_rom *dev_rom_new(size_t size)
{
    dev_rom *r = calloc(1, sizeof(*r) + size);
    if (r)
        r->size = size;
    return r;
}

void dev_rom_free(dev_rom *r) { free(r); }

uint8_t *dev_rom_data(dev_rom *r) { return r->data; }

static bool rom_read(void *dev, uint64_t off, unsigned size, uint64_t *val)
{
    dev_rom *r = dev;
    if (off > r->size || size > r->size - off)
        return false;
    *val = ld_le(r->data + off, size);
    return true;
}

static bool rom_write(void *dev, uint64_t off, unsigned size, uint64_t val)
{
    return true;
}

const dev_ops dev_rom_ops = {
    .name = "rom",
    .read = rom_read,
    .write = rom_write,
};
