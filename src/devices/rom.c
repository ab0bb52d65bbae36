/*
 * Read-only memory. Reads of any size inside the region return its bytes
 * (so harts can fetch and run code from it); writes are ignored, as a ROM
 * chip ignores them, rather than faulting.
 */
#include <stdlib.h>
#include <string.h>

#include "devices/rom.h"
#include "machine/bus.h"
#include "machine/snapshot.h"

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

/* emu_boot() writes the ROM (reset vector, fw_dynamic_info); a machine
 * restored without booting needs it too. Mostly zeros: the bytes up to
 * the last non-zero one are enough. */
static void rom_save(void *dev, snap_w *w)
{
    dev_rom *r = dev;
    size_t n = r->size;
    while (n && !r->data[n - 1])
        n--;
    snap_put_u64(w, n);
    snap_put_bytes(w, r->data, n);
}

static bool rom_load(void *dev, snap_r *sr, bool commit)
{
    dev_rom *r = dev;
    uint64_t n = snap_get_u64(sr);
    if (n > r->size || n > sr->len - sr->off)
        return snap_fail(sr, "rom: %llu bytes do not fit",
                         (unsigned long long)n);
    if (!commit) {
        sr->off += n;
        return snap_ok(sr);
    }
    snap_get_bytes(sr, r->data, n);
    memset(r->data + n, 0, r->size - n);
    return true;
}

const dev_ops dev_rom_ops = {
    .name = "rom",
    .read = rom_read,
    .write = rom_write,
    .save = rom_save,
    .load = rom_load,
};
