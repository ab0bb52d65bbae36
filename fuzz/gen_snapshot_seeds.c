/*
 * Writes fuzz/corpus/snapshot/: snapshots of the fuzz target's machines
 * (snapshot_machines.h) in the middle of a small program, with timer
 * interrupts pending, device input buffered and an LR reservation held,
 * each behind the target's flag byte. gen_seeds.py cannot make these:
 * they are whatever this libemu's snapshot writer writes. Run it again
 * after changing the file format:
 *     build/fuzz/gen_snapshot_seeds fuzz/corpus/snapshot
 */
#include <unistd.h>

#include "libemu/snapshot.h"
#include "snapshot_machines.h"

/* a loop: a counter, lr.w/sc.w on 0x80000100 and a store beside it */
static const uint32_t prog[] = {
    0x00100413, /* li s0, 1 */
    0x01f41413, /* slli s0, s0, 31 */
    0x10040413, /* addi s0, s0, 256 */
    0x00128293, /* 1: addi t0, t0, 1 */
    0x100423af, /* lr.w t2, (s0) */
    0x1854232f, /* sc.w t1, t0, (s0) */
    0x00542223, /* sw t0, 4(s0) */
    0xff1ff06f, /* j 1b */
};

static void write_seed(const char *dir, const char *name, uint8_t flags,
                       emu_machine *m, size_t cut)
{
    char tmp[4096], path[4096];
    snprintf(tmp, sizeof(tmp), "%s/.%s.tmp", dir, name);
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    emu_snapshot *s = NULL;
    char err[256];
    if (emu_snapshot_save(m, &s) != EMU_OK ||
        emu_snapshot_write(s, tmp, err, sizeof(err)) != EMU_OK) {
        fprintf(stderr, "gen_snapshot_seeds: %s\n", emu_last_error(m));
        exit(1);
    }
    emu_snapshot_free(s);
    FILE *in = fopen(tmp, "rb"), *out = fopen(path, "wb");
    if (!in || !out) {
        perror(path);
        exit(1);
    }
    fputc(flags, out);
    int c;
    size_t n = 0;
    while ((c = fgetc(in)) != EOF && (!cut || n < cut))
        fputc(c, out), n++;
    fclose(in);
    fclose(out);
    unlink(tmp);
}

static emu_machine *running(unsigned which, uint64_t steps)
{
    emu_machine *m = fz_snapshot_machine(which);
    emu_mem_write(m, FZ_RAM_BASE, prog, sizeof(prog));
    for (unsigned h = 0; h < emu_hart_count(m); h++)
        emu_reg_write_num(m, h, EMU_REG_PC, FZ_RAM_BASE);
    /* a timer interrupt pending, not enabled */
    emu_reg_write(m, 0, "mie", 0x80);
    emu_exit e;
    emu_run(m, steps, &e);
    return m;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s DIR\n", argv[0]);
        return 2;
    }
    const char *dir = argv[1];
    emu_machine *m = running(0, 1000);
    write_seed(dir, "rv64-test", 0, m, 0);
    write_seed(dir, "rv64-test-crc-fixed", 4, m, 0);
    write_seed(dir, "rv64-test-truncated", 0, m, 300);
    emu_machine_free(m);
    m = running(1, 2345);
    write_seed(dir, "rv32-test-2harts", 1, m, 0);
    emu_machine_free(m);
    m = running(2, 1500);
    emu_console_input(m, "typed", 5); /* UART FIFO */
    emu_input_event(m, 1, 30, 1);     /* queued: no driver yet */
    emu_input_event(m, 0, 0, 0);
    write_seed(dir, "virt-devices", 2 | 4, m, 0);
    emu_machine_free(m);
    return 0;
}
