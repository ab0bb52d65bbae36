/* The public register, memory, disassembly, hook and statistics API. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/arm64/a64_disasm.h"
#include "cpu/arm64/a64_regs.h"
#include "cpu/riscv/rv_cpu.h"
#include "cpu/riscv/rv_dcache.h"
#include "cpu/riscv/rv_disasm.h"
#include "machine/history.h"
#include "machine/machine.h"

static const char *const abi_names[32] = {
    "zero", "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "s0", "s1", "a0",
    "a1",   "a2", "a3", "a4", "a5",  "a6",  "a7", "s2", "s3", "s4", "s5",
    "s6",   "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

static const char *const fabi_names[32] = {
    "ft0", "ft1", "ft2",  "ft3",  "ft4", "ft5", "ft6",  "ft7",
    "fs0", "fs1", "fa0",  "fa1",  "fa2", "fa3", "fa4",  "fa5",
    "fa6", "fa7", "fs2",  "fs3",  "fs4", "fs5", "fs6",  "fs7",
    "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11",
};

unsigned emu_hart_count(const emu_machine *m)
{
    return m ? (m->a64 ? 1 : m->nharts) : 0;
}

emu_arch emu_machine_arch(const emu_machine *m)
{
    return m ? m->cfg.arch : EMU_ARCH_RISCV64;
}

uint64_t machine_pc(const emu_machine *m, unsigned h)
{
    if (m->a64)
        return m->a64->pc;
    return h < m->nharts ? m->harts[h]->pc : 0;
}

/* The registers of an AArch64 machine's hart (a64_regs.c). */
static emu_status a64_read(emu_machine *m, unsigned h, unsigned num,
                           uint64_t *value)
{
    if (h != 0 || !value)
        return EMU_ERR_INVALID;
    if (!a64_reg_read(m->a64, num, value))
        return machine_error(m, EMU_ERR_NOT_FOUND, "no register number %u", num);
    return EMU_OK;
}

static emu_status a64_write(emu_machine *m, unsigned h, unsigned num,
                            uint64_t value)
{
    if (h != 0)
        return EMU_ERR_INVALID;
    if (!a64_reg_write(m->a64, num, value))
        return machine_error(m, EMU_ERR_NOT_FOUND, "no register number %u", num);
    return EMU_OK;
}
unsigned emu_xlen(const emu_machine *m) { return m ? m->isa.xlen : 0; }

static rv_cpu *hart(emu_machine *m, unsigned h)
{
    return (m && h < m->nharts) ? m->harts[h] : NULL;
}

emu_status emu_reg_read_num(emu_machine *m, unsigned h, unsigned num,
                            uint64_t *value)
{
    if (m && m->a64)
        return a64_read(m, h, num, value);
    rv_cpu *cpu = hart(m, h);
    if (!cpu || !value)
        return EMU_ERR_INVALID;
    if (num < 32)
        *value = cpu->x[num];
    else if (num == EMU_REG_PC)
        *value = cpu->pc;
    else if (num == EMU_REG_PRIV)
        *value = cpu->priv;
    else if (num >= EMU_REG_F0 && num < EMU_REG_F0 + 32 && cpu->has_f)
        *value = cpu->f[num - EMU_REG_F0];
    else if (num >= EMU_REG_CSR && num < EMU_REG_CSR + 4096) {
        if (!rv_csr_read_raw(cpu, num - EMU_REG_CSR, value))
            return machine_error(m, EMU_ERR_NOT_FOUND, "no CSR 0x%x",
                                 num - EMU_REG_CSR);
    } else
        return machine_error(m, EMU_ERR_NOT_FOUND, "no register number %u", num);
    return EMU_OK;
}

emu_status emu_reg_write_num(emu_machine *m, unsigned h, unsigned num,
                             uint64_t value)
{
    if (m && m->a64)
        return a64_write(m, h, num, value);
    rv_cpu *cpu = hart(m, h);
    if (!cpu)
        return EMU_ERR_INVALID;
    uint64_t mask = cpu->xlen == 32 ? 0xffffffffull : UINT64_MAX;
    if (num < 32) {
        if (num != 0)
            cpu->x[num] = value & mask;
    } else if (num == EMU_REG_PC) {
        cpu->pc = value & mask & ~1ull;
    } else if (num == EMU_REG_PRIV) {
        if (value != RV_PRIV_M && !(value == RV_PRIV_S && cpu->has_s) &&
            !(value == RV_PRIV_U && cpu->has_u))
            return machine_error(m, EMU_ERR_INVALID,
                                 "privilege level %llu is not implemented",
                                 (unsigned long long)value);
        rv_set_priv(cpu, (unsigned)value);
        rv_update_irq(cpu);
    } else if (num >= EMU_REG_F0 && num < EMU_REG_F0 + 32 && cpu->has_f) {
        cpu->f[num - EMU_REG_F0] = value;
    } else if (num >= EMU_REG_CSR && num < EMU_REG_CSR + 4096) {
        if (!rv_csr_write_raw(cpu, num - EMU_REG_CSR, value))
            return machine_error(m, EMU_ERR_NOT_FOUND, "no CSR 0x%x",
                                 num - EMU_REG_CSR);
    } else {
        return machine_error(m, EMU_ERR_NOT_FOUND, "no register number %u", num);
    }
    history_state_changed(m);
    return EMU_OK;
}

emu_status emu_reg_lookup(const emu_machine *m, const char *name,
                          unsigned *num)
{
    if (!name || !num)
        return EMU_ERR_INVALID;
    if (m && m->a64)
        return a64_reg_lookup(name, num) ? EMU_OK : EMU_ERR_NOT_FOUND;
    for (unsigned i = 0; i < 32; i++) {
        char xn[8];
        snprintf(xn, sizeof(xn), "x%u", i);
        if (strcmp(name, xn) == 0 || strcmp(name, abi_names[i]) == 0) {
            *num = i;
            return EMU_OK;
        }
    }
    for (unsigned i = 0; i < 32; i++) {
        char fn[8];
        snprintf(fn, sizeof(fn), "f%u", i);
        if (strcmp(name, fn) == 0 || strcmp(name, fabi_names[i]) == 0) {
            *num = EMU_REG_F0 + i;
            return EMU_OK;
        }
    }
    if (strcmp(name, "fp") == 0) {
        *num = 8;
        return EMU_OK;
    }
    if (strcmp(name, "pc") == 0) {
        *num = EMU_REG_PC;
        return EMU_OK;
    }
    if (strcmp(name, "priv") == 0) {
        *num = EMU_REG_PRIV;
        return EMU_OK;
    }
    int csr = rv_csr_lookup(name);
    if (csr >= 0) {
        *num = EMU_REG_CSR + (unsigned)csr;
        return EMU_OK;
    }
    return EMU_ERR_NOT_FOUND;
}

emu_status emu_reg_name(const emu_machine *m, unsigned num, char *buf,
                        size_t len)
{
    if (!m || !buf || !len)
        return EMU_ERR_INVALID;
    if (m->a64)
        return a64_reg_name(num, buf, len) ? EMU_OK : EMU_ERR_NOT_FOUND;
    const char *name = NULL;
    const rv_cpu *cpu = m->harts[0];
    if (num < 32)
        name = abi_names[num];
    else if (num == EMU_REG_PC)
        name = "pc";
    else if (num == EMU_REG_PRIV)
        name = "priv";
    else if (num >= EMU_REG_F0 && num < EMU_REG_F0 + 32 && cpu->has_f)
        name = fabi_names[num - EMU_REG_F0];
    if (name) {
        snprintf(buf, len, "%s", name);
        return EMU_OK;
    }
    uint64_t v;
    if (num >= EMU_REG_CSR && num < EMU_REG_CSR + 4096 &&
        rv_csr_read_raw((rv_cpu *)cpu, num - EMU_REG_CSR, &v) &&
        rv_csr_name(num - EMU_REG_CSR, buf, len))
        return EMU_OK;
    return EMU_ERR_NOT_FOUND;
}

emu_status emu_reg_read(emu_machine *m, unsigned h, const char *name,
                        uint64_t *value)
{
    unsigned num;
    if (!m)
        return EMU_ERR_INVALID;
    if (emu_reg_lookup(m, name, &num) != EMU_OK)
        return machine_error(m, EMU_ERR_NOT_FOUND, "no register named '%s'",
                             name ? name : "(null)");
    return emu_reg_read_num(m, h, num, value);
}

emu_status emu_reg_write(emu_machine *m, unsigned h, const char *name,
                         uint64_t value)
{
    unsigned num;
    if (!m)
        return EMU_ERR_INVALID;
    if (emu_reg_lookup(m, name, &num) != EMU_OK)
        return machine_error(m, EMU_ERR_NOT_FOUND, "no register named '%s'",
                             name ? name : "(null)");
    return emu_reg_write_num(m, h, num, value);
}

emu_status emu_mem_read(emu_machine *m, uint64_t paddr, void *buf, size_t len)
{
    if (!m || (!buf && len))
        return EMU_ERR_INVALID;
    /* no object is larger than PTRDIFF_MAX; saying so lets the compiler
     * see that no huge length reaches memcpy (LTO warned otherwise) */
    if (len > PTRDIFF_MAX || !bus_in_ram(&m->bus, paddr, len))
        return machine_error(m, EMU_ERR_RANGE, "0x%zx bytes at 0x%llx are not "
                             "all in RAM", len, (unsigned long long)paddr);
    memcpy(buf, m->bus.ram + (paddr - m->bus.ram_base), len);
    return EMU_OK;
}

emu_status emu_mem_write(emu_machine *m, uint64_t paddr, const void *buf,
                         size_t len)
{
    if (!m || (!buf && len))
        return EMU_ERR_INVALID;
    /* no object is larger than PTRDIFF_MAX; saying so lets the compiler
     * see that no huge length reaches memcpy (LTO warned otherwise) */
    if (len > PTRDIFF_MAX || !bus_in_ram(&m->bus, paddr, len))
        return machine_error(m, EMU_ERR_RANGE, "0x%zx bytes at 0x%llx are not "
                             "all in RAM", len, (unsigned long long)paddr);
    memcpy(m->bus.ram + (paddr - m->bus.ram_base), buf, len);
    bus_ram_written(&m->bus, paddr, len);
    history_state_changed(m);
    return EMU_OK;
}

unsigned emu_disasm(const emu_machine *m, uint64_t pc, uint32_t insn, char *buf,
                    size_t buflen)
{
    if (m && m->a64) {
        a64_disasm(insn, pc, buf, buflen);
        return 4;
    }
    return rv_disasm(insn, pc, m ? m->isa.xlen : 64, buf, buflen);
}

void emu_get_stats(const emu_machine *m, emu_stats *st)
{
    if (!st)
        return;
    memset(st, 0, sizeof(*st));
    if (!m)
        return;
    for (unsigned r = 0; r < EMU_STATS_EXIT_REASONS; r++)
        st->exits[r] = m->exits[r];
    if (m->a64) { /* a trapped instruction is a step, not retired */
        st->instret = m->a64->steps - m->a64->traps;
        st->traps = m->a64->traps;
        return;
    }
    for (unsigned i = 0; i < m->nharts; i++) {
        const rv_cpu *cpu = m->harts[i];
        st->instret += cpu->instret;
        st->traps += cpu->traps;
        st->interrupts += cpu->interrupts;
        st->slices += cpu->st.slices;
        st->slice_budget += cpu->st.slice_budget;
        st->slice_wfi += cpu->st.slice_wfi;
        st->slice_halt += cpu->st.slice_halt;
        st->slice_device += cpu->st.slice_device;
        for (unsigned a = 0; a < 3; a++) {
            st->tlb_hits[a] += cpu->st.tlb_hits[a];
            st->tlb_misses[a] += cpu->st.tlb_misses[a];
        }
        st->decodes += cpu->st.decodes;
        st->uncached += cpu->st.uncached;
    }
    rv_dcache_counts(m->dcache, &st->decoded_pages, &st->decoded_invalidated,
                     &st->decoded_flushes);
    st->detailed = EMU_STATS != 0;
}
