/*
 * How much does exact soft-float cost? Times libemu's soft-float (src/fpu)
 * against the host's own floating point on the same operands, per operation
 * and in nanoseconds, in one run. The host figures are what a host-FP
 * implementation could at best reach (before saving and restoring the
 * host's rounding mode and flags around each guest instruction).
 *   bench/host/fpu_ops [millions of operations per row, default 4]
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fpu/fpu.h"

#define N 4096 /* operand pairs, cycled through */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint64_t a_bits[N], b_bits[N], c_bits[N];
static double a_d[N], b_d[N], c_d[N];

enum { OP_ADD, OP_MUL, OP_DIV, OP_SQRT, OP_FMA, OP_CVT, NOPS };
static const char *const names[NOPS] = {"add", "mul", "div", "sqrt", "fma",
                                        "to_i64"};

static double run_soft(int op, long iters, uint64_t *sink)
{
    unsigned fl = 0;
    uint64_t acc = 0;
    double t0 = now();
    for (long i = 0; i < iters; i++) {
        unsigned k = (unsigned)i & (N - 1);
        switch (op) {
        case OP_ADD: acc ^= f64_add(a_bits[k], b_bits[k], FP_RNE, &fl); break;
        case OP_MUL: acc ^= f64_mul(a_bits[k], b_bits[k], FP_RNE, &fl); break;
        case OP_DIV: acc ^= f64_div(a_bits[k], b_bits[k], FP_RNE, &fl); break;
        case OP_SQRT: acc ^= f64_sqrt(a_bits[k], FP_RNE, &fl); break;
        case OP_FMA: acc ^= f64_fma(a_bits[k], b_bits[k], c_bits[k], FP_RNE, &fl); break;
        default: acc ^= (uint64_t)f64_to_i64(a_bits[k], FP_RTZ, &fl); break;
        }
    }
    double t = now() - t0;
    *sink ^= acc ^ fl;
    return t;
}

static double run_host(int op, long iters, uint64_t *sink)
{
    double acc = 0;
    int64_t iacc = 0;
    double t0 = now();
    for (long i = 0; i < iters; i++) {
        unsigned k = (unsigned)i & (N - 1);
        switch (op) {
        case OP_ADD: acc += a_d[k] + b_d[k]; break;
        case OP_MUL: acc += a_d[k] * b_d[k]; break;
        case OP_DIV: acc += a_d[k] / b_d[k]; break;
        case OP_SQRT: acc += sqrt(a_d[k]); break;
        case OP_FMA: acc += fma(a_d[k], b_d[k], c_d[k]); break;
        default: iacc += (int64_t)a_d[k]; break;
        }
    }
    double t = now() - t0;
    uint64_t bits;
    memcpy(&bits, &acc, sizeof(bits));
    *sink ^= bits ^ (uint64_t)iacc;
    return t;
}

int main(int argc, char **argv)
{
    long millions = argc > 1 ? atol(argv[1]) : 4;
    if (millions <= 0) {
        fprintf(stderr, "usage: fpu_ops [millions of operations per row]\n");
        return 2;
    }
    long iters = millions * 1000000;
    uint64_t s = 0x9e3779b97f4a7c15ull, sink = 0;
    for (int i = 0; i < N; i++) {
        /* positive normal values from 2^-20 to 2^20 */
        double v[3];
        for (int j = 0; j < 3; j++) {
            s ^= s << 13, s ^= s >> 7, s ^= s << 17;
            v[j] = ldexp(1.0 + (double)(s >> 11) * 0x1p-53, (int)(s % 41) - 20);
        }
        a_d[i] = v[0], b_d[i] = v[1], c_d[i] = v[2];
        memcpy(&a_bits[i], &v[0], 8);
        memcpy(&b_bits[i], &v[1], 8);
        memcpy(&c_bits[i], &v[2], 8);
    }
    printf("%-8s %12s %12s %8s\n", "binary64", "soft ns/op", "host ns/op", "ratio");
    for (int op = 0; op < NOPS; op++) {
        double ts = run_soft(op, iters, &sink), th = run_host(op, iters, &sink);
        printf("%-8s %12.2f %12.2f %7.1fx\n", names[op], ts * 1e9 / (double)iters,
               th * 1e9 / (double)iters, ts / th);
    }
    fprintf(stderr, "(checksum %016llx)\n", (unsigned long long)sink);
    return 0;
}
