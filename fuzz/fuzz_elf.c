/*
 * The ELF loader (src/machine/elf.c) on any bytes: emu_load_elf_mem() on
 * a small test-board machine of the class the header claims (EI_CLASS 1
 * picks RV32, anything else RV64). A file that loads then runs for a few
 * instructions, which also exercises HTIF found through its symbols.
 */
#include "fuzz.h"

#define RAM_SIZE (1ull << 20)
#define RUN_BUDGET 1000

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bool rv32 = size > 4 && data[4] == 1;
    emu_config cfg = emu_config_default(rv32 ? EMU_ARCH_RISCV32 : EMU_ARCH_RISCV64);
    cfg.ram_base = FZ_RAM_BASE;
    cfg.ram_size = RAM_SIZE;
    emu_machine *m = fz_machine(&cfg);
    uint64_t entry = 0;
    if (emu_load_elf_mem(m, data, size, &entry) == EMU_OK) {
        emu_exit e;
        emu_run(m, RUN_BUDGET, &e);
    } else if (!emu_last_error(m)[0]) {
        /* errors are values with a message (DESIGN.md) */
        fprintf(stderr, "fuzz_elf: a load failed without a message\n");
        abort();
    }
    emu_machine_free(m);
    return 0;
}
