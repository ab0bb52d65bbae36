/*
 * The MMU (src/mmu/mmu.c) over random page tables and PMP settings,
 * driven through its internal entry points the way tests/test_mmu.c does.
 *
 *   byte 0    bit 0: RV32 (else RV64)    bits 1-2: RV64 mode (Sv39/48/57)
 *             bit 3: the root PPN is taken raw (may lie outside RAM)
 *             bit 4: MXR  bit 5: SUM  bit 6: MPRV  bit 7: zicclsm
 *   byte 1    MPP (bits 0-1)
 *   8 bytes   satp PPN (raw, or a page of RAM from its low bits)
 *   8 bytes   pmpcfg0, then 4 x 8 bytes pmpaddr0..3
 *   byte      number of operations (at most MAX_OPS), then each operation:
 *             kind (bits 0-2: translate, load, store, fetch, atomic,
 *             sfence, PTE write; bits 3-4: size 1/2/4/8; bits 5-6: priv),
 *             8 bytes va (or a RAM offset for PTE writes), 8 bytes value
 *   the rest  page-table bytes, copied to RAM from the root page on
 */
#include "fuzz.h"
#include "machine/machine.h"
#include "mmu/mmu.h"

#define RAM_SIZE (1ull << 20)
#define MAX_OPS 32
#define CSR(n) (EMU_REG_CSR + (n))

enum {
    CSR_MSTATUS = 0x300, CSR_MTVEC = 0x305, CSR_SATP = 0x180,
    CSR_PMPCFG0 = 0x3a0, CSR_PMPADDR0 = 0x3b0,
};

#define MSTATUS_MPP_SHIFT_ 11
#define MSTATUS_MPRV_ (1ull << 17)
#define MSTATUS_SUM_ (1ull << 18)
#define MSTATUS_MXR_ (1ull << 19)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = {data, size};
    uint8_t flags = fz_u8(&in);
    uint8_t mpp = fz_u8(&in) & 3;
    uint64_t ppn = fz_u64(&in);
    uint64_t pmpcfg = fz_u64(&in);
    uint64_t pmpaddr[4];
    for (unsigned i = 0; i < 4; i++)
        pmpaddr[i] = fz_u64(&in);
    unsigned nops = fz_u8(&in) % (MAX_OPS + 1);
    struct {
        uint8_t kind;
        uint64_t va, val;
    } ops[MAX_OPS];
    for (unsigned i = 0; i < nops; i++) {
        ops[i].kind = fz_u8(&in);
        ops[i].va = fz_u64(&in);
        ops[i].val = fz_u64(&in);
    }

    bool rv32 = flags & 1;
    emu_config cfg = emu_config_default(rv32 ? EMU_ARCH_RISCV32 : EMU_ARCH_RISCV64);
    cfg.ram_base = FZ_RAM_BASE;
    cfg.ram_size = RAM_SIZE;
    if (!(flags & 0x80))
        cfg.isa = rv32 ? "rv32imafdc" : "rv64imafdc";
    emu_machine *m = fz_machine(&cfg);
    rv_cpu *cpu = m->harts[0];

    uint64_t ram_page = (FZ_RAM_BASE >> 12) + (ppn % (RAM_SIZE >> 12));
    uint64_t root = flags & 8 ? ppn : ram_page;
    /* the page tables follow the root page to the end of RAM */
    const uint8_t *pt;
    uint64_t pt_at = (ram_page << 12);
    size_t n = fz_take(&in, FZ_RAM_BASE + RAM_SIZE - pt_at, &pt);
    if (n)
        emu_mem_write(m, pt_at, pt, n);

    uint64_t satp;
    if (rv32)
        satp = 1ull << 31 | (root & 0x3fffff);
    else
        satp = (uint64_t)(8 + ((flags >> 1) & 3) % 3) << 60 |
               (root & ((1ull << 44) - 1));
    uint64_t mstatus = (uint64_t)mpp << MSTATUS_MPP_SHIFT_;
    if (flags & 0x10) mstatus |= MSTATUS_MXR_;
    if (flags & 0x20) mstatus |= MSTATUS_SUM_;
    if (flags & 0x40) mstatus |= MSTATUS_MPRV_;

    emu_reg_write_num(m, 0, CSR(CSR_MTVEC), FZ_RAM_BASE);
    for (unsigned i = 0; i < 4; i++)
        emu_reg_write_num(m, 0, CSR(CSR_PMPADDR0 + i), pmpaddr[i]);
    emu_reg_write_num(m, 0, CSR(CSR_PMPCFG0), rv32 ? (uint32_t)pmpcfg : pmpcfg);
    emu_reg_write_num(m, 0, CSR(CSR_SATP), satp);

    for (unsigned i = 0; i < nops; i++) {
        unsigned kind = ops[i].kind & 7;
        unsigned len = 1u << ((ops[i].kind >> 3) & 3);
        unsigned priv = (ops[i].kind >> 5) & 3;
        uint64_t va = ops[i].va, val = ops[i].val, pa, v;
        if (rv32)
            va = (uint32_t)va;
        /* a trap taken by an earlier operation moved the hart to M mode
         * and changed mstatus: put the scenario back */
        emu_reg_write_num(m, 0, CSR(CSR_MSTATUS), mstatus);
        emu_reg_write_num(m, 0, EMU_REG_PRIV, priv == 2 ? 3 : priv);
        switch (kind) {
        case 0:
            mmu_translate(cpu, va, len, (rv_access)(val % 3), mmu_data_priv(cpu),
                          &pa);
            break;
        case 1:
            mmu_load(cpu, va, len, &v);
            break;
        case 2:
            mmu_store(cpu, va, len, val);
            break;
        case 3: {
            uint32_t parcel;
            mmu_fetch16(cpu, va & ~1ull, &parcel);
            break;
        }
        case 4:
            if (len >= 4 && !(rv32 && len == 8))
                mmu_atomic_ptr(cpu, va & ~(uint64_t)(len - 1), len,
                               val & 1 ? RV_ACC_STORE : RV_ACC_LOAD);
            break;
        case 5:
            if (val & 1)
                rv_tlb_flush(cpu);
            else
                rv_tlb_flush_page(cpu, va);
            break;
        default: {
            /* change a PTE behind the TLB's back (no sfence.vma) */
            uint64_t at = FZ_RAM_BASE + (va % RAM_SIZE & ~7ull);
            emu_mem_write(m, at, &val, rv32 ? 4 : 8);
            break;
        }
        }
    }
    emu_machine_free(m);
    return 0;
}
