/* RISC-V hart state and the interfaces between the CPU's own files. */
#ifndef RV_CPU_H
#define RV_CPU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu/riscv/rv_dcache.h"
#include "machine/machine.h"

/* Privilege levels (priv spec 1.2). */
enum { RV_PRIV_U = 0, RV_PRIV_S = 1, RV_PRIV_M = 3 };

/* Exception causes (priv spec table 3.6). */
enum {
    RV_EXC_INSN_MISALIGNED = 0,
    RV_EXC_INSN_ACCESS = 1,
    RV_EXC_ILLEGAL = 2,
    RV_EXC_BREAKPOINT = 3,
    RV_EXC_LOAD_MISALIGNED = 4,
    RV_EXC_LOAD_ACCESS = 5,
    RV_EXC_STORE_MISALIGNED = 6,
    RV_EXC_STORE_ACCESS = 7,
    RV_EXC_ECALL_U = 8,
    RV_EXC_ECALL_S = 9,
    RV_EXC_ECALL_M = 11,
    RV_EXC_INSN_PAGE = 12,
    RV_EXC_LOAD_PAGE = 13,
    RV_EXC_STORE_PAGE = 15,
};

/* Interrupt numbers (bits of mip/mie). */
enum {
    RV_IRQ_SSI = 1,
    RV_IRQ_MSI = 3,
    RV_IRQ_STI = 5,
    RV_IRQ_MTI = 7,
    RV_IRQ_SEI = 9,
    RV_IRQ_MEI = 11,
};
#define RV_MIP_SSIP (1u << RV_IRQ_SSI)
#define RV_MIP_MSIP (1u << RV_IRQ_MSI)
#define RV_MIP_STIP (1u << RV_IRQ_STI)
#define RV_MIP_MTIP (1u << RV_IRQ_MTI)
#define RV_MIP_SEIP (1u << RV_IRQ_SEI)
#define RV_MIP_MEIP (1u << RV_IRQ_MEI)
#define RV_S_INTS (RV_MIP_SSIP | RV_MIP_STIP | RV_MIP_SEIP)
#define RV_M_INTS (RV_MIP_MSIP | RV_MIP_MTIP | RV_MIP_MEIP)

/* menvcfg.STCE (Sstc): stimecmp drives mip.STIP */
#define MENVCFG_STCE (1ull << 63)

/* mstatus bits, in the RV64 layout (RV32 splits bits 32+ into mstatush). */
#define MSTATUS_SIE (1ull << 1)
#define MSTATUS_MIE (1ull << 3)
#define MSTATUS_SPIE (1ull << 5)
#define MSTATUS_UBE (1ull << 6)
#define MSTATUS_MPIE (1ull << 7)
#define MSTATUS_SPP (1ull << 8)
#define MSTATUS_VS (3ull << 9)
#define MSTATUS_MPP_SHIFT 11
#define MSTATUS_MPP (3ull << 11)
#define MSTATUS_FS (3ull << 13)
#define MSTATUS_XS (3ull << 15)
#define MSTATUS_MPRV (1ull << 17)
#define MSTATUS_SUM (1ull << 18)
#define MSTATUS_MXR (1ull << 19)
#define MSTATUS_TVM (1ull << 20)
#define MSTATUS_TW (1ull << 21)
#define MSTATUS_TSR (1ull << 22)
#define MSTATUS_UXL (3ull << 32)
#define MSTATUS_SXL (3ull << 34)
#define MSTATUS_SBE (1ull << 36)
#define MSTATUS_MBE (1ull << 37)
#define MSTATUS_SD64 (1ull << 63)
#define MSTATUS_SD32 (1ull << 31)

/* Memory access kinds, for translation, PMP and fault causes. */
typedef enum rv_access { RV_ACC_FETCH, RV_ACC_LOAD, RV_ACC_STORE } rv_access;

#define RV_PMP_COUNT 16

enum { RV_EV_IRQ = 1u << 0, RV_EV_EXIT = 1u << 1 };

/*
 * One software TLB entry: a guest virtual page's address (its low 12 bits
 * zero) and the value to add to a virtual address in that page to get a
 * host pointer into RAM. An access of size bytes hits when
 * va & ~(0xfff ^ (size - 1)) equals the tag: the same compare rejects a
 * misaligned address. Device pages are never entered; they always take
 * the slow path.
 */
typedef struct rv_tlb_entry {
    uint64_t tag;
    uintptr_t addend;
} rv_tlb_entry;

/* Empty the entry in slot i, leaving a never-used slot (tag 0, not in slot
 * 0) as it is, so that sweeping a TLB writes only to the memory in use. */
static inline void rv_tlb_drop(rv_tlb_entry *e, unsigned i)
{
    if (i == 0 || e->tag != 0)
        e->tag = UINT64_MAX;
}

/* The tag an access of size bytes at va must match (rv_tlb_entry). */
static inline uint64_t rv_tlb_tag(uint64_t va, unsigned size)
{
    return va & ~(uint64_t)(0xfff ^ (size - 1));
}

/* 4096 entries per access kind and privilege: 16 MiB of reach, which the
 * memory workload's arrays need (256 entries ran it 28% slower). Filled
 * slots are logged, so that a flush clears only those. */
#define RV_TLB_BITS 12
#define RV_TLB_SIZE (1u << RV_TLB_BITS)
#define RV_TLB_LOG 2048
_Static_assert(RV_TLB_BITS <= 14, "rv_cpu.tlb_log packs an index in 14 bits");
/*
 * An empty entry's tag: it matches no access, since its low bits are set.
 * A tag of 0 (a hart's TLBs start zeroed) matches no access either, except
 * in the slot for virtual page 0, index 0: that slot is given
 * RV_TLB_INVALID when the set is first used, and every other zero tag
 * means empty too. This way a new hart touches none of its TLBs' memory.
 */
#define RV_TLB_INVALID UINT64_MAX

/* The three TLBs (fetch, load, store) for one effective privilege level.
 * A valid fetch entry also names the decoded page its translation leads
 * to (rv_dcache.h); its addend is not used. */
typedef struct rv_tlb_set {
    rv_tlb_entry e[3][RV_TLB_SIZE];
    rv_dpage *code[RV_TLB_SIZE];
    /* Set when the hart first runs at this privilege level, which gives
     * the index-0 slots RV_TLB_INVALID; a set that is not ready holds no
     * translation. */
    bool ready;
} rv_tlb_set;

/* Counts for emu_stats: the detailed ones are made only in builds with
 * -Dstats=true (EMU_STATS), through RV_STAT(). */
typedef struct rv_stats {
    uint64_t slices, slice_budget, slice_wfi, slice_halt, slice_device;
    uint64_t tlb_hits[3], tlb_misses[3];
    uint64_t decodes, uncached;
} rv_stats;
#if EMU_STATS
#define RV_STAT(expr) ((void)(expr))
#else
#define RV_STAT(expr) ((void)0)
#endif

typedef struct rv_cpu {
    /* Hot state first. x[RV_XSINK] takes the writes to x0 (rv_dcache.h). */
    uint64_t x[33];
    uint64_t pc;
    /* The one word the loop tests after every instruction: RV_EV_IRQ when an
     * interrupt is pending, enabled and can be taken now; RV_EV_EXIT when
     * the run must return (halt, wfi, a device changed the timer). */
    uint32_t events;
    unsigned priv;
    unsigned xlen;
    /* TLBs for fetches (at priv) and for data (at the MPRV-effective level). */
    rv_tlb_set *itlb;
    rv_tlb_set *dtlb;

    emu_machine *m;
    unsigned hartid;
    bool misaligned_ok;  /* zicclsm: emulate misaligned loads/stores */
    bool has_m, has_a, has_c, has_f, has_d, has_s, has_u;
    bool has_zba, has_zbb, has_zbs, has_zbc, has_zicond, has_sstc;
    unsigned c_fp;       /* RV_C_F | RV_C_D: compressed FP loads/stores */
    bool wfi;            /* stalled in wfi until an interrupt is pending */

    /* Steps this hart has been scheduled for (retired, trapped or idle);
     * virtual time and mcycle derive from it. While rv_run() executes, the
     * interpreter keeps both counts in locals and stores them here before
     * anything that can read them (CSR and device accesses, traps): during
     * an instruction, steps counts it and instret does not. */
    uint64_t steps;
    /* steps at which the current rv_run() slice ends (set by the run loop):
     * a timer change moves the next event, and ends the slice only if the
     * event now falls before this */
    uint64_t slice_end;
    uint64_t instret;    /* instructions retired */
    uint64_t minstret_off, mcycle_off;

    /* LR/SC reservation: the host address of the reserved RAM bytes. */
    const uint8_t *res_ptr;
    bool res_valid;

    /* F/D state: registers hold binary64 values, or binary32 values
     * NaN-boxed (upper 32 bits all ones); fflags and frm make up fcsr. */
    uint64_t f[32];
    uint8_t fflags, frm;

    /* CSRs. mstatus is kept in the RV64 layout for both XLENs. */
    uint64_t mstatus;
    uint64_t misa;
    uint64_t medeleg, mideleg;
    uint64_t mie, mip;
    uint64_t mtvec, stvec;
    uint64_t mepc, sepc;
    uint64_t mcause, scause;
    uint64_t mtval, stval;
    uint64_t mscratch, sscratch;
    uint32_t mcounteren, scounteren;
    uint32_t mcountinhibit; /* CY (bit 0) and IR (bit 2) are writable */
    uint64_t menvcfg, senvcfg;
    uint64_t satp;
    uint64_t stimecmp;   /* Sstc */
    uint64_t tdata2;
    uint8_t pmpcfg[RV_PMP_COUNT];
    uint64_t pmpaddr[RV_PMP_COUNT];
    bool pmp_active;     /* some PMP entry is not OFF */
    /* Derived by pmp_update() whenever a PMP CSR changes: each entry's
     * byte range [lo, hi) (empty when OFF), the entries that no lower-
     * numbered entry overlaps, and the last of those an access matched.
     * An access inside that one needs no search: priv 3.7.1 lets the
     * lowest-numbered match decide, and no lower entry can match there. */
    uint64_t pmp_lo[RV_PMP_COUNT], pmp_hi[RV_PMP_COUNT];
    uint32_t pmp_alone;
    int pmp_last;
    /* A walk found a superpage leaf since the last full TLB flush: its 4 KiB
     * TLB entries cannot be told apart, so sfence.vma by address flushes
     * everything. */
    bool tlb_super;
    /* The slots filled since the last flush (set << 16 | kind << 14 |
     * index), so that a flush clears only those; more than RV_TLB_LOG
     * fills and it clears everything. */
    unsigned tlb_nlog;
    uint32_t tlb_log[RV_TLB_LOG];

    uint64_t traps, interrupts;
    rv_stats st;

    /* Indexed by effective privilege (U, S, -, M). Kept in this struct:
     * allocating them apart measured 7-10% slower on the integer
     * workloads with the same instruction count (a data layout effect). */
    rv_tlb_set tlb[4];

    /* Instructions that cannot be cached (fetched from a device, from a
     * page PMP covers only in part, or crossing a page boundary) are
     * decoded here each time they run, in the slot of their page offset;
     * every other slot is undecoded, which in this page (it has no host
     * bytes) means RV_OP_LOOKUP. */
    unsigned scratch_slot;
    rv_dpage scratch;

    /* Kept out of the hot part above: adding them there moved the TLBs
     * and measured slower on the memory workload. */
    /* steps at which this hart's turn in the current round ends (run.c) */
    uint64_t round_until;
    /* steps counted against emu_run() budgets: retired and trapped
     * instructions, not time spent in wfi (the debugger's step count) */
    uint64_t icount;
} rv_cpu;

/* ---- rv_cpu.c ---- */
rv_cpu *rv_cpu_new(emu_machine *m, unsigned hartid, const emu_isa *isa,
                   bool has_s, bool has_u);
void rv_cpu_free(rv_cpu *cpu);
void rv_cpu_reset(rv_cpu *cpu, uint64_t pc);

/* ---- rv_exec.c ---- */
/* Run up to n steps (retired or trapped instructions); returns the number
 * used, fewer when an RV_EV_EXIT event (halt, wfi, timer change) stops it. */
uint64_t rv_run(rv_cpu *cpu, uint64_t n);

/* ---- rv_debug.c ---- */
/* rv_run() while a debugger, hook or trace needs each step: one step at a
 * time through run (the interpreter), with the debugger's checks between. */
uint64_t rv_debug_run(rv_cpu *cpu, uint64_t n,
                      uint64_t (*run)(rv_cpu *, uint64_t));
/* An LR, SC or AMO at va (host bytes p) read or wrote value. */
void rv_debug_atomic(rv_cpu *cpu, uint64_t va, const uint8_t *p,
                     unsigned size, bool write, uint64_t value);

/* ---- rv_trap.c ---- */
/* Enter the trap handler for an exception (cause < 64) at the current pc. */
void rv_raise(rv_cpu *cpu, uint64_t cause, uint64_t tval);
/* Take the highest-priority ready interrupt, if any. */
void rv_take_interrupt(rv_cpu *cpu);
/* Recompute RV_EV_IRQ after a change of mip, mie, mideleg, mstatus or priv. */
void rv_update_irq(rv_cpu *cpu);
/* Set or clear bits of mip driven by devices, and update irq_ready. */
void rv_set_mip(rv_cpu *cpu, uint64_t mask, bool level);
void rv_mret(rv_cpu *cpu);
void rv_sret(rv_cpu *cpu);
void rv_set_priv(rv_cpu *cpu, unsigned priv);

/* ---- rv_csr.c ---- */
/*
 * Execute a CSR instruction's access with the privilege and read-only rules
 * applied (priv spec 2.1): kind is funct3 & 3 (1 RW, 2 RS, 3 RC), src the
 * rs1 value or immediate, write whether the instruction writes at all
 * (RS/RC with rs1 = x0 / uimm = 0 do not). The old value goes to *old.
 * Returns false when the access is illegal (the caller raises the exception).
 */
bool rv_csr_insn(rv_cpu *cpu, unsigned csr, unsigned kind, uint64_t src,
                 bool write, uint64_t *old);
/* Raw CSR read/write for debuggers and the register API, without the
 * privilege check. Returns false if the CSR does not exist. */
bool rv_csr_read_raw(rv_cpu *cpu, unsigned csr, uint64_t *val);
bool rv_csr_write_raw(rv_cpu *cpu, unsigned csr, uint64_t val);
/* Write the CSR's name into buf; false if there is no such CSR. */
bool rv_csr_name(unsigned csr, char *buf, size_t len);
int rv_csr_lookup(const char *name);
uint64_t rv_mtime(const rv_cpu *cpu);
/* Re-evaluate the timer interrupts of a hart against mtime: MTIP from the
 * CLINT's mtimecmp, STIP from stimecmp while Sstc's STCE is set. */
void rv_timer_update(rv_cpu *cpu);
/* Sstc: true when stimecmp drives STIP (menvcfg.STCE is set). */
static inline bool rv_sstc_on(const rv_cpu *cpu)
{
    return (cpu->menvcfg & MENVCFG_STCE) != 0;
}
/* Called when mstatus/satp/priv change in ways that invalidate TLBs. */
void rv_tlb_flush(rv_cpu *cpu);
/* sfence.vma with an address: drop the translations of the page holding va
 * (everything, when superpages may be cached). */
void rv_tlb_flush_page(rv_cpu *cpu, uint64_t va);
/* The entry for va in a TLB of cpu, to be filled: logged for rv_tlb_flush()
 * unless it is in use already. */
rv_tlb_entry *rv_tlb_claim(rv_cpu *cpu, rv_tlb_set *set, rv_access acc,
                           uint64_t va);
void rv_update_tlb_ptrs(rv_cpu *cpu);

#endif
