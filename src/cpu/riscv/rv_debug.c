/*
 * The RISC-V side of the debugger core (machine/debug.c): the loop that runs
 * a hart one step at a time while breakpoints, watchpoints, hooks, traces or
 * reverse execution need to see every step, the commit record of a retired
 * instruction, and memory access by virtual address for debuggers.
 */
#include <string.h>

#include "cpu/riscv/rv_cpu.h"
#include "cpu/riscv/rv_decode.h"
#include "machine/debug.h"
#include "machine/history.h"
#include "mmu/mmu.h"

/* The encoding of the instruction at pc, read without side effects on the
 * hart (no trap, no TLB fill), for hooks and records. */
static bool peek_insn(rv_cpu *cpu, uint64_t pc, uint32_t *insn, unsigned *len)
{
    bus *b = &cpu->m->bus;
    uint64_t mask = cpu->xlen == 32 ? 0xffffffffull : UINT64_MAX;
    uint64_t pa, lo, hi;
    if (mmu_translate(cpu, pc, 2, RV_ACC_FETCH, cpu->priv, &pa) != 0 ||
        !bus_read(b, pa, 2, &lo))
        return false;
    if ((lo & 3) != 3) {
        *insn = (uint32_t)lo;
        *len = 2;
        return true;
    }
    if (mmu_translate(cpu, (pc + 2) & mask, 2, RV_ACC_FETCH, cpu->priv,
                      &pa) != 0 ||
        !bus_read(b, pa, 2, &hi))
        return false;
    *insn = (uint32_t)(lo | hi << 16);
    *len = 4;
    return true;
}

/*
 * The register an instruction (32-bit form) writes: 1 for x[*rd], 2 for
 * f[*rd], 0 for none. By major opcode (unprivileged spec, opcode map);
 * in OP-FP the comparisons, FCVT to an integer, FMV.X and FCLASS write an
 * integer register, the rest an FP register.
 */
static int insn_dest(uint32_t e, unsigned *rd)
{
    *rd = (e >> 7) & 31;
    switch (e & 0x7f) {
    case 0x37: case 0x17: case 0x6f: case 0x67: case 0x03: case 0x13:
    case 0x33: case 0x1b: case 0x3b: case 0x2f:
        return 1;
    case 0x73: { /* SYSTEM: only the CSR instructions write rd */
        unsigned f3 = (e >> 12) & 7;
        return f3 != 0 && f3 != 4 ? 1 : 0;
    }
    case 0x07: case 0x43: case 0x47: case 0x4b: case 0x4f:
        return 2;
    case 0x53: {
        unsigned f5 = e >> 27;
        return f5 == 0x14 || f5 == 0x18 || f5 == 0x1c ? 1 : 2;
    }
    default:
        return 0;
    }
}

static bool rec_has(const emu_commit *r, unsigned num)
{
    for (unsigned i = 0; i < r->nregs; i++)
        if (r->regs[i].num == num)
            return true;
    return false;
}

/* Complete the record of a retired instruction and hand it over. The CSR
 * instructions' writes and the data accesses are in it already. */
static void commit(rv_cpu *cpu, uint64_t pc, uint32_t insn, unsigned len,
                   unsigned priv, uint8_t fflags, uint64_t mstatus)
{
    emu_machine *m = cpu->m;
    emu_commit *r = &m->dbg->rec;
    r->hart = cpu->hartid;
    r->priv = priv;
    r->xlen = cpu->xlen;
    r->flen = cpu->has_d ? 64 : cpu->has_f ? 32 : 0;
    r->pc = pc;
    r->insn = insn;
    r->len = len;
    uint32_t e = len == 2 ? rv_expand_compressed((uint16_t)insn, cpu->xlen,
                                                 cpu->c_fp)
                          : insn;
    unsigned rd;
    int kind = insn_dest(e, &rd);
    if (kind == 1 && rd != 0)
        debug_commit_reg(m, EMU_REG_X0 + rd, cpu->x[rd]);
    else if (kind == 2)
        debug_commit_reg(m, EMU_REG_F0 + rd, cpu->f[rd]);
    /* CSRs an instruction changes as a side effect: the FP flags it
     * raised (when they changed), mstatus on xRET (always written) or
     * when FP state becomes dirty */
    if (cpu->fflags != fflags && !rec_has(r, EMU_REG_CSR + 1))
        debug_commit_reg(m, EMU_REG_CSR + 1, cpu->fflags);
    bool xret = e == 0x30200073u || e == 0x10200073u; /* mret, sret */
    if ((cpu->mstatus != mstatus || xret) && !rec_has(r, EMU_REG_CSR + 0x300)) {
        uint64_t v;
        if (rv_csr_read_raw(cpu, 0x300, &v))
            debug_commit_reg(m, EMU_REG_CSR + 0x300, v);
    }
    m->dbg->commit(m->dbg->commit_ctx, r);
}

uint64_t rv_debug_run(rv_cpu *cpu, uint64_t n,
                      uint64_t (*run)(rv_cpu *, uint64_t))
{
    emu_machine *m = cpu->m;
    struct machine_debug *d = m->dbg;
    uint64_t done = 0;
    while (done < n) {
        /* the events the interpreter would take first, so that the checks
         * and hooks see the pc the step really starts at */
        if (cpu->events) {
            if (cpu->events & RV_EV_EXIT) {
                cpu->events &= ~(uint32_t)RV_EV_EXIT;
                break;
            }
            rv_take_interrupt(cpu);
        }
        uint64_t pc = cpu->pc, count = cpu->icount + done;
        uint64_t retired = cpu->instret;
        if (d && debug_before_step(m, cpu->hartid, pc, count))
            break;
        bool live = debug_hooks_live(m);
        bool hooks = live && d && d->nkind[HOOK_CODE];
        bool rec = live && d && d->commit;
        uint32_t insn = 0;
        unsigned len = 0;
        bool known = false;
        if (live && (m->retire || hooks || rec))
            known = peek_insn(cpu, pc, &insn, &len);
        if (hooks && known)
            debug_code_hooks(m, cpu->hartid, pc, insn, len);
        unsigned priv = cpu->priv;
        uint8_t fflags = cpu->fflags;
        uint64_t mstatus = cpu->mstatus;
        if (rec) {
            d->rec.nregs = 0;
            d->rec.nreads = 0;
            d->rec.nwrites = 0;
        }
        uint64_t k = run(cpu, 1);
        if (k == 0)
            break;
        done += k;
        bool ret = cpu->instret != retired;
        if (ret && known && live && m->retire)
            m->retire(m->retire_ctx, cpu->hartid, pc, insn, len);
        if (ret && known && rec && d->commit)
            commit(cpu, pc, insn, len, priv, fflags, mstatus);
        if (d && debug_after_step(m, cpu->hartid, count))
            break;
        if (atomic_load(&m->stop_requested))
            break;
    }
    return done;
}

void rv_debug_atomic(rv_cpu *cpu, uint64_t va, const uint8_t *p,
                     unsigned size, bool write, uint64_t value)
{
    bus *b = &cpu->m->bus;
    uint64_t mask = size == 8 ? UINT64_MAX : 0xffffffffull;
    debug_mem_access(cpu->m, cpu->hartid, va,
                     b->ram_base + (uint64_t)(p - b->ram), size, value & mask,
                     write);
}

/* ---- Memory by virtual address ------------------------------------------ */

static emu_status virt_check(emu_machine *m, unsigned hart, const void *buf,
                             size_t len)
{
    if (!m || (!buf && len))
        return EMU_ERR_INVALID;
    if (hart >= emu_hart_count(m))
        return machine_error(m, EMU_ERR_INVALID, "no hart %u", hart);
    return EMU_OK;
}

emu_status emu_translate(emu_machine *m, unsigned hart, uint64_t va,
                         uint64_t *pa)
{
    emu_status st = virt_check(m, hart, pa, 1);
    if (st != EMU_OK)
        return st;
    if (m->a64) { /* user mode is the only AArch64 machine so far */
        if (!m->user || !user_debug_translate(m, va, pa))
            return machine_error(m, EMU_ERR_RANGE, "0x%llx is not mapped",
                                 (unsigned long long)va);
        return EMU_OK;
    }
    rv_cpu *cpu = m->harts[hart];
    if (cpu->xlen == 32)
        va &= 0xffffffffull;
    if (mmu_translate_debug(cpu, va, pa) != 0)
        return machine_error(m, EMU_ERR_RANGE, "0x%llx is not mapped",
                             (unsigned long long)va);
    return EMU_OK;
}

/* Copy page by page: each page translates on its own. */
static emu_status virt_copy(emu_machine *m, unsigned hart, uint64_t va,
                            uint8_t *rbuf, const uint8_t *wbuf, size_t len,
                            size_t *done)
{
    size_t copied = 0;
    emu_status st = EMU_OK;
    uint64_t mask = !m->a64 && m->harts[hart]->xlen == 32 ? 0xffffffffull
                                                          : UINT64_MAX;
    while (copied < len) {
        uint64_t a = (va + copied) & mask, pa;
        size_t chunk = 0x1000 - (size_t)(a & 0xfff);
        if (chunk > len - copied)
            chunk = len - copied;
        st = emu_translate(m, hart, a, &pa);
        if (st != EMU_OK)
            break;
        if (!bus_in_ram(&m->bus, pa, chunk)) {
            st = machine_error(m, EMU_ERR_RANGE, "0x%llx (physical 0x%llx) is "
                               "not RAM", (unsigned long long)a,
                               (unsigned long long)pa);
            break;
        }
        uint8_t *host = m->bus.ram + (pa - m->bus.ram_base);
        if (rbuf) {
            memcpy(rbuf + copied, host, chunk);
        } else {
            memcpy(host, wbuf + copied, chunk);
            bus_ram_written(&m->bus, pa, chunk);
        }
        copied += chunk;
    }
    if (wbuf && copied)
        history_state_changed(m);
    if (done)
        *done = copied;
    return st;
}

emu_status emu_mem_read_virt(emu_machine *m, unsigned hart, uint64_t va,
                             void *buf, size_t len, size_t *done)
{
    emu_status st = virt_check(m, hart, buf, len);
    if (st != EMU_OK)
        return st;
    return virt_copy(m, hart, va, buf, NULL, len, done);
}

emu_status emu_mem_write_virt(emu_machine *m, unsigned hart, uint64_t va,
                              const void *buf, size_t len, size_t *done)
{
    emu_status st = virt_check(m, hart, buf, len);
    if (st != EMU_OK)
        return st;
    return virt_copy(m, hart, va, NULL, buf, len, done);
}
