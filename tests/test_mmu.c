/*
 * Page-table walks over tables built by hand in guest RAM (priv spec 1.12
 * 4.3-4.6: Sv32, Sv39, Sv48, Sv57) and PMP (3.7). Most checks call
 * mmu_translate() directly; a few run loads, stores and fetches through
 * the interpreter to see the trap the guest gets.
 */
#include <stdio.h>

#include "mmu/mmu.h"
#include "testutil.h"

#define PTE_V 0x01u
#define PTE_R 0x02u
#define PTE_W 0x04u
#define PTE_X 0x08u
#define PTE_U 0x10u
#define PTE_G 0x20u
#define PTE_A 0x40u
#define PTE_D 0x80u
#define RWX_AD (PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D)

#define MSTATUS_MPP_S (1ull << 11)
#define MSTATUS_MPRV (1ull << 17)
#define MSTATUS_SUM (1ull << 18)
#define MSTATUS_MXR (1ull << 19)

#define PT_BASE (TU_RAM_BASE + 0x100000) /* page tables live from 1 MiB */
#define HANDLER (TU_RAM_BASE + 0x3000)

/* A page table under construction in guest RAM. */
typedef struct pt {
    emu_machine *m;
    unsigned levels, pte_size, vpn_bits;
    uint64_t root, next;
} pt;

static void pt_init(pt *p, emu_machine *m, unsigned levels)
{
    p->m = m;
    p->levels = levels;
    p->pte_size = levels == 2 ? 4 : 8;
    p->vpn_bits = levels == 2 ? 10 : 9;
    p->root = PT_BASE;
    p->next = PT_BASE + 0x1000;
}

static uint64_t rd_pte(pt *p, uint64_t a)
{
    return p->pte_size == 4 ? tu_read32(p->m, a) : tu_read64(p->m, a);
}

static void wr_pte(pt *p, uint64_t a, uint64_t v)
{
    if (p->pte_size == 4)
        tu_write32(p->m, a, (uint32_t)v);
    else
        tu_write64(p->m, a, v);
}

/* Map va to pa with a leaf at `level` (0 = 4 KiB page); returns the leaf
 * PTE's address so tests can change it. */
static uint64_t pt_map(pt *p, uint64_t va, uint64_t pa, unsigned level,
                       uint64_t flags)
{
    uint64_t table = p->root;
    for (unsigned l = p->levels - 1;; l--) {
        uint64_t idx = (va >> (12 + l * p->vpn_bits)) & ((1u << p->vpn_bits) - 1);
        uint64_t a = table + idx * p->pte_size;
        if (l == level) {
            wr_pte(p, a, (pa >> 12) << 10 | flags);
            return a;
        }
        uint64_t e = rd_pte(p, a);
        if (!(e & PTE_V)) {
            e = (p->next >> 12) << 10 | PTE_V;
            p->next += 0x1000;
            wr_pte(p, a, e);
        }
        table = (e >> 10) << 12;
    }
}

static uint64_t satp_for(pt *p, unsigned mode)
{
    if (p->levels == 2)
        return (1ull << 31) | (p->root >> 12);
    return ((uint64_t)mode << 60) | (p->root >> 12);
}

static emu_machine *mmu_machine(unsigned xlen, pt *p, unsigned levels,
                                unsigned mode)
{
    emu_machine *m = tu_machine(xlen);
    tu_pmp_allow_all(m);
    tu_set_csr(m, CSR_MTVEC, HANDLER);
    pt_init(p, m, levels);
    tu_set_csr(m, CSR_SATP, satp_for(p, mode));
    ck_assert_uint_eq(tu_csr(m, CSR_SATP), satp_for(p, mode));
    return m;
}

static rv_cpu *cpu_of(emu_machine *m) { return tu_cpu(m); }

/* Translate and expect success with the given physical address. */
#define XLATE_OK(m, va, acc, priv, expect_pa)                                  \
    do {                                                                       \
        uint64_t pa_ = 0;                                                      \
        int c_ = mmu_translate(cpu_of(m), (va), 1, (acc), (priv), &pa_);       \
        ck_assert_msg(c_ == 0, "va 0x%llx acc %d priv %d: cause %d",           \
                      (unsigned long long)(va), (acc), (priv), c_);            \
        ck_assert_uint_eq(pa_, (expect_pa));                                   \
    } while (0)

/* Translate and expect the exception cause. */
#define XLATE_FAULT(m, va, acc, priv, cause)                                   \
    do {                                                                       \
        uint64_t pa_ = 0;                                                      \
        int c_ = mmu_translate(cpu_of(m), (va), 1, (acc), (priv), &pa_);       \
        ck_assert_msg(c_ == (cause), "va 0x%llx acc %d priv %d: cause %d, "    \
                      "expected %d", (unsigned long long)(va), (acc), (priv),  \
                      c_, (cause));                                            \
    } while (0)

enum { U = 0, S = 1, M = 3 };
#define F RV_ACC_FETCH
#define L RV_ACC_LOAD
#define W RV_ACC_STORE

/* ---- Sv39 ---- */

START_TEST(test_sv39_4k_page_translates)
{
    pt p;
    emu_machine *m = mmu_machine(64, &p, 3, SATP_SV39);
    pt_map(&p, 0x1000, TU_RAM_BASE + 0x400000, 0, RWX_AD);
    XLATE_OK(m, 0x1234, L, S, TU_RAM_BASE + 0x400234);
    XLATE_OK(m, 0x1ffc, W, S, TU_RAM_BASE + 0x400ffc);
    XLATE_OK(m, 0x1000, F, S, TU_RAM_BASE + 0x400000);
    XLATE_FAULT(m, 0x2000, L, S, 13); /* next page unmapped */
    /* M mode is never translated */
    XLATE_OK(m, 0x1234, L, M, 0x1234);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_sv39_2m_superpage_translates)
{
    pt p;
    emu_machine *m = mmu_machine(64, &p, 3, SATP_SV39);
    pt_map(&p, 0x200000, TU_RAM_BASE + 0x600000, 1, RWX_AD);
    XLATE_OK(m, 0x2abcde, L, S, TU_RAM_BASE + 0x6abcde);
    XLATE_OK(m, 0x3fffff, W, S, TU_RAM_BASE + 0x7fffff);
    XLATE_FAULT(m, 0x400000, L, S, 13);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_sv39_1g_superpage_translates)
{
    pt p;
    emu_machine *m = mmu_machine(64, &p, 3, SATP_SV39);
    pt_map(&p, 0x40000000, 0x80000000, 2, RWX_AD);
    XLATE_OK(m, 0x40123456, L, S, 0x80123456);
    XLATE_OK(m, 0x7fffffff, F, S, 0xbfffffff);
    /* the top half of the address space: va 0xffffffc0_00000000 is index
     * 256 of the root */
    pt_map(&p, 0xffffffc000000000ull, 0xc0000000, 2, RWX_AD);
    XLATE_OK(m, 0xffffffc000000abcull, L, S, 0xc0000abc);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_sv39_superpage_misaligned_faults)
{
    pt p;
    emu_machine *m = mmu_machine(64, &p, 3, SATP_SV39);
    pt_map(&p, 0x200000, TU_RAM_BASE + 0x601000, 1, RWX_AD); /* 2M, ppn[0] != 0 */
    pt_map(&p, 0x40000000, 0x80200000, 2, RWX_AD);          /* 1G, ppn[1] != 0 */
    XLATE_FAULT(m, 0x200000, L, S, 13);
    XLATE_FAULT(m, 0x200000, W, S, 15);
    XLATE_FAULT(m, 0x200000, F, S, 12);
    XLATE_FAULT(m, 0x40000000, L, S, 13);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_sv39_non_canonical_address_faults)
{
    pt p;
    emu_machine *m = mmu_machine(64, &p, 3, SATP_SV39);
    pt_map(&p, 0x1000, TU_RAM_BASE + 0x400000, 0, RWX_AD);
    /* bit 38 set, bits 63:39 clear; and the aliases of a mapped address */
    XLATE_FAULT(m, 0x0000004000001000ull, L, S, 13);
    XLATE_FAULT(m, 0x0000004000001000ull, W, S, 15);
    XLATE_FAULT(m, 0x0000004000001000ull, F, S, 12);
    XLATE_FAULT(m, 0x8000000000001000ull, L, S, 13);
    XLATE_FAULT(m, 0x0000008000001000ull, L, U, 13);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_invalid_and_reserved_ptes_fault)
{
    pt p;
    emu_machine *m = mmu_machine(64, &p, 3, SATP_SV39);
    uint64_t a = pt_map(&p, 0x1000, TU_RAM_BASE + 0x400000, 0, RWX_AD & ~PTE_V);
    XLATE_FAULT(m, 0x1000, L, S, 13);
    /* W without R is reserved, with or without X */
    tu_write64(m, a, ((TU_RAM_BASE + 0x400000) >> 12) << 10 | PTE_V | PTE_W | PTE_A | PTE_D);
    XLATE_FAULT(m, 0x1000, W, S, 15);
    XLATE_FAULT(m, 0x1000, L, S, 13);
    tu_write64(m, a, ((TU_RAM_BASE + 0x400000) >> 12) << 10 | PTE_V | PTE_W | PTE_X | PTE_A | PTE_D);
    XLATE_FAULT(m, 0x1000, F, S, 12);
    /* bits 63:54 are reserved (no Svpbmt/Svnapot) */
    tu_write64(m, a, (1ull << 62) | ((TU_RAM_BASE + 0x400000) >> 12) << 10 | RWX_AD);
    XLATE_FAULT(m, 0x1000, L, S, 13);
    tu_write64(m, a, ((TU_RAM_BASE + 0x400000) >> 12) << 10 | RWX_AD);
    XLATE_OK(m, 0x1000, L, S, TU_RAM_BASE + 0x400000);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_walk_past_last_level_faults)
{
    pt p;
    emu_machine *m = mmu_machine(64, &p, 3, SATP_SV39);
    /* a pointer PTE at level 0 */
    uint64_t a = pt_map(&p, 0x1000, TU_RAM_BASE + 0x400000, 0, PTE_V);
    (void)a;
    XLATE_FAULT(m, 0x1000, L, S, 13);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_u_page_from_s_needs_sum_and_never_executes)
{
    pt p;
    emu_machine *m = mmu_machine(64, &p, 3, SATP_SV39);
    pt_map(&p, 0x1000, TU_RAM_BASE + 0x400000, 0, RWX_AD | PTE_U);
    XLATE_OK(m, 0x1000, L, U, TU_RAM_BASE + 0x400000);
    XLATE_FAULT(m, 0x1000, L, S, 13);
    XLATE_FAULT(m, 0x1000, W, S, 15);
    XLATE_FAULT(m, 0x1000, F, S, 12);
    tu_set_csr(m, CSR_MSTATUS, MSTATUS_SUM);
    XLATE_OK(m, 0x1000, L, S, TU_RAM_BASE + 0x400000);
    XLATE_OK(m, 0x1000, W, S, TU_RAM_BASE + 0x400000);
    XLATE_FAULT(m, 0x1000, F, S, 12);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_s_page_from_u_faults)
{
    pt p;
    emu_machine *m = mmu_machine(64, &p, 3, SATP_SV39);
    pt_map(&p, 0x1000, TU_RAM_BASE + 0x400000, 0, RWX_AD);
    XLATE_FAULT(m, 0x1000, L, U, 13);
    XLATE_FAULT(m, 0x1000, W, U, 15);
    XLATE_FAULT(m, 0x1000, F, U, 12);
    tu_set_csr(m, CSR_MSTATUS, MSTATUS_SUM); /* SUM does not help U */
    XLATE_FAULT(m, 0x1000, L, U, 13);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_mxr_makes_execute_only_pages_readable)
{
    pt p;
    emu_machine *m = mmu_machine(64, &p, 3, SATP_SV39);
    pt_map(&p, 0x1000, TU_RAM_BASE + 0x400000, 0, PTE_V | PTE_X | PTE_A | PTE_D);
    XLATE_OK(m, 0x1000, F, S, TU_RAM_BASE + 0x400000);
    XLATE_FAULT(m, 0x1000, L, S, 13);
    tu_set_csr(m, CSR_MSTATUS, MSTATUS_MXR);
    XLATE_OK(m, 0x1000, L, S, TU_RAM_BASE + 0x400000);
    XLATE_FAULT(m, 0x1000, W, S, 15);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_clear_accessed_or_dirty_bit_faults)
{
    pt p;
    emu_machine *m = mmu_machine(64, &p, 3, SATP_SV39);
    uint64_t a = pt_map(&p, 0x1000, TU_RAM_BASE + 0x400000, 0, RWX_AD & ~PTE_A);
    XLATE_FAULT(m, 0x1000, L, S, 13);
    XLATE_FAULT(m, 0x1000, F, S, 12);
    XLATE_FAULT(m, 0x1000, W, S, 15);
    /* the MMU does not set A itself */
    ck_assert_uint_eq(tu_read64(m, a) & PTE_A, 0);
    tu_write64(m, a, ((TU_RAM_BASE + 0x400000) >> 12) << 10 | (RWX_AD & ~PTE_D));
    XLATE_OK(m, 0x1000, L, S, TU_RAM_BASE + 0x400000);
    XLATE_FAULT(m, 0x1000, W, S, 15);
    ck_assert_uint_eq(tu_read64(m, a) & PTE_D, 0);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_nonleaf_pte_with_a_d_u_bits_faults)
{
    pt p;
    emu_machine *m = mmu_machine(64, &p, 3, SATP_SV39);
    pt_map(&p, 0x1000, TU_RAM_BASE + 0x400000, 0, RWX_AD);
    uint64_t root0 = p.root; /* index 0 of the root points on */
    uint64_t e = tu_read64(m, root0);
    XLATE_OK(m, 0x1000, L, S, TU_RAM_BASE + 0x400000);
    tu_write64(m, root0, e | PTE_U);
    XLATE_FAULT(m, 0x1000, L, S, 13);
    emu_machine_free(m);
}
END_TEST

/* ---- Sv48, Sv57, Sv32 ---- */

START_TEST(test_sv48_walk_four_levels)
{
    pt p;
    emu_machine *m = mmu_machine(64, &p, 4, SATP_SV48);
    uint64_t va = 0x0000008000005000ull; /* vpn[3] = 1 */
    pt_map(&p, va, TU_RAM_BASE + 0x500000, 0, RWX_AD);
    XLATE_OK(m, va + 0x10, L, S, TU_RAM_BASE + 0x500010);
    /* a 1 GiB page at level 2 */
    pt_map(&p, 0x40000000, 0x80000000, 2, RWX_AD);
    XLATE_OK(m, 0x40000040, L, S, 0x80000040);
    /* bit 47 set without the bits above it: not canonical for Sv48 */
    XLATE_FAULT(m, 0x0000800000000000ull, L, S, 13);
    XLATE_FAULT(m, 0x0000800000000000ull | va, F, S, 12);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_sv57_walk_five_levels)
{
    pt p;
    emu_machine *m = mmu_machine(64, &p, 5, SATP_SV57);
    uint64_t va = (1ull << 48) | 0x7000; /* vpn[4] = 1 */
    pt_map(&p, va, TU_RAM_BASE + 0x700000, 0, RWX_AD);
    XLATE_OK(m, va + 0x123, W, S, TU_RAM_BASE + 0x700123);
    /* top-half address */
    uint64_t hi = 0xff00000000008000ull;
    pt_map(&p, hi, TU_RAM_BASE + 0x708000, 0, RWX_AD);
    XLATE_OK(m, hi + 8, L, S, TU_RAM_BASE + 0x708008);
    XLATE_FAULT(m, 0x0100000000000000ull, L, S, 13); /* bit 56 only */
    emu_machine_free(m);
}
END_TEST

START_TEST(test_sv32_4k_and_4m_pages_on_rv32)
{
    pt p;
    emu_machine *m = mmu_machine(32, &p, 2, SATP_SV32);
    pt_map(&p, 0x00001000, TU_RAM_BASE + 0x500000, 0, RWX_AD);
    pt_map(&p, 0x00400000, TU_RAM_BASE + 0x400000, 1, RWX_AD);
    pt_map(&p, 0xffc00000, TU_RAM_BASE + 0x800000, 1, RWX_AD | PTE_U);
    pt_map(&p, 0x00800000, TU_RAM_BASE + 0x401000, 1, RWX_AD); /* misaligned */
    XLATE_OK(m, 0x00001abc, L, S, TU_RAM_BASE + 0x500abc);
    XLATE_OK(m, 0x007ffffc, W, S, TU_RAM_BASE + 0x7ffffc);
    XLATE_OK(m, 0xffc00010, L, U, TU_RAM_BASE + 0x800010);
    XLATE_FAULT(m, 0x00800000, L, S, 13);
    XLATE_FAULT(m, 0x00002000, F, S, 12);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_sv32_physical_address_above_4g)
{
    /* Sv32 PPNs are 22 bits: a leaf can name a 34-bit physical address */
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV32);
    cfg.ram_base = 0x100000000ull;
    cfg.ram_size = 4ull << 20;
    emu_machine *m = tu_machine_cfg(&cfg);
    tu_pmp_allow_all(m);
    pt p = {m, 2, 4, 10, 0x100100000ull, 0x100101000ull};
    tu_set_csr(m, CSR_SATP, (1ull << 31) | (p.root >> 12));
    pt_map(&p, 0x2000, 0x100200000ull, 0, RWX_AD);
    XLATE_OK(m, 0x2004, L, S, 0x100200004ull);
    emu_machine_free(m);
}
END_TEST

/* ---- executed accesses ---- */

START_TEST(test_page_fault_tval_from_executed_load_and_fetch)
{
    pt p;
    emu_machine *m = mmu_machine(64, &p, 3, SATP_SV39);
    /* identity-map the first GiB of RAM (code) for S */
    pt_map(&p, 0x80000000, 0x80000000, 2, RWX_AD);
    TU_CODE(m, TU_RAM_BASE, tu_ld(A0, A1, 0), tu_jalr(ZERO, A2, 0));
    tu_set_x(m, A1, 0x5008);
    tu_set_x(m, A2, 0x6000);
    tu_set(m, "pc", TU_RAM_BASE);
    tu_set_priv(m, 1);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 13);
    ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), 0x5008);
    ck_assert_uint_eq(tu_csr(m, CSR_MEPC), TU_RAM_BASE);
    tu_set(m, "pc", TU_RAM_BASE + 4);
    tu_set_priv(m, 1);
    tu_step(m, 2); /* the jump retires, the fetch at 0x6000 faults */
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 12);
    ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), 0x6000);
    ck_assert_uint_eq(tu_csr(m, CSR_MEPC), 0x6000);
    /* a store to a read-only page */
    pt_map(&p, 0x5000, TU_RAM_BASE + 0x400000, 0, PTE_V | PTE_R | PTE_A | PTE_D);
    tu_write32(m, TU_RAM_BASE + 8, tu_sd(A0, A1, 0));
    tu_set(m, "pc", TU_RAM_BASE + 8);
    tu_set_priv(m, 1);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 15);
    ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), 0x5008);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_fetch_crossing_into_unmapped_page_reports_second_half)
{
    pt p;
    emu_machine *m = mmu_machine(64, &p, 3, SATP_SV39);
    pt_map(&p, 0x10000, TU_RAM_BASE + 0x400000, 0, RWX_AD);
    /* a 32-bit instruction in the last two bytes of the mapped page */
    tu_write16(m, TU_RAM_BASE + 0x400ffe, 0x0513); /* low half of addi a0 */
    tu_set(m, "pc", 0x10ffe);
    tu_set_priv(m, 1);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 12);
    ck_assert_uint_eq(tu_csr(m, CSR_MEPC), 0x10ffe);
    ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), 0x11000);
    /* mapped: the instruction runs across the boundary */
    pt_map(&p, 0x11000, TU_RAM_BASE + 0x402000, 0, RWX_AD);
    tu_write16(m, TU_RAM_BASE + 0x402000, 0x0015); /* addi a0, a0, 1 high */
    tu_set_x(m, A0, 41);
    tu_set(m, "pc", 0x10ffe);
    tu_set_priv(m, 1);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_x(m, A0), 42);
    ck_assert_uint_eq(tu_reg(m, "pc"), 0x11002);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_mprv_with_mpp_s_translates_m_loads)
{
    pt p;
    emu_machine *m = mmu_machine(64, &p, 3, SATP_SV39);
    pt_map(&p, 0x1000, TU_RAM_BASE + 0x400000, 0, RWX_AD);
    tu_write64(m, TU_RAM_BASE + 0x400010, 0x1122334455667788ull);
    TU_CODE(m, TU_RAM_BASE, tu_ld(A0, A1, 0x10), tu_ld(A3, A1, 0x10));
    tu_set_x(m, A1, 0x1000);
    tu_set_csr(m, CSR_MSTATUS, MSTATUS_MPRV | MSTATUS_MPP_S);
    tu_set(m, "pc", TU_RAM_BASE);
    tu_step(m, 1); /* fetch is not translated, the load is */
    ck_assert_uint_eq(tu_x(m, A0), 0x1122334455667788ull);
    ck_assert_uint_eq(tu_reg(m, "priv"), 3);
    /* without MPRV the same load is a bare access to 0x1010: no memory */
    tu_set_csr(m, CSR_MSTATUS, 0);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 5);
    ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), 0x1010);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_sfence_vma_makes_changed_pte_visible)
{
    pt p;
    emu_machine *m = mmu_machine(64, &p, 3, SATP_SV39);
    pt_map(&p, 0x80000000, 0x80000000, 2, RWX_AD);
    uint64_t a = pt_map(&p, 0x1000, TU_RAM_BASE + 0x400000, 0, RWX_AD);
    tu_write64(m, TU_RAM_BASE + 0x400000, 111);
    tu_write64(m, TU_RAM_BASE + 0x401000, 222);
    TU_CODE(m, TU_RAM_BASE, tu_ld(A0, A1, 0), TU_NOP, TU_SFENCE_VMA,
            tu_ld(A2, A1, 0));
    tu_set_x(m, A1, 0x1000);
    tu_set(m, "pc", TU_RAM_BASE);
    tu_set_priv(m, 1);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_x(m, A0), 111);
    /* the guest changes the PTE; after sfence.vma the new mapping is used */
    tu_write64(m, a, ((TU_RAM_BASE + 0x401000) >> 12) << 10 | RWX_AD);
    tu_step(m, 3);
    ck_assert_uint_eq(tu_reg(m, "priv"), 1);
    ck_assert_uint_eq(tu_x(m, A2), 222);
    emu_machine_free(m);
}
END_TEST

/* sfence.vma rs1, x0 */
static uint32_t sfence_va(unsigned rs1) { return tu_enc_r(0x73, 0, 0, rs1, 0, 0x09); }

START_TEST(test_sfence_vma_by_address_drops_only_that_page)
{
    /* 4 KiB pages only (the code page too): an address flush is narrow */
    pt p;
    emu_machine *m = mmu_machine(64, &p, 3, SATP_SV39);
    pt_map(&p, TU_RAM_BASE, TU_RAM_BASE, 0, RWX_AD);
    uint64_t pa = pt_map(&p, 0x1000, TU_RAM_BASE + 0x400000, 0, RWX_AD);
    uint64_t pb = pt_map(&p, 0x2000, TU_RAM_BASE + 0x402000, 0, RWX_AD);
    tu_write64(m, TU_RAM_BASE + 0x400000, 1);
    tu_write64(m, TU_RAM_BASE + 0x401000, 2);
    tu_write64(m, TU_RAM_BASE + 0x402000, 3);
    tu_write64(m, TU_RAM_BASE + 0x403000, 4);
    TU_CODE(m, TU_RAM_BASE, tu_ld(A0, A1, 0), tu_ld(A0, A2, 0), sfence_va(A1),
            tu_ld(A3, A1, 0), tu_ld(A4, A2, 0), TU_SFENCE_VMA, tu_ld(A5, A2, 0));
    tu_set_x(m, A1, 0x1000);
    tu_set_x(m, A2, 0x2000);
    tu_set(m, "pc", TU_RAM_BASE);
    tu_set_priv(m, 1);
    tu_step(m, 2); /* both pages are in the TLB now */
    tu_write64(m, pa, ((TU_RAM_BASE + 0x401000) >> 12) << 10 | RWX_AD);
    tu_write64(m, pb, ((TU_RAM_BASE + 0x403000) >> 12) << 10 | RWX_AD);
    tu_step(m, 5);
    ck_assert_uint_eq(tu_reg(m, "priv"), 1);
    ck_assert_uint_eq(tu_x(m, A3), 2); /* flushed: the new mapping */
    ck_assert_uint_eq(tu_x(m, A4), 3); /* not flushed: still cached (allowed) */
    ck_assert_uint_eq(tu_x(m, A5), 4); /* after a full flush */
    emu_machine_free(m);
}
END_TEST

START_TEST(test_sfence_vma_by_address_in_superpage_drops_all_of_it)
{
    /* a 2 MiB page cached as several 4 KiB entries: flushing one address
     * must drop every entry the superpage PTE produced */
    pt p;
    emu_machine *m = mmu_machine(64, &p, 3, SATP_SV39);
    pt_map(&p, TU_RAM_BASE, TU_RAM_BASE, 0, RWX_AD);
    uint64_t sp = pt_map(&p, 0x200000, TU_RAM_BASE + 0x400000, 1, RWX_AD);
    tu_write64(m, TU_RAM_BASE + 0x401000, 5);
    tu_write64(m, TU_RAM_BASE + 0x601000, 6);
    TU_CODE(m, TU_RAM_BASE, tu_ld(A0, A2, 0), sfence_va(A1), tu_ld(A3, A2, 0));
    tu_set_x(m, A1, 0x200000);
    tu_set_x(m, A2, 0x201000);
    tu_set(m, "pc", TU_RAM_BASE);
    tu_set_priv(m, 1);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_x(m, A0), 5);
    tu_write64(m, sp, ((TU_RAM_BASE + 0x600000) >> 12) << 10 | RWX_AD);
    tu_step(m, 2);
    ck_assert_uint_eq(tu_reg(m, "priv"), 1);
    ck_assert_uint_eq(tu_x(m, A3), 6);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_full_flush_after_more_fills_than_logged)
{
    /* 3000 loads from distinct pages fill more TLB slots than the flush
     * log records; the page loaded last, after them, is in no log, and a
     * full sfence.vma must drop it all the same */
    pt p;
    emu_machine *m = mmu_machine(64, &p, 3, SATP_SV39);
    pt_map(&p, TU_RAM_BASE, TU_RAM_BASE, 2, RWX_AD);
    uint64_t leaf = pt_map(&p, 0x10000, TU_RAM_BASE + 0x200000, 0, RWX_AD);
    tu_write64(m, TU_RAM_BASE + 0x200000, 111);
    tu_write64(m, TU_RAM_BASE + 0x201000, 222);
    TU_CODE(m, TU_RAM_BASE,
            tu_ld(T2, T1, 0), tu_enc_r(OPC_OP, T1, 0, T1, S1, 0), /* add */
            tu_addi(T0, T0, -1), tu_bne(T0, ZERO, -12),
            tu_ld(A0, A2, 0), tu_sd(A3, A4, 0), TU_SFENCE_VMA,
            tu_ld(A1, A2, 0));
    tu_set_x(m, T0, 3000);
    tu_set_x(m, T1, TU_RAM_BASE + 0x400000);
    tu_set_x(m, S1, 0x1000);
    tu_set_x(m, A2, 0x10000);
    tu_set_x(m, A3, ((TU_RAM_BASE + 0x201000) >> 12) << 10 | RWX_AD);
    tu_set_x(m, A4, leaf);
    tu_set(m, "pc", TU_RAM_BASE);
    tu_set_priv(m, 1);
    tu_step(m, 4 * 3000 + 4);
    ck_assert_uint_eq(tu_reg(m, "priv"), 1);
    ck_assert_uint_eq(tu_x(m, A0), 111);
    ck_assert_uint_eq(tu_x(m, A1), 222);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_store_through_tlb_after_pte_loses_write_permission)
{
    /* a store that filled the TLB, then the PTE becomes read-only and
     * sfence.vma runs: the next store must fault */
    pt p;
    emu_machine *m = mmu_machine(64, &p, 3, SATP_SV39);
    pt_map(&p, 0x80000000, 0x80000000, 2, RWX_AD);
    uint64_t a = pt_map(&p, 0x1000, TU_RAM_BASE + 0x400000, 0, RWX_AD);
    TU_CODE(m, TU_RAM_BASE, tu_sd(A0, A1, 0), TU_SFENCE_VMA, tu_sd(A0, A1, 8));
    tu_set_x(m, A0, 42);
    tu_set_x(m, A1, 0x1000);
    tu_set(m, "pc", TU_RAM_BASE);
    tu_set_priv(m, 1);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_read64(m, TU_RAM_BASE + 0x400000), 42);
    tu_write64(m, a, ((TU_RAM_BASE + 0x400000) >> 12) << 10 | PTE_V | PTE_R | PTE_A | PTE_D);
    tu_step(m, 2);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 15);
    ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), 0x1008);
    ck_assert_uint_eq(tu_read64(m, TU_RAM_BASE + 0x400008), 0);
    emu_machine_free(m);
}
END_TEST

/* ---- PMP ---- */

static uint64_t napot(uint64_t base, uint64_t size)
{
    return (base >> 2) | ((size >> 3) - 1);
}

START_TEST(test_pmp_no_entry_denies_s_and_u_allows_m)
{
    emu_machine *m = tu_machine(64);
    XLATE_OK(m, TU_RAM_BASE, L, M, TU_RAM_BASE);
    XLATE_FAULT(m, TU_RAM_BASE, L, S, 5);
    XLATE_FAULT(m, TU_RAM_BASE, W, U, 7);
    XLATE_FAULT(m, TU_RAM_BASE, F, U, 1);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_pmp_napot_allows_and_denies_u_accesses)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = tu_machine(xlen);
        uint64_t base = TU_RAM_BASE + 0x10000;
        tu_set_csr(m, CSR_PMPADDR0, napot(base, 0x1000));
        tu_set_csr(m, CSR_PMPCFG0, 0x19); /* NAPOT R */
        XLATE_OK(m, base, L, U, base);
        XLATE_OK(m, base + 0xfff, L, U, base + 0xfff);
        XLATE_FAULT(m, base, W, U, 7);
        XLATE_FAULT(m, base, F, U, 1);
        XLATE_FAULT(m, base + 0x1000, L, U, 5); /* outside: no match */
        XLATE_FAULT(m, base - 1, L, S, 5);
        XLATE_OK(m, base + 0x1000, W, M, base + 0x1000); /* M unaffected */
        XLATE_OK(m, base, W, M, base);
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_pmp_tor_range_bounds)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = tu_machine(xlen);
        uint64_t lo = TU_RAM_BASE + 0x20000, hi = TU_RAM_BASE + 0x30000;
        tu_set_csr(m, CSR_PMPADDR0, lo >> 2);
        tu_set_csr(m, CSR_PMPADDR0 + 1, hi >> 2);
        tu_set_csr(m, CSR_PMPCFG0, 0x0b00); /* entry 1: TOR R W */
        XLATE_OK(m, lo, W, U, lo);
        XLATE_OK(m, hi - 1, L, U, hi - 1);
        XLATE_FAULT(m, hi, L, U, 5);
        XLATE_FAULT(m, lo - 1, L, U, 5);
        XLATE_FAULT(m, lo, F, U, 1);
        /* an access straddling the top is a partial match: it fails */
        uint64_t pa;
        ck_assert_int_eq(mmu_translate(cpu_of(m), hi - 4, 8, RV_ACC_LOAD, U, &pa), 5);
        ck_assert_int_eq(mmu_translate(cpu_of(m), hi - 8, 8, RV_ACC_LOAD, U, &pa), 0);
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_pmp_last_match_shortcut_respects_lower_entries)
{
    /* entry 0 (no permissions) lies inside entry 1 (RWX): an access that
     * entry 1 decided must not let the next one, inside entry 0, skip the
     * search; an entry no lower one overlaps (entry 2) may be reused */
    emu_machine *m = tu_machine(64);
    uint64_t small = TU_RAM_BASE + 0x10000, big = TU_RAM_BASE;
    uint64_t other = TU_RAM_BASE + 0x100000;
    tu_set_csr(m, CSR_PMPADDR0, napot(small, 0x1000));
    tu_set_csr(m, CSR_PMPADDR0 + 1, napot(big, 0x40000));
    tu_set_csr(m, CSR_PMPADDR0 + 2, napot(other, 0x1000));
    tu_set_csr(m, CSR_PMPCFG0, 0x1b1f18); /* NAPOT: -, RWX, R W */
    for (unsigned round = 0; round < 2; round++) {
        XLATE_OK(m, big + 0x100, L, U, big + 0x100);
        XLATE_FAULT(m, small + 0x100, L, U, 5);
        XLATE_OK(m, big + 0x20000, W, U, big + 0x20000);
        XLATE_OK(m, other + 8, W, U, other + 8);
        XLATE_OK(m, other + 16, L, U, other + 16);
        XLATE_FAULT(m, other + 8, F, U, 1);
        XLATE_FAULT(m, small, W, U, 7);
        XLATE_FAULT(m, other + 0x1000, L, U, 5);
    }
    /* a change of the entries replaces what was derived from them:
     * entry 0 moves over entry 2, which decided the last access */
    XLATE_OK(m, other + 8, W, U, other + 8);
    tu_set_csr(m, CSR_PMPADDR0, napot(other, 0x1000));
    XLATE_FAULT(m, other + 8, W, U, 7);
    XLATE_OK(m, small + 8, W, U, small + 8); /* entry 1 now decides there */
    emu_machine_free(m);
}
END_TEST

START_TEST(test_pmp_na4_covers_four_bytes)
{
    emu_machine *m = tu_machine(64);
    uint64_t a = TU_RAM_BASE + 0x40008;
    tu_set_csr(m, CSR_PMPADDR0, a >> 2);
    tu_set_csr(m, CSR_PMPCFG0, 0x13); /* NA4 R W */
    uint64_t pa;
    ck_assert_int_eq(mmu_translate(cpu_of(m), a, 4, RV_ACC_LOAD, U, &pa), 0);
    ck_assert_int_eq(mmu_translate(cpu_of(m), a, 4, RV_ACC_STORE, S, &pa), 0);
    ck_assert_int_eq(mmu_translate(cpu_of(m), a + 4, 4, RV_ACC_LOAD, U, &pa), 5);
    ck_assert_int_eq(mmu_translate(cpu_of(m), a - 4, 4, RV_ACC_LOAD, U, &pa), 5);
    ck_assert_int_eq(mmu_translate(cpu_of(m), a, 8, RV_ACC_LOAD, U, &pa), 5);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_pmp_lowest_numbered_match_wins)
{
    emu_machine *m = tu_machine(64);
    uint64_t base = TU_RAM_BASE + 0x10000;
    tu_set_csr(m, CSR_PMPADDR0, napot(base, 0x1000));
    tu_set_csr(m, CSR_PMPADDR0 + 1, UINT64_MAX);
    tu_set_csr(m, CSR_PMPCFG0, 0x1f18); /* 0: NAPOT no perms, 1: all RWX */
    XLATE_FAULT(m, base, L, U, 5);
    XLATE_OK(m, base + 0x1000, L, U, base + 0x1000);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_pmp_locked_entry_applies_to_m)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = tu_machine(xlen);
        uint64_t base = TU_RAM_BASE + 0x10000;
        tu_set_csr(m, CSR_PMPADDR0, napot(base, 0x1000));
        tu_set_csr(m, CSR_PMPCFG0, 0x18); /* NAPOT, no permissions, unlocked */
        XLATE_OK(m, base, W, M, base);
        tu_set_csr(m, CSR_PMPCFG0, 0x99); /* locked, R only */
        XLATE_OK(m, base, L, M, base);
        XLATE_FAULT(m, base, W, M, 7);
        XLATE_FAULT(m, base, F, M, 1);
        /* and through the interpreter: a store from M faults */
        tu_set_csr(m, CSR_MTVEC, HANDLER);
        TU_CODE(m, TU_RAM_BASE, tu_sw(A0, A1, 0));
        tu_set_x(m, A1, base + 8);
        tu_set(m, "pc", TU_RAM_BASE);
        tu_step(m, 1);
        ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 7);
        ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), base + 8);
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_pmp_denied_page_table_read_is_access_fault)
{
    pt p;
    emu_machine *m = mmu_machine(64, &p, 3, SATP_SV39);
    pt_map(&p, 0x1000, TU_RAM_BASE + 0x400000, 0, RWX_AD);
    XLATE_OK(m, 0x1000, L, S, TU_RAM_BASE + 0x400000);
    /* entry 0: the page-table area, no permissions; entry 1: the rest */
    tu_set_csr(m, CSR_PMPADDR0, napot(PT_BASE, 0x10000));
    tu_set_csr(m, CSR_PMPADDR0 + 1, UINT64_MAX);
    tu_set_csr(m, CSR_PMPCFG0, 0x1f18);
    XLATE_FAULT(m, 0x1000, L, S, 5);
    XLATE_FAULT(m, 0x1000, W, S, 7);
    XLATE_FAULT(m, 0x1000, F, S, 1);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_pmp_u_mode_execution_through_interpreter)
{
    emu_machine *m = tu_machine(64);
    tu_set_csr(m, CSR_MTVEC, HANDLER);
    /* U may execute and read the first 64 KiB of RAM, nothing else */
    tu_set_csr(m, CSR_PMPADDR0, napot(TU_RAM_BASE, 0x10000));
    tu_set_csr(m, CSR_PMPCFG0, 0x1d); /* NAPOT R X */
    tu_write64(m, TU_RAM_BASE + 0x800, 77);
    TU_CODE(m, TU_RAM_BASE, tu_ld(A0, A1, 0), tu_sd(A0, A1, 0));
    tu_set_x(m, A1, TU_RAM_BASE + 0x800);
    tu_set(m, "pc", TU_RAM_BASE);
    tu_set_priv(m, 0);
    tu_step(m, 2);
    ck_assert_uint_eq(tu_x(m, A0), 77);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 7);
    ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), TU_RAM_BASE + 0x800);
    /* fetch outside the region */
    tu_set(m, "pc", TU_RAM_BASE + 0x10000);
    tu_set_priv(m, 0);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 1);
    ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), TU_RAM_BASE + 0x10000);
    emu_machine_free(m);
}
END_TEST

static Suite *mmu_suite(void)
{
    Suite *s = suite_create("mmu");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_sv39_4k_page_translates);
    tcase_add_test(tc, test_sv39_2m_superpage_translates);
    tcase_add_test(tc, test_sv39_1g_superpage_translates);
    tcase_add_test(tc, test_sv39_superpage_misaligned_faults);
    tcase_add_test(tc, test_sv39_non_canonical_address_faults);
    tcase_add_test(tc, test_invalid_and_reserved_ptes_fault);
    tcase_add_test(tc, test_walk_past_last_level_faults);
    tcase_add_test(tc, test_u_page_from_s_needs_sum_and_never_executes);
    tcase_add_test(tc, test_s_page_from_u_faults);
    tcase_add_test(tc, test_mxr_makes_execute_only_pages_readable);
    tcase_add_test(tc, test_clear_accessed_or_dirty_bit_faults);
    tcase_add_test(tc, test_nonleaf_pte_with_a_d_u_bits_faults);
    tcase_add_test(tc, test_sv48_walk_four_levels);
    tcase_add_test(tc, test_sv57_walk_five_levels);
    tcase_add_test(tc, test_sv32_4k_and_4m_pages_on_rv32);
    tcase_add_test(tc, test_sv32_physical_address_above_4g);
    tcase_add_test(tc, test_page_fault_tval_from_executed_load_and_fetch);
    tcase_add_test(tc, test_fetch_crossing_into_unmapped_page_reports_second_half);
    tcase_add_test(tc, test_mprv_with_mpp_s_translates_m_loads);
    tcase_add_test(tc, test_sfence_vma_makes_changed_pte_visible);
    tcase_add_test(tc, test_sfence_vma_by_address_drops_only_that_page);
    tcase_add_test(tc, test_sfence_vma_by_address_in_superpage_drops_all_of_it);
    tcase_add_test(tc, test_store_through_tlb_after_pte_loses_write_permission);
    tcase_add_test(tc, test_full_flush_after_more_fills_than_logged);
    tcase_add_test(tc, test_pmp_no_entry_denies_s_and_u_allows_m);
    tcase_add_test(tc, test_pmp_napot_allows_and_denies_u_accesses);
    tcase_add_test(tc, test_pmp_tor_range_bounds);
    tcase_add_test(tc, test_pmp_last_match_shortcut_respects_lower_entries);
    tcase_add_test(tc, test_pmp_na4_covers_four_bytes);
    tcase_add_test(tc, test_pmp_lowest_numbered_match_wins);
    tcase_add_test(tc, test_pmp_locked_entry_applies_to_m);
    tcase_add_test(tc, test_pmp_denied_page_table_read_is_access_fault);
    tcase_add_test(tc, test_pmp_u_mode_execution_through_interpreter);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(mmu_suite()); }
