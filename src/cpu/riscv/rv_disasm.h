/* RISC-V disassembler in GNU objdump spelling (used by --trace). */
#ifndef RV_DISASM_H
#define RV_DISASM_H

#include <stddef.h>
#include <stdint.h>

/*
 * Write the disassembly of insn (a 16-bit compressed form in the low half
 * when (insn & 3) != 3) at address pc into buf, NUL-terminated and truncated
 * to buflen. xlen is 32 or 64. Returns the instruction's length (2 or 4).
 * Encodings it cannot decode print as objdump prints them (".4byte\t0x...",
 * ".2byte\t0x..."); 48-bit and longer forms as "unknown".
 */
unsigned rv_disasm(uint32_t insn, uint64_t pc, unsigned xlen, char *buf,
                   size_t buflen);

#endif
