/*
 * The emu and emu-sdl commands (frontend.h): run a RISC-V program on the
 * HTIF test board, or boot firmware and kernels on the virt board with
 * the devices the command line asks for.
 *
 * Spike's spellings are accepted where they fit (--isa=, -m, -p,
 * +signature=, --signature-granularity=) so test harnesses written for Spike
 * can call emu instead, and QEMU's single-dash spellings for the virt board
 * (-M virt, -bios, -kernel, -initrd, -append, -smp, -nographic) so QEMU
 * command lines carry over. The process exits with the guest's status.
 */
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "console.h"
#include "frontend.h"
#include "gdb.h"
#include "libemu/debug.h"
#include "libemu/libemu.h"
#include "trace.h"
#include "libemu/snapshot.h"

#define EXIT_USAGE FE_EXIT_USAGE
#define EXIT_LOAD FE_EXIT_LOAD
#define EXIT_BUDGET FE_EXIT_BUDGET
#define EXIT_IDLE FE_EXIT_IDLE
#define EXIT_SIGINT FE_EXIT_SIGINT

typedef fe_options options;

static const fe_frontend *fe; /* the program being run (its name, hooks) */

/* Where distributions install OpenSBI's generic fw_dynamic firmware, tried
 * in order when the virt board gets no --bios (LIBEMU_FIRMWARE first). */
static const char *const firmware_paths[] = {
    "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin", /* Debian */
    "/usr/share/opensbi/lp64/generic/firmware/fw_dynamic.bin",  /* Fedora */
    "/usr/share/qemu/opensbi-riscv64-generic-fw_dynamic.bin",   /* QEMU */
};

/* for the signal handlers only */
static emu_machine *running;
static fe_tracer *tracer; /* flushed before console output */
static volatile sig_atomic_t interrupted, shot_requested, snap_requested;

/* A message to stderr, prefixed with the program's name. */
__attribute__((format(printf, 1, 2))) static void fe_err(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", fe->prog);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
}

static void usage(FILE *f)
{
    const char *p = fe->prog;
    if (fe->has_window)
        fprintf(f,
"usage: %s [-bios FILE|none] [-kernel FILE] [-initrd FILE] [-append ARGS]\n"
"               [-smp N] [-m SIZE] [options]\n"
"\n"
"Boots firmware and a kernel on the virt board (as emu -M virt does) and\n"
"shows its display in a window, scaled to the window's size. Keys typed in\n"
"the window go to a virtio keyboard, the mouse to a virtio tablet (both\n"
"added unless the command line names an input device or says\n"
"--no-default-input). The serial console stays on the terminal. Closing\n"
"the window, or Ctrl-A x on the terminal, ends %s with status 0.\n",
                p, p);
    else
        fprintf(f,
"usage: %s [options] program.elf\n"
"       %s -M virt [-bios FILE|none] [-kernel FILE] [-initrd FILE]\n"
"               [-append ARGS] [-smp N] [-m SIZE] [options]\n"
"\n"
"The first form runs a RISC-V ELF program on the HTIF test board (RAM at\n"
"0x80000000, a CLINT at 0x02000000, tohost/fromhost found by symbol) and\n"
"exits with the guest's status.\n"
"\n"
"The second boots firmware and a kernel on the virt board, which follows\n"
"QEMU's riscv virt machine (NS16550A UART, PLIC, CLINT, SiFive test\n"
"finisher, goldfish RTC, virtio-mmio slots, a device tree built for the\n"
"configuration).\n", p, p);
    fprintf(f,
"\n"
"On the virt board the UART is the terminal: keys go to the guest (Ctrl-C\n"
"too); Ctrl-A x quits, Ctrl-A s saves a screenshot (with --screenshot),\n"
"Ctrl-A w a snapshot (with --save-snapshot), and Ctrl-A h lists the\n"
"escapes. When stdin is not a terminal its bytes are typed into the\n"
"guest. A guest power-off ends %s with the guest's\n"
"status; a guest reboot resets the machine.\n"
"\n"
"virt board options (QEMU's single-dash spellings work too):\n"
"  -M NAME, --machine=NAME    board: virt, or test (%s; also spike)\n"
"  --bios=FILE                firmware, ELF or raw, loaded at 0x80000000;\n"
"                             'none' starts the kernel directly in M mode.\n"
"                             Default: OpenSBI's generic fw_dynamic.bin from\n"
"                             $LIBEMU_FIRMWARE or the distribution's opensbi\n"
"  --kernel=FILE              kernel, ELF or raw (raw images go to the next\n"
"                             2 MiB boundary after the firmware: 0x80200000)\n"
"  --initrd=FILE              initial RAM disk\n"
"  --append=ARGS              kernel command line (/chosen/bootargs)\n"
"  --smp=N                    number of harts (QEMU's -smp N or cpus=N)\n"
"  --dump-dtb=FILE            write the board's device tree to FILE and exit\n"
"  --nographic                accepted for QEMU compatibility (the console\n"
"                             is always the terminal)\n"
"\n"
"virt board devices (each takes the next free virtio-mmio slot, in order):\n"
"  --drive file=IMG[,format=raw][,readonly=on]\n"
"                             a virtio-blk disk backed by the raw image IMG\n"
"  --net user[,hostfwd=tcp::HOSTPORT-:GUESTPORT]...\n"
"                             virtio-net with user-mode networking; each\n"
"                             hostfwd forwards a host TCP port to the guest\n"
"  --device KIND[,OPTS]       KIND: rng (virtio-rng), console (virtio-console\n"
"                             on the terminal), keyboard, tablet, mouse\n"
"                             (virtio-input, fed by emu-sdl's window), or\n"
"                             display[,width=W][,height=H] (a framebuffer,\n"
"                             default 1024x768, 320..4096 x 200..4096, that\n"
"                             Linux drives as simple-framebuffer)\n"
"  --display=none|sdl         sdl: show the display in a window (emu-sdl;\n"
"                             %s); none: no window. Either adds a\n"
"                             display device when there is none (none only\n"
"                             with --screenshot)\n"
"  --screenshot=FILE          write the display to FILE (PNG if FILE ends in\n"
"                             .png, else PPM) at exit, on Ctrl-A s and on\n"
"                             SIGUSR1; adds a display device if needed\n"
"  --realtime=on|off          let guest time pass at the host's pace while\n"
"                             the guest idles (default: on with --net or a\n"
"                             window, off otherwise, which keeps runs\n"
"                             deterministic)\n"
"  --no-default-input         emu-sdl: add no keyboard and tablet\n"
"\n"
"options:\n"
"  --isa=STRING               ISA in Spike's spelling, e.g. rv64gc,\n"
"                             rv32imac_zicsr_zifencei, rv64gc_zba_zbb_zbs_zicond.\n"
"                             Default: every extension implemented,\n"
"                             rvXXimafdc_zicsr_zifencei_zicntr_zihpm_zicclsm_\n"
"                             zba_zbb_zbs_zbc_zicond_sstc, XX from the ELF\n"
"                             class (of the program, kernel or firmware).\n"
"                             Instructions of extensions not named are illegal.\n"
"                             Misaligned loads and stores are emulated when\n"
"                             zicclsm is named and trap otherwise.\n"
"  --priv=MODES               privilege modes: msu (default), mu or m\n"
"  -m SIZE, -mSIZE            RAM size in MiB (e.g. -m256, or -m 1G with a\n"
"                             K, M or G suffix), or BASE:SIZE in bytes\n"
"                             (e.g. -m0x80000000:0x10000000)\n"
"  --memory=SIZE              RAM size with an optional K, M or G suffix\n"
"  -p N, -pN, --harts=N       number of harts (default 1)\n"
"  --max-insns=N              stop after N instructions (exit status %d)\n"
"  +signature=FILE            at exit, write the memory between the symbols\n"
"  --signature=FILE           begin_signature and end_signature to FILE\n"
"  --signature-granularity=N  bytes per signature line (default 4)\n"
"  --trace                    print every retired instruction to stderr:\n"
"                             hart, pc, encoding and disassembly\n"
"  --log-commits[=FILE]       Spike's commit log (registers written, memory\n"
"                             accessed) to FILE, default stderr\n"
"  --trace-range=LO-HI        trace only instructions with LO <= pc < HI\n"
"  --trace-window=START:COUNT trace only the retired instructions START to\n"
"                             START+COUNT-1 (counted from 0; START: for no end)\n"
"  --save-snapshot=FILE       at exit (and on Ctrl-A w) save the whole machine\n"
"                             to FILE (docs/snapshots.md)\n"
"  --load-snapshot=FILE       build the machine from the other options, then\n"
"                             restore FILE (saved by a machine built alike)\n"
"                             and run on from there\n"
"  --stats                    print instructions, time, MIPS, exits by reason\n"
"                             and decoded-cache counts to stderr (with TLB and\n"
"                             decoded-cache hit rates when built with\n"
"                             meson -Dstats=true)\n"
"  -s                         shorthand for -gdb tcp::1234\n"
"  -gdb tcp:[HOST]:PORT       serve GDB's remote protocol on PORT (HOST\n"
"                             default localhost); gdb-multiarch attaches\n"
"                             with 'target remote :PORT' and Ctrl-C there\n"
"                             stops the guest. --max-insns does not apply\n"
"  -S                         with -gdb: wait for the debugger before the\n"
"                             first instruction\n"
"  --record=on|off            with -gdb: record history for reverse-stepi\n"
"                             and reverse-continue (default on; slower)\n"
"  -h, --help                 show this help\n"
"  --version                  show the version\n"
"\n"
"exit status: the guest's exit code; %d when the instruction limit is hit,\n"
"%d when every hart waits forever in wfi, %d on Ctrl-C, 1 when the program\n"
"cannot be loaded, 2 for bad options.\n",
            p, fe->has_window ? "the default is virt" : "the default",
            fe->has_window ? "the default" : "use emu-sdl for it",
            EXIT_BUDGET, EXIT_BUDGET, EXIT_IDLE, EXIT_SIGINT);
}

static void bad_usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "%s: ", fe->prog);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry '%s --help' for more information.\n", fe->prog);
    exit(EXIT_USAGE);
}

static bool parse_u64(const char *s, uint64_t *out)
{
    if (!s || !*s || *s == '-')
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || *end)
        return false;
    *out = v;
    return true;
}

/* SIZE with an optional K/M/G suffix (bytes without one). */
static bool parse_size(const char *s, uint64_t *out)
{
    if (!s || !*s || *s == '-')
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || end == s)
        return false;
    unsigned shift = 0;
    if (*end == 'K' || *end == 'k') shift = 10, end++;
    else if (*end == 'M' || *end == 'm') shift = 20, end++;
    else if (*end == 'G' || *end == 'g') shift = 30, end++;
    if (*end || (shift && v > (UINT64_MAX >> shift)))
        return false;
    *out = (uint64_t)v << shift;
    return true;
}

/* Spike's -m: a number of MiB, or BASE:SIZE in bytes. */
static void parse_spike_mem(const char *s, options *o)
{
    const char *colon = strchr(s, ':');
    if (colon) {
        char base[64];
        size_t n = (size_t)(colon - s);
        if (n >= sizeof(base))
            bad_usage("bad memory layout '%s'", s);
        memcpy(base, s, n);
        base[n] = 0;
        if (!parse_u64(base, &o->ram_base) || !parse_u64(colon + 1, &o->ram_size))
            bad_usage("bad memory layout '%s' (expected BASE:SIZE)", s);
        return;
    }
    uint64_t mib;
    if (parse_u64(s, &mib)) {
        if (mib == 0 || mib > (1ull << 24))
            bad_usage("bad memory size '%s' (expected MiB, e.g. -m256)", s);
        o->ram_size = mib << 20;
        return;
    }
    /* QEMU's -m 512M / -m 2G */
    size_t n = strlen(s);
    if (!n || !strchr("KkMmGg", s[n - 1]) || !parse_size(s, &o->ram_size) ||
        o->ram_size == 0)
        bad_usage("bad memory size '%s' (expected MiB, e.g. -m256, or a size "
                  "such as 512M)", s);
}

/*
 * An option that takes a value, in any of its spellings: --name=V,
 * --name V and QEMU's -name V. Returns the value or NULL if argv[*i] is
 * not this option.
 */
static const char *value_opt(int argc, char **argv, int *i, const char *name)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    const char *p = a[0] == '-' && a[1] == '-' ? a + 2 : a[0] == '-' ? a + 1 : NULL;
    if (!p || strncmp(p, name, n) != 0)
        return NULL;
    if (p[n] == '=')
        return p + n + 1;
    if (p[n] != 0)
        return NULL;
    if (++*i == argc)
        bad_usage("option '%s' needs a value", a);
    return argv[*i];
}

/* QEMU's -smp: "4" or "cpus=4[,...]" (other keys are accepted and ignored). */
static unsigned parse_smp(const char *v)
{
    char buf[128];
    snprintf(buf, sizeof(buf), "%s", v);
    char *num = buf;
    for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
        if (strncmp(tok, "cpus=", 5) == 0) {
            num = tok + 5;
            break;
        }
        if (tok == buf && !strchr(tok, '='))
            break;
    }
    uint64_t n;
    if (!parse_u64(num, &n) || n == 0 || n > 64)
        bad_usage("bad hart count '%s' (1 to 64)", v);
    return (unsigned)n;
}

static const char *opt_value(const char *arg, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(arg, name, n) == 0 && arg[n] == '=')
        return arg + n + 1;
    return NULL;
}

/* The value of key in a device option string ("file" in
 * "file=a.img,format=raw"), copied to buf; NULL when absent or empty.
 * ",," inside a value is an escaped comma, not a separator. */
static const char *item_value(const char *opts, const char *key, char *buf,
                              size_t len)
{
    size_t klen = strlen(key);
    const char *p = opts;
    while (*p) {
        const char *end = p;
        while (*end && !(end[0] == ',' && end[1] != ',')) {
            if (end[0] == ',')
                end++; /* ",," */
            end++;
        }
        if ((size_t)(end - p) > klen && strncmp(p, key, klen) == 0 && p[klen] == '=') {
            size_t n = (size_t)(end - p) - klen - 1;
            if (n == 0 || n >= len)
                return NULL;
            memcpy(buf, p + klen + 1, n);
            buf[n] = 0;
            return buf;
        }
        p = *end ? end + 1 : end;
    }
    return NULL;
}

static void add_device(options *o, const char *flag, const char *kind,
                       const char *opts)
{
    if (o->ndevices == FE_MAX_DEVICES)
        bad_usage("too many devices (at most %s)", "32");
    fe_device *d = &o->devices[o->ndevices++];
    d->flag = flag;
    snprintf(d->kind, sizeof(d->kind), "%s", kind);
    d->opts = opts && *opts ? opts : NULL;
}

/* --device KIND[,OPTS] */
static void parse_device(options *o, const char *v)
{
    static const char *const kinds[] = {"rng", "console", "keyboard", "tablet",
                                        "mouse", "display"};
    size_t n = strcspn(v, ",");
    for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
        if (strlen(kinds[i]) == n && strncmp(v, kinds[i], n) == 0) {
            add_device(o, "--device", kinds[i], v[n] ? v + n + 1 : NULL);
            return;
        }
    bad_usage("unknown device '%s' (rng, console, keyboard, tablet, mouse, "
              "display[,width=W,height=H])", v);
}

/* --trace, --log-commits, --trace-range, --trace-window (trace.c) */
static bool trace_option(options *o, int argc, char **argv, int *i)
{
    char err[256];
    int r = fe_trace_option(&o->tracing, argc, argv, i, err, sizeof(err));
    if (r < 0)
        bad_usage("%s", err);
    return r > 0;
}

static void parse_args(int argc, char **argv, options *o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            exit(0);
        } else if (strcmp(a, "--version") == 0) {
            printf("%s (libemu) %s\n", fe->prog, EMU_VERSION_STRING);
            exit(0);
        } else if (strcmp(a, "-M") == 0 || (v = value_opt(argc, argv, &i, "machine"))) {
            if (!v) {
                if (++i == argc)
                    bad_usage("option '%s' needs a value", a);
                v = argv[i];
            }
            if (strcmp(v, "virt") == 0 || strncmp(v, "virt,", 5) == 0)
                o->board = EMU_BOARD_VIRT;
            else if (strcmp(v, "test") == 0 || strcmp(v, "spike") == 0)
                o->board = EMU_BOARD_TEST;
            else
                bad_usage("unknown machine '%s' (virt or test)", v);
        } else if ((v = value_opt(argc, argv, &i, "bios"))) {
            o->bios = v;
        } else if ((v = value_opt(argc, argv, &i, "kernel"))) {
            o->kernel = v;
        } else if ((v = value_opt(argc, argv, &i, "initrd"))) {
            o->initrd = v;
        } else if ((v = value_opt(argc, argv, &i, "append"))) {
            o->append = v;
        } else if ((v = value_opt(argc, argv, &i, "smp"))) {
            o->harts = parse_smp(v);
        } else if ((v = value_opt(argc, argv, &i, "dump-dtb"))) {
            if (!*v)
                bad_usage("option '%s' needs a file name", a);
            o->dump_dtb = v;
        } else if (strcmp(a, "-nographic") == 0 || strcmp(a, "--nographic") == 0) {
            /* the console is always the terminal */
        } else if ((v = opt_value(a, "--isa"))) {
            o->isa = v;
        } else if ((v = opt_value(a, "--priv"))) {
            o->priv = v;
        } else if (strcmp(a, "-m") == 0) {
            if (++i == argc)
                bad_usage("option '%s' needs a value", a);
            parse_spike_mem(argv[i], o);
        } else if (strncmp(a, "-m", 2) == 0 && a[2] != '-' && a[2]) {
            parse_spike_mem(a + 2, o);
        } else if ((v = opt_value(a, "--memory"))) {
            if (!parse_size(v, &o->ram_size))
                bad_usage("bad memory size '%s'", v);
        } else if (strcmp(a, "-p") == 0 || (v = opt_value(a, "--harts")) ||
                   (strncmp(a, "-p", 2) == 0 && a[2] && a[2] != '-')) {
            if (strcmp(a, "-p") == 0) {
                if (++i == argc)
                    bad_usage("option '%s' needs a value", a);
                v = argv[i];
            } else if (!v) {
                v = a + 2;
            }
            uint64_t n;
            if (!parse_u64(v, &n) || n == 0 || n > 64)
                bad_usage("bad hart count '%s' (1 to 64)", v);
            o->harts = (unsigned)n;
        } else if ((v = opt_value(a, "--max-insns"))) {
            if (!parse_u64(v, &o->max_insns) || o->max_insns == 0)
                bad_usage("bad instruction count '%s'", v);
        } else if (strcmp(a, "--max-insns") == 0) {
            if (++i == argc || !parse_u64(argv[i], &o->max_insns) ||
                o->max_insns == 0)
                bad_usage("option '%s' needs a positive count", a);
        } else if ((v = opt_value(a, "+signature")) ||
                   (v = opt_value(a, "--signature"))) {
            if (!*v)
                bad_usage("option '%s' needs a file name", a);
            o->signature = v;
        } else if ((v = opt_value(a, "--signature-granularity")) ||
                   (v = opt_value(a, "+signature-granularity"))) {
            uint64_t g;
            if (!parse_u64(v, &g) || g == 0 || g > 64 || (g & (g - 1)))
                bad_usage("bad signature granularity '%s' (1, 2, 4 ... 64)", v);
            o->sig_gran = (unsigned)g;
        } else if (trace_option(o, argc, argv, &i)) {
            /* taken */
        } else if (strcmp(a, "--stats") == 0) {
            o->stats = true;
        } else if ((v = value_opt(argc, argv, &i, "drive"))) {
            char file[4096];
            if (!item_value(v, "file", file, sizeof(file)))
                bad_usage("--drive %s: name the disk image with file=PATH", v);
            add_device(o, "--drive", "drive", v);
        } else if ((v = value_opt(argc, argv, &i, "net"))) {
            if (strcmp(v, "user") != 0 && strncmp(v, "user,", 5) != 0)
                bad_usage("--net %s: only user-mode networking exists: --net "
                          "user[,hostfwd=tcp::HOSTPORT-:GUESTPORT]", v);
            add_device(o, "--net", "net", v);
        } else if ((v = value_opt(argc, argv, &i, "device"))) {
            parse_device(o, v);
        } else if ((v = value_opt(argc, argv, &i, "display"))) {
            if (strcmp(v, "none") == 0)
                o->display = FE_DISPLAY_NONE;
            else if (strcmp(v, "sdl") == 0 && fe->has_window)
                o->display = FE_DISPLAY_SDL;
            else if (strcmp(v, "sdl") == 0)
                bad_usage("--display %s: the window is emu-sdl's: use emu-sdl "
                          "with the same options", v);
            else
                bad_usage("unknown display '%s' (none or sdl)", v);
        } else if ((v = value_opt(argc, argv, &i, "screenshot"))) {
            if (!*v)
                bad_usage("option '%s' needs a file name", a);
            o->screenshot = v;
        } else if ((v = value_opt(argc, argv, &i, "realtime"))) {
            if (strcmp(v, "on") == 0)
                o->realtime = 1;
            else if (strcmp(v, "off") == 0)
                o->realtime = 0;
            else
                bad_usage("bad --realtime '%s' (on or off)", v);
        } else if (strcmp(a, "-s") == 0 || (v = value_opt(argc, argv, &i, "gdb"))) {
            char host[256];
            unsigned port;
            o->gdb = v ? v : "tcp::1234";
            if (!fe_gdb_parse(o->gdb, host, sizeof(host), &port))
                bad_usage("bad -gdb '%s' (tcp::PORT or tcp:HOST:PORT)", o->gdb);
        } else if (strcmp(a, "-S") == 0) {
            o->gdb_wait = true;
        } else if ((v = value_opt(argc, argv, &i, "record"))) {
            if (strcmp(v, "on") && strcmp(v, "off"))
                bad_usage("bad --record '%s' (on or off)", v);
            o->record = !strcmp(v, "on");
        } else if ((v = value_opt(argc, argv, &i, "save-snapshot")) ||
                   (v = value_opt(argc, argv, &i, "load-snapshot"))) {
            if (!*v)
                bad_usage("option '%s' needs a file name", a);
            if (strstr(a, "save"))
                o->save_snapshot = v;
            else
                o->load_snapshot = v;
        } else if (strcmp(a, "--no-default-input") == 0) {
            o->no_default_input = true;
        } else if (a[0] == '-' || a[0] == '+') {
            bad_usage("unknown option '%s'", a);
        } else if (!o->program) {
            o->program = a;
        } else {
            bad_usage("unexpected argument '%s' (one program only)", a);
        }
    }
    if ((o->gdb_wait || o->record >= 0) && !o->gdb)
        bad_usage("%s", "-S and --record need -gdb (or -s)");
    if (fe_trace_check(&o->tracing))
        bad_usage("%s", fe_trace_check(&o->tracing));
    if (fe->has_window && o->board != EMU_BOARD_VIRT)
        bad_usage("%s runs the virt board only", fe->prog);
    if (o->board == EMU_BOARD_VIRT) {
        if (o->program)
            bad_usage("the virt board boots firmware and kernels: use "
                      "-kernel %s (and -bios none for a bare-metal program)",
                      o->program);
        if (o->signature)
            bad_usage("%s", "--signature needs the test board");
        if (o->bios && strcmp(o->bios, "none") == 0 && !o->kernel)
            bad_usage("%s", "-bios none needs a -kernel");
        return;
    }
    if (o->bios || o->kernel || o->initrd || o->append || o->dump_dtb)
        bad_usage("%s", "-bios, -kernel, -initrd, -append and --dump-dtb need "
                  "the virt board (-M virt)");
    if (o->ndevices || o->screenshot || o->display == FE_DISPLAY_SDL)
        bad_usage("%s", "--drive, --net, --device, --display and --screenshot "
                  "need the virt board (-M virt)");
    if (!o->program)
        bad_usage("%s", "no program given");
}

static void console_out(void *ctx, const char *buf, size_t len)
{
    fe_trace_flush(tracer); /* keep trace lines and guest output in order */
    fwrite(buf, 1, len, stdout);
    fflush(stdout);
}

static void log_out(void *ctx, emu_log_level level, const char *msg)
{
    static const char *const names[] = {"error", "warning", "info", "debug"};
    fe_err("%s: %s\n", names[level], msg);
}

/* The ELF class of the program (or of the kernel or firmware) decides RV32
 * or RV64 when --isa is absent; raw images mean RV64. */
static emu_arch guess_arch(const options *o)
{
    if (o->isa)
        return strncmp(o->isa, "rv32", 4) == 0 || strncmp(o->isa, "RV32", 4) == 0
                   ? EMU_ARCH_RISCV32
                   : EMU_ARCH_RISCV64;
    const char *files[] = {o->program, o->kernel, o->bios};
    for (size_t i = 0; i < 3; i++) {
        unsigned char id[5] = {0};
        FILE *f = files[i] ? fopen(files[i], "rb") : NULL;
        if (!f)
            continue;
        size_t n = fread(id, 1, sizeof(id), f);
        fclose(f);
        if (n == sizeof(id) && memcmp(id, "\177ELF", 4) == 0)
            return id[4] == 1 ? EMU_ARCH_RISCV32 : EMU_ARCH_RISCV64;
    }
    return EMU_ARCH_RISCV64;
}

/* The firmware for the virt board: --bios, or the first one installed. */
static const char *find_firmware(const options *o)
{
    if (o->bios && strcmp(o->bios, "default") != 0)
        return strcmp(o->bios, "none") == 0 ? NULL : o->bios;
    const char *env = getenv("LIBEMU_FIRMWARE");
    if (env && *env)
        return env;
    for (size_t i = 0; i < sizeof(firmware_paths) / sizeof(firmware_paths[0]); i++)
        if (access(firmware_paths[i], R_OK) == 0)
            return firmware_paths[i];
    fe_err("no OpenSBI firmware found (install Debian's opensbi "
            "package, set LIBEMU_FIRMWARE, or give -bios FILE or -bios none)\n");
    exit(EXIT_LOAD);
}

static int dump_dtb(emu_machine *m, const char *path)
{
    const void *dtb;
    size_t size;
    if (emu_get_dtb(m, &dtb, &size) != EMU_OK) {
        fe_err("this board has no device tree\n");
        return 1;
    }
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(dtb, 1, size, f) != size || fclose(f) != 0) {
        fe_err("%s: %s\n", path, strerror(errno));
        return 1;
    }
    return 0;
}

/* Write the display to --screenshot's file; says so when `tell`. */
static void save_screenshot(emu_machine *m, const char *path, bool tell)
{
    if (emu_display_save(m, path) != EMU_OK)
        fe_err("screenshot: %s\r\n", emu_last_error(m));
    else if (tell)
        fe_err("screenshot saved to %s\r\n", path);
}

/* Ctrl-A s: saved from the run loop, between runs */
static void request_screenshot(void *ctx)
{
    (void)ctx;
    shot_requested = 1;
}

/* The console and window (ctx: the machine when it has one) while a
 * debugger is served (gdb.h). */
static bool gdb_pump(void *ctx, int timeout_ms)
{
    emu_machine *m = ctx;
    return console_pump(m ? 0 : timeout_ms) && (!m || fe->poll(m, timeout_ms));
}

/* --load-snapshot: the machine, built and loaded from the same options,
 * continues from the file's state. */
static int load_snapshot(emu_machine *m, const char *path)
{
    emu_snapshot *s;
    char err[512];
    if (emu_snapshot_read(path, &s, err, sizeof(err)) != EMU_OK) {
        fe_err("%s\n", err);
        return EXIT_LOAD;
    }
    emu_status st = emu_snapshot_restore(m, s);
    emu_snapshot_free(s);
    if (st != EMU_OK) {
        fe_err("%s: %s\n", path, emu_last_error(m));
        return EXIT_LOAD;
    }
    return 0;
}

/* --save-snapshot, between runs; says so when `tell` (Ctrl-A w). */
static void save_snapshot(emu_machine *m, const char *path, bool tell)
{
    emu_snapshot *s;
    char err[512];
    if (emu_snapshot_save(m, &s) != EMU_OK) {
        fe_err("snapshot: %s\r\n", emu_last_error(m));
        return;
    }
    if (emu_snapshot_write(s, path, err, sizeof(err)) != EMU_OK)
        fe_err("snapshot: %s\r\n", err);
    else if (tell)
        fe_err("snapshot saved to %s\r\n", path);
    emu_snapshot_free(s);
}

/* Ctrl-A w: saved from the run loop, between runs */
static void request_snapshot(void *ctx)
{
    (void)ctx;
    snap_requested = 1;
}

/* Instructions run so far (retired and trapped: what a budget counts). */
static uint64_t steps_done(emu_machine *m)
{
    emu_stats st;
    emu_get_stats(m, &st);
    return st.instret + st.traps;
}

/*
 * Run the virt board: slices of guest time between which typed bytes go
 * to the UART, the window (if any) is served and screenshots are taken.
 * When every hart sleeps with nothing due, wait for input.
 */
static void run_virt(emu_machine *m, const options *o, bool window,
                     emu_exit *e, bool *quit)
{
    /* short slices with a window, so that it redraws at 60 Hz even while
     * the guest computes */
    const uint64_t slice = window ? 1u << 18 : 1u << 20;
    const uint64_t max_insns = o->max_insns;
    uint64_t start = max_insns ? steps_done(m) : 0;
    *quit = false;
    for (;;) {
        if (!console_pump(0) || (window && !fe->poll(m, 0))) {
            *quit = true;
            return;
        }
        if (shot_requested) {
            shot_requested = 0;
            if (o->screenshot)
                save_screenshot(m, o->screenshot, true);
        }
        if (snap_requested) {
            snap_requested = 0;
            save_snapshot(m, o->save_snapshot, true);
        }
        uint64_t n = slice;
        if (max_insns) {
            uint64_t done = steps_done(m) - start;
            if (done >= max_insns) {
                e->reason = EMU_EXIT_BUDGET;
                return;
            }
            if (max_insns - done < n)
                n = max_insns - done;
        }
        emu_run(m, n, e);
        switch (e->reason) {
        case EMU_EXIT_BUDGET:
        case EMU_EXIT_YIELD: /* realtime: the guest idles; serve inputs */
            continue;
        case EMU_EXIT_STOPPED:
            if (!interrupted)
                continue; /* SIGUSR1 stopped the run for a screenshot */
            return;
        case EMU_EXIT_IDLE:
            /* nothing the guest does can wake it, but typed keys and
             * window events can */
            if (window) {
                /* wait for window events a little (stdin may be at its
                 * end, when console_pump() would not wait) */
                if (!console_pump(0) || !fe->poll(m, 10)) {
                    *quit = true;
                    return;
                }
                continue;
            }
            if (console_has_input()) {
                if (!console_pump(-1)) {
                    *quit = true;
                    return;
                }
                continue;
            }
            return;
        default:
            return;
        }
    }
}

static int write_signature(emu_machine *m, const options *o)
{
    uint64_t begin, end;
    if (emu_symbol_lookup(m, "begin_signature", &begin) != EMU_OK ||
        emu_symbol_lookup(m, "end_signature", &end) != EMU_OK) {
        fe_err("%s: no begin_signature/end_signature symbols; "
                "no signature written\n", o->program);
        return -1;
    }
    if (end < begin || end - begin > (256u << 20)) {
        fe_err("%s: bad signature range 0x%" PRIx64 "-0x%" PRIx64
                "\n", o->program, begin, end);
        return -1;
    }
    size_t len = (size_t)(end - begin);
    unsigned g = o->sig_gran ? o->sig_gran : 4;
    size_t padded = (len + g - 1) / g * g;
    unsigned char *buf = calloc(1, padded ? padded : 1);
    if (!buf || emu_mem_read(m, begin, buf, len) != EMU_OK) {
        fe_err("cannot read the signature: %s\n",
                buf ? emu_last_error(m) : "out of memory");
        free(buf);
        return -1;
    }
    FILE *f = fopen(o->signature, "w");
    if (!f) {
        fe_err("%s: %s\n", o->signature, strerror(errno));
        free(buf);
        return -1;
    }
    /* one line per granule, most significant byte first */
    for (size_t i = 0; i < padded; i += g) {
        for (unsigned j = g; j > 0; j--)
            fprintf(f, "%02x", buf[i + j - 1]);
        fputc('\n', f);
    }
    free(buf);
    if (fclose(f) != 0) {
        fe_err("%s: %s\n", o->signature, strerror(errno));
        return -1;
    }
    return 0;
}

static void on_sigint(int sig)
{
    (void)sig;
    interrupted = 1;
    if (running)
        emu_request_stop(running);
}

static void on_sigusr1(int sig)
{
    (void)sig;
    shot_requested = 1;
    if (running)
        emu_request_stop(running);
}

static double percent(uint64_t part, uint64_t whole)
{
    return whole ? 100.0 * (double)part / (double)whole : 0.0;
}

static void print_stats(emu_machine *m, double secs)
{
    static const char *const reasons[] = {"halt", "budget", "stopped", "idle",
                                          "host-error", "yield", "debug",
                                          "syscall", "exception"};
    emu_stats st;
    emu_get_stats(m, &st);
    fe_err("%" PRIu64 " instructions in %.3f s (%.1f MIPS), "
            "%" PRIu64 " traps (%" PRIu64 " interrupts)\n",
            st.instret, secs, secs > 0 ? (double)st.instret / secs / 1e6 : 0.0,
            st.traps, st.interrupts);
    fe_err("exits:");
    for (unsigned r = 0; r < EMU_STATS_EXIT_REASONS; r++)
        if (st.exits[r])
            fprintf(stderr, " %s %" PRIu64,
                    r < sizeof(reasons) / sizeof(reasons[0]) ? reasons[r] : "?",
                    st.exits[r]);
    fprintf(stderr, "; %" PRIu64 " slices ended by budget %" PRIu64 ", wfi %"
            PRIu64 ", halt %" PRIu64 ", device %" PRIu64 "\n", st.slices,
            st.slice_budget, st.slice_wfi, st.slice_halt, st.slice_device);
    fe_err("decoded cache: %" PRIu64 " pages, %" PRIu64
            " instructions invalidated by writes, %" PRIu64 " flushes\n",
            st.decoded_pages, st.decoded_invalidated, st.decoded_flushes);
    if (!st.detailed) {
        fe_err("(TLB and decoded-cache hit rates: build with "
                "meson -Dstats=true)\n");
        return;
    }
    static const char *const kinds[] = {"fetch", "load", "store"};
    fe_err("TLB hits:");
    for (unsigned a = 0; a < 3; a++)
        fprintf(stderr, " %s %.2f%% of %" PRIu64 "%s", kinds[a],
                percent(st.tlb_hits[a], st.tlb_hits[a] + st.tlb_misses[a]),
                st.tlb_hits[a] + st.tlb_misses[a], a < 2 ? "," : "\n");
    uint64_t ran = st.instret + st.traps;
    uint64_t misses = st.decodes + st.uncached;
    fe_err("decoded-cache hits: %.4f%% of %" PRIu64
            " instructions (%" PRIu64 " decoded, %" PRIu64 " uncached)\n",
            percent(ran > misses ? ran - misses : 0, ran), ran, st.decodes,
            st.uncached);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Realtime by default when the guest talks to the outside world at the
 * host's pace: a network, or a window someone watches. */
static bool want_realtime(const options *o, bool window)
{
    if (o->realtime >= 0)
        return o->realtime;
    for (unsigned i = 0; i < o->ndevices; i++)
        if (!strcmp(o->devices[i].kind, "net"))
            return true;
    return window;
}

static bool has_device(const options *o, const char *kind)
{
    for (unsigned i = 0; i < o->ndevices; i++)
        if (!strcmp(o->devices[i].kind, kind))
            return true;
    return false;
}

/* The devices the command line implies: a display for a window or a
 * screenshot, and a keyboard and tablet for the window. */
static void implied_devices(options *o, bool window)
{
    if ((window || o->screenshot || o->display == FE_DISPLAY_SDL) &&
        !has_device(o, "display"))
        add_device(o, "--display", "display", NULL);
    if (window && !o->no_default_input && !has_device(o, "keyboard") &&
        !has_device(o, "tablet") && !has_device(o, "mouse")) {
        add_device(o, "--display", "keyboard", NULL);
        add_device(o, "--display", "tablet", NULL);
    }
}

static int add_devices(emu_machine *m, const options *o)
{
    for (unsigned i = 0; i < o->ndevices; i++) {
        const fe_device *d = &o->devices[i];
        emu_status st = emu_device_add(m, d->kind, d->opts);
        if (st == EMU_OK)
            continue;
        if (!strcmp(d->flag, "--device"))
            fe_err("--device %s%s%s: %s\n", d->kind, d->opts ? "," : "",
                   d->opts ? d->opts : "", emu_last_error(m));
        else
            fe_err("%s%s%s: %s\n", d->flag, d->opts ? " " : "",
                   d->opts ? d->opts : "", emu_last_error(m));
        return st == EMU_ERR_INVALID ? EXIT_USAGE : EXIT_LOAD;
    }
    return 0;
}

int fe_main(const fe_frontend *frontend, int argc, char **argv)
{
    fe = frontend;
    options o = {0};
    o.realtime = -1;
    o.record = -1;
    if (fe->has_window)
        o.board = EMU_BOARD_VIRT;
    parse_args(argc, argv, &o);
    bool window = fe->has_window && o.display != FE_DISPLAY_NONE &&
                  !o.dump_dtb;
    if (o.board == EMU_BOARD_VIRT)
        implied_devices(&o, window);

    emu_config cfg = emu_config_default(guess_arch(&o));
    cfg.board = o.board;
    cfg.isa = o.isa;
    if (o.priv)
        cfg.priv = o.priv;
    if (o.ram_base)
        cfg.ram_base = o.ram_base;
    if (o.ram_size)
        cfg.ram_size = o.ram_size;
    if (o.harts)
        cfg.harts = o.harts;
    cfg.console = console_out;
    cfg.log = log_out;
    cfg.realtime = want_realtime(&o, window);

    emu_machine *m;
    char err[512];
    if (emu_machine_new(&cfg, &m, err, sizeof(err)) != EMU_OK) {
        fe_err("%s\n", err);
        return EXIT_USAGE;
    }
    int rc = add_devices(m, &o);
    if (rc) {
        emu_machine_free(m);
        return rc;
    }
    emu_status lst;
    if (o.board == EMU_BOARD_VIRT) {
        emu_boot_config boot = {find_firmware(&o), o.kernel, o.initrd, o.append};
        lst = emu_boot(m, &boot);
    } else {
        lst = emu_load_elf(m, o.program, NULL);
    }
    if (lst != EMU_OK) {
        fe_err("%s\n", emu_last_error(m));
        emu_machine_free(m);
        return EXIT_LOAD;
    }
    if (o.dump_dtb) {
        rc = dump_dtb(m, o.dump_dtb);
        emu_machine_free(m);
        return rc;
    }
    if (o.load_snapshot && (rc = load_snapshot(m, o.load_snapshot))) {
        emu_machine_free(m);
        return rc;
    }
    tracer = fe_trace_start(m, &o.tracing, err, sizeof(err));
    if (!tracer && err[0]) {
        fe_err("%s\n", err);
        emu_machine_free(m);
        return EXIT_LOAD;
    }
    if (window && fe->open && !fe->open(m, &o)) {
        fe_trace_end(tracer);
        emu_machine_free(m);
        return EXIT_LOAD;
    }
    window = window && fe->poll;

    running = m;
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_sigint;
    sigaction(SIGINT, &sa, NULL);
    /* traces are buffered: let timeout(1) and kill stop the run cleanly,
     * so that the lines before the stop are written */
    if (tracer)
        sigaction(SIGTERM, &sa, NULL);
    if (o.screenshot) {
        sa.sa_handler = on_sigusr1;
        sigaction(SIGUSR1, &sa, NULL);
    }

    double t0 = now_seconds();
    emu_exit e;
    bool quit = false;
    if (o.gdb) {
        emu_status hst = o.record ? emu_history_enable(m, NULL) : EMU_OK;
        if (hst != EMU_OK && o.record > 0)
            fe_err("--record: %s\n", emu_last_error(m));
        fe_gdb_loop gl = {fe->prog, o.gdb, o.gdb_wait, NULL,
                          window ? m : NULL, &interrupted};
        if (o.board == EMU_BOARD_VIRT) {
            gl.pump = gdb_pump;
            console_open(m, fe->prog, NULL, NULL);
        }
        rc = fe_gdb_run(m, &gl, &e, &quit);
        console_close();
        if (rc) {
            emu_machine_free(m);
            return rc;
        }
    } else if (o.board == EMU_BOARD_VIRT) {
        console_open(m, fe->prog, o.screenshot ? request_screenshot : NULL, NULL);
        console_set_snapshot(o.save_snapshot ? request_snapshot : NULL, NULL);
        run_virt(m, &o, window, &e, &quit);
        console_close();
    } else {
        emu_run(m, o.max_insns, &e);
    }
    double secs = now_seconds() - t0;
    running = NULL;
    fe_trace_end(tracer);
    tracer = NULL;
    if (window && fe->close)
        fe->close();

    int status;
    if (quit)
        e.reason = EMU_EXIT_HALT, e.code = 0;
    switch (e.reason) {
    case EMU_EXIT_HALT:
        status = e.code;
        break;
    case EMU_EXIT_BUDGET:
        fe_err("instruction limit reached at pc 0x%" PRIx64 "\n", e.pc);
        status = EXIT_BUDGET;
        break;
    case EMU_EXIT_IDLE:
        fe_err("every hart waits in wfi and no interrupt can arrive (pc 0x%"
               PRIx64 ")\n", e.pc);
        status = EXIT_IDLE;
        break;
    case EMU_EXIT_STOPPED:
        fe_err("interrupted at pc 0x%" PRIx64 "\n", e.pc);
        status = EXIT_SIGINT;
        break;
    default:
        fe_err("%s\n", emu_last_error(m));
        status = 1;
        break;
    }

    if (o.screenshot)
        save_screenshot(m, o.screenshot, false);
    if (o.save_snapshot)
        save_snapshot(m, o.save_snapshot, false);
    if (o.signature && write_signature(m, &o) != 0 && status == 0)
        status = 1;
    if (o.stats)
        print_stats(m, secs);
    /* freeing the machine flushes and closes its disks */
    emu_machine_free(m);
    return status;
}
