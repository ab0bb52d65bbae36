/*
 * The virt board's device-tree builder (virt_build_fdt in
 * src/machine/virt.c) with fuzzed configurations: it must produce a valid
 * DTB or fail cleanly with a message.
 *
 *   byte 0    bit 0: RV32   bits 1-2: priv "msu", "mu", "m" or NULL
 *             bit 3: the initrd range is RAM-relative (else raw)
 *             bit 4: no command line (NULL)
 *             bit 5: add a display   bit 6: add rng and console
 *   byte 1    harts - 1 (mod 64)
 *   2 bytes   RAM size in 4 KiB pages - 1 (mod 16384: up to 64 MiB)
 *   8 + 8     initrd start and end
 *   1 byte    length of the ISA string, then the string ("" = NULL)
 *   the rest  the command line (up to the first NUL)
 */
#include <libfdt.h>

#include "fuzz.h"
#include "machine/machine.h"

#define MAX_ISA 128
#define MAX_CMDLINE 8192

static void fail(const char *what, emu_machine *m)
{
    fprintf(stderr, "fuzz_fdt: %s (%s)\n", what, m ? emu_last_error(m) : "");
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = {data, size};
    uint8_t flags = fz_u8(&in);
    unsigned harts = 1 + fz_u8(&in) % 64;
    uint64_t ram_size = 4096 * (1 + (uint64_t)(fz_u16(&in) % 16384));
    uint64_t initrd_start = fz_u64(&in), initrd_end = fz_u64(&in);
    char isa[MAX_ISA + 1];
    const uint8_t *p;
    size_t n = fz_take(&in, fz_u8(&in) % (MAX_ISA + 1), &p);
    memcpy(isa, p, n);
    isa[n] = 0;
    char *cmdline = malloc(MAX_CMDLINE + 1);
    if (!cmdline)
        abort();
    n = fz_take(&in, MAX_CMDLINE, &p);
    memcpy(cmdline, p, n);
    cmdline[n] = 0;

    bool rv32 = flags & 1;
    static const char *const privs[] = {"msu", "mu", "m", NULL};
    emu_config cfg = emu_config_default(rv32 ? EMU_ARCH_RISCV32 : EMU_ARCH_RISCV64);
    cfg.board = EMU_BOARD_VIRT;
    cfg.priv = privs[(flags >> 1) & 3];
    cfg.harts = harts;
    cfg.ram_size = ram_size;
    cfg.rtc_start_ns = 1;
    cfg.isa = isa[0] ? isa : NULL;
    if (flags & 8) {
        initrd_start = cfg.ram_base + initrd_start % ram_size;
        initrd_end = initrd_start + initrd_end % (ram_size + 1);
    }

    emu_machine *m = NULL;
    char err[256] = "";
    if (emu_machine_new(&cfg, &m, err, sizeof(err)) != EMU_OK) {
        if (!err[0])
            fail("emu_machine_new failed without a message", NULL);
        free(cmdline);
        return 0;
    }
    if (flags & 0x20)
        emu_device_add(m, "display", "width=320,height=200");
    if (flags & 0x40) {
        emu_device_add(m, "rng", "");
        emu_device_add(m, "console", "");
    }
    if (virt_build_fdt(m, flags & 0x10 ? NULL : cmdline, initrd_start,
                       initrd_end) == EMU_OK) {
        const void *dtb;
        size_t dtb_size;
        if (emu_get_dtb(m, &dtb, &dtb_size) != EMU_OK)
            fail("no device tree after virt_build_fdt", m);
        if (fdt_check_header(dtb) != 0 || fdt_totalsize(dtb) != dtb_size)
            fail("a bad device-tree header", m);
        int cpus = fdt_path_offset(dtb, "/cpus");
        if (fdt_path_offset(dtb, "/chosen") < 0 || cpus < 0)
            fail("no /chosen or /cpus", m);
        unsigned found = 0;
        int node;
        fdt_for_each_subnode(node, dtb, cpus)
            if (!strncmp(fdt_get_name(dtb, node, NULL), "cpu@", 4))
                found++;
        if (found != harts)
            fail("/cpus does not list every hart", m);
    } else if (!emu_last_error(m)[0]) {
        fail("virt_build_fdt failed without a message", m);
    }
    emu_machine_free(m);
    free(cmdline);
    return 0;
}
