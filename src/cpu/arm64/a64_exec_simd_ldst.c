/* Placeholder: the SIMD structure loads and stores are being written
 * (issue 10). */
#include "cpu/arm64/a64_cpu.h"

int a64_exec_simd_ldst(a64_cpu *cpu, uint32_t insn)
{
    (void)cpu;
    (void)insn;
    return A64_UNDEF;
}
