/* A static-pie program without a C library: its own _start, raw system
 * calls. It checks that it runs where the loader moved it (ET_DYN) and
 * that argc and argv arrive on the stack. */
static long sys3(long n, long a, long b, long c)
{
#ifdef __aarch64__
    register long x0 __asm__("x0") = a;
    register long x1 __asm__("x1") = b;
    register long x2 __asm__("x2") = c;
    register long x8 __asm__("x8") = n;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x1), "r"(x2), "r"(x8) : "memory");
    return x0;
#else
    register long a0 __asm__("a0") = a;
    register long a1 __asm__("a1") = b;
    register long a2 __asm__("a2") = c;
    register long a7 __asm__("a7") = n;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
    return a0;
#endif
}

static const char msg[] = "pie ok\n";

__attribute__((used)) void pie_main(long *sp)
{
    long argc = sp[0];
    char **argv = (char **)(sp + 1);
    int status = 0;
    /* linked at 0, run at the ET_DYN base */
    if ((unsigned long)&msg < 0x100000)
        status = 1;
    if (argc != 2 || argv[1][0] != 'x' || argv[1][1] != 0)
        status = 2;
    if (!status)
        sys3(64, 1, (long)msg, sizeof(msg) - 1);
    sys3(94, status, 0, 0);
}

#ifdef __aarch64__
__asm__(".globl _start\n_start:\n mov x0, sp\n bl pie_main\n");
#else
__asm__(".globl _start\n_start:\n mv a0, sp\n call pie_main\n");
#endif
