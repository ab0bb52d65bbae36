/*
 * Start-up cost inside the process: for each test program, create a
 * machine, load the ELF, run it to its HTIF exit and free the machine,
 * several times, and report the time per test. This is the library's
 * share of what `emu test.elf` costs; bench/run --startup also times the
 * whole process (exec and dynamic linking included).
 *   startup [-n ROUNDS] [--isa=ISA] [-pN] ELF [[--isa=ISA] [-pN] ELF ...]
 * Options apply to the ELF that follows them (the way the ISA tests pass
 * them to emu). Prints one line per ELF and a summary; exit status 1 when
 * a program does not halt with status 0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "libemu/libemu.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* RV32 or RV64 from the ELF class, as emu does without --isa. */
static emu_arch elf_arch(const char *path, const char *isa)
{
    if (isa)
        return strncmp(isa, "rv32", 4) == 0 ? EMU_ARCH_RISCV32 : EMU_ARCH_RISCV64;
    unsigned char id[5] = {0};
    FILE *f = fopen(path, "rb");
    if (f) {
        if (fread(id, 1, sizeof(id), f) != sizeof(id))
            id[4] = 0;
        fclose(f);
    }
    return id[4] == 1 ? EMU_ARCH_RISCV32 : EMU_ARCH_RISCV64;
}

/* One start-to-finish run; returns seconds, or -1 on failure. */
static double run_one(const char *path, const char *isa, unsigned harts)
{
    double t0 = now();
    emu_config cfg = emu_config_default(elf_arch(path, isa));
    cfg.isa = isa;
    cfg.harts = harts;
    emu_machine *m;
    char err[256];
    if (emu_machine_new(&cfg, &m, err, sizeof(err)) != EMU_OK) {
        fprintf(stderr, "startup: %s: %s\n", path, err);
        return -1;
    }
    emu_exit e = {0};
    bool ok = emu_load_elf(m, path, NULL) == EMU_OK &&
              emu_run(m, 100000000, &e) == EMU_OK &&
              e.reason == EMU_EXIT_HALT && e.code == 0;
    if (!ok)
        fprintf(stderr, "startup: %s: %s (exit reason %d, code %d)\n", path,
                emu_last_error(m), (int)e.reason, e.code);
    emu_machine_free(m);
    return ok ? now() - t0 : -1;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    unsigned rounds = 5, harts = 1, n = 0, failed = 0;
    const char *isa = NULL;
    double *best = calloc((size_t)argc, sizeof(double));
    if (!best)
        return 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-n") == 0 && i + 1 < argc) {
            rounds = (unsigned)atoi(argv[++i]);
            if (rounds == 0)
                rounds = 1;
        } else if (strncmp(a, "--isa=", 6) == 0) {
            isa = a + 6;
        } else if (strncmp(a, "-p", 2) == 0 && a[2]) {
            harts = (unsigned)atoi(a + 2);
        } else {
            /* the median of the rounds, per test */
            double t[64];
            unsigned k = rounds < 64 ? rounds : 64;
            bool ok = true;
            for (unsigned r = 0; r < k && ok; r++)
                ok = (t[r] = run_one(a, isa, harts)) >= 0;
            if (ok) {
                qsort(t, k, sizeof(t[0]), cmp_double);
                best[n++] = t[k / 2];
                printf("%8.3f ms  %s\n", t[k / 2] * 1e3, a);
            } else {
                failed++;
            }
            isa = NULL;
            harts = 1;
        }
    }
    if (n) {
        double sum = 0;
        for (unsigned i = 0; i < n; i++)
            sum += best[i];
        qsort(best, n, sizeof(best[0]), cmp_double);
        printf("%u programs: median %.3f ms, mean %.3f ms, max %.3f ms per "
               "machine created, loaded, run and freed; %.1f ms for all\n",
               n, best[n / 2] * 1e3, sum / n * 1e3, best[n - 1] * 1e3, sum * 1e3);
    }
    free(best);
    return failed ? 1 : 0;
}
