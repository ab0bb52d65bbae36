/*
 * The RISC-V software MMU: page-table walks (Sv32, Sv39, Sv48, Sv57), PMP,
 * and the slow paths behind the TLBs that rv_exec.c consults inline.
 */
#ifndef MMU_MMU_H
#define MMU_MMU_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu/riscv/rv_cpu.h"

/* satp modes */
enum { SATP_BARE = 0, SATP_SV32 = 1, SATP_SV39 = 8, SATP_SV48 = 9, SATP_SV57 = 10 };

/* The privilege level data accesses are checked at (mstatus.MPRV rule). */
static inline unsigned mmu_data_priv(const rv_cpu *cpu)
{
    if (cpu->priv == RV_PRIV_M && (cpu->mstatus & MSTATUS_MPRV))
        return (unsigned)((cpu->mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT);
    return cpu->priv;
}

/*
 * Translate va for an access of the given kind at privilege priv and check
 * PMP for len bytes at the result. Returns 0 and sets *pa, or returns the
 * exception cause (page fault or access fault) to raise with tval = va.
 */
int mmu_translate(rv_cpu *cpu, uint64_t va, unsigned len, rv_access acc,
                  unsigned priv, uint64_t *pa);

/*
 * The debugger's translation (emu_mem_read_virt): va as the hart sees it at
 * its current privilege level, ignoring page permissions, A/D bits and PMP.
 * Returns 0 and sets *pa, or a page-fault cause when nothing is mapped.
 */
int mmu_translate_debug(rv_cpu *cpu, uint64_t va, uint64_t *pa);

/* PMP check of [pa, pa + len) at privilege priv (priv spec 3.7.1). */
bool pmp_allows(rv_cpu *cpu, uint64_t pa, uint64_t len, rv_access acc,
                unsigned priv);
/* Recompute what pmp_allows() derives from the pmpcfg/pmpaddr CSRs; call
 * after every change to them. */
void pmp_update(rv_cpu *cpu);

/*
 * Slow paths: translate, access the bus, fill the TLB when the page is plain
 * RAM. On any fault they raise the exception in the guest and return false.
 * Misaligned accesses (va not a multiple of size) are handled here too:
 * emulated when cpu->misaligned_ok, otherwise an address-misaligned trap.
 */
bool mmu_load(rv_cpu *cpu, uint64_t va, unsigned size, uint64_t *val);
bool mmu_store(rv_cpu *cpu, uint64_t va, unsigned size, uint64_t val);
/* Fetch the 16-bit parcel at va (va is 2-byte aligned). */
bool mmu_fetch16(rv_cpu *cpu, uint64_t va, uint32_t *parcel);
/*
 * For LR (acc = load), SC and AMOs (acc = store): translate va for size
 * bytes, which must be aligned, and return a host pointer into RAM, or NULL
 * after raising the fault. Devices do not support atomics: an LR/SC/AMO to a
 * device address raises an access fault. Atomics bypass bus watches.
 */
uint8_t *mmu_atomic_ptr(rv_cpu *cpu, uint64_t va, unsigned size,
                        rv_access acc);

#endif
