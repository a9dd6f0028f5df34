/* kernel/mutex.c - sleeping locks (see mutex.h). */
#include "kernel/mutex.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/panic.h"
#include "kernel/errno.h"

/* lock_common: wait for @m and take it; with @killable, -EINTR on SIGKILL. */
static int lock_common(struct mutex *m, bool killable)
{
	if (m->owner == current)
		panic("mutex_lock: pid %d takes a mutex it holds", current->pid);
	while (m->owner) {
		if (killable && fatal_signal_pending(current))
			return -EINTR;
		sleep_on(&m->wait);
	}
	m->owner = current;
	return 0;
}

void mutex_lock(struct mutex *m)
{
	lock_common(m, false);
}

int mutex_lock_killable(struct mutex *m)
{
	return lock_common(m, true);
}

void mutex_unlock(struct mutex *m)
{
	if (m->owner != current)
		panic("mutex_unlock: pid %d releases a mutex it does not hold", current->pid);
	m->owner = NULL;
	wake_up(&m->wait);
}
