/*
 * The guest side of bench.h: HTIF console and exit, the set-up of the mode
 * a workload runs in, and the trap handlers. Printing uses HTIF putchar
 * (device 1, command 1), not the proxied write system call, because QEMU's
 * spike machine implements only the former and the runner compares against
 * QEMU with the same ELF.
 *
 * Build-time choices:
 *   BENCH_PRIV  mode main() runs in: 3 = M (default), 0 = U. For U, PMP
 *               grants everything, and ecalls from U go to an S handler.
 *   BENCH_VM    0 = bare (default); with BENCH_PRIV 0 on RV64: 1 = Sv39
 *               identity map with 1 GiB pages, 2 = Sv39 identity map of
 *               RAM with 4 KiB pages (a TLB miss walks three levels).
 */
#include <stddef.h>

#include "bench.h"

#ifndef BENCH_PRIV
#define BENCH_PRIV 3
#endif
#ifndef BENCH_VM
#define BENCH_VM 0
#endif
#if BENCH_VM && (__riscv_xlen != 64 || BENCH_PRIV == 3)
#error "BENCH_VM needs RV64 (Sv39) and a mode below M"
#endif

#define RAM_BASE 0x80000000ul
#define RAM_SIZE (128ul << 20) /* emu's and QEMU's default */
#define CLINT_BASE 0x02000000ul
#define CLINT_MTIMECMP 0x4000
#define CLINT_MTIME 0xbff8

#define MSTATUS_MIE (1ul << 3)
#define MSTATUS_SUM (1ul << 18)
#define MIE_MTIE (1ul << 7)
#define CAUSE_INTERRUPT (1ul << (__riscv_xlen - 1))
#define IRQ_M_TIMER 7
#define CAUSE_ECALL_U 8

#define CSR_WRITE(csr, v) __asm__ volatile("csrw " #csr ", %0" ::"r"(v))
#define CSR_SET(csr, v) __asm__ volatile("csrs " #csr ", %0" ::"r"(v))
#define CSR_CLEAR(csr, v) __asm__ volatile("csrc " #csr ", %0" ::"r"(v))

/* The host finds these by name in the ELF symbol table. */
volatile uint64_t tohost __attribute__((section(".tohost"), aligned(8)));
volatile uint64_t fromhost __attribute__((section(".tohost"), aligned(8)));

void bench_exit(int status) __attribute__((noreturn));
uintptr_t bench_setup(void);
uintptr_t bench_mtrap(uintptr_t cause, uintptr_t epc, uintptr_t tval,
                      uintptr_t *regs);
uintptr_t bench_strap(uintptr_t cause, uintptr_t epc, uintptr_t tval,
                      uintptr_t *regs);
extern void strap_entry(void);
extern char __heap_start[];

/* One HTIF request: wait until the host has taken the previous one, then
 * write the word (on RV32 low half first: the high half completes it). */
static void htif_send(uint64_t v)
{
    while (tohost)
        ;
#if __riscv_xlen == 64
    tohost = v;
#else
    volatile uint32_t *t = (volatile uint32_t *)&tohost;
    t[0] = (uint32_t)v;
    t[1] = (uint32_t)(v >> 32);
#endif
    /* QEMU answers putchar in fromhost; nothing reads the answer */
    if (fromhost) fromhost = 0;
}

void bench_putchar(int c)
{
    htif_send(((uint64_t)1 << 56) | ((uint64_t)1 << 48) | (uint8_t)c);
}

void bench_exit(int status)
{
    for (;;)
        htif_send(((uint64_t)(unsigned)status << 1) | 1);
}

static void fatal(const char *what, uintptr_t cause, uintptr_t epc,
                  uintptr_t tval)
{
    bench_puts("# fatal: ");
    bench_puts(what);
    bench_puts(" cause ");
    bench_put_hex64(cause);
    bench_puts(" epc ");
    bench_put_hex64(epc);
    bench_puts(" tval ");
    bench_put_hex64(tval);
    bench_putchar('\n');
    bench_exit(99);
}

/* GCC may call these for struct copies and initialisers, even freestanding */
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);

void *memcpy(void *dst, const void *src, size_t n)
{
    uint8_t *d = dst;
    const uint8_t *s = src;
    while (n--)
        *d++ = *s++;
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    uint8_t *d = dst;
    while (n--)
        *d++ = (uint8_t)c;
    return dst;
}

void *bench_alloc(uint64_t size)
{
    static uintptr_t next;
    if (!next) next = (uintptr_t)__heap_start;
    uintptr_t p = next;
    size = (size + 4095) & ~(uint64_t)4095;
    if (size > RAM_BASE + RAM_SIZE - p)
        fatal("bench_alloc: out of memory", 0, 0, (uintptr_t)size);
    next = p + (uintptr_t)size;
    return (void *)p;
}

/* ---- the mode main() runs in ---- */

#if BENCH_VM
#define PTE_V 0x01
#define PTE_RWXU 0x1e
#define PTE_AD 0xc0 /* preset: the hardware need not set A/D itself */
#define PTE_LEAF (PTE_V | PTE_RWXU | PTE_AD)
#define PTE(pa, flags) ((((uint64_t)(pa)) >> 12) << 10 | (flags))

static uint64_t pt_root[512] __attribute__((aligned(4096)));
#if BENCH_VM == 2
static uint64_t pt_mid[512] __attribute__((aligned(4096)));
static uint64_t pt_leaf[RAM_SIZE >> 21][512] __attribute__((aligned(4096)));
#endif

static void map_identity(void)
{
    pt_root[0] = PTE(0, PTE_LEAF); /* the devices' gigabyte */
#if BENCH_VM == 1
    pt_root[RAM_BASE >> 30] = PTE(RAM_BASE, PTE_LEAF);
#else
    pt_root[RAM_BASE >> 30] = PTE(pt_mid, PTE_V);
    for (uint64_t off = 0; off < RAM_SIZE; off += 4096) {
        uint64_t *leaf = pt_leaf[off >> 21];
        pt_mid[off >> 21] = PTE(leaf, PTE_V);
        leaf[(off >> 12) & 511] = PTE(RAM_BASE + off, PTE_LEAF);
    }
#endif
    uint64_t satp = (8ull << 60) | ((uintptr_t)pt_root >> 12); /* Sv39 */
    CSR_WRITE(satp, satp);
    __asm__ volatile("sfence.vma" ::: "memory");
}
#endif

uintptr_t bench_setup(void)
{
    if (BENCH_PRIV != 3) {
        /* priv 3.7.1: with PMP implemented, S and U need a matching entry;
         * one NAPOT entry over everything */
        CSR_WRITE(pmpaddr0, (uintptr_t)-1);
        CSR_WRITE(pmpcfg0, 0x1f);
        CSR_WRITE(medeleg, 1ul << CAUSE_ECALL_U);
        CSR_WRITE(stvec, (uintptr_t)strap_entry);
        CSR_SET(mstatus, MSTATUS_SUM);
#if BENCH_VM
        map_identity();
#endif
    }
    return BENCH_PRIV;
}

/* ---- traps ---- */

static uint64_t timer_period, timer_ticks;

static volatile uint64_t *clint64(unsigned off)
{
    return (volatile uint64_t *)(CLINT_BASE + off);
}

static uint64_t read_mtime(void)
{
#if __riscv_xlen == 64
    return *clint64(CLINT_MTIME);
#else
    volatile uint32_t *t = (volatile uint32_t *)clint64(CLINT_MTIME);
    uint32_t hi, lo;
    do {
        hi = t[1];
        lo = t[0];
    } while (t[1] != hi);
    return (uint64_t)hi << 32 | lo;
#endif
}

static void write_mtimecmp(uint64_t v)
{
#if __riscv_xlen == 64
    *clint64(CLINT_MTIMECMP) = v;
#else
    /* priv 3.2.1: no transient value below both the old and the new one */
    volatile uint32_t *t = (volatile uint32_t *)clint64(CLINT_MTIMECMP);
    t[0] = UINT32_MAX;
    t[1] = (uint32_t)(v >> 32);
    t[0] = (uint32_t)v;
#endif
}

void bench_timer_start(uint64_t period)
{
    timer_period = period;
    timer_ticks = 0;
    write_mtimecmp(read_mtime() + period);
    CSR_SET(mie, MIE_MTIE);
    CSR_SET(mstatus, MSTATUS_MIE);
}

uint64_t bench_timer_stop(void)
{
    /* at least one interrupt on every platform, even in a run shorter than
     * a period of QEMU's host-time timer */
    while (*(volatile uint64_t *)&timer_ticks == 0)
        __asm__ volatile("wfi");
    CSR_CLEAR(mstatus, MSTATUS_MIE);
    CSR_CLEAR(mie, MIE_MTIE);
    write_mtimecmp(UINT64_MAX);
    return timer_ticks;
}

volatile uint8_t *bench_clint(void)
{
    return (volatile uint8_t *)CLINT_BASE;
}

uintptr_t bench_mtrap(uintptr_t cause, uintptr_t epc, uintptr_t tval,
                      uintptr_t *regs)
{
    (void)regs;
    if (cause == (CAUSE_INTERRUPT | IRQ_M_TIMER)) {
        timer_ticks++;
        /* from now, not from the old deadline: a handler slower than the
         * period (QEMU's timer follows host time) must not cause a storm */
        write_mtimecmp(read_mtime() + timer_period);
        return epc;
    }
    fatal("M-mode trap", cause, epc, tval);
    return 0;
}

uint32_t bench_ecall(uint32_t a, uint32_t b)
{
    register uintptr_t a0 __asm__("a0") = a;
    register uintptr_t a1 __asm__("a1") = b;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a1) : "memory");
    return (uint32_t)a0;
}

uintptr_t bench_strap(uintptr_t cause, uintptr_t epc, uintptr_t tval,
                      uintptr_t *regs)
{
    if (cause == CAUSE_ECALL_U && bench_ecall_service) {
        regs[10] = bench_ecall_service((uint32_t)regs[10], (uint32_t)regs[11]);
        return epc + 4;
    }
    fatal("S-mode trap", cause, epc, tval);
    return 0;
}
