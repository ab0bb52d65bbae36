/*
 * User-mode emulation: run a riscv64 Linux program without a kernel, the
 * way qemu-riscv64 does (since 0.4).
 *
 * The program runs in U mode on an ordinary machine whose RAM serves as the
 * process's physical memory: the library builds the address space with Sv39
 * page tables, so unmapped pages, guard pages and read-only pages fault as
 * they would under Linux. Every exception the program takes in U mode ends
 * emu_run() with EMU_EXIT_SYSCALL (ecall) or EMU_EXIT_EXCEPTION (page
 * faults, illegal instructions, breakpoints). A tool may look at or handle
 * the exit itself; emu_user_handle() applies the built-in Linux behaviour:
 * it performs the system call on the host, or delivers the signal the
 * fault stands for. emu_user_run() loops over both until the program ends.
 *
 * Guest file descriptors are the host's own descriptors (0, 1, 2 are
 * shared with the caller); paths are the host's unless a chroot directory
 * confines them. See docs/user-mode.md for what is supported.
 */
#ifndef LIBEMU_USER_H
#define LIBEMU_USER_H

#include "libemu/libemu.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Receives one line of system call trace, without a trailing newline. */
typedef void (*emu_user_trace_fn)(void *ctx, const char *line);

typedef struct emu_user_config {
    /*
     * Tried first for absolute paths, as qemu's -L does: the program's
     * interpreter (PT_INTERP) and every absolute path the program opens
     * are looked up under this directory, and on the host when they are
     * not there. NULL: none.
     */
    const char *sysroot;
    /*
     * Confine the program to this directory: "/" is the directory, ".."
     * and symbolic links are resolved inside it and cannot leave it. The
     * program file itself is a host path. NULL: no confinement.
     */
    const char *chroot;
    /* Called with each system call and its result ("--strace"); NULL: no
     * trace. */
    emu_user_trace_fn trace;
    void *trace_ctx;
} emu_user_config;

/*
 * Create a machine for user-mode emulation. cfg may be NULL for the
 * defaults (RV64 with every extension, 1 GiB of RAM for the process's
 * memory; RAM is host memory touched only when used); its board, RAM base
 * and hart count are ignored. Unimplemented system calls and the message
 * of a fatal signal go to cfg's log callback (EMU_LOG_WARN and
 * EMU_LOG_ERROR). Release with emu_machine_free().
 */
emu_status emu_user_new(const emu_config *cfg, const emu_user_config *ucfg,
                        emu_machine **out, char *err, size_t errlen);

/*
 * Since 0.5. The architecture of the Linux executable at path, from its ELF
 * header: EMU_ARCH_RISCV64 or EMU_ARCH_ARM64, for the emu_config given to
 * emu_user_new(). EMU_ERR_IO when the file cannot be read, EMU_ERR_FORMAT
 * when it is not a 64-bit little-endian ELF file of either.
 */
emu_status emu_user_program_arch(const char *path, emu_arch *arch);

/*
 * Load a riscv64 or aarch64 (as the machine's arch) Linux executable (static, static-pie, or dynamic with
 * its interpreter) and build its initial stack as Linux does: argv (argc
 * strings), envp (NULL-terminated) and the auxiliary vector. The hart is
 * left in U mode at the entry point. EMU_ERR_FORMAT for files that are not
 * riscv64 executables, with the reason in emu_last_error().
 */
emu_status emu_user_load(emu_machine *m, const char *path, int argc,
                         char *const argv[], char *const envp[]);

/*
 * Apply the built-in Linux behaviour to the exit emu_run() just returned:
 * EMU_EXIT_SYSCALL performs the system call (results in a0, pc past the
 * ecall); EMU_EXIT_EXCEPTION delivers the matching signal (SIGSEGV,
 * SIGILL, SIGBUS, SIGTRAP) to the program's handler, or ends the program
 * when it has none. A page fault on memory the program has mapped but not
 * yet touched is resolved and the instruction runs again. Once the program
 * has ended (exit, or killed by a signal), the machine is halted and
 * emu_run() returns EMU_EXIT_HALT with its exit status (128 + the signal
 * number for a signal). Other exits are left alone.
 */
emu_status emu_user_handle(emu_machine *m, const emu_exit *ex);

/* The signal (Linux numbering) that ended the program, 0 while it runs or
 * when it ended by exit(); its exit status is then 128 + that signal. */
int emu_user_exit_signal(const emu_machine *m);

/*
 * The signal (Linux numbering) the EMU_EXIT_EXCEPTION ex sends the
 * program, without sending it; 0 when it sends none (a page fault on
 * memory the program mapped but has not touched, which this resolves, so
 * that the instruction runs again) and for any other exit. For a debugger
 * that stops the program before a signal is delivered
 * (emu_gdb_report_signal()): emu_user_handle(m, ex) then delivers it, and
 * not calling it drops it (the instruction runs again, and faults again).
 */
int emu_user_exception_signal(emu_machine *m, const emu_exit *ex);

/*
 * Run the program until it ends or max_insns instructions have run (0: no
 * limit), handling every system call and exception with
 * emu_user_handle(). Returns with *ex from the last emu_run() that was not
 * handled: EMU_EXIT_HALT with the exit status, EMU_EXIT_BUDGET, a stop or
 * debugger exit.
 */
emu_status emu_user_run(emu_machine *m, uint64_t max_insns, emu_exit *ex);

/*
 * Send signal sig (Linux numbering, 1 to 64) to the program as another
 * process would (si_code SI_USER): its handler runs from where the
 * program stands, or its default action applies (ending the program halts
 * the machine with 128 + sig); a blocked signal waits until unblocked.
 * Call it between runs, e.g. after an EMU_EXIT_STOPPED that a host signal
 * handler caused with emu_request_stop(): emu-user forwards SIGINT,
 * SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2 and SIGWINCH this way. When
 * the host signal interrupted a system call (EINTR) and the program's
 * handler has SA_RESTART, the call is made again after the handler, as
 * Linux does.
 */
emu_status emu_user_kill(emu_machine *m, int sig);

/*
 * Copy between host memory and the program's virtual memory, with the
 * program's own permissions ignored but its mappings respected: EMU_ERR_RANGE
 * when some page of the range is not mapped. Touching a mapped page that
 * was never used allocates it.
 */
emu_status emu_user_read(emu_machine *m, uint64_t va, void *buf, size_t len);
emu_status emu_user_write(emu_machine *m, uint64_t va, const void *buf,
                          size_t len);

#ifdef __cplusplus
}
#endif

#endif
