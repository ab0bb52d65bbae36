/*
 * Shared by the fuzz targets: a reader that turns the fuzzer's bytes into
 * values (reading past the end yields zeros, so every input is valid), and
 * the small machines the targets run on. Each target defines
 * LLVMFuzzerTestOneInput(); replay.c gives it a main() when libFuzzer is
 * not there.
 */
#ifndef FUZZ_FUZZ_H
#define FUZZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libemu/libemu.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FZ_RAM_BASE 0x80000000ull

typedef struct fz_in {
    const uint8_t *p;
    size_t n;
} fz_in;

static inline uint8_t fz_u8(fz_in *in)
{
    if (!in->n)
        return 0;
    in->n--;
    return *in->p++;
}

static inline uint16_t fz_u16(fz_in *in)
{
    uint16_t v = fz_u8(in);
    return (uint16_t)(v | fz_u8(in) << 8);
}

static inline uint32_t fz_u32(fz_in *in)
{
    uint32_t v = fz_u16(in);
    return v | (uint32_t)fz_u16(in) << 16;
}

static inline uint64_t fz_u64(fz_in *in)
{
    uint64_t v = fz_u32(in);
    return v | (uint64_t)fz_u32(in) << 32;
}

/* Up to max bytes of the input as they are; returns how many. */
static inline size_t fz_take(fz_in *in, size_t max, const uint8_t **out)
{
    size_t n = in->n < max ? in->n : max;
    *out = in->p;
    in->p += n;
    in->n -= n;
    return n;
}

/*
 * A machine for one input. A harness that cannot make one is broken, not
 * the input: it stops loudly so the fuzzer does not report every input
 * after it as uninteresting.
 */
static inline emu_machine *fz_machine(const emu_config *cfg)
{
    emu_machine *m = NULL;
    char err[256] = "";
    if (emu_machine_new(cfg, &m, err, sizeof(err)) != EMU_OK) {
        fprintf(stderr, "fuzz: cannot create the machine: %s\n", err);
        abort();
    }
    return m;
}

#endif
