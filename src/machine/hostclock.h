/* The host's monotonic clock, for what must follow real time (realtime
 * idle waits, network timers); virtual time never uses it. */
#ifndef MACHINE_HOSTCLOCK_H
#define MACHINE_HOSTCLOCK_H

#include <stdint.h>
#include <time.h>

static inline uint64_t host_clock_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

#endif
