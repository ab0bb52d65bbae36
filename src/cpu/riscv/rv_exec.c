/* The interpreter, compiled once per XLEN from rv_exec_tmpl.h. */
#include <string.h>

#include "cpu/riscv/rv_cpu.h"
#include "cpu/riscv/rv_dcache.h"
#include "cpu/riscv/rv_decode.h"
#include "fpu/fpu.h"
#include "mmu/mmu.h"

/* Computed goto where the compiler has it (GNU C's labels as values). */
#if defined(__GNUC__) && !defined(RV_FORCE_SWITCH)
#define RV_DISPATCH_GOTO 1
#else
#define RV_DISPATCH_GOTO 0
#endif

uint64_t rv32_run(rv_cpu *cpu, uint64_t n);
uint64_t rv64_run(rv_cpu *cpu, uint64_t n);

#define XLEN 32
#define ureg uint32_t
#define sreg int32_t
#define FN(name) rv32_##name
#include "cpu/riscv/rv_exec_tmpl.h"
#undef XLEN
#undef ureg
#undef sreg
#undef FN

#define XLEN 64
#define ureg uint64_t
#define sreg int64_t
#define FN(name) rv64_##name
#include "cpu/riscv/rv_exec_tmpl.h"
#undef XLEN
#undef ureg
#undef sreg
#undef FN

/* The encoding of the instruction at pc, read without side effects on the
 * hart (no trap, no TLB fill), for the retire hook. */
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

uint64_t rv_run(rv_cpu *cpu, uint64_t n)
{
    emu_machine *m = cpu->m;
    uint64_t (*run)(rv_cpu *, uint64_t) = cpu->xlen == 32 ? rv32_run : rv64_run;
    if (likely(!m->retire))
        return run(cpu, n);

    /*
     * With a retire hook, one step at a time, so that the hook sees every
     * instruction that retired (advanced instret) with the encoding it was
     * executed from, read before it ran. The events the interpreter would
     * take first are taken here, so that pc is the instruction's.
     */
    uint64_t done = 0;
    while (done < n) {
        if (cpu->events) {
            if (cpu->events & RV_EV_EXIT) {
                cpu->events &= ~(uint32_t)RV_EV_EXIT;
                break;
            }
            rv_take_interrupt(cpu);
        }
        uint64_t pc = cpu->pc, retired = cpu->instret;
        uint32_t insn = 0;
        unsigned len = 0;
        bool known = peek_insn(cpu, pc, &insn, &len);
        uint64_t k = run(cpu, 1);
        if (k == 0)
            break;
        done += k;
        if (cpu->instret != retired && known && m->retire)
            m->retire(m->retire_ctx, cpu->hartid, pc, insn, len);
    }
    return done;
}
