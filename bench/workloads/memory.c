/*
 * Memory-bound kernel over tens of MiB (16 MiB of 64-bit words and an 8 MiB
 * index array at full size):
 *   stride  sums the whole array at strides of 1, 8, 512 and 4099 words
 *           (sequential, one per cache line, one per page, and a stride that
 *           walks pages in a scattered order)
 *   chase   follows a random cyclic permutation (Sattolo's algorithm)
 *           through the index array: every load depends on the previous one
 *   update  random read-modify-write updates (GUPS style)
 */
#include "bench.h"

#define WORDS BENCH_SIZE(2u << 20, 128u << 10) /* 16 MiB / 1 MiB */
#define UPDATES WORDS

static uint64_t part_stride(uint64_t *a)
{
    static const uint32_t strides[] = {1, 8, 512, 4099};
    uint64_t acc = 0;
    for (unsigned k = 0; k < sizeof(strides) / sizeof(strides[0]); k++) {
        uint32_t st = strides[k];
        uint64_t sum = 0;
        for (uint32_t s = 0; s < st; s++)
            for (uint32_t i = s; i < WORDS; i += st)
                sum += a[i] ^ i;
        acc = bench_mix(acc ^ sum);
    }
    return acc;
}

static uint64_t part_chase(uint32_t *next)
{
    uint64_t s = 99;
    for (uint32_t i = 0; i < WORDS; i++)
        next[i] = i;
    /* Sattolo: one cycle through every element */
    for (uint32_t i = WORDS - 1; i > 0; i--) {
        uint32_t j = (uint32_t)((bench_rand(&s) >> 32) % i);
        uint32_t t = next[i];
        next[i] = next[j];
        next[j] = t;
    }
    uint64_t sum = 0;
    uint32_t p = 0;
    for (uint32_t i = 0; i < WORDS; i++) {
        p = next[p];
        sum += p * (uint64_t)(i | 1);
    }
    return bench_mix(sum ^ p);
}

static uint64_t part_update(uint64_t *a)
{
    uint64_t s = 7;
    for (uint32_t i = 0; i < UPDATES; i++) {
        uint64_t r = bench_rand(&s);
        a[(r >> 20) & (WORDS - 1)] ^= r;
    }
    uint64_t sum = 0;
    for (uint32_t i = 0; i < WORDS; i++)
        sum = sum * 3 + a[i];
    return sum;
}

int main(void)
{
    uint64_t *a = bench_alloc(WORDS * sizeof(uint64_t));
    uint32_t *next = bench_alloc(WORDS * sizeof(uint32_t));
    for (uint32_t i = 0; i < WORDS; i++)
        a[i] = bench_mix(i);
    uint64_t s = part_stride(a);
    bench_result("stride", s);
    uint64_t c = part_chase(next);
    bench_result("chase", c);
    uint64_t u = part_update(a);
    bench_result("update", u);
    bench_checksum(bench_mix(s ^ bench_mix(c ^ bench_mix(u))));
    return 0;
}
