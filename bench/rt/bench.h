/*
 * What a benchmark workload may use. The same workload source builds twice:
 * for the guest (bench/rt/guest.c and crt.S: bare metal on the HTIF test
 * board, or QEMU's spike machine) and for the host (bench/rt/native.c), so
 * the two outputs can be compared line by line.
 *
 * Output convention: every line a workload prints is part of its result and
 * must be identical on every platform, except lines starting with '#', which
 * carry platform-specific information (interrupt counts, for example). The
 * last result line is "checksum 0x<16 hex digits>".
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>

/* Problem size: full-size runs for bench/run, quick ones for the smoke tests.
 */
#ifdef BENCH_QUICK
#define BENCH_SIZE(full, quick) (quick)
#else
#define BENCH_SIZE(full, quick) (full)
#endif

/* Memory for large arrays, not cleared: a workload initialises what it reads.
 * On the guest it comes from the RAM after the image (the default 128 MiB
 * of the test board); natively from malloc. Never freed. */
void *bench_alloc(uint64_t size);

/* Console output (bench/rt/print.c on top of the platform's bench_putchar). */
void bench_putchar(int c);
void bench_puts(const char *s);
void bench_put_u64(uint64_t v);
void bench_put_i64(int64_t v);
void bench_put_hex64(uint64_t v);
/* "name value\n" with the value in decimal */
void bench_result(const char *name, uint64_t v);
/* "checksum 0x...\n": the line the runner verifies */
void bench_checksum(uint64_t v);

/* Hash mixing shared by the workloads (splitmix64's finaliser). */
static inline uint64_t bench_mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

/* A small deterministic generator (xorshift64*). */
static inline uint64_t bench_rand(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 0x2545f4914f6cdd1dull;
}

/*
 * Platform services for the trap, interrupt and MMIO workloads.
 *
 * bench_ecall(a, b): on the guest an ecall from U mode, served by an S-mode
 * handler that calls the workload's bench_ecall_service(a, b) and returns its
 * value in a0; natively a plain (not inlined) call of the same function.
 * 32-bit values, so RV32, RV64 and the host compute the same thing.
 */
uint32_t bench_ecall(uint32_t a, uint32_t b);
/* weak: only the trap workload defines it */
uint32_t bench_ecall_service(uint32_t a, uint32_t b) __attribute__((weak));

/* Machine timer interrupt every `period` mtime ticks (guest, M mode); no-ops
 * natively. bench_timer_stop waits for the first interrupt if none came yet,
 * stops the timer and returns the number of interrupts taken. */
void bench_timer_start(uint64_t period);
uint64_t bench_timer_stop(void);

/* Base of the CLINT (msip +0, mtimecmp +0x4000, mtime +0xbff8); natively a
 * plain memory block of the same shape. */
volatile uint8_t *bench_clint(void);

#endif
