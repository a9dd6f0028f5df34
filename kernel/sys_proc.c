/*
 * kernel/sys_proc.c - process identity and control syscalls: ids, process
 * groups, kill, arch_prctl (the FS base musl keeps its thread pointer in),
 * set_tid_address, limits. Every process runs as root (uid 0).
 */
#include "kernel/syscalls.h"
#include "kernel/proc.h"
#include "kernel/resource.h"
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
long sys_getuid(void) { return 0; }
long sys_getgid(void) { return 0; }
long sys_geteuid(void) { return 0; }
long sys_getegid(void) { return 0; }
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

long sys_kill(int pid, int sig)
{
	struct list_head *it;
	int found = 0;
	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	if (pid > 0 && find_process(pid))
		return send_signal(find_process(pid), sig); /* a zombie still exists: 0 */
	list_for_each(it, &process_list) {
		struct process *p = list_entry(it, struct process, all);
		if (kill_matches(p, pid)) {
			send_signal(p, sig);
			found++;
		}
	}
	return found ? 0 : -ESRCH;
}

long sys_tgkill(int tgid, int tid, int sig)
{
	if (tgid <= 0 || tid <= 0)
		return -EINVAL;
	if (tgid != tid)
		return -ESRCH; /* one thread per process: the thread id is the pid */
	return sys_kill(tid, sig);
}

long sys_tkill(int tid, int sig)
{
	if (tid <= 0)
		return -EINVAL;
	return sys_kill(tid, sig); /* musl's raise() uses tkill */
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
	(void)mask;
	return 022; /* the initrd is read-only: no file is ever created */
}

struct rlimit_k { uint64_t cur, max; };

/* rlimit_of: the (fixed) limit for @resource. */
static struct rlimit_k rlimit_of(int resource)
{
	switch (resource) {
	case RLIMIT_STACK:  return (struct rlimit_k){ STACK_LIMIT, RLIM_INFINITY };
	case RLIMIT_NOFILE: return (struct rlimit_k){ NR_OPEN, NR_OPEN };
	default:            return (struct rlimit_k){ RLIM_INFINITY, RLIM_INFINITY };
	}
}

long sys_prlimit64(int pid, int resource, const void *new_limit, void *old_limit)
{
	struct rlimit_k now, want;
	if (resource < 0 || resource >= 16)
		return -EINVAL;
	if (pid && pid != current->pid && !find_process(pid))
		return -ESRCH;
	now = rlimit_of(resource);
	if (old_limit && copy_to_user(old_limit, &now, sizeof(now)))
		return -EFAULT;
	if (new_limit) {
		if (copy_from_user(&want, new_limit, sizeof(want)))
			return -EFAULT;
		if (want.cur != now.cur || want.max != now.max)
			return -EPERM; /* limits are fixed in this kernel */
	}
	return 0;
}
