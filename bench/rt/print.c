/* Number formatting of our own: the guest has no libc, and the native build
 * must print exactly the same text. */
#include "bench.h"

void bench_puts(const char *s)
{
    while (*s)
        bench_putchar(*s++);
}

void bench_put_u64(uint64_t v)
{
    char buf[24];
    int i = (int)sizeof(buf);
    buf[--i] = 0;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    bench_puts(&buf[i]);
}

void bench_put_i64(int64_t v)
{
    if (v < 0) {
        bench_putchar('-');
        bench_put_u64(0 - (uint64_t)v);
    } else {
        bench_put_u64((uint64_t)v);
    }
}

void bench_put_hex64(uint64_t v)
{
    bench_puts("0x");
    for (int sh = 60; sh >= 0; sh -= 4)
        bench_putchar("0123456789abcdef"[(v >> sh) & 15]);
}

void bench_result(const char *name, uint64_t v)
{
    bench_puts(name);
    bench_putchar(' ');
    bench_put_u64(v);
    bench_putchar('\n');
}

void bench_checksum(uint64_t v)
{
    bench_puts("checksum ");
    bench_put_hex64(v);
    bench_putchar('\n');
}
