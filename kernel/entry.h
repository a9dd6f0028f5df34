/* kernel/entry.h - the work done on every return to user mode (Linux: kernel/entry/common.c). */
#ifndef KERNEL_ENTRY_H
#define KERNEL_ENTRY_H

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/trap_frame.h"
#include "kernel/sched.h"
#include "kernel/signal.h"

/* exit_to_user_work: the slow part of exit_to_user: reschedule while the slice
 * is over, then act on pending signals. IF=0 in and out. */
void exit_to_user_work(struct trap_frame *f);

/* exit_to_user: before leaving for user mode through @f: the work above when
 * there is any. Inline, as Linux checks its work flags inline: the usual
 * return (no work) costs a handful of instructions. Returns with IF=0. */
static inline void exit_to_user(struct trap_frame *f)
{
	cli();
	if (need_resched || signal_pending(current))
		exit_to_user_work(f);
}

#endif
