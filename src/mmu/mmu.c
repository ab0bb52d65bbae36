/*
 * Page-table walks, PMP, and the TLB slow paths (priv spec 3.7, 4.3-4.6).
 *
 * Accessed and dirty bits: this MMU does not update them. A leaf PTE with
 * A = 0, or with D = 0 on a store, raises a page fault so that software sets
 * them (the Svade behaviour, which riscv-tests and Linux both handle).
 */
#include <string.h>

#include "machine/debug.h"
#include "mmu/mmu.h"

#define PTE_V (1u << 0)
#define PTE_R (1u << 1)
#define PTE_W (1u << 2)
#define PTE_X (1u << 3)
#define PTE_U (1u << 4)
#define PTE_G (1u << 5)
#define PTE_A (1u << 6)
#define PTE_D (1u << 7)

#define PMP_R 0x01
#define PMP_W 0x02
#define PMP_X 0x04
#define PMP_A 0x18
#define PMP_L 0x80
enum { PMP_OFF = 0, PMP_TOR = 1, PMP_NA4 = 2, PMP_NAPOT = 3 };

static int fault_cause(rv_access acc, bool page)
{
    static const int pf[] = {RV_EXC_INSN_PAGE, RV_EXC_LOAD_PAGE,
                             RV_EXC_STORE_PAGE};
    static const int af[] = {RV_EXC_INSN_ACCESS, RV_EXC_LOAD_ACCESS,
                             RV_EXC_STORE_ACCESS};
    return page ? pf[acc] : af[acc];
}

/* The byte range [lo, hi) an entry covers; false when it is OFF. */
static bool pmp_range(const rv_cpu *cpu, unsigned i, uint64_t *lo,
                      uint64_t *hi)
{
    uint8_t cfg = cpu->pmpcfg[i];
    uint64_t addr = cpu->pmpaddr[i];
    switch ((cfg & PMP_A) >> 3) {
    case PMP_TOR:
        *lo = i ? cpu->pmpaddr[i - 1] << 2 : 0;
        *hi = addr << 2;
        return true;
    case PMP_NA4:
        *lo = addr << 2;
        *hi = *lo + 4;
        return true;
    case PMP_NAPOT: {
        /* trailing ones of pmpaddr give the size: 2^(ones + 3) bytes */
        unsigned ones = (unsigned)__builtin_ctzll(~addr);
        if (ones >= 62) { *lo = 0; *hi = UINT64_MAX; return true; }
        uint64_t size = 1ull << (ones + 3);
        *lo = (addr << 2) & ~(size - 1);
        *hi = *lo + size;
        if (*hi < *lo) *hi = UINT64_MAX;
        return true;
    }
    default:
        return false;
    }
}

void pmp_update(rv_cpu *cpu)
{
    cpu->pmp_active = false;
    cpu->pmp_alone = 0;
    cpu->pmp_last = -1;
    for (unsigned i = 0; i < RV_PMP_COUNT; i++) {
        uint64_t lo, hi;
        if (!pmp_range(cpu, i, &lo, &hi) || lo >= hi)
            lo = hi = 0;
        cpu->pmp_lo[i] = lo;
        cpu->pmp_hi[i] = hi;
        if (cpu->pmpcfg[i] & PMP_A)
            cpu->pmp_active = true;
    }
    for (unsigned i = 0; i < RV_PMP_COUNT; i++) {
        bool alone = cpu->pmp_lo[i] < cpu->pmp_hi[i];
        for (unsigned j = 0; j < i && alone; j++)
            if (cpu->pmp_lo[j] < cpu->pmp_hi[i] && cpu->pmp_lo[i] < cpu->pmp_hi[j])
                alone = false;
        if (alone)
            cpu->pmp_alone |= 1u << i;
    }
}

static bool pmp_entry_allows(const rv_cpu *cpu, unsigned i, rv_access acc,
                             unsigned priv)
{
    static const uint8_t need[] = {PMP_X, PMP_R, PMP_W};
    uint8_t cfg = cpu->pmpcfg[i];
    if (priv == RV_PRIV_M && !(cfg & PMP_L))
        return true;
    return (cfg & need[acc]) != 0;
}

bool pmp_allows(rv_cpu *cpu, uint64_t pa, uint64_t len, rv_access acc,
                unsigned priv)
{
    if (!cpu->pmp_active)
        return priv == RV_PRIV_M;
    uint64_t end = pa + len;
    int k = cpu->pmp_last;
    if (k >= 0 && pa >= cpu->pmp_lo[k] && end <= cpu->pmp_hi[k])
        return pmp_entry_allows(cpu, (unsigned)k, acc, priv);
    for (unsigned i = 0; i < RV_PMP_COUNT; i++) {
        uint64_t lo = cpu->pmp_lo[i], hi = cpu->pmp_hi[i];
        if (lo >= hi || !(pa < hi && end > lo))
            continue;
        /* priv 3.7.1.3: a partial match fails the access */
        if (pa < lo || end > hi)
            return false;
        if ((cpu->pmp_alone >> i) & 1)
            cpu->pmp_last = (int)i;
        return pmp_entry_allows(cpu, i, acc, priv);
    }
    /* no match: M mode succeeds, S and U fail as soon as any entry exists */
    return priv == RV_PRIV_M;
}

/* The walk itself (priv spec 4.3.2 algorithm, generalised by level count).
 * A debugger's walk (check false) skips the leaf's permission and A/D
 * checks: it sees what the page tables map, whatever the access rights. */
static int walk(rv_cpu *cpu, uint64_t va, rv_access acc, unsigned priv,
                uint64_t *pa, bool check)
{
    uint64_t satp = cpu->satp;
    unsigned mode, levels, vpn_bits, pte_size, ppn_bits;
    uint64_t root;
    if (cpu->xlen == 32) {
        mode = (unsigned)(satp >> 31) & 1;
        levels = 2, vpn_bits = 10, pte_size = 4, ppn_bits = 22;
        root = (satp & 0x3fffff) << 12;
    } else {
        mode = (unsigned)(satp >> 60);
        levels = mode - SATP_SV39 + 3, vpn_bits = 9, pte_size = 8;
        ppn_bits = 44;
        root = (satp & ((1ull << 44) - 1)) << 12;
        /* the bits above the virtual address width must all equal its top */
        unsigned va_bits = 12 + levels * 9;
        int64_t sext = (int64_t)(va << (64 - va_bits)) >> (64 - va_bits);
        if ((uint64_t)sext != va)
            return fault_cause(acc, true);
    }
    (void)mode;

    uint64_t base = root;
    for (int i = (int)levels - 1; i >= 0; i--) {
        uint64_t idx = (va >> (12 + (unsigned)i * vpn_bits)) &
                       ((1u << vpn_bits) - 1);
        uint64_t pte_addr = base + idx * pte_size;
        uint64_t pte;
        /* the walk's own reads are S-mode accesses for PMP (priv 3.7.1) */
        if (!pmp_allows(cpu, pte_addr, pte_size, RV_ACC_LOAD, RV_PRIV_S) ||
            !bus_read(&cpu->m->bus, pte_addr, pte_size, &pte))
            return fault_cause(acc, false);
        if (cpu->xlen == 64 && (pte >> 54) != 0)
            return fault_cause(acc, true); /* reserved, Svnapot, Svpbmt bits */
        if (!(pte & PTE_V) || (!(pte & PTE_R) && (pte & PTE_W)))
            return fault_cause(acc, true);
        uint64_t ppn = (pte >> 10) & ((1ull << ppn_bits) - 1);
        if (!(pte & (PTE_R | PTE_X))) {
            if (pte & (PTE_A | PTE_D | PTE_U))
                return fault_cause(acc, true);
            base = ppn << 12;
            continue;
        }
        /* a leaf: permission checks (priv 4.3.1) */
        bool ok;
        if (acc == RV_ACC_FETCH)
            ok = (pte & PTE_X) != 0;
        else if (acc == RV_ACC_LOAD)
            ok = (pte & PTE_R) ||
                 ((cpu->mstatus & MSTATUS_MXR) && (pte & PTE_X));
        else
            ok = (pte & PTE_W) != 0;
        if (priv == RV_PRIV_U && !(pte & PTE_U))
            ok = false;
        if (priv == RV_PRIV_S && (pte & PTE_U) &&
            (acc == RV_ACC_FETCH || !(cpu->mstatus & MSTATUS_SUM)))
            ok = false;
        if (check && !ok)
            return fault_cause(acc, true);
        /* a superpage must be aligned: its low PPN fields are zero */
        uint64_t low_mask = (1ull << ((unsigned)i * vpn_bits)) - 1;
        if (ppn & low_mask)
            return fault_cause(acc, true);
        if (check &&
            (!(pte & PTE_A) || (acc == RV_ACC_STORE && !(pte & PTE_D))))
            return fault_cause(acc, true);
        uint64_t off_mask = (1ull << (12 + (unsigned)i * vpn_bits)) - 1;
        *pa = ((ppn << 12) & ~off_mask) | (va & off_mask);
        if (i > 0)
            cpu->tlb_super = true;
        return 0;
    }
    return fault_cause(acc, true);
}

static bool translation_on(const rv_cpu *cpu, unsigned priv)
{
    if (priv == RV_PRIV_M)
        return false;
    if (cpu->xlen == 32)
        return (cpu->satp >> 31) != 0;
    return (cpu->satp >> 60) != SATP_BARE;
}

int mmu_translate(rv_cpu *cpu, uint64_t va, unsigned len, rv_access acc,
                  unsigned priv, uint64_t *pa)
{
    if (translation_on(cpu, priv)) {
        int cause = walk(cpu, va, acc, priv, pa, true);
        if (cause)
            return cause;
    } else {
        *pa = va;
    }
    if (!pmp_allows(cpu, *pa, len, acc, priv))
        return fault_cause(acc, false);
    return 0;
}

int mmu_translate_debug(rv_cpu *cpu, uint64_t va, uint64_t *pa)
{
    if (!translation_on(cpu, cpu->priv)) {
        *pa = va;
        return 0;
    }
    int cause = walk(cpu, va, RV_ACC_LOAD, cpu->priv, pa, false);
    /* user-mode emulation fills its page tables on first touch: a page
     * the program mapped but never used is made present for the debugger */
    if (cause && cpu->m->user && user_debug_touch(cpu->m, va))
        cause = walk(cpu, va, RV_ACC_LOAD, cpu->priv, pa, false);
    return cause;
}

/* Translate for an access by the current hart, raising the fault if any. */
static bool translate_or_raise(rv_cpu *cpu, uint64_t va, unsigned len,
                               rv_access acc, unsigned priv, uint64_t *pa)
{
    int cause = mmu_translate(cpu, va, len, acc, priv, pa);
    if (cause) {
        rv_raise(cpu, (uint64_t)cause, va);
        return false;
    }
    return true;
}

/* Enter a translation into the TLB when the whole page is plain RAM that
 * PMP lets this privilege level access. */
static void tlb_fill(rv_cpu *cpu, rv_tlb_set *set, uint64_t va, uint64_t pa,
                     rv_access acc, unsigned priv)
{
    bus *b = &cpu->m->bus;
    uint64_t ppage = pa & ~0xfffull;
    if (!bus_in_ram(b, ppage, 0x1000) || cpu->m->debug_mem)
        return;
    /* stores to a watched page must reach the device, stores to a page
     * with decoded instructions the decoded-instruction cache */
    if (acc == RV_ACC_STORE &&
        (bus_page_watched(b, ppage) || bus_page_has_code(b, ppage)))
        return;
    if (!pmp_allows(cpu, ppage, 0x1000, acc, priv))
        return;
    rv_tlb_entry *e = rv_tlb_claim(cpu, set, acc, va);
    e->tag = va & ~0xfffull;
    e->addend = (uintptr_t)(b->ram + (ppage - b->ram_base)) -
                (uintptr_t)(va & ~0xfffull);
}

static bool access_one(rv_cpu *cpu, uint64_t va, unsigned size, rv_access acc,
                       uint64_t *val)
{
    unsigned priv = mmu_data_priv(cpu);
    uint64_t pa;
    if (!translate_or_raise(cpu, va, size, acc, priv, &pa))
        return false;
    bool ok = acc == RV_ACC_STORE ? bus_write(&cpu->m->bus, pa, size, *val)
                                  : bus_read(&cpu->m->bus, pa, size, val);
    if (!ok) {
        rv_raise(cpu, (uint64_t)fault_cause(acc, false), va);
        return false;
    }
    if (unlikely(cpu->m->debug_mem))
        debug_mem_access(cpu->m, cpu->hartid, va, pa, size, *val,
                         acc == RV_ACC_STORE);
    tlb_fill(cpu, cpu->dtlb, va, pa, acc, priv);
    return true;
}

/*
 * A misaligned access, when emulated, is done byte by byte after every byte
 * has been translated and checked, so a page or PMP fault writes nothing. A
 * byte that no RAM or device answers faults when it is reached.
 */
static bool misaligned(rv_cpu *cpu, uint64_t va, unsigned size, rv_access acc,
                       uint64_t *val)
{
    if (!cpu->misaligned_ok) {
        rv_raise(cpu, acc == RV_ACC_STORE ? RV_EXC_STORE_MISALIGNED
                                          : RV_EXC_LOAD_MISALIGNED, va);
        return false;
    }
    unsigned priv = mmu_data_priv(cpu);
    uint64_t mask = cpu->xlen == 32 ? 0xffffffffull : UINT64_MAX;
    uint64_t pa[8];
    for (unsigned i = 0; i < size; i++) {
        if (!translate_or_raise(cpu, (va + i) & mask, 1, acc, priv, &pa[i]))
            return false;
    }
    uint64_t v = acc == RV_ACC_STORE ? *val : 0;
    for (unsigned i = 0; i < size; i++) {
        uint64_t byte = (v >> (8 * i)) & 0xff;
        bool ok = acc == RV_ACC_STORE
                      ? bus_write(&cpu->m->bus, pa[i], 1, byte)
                      : bus_read(&cpu->m->bus, pa[i], 1, &byte);
        if (!ok) {
            rv_raise(cpu, (uint64_t)fault_cause(acc, false),
                     (va + i) & mask);
            return false;
        }
        if (acc != RV_ACC_STORE)
            v |= byte << (8 * i);
    }
    if (acc != RV_ACC_STORE)
        *val = v;
    if (unlikely(cpu->m->debug_mem))
        debug_mem_access(cpu->m, cpu->hartid, va, pa[0], size, v,
                         acc == RV_ACC_STORE);
    return true;
}

bool mmu_load(rv_cpu *cpu, uint64_t va, unsigned size, uint64_t *val)
{
    if (va & (size - 1))
        return misaligned(cpu, va, size, RV_ACC_LOAD, val);
    return access_one(cpu, va, size, RV_ACC_LOAD, val);
}

bool mmu_store(rv_cpu *cpu, uint64_t va, unsigned size, uint64_t val)
{
    if (va & (size - 1))
        return misaligned(cpu, va, size, RV_ACC_STORE, &val);
    return access_one(cpu, va, size, RV_ACC_STORE, &val);
}

bool mmu_fetch16(rv_cpu *cpu, uint64_t va, uint32_t *parcel)
{
    uint64_t pa, v;
    if (!translate_or_raise(cpu, va, 2, RV_ACC_FETCH, cpu->priv, &pa))
        return false;
    if (!bus_read(&cpu->m->bus, pa, 2, &v)) {
        rv_raise(cpu, RV_EXC_INSN_ACCESS, va);
        return false;
    }
    /* no TLB fill: a fetch TLB entry must name a decoded page, which only
     * rv_dcache_fetch_page() makes */
    *parcel = (uint32_t)v;
    return true;
}

uint8_t *mmu_atomic_ptr(rv_cpu *cpu, uint64_t va, unsigned size,
                        rv_access acc)
{
    if (va & (size - 1)) {
        rv_raise(cpu, acc == RV_ACC_LOAD ? RV_EXC_LOAD_MISALIGNED
                                         : RV_EXC_STORE_MISALIGNED, va);
        return NULL;
    }
    unsigned priv = mmu_data_priv(cpu);
    uint64_t pa;
    if (!translate_or_raise(cpu, va, size, acc, priv, &pa))
        return NULL;
    bus *b = &cpu->m->bus;
    if (!bus_in_ram(b, pa, size)) {
        rv_raise(cpu, (uint64_t)fault_cause(acc, false), va);
        return NULL;
    }
    if (acc == RV_ACC_STORE)
        bus_ram_written(b, pa, size);
    return b->ram + (pa - b->ram_base);
}
