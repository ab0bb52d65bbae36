/*
 * The A64 decoded-instruction cache: each instruction is decoded once
 * (register numbers, immediates, bit masks and branch distances extracted,
 * an operation picked) and run from then on from its decoded slot by the
 * fast interpreter loop (a64_fast.c). Internal header.
 *
 * Decoded forms are kept per 4 KiB physical page of the machine's RAM (the
 * bus), one slot per 4-byte instruction, decoded the first time the slot
 * runs. Being physical, the cache survives changes of mapping; it is still
 * dropped on a64_tlb_flush() (munmap, mprotect, mremap), which costs only
 * decoding again.
 *
 * Invalidation is by write, and precise: a page with decoded slots has its
 * byte set in the bus's code map. Host-side writes (the kernel's
 * copy-outs, page reuse, loaders) reach a64_dcache_written() through
 * bus_ram_written(); the hart's own stores never get a store TLB entry for
 * such a page, so they go through a64_store_slow(), which reports them
 * too. A written slot returns to A64_OP_DECODE and decodes again, so code
 * always runs the latest bytes (stronger than the architecture's
 * IC IVAU + ISB requirement). So do the three slots before a written range,
 * which may hold a fused operation that runs the first written slot.
 */
#ifndef CPU_ARM64_A64_DCACHE_H
#define CPU_ARM64_A64_DCACHE_H

#include <stdbool.h>
#include <stdint.h>

struct bus;

/* The two operations the cache itself sets: a slot not decoded (since it
 * was written), and the slot past a page's end (a64_fast.c lists the rest). */
#define A64_OP_DECODE 0
#define A64_OP_LOOKUP 1

/* One decoded instruction (32 bytes). */
typedef struct a64_dinsn {
    uint8_t op;       /* A64_OP_* (a64_fast.c); 0 is "not decoded" */
    uint8_t rd, rn, rm; /* Rd/Rt; Rn; Rm */
    uint8_t ra;       /* MADD: Ra; pairs: Rt2 */
    uint8_t sf;       /* 64-bit operation */
    uint8_t a, b;     /* per operation: shift type and amount, condition,
                         bit number, immr and imms... */
    uint32_t insn;    /* the raw instruction word */
    uint8_t fwd;      /* a consumer's forwarded register (a64_fast.c) */
    uint8_t pad[3];
    uint64_t imm;     /* immediate, mask, or branch distance in bytes */
    uint64_t imm2;    /* a second mask (bitfield moves) */
} a64_dinsn;

#define A64_DPAGE_SLOTS 1024

typedef struct a64_dpage {
    struct a64_dpage *next; /* in the used or the spare list */
    uint64_t off;           /* the page's offset in RAM */
    uint64_t pad[2];
    /* one more slot past the end, never decoded: it sends execution that
     * runs off the page back to the lookup */
    a64_dinsn insn[A64_DPAGE_SLOTS + 1];
} a64_dpage;

typedef struct a64_dcache a64_dcache;

/* A cache over bus's RAM; it takes the bus's code map and code_written
 * hook (which must be free). */
a64_dcache *a64_dcache_new(struct bus *b);
void a64_dcache_free(a64_dcache *dc);
/* Drop every decoded page. Only between instructions. */
void a64_dcache_flush(a64_dcache *dc);

/* The decoded page for the host page hp (page-aligned); NULL when hp is
 * not in RAM or memory ran out (run it uncached then). *fresh: it was
 * made now (its store TLB entries must go). */
a64_dpage *a64_dcache_page(a64_dcache *dc, const uint8_t *hp, bool *fresh);

/* Does host address h lie in a RAM page with decoded code? */
bool a64_dcache_has_code(const a64_dcache *dc, const uint8_t *h);

/* len bytes at host address h were written (by the hart): drop the
 * decoded slots they overlap. Anything outside RAM is ignored. */
void a64_dcache_host_written(a64_dcache *dc, const uint8_t *h, uint64_t len);

/* The bus's hook: [pa, pa + len) of RAM was written. */
void a64_dcache_written(void *dc, uint64_t pa, uint64_t len);

/* The host address of a decoded page's bytes. */
const uint8_t *a64_dcache_host(const a64_dcache *dc, const a64_dpage *p);

#endif
