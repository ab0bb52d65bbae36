/* Processes: fork with a pipe, waitpid with the exit status, execve of
 * this program again (argv and envp passed), posix_spawn, and execve
 * failures that leave the caller running. */
#define _GNU_SOURCE
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "child")) {
        CHECK(argc == 3 && !strcmp(argv[2], "two"));
        CHECK(getenv("FROM_PARENT") && !strcmp(getenv("FROM_PARENT"), "1"));
        return 7;
    }
    int p[2];
    CHECK(pipe(p) == 0);
    pid_t c = fork();
    CHECK(c >= 0);
    if (c == 0) {
        close(p[0]);
        if (write(p[1], "hi", 2) != 2)
            _exit(10);
        _exit(3);
    }
    close(p[1]);
    char buf[4] = {0};
    CHECK(read(p[0], buf, sizeof(buf)) == 2 && !strcmp(buf, "hi"));
    int st;
    CHECK(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 3);

    char *av[] = {argv[0], "child", "two", NULL};
    char *ev[] = {"FROM_PARENT=1", NULL};
    c = fork();
    CHECK(c >= 0);
    if (c == 0) {
        execve(argv[0], av, ev);
        _exit(99);
    }
    CHECK(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 7);

    CHECK(posix_spawn(&c, argv[0], NULL, NULL, av, ev) == 0);
    CHECK(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 7);

    CHECK(execve("/nonexistent/program", av, ev) == -1 && errno == ENOENT);
    /* the host's emulator binary is no program of the guest's ISA */
    CHECK(execve("/proc/self/exe", av, ev) == -1 && errno == ENOEXEC);
    CHECK(waitpid(-1, &st, WNOHANG) == -1 && errno == ECHILD);
    printf("fork ok\n");
    return 0;
}
