/*
 * Guest paths to host paths. Without a chroot directory, paths are the
 * host's, except that an absolute path found under the sysroot (-L) is
 * taken from there, as qemu's -L does. With one, every path is resolved
 * here component by component, symbolic links included, so that neither
 * ".." nor a link can lead outside it. (A race with another host process
 * changing the tree between this resolution and the use of the path is
 * not closed; the confinement is against the program, not against the
 * host.)
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "user/user.h"

#define MAX_LINKS 40

/* Drop the last component of the absolute path res ("/" stays). */
static void pop(char *res)
{
    char *s = strrchr(res, '/');
    if (s == res)
        res[1] = 0;
    else if (s)
        *s = 0;
}

/*
 * Resolve rel against the guest directory base (both guest paths) inside
 * p->root into res, a canonical guest path. follow: a final symbolic link
 * is resolved too.
 */
static int resolve(user_proc *p, const char *base, const char *rel,
                   bool follow, char *res, size_t reslen)
{
    char rest[PATH_MAX * 2], host[PATH_MAX * 2], link[PATH_MAX];
    unsigned links = 0;
    if (snprintf(res, reslen, "%s", rel[0] == '/' ? "/" : base) >= (int)reslen ||
        snprintf(rest, sizeof(rest), "%s", rel) >= (int)sizeof(rest))
        return -ENAMETOOLONG;
    char *r = rest;
    while (*r) {
        while (*r == '/')
            r++;
        if (!*r)
            break;
        char *end = strchr(r, '/');
        size_t n = end ? (size_t)(end - r) : strlen(r);
        char comp[NAME_MAX + 1];
        if (n > NAME_MAX)
            return -ENAMETOOLONG;
        memcpy(comp, r, n);
        comp[n] = 0;
        r += n;
        if (!strcmp(comp, "."))
            continue;
        if (!strcmp(comp, "..")) {
            pop(res);
            continue;
        }
        size_t len = strlen(res);
        if (len + n + 2 > reslen)
            return -ENAMETOOLONG;
        snprintf(res + len, reslen - len, "%s%s", len > 1 ? "/" : "", comp);
        bool last = true;
        for (const char *q = r; *q; q++)
            if (*q != '/')
                last = false;
        if (last && !follow)
            continue;
        snprintf(host, sizeof(host), "%s%s", p->root, res);
        struct stat st;
        if (lstat(host, &st) != 0 || !S_ISLNK(st.st_mode))
            continue;
        if (++links > MAX_LINKS)
            return -ELOOP;
        ssize_t l = readlink(host, link, sizeof(link) - 1);
        if (l < 0)
            return -errno;
        link[l] = 0;
        char tmp[PATH_MAX * 2];
        if (snprintf(tmp, sizeof(tmp), "%s/%s", link, r) >= (int)sizeof(tmp))
            return -ENAMETOOLONG;
        snprintf(rest, sizeof(rest), "%s", tmp);
        r = rest;
        if (link[0] == '/')
            snprintf(res, reslen, "/");
        else
            pop(res);
    }
    return 0;
}

/* The guest path of a directory descriptor under the chroot. */
static int dirfd_path(user_proc *p, int dirfd, char *out, size_t outlen)
{
    if (dirfd == AT_FDCWD)
        return snprintf(out, outlen, "%s", p->cwd) < (int)outlen ? 0
                                                                : -ENAMETOOLONG;
    char proc[64], host[PATH_MAX];
    snprintf(proc, sizeof(proc), "/proc/self/fd/%d", dirfd);
    ssize_t l = readlink(proc, host, sizeof(host) - 1);
    if (l < 0)
        return -EBADF;
    host[l] = 0;
    size_t rl = strlen(p->root);
    if (strncmp(host, p->root, rl) != 0 || (host[rl] && host[rl] != '/'))
        return -EACCES; /* a directory outside the chroot */
    return snprintf(out, outlen, "%s", host[rl] ? host + rl : "/") <
                   (int)outlen
               ? 0
               : -ENAMETOOLONG;
}

static int host_of(user_proc *p, int *dirfd, const char *guest, char *out,
                   size_t outlen, bool follow)
{
    if (!p->root) {
        if (guest[0] == '/' && p->sysroot) {
            struct stat st;
            if (snprintf(out, outlen, "%s%s", p->sysroot, guest) <
                    (int)outlen &&
                lstat(out, &st) == 0)
                return 0;
        }
        return snprintf(out, outlen, "%s", guest) < (int)outlen
                   ? 0
                   : -ENAMETOOLONG;
    }
    if (!guest[0]) { /* AT_EMPTY_PATH: the descriptor itself */
        out[0] = 0;
        return 0;
    }
    char base[PATH_MAX], res[PATH_MAX];
    int err = guest[0] == '/' ? 0 : dirfd_path(p, *dirfd, base, sizeof(base));
    if (err)
        return err;
    err = resolve(p, guest[0] == '/' ? "/" : base, guest, follow, res,
                  sizeof(res));
    if (err)
        return err;
    *dirfd = AT_FDCWD;
    return snprintf(out, outlen, "%s%s", p->root, res) < (int)outlen
               ? 0
               : -ENAMETOOLONG;
}

int user_path(user_proc *p, int *dirfd, uint64_t va, char *out, size_t outlen,
              bool follow)
{
    char guest[PATH_MAX];
    long n = user_str_in(p, guest, va, sizeof(guest));
    if (n == -1)
        return -EFAULT;
    if (n < 0)
        return -ENAMETOOLONG;
    return host_of(p, dirfd, guest, out, outlen, follow);
}

bool user_path_is_root(const user_proc *p, const char *host)
{
    if (!p->root)
        return false;
    size_t rl = strlen(p->root);
    return strncmp(host, p->root, rl) == 0 &&
           (!host[rl] || !strcmp(host + rl, "/"));
}

int user_path_str(user_proc *p, const char *guest, char *out, size_t outlen)
{
    int dirfd = AT_FDCWD;
    return host_of(p, &dirfd, guest, out, outlen, true);
}

int user_getcwd(user_proc *p, char *out, size_t outlen)
{
    if (p->root)
        return snprintf(out, outlen, "%s", p->cwd) < (int)outlen ? 0 : -ERANGE;
    return getcwd(out, outlen) ? 0 : -errno;
}

int user_chdir(user_proc *p, const char *host, const char *guest)
{
    /* under a chroot every path is made absolute here, so the host's
     * working directory (the caller's too) stays as it is */
    if (!p->root && chdir(host) != 0)
        return -errno;
    if (p->root) {
        struct stat st;
        if (stat(host, &st) != 0)
            return -errno;
        if (!S_ISDIR(st.st_mode))
            return -ENOTDIR;
        char res[PATH_MAX];
        int err = resolve(p, p->cwd, guest, true, res, sizeof(res));
        if (err)
            return err;
        char *c = strdup(res);
        if (!c)
            return -ENOMEM;
        free(p->cwd);
        p->cwd = c;
    }
    return 0;
}
