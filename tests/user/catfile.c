/* Print each argument path's first line, or the error opening it:
 * "PATH: LINE" or "PATH: error ENAME". */
#include <fcntl.h>
#include <unistd.h>

#include "check.h"

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        char buf[128] = {0};
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            printf("%s: error %d\n", argv[i], errno);
            continue;
        }
        ssize_t n = read(fd, buf, sizeof(buf) - 1);
        close(fd);
        if (n > 0 && buf[n - 1] == '\n')
            buf[n - 1] = 0;
        printf("%s: %s\n", argv[i], buf);
    }
    char cwd[256];
    printf("cwd: %s\n", getcwd(cwd, sizeof(cwd)) ? cwd : "?");
    return 0;
}
