/* Host signals reach the program: it says "ready", blocks reading its
 * standard input, and counts SIGINTs in a SA_RESTART handler; the read
 * goes on after the handler and returns what the test writes. */
#include <signal.h>
#include <unistd.h>

#include "check.h"

static volatile sig_atomic_t ints;

static void on_int(int sig)
{
    (void)sig;
    ints++;
}

int main(void)
{
    struct sigaction sa = {.sa_handler = on_int, .sa_flags = SA_RESTART};
    CHECK(sigaction(SIGINT, &sa, NULL) == 0);
    CHECK(write(1, "ready\n", 6) == 6);
    char buf[64] = {0};
    ssize_t n = read(0, buf, sizeof(buf) - 1);
    CHECK(n > 0);
    printf("read %s after %d SIGINT\n", buf, (int)ints);
    return ints == 1 ? 0 : 1;
}
