/* File I/O round trip: create, write, seek, read, pread/pwrite, readv/
 * writev, fstat/stat/statx, ftruncate, dup, rename, unlink. argv[1] is a
 * scratch directory. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "check.h"

int main(int argc, char **argv)
{
    CHECK(argc == 2);
    char path[512], path2[530];
    snprintf(path, sizeof(path), "%s/fileio-%d.txt", argv[1], getpid());
    snprintf(path2, sizeof(path2), "%s.renamed", path);
    int fd = open(path, O_CREAT | O_TRUNC | O_RDWR, 0644);
    CHECK(fd >= 0);
    const char msg[] = "hello, riscv64 world\n";
    CHECK(write(fd, msg, sizeof(msg) - 1) == (ssize_t)sizeof(msg) - 1);
    CHECK(lseek(fd, 0, SEEK_CUR) == (off_t)sizeof(msg) - 1);
    CHECK(lseek(fd, 7, SEEK_SET) == 7);
    char buf[64] = {0};
    CHECK(read(fd, buf, 7) == 7 && !memcmp(buf, "riscv64", 7));
    CHECK(pwrite(fd, "RISCV", 5, 7) == 5);
    CHECK(pread(fd, buf, 12, 7) == 12 && !memcmp(buf, "RISCV64 worl", 12));
    struct iovec iov[2] = {{"ab", 2}, {"cdef", 4}};
    CHECK(lseek(fd, 0, SEEK_END) == (off_t)sizeof(msg) - 1);
    CHECK(writev(fd, iov, 2) == 6);
    char x[3] = {0}, y[4] = {0};
    struct iovec riov[2] = {{x, 2}, {y, 4}};
    CHECK(lseek(fd, -6, SEEK_END) >= 0);
    CHECK(readv(fd, riov, 2) == 6 && !memcmp(x, "ab", 2) && !memcmp(y, "cdef", 4));
    struct stat st;
    CHECK(fstat(fd, &st) == 0 && st.st_size == (off_t)sizeof(msg) - 1 + 6);
    CHECK(S_ISREG(st.st_mode) && (st.st_mode & 0777) == 0644);
    CHECK(ftruncate(fd, 5) == 0);
    CHECK(stat(path, &st) == 0 && st.st_size == 5);
    struct statx sx;
    CHECK(statx(AT_FDCWD, path, 0, STATX_SIZE, &sx) == 0 && sx.stx_size == 5);
    int fd2 = dup(fd);
    CHECK(fd2 > fd);
    CHECK(lseek(fd2, 0, SEEK_SET) == 0 && read(fd2, buf, 64) == 5);
    CHECK(!memcmp(buf, "hello", 5));
    CHECK(fcntl(fd2, F_GETFL) & O_RDWR);
    CHECK(close(fd2) == 0 && close(fd) == 0);
    CHECK(close(fd) == -1 && errno == EBADF);
    CHECK(rename(path, path2) == 0);
    CHECK(access(path, F_OK) == -1 && errno == ENOENT);
    CHECK(access(path2, R_OK | W_OK) == 0);
    FILE *f = fopen(path2, "r");
    CHECK(f && fgets(buf, sizeof(buf), f) && !strcmp(buf, "hello"));
    fclose(f);
    CHECK(unlink(path2) == 0);
    CHECK(open(path2, O_RDONLY) == -1 && errno == ENOENT);
    int p[2];
    CHECK(pipe(p) == 0);
    struct pollfd pf[2] = {{p[0], POLLIN, 0}, {p[1], POLLOUT, 0}};
    CHECK(poll(pf, 1, 0) == 0 && pf[0].revents == 0);
    CHECK(write(p[1], "pipe", 4) == 4);
    CHECK(poll(pf, 2, 1000) == 2 && pf[0].revents == POLLIN &&
          pf[1].revents == POLLOUT);
    CHECK(read(p[0], buf, 4) == 4 && !memcmp(buf, "pipe", 4));
    char cwd[512];
    CHECK(getcwd(cwd, sizeof(cwd)) && cwd[0] == '/');
    printf("fileio ok\n");
    return 0;
}
