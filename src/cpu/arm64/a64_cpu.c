/*
 * The AArch64 hart: state, the TLB in front of the owner's translation,
 * and the fetch-decode-execute loop (a64_cpu.h describes the split).
 */
#include <stdlib.h>

#include "cpu/arm64/a64_cpu.h"
#include "cpu/arm64/a64_dcache.h"

a64_cpu *a64_cpu_new(unsigned hartid)
{
    a64_cpu *cpu = aligned_alloc(64, (sizeof(a64_cpu) + 63) & ~(size_t)63);
    if (!cpu)
        return NULL;
    memset(cpu, 0, sizeof(*cpu));
    cpu->hartid = hartid;
    cpu->hwcap = A64_MODEL_HWCAP;
    cpu->hwcap2 = A64_MODEL_HWCAP2;
    cpu->midr = A64_MODEL_MIDR;
    cpu->cntfrq = A64_MODEL_CNTFRQ;
    a64_cpu_reset(cpu);
    return cpu;
}

void a64_cpu_free(a64_cpu *cpu)
{
    if (cpu)
        a64_dcache_free(cpu->dcache);
    free(cpu);
}

void a64_cpu_reset(a64_cpu *cpu)
{
    memset(cpu->x, 0, sizeof(cpu->x));
    memset(cpu->v, 0, sizeof(cpu->v));
    cpu->pc = 0;
    cpu->nzcv = 0;
    cpu->fpcr = 0;
    cpu->fpsr = 0;
    cpu->tpidr_el0 = cpu->tpidrro_el0 = 0;
    cpu->excl_valid = false;
    cpu->esr = 0;
    cpu->far = 0;
    a64_tlb_flush(cpu);
}

void a64_tlb_flush(a64_cpu *cpu)
{
    for (unsigned i = 0; i < A64_TLB_SIZE; i++) {
        cpu->tlb_r[i].tag = cpu->tlb_w[i].tag = cpu->tlb_x[i].tag = ~0ull;
        cpu->tlb_r[i].addend = cpu->tlb_w[i].addend = cpu->tlb_x[i].addend = 0;
    }
    /* decoded code is keyed by physical page and survives remapping, but
     * a mapping change is rare enough to start afresh */
    a64_dcache_flush(cpu->dcache);
}

int a64_raise(a64_cpu *cpu, unsigned ec, uint32_t iss, uint64_t far)
{
    /* IL (bit 25) is 1: every A64 instruction is 32 bits */
    cpu->esr = (uint32_t)ec << 26 | 1u << 25 | (iss & 0x1ffffff);
    cpu->far = far;
    return A64_EXC;
}

/* Fill the TLB entry for va's page for an access of kind acc; the host
 * address of va, or NULL after raising the abort. */
uint8_t *a64_tlb_fill(a64_cpu *cpu, uint64_t va, int acc)
{
    bool writable = false;
    int fsc = A64_FSC_TRANSLATION;
    uint8_t *page = cpu->xlate ? cpu->xlate(cpu->xlate_ctx, va, acc,
                                            &writable, &fsc)
                               : NULL;
    uint64_t vpn = va >> A64_PAGE_BITS;
    unsigned idx = vpn & (A64_TLB_SIZE - 1);
    if (!page) {
        unsigned fsc3 = (unsigned)fsc | 3; /* reported at level 3 */
        if (acc == A64_ACC_FETCH)
            a64_raise(cpu, A64_EC_IABORT, fsc3, va);
        else
            a64_raise(cpu, A64_EC_DABORT,
                      fsc3 | (acc == A64_ACC_WRITE ? A64_ISS_WNR : 0), va);
        return NULL;
    }
    uintptr_t addend = (uintptr_t)page - (uintptr_t)(vpn << A64_PAGE_BITS);
    if (acc == A64_ACC_FETCH) {
        cpu->tlb_x[idx] = (a64_tlb){vpn, addend};
    } else {
        cpu->tlb_r[idx] = (a64_tlb){vpn, addend};
        /* stores to a page with decoded code must reach
         * a64_store_slow(), which drops the slots they overwrite */
        if (writable &&
            !(cpu->dcache && a64_dcache_has_code(cpu->dcache, page)))
            cpu->tlb_w[idx] = (a64_tlb){vpn, addend};
    }
    return page + (va & (A64_PAGE_SIZE - 1));
}

/* The host address of va for one access that stays in its page. */
static uint8_t *page_ptr(a64_cpu *cpu, uint64_t va, int acc)
{
    unsigned idx = (va >> A64_PAGE_BITS) & (A64_TLB_SIZE - 1);
    const a64_tlb *t = acc == A64_ACC_WRITE ? &cpu->tlb_w[idx]
                       : acc == A64_ACC_READ ? &cpu->tlb_r[idx]
                                             : &cpu->tlb_x[idx];
    if (t->tag == va >> A64_PAGE_BITS)
        return (uint8_t *)(uintptr_t)(va + t->addend);
    return a64_tlb_fill(cpu, va, acc);
}

bool a64_load_slow(a64_cpu *cpu, uint64_t va, unsigned size, void *out)
{
    uint64_t off = va & (A64_PAGE_SIZE - 1);
    if (off + size <= A64_PAGE_SIZE) {
        uint8_t *h = page_ptr(cpu, va, A64_ACC_READ);
        if (!h)
            return false;
        memcpy(out, h, size);
        return true;
    }
    /* crosses into the next page: both must be readable before any byte
     * counts */
    unsigned first = (unsigned)(A64_PAGE_SIZE - off);
    uint8_t *a = page_ptr(cpu, va, A64_ACC_READ);
    if (!a)
        return false;
    uint8_t *b = page_ptr(cpu, va + first, A64_ACC_READ);
    if (!b)
        return false;
    /* the second lookup may have evicted the first: look again */
    a = page_ptr(cpu, va, A64_ACC_READ);
    if (!a)
        return false;
    memcpy(out, a, first);
    memcpy((uint8_t *)out + first, b, size - first);
    return true;
}

bool a64_store_slow(a64_cpu *cpu, uint64_t va, unsigned size, const void *in)
{
    uint64_t off = va & (A64_PAGE_SIZE - 1);
    if (off + size <= A64_PAGE_SIZE) {
        uint8_t *h = page_ptr(cpu, va, A64_ACC_WRITE);
        if (!h)
            return false;
        memcpy(h, in, size);
        if (cpu->dcache)
            a64_dcache_host_written(cpu->dcache, h, size);
        return true;
    }
    unsigned first = (unsigned)(A64_PAGE_SIZE - off);
    /* no byte is written unless both pages take the store */
    uint8_t *a = page_ptr(cpu, va, A64_ACC_WRITE);
    if (!a)
        return false;
    uint8_t *b = page_ptr(cpu, va + first, A64_ACC_WRITE);
    if (!b)
        return false;
    a = page_ptr(cpu, va, A64_ACC_WRITE);
    if (!a)
        return false;
    memcpy(a, in, first);
    memcpy(b, (const uint8_t *)in + first, size - first);
    if (cpu->dcache) {
        a64_dcache_host_written(cpu->dcache, a, first);
        a64_dcache_host_written(cpu->dcache, b, size - first);
    }
    return true;
}

uint8_t *a64_host_ptr(a64_cpu *cpu, uint64_t va, unsigned size, bool write)
{
    if ((va & (A64_PAGE_SIZE - 1)) + size > A64_PAGE_SIZE) {
        a64_raise(cpu, A64_EC_DABORT,
                  A64_FSC_ALIGNMENT | (write ? A64_ISS_WNR : 0), va);
        return NULL;
    }
    uint8_t *h = page_ptr(cpu, va, write ? A64_ACC_WRITE : A64_ACC_READ);
    /* the caller writes through h next: its decoded slots go now */
    if (h && write && cpu->dcache)
        a64_dcache_host_written(cpu->dcache, h, size);
    return h;
}

static inline bool fetch(a64_cpu *cpu, uint64_t pc, uint32_t *insn)
{
    const a64_tlb *t = &cpu->tlb_x[(pc >> A64_PAGE_BITS) & (A64_TLB_SIZE - 1)];
    const uint8_t *h;
    if (likely(t->tag == pc >> A64_PAGE_BITS))
        h = (const uint8_t *)(uintptr_t)(pc + t->addend);
    else if (!(h = a64_tlb_fill(cpu, pc, A64_ACC_FETCH)))
        return false;
    memcpy(insn, h, 4);
    return true;
}

/* Top-level decode (Arm ARM C4.1, op0 = bits 28:25). */
int a64_execute(a64_cpu *cpu, uint32_t insn)
{
    switch ((insn >> 25) & 0xf) {
    case 0x8: case 0x9:
        return a64_exec_dp_imm(cpu, insn);
    case 0xa: case 0xb:
        return a64_exec_branch(cpu, insn);
    case 0x4: case 0x6: case 0xc: case 0xe:
        if ((insn & 0xbe000000) == 0x0c000000)
            return a64_exec_simd_ldst(cpu, insn); /* structure forms */
        return a64_exec_ldst(cpu, insn);
    case 0x5: case 0xd:
        return a64_exec_dp_reg(cpu, insn);
    case 0x7: case 0xf: {
        int r = a64_exec_fp(cpu, insn);
        return r == A64_UNDEF ? a64_exec_simd(cpu, insn) : r;
    }
    default: /* reserved (UDF), SME, SVE, unallocated */
        return A64_UNDEF;
    }
}

bool a64_peek_insn(a64_cpu *cpu, uint64_t pc, uint32_t *insn)
{
    bool writable;
    int fsc;
    const uint8_t *page = (pc & 3) || !cpu->xlate
                              ? NULL
                              : cpu->xlate(cpu->xlate_ctx, pc, A64_ACC_FETCH,
                                           &writable, &fsc);
    if (!page)
        return false;
    memcpy(insn, page + (pc & (A64_PAGE_SIZE - 1)), 4);
    return true;
}

bool a64_step(a64_cpu *cpu)
{
    uint64_t pc = cpu->pc;
    uint32_t insn;
    if (unlikely(pc & 3)) {
        a64_raise(cpu, A64_EC_PC_ALIGN, 0, pc);
        return true;
    }
    if (unlikely(!fetch(cpu, pc, &insn)))
        return true;
    cpu->pc = pc + 4;
    int r = a64_execute(cpu, insn);
    if (unlikely(r != A64_OK)) {
        cpu->pc = pc;
        if (r == A64_UNDEF)
            a64_raise(cpu, A64_EC_UNKNOWN, 0, pc);
        return true;
    }
    return false;
}

uint64_t a64_run(a64_cpu *cpu, uint64_t n, bool *trapped)
{
    uint64_t i;
    *trapped = false;
    if (cpu->dcache && !cpu->before_insn) {
        i = a64_run_fast(cpu, n, trapped);
    } else {
        for (i = 0; i < n; i++) {
            if (unlikely(cpu->before_insn != NULL) &&
                !cpu->before_insn(cpu->before_ctx, cpu))
                break;
            if (unlikely(a64_step(cpu))) {
                *trapped = true;
                i++;
                break;
            }
        }
    }
    cpu->steps += i;
    cpu->traps += *trapped;
    /* the exception return that follows a trap clears the exclusive
     * monitor (Arm ARM D1.3.5 "Exception return") */
    if (*trapped)
        cpu->excl_valid = false;
    return i;
}
