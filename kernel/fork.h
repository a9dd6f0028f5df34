/*
 * kernel/fork.h - creating processes (kernel/fork.c; Linux: kernel/fork.c).
 *
 * How many processes may exist at once is bounded (Linux's threads-max), so
 * that a fork bomb or a zombie storm gets EAGAIN from fork while memory is
 * still there, rather than exhausting it and leaving the OOM killer to clean
 * up one process at a time. Zombies count until reaped, as in Linux: each
 * still holds its kernel stack.
 */
#ifndef KERNEL_FORK_H
#define KERNEL_FORK_H

#include <stdint.h>

/* Linux's bounds on threads-max: MIN_THREADS, and the pid space (PID_MAX_LIMIT, 4 Mi). */
#define MIN_THREADS 20
#define MAX_THREADS (4 * 1024 * 1024)

/* max_threads: fork fails with -EAGAIN once nr_threads (kernel/proc.h) reaches
 * it. Set at boot by fork_init; /proc/sys/kernel/threads-max afterwards, MIN_THREADS..MAX_THREADS
 * (Linux: kernel.threads-max). */
extern int max_threads;

/* fork_init: size max_threads from @ram_pages, the RAM the buddy manages, as
 * Linux's set_max_threads: kernel stacks may take at most an eighth of it. Boot, once. */
void fork_init(uint64_t ram_pages);

struct process;

/* mm_release: @p (current) lets go of its address space, at exec or exit
 * (Linux's mm_release): zero its clear_child_tid word if another process
 * still uses the mm, and let a vfork parent go on. */
void mm_release(struct process *p);

#endif
