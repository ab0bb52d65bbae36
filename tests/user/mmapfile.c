/* mmap of a file, anonymous memory, mprotect, munmap and mremap.
 * argv[1] is a scratch directory. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check.h"

static sigjmp_buf env;
static volatile void *fault_addr;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
    (void)sig, (void)uc;
    fault_addr = si->si_addr;
    siglongjmp(env, 1);
}

/* true when writing to p faults */
static int write_faults(volatile char *p)
{
    if (sigsetjmp(env, 1))
        return fault_addr == p;
    *p = 1;
    return 0;
}

int main(int argc, char **argv)
{
    CHECK(argc == 2);
    struct sigaction sa = {.sa_sigaction = on_segv, .sa_flags = SA_SIGINFO};
    CHECK(sigaction(SIGSEGV, &sa, NULL) == 0);
    char path[512];
    snprintf(path, sizeof(path), "%s/mmap-%d.bin", argv[1], getpid());
    int fd = open(path, O_CREAT | O_TRUNC | O_RDWR, 0600);
    CHECK(fd >= 0);
    static char data[10000];
    for (size_t i = 0; i < sizeof(data); i++)
        data[i] = (char)(i * 7);
    CHECK(write(fd, data, sizeof(data)) == (ssize_t)sizeof(data));
    char *m = mmap(NULL, sizeof(data), PROT_READ, MAP_PRIVATE, fd, 0);
    CHECK(m != MAP_FAILED);
    CHECK(!memcmp(m, data, sizeof(data)));
    CHECK(m[sizeof(data)] == 0); /* the rest of the last page reads zeros */
    CHECK(write_faults(m));
    /* an offset mapping */
    char *m2 = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 4096);
    CHECK(m2 != MAP_FAILED && !memcmp(m2, data + 4096, 4096));
    m2[0] = 42; /* private: the file keeps its byte */
    char b;
    CHECK(pread(fd, &b, 1, 4096) == 1 && b == data[4096]);
    CHECK(munmap(m2, 4096) == 0 && munmap(m, sizeof(data)) == 0);
    CHECK(write_faults(m));
    close(fd);
    unlink(path);

    /* anonymous memory: zeroed, then a guard page through mprotect */
    size_t len = 64 << 20; /* untouched pages cost nothing */
    char *a = mmap(NULL, len, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(a != MAP_FAILED);
    CHECK(a[0] == 0 && a[len - 1] == 0);
    a[4096] = 'x';
    CHECK(mprotect(a + 4096, 4096, PROT_NONE) == 0);
    CHECK(write_faults(a + 4096));
    CHECK(mprotect(a + 4096, 4096, PROT_READ) == 0);
    CHECK(a[4096] == 'x'); /* the page kept its contents */
    CHECK(write_faults(a + 4096));
    CHECK(!write_faults(a + 8192));
    /* mremap moves or grows with the contents (one area: Linux refuses a
     * range spanning areas of different protections with EFAULT) */
    CHECK(mremap(a, len, 2 * len, MREMAP_MAYMOVE) == MAP_FAILED &&
          errno == EFAULT);
    CHECK(mprotect(a + 4096, 4096, PROT_READ | PROT_WRITE) == 0);
    char *r = mremap(a, len, 2 * len, MREMAP_MAYMOVE);
    CHECK(r != MAP_FAILED && r[4096] == 'x' && r[2 * len - 1] == 0);
    CHECK(munmap(r, 2 * len) == 0);
    /* brk-backed malloc of many small blocks */
    for (int i = 0; i < 1000; i++) {
        char *q = malloc(100 + i);
        CHECK(q);
        memset(q, i, 100 + i);
        if (i % 2)
            free(q);
    }
    CHECK(mmap((void *)0x200000000, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
                   MAP_FIXED_NOREPLACE, -1, 0) == (void *)0x200000000);
    CHECK(mmap((void *)0x200000000, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
                   MAP_FIXED_NOREPLACE, -1, 0) == MAP_FAILED && errno == EEXIST);
    printf("mmapfile ok\n");
    return 0;
}
