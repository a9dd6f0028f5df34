/* kernel/entry.c - the way back to user mode (see entry.h). */
#include "kernel/entry.h"

void exit_to_user_work(struct trap_frame *f)
{
	while (need_resched)
		schedule(); /* returns with IF as it was: off */
	if (signal_pending(current))
		deliver_signals(f);
}
