/*
 * User-mode emulation's Linux system-call layer (src/user) on arbitrary
 * system calls. The guest is a two-instruction program (ecall; j .-4) in
 * a chroot directory of its own; the harness puts each call's number and
 * arguments in a7 and a0..a5, runs to the ecall and lets emu_user_handle()
 * perform it, as it would for a real program.
 *
 * The input is a list of calls: a byte picks the call from the table below
 * (or, with its top bit set, a number the layer does not implement), then
 * one or more bytes per argument pick its value according to the argument's
 * kind: a pointer into a 64 KiB buffer the program mapped, or anywhere
 * (wild pointers must give EFAULT), a size, a raw number, a path, or a file
 * descriptor the program itself opened.
 *
 * The host stays out of reach: descriptors are only those the program
 * opened (or numbers no one uses), so the harness's own files are never
 * touched; paths that create, remove or rename come from a fixed set of
 * names inside the chroot, while paths that only look (open read-only,
 * stat, readlink, access) also try to climb out of it; and calls that act
 * on the whole host process (chdir, umask, resource limits, sleeping,
 * fork, exec, wait) are not made. After each input every descriptor the
 * program opened is closed and the chroot is emptied.
 *
 * Checked besides "no crash": every call returns (the program never runs
 * away), and a result is 0..2^63 or a Linux error number (-4095..-1).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "libemu/debug.h"
#include "libemu/user.h"

#define MAX_CALLS 24
#define MAX_FDS 32
#define BUF_SIZE 0x10000

enum { NR_dup = 23, NR_dup3 = 24, NR_fcntl = 25, NR_openat = 56,
       NR_close = 57, NR_pipe2 = 59, NR_mmap = 222 };

/*
 * Argument kinds: F a descriptor of the program's, D a directory
 * descriptor (AT_FDCWD or F), G a new descriptor number for dup3, L a path
 * that only looks, P a path inside the chroot, B a pointer (into the
 * buffer, or wild), N a size, I a 32-bit number, X a 64-bit number, S the
 * process's pid (or 0).
 */
static const struct call {
    unsigned nr;
    const char *args;
} calls[] = {
    {17, "BN"},       /* getcwd */
    {23, "F"},        /* dup */
    {24, "FGI"},      /* dup3 */
    {25, "FIX"},      /* fcntl */
    {29, "FIB"},      /* ioctl */
    {34, "DPI"},      /* mkdirat */
    {35, "DPI"},      /* unlinkat */
    {36, "PDP"},      /* symlinkat */
    {37, "DPDPI"},    /* linkat */
    {38, "DPDP"},     /* renameat */
    {46, "FX"},       /* ftruncate */
    {48, "DLI"},      /* faccessat */
    {52, "FI"},       /* fchmod */
    {53, "DPII"},     /* fchmodat */
    {56, "DLII"},     /* openat (flags made read-only for looking paths) */
    {57, "F"},        /* close */
    {59, "BI"},       /* pipe2 */
    {61, "FBN"},      /* getdents64 */
    {62, "FXI"},      /* lseek */
    {63, "FBN"},      /* read */
    {64, "FBN"},      /* write */
    {65, "FBI"},      /* readv */
    {66, "FBI"},      /* writev */
    {67, "FBNX"},     /* pread64 */
    {68, "FBNX"},     /* pwrite64 */
    {78, "DLBN"},     /* readlinkat */
    {79, "DLBI"},     /* newfstatat */
    {80, "FB"},       /* fstat */
    {82, "F"},        /* fsync */
    {83, "F"},        /* fdatasync */
    {88, "DPBI"},     /* utimensat */
    {96, "B"},        /* set_tid_address */
    {98, "BIIBBI"},   /* futex */
    {99, "BN"},       /* set_robust_list */
    {113, "IB"},      /* clock_gettime */
    {114, "IB"},      /* clock_getres */
    {123, "INB"},     /* sched_getaffinity */
    {124, ""},        /* sched_yield */
    {129, "SI"},      /* kill */
    {132, "BB"},      /* sigaltstack */
    {134, "IBBN"},    /* rt_sigaction */
    {135, "IBBN"},    /* rt_sigprocmask */
    {160, "B"},       /* uname */
    {163, "IB"},      /* getrlimit */
    {165, "IB"},      /* getrusage */
    {167, "IXXXX"},   /* prctl */
    {169, "BB"},      /* gettimeofday */
    {172, ""},        /* getpid */
    {173, ""},        /* getppid */
    {174, ""},        /* getuid */
    {178, ""},        /* gettid */
    {179, "B"},       /* sysinfo */
    {214, "X"},       /* brk */
    {215, "XN"},      /* munmap */
    {216, "XNNIX"},   /* mremap */
    {222, "XNIIFX"},  /* mmap */
    {226, "XNI"},     /* mprotect */
    {227, "XNI"},     /* msync */
    {233, "XNI"},     /* madvise */
    {258, "BNNBI"},   /* riscv_hwprobe */
    {276, "DPDPI"},   /* renameat2 */
    {278, "BNI"},     /* getrandom */
    {291, "DLIIB"},   /* statx */
    {293, "BNIX"},    /* rseq */
    {439, "DLII"},    /* faccessat2 */
};
#define NCALLS (sizeof(calls) / sizeof(calls[0]))

/* Paths inside the chroot, and paths that try to leave it. */
static const char *const inside[] = {"a", "b", "d", "d/x", "a.txt", ".", "",
                                     "d/../a"};
static const char *const looking[] = {"/", "..", "../..", "/etc/hostname",
                                      "/proc/self/exe", "d/../../..",
                                      "/../../etc", "a/../../b"};

static char dir[64], root[96], prog[128];
static bool ready, strace;

/* FUZZ_USER_STRACE=1 prints each call the way emu-user --strace does, to
 * see what an input does. */
static void print_call(void *ctx, const char *line)
{
    (void)ctx;
    fprintf(stderr, "%s\n", line);
}

static int rm_entry(const char *path, const struct stat *st, int flag,
                    struct FTW *ftw)
{
    (void)st, (void)flag;
    if (ftw->level > 0)
        remove(path);
    return 0;
}

static void empty_root(void) { nftw(root, rm_entry, 16, FTW_DEPTH | FTW_PHYS); }

static void remove_all(void)
{
    empty_root();
    rmdir(root);
    unlink(prog);
    rmdir(dir);
}

/* A minimal static riscv64 Linux executable: ecall; j .-4 */
static void write_program(void)
{
    uint8_t elf[0x80] = {0};
    const uint64_t base = 0x10000, entry = base + 0x78;
    memcpy(elf, "\x7f" "ELF\x02\x01\x01", 7);          /* 64-bit LSB, v1 */
    elf[16] = 2;                                      /* ET_EXEC */
    elf[18] = 243;                                    /* EM_RISCV */
    elf[20] = 1;                                      /* EV_CURRENT */
    memcpy(elf + 24, &entry, 8);
    elf[32] = 64;                                     /* e_phoff */
    elf[52] = 64;                                     /* e_ehsize */
    elf[54] = 56;                                     /* e_phentsize */
    elf[56] = 1;                                      /* e_phnum */
    uint8_t *ph = elf + 64;
    ph[0] = 1;                                        /* PT_LOAD */
    ph[4] = 5;                                        /* R X */
    memcpy(ph + 16, &base, 8);                        /* p_vaddr */
    memcpy(ph + 24, &base, 8);                        /* p_paddr */
    uint64_t size = sizeof(elf), align = 0x1000;
    memcpy(ph + 32, &size, 8);                        /* p_filesz */
    memcpy(ph + 40, &size, 8);                        /* p_memsz */
    memcpy(ph + 48, &align, 8);
    const uint32_t code[2] = {0x00000073, 0xffdff06f};
    memcpy(elf + 0x78, code, sizeof(code));
    FILE *f = fopen(prog, "wb");
    if (!f || fwrite(elf, sizeof(elf), 1, f) != 1 || fclose(f) != 0) {
        perror("fuzz_user: program");
        abort();
    }
}

static void setup(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof(dir), "%s/libemu-fuzz-XXXXXX",
             tmp && *tmp && strlen(tmp) < 32 ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror("fuzz_user: mkdtemp");
        abort();
    }
    snprintf(root, sizeof(root), "%s/root", dir);
    snprintf(prog, sizeof(prog), "%s/prog", dir);
    if (mkdir(root, 0700) != 0) {
        perror("fuzz_user: mkdir");
        abort();
    }
    write_program();
    atexit(remove_all);
    strace = getenv("FUZZ_USER_STRACE") != NULL;
    ready = true;
}

typedef struct run {
    emu_machine *m;
    uint64_t buf;          /* the program's 64 KiB buffer */
    int fds[MAX_FDS];      /* descriptors the program opened */
    unsigned nfds;
    unsigned strs;         /* strings placed in the buffer so far */
} run;

static void keep_fd(run *r, int64_t fd)
{
    if (fd >= 0 && r->nfds < MAX_FDS)
        r->fds[r->nfds++] = (int)fd;
}

/* Place a NUL-terminated string at the buffer's end (strings grow down
 * from there, 64 bytes each) and return its guest address. */
static uint64_t put_str(run *r, const char *s)
{
    uint64_t a = r->buf + BUF_SIZE - 64 * (1 + r->strs++ % 64);
    char tmp[64] = {0};
    snprintf(tmp, sizeof(tmp), "%s", s);
    emu_mem_write_virt(r->m, 0, a, tmp, sizeof(tmp), NULL);
    return a;
}

static uint64_t fd_arg(run *r, fz_in *in)
{
    uint8_t k = fz_u8(in);
    if (r->nfds && k < 0xf0)
        return (uint64_t)r->fds[k % r->nfds];
    /* numbers nobody uses: negative, or past any open descriptor */
    return k & 1 ? (uint64_t)-1 : 100000u + k;
}

static uint64_t arg(run *r, fz_in *in, char kind, bool *looked)
{
    switch (kind) {
    case 'F': return fd_arg(r, in);
    case 'D': {
        uint8_t k = fz_u8(in);
        return k & 1 ? fd_arg(r, in) : (uint64_t)(int64_t)AT_FDCWD;
    }
    case 'G': return 900 + fz_u8(in) % 64;
    case 'L': {
        uint8_t k = fz_u8(in);
        if (k & 0x80) {
            *looked = true;
            return put_str(r, looking[k % (sizeof(looking) / sizeof(looking[0]))]);
        }
        return put_str(r, inside[k % (sizeof(inside) / sizeof(inside[0]))]);
    }
    case 'P': return put_str(r, inside[fz_u8(in) % (sizeof(inside) / sizeof(inside[0]))]);
    case 'B': {
        uint8_t k = fz_u8(in);
        if (k < 0xe0)
            return r->buf + fz_u16(in) % BUF_SIZE;
        return fz_u64(in); /* wild */
    }
    case 'N': {
        uint8_t k = fz_u8(in);
        return k < 0xf0 ? (uint64_t)fz_u16(in) : fz_u64(in);
    }
    case 'I': return fz_u32(in);
    case 'S': return fz_u8(in) & 1 ? (uint64_t)getpid() : 0;
    default: return fz_u64(in);
    }
}

#define ECALL_PC 0x10078

/*
 * Make one system call through the program: false when the program has
 * ended, or lost itself in code of its own (a signal handler the input
 * pointed at the buffer). What the program does on the way (faults, calls
 * from such code) is handled as emu-user would.
 */
static bool syscall_once(run *r, uint64_t nr, const uint64_t a[6], int64_t *ret)
{
    emu_machine *m = r->m;
    for (unsigned i = 0; i < 6; i++)
        emu_reg_write_num(m, 0, EMU_REG_X0 + 10 + i, a[i]);
    emu_reg_write_num(m, 0, EMU_REG_X0 + 17, nr);
    for (int tries = 0; tries < 16; tries++) {
        emu_exit ex;
        if (emu_run(m, 1000, &ex) != EMU_OK)
            abort();
        if (ex.reason != EMU_EXIT_SYSCALL && ex.reason != EMU_EXIT_EXCEPTION)
            return false; /* ended (HALT), or running on (BUDGET) */
        bool ours = ex.reason == EMU_EXIT_SYSCALL && ex.pc == ECALL_PC &&
                    tries == 0;
        if (emu_user_handle(m, &ex) != EMU_OK)
            abort();
        if (!ours)
            continue;
        uint64_t v = 0;
        emu_reg_read_num(m, 0, EMU_REG_X0 + 10, &v);
        *ret = (int64_t)v;
        if (*ret < -4095) {
            fprintf(stderr, "fuzz_user: call %llu returned %lld\n",
                    (unsigned long long)nr, (long long)*ret);
            abort();
        }
        return true;
    }
    return false;
}

static void forget_fd(run *r, int64_t fd)
{
    for (unsigned i = 0; i < r->nfds; i++)
        if (r->fds[i] == fd) {
            r->fds[i] = r->fds[--r->nfds];
            return;
        }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ready)
        setup();
    fz_in in = {data, size};
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.ram_size = 32ull << 20;
    emu_user_config ucfg = {.chroot = root, .trace = strace ? print_call : NULL};
    run r = {0};
    char err[256] = "";
    if (emu_user_new(&cfg, &ucfg, &r.m, err, sizeof(err)) != EMU_OK) {
        fprintf(stderr, "fuzz_user: %s\n", err);
        abort();
    }
    char *argv[] = {"prog", NULL}, *envp[] = {NULL};
    if (emu_user_load(r.m, prog, 1, argv, envp) != EMU_OK) {
        fprintf(stderr, "fuzz_user: %s\n", emu_last_error(r.m));
        abort();
    }
    /* the buffer: mmap(NULL, 64 KiB, RW, MAP_PRIVATE | MAP_ANONYMOUS) */
    int64_t ret;
    const uint64_t mm[6] = {0, BUF_SIZE, 3, 0x22, (uint64_t)-1, 0};
    if (!syscall_once(&r, NR_mmap, mm, &ret) || ret < 0)
        abort();
    r.buf = (uint64_t)ret;

    for (unsigned c = 0; c < MAX_CALLS && in.n; c++) {
        uint8_t pick = fz_u8(&in);
        uint64_t nr, a[6] = {0};
        bool looked = false;
        if (pick & 0x80) {
            /* numbers the layer does not implement */
            nr = 500 + fz_u16(&in) % 3000;
            for (unsigned i = 0; i < 6; i++)
                a[i] = fz_u64(&in);
        } else {
            const struct call *k = &calls[pick % NCALLS];
            nr = k->nr;
            for (unsigned i = 0; k->args[i]; i++)
                a[i] = arg(&r, &in, k->args[i], &looked);
            /* a path that tries to leave the chroot is only looked at */
            if (nr == NR_openat && looked)
                a[2] &= ~(uint64_t)(O_WRONLY | O_RDWR | O_CREAT | O_TRUNC |
                                    O_APPEND | O_TMPFILE);
        }
        if (!syscall_once(&r, nr, a, &ret))
            break;
        /* the descriptors it opened (fcntl: F_DUPFD, F_DUPFD_CLOEXEC) and
         * closed, so that only its own are ever handed to it or closed */
        if (ret >= 0 && (nr == NR_openat || nr == NR_dup || nr == NR_dup3 ||
                         (nr == NR_fcntl && (a[1] == 0 || a[1] == 1030))))
            keep_fd(&r, ret);
        if (ret == 0 && nr == NR_close)
            forget_fd(&r, (int64_t)a[0]);
        if (ret == 0 && nr == NR_pipe2 && a[0] >= r.buf &&
            a[0] + 8 <= r.buf + BUF_SIZE) {
            int32_t p[2];
            if (emu_mem_read_virt(r.m, 0, a[0], p, sizeof(p), NULL) == EMU_OK) {
                keep_fd(&r, p[0]);
                keep_fd(&r, p[1]);
            }
        }
    }
    emu_machine_free(r.m);
    for (unsigned i = 0; i < r.nfds; i++)
        if (r.fds[i] > 2)
            close(r.fds[i]);
    empty_root();
    return 0;
}
