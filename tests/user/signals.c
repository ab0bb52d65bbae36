/* Signal handlers: SIGUSR1 sent with kill to self (siginfo, blocked
 * during the handler, the mask restored after), a SIGSEGV from a NULL
 * write caught, a handler on an alternate stack that changes the
 * interrupted registers through its ucontext, and SIG_IGN. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <ucontext.h>
#include <unistd.h>

#include "check.h"

static volatile int usr1, usr1_code, usr1_pid, blocked_inside;
static sigjmp_buf env;
static volatile void *segv_addr;
static volatile uintptr_t handler_sp;
static char altstack[64 * 1024];

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    blocked_inside = sigismember(&cur, SIGUSR1);
    usr1 = sig;
    usr1_code = si->si_code;
    usr1_pid = si->si_pid;
    handler_sp = (uintptr_t)__builtin_frame_address(0);
}

static void on_segv(int sig, siginfo_t *si, void *uc)
{
    (void)sig, (void)uc;
    segv_addr = si->si_addr;
    siglongjmp(env, 1);
}

/* SIGILL: skip the 4-byte illegal instruction by moving the saved pc */
static void on_ill(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    (void)sig;
#ifdef __aarch64__
    CHECK((uintptr_t)si->si_addr == uc->uc_mcontext.pc);
    uc->uc_mcontext.pc += 4;
    uc->uc_mcontext.regs[0] = 1234; /* visible after return */
#else
    CHECK((uintptr_t)si->si_addr == uc->uc_mcontext.__gregs[REG_PC]);
    uc->uc_mcontext.__gregs[REG_PC] += 4;
    uc->uc_mcontext.__gregs[REG_A0] = 1234; /* visible after return */
#endif
}

int main(void)
{
    struct sigaction sa = {.sa_sigaction = on_usr1, .sa_flags = SA_SIGINFO};
    CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
    CHECK(kill(getpid(), SIGUSR1) == 0);
    CHECK(usr1 == SIGUSR1 && usr1_code == SI_USER && usr1_pid == getpid());
    CHECK(blocked_inside);
    sigset_t cur;
    CHECK(sigprocmask(SIG_BLOCK, NULL, &cur) == 0 && !sigismember(&cur, SIGUSR1));

    /* blocked, then delivered when unblocked */
    usr1 = 0;
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR1);
    CHECK(sigprocmask(SIG_BLOCK, &s, NULL) == 0);
    CHECK(raise(SIGUSR1) == 0 && usr1 == 0);
    CHECK(sigprocmask(SIG_UNBLOCK, &s, NULL) == 0 && usr1 == SIGUSR1);

    /* on an alternate stack */
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof(altstack)};
    CHECK(sigaltstack(&ss, NULL) == 0);
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
    CHECK(raise(SIGUSR1) == 0);
    CHECK(handler_sp > (uintptr_t)altstack &&
          handler_sp <= (uintptr_t)altstack + sizeof(altstack));

    /* SIGSEGV from a NULL write */
    struct sigaction sv = {.sa_sigaction = on_segv, .sa_flags = SA_SIGINFO};
    CHECK(sigaction(SIGSEGV, &sv, NULL) == 0);
    if (!sigsetjmp(env, 1)) {
        *(volatile int *)0 = 1;
        CHECK(!"the NULL write did not fault");
    }
    CHECK(segv_addr == NULL);

    /* SIGILL, resumed after the instruction with a changed a0 */
    struct sigaction si = {.sa_sigaction = on_ill, .sa_flags = SA_SIGINFO};
    CHECK(sigaction(SIGILL, &si, NULL) == 0);
#ifdef __aarch64__
    register long a0 __asm__("x0") = 0;
#else
    register long a0 __asm__("a0") = 0;
#endif
    __asm__ volatile(".word 0" : "+r"(a0)); /* an illegal instruction */
    CHECK(a0 == 1234);

    /* ignored */
    CHECK(signal(SIGUSR2, SIG_IGN) != SIG_ERR);
    CHECK(raise(SIGUSR2) == 0);
    printf("signals ok\n");
    return 0;
}
