/*
 * User-mode emulation's riscv64 specifics (user_arch): the ecall
 * convention, the signal frame's registers, the Sv39 address space the
 * process runs in, and which exception sends which signal.
 */
#include <errno.h>
#include <string.h>

#include "cpu/riscv/rv_cpu.h"
#include "mmu/mmu.h"
#include "user/user.h"

static rv_cpu *hart0(user_proc *p) { return p->m->harts[0]; }

static uint64_t rv_hwcap(user_proc *p, int which)
{
    uint64_t hwcap = 0;
    if (which == 0)
        for (const char *c = "IMAFDC"; *c; c++)
            hwcap |= hart0(p)->misa & (1ull << (*c - 'A'));
    return hwcap;
}

static uint64_t rv_pc(user_proc *p) { return hart0(p)->pc; }
static void rv_set_pc(user_proc *p, uint64_t pc) { hart0(p)->pc = pc; }
static uint64_t rv_sp(user_proc *p) { return hart0(p)->x[2]; }

static void rv_start(user_proc *p, uint64_t pc, uint64_t sp)
{
    rv_cpu *cpu = hart0(p);
    memset(cpu->x, 0, sizeof(cpu->x));
    cpu->x[2] = sp;
    cpu->pc = pc;
}

/* a7 is the number, a0..a5 the arguments (riscv64's syscall(2) ABI) */
static uint64_t rv_syscall_args(user_proc *p, uint64_t a[6])
{
    rv_cpu *cpu = hart0(p);
    for (int i = 0; i < 6; i++)
        a[i] = cpu->x[10 + i];
    return cpu->x[17];
}

static void rv_syscall_ret(user_proc *p, uint64_t r) { hart0(p)->x[10] = r; }

static void rv_clone_child(user_proc *p, uint64_t sp, bool set_tls,
                           uint64_t tls)
{
    rv_cpu *cpu = hart0(p);
    if (sp)
        cpu->x[2] = sp;
    if (set_tls)
        cpu->x[4] = tls;
}

static void rv_activate(user_proc *p)
{
    rv_cpu *cpu = hart0(p);
    /* PMP: with no entry, U-mode accesses fail (priv 3.7.1); one NAPOT
     * entry over everything lets the page tables alone decide */
    rv_csr_write_raw(cpu, 0x3b0, UINT64_MAX >> 10); /* pmpaddr0 */
    rv_csr_write_raw(cpu, 0x3a0, 0x1f);             /* pmpcfg0: NAPOT RWX */
    /* the counters (rdcycle, rdtime, rdinstret) are readable in U mode */
    cpu->mcounteren = cpu->scounteren = 7;
    /* FS = Initial: the FPU is on, as Linux leaves it for a new process */
    if (cpu->has_f)
        cpu->mstatus = (cpu->mstatus & ~MSTATUS_FS) | (1ull << 13);
    cpu->satp = (uint64_t)SATP_SV39 << 60 | (p->root_pa >> 12);
    rv_set_priv(cpu, RV_PRIV_U);
    rv_tlb_flush(cpu);
    rv_update_tlb_ptrs(cpu);
}

static void rv_flush(user_proc *p)
{
    for (unsigned h = 0; h < p->m->nharts; h++)
        rv_tlb_flush(p->m->harts[h]);
}

static int rv_exception_signal(user_proc *p, const emu_exit *ex, int *code,
                               uint64_t *addr)
{
    enum { SEGV_MAPERR = 1, SEGV_ACCERR = 2, ILL_ILLOPC = 1, BUS_ADRALN = 1,
           TRAP_BRKPT = 1 };
    uint64_t cause = (uint64_t)ex->code;
    *addr = ex->addr;
    switch (cause) {
    case RV_EXC_INSN_PAGE:
    case RV_EXC_LOAD_PAGE:
    case RV_EXC_STORE_PAGE: {
        int acc = cause == RV_EXC_INSN_PAGE ? 0
                  : cause == RV_EXC_LOAD_PAGE ? 1 : 2;
        if (user_fault_in(p, ex->addr, acc))
            return 0;
        *code = user_find_vma(p, ex->addr) ? SEGV_ACCERR : SEGV_MAPERR;
        return 11;
    }
    case RV_EXC_INSN_ACCESS:
    case RV_EXC_LOAD_ACCESS:
    case RV_EXC_STORE_ACCESS:
        *code = SEGV_MAPERR;
        return 11;
    case RV_EXC_ILLEGAL:
        *code = ILL_ILLOPC;
        *addr = ex->pc;
        return 4;
    case RV_EXC_BREAKPOINT:
        *code = TRAP_BRKPT;
        *addr = ex->pc;
        return 5;
    default: /* misaligned */
        *code = BUS_ADRALN;
        return 7;
    }
}

static int64_t rd64(const uint8_t *b)
{
    int64_t v;
    memcpy(&v, b, 8);
    return v;
}

/* riscv_hwprobe: key/value pairs (Linux's asm/hwprobe.h). */
static int64_t sys_hwprobe(user_proc *p, uint64_t pairs, uint64_t count)
{
    rv_cpu *cpu = hart0(p);
    if (count > 64)
        return -EINVAL;
    for (uint64_t i = 0; i < count; i++) {
        uint8_t b[16];
        if (!user_copy_in(p, b, pairs + i * 16, 16))
            return -EFAULT;
        int64_t key = (int64_t)rd64(b);
        uint64_t val = 0;
        switch (key) {
        case 0: case 1: case 2: break; /* vendor, arch, impl ids: 0 */
        case 3: val = 1; break;        /* base behaviour: IMA */
        case 4:                        /* IMA_EXT_0 */
            val = (cpu->has_f && cpu->has_d ? 1ull << 0 : 0) |
                  (cpu->has_c ? 1ull << 1 : 0) |
                  (cpu->has_zba ? 1ull << 3 : 0) |
                  (cpu->has_zbb ? 1ull << 4 : 0) |
                  (cpu->has_zbs ? 1ull << 5 : 0) |
                  (cpu->has_zbc ? 1ull << 7 : 0) |
                  (cpu->has_zicond ? 1ull << 35 : 0) | 1ull << 36;
            break;
        case 5: /* CPUPERF_0: misaligned accesses emulated or trapping */
            val = cpu->misaligned_ok ? 1 : 4;
            break;
        default: key = -1; break;
        }
        memcpy(b, &key, 8);
        memcpy(b + 8, &val, 8);
        if (!user_copy_out(p, pairs + i * 16, b, 16, UP_WRITE))
            return -EFAULT;
    }
    return 0;
}

static bool rv_syscall(user_proc *p, uint64_t nr, const uint64_t a[6],
                       int64_t *ret)
{
    if (nr != 258) /* riscv_hwprobe */
        return false;
    *ret = sys_hwprobe(p, a[0], a[1]);
    return true;
}

/* The machine context (struct sigcontext): pc and x1..x31, f0..f31 and
 * fcsr. */
#define MC_GREGS USER_FRAME_MCONTEXT
#define MC_FPREGS (MC_GREGS + 256)
#define MC_FCSR (MC_FPREGS + 256)

static void rv_frame_save(user_proc *p, uint8_t *f, uint64_t sp)
{
    (void)sp;
    rv_cpu *cpu = hart0(p);
    memcpy(f + MC_GREGS, &cpu->pc, 8);
    memcpy(f + MC_GREGS + 8, &cpu->x[1], 31 * 8);
    memcpy(f + MC_FPREGS, cpu->f, 32 * 8);
    uint32_t fcsr = (uint32_t)cpu->fflags | (uint32_t)cpu->frm << 5;
    memcpy(f + MC_FCSR, &fcsr, 4);
}

static void rv_frame_enter(user_proc *p, int sig, const user_sigaction *a,
                           uint64_t sp)
{
    rv_cpu *cpu = hart0(p);
    cpu->x[1] = p->sigtramp; /* the handler returns to rt_sigreturn */
    cpu->x[2] = sp;
    cpu->x[10] = (uint64_t)sig;
    cpu->x[11] = sp;
    cpu->x[12] = sp + USER_FRAME_UC;
    cpu->pc = a->handler;
}

static void rv_frame_restore(user_proc *p, const uint8_t *f)
{
    rv_cpu *cpu = hart0(p);
    memcpy(&cpu->pc, f + MC_GREGS, 8);
    memcpy(&cpu->x[1], f + MC_GREGS + 8, 31 * 8);
    memcpy(cpu->f, f + MC_FPREGS, 32 * 8);
    uint32_t fcsr;
    memcpy(&fcsr, f + MC_FCSR, 4);
    cpu->fflags = fcsr & 0x1f;
    cpu->frm = (fcsr >> 5) & 7;
    cpu->x[0] = 0;
}

/* a thread's context: pc, x1..x31, f0..f31, fflags and frm */
typedef struct rv_ctx {
    uint64_t pc, x[32], f[32];
    uint8_t fflags, frm;
} rv_ctx;
_Static_assert(sizeof(rv_ctx) <= USER_CTX_MAX, "context size");

static void rv_save_ctx(user_proc *p, uint8_t *ctx)
{
    rv_cpu *cpu = hart0(p);
    rv_ctx c;
    c.pc = cpu->pc;
    memcpy(c.x, cpu->x, sizeof(c.x));
    memcpy(c.f, cpu->f, sizeof(c.f));
    c.fflags = cpu->fflags;
    c.frm = cpu->frm;
    memcpy(ctx, &c, sizeof(c));
}

static void rv_load_ctx(user_proc *p, const uint8_t *ctx)
{
    rv_cpu *cpu = hart0(p);
    rv_ctx c;
    memcpy(&c, ctx, sizeof(c));
    cpu->pc = c.pc;
    memcpy(cpu->x, c.x, sizeof(c.x));
    cpu->x[0] = 0;
    memcpy(cpu->f, c.f, sizeof(c.f));
    cpu->fflags = c.fflags;
    cpu->frm = c.frm;
    cpu->res_valid = false; /* another thread's LR does not carry over */
}

/* li a7, 139 (rt_sigreturn); ecall */
static const uint32_t rv_sigtramp[] = {0x08b00893u, 0x00000073u};

const user_arch user_arch_riscv64 = {
    .name = "riscv64",
    .e_machine = 243, /* EM_RISCV */
    .sa_restorer = false,
    .sigtramp = rv_sigtramp,
    .sigtramp_words = 2,
    .frame_size = 1088, /* 128 + a 960-byte ucontext */
    .hwcap = rv_hwcap,
    .pc = rv_pc,
    .set_pc = rv_set_pc,
    .sp = rv_sp,
    .start = rv_start,
    .syscall_args = rv_syscall_args,
    .syscall_ret = rv_syscall_ret,
    .syscall_len = 4,
    .clone_child = rv_clone_child,
    .activate = rv_activate,
    .tlb_flush = rv_flush,
    .syscall = rv_syscall,
    .exception_signal = rv_exception_signal,
    .frame_save = rv_frame_save,
    .frame_enter = rv_frame_enter,
    .frame_restore = rv_frame_restore,
    .save_ctx = rv_save_ctx,
    .load_ctx = rv_load_ctx,
};
