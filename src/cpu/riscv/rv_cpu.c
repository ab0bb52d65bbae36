/* Creating and resetting a RISC-V hart. */
#include <stdlib.h>
#include <string.h>

#include "cpu/riscv/rv_cpu.h"
#include "cpu/riscv/rv_decode.h"
#include "mmu/mmu.h"

rv_cpu *rv_cpu_new(emu_machine *m, unsigned hartid, const emu_isa *isa,
                   bool has_s, bool has_u)
{
    /* calloc: the TLB sets, most of this, stay untouched until used */
    rv_cpu *cpu = calloc(1, sizeof(*cpu));
    if (!cpu)
        return NULL;
    cpu->m = m;
    cpu->hartid = hartid;
    cpu->xlen = isa->xlen;
    cpu->misaligned_ok = isa->z & ISA_Z_ZICCLSM;
    cpu->has_zba = isa->z & ISA_Z_ZBA;
    cpu->has_zbb = isa->z & ISA_Z_ZBB;
    cpu->has_zbs = isa->z & ISA_Z_ZBS;
    cpu->has_zbc = isa->z & ISA_Z_ZBC;
    cpu->has_zicond = isa->z & ISA_Z_ZICOND;
    cpu->has_sstc = has_s && (isa->z & ISA_Z_SSTC);
    cpu->has_s = has_s;
    cpu->has_u = has_u;
    uint64_t ext = isa->misa_ext;
    if (has_s)
        ext |= 1u << ('S' - 'A');
    if (has_u)
        ext |= 1u << ('U' - 'A');
    cpu->has_m = ext & (1u << ('M' - 'A'));
    cpu->has_a = ext & (1u << ('A' - 'A'));
    cpu->has_c = ext & (1u << ('C' - 'A'));
    cpu->has_f = ext & (1u << ('F' - 'A'));
    cpu->has_d = ext & (1u << ('D' - 'A'));
    cpu->c_fp = (cpu->has_f ? RV_C_F : 0u) | (cpu->has_d ? RV_C_D : 0u);
    /* misa: MXL in the top two bits (1 = 32, 2 = 64), read-only here */
    cpu->misa = ext | (isa->xlen == 32 ? 1ull << 30 : 2ull << 62);
    rv_cpu_reset(cpu, 0);
    return cpu;
}

void rv_cpu_free(rv_cpu *cpu) { free(cpu); }

/* priv spec 3.4: the reset state; everything not named there is zeroed. */
void rv_cpu_reset(rv_cpu *cpu, uint64_t pc)
{
    memset(cpu->x, 0, sizeof(cpu->x));
    memset(cpu->f, 0, sizeof(cpu->f));
    cpu->fflags = cpu->frm = 0;
    cpu->mcountinhibit = 0;
    cpu->pc = pc;
    cpu->priv = RV_PRIV_M;
    cpu->events = 0;
    cpu->wfi = false;
    cpu->steps = cpu->instret = 0;
    cpu->minstret_off = cpu->mcycle_off = 0;
    cpu->res_valid = false;
    /* MPP = M; UXL = SXL = 2 on RV64 (read-only) */
    cpu->mstatus = (uint64_t)RV_PRIV_M << MSTATUS_MPP_SHIFT;
    if (cpu->xlen == 64) {
        if (cpu->has_u)
            cpu->mstatus |= 2ull << 32;
        if (cpu->has_s)
            cpu->mstatus |= 2ull << 34;
    }
    cpu->medeleg = cpu->mideleg = 0;
    cpu->mie = cpu->mip = 0;
    cpu->mtvec = cpu->stvec = 0;
    cpu->mepc = cpu->sepc = cpu->mcause = cpu->scause = 0;
    cpu->mtval = cpu->stval = cpu->mscratch = cpu->sscratch = 0;
    cpu->mcounteren = cpu->scounteren = 0;
    cpu->menvcfg = cpu->senvcfg = 0;
    cpu->satp = 0;
    cpu->stimecmp = 0;
    cpu->tdata2 = 0;
    memset(cpu->pmpcfg, 0, sizeof(cpu->pmpcfg));
    memset(cpu->pmpaddr, 0, sizeof(cpu->pmpaddr));
    pmp_update(cpu);
    cpu->traps = cpu->interrupts = 0;
    cpu->x[10] = cpu->hartid; /* a0 = hart id, as Spike and QEMU do */
    rv_tlb_flush(cpu);
    rv_update_tlb_ptrs(cpu);
}
