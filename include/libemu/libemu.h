/*
 * libemu: a pure-software instruction-set emulator library.
 *
 * This is the whole public API. A frontend creates a machine from a
 * configuration, loads images into it, and calls emu_run() in a loop; each
 * call returns an exit reason saying why the emulator stopped (the guest
 * halted, the instruction budget ran out, a stop was requested, ...).
 *
 * Conventions:
 *  - Every fallible function returns an emu_status. On failure the machine
 *    keeps a human-readable description, available from emu_last_error().
 *  - The library never prints and never exits the process. Guest console
 *    output and log messages reach the caller through callbacks.
 *  - There is no global mutable state: machines are independent, and one
 *    thread may drive each machine. emu_request_stop() is the only function
 *    that may be called on a machine from another thread.
 */
#ifndef LIBEMU_LIBEMU_H
#define LIBEMU_LIBEMU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define EMU_VERSION_MAJOR 0
#define EMU_VERSION_MINOR 1
#define EMU_VERSION_PATCH 0
#define EMU_VERSION_STRING "0.1.0"

/* Result of every fallible call. */
typedef enum emu_status {
    EMU_OK = 0,
    EMU_ERR_INVALID,     /* a bad argument or configuration */
    EMU_ERR_NOMEM,       /* the host could not allocate memory */
    EMU_ERR_IO,          /* a host file could not be read or written */
    EMU_ERR_FORMAT,      /* a file is malformed or of the wrong kind */
    EMU_ERR_RANGE,       /* an address or size lies outside what exists */
    EMU_ERR_UNSUPPORTED, /* valid, but not implemented by this build */
    EMU_ERR_NOT_FOUND,   /* a named thing (register, symbol) does not exist */
} emu_status;

/* A short constant description of a status ("invalid argument", ...). */
const char *emu_status_str(emu_status st);

typedef enum emu_arch {
    EMU_ARCH_RISCV32,
    EMU_ARCH_RISCV64,
    /* Since 0.5: AArch64 (A64), in user-mode emulation only
     * (libemu/user.h); emu_machine_new() refuses it. */
    EMU_ARCH_ARM64,
} emu_arch;

/*
 * Boards.
 *
 * EMU_BOARD_TEST is a Spike-like test board: RAM (by default at
 * 0x80000000), a CLINT at 0x02000000 (msip, mtimecmp, mtime), and the HTIF
 * tohost/fromhost interface found through the loaded ELF's symbols.
 *
 * EMU_BOARD_VIRT follows QEMU's riscv `virt` machine, so the same firmware
 * and kernels boot unchanged: RAM at 0x80000000 (ram_base must stay there),
 * the SiFive test finisher at 0x00100000 (power-off, reboot), a goldfish
 * RTC at 0x00101000, the CLINT at 0x02000000, a PLIC at 0x0c000000, an
 * NS16550A UART at 0x10000000 (PLIC source 10) and eight virtio-mmio slots
 * at 0x10001000 + 0x1000 * n (sources 1..8). A device tree describing the
 * machine is built when it is created; emu_boot() loads firmware and
 * kernel the way QEMU does.
 */
typedef enum emu_board {
    EMU_BOARD_TEST,
    EMU_BOARD_VIRT,
} emu_board;

/* Severity of a log message. */
typedef enum emu_log_level {
    EMU_LOG_ERROR,
    EMU_LOG_WARN,
    EMU_LOG_INFO,
    EMU_LOG_DEBUG,
} emu_log_level;

/* Receives bytes the guest writes to its console (HTIF or UART). */
typedef void (*emu_console_fn)(void *ctx, const char *buf, size_t len);
/* Receives log messages; msg is a single line without a trailing newline. */
typedef void (*emu_log_fn)(void *ctx, emu_log_level level, const char *msg);

/* Everything needed to build a machine. Start from emu_config_default(). */
/* The ISA a machine gets when emu_config.isa is NULL: every extension
 * libemu implements. */
#define EMU_DEFAULT_ISA64 \
    "rv64imafdc_zicsr_zifencei_zicntr_zihpm_zicclsm_zba_zbb_zbs_zbc_zicond_sstc"
#define EMU_DEFAULT_ISA32 \
    "rv32imafdc_zicsr_zifencei_zicntr_zihpm_zicclsm_zba_zbb_zbs_zbc_zicond_sstc"

typedef struct emu_config {
    emu_arch arch;
    emu_board board;
    /*
     * ISA string in Spike's spelling ("rv64gc", "rv32imac_zicsr_zifencei",
     * "rv64gc_zba_zbb_zbs_zicond"). NULL selects everything implemented:
     * EMU_DEFAULT_ISA64 or EMU_DEFAULT_ISA32. The base (rv32/rv64) must
     * agree with arch. Unknown extension names are an error; instructions
     * of extensions not named raise illegal-instruction. Naming zicclsm
     * makes misaligned loads and stores complete (emulated); without it
     * they raise the address-misaligned exception. Zicsr, Zifencei,
     * Zicntr, Zihpm and Zihintpause are always present. 'g' is imafd plus
     * zicsr_zifencei; 'b' is zba_zbb_zbs.
     */
    const char *isa;
    /* Privilege modes, Spike's --priv spelling: "msu" (default), "mu", "m". */
    const char *priv;
    uint64_t ram_base;      /* default 0x80000000 */
    uint64_t ram_size;      /* bytes; default 128 MiB */
    unsigned harts;         /* default 1 */
    uint64_t timebase_hz;   /* mtime frequency; default 10 MHz */
    /*
     * Retired instructions per mtime tick. Time is virtual and advances with
     * retired instructions, so runs are deterministic. Default 100.
     */
    uint32_t insns_per_tick;
    emu_console_fn console;   /* guest console output; NULL discards it */
    void *console_ctx;
    emu_log_fn log;           /* NULL discards log messages */
    void *log_ctx;
    emu_log_level log_level;  /* messages above this level are dropped */
    /*
     * Virt board: the goldfish RTC's time at power-on, in nanoseconds since
     * the Unix epoch; afterwards it advances with virtual time. 0 (the
     * default) takes the host's clock when the machine is created.
     */
    uint64_t rtc_start_ns;
    /*
     * Since 0.2. When every hart waits in wfi, let virtual time pass at the
     * host's pace instead of skipping to the next timer event, serving
     * host-side device input (network) meanwhile; emu_run() then returns
     * EMU_EXIT_YIELD every few milliseconds of such waiting so the caller
     * can serve its own inputs. For interactive use and networking; runs
     * are then no longer deterministic. Default false.
     */
    bool realtime;
} emu_config;

/* The default configuration for an architecture (test board, 128 MiB). */
emu_config emu_config_default(emu_arch arch);

typedef struct emu_machine emu_machine;

/*
 * Create a machine. On success *out owns a machine that must be released with
 * emu_machine_free(). On failure *out is NULL; when err/errlen are given, a
 * description of the failure is written there.
 */
emu_status emu_machine_new(const emu_config *cfg, emu_machine **out, char *err,
                           size_t errlen);
void emu_machine_free(emu_machine *m);

/* Text describing the most recent failure on this machine ("" if none). */
const char *emu_last_error(const emu_machine *m);

/* Reset every hart to its reset state (pc = reset vector, M mode). */
void emu_machine_reset(emu_machine *m);

/* ---- Loading images ------------------------------------------------------ */

/*
 * Load an ELF executable (ELF32 for RV32, ELF64 for RV64, machine RISC-V).
 * Every PT_LOAD segment is copied into RAM (the bytes past p_filesz are
 * zeroed); every hart's pc is set to the entry point, also returned in
 * *entry when entry is not NULL. The symbol table is kept for
 * emu_symbol_lookup(); the HTIF interface uses "tohost" and "fromhost".
 * Malformed files, the wrong class or machine, segments outside RAM and
 * overlapping segments fail with EMU_ERR_FORMAT or EMU_ERR_RANGE and leave a
 * message in emu_last_error().
 */
emu_status emu_load_elf(emu_machine *m, const char *path, uint64_t *entry);
/* The same from an image already in host memory (the bytes are copied). */
emu_status emu_load_elf_mem(emu_machine *m, const void *data, size_t size,
                            uint64_t *entry);
/* Copy a raw binary file into guest physical memory at addr. */
emu_status emu_load_raw(emu_machine *m, const char *path, uint64_t addr);

/*
 * Boot a virt board the way QEMU's -bios/-kernel/-initrd/-append do:
 *  - bios: firmware (ELF, or a raw binary loaded at the RAM base), e.g.
 *    OpenSBI's fw_jump.bin or fw_dynamic.bin. NULL boots without firmware:
 *    the kernel then starts in M mode at its entry on every hart.
 *  - kernel: ELF (loaded at its physical addresses) or a raw image placed
 *    at the first 2 MiB boundary after the firmware (4 MiB on RV32), which
 *    is 0x80200000 where fw_jump expects it; without firmware, a raw image
 *    goes to the RAM base. May be NULL.
 *  - initrd: copied into RAM after the kernel; its range goes to
 *    /chosen/linux,initrd-start and -end. May be NULL.
 *  - cmdline: /chosen/bootargs. May be NULL.
 * The device tree is placed at the end of RAM (below 3 GiB, 2 MiB aligned,
 * as QEMU does). Every hart starts at the firmware's entry with a0 = its
 * hart id, a1 = the device tree's address and a2 = the address of an
 * OpenSBI fw_dynamic_info structure (magic, version 2, next address = the
 * kernel, next mode = S, boot hart 0), kept in a read-only ROM at 0x1000.
 * The loaded images are remembered and copied again when the machine is
 * reset (a guest reboot), so a reboot starts from the same state.
 */
typedef struct emu_boot_config {
    const char *bios;
    const char *kernel;
    const char *initrd;
    const char *cmdline;
} emu_boot_config;
emu_status emu_boot(emu_machine *m, const emu_boot_config *boot);

/*
 * The flattened device tree of a virt board (as emu_boot() last built it,
 * or the machine's initial one): a pointer owned by the machine, valid
 * until the next emu_boot() or emu_machine_free(). EMU_ERR_UNSUPPORTED on
 * boards without a device tree.
 */
emu_status emu_get_dtb(const emu_machine *m, const void **dtb, size_t *size);

/*
 * Give the guest console (the virt board's UART, and a virtio-console
 * whose driver is running) bytes typed by the user. Returns how many were
 * taken (the larger count of the two): the UART's receive FIFO holds 16,
 * a virtio-console 4 KiB, so the caller keeps the rest and offers them
 * again after running the guest for a while. Returns 0 on boards without
 * a UART.
 */
size_t emu_console_input(emu_machine *m, const void *buf, size_t len);

/* ---- Devices (virt board) ------------------------------------------------ */

/*
 * Add a device to a virt machine, before emu_boot() (which lists it in the
 * device tree). kind and options use the command line's syntax, options
 * being comma-separated key=value items (a bare word is a key without a
 * value):
 *   "drive"    file=PATH[,format=raw][,readonly=on|off][,serial=ID]
 *              a virtio-blk disk backed by a raw image file
 *   "net"      user[,hostfwd=tcp::HOSTPORT-:GUESTPORT]...  virtio-net with
 *              user-mode networking (libslirp)
 *   "rng"      virtio-rng fed from the host's random source
 *   "console"  virtio-console whose port 0 is the machine's console
 *   "keyboard", "tablet", "mouse"   virtio-input devices fed by
 *              emu_input_event()
 *   "display"  [width=W][,height=H]  a framebuffer Linux drives as
 *              simple-framebuffer (see emu_display_get())
 * A virtio device takes the next free virtio-mmio slot, 0 first. Errors:
 * EMU_ERR_INVALID (unknown kind or option; see emu_last_error()),
 * EMU_ERR_IO (a file that cannot be opened), EMU_ERR_UNSUPPORTED (the
 * board has no such device, or libemu was built without what it needs),
 * EMU_ERR_RANGE (every slot is taken).
 */
emu_status emu_device_add(emu_machine *m, const char *kind, const char *options);

/*
 * The display's current contents: width x height pixels, stride bytes per
 * row, each pixel 32 bits little-endian XRGB8888 (bytes B, G, R, unused).
 * The pointer stays valid for the machine's life; the guest changes the
 * pixels while it runs. EMU_ERR_NOT_FOUND when the machine has no display.
 */
typedef struct emu_display {
    uint32_t width, height, stride;
    const uint8_t *pixels;
} emu_display;
emu_status emu_display_get(emu_machine *m, emu_display *d);
/* Write the display to a file: PNG if path ends in ".png", else PPM (P6). */
emu_status emu_display_save(emu_machine *m, const char *path);

/*
 * Feed one Linux input event (linux/input-event-codes.h: type EV_SYN 0,
 * EV_KEY 1, EV_REL 2, EV_ABS 3) to the virtio-input devices: keys to the
 * keyboard, buttons and motion to the tablet or mouse (the tablet's axes
 * run 0..32767 across the display). End a group of events with
 * EV_SYN/SYN_REPORT. EMU_ERR_NOT_FOUND when no device takes the event.
 */
emu_status emu_input_event(emu_machine *m, unsigned type, unsigned code,
                           int32_t value);

/* Address of a symbol of the loaded ELF file. */
emu_status emu_symbol_lookup(const emu_machine *m, const char *name,
                             uint64_t *addr);

/* ---- Running ------------------------------------------------------------- */

typedef enum emu_exit_reason {
    EMU_EXIT_HALT,       /* the guest ended the run; see emu_exit.code */
    EMU_EXIT_BUDGET,     /* the instruction budget given to emu_run() is spent */
    EMU_EXIT_STOPPED,    /* emu_request_stop() was called */
    EMU_EXIT_IDLE,       /* every hart waits in wfi for an interrupt that no
                            device will ever raise (the guest is stuck) */
    EMU_EXIT_HOST_ERROR, /* the emulator cannot continue; see emu_last_error() */
    EMU_EXIT_YIELD,      /* realtime mode: the guest idles and the library
                            waited a little; serve inputs, then run again */
    EMU_EXIT_DEBUG,      /* since 0.3: a breakpoint, watchpoint or step
                            (libemu/debug.h); see emu_exit.debug */
    EMU_EXIT_SYSCALL,    /* since 0.4, user-mode emulation (libemu/user.h):
                            the guest executed ecall in U mode; code is the
                            system call number (a7), pc the ecall's */
    EMU_EXIT_EXCEPTION,  /* since 0.4, user-mode emulation: any other
                            exception in U mode; code is the cause (priv
                            spec table 3.6), addr the trap value (faulting
                            address or instruction), pc where it happened */
} emu_exit_reason;

typedef struct emu_exit {
    emu_exit_reason reason;
    int code;      /* HALT: the guest's exit status (0 means success) */
    unsigned hart; /* the hart that caused the exit */
    uint64_t pc;   /* that hart's pc when the run returned */
    /* Since 0.3, for EMU_EXIT_DEBUG (libemu/debug.h): an emu_debug_event,
     * and for a watchpoint the accessed address and the watch kind hit;
     * since 0.4 addr is also EMU_EXIT_EXCEPTION's trap value. */
    unsigned debug;
    uint64_t addr;
    unsigned watch;
} emu_exit;

/*
 * Run the machine for at most max_insns instructions in total, counting
 * those that retire and those that trap (0 = no limit), and describe why it
 * returned in *exit. Time spent idle in wfi is not counted. Returns EMU_OK
 * unless the arguments are bad; emulation outcomes are reported in *exit.
 * A halted machine stays halted: emu_run() returns EMU_EXIT_HALT at once
 * until emu_machine_reset().
 */
emu_status emu_run(emu_machine *m, uint64_t max_insns, emu_exit *exit);

/*
 * Ask a running emu_run() to return with EMU_EXIT_STOPPED at the next
 * instruction boundary. Safe to call from another thread or a signal handler.
 * A request made while the machine is not running takes effect at the next
 * emu_run().
 */
void emu_request_stop(emu_machine *m);

/*
 * Called for every retired instruction when installed (the --trace hook):
 * hart, the pc it executed at, its encoding (16-bit forms in the low half),
 * and its length in bytes. An instruction that traps is not retired. Costs
 * nothing when not installed.
 */
typedef void (*emu_retire_fn)(void *ctx, unsigned hart, uint64_t pc,
                              uint32_t insn, unsigned len);
void emu_set_retire_hook(emu_machine *m, emu_retire_fn fn, void *ctx);

/*
 * Disassemble one instruction in GNU objdump spelling into buf (always
 * NUL-terminated). Returns the instruction's length in bytes (2 or 4).
 */
unsigned emu_disasm(const emu_machine *m, uint64_t pc, uint32_t insn, char *buf,
                    size_t buflen);

/*
 * Counters since the machine was created (emu_machine_reset() keeps them).
 * Fields are only ever appended; a program built against an older, shorter
 * emu_stats must be rebuilt.
 */
/* room for more emu_exit_reason values (8 before 0.4: a program built
 * against that must be rebuilt) */
#define EMU_STATS_EXIT_REASONS 16
typedef struct emu_stats {
    uint64_t instret;     /* instructions retired by all harts */
    uint64_t traps;       /* exceptions and interrupts taken */
    uint64_t interrupts;  /* of which interrupts */

    /* Since 0.2. Returns of emu_run(), indexed by emu_exit_reason. */
    uint64_t exits[EMU_STATS_EXIT_REASONS];
    /* Times a hart's interpreter loop ran (harts take turns in slices of at
     * most 10 000 steps, shorter up to the next timer event), and why each
     * slice ended: its steps were used, the hart entered wfi, the guest
     * halted, or a device access ended it early (a CLINT write moves the
     * next timer event). */
    uint64_t slices;
    uint64_t slice_budget, slice_wfi, slice_halt, slice_device;
    /* Pages of guest code given a decoded-instruction array, decoded
     * instructions dropped because their bytes were written, and times the
     * whole cache was dropped because it was full. */
    uint64_t decoded_pages, decoded_invalidated, decoded_flushes;

    /*
     * Only when libemu was built with statistics (meson -Dstats=true;
     * detailed is then true), because counting costs time on every
     * instruction: TLB lookups that hit and that missed, per access kind
     * (0 fetch, 1 load, 2 store; fetches are looked up only when execution
     * enters a page, a miss includes device and misaligned accesses, which
     * always take the slow path), instructions decoded into the decoded-
     * instruction cache (its misses; the other executed instructions hit),
     * and instructions decoded each time they ran because they cannot be
     * cached (page-crossing, or fetched from a device or a page PMP covers
     * only in part).
     */
    bool detailed;
    uint64_t tlb_hits[3], tlb_misses[3];
    uint64_t decodes, uncached;
} emu_stats;
void emu_get_stats(const emu_machine *m, emu_stats *st);

/* ---- Registers ----------------------------------------------------------- */

/*
 * Register numbers for emu_reg_read_num()/emu_reg_write_num():
 * 0..31 are x0..x31, EMU_REG_PC the pc, EMU_REG_PRIV the privilege level
 * (0 U, 1 S, 3 M), EMU_REG_F0 + n the floating-point register fn (its raw
 * 64 bits: binary32 values are NaN-boxed; present only with F) and
 * EMU_REG_CSR + n the CSR numbered n. Names: "x5"/"t0", "f10"/"fa0",
 * "pc", "priv", CSR names such as "mstatus" or "fcsr".
 */
enum {
    EMU_REG_X0 = 0,
    EMU_REG_PC = 32,
    EMU_REG_PRIV = 33,
    EMU_REG_F0 = 64,
    EMU_REG_CSR = 0x1000,
};

/*
 * Since 0.5, the register numbers of an AArch64 machine: 0..30 are
 * x0..x30, 31 is sp, EMU_REG_PC the pc; EMU_REG_A64_V0 + 2n and + 2n + 1
 * are the low and high 64 bits of the 128-bit SIMD&FP register vn. Names:
 * "x0".."x30", "fp", "lr", "sp", "pc", "nzcv" (or GDB's "cpsr"), "fpsr",
 * "fpcr", "tpidr_el0", "v0".."v31" (low half) and "v0.hi".."v31.hi".
 */
enum {
    EMU_REG_A64_SP = 31,
    EMU_REG_A64_NZCV = 33,
    EMU_REG_A64_FPSR = 34,
    EMU_REG_A64_FPCR = 35,
    EMU_REG_A64_TPIDR = 36,
    EMU_REG_A64_V0 = 64,
};

unsigned emu_hart_count(const emu_machine *m);
/* Since 0.5: the machine's architecture (emu_config.arch). */
emu_arch emu_machine_arch(const emu_machine *m);
unsigned emu_xlen(const emu_machine *m);

emu_status emu_reg_read_num(emu_machine *m, unsigned hart, unsigned num,
                            uint64_t *value);
emu_status emu_reg_write_num(emu_machine *m, unsigned hart, unsigned num,
                             uint64_t value);
/*
 * Look up a register by name: "x5", "t0", "a0", "fp", "pc", "priv", or a CSR
 * name ("mstatus", "mepc", ...). Returns EMU_ERR_NOT_FOUND for unknown names.
 */
emu_status emu_reg_lookup(const emu_machine *m, const char *name,
                          unsigned *num);
/*
 * Since 0.3. The name of register number num: the ABI name of an x or f
 * register ("sp", "fa0"), "pc", "priv", or a CSR's name ("mstatus").
 * EMU_ERR_NOT_FOUND for numbers that name nothing on this machine.
 */
emu_status emu_reg_name(const emu_machine *m, unsigned num, char *buf,
                        size_t len);
emu_status emu_reg_read(emu_machine *m, unsigned hart, const char *name,
                        uint64_t *value);
emu_status emu_reg_write(emu_machine *m, unsigned hart, const char *name,
                         uint64_t value);

/* ---- Memory -------------------------------------------------------------- */

/*
 * Copy between host memory and guest physical memory. Only RAM is reachable
 * this way; a range that is not entirely inside RAM fails with EMU_ERR_RANGE
 * and copies nothing.
 */
emu_status emu_mem_read(emu_machine *m, uint64_t paddr, void *buf, size_t len);
emu_status emu_mem_write(emu_machine *m, uint64_t paddr, const void *buf,
                         size_t len);

#ifdef __cplusplus
}
#endif

#endif
