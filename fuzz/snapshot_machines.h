/*
 * The machines the snapshot fuzz target restores into, shared with the
 * seed generator (gen_snapshot_seeds.c) so that the seeds' fingerprints
 * match and the fuzzer starts past the configuration check.
 */
#ifndef FUZZ_SNAPSHOT_MACHINES_H
#define FUZZ_SNAPSHOT_MACHINES_H

#include "fuzz.h"

#define FZ_SNAP_MACHINES 3

/* 0: RV64 test board, 1 hart; 1: RV32 test board, 2 harts; 2: RV64 virt
 * board with a console, a keyboard and an entropy source. Small RAM keeps
 * every input cheap. */
static inline emu_machine *fz_snapshot_machine(unsigned which)
{
    emu_config cfg = emu_config_default(which == 1 ? EMU_ARCH_RISCV32
                                                   : EMU_ARCH_RISCV64);
    cfg.ram_base = FZ_RAM_BASE;
    cfg.ram_size = which == 2 ? 2ull << 20 : 256ull << 10;
    cfg.harts = which == 1 ? 2 : 1;
    cfg.rtc_start_ns = 1;
    if (which == 2)
        cfg.board = EMU_BOARD_VIRT;
    emu_machine *m = fz_machine(&cfg);
    static const char *const kinds[] = {"console", "keyboard", "rng"};
    for (unsigned i = 0; which == 2 && i < 3; i++)
        if (emu_device_add(m, kinds[i], NULL) != EMU_OK) {
            fprintf(stderr, "fuzz: %s: %s\n", kinds[i], emu_last_error(m));
            abort();
        }
    return m;
}

#endif
