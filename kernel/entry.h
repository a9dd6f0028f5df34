/* kernel/entry.h - the work done on every return to user mode (Linux: kernel/entry/common.c). */
#ifndef KERNEL_ENTRY_H
#define KERNEL_ENTRY_H

#include "arch/x86_64/trap_frame.h"

/* exit_to_user: before leaving for user mode through @f: reschedule if the
 * slice is over, then act on pending signals. Returns with IF=0. */
void exit_to_user(struct trap_frame *f);

#endif
