/* The libemu side of the A64 differential check (run.sh): the same cases on
 * a64_run(), the same output format as guest.c. */
#include <stdio.h>
#include <stdlib.h>
#include "cpu/arm64/a64_cpu.h"
static uint8_t page[4096] __attribute__((aligned(4096)));
static uint8_t *xl(void *c, uint64_t va, int acc, bool *w, int *fsc)
{ (void)c; (void)acc; if ((va >> 12) != 0x10) { *fsc = A64_FSC_TRANSLATION; return NULL; } *w = true; return page; }
int main(void)
{
    a64_cpu *cpu = a64_cpu_new(0);
    cpu->xlate = xl;
    unsigned insn;
    uint64_t r[17];
    while (scanf("%x %lx %lx %lx %lx %lx %lx %lx %lx %lx", &insn, &r[0], &r[1], &r[2], &r[3], &r[4], &r[5], &r[6], &r[7], &r[8]) == 10) {
        r[16] = r[8]; for (int i = 8; i < 16; i++) r[i] = 0x1111111111111111ull * i;
        memcpy(page, &insn, 4);
        uint32_t brk = 0xd4200000; memcpy(page + 4, &brk, 4);
        a64_tlb_flush(cpu);
        for (int i = 0; i < 16; i++) cpu->x[i] = r[i];
        cpu->nzcv = (uint32_t)r[16];
        cpu->pc = 0x10000;
        bool t;
        a64_run(cpu, 5, &t);
        if ((cpu->esr >> 26) != A64_EC_BRK) { printf("%08x %s\n", insn, (cpu->esr >> 26) == 0 ? "UNDEF" : "SEGV"); continue; }
        for (int i = 0; i < 16; i++) r[i] = cpu->x[i];
        r[16] = cpu->nzcv;
        printf("%08x", insn);
        for (int i = 0; i < 17; i++) printf(" %lx", r[i]);
        printf("\n");
    }
    return 0;
}
