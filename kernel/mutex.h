/*
 * kernel/mutex.h - sleeping locks (Linux: struct mutex, kernel/locking/mutex.c):
 * for state that a holder keeps across a sleep (a copy to or from user memory
 * may fault and wait for the disk), so a spinning lock or interrupts-off will
 * not do. One holder at a time; the others sleep on the lock's wait queue.
 * Not recursive: a holder that locks again would wait forever (panic).
 * Lock: the mutex's own fields change with interrupts off (single CPU).
 */
#ifndef KERNEL_MUTEX_H
#define KERNEL_MUTEX_H

#include <stdbool.h>
#include "kernel/wait.h"

struct mutex {
	struct process *owner; /* NULL: free */
	struct wait_queue wait;
};

#define MUTEX_INIT(name) { NULL, WAIT_QUEUE_INIT((name).wait) }

static inline void mutex_init(struct mutex *m)
{
	m->owner = NULL;
	wait_queue_init(&m->wait);
}

/* mutex_lock: take @m, sleeping until it is free (signals do not cut the wait short). */
void mutex_lock(struct mutex *m);

/* mutex_lock_killable: as mutex_lock, but give up when current has been sent
 * SIGKILL: 0 with @m held, or -EINTR without it. */
int mutex_lock_killable(struct mutex *m);

/* mutex_unlock: release @m (current must hold it) and wake its waiters. */
void mutex_unlock(struct mutex *m);

#endif
