/* kernel/completion.c - waiting for a completion (see completion.h). */
#include "kernel/completion.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/errno.h"

int wait_for_completion_killable(struct completion *c)
{
	while (!c->done) {
		if (fatal_signal_pending(current))
			return -EINTR;
		sleep_on(&c->wait);
	}
	return 0;
}
