/* Machine lifecycle, errors, logging, and the test board's layout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/arm64/a64_cpu.h"
#include "cpu/riscv/rv_cpu.h"
#include "devices/clint.h"
#include "devices/htif.h"
#include "machine/debug.h"
#include "machine/history.h"
#include "machine/machine.h"

#define TEST_BOARD_CLINT_BASE 0x02000000ull
#define MAX_HARTS 64

const char *emu_status_str(emu_status st)
{
    switch (st) {
    case EMU_OK: return "success";
    case EMU_ERR_INVALID: return "invalid argument";
    case EMU_ERR_NOMEM: return "out of memory";
    case EMU_ERR_IO: return "input/output error";
    case EMU_ERR_FORMAT: return "malformed input";
    case EMU_ERR_RANGE: return "out of range";
    case EMU_ERR_UNSUPPORTED: return "not supported";
    case EMU_ERR_NOT_FOUND: return "not found";
    }
    return "unknown status";
}

emu_config emu_config_default(emu_arch arch)
{
    emu_config c;
    memset(&c, 0, sizeof(c));
    c.arch = arch;
    c.board = EMU_BOARD_TEST;
    c.isa = NULL;
    c.priv = "msu";
    c.ram_base = 0x80000000ull;
    c.ram_size = 128ull << 20;
    c.harts = 1;
    c.timebase_hz = 10000000;
    c.insns_per_tick = 100;
    c.log_level = EMU_LOG_WARN;
    return c;
}

emu_status machine_error(emu_machine *m, emu_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m->last_error, sizeof(m->last_error), fmt, ap);
    va_end(ap);
    return st;
}

void machine_log(emu_machine *m, emu_log_level level, const char *fmt, ...)
{
    if (!m->cfg.log || level > m->cfg.log_level)
        return;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    m->cfg.log(m->cfg.log_ctx, level, buf);
}

void machine_halt(emu_machine *m, int code)
{
    m->halted = true;
    m->exit_code = code;
    for (unsigned i = 0; m->harts && i < m->nharts; i++)
        m->harts[i]->events |= RV_EV_EXIT;
}

void machine_console(emu_machine *m, const char *buf, size_t len)
{
    if (m->cfg.console && len)
        m->cfg.console(m->cfg.console_ctx, buf, len);
}

const char *emu_last_error(const emu_machine *m)
{
    return m ? m->last_error : "no machine";
}

static emu_status fail_new(emu_machine *m, char *err, size_t errlen,
                           emu_status st)
{
    if (err && errlen)
        snprintf(err, errlen, "%s", m->last_error);
    emu_machine_free(m);
    return st;
}

/* Check cfg's RAM (page multiples, below limit unless 0: the physical
 * address space) and allocate it. */
static emu_status ram_init(emu_machine *m, const emu_config *cfg,
                           uint64_t limit)
{
    if (cfg->ram_size < 4096 || (cfg->ram_size & 4095) ||
        (cfg->ram_base & 4095) || cfg->ram_base + cfg->ram_size < cfg->ram_base ||
        (limit && cfg->ram_base + cfg->ram_size > limit))
        return machine_error(m, EMU_ERR_INVALID,
                             "RAM of 0x%llx bytes at 0x%llx: base and size "
                             "must be page multiples and fit the physical "
                             "address space",
                             (unsigned long long)cfg->ram_size,
                             (unsigned long long)cfg->ram_base);
    if (!bus_init(&m->bus, cfg->ram_base, cfg->ram_size))
        return machine_error(m, EMU_ERR_NOMEM,
                             "cannot allocate %llu MiB of guest RAM",
                             (unsigned long long)(cfg->ram_size >> 20));
    return EMU_OK;
}

emu_status emu_machine_new(const emu_config *cfg, emu_machine **out, char *err,
                           size_t errlen)
{
    if (out)
        *out = NULL;
    if (!cfg || !out) {
        if (err && errlen)
            snprintf(err, errlen, "emu_machine_new: NULL argument");
        return EMU_ERR_INVALID;
    }
    emu_machine *m = calloc(1, sizeof(*m));
    if (!m) {
        if (err && errlen)
            snprintf(err, errlen, "out of memory");
        return EMU_ERR_NOMEM;
    }
    m->cfg = *cfg;
    m->entry = cfg->ram_base;
    atomic_init(&m->stop_requested, false);

    if (cfg->arch == EMU_ARCH_ARM64)
        return fail_new(m, err, errlen,
                        machine_error(m, EMU_ERR_UNSUPPORTED,
                                      "AArch64 runs in user-mode emulation "
                                      "only (emu_user_new)"));
    if (cfg->arch != EMU_ARCH_RISCV32 && cfg->arch != EMU_ARCH_RISCV64)
        return fail_new(m, err, errlen,
                        machine_error(m, EMU_ERR_UNSUPPORTED,
                                      "unsupported architecture %d", cfg->arch));
    if (cfg->board != EMU_BOARD_TEST && cfg->board != EMU_BOARD_VIRT)
        return fail_new(m, err, errlen,
                        machine_error(m, EMU_ERR_UNSUPPORTED, "unknown board %d",
                                      cfg->board));
    unsigned xlen = cfg->arch == EMU_ARCH_RISCV32 ? 32 : 64;
    char defisa[128];
    const char *isa = cfg->isa;
    if (!isa) {
        snprintf(defisa, sizeof(defisa), "%s", xlen == 32 ? EMU_DEFAULT_ISA32
                                                          : EMU_DEFAULT_ISA64);
        isa = defisa;
    }
    char msg[256];
    if (!isa_parse(isa, &m->isa, msg, sizeof(msg)))
        return fail_new(m, err, errlen,
                        machine_error(m, EMU_ERR_INVALID, "%s", msg));
    if (m->isa.xlen != xlen)
        return fail_new(m, err, errlen,
                        machine_error(m, EMU_ERR_INVALID,
                                      "ISA string '%s' is RV%u but the machine "
                                      "is RV%u", isa, m->isa.xlen, xlen));
    const char *priv = cfg->priv ? cfg->priv : "msu";
    bool has_s, has_u;
    if (strcmp(priv, "msu") == 0 || strcmp(priv, "MSU") == 0)
        has_s = has_u = true;
    else if (strcmp(priv, "mu") == 0 || strcmp(priv, "MU") == 0)
        has_s = false, has_u = true;
    else if (strcmp(priv, "m") == 0 || strcmp(priv, "M") == 0)
        has_s = has_u = false;
    else
        return fail_new(m, err, errlen,
                        machine_error(m, EMU_ERR_INVALID,
                                      "privilege modes '%s': use msu, mu or m",
                                      priv));
    if (cfg->harts == 0 || cfg->harts > MAX_HARTS)
        return fail_new(m, err, errlen,
                        machine_error(m, EMU_ERR_INVALID,
                                      "hart count %u: must be 1 to %u",
                                      cfg->harts, MAX_HARTS));
    emu_status rst = ram_init(m, cfg, xlen == 32 ? 1ull << 34 : 0);
    if (rst != EMU_OK)
        return fail_new(m, err, errlen, rst);

    m->nharts = cfg->harts;
    m->harts = calloc(m->nharts, sizeof(*m->harts));
    m->dcache = rv_dcache_new(m);
    if (!m->harts || !m->dcache)
        return fail_new(m, err, errlen,
                        machine_error(m, EMU_ERR_NOMEM, "out of memory"));
    for (unsigned i = 0; i < m->nharts; i++) {
        m->harts[i] = rv_cpu_new(m, i, &m->isa, has_s, has_u);
        if (!m->harts[i])
            return fail_new(m, err, errlen,
                            machine_error(m, EMU_ERR_NOMEM, "out of memory"));
        m->harts[i]->pc = cfg->ram_base;
    }
    m->cur = m->harts[0];

    m->clint = dev_clint_new(m, m->nharts, cfg->insns_per_tick);
    m->htif = dev_htif_new(m);
    if (!m->clint || !m->htif)
        return fail_new(m, err, errlen,
                        machine_error(m, EMU_ERR_NOMEM, "out of memory"));
    if (cfg->board == EMU_BOARD_VIRT) {
        emu_status st = virt_init(m);
        if (st != EMU_OK)
            return fail_new(m, err, errlen, st);
    } else if (!bus_add_region(&m->bus, TEST_BOARD_CLINT_BASE, CLINT_SIZE,
                               &dev_clint_ops, m->clint)) {
        return fail_new(m, err, errlen,
                        machine_error(m, EMU_ERR_INVALID,
                                      "RAM overlaps the CLINT at 0x%llx",
                                      TEST_BOARD_CLINT_BASE));
    }
    *out = m;
    return EMU_OK;
}

emu_status machine_new_a64(const emu_config *cfg, emu_machine **out,
                           char *err, size_t errlen)
{
    *out = NULL;
    emu_machine *m = calloc(1, sizeof(*m));
    if (!m) {
        if (err && errlen)
            snprintf(err, errlen, "out of memory");
        return EMU_ERR_NOMEM;
    }
    m->cfg = *cfg;
    m->cfg.harts = 1;
    m->entry = cfg->ram_base;
    m->isa.xlen = 64;
    atomic_init(&m->stop_requested, false);
    emu_status rst = ram_init(m, cfg, 0);
    if (rst != EMU_OK)
        return fail_new(m, err, errlen, rst);
    m->a64 = a64_cpu_new(0);
    if (!m->a64)
        return fail_new(m, err, errlen,
                        machine_error(m, EMU_ERR_NOMEM, "out of memory"));
    *out = m;
    return EMU_OK;
}

void emu_machine_free(emu_machine *m)
{
    if (!m)
        return;
    a64_cpu_free(m->a64);
    if (m->harts)
        for (unsigned i = 0; i < m->nharts; i++)
            rv_cpu_free(m->harts[i]);
    free(m->harts);
    user_free(m);
    history_free(m);
    debug_free(m);
    virt_free(m);
    boot_free(m);
    rv_dcache_free(m->dcache);
    dev_clint_free(m->clint);
    dev_htif_free(m->htif);
    for (size_t i = 0; i < m->nsyms; i++)
        free(m->syms[i].name);
    free(m->syms);
    bus_free(&m->bus);
    free(m);
}

void machine_reset(emu_machine *m)
{
    virt_before_reset(m);
    for (unsigned i = 0; i < m->bus.nregions; i++)
        if (m->bus.regions[i].ops->reset)
            m->bus.regions[i].ops->reset(m->bus.regions[i].dev);
    rv_dcache_flush(m->dcache);
    for (unsigned i = 0; i < m->nharts; i++)
        rv_cpu_reset(m->harts[i], m->entry);
    boot_reset(m);
    m->halted = false;
    m->exit_code = 0;
    m->reset_requested = false;
    /* a new round begins; the timeline's position (icount) goes on */
    m->sched.in_round = false;
    m->sched.next = 0;
    m->sched.turn_started = false;
}

void emu_machine_reset(emu_machine *m)
{
    if (m) {
        machine_reset(m);
        history_state_changed(m);
    }
}
