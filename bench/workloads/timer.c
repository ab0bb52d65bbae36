/*
 * Interrupt-heavy run: the integer work of a hash and a sort while the
 * machine timer interrupts every 30 mtime ticks (3000 instructions on emu,
 * whose mtime advances once per 100 instructions; 3 us on QEMU, whose timer
 * follows host time). The handler (bench/rt/crt.S, guest.c) saves registers,
 * counts, and sets the next deadline. The interrupt count goes to a '#' line:
 * it is not part of the result, and the native build takes none.
 */
#include "bench.h"

#ifndef PERIOD
#define PERIOD 30 /* mtime ticks between interrupts */
#endif
#define ROUNDS BENCH_SIZE(40, 2)
#define N 8192

static void sort(uint32_t *a, int n)
{
    /* shell sort: short, and different from intmix's */
    static const int gaps[] = {1750, 701, 301, 132, 57, 23, 10, 4, 1};
    for (unsigned g = 0; g < sizeof(gaps) / sizeof(gaps[0]); g++) {
        int gap = gaps[g];
        for (int i = gap; i < n; i++) {
            uint32_t v = a[i];
            int j = i;
            while (j >= gap && a[j - gap] > v) {
                a[j] = a[j - gap];
                j -= gap;
            }
            a[j] = v;
        }
    }
}

int main(void)
{
    static uint32_t a[N];
    uint64_t s = 3, acc = 0;
    bench_timer_start(PERIOD);
    for (int r = 0; r < ROUNDS; r++) {
        for (int i = 0; i < N; i++)
            a[i] = (uint32_t)(bench_rand(&s) >> 32);
        sort(a, N);
        for (int i = 0; i < N; i++)
            acc = acc * 0x100000001b3ull ^ a[i];
    }
    uint64_t ticks = bench_timer_stop();
    bench_puts("# interrupts ");
    bench_put_u64(ticks);
    bench_putchar('\n');
    bench_checksum(bench_mix(acc));
    return 0;
}
