/* A thread that waits for a lock it holds itself, while a second thread
 * waits to join it: nothing can ever wake either. Linux would leave the
 * process hanging; emu-user ends it with a message (status 128 + 9). */
#include <pthread.h>

#include "check.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *relock(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    pthread_mutex_lock(&lock); /* a normal mutex: waits forever */
    return NULL;
}

int main(void)
{
    pthread_t t;
    CHECK(pthread_create(&t, NULL, relock, NULL) == 0);
    pthread_join(t, NULL);
    printf("not reached\n");
    return 0;
}
