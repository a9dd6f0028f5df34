/*
 * tests/host/fake_kernel.c - the scheduler, signals and open files, as far as the mm host
 * tests need them (reclaim, the OOM killer), beside the real process list of
 * kernel/proc.c (list it in host-test-sources too; the tests add processes
 * to process_list themselves): `current` is a process of ours, signals are
 * pending bits, and schedule() runs a hook the test sets (standing in for
 * "the others run": a victim exits). Sleeping is never expected on the host:
 * sleep_on panics.
 */
#include "tests/host/shim.h"
#include "tests/host/fake_kernel.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/wait.h"
#include "kernel/panic.h"
#include "mm/mm.h"
#include "kernel/fs/vfs.h"

static struct process host_current_proc = { .pid = 2, .comm = "host-test",
					     .rlim[RLIMIT_STACK] = { STACK_LIMIT, RLIM_INFINITY } };
void (*host_on_schedule)(void);

/* set_current: before main, current is our process (kernel/proc.c starts it NULL). */
__attribute__((constructor)) static void set_current(void)
{
	current = &host_current_proc;
}

int send_signal(struct process *p, int sig)
{
	p->sig_pending |= 1ull << (sig - 1);
	return 0;
}

bool fatal_signal_pending(struct process *p)
{
	return p->sig_pending & (1ull << (SIGKILL - 1));
}

void schedule(void)
{
	if (!host_on_schedule)
		panic("schedule: a host test would wait forever");
	host_on_schedule();
}

void sleep_on(struct wait_queue *wq)
{
	(void)wq;
	panic("sleep_on: nothing sleeps in a host test");
}

void wake_up(struct wait_queue *wq)
{
	(void)wq;
}

struct process *kthread_create(const char *name, void (*fn)(void *), void *arg)
{
	static struct process thread = { .pid = 3, .kthread = true };

	(void)name, (void)fn, (void)arg;
	return &thread;
}

/* files_pinned_pages: the host's processes open no files. */
uint64_t files_pinned_pages(struct process *p)
{
	(void)p;
	return 0;
}
