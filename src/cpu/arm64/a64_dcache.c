/*
 * The A64 decoded-instruction cache's pages: finding the page for a fetch,
 * invalidation on writes, flushes (see a64_dcache.h for the design;
 * decoding itself is a64_fast.c's).
 */
#include <stdlib.h>
#include <string.h>

#include "cpu/arm64/a64_dcache.h"
#include "machine/bus.h"

/* At most this many decoded pages (33 KiB each); past it the cache is
 * dropped and refilled by what runs next. */
#define A64_DCACHE_MAX_PAGES 2048

struct a64_dcache {
    bus *bus;
    uint64_t npages;
    a64_dpage **page; /* by RAM page number; NULL until code there runs */
    uint8_t *code;    /* the bus's map: 1 where page[] is set */
    a64_dpage *used, *spare;
    unsigned nused;
};

a64_dcache *a64_dcache_new(bus *b)
{
    a64_dcache *dc = calloc(1, sizeof(*dc));
    if (!dc)
        return NULL;
    dc->bus = b;
    dc->npages = b->ram_size >> 12;
    /* untouched parts of the maps cost nothing (calloc) */
    dc->page = calloc(dc->npages, sizeof(*dc->page) + 1);
    if (!dc->page) {
        free(dc);
        return NULL;
    }
    dc->code = (uint8_t *)(dc->page + dc->npages);
    b->code = dc->code;
    b->code_written = a64_dcache_written;
    b->code_ctx = dc;
    return dc;
}

static void free_list(a64_dpage *p)
{
    while (p) {
        a64_dpage *n = p->next;
        free(p);
        p = n;
    }
}

void a64_dcache_free(a64_dcache *dc)
{
    if (!dc)
        return;
    if (dc->bus->code_ctx == dc) {
        dc->bus->code = NULL;
        dc->bus->code_written = NULL;
        dc->bus->code_ctx = NULL;
    }
    free_list(dc->used);
    free_list(dc->spare);
    free(dc->page);
    free(dc);
}

void a64_dcache_flush(a64_dcache *dc)
{
    if (!dc || !dc->used)
        return;
    a64_dpage *p = dc->used;
    while (p) {
        a64_dpage *n = p->next;
        dc->page[p->off >> 12] = NULL;
        dc->code[p->off >> 12] = 0;
        p->next = dc->spare;
        dc->spare = p;
        p = n;
    }
    dc->used = NULL;
    dc->nused = 0;
}

a64_dpage *a64_dcache_page(a64_dcache *dc, const uint8_t *hp, bool *fresh)
{
    *fresh = false;
    uint64_t off = (uint64_t)(hp - dc->bus->ram);
    if (hp < dc->bus->ram || off >= dc->bus->ram_size)
        return NULL;
    uint64_t n = off >> 12;
    if (dc->page[n])
        return dc->page[n];
    if (dc->nused == A64_DCACHE_MAX_PAGES)
        a64_dcache_flush(dc);
    a64_dpage *p = dc->spare;
    if (p) {
        dc->spare = p->next;
        memset(p->insn, 0, sizeof(p->insn)); /* every slot undecoded */
    } else if (!(p = calloc(1, sizeof(*p)))) {
        return NULL;
    }
    p->insn[A64_DPAGE_SLOTS].op = A64_OP_LOOKUP;
    p->off = n << 12;
    p->next = dc->used;
    dc->used = p;
    dc->nused++;
    dc->page[n] = p;
    dc->code[n] = 1;
    *fresh = true;
    return p;
}

bool a64_dcache_has_code(const a64_dcache *dc, const uint8_t *h)
{
    uint64_t off = (uint64_t)(h - dc->bus->ram);
    return h >= dc->bus->ram && off < dc->bus->ram_size && dc->code[off >> 12];
}

void a64_dcache_host_written(a64_dcache *dc, const uint8_t *h, uint64_t len)
{
    uint64_t off = (uint64_t)(h - dc->bus->ram);
    if (h < dc->bus->ram || off >= dc->bus->ram_size || !dc->code[off >> 12])
        return;
    a64_dcache_written(dc, dc->bus->ram_base + off, len);
}

void a64_dcache_written(void *ctx, uint64_t pa, uint64_t len)
{
    a64_dcache *dc = ctx;
    if (len == 0 || pa < dc->bus->ram_base)
        return;
    uint64_t start = pa - dc->bus->ram_base, end = start + len;
    if (end > dc->bus->ram_size)
        end = dc->bus->ram_size;
    for (uint64_t page = start & ~0xfffull; page < end; page += 0x1000) {
        a64_dpage *p = dc->page[page >> 12];
        if (!p)
            continue;
        uint64_t lo = start > page ? start - page : 0;
        uint64_t hi = end - page < 0x1000 ? end - page : 0x1000;
        /* from three slots before: they may hold a fused operation that
         * runs the first written slot (a64_fast.c, fuse()) */
        for (uint64_t s = lo >= 12 ? (lo >> 2) - 3 : 0; s <= (hi - 1) >> 2; s++)
            p->insn[s].op = 0;
    }
}

const uint8_t *a64_dcache_host(const a64_dcache *dc, const a64_dpage *p)
{
    return dc->bus->ram + p->off;
}
