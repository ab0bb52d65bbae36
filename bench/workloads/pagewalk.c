/*
 * The cost of address translation: a page-strided walk over 64 MiB, one
 * access per 4 KiB page, so every access needs a different translation.
 * Built twice: bare (M mode, no translation) and under Sv39 in U mode with
 * 4 KiB pages (bench/rt/guest.c, BENCH_VM=2), so each TLB miss costs a
 * three-level page-table walk. The ratio of the two times is the cost of
 * translation. Each pass touches a different 64-byte line of every page.
 */
#include "bench.h"

#define BYTES (64u << 20)
#define PAGES (BYTES / 4096)
#define PASSES BENCH_SIZE(256, 8)
#define LINES 8 /* distinct lines touched per page */

int main(void)
{
    uint64_t *buf = bench_alloc(BYTES);
    uint32_t pages = BENCH_SIZE(PAGES, PAGES / 8);
    for (uint32_t p = 0; p < pages; p++)
        for (uint32_t l = 0; l < LINES; l++)
            buf[p * 512 + l * 64] = p * 8 + l;
    uint64_t sum = 0;
    for (uint32_t pass = 0; pass < PASSES; pass++) {
        uint32_t line = (pass % LINES) * 64;
        for (uint32_t p = 0; p < pages; p++) {
            uint64_t *w = &buf[p * 512 + line];
            uint64_t v = *w;
            sum += v;
            *w = v + pass;
        }
    }
    bench_result("pages", pages);
    bench_checksum(bench_mix(sum));
    return 0;
}
