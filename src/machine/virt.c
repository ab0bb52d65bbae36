/*
 * The virt board: QEMU's riscv `virt` machine as far as firmware and
 * kernels can tell. The memory map is data (virt_map), the devices are
 * wired to the PLIC and the harts here, and the device tree is built from
 * the machine's actual configuration with libfdt.
 */
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cpu/riscv/rv_cpu.h"
#include "devices/clint.h"
#include "devices/goldfish_rtc.h"
#include "devices/plic.h"
#include "devices/rom.h"
#include "devices/syscon.h"
#include "devices/uart16550.h"
#include "devices/virtio_mmio.h"
#include "machine/hostclock.h"
#include "devices/virtio_models.h"
#include "machine/machine.h"
#include "machine/virt.h"

const virt_region virt_map[VIRT_COUNT] = {
    [VIRT_MROM] = {0x00001000, 0xf000},
    [VIRT_TEST] = {0x00100000, 0x1000},
    [VIRT_RTC] = {0x00101000, 0x1000},
    [VIRT_CLINT] = {0x02000000, CLINT_SIZE},
    /* room for the contexts of QEMU's 512 harts, as QEMU reserves */
    [VIRT_PLIC] = {0x0c000000, 0x600000},
    [VIRT_UART0] = {0x10000000, 0x100},
    [VIRT_VIRTIO] = {0x10001000, VIRTIO_MMIO_SIZE},
    [VIRT_DRAM] = {0x80000000, 0},
};

/* ---- wiring ---- */

/* PLIC context c drives MEIP (even) or SEIP (odd) of hart c / 2; without
 * S mode each hart has only its M context. */
static void plic_notify(void *ctx, unsigned context, bool level)
{
    emu_machine *m = ctx;
    unsigned per_hart = m->harts[0]->has_s ? 2 : 1;
    unsigned h = context / per_hart;
    if (h >= m->nharts)
        return;
    bool s = per_hart == 2 && (context & 1);
    rv_set_mip(m->harts[h], s ? RV_MIP_SEIP : RV_MIP_MEIP, level);
}

static void uart_tx(void *ctx, uint8_t byte)
{
    char c = (char)byte;
    machine_console(ctx, &c, 1);
}

static void syscon_action(void *ctx, dev_syscon_action what, unsigned code)
{
    emu_machine *m = ctx;
    switch (what) {
    case DEV_SYSCON_POWEROFF:
        machine_halt(m, 0);
        break;
    case DEV_SYSCON_FAIL:
        /* a failure code of 0 still means failure */
        machine_halt(m, code ? (int)code : 1);
        break;
    case DEV_SYSCON_RESET:
        m->reset_requested = true;
        for (unsigned i = 0; i < m->nharts; i++)
            m->harts[i]->events |= RV_EV_EXIT;
        break;
    }
}

/* The RTC runs on virtual time: its power-on value plus mtime. */
static uint64_t rtc_now(void *ctx)
{
    emu_machine *m = ctx;
    uint64_t mtime = dev_clint_read_mtime(m->clint, m->cur->steps);
    uint64_t hz = m->cfg.timebase_hz ? m->cfg.timebase_hz : 10000000;
    return m->rtc_base_ns + (uint64_t)((unsigned __int128)mtime * 1000000000u / hz);
}

static void virtio_log_to_machine(void *ctx, int level, const char *msg)
{
    machine_log(ctx, (emu_log_level)level, "%s", msg);
}

static dev_irq plic_line(emu_machine *m, unsigned source)
{
    return (dev_irq){dev_plic_set_irq, m->plic, source};
}

emu_status virt_init(emu_machine *m)
{
    if (m->cfg.ram_base != virt_map[VIRT_DRAM].base)
        return machine_error(m, EMU_ERR_INVALID, "the virt board's RAM starts "
                             "at 0x%llx (asked for 0x%llx)",
                             (unsigned long long)virt_map[VIRT_DRAM].base,
                             (unsigned long long)m->cfg.ram_base);
    unsigned per_hart = m->harts[0]->has_s ? 2 : 1;
    m->rtc_base_ns = m->cfg.rtc_start_ns;
    if (!m->rtc_base_ns) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        m->rtc_base_ns = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
    }

    m->mrom = dev_rom_new(virt_map[VIRT_MROM].size);
    m->plic = dev_plic_new(VIRT_PLIC_SOURCES, m->nharts * per_hart, plic_notify, m);
    if (!m->mrom || !m->plic)
        return machine_error(m, EMU_ERR_NOMEM, "out of memory");
    m->uart = dev_uart_new(plic_line(m, VIRT_UART0_IRQ), uart_tx, m);
    m->syscon = dev_syscon_new(syscon_action, m);
    m->rtc = dev_rtc_new(plic_line(m, VIRT_RTC_IRQ), rtc_now, m);
    if (!m->uart || !m->syscon || !m->rtc)
        return machine_error(m, EMU_ERR_NOMEM, "out of memory");
    for (unsigned i = 0; i < VIRT_VIRTIO_SLOTS; i++) {
        m->virtio[i] = dev_virtio_mmio_new(plic_line(m, VIRT_VIRTIO_IRQ + i),
                                           &m->bus, virtio_log_to_machine, m);
        if (!m->virtio[i])
            return machine_error(m, EMU_ERR_NOMEM, "out of memory");
    }

    struct {
        unsigned idx;
        uint64_t offset;
        const dev_ops *ops;
        void *dev;
    } regions[] = {
        {VIRT_MROM, 0, &dev_rom_ops, m->mrom},
        {VIRT_TEST, 0, &dev_syscon_ops, m->syscon},
        {VIRT_RTC, 0, &dev_rtc_ops, m->rtc},
        {VIRT_CLINT, 0, &dev_clint_ops, m->clint},
        {VIRT_PLIC, 0, &dev_plic_ops, m->plic},
        {VIRT_UART0, 0, &dev_uart_ops, m->uart},
    };
    for (size_t i = 0; i < sizeof(regions) / sizeof(regions[0]); i++) {
        const virt_region *r = &virt_map[regions[i].idx];
        if (!bus_add_region(&m->bus, r->base, r->size, regions[i].ops,
                            regions[i].dev))
            return machine_error(m, EMU_ERR_INVALID, "cannot map %s at 0x%llx",
                                 regions[i].ops->name,
                                 (unsigned long long)r->base);
    }
    for (unsigned i = 0; i < VIRT_VIRTIO_SLOTS; i++) {
        uint64_t base = virt_map[VIRT_VIRTIO].base + i * virt_map[VIRT_VIRTIO].size;
        if (!bus_add_region(&m->bus, base, virt_map[VIRT_VIRTIO].size,
                            &dev_virtio_mmio_ops, m->virtio[i]))
            return machine_error(m, EMU_ERR_INVALID, "cannot map virtio-mmio "
                                 "slot %u", i);
    }
    return virt_build_fdt(m, NULL, 0, 0);
}

void virt_free(emu_machine *m)
{
    dev_rom_free(m->mrom);
    dev_plic_free(m->plic);
    dev_uart_free(m->uart);
    dev_syscon_free(m->syscon);
    dev_rtc_free(m->rtc);
    for (unsigned i = 0; i < VIRT_VIRTIO_SLOTS; i++)
        dev_virtio_mmio_free(m->virtio[i]);
    display_free(m);
    free(m->fdt);
    m->fdt = NULL;
}

/* A reset sets mtime back to 0; the RTC, a battery-backed clock, keeps
 * its time: carry what has elapsed into its base. */
void virt_before_reset(emu_machine *m)
{
    if (m->rtc)
        m->rtc_base_ns = rtc_now(m);
}

void virt_poll(emu_machine *m)
{
    if (m->rtc)
        dev_rtc_poll(m->rtc);
    /* host input (a poll(2) each) every few rounds: well under a
     * millisecond of guest time, and no system call per round */
    if (++m->poll_rounds < 8)
        return;
    m->poll_rounds = 0;
    for (unsigned i = 0; i < VIRT_VIRTIO_SLOTS && m->virtio[i]; i++)
        dev_virtio_mmio_poll(m->virtio[i], 0);
}

static bool any_hart_woken(const emu_machine *m)
{
    for (unsigned h = 0; h < m->nharts; h++)
        if (m->harts[h]->mip & m->harts[h]->mie)
            return true;
    return false;
}

void virt_wait(emu_machine *m, uint64_t ns)
{
    uint64_t end = host_clock_ns() + ns;
    /* each model may block in its own poll for what is left of the wait */
    for (unsigned i = 0; i < VIRT_VIRTIO_SLOTS && m->virtio[i]; i++) {
        uint64_t now = host_clock_ns();
        int ms = now < end ? (int)((end - now + 999999) / 1000000) : 0;
        dev_virtio_mmio_poll(m->virtio[i], ms);
        if (any_hart_woken(m))
            return;
    }
    uint64_t now = host_clock_ns();
    if (now < end) {
        struct timespec ts = {(time_t)((end - now) / 1000000000u),
                              (long)((end - now) % 1000000000u)};
        nanosleep(&ts, NULL);
    }
}

size_t emu_console_input(emu_machine *m, const void *buf, size_t len)
{
    if (!m || !m->uart || !buf)
        return 0;
    size_t n = dev_uart_rx(m->uart, buf, len);
    /* a virtio console gets the same bytes: the guest reads whichever is
     * its console. One whose driver is running takes more than the UART's
     * FIFO, and its count is what the caller must not offer again. */
    for (unsigned i = 0; i < VIRT_VIRTIO_SLOTS && m->virtio[i]; i++) {
        const virtio_ops *ops;
        void *model = dev_virtio_mmio_model(m->virtio[i], &ops);
        if (ops && ops->device_id == VIRTIO_ID_CONSOLE) {
            size_t v = virtio_console_input(model, dev_virtio_mmio_dev(m->virtio[i]),
                                            buf, len);
            if (v > n)
                n = v;
        }
    }
    /* a hart asleep in wfi may now have an interrupt to take */
    return n;
}

/* ---- the device tree ---- */

/* The ISA as the device-tree bindings spell it: single letters, then
 * '_'-separated names (riscv,isa), or one string each (isa-extensions). */
static const struct {
    const char *name;
    uint32_t z; /* ISA_Z_* it needs, 0 = always implemented */
} fdt_multi[] = {
    {"zicsr", 0},        {"zifencei", 0},     {"zicntr", 0},
    {"zihpm", 0},        {"zihintpause", 0},  {"zicclsm", ISA_Z_ZICCLSM},
    {"zicond", ISA_Z_ZICOND}, {"zba", ISA_Z_ZBA}, {"zbb", ISA_Z_ZBB},
    {"zbc", ISA_Z_ZBC},  {"zbs", ISA_Z_ZBS},  {"sstc", ISA_Z_SSTC},
};

static bool fdt_has_multi(const emu_machine *m, size_t i)
{
    if (fdt_multi[i].z == ISA_Z_SSTC)
        return m->harts[0]->has_sstc;
    return !fdt_multi[i].z || (m->isa.z & fdt_multi[i].z);
}

static const char fdt_letters[] = "imafdc";

static void isa_string(const emu_machine *m, char *buf, size_t len)
{
    size_t n = (size_t)snprintf(buf, len, "rv%u", m->isa.xlen);
    for (const char *c = fdt_letters; *c && n + 1 < len; c++)
        if (m->isa.misa_ext & (1ull << (*c - 'a')))
            buf[n++] = *c, buf[n] = 0;
    for (size_t i = 0; i < sizeof(fdt_multi) / sizeof(fdt_multi[0]); i++)
        if (fdt_has_multi(m, i) && n < len)
            n += (size_t)snprintf(buf + n, len - n, "_%s", fdt_multi[i].name);
}

/* The isa-extensions string list: NUL-separated names. */
static size_t isa_list(const emu_machine *m, char *buf, size_t len)
{
    size_t n = 0;
    for (const char *c = fdt_letters; *c; c++)
        if ((m->isa.misa_ext & (1ull << (*c - 'a'))) && n + 2 <= len) {
            buf[n++] = *c;
            buf[n++] = 0;
        }
    for (size_t i = 0; i < sizeof(fdt_multi) / sizeof(fdt_multi[0]); i++) {
        size_t l = strlen(fdt_multi[i].name) + 1;
        if (fdt_has_multi(m, i) && n + l <= len) {
            memcpy(buf + n, fdt_multi[i].name, l);
            n += l;
        }
    }
    return n;
}

/* phandles */
enum { PH_PLIC = 1, PH_TEST = 2, PH_INTC0 = 3 };
static uint32_t ph_intc(unsigned hart) { return PH_INTC0 + hart; }
static uint32_t ph_cpu(const emu_machine *m, unsigned hart)
{
    return PH_INTC0 + m->nharts + hart;
}

/* reg = <base size> with two cells each */
static int prop_reg(void *fdt, uint64_t base, uint64_t size)
{
    fdt32_t c[4] = {cpu_to_fdt32((uint32_t)(base >> 32)),
                    cpu_to_fdt32((uint32_t)base),
                    cpu_to_fdt32((uint32_t)(size >> 32)),
                    cpu_to_fdt32((uint32_t)size)};
    return fdt_property(fdt, "reg", c, sizeof(c));
}

/* interrupts-extended = <intc(h) irq...> for every hart */
static int prop_irqs_ext(void *fdt, const emu_machine *m, const uint32_t *irqs,
                         unsigned nirqs)
{
    fdt32_t c[64 * 2 * 2];
    unsigned n = 0;
    for (unsigned h = 0; h < m->nharts; h++)
        for (unsigned i = 0; i < nirqs; i++) {
            c[n++] = cpu_to_fdt32(ph_intc(h));
            c[n++] = cpu_to_fdt32(irqs[i]);
        }
    return fdt_property(fdt, "interrupts-extended", c, n * sizeof(fdt32_t));
}

static int node_name(char *buf, size_t len, const char *name, uint64_t addr)
{
    return snprintf(buf, len, "%s@%llx", name, (unsigned long long)addr);
}

/* A device node under /soc with reg, compatible and a PLIC interrupt. */
static int soc_device(void *fdt, const char *name, const char *compat,
                      size_t compat_len, uint64_t base, uint64_t size,
                      unsigned irq)
{
    char nm[64];
    node_name(nm, sizeof(nm), name, base);
    int err = 0;
    err |= fdt_begin_node(fdt, nm);
    err |= fdt_property(fdt, "compatible", compat, compat_len);
    err |= prop_reg(fdt, base, size);
    if (irq) {
        err |= fdt_property_u32(fdt, "interrupt-parent", PH_PLIC);
        err |= fdt_property_u32(fdt, "interrupts", irq);
    }
    return err;
}

static int build(emu_machine *m, void *fdt, size_t cap, const char *cmdline,
                 uint64_t initrd_start, uint64_t initrd_end)
{
    const rv_cpu *cpu0 = m->harts[0];
    int err = fdt_create(fdt, (int)cap);
    err |= fdt_finish_reservemap(fdt);
    err |= fdt_begin_node(fdt, "");
    err |= fdt_property_u32(fdt, "#address-cells", 2);
    err |= fdt_property_u32(fdt, "#size-cells", 2);
    static const char compat[] = "libemu,virt\0riscv-virtio";
    err |= fdt_property(fdt, "compatible", compat, sizeof(compat));
    err |= fdt_property_string(fdt, "model", "libemu virt");

    err |= fdt_begin_node(fdt, "chosen");
    if (m->display) {
        /* the framebuffer node's reg is in /chosen's address space */
        err |= fdt_property_u32(fdt, "#address-cells", 2);
        err |= fdt_property_u32(fdt, "#size-cells", 2);
        err |= fdt_property(fdt, "ranges", NULL, 0);
    }
    if (cmdline)
        err |= fdt_property_string(fdt, "bootargs", cmdline);
    char stdout_path[64];
    node_name(stdout_path, sizeof(stdout_path), "/soc/serial",
              virt_map[VIRT_UART0].base);
    err |= fdt_property_string(fdt, "stdout-path", stdout_path);
    if (initrd_end) {
        err |= fdt_property_u64(fdt, "linux,initrd-start", initrd_start);
        err |= fdt_property_u64(fdt, "linux,initrd-end", initrd_end);
    }
    err |= display_fdt(m, fdt);
    err |= fdt_end_node(fdt);

    char nm[64];
    node_name(nm, sizeof(nm), "memory", virt_map[VIRT_DRAM].base);
    err |= fdt_begin_node(fdt, nm);
    err |= fdt_property_string(fdt, "device_type", "memory");
    /* the configured RAM only: a framebuffer may follow it on the bus */
    err |= prop_reg(fdt, m->bus.ram_base, m->cfg.ram_size);
    err |= fdt_end_node(fdt);

    /* power-off and reboot through the test finisher, as syscon users */
    static const struct { const char *node, *compat; uint32_t value; } sys[] = {
        {"poweroff", "syscon-poweroff", VIRT_TEST_POWEROFF},
        {"reboot", "syscon-reboot", VIRT_TEST_RESET},
    };
    for (size_t i = 0; i < 2; i++) {
        err |= fdt_begin_node(fdt, sys[i].node);
        err |= fdt_property_string(fdt, "compatible", sys[i].compat);
        err |= fdt_property_u32(fdt, "regmap", PH_TEST);
        err |= fdt_property_u32(fdt, "offset", 0);
        err |= fdt_property_u32(fdt, "value", sys[i].value);
        err |= fdt_end_node(fdt);
    }

    /* harts */
    err |= fdt_begin_node(fdt, "cpus");
    err |= fdt_property_u32(fdt, "#address-cells", 1);
    err |= fdt_property_u32(fdt, "#size-cells", 0);
    err |= fdt_property_u32(fdt, "timebase-frequency", (uint32_t)m->cfg.timebase_hz);
    char isa[256], list[256], base[16];
    isa_string(m, isa, sizeof(isa));
    size_t list_len = isa_list(m, list, sizeof(list));
    snprintf(base, sizeof(base), "rv%ui", m->isa.xlen);
    const char *mmu = !cpu0->has_s ? NULL : m->isa.xlen == 32 ? "riscv,sv32"
                                                                : "riscv,sv57";
    for (unsigned h = 0; h < m->nharts; h++) {
        snprintf(nm, sizeof(nm), "cpu@%u", h);
        err |= fdt_begin_node(fdt, nm);
        err |= fdt_property_string(fdt, "device_type", "cpu");
        err |= fdt_property_u32(fdt, "reg", h);
        err |= fdt_property_string(fdt, "status", "okay");
        err |= fdt_property_string(fdt, "compatible", "riscv");
        err |= fdt_property_string(fdt, "riscv,isa", isa);
        err |= fdt_property_string(fdt, "riscv,isa-base", base);
        err |= fdt_property(fdt, "riscv,isa-extensions", list, (int)list_len);
        if (mmu)
            err |= fdt_property_string(fdt, "mmu-type", mmu);
        err |= fdt_property_u32(fdt, "phandle", ph_cpu(m, h));
        err |= fdt_begin_node(fdt, "interrupt-controller");
        err |= fdt_property_u32(fdt, "#address-cells", 0);
        err |= fdt_property_u32(fdt, "#interrupt-cells", 1);
        err |= fdt_property(fdt, "interrupt-controller", NULL, 0);
        err |= fdt_property_string(fdt, "compatible", "riscv,cpu-intc");
        err |= fdt_property_u32(fdt, "phandle", ph_intc(h));
        err |= fdt_end_node(fdt);
        err |= fdt_end_node(fdt);
    }
    err |= fdt_begin_node(fdt, "cpu-map");
    err |= fdt_begin_node(fdt, "cluster0");
    for (unsigned h = 0; h < m->nharts; h++) {
        snprintf(nm, sizeof(nm), "core%u", h);
        err |= fdt_begin_node(fdt, nm);
        err |= fdt_property_u32(fdt, "cpu", ph_cpu(m, h));
        err |= fdt_end_node(fdt);
    }
    err |= fdt_end_node(fdt);
    err |= fdt_end_node(fdt);
    err |= fdt_end_node(fdt); /* cpus */

    /* devices */
    err |= fdt_begin_node(fdt, "soc");
    err |= fdt_property_u32(fdt, "#address-cells", 2);
    err |= fdt_property_u32(fdt, "#size-cells", 2);
    err |= fdt_property_string(fdt, "compatible", "simple-bus");
    err |= fdt_property(fdt, "ranges", NULL, 0);

    static const char test_compat[] = "sifive,test1\0sifive,test0\0syscon";
    err |= soc_device(fdt, "test", test_compat, sizeof(test_compat),
                      virt_map[VIRT_TEST].base, virt_map[VIRT_TEST].size, 0);
    err |= fdt_property_u32(fdt, "phandle", PH_TEST);
    err |= fdt_end_node(fdt);

    static const char rtc_compat[] = "google,goldfish-rtc";
    err |= soc_device(fdt, "rtc", rtc_compat, sizeof(rtc_compat),
                      virt_map[VIRT_RTC].base, virt_map[VIRT_RTC].size,
                      VIRT_RTC_IRQ);
    err |= fdt_end_node(fdt);

    static const char clint_compat[] = "sifive,clint0\0riscv,clint0";
    err |= soc_device(fdt, "clint", clint_compat, sizeof(clint_compat),
                      virt_map[VIRT_CLINT].base, virt_map[VIRT_CLINT].size, 0);
    err |= prop_irqs_ext(fdt, m, (const uint32_t[]){RV_IRQ_MSI, RV_IRQ_MTI}, 2);
    err |= fdt_end_node(fdt);

    static const char plic_compat[] = "sifive,plic-1.0.0\0riscv,plic0";
    err |= soc_device(fdt, "plic", plic_compat, sizeof(plic_compat),
                      virt_map[VIRT_PLIC].base, virt_map[VIRT_PLIC].size, 0);
    err |= fdt_property_u32(fdt, "#address-cells", 0);
    err |= fdt_property_u32(fdt, "#interrupt-cells", 1);
    err |= fdt_property(fdt, "interrupt-controller", NULL, 0);
    err |= fdt_property_u32(fdt, "riscv,ndev", VIRT_PLIC_SOURCES - 1);
    if (cpu0->has_s)
        err |= prop_irqs_ext(fdt, m, (const uint32_t[]){RV_IRQ_MEI, RV_IRQ_SEI}, 2);
    else
        err |= prop_irqs_ext(fdt, m, (const uint32_t[]){RV_IRQ_MEI}, 1);
    err |= fdt_property_u32(fdt, "phandle", PH_PLIC);
    err |= fdt_end_node(fdt);

    static const char uart_compat[] = "ns16550a";
    err |= soc_device(fdt, "serial", uart_compat, sizeof(uart_compat),
                      virt_map[VIRT_UART0].base, virt_map[VIRT_UART0].size,
                      VIRT_UART0_IRQ);
    err |= fdt_property_u32(fdt, "clock-frequency", VIRT_UART_CLOCK);
    err |= fdt_end_node(fdt);

    static const char virtio_compat[] = "virtio,mmio";
    for (unsigned i = 0; i < VIRT_VIRTIO_SLOTS; i++) {
        err |= soc_device(fdt, "virtio_mmio", virtio_compat, sizeof(virtio_compat),
                          virt_map[VIRT_VIRTIO].base + i * virt_map[VIRT_VIRTIO].size,
                          virt_map[VIRT_VIRTIO].size, VIRT_VIRTIO_IRQ + i);
        err |= fdt_end_node(fdt);
    }
    err |= fdt_end_node(fdt); /* soc */

    err |= fdt_end_node(fdt); /* root */
    err |= fdt_finish(fdt);
    return err;
}

emu_status virt_build_fdt(emu_machine *m, const char *cmdline,
                          uint64_t initrd_start, uint64_t initrd_end)
{
    size_t cap = 16384 + 512 * (size_t)m->nharts + (cmdline ? strlen(cmdline) : 0);
    void *fdt = malloc(cap);
    if (!fdt)
        return machine_error(m, EMU_ERR_NOMEM, "out of memory");
    if (build(m, fdt, cap, cmdline, initrd_start, initrd_end) != 0 ||
        fdt_pack(fdt) != 0) {
        free(fdt);
        return machine_error(m, EMU_ERR_INVALID, "cannot build the device tree");
    }
    free(m->fdt);
    m->fdt = fdt;
    m->fdt_size = fdt_totalsize(fdt);
    return EMU_OK;
}

emu_status emu_get_dtb(const emu_machine *m, const void **dtb, size_t *size)
{
    if (!m || !dtb || !size)
        return EMU_ERR_INVALID;
    if (!m->fdt)
        return EMU_ERR_UNSUPPORTED;
    *dtb = m->fdt;
    *size = m->fdt_size;
    return EMU_OK;
}
