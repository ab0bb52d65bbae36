/* The machine: everything one emulated system owns. Internal header. */
#ifndef MACHINE_MACHINE_H
#define MACHINE_MACHINE_H

#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "libemu/libemu.h"
#include "machine/bus.h"

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

struct rv_cpu;
struct rv_dcache;
struct dev_htif;
struct dev_clint;

/* ISA options parsed from the ISA string (see isa.c). */
typedef struct emu_isa {
    unsigned xlen;
    uint64_t misa_ext;   /* misa extension bits ('A' = bit 0 ...) */
    uint32_t z;          /* ISA_Z_* multi-letter extensions named */
} emu_isa;

/* Multi-letter extensions that change behaviour when named. Zicsr,
 * Zifencei, Zicntr, Zihpm and Zihintpause are always implemented. */
enum {
    ISA_Z_ZICCLSM = 1u << 0, /* misaligned loads/stores complete (emulated) */
    ISA_Z_ZBA = 1u << 1,
    ISA_Z_ZBB = 1u << 2,
    ISA_Z_ZBS = 1u << 3,
    ISA_Z_ZBC = 1u << 4,
    ISA_Z_ZICOND = 1u << 5,
};

typedef struct emu_symbol {
    char *name;
    uint64_t value;
} emu_symbol;

struct emu_machine {
    emu_config cfg;
    emu_isa isa;
    bus bus;
    unsigned nharts;
    struct rv_cpu **harts;
    struct rv_cpu *cur;          /* the hart being run (device accesses) */
    struct rv_dcache *dcache;    /* decoded instructions, shared by the harts */

    struct dev_htif *htif;
    struct dev_clint *clint;

    emu_symbol *syms;   /* sorted by name */
    size_t nsyms;
    uint64_t entry;     /* reset pc: the ELF entry, or the RAM base */

    /* Set by the guest (HTIF exit, power-off) or a host error. */
    bool halted;
    int exit_code;
    bool host_error;
    atomic_bool stop_requested;

    emu_retire_fn retire;
    void *retire_ctx;

    uint64_t exits[EMU_STATS_EXIT_REASONS]; /* emu_run() returns, by reason */

    char last_error[512];
};

/* Record a failure description (printf-style) and return st. */
emu_status machine_error(emu_machine *m, emu_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void machine_log(emu_machine *m, emu_log_level level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The guest ended the run with this status. */
void machine_halt(emu_machine *m, int code);
/* The guest wrote to its console. */
void machine_console(emu_machine *m, const char *buf, size_t len);

/* isa.c: parse an ISA string; on error writes a message into err. */
bool isa_parse(const char *s, emu_isa *isa, char *err, size_t errlen);

#endif
