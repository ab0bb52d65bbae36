/*
 * Trap-heavy loop: system-call round trips. The workload runs in U mode and
 * makes an ecall per iteration; the trap is delegated to an S-mode handler
 * (bench/rt/crt.S) that saves the caller-saved registers, calls
 * bench_ecall_service below, and returns with sret. The native build calls
 * the service directly, so the slowdown shows what a trap costs.
 */
#include "bench.h"

#define CALLS BENCH_SIZE(1000000, 20000)

uint32_t bench_ecall_service(uint32_t a, uint32_t b)
{
    uint32_t x = a * 0x9e3779b1u ^ b;
    return x ^ (x >> 15);
}

int main(void)
{
    uint64_t acc = 0;
    uint32_t v = 1;
    for (uint32_t i = 0; i < CALLS; i++) {
        v = bench_ecall(v, i);
        acc += v;
    }
    bench_result("calls", CALLS);
    bench_checksum(bench_mix(acc ^ v));
    return 0;
}
