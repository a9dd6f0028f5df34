/* kernel/entry.c - the way back to user mode (see entry.h). */
#include "kernel/entry.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "arch/x86_64/cpu.h"

void exit_to_user(struct trap_frame *f)
{
	cli();
	while (need_resched)
		schedule(); /* returns with IF as it was: off */
	if (signal_pending(current))
		deliver_signals(f);
}
