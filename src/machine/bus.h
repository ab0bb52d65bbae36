/* The physical bus: one RAM region and a list of device regions. */
#ifndef MACHINE_BUS_H
#define MACHINE_BUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "devices/device.h"

typedef struct bus_region {
    uint64_t base, size;
    const dev_ops *ops;
    void *dev;
} bus_region;

/*
 * A RAM range whose writes a device must see (HTIF tohost). Pages holding a
 * watched range never enter the store TLB, so every store to them reaches
 * bus_write(), which calls the device after updating RAM.
 */
typedef struct bus_watch {
    uint64_t base, size;
    void (*written)(void *dev, uint64_t addr, unsigned size);
    void *dev;
} bus_watch;

#define BUS_MAX_REGIONS 32
#define BUS_MAX_WATCHES 4

typedef struct bus {
    uint8_t *ram;
    uint64_t ram_base, ram_size;
    bus_region regions[BUS_MAX_REGIONS];
    unsigned nregions;
    bus_watch watches[BUS_MAX_WATCHES];
    unsigned nwatches;
    /*
     * RAM pages that hold decoded instructions (one byte per 4 KiB page,
     * set by the CPU's decoded-instruction cache, which owns the map; NULL
     * until something is decoded). Such pages never enter a store TLB, and
     * every write into them reaches code_written through bus_write() or
     * bus_ram_written().
     */
    uint8_t *code;
    void (*code_written)(void *ctx, uint64_t pa, uint64_t len);
    void *code_ctx;
} bus;

bool bus_init(bus *b, uint64_t ram_base, uint64_t ram_size);
void bus_free(bus *b);
bool bus_add_region(bus *b, uint64_t base, uint64_t size, const dev_ops *ops,
                    void *dev);
bool bus_add_watch(bus *b, uint64_t base, uint64_t size,
                   void (*written)(void *, uint64_t, unsigned), void *dev);
void bus_clear_watches(bus *b);

/* True when [pa, pa + len) lies inside RAM (without wrapping). */
static inline bool bus_in_ram(const bus *b, uint64_t pa, uint64_t len)
{
    return pa >= b->ram_base && len <= b->ram_size &&
           pa - b->ram_base <= b->ram_size - len;
}

/* True when some watch overlaps the 4 KiB page holding pa. */
bool bus_page_watched(const bus *b, uint64_t pa);

/* True when the RAM page holding pa has decoded instructions. */
static inline bool bus_page_has_code(const bus *b, uint64_t pa)
{
    return b->code && b->code[(pa - b->ram_base) >> 12];
}

/*
 * [pa, pa + len) of RAM was written other than by bus_write(): by a loader,
 * emu_mem_write(), a device's DMA, or an AMO through a host pointer. Every
 * such write must be reported, so that no decoded instruction outlives the
 * bytes it came from.
 */
void bus_ram_written(bus *b, uint64_t pa, uint64_t len);

/* Physical accesses of 1, 2, 4 or 8 bytes (pa aligned or not, within one
 * region). Return false when nothing answers there (an access fault). */
bool bus_read(bus *b, uint64_t pa, unsigned size, uint64_t *val);
bool bus_write(bus *b, uint64_t pa, unsigned size, uint64_t val);

/* Little-endian host memory helpers. */
static inline uint64_t ld_le(const uint8_t *p, unsigned size)
{
    switch (size) {
    case 1: return p[0];
    case 2: { uint16_t v; __builtin_memcpy(&v, p, 2); return v; }
    case 4: { uint32_t v; __builtin_memcpy(&v, p, 4); return v; }
    default: { uint64_t v; __builtin_memcpy(&v, p, 8); return v; }
    }
}
static inline void st_le(uint8_t *p, unsigned size, uint64_t v)
{
    switch (size) {
    case 1: p[0] = (uint8_t)v; break;
    case 2: { uint16_t t = (uint16_t)v; __builtin_memcpy(p, &t, 2); break; }
    case 4: { uint32_t t = (uint32_t)v; __builtin_memcpy(p, &t, 4); break; }
    default: __builtin_memcpy(p, &v, 8); break;
    }
}

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "libemu currently needs a little-endian host"
#endif

#endif
