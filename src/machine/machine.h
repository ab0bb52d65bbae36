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
struct a64_cpu;
struct rv_dcache;
struct dev_htif;
struct dev_clint;
struct dev_plic;
struct dev_uart;
struct dev_syscon;
struct dev_rtc;
struct dev_virtio_mmio;
struct dev_rom;
struct dev_opts;
struct machine_display;

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
    ISA_Z_SSTC = 1u << 6,    /* stimecmp: S-mode timer without an SBI call */
};

/*
 * The scheduler's position (run.c). It is kept across emu_run() returns, so
 * that a run split by budgets, stop requests or debugger stops goes exactly
 * as one unsplit run would; a snapshot holds it.
 */
/*
 * A hart's step clock (rv_cpu.steps, which mtime follows) never passes
 * this: 146 years at 10^9 steps a second. Sleeping harts skip time ahead
 * only while that stays below it (a later event counts as none, so the run
 * ends idle), and snapshots with larger clocks are refused, so adding a
 * scheduling round or a wait to a clock never wraps it around.
 */
#define MACHINE_STEPS_MAX (1ull << 62)

typedef struct machine_sched {
    bool in_round;      /* a round has begun and some hart has not had its
                           whole turn */
    unsigned next;      /* whose turn it is, while in_round */
    bool turn_started;  /* that hart's turn has begun */
    /* Steps counted against emu_run() budgets (retired and trapped
     * instructions of every hart) since the machine was created: the
     * position on the timeline that reverse execution moves along. */
    uint64_t icount;
} machine_sched;

struct machine_debug;
struct machine_history;
struct user_proc;

typedef struct emu_symbol {
    char *name;
    uint64_t value;
} emu_symbol;

struct emu_machine {
    emu_config cfg;
    emu_isa isa;
    /* bus.ram_size may exceed cfg.ram_size: a display's framebuffer
     * follows RAM in the same block (display.c); the guest is told only
     * about cfg.ram_size bytes of memory */
    bus bus;
    /* RISC-V harts (none on an AArch64 machine) */
    unsigned nharts;
    struct rv_cpu **harts;
    /* The AArch64 hart of an AArch64 user-mode machine (NULL otherwise);
     * it runs alone, through run_a64() */
    struct a64_cpu *a64;
    struct rv_cpu *cur;          /* the hart being run (device accesses) */
    struct rv_dcache *dcache;    /* decoded instructions, shared by the harts */

    struct dev_htif *htif;
    struct dev_clint *clint;
    /* virt board devices (NULL on the test board) */
    struct dev_plic *plic;
    struct dev_uart *uart;
    struct dev_syscon *syscon;
    struct dev_rtc *rtc;
    struct dev_virtio_mmio *virtio[8];
    struct dev_rom *mrom;     /* reset vector and fw_dynamic_info */
    struct machine_display *display; /* framebuffer, if any (display.c) */
    uint64_t rtc_base_ns;     /* RTC time at mtime 0 */

    /* The device tree (virt board), and where boot put it. */
    void *fdt;
    size_t fdt_size;
    /* Boot state applied at every reset (see boot.c). */
    struct machine_boot *boot;
    bool reset_requested;     /* the guest asked for a reboot */
    unsigned poll_rounds;     /* rounds since host-side device input was polled */

    emu_symbol *syms;   /* sorted by name */
    size_t nsyms;
    uint64_t entry;     /* reset pc: the ELF entry, or the RAM base */

    /* Set by the guest (HTIF exit, power-off) or a host error. */
    bool halted;
    int exit_code;
    bool host_error;
    atomic_bool stop_requested;

    machine_sched sched;

    emu_retire_fn retire;
    void *retire_ctx;
    /* Breakpoints, watchpoints, hooks, single steps (debug.c) and reverse
     * execution (history.c); NULL until first used. debug_on is true while
     * anything needs the one-instruction-at-a-time path (rv_run). */
    struct machine_debug *dbg;
    struct machine_history *hist;
    bool debug_on;
    bool debug_mem;  /* data accesses must reach debug_mem_access() */

    uint64_t exits[EMU_STATS_EXIT_REASONS]; /* emu_run() returns, by reason */

    /* User-mode emulation (src/user): the emulated process, NULL on an
     * ordinary machine. While it is set, an exception taken in U mode does
     * not enter a handler: trap_enter() leaves the hart at the trapping
     * instruction and records the trap here, and emu_run() returns
     * EMU_EXIT_SYSCALL or EMU_EXIT_EXCEPTION. */
    struct user_proc *user;
    bool user_trap;          /* such a trap waits to be reported */
    uint64_t user_cause, user_tval;

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

/* elf.c: read a whole host file (for loaders). */
emu_status machine_read_file(emu_machine *m, const char *path, char **out,
                             size_t *size);
/*
 * elf.c: load an ELF image (img may be modified). With `program`, it
 * becomes the machine's program: its entry is every hart's pc, its symbols
 * are kept and HTIF attaches to tohost. span (may be NULL) receives the
 * lowest segment address and the end of the highest segment.
 */
emu_status machine_load_elf(emu_machine *m, const char *what, char *img,
                            size_t size, bool program, uint64_t *entry,
                            uint64_t span[2]);

/* virt.c: create and wire the virt board's devices; build its device tree
 * with these /chosen contents (cmdline may be NULL, initrd_end 0 = none). */
emu_status virt_init(emu_machine *m);
emu_status virt_build_fdt(emu_machine *m, const char *cmdline,
                          uint64_t initrd_start, uint64_t initrd_end);
void virt_free(emu_machine *m);
/* Keep what must survive a reset (the RTC's time). */
void virt_before_reset(emu_machine *m);
/* Serve the virt board's timed devices between scheduling rounds. */
void virt_poll(emu_machine *m);
/* Realtime mode with every hart idle: wait up to ns nanoseconds of host
 * time for host-side device input (network), returning early when some
 * arrives and a hart has an interrupt to take. */
void virt_wait(emu_machine *m, uint64_t ns);

/* display.c: the "display" device (emu_device_add), its device-tree node
 * (virt_build_fdt) and its release. */
emu_status display_add(emu_machine *m, struct dev_opts *o, char *err,
                       size_t errlen);
void display_free(emu_machine *m);
/* Write the framebuffer node (inside /chosen, as the simple-framebuffer
 * binding asks); nothing without a display. Returns libfdt's error bits. */
int display_fdt(emu_machine *m, void *fdt);

/* run.c: emu_run() itself, without history recording (history.c calls it
 * to run in pieces and to re-execute). */
emu_status run_machine(emu_machine *m, uint64_t max_insns, emu_exit *ex);

/* boot.c: put the boot state (images, boot registers) back at reset. */
void boot_reset(emu_machine *m);
void boot_free(emu_machine *m);

/* user/user.c: release the user-mode process, if any. */
void user_free(emu_machine *m);
/* user/thread.c: between slices, let another of the process's threads
 * run when the current one has had its quantum. */
void user_thread_tick(emu_machine *m);
/* user/mem.c: make the page holding va present if the process mapped it
 * (for the debugger's view of memory); false when nothing is mapped. */
bool user_debug_touch(emu_machine *m, uint64_t va);

/* machine.c: a machine with RAM and one AArch64 hart, nothing else (user
 * mode builds its process on it). */
emu_status machine_new_a64(const emu_config *cfg, emu_machine **out,
                           char *err, size_t errlen);
/* run.c: the run loop of such a machine. */
emu_status run_a64(emu_machine *m, uint64_t max_insns, emu_exit *ex);
/* regs.c: the pc of hart h, whatever its ISA. */
uint64_t machine_pc(const emu_machine *m, unsigned h);

/* machine.c: the full reset a guest reboot performs. */
void machine_reset(emu_machine *m);

/* isa.c: parse an ISA string; on error writes a message into err. */
bool isa_parse(const char *s, emu_isa *isa, char *err, size_t errlen);

#endif
