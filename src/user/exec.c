/*
 * Processes: fork (clone without CLONE_THREAD; threads are thread.c's),
 * execve and wait4. A fork
 * is a fork of the host process that runs the emulator, as under
 * qemu-user: the child carries on with a copy of the machine and of
 * everything else the host process holds. execve replaces the program in
 * the same machine.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "user/user.h"

#define CLONE_VM_ 0x100ull
#define CLONE_THREAD_ 0x10000ull
#define CLONE_SETTLS_ 0x80000ull
#define CLONE_PARENT_SETTID_ 0x100000ull
#define CLONE_CHILD_SETTID_ 0x1000000ull
#define MAX_ARGS 4096
#define MAX_ARG_LEN (128u << 10)

int64_t user_clone(user_proc *p, const uint64_t a[6])
{
    uint64_t flags = a[0];
    if (flags & CLONE_THREAD_)
        return user_thread_clone(p, a);
    /* CLONE_VM|CLONE_VFORK (posix_spawn) gets a copy too: the child only
     * runs until its execve, on the stack it was given */
    pid_t pid = fork();
    if (pid < 0)
        return -errno;
    uint32_t tid = (uint32_t)(pid ? pid : getpid());
    if (flags & CLONE_PARENT_SETTID_)
        user_copy_out(p, a[2], &tid, 4, UP_WRITE);
    if (pid)
        return pid;
    user_threads_only_current(p); /* the child is the calling thread */
    p->arch->clone_child(p, a[1], flags & CLONE_SETTLS_, a[3]);
    if (flags & CLONE_CHILD_SETTID_)
        user_copy_out(p, a[4], &tid, 4, UP_WRITE);
    (void)CLONE_VM_;
    return 0;
}

/* A NULL-terminated array of guest strings, copied; NULL on EFAULT or
 * E2BIG (in *err). */
static char **read_strv(user_proc *p, uint64_t va, int *count, int *err)
{
    char **v = calloc(MAX_ARGS + 1, sizeof(*v));
    char *buf = malloc(MAX_ARG_LEN);
    int n = 0;
    *err = -ENOMEM;
    if (!v || !buf)
        goto fail;
    for (; va && n < MAX_ARGS; n++) {
        uint64_t ptr;
        *err = -EFAULT;
        if (!user_copy_in(p, &ptr, va + 8 * (uint64_t)n, 8))
            goto fail;
        if (!ptr)
            break;
        long len = user_str_in(p, buf, ptr, MAX_ARG_LEN);
        if (len < 0) {
            *err = len == -1 ? -EFAULT : -E2BIG;
            goto fail;
        }
        if (!(v[n] = strdup(buf))) {
            *err = -ENOMEM;
            goto fail;
        }
    }
    if (n == MAX_ARGS) {
        *err = -E2BIG;
        goto fail;
    }
    free(buf);
    *count = n;
    return v;
fail:
    for (int i = 0; v && i < n; i++)
        free(v[i]);
    free(v);
    free(buf);
    return NULL;
}

static void free_strv(char **v)
{
    for (int i = 0; v && v[i]; i++)
        free(v[i]);
    free(v);
}

/* The descriptors marked close-on-exec are closed: the program's image
 * changes but the host process stays. */
static void close_on_exec(void)
{
    DIR *d = opendir("/proc/self/fd");
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        int fd = atoi(e->d_name);
        if (e->d_name[0] < '0' || e->d_name[0] > '9' || fd == dirfd(d))
            continue;
        int fl = fcntl(fd, F_GETFD);
        if (fl >= 0 && (fl & FD_CLOEXEC))
            close(fd);
    }
    closedir(d);
}

int64_t user_execve(user_proc *p, const char *host, uint64_t argv_va,
                    uint64_t envp_va)
{
    if (access(host, X_OK) != 0)
        return -errno;
    int argc, envc, err;
    char **argv = read_strv(p, argv_va, &argc, &err);
    if (!argv)
        return err;
    char **envp = read_strv(p, envp_va, &envc, &err);
    if (!envp) {
        free_strv(argv);
        return err;
    }
    /* every check that can fail before the old image is gone */
    if (!user_exec_ok(p, host)) {
        free_strv(argv);
        free_strv(envp);
        return -ENOEXEC;
    }
    user_unmap(p, 0, USER_TASK_SIZE);
    for (int s = 1; s <= USER_NSIG; s++)
        if (p->act[s].handler != 1) /* ignored signals stay ignored */
            p->act[s] = (user_sigaction){0};
    p->altstack_sp = p->altstack_size = 0;
    close_on_exec();
    user_threads_only_current(p); /* the other threads end (Linux's de_thread) */
    emu_status st = user_load_elf(p, host, argc, argv, envp);
    free_strv(argv);
    free_strv(envp);
    if (st != EMU_OK) { /* past the point of no return, as Linux says */
        user_warn(p, EMU_LOG_ERROR, "execve %s: %s", host,
                  emu_last_error(p->m));
        user_exit(p, 128 + 9);
        p->term_sig = 9;
    }
    p->no_return = true;
    return 0;
}

int64_t user_wait4(user_proc *p, int64_t pid, uint64_t status_va, int options,
                   uint64_t rusage_va)
{
    int status = 0;
    struct rusage ru;
    pid_t r = wait4((pid_t)pid, &status, options, &ru);
    if (r < 0)
        return -errno;
    /* the wait status encoding is the same on every Linux */
    int32_t s = status;
    if (r > 0 && status_va && !user_copy_out(p, status_va, &s, 4, UP_WRITE))
        return -EFAULT;
    if (r > 0 && rusage_va && user_put_rusage(p, rusage_va, &ru))
        return -EFAULT;
    return r;
}
