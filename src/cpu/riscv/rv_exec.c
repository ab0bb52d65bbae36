/* The interpreter, compiled once per XLEN from rv_exec_tmpl.h. */
#include <string.h>

#include "cpu/riscv/rv_cpu.h"
#include "cpu/riscv/rv_decode.h"
#include "fpu/fpu.h"
#include "mmu/mmu.h"

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
    return cpu->xlen == 32 ? rv32_run(cpu, n) : rv64_run(cpu, n);
}
