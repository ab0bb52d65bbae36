/*
 * Disassembles instruction encodings with emu_disasm() for the comparison
 * with GNU objdump (compare_objdump.py).
 *
 * usage: disasm_tool XLEN < lines
 * Each input line is "PC ENCODING" in hex (a 4-digit encoding is a
 * compressed instruction); each output line is the disassembly.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libemu/libemu.h"

int main(int argc, char **argv)
{
    if (argc != 2 || (strcmp(argv[1], "32") && strcmp(argv[1], "64"))) {
        fprintf(stderr, "usage: %s 32|64 < 'PC ENCODING' lines\n", argv[0]);
        return 2;
    }
    /* emu_disasm() takes the XLEN from a machine; a small one will do */
    emu_config cfg = emu_config_default(
        strcmp(argv[1], "32") == 0 ? EMU_ARCH_RISCV32 : EMU_ARCH_RISCV64);
    cfg.ram_size = 1 << 20;
    emu_machine *m;
    char err[256];
    if (emu_machine_new(&cfg, &m, err, sizeof(err)) != EMU_OK) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    char in[128], text[96];
    while (fgets(in, sizeof(in), stdin)) {
        uint64_t pc;
        char enc[32];
        if (sscanf(in, "%" SCNx64 " %31s", &pc, enc) != 2) {
            fprintf(stderr, "bad line: %s", in);
            emu_machine_free(m);
            return 2;
        }
        uint32_t insn = (uint32_t)strtoul(enc, NULL, 16);
        emu_disasm(m, pc, insn, text, sizeof(text));
        printf("%s\n", text);
    }
    emu_machine_free(m);
    return 0;
}
