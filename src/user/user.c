/*
 * User-mode emulation's public entry points: a machine with a process on
 * it, loading a program, and the built-in handling of the exits its
 * system calls and faults cause (include/libemu/user.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "user/user.h"

void user_warn(user_proc *p, emu_log_level lvl, const char *fmt, ...)
{
    char buf[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    machine_log(p->m, lvl, "%s", buf);
}

void user_free(emu_machine *m)
{
    user_proc *p = m->user;
    if (!p)
        return;
    user_mem_free(p);
    free(p->sysroot);
    free(p->root);
    free(p->cwd);
    free(p->exe);
    free(p->threads);
    free(p);
    m->user = NULL;
}

static emu_status fail(emu_machine *m, char *err, size_t errlen, emu_status st)
{
    if (err && errlen)
        snprintf(err, errlen, "%s", emu_last_error(m));
    emu_machine_free(m);
    return st;
}

/* A directory given by the caller, made absolute and canonical. */
static char *dir_arg(emu_machine *m, const char *what, const char *dir,
                     emu_status *st)
{
    char *r = realpath(dir, NULL);
    struct stat sb;
    if (!r || stat(r, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        free(r);
        *st = machine_error(m, EMU_ERR_IO, "%s %s: not a directory", what,
                            dir);
        return NULL;
    }
    return r;
}

emu_status emu_user_new(const emu_config *cfg, const emu_user_config *ucfg,
                        emu_machine **out, char *err, size_t errlen)
{
    if (out)
        *out = NULL;
    if (!out)
        return EMU_ERR_INVALID;
    emu_config c = cfg ? *cfg : emu_config_default(EMU_ARCH_RISCV64);
    if (!cfg)
        c.ram_size = 1ull << 30;
    if (c.arch != EMU_ARCH_RISCV64 && c.arch != EMU_ARCH_ARM64) {
        if (err && errlen)
            snprintf(err, errlen, "user-mode emulation runs riscv64 and "
                                  "aarch64 programs");
        return EMU_ERR_UNSUPPORTED;
    }
    /* one hart, S and U modes, RAM where the test board has it */
    c.board = EMU_BOARD_TEST;
    c.harts = 1;
    c.priv = "msu";
    c.ram_base = 0x80000000ull;
    emu_machine *m;
    emu_status st = c.arch == EMU_ARCH_ARM64
                        ? machine_new_a64(&c, &m, err, errlen)
                        : emu_machine_new(&c, &m, err, errlen);
    if (st != EMU_OK)
        return st;
    user_proc *p = calloc(1, sizeof(*p));
    if (!p)
        return fail(m, err, errlen,
                    machine_error(m, EMU_ERR_NOMEM, "out of memory"));
    m->user = p;
    p->m = m;
    p->arch = c.arch == EMU_ARCH_ARM64 ? &user_arch_arm64 : &user_arch_riscv64;
    if (ucfg)
        p->cfg = *ucfg;
    if (p->cfg.sysroot &&
        !(p->sysroot = dir_arg(m, "sysroot", p->cfg.sysroot, &st)))
        return fail(m, err, errlen, st);
    if (p->cfg.chroot) {
        if (!(p->root = dir_arg(m, "chroot", p->cfg.chroot, &st)))
            return fail(m, err, errlen, st);
        if (!strcmp(p->root, "/")) /* "/" + "/path" would double it */
            p->root[0] = 0;
        p->cwd = strdup("/");
        if (!p->cwd)
            return fail(m, err, errlen,
                        machine_error(m, EMU_ERR_NOMEM, "out of memory"));
    }
    p->cfg.sysroot = p->sysroot;
    p->cfg.chroot = p->root;
    if (!user_mem_init(p))
        return fail(m, err, errlen,
                    machine_error(m, EMU_ERR_NOMEM, "RAM too small"));
    *out = m;
    return EMU_OK;
}

emu_status emu_user_program_arch(const char *path, emu_arch *arch)
{
    if (!path || !arch)
        return EMU_ERR_INVALID;
    FILE *f = fopen(path, "rb");
    if (!f)
        return EMU_ERR_IO;
    unsigned char h[20];
    size_t n = fread(h, 1, sizeof(h), f);
    fclose(f);
    /* e_ident: magic, class 2 (64-bit), data 1 (little-endian); e_machine
     * at offset 18 */
    if (n < sizeof(h) || memcmp(h, "\177ELF", 4) != 0 || h[4] != 2 || h[5] != 1)
        return EMU_ERR_FORMAT;
    unsigned machine = h[18] | (unsigned)h[19] << 8;
    if (machine == user_arch_riscv64.e_machine)
        *arch = EMU_ARCH_RISCV64;
    else if (machine == user_arch_arm64.e_machine)
        *arch = EMU_ARCH_ARM64;
    else
        return EMU_ERR_FORMAT;
    return EMU_OK;
}

emu_status emu_user_load(emu_machine *m, const char *path, int argc,
                         char *const argv[], char *const envp[])
{
    if (!m || !m->user || !path || argc < 0 || (argc && !argv))
        return EMU_ERR_INVALID;
    return user_load_elf(m->user, path, argc, argv, envp);
}

/* The signal Linux sends for an exception, with its si_code and address;
 * 0 when there is none to send: a page fault on memory the program mapped
 * but never touched, which this resolves (the instruction then runs
 * again). */
static int exception_signal(user_proc *p, const emu_exit *ex, int *code,
                            uint64_t *addr)
{
    return p->arch->exception_signal(p, ex, code, addr);
}

int emu_user_exit_signal(const emu_machine *m)
{
    return m && m->user && m->user->exited ? m->user->term_sig : 0;
}

int emu_user_exception_signal(emu_machine *m, const emu_exit *ex)
{
    if (!m || !m->user || !ex || ex->reason != EMU_EXIT_EXCEPTION ||
        m->user->exited)
        return 0;
    int code;
    uint64_t addr;
    return exception_signal(m->user, ex, &code, &addr);
}

emu_status emu_user_handle(emu_machine *m, const emu_exit *ex)
{
    if (!m || !m->user || !ex)
        return EMU_ERR_INVALID;
    user_proc *p = m->user;
    if (p->exited)
        return EMU_OK;
    if (ex->reason == EMU_EXIT_SYSCALL)
        user_syscall(p);
    else if (ex->reason == EMU_EXIT_EXCEPTION) {
        int code;
        uint64_t addr;
        int sig = exception_signal(p, ex, &code, &addr);
        if (sig)
            user_signal_raise(p, sig, code, addr);
    } else {
        return EMU_OK;
    }
    if (!p->exited)
        user_signal_deliver(p);
    return EMU_OK;
}

emu_status emu_user_kill(emu_machine *m, int sig)
{
    if (!m || !m->user || sig < 1 || sig > USER_NSIG)
        return EMU_ERR_INVALID;
    user_proc *p = m->user;
    if (p->exited)
        return EMU_OK;
    const user_arch *arch = p->arch;
    const user_sigaction *a = &p->act[sig];
    /* Linux's rule: a system call the signal interrupted
     * runs again after a SA_RESTART handler */
    if (p->eintr && arch->pc(p) == p->eintr_pc + arch->syscall_len &&
        m->sched.icount == p->eintr_icount && a->handler > 1 &&
        (a->flags & 0x10000000) && !(p->blocked & (1ull << (sig - 1)))) {
        arch->set_pc(p, p->eintr_pc);
        arch->syscall_ret(p, p->eintr_a0);
    }
    p->eintr = false;
    user_signal_raise(p, sig, 0, 0);
    user_signal_deliver(p);
    return EMU_OK;
}

emu_status emu_user_run(emu_machine *m, uint64_t max_insns, emu_exit *ex)
{
    if (!m || !m->user || !ex)
        return EMU_ERR_INVALID;
    user_proc *p = m->user;
    uint64_t start = m->sched.icount;
    for (;;) {
        uint64_t used = m->sched.icount - start, left = 0;
        if (max_insns) {
            if (used >= max_insns) {
                *ex = (emu_exit){.reason = EMU_EXIT_BUDGET,
                                 .pc = p->arch->pc(p)};
                return EMU_OK;
            }
            left = max_insns - used;
        }
        emu_status st = emu_run(m, left, ex);
        if (st != EMU_OK)
            return st;
        if (ex->reason != EMU_EXIT_SYSCALL &&
            ex->reason != EMU_EXIT_EXCEPTION)
            return EMU_OK;
        emu_user_handle(m, ex);
    }
}
