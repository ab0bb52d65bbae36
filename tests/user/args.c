/* argv, the environment and the auxiliary vector as Linux builds them.
 * Run as: args one "two words" '' (with EMU_TEST=yes in the
 * environment). */
#include <stdint.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "check.h"

int main(int argc, char **argv, char **envp)
{
    CHECK(argc == 4);
    CHECK(!strcmp(argv[1], "one") && !strcmp(argv[2], "two words") &&
          !strcmp(argv[3], "") && argv[4] == NULL);
    CHECK(getenv("EMU_TEST") && !strcmp(getenv("EMU_TEST"), "yes"));
    CHECK(!getenv("EMU_UNSET"));
    CHECK(envp[0] != NULL);
    /* the stack holds argv, then envp after argv's NULL */
    CHECK(envp == argv + argc + 1);
    CHECK(getauxval(AT_PAGESZ) == 4096);
    CHECK(getauxval(AT_PHENT) == 56 && getauxval(AT_PHNUM) > 0);
    CHECK(getauxval(AT_PHDR) != 0 && getauxval(AT_ENTRY) != 0);
    CHECK(getauxval(AT_UID) == getuid() && getauxval(AT_GID) == getgid());
    CHECK(getauxval(AT_EUID) == geteuid() && getauxval(AT_EGID) == getegid());
    CHECK(getauxval(AT_SECURE) == 0 && getauxval(AT_CLKTCK) == 100);
    unsigned long hw = getauxval(AT_HWCAP);
#ifdef __aarch64__
    /* FP, ASIMD, AES, PMULL, SHA1, SHA2, CRC32, ATOMICS and CPUID */
    CHECK((hw & 0x9fb) == 0x9fb);
#else
    for (const char *c = "IMAFDC"; *c; c++)
        CHECK(hw & (1ul << (*c - 'A')));
#endif
    const unsigned char *rnd = (const void *)getauxval(AT_RANDOM);
    CHECK(rnd != NULL);
    int nonzero = 0;
    for (int i = 0; i < 16; i++)
        nonzero |= rnd[i];
    CHECK(nonzero);
    const char *execfn = (const char *)getauxval(AT_EXECFN);
    CHECK(execfn && strstr(execfn, "args"));
    const char *plat = (const char *)getauxval(AT_PLATFORM);
    CHECK(plat && !strcmp(plat, USER_ISA));
    /* the stack pointer is 16-byte aligned in main's frame too */
    CHECK(((uintptr_t)__builtin_frame_address(0) & 15) == 0);
    struct utsname u;
    CHECK(uname(&u) == 0 && !strcmp(u.machine, USER_ISA));
    struct { long long key; unsigned long long val; } pr[3] = {{3, 0}, {4, 0},
                                                               {999, 0}};
#ifdef __aarch64__
    /* 258 is riscv_hwprobe on riscv64 only */
    CHECK(syscall(258, pr, 3, 0, NULL, 0) == -1 && errno == ENOSYS);
    /* the ID registers through Linux's MRS emulation agree with AT_HWCAP:
     * AES with PMULL (2) in ID_AA64ISAR0_EL1 */
    unsigned long isar0;
    __asm__ volatile("mrs %0, id_aa64isar0_el1" : "=r"(isar0));
    CHECK(((isar0 >> 4) & 15) == 2);
#else
    /* riscv_hwprobe (258): base behaviour IMA, and F+D and C present */
    CHECK(syscall(258, pr, 3, 0, NULL, 0) == 0);
    CHECK(pr[0].val == 1 && (pr[1].val & 3) == 3 && pr[2].key == -1);
#endif
    printf("args ok\n");
    return 0;
}
