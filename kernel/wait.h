/*
 * kernel/wait.h - wait queues (Linux: wait_queue_head_t, wait_queue_entry_t):
 * a process that must wait for an event hangs an entry on the event's queue
 * and sleeps; whoever causes the event wakes the queue. Always sleep in a loop
 * that re-checks the condition:
 *     while (!condition) sleep_on(&wq);
 * sleep_on may return early when a signal is pending: check signal_pending().
 * A process may wait on several queues at once (poll, select: kernel/fs/poll.c)
 * by adding one entry to each before it sleeps, as Linux's poll_wait does.
 * Lock: interrupts are disabled around the queue manipulation (single CPU).
 */
#ifndef KERNEL_WAIT_H
#define KERNEL_WAIT_H

#include "kernel/lib/list.h"

struct process;

struct wait_queue {
	struct list_head head; /* struct wait_queue_entry, via ->link */
};

/* One process waiting on one queue; lives in the waiter's frame or poll table. */
struct wait_queue_entry {
	struct list_head link;
	struct process *p;
};

#define WAIT_QUEUE_INIT(name) { LIST_HEAD_INIT((name).head) }

static inline void wait_queue_init(struct wait_queue *wq) { list_init(&wq->head); }

/* add_wait_queue: hang @e (for current) on @wq; the caller removes it. IRQ-safe. */
void add_wait_queue(struct wait_queue *wq, struct wait_queue_entry *e);

/* remove_wait_queue: take @e off its queue, if it is on one. IRQ-safe. */
void remove_wait_queue(struct wait_queue_entry *e);

/* sleep_on: put current to sleep on @wq and run something else; returns when woken. */
void sleep_on(struct wait_queue *wq);

/* wake_up: make every process waiting on @wq runnable; they take their
 * entries off themselves (safe from interrupt handlers). */
void wake_up(struct wait_queue *wq);

#endif
