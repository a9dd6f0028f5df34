/* kernel/futex.h - futexes (kernel/futex.c; Linux: kernel/futex/). */
#ifndef KERNEL_FUTEX_H
#define KERNEL_FUTEX_H

#include <stdbool.h>
#include <stdint.h>

/* futex_wake: wake up to @nr waiters on the word at user address @uaddr of
 * current's mm whose bitset meets @bitset (@private: the word is not shared
 * with other processes). How many were woken, or -EINVAL / -EFAULT. */
long futex_wake(uint64_t uaddr, bool private, int nr, uint32_t bitset);

struct process;

/* exit_robust_list: @p (current) lets go of its mm: every robust futex it
 * still holds (set_robust_list) gets FUTEX_OWNER_DIED and a waiter is woken
 * (Linux's exit_robust_list; kernel/sys_task.c). */
void exit_robust_list(struct process *p);

#endif
