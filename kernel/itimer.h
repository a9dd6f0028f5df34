/*
 * kernel/itimer.h - interval timers: setitimer, getitimer, alarm (Linux:
 * kernel/time/itimer.c). ITIMER_REAL sends SIGALRM after wall-clock time,
 * ITIMER_VIRTUAL SIGVTALRM after user time, ITIMER_PROF SIGPROF after user
 * plus system time; each may reload itself with an interval. Driven by the
 * timer tick, so they have its granularity (1/HZ: 10 ms), where Linux's
 * ITIMER_REAL is an hrtimer. Kept across execve, not inherited by fork.
 * Lock: the armed list and the timers change with interrupts off (the tick
 * reads them).
 */
#ifndef KERNEL_ITIMER_H
#define KERNEL_ITIMER_H

#include <stdbool.h>
#include "kernel/proc.h"

#define ITIMER_REAL    0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF    2

/* itimer_tick: the timer interrupt's share: charge a tick to @p's VIRTUAL
 * (@user) and PROF timers, and fire every ITIMER_REAL whose time came. IRQ context. */
void itimer_tick(struct process *p, bool user);

/* itimer_exit: @p exits: disarm its timers. */
void itimer_exit(struct process *p);

#endif
