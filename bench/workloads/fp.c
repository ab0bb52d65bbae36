/*
 * Floating-point kernel in double precision (RV64GC: F and D):
 *   nbody     the classic five-body planetary simulation (add, multiply,
 *             divide and sqrt in an inner loop over pairs); energy before
 *             and after
 *   spectral  the spectral norm of an infinite matrix (division-heavy dot
 *             products), then sqrt
 *   mandel    escape counts of a Mandelbrot grid (multiply-add chains,
 *             compares, conversions)
 * Every operation is correctly rounded IEEE arithmetic, and the build uses
 * -ffp-contract=off everywhere, so the guest and the host must print the
 * same bits. Results print as fixed-point decimals and as raw bits.
 */
#include "bench.h"

#define NBODY_STEPS BENCH_SIZE(150000, 2000)
#define SPECTRAL_N BENCH_SIZE(120, 24)
#define MANDEL_W BENCH_SIZE(200, 40)
#define MANDEL_ITER 256

static uint64_t bits(double x)
{
    union {
        double d;
        uint64_t u;
    } v = {x};
    return v.u;
}

/* "name -12.345678901 (0x...)\n": decimal digits from exact conversions */
static void put_double(const char *name, double x)
{
    bench_puts(name);
    bench_putchar(' ');
    double a = x < 0 ? -x : x;
    if (x < 0) bench_putchar('-');
    if (a < 9e18) {
        int64_t ip = (int64_t)a;
        int64_t frac = (int64_t)((a - (double)ip) * 1e9);
        bench_put_i64(ip);
        bench_putchar('.');
        for (int64_t d = 100000000; d > 0; d /= 10)
            bench_putchar((char)('0' + (frac / d) % 10));
    } else {
        bench_puts("huge");
    }
    bench_puts(" (");
    bench_put_hex64(bits(x));
    bench_puts(")\n");
}

/* ---- n-body ---- */

#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24

typedef struct body {
    double x, y, z, vx, vy, vz, mass;
} body;

static void nbody_init(body *b)
{
    static const body init[5] = {
        {0, 0, 0, 0, 0, 0, SOLAR_MASS},
        {4.84143144246472090e+00, -1.16032004402742839e+00,
         -1.03622044471123109e-01, 1.66007664274403694e-03 * DAYS_PER_YEAR,
         7.69901118419740425e-03 * DAYS_PER_YEAR,
         -6.90460016972063023e-05 * DAYS_PER_YEAR,
         9.54791938424326609e-04 * SOLAR_MASS},
        {8.34336671824457987e+00, 4.12479856412430479e+00,
         -4.03523417114321381e-01, -2.76742510726862411e-03 * DAYS_PER_YEAR,
         4.99852801234917238e-03 * DAYS_PER_YEAR,
         2.30417297573763929e-05 * DAYS_PER_YEAR,
         2.85885980666130812e-04 * SOLAR_MASS},
        {1.28943695621391310e+01, -1.51111514016986312e+01,
         -2.23307578892655734e-01, 2.96460137564761618e-03 * DAYS_PER_YEAR,
         2.37847173959480950e-03 * DAYS_PER_YEAR,
         -2.96589568540237556e-05 * DAYS_PER_YEAR,
         4.36624404335156298e-05 * SOLAR_MASS},
        {1.53796971148509165e+01, -2.59193146099879641e+01,
         1.79258772950371181e-01, 2.68067772490389322e-03 * DAYS_PER_YEAR,
         1.62824170038242295e-03 * DAYS_PER_YEAR,
         -9.51592254519715870e-05 * DAYS_PER_YEAR,
         5.15138902046611451e-05 * SOLAR_MASS},
    };
    double px = 0, py = 0, pz = 0;
    for (int i = 0; i < 5; i++) {
        b[i] = init[i];
        px += b[i].vx * b[i].mass;
        py += b[i].vy * b[i].mass;
        pz += b[i].vz * b[i].mass;
    }
    b[0].vx = -px / SOLAR_MASS;
    b[0].vy = -py / SOLAR_MASS;
    b[0].vz = -pz / SOLAR_MASS;
}

static double energy(const body *b)
{
    double e = 0;
    for (int i = 0; i < 5; i++) {
        e += 0.5 * b[i].mass *
             (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
        for (int j = i + 1; j < 5; j++) {
            double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y,
                   dz = b[i].z - b[j].z;
            e -= b[i].mass * b[j].mass /
                 __builtin_sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

static void advance(body *b, double dt)
{
    for (int i = 0; i < 5; i++) {
        for (int j = i + 1; j < 5; j++) {
            double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y,
                   dz = b[i].z - b[j].z;
            double d2 = dx * dx + dy * dy + dz * dz;
            double mag = dt / (d2 * __builtin_sqrt(d2));
            b[i].vx -= dx * b[j].mass * mag;
            b[i].vy -= dy * b[j].mass * mag;
            b[i].vz -= dz * b[j].mass * mag;
            b[j].vx += dx * b[i].mass * mag;
            b[j].vy += dy * b[i].mass * mag;
            b[j].vz += dz * b[i].mass * mag;
        }
    }
    for (int i = 0; i < 5; i++) {
        b[i].x += dt * b[i].vx;
        b[i].y += dt * b[i].vy;
        b[i].z += dt * b[i].vz;
    }
}

/* ---- spectral norm ---- */

static double eval_a(int i, int j)
{
    return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1);
}

static void mul_av(const double *v, double *out, int n)
{
    for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < n; j++)
            s += eval_a(i, j) * v[j];
        out[i] = s;
    }
}

static void mul_atv(const double *v, double *out, int n)
{
    for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < n; j++)
            s += eval_a(j, i) * v[j];
        out[i] = s;
    }
}

static double spectral(int n)
{
    static double u[SPECTRAL_N], v[SPECTRAL_N], tmp[SPECTRAL_N];
    for (int i = 0; i < n; i++)
        u[i] = 1;
    for (int k = 0; k < 10; k++) {
        mul_av(u, tmp, n);
        mul_atv(tmp, v, n);
        mul_av(v, tmp, n);
        mul_atv(tmp, u, n);
    }
    double vbv = 0, vv = 0;
    for (int i = 0; i < n; i++) {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    return __builtin_sqrt(vbv / vv);
}

/* ---- Mandelbrot ---- */

static uint64_t mandel(int w)
{
    uint64_t total = 0;
    for (int py = 0; py < w; py++) {
        double ci = -1.25 + 2.5 * py / w;
        for (int px = 0; px < w; px++) {
            double cr = -2.0 + 2.5 * px / w;
            double zr = 0, zi = 0;
            int it = 0;
            while (it < MANDEL_ITER && zr * zr + zi * zi <= 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2 * zr * zi + ci;
                zr = t;
                it++;
            }
            total = total * 7 + (uint64_t)it + (uint64_t)(int64_t)(zr * 1000);
        }
    }
    return total;
}

int main(void)
{
    static body b[5];
    nbody_init(b);
    double e0 = energy(b);
    for (int i = 0; i < NBODY_STEPS; i++)
        advance(b, 0.01);
    double e1 = energy(b);
    put_double("nbody-e0", e0);
    put_double("nbody-e1", e1);
    double sn = spectral(SPECTRAL_N);
    put_double("spectral", sn);
    uint64_t m = mandel(MANDEL_W);
    bench_result("mandel", m);
    bench_checksum(bench_mix(
        bits(e0) ^ bench_mix(bits(e1) ^ bench_mix(bits(sn) ^ bench_mix(m)))));
    return 0;
}
