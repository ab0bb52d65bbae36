/*
 * Booting the virt board as QEMU does: firmware at the RAM base, the
 * kernel at the next 2 MiB boundary, the initrd further up, the device
 * tree at the end of RAM, and a reset vector in ROM that hands every hart
 * its hart id, the device tree and OpenSBI's fw_dynamic_info.
 *
 * Everything loaded is remembered: a reset (the guest's reboot) copies the
 * images back, because firmware writes to its own data and the kernel
 * reuses the memory it was loaded into.
 */
#include <libfdt.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/riscv/rv_cpu.h"
#include "devices/rom.h"
#include "machine/machine.h"
#include "machine/virt.h"

#define MiB (1ull << 20)
#define MAX_BLOBS 8

typedef struct boot_blob {
    uint64_t addr;
    size_t size;
    uint8_t *data;
} boot_blob;

struct machine_boot {
    boot_blob blobs[MAX_BLOBS];
    unsigned nblobs;
};

/* OpenSBI's fw_dynamic_info (include/sbi/fw_dynamic.h): XLEN-sized fields */
#define FW_DYNAMIC_MAGIC 0x4942534full /* "OSBI" */
#define FW_DYNAMIC_VERSION 2
#define FW_DYNAMIC_NEXT_MODE_S 1

void boot_free(emu_machine *m)
{
    if (!m->boot)
        return;
    for (unsigned i = 0; i < m->boot->nblobs; i++)
        free(m->boot->blobs[i].data);
    free(m->boot);
    m->boot = NULL;
}

void boot_reset(emu_machine *m)
{
    if (!m->boot)
        return;
    for (unsigned i = 0; i < m->boot->nblobs; i++) {
        const boot_blob *b = &m->boot->blobs[i];
        memcpy(m->bus.ram + (b->addr - m->bus.ram_base), b->data, b->size);
        bus_ram_written(&m->bus, b->addr, b->size);
    }
}

/* Remember RAM [addr, addr + size) as it is now, to restore at reset. */
static emu_status remember(emu_machine *m, uint64_t addr, uint64_t size)
{
    struct machine_boot *bt = m->boot;
    if (bt->nblobs == MAX_BLOBS)
        return machine_error(m, EMU_ERR_RANGE, "too many boot images");
    uint8_t *copy = malloc(size ? size : 1);
    if (!copy)
        return machine_error(m, EMU_ERR_NOMEM, "out of memory");
    memcpy(copy, m->bus.ram + (addr - m->bus.ram_base), size);
    bt->blobs[bt->nblobs++] = (boot_blob){addr, size, copy};
    return EMU_OK;
}

typedef struct image {
    uint64_t entry, lo, hi; /* hi = 0: nothing loaded */
} image;

/*
 * Load an ELF file at its physical addresses, or a raw image at addr.
 * what names the image in messages ("firmware", "kernel").
 */
static emu_status load_image(emu_machine *m, const char *what, const char *path,
                             uint64_t addr, image *out)
{
    char *buf;
    size_t size;
    emu_status st = machine_read_file(m, path, &buf, &size);
    if (st != EMU_OK)
        return st;
    if (size >= 4 && memcmp(buf, "\177ELF", 4) == 0) {
        uint64_t span[2];
        st = machine_load_elf(m, path, buf, size, false, &out->entry, span);
        out->lo = span[0];
        out->hi = span[1];
    } else if (size == 0) {
        st = machine_error(m, EMU_ERR_FORMAT, "%s %s is empty", what, path);
    } else if (!bus_in_ram(&m->bus, addr, size)) {
        st = machine_error(m, EMU_ERR_RANGE, "%s %s (%zu bytes) does not fit "
                           "in RAM at 0x%llx", what, path, size,
                           (unsigned long long)addr);
    } else {
        memcpy(m->bus.ram + (addr - m->bus.ram_base), buf, size);
        bus_ram_written(&m->bus, addr, size);
        out->entry = out->lo = addr;
        out->hi = addr + size;
    }
    free(buf);
    if (st == EMU_OK)
        st = remember(m, out->lo, out->hi - out->lo);
    return st;
}

static uint64_t align_up(uint64_t v, uint64_t a) { return (v + a - 1) & ~(a - 1); }
static uint64_t align_down(uint64_t v, uint64_t a) { return v & ~(a - 1); }

/* An I-type instruction (unpriv 2.3). */
static uint32_t insn_i(int32_t imm, unsigned rs1, unsigned f3, unsigned rd,
                       unsigned opcode)
{
    return (uint32_t)(imm & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | opcode;
}

/*
 * The reset vector every hart runs first, followed by its data:
 *     auipc t0, 0
 *     addi  a2, t0, info      # fw_dynamic_info
 *     csrr  a0, mhartid
 *     l[wd] a1, dtb(t0)
 *     l[wd] t0, entry(t0)
 *     jr    t0
 *     entry, dtb: XLEN-sized words; then fw_dynamic_info
 */
static void write_reset_vector(emu_machine *m, uint64_t entry, uint64_t dtb,
                               uint64_t next)
{
    enum { T0 = 5, A0 = 10, A1 = 11, A2 = 12 };
    uint8_t *rom = dev_rom_data(m->mrom);
    unsigned w = m->isa.xlen / 8, ld = w == 8 ? 3 : 2;
    unsigned entry_off = 0x18, dtb_off = entry_off + w, info_off = dtb_off + w;
    const uint32_t code[] = {
        0x00000297u | T0 << 7, /* auipc t0, 0 */
        insn_i((int32_t)info_off, T0, 0, A2, 0x13),
        insn_i(0xf14, 0, 2, A0, 0x73), /* csrrs a0, mhartid, x0 */
        insn_i((int32_t)dtb_off, T0, ld, A1, 0x03),
        insn_i((int32_t)entry_off, T0, ld, T0, 0x03),
        insn_i(0, T0, 0, 0, 0x67), /* jalr x0, 0(t0) */
    };
    memset(rom, 0, virt_map[VIRT_MROM].size);
    for (size_t i = 0; i < sizeof(code) / sizeof(code[0]); i++)
        st_le(rom + 4 * i, 4, code[i]);
    st_le(rom + entry_off, w, entry);
    st_le(rom + dtb_off, w, dtb);
    const uint64_t info[] = {
        FW_DYNAMIC_MAGIC, FW_DYNAMIC_VERSION, next,
        FW_DYNAMIC_NEXT_MODE_S, /* options */ 0,
        /* boot hart */ 0,
    };
    for (size_t i = 0; i < sizeof(info) / sizeof(info[0]); i++)
        st_le(rom + info_off + i * w, w, info[i]);
}

/* Every range in imgs must end at or below limit. */
static emu_status check_below(emu_machine *m, const char *what, uint64_t end,
                              uint64_t limit)
{
    if (end > limit)
        return machine_error(m, EMU_ERR_RANGE, "the %s ends at 0x%llx, past "
                             "0x%llx where the device tree goes: give the "
                             "machine more RAM (-m)", what,
                             (unsigned long long)end, (unsigned long long)limit);
    return EMU_OK;
}

emu_status emu_boot(emu_machine *m, const emu_boot_config *b)
{
    if (!m || !b)
        return EMU_ERR_INVALID;
    if (m->cfg.board != EMU_BOARD_VIRT)
        return machine_error(m, EMU_ERR_UNSUPPORTED, "emu_boot() needs the virt "
                             "board; load programs with emu_load_elf()");
    if (!b->bios && !b->kernel)
        return machine_error(m, EMU_ERR_INVALID, "nothing to boot: give "
                             "firmware, a kernel or both");
    boot_free(m);
    m->boot = calloc(1, sizeof(*m->boot));
    if (!m->boot)
        return machine_error(m, EMU_ERR_NOMEM, "out of memory");

    /* the guest's RAM: a display's framebuffer may follow it on the bus
     * (display.c), and nothing of ours may be placed there */
    const uint64_t ram = m->bus.ram_base, ram_end = ram + m->cfg.ram_size;
    emu_status st;
    image fw = {0}, kernel = {0}, initrd = {0};
    uint64_t kernel_addr = ram;
    if (b->bios) {
        st = load_image(m, "firmware", b->bios, ram, &fw);
        if (st != EMU_OK)
            return st;
        /* fw_jump jumps to 0x80200000 on RV64 (0x80400000 on RV32): the
         * first megapage boundary past the firmware, as QEMU computes */
        kernel_addr = align_up(fw.hi, m->isa.xlen == 32 ? 4 * MiB : 2 * MiB);
    }
    if (b->kernel) {
        st = load_image(m, "kernel", b->kernel, kernel_addr, &kernel);
        if (st != EMU_OK)
            return st;
        if (fw.hi && kernel.lo < fw.hi && fw.lo < kernel.hi)
            return machine_error(m, EMU_ERR_RANGE, "the kernel (0x%llx-0x%llx) "
                                 "overlaps the firmware (0x%llx-0x%llx)",
                                 (unsigned long long)kernel.lo,
                                 (unsigned long long)kernel.hi,
                                 (unsigned long long)fw.lo,
                                 (unsigned long long)fw.hi);
    }
    uint64_t next = b->kernel ? kernel.entry : kernel_addr;
    uint64_t top = kernel.hi > fw.hi ? kernel.hi : fw.hi;

    /* the device tree: at the end of RAM, but below 3 GiB so that RV32
     * kernels reach it, 2 MiB aligned (QEMU's placement) */
    uint64_t fdt_limit = ram_end < 0xc0000000ull ? ram_end : 0xc0000000ull;
    if (b->initrd) {
        /* far enough above the kernel for it to unpack, low enough to
         * leave the initrd room: half of RAM, at most 128 MiB up */
        uint64_t half = m->cfg.ram_size / 2;
        uint64_t at = align_up(next + (half < 128 * MiB ? half : 128 * MiB), 4096);
        if (at < top)
            at = align_up(top, 4096);
        char *buf;
        size_t size;
        st = machine_read_file(m, b->initrd, &buf, &size);
        if (st != EMU_OK)
            return st;
        if (!bus_in_ram(&m->bus, at, size) || at + size > ram_end) {
            free(buf);
            return machine_error(m, EMU_ERR_RANGE, "the initrd %s (%zu bytes) "
                                 "does not fit in RAM at 0x%llx: give the "
                                 "machine more RAM (-m)", b->initrd, size,
                                 (unsigned long long)at);
        }
        memcpy(m->bus.ram + (at - ram), buf, size);
        bus_ram_written(&m->bus, at, size);
        free(buf);
        initrd = (image){at, at, at + size};
        st = remember(m, at, size);
        if (st != EMU_OK)
            return st;
    }
    st = virt_build_fdt(m, b->cmdline, initrd.lo, initrd.hi);
    if (st != EMU_OK)
        return st;
    if (m->fdt_size > fdt_limit - ram)
        return machine_error(m, EMU_ERR_RANGE, "no room for the device tree");
    uint64_t fdt_addr = align_down(fdt_limit - m->fdt_size, 2 * MiB);
    if (fdt_addr < ram)
        fdt_addr = align_down(fdt_limit - m->fdt_size, 8);
    if ((st = check_below(m, "firmware", fw.hi, fdt_addr)) != EMU_OK ||
        (st = check_below(m, "kernel", kernel.hi, fdt_addr)) != EMU_OK ||
        (st = check_below(m, "initrd", initrd.hi, fdt_addr)) != EMU_OK)
        return st;
    memcpy(m->bus.ram + (fdt_addr - ram), m->fdt, m->fdt_size);
    bus_ram_written(&m->bus, fdt_addr, m->fdt_size);
    st = remember(m, fdt_addr, m->fdt_size);
    if (st != EMU_OK)
        return st;

    /* without firmware the kernel itself starts, in M mode */
    write_reset_vector(m, b->bios ? fw.entry : kernel.entry, fdt_addr, next);
    m->entry = virt_map[VIRT_MROM].base;
    machine_reset(m);
    machine_log(m, EMU_LOG_INFO, "boot: firmware 0x%llx-0x%llx, kernel "
                "0x%llx-0x%llx (entry 0x%llx), initrd 0x%llx-0x%llx, device "
                "tree 0x%llx (%zu bytes)",
                (unsigned long long)fw.lo, (unsigned long long)fw.hi,
                (unsigned long long)kernel.lo, (unsigned long long)kernel.hi,
                (unsigned long long)next, (unsigned long long)initrd.lo,
                (unsigned long long)initrd.hi, (unsigned long long)fdt_addr,
                m->fdt_size);
    return EMU_OK;
}
