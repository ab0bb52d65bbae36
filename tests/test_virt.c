/*
 * The virt board: its device tree (parsed back with libfdt), the boot
 * protocol of emu_boot() (image placement, reset vector, reset), the
 * wiring of UART, PLIC and harts, and the finisher ending a run.
 */
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cpu/riscv/rv_cpu.h"
#include "machine/hostclock.h"
#include "machine/machine.h"
#include "testutil.h"

#define UART 0x10000000ull
#define PLIC 0x0c000000ull
#define FINISHER 0x00100000ull
#define ROM 0x1000ull

static emu_machine *virt_cfg(emu_config *cfg)
{
    cfg->board = EMU_BOARD_VIRT;
    cfg->ram_size = 64ull << 20;
    return tu_machine_cfg(cfg);
}

static emu_machine *virt(unsigned xlen, unsigned harts)
{
    emu_config cfg =
        emu_config_default(xlen == 32 ? EMU_ARCH_RISCV32 : EMU_ARCH_RISCV64);
    cfg.harts = harts;
    return virt_cfg(&cfg);
}

static const void *dtb(emu_machine *m)
{
    const void *fdt;
    size_t size;
    ck_assert_int_eq(emu_get_dtb(m, &fdt, &size), EMU_OK);
    ck_assert_int_eq(fdt_check_header(fdt), 0);
    ck_assert_uint_eq(fdt_totalsize(fdt), size);
    return fdt;
}

static int node(const void *fdt, const char *path)
{
    int off = fdt_path_offset(fdt, path);
    ck_assert_msg(off >= 0, "no node %s", path);
    return off;
}

static const char *prop_str(const void *fdt, const char *path, const char *name)
{
    int len;
    const char *v = fdt_getprop(fdt, node(fdt, path), name, &len);
    ck_assert_msg(v != NULL, "%s has no %s", path, name);
    ck_assert_msg(len > 0 && v[len - 1] == 0, "%s/%s is not a string", path, name);
    return v;
}

/* The property as big-endian cells, into out; returns the cell count. */
static int prop_cells(const void *fdt, const char *path, const char *name,
                      uint32_t *out, int max)
{
    int len;
    const fdt32_t *v = fdt_getprop(fdt, node(fdt, path), name, &len);
    ck_assert_msg(v != NULL, "%s has no %s", path, name);
    ck_assert_int_eq(len % 4, 0);
    ck_assert_int_le(len / 4, max);
    for (int i = 0; i < len / 4; i++)
        out[i] = fdt32_to_cpu(v[i]);
    return len / 4;
}

static uint32_t prop_u32(const void *fdt, const char *path, const char *name)
{
    uint32_t v[1];
    ck_assert_int_eq(prop_cells(fdt, path, name, v, 1), 1);
    return v[0];
}

static bool list_has(const void *fdt, const char *path, const char *name,
                     const char *str)
{
    return fdt_stringlist_search(fdt, node(fdt, path), name, str) >= 0;
}

/* A host file with these bytes; returns its path (free it and unlink). */
static char *temp_file(const void *data, size_t len)
{
    char *path = strdup("/tmp/libemu-test-XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, data, len), (ssize_t)len);
    close(fd);
    return path;
}

/* Boot code (a raw kernel image) with -bios none: it starts in M mode at
 * the RAM base on every hart. */
static void boot_code(emu_machine *m, const uint32_t *code, size_t bytes)
{
    char *kernel = temp_file(code, bytes);
    emu_boot_config b = {NULL, kernel, NULL, NULL};
    emu_status st = emu_boot(m, &b);
    unlink(kernel);
    free(kernel);
    ck_assert_msg(st == EMU_OK, "emu_boot: %s", emu_last_error(m));
}

/* ---- the device tree ---- */

START_TEST(test_virt_dtb_describes_each_hart)
{
    emu_machine *m = virt(64, 4);
    const void *fdt = dtb(m);
    ck_assert_uint_eq(prop_u32(fdt, "/cpus", "timebase-frequency"), 10000000);
    for (unsigned h = 0; h < 4; h++) {
        char path[64];
        snprintf(path, sizeof(path), "/cpus/cpu@%u", h);
        ck_assert_uint_eq(prop_u32(fdt, path, "reg"), h);
        ck_assert_str_eq(prop_str(fdt, path, "device_type"), "cpu");
        ck_assert_str_eq(prop_str(fdt, path, "mmu-type"), "riscv,sv57");
        ck_assert_str_eq(prop_str(fdt, path, "riscv,isa"),
                         "rv64imafdc_zicsr_zifencei_zicntr_zihpm_zihintpause_"
                         "zicclsm_zicond_zba_zbb_zbc_zbs_sstc");
        ck_assert_str_eq(prop_str(fdt, path, "riscv,isa-base"), "rv64i");
        ck_assert(list_has(fdt, path, "riscv,isa-extensions", "c"));
        ck_assert(list_has(fdt, path, "riscv,isa-extensions", "sstc"));
        ck_assert(list_has(fdt, path, "riscv,isa-extensions", "zba"));
        strcat(path, "/interrupt-controller");
        ck_assert_str_eq(prop_str(fdt, path, "compatible"), "riscv,cpu-intc");
        ck_assert_uint_eq(prop_u32(fdt, path, "#interrupt-cells"), 1);
    }
    ck_assert_int_lt(fdt_path_offset(fdt, "/cpus/cpu@4"), 0);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_virt_dtb_follows_the_isa_string)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV32);
    cfg.isa = "rv32imac";
    emu_machine *m = virt_cfg(&cfg);
    const void *fdt = dtb(m);
    ck_assert_str_eq(prop_str(fdt, "/cpus/cpu@0", "riscv,isa"),
                     "rv32imac_zicsr_zifencei_zicntr_zihpm_zihintpause");
    ck_assert_str_eq(prop_str(fdt, "/cpus/cpu@0", "mmu-type"), "riscv,sv32");
    ck_assert(!list_has(fdt, "/cpus/cpu@0", "riscv,isa-extensions", "sstc"));
    ck_assert(!list_has(fdt, "/cpus/cpu@0", "riscv,isa-extensions", "f"));
    emu_machine_free(m);
}
END_TEST

START_TEST(test_virt_dtb_memory_matches_ram)
{
    emu_machine *m = virt(64, 1);
    const void *fdt = dtb(m);
    uint32_t reg[4];
    ck_assert_int_eq(prop_cells(fdt, "/memory@80000000", "reg", reg, 4), 4);
    ck_assert_uint_eq(((uint64_t)reg[0] << 32) | reg[1], 0x80000000ull);
    ck_assert_uint_eq(((uint64_t)reg[2] << 32) | reg[3], 64ull << 20);
    ck_assert_str_eq(prop_str(fdt, "/memory@80000000", "device_type"), "memory");
    emu_machine_free(m);
}
END_TEST

/* Each hart's interrupt-controller phandle. */
static uint32_t intc_phandle(const void *fdt, unsigned hart)
{
    char path[48];
    snprintf(path, sizeof(path), "/cpus/cpu@%u/interrupt-controller", hart);
    return fdt_get_phandle(fdt, node(fdt, path));
}

START_TEST(test_virt_dtb_wires_interrupts)
{
    emu_machine *m = virt(64, 2);
    const void *fdt = dtb(m);
    uint32_t c[16];
    /* PLIC contexts: M (11) and S (9) external lines of each hart in turn */
    ck_assert_int_eq(prop_cells(fdt, "/soc/plic@c000000",
                                "interrupts-extended", c, 16), 8);
    for (unsigned h = 0; h < 2; h++) {
        ck_assert_uint_eq(c[4 * h], intc_phandle(fdt, h));
        ck_assert_uint_eq(c[4 * h + 1], 11);
        ck_assert_uint_eq(c[4 * h + 2], intc_phandle(fdt, h));
        ck_assert_uint_eq(c[4 * h + 3], 9);
    }
    ck_assert_uint_eq(prop_u32(fdt, "/soc/plic@c000000", "riscv,ndev"), 95);
    /* CLINT: software (3) and timer (7) lines */
    ck_assert_int_eq(prop_cells(fdt, "/soc/clint@2000000",
                                "interrupts-extended", c, 16), 8);
    ck_assert_uint_eq(c[1], 3);
    ck_assert_uint_eq(c[3], 7);
    ck_assert_uint_eq(c[4], intc_phandle(fdt, 1));
    /* devices on PLIC sources */
    uint32_t plic = fdt_get_phandle(fdt, node(fdt, "/soc/plic@c000000"));
    ck_assert_uint_eq(prop_u32(fdt, "/soc/serial@10000000", "interrupts"), 10);
    ck_assert_uint_eq(prop_u32(fdt, "/soc/serial@10000000", "interrupt-parent"),
                      plic);
    ck_assert_str_eq(prop_str(fdt, "/soc/serial@10000000", "compatible"),
                     "ns16550a");
    ck_assert_uint_eq(prop_u32(fdt, "/soc/rtc@101000", "interrupts"), 11);
    for (unsigned n = 0; n < 8; n++) {
        char path[48];
        snprintf(path, sizeof(path), "/soc/virtio_mmio@%llx",
                 0x10001000ull + 0x1000ull * n);
        ck_assert_uint_eq(prop_u32(fdt, path, "interrupts"), n + 1);
        ck_assert_str_eq(prop_str(fdt, path, "compatible"), "virtio,mmio");
    }
    emu_machine_free(m);
}
END_TEST

START_TEST(test_virt_dtb_without_s_mode_has_m_contexts_only)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.priv = "mu";
    cfg.harts = 2;
    emu_machine *m = virt_cfg(&cfg);
    const void *fdt = dtb(m);
    uint32_t c[16];
    ck_assert_int_eq(prop_cells(fdt, "/soc/plic@c000000",
                                "interrupts-extended", c, 16), 4);
    ck_assert_uint_eq(c[1], 11);
    ck_assert_uint_eq(c[3], 11);
    ck_assert_ptr_null(fdt_getprop(fdt, node(fdt, "/cpus/cpu@0"), "mmu-type",
                                   NULL));
    emu_machine_free(m);
}
END_TEST

START_TEST(test_virt_dtb_poweroff_and_reboot_use_the_finisher)
{
    emu_machine *m = virt(64, 1);
    const void *fdt = dtb(m);
    uint32_t test = fdt_get_phandle(fdt, node(fdt, "/soc/test@100000"));
    ck_assert_uint_ne(test, 0);
    ck_assert(list_has(fdt, "/soc/test@100000", "compatible", "syscon"));
    ck_assert_uint_eq(prop_u32(fdt, "/poweroff", "regmap"), test);
    ck_assert_uint_eq(prop_u32(fdt, "/poweroff", "value"), 0x5555);
    ck_assert_uint_eq(prop_u32(fdt, "/reboot", "regmap"), test);
    ck_assert_uint_eq(prop_u32(fdt, "/reboot", "value"), 0x7777);
    ck_assert_str_eq(prop_str(fdt, "/chosen", "stdout-path"),
                     "/soc/serial@10000000");
    emu_machine_free(m);
}
END_TEST

/* ---- booting ---- */

/* li t0, FINISHER; li t1, 0x5555; sw t1, 0(t0) — power off with status 0 */
static const uint32_t poweroff_code[] = {
    0x001002b7, /* lui t0, 0x100 */
    0x00005337, /* lui t1, 0x5 */
    0x5553031b, /* addiw t1, t1, 0x555 */
    0x0062a023, /* sw t1, 0(t0) */
    0x0000006f, /* j . */
};

START_TEST(test_virt_boot_places_images_and_sets_boot_registers)
{
    emu_machine *m = virt(64, 2);
    const uint32_t kernel_code[] = {0x0000006f}; /* j . */
    char *bios = temp_file(kernel_code, sizeof(kernel_code));
    char *kernel = temp_file(kernel_code, sizeof(kernel_code));
    static const char initrd_data[] = "initrd contents";
    char *initrd = temp_file(initrd_data, sizeof(initrd_data));
    emu_boot_config b = {bios, kernel, initrd, "console=ttyS0 quiet"};
    ck_assert_int_eq(emu_boot(m, &b), EMU_OK);

    /* firmware at the RAM base, kernel at the next 2 MiB boundary */
    ck_assert_uint_eq(tu_read32(m, 0x80000000), kernel_code[0]);
    ck_assert_uint_eq(tu_read32(m, 0x80200000), kernel_code[0]);
    ck_assert_uint_eq(tu_read32(m, 0x80200004), 0);
    /* the reset vector: six instructions in ROM, then the firmware */
    ck_assert_uint_eq(tu_reg(m, "pc"), ROM);
    tu_step(m, 100000); /* both harts run their reset vector */
    rv_cpu *cpu[2] = {m->harts[0], m->harts[1]};
    for (unsigned h = 0; h < 2; h++) {
        ck_assert_uint_eq(cpu[h]->pc, 0x80000000);
        ck_assert_uint_eq(cpu[h]->x[10], h);        /* a0 = hart id */
        ck_assert_uint_eq(cpu[h]->x[12], ROM + 0x28); /* a2 = fw_dynamic_info */
        ck_assert_uint_eq(cpu[h]->priv, RV_PRIV_M);
    }
    /* a1 = the device tree, in RAM, with the command line and initrd */
    uint64_t a1 = cpu[0]->x[11];
    ck_assert_uint_eq(cpu[1]->x[11], a1);
    ck_assert_uint_eq(a1 % (2u << 20), 0);
    size_t size = m->fdt_size;
    void *copy = malloc(size);
    ck_assert_int_eq(emu_mem_read(m, a1, copy, size), EMU_OK);
    ck_assert_int_eq(memcmp(copy, m->fdt, size), 0);
    ck_assert_str_eq(prop_str(copy, "/chosen", "bootargs"), "console=ttyS0 quiet");
    uint32_t c[2];
    ck_assert_int_eq(prop_cells(copy, "/chosen", "linux,initrd-start", c, 2), 2);
    uint64_t start = (uint64_t)c[0] << 32 | c[1];
    ck_assert_int_eq(prop_cells(copy, "/chosen", "linux,initrd-end", c, 2), 2);
    uint64_t end = (uint64_t)c[0] << 32 | c[1];
    ck_assert_uint_eq(end - start, sizeof(initrd_data));
    char buf[sizeof(initrd_data)];
    ck_assert_int_eq(emu_mem_read(m, start, buf, sizeof(buf)), EMU_OK);
    ck_assert_str_eq(buf, initrd_data);
    ck_assert_uint_ge(start, 0x80200000 + 4);
    ck_assert_uint_le(end, a1);
    free(copy);
    emu_machine_free(m);
    unlink(bios), unlink(kernel), unlink(initrd);
    free(bios), free(kernel), free(initrd);
}
END_TEST

START_TEST(test_virt_boot_without_firmware_starts_kernel_in_m_mode)
{
    emu_machine *m = virt(64, 1);
    boot_code(m, poweroff_code, sizeof(poweroff_code));
    tu_step(m, 6);
    ck_assert_uint_eq(tu_reg(m, "pc"), 0x80000000);
    ck_assert_uint_eq(tu_reg(m, "priv"), RV_PRIV_M);
    emu_exit e = tu_run(m, 100);
    ck_assert_int_eq(e.reason, EMU_EXIT_HALT);
    ck_assert_int_eq(e.code, 0);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_virt_reset_restores_loaded_images)
{
    emu_machine *m = virt(64, 1);
    boot_code(m, poweroff_code, sizeof(poweroff_code));
    tu_write32(m, 0x80000000, 0xdeadbeef); /* the guest overwrote it */
    tu_write32(m, 0x80100000, 0x12345678); /* outside every image */
    emu_machine_reset(m);
    ck_assert_uint_eq(tu_read32(m, 0x80000000), poweroff_code[0]);
    ck_assert_uint_eq(tu_read32(m, 0x80100000), 0x12345678);
    ck_assert_uint_eq(tu_reg(m, "pc"), ROM);
    emu_exit e = tu_run(m, 100);
    ck_assert_int_eq(e.reason, EMU_EXIT_HALT);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_virt_guest_reboot_resets_and_runs_again)
{
    /* The first run counts in RAM outside the image and asks the finisher
     * for a reboot (0x7777); the second sees the count and powers off. */
    emu_machine *m = virt(32, 1);
    const uint32_t prog[] = {
        0x801003b7, /* lui t2, 0x80100 */
        0x0003ae03, /* lw t3, 0(t2) */
        0x001e0e13, /* addi t3, t3, 1 */
        0x01c3a023, /* sw t3, 0(t2) */
        0x001002b7, /* lui t0, 0x100 */
        0x00200e93, /* li t4, 2 */
        0x01de0863, /* beq t3, t4, 1f */
        0x00007337, /* lui t1, 0x7 */
        0x77730313, /* addi t1, t1, 0x777 */
        0x00c0006f, /* j 2f */
        0x00005337, /* 1: lui t1, 0x5 */
        0x55530313, /* addi t1, t1, 0x555 */
        0x0062a023, /* 2: sw t1, 0(t0) */
        0x0000006f, /* j . */
    };
    boot_code(m, prog, sizeof(prog));
    emu_exit e = tu_run(m, 100000);
    ck_assert_int_eq(e.reason, EMU_EXIT_HALT);
    ck_assert_int_eq(e.code, 0);
    ck_assert_uint_eq(tu_read32(m, 0x80100000), 2);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_virt_finisher_failure_code_is_the_exit_status)
{
    emu_machine *m = virt(64, 1);
    const uint32_t prog[] = {
        0x001002b7, /* lui t0, 0x100 */
        0x00073337, /* lui t1, 0x73: 7 << 16 | 0x3000 */
        0x3333031b, /* addiw t1, t1, 0x333 */
        0x0062a023, /* sw t1, 0(t0) */
        0x0000006f, /* j . */
    };
    boot_code(m, prog, sizeof(prog));
    emu_exit e = tu_run(m, 100);
    ck_assert_int_eq(e.reason, EMU_EXIT_HALT);
    ck_assert_int_eq(e.code, 7);
    emu_machine_free(m);
}
END_TEST

static emu_status boot_error(emu_machine *m, const emu_boot_config *b,
                             const char *part)
{
    emu_status st = emu_boot(m, b);
    ck_assert_int_ne(st, EMU_OK);
    ck_assert_msg(strstr(emu_last_error(m), part) != NULL,
                  "message '%s' lacks '%s'", emu_last_error(m), part);
    return st;
}

START_TEST(test_virt_boot_errors_are_reported)
{
    emu_machine *m = virt(64, 1);
    emu_boot_config none = {NULL, NULL, NULL, NULL};
    ck_assert_int_eq(boot_error(m, &none, "nothing to boot"), EMU_ERR_INVALID);
    emu_boot_config missing = {"/nonexistent/fw.bin", NULL, NULL, NULL};
    ck_assert_int_eq(boot_error(m, &missing, "/nonexistent/fw.bin"), EMU_ERR_IO);
    char *empty = temp_file("", 0);
    emu_boot_config e = {NULL, empty, NULL, NULL};
    ck_assert_int_eq(boot_error(m, &e, "empty"), EMU_ERR_FORMAT);
    /* an initrd bigger than RAM */
    size_t big = 80u << 20;
    char *data = calloc(1, big);
    char *initrd = temp_file(data, big);
    free(data);
    char *kernel = temp_file(poweroff_code, sizeof(poweroff_code));
    emu_boot_config i = {NULL, kernel, initrd, NULL};
    ck_assert_int_eq(boot_error(m, &i, "initrd"), EMU_ERR_RANGE);
    emu_machine_free(m);

    /* the test board has no boot protocol; virt RAM is fixed */
    m = tu_machine(64);
    emu_boot_config k = {NULL, kernel, NULL, NULL};
    ck_assert_int_eq(boot_error(m, &k, "virt"), EMU_ERR_UNSUPPORTED);
    const void *fdt;
    size_t size;
    ck_assert_int_eq(emu_get_dtb(m, &fdt, &size), EMU_ERR_UNSUPPORTED);
    emu_machine_free(m);
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.board = EMU_BOARD_VIRT;
    cfg.ram_base = 0x40000000;
    emu_machine *bad = (emu_machine *)0x1;
    char err[256];
    ck_assert_int_eq(emu_machine_new(&cfg, &bad, err, sizeof(err)),
                     EMU_ERR_INVALID);
    ck_assert_ptr_null(bad);
    ck_assert_ptr_nonnull(strstr(err, "0x80000000"));
    unlink(empty), unlink(initrd), unlink(kernel);
    free(empty), free(initrd), free(kernel);
}
END_TEST

/* ---- devices through the bus ---- */

static void bus_w32(emu_machine *m, uint64_t pa, uint32_t v)
{
    ck_assert(bus_write(&m->bus, pa, 4, v));
}
static uint32_t bus_r32(emu_machine *m, uint64_t pa)
{
    uint64_t v = 0;
    ck_assert(bus_read(&m->bus, pa, 4, &v));
    return (uint32_t)v;
}

typedef struct sink {
    char buf[64];
    size_t len;
} sink;

static void to_sink(void *ctx, const char *buf, size_t len)
{
    sink *s = ctx;
    for (size_t i = 0; i < len && s->len + 1 < sizeof(s->buf); i++)
        s->buf[s->len++] = buf[i];
}

START_TEST(test_virt_uart_output_reaches_the_console)
{
    sink out = {{0}, 0};
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.console = to_sink;
    cfg.console_ctx = &out;
    emu_machine *m = virt_cfg(&cfg);
    const uint32_t prog[] = {
        0x100002b7, /* lui t0, 0x10000 */
        0x06800313, /* li t1, 'h' */
        0x00628023, /* sb t1, 0(t0) */
        0x06900313, /* li t1, 'i' */
        0x00628023, /* sb t1, 0(t0) */
        0x001002b7, /* lui t0, 0x100 */
        0x00005337, /* lui t1, 0x5 */
        0x5553031b, /* addiw t1, t1, 0x555 */
        0x0062a023, /* sw t1, 0(t0) */
    };
    boot_code(m, prog, sizeof(prog));
    emu_exit e = tu_run(m, 100);
    ck_assert_int_eq(e.reason, EMU_EXIT_HALT);
    ck_assert_str_eq(out.buf, "hi");
    emu_machine_free(m);
}
END_TEST

START_TEST(test_virt_console_input_raises_hart_external_interrupts)
{
    emu_machine *m = virt(64, 2);
    rv_cpu *h1 = m->harts[1];
    /* UART: receive interrupts on; PLIC source 10 at priority 1, enabled
     * for hart 1's S context (context 3), threshold 0 */
    ck_assert(bus_write(&m->bus, UART + 1, 1, 1));
    ck_assert(bus_write(&m->bus, UART + 2, 1, 1)); /* FIFO on */
    bus_w32(m, PLIC + 4 * 10, 1);
    bus_w32(m, PLIC + 0x2000 + 0x80 * 3, 1u << 10);
    bus_w32(m, PLIC + 0x200000 + 0x1000 * 3, 0);
    ck_assert_uint_eq(h1->mip & RV_MIP_SEIP, 0);
    ck_assert_uint_eq(emu_console_input(m, "xy", 2), 2);
    ck_assert_uint_ne(h1->mip & RV_MIP_SEIP, 0);
    ck_assert_uint_eq(m->harts[0]->mip & (RV_MIP_SEIP | RV_MIP_MEIP), 0);
    ck_assert_uint_eq(h1->mip & RV_MIP_MEIP, 0);
    /* claim, drain the UART, complete: the line drops */
    ck_assert_uint_eq(bus_r32(m, PLIC + 0x200004 + 0x1000 * 3), 10);
    ck_assert_uint_eq(h1->mip & RV_MIP_SEIP, 0);
    uint64_t v;
    ck_assert(bus_read(&m->bus, UART, 1, &v));
    ck_assert_uint_eq(v, 'x');
    ck_assert(bus_read(&m->bus, UART, 1, &v));
    ck_assert_uint_eq(v, 'y');
    bus_w32(m, PLIC + 0x200004 + 0x1000 * 3, 10);
    ck_assert_uint_eq(h1->mip & RV_MIP_SEIP, 0);
    ck_assert_uint_eq(bus_r32(m, PLIC + 0x1000), 0);
    /* the test board has no UART */
    emu_machine *t = tu_machine(64);
    ck_assert_uint_eq(emu_console_input(t, "x", 1), 0);
    emu_machine_free(t);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_virt_console_input_is_held_back_when_the_fifo_is_full)
{
    emu_machine *m = virt(64, 1);
    ck_assert(bus_write(&m->bus, UART + 2, 1, 1)); /* FIFO on: 16 bytes */
    char many[40];
    memset(many, 'a', sizeof(many));
    ck_assert_uint_eq(emu_console_input(m, many, sizeof(many)), 16);
    ck_assert_uint_eq(emu_console_input(m, many, sizeof(many)), 0);
    uint64_t v;
    ck_assert(bus_read(&m->bus, UART, 1, &v));
    ck_assert_uint_eq(emu_console_input(m, many, sizeof(many)), 1);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_virt_empty_virtio_slots_say_no_device)
{
    emu_machine *m = virt(64, 1);
    for (unsigned n = 0; n < 8; n++) {
        uint64_t base = 0x10001000ull + 0x1000ull * n;
        ck_assert_uint_eq(bus_r32(m, base), 0x74726976);
        ck_assert_uint_eq(bus_r32(m, base + 4), 2);
        ck_assert_uint_eq(bus_r32(m, base + 8), 0);
    }
    emu_machine_free(m);
}
END_TEST

/* Enable the machine timer interrupt, wfi until it fires, power off. The
 * timer is set 3 ms of virtual time ahead (3 ms of ticks at hz). */
static emu_machine *timer_wait_clock(bool realtime, uint64_t hz, uint32_t ipt)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.realtime = realtime;
    cfg.timebase_hz = hz;
    cfg.insns_per_tick = ipt;
    emu_machine *m = virt_cfg(&cfg);
    const uint32_t prog[] = {
        0x08000293, /* li t0, 0x80 */
        0x3042a073, /* csrs mie, t0 */
        0x10500073, /* wfi */
        0x001002b7, /* lui t0, 0x100 */
        0x00005337, /* lui t1, 0x5 */
        0x55530313, /* addi t1, t1, 0x555 */
        0x0062a023, /* sw t1, 0(t0) */
        0x0000006f, /* j . */
    };
    boot_code(m, prog, sizeof(prog));
    ck_assert(bus_write(&m->bus, 0x2004000, 8, hz * 3 / 1000));
    return m;
}

static emu_machine *timer_wait_machine(bool realtime)
{
    return timer_wait_clock(realtime, 10000000, 100);
}

START_TEST(test_virt_idle_skips_ahead_without_realtime)
{
    emu_machine *m = timer_wait_machine(false);
    emu_exit e = tu_run(m, 100000);
    ck_assert_int_eq(e.reason, EMU_EXIT_HALT);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_virt_realtime_idle_follows_the_host_clock)
{
    /* the 3 ms wait takes at least that long on the host, in yields of at
     * most a few milliseconds each; also with clocks whose steps do not
     * fall on whole nanoseconds (the last few steps must still pass) */
    static const struct { uint64_t hz; uint32_t ipt; } clocks[] = {
        {10000000, 100}, {10000000, 1000}, {3000000, 100}, {1000000, 30},
    };
    for (unsigned c = 0; c < sizeof(clocks) / sizeof(clocks[0]); c++) {
    emu_machine *m = timer_wait_clock(true, clocks[c].hz, clocks[c].ipt);
    uint64_t start = host_clock_ns();
    unsigned yields = 0;
    emu_exit e;
    do {
        ck_assert_int_eq(emu_run(m, 100000, &e), EMU_OK);
        yields += e.reason == EMU_EXIT_YIELD;
        ck_assert_uint_lt(yields, 10000);
    } while (e.reason == EMU_EXIT_YIELD);
    ck_assert_int_eq(e.reason, EMU_EXIT_HALT);
    /* a hart asleep within a scheduling round (10,000 steps) skips to the
     * round's end at once; only whole idle rounds follow the host clock */
    double round_ns = 10000.0 * 1e9 / ((double)clocks[c].hz * clocks[c].ipt);
    uint64_t min_ns = 2900000 - (uint64_t)round_ns;
    ck_assert_msg(host_clock_ns() - start >= min_ns, "clock %u: %llu ns", c,
                  (unsigned long long)(host_clock_ns() - start));
    ck_assert_uint_ge(yields, 1);
    emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_virt_realtime_yields_when_nothing_is_due)
{
    /* no timer at all: the run yields instead of reporting a stuck guest */
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.realtime = true;
    emu_machine *m = virt_cfg(&cfg);
    const uint32_t prog[] = {0x10500073 /* wfi */, 0xffdff06f /* j -4 */};
    boot_code(m, prog, sizeof(prog));
    emu_exit e;
    ck_assert_int_eq(emu_run(m, 100000, &e), EMU_OK);
    ck_assert_int_eq(e.reason, EMU_EXIT_YIELD);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_virt_rtc_reads_the_configured_time)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.rtc_start_ns = 1700000000ull * 1000000000ull;
    emu_machine *m = virt_cfg(&cfg);
    uint64_t lo = bus_r32(m, 0x101000), hi = bus_r32(m, 0x101004);
    ck_assert_uint_eq(hi << 32 | lo, cfg.rtc_start_ns);
    emu_machine_free(m);
}
END_TEST

static Suite *virt_suite(void)
{
    Suite *s = suite_create("virt");
    TCase *tc = tcase_create("virt");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_virt_dtb_describes_each_hart);
    tcase_add_test(tc, test_virt_dtb_follows_the_isa_string);
    tcase_add_test(tc, test_virt_dtb_memory_matches_ram);
    tcase_add_test(tc, test_virt_dtb_wires_interrupts);
    tcase_add_test(tc, test_virt_dtb_without_s_mode_has_m_contexts_only);
    tcase_add_test(tc, test_virt_dtb_poweroff_and_reboot_use_the_finisher);
    tcase_add_test(tc, test_virt_boot_places_images_and_sets_boot_registers);
    tcase_add_test(tc, test_virt_boot_without_firmware_starts_kernel_in_m_mode);
    tcase_add_test(tc, test_virt_reset_restores_loaded_images);
    tcase_add_test(tc, test_virt_guest_reboot_resets_and_runs_again);
    tcase_add_test(tc, test_virt_finisher_failure_code_is_the_exit_status);
    tcase_add_test(tc, test_virt_boot_errors_are_reported);
    tcase_add_test(tc, test_virt_uart_output_reaches_the_console);
    tcase_add_test(tc, test_virt_console_input_raises_hart_external_interrupts);
    tcase_add_test(tc, test_virt_console_input_is_held_back_when_the_fifo_is_full);
    tcase_add_test(tc, test_virt_empty_virtio_slots_say_no_device);
    tcase_add_test(tc, test_virt_rtc_reads_the_configured_time);
    tcase_add_test(tc, test_virt_idle_skips_ahead_without_realtime);
    tcase_add_test(tc, test_virt_realtime_idle_follows_the_host_clock);
    tcase_add_test(tc, test_virt_realtime_yields_when_nothing_is_due);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(virt_suite()); }
