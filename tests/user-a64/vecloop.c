/* Loops the compiler auto-vectorises at -O3 (the test's build checks with
 * objdump that this program has Advanced SIMD instructions): results
 * checked against scalar sums computed with vectorisation blocked. */
#include <stdint.h>
#include "check.h"

#define N 1031 /* not a multiple of the vector length: tails run too */
static int32_t a[N], b[N], c[N];
static float fa[N], fb[N], fc[N];
static uint8_t p[N], q[N];

__attribute__((noinline)) static void add_mul(void)
{
    for (int i = 0; i < N; i++)
        c[i] = a[i] * 3 + b[i];
}

__attribute__((noinline)) static void saxpy(float k)
{
    for (int i = 0; i < N; i++)
        fc[i] = k * fa[i] + fb[i];
}

__attribute__((noinline)) static uint32_t sad(void)
{
    uint32_t s = 0;
    for (int i = 0; i < N; i++)
        s += (uint32_t)(p[i] > q[i] ? p[i] - q[i] : q[i] - p[i]);
    return s;
}

__attribute__((noinline)) static int32_t max_of(void)
{
    int32_t m = INT32_MIN;
    for (int i = 0; i < N; i++)
        m = c[i] > m ? c[i] : m;
    return m;
}

int main(void)
{
    for (int i = 0; i < N; i++) {
        a[i] = i * 7 - 3000;
        b[i] = (i * 13) % 101;
        fa[i] = (float)i * 0.5f;
        fb[i] = 1.0f;
        p[i] = (uint8_t)(i * 37);
        q[i] = (uint8_t)(i * 11 + 5);
    }
    add_mul();
    saxpy(2.0f);
    int64_t sc = 0, ref = 0;
    int32_t mref = INT32_MIN;
    for (volatile int i = 0; i < N; i++) {
        int32_t want = (i * 7 - 3000) * 3 + (i * 13) % 101;
        CHECK(c[i] == want);
        CHECK(fc[i] == (float)i + 1.0f);
        sc += c[i];
        ref += want;
        if (want > mref)
            mref = want;
    }
    CHECK(sc == ref);
    CHECK(max_of() == mref);
    uint32_t sref = 0;
    for (volatile int i = 0; i < N; i++) {
        int d = (uint8_t)(i * 37) - (uint8_t)(i * 11 + 5);
        sref += (uint32_t)(d < 0 ? -d : d);
    }
    CHECK(sad() == sref);
    printf("sum %lld max %d sad %u\n", (long long)sc, mref, sref);
    OK("vector");
    return 0;
}
