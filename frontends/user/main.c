/*
 * emu-user: run a riscv64 Linux program on this host, as qemu-riscv64
 * does (libemu/user.h does the work). The exit status is the program's,
 * or 128 + the signal that killed it.
 */
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "libemu/gdbstub.h"
#include "libemu/libemu.h"
#include "libemu/user.h"

extern char **environ;

#define EXIT_USAGE 2
#define EXIT_LOAD 1
/* instructions per run between looks at the debugger's connection */
#define GDB_CHUNK 100000

static void usage(FILE *f)
{
    fprintf(f,
        "usage: emu-user [options] PROGRAM [ARGS...]\n"
        "Run a riscv64 or aarch64 Linux program without booting a kernel.\n"
        "\n"
        "  -L DIR          look for the interpreter and absolute paths under DIR\n"
        "                  first (e.g. /usr/riscv64-linux-gnu or\n"
        "                  /usr/aarch64-linux-gnu)\n"
        "  --chroot DIR    confine the program's paths to DIR\n"
        "  -E VAR=VALUE    set an environment variable for the program\n"
        "  -U VAR          remove an environment variable\n"
        "  --isa ISA       a riscv64 hart's ISA (Spike spelling, default:\n"
        "                  everything libemu implements)\n"
        "  -m MIB          memory for the program in MiB (default 1024)\n"
        "  --strace        print each system call and its result to stderr\n"
        "  --trace         print each instruction executed to stderr\n"
        "  --stats         print instructions retired, time, MIPS and system\n"
        "                  calls to stderr at the end\n"
        "  -g PORT         wait for GDB on localhost:PORT before the first\n"
        "                  instruction (0: any free port, printed)\n"
        "  -h, --help      this text\n"
        "\n"
        "The environment is emu-user's own, changed by -E and -U. Exit status:\n"
        "the program's, 128 + N when signal N killed it, 1 when it cannot be\n"
        "loaded, 2 for a usage error.\n");
}

static void on_log(void *ctx, emu_log_level level, const char *msg)
{
    (void)ctx;
    (void)level;
    fprintf(stderr, "emu-user: %s\n", msg);
}

static void on_trace(void *ctx, const char *line)
{
    (void)ctx;
    fprintf(stderr, "%s\n", line);
}

static void on_retire(void *ctx, unsigned hart, uint64_t pc, uint32_t insn,
                      unsigned len)
{
    emu_machine *m = ctx;
    char buf[96];
    (void)hart;
    emu_disasm(m, pc, insn, buf, sizeof(buf));
    if (len == 2)
        fprintf(stderr, "%016" PRIx64 ": %04x      %s\n", pc, insn & 0xffff,
                buf);
    else
        fprintf(stderr, "%016" PRIx64 ": %08x  %s\n", pc, insn, buf);
}

/* Host signals for the program: the handler only records them and stops
 * the run; the main loop passes them on with emu_user_kill(). */
static const int forwarded[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT,
                                SIGUSR1, SIGUSR2, SIGWINCH};
static volatile sig_atomic_t pending[65];
static emu_machine *running;

static void on_host_signal(int sig)
{
    pending[sig] = 1;
    if (running)
        emu_request_stop(running);
}

static void forward_signals(void)
{
    struct sigaction sa = {0};
    sa.sa_handler = on_host_signal; /* no SA_RESTART: a blocking call ends
                                       with EINTR, as in the program */
    sigemptyset(&sa.sa_mask);
    for (size_t k = 0; k < sizeof(forwarded) / sizeof(forwarded[0]); k++)
        sigaction(forwarded[k], &sa, NULL);
    /* emu-user's own output (messages, --strace) to a closed pipe must not
     * end it; the program's writes never raise the host's SIGPIPE (the
     * library blocks it around them) */
    signal(SIGPIPE, SIG_IGN);
}

/* The environment: ours, with -E and -U applied in order. */
typedef struct env {
    char **v;
    size_t n, cap;
} env;

static bool env_set(env *e, const char *item, bool remove)
{
    size_t klen = remove ? strlen(item) : (size_t)(strchr(item, '=') - item);
    for (size_t i = 0; i < e->n; i++)
        if (!strncmp(e->v[i], item, klen) && e->v[i][klen] == '=') {
            if (remove)
                e->v[i] = e->v[--e->n];
            else
                e->v[i] = (char *)item;
            e->v[e->n] = NULL;
            return true;
        }
    if (remove)
        return true;
    if (e->n + 2 > e->cap) {
        size_t cap = e->cap * 2 + 16;
        char **nv = realloc(e->v, cap * sizeof(*nv));
        if (!nv)
            return false;
        e->v = nv;
        e->cap = cap;
    }
    e->v[e->n++] = (char *)item;
    e->v[e->n] = NULL;
    return true;
}

/* Pass on the host signals that arrived (after an EMU_EXIT_STOPPED). */
static void deliver_host_signals(emu_machine *m)
{
    for (int s = 1; s < 65; s++)
        if (pending[s]) {
            pending[s] = 0;
            emu_user_kill(m, s);
        }
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* --stats: what the run retired, how fast, how many system calls. */
static void print_stats(emu_machine *m, double secs)
{
    emu_stats st;
    emu_get_stats(m, &st);
    fprintf(stderr, "emu-user: %" PRIu64 " instructions in %.3f s (%.1f MIPS), "
            "%" PRIu64 " system calls, %" PRIu64 " faults\n", st.instret, secs,
            secs > 0 ? (double)st.instret / secs / 1e6 : 0.0,
            st.exits[EMU_EXIT_SYSCALL], st.exits[EMU_EXIT_EXCEPTION]);
}

/* Run to the program's end; its exit status, or EXIT_LOAD. */
static int run(emu_machine *m)
{
    emu_exit ex;
    for (;;) {
        if (emu_user_run(m, 0, &ex) != EMU_OK) {
            fprintf(stderr, "emu-user: %s\n", emu_last_error(m));
            return EXIT_LOAD;
        }
        switch (ex.reason) {
        case EMU_EXIT_HALT: return ex.code;
        case EMU_EXIT_STOPPED: deliver_host_signals(m); break;
        case EMU_EXIT_IDLE:
            fprintf(stderr, "emu-user: the program is stuck at pc 0x%" PRIx64
                    "\n", ex.pc);
            return EXIT_LOAD;
        case EMU_EXIT_HOST_ERROR:
            fprintf(stderr, "emu-user: %s\n", emu_last_error(m));
            return EXIT_LOAD;
        default: break;
        }
    }
}

/*
 * The same under a debugger (-g): wait for it, then run while it lets the
 * program run, handling system calls and faults between its runs. A
 * debugger that detaches lets the program run on; one that kills it ends
 * emu-user with 128 + SIGKILL.
 */
static int run_gdb(emu_machine *m, unsigned port)
{
    char err[512];
    emu_gdb_server *srv;
    if (emu_gdb_server_open(m, NULL, port, &srv, err, sizeof(err)) != EMU_OK) {
        fprintf(stderr, "emu-user: gdb: %s\n", err);
        return EXIT_LOAD;
    }
    fprintf(stderr, "emu-user: gdb: listening on localhost:%u, waiting for a "
            "connection\n", emu_gdb_server_port(srv));
    int status = EXIT_LOAD;
    while (!emu_gdb_server_session(srv)) {
        if (emu_gdb_server_poll(srv, 100) != EMU_OK || pending[SIGINT] ||
            pending[SIGTERM]) {
            emu_gdb_server_close(srv);
            return status;
        }
    }
    emu_exit ex, held;  /* held: a fault the debugger was told of */
    int held_sig = 0;
    bool was_running = false;
    for (;;) {
        emu_gdb *g = emu_gdb_server_session(srv);
        emu_gdb_state st = g ? emu_gdb_get_state(g) : EMU_GDB_DETACHED;
        if (st == EMU_GDB_KILLED) {
            status = 128 + 9;
            break;
        }
        if (g && st != EMU_GDB_RUNNING) { /* the debugger holds it */
            was_running = false;
            emu_gdb_server_poll(srv, 200);
            continue;
        }
        if (!was_running) {
            /* resumed: deliver the signal the debugger resumes with (a
             * held fault's own keeps its address), or none; once detached,
             * a held fault is delivered */
            int sig = g ? emu_gdb_resume_signal(g) : held_sig;
            if (sig && sig == held_sig)
                emu_user_handle(m, &held);
            else if (sig)
                emu_user_kill(m, sig);
            held_sig = 0;
            was_running = true;
        }
        if (g)
            emu_gdb_run(g, GDB_CHUNK, &ex);
        else
            emu_run(m, GDB_CHUNK, &ex);
        int fault_sig = g && ex.reason == EMU_EXIT_EXCEPTION
                            ? emu_user_exception_signal(m, &ex)
                            : 0;
        if (fault_sig) {
            /* stop: the debugger decides whether the program gets it */
            held = ex;
            held_sig = fault_sig;
            emu_gdb_report_signal(g, ex.hart, fault_sig);
        } else if (ex.reason == EMU_EXIT_SYSCALL) {
            emu_user_handle(m, &ex);
        } else if (ex.reason == EMU_EXIT_EXCEPTION && !g) {
            emu_user_handle(m, &ex);
        } else if (ex.reason == EMU_EXIT_STOPPED) {
            deliver_host_signals(m);
        } else if (ex.reason == EMU_EXIT_HALT) {
            status = ex.code; /* the session told the debugger */
            break;
        } else if (ex.reason == EMU_EXIT_HOST_ERROR) {
            fprintf(stderr, "emu-user: %s\n", emu_last_error(m));
            break;
        }
        emu_gdb_server_poll(srv, 0);
    }
    emu_gdb_server_close(srv);
    return status;
}

/* main's work; main frees the environment array however this ends */
static int emu_user_main(int argc, char **argv, env *e)
{
    emu_user_config uc = {0};
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.ram_size = 1ull << 30;
    cfg.log = on_log;
    cfg.log_level = EMU_LOG_WARN;
    bool trace = false, stats = false;
    const char *gdb_port = NULL;
    for (char **p = environ; p && *p; p++)
        if (!env_set(e, *p, false))
            return EXIT_LOAD;
    if (!env_set(e, "_=", true))
        return EXIT_LOAD;

    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        bool more = i + 1 < argc;
        if (!strcmp(a, "--")) {
            i++;
            break;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--strace")) {
            uc.trace = on_trace;
        } else if (!strcmp(a, "--trace")) {
            trace = true;
        } else if (!strcmp(a, "--stats")) {
            stats = true;
        } else if (!strncmp(a, "--isa=", 6)) {
            cfg.isa = a + 6;
        } else if (!strncmp(a, "--chroot=", 9)) {
            uc.chroot = a + 9;
        } else if (more && (!strcmp(a, "-L") || !strcmp(a, "--isa") ||
                            !strcmp(a, "--chroot") || !strcmp(a, "-E") ||
                            !strcmp(a, "-U") || !strcmp(a, "-g") ||
                            !strcmp(a, "-m"))) {
            const char *v = argv[++i];
            if (!strcmp(a, "-L")) {
                uc.sysroot = v;
            } else if (!strcmp(a, "--isa")) {
                cfg.isa = v;
            } else if (!strcmp(a, "--chroot")) {
                uc.chroot = v;
            } else if (!strcmp(a, "-E")) {
                if (!strchr(v, '=')) {
                    fprintf(stderr, "emu-user: -E %s: expected VAR=VALUE\n", v);
                    return EXIT_USAGE;
                }
                if (!env_set(e, v, false))
                    return EXIT_LOAD;
            } else if (!strcmp(a, "-U")) {
                env_set(e, v, true);
            } else if (!strcmp(a, "-g")) {
                gdb_port = v;
            } else {
                char *end;
                errno = 0;
                unsigned long long mib = strtoull(v, &end, 0);
                if (errno || *end || !mib || mib > (1ull << 20)) {
                    fprintf(stderr, "emu-user: -m %s: expected MiB\n", v);
                    return EXIT_USAGE;
                }
                cfg.ram_size = mib << 20;
            }
        } else {
            fprintf(stderr, "emu-user: unknown option %s (try --help)\n", a);
            return EXIT_USAGE;
        }
    }
    if (i >= argc) {
        usage(stderr);
        return EXIT_USAGE;
    }
    unsigned port = 0;
    if (gdb_port) {
        char *end;
        errno = 0;
        unsigned long v = strtoul(gdb_port, &end, 10);
        if (errno || *end || v > 65535) {
            fprintf(stderr, "emu-user: -g %s: expected a port number\n",
                    gdb_port);
            return EXIT_USAGE;
        }
        port = (unsigned)v;
    }

    /* the program's ISA decides the machine's; a file that is neither
     * riscv64 nor aarch64 gets its error from the loader */
    emu_arch arch;
    if (emu_user_program_arch(argv[i], &arch) == EMU_OK)
        cfg.arch = arch;
    if (cfg.arch == EMU_ARCH_ARM64 && cfg.isa) {
        fprintf(stderr, "emu-user: --isa applies to riscv64 programs; %s is "
                        "an aarch64 program\n", argv[i]);
        return EXIT_USAGE;
    }
    char err[512];
    emu_machine *m;
    if (emu_user_new(&cfg, &uc, &m, err, sizeof(err)) != EMU_OK) {
        fprintf(stderr, "emu-user: %s\n", err);
        return EXIT_LOAD;
    }
    if (emu_user_load(m, argv[i], argc - i, argv + i, e->v) != EMU_OK) {
        fprintf(stderr, "emu-user: %s\n", emu_last_error(m));
        emu_machine_free(m);
        return EXIT_LOAD;
    }
    if (trace)
        emu_set_retire_hook(m, on_retire, m);
    running = m;
    forward_signals();
    double t0 = now_s();
    int status = gdb_port ? run_gdb(m, port) : run(m);
    fflush(stdout);
    if (stats)
        print_stats(m, now_s() - t0);
    emu_machine_free(m);
    return status;
}

int main(int argc, char **argv)
{
    env e = {0};
    int status = emu_user_main(argc, argv, &e);
    free(e.v);
    return status;
}
