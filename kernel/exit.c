/*
 * kernel/exit.c - exit, exit_group and wait4 (Linux: kernel/exit.c).
 * A process that exits keeps only its struct and kernel stack, as a zombie,
 * until its parent collects the status with wait4; the parent's wait4 frees them.
 */
#include <limits.h>
#include "kernel/exit.h"
#include "kernel/fork.h"
#include "kernel/itimer.h"
#include "kernel/job_control.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/rusage.h"
#include "kernel/syscalls.h"
#include "kernel/uaccess.h"
#include "kernel/fs/vfs.h"
#include "kernel/errno.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/qemu_exit.h"
#include "mm/mm.h"
#include "mm/vmstat.h"

/* wait4 options, Linux's (include/uapi/linux/wait.h) */
#define WNOHANG     0x00000001
#define WUNTRACED   0x00000002
#define WCONTINUED  0x00000008
#define __WNOTHREAD 0x20000000
#define __WALL      0x40000000
#define __WCLONE    0x80000000

/* init_exited: pid 1 is gone: power off with its status (128+sig for a signal death). */
__attribute__((noreturn)) static void init_exited(int status)
{
	int code = (status & 0x7f) ? 128 + (status & 0x7f) : (status >> 8) & 0xff;
	vmstat_log();
	pr_notice("init: exited with status %d, powering off\n", code);
	qemu_exit((uint32_t)code);
	halt_forever();
}

/* reparent_children: hand @p's children to init (Linux: forget_original_parent). */
static void reparent_children(struct process *p)
{
	struct process *init = find_process(1);
	while (!list_empty(&p->children)) {
		struct process *c = list_first_entry(&p->children, struct process, sibling);
		if (c->pdeath_signal && c->state != PROC_ZOMBIE)
			send_signal(c, c->pdeath_signal); /* prctl(PR_SET_PDEATHSIG) */
		list_del(&c->sibling);
		c->parent = init;
		list_add_tail(&c->sibling, &init->children);
		if (c->state == PROC_ZOMBIE)
			wake_up(&init->child_exit);
	}
}

/* autoreap: nobody will wait for @p: its parent ignores SIGCHLD (SIG_IGN) or
 * set SA_NOCLDWAIT, so it leaves no zombie (POSIX; Linux's do_notify_parent). */
static bool autoreap(const struct process *p)
{
	const struct sigaction_k *ka = &p->parent->sigactions[SIGCHLD - 1];

	return p->exit_signal == SIGCHLD && (ka->handler == SIG_IGN || (ka->flags & SA_NOCLDWAIT));
}

void do_exit(int status)
{
	struct process *p = current;
	if (p->pid == 1)
		init_exited(status);
	files_close_all(p);
	exit_fs(p);
	if (p->mm) {
		note_rss(p);
		mm_release(p);
		mm_switch(NULL); /* never free the tables CR3 points at */
		mmput(p->mm);
		p->mm = NULL;
	}
	itimer_exit(p);
	reparent_children(p);
	cli();
	p->exit_status = status;
	p->state = PROC_ZOMBIE;
	if (status & 0x7f)
		notify_parent(p, CLD_KILLED, status & 0x7f);
	else
		notify_parent(p, CLD_EXITED, (status >> 8) & 0xff);
	if (autoreap(p)) {
		list_del(&p->sibling); /* no wait4 will see it */
		exit_dead();
	}
	schedule();
	panic("do_exit: zombie pid %d was scheduled again", p->pid);
}

long sys_exit(int code)
{
	do_exit(W_EXITCODE(code));
}

long sys_exit_group(int code)
{
	do_exit(W_EXITCODE(code)); /* one thread per process: the same as exit */
}

/* wait_matches: does child @c answer wait4's @pid selector (pid, -1, 0, -pgid)
 * and @options? A child whose exit signal is not SIGCHLD (a "clone child") is
 * waited for only with __WCLONE, the others only without; __WALL takes both
 * (Linux's eligible_child). */
static bool wait_matches(const struct process *c, int pid, unsigned options)
{
	if (!(options & __WALL) && ((c->exit_signal != SIGCHLD) != !!(options & __WCLONE)))
		return false;
	if (pid > 0)
		return c->pid == pid;
	if (pid == -1)
		return true;
	return c->pgid == (pid == 0 ? current->pgid : -pid);
}

/* report: give wait4's caller @status of child @pid and @ru (NULL: not asked).
 * Returns @pid, or -EFAULT for a bad pointer. */
static long report(int pid, int status, int *ustatus, const struct rusage_k *ru, void *urusage)
{
	if (ustatus && copy_to_user(ustatus, &status, sizeof(int)))
		return -EFAULT;
	if (urusage && copy_to_user(urusage, ru, sizeof(*ru)))
		return -EFAULT;
	return pid;
}

/* reap: free zombie @c, then give its status and usage to the caller. Returns
 * its pid, or -EFAULT when a pointer is bad: the child is reaped all the same,
 * as Linux's wait_task_zombie releases it before kernel_wait4's put_user. */
static long reap(struct process *c, int *status, void *rusage)
{
	struct rusage_k ru;
	int pid = c->pid, exit_status = c->exit_status;
	if (rusage)
		rusage_fill(c, 0, &ru);
	rusage_add_child(current, c);
	process_free(c);
	return report(pid, exit_status, status, &ru, rusage);
}

/* wait_stopped_or_continued: a stop (WUNTRACED) or a continue (WCONTINUED)
 * of @c not reported yet, reported now, once (Linux's wait_task_stopped and
 * wait_task_continued); 0 when there is none. */
static long wait_stopped_or_continued(struct process *c, unsigned options, int *status, void *rusage)
{
	struct rusage_k ru;
	int word;

	if ((options & WUNTRACED) && c->state == PROC_STOPPED && c->stop_report) {
		c->stop_report = false;
		word = (c->stop_sig << 8) | 0x7f;
	} else if ((options & WCONTINUED) && c->cont_report) {
		c->cont_report = false;
		word = 0xffff;
	} else {
		return 0;
	}
	if (rusage)
		rusage_fill(c, 0, &ru);
	return report(c->pid, word, status, &ru, rusage);
}

long sys_wait4(int pid, int *status, int options, void *rusage)
{
	if ((unsigned)options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WALL | __WCLONE))
		return -EINVAL;
	if (pid == INT_MIN)
		return -ESRCH; /* no group -INT_MIN (it does not fit an int): Linux's kernel_wait4 */
	for (;;) {
		bool have_child = false;
		struct list_head *it;
		list_for_each(it, &current->children) {
			struct process *c = list_entry(it, struct process, sibling);
			if (!wait_matches(c, pid, (unsigned)options))
				continue;
			have_child = true;
			if (c->state == PROC_ZOMBIE)
				return reap(c, status, rusage);
			long ret = wait_stopped_or_continued(c, (unsigned)options, status, rusage);
			if (ret)
				return ret;
		}
		if (!have_child)
			return -ECHILD;
		if (options & WNOHANG)
			return 0;
		if (signal_pending(current))
			return -ERESTARTSYS; /* a handler with SA_RESTART waits again */
		sleep_on(&current->child_exit);
	}
}
