/*
 * Disassembles A64 instruction words with a64_disasm() for the comparison
 * with GNU objdump (a64_objdump.py).
 *
 * usage: a64_dis_driver < lines
 * Each input line is "PC WORD" in hex; each output line is the text.
 */
#include <inttypes.h>
#include <stdio.h>

#include "cpu/arm64/a64_disasm.h"

int main(void)
{
    char line[128];
    while (fgets(line, sizeof(line), stdin)) {
        uint64_t pc;
        uint32_t word;
        if (sscanf(line, "%" SCNx64 " %" SCNx32, &pc, &word) != 2) {
            fprintf(stderr, "bad input line: %s", line);
            return 2;
        }
        char buf[128];
        puts(a64_disasm(word, pc, buf, sizeof(buf)));
    }
    return 0;
}
