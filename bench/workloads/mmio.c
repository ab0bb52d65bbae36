/*
 * MMIO-heavy loop: every iteration reads and writes CLINT registers (mtime,
 * mtimecmp, msip) at 0x02000000, the device path of the bus rather than the
 * RAM fast path. Interrupts stay disabled, and the values written to
 * mtimecmp are far in the future, so no interrupt becomes pending. The
 * native build runs the same loop over plain memory.
 */
#include "bench.h"

#define ITERS BENCH_SIZE(2000000, 20000)

int main(void)
{
    volatile uint8_t *clint = bench_clint();
    volatile uint32_t *msip = (volatile uint32_t *)clint;
    volatile uint64_t *mtimecmp = (volatile uint64_t *)(clint + 0x4000);
    volatile uint64_t *mtime = (volatile uint64_t *)(clint + 0xbff8);
    uint64_t acc = 0, last = 0, backwards = 0;
    for (uint32_t i = 0; i < ITERS; i++) {
        uint64_t t = *mtime; /* time is not part of the result: monotonic? */
        backwards += t < last;
        last = t;
        *mtimecmp = ((uint64_t)1 << 62) | i;
        acc = acc * 31 + (*mtimecmp & 0xffffffffu);
        *msip = i & 1;
        acc += *msip;
        *msip = 0;
    }
    *mtimecmp = UINT64_MAX;
    bench_result("backwards", backwards);
    bench_checksum(bench_mix(acc));
    return 0;
}
