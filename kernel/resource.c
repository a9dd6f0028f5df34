/*
 * kernel/resource.c - getrlimit, setrlimit and prlimit64 (Linux:
 * kernel/sys.c do_prlimit). A soft limit may move up to the hard one; the
 * hard one may only go down, unless the caller is root; RLIMIT_NOFILE cannot
 * exceed the descriptor table (NR_OPEN, Linux's nr_open).
 */
#include "kernel/resource.h"
#include "kernel/cred.h"
#include "kernel/fork.h"
#include "kernel/proc.h"
#include "kernel/syscalls.h"
#include "kernel/uaccess.h"
#include "kernel/errno.h"
#include "mm/mm.h"

void rlimit_init(struct process *p)
{
	for (int r = 0; r < RLIM_NLIMITS; r++)
		p->rlim[r] = (struct rlimit_k){ RLIM_INFINITY, RLIM_INFINITY };
	p->rlim[RLIMIT_STACK].cur = STACK_LIMIT;
	p->rlim[RLIMIT_CORE].cur = 0;
	p->rlim[RLIMIT_NPROC] = p->rlim[RLIMIT_SIGPENDING] =
		(struct rlimit_k){ (uint64_t)max_threads / 2, (uint64_t)max_threads / 2 };
	p->rlim[RLIMIT_NOFILE] = (struct rlimit_k){ NR_OPEN, NR_OPEN };
	p->rlim[RLIMIT_MEMLOCK] = (struct rlimit_k){ 8ul << 20, 8ul << 20 };
	p->rlim[RLIMIT_MSGQUEUE] = (struct rlimit_k){ 819200, 819200 };
	p->rlim[RLIMIT_NICE] = p->rlim[RLIMIT_RTPRIO] = (struct rlimit_k){ 0, 0 };
}

/* do_prlimit: set @p's @resource to *@want (NULL: leave it) after copying
 * the old value to *@old (NULL: not wanted). 0, -EINVAL or -EPERM. */
static long do_prlimit(struct process *p, int resource, const struct rlimit_k *want, struct rlimit_k *old)
{
	struct rlimit_k *lim;

	if (resource < 0 || resource >= RLIM_NLIMITS)
		return -EINVAL;
	lim = &p->rlim[resource];
	if (want) {
		if (want->cur > want->max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && want->max > NR_OPEN)
			return -EPERM;
		if (want->max > lim->max && !capable(current))
			return -EPERM;
	}
	if (old)
		*old = *lim;
	if (want)
		*lim = *want;
	return 0;
}

/* prlimit_target: the process prlimit64(@pid) may act on: itself, or one
 * whose real, effective and saved uids are all current's real uid (Linux's
 * check_prlimit_permission), or any for root. NULL with *@err set otherwise. */
static struct process *prlimit_target(int pid, long *err)
{
	struct process *p = pid ? find_process(pid) : current;
	const struct id_triple *me = &current->cred.uid;

	*err = -ESRCH;
	if (!p || p->state == PROC_ZOMBIE)
		return NULL;
	*err = -EPERM;
	if (p != current && !capable(current) &&
	    (p->cred.uid.real != me->real || p->cred.uid.eff != me->real || p->cred.uid.saved != me->real))
		return NULL;
	return p;
}

long sys_prlimit64(int pid, int resource, const void *new_limit, void *old_limit)
{
	struct rlimit_k want, old;
	struct process *p;
	long err;

	if (new_limit && copy_from_user(&want, new_limit, sizeof(want)))
		return -EFAULT;
	p = prlimit_target(pid, &err);
	if (!p)
		return err;
	err = do_prlimit(p, resource, new_limit ? &want : NULL, old_limit ? &old : NULL);
	if (!err && old_limit && copy_to_user(old_limit, &old, sizeof(old)))
		return -EFAULT;
	return err;
}

long sys_getrlimit(int resource, void *limit)
{
	struct rlimit_k old;
	long err = do_prlimit(current, resource, NULL, &old);

	if (!err && copy_to_user(limit, &old, sizeof(old)))
		return -EFAULT;
	return err;
}

long sys_setrlimit(int resource, const void *limit)
{
	struct rlimit_k want;

	if (copy_from_user(&want, limit, sizeof(want)))
		return -EFAULT;
	return do_prlimit(current, resource, &want, NULL);
}
