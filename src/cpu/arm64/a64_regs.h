/* The AArch64 hart's registers by number and name. Internal header. */
#ifndef CPU_ARM64_A64_REGS_H
#define CPU_ARM64_A64_REGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu/arm64/a64_cpu.h"

/* EMU_REG_A64_* numbers (libemu.h); false for numbers naming nothing. */
bool a64_reg_read(const a64_cpu *cpu, unsigned num, uint64_t *v);
bool a64_reg_write(a64_cpu *cpu, unsigned num, uint64_t v);
/* "x0".."x30", "fp", "lr", "sp", "pc", "nzcv"/"cpsr", "fpsr", "fpcr",
 * "tpidr_el0", "v0".."v31" (low 64 bits) and "v0.hi".."v31.hi". */
bool a64_reg_lookup(const char *name, unsigned *num);
bool a64_reg_name(unsigned num, char *buf, size_t len);

#endif
