/*
 * kernel/fs/poll.h - waiting for several files at once (Linux:
 * include/linux/poll.h, fs/select.c): poll, ppoll, select and pselect6.
 *
 * A file that can make a caller wait has a ->poll operation that returns
 * which of the POLL* events hold now and, through poll_wait, hangs the
 * caller on each wait queue whose wake-up could change the answer. The
 * caller marks itself sleeping before it asks, so a wake-up that comes
 * between the question and the sleep is not lost (Linux's
 * set_current_state before the check).
 */
#ifndef KERNEL_FS_POLL_H
#define KERNEL_FS_POLL_H

#include <stdbool.h>
#include "kernel/wait.h"

/* Event bits, Linux's (include/uapi/asm-generic/poll.h). */
#define POLLIN     0x0001
#define POLLPRI    0x0002
#define POLLOUT    0x0004
#define POLLERR    0x0008
#define POLLHUP    0x0010
#define POLLNVAL   0x0020
#define POLLRDNORM 0x0040
#define POLLRDBAND 0x0080
#define POLLWRNORM 0x0100
#define POLLWRBAND 0x0200

/* What a file without ->poll reports: always ready (Linux's DEFAULT_POLLMASK). */
#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

/* The wait entries of one poll call: one per (file, queue), hung on its first
 * pass over the files (@queue), removed when the call returns. */
struct poll_table {
	struct wait_queue_entry *entries;
	int nr, max;
	bool queue; /* this pass hangs entries; later passes only ask */
};

/* poll_wait: hang current on @wq for the poll call @pt (NULL: the caller
 * only asks). Called by ->poll operations. */
void poll_wait(struct wait_queue *wq, struct poll_table *pt);

#endif
