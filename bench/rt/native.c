/* The host side of bench.h: the native build of every workload links this
 * instead of the guest runtime. */
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"

void bench_putchar(int c)
{
    putchar(c);
}

/* kept reachable, so a leak checker does not report them */
void *bench_native_blocks[64];

void *bench_alloc(uint64_t size)
{
    static unsigned nblocks;
    void *p = nblocks < 64 ? malloc((size_t)size) : NULL;
    if (!p) {
        fprintf(stderr, "bench_alloc: out of memory\n");
        exit(1);
    }
    bench_native_blocks[nblocks++] = p;
    return p;
}

/* noinline: the native figure should include a real call, as the guest's
 * includes a real trap */
__attribute__((noinline)) uint32_t bench_ecall(uint32_t a, uint32_t b)
{
    return bench_ecall_service(a, b);
}

void bench_timer_start(uint64_t period)
{
    (void)period;
}

uint64_t bench_timer_stop(void)
{
    return 0;
}

volatile uint8_t *bench_clint(void)
{
    static uint64_t clint[0xc000 / 8];
    return (volatile uint8_t *)clint;
}
