/* pthreads: threads started and joined, each returning a value, and a
 * mutex-protected counter (clone, futex, TLS through TPIDR_EL0). Its own
 * program, so that a missing thread support fails only this test. */
#include <pthread.h>
#include <stdint.h>
#include "check.h"

enum { THREADS = 4, ITER = 20000 };
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;
static __thread long mine;

static void *work(void *arg)
{
    intptr_t id = (intptr_t)arg;
    for (int i = 0; i < ITER; i++) {
        pthread_mutex_lock(&lock);
        counter++;
        pthread_mutex_unlock(&lock);
        mine++;
    }
    return (void *)(id * 100 + (mine == ITER));
}

int main(void)
{
    pthread_t t[THREADS];
    for (intptr_t i = 0; i < THREADS; i++)
        CHECK(pthread_create(&t[i], NULL, work, (void *)i) == 0);
    for (intptr_t i = 0; i < THREADS; i++) {
        void *r;
        CHECK(pthread_join(t[i], &r) == 0);
        CHECK((intptr_t)r == i * 100 + 1);
    }
    CHECK(counter == (long)THREADS * ITER);
    CHECK(mine == 0);
    OK("threads");
    return 0;
}
