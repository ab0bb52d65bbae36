/* The reference side of the A64 differential check (run.sh): runs each case
 * natively under qemu-aarch64 -cpu cortex-a53. A case is a line "insn x0..x7
 * nzcv" (hex); x8..x15 get fixed values; the output is the registers and
 * NZCV after the one instruction, or UNDEF / SEGV. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
void run(uint64_t *regs, void *code);
__asm__(".global run\nrun:\n"
        "stp x29, x30, [sp, -32]!\n stp x19, x20, [sp, 16]\n"
        "mov x19, x0\n mov x20, x1\n ldr x16, [x19, 128]\n msr nzcv, x16\n"
        "ldp x0, x1, [x19]\n ldp x2, x3, [x19, 16]\n ldp x4, x5, [x19, 32]\n ldp x6, x7, [x19, 48]\n ldp x8, x9, [x19, 64]\n ldp x10, x11, [x19, 80]\n ldp x12, x13, [x19, 96]\n ldp x14, x15, [x19, 112]\n"
        "blr x20\n"
        "stp x0, x1, [x19]\n stp x2, x3, [x19, 16]\n stp x4, x5, [x19, 32]\n stp x6, x7, [x19, 48]\n stp x8, x9, [x19, 64]\n stp x10, x11, [x19, 80]\n stp x12, x13, [x19, 96]\n stp x14, x15, [x19, 112]\n"
        "mrs x16, nzcv\n str x16, [x19, 128]\n"
        "ldp x19, x20, [sp, 16]\n ldp x29, x30, [sp], 32\n ret\n");
static sigjmp_buf jb;
static void on_ill(int s) { (void)s; siglongjmp(jb, 1); }
static void on_segv(int s) { (void)s; siglongjmp(jb, 2); }
int main(void)
{
    uint32_t *code = mmap(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    signal(SIGILL, on_ill); signal(SIGSEGV, on_segv); signal(SIGBUS, on_segv);
    unsigned insn;
    uint64_t r[17];
    while (scanf("%x %lx %lx %lx %lx %lx %lx %lx %lx %lx", &insn, &r[0], &r[1], &r[2], &r[3], &r[4], &r[5], &r[6], &r[7], &r[8]) == 10) {
        r[16] = r[8]; for (int i = 8; i < 16; i++) r[i] = 0x1111111111111111ull * i;
        code[0] = insn;
        code[1] = 0xd65f03c0;
        __builtin___clear_cache((char *)code, (char *)code + 8);
        int sj = sigsetjmp(jb, 1); if (sj) { printf("%08x %s\n", insn, sj == 1 ? "UNDEF" : "SEGV"); continue; }
        run(r, code);
        printf("%08x", insn);
        for (int i = 0; i < 17; i++) printf(" %lx", r[i]);
        printf("\n");
    }
    return 0;
}
