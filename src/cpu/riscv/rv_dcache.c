/*
 * The decoded-instruction cache's pages: finding the page for a fetch,
 * invalidation on writes, flushes. Decoding itself is part of the
 * interpreter template (rv_predecode_tmpl.h); see rv_dcache.h for the
 * design.
 */
#include <stdlib.h>
#include <string.h>

#include "cpu/riscv/rv_cpu.h"
#include "cpu/riscv/rv_dcache.h"
#include "mmu/mmu.h"

/*
 * At most this many decoded pages (32 KiB each, 64 MiB in all); when a new
 * page would exceed it, the whole cache is dropped and refilled by what
 * runs next. Benchmarks and tests use a few dozen pages; an operating
 * system's working set of code fits with room to spare.
 */
#define RV_DCACHE_MAX_PAGES 2048
/* Pages are allocated this many at a time: 128 KiB and more come from
 * fresh zeroed memory (glibc maps them), of which only the slots that get
 * decoded are ever touched; this keeps machine creation cheap. */
#define RV_DPAGE_BATCH 4

struct rv_dcache {
    emu_machine *m;
    uint64_t ram_base, npages;
    rv_dpage **page;      /* by RAM page number; NULL until code there runs */
    uint8_t *code;        /* the bus's map: 1 where page[] is set (allocated
                             with page, in one block) */
    rv_dpage *used;       /* pages in use */
    rv_dpage *spare;      /* pages to use next */
    unsigned nused;
    rv_dpage *batch[RV_DCACHE_MAX_PAGES / RV_DPAGE_BATCH + 1]; /* to free */
    unsigned nbatch;
    uint64_t created, invalidated, flushes;
};

rv_dcache *rv_dcache_new(emu_machine *m)
{
    rv_dcache *dc = calloc(1, sizeof(*dc));
    if (!dc)
        return NULL;
    dc->m = m;
    dc->ram_base = m->bus.ram_base;
    dc->npages = m->bus.ram_size >> 12;
    m->bus.code_written = rv_dcache_written;
    m->bus.code_ctx = dc;
    return dc;
}

void rv_dcache_free(rv_dcache *dc)
{
    if (!dc)
        return;
    dc->m->bus.code = NULL;
    dc->m->bus.code_written = NULL;
    for (unsigned b = 0; b < dc->nbatch; b++)
        free(dc->batch[b]);
    free(dc->page);
    free(dc);
}

/* Every hart's fetch TLB entries name decoded pages: drop them all. */
static void drop_fetch_translations(emu_machine *m)
{
    for (unsigned h = 0; h < m->nharts; h++)
        for (unsigned p = 0; p < 4; p++)
            for (unsigned i = 0; i < RV_TLB_SIZE && m->harts[h]->tlb[p].ready; i++)
                rv_tlb_drop(&m->harts[h]->tlb[p].e[RV_ACC_FETCH][i], i);
}

void rv_dcache_flush(rv_dcache *dc)
{
    if (!dc || !dc->used)
        return;
    for (rv_dpage *p = dc->used; p; p = p->next) {
        uint64_t n = (p->pa - dc->ram_base) >> 12;
        dc->page[n] = NULL;
        dc->code[n] = 0;
    }
    /* append the used pages to the spares */
    rv_dpage **tail = &dc->used;
    while (*tail)
        tail = &(*tail)->next;
    *tail = dc->spare;
    dc->spare = dc->used;
    dc->used = NULL;
    dc->nused = 0;
    dc->flushes++;
    drop_fetch_translations(dc->m);
}

/* A store TLB entry must not reach a page with decoded code (its stores
 * must pass rv_dcache_written()): drop those that map host page hp. */
static void drop_store_translation(rv_tlb_entry *e, const uint8_t *hp)
{
    if (e->tag != RV_TLB_INVALID && (uintptr_t)e->tag + e->addend == (uintptr_t)hp)
        e->tag = RV_TLB_INVALID;
}

static void drop_store_translations(emu_machine *m, const uint8_t *hp)
{
    for (unsigned h = 0; h < m->nharts; h++) {
        rv_cpu *cpu = m->harts[h];
        if (cpu->tlb_nlog <= RV_TLB_LOG) {
            /* every entry in use was filled since the last flush */
            for (unsigned k = 0; k < cpu->tlb_nlog; k++) {
                uint32_t l = cpu->tlb_log[k];
                if (((l >> 14) & 3) == RV_ACC_STORE)
                    drop_store_translation(
                        &cpu->tlb[l >> 16].e[RV_ACC_STORE][l & (RV_TLB_SIZE - 1)], hp);
            }
            continue;
        }
        for (unsigned p = 0; p < 4; p++)
            for (unsigned i = 0; i < RV_TLB_SIZE && cpu->tlb[p].ready; i++)
                drop_store_translation(&cpu->tlb[p].e[RV_ACC_STORE][i], hp);
    }
}

/* The decoded page for RAM page ppage, made when it does not exist. */
static rv_dpage *get_page(rv_dcache *dc, uint64_t ppage)
{
    bus *b = &dc->m->bus;
    if (!dc->page) {
        /* calloc: untouched parts of the maps cost nothing, so a large
         * RAM does not slow machine creation */
        dc->page = calloc(dc->npages, sizeof(*dc->page) + 1);
        if (!dc->page)
            return NULL;
        dc->code = (uint8_t *)(dc->page + dc->npages);
        b->code = dc->code;
    }
    uint64_t n = (ppage - dc->ram_base) >> 12;
    if (dc->page[n])
        return dc->page[n];
    if (dc->nused == RV_DCACHE_MAX_PAGES)
        rv_dcache_flush(dc);
    if (!dc->spare) {
        rv_dpage *fresh = calloc(RV_DPAGE_BATCH, sizeof(*fresh));
        if (!fresh)
            return NULL;
        dc->batch[dc->nbatch++] = fresh;
        for (unsigned k = 0; k < RV_DPAGE_BATCH; k++) {
            fresh[k].next = dc->spare;
            dc->spare = &fresh[k];
        }
    }
    rv_dpage *p = dc->spare;
    dc->spare = p->next;
    /* RV_OP_DECODE is 0: every slot undecoded (a page used before is
     * cleared; host is NULL only in fresh ones) */
    if (p->host)
        memset(p->insn, 0, sizeof(p->insn));
    p->insn[RV_DPAGE_SLOTS].op = RV_OP_LOOKUP;
    p->insn[RV_DPAGE_SLOTS + 1].op = RV_OP_LOOKUP;
    p->pa = ppage;
    p->host = b->ram + (ppage - b->ram_base);
    p->next = dc->used;
    dc->used = p;
    dc->nused++;
    dc->created++;
    dc->page[n] = p;
    dc->code[n] = 1;
    drop_store_translations(dc->m, p->host);
    return p;
}

rv_dpage *rv_dcache_fetch_page(rv_cpu *cpu, uint64_t va, bool *raised)
{
    emu_machine *m = cpu->m;
    uint64_t pa;
    int cause = mmu_translate(cpu, va, 2, RV_ACC_FETCH, cpu->priv, &pa);
    if (cause) {
        rv_raise(cpu, (uint64_t)cause, va);
        *raised = true;
        return NULL;
    }
    *raised = false;
    /* the whole page must be RAM that this privilege level may execute,
     * as for any TLB entry */
    uint64_t ppage = pa & ~0xfffull;
    if (!m->dcache || !bus_in_ram(&m->bus, ppage, 0x1000) ||
        !pmp_allows(cpu, ppage, 0x1000, RV_ACC_FETCH, cpu->priv))
        return NULL;
    rv_dpage *p = get_page(m->dcache, ppage);
    if (!p)
        return NULL; /* out of memory: run it uncached */
    rv_tlb_entry *e = rv_tlb_claim(cpu, cpu->itlb, RV_ACC_FETCH, va);
    e->tag = va & ~0xfffull;
    e->addend = 0;
    cpu->itlb->code[(va >> 12) & (RV_TLB_SIZE - 1)] = p;
    return p;
}

void rv_dcache_written(void *ctx, uint64_t pa, uint64_t len)
{
    rv_dcache *dc = ctx;
    if (!dc->page || len == 0)
        return;
    uint64_t end = pa + len;
    for (uint64_t page = pa & ~0xfffull; page < end; page += 0x1000) {
        rv_dpage *p = dc->page[(page - dc->ram_base) >> 12];
        if (!p)
            continue;
        uint64_t lo = pa > page ? pa - page : 0;
        uint64_t hi = end - page < 0x1000 ? end - page : 0x1000;
        /* a 4-byte instruction in the slot before the first byte written
         * overlaps it too */
        unsigned first = lo >= 2 ? (unsigned)(lo - 2) >> 1 : 0;
        unsigned last = (unsigned)(hi - 1) >> 1;
        rv_dpage_unfuse_into(p, first);
        for (unsigned s = first; s <= last; s++) {
            if (p->insn[s].op != RV_OP_DECODE) {
                p->insn[s].op = RV_OP_DECODE;
                dc->invalidated++;
            }
        }
    }
}

void rv_dcache_counts(const rv_dcache *dc, uint64_t *pages,
                      uint64_t *invalidated, uint64_t *flushes)
{
    *pages = dc ? dc->created : 0;
    *invalidated = dc ? dc->invalidated : 0;
    *flushes = dc ? dc->flushes : 0;
}
