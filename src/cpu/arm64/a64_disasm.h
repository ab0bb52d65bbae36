/* A64 disassembler: instruction text spelled as GNU objdump 2.40 does. */
#ifndef A64_DISASM_H
#define A64_DISASM_H

#include <stddef.h>
#include <stdint.h>

/*
 * Write the text of insn at pc into buf (NUL-terminated, truncated to len);
 * returns buf. Unallocated encodings print as objdump does
 * (".inst\t0x........ ; undefined"); so do the encodings this disassembler
 * does not decode yet (the objdump comparison counts those apart).
 */
const char *a64_disasm(uint32_t insn, uint64_t pc, char *buf, size_t len);

#endif
