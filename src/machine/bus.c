/* The physical bus: RAM fast path and device regions. */
#include <stdlib.h>
#include <string.h>

#include "machine/bus.h"

bool bus_init(bus *b, uint64_t ram_base, uint64_t ram_size)
{
    memset(b, 0, sizeof(*b));
    if (ram_size == 0 || ram_base + ram_size < ram_base)
        return false;
    /* calloc: the guest sees zeroed RAM, and untouched pages cost nothing. */
    b->ram = calloc(1, ram_size);
    if (!b->ram)
        return false;
    b->ram_base = ram_base;
    b->ram_size = ram_size;
    return true;
}

void bus_free(bus *b)
{
    free(b->ram);
    b->ram = NULL;
}

static bool overlaps(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
    return a < b + blen && b < a + alen;
}

bool bus_add_region(bus *b, uint64_t base, uint64_t size, const dev_ops *ops,
                    void *dev)
{
    if (b->nregions == BUS_MAX_REGIONS || size == 0 || base + size < base)
        return false;
    if (overlaps(base, size, b->ram_base, b->ram_size))
        return false;
    for (unsigned i = 0; i < b->nregions; i++)
        if (overlaps(base, size, b->regions[i].base, b->regions[i].size))
            return false;
    b->regions[b->nregions++] = (bus_region){base, size, ops, dev};
    return true;
}

bool bus_add_watch(bus *b, uint64_t base, uint64_t size,
                   void (*written)(void *, uint64_t, unsigned), void *dev)
{
    if (b->nwatches == BUS_MAX_WATCHES)
        return false;
    b->watches[b->nwatches++] = (bus_watch){base, size, written, dev};
    return true;
}

void bus_clear_watches(bus *b) { b->nwatches = 0; }

bool bus_page_watched(const bus *b, uint64_t pa)
{
    uint64_t page = pa & ~0xfffull;
    for (unsigned i = 0; i < b->nwatches; i++)
        if (overlaps(page, 0x1000, b->watches[i].base, b->watches[i].size))
            return true;
    return false;
}

void bus_ram_written(bus *b, uint64_t pa, uint64_t len)
{
    if (!b->code || len == 0)
        return;
    uint64_t first = (pa - b->ram_base) >> 12;
    uint64_t last = (pa + len - 1 - b->ram_base) >> 12;
    for (uint64_t n = first; n <= last; n++) {
        if (b->code[n]) {
            b->code_written(b->code_ctx, pa, len);
            return;
        }
    }
}

static bus_region *find_region(bus *b, uint64_t pa, unsigned size)
{
    for (unsigned i = 0; i < b->nregions; i++) {
        bus_region *r = &b->regions[i];
        if (pa >= r->base && pa - r->base <= r->size - size)
            return r;
    }
    return NULL;
}

bool bus_read(bus *b, uint64_t pa, unsigned size, uint64_t *val)
{
    if (bus_in_ram(b, pa, size)) {
        *val = ld_le(b->ram + (pa - b->ram_base), size);
        return true;
    }
    bus_region *r = find_region(b, pa, size);
    if (!r || !r->ops->read)
        return false;
    return r->ops->read(r->dev, pa - r->base, size, val);
}

bool bus_write(bus *b, uint64_t pa, unsigned size, uint64_t val)
{
    if (bus_in_ram(b, pa, size)) {
        st_le(b->ram + (pa - b->ram_base), size, val);
        if (b->code)
            bus_ram_written(b, pa, size);
        for (unsigned i = 0; i < b->nwatches; i++) {
            bus_watch *w = &b->watches[i];
            if (overlaps(pa, size, w->base, w->size))
                w->written(w->dev, pa, size);
        }
        return true;
    }
    bus_region *r = find_region(b, pa, size);
    if (!r || !r->ops->write)
        return false;
    return r->ops->write(r->dev, pa - r->base, size, val);
}
