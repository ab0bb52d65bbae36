/* Placeholder: the crypto extension's executor is being written (issue 10). */
#include "cpu/arm64/a64_cpu.h"

int a64_exec_crypto(a64_cpu *cpu, uint32_t insn)
{
    (void)cpu;
    (void)insn;
    return A64_UNDEF;
}
