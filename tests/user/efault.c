/* Wild pointers passed to system calls come back as EFAULT, never as a
 * crash of the emulator. The raw syscall() keeps glibc's own code from
 * touching the pointers first. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#define WILD ((void *)0x123456789000ull)

static void efault(long r)
{
    CHECK(r == -1 && errno == EFAULT);
}

int main(void)
{
    efault(syscall(SYS_write, 1, WILD, 10));
    efault(syscall(SYS_write, 1, (void *)8, 10));
    efault(syscall(SYS_openat, AT_FDCWD, WILD, O_RDONLY));
    efault(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, WILD));
    efault(syscall(SYS_uname, (void *)-4096l));
    efault(syscall(SYS_newfstatat, AT_FDCWD, "/", WILD, 0));
    efault(syscall(SYS_fstat, 0, NULL));
    int fd = open("/dev/zero", O_RDONLY);
    CHECK(fd >= 0);
    efault(syscall(SYS_read, fd, WILD, 100));
    /* into a read-only page */
    char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(ro != MAP_FAILED);
    efault(syscall(SYS_read, fd, ro, 100));
    /* a buffer running off the end of a mapping */
    char *rw = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(rw != MAP_FAILED && munmap(rw + 4096, 4096) == 0);
    efault(syscall(SYS_read, fd, rw + 4000, 200));
    CHECK(syscall(SYS_read, fd, rw + 4000, 96) == 96);
    /* a path that is not terminated before an unmapped page */
    memset(rw, 'a', 4096);
    efault(syscall(SYS_openat, AT_FDCWD, rw + 4000, O_RDONLY));
    struct iovec { void *b; size_t l; } iov[2] = {{rw, 10}, {WILD, 10}};
    efault(syscall(SYS_writev, 1, iov, 2));
    efault(syscall(SYS_writev, 1, WILD, 2));
    efault(syscall(SYS_rt_sigaction, SIGUSR1, WILD, NULL, 8));
    efault(syscall(SYS_getrandom, WILD, 16, 0));
    efault(syscall(SYS_pipe2, ro, 0));
    /* and the process is fine afterwards */
    CHECK(syscall(SYS_getpid) == getpid());
    printf("efault ok\n");
    return 0;
}
