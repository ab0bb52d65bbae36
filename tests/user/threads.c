/* Threads: pthread_create and join (clone with CLONE_THREAD, the
 * CLONE_CHILD_CLEARTID futex wake), a mutex-protected counter and a
 * condition variable (futex wait and wake), thread ids, thread-local
 * storage (the TLS register each clone sets), and a timed wait that
 * times out. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#define THREADS 4
#define ROUNDS 20000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static long counter;
static int ready;
static __thread long mine; /* one per thread */
static pid_t tids[THREADS];

static void *work(void *arg)
{
    long id = (long)(intptr_t)arg;
    tids[id] = (pid_t)syscall(SYS_gettid);
    for (int i = 0; i < ROUNDS; i++) {
        pthread_mutex_lock(&lock);
        counter++;
        pthread_mutex_unlock(&lock);
        mine++;
        if (i % 1000 == 0)
            sched_yield();
    }
    pthread_mutex_lock(&lock);
    ready++;
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&lock);
    return (void *)(intptr_t)(mine * 10 + id);
}

int main(void)
{
    pthread_t t[THREADS];
    for (long i = 0; i < THREADS; i++)
        CHECK(pthread_create(&t[i], NULL, work, (void *)(intptr_t)i) == 0);
    /* wait for all through the condition variable, then join */
    pthread_mutex_lock(&lock);
    while (ready < THREADS)
        pthread_cond_wait(&cond, &lock);
    pthread_mutex_unlock(&lock);
    for (long i = 0; i < THREADS; i++) {
        void *ret;
        CHECK(pthread_join(t[i], &ret) == 0);
        CHECK((long)(intptr_t)ret == ROUNDS * 10L + i);
    }
    CHECK(counter == (long)THREADS * ROUNDS);
    CHECK(mine == 0); /* the main thread's copy was never touched */
    pid_t me = (pid_t)syscall(SYS_gettid);
    CHECK(me == getpid());
    for (int i = 0; i < THREADS; i++) {
        CHECK(tids[i] != me && tids[i] > 0);
        for (int j = 0; j < i; j++)
            CHECK(tids[i] != tids[j]);
    }
    /* a timed wait with nobody to signal: ETIMEDOUT after the deadline */
    struct timespec t0, dl;
    clock_gettime(CLOCK_REALTIME, &t0);
    dl = t0;
    dl.tv_nsec += 20 * 1000 * 1000;
    if (dl.tv_nsec >= 1000000000) {
        dl.tv_sec++;
        dl.tv_nsec -= 1000000000;
    }
    pthread_mutex_lock(&lock);
    CHECK(pthread_cond_timedwait(&cond, &lock, &dl) == ETIMEDOUT);
    pthread_mutex_unlock(&lock);
    struct timespec t1;
    clock_gettime(CLOCK_REALTIME, &t1);
    CHECK((t1.tv_sec - t0.tv_sec) * 1000000000L + (t1.tv_nsec - t0.tv_nsec) >=
          20 * 1000 * 1000);
    /* the main thread's stack as glibc finds it: in /proc/self/maps */
    pthread_attr_t at;
    void *stack;
    size_t size;
    CHECK(pthread_getattr_np(pthread_self(), &at) == 0);
    CHECK(pthread_attr_getstack(&at, &stack, &size) == 0);
    CHECK((char *)&at > (char *)stack && (char *)&at < (char *)stack + size);
    pthread_attr_destroy(&at);
    printf("threads ok %ld\n", counter);
    return 0;
}
