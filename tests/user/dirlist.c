/* Directory listing: mkdir, files in it, readdir (getdents64), rmdir.
 * argv[1] is a scratch directory. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

int main(int argc, char **argv)
{
    CHECK(argc == 2);
    char dir[512], f[600];
    snprintf(dir, sizeof(dir), "%s/dirlist-%d", argv[1], getpid());
    CHECK(mkdir(dir, 0755) == 0);
    CHECK(mkdir(dir, 0755) == -1 && errno == EEXIST);
    const char *names[] = {"alpha", "beta", "gamma-with-a-long-name"};
    for (int i = 0; i < 3; i++) {
        snprintf(f, sizeof(f), "%s/%s", dir, names[i]);
        int fd = open(f, O_CREAT | O_WRONLY, 0600);
        CHECK(fd >= 0 && close(fd) == 0);
    }
    DIR *d = opendir(dir);
    CHECK(d);
    int seen = 0, dots = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) {
            dots++;
            CHECK(e->d_type == DT_DIR);
            continue;
        }
        for (int i = 0; i < 3; i++)
            if (!strcmp(e->d_name, names[i])) {
                seen |= 1 << i;
                CHECK(e->d_type == DT_REG);
            }
    }
    closedir(d);
    CHECK(seen == 7 && dots == 2);
    CHECK(chdir(dir) == 0);
    struct stat st;
    CHECK(stat("beta", &st) == 0 && S_ISREG(st.st_mode));
    CHECK(symlink("beta", "link") == 0);
    char target[64] = {0};
    CHECK(readlink("link", target, sizeof(target)) == 4 && !strcmp(target, "beta"));
    CHECK(lstat("link", &st) == 0 && S_ISLNK(st.st_mode));
    CHECK(unlink("link") == 0);
    for (int i = 0; i < 3; i++)
        CHECK(unlink(names[i]) == 0);
    CHECK(chdir("..") == 0);
    CHECK(rmdir(dir) == 0);
    printf("dirlist ok\n");
    return 0;
}
