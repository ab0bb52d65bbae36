/*
 * Threads: clone with CLONE_THREAD, futexes, and the scheduling of the
 * process's threads on its one hart.
 *
 * Every thread runs on the machine's single hart, one at a time: a thread
 * that is not running keeps its registers in its user_thread (the ISA's
 * save_ctx/load_ctx). The running thread changes when it blocks (a futex
 * wait), yields, ends, or has run USER_THREAD_QUANTUM steps while another
 * can run. Switching at step counts, never at host time, keeps a run
 * deterministic, as the rest of libemu is. Futex waits are the emulator's
 * own: a waiting thread simply does not run until a wake, its timeout
 * (host time), or the end of the process.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "machine/hostclock.h"
#include "user/user.h"

#define CLONE_VM_ 0x100ull
#define CLONE_SIGHAND_ 0x800ull
#define CLONE_THREAD_ 0x10000ull
#define CLONE_SETTLS_ 0x80000ull
#define CLONE_PARENT_SETTID_ 0x100000ull
#define CLONE_CHILD_CLEARTID_ 0x200000ull
#define CLONE_CHILD_SETTID_ 0x1000000ull

enum { FUTEX_WAIT_ = 0, FUTEX_WAKE_ = 1, FUTEX_REQUEUE_ = 3,
       FUTEX_CMP_REQUEUE_ = 4, FUTEX_WAIT_BITSET_ = 9,
       FUTEX_WAKE_BITSET_ = 10 };
#define FUTEX_PRIVATE_ 128u
#define FUTEX_CLOCK_REALTIME_ 256u

static user_thread *cur(user_proc *p) { return &p->threads[p->cur]; }

/* The thread table, made on first use with the running program as its
 * first thread (its tid is the host process's pid, as for the main thread
 * of a Linux process). */
static bool ensure(user_proc *p)
{
    if (p->threads)
        return true;
    p->threads = calloc(USER_MAX_THREADS, sizeof(*p->threads));
    if (!p->threads)
        return false;
    p->nthreads = 1;
    p->cur = 0;
    p->threads[0].alive = true;
    p->threads[0].tid = getpid();
    p->threads[0].clear_tid = p->clear_tid;
    p->next_tid = getpid() + 1;
    return true;
}

int user_gettid(user_proc *p)
{
    return p->threads ? cur(p)->tid : getpid();
}

bool user_is_tid(const user_proc *p, int64_t tid)
{
    if (!p->threads)
        return tid == getpid();
    for (unsigned i = 0; i < p->nthreads; i++)
        if (p->threads[i].alive && p->threads[i].tid == tid)
            return true;
    return false;
}

void user_set_clear_tid(user_proc *p, uint64_t va)
{
    if (p->threads)
        cur(p)->clear_tid = va;
    else
        p->clear_tid = va;
}

/* Make thread i the running one: park the registers and signal mask of
 * the one running now, and take i's. */
static void switch_to(user_proc *p, unsigned i)
{
    user_thread *t = cur(p);
    if (i != p->cur) {
        if (t->alive) {
            p->arch->save_ctx(p, t->ctx);
            t->blocked = p->blocked;
        }
        p->cur = i;
        t = cur(p);
        p->arch->load_ctx(p, t->ctx);
        p->blocked = t->blocked;
    }
    if (t->ret_pending) {
        p->arch->syscall_ret(p, (uint64_t)t->ret);
        t->ret_pending = false;
    }
    p->slice_start = p->m->sched.icount;
}

/* Wake a waiting thread with this system call result. */
static void wake(user_thread *t, int64_t ret)
{
    t->waiting = false;
    t->ret_pending = true;
    t->ret = ret;
}

static uint64_t clock_ns(bool realtime)
{
    struct timespec ts;
    clock_gettime(realtime ? CLOCK_REALTIME : CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/*
 * Run another thread: the next runnable one after the current, in order
 * (the current one last, when it can still run). When every thread waits,
 * sleep until the first timeout; when none has one, the program can never
 * go on: Linux would hang it forever, and the emulator ends it instead
 * with a message, as if killed.
 */
static void schedule(user_proc *p)
{
    for (;;) {
        for (unsigned k = 1; k <= p->nthreads; k++) {
            unsigned i = (p->cur + k) % p->nthreads;
            user_thread *t = &p->threads[i];
            if (t->alive && !t->waiting) {
                switch_to(p, i);
                return;
            }
        }
        unsigned first = p->nthreads;
        for (unsigned i = 0; i < p->nthreads; i++) {
            user_thread *t = &p->threads[i];
            if (t->alive && t->waiting && t->timed &&
                (first == p->nthreads ||
                 t->deadline_ns - clock_ns(t->realtime) <
                     p->threads[first].deadline_ns -
                         clock_ns(p->threads[first].realtime)))
                first = i;
        }
        if (first == p->nthreads) {
            user_warn(p, EMU_LOG_ERROR, "every thread waits on a futex that "
                      "nothing can wake: the program is deadlocked");
            user_exit(p, 128 + 9);
            p->term_sig = 9;
            return;
        }
        user_thread *t = &p->threads[first];
        uint64_t now = clock_ns(t->realtime);
        if (t->deadline_ns > now) {
            struct timespec ts = {
                .tv_sec = (time_t)((t->deadline_ns - now) / 1000000000u),
                .tv_nsec = (long)((t->deadline_ns - now) % 1000000000u)};
            nanosleep(&ts, NULL);
        }
        wake(t, -ETIMEDOUT);
    }
}

void user_thread_tick(emu_machine *m)
{
    user_proc *p = m->user;
    if (!p || !p->threads || p->nthreads < 2 || p->exited ||
        m->sched.icount - p->slice_start < USER_THREAD_QUANTUM)
        return;
    /* time out the waits that are due, so that a waiting thread's
     * timeout passes even while others keep the hart busy */
    for (unsigned i = 0; i < p->nthreads; i++) {
        user_thread *t = &p->threads[i];
        if (t->alive && t->waiting && t->timed &&
            clock_ns(t->realtime) >= t->deadline_ns)
            wake(t, -ETIMEDOUT);
    }
    schedule(p);
}

int64_t user_thread_clone(user_proc *p, const uint64_t a[6])
{
    uint64_t flags = a[0];
    /* a thread shares memory and signal handlers (Linux: EINVAL without) */
    if (!(flags & CLONE_VM_) || !(flags & CLONE_SIGHAND_))
        return -EINVAL;
    if (!ensure(p))
        return -ENOMEM;
    unsigned i = 0;
    while (i < p->nthreads && p->threads[i].alive)
        i++;
    if (i == USER_MAX_THREADS)
        return -EAGAIN;
    user_thread *t = &p->threads[i];
    memset(t, 0, sizeof(*t));
    t->alive = true;
    t->tid = p->next_tid++;
    t->blocked = p->blocked;
    if (flags & CLONE_CHILD_CLEARTID_)
        t->clear_tid = a[4];
    /* the child's registers: the parent's now (pc past the call), with its
     * own stack and TLS, and clone returning 0 */
    uint8_t parent[USER_CTX_MAX];
    p->arch->save_ctx(p, parent);
    p->arch->clone_child(p, a[1], flags & CLONE_SETTLS_, a[3]);
    p->arch->syscall_ret(p, 0);
    p->arch->save_ctx(p, t->ctx);
    p->arch->load_ctx(p, parent);
    if (i == p->nthreads)
        p->nthreads++;
    uint32_t tid = (uint32_t)t->tid;
    if (flags & CLONE_PARENT_SETTID_)
        user_copy_out(p, a[2], &tid, 4, UP_WRITE);
    if (flags & CLONE_CHILD_SETTID_)
        user_copy_out(p, a[4], &tid, 4, UP_WRITE);
    return t->tid;
}

/* Wake up to n threads waiting on the futex at va whose bitset meets
 * mask; returns how many. */
static int64_t futex_wake(user_proc *p, uint64_t va, int64_t n, uint32_t mask)
{
    int64_t woken = 0;
    for (unsigned i = 0; p->threads && i < p->nthreads && woken < n; i++) {
        user_thread *t = &p->threads[i];
        if (t->alive && t->waiting && t->futex == va && (t->bitset & mask)) {
            wake(t, 0);
            woken++;
        }
    }
    return woken;
}

bool user_thread_exit(user_proc *p, int status)
{
    if (!p->threads || p->nthreads < 2) {
        /* the last thread: its exit ends the process */
        return false;
    }
    user_thread *t = cur(p);
    unsigned alive = 0;
    for (unsigned i = 0; i < p->nthreads; i++)
        alive += p->threads[i].alive;
    if (alive < 2)
        return false;
    (void)status;
    /* CLONE_CHILD_CLEARTID: zero the tid and wake a joiner */
    if (t->clear_tid) {
        uint32_t zero = 0;
        if (user_copy_out(p, t->clear_tid, &zero, 4, UP_WRITE))
            futex_wake(p, t->clear_tid, 1, ~0u);
    }
    t->alive = false;
    t->waiting = false;
    p->no_return = true; /* its registers are gone: nothing to return to */
    schedule(p);
    return true;
}

void user_threads_only_current(user_proc *p)
{
    if (!p->threads)
        return;
    user_thread keep = *cur(p);
    memset(p->threads, 0, USER_MAX_THREADS * sizeof(*p->threads));
    p->threads[0] = keep;
    p->threads[0].tid = getpid();
    p->nthreads = 1;
    p->cur = 0;
}

/* A timeout argument: relative (FUTEX_WAIT) or absolute (the BITSET
 * forms) on the monotonic or, with FUTEX_CLOCK_REALTIME, the real-time
 * clock; as an absolute deadline in *ns. */
static int64_t deadline(user_proc *p, uint64_t va, bool absolute,
                        bool realtime, uint64_t *ns)
{
    int64_t ts[2];
    if (!user_copy_in(p, ts, va, sizeof(ts)))
        return -EFAULT;
    if (ts[0] < 0 || ts[1] < 0 || ts[1] >= 1000000000)
        return -EINVAL;
    uint64_t t = (uint64_t)ts[0] > UINT64_MAX / 2000000000u
                     ? UINT64_MAX / 2
                     : (uint64_t)ts[0] * 1000000000u + (uint64_t)ts[1];
    *ns = absolute ? t : clock_ns(realtime) + t;
    return 0;
}

int64_t user_futex(user_proc *p, const uint64_t a[6])
{
    uint64_t va = a[0];
    unsigned op = (unsigned)a[1] & ~(FUTEX_PRIVATE_ | FUTEX_CLOCK_REALTIME_);
    bool realtime = a[1] & FUTEX_CLOCK_REALTIME_;
    uint32_t val = (uint32_t)a[2];
    if (va & 3)
        return -EINVAL;
    switch (op) {
    case FUTEX_WAIT_:
    case FUTEX_WAIT_BITSET_: {
        uint32_t mask = op == FUTEX_WAIT_BITSET_ ? (uint32_t)a[5] : ~0u;
        if (!mask)
            return -EINVAL;
        uint64_t dl = 0;
        if (a[3]) {
            int64_t r = deadline(p, a[3], op == FUTEX_WAIT_BITSET_,
                                 op == FUTEX_WAIT_BITSET_ && realtime, &dl);
            if (r)
                return r;
        }
        uint32_t v;
        if (!user_copy_in(p, &v, va, 4))
            return -EFAULT;
        if (v != val)
            return -EAGAIN;
        if (!ensure(p))
            return -ENOMEM;
        user_thread *t = cur(p);
        t->waiting = true;
        t->futex = va;
        t->bitset = mask;
        t->timed = a[3] != 0;
        t->realtime = op == FUTEX_WAIT_BITSET_ && realtime;
        t->deadline_ns = dl;
        p->no_return = true; /* the result comes with the wake */
        schedule(p);
        return 0;
    }
    case FUTEX_WAKE_:
    case FUTEX_WAKE_BITSET_: {
        uint32_t mask = op == FUTEX_WAKE_BITSET_ ? (uint32_t)a[5] : ~0u;
        if (!mask)
            return -EINVAL;
        return futex_wake(p, va, (int32_t)val < 0 ? 0 : val, mask);
    }
    case FUTEX_REQUEUE_:
    case FUTEX_CMP_REQUEUE_: {
        if (op == FUTEX_CMP_REQUEUE_) {
            uint32_t v;
            if (!user_copy_in(p, &v, va, 4))
                return -EFAULT;
            if (v != (uint32_t)a[5])
                return -EAGAIN;
        }
        int64_t n = futex_wake(p, va, (int32_t)val < 0 ? 0 : val, ~0u);
        /* the rest (up to the count in the timeout argument's place) now
         * wait on the second futex */
        uint64_t moved = 0, limit = (uint32_t)a[3];
        for (unsigned i = 0; p->threads && i < p->nthreads && moved < limit;
             i++) {
            user_thread *t = &p->threads[i];
            if (t->alive && t->waiting && t->futex == va) {
                t->futex = a[4];
                moved++;
            }
        }
        return n + (int64_t)moved;
    }
    default:
        return -ENOSYS;
    }
}

int64_t user_sched_yield(user_proc *p)
{
    if (p->threads && p->nthreads > 1) {
        /* the result goes to this thread when it runs again */
        user_thread *t = cur(p);
        t->ret_pending = true;
        t->ret = 0;
        p->no_return = true;
        schedule(p);
    }
    return 0;
}
