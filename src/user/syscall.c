/*
 * Linux system calls for the program, numbered as the generic table
 * riscv64 uses (asm-generic/unistd.h). Every pointer the program passes is
 * checked through its page tables (EFAULT, never a host fault), and every
 * structure is written field by field in the riscv64 layout, whatever the
 * host's own layout.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "user/user.h"

/* the most one read or write moves through a host buffer at a time */
#define IO_CHUNK (16u << 20)
#define MAX_IOV 1024

enum {
    NR_getcwd = 17, NR_dup = 23, NR_dup3 = 24, NR_fcntl = 25, NR_ioctl = 29,
    NR_mkdirat = 34, NR_unlinkat = 35, NR_symlinkat = 36, NR_linkat = 37,
    NR_renameat = 38, NR_ftruncate = 46, NR_faccessat = 48, NR_chdir = 49,
    NR_fchdir = 50, NR_fchmod = 52, NR_fchmodat = 53, NR_openat = 56,
    NR_close = 57, NR_pipe2 = 59, NR_getdents64 = 61, NR_lseek = 62,
    NR_read = 63, NR_write = 64, NR_readv = 65, NR_writev = 66,
    NR_pread64 = 67, NR_pwrite64 = 68, NR_ppoll = 73, NR_readlinkat = 78,
    NR_newfstatat = 79, NR_fstat = 80, NR_fsync = 82, NR_fdatasync = 83,
    NR_utimensat = 88, NR_exit = 93, NR_exit_group = 94,
    NR_set_tid_address = 96, NR_futex = 98, NR_set_robust_list = 99,
    NR_nanosleep = 101, NR_clock_gettime = 113, NR_clock_getres = 114,
    NR_clock_nanosleep = 115, NR_sched_getaffinity = 123,
    NR_sched_yield = 124, NR_kill = 129, NR_tkill = 130, NR_tgkill = 131,
    NR_sigaltstack = 132, NR_rt_sigaction = 134, NR_rt_sigprocmask = 135,
    NR_rt_sigreturn = 139, NR_uname = 160, NR_getrlimit = 163,
    NR_setrlimit = 164, NR_getrusage = 165, NR_umask = 166, NR_prctl = 167,
    NR_gettimeofday = 169, NR_getpid = 172, NR_getppid = 173,
    NR_getuid = 174, NR_geteuid = 175, NR_getgid = 176, NR_getegid = 177,
    NR_gettid = 178, NR_sysinfo = 179, NR_brk = 214, NR_munmap = 215,
    NR_mremap = 216, NR_clone = 220, NR_execve = 221, NR_mmap = 222, NR_mprotect = 226, NR_msync = 227,
    NR_madvise = 233, NR_riscv_hwprobe = 258, NR_wait4 = 260,
    NR_prlimit64 = 261,
    NR_renameat2 = 276, NR_getrandom = 278, NR_statx = 291, NR_rseq = 293,
    NR_faccessat2 = 439,
};

static const char *const names[] = {
    [NR_getcwd] = "getcwd", [NR_dup] = "dup", [NR_dup3] = "dup3",
    [NR_fcntl] = "fcntl", [NR_ioctl] = "ioctl", [NR_mkdirat] = "mkdirat",
    [NR_unlinkat] = "unlinkat", [NR_symlinkat] = "symlinkat",
    [NR_linkat] = "linkat", [NR_renameat] = "renameat",
    [NR_ftruncate] = "ftruncate", [NR_faccessat] = "faccessat",
    [NR_chdir] = "chdir", [NR_fchdir] = "fchdir", [NR_fchmod] = "fchmod",
    [NR_fchmodat] = "fchmodat", [NR_openat] = "openat", [NR_close] = "close",
    [NR_pipe2] = "pipe2", [NR_getdents64] = "getdents64",
    [NR_lseek] = "lseek", [NR_read] = "read", [NR_write] = "write",
    [NR_readv] = "readv", [NR_writev] = "writev", [NR_pread64] = "pread64",
    [NR_pwrite64] = "pwrite64", [NR_ppoll] = "ppoll",
    [NR_getrusage] = "getrusage", [NR_readlinkat] = "readlinkat",
    [NR_newfstatat] = "newfstatat", [NR_fstat] = "fstat",
    [NR_fsync] = "fsync", [NR_fdatasync] = "fdatasync",
    [NR_utimensat] = "utimensat", [NR_exit] = "exit",
    [NR_exit_group] = "exit_group",
    [NR_set_tid_address] = "set_tid_address", [NR_futex] = "futex",
    [NR_set_robust_list] = "set_robust_list", [NR_nanosleep] = "nanosleep",
    [NR_clock_gettime] = "clock_gettime", [NR_clock_getres] = "clock_getres",
    [NR_clock_nanosleep] = "clock_nanosleep",
    [NR_sched_getaffinity] = "sched_getaffinity",
    [NR_sched_yield] = "sched_yield", [NR_kill] = "kill",
    [NR_tkill] = "tkill", [NR_tgkill] = "tgkill",
    [NR_sigaltstack] = "sigaltstack", [NR_rt_sigaction] = "rt_sigaction",
    [NR_rt_sigprocmask] = "rt_sigprocmask",
    [NR_rt_sigreturn] = "rt_sigreturn", [NR_uname] = "uname",
    [NR_getrlimit] = "getrlimit", [NR_setrlimit] = "setrlimit",
    [NR_umask] = "umask", [NR_prctl] = "prctl",
    [NR_gettimeofday] = "gettimeofday", [NR_getpid] = "getpid",
    [NR_getppid] = "getppid", [NR_getuid] = "getuid",
    [NR_geteuid] = "geteuid", [NR_getgid] = "getgid",
    [NR_getegid] = "getegid", [NR_gettid] = "gettid",
    [NR_sysinfo] = "sysinfo", [NR_brk] = "brk", [NR_munmap] = "munmap",
    [NR_mremap] = "mremap", [NR_mmap] = "mmap", [NR_clone] = "clone",
    [NR_execve] = "execve", [NR_wait4] = "wait4", [NR_mprotect] = "mprotect",
    [NR_msync] = "msync", [NR_madvise] = "madvise",
    [NR_riscv_hwprobe] = "riscv_hwprobe", [NR_prlimit64] = "prlimit64",
    [NR_renameat2] = "renameat2", [NR_getrandom] = "getrandom",
    [NR_statx] = "statx", [NR_rseq] = "rseq", [NR_faccessat2] = "faccessat2",
};

static const char *sys_name(const user_proc *p, uint64_t nr)
{
    /* 244..259 are each ISA's own calls */
    if (nr >= 244 && nr < 260 && p->arch != &user_arch_riscv64)
        return NULL;
    return nr < sizeof(names) / sizeof(names[0]) && names[nr] ? names[nr]
                                                              : NULL;
}

/* Little-endian field writers for the riscv64 structure layouts. */
static void put16(uint8_t *b, size_t off, uint64_t v)
{
    uint16_t t = (uint16_t)v;
    memcpy(b + off, &t, 2);
}
static void put32(uint8_t *b, size_t off, uint64_t v)
{
    uint32_t t = (uint32_t)v;
    memcpy(b + off, &t, 4);
}
static void put64(uint8_t *b, size_t off, uint64_t v) { memcpy(b + off, &v, 8); }
static uint64_t get64(const uint8_t *b, size_t off)
{
    uint64_t v;
    memcpy(&v, b + off, 8);
    return v;
}

static int64_t host_ret(long r) { return r < 0 ? -(int64_t)errno : r; }

/* The generic open flags (asm-generic/fcntl.h) and the host's. */
static const struct {
    uint32_t guest;
    int host;
} oflags[] = {
    {01, O_WRONLY},          {02, O_RDWR},        {0100, O_CREAT},
    {0200, O_EXCL},          {0400, O_NOCTTY},    {01000, O_TRUNC},
    {02000, O_APPEND},       {04000, O_NONBLOCK}, {010000, O_DSYNC},
    {040000, O_DIRECT},      {0200000, O_DIRECTORY},
    {0400000, O_NOFOLLOW},   {01000000, O_NOATIME},
    {02000000, O_CLOEXEC},   {04010000, O_SYNC},  {010000000, O_PATH},
    {020200000, O_TMPFILE},
};

/* The program's open flags in the generic numbering, and back. */
static uint64_t oflags_generic(const user_proc *p, uint64_t g)
{
    if (!p->arch->oflags)
        return g;
    uint64_t r = g;
    for (const uint32_t(*m)[2] = p->arch->oflags; (*m)[0]; m++)
        r &= ~(uint64_t)(*m)[0];
    for (const uint32_t(*m)[2] = p->arch->oflags; (*m)[0]; m++)
        if (g & (*m)[0])
            r |= (*m)[1];
    return r;
}

static uint64_t oflags_isa(const user_proc *p, uint64_t g)
{
    if (!p->arch->oflags)
        return g;
    uint64_t r = g;
    for (const uint32_t(*m)[2] = p->arch->oflags; (*m)[0]; m++)
        r &= ~(uint64_t)(*m)[1];
    for (const uint32_t(*m)[2] = p->arch->oflags; (*m)[0]; m++)
        if (g & (*m)[1])
            r |= (*m)[0];
    return r;
}

static int open_flags_to_host(const user_proc *p, uint64_t g)
{
    g = oflags_generic(p, g);
    int h = 0;
    for (size_t i = 0; i < sizeof(oflags) / sizeof(oflags[0]); i++)
        if ((g & oflags[i].guest) == oflags[i].guest)
            h |= oflags[i].host;
    return h;
}

static uint64_t open_flags_to_guest(const user_proc *p, int h)
{
    uint64_t g = 0;
    for (size_t i = 0; i < sizeof(oflags) / sizeof(oflags[0]); i++)
        if ((h & oflags[i].host) == oflags[i].host)
            g |= oflags[i].guest;
    return oflags_isa(p, g);
}

/* dirfd: AT_FDCWD is -100 on every Linux; the argument is an int. */
static int dirfd_arg(uint64_t a) { return (int)(int32_t)a; }

/* Can the program's buffer take len bytes (every page writable)? */
static bool writable(user_proc *p, uint64_t va, uint64_t len)
{
    if (!len)
        return true;
    if (va + len < va)
        return false;
    for (uint64_t a = va & ~(USER_PAGE - 1); a < va + len; a += USER_PAGE)
        if (!user_page_ptr(p, a, UP_WRITE, false))
            return false;
    return true;
}

static int64_t sys_read(user_proc *p, int fd, uint64_t buf, uint64_t len,
                        bool pos, int64_t off)
{
    if (len > IO_CHUNK)
        len = IO_CHUNK; /* a short read, which Linux allows */
    if (!writable(p, buf, len))
        return -EFAULT;
    void *h = malloc(len ? len : 1);
    if (!h)
        return -ENOMEM;
    ssize_t n = pos ? pread(fd, h, len, off) : read(fd, h, len);
    int64_t r = host_ret(n);
    if (n > 0 && !user_copy_out(p, buf, h, (size_t)n, UP_WRITE))
        r = -EFAULT;
    free(h);
    return r;
}

/*
 * A host write on behalf of the guest. Writing to a pipe or socket whose
 * reading end is closed makes the host kernel send SIGPIPE to the writing
 * thread, and its default action would end the whole host process (an
 * embedding tool or fuzzer with it). So the write runs with SIGPIPE
 * blocked on this thread, and a SIGPIPE it caused is taken back before the
 * mask is restored: the guest gets EPIPE, and its own SIGPIPE from
 * user_syscall(), whatever the host's disposition is. A SIGPIPE that was
 * already pending is left alone.
 */
static int64_t write_quiet(int fd, const void *h, size_t len, bool pos,
                           int64_t off)
{
    sigset_t pipe_only, old, pending;
    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_only, &old);
    bool was_pending = sigpending(&pending) == 0 &&
                       sigismember(&pending, SIGPIPE) == 1;
    int64_t r = host_ret(pos ? pwrite(fd, h, len, off) : write(fd, h, len));
    if (r == -EPIPE && !was_pending) {
        const struct timespec now = {0, 0};
        while (sigtimedwait(&pipe_only, NULL, &now) < 0 && errno == EINTR)
            ;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return r;
}

static int64_t sys_write(user_proc *p, int fd, uint64_t buf, uint64_t len,
                         bool pos, int64_t off)
{
    if (len > IO_CHUNK)
        len = IO_CHUNK;
    void *h = malloc(len ? len : 1);
    if (!h)
        return -ENOMEM;
    int64_t r;
    if (!user_copy_in(p, h, buf, len))
        r = -EFAULT;
    else
        r = write_quiet(fd, h, len, pos, off);
    free(h);
    return r;
}

/* readv/writev through one host buffer (one host call keeps a write's
 * atomicity for pipes). */
static int64_t sys_rwv(user_proc *p, int fd, uint64_t iov, uint64_t cnt,
                       bool wr)
{
    if (cnt > MAX_IOV)
        return -EINVAL;
    uint8_t raw[MAX_IOV * 16];
    if (!user_copy_in(p, raw, iov, cnt * 16))
        return -EFAULT;
    uint64_t total = 0;
    for (uint64_t i = 0; i < cnt; i++) {
        uint64_t l = get64(raw, i * 16 + 8);
        if ((int64_t)l < 0 || total + l > IO_CHUNK)
            return -EINVAL;
        total += l;
    }
    uint8_t *h = malloc(total ? total : 1);
    if (!h)
        return -ENOMEM;
    int64_t r = 0;
    uint64_t at = 0;
    for (uint64_t i = 0; i < cnt; i++) {
        uint64_t b = get64(raw, i * 16), l = get64(raw, i * 16 + 8);
        if (wr ? !user_copy_in(p, h + at, b, l) : !writable(p, b, l)) {
            r = -EFAULT;
            break;
        }
        at += l;
    }
    if (!r) {
        int64_t n = wr ? write_quiet(fd, h, total, false, 0)
                       : host_ret(read(fd, h, total));
        r = n;
        for (uint64_t i = 0, done = 0; !wr && n > 0 && i < cnt; i++) {
            uint64_t b = get64(raw, i * 16), l = get64(raw, i * 16 + 8);
            if (l > (uint64_t)n - done)
                l = (uint64_t)n - done;
            user_copy_out(p, b, h + done, l, UP_WRITE);
            done += l;
        }
    }
    free(h);
    return r;
}

/* struct stat of riscv64 (asm-generic/stat.h), 128 bytes. */
static int64_t put_stat(user_proc *p, uint64_t va, const struct stat *st)
{
    uint8_t b[128] = {0};
    put64(b, 0, st->st_dev);
    put64(b, 8, st->st_ino);
    put32(b, 16, st->st_mode);
    put32(b, 20, st->st_nlink);
    put32(b, 24, st->st_uid);
    put32(b, 28, st->st_gid);
    put64(b, 32, st->st_rdev);
    put64(b, 48, (uint64_t)st->st_size);
    put32(b, 56, (uint64_t)st->st_blksize);
    put64(b, 64, (uint64_t)st->st_blocks);
    put64(b, 72, (uint64_t)st->st_atim.tv_sec);
    put64(b, 80, (uint64_t)st->st_atim.tv_nsec);
    put64(b, 88, (uint64_t)st->st_mtim.tv_sec);
    put64(b, 96, (uint64_t)st->st_mtim.tv_nsec);
    put64(b, 104, (uint64_t)st->st_ctim.tv_sec);
    put64(b, 112, (uint64_t)st->st_ctim.tv_nsec);
    return user_copy_out(p, va, b, sizeof(b), UP_WRITE) ? 0 : -EFAULT;
}

static void put_statx_ts(uint8_t *b, size_t off,
                         const struct statx_timestamp *t)
{
    put64(b, off, (uint64_t)t->tv_sec);
    put32(b, off + 8, t->tv_nsec);
}

/* struct statx (linux/stat.h), 256 bytes. */
static int64_t put_statx(user_proc *p, uint64_t va, const struct statx *s)
{
    uint8_t b[256] = {0};
    put32(b, 0, s->stx_mask);
    put32(b, 4, s->stx_blksize);
    put64(b, 8, s->stx_attributes);
    put32(b, 16, s->stx_nlink);
    put32(b, 20, s->stx_uid);
    put32(b, 24, s->stx_gid);
    put16(b, 28, s->stx_mode);
    put64(b, 32, s->stx_ino);
    put64(b, 40, s->stx_size);
    put64(b, 48, s->stx_blocks);
    put64(b, 56, s->stx_attributes_mask);
    put_statx_ts(b, 64, &s->stx_atime);
    put_statx_ts(b, 80, &s->stx_btime);
    put_statx_ts(b, 96, &s->stx_ctime);
    put_statx_ts(b, 112, &s->stx_mtime);
    put32(b, 128, s->stx_rdev_major);
    put32(b, 132, s->stx_rdev_minor);
    put32(b, 136, s->stx_dev_major);
    put32(b, 140, s->stx_dev_minor);
    return user_copy_out(p, va, b, sizeof(b), UP_WRITE) ? 0 : -EFAULT;
}

/* struct timespec of riscv64: two 64-bit fields. */
static int get_ts(user_proc *p, uint64_t va, struct timespec *ts)
{
    uint8_t b[16];
    if (!user_copy_in(p, b, va, 16))
        return -EFAULT;
    ts->tv_sec = (time_t)get64(b, 0);
    ts->tv_nsec = (long)get64(b, 8);
    if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000)
        return -EINVAL;
    return 0;
}

static int64_t put_ts(user_proc *p, uint64_t va, const struct timespec *ts)
{
    uint8_t b[16];
    put64(b, 0, (uint64_t)ts->tv_sec);
    put64(b, 8, (uint64_t)ts->tv_nsec);
    return user_copy_out(p, va, b, 16, UP_WRITE) ? 0 : -EFAULT;
}

static int64_t sys_getdents64(user_proc *p, int fd, uint64_t va, uint64_t len)
{
    if (len > 1u << 20)
        len = 1u << 20;
    uint8_t *h = malloc(len ? len : 1), *g = malloc(len ? len : 1);
    if (!h || !g) {
        free(h);
        free(g);
        return -ENOMEM;
    }
    long n = syscall(SYS_getdents64, fd, h, len);
    int64_t r = host_ret(n);
    if (n > 0) {
        /* linux_dirent64: ino, off, reclen, type, name; re-emitted record
         * by record */
        size_t at = 0;
        while (at + 19 < (size_t)n) {
            uint16_t reclen;
            memcpy(&reclen, h + at + 16, 2);
            if (reclen < 20 || at + reclen > (size_t)n)
                break;
            put64(g, at, get64(h, at));
            put64(g, at + 8, get64(h, at + 8));
            put16(g, at + 16, reclen);
            g[at + 18] = h[at + 18];
            memcpy(g + at + 19, h + at + 19, reclen - 19u);
            at += reclen;
        }
        if (!user_copy_out(p, va, g, (size_t)n, UP_WRITE))
            r = -EFAULT;
    }
    free(h);
    free(g);
    return r;
}

static int64_t sys_ioctl(user_proc *p, int fd, uint64_t req, uint64_t arg)
{
    switch (req) {
    case 0x5401: { /* TCGETS: struct termios of the generic ABI, 36 bytes */
        struct termios t;
        if (tcgetattr(fd, &t) != 0)
            return -errno;
        uint8_t b[36] = {0};
        put32(b, 0, t.c_iflag);
        put32(b, 4, t.c_oflag);
        put32(b, 8, t.c_cflag);
        put32(b, 12, t.c_lflag);
        b[16] = t.c_line;
        for (int i = 0; i < 19 && i < NCCS; i++)
            b[17 + i] = t.c_cc[i];
        return user_copy_out(p, arg, b, sizeof(b), UP_WRITE) ? 0 : -EFAULT;
    }
    case 0x5402: case 0x5403: case 0x5404: { /* TCSETS, TCSETSW, TCSETSF */
        uint8_t b[36];
        struct termios t;
        if (!user_copy_in(p, b, arg, sizeof(b)))
            return -EFAULT;
        if (tcgetattr(fd, &t) != 0)
            return -errno;
        uint32_t v;
        memcpy(&v, b, 4), t.c_iflag = v;
        memcpy(&v, b + 4, 4), t.c_oflag = v;
        memcpy(&v, b + 8, 4), t.c_cflag = v;
        memcpy(&v, b + 12, 4), t.c_lflag = v;
        t.c_line = b[16];
        for (int i = 0; i < 19 && i < NCCS; i++)
            t.c_cc[i] = b[17 + i];
        int how = req == 0x5402 ? TCSANOW : req == 0x5403 ? TCSADRAIN
                                                          : TCSAFLUSH;
        return host_ret(tcsetattr(fd, how, &t));
    }
    case 0x5413: { /* TIOCGWINSZ */
        struct winsize w;
        if (ioctl(fd, TIOCGWINSZ, &w) != 0)
            return -errno;
        uint8_t b[8];
        put16(b, 0, w.ws_row);
        put16(b, 2, w.ws_col);
        put16(b, 4, w.ws_xpixel);
        put16(b, 6, w.ws_ypixel);
        return user_copy_out(p, arg, b, sizeof(b), UP_WRITE) ? 0 : -EFAULT;
    }
    default:
        return -ENOTTY;
    }
}

/* ppoll: struct pollfd is { int fd; short events, revents; } with the
 * generic event bits; the signal mask argument is not applied (signals
 * reach the program only between system calls). */
static int64_t sys_ppoll(user_proc *p, uint64_t fds, uint64_t n, uint64_t tsp)
{
    if (n > 4096)
        return -EINVAL;
    struct pollfd *h = calloc(n ? n : 1, sizeof(*h));
    uint8_t *g = malloc(n ? n * 8 : 1);
    int64_t r;
    struct timespec ts;
    if (!h || !g) {
        r = -ENOMEM;
        goto out;
    }
    if (!user_copy_in(p, g, fds, n * 8)) {
        r = -EFAULT;
        goto out;
    }
    if (tsp && (r = get_ts(p, tsp, &ts)))
        goto out;
    for (uint64_t i = 0; i < n; i++) {
        int32_t fd;
        int16_t ev;
        memcpy(&fd, g + i * 8, 4);
        memcpy(&ev, g + i * 8 + 4, 2);
        h[i].fd = fd;
        h[i].events = ev;
    }
    r = host_ret(ppoll(h, n, tsp ? &ts : NULL, NULL));
    for (uint64_t i = 0; r >= 0 && i < n; i++)
        put16(g, i * 8 + 6, (uint16_t)h[i].revents);
    if (r >= 0 && !user_copy_out(p, fds, g, n * 8, UP_WRITE))
        r = -EFAULT;
out:
    free(h);
    free(g);
    return r;
}

/* struct rusage: two timevals, then fourteen longs. */
int64_t user_put_rusage(user_proc *p, uint64_t va, const struct rusage *r)
{
    const struct rusage ru = *r;
    uint8_t b[144] = {0};
    put64(b, 0, (uint64_t)ru.ru_utime.tv_sec);
    put64(b, 8, (uint64_t)ru.ru_utime.tv_usec);
    put64(b, 16, (uint64_t)ru.ru_stime.tv_sec);
    put64(b, 24, (uint64_t)ru.ru_stime.tv_usec);
    const long v[14] = {ru.ru_maxrss, ru.ru_ixrss, ru.ru_idrss, ru.ru_isrss,
                        ru.ru_minflt, ru.ru_majflt, ru.ru_nswap,
                        ru.ru_inblock, ru.ru_oublock, ru.ru_msgsnd,
                        ru.ru_msgrcv, ru.ru_nsignals, ru.ru_nvcsw,
                        ru.ru_nivcsw};
    for (int i = 0; i < 14; i++)
        put64(b, 32 + 8 * (size_t)i, (uint64_t)v[i]);
    return user_copy_out(p, va, b, sizeof(b), UP_WRITE) ? 0 : -EFAULT;
}

static int64_t sys_getrusage(user_proc *p, int who, uint64_t va)
{
    struct rusage ru;
    if (getrusage(who == -1 ? RUSAGE_CHILDREN : RUSAGE_SELF, &ru) != 0)
        return -errno;
    return user_put_rusage(p, va, &ru);
}

static int64_t sys_mmap(user_proc *p, uint64_t addr, uint64_t len, int prot,
                        uint64_t flags, int fd, uint64_t off)
{
    enum { MAP_FIXED_ = 0x10, MAP_ANON_ = 0x20, MAP_NOREPLACE_ = 0x100000 };
    if (!len || (off & (USER_PAGE - 1)) || (prot & ~7))
        return -EINVAL;
    if (len > USER_TASK_SIZE)
        return -ENOMEM;
    len = (len + USER_PAGE - 1) & ~(USER_PAGE - 1);
    uint64_t at;
    if (flags & (MAP_FIXED_ | MAP_NOREPLACE_)) {
        if ((addr & (USER_PAGE - 1)) || addr >= USER_TASK_SIZE ||
            len > USER_TASK_SIZE - addr)
            return -EINVAL;
        if ((flags & MAP_NOREPLACE_) && user_find_free(p, addr, len) != addr)
            return -EEXIST;
        at = addr;
    } else {
        at = user_find_free(p, addr & ~(USER_PAGE - 1), len);
        if (!at)
            return -ENOMEM;
    }
    struct stat st;
    if (!(flags & MAP_ANON_) && fstat(fd, &st) != 0)
        return -EBADF;
    if (!user_map_fixed(p, at, len, prot))
        return -ENOMEM;
    if (flags & MAP_ANON_)
        return (int64_t)at;
    /* a file mapping is a copy of the file's bytes: the program's memory
     * is not the host's, so MAP_SHARED writes do not reach the file */
    uint8_t *buf = malloc(1 << 16);
    if (!buf)
        return -ENOMEM;
    for (uint64_t done = 0; done < len;) {
        size_t want = len - done < (1 << 16) ? len - done : (1 << 16);
        ssize_t n = pread(fd, buf, want, (off_t)(off + done));
        if (n < 0) {
            free(buf);
            user_unmap(p, at, len);
            return -errno;
        }
        if (n == 0)
            break;
        if (!user_copy_out(p, at + done, buf, (size_t)n, 0)) {
            free(buf);
            user_unmap(p, at, len);
            return -ENOMEM;
        }
        done += (uint64_t)n;
    }
    free(buf);
    return (int64_t)at;
}

static int64_t sys_mremap(user_proc *p, uint64_t old, uint64_t olen,
                          uint64_t nlen, uint64_t flags)
{
    olen = (olen + USER_PAGE - 1) & ~(USER_PAGE - 1);
    nlen = (nlen + USER_PAGE - 1) & ~(USER_PAGE - 1);
    if ((old & (USER_PAGE - 1)) || !nlen || (flags & ~1ull))
        return -EINVAL; /* MREMAP_FIXED and DONTUNMAP are not supported */
    const user_vma *v = user_find_vma(p, old);
    if (!v || olen > v->end - old)
        return -EFAULT;
    int prot = v->prot;
    if (nlen <= olen) {
        user_unmap(p, old + nlen, olen - nlen);
        return (int64_t)old;
    }
    if (user_find_free(p, old + olen, nlen - olen) == old + olen) {
        user_map_fixed(p, old + olen, nlen - olen, prot);
        return (int64_t)old;
    }
    if (!(flags & 1)) /* MREMAP_MAYMOVE */
        return -ENOMEM;
    uint64_t at = user_find_free(p, 0, nlen);
    if (!at || !user_map_fixed(p, at, nlen, prot))
        return -ENOMEM;
    if (!user_move(p, old, at, olen)) {
        user_unmap(p, at, nlen);
        return -ENOMEM;
    }
    user_unmap(p, old, olen);
    return (int64_t)at;
}

static int64_t sys_brk(user_proc *p, uint64_t want)
{
    uint64_t top = (want + USER_PAGE - 1) & ~(USER_PAGE - 1);
    uint64_t cur = (p->brk + USER_PAGE - 1) & ~(USER_PAGE - 1);
    if (want < p->brk_start || want >= USER_MMAP_TOP)
        return (int64_t)p->brk;
    if (top > cur) {
        if (user_find_free(p, cur, top - cur) != cur ||
            !user_map_fixed(p, cur, top - cur, UP_READ | UP_WRITE))
            return (int64_t)p->brk;
    } else if (top < cur) {
        user_unmap(p, top, cur - top);
    }
    p->brk = want;
    return (int64_t)want;
}

static int64_t sys_prlimit(user_proc *p, uint64_t pid, uint64_t res,
                           uint64_t nw, uint64_t old)
{
    if (pid && pid != (uint64_t)getpid())
        return -EPERM;
    if (res >= 16)
        return -EINVAL;
    if (old) {
        struct rlimit rl;
        if (getrlimit((int)res, &rl) != 0)
            return -errno;
        if (res == RLIMIT_STACK)
            rl.rlim_cur = rl.rlim_max = USER_STACK_SIZE;
        uint8_t b[16];
        put64(b, 0, rl.rlim_cur);
        put64(b, 8, rl.rlim_max);
        if (!user_copy_out(p, old, b, 16, UP_WRITE))
            return -EFAULT;
    }
    if (nw) { /* new limits are accepted and not applied to the host */
        uint8_t b[16];
        if (!user_copy_in(p, b, nw, 16))
            return -EFAULT;
    }
    return 0;
}

/*
 * /proc/self/maps of the program, not of the emulator: its areas as Linux
 * prints them (no file names: the mappings are copies), with the stack
 * and the heap named, in a memory file the program reads like the real
 * one. glibc's pthread_getattr_np() finds the main thread's stack there.
 */
static int64_t open_proc_maps(user_proc *p)
{
    int fd = memfd_create("maps", MFD_CLOEXEC);
    if (fd < 0)
        return -errno;
    FILE *f = fdopen(dup(fd), "w");
    if (!f) {
        close(fd);
        return -ENOMEM;
    }
    for (size_t i = 0; i < p->nvmas; i++) {
        const user_vma *v = &p->vmas[i];
        const char *name = "";
        if (v->end == USER_STACK_TOP && v->start < USER_STACK_TOP)
            name = "[stack]";
        else if (p->brk > p->brk_start && v->start >= p->brk_start &&
                 v->end <= ((p->brk + USER_PAGE - 1) & ~(USER_PAGE - 1)))
            name = "[heap]";
        int n = fprintf(f, "%08llx-%08llx %c%c%cp 00000000 00:00 0",
                        (unsigned long long)v->start,
                        (unsigned long long)v->end,
                        v->prot & UP_READ ? 'r' : '-',
                        v->prot & UP_WRITE ? 'w' : '-',
                        v->prot & UP_EXEC ? 'x' : '-');
        fprintf(f, "%*s%s\n", *name ? 73 - n : 0, "", name);
    }
    bool ok = fclose(f) == 0;
    if (!ok || lseek(fd, 0, SEEK_SET) != 0) {
        close(fd);
        return -EIO;
    }
    return fd;
}

/* The path is /proc/self/maps, or /proc/PID/maps for the program's pid. */
static bool is_proc_maps(user_proc *p, uint64_t va)
{
    char g[64], self[64];
    if (user_str_in(p, g, va, sizeof(g)) < 0)
        return false;
    snprintf(self, sizeof(self), "/proc/%d/maps", (int)getpid());
    return !strcmp(g, "/proc/self/maps") || !strcmp(g, self) ||
           !strcmp(g, "/proc/thread-self/maps");
}

static int64_t sys_uname(user_proc *p, uint64_t va)
{
    struct utsname u;
    if (uname(&u) != 0)
        return -errno;
    char b[6 * 65] = {0};
    snprintf(b, 65, "%s", u.sysname);
    snprintf(b + 65, 65, "%s", u.nodename);
    snprintf(b + 130, 65, "%s", u.release);
    snprintf(b + 195, 65, "%s", u.version);
    snprintf(b + 260, 65, "%s", p->arch->name);
    snprintf(b + 325, 65, "%s", u.domainname);
    return user_copy_out(p, va, b, sizeof(b), UP_WRITE) ? 0 : -EFAULT;
}

static int64_t sys_sysinfo(user_proc *p, uint64_t va)
{
    uint8_t b[112] = {0};
    struct timespec ts;
    clock_gettime(CLOCK_BOOTTIME, &ts);
    put64(b, 0, (uint64_t)ts.tv_sec);
    uint64_t free_bytes = (p->end_pa - p->next_pa) + p->nfree * USER_PAGE;
    put64(b, 32, p->m->cfg.ram_size);
    put64(b, 40, free_bytes);
    put16(b, 80, 1);   /* procs */
    put32(b, 104, 1);  /* mem_unit */
    return user_copy_out(p, va, b, sizeof(b), UP_WRITE) ? 0 : -EFAULT;
}

void user_exit(user_proc *p, int status)
{
    p->exited = true;
    p->exit_status = status;
    machine_halt(p->m, status);
}

static int64_t path_call(user_proc *p, uint64_t dirfd_a, uint64_t va,
                         bool follow, int *dirfd, char *host)
{
    *dirfd = dirfd_arg(dirfd_a);
    return user_path(p, dirfd, va, host, 4096, follow);
}

int64_t user_syscall_do(user_proc *p, uint64_t nr, const uint64_t a[6])
{
    char path[4096], path2[4096];
    int dfd, dfd2;
    int64_t r;
    switch (nr) {
    case NR_read: return sys_read(p, (int)a[0], a[1], a[2], false, 0);
    case NR_write: return sys_write(p, (int)a[0], a[1], a[2], false, 0);
    case NR_pread64:
        return sys_read(p, (int)a[0], a[1], a[2], true, (int64_t)a[3]);
    case NR_pwrite64:
        return sys_write(p, (int)a[0], a[1], a[2], true, (int64_t)a[3]);
    case NR_readv: return sys_rwv(p, (int)a[0], a[1], a[2], false);
    case NR_writev: return sys_rwv(p, (int)a[0], a[1], a[2], true);
    case NR_openat:
        if (is_proc_maps(p, a[1]))
            return open_proc_maps(p);
        if ((r = path_call(p, a[0], a[1], !(oflags_generic(p, a[2]) & 0400000),
                           &dfd, path)))
            return r;
        return host_ret(openat(dfd, path, open_flags_to_host(p, a[2]),
                               (mode_t)a[3]));
    case NR_close: return host_ret(close((int)a[0]));
    case NR_lseek: return host_ret(lseek((int)a[0], (off_t)a[1], (int)a[2]));
    case NR_fstat: {
        struct stat st;
        if (fstat((int)a[0], &st) != 0)
            return -errno;
        return put_stat(p, a[1], &st);
    }
    case NR_newfstatat: {
        struct stat st;
        int fl = (int)a[3];
        if ((r = path_call(p, a[0], a[1], !(fl & AT_SYMLINK_NOFOLLOW), &dfd,
                           path)))
            return r;
        if (fstatat(dfd, path, &st, fl) != 0)
            return -errno;
        return put_stat(p, a[2], &st);
    }
    case NR_statx: {
        struct statx sx;
        int fl = (int)a[2];
        if ((r = path_call(p, a[0], a[1], !(fl & AT_SYMLINK_NOFOLLOW), &dfd,
                           path)))
            return r;
        if (statx(dfd, path, fl, (unsigned)a[3], &sx) != 0)
            return -errno;
        return put_statx(p, a[4], &sx);
    }
    case NR_getdents64: return sys_getdents64(p, (int)a[0], a[1], a[2]);
    case NR_readlinkat: {
        char guest[4096], out[4096];
        long n = user_str_in(p, guest, a[1], sizeof(guest));
        if (n < 0)
            return n == -1 ? -EFAULT : -ENAMETOOLONG;
        ssize_t l;
        if (!strcmp(guest, "/proc/self/exe") && p->exe) {
            l = (ssize_t)strlen(p->exe);
            memcpy(out, p->exe, (size_t)l);
        } else {
            if ((r = path_call(p, a[0], a[1], false, &dfd, path)))
                return r;
            l = readlinkat(dfd, path, out, sizeof(out));
            if (l < 0)
                return -errno;
        }
        if ((uint64_t)l > a[3])
            l = (ssize_t)a[3];
        return user_copy_out(p, a[2], out, (size_t)l, UP_WRITE) ? l : -EFAULT;
    }
    case NR_faccessat:
    case NR_faccessat2: {
        int fl = nr == NR_faccessat2 ? (int)a[3] : 0;
        if ((r = path_call(p, a[0], a[1], !(fl & AT_SYMLINK_NOFOLLOW), &dfd,
                           path)))
            return r;
        return host_ret(faccessat(dfd, path, (int)a[2], fl));
    }
    case NR_mkdirat:
        if ((r = path_call(p, a[0], a[1], false, &dfd, path)))
            return r;
        if (user_path_is_root(p, path))
            return -EEXIST;
        return host_ret(mkdirat(dfd, path, (mode_t)a[2]));
    case NR_unlinkat:
        if ((r = path_call(p, a[0], a[1], false, &dfd, path)))
            return r;
        if (user_path_is_root(p, path))
            return (a[2] & AT_REMOVEDIR) ? -EBUSY : -EISDIR;
        return host_ret(unlinkat(dfd, path, (int)a[2]));
    case NR_symlinkat: {
        char target[4096];
        long n = user_str_in(p, target, a[0], sizeof(target));
        if (n < 0)
            return n == -1 ? -EFAULT : -ENAMETOOLONG;
        if ((r = path_call(p, a[1], a[2], false, &dfd, path)))
            return r;
        if (user_path_is_root(p, path))
            return -EEXIST;
        return host_ret(symlinkat(target, dfd, path));
    }
    case NR_linkat:
        if ((r = path_call(p, a[0], a[1], false, &dfd, path)) ||
            (r = path_call(p, a[2], a[3], false, &dfd2, path2)))
            return r;
        if (user_path_is_root(p, path2))
            return -EEXIST;
        return host_ret(linkat(dfd, path, dfd2, path2, (int)a[4]));
    case NR_renameat:
    case NR_renameat2:
        if ((r = path_call(p, a[0], a[1], false, &dfd, path)) ||
            (r = path_call(p, a[2], a[3], false, &dfd2, path2)))
            return r;
        if (user_path_is_root(p, path) || user_path_is_root(p, path2))
            return -EBUSY;
        return host_ret(renameat2(dfd, path, dfd2, path2,
                                  nr == NR_renameat2 ? (unsigned)a[4] : 0));
    case NR_fchmodat:
        if ((r = path_call(p, a[0], a[1], true, &dfd, path)))
            return r;
        return host_ret(fchmodat(dfd, path, (mode_t)a[2], 0));
    case NR_fchmod: return host_ret(fchmod((int)a[0], (mode_t)a[1]));
    case NR_utimensat: {
        struct timespec ts[2];
        uint8_t b[32];
        if (a[2] && !user_copy_in(p, b, a[2], 32))
            return -EFAULT;
        for (int i = 0; i < 2 && a[2]; i++) {
            ts[i].tv_sec = (time_t)get64(b, i * 16);
            ts[i].tv_nsec = (long)get64(b, i * 16 + 8);
        }
        if (a[1]) {
            if ((r = path_call(p, a[0], a[1], !(a[3] & AT_SYMLINK_NOFOLLOW),
                               &dfd, path)))
                return r;
            return host_ret(utimensat(dfd, path, a[2] ? ts : NULL, (int)a[3]));
        }
        return host_ret(futimens((int)a[0], a[2] ? ts : NULL));
    }
    case NR_ftruncate: return host_ret(ftruncate((int)a[0], (off_t)a[1]));
    case NR_fsync: return host_ret(fsync((int)a[0]));
    case NR_fdatasync: return host_ret(fdatasync((int)a[0]));
    case NR_dup: return host_ret(dup((int)a[0]));
    case NR_dup3:
        if (a[2] & ~02000000ull)
            return -EINVAL;
        return host_ret(dup3((int)a[0], (int)a[1], a[2] ? O_CLOEXEC : 0));
    case NR_fcntl:
        switch (a[1]) {
        case 0: /* F_DUPFD */ return host_ret(fcntl((int)a[0], F_DUPFD, (int)a[2]));
        case 1030: /* F_DUPFD_CLOEXEC */
            return host_ret(fcntl((int)a[0], F_DUPFD_CLOEXEC, (int)a[2]));
        case 1: /* F_GETFD */ return host_ret(fcntl((int)a[0], F_GETFD));
        case 2: /* F_SETFD */
            return host_ret(fcntl((int)a[0], F_SETFD, (a[2] & 1) ? FD_CLOEXEC : 0));
        case 3: { /* F_GETFL */
            int fl = fcntl((int)a[0], F_GETFL);
            return fl < 0 ? -errno : (int64_t)open_flags_to_guest(p, fl);
        }
        case 4: /* F_SETFL */
            return host_ret(fcntl((int)a[0], F_SETFL, open_flags_to_host(p, a[2])));
        default: return -EINVAL;
        }
    case NR_ioctl: return sys_ioctl(p, (int)a[0], a[1], a[2]);
    case NR_ppoll: return sys_ppoll(p, a[0], a[1], a[2]);
    case NR_getrusage: return sys_getrusage(p, (int)a[0], a[1]);
    case NR_pipe2: {
        int fds[2];
        if (a[1] & ~(02000000ull | 04000ull))
            return -EINVAL;
        if (!writable(p, a[0], 8))
            return -EFAULT;
        if (pipe2(fds, open_flags_to_host(p, a[1])) != 0)
            return -errno;
        uint8_t b[8];
        put32(b, 0, (uint32_t)fds[0]);
        put32(b, 4, (uint32_t)fds[1]);
        user_copy_out(p, a[0], b, 8, UP_WRITE);
        return 0;
    }
    case NR_getcwd: {
        char cwd[4096];
        if ((r = user_getcwd(p, cwd, sizeof(cwd))))
            return r;
        size_t n = strlen(cwd) + 1;
        if (n > a[1])
            return -ERANGE;
        return user_copy_out(p, a[0], cwd, n, UP_WRITE) ? (int64_t)n : -EFAULT;
    }
    case NR_chdir: {
        char guest[4096];
        long n = user_str_in(p, guest, a[0], sizeof(guest));
        if (n < 0)
            return n == -1 ? -EFAULT : -ENAMETOOLONG;
        if ((r = path_call(p, (uint64_t)AT_FDCWD, a[0], true, &dfd, path)))
            return r;
        return user_chdir(p, path, guest);
    }
    case NR_fchdir:
        if (p->root)
            return -ENOSYS; /* the guest's cwd would be unknown */
        return host_ret(fchdir((int)a[0]));
    case NR_umask: return umask((mode_t)a[0]);

    case NR_brk: return sys_brk(p, a[0]);
    case NR_mmap:
        return sys_mmap(p, a[0], a[1], (int)a[2], a[3], (int)a[4], a[5]);
    case NR_munmap:
        if ((a[0] & (USER_PAGE - 1)) || !a[1] || a[0] >= USER_TASK_SIZE)
            return -EINVAL;
        user_unmap(p, a[0], (a[1] + USER_PAGE - 1) & ~(USER_PAGE - 1));
        return 0;
    case NR_mprotect:
        if ((a[0] & (USER_PAGE - 1)) || (a[2] & ~7ull))
            return -EINVAL;
        if (!a[1])
            return 0;
        return user_protect(p, a[0], (a[1] + USER_PAGE - 1) & ~(USER_PAGE - 1),
                            (int)a[2])
                   ? 0
                   : -ENOMEM;
    case NR_mremap: return sys_mremap(p, a[0], a[1], a[2], a[3]);
    case NR_madvise:
        if (a[2] == 4 && !(a[0] & (USER_PAGE - 1))) /* MADV_DONTNEED */
            user_discard(p, a[0], (a[1] + USER_PAGE - 1) & ~(USER_PAGE - 1));
        return 0;
    case NR_msync: return 0;

    case NR_clone: {
        return user_clone(p, a);
    }
    case NR_execve:
        if ((r = path_call(p, (uint64_t)AT_FDCWD, a[0], true, &dfd, path)))
            return r;
        return user_execve(p, path, a[1], a[2]);
    case NR_wait4:
        return user_wait4(p, (int64_t)(int32_t)a[0], a[1], (int)a[2], a[3]);
    case NR_exit:
        if (user_thread_exit(p, (int)(a[0] & 0xff)))
            return 0;
        user_exit(p, (int)(a[0] & 0xff));
        return 0;
    case NR_exit_group:
        user_exit(p, (int)(a[0] & 0xff));
        return 0;
    case NR_getpid: return getpid();
    case NR_gettid: return user_gettid(p);
    case NR_set_tid_address:
        user_set_clear_tid(p, a[0]);
        return user_gettid(p);
    case NR_getppid: return getppid();
    case NR_getuid: return getuid();
    case NR_geteuid: return geteuid();
    case NR_getgid: return getgid();
    case NR_getegid: return getegid();
    case NR_set_robust_list: return 0;
    case NR_rseq: return -ENOSYS; /* glibc then does without */
    case NR_prctl: return -EINVAL;
    case NR_futex: return user_futex(p, a);
    case NR_prlimit64: return sys_prlimit(p, a[0], a[1], a[2], a[3]);
    case NR_getrlimit: return sys_prlimit(p, 0, a[0], 0, a[1]);
    case NR_setrlimit: return sys_prlimit(p, 0, a[0], a[1], 0);
    case NR_uname: return sys_uname(p, a[0]);
    case NR_sysinfo: return sys_sysinfo(p, a[0]);
    case NR_clock_gettime:
    case NR_clock_getres: {
        struct timespec ts;
        int rc = nr == NR_clock_gettime ? clock_gettime((clockid_t)a[0], &ts)
                                        : clock_getres((clockid_t)a[0], &ts);
        if (rc != 0)
            return -errno;
        return a[1] ? put_ts(p, a[1], &ts) : 0;
    }
    case NR_gettimeofday: {
        struct timeval tv;
        gettimeofday(&tv, NULL);
        uint8_t b[16];
        put64(b, 0, (uint64_t)tv.tv_sec);
        put64(b, 8, (uint64_t)tv.tv_usec);
        if (a[0] && !user_copy_out(p, a[0], b, 16, UP_WRITE))
            return -EFAULT;
        memset(b, 0, 8);
        if (a[1] && !user_copy_out(p, a[1], b, 8, UP_WRITE))
            return -EFAULT;
        return 0;
    }
    case NR_nanosleep:
    case NR_clock_nanosleep: {
        struct timespec ts, rem;
        bool cl = nr == NR_clock_nanosleep;
        if ((r = get_ts(p, cl ? a[2] : a[0], &ts)))
            return r;
        int rc = cl ? clock_nanosleep((clockid_t)a[0], (int)a[1], &ts, &rem)
                    : (nanosleep(&ts, &rem) ? errno : 0);
        uint64_t remva = cl ? a[3] : a[1];
        if (rc == EINTR && remva)
            put_ts(p, remva, &rem);
        return -(int64_t)rc;
    }
    case NR_getrandom: {
        uint64_t len = a[1] > 1u << 20 ? 1u << 20 : a[1];
        uint8_t *b = malloc(len ? len : 1);
        if (!b)
            return -ENOMEM;
        if (!writable(p, a[0], len)) {
            free(b);
            return -EFAULT;
        }
        ssize_t n = getrandom(b, len, (unsigned)a[2] & 7);
        r = host_ret(n);
        if (n > 0)
            user_copy_out(p, a[0], b, (size_t)n, UP_WRITE);
        free(b);
        return r;
    }
    case NR_sched_getaffinity: {
        uint8_t b[8] = {1};
        if (a[1] < 8)
            return -EINVAL;
        return user_copy_out(p, a[2], b, 8, UP_WRITE) ? 8 : -EFAULT;
    }
    case NR_sched_yield: return user_sched_yield(p);

    case NR_rt_sigaction:
        return user_rt_sigaction(p, (int)a[0], a[1], a[2], a[3]);
    case NR_rt_sigprocmask:
        return user_rt_sigprocmask(p, (int)a[0], a[1], a[2], a[3]);
    case NR_sigaltstack: return user_sigaltstack(p, a[0], a[1]);
    case NR_kill:
    case NR_tkill:
    case NR_tgkill: {
        /* only the process itself: the program must not signal the host's */
        int64_t pid = (int64_t)(int32_t)a[0];
        int sig = (int)(nr == NR_tgkill ? a[2] : a[1]);
        /* a thread is named by its tid (tkill, tgkill's second argument);
         * the signal is the process's, taken by whichever thread runs */
        if (nr == NR_tkill ? !user_is_tid(p, pid)
            : nr == NR_tgkill ? pid != getpid() ||
                                    !user_is_tid(p, (int32_t)a[1])
                              : pid != getpid() && pid != 0)
            return nr == NR_kill ? -EPERM : -ESRCH;
        if (sig < 0 || sig > USER_NSIG)
            return -EINVAL;
        if (sig)
            user_signal_raise(p, sig, 0, 0);
        return 0;
    }
    default:
        if (p->arch->syscall && p->arch->syscall(p, nr, a, &r))
            return r;
        if (nr < sizeof(p->warned) && !p->warned[nr]) {
            p->warned[nr] = 1;
            user_warn(p, EMU_LOG_WARN, "unsupported system call %llu",
                      (unsigned long long)nr);
        }
        return -ENOSYS;
    }
}

void user_syscall(user_proc *p)
{
    const user_arch *arch = p->arch;
    uint64_t a[6];
    uint64_t nr = arch->syscall_args(p, a);
    if (nr == NR_rt_sigreturn) {
        if (p->cfg.trace)
            p->cfg.trace(p->cfg.trace_ctx, "rt_sigreturn()");
        user_rt_sigreturn(p);
        return;
    }
    arch->set_pc(p, arch->pc(p) + arch->syscall_len);
    p->no_return = false;
    int64_t r = user_syscall_do(p, nr, a);
    p->eintr = r == -EINTR;
    if (p->eintr) {
        p->eintr_pc = arch->pc(p) - arch->syscall_len;
        p->eintr_a0 = a[0];
        p->eintr_icount = p->m->sched.icount;
    }
    /* a write to a pipe nobody reads: EPIPE and SIGPIPE, as Linux (the
     * host's SIGPIPE never arrives: write_quiet) */
    if (r == -EPIPE && (nr == NR_write || nr == NR_writev || nr == NR_pwrite64))
        user_signal_raise(p, 13, 0, 0);
    if (p->cfg.trace) {
        char line[256], num[32];
        const char *name = sys_name(p, nr);
        if (!name) {
            snprintf(num, sizeof(num), "syscall_%llu", (unsigned long long)nr);
            name = num;
        }
        int n = snprintf(line, sizeof(line),
                         "%s(0x%llx, 0x%llx, 0x%llx, 0x%llx)", name,
                         (unsigned long long)a[0], (unsigned long long)a[1],
                         (unsigned long long)a[2], (unsigned long long)a[3]);
        if (p->exited || p->no_return)
            snprintf(line + n, sizeof(line) - (size_t)n, " = ?");
        else if (r < 0 && r > -4096)
            snprintf(line + n, sizeof(line) - (size_t)n, " = -1 %s (%s)",
                     strerrorname_np((int)-r) ? strerrorname_np((int)-r) : "",
                     strerror((int)-r));
        else
            snprintf(line + n, sizeof(line) - (size_t)n, " = 0x%llx",
                     (unsigned long long)r);
        p->cfg.trace(p->cfg.trace_ctx, line);
    }
    if (!p->exited && !p->no_return)
        arch->syscall_ret(p, (uint64_t)r);
}
