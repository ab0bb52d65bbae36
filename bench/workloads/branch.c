/*
 * Branch-heavy kernel: control flow that depends on random data, so a host
 * branch predictor cannot learn it and an interpreter's dispatch cannot
 * either.
 *   classify  a decision tree over random bytes (unpredictable ifs)
 *   search    binary searches of random keys in a sorted table
 *   collatz   Collatz sequences (a data-dependent branch per step)
 *   sieve     a sieve of Eratosthenes, then a scan for prime gaps
 */
#include "bench.h"

#define CLASSIFY_N BENCH_SIZE(3000000, 100000)
#define TABLE_N 65536
#define SEARCHES BENCH_SIZE(600000, 20000)
#define COLLATZ_N BENCH_SIZE(40000, 1000)
#define SIEVE_N BENCH_SIZE(2000000, 100000)

static uint64_t part_classify(void)
{
    uint64_t s = 5, counts[8] = {0};
    for (uint32_t i = 0; i < CLASSIFY_N; i++) {
        uint64_t r = bench_rand(&s);
        uint32_t b = (uint32_t)(r >> 56), c = (uint32_t)(r >> 48) & 0xff;
        if (b < 128) {
            if (c < 64)
                counts[0]++;
            else if (b & 4)
                counts[1] += c;
            else
                counts[2]++;
        } else if (b < 200) {
            if ((c ^ b) & 1)
                counts[3]++;
            else
                counts[4] ^= r;
        } else {
            switch (c & 7) {
            case 0: counts[5]++; break;
            case 3: counts[6] += b; break;
            case 5: counts[5] += 2; break;
            default: counts[7]++; break;
            }
        }
    }
    uint64_t acc = 0;
    for (int k = 0; k < 8; k++)
        acc = bench_mix(acc ^ counts[k]);
    return acc;
}

static uint64_t part_search(void)
{
    static uint32_t table[TABLE_N];
    uint32_t v = 0;
    uint64_t s = 11;
    for (uint32_t i = 0; i < TABLE_N; i++) {
        v += 1 + (uint32_t)(bench_rand(&s) >> 60);
        table[i] = v;
    }
    uint64_t found = 0, where = 0;
    for (uint32_t k = 0; k < SEARCHES; k++) {
        uint32_t key = (uint32_t)(bench_rand(&s) >> 32) % (v + 1);
        uint32_t lo = 0, hi = TABLE_N;
        while (lo < hi) {
            uint32_t mid = (lo + hi) / 2;
            if (table[mid] < key)
                lo = mid + 1;
            else if (table[mid] > key)
                hi = mid;
            else {
                found++;
                break;
            }
        }
        where += lo;
    }
    return found << 40 ^ where;
}

static uint64_t part_collatz(void)
{
    uint64_t total = 0, longest = 0;
    for (uint64_t n = 1; n < COLLATZ_N; n++) {
        uint64_t x = n, steps = 0;
        while (x != 1) {
            if (x & 1)
                x = 3 * x + 1;
            else
                x >>= 1;
            steps++;
        }
        total += steps;
        if (steps > longest) longest = steps;
    }
    return total << 16 ^ longest;
}

static uint64_t part_sieve(void)
{
    uint8_t *composite = bench_alloc(SIEVE_N);
    for (uint32_t i = 0; i < SIEVE_N; i++)
        composite[i] = 0;
    for (uint32_t i = 2; (uint64_t)i * i < SIEVE_N; i++)
        if (!composite[i])
            for (uint32_t j = i * i; j < SIEVE_N; j += i)
                composite[j] = 1;
    uint64_t count = 0, maxgap = 0, last = 2;
    for (uint32_t i = 3; i < SIEVE_N; i++) {
        if (!composite[i]) {
            count++;
            if (i - last > maxgap) maxgap = i - last;
            last = i;
        }
    }
    return count << 20 ^ maxgap;
}

int main(void)
{
    uint64_t a = part_classify();
    bench_result("classify", a);
    uint64_t b = part_search();
    bench_result("search", b);
    uint64_t c = part_collatz();
    bench_result("collatz", c);
    uint64_t d = part_sieve();
    bench_result("sieve", d);
    bench_checksum(bench_mix(a ^ bench_mix(b ^ bench_mix(c ^ bench_mix(d)))));
    return 0;
}
