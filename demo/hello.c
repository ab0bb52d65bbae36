/*
 * The demo guest: says hello, describes the hart it runs on, and draws the
 * Mandelbrot set in fixed-point integer arithmetic (a loop-heavy workload,
 * about 20 million instructions). Output goes through the HTIF console.
 */
#include "htif.h"

#define W 64
#define H 24
#ifndef MAX_ITER
#define MAX_ITER 200 /* -DMAX_ITER=N makes a longer run */
#endif
#define FRAC 13 /* fixed point: value * 2^13 */

static unsigned long read_misa(void)
{
    unsigned long v;
    __asm__ volatile("csrr %0, misa" : "=r"(v));
    return v;
}

static int iterations(long cr, long ci)
{
    long zr = 0, zi = 0;
    for (int i = 0; i < MAX_ITER; i++) {
        long zr2 = (zr * zr) >> FRAC, zi2 = (zi * zi) >> FRAC;
        if (zr2 + zi2 > (4l << FRAC))
            return i;
        zi = ((2 * zr * zi) >> FRAC) + ci;
        zr = zr2 - zi2 + cr;
    }
    return MAX_ITER;
}

int main(void)
{
    static const char shades[] = " .:-=+*#%@";
    unsigned long misa = read_misa();
    int xlen = (long)misa < 0 ? 64 : 32;

    put_str("Hello from a RISC-V guest running on libemu!\n");
    put_str("hart: RV");
    put_uint((unsigned long)xlen);
    put_str(", extensions ");
    for (int i = 0; i < 26; i++) {
        if (misa & (1ul << i)) {
            char c[2] = {(char)('A' + i), 0};
            put_str(c);
        }
    }
    put_str(" (misa ");
    put_hex(misa);
    put_str(")\n\n");

    static char line[W + 2];
    unsigned long total = 0;
    for (int y = 0; y < H; y++) {
        long ci = ((long)(y - H / 2) << FRAC) * 5 / (2 * H);
        for (int x = 0; x < W; x++) {
            long cr = ((long)(x - 2 * W / 3) << FRAC) * 3 / W;
            int it = iterations(cr, ci);
            total += (unsigned long)it;
            line[x] = it == MAX_ITER ? '@' : shades[it % 9];
        }
        line[W] = '\n';
        line[W + 1] = 0;
        put_str(line);
    }
    put_str("\nchecksum ");
    put_uint(total);
    put_str("\n");
    return 0;
}
