/*
 * tests/host/fake_kernel.c - the processes and the scheduler, as far as the mm
 * host tests need them (reclaim, the OOM killer): a process list the tests
 * fill, `current`, signals as pending bits, and a schedule() that runs a hook
 * the test sets (standing in for "the others run": a victim exits). Sleeping
 * is never expected on the host: sleep_on panics.
 */
#include "tests/host/shim.h"
#include "tests/host/fake_kernel.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/wait.h"
#include "kernel/panic.h"

LIST_HEAD_DEF(process_list);
static struct process host_current_proc = { .pid = 2, .comm = "host-test" };
struct process *current = &host_current_proc;
void (*host_on_schedule)(void);
unsigned host_schedules;

struct process *find_process(int pid)
{
	struct list_head *it;

	list_for_each(it, &process_list) {
		struct process *p = list_entry(it, struct process, all);

		if (p->pid == pid)
			return p;
	}
	return NULL;
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
	host_schedules++;
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
