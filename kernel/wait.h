/*
 * kernel/wait.h - wait queues (Linux: wait_queue_head_t): a process that must
 * wait for an event sleeps on a queue; whoever causes the event wakes the queue.
 * Always sleep in a loop that re-checks the condition:
 *     while (!condition) sleep_on(&wq);
 * sleep_on may return early when a fatal signal is pending: check signal_pending().
 * Lock: interrupts are disabled around the queue manipulation (single CPU).
 */
#ifndef KERNEL_WAIT_H
#define KERNEL_WAIT_H

#include "kernel/lib/list.h"

struct wait_queue {
	struct list_head sleepers; /* struct process, via ->run */
};

#define WAIT_QUEUE_INIT(name) { LIST_HEAD_INIT((name).sleepers) }

static inline void wait_queue_init(struct wait_queue *wq) { list_init(&wq->sleepers); }

/* sleep_on: put current to sleep on @wq and run something else; returns when woken. */
void sleep_on(struct wait_queue *wq);

/* wake_up: make every sleeper of @wq runnable (safe from interrupt handlers). */
void wake_up(struct wait_queue *wq);

#endif
