/* Minimal runtime for guest programs: console output and exit via HTIF. */
#include <stddef.h>
#include <stdint.h>

#include "htif.h"

/* The host finds these by name in the ELF symbol table. */
volatile uint64_t tohost __attribute__((section(".tohost"), aligned(8)));
volatile uint64_t fromhost __attribute__((section(".tohost"), aligned(8)));

#define SYS_write 64

/* A proxied system call: the host reads the block, writes the result into
 * its first word and sets fromhost. */
static long syscall3(uintptr_t n, uintptr_t a0, uintptr_t a1, uintptr_t a2)
{
    static volatile uint64_t block[8] __attribute__((aligned(64)));
    block[0] = n;
    block[1] = a0;
    block[2] = a1;
    block[3] = a2;
    __sync_synchronize();
    tohost = (uintptr_t)block;
    while (fromhost == 0)
        ;
    fromhost = 0;
    __sync_synchronize();
    return (long)block[0];
}

void put_str(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    syscall3(SYS_write, 1, (uintptr_t)s, n);
}

void put_uint(unsigned long v)
{
    char buf[24];
    int i = sizeof(buf) - 1;
    buf[i] = 0;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put_str(&buf[i]);
}

void put_hex(unsigned long v)
{
    char buf[2 + 2 * sizeof(v) + 1];
    int n = 0;
    buf[n++] = '0';
    buf[n++] = 'x';
    for (int sh = 8 * (int)sizeof(v) - 4; sh >= 0; sh -= 4)
        buf[n++] = "0123456789abcdef"[(v >> sh) & 15];
    buf[n] = 0;
    put_str(buf);
}

void exit(int status)
{
    for (;;)
        tohost = ((uint64_t)(unsigned)status << 1) | 1;
}
