/* Integer work: hashing, sorting and a small bytecode interpreter, each
 * checked against values computed independently of the code under test. */
#include <stdint.h>
#include <string.h>
#include "check.h"

static uint32_t fnv1a(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

static uint64_t xorshift(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static void merge_sort(int64_t *a, int64_t *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    merge_sort(a, tmp, h);
    merge_sort(a + h, tmp, n - h);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
    while (i < h)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
}

/* a stack machine with two locals: push imm, add, mul, sub, dup, swap,
 * jump if non-zero, load/store a local, halt */
enum { PUSH, ADD, MUL, SUB, DUP, SWAP, JNZ, LOAD, STORE, HALT };
static int64_t interp(const int64_t *code)
{
    int64_t st[64], loc[2] = {0, 0};
    int sp = 0;
    for (size_t pc = 0;;) {
        switch (code[pc++]) {
        case PUSH: st[sp++] = code[pc++]; break;
        case ADD: sp--; st[sp - 1] += st[sp]; break;
        case MUL: sp--; st[sp - 1] *= st[sp]; break;
        case SUB: sp--; st[sp - 1] -= st[sp]; break;
        case DUP: st[sp] = st[sp - 1]; sp++; break;
        case SWAP: { int64_t t = st[sp - 1]; st[sp - 1] = st[sp - 2]; st[sp - 2] = t; break; }
        case JNZ: { int64_t t = code[pc++]; if (st[--sp]) pc = (size_t)t; break; }
        case LOAD: st[sp++] = loc[code[pc++]]; break;
        case STORE: loc[code[pc++]] = st[--sp]; break;
        case HALT: return st[sp - 1];
        }
    }
}

int main(void)
{
    /* FNV-1a test vectors */
    CHECK(fnv1a("") == 0x811c9dc5u);
    CHECK(fnv1a("a") == 0xe40c292cu);
    CHECK(fnv1a("foobar") == 0xbf9cf968u);
    OK("fnv1a");

    enum { N = 5000 };
    static int64_t a[N], tmp[N];
    uint64_t s = 88172645463325252ull, sum = 0, xsum = 0;
    for (int i = 0; i < N; i++) {
        a[i] = (int64_t)xorshift(&s);
        sum += (uint64_t)a[i];
        xsum ^= (uint64_t)a[i];
    }
    merge_sort(a, tmp, N);
    uint64_t sum2 = 0, xsum2 = 0;
    for (int i = 0; i < N; i++) {
        if (i)
            CHECK(a[i - 1] <= a[i]);
        sum2 += (uint64_t)a[i];
        xsum2 ^= (uint64_t)a[i];
    }
    CHECK(sum == sum2 && xsum == xsum2);
    OK("sort");

    static const int64_t pow_prog[] = {
        PUSH, 1, PUSH, 40,           /* acc n */
        /* 4: */ SWAP, PUSH, 2, MUL, /* n acc*2 */
        SWAP, PUSH, 1, SUB,          /* acc n-1 */
        DUP, JNZ, 4,                 /* loop while n */
        SWAP, HALT,                  /* acc */
    };
    CHECK(interp(pow_prog) == (int64_t)1 << 40);
    static const int64_t fact_prog[] = {
        PUSH, 1, STORE, 0, PUSH, 20, STORE, 1,  /* acc = 1, n = 20 */
        /* 8: */ LOAD, 0, LOAD, 1, MUL, STORE, 0, /* acc *= n */
        LOAD, 1, PUSH, 1, SUB, DUP, STORE, 1,   /* n -= 1 */
        JNZ, 8, LOAD, 0, HALT,
    };
    CHECK(interp(fact_prog) == 2432902008176640000ll);
    OK("interp");
    return 0;
}
