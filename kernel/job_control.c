/* kernel/job_control.c - stopping and continuing processes (see job_control.h). */
#include "kernel/job_control.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "arch/x86_64/cpu.h"

bool is_pgrp_orphaned(int pgid)
{
	struct list_head *it;

	list_for_each(it, &process_list) {
		const struct process *p = list_entry(it, struct process, all);
		if (p->pgid != pgid || p->state == PROC_ZOMBIE || !p->parent || p->parent->pid == 1)
			continue;
		if (p->parent->pgid != pgid && p->parent->sid == p->sid)
			return false;
	}
	return true;
}

void notify_parent(struct process *p, int why, int status)
{
	struct process *parent = p->parent;
	const struct sigaction_k *ka = &parent->sigactions[SIGCHLD - 1];
	struct ksiginfo info = { .code = why, .pid = p->pid, .uid = p->cred.uid.real, .status = status };
	int sig = why == CLD_EXITED || why == CLD_KILLED ? p->exit_signal : SIGCHLD;

	if (sig == SIGCHLD && why != CLD_EXITED && why != CLD_KILLED && (ka->flags & SA_NOCLDSTOP))
		sig = 0;
	if (sig)
		send_signal_info(parent, sig, &info);
	wake_up(&parent->child_exit);
}

void do_signal_stop(int sig)
{
	if (sig != SIGSTOP && is_pgrp_orphaned(current->pgid))
		return; /* nobody could continue it with job control: discarded */
	current->stop_sig = sig;
	current->stop_report = true;
	current->cont_report = false;
	current->state = PROC_STOPPED;
	notify_parent(current, CLD_STOPPED, sig);
	schedule(); /* until do_continue or SIGKILL makes it runnable */
}

void do_continue(struct process *p)
{
	p->stop_report = false;
	p->cont_report = true;
	wake_up_state(p, PROC_STOPPED);
	notify_parent(p, CLD_CONTINUED, SIGCONT);
}
