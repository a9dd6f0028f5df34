/*
 * kernel/completion.h - "wait until this has happened once" (Linux: struct
 * completion): vfork's parent waits on one until its child execs or exits.
 * Lock: interrupts off around the flag and queue (single CPU).
 */
#ifndef KERNEL_COMPLETION_H
#define KERNEL_COMPLETION_H

#include <stdbool.h>
#include "kernel/wait.h"

struct completion {
	bool done;
	struct wait_queue wait;
};

static inline void init_completion(struct completion *c)
{
	c->done = false;
	wait_queue_init(&c->wait);
}

/* complete: it has happened: wake the waiters. */
static inline void complete(struct completion *c)
{
	c->done = true;
	wake_up(&c->wait);
}

/* wait_for_completion_killable: sleep until @c is done or current is sent
 * SIGKILL: 0, or -EINTR when killed first. */
int wait_for_completion_killable(struct completion *c);

#endif
