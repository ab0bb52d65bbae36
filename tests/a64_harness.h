/*
 * A bare AArch64 hart for unit tests: 1 MiB of flat memory at A64H_BASE
 * (code at the start, data at A64H_DATA, the stack growing down from the
 * end), nothing else mapped. a64h_run() copies the code in, runs it until
 * it traps, and returns the exception class; end test code with BRK #0
 * (0xd4200000) to stop cleanly (A64_EC_BRK).
 *
 * Built with A64H_DCACHE, the flat memory is a bus's RAM and the hart runs
 * through the decoded-instruction cache (a64_dcache.h), so the same tests
 * check the fast loop; a64h_written() reports a host-side write as the
 * bus's other writers do.
 */
#ifndef TESTS_A64_HARNESS_H
#define TESTS_A64_HARNESS_H

#include <stdlib.h>
#include <string.h>

#include "cpu/arm64/a64_cpu.h"
#ifdef A64H_DCACHE
#include "cpu/arm64/a64_dcache.h"
#include "machine/bus.h"
#endif

#define A64H_BASE 0x100000ull
#define A64H_SIZE 0x100000ull
#define A64H_DATA (A64H_BASE + 0x80000)
#define A64H_BRK 0xd4200000u

typedef struct a64h {
    a64_cpu *cpu;
    uint8_t *mem;
    bool readonly_data; /* A64H_DATA's first page refuses writes */
#ifdef A64H_DCACHE
    bus bus;
#endif
} a64h;

static uint8_t *a64h_xlate(void *ctx, uint64_t va, int acc, bool *writable,
                           int *fsc)
{
    a64h *h = ctx;
    if (va < A64H_BASE || va >= A64H_BASE + A64H_SIZE) {
        *fsc = A64_FSC_TRANSLATION;
        return NULL;
    }
    uint64_t page = (va - A64H_BASE) & ~(A64_PAGE_SIZE - 1);
    bool ro = h->readonly_data && page == A64H_DATA - A64H_BASE;
    if (ro && acc == A64_ACC_WRITE) {
        *fsc = A64_FSC_PERMISSION;
        return NULL;
    }
    *writable = !ro;
    return h->mem + page;
}

static inline a64h *a64h_new(void)
{
    a64h *h = calloc(1, sizeof(*h));
#ifdef A64H_DCACHE
    bus_init(&h->bus, A64H_BASE, A64H_SIZE);
    h->mem = h->bus.ram;
    h->cpu = a64_cpu_new(0);
    h->cpu->dcache = a64_dcache_new(&h->bus);
#else
    h->mem = aligned_alloc(4096, A64H_SIZE);
    memset(h->mem, 0, A64H_SIZE);
    h->cpu = a64_cpu_new(0);
#endif
    h->cpu->xlate = a64h_xlate;
    h->cpu->xlate_ctx = h;
    /* an Armv8.0 core with what a64_cpu's owner would advertise; tests of
     * optional features set their bits themselves */
    h->cpu->x[31] = A64H_BASE + A64H_SIZE;
    return h;
}

static inline void a64h_free(a64h *h)
{
    a64_cpu_free(h->cpu);
#ifdef A64H_DCACHE
    bus_free(&h->bus);
#else
    free(h->mem);
#endif
    free(h);
}

/* Run code (n words) from A64H_BASE until it traps or max steps pass;
 * returns the exception class, or -1 when max ran out. */
static inline int a64h_run(a64h *h, const uint32_t *code, size_t n)
{
    memcpy(h->mem, code, n * 4);
    a64_tlb_flush(h->cpu);
    h->cpu->pc = A64H_BASE;
    bool trapped;
    a64_run(h->cpu, 1000000, &trapped);
    return trapped ? (int)(h->cpu->esr >> 26) : -1;
}

#ifdef A64H_DCACHE
/* len bytes at va were written from the host side (as user_copy_out()
 * reports its writes) */
static inline void a64h_written(a64h *h, uint64_t va, uint64_t len)
{
    bus_ram_written(&h->bus, va, len);
}

/* The same harness on the plain loop (no decoded-instruction cache): the
 * reference a cached hart is compared with */
static inline a64h *a64h_new_plain(void)
{
    a64h *h = a64h_new();
    a64_dcache_free(h->cpu->dcache);
    h->cpu->dcache = NULL;
    return h;
}
#endif

/* Guest memory at va (in the flat region) as a host pointer. */
static inline void *a64h_mem(a64h *h, uint64_t va)
{
    return h->mem + (va - A64H_BASE);
}

#endif
