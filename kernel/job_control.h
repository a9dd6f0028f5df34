/*
 * kernel/job_control.h - stopping and continuing processes (Linux: the
 * job-control parts of kernel/signal.c): SIGSTOP, SIGTSTP, SIGTTIN and
 * SIGTTOU with their default action stop a process; SIGCONT (or SIGKILL)
 * resumes it; the parent hears of both through SIGCHLD (unless it set
 * SA_NOCLDSTOP) and wait4's WUNTRACED and WCONTINUED.
 * Lock: process states change with interrupts off (single CPU).
 */
#ifndef KERNEL_JOB_CONTROL_H
#define KERNEL_JOB_CONTROL_H

#include "kernel/proc.h"

/* do_signal_stop: current stops for @sig (its default action) unless it is a
 * terminal stop signal and current's process group is orphaned (then it is
 * discarded, as POSIX and Linux say); returns once continued. IF=0. */
void do_signal_stop(int sig);

/* do_continue: resume stopped @p (SIGCONT): runnable again, the parent told
 * (CLD_CONTINUED) and WCONTINUED armed. IRQs off. */
void do_continue(struct process *p);

/* notify_parent: tell @p's parent that @p exited, stopped or continued (@why:
 * CLD_*, @status: the exit status word or the signal): the signal it expects
 * and a wake-up of its wait4. Exits send p->exit_signal, stops and continues
 * SIGCHLD unless the parent set SA_NOCLDSTOP (Linux's do_notify_parent and
 * do_notify_parent_cldstop). IRQ-safe. */
void notify_parent(struct process *p, int why, int status);

/* is_pgrp_orphaned: no member of process group @pgid has its parent in
 * another group of the same session (POSIX's orphaned process group; init
 * does not count as a parent, as in Linux's will_become_orphaned_pgrp). */
bool is_pgrp_orphaned(int pgid);

#endif
