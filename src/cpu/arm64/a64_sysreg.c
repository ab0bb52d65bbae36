/* Placeholder: the EL0 system registers are being written (issue 10). */
#include "cpu/arm64/a64_cpu.h"

bool a64_sysreg_read(a64_cpu *cpu, uint32_t enc, uint64_t *v)
{
    (void)cpu;
    (void)enc;
    (void)v;
    return false;
}

bool a64_sysreg_write(a64_cpu *cpu, uint32_t enc, uint64_t v)
{
    (void)cpu;
    (void)enc;
    (void)v;
    return false;
}
