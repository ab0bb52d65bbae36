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

uint64_t rv_run(rv_cpu *cpu, uint64_t n)
{
    uint64_t (*run)(rv_cpu *, uint64_t) = cpu->xlen == 32 ? rv32_run : rv64_run;
    if (likely(!cpu->m->debug_on))
        return run(cpu, n);
    return rv_debug_run(cpu, n, run);
}
