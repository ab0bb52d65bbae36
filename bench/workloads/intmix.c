/*
 * Integer mix: the kind of work most programs do. Four parts, each with its
 * own result line:
 *   hash    FNV-1a, table-driven CRC-32 and a 64-bit block mixer over a
 *           64 KiB buffer
 *   sort    quicksort (median of three, insertion sort for short runs) and
 *           heapsort of 16384 random 32-bit keys
 *   interp  a bytecode stack machine (switch dispatch) running two
 *           programs: counting primes by trial division, and summing
 *           Collatz sequence lengths
 *   lexer   a state machine that splits generated source-like text into
 *           identifiers, numbers, strings, comments and operators
 */
#include "bench.h"

#define HASH_BYTES 65536
#define HASH_ROUNDS BENCH_SIZE(32, 1)
#define SORT_N BENCH_SIZE(16384, 2048)
#define SORT_ROUNDS BENCH_SIZE(8, 1)
#define PRIMES_LIMIT BENCH_SIZE(16000, 2000)
#define COLLATZ_LIMIT BENCH_SIZE(3000, 300)
#define LEX_BYTES 65536
#define LEX_ROUNDS BENCH_SIZE(24, 1)

/* ---- hashing ---- */

static uint32_t crc_table[256];

static void crc_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

static uint32_t crc32(const uint8_t *p, uint32_t n)
{
    uint32_t c = 0xffffffffu;
    for (uint32_t i = 0; i < n; i++)
        c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

static uint64_t fnv1a(const uint8_t *p, uint32_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (uint32_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

static uint64_t rotl64(uint64_t x, int r)
{
    return (x << r) | (x >> (64 - r));
}

/* blocks of 8 bytes, little-endian by construction, so every host agrees */
static uint64_t blockmix(const uint8_t *p, uint32_t n)
{
    uint64_t h = n;
    for (uint32_t i = 0; i + 8 <= n; i += 8) {
        uint64_t k = 0;
        for (int b = 7; b >= 0; b--)
            k = (k << 8) | p[i + b];
        k *= 0x87c37b91114253d5ull;
        k = rotl64(k, 31);
        k *= 0x4cf5ad432745937full;
        h ^= k;
        h = rotl64(h, 27) * 5 + 0x52dce729;
    }
    return bench_mix(h);
}

static uint64_t part_hash(void)
{
    static uint8_t buf[HASH_BYTES];
    uint64_t s = 0x1234567, acc = 0;
    for (uint32_t i = 0; i < HASH_BYTES; i++)
        buf[i] = (uint8_t)bench_rand(&s);
    crc_init();
    for (uint32_t r = 0; r < HASH_ROUNDS; r++) {
        buf[(r * 7919) % HASH_BYTES] ^= (uint8_t)r;
        acc += fnv1a(buf, HASH_BYTES);
        acc ^= crc32(buf, HASH_BYTES);
        acc = rotl64(acc, 7) + blockmix(buf, HASH_BYTES);
    }
    return acc;
}

/* ---- sorting ---- */

static void insertion_sort(uint32_t *a, int lo, int hi)
{
    for (int i = lo + 1; i <= hi; i++) {
        uint32_t v = a[i];
        int j = i - 1;
        while (j >= lo && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

static void swap32(uint32_t *a, int i, int j)
{
    uint32_t t = a[i];
    a[i] = a[j];
    a[j] = t;
}

static void quicksort(uint32_t *a, int lo, int hi)
{
    while (hi - lo > 16) {
        int mid = lo + (hi - lo) / 2;
        if (a[mid] < a[lo]) swap32(a, mid, lo);
        if (a[hi] < a[lo]) swap32(a, hi, lo);
        if (a[hi] < a[mid]) swap32(a, hi, mid);
        uint32_t pivot = a[mid];
        int i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot)
                i++;
            while (a[j] > pivot)
                j--;
            if (i <= j) swap32(a, i++, j--);
        }
        /* recurse into the smaller side, loop on the larger */
        if (j - lo < hi - i) {
            quicksort(a, lo, j);
            lo = i;
        } else {
            quicksort(a, i, hi);
            hi = j;
        }
    }
    insertion_sort(a, lo, hi);
}

static void sift_down(uint32_t *a, int root, int n)
{
    for (;;) {
        int child = 2 * root + 1;
        if (child >= n) return;
        if (child + 1 < n && a[child + 1] > a[child]) child++;
        if (a[root] >= a[child]) return;
        swap32(a, root, child);
        root = child;
    }
}

static void heapsort(uint32_t *a, int n)
{
    for (int i = n / 2 - 1; i >= 0; i--)
        sift_down(a, i, n);
    for (int end = n - 1; end > 0; end--) {
        swap32(a, 0, end);
        sift_down(a, 0, end);
    }
}

static uint64_t fold_sorted(const uint32_t *a, int n)
{
    uint64_t h = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && a[i - 1] > a[i])
            return 0xbad; /* not sorted: a wrong result, visibly */
        h = h * 31 + a[i];
    }
    return h;
}

static uint64_t part_sort(void)
{
    static uint32_t a[SORT_N], b[SORT_N];
    uint64_t s = 42, acc = 0;
    for (int r = 0; r < SORT_ROUNDS; r++) {
        for (int i = 0; i < SORT_N; i++)
            a[i] = b[i] = (uint32_t)(bench_rand(&s) >> 32);
        quicksort(a, 0, SORT_N - 1);
        heapsort(b, SORT_N);
        acc = bench_mix(acc ^ fold_sorted(a, SORT_N));
        acc = bench_mix(acc ^ fold_sorted(b, SORT_N));
    }
    return acc;
}

/* ---- a bytecode interpreter ---- */

enum op {
    OP_HALT,
    OP_PUSH,
    OP_LOAD,
    OP_STORE,
    OP_ADD,
    OP_SUB,
    OP_MUL,
    OP_MOD,
    OP_AND,
    OP_SHR,
    OP_LT,
    OP_LE,
    OP_EQ,
    OP_JZ,
    OP_JNZ,
    OP_JMP,
    OP_INC,
};

typedef struct program {
    int32_t code[128][2]; /* op, operand */
    int n;
    int labels[8];
} program;

static void emit(program *p, int op, int32_t arg)
{
    p->code[p->n][0] = op;
    p->code[p->n][1] = arg;
    p->n++;
}

/* jumps name a label; resolve() turns it into an index */
static void label(program *p, int l)
{
    p->labels[l] = p->n;
}

static void resolve(program *p)
{
    for (int i = 0; i < p->n; i++) {
        int op = p->code[i][0];
        if (op == OP_JZ || op == OP_JNZ || op == OP_JMP)
            p->code[i][1] = p->labels[p->code[i][1]];
    }
}

/* pop b and a, push the value of expr (in terms of a and b) */
#define BINARY(expr)                                                           \
    do {                                                                       \
        int64_t b = stack[--sp], a = stack[sp - 1];                            \
        stack[sp - 1] = (expr);                                                \
    } while (0)

static int64_t run(const program *p, int64_t arg)
{
    int64_t stack[16], locals[8] = {0};
    int sp = 0, pc = 0;
    locals[7] = arg;
    for (;;) {
        const int32_t *in = p->code[pc++];
        switch (in[0]) {
        case OP_HALT: return stack[sp - 1];
        case OP_PUSH: stack[sp++] = in[1]; break;
        case OP_LOAD: stack[sp++] = locals[in[1]]; break;
        case OP_STORE: locals[in[1]] = stack[--sp]; break;
        case OP_ADD: BINARY(a + b); break;
        case OP_SUB: BINARY(a - b); break;
        case OP_MUL: BINARY(a * b); break;
        case OP_MOD: BINARY(a % b); break;
        case OP_AND: BINARY(a & b); break;
        case OP_SHR: BINARY(a >> b); break;
        case OP_LT: BINARY(a < b); break;
        case OP_LE: BINARY(a <= b); break;
        case OP_EQ: BINARY(a == b); break;
        case OP_JZ:
            if (stack[--sp] == 0) pc = in[1];
            break;
        case OP_JNZ:
            if (stack[--sp] != 0) pc = in[1];
            break;
        case OP_JMP: pc = in[1]; break;
        case OP_INC: locals[in[1]]++; break;
        default: return -1;
        }
    }
}

/* count primes below locals[7]: i = 0, count = 1, d = 2 */
static void build_primes(program *p)
{
    enum { I = 0, COUNT = 1, D = 2, N = 7 };
    enum { LOOP_I, LOOP_D, PRIME, NEXT, END };
    p->n = 0;
    emit(p, OP_PUSH, 2), emit(p, OP_STORE, I);
    emit(p, OP_PUSH, 0), emit(p, OP_STORE, COUNT);
    label(p, LOOP_I);
    emit(p, OP_LOAD, I), emit(p, OP_LOAD, N), emit(p, OP_LT, 0);
    emit(p, OP_JZ, END);
    emit(p, OP_PUSH, 2), emit(p, OP_STORE, D);
    label(p, LOOP_D);
    emit(p, OP_LOAD, D), emit(p, OP_LOAD, D), emit(p, OP_MUL, 0);
    emit(p, OP_LOAD, I), emit(p, OP_LE, 0);
    emit(p, OP_JZ, PRIME);
    emit(p, OP_LOAD, I), emit(p, OP_LOAD, D), emit(p, OP_MOD, 0);
    emit(p, OP_JZ, NEXT);
    emit(p, OP_INC, D), emit(p, OP_JMP, LOOP_D);
    label(p, PRIME);
    emit(p, OP_INC, COUNT);
    label(p, NEXT);
    emit(p, OP_INC, I), emit(p, OP_JMP, LOOP_I);
    label(p, END);
    emit(p, OP_LOAD, COUNT), emit(p, OP_HALT, 0);
    resolve(p);
}

/* sum of Collatz steps for 1 <= k < locals[7] */
static void build_collatz(program *p)
{
    enum { K = 0, X = 1, STEPS = 2, N = 7 };
    enum { LOOP_K, LOOP_X, ODD, NEXT, END };
    p->n = 0;
    emit(p, OP_PUSH, 1), emit(p, OP_STORE, K);
    emit(p, OP_PUSH, 0), emit(p, OP_STORE, STEPS);
    label(p, LOOP_K);
    emit(p, OP_LOAD, K), emit(p, OP_LOAD, N), emit(p, OP_LT, 0);
    emit(p, OP_JZ, END);
    emit(p, OP_LOAD, K), emit(p, OP_STORE, X);
    label(p, LOOP_X);
    emit(p, OP_LOAD, X), emit(p, OP_PUSH, 1), emit(p, OP_EQ, 0);
    emit(p, OP_JNZ, NEXT);
    emit(p, OP_INC, STEPS);
    emit(p, OP_LOAD, X), emit(p, OP_PUSH, 1), emit(p, OP_AND, 0);
    emit(p, OP_JNZ, ODD);
    emit(p, OP_LOAD, X), emit(p, OP_PUSH, 1), emit(p, OP_SHR, 0);
    emit(p, OP_STORE, X), emit(p, OP_JMP, LOOP_X);
    label(p, ODD);
    emit(p, OP_LOAD, X), emit(p, OP_PUSH, 3), emit(p, OP_MUL, 0);
    emit(p, OP_PUSH, 1), emit(p, OP_ADD, 0);
    emit(p, OP_STORE, X), emit(p, OP_JMP, LOOP_X);
    label(p, NEXT);
    emit(p, OP_INC, K), emit(p, OP_JMP, LOOP_K);
    label(p, END);
    emit(p, OP_LOAD, STEPS), emit(p, OP_HALT, 0);
    resolve(p);
}

static uint64_t part_interp(void)
{
    static program primes, collatz;
    build_primes(&primes);
    build_collatz(&collatz);
    uint64_t np = (uint64_t)run(&primes, PRIMES_LIMIT);
    uint64_t steps = (uint64_t)run(&collatz, COLLATZ_LIMIT);
    return np << 40 ^ steps;
}

/* ---- a lexer state machine ---- */

enum tok { T_IDENT, T_NUMBER, T_STRING, T_COMMENT, T_OP, T_COUNT };

static void gen_text(uint8_t *t, uint32_t n, uint64_t seed)
{
    static const char alphabet[] =
        "abcdefghijklmnopqrstuvwxyz_ABCDEFG0123456789     "
        "\n\n+-*/=<>(){};,\"\\";
    for (uint32_t i = 0; i < n; i++)
        t[i] = (uint8_t)
            alphabet[(bench_rand(&seed) >> 33) % (sizeof(alphabet) - 1)];
}

static int is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static uint64_t lex(const uint8_t *t, uint32_t n, uint32_t counts[T_COUNT])
{
    enum {
        S_START,
        S_IDENT,
        S_NUMBER,
        S_STRING,
        S_ESCAPE,
        S_SLASH,
        S_COMMENT
    } st = S_START;
    uint64_t h = 0;
    uint32_t start = 0;
    for (uint32_t i = 0; i <= n; i++) {
        int c = i < n ? t[i] : '\n';
    again:
        switch (st) {
        case S_START:
            start = i;
            if (is_alpha(c))
                st = S_IDENT;
            else if (is_digit(c))
                st = S_NUMBER;
            else if (c == '"')
                st = S_STRING;
            else if (c == '/')
                st = S_SLASH;
            else if (c != ' ' && c != '\n' && i < n) {
                counts[T_OP]++;
                h = h * 131 + (uint64_t)c;
            }
            break;
        case S_IDENT:
            if (!is_alpha(c) && !is_digit(c)) {
                counts[T_IDENT]++;
                h = h * 131 + (i - start);
                st = S_START;
                goto again;
            }
            break;
        case S_NUMBER:
            if (!is_digit(c)) {
                counts[T_NUMBER]++;
                h = h * 137 + (i - start);
                st = S_START;
                goto again;
            }
            break;
        case S_STRING:
            if (c == '\\')
                st = S_ESCAPE;
            else if (c == '"' || c == '\n') {
                counts[T_STRING]++;
                h = h * 139 + (i - start);
                st = S_START;
            }
            break;
        case S_ESCAPE: st = S_STRING; break;
        case S_SLASH:
            if (c == '/') {
                st = S_COMMENT;
            } else {
                counts[T_OP]++;
                st = S_START;
                goto again;
            }
            break;
        case S_COMMENT:
            if (c == '\n') {
                counts[T_COMMENT]++;
                h = h * 149 + (i - start);
                st = S_START;
            }
            break;
        }
    }
    return h;
}

static uint64_t part_lexer(void)
{
    static uint8_t text[LEX_BYTES];
    uint32_t counts[T_COUNT] = {0};
    uint64_t acc = 0;
    for (int r = 0; r < LEX_ROUNDS; r++) {
        gen_text(text, LEX_BYTES, 1000 + (uint64_t)r);
        acc = bench_mix(acc ^ lex(text, LEX_BYTES, counts));
    }
    for (int k = 0; k < T_COUNT; k++)
        acc = bench_mix(acc ^ counts[k]);
    return acc;
}

int main(void)
{
    uint64_t h = part_hash();
    bench_result("hash", h);
    uint64_t s = part_sort();
    bench_result("sort", s);
    uint64_t i = part_interp();
    bench_result("interp", i);
    uint64_t l = part_lexer();
    bench_result("lexer", l);
    bench_checksum(bench_mix(h ^ bench_mix(s ^ bench_mix(i ^ bench_mix(l)))));
    return 0;
}
