/*
 * kernel/sys_proc.c - process identity and control syscalls: ids, process
 * groups, kill, arch_prctl (the FS base musl keeps its thread pointer in),
 * set_tid_address. Ids are in kernel/cred.c, limits in kernel/resource.c.
 */
#include <limits.h>
#include "kernel/syscalls.h"
#include "kernel/proc.h"
#include "kernel/cred.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/uaccess.h"
#include "kernel/errno.h"
#include "arch/x86_64/cpu.h"
#include "mm/mm.h"

#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003

long sys_getpid(void) { return current->pid; }
long sys_gettid(void) { return current->pid; } /* one thread per process */
long sys_getppid(void) { return current->parent ? current->parent->pid : 0; }
long sys_getpgrp(void) { return current->pgid; }

long sys_sched_yield(void)
{
	need_resched = 1; /* exit_to_user switches if anything else can run */
	return 0;
}

long sys_getpgid(int pid)
{
	struct process *p = pid ? find_process(pid) : current;
	return p ? p->pgid : -ESRCH;
}

long sys_getsid(int pid)
{
	struct process *p = pid ? find_process(pid) : current;
	return p ? p->sid : -ESRCH;
}

long sys_setpgid(int pid, int pgid)
{
	struct process *p = pid ? find_process(pid) : current;
	if (pgid < 0)
		return -EINVAL;
	if (!p || (p != current && p->parent != current))
		return -ESRCH;
	p->pgid = pgid ? pgid : p->pid;
	return 0;
}

long sys_setsid(void)
{
	if (current->pgid == current->pid)
		return -EPERM; /* already a group leader */
	current->sid = current->pgid = current->pid;
	return current->sid;
}

/* kill_matches: is @p a target of kill(@pid, ...) sent by current? */
static bool kill_matches(const struct process *p, int pid)
{
	if (p->state == PROC_ZOMBIE)
		return false;
	if (pid > 0)
		return p->pid == pid;
	if (pid == -1)
		return p->pid != 1 && p != current;
	return p->pgid == (pid == 0 ? current->pgid : -pid);
}

/* user_signal: @sig to @p from current's kill or tkill (@code: SI_USER, SI_TKILL). */
static int user_signal(struct process *p, int sig, int code)
{
	return send_signal_info(p, sig, &(struct ksiginfo){ .code = code, .pid = current->pid,
							   .uid = current->cred.uid.real });
}

/* do_kill: kill(2) with siginfo code @code. */
static long do_kill(int pid, int sig, int code);

/* sys_kill: Linux's results: for one pid or a group, 0 when the signal went to
 * someone, -EPERM when every target was another user's (kill_ok_by_cred),
 * -ESRCH when there was none; for -1, 0 whenever there was a target at all
 * (Linux's kill_something_info ignores the refusals). A zombie still exists:
 * kill succeeds on it, and does nothing. */
long sys_kill(int pid, int sig)
{
	return do_kill(pid, sig, SI_USER);
}

static long do_kill(int pid, int sig, int code)
{
	struct list_head *it;
	int sent = 0, refused = 0;
	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	if (pid == INT_MIN)
		return -ESRCH; /* no group -INT_MIN (it does not fit an int): Linux's kill_something_info */
	if (pid > 0 && find_process(pid)) {
		struct process *p = find_process(pid);
		return kill_ok_by_cred(p) ? user_signal(p, sig, code) : -EPERM;
	}
	list_for_each(it, &process_list) {
		struct process *p = list_entry(it, struct process, all);
		if (!kill_matches(p, pid))
			continue;
		if (!kill_ok_by_cred(p)) {
			refused++;
			continue;
		}
		user_signal(p, sig, code);
		sent++;
	}
	if (sent || (refused && pid == -1))
		return 0;
	return refused ? -EPERM : -ESRCH;
}

long sys_tgkill(int tgid, int tid, int sig)
{
	if (tgid <= 0 || tid <= 0)
		return -EINVAL;
	if (tgid != tid)
		return -ESRCH; /* one thread per process: the thread id is the pid */
	return do_kill(tid, sig, SI_TKILL);
}

long sys_tkill(int tid, int sig)
{
	if (tid <= 0)
		return -EINVAL;
	return do_kill(tid, sig, SI_TKILL); /* musl's raise() uses tkill */
}

long sys_arch_prctl(int code, uint64_t addr)
{
	switch (code) {
	case ARCH_SET_FS:
		if (addr >= USER_VA_END)
			return -EPERM;
		current->fs_base = addr;
		wrmsr(MSR_FS_BASE, addr);
		return 0;
	case ARCH_GET_FS:
		return copy_to_user((void *)addr, &current->fs_base, sizeof(uint64_t));
	default:
		return -EINVAL;
	}
}

long sys_set_tid_address(uint64_t tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

long sys_umask(int mask)
{
	uint32_t old = current->umask;

	current->umask = (uint32_t)mask & 0777;
	return old;
}
