/*
 * Signals: actions, the blocked mask, and delivery to the program's
 * handlers through a signal frame laid out as Linux builds it (a siginfo,
 * then a ucontext holding the interrupted registers in the ISA's machine
 * context, user_arch), with the handler returning through rt_sigreturn.
 */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "user/user.h"

enum { SIGKILL_ = 9, SIGSTOP_ = 19 };
#define SA_ONSTACK_ 0x08000000ull
#define SA_RESETHAND_ 0x80000000ull
#define SA_NODEFER_ 0x40000000ull
#define SS_ONSTACK_ 1
#define SS_DISABLE_ 2
#define MINSIGSTKSZ_ 2048

/* the largest frame an ISA has (user_arch.frame_size) */
#define FRAME_MAX 8192

static uint64_t bit(int sig) { return 1ull << (sig - 1); }

static const char *const signames[] = {
    [1] = "Hangup", [2] = "Interrupt", [3] = "Quit",
    [4] = "Illegal instruction", [5] = "Trace/breakpoint trap",
    [6] = "Aborted", [7] = "Bus error", [8] = "Floating point exception",
    [9] = "Killed", [10] = "User defined signal 1",
    [11] = "Segmentation fault", [12] = "User defined signal 2",
    [13] = "Broken pipe", [14] = "Alarm clock", [15] = "Terminated",
};

const char *user_signame(int sig)
{
    if (sig > 0 && sig < (int)(sizeof(signames) / sizeof(signames[0])) &&
        signames[sig])
        return signames[sig];
    return "Unknown signal";
}

/* Signals whose default action dumps core (signal(7)). */
static bool dumps_core(int sig)
{
    return sig == 3 || sig == 4 || sig == 5 || sig == 6 || sig == 7 ||
           sig == 8 || sig == 11 || sig == 31;
}

/* SIGCHLD, SIGCONT, SIGURG, SIGWINCH are ignored by default; the stop
 * signals too, as there is nothing to stop the program for. */
static bool default_ignores(int sig)
{
    return sig == 17 || sig == 18 || sig == 19 || sig == 20 || sig == 21 ||
           sig == 22 || sig == 23 || sig == 28;
}

void user_signal_raise(user_proc *p, int sig, int code, uint64_t addr)
{
    p->pending |= bit(sig);
    p->fault_code[sig] = code;
    p->fault_addr[sig] = addr;
}

static void terminate(user_proc *p, int sig)
{
    user_warn(p, EMU_LOG_ERROR, "uncaught target signal %d (%s)%s", sig,
              user_signame(sig), dumps_core(sig) ? " - core dumped" : "");
    user_exit(p, 128 + sig);
    p->term_sig = sig;
}

static bool on_altstack(const user_proc *p, uint64_t sp)
{
    return p->altstack_size && sp - p->altstack_sp <= p->altstack_size;
}

/* Push the frame for sig and enter its handler; false when the frame
 * cannot be written (the program then dies of SIGSEGV, as under Linux). */
static bool setup_frame(user_proc *p, int sig)
{
    const user_arch *arch = p->arch;
    const user_sigaction *a = &p->act[sig];
    uint64_t old_sp = arch->sp(p), sp = old_sp;
    if ((a->flags & SA_ONSTACK_) && p->altstack_size && !on_altstack(p, sp))
        sp = p->altstack_sp + p->altstack_size;
    sp = (sp - arch->frame_size) & ~15ull;

    static_assert(FRAME_MAX % 16 == 0, "frame alignment");
    uint8_t f[FRAME_MAX] = {0};
    int32_t si[4] = {sig, 0, p->fault_code[sig], 0};
    memcpy(f, si, sizeof(si));
    if (p->fault_code[sig]) {
        memcpy(f + 16, &p->fault_addr[sig], 8); /* si_addr */
    } else { /* SI_USER: si_pid, si_uid */
        int32_t who[2] = {getpid(), (int32_t)getuid()};
        memcpy(f + 16, who, sizeof(who));
    }
    uint64_t ss[3] = {p->altstack_sp,
                      p->altstack_size ? (on_altstack(p, old_sp)
                                              ? SS_ONSTACK_ : 0)
                                       : SS_DISABLE_,
                      p->altstack_size};
    memcpy(f + USER_FRAME_UC_STACK, ss, sizeof(ss));
    memcpy(f + USER_FRAME_UC_SIGMASK, &p->blocked, 8);
    arch->frame_save(p, f, sp);
    if (!user_copy_out(p, sp, f, arch->frame_size, UP_WRITE))
        return false;
    arch->frame_enter(p, sig, a, sp);
    p->blocked |= a->mask;
    if (!(a->flags & SA_NODEFER_))
        p->blocked |= bit(sig);
    p->blocked &= ~(bit(SIGKILL_) | bit(SIGSTOP_));
    if (a->flags & SA_RESETHAND_)
        p->act[sig] = (user_sigaction){0};
    return true;
}

void user_signal_deliver(user_proc *p)
{
    while (!p->exited) {
        /* a fault cannot be blocked or ignored: it kills instead */
        uint64_t ready = p->pending & ~p->blocked;
        for (int s = 1; s <= USER_NSIG; s++)
            if ((p->pending & bit(s)) && p->fault_code[s] &&
                ((p->blocked & bit(s)) || p->act[s].handler == 1)) {
                p->act[s].handler = 0;
                ready |= bit(s);
            }
        if (!ready)
            return;
        int sig = __builtin_ctzll(ready) + 1;
        p->pending &= ~bit(sig);
        uint64_t h = p->act[sig].handler;
        if (h == 1) /* SIG_IGN */
            continue;
        if (h == 0) { /* SIG_DFL */
            if (!default_ignores(sig))
                terminate(p, sig);
            continue;
        }
        if (!setup_frame(p, sig)) {
            p->act[11].handler = 0;
            terminate(p, 11);
            return;
        }
        p->fault_code[sig] = 0;
        return; /* one frame at a time; the rest after the handler */
    }
}

int64_t user_rt_sigaction(user_proc *p, int sig, uint64_t act, uint64_t old,
                          uint64_t size)
{
    if (size != 8 || sig < 1 || sig > USER_NSIG)
        return -EINVAL;
    if (act && (sig == SIGKILL_ || sig == SIGSTOP_))
        return -EINVAL;
    /* handler, flags, [restorer,] mask */
    size_t words = p->arch->sa_restorer ? 4 : 3;
    uint64_t n[4] = {0};
    if (act && !user_copy_in(p, n, act, words * 8))
        return -EFAULT;
    if (old) {
        const user_sigaction *o = &p->act[sig];
        uint64_t w[4] = {o->handler, o->flags, o->restorer, o->mask};
        if (words == 3)
            w[2] = o->mask;
        if (!user_copy_out(p, old, w, words * 8, UP_WRITE))
            return -EFAULT;
    }
    if (act) {
        p->act[sig] = words == 4 ? (user_sigaction){n[0], n[1], n[2], n[3]}
                                 : (user_sigaction){n[0], n[1], 0, n[2]};
        if (n[0] == 1) /* ignoring a pending signal discards it */
            p->pending &= ~bit(sig);
    }
    return 0;
}

int64_t user_rt_sigprocmask(user_proc *p, int how, uint64_t set, uint64_t old,
                            uint64_t size)
{
    if (size != 8)
        return -EINVAL;
    uint64_t n = 0;
    if (set && !user_copy_in(p, &n, set, 8))
        return -EFAULT;
    if (old && !user_copy_out(p, old, &p->blocked, 8, UP_WRITE))
        return -EFAULT;
    if (set) {
        switch (how) {
        case 0: p->blocked |= n; break;
        case 1: p->blocked &= ~n; break;
        case 2: p->blocked = n; break;
        default: return -EINVAL;
        }
        p->blocked &= ~(bit(SIGKILL_) | bit(SIGSTOP_));
    }
    return 0;
}

int64_t user_sigaltstack(user_proc *p, uint64_t ss, uint64_t old)
{
    uint64_t sp = p->arch->sp(p);
    if (old) {
        uint64_t o[3] = {p->altstack_sp,
                         p->altstack_size
                             ? (on_altstack(p, sp) ? SS_ONSTACK_ : 0)
                             : SS_DISABLE_,
                         p->altstack_size};
        if (!user_copy_out(p, old, o, sizeof(o), UP_WRITE))
            return -EFAULT;
    }
    if (ss) {
        uint64_t n[3];
        if (!user_copy_in(p, n, ss, sizeof(n)))
            return -EFAULT;
        if (on_altstack(p, sp))
            return -EPERM;
        int fl = (int)n[1];
        if (fl & SS_DISABLE_) {
            p->altstack_sp = p->altstack_size = 0;
        } else if (fl & ~SS_ONSTACK_) {
            return -EINVAL;
        } else {
            if (n[2] < MINSIGSTKSZ_)
                return -ENOMEM;
            p->altstack_sp = n[0];
            p->altstack_size = n[2];
        }
    }
    return 0;
}

void user_rt_sigreturn(user_proc *p)
{
    uint8_t f[FRAME_MAX];
    if (!user_copy_in(p, f, p->arch->sp(p), p->arch->frame_size)) {
        p->act[11].handler = 0;
        terminate(p, 11);
        return;
    }
    memcpy(&p->blocked, f + USER_FRAME_UC_SIGMASK, 8);
    p->blocked &= ~(bit(SIGKILL_) | bit(SIGSTOP_));
    p->arch->frame_restore(p, f);
}
