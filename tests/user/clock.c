/* Time: CLOCK_MONOTONIC never goes back, CLOCK_REALTIME is the host's,
 * nanosleep sleeps at least as long as asked. */
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>

#include "check.h"

static long long ns(const struct timespec *t)
{
    return t->tv_sec * 1000000000ll + t->tv_nsec;
}

int main(void)
{
    struct timespec a, b;
    CHECK(clock_gettime(CLOCK_MONOTONIC, &a) == 0);
    for (int i = 0; i < 1000; i++) {
        CHECK(clock_gettime(CLOCK_MONOTONIC, &b) == 0);
        CHECK(ns(&b) >= ns(&a));
        a = b;
    }
    struct timespec d = {0, 20 * 1000 * 1000};
    CHECK(nanosleep(&d, NULL) == 0);
    CHECK(clock_gettime(CLOCK_MONOTONIC, &b) == 0);
    CHECK(ns(&b) - ns(&a) >= 20 * 1000 * 1000);
    struct timeval tv;
    CHECK(gettimeofday(&tv, NULL) == 0);
    time_t now = time(NULL);
    CHECK(now - tv.tv_sec <= 1 && now > 1600000000);
    CHECK(clock_getres(CLOCK_MONOTONIC, &d) == 0 && d.tv_sec == 0);
    struct rusage ru;
    CHECK(getrusage(RUSAGE_SELF, &ru) == 0 && ru.ru_maxrss > 0);
    printf("clock ok\n");
    return 0;
}
