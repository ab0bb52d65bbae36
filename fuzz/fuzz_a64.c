/*
 * The A64 interpreter on random instruction streams, in an aarch64
 * user-mode process whose system calls are not carried out (each answers
 * ENOSYS) and whose faults are stepped over, so that every executor meets
 * every encoding with every register state. The input:
 *
 *   byte 0     FPCR's RMode, FZ, DN and AHP bits (bits 0-1, 2, 3, 4), and
 *              NZCV (bits 4-7)
 *   8 bytes    register seeds: x0..x30 start as pointers into the data
 *              area made from them, or as the seeds' raw bytes
 *   the rest   instruction words, at CODE_VA, which is readable, writable
 *              and executable (so self-modifying code is covered too)
 *
 * V registers start with the seeds' bytes. Every run stops within
 * RUN_BUDGET steps, so an input can neither crash nor hang the emulator
 * without that being a bug.
 */
#include "fuzz.h"

#include "cpu/arm64/a64_cpu.h"
#include "libemu/user.h"
#include "user/user.h"

#define CODE_VA 0x10000ull
#define CODE_SIZE 0x10000ull
#define DATA_VA 0x40000ull
#define DATA_SIZE 0x10000ull
#define RUN_BUDGET 10000

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = {data, size};
    uint8_t mode = fz_u8(&in);
    uint8_t seeds[8];
    for (unsigned i = 0; i < 8; i++)
        seeds[i] = fz_u8(&in);

    emu_config cfg = emu_config_default(EMU_ARCH_ARM64);
    cfg.ram_size = 4ull << 20;
    emu_machine *m;
    char err[256];
    if (emu_user_new(&cfg, NULL, &m, err, sizeof(err)) != EMU_OK) {
        fprintf(stderr, "fuzz_a64: %s\n", err);
        abort();
    }
    user_proc *p = m->user;
    if (!user_map_fixed(p, CODE_VA, CODE_SIZE,
                        UP_READ | UP_WRITE | UP_EXEC) ||
        !user_map_fixed(p, DATA_VA, DATA_SIZE, UP_READ | UP_WRITE))
        abort();
    const uint8_t *code;
    size_t n = fz_take(&in, CODE_SIZE, &code);
    if (n && !user_copy_out(p, CODE_VA, code, n, 0))
        abort();
    user_mem_activate(p);

    a64_cpu *cpu = m->a64;
    cpu->pc = CODE_VA;
    for (unsigned r = 0; r < 31; r++) {
        uint8_t s = seeds[r % 8] ^ (uint8_t)(r * 37);
        cpu->x[r] = s & 1 ? DATA_VA + ((uint64_t)s << 6) % DATA_SIZE
                          : (uint64_t)s * 0x0101010101010101ull;
    }
    cpu->x[31] = DATA_VA + DATA_SIZE - 256; /* sp, 16-byte aligned */
    for (unsigned r = 0; r < 32; r++)
        for (unsigned b = 0; b < 16; b++)
            cpu->v[r].b[b] = seeds[(r + b) % 8] ^ (uint8_t)b;
    cpu->fpcr = ((uint32_t)(mode & 3) << A64_FPCR_RMODE_SHIFT) |
                (mode & 4 ? A64_FPCR_FZ : 0) | (mode & 8 ? A64_FPCR_DN : 0) |
                (mode & 16 ? A64_FPCR_AHP : 0);
    cpu->nzcv = (uint32_t)(mode >> 4) << 28;

    uint64_t left = RUN_BUDGET;
    while (left) {
        emu_exit ex;
        uint64_t before = m->sched.icount;
        if (emu_run(m, left, &ex) != EMU_OK)
            abort();
        uint64_t used = m->sched.icount - before;
        left = used < left ? left - used : 0;
        if (ex.reason == EMU_EXIT_SYSCALL) {
            cpu->pc += 4;
            cpu->x[0] = (uint64_t)-38; /* ENOSYS */
        } else if (ex.reason == EMU_EXIT_EXCEPTION) {
            cpu->pc += 4; /* step over the faulting instruction */
        } else {
            break;
        }
        if (!left)
            break;
    }
    emu_machine_free(m);
    return 0;
}
