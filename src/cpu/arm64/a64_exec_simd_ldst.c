/*
 * The Advanced SIMD structure loads and stores (Arm ARM C4.1.88, "Advanced
 * SIMD load/store multiple structures" and "... single structure", each
 * with and without post-index): LD1-LD4/ST1-ST4 of whole registers, of one
 * lane, and LD1R-LD4R.
 *
 * Every form moves one contiguous block of at most 64 bytes. Loads read the
 * whole block into a buffer before any register changes, and stores check
 * that every page of the block takes writes before the first byte is
 * written, so a fault leaves registers, the base and memory as they were
 * (the architecture would allow a partly done store; we do none).
 */
#include "cpu/arm64/a64_cpu.h"

/* The largest transfer: four Q registers. */
#define SL_MAX_BYTES 64

/* Copy n bytes of guest memory at va into buf, in the largest aligned
 * chunks a64_load() takes; false after the abort has been raised. */
static bool mem_read(a64_cpu *cpu, uint64_t va, uint8_t *buf, unsigned n)
{
    unsigned off = 0;
    while (off < n) {
        unsigned left = n - off, sz = 16;
        while (sz > left)
            sz >>= 1;
        if (!a64_load(cpu, va + off, sz, buf + off))
            return false;
        off += sz;
    }
    return true;
}

/* Store n bytes of buf at va, all or nothing: every page the block touches
 * (at most two, as n <= 64) must accept writes first. */
static bool mem_write(a64_cpu *cpu, uint64_t va, const uint8_t *buf,
                      unsigned n)
{
    unsigned first = (unsigned)(A64_PAGE_SIZE - (va & (A64_PAGE_SIZE - 1)));
    if (first > n)
        first = n;
    if (!a64_host_ptr(cpu, va, first, true))
        return false;
    if (first < n && !a64_host_ptr(cpu, va + first, n - first, true))
        return false;
    a64_excl_store(cpu, va, n);
    unsigned off = 0;
    while (off < n) {
        unsigned left = n - off, sz = 16;
        while (sz > left)
            sz >>= 1;
        if (!a64_store(cpu, va + off, sz, buf + off))
            return false; /* not reached: the pages were checked */
        off += sz;
    }
    return true;
}

/* Post-index writeback: by the transfer size when Rm is 31, else by Xm. */
static void writeback(a64_cpu *cpu, unsigned n, unsigned m, uint64_t addr,
                      unsigned bytes)
{
    uint64_t offs = m == 31 ? bytes : a64_x(cpu, m);
    a64_set_xsp(cpu, n, addr + offs);
}

/* Element e of size ebytes of register v, as bytes (little-endian lanes). */
static inline uint8_t *lane(a64_vreg *v, unsigned e, unsigned ebytes)
{
    return &v->b[e * ebytes];
}

/*
 * LD1-LD4/ST1-ST4 (multiple structures), the Arm ARM's
 * LD1/ST1 (multiple structures) shared decode and operation: rpt groups of
 * selem registers, element e of register r+s sitting at block offset
 * ((r * elements + e) * selem + s) * ebytes.
 */
static int multiple(a64_cpu *cpu, uint32_t insn)
{
    unsigned q = a64_bits(insn, 30, 30), load = a64_bits(insn, 22, 22);
    unsigned post = a64_bits(insn, 23, 23);
    unsigned m = a64_bits(insn, 20, 16), opcode = a64_bits(insn, 15, 12);
    unsigned size = a64_bits(insn, 11, 10), n = a64_bits(insn, 9, 5);
    unsigned t = a64_bits(insn, 4, 0);
    unsigned rpt, selem;

    /* C4.1.88: without post-index bits 21:16 are zero; with it, bit 21 */
    if (!post ? a64_bits(insn, 21, 16) != 0 : a64_bits(insn, 21, 21) != 0)
        return A64_UNDEF;
    switch (opcode) {
    case 0x0: rpt = 1; selem = 4; break; /* LD4/ST4 */
    case 0x2: rpt = 4; selem = 1; break; /* LD1/ST1, four registers */
    case 0x4: rpt = 1; selem = 3; break; /* LD3/ST3 */
    case 0x6: rpt = 3; selem = 1; break; /* LD1/ST1, three registers */
    case 0x7: rpt = 1; selem = 1; break; /* LD1/ST1, one register */
    case 0x8: rpt = 1; selem = 2; break; /* LD2/ST2 */
    case 0xa: rpt = 2; selem = 1; break; /* LD1/ST1, two registers */
    default: return A64_UNDEF;
    }
    /* interleaving .1D has no meaning: size 11 with Q 0 is reserved */
    if (size == 3 && q == 0 && selem != 1)
        return A64_UNDEF;

    unsigned ebytes = 1u << size, regbytes = q ? 16 : 8;
    unsigned elements = regbytes / ebytes, nregs = rpt * selem;
    unsigned total = nregs * regbytes;
    uint64_t addr;
    uint8_t buf[SL_MAX_BYTES];
    if (!a64_base(cpu, n, &addr))
        return A64_EXC;

    if (load) {
        if (!mem_read(cpu, addr, buf, total))
            return A64_EXC;
        /* Q=0: V[tt] = rval of 64 bits zeroes the upper half */
        if (!q)
            for (unsigned i = 0; i < nregs; i++)
                cpu->v[(t + i) % 32].d[1] = 0;
        for (unsigned r = 0, off = 0; r < rpt; r++)
            for (unsigned e = 0; e < elements; e++)
                for (unsigned s = 0; s < selem; s++, off += ebytes)
                    memcpy(lane(&cpu->v[(t + r + s) % 32], e, ebytes),
                           buf + off, ebytes);
    } else {
        for (unsigned r = 0, off = 0; r < rpt; r++)
            for (unsigned e = 0; e < elements; e++)
                for (unsigned s = 0; s < selem; s++, off += ebytes)
                    memcpy(buf + off,
                           lane(&cpu->v[(t + r + s) % 32], e, ebytes),
                           ebytes);
        if (!mem_write(cpu, addr, buf, total))
            return A64_EXC;
    }
    if (post)
        writeback(cpu, n, m, addr, total);
    return A64_OK;
}

/*
 * LD1-LD4/ST1-ST4 (single structure) and LD1R-LD4R, the Arm ARM's
 * LD1 (single structure) shared decode: scale = opcode<2:1> picks the lane
 * size, selem = opcode<0>:R + 1, and Q:S:size the lane.
 */
static int single(a64_cpu *cpu, uint32_t insn)
{
    unsigned q = a64_bits(insn, 30, 30), load = a64_bits(insn, 22, 22);
    unsigned post = a64_bits(insn, 23, 23), r = a64_bits(insn, 21, 21);
    unsigned m = a64_bits(insn, 20, 16), opcode = a64_bits(insn, 15, 13);
    unsigned s = a64_bits(insn, 12, 12), size = a64_bits(insn, 11, 10);
    unsigned n = a64_bits(insn, 9, 5), t = a64_bits(insn, 4, 0);
    unsigned scale = opcode >> 1, selem = ((opcode & 1) << 1 | r) + 1;
    unsigned index = 0;
    bool replicate = false;

    /* C4.1.88: without post-index bits 20:16 are zero */
    if (!post && m != 0)
        return A64_UNDEF;
    switch (scale) {
    case 3: /* load and replicate */
        if (!load || s)
            return A64_UNDEF;
        scale = size;
        replicate = true;
        break;
    case 0:
        index = q << 3 | s << 2 | size;
        break;
    case 1:
        if (size & 1)
            return A64_UNDEF;
        index = q << 2 | s << 1 | size >> 1;
        break;
    default: /* 2 */
        if (size & 2)
            return A64_UNDEF;
        if (!(size & 1)) {
            index = q << 1 | s;
        } else {
            if (s)
                return A64_UNDEF;
            index = q;
            scale = 3;
        }
        break;
    }

    unsigned ebytes = 1u << scale, total = selem * ebytes;
    uint64_t addr;
    uint8_t buf[SL_MAX_BYTES];
    if (!a64_base(cpu, n, &addr))
        return A64_EXC;

    if (replicate) {
        if (!mem_read(cpu, addr, buf, total))
            return A64_EXC;
        unsigned elements = (q ? 16 : 8) / ebytes;
        for (unsigned i = 0; i < selem; i++) {
            a64_vreg *v = &cpu->v[(t + i) % 32];
            v->d[1] = 0; /* Q=0: the upper half is zero */
            for (unsigned e = 0; e < elements; e++)
                memcpy(lane(v, e, ebytes), buf + i * ebytes, ebytes);
        }
    } else if (load) {
        if (!mem_read(cpu, addr, buf, total))
            return A64_EXC;
        /* only the addressed lane changes, whatever Q says */
        for (unsigned i = 0; i < selem; i++)
            memcpy(lane(&cpu->v[(t + i) % 32], index, ebytes),
                   buf + i * ebytes, ebytes);
    } else {
        for (unsigned i = 0; i < selem; i++)
            memcpy(buf + i * ebytes,
                   lane(&cpu->v[(t + i) % 32], index, ebytes), ebytes);
        if (!mem_write(cpu, addr, buf, total))
            return A64_EXC;
    }
    if (post)
        writeback(cpu, n, m, addr, total);
    return A64_OK;
}

int a64_exec_simd_ldst(a64_cpu *cpu, uint32_t insn)
{
    /* the top-level decode sends 0 x 0 0 1 1 0 0 x ...: bit 24 tells
     * single structure from multiple */
    if ((insn & 0xbe000000) != 0x0c000000)
        return A64_UNDEF;
    return a64_bits(insn, 24, 24) ? single(cpu, insn) : multiple(cpu, insn);
}
