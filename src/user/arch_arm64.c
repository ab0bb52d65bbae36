/*
 * User-mode emulation's aarch64 specifics (user_arch): the SVC convention
 * (x8 and x0..x5), the signal frame Linux's arch/arm64 builds (a
 * sigcontext with the general registers, then an fpsimd_context record in
 * its reserved area, and a frame record for backtraces), and which
 * exception sends which signal. The hart reads the process's memory
 * through its TLB, filled from the process's mappings.
 */
#include <string.h>

#include "cpu/arm64/a64_cpu.h"
#include "cpu/arm64/a64_dcache.h"
#include "machine/hostclock.h"
#include "user/user.h"

static a64_cpu *hart(user_proc *p) { return p->m->a64; }

static uint64_t a_hwcap(user_proc *p, int which)
{
    return which ? hart(p)->hwcap2 : hart(p)->hwcap;
}

static uint64_t a_pc(user_proc *p) { return hart(p)->pc; }
static void a_set_pc(user_proc *p, uint64_t pc) { hart(p)->pc = pc; }
static uint64_t a_sp(user_proc *p) { return hart(p)->x[31]; }

static void a_start(user_proc *p, uint64_t pc, uint64_t sp)
{
    a64_cpu *cpu = hart(p);
    a64_cpu_reset(cpu);
    cpu->x[31] = sp;
    cpu->pc = pc;
}

/* x8 is the number, x0..x5 the arguments (arm64's syscall(2) ABI) */
static uint64_t a_syscall_args(user_proc *p, uint64_t a[6])
{
    a64_cpu *cpu = hart(p);
    for (int i = 0; i < 6; i++)
        a[i] = cpu->x[i];
    return cpu->x[8];
}

static void a_syscall_ret(user_proc *p, uint64_t r) { hart(p)->x[0] = r; }

static void a_clone_child(user_proc *p, uint64_t sp, bool set_tls,
                          uint64_t tls)
{
    a64_cpu *cpu = hart(p);
    if (sp)
        cpu->x[31] = sp;
    if (set_tls)
        cpu->tpidr_el0 = tls;
}

/* The hart's translation: the process's mappings, pages made present on
 * first touch (user_page_ptr). */
static uint8_t *a_xlate(void *ctx, uint64_t va, int acc, bool *writable,
                        int *fsc)
{
    user_proc *p = ctx;
    static const int need[3] = {UP_EXEC, UP_READ, UP_WRITE};
    uint64_t page = va & ~(USER_PAGE - 1);
    const user_vma *v = user_find_vma(p, va);
    if (!v) {
        *fsc = A64_FSC_TRANSLATION;
        return NULL;
    }
    uint8_t *h = user_page_ptr(p, page, need[acc], acc == A64_ACC_WRITE);
    if (!h) {
        *fsc = A64_FSC_PERMISSION;
        return NULL;
    }
    *writable = (v->prot & UP_WRITE) != 0;
    return h;
}

/* CNTVCT_EL0: the host's monotonic clock at the counter's frequency */
static uint64_t a_cntvct(void *ctx)
{
    a64_cpu *cpu = ctx;
    return (uint64_t)((unsigned __int128)host_clock_ns() * cpu->cntfrq /
                      1000000000u);
}

static void a_activate(user_proc *p)
{
    a64_cpu *cpu = hart(p);
    cpu->xlate = a_xlate;
    cpu->xlate_ctx = p;
    cpu->cntvct = a_cntvct;
    cpu->cntvct_ctx = cpu;
    /* the process's memory is the bus's RAM, whose writes the bus reports:
     * decode each instruction once (without memory, run uncached) */
    if (!cpu->dcache && !p->m->bus.code_written)
        cpu->dcache = a64_dcache_new(&p->m->bus);
    a64_tlb_flush(cpu);
}

static void a_flush(user_proc *p) { a64_tlb_flush(hart(p)); }

static int a_exception_signal(user_proc *p, const emu_exit *ex, int *code,
                              uint64_t *addr)
{
    enum { SEGV_MAPERR = 1, SEGV_ACCERR = 2, ILL_ILLOPC = 1, BUS_ADRALN = 1,
           TRAP_BRKPT = 1 };
    uint32_t esr = (uint32_t)ex->code;
    unsigned fsc = esr & 0x3c; /* the fault status without its level */
    *addr = ex->addr;
    switch (esr >> 26) {
    case A64_EC_IABORT:
    case A64_EC_DABORT:
        if ((esr & 0x3f) == A64_FSC_ALIGNMENT) {
            *code = BUS_ADRALN;
            return 7;
        }
        *code = fsc == A64_FSC_PERMISSION && user_find_vma(p, ex->addr)
                    ? SEGV_ACCERR
                    : SEGV_MAPERR;
        return 11;
    case A64_EC_PC_ALIGN:
    case A64_EC_SP_ALIGN:
        *code = BUS_ADRALN;
        return 7;
    case A64_EC_BRK:
        *code = TRAP_BRKPT;
        *addr = ex->pc;
        return 5;
    default: /* undefined instruction */
        *code = ILL_ILLOPC;
        *addr = ex->pc;
        return 4;
    }
}

/*
 * The frame (Linux arch/arm64 signal.c's rt_sigframe): siginfo, then the
 * ucontext whose machine context is struct sigcontext: fault_address,
 * x0..x30, sp, pc, pstate, and a 4096-byte reserved area holding records;
 * ours holds the fpsimd_context (magic, size, fpsr, fpcr, v0..v31) and the
 * terminating empty record. The frame record {x29, x30} follows, and the
 * handler's x29 points at it.
 */
#define SC_FAULT USER_FRAME_MCONTEXT
#define SC_REGS (SC_FAULT + 8)
#define SC_SP (SC_FAULT + 256)
#define SC_PC (SC_FAULT + 264)
#define SC_PSTATE (SC_FAULT + 272)
#define SC_RESERVED (SC_FAULT + 288)
#define FPSIMD_MAGIC 0x46508001u
#define FPSIMD_SIZE 528u
#define FRAME_RECORD (SC_RESERVED + 4096)
#define FRAME_SIZE (FRAME_RECORD + 16)

static void put32(uint8_t *b, size_t off, uint32_t v) { memcpy(b + off, &v, 4); }

static void a_frame_save(user_proc *p, uint8_t *f, uint64_t sp)
{
    (void)sp;
    a64_cpu *cpu = hart(p);
    memcpy(f + SC_REGS, cpu->x, 31 * 8);
    memcpy(f + SC_SP, &cpu->x[31], 8);
    memcpy(f + SC_PC, &cpu->pc, 8);
    uint64_t pstate = cpu->nzcv; /* EL0t: the mode bits are 0 */
    memcpy(f + SC_PSTATE, &pstate, 8);
    put32(f, SC_RESERVED, FPSIMD_MAGIC);
    put32(f, SC_RESERVED + 4, FPSIMD_SIZE);
    put32(f, SC_RESERVED + 8, cpu->fpsr);
    put32(f, SC_RESERVED + 12, cpu->fpcr);
    memcpy(f + SC_RESERVED + 16, cpu->v, sizeof(cpu->v));
    /* the record after it is all zero: the end of the list */
    memcpy(f + FRAME_RECORD, &cpu->x[29], 16);
}

static void a_frame_enter(user_proc *p, int sig, const user_sigaction *a,
                          uint64_t sp)
{
    enum { SA_RESTORER_ = 0x04000000 };
    a64_cpu *cpu = hart(p);
    cpu->x[0] = (uint64_t)sig;
    cpu->x[1] = sp;                 /* siginfo */
    cpu->x[2] = sp + USER_FRAME_UC; /* ucontext */
    cpu->x[29] = sp + FRAME_RECORD;
    cpu->x[30] = (a->flags & SA_RESTORER_) ? a->restorer : p->sigtramp;
    cpu->x[31] = sp;
    cpu->pc = a->handler;
}

static void a_frame_restore(user_proc *p, const uint8_t *f)
{
    a64_cpu *cpu = hart(p);
    uint64_t pstate;
    memcpy(cpu->x, f + SC_REGS, 31 * 8);
    memcpy(&cpu->x[31], f + SC_SP, 8);
    memcpy(&cpu->pc, f + SC_PC, 8);
    memcpy(&pstate, f + SC_PSTATE, 8);
    cpu->nzcv = (uint32_t)pstate & 0xf0000000u;
    uint32_t magic, size, fpsr, fpcr;
    memcpy(&magic, f + SC_RESERVED, 4);
    memcpy(&size, f + SC_RESERVED + 4, 4);
    if (magic == FPSIMD_MAGIC && size == FPSIMD_SIZE) {
        memcpy(&fpsr, f + SC_RESERVED + 8, 4);
        memcpy(&fpcr, f + SC_RESERVED + 12, 4);
        cpu->fpsr = fpsr & A64_FPSR_MASK;
        cpu->fpcr = fpcr & A64_FPCR_MASK;
        memcpy(cpu->v, f + SC_RESERVED + 16, sizeof(cpu->v));
    }
    cpu->excl_valid = false; /* an exception return clears the monitor */
}

/* a thread's context: the general and SIMD&FP registers, flags, FPCR,
 * FPSR and TPIDR_EL0 */
typedef struct a_ctx {
    a64_vreg v[32];
    uint64_t x[32], pc, tpidr;
    uint32_t nzcv, fpcr, fpsr;
} a_ctx;
_Static_assert(sizeof(a_ctx) <= USER_CTX_MAX, "context size");

static void a_save_ctx(user_proc *p, uint8_t *ctx)
{
    a64_cpu *cpu = hart(p);
    a_ctx c;
    memcpy(c.v, cpu->v, sizeof(c.v));
    memcpy(c.x, cpu->x, sizeof(c.x));
    c.pc = cpu->pc;
    c.tpidr = cpu->tpidr_el0;
    c.nzcv = cpu->nzcv;
    c.fpcr = cpu->fpcr;
    c.fpsr = cpu->fpsr;
    memcpy(ctx, &c, sizeof(c));
}

static void a_load_ctx(user_proc *p, const uint8_t *ctx)
{
    a64_cpu *cpu = hart(p);
    a_ctx c;
    memcpy(&c, ctx, sizeof(c));
    memcpy(cpu->v, c.v, sizeof(c.v));
    memcpy(cpu->x, c.x, sizeof(c.x));
    cpu->pc = c.pc;
    cpu->tpidr_el0 = c.tpidr;
    cpu->nzcv = c.nzcv;
    cpu->fpcr = c.fpcr;
    cpu->fpsr = c.fpsr;
    cpu->excl_valid = false; /* the switch is an exception return */
}

/* arm64's own open flags (arch/arm64/include/uapi/asm/fcntl.h): O_DIRECTORY,
 * O_NOFOLLOW, O_DIRECT and O_LARGEFILE, against the generic values */
static const uint32_t a_oflags[][2] = {
    {040000, 0200000}, {0100000, 0400000}, {0200000, 040000},
    {0400000, 0100000}, {0, 0},
};

/* mov x8, #139 (rt_sigreturn); svc #0 */
static const uint32_t a_sigtramp[] = {0xd2801168u, 0xd4000001u};

const user_arch user_arch_arm64 = {
    .name = "aarch64",
    .e_machine = 183, /* EM_AARCH64 */
    .sa_restorer = true,
    .oflags = a_oflags,
    .sigtramp = a_sigtramp,
    .sigtramp_words = 2,
    .frame_size = FRAME_SIZE,
    .hwcap = a_hwcap,
    .pc = a_pc,
    .set_pc = a_set_pc,
    .sp = a_sp,
    .start = a_start,
    .syscall_args = a_syscall_args,
    .syscall_ret = a_syscall_ret,
    .syscall_len = 4,
    .clone_child = a_clone_child,
    .activate = a_activate,
    .tlb_flush = a_flush,
    .syscall = NULL,
    .exception_signal = a_exception_signal,
    .frame_save = a_frame_save,
    .frame_enter = a_frame_enter,
    .frame_restore = a_frame_restore,
    .save_ctx = a_save_ctx,
    .load_ctx = a_load_ctx,
};
