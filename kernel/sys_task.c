/*
 * kernel/sys_task.c - what a process says about itself to the kernel:
 * prctl, set_robust_list / get_robust_list, sched_getaffinity /
 * sched_setaffinity and getcpu (Linux: kernel/sys.c prctl, kernel/futex/
 * syscalls.c, kernel/sched/core.c). One CPU: every affinity mask is CPU 0.
 */
#include "kernel/syscalls.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/futex.h"
#include "kernel/errno.h"
#include "kernel/uaccess.h"
#include "kernel/lib/string.h"

#define PR_SET_PDEATHSIG  1
#define PR_GET_PDEATHSIG  2
#define PR_GET_DUMPABLE   3
#define PR_SET_DUMPABLE   4
#define PR_SET_NAME       15
#define PR_GET_NAME       16
#define PR_SET_CHILD_SUBREAPER 36
#define PR_GET_CHILD_SUBREAPER 37
#define PR_SET_NO_NEW_PRIVS 38
#define PR_GET_NO_NEW_PRIVS 39

long sys_prctl(int option, uint64_t arg2, uint64_t arg3, uint64_t arg4, uint64_t arg5)
{
	char name[TASK_COMM_LEN];

	switch (option) {
	case PR_SET_PDEATHSIG:
		if (arg2 > NSIG)
			return -EINVAL;
		current->pdeath_signal = (int)arg2;
		return 0;
	case PR_GET_PDEATHSIG:
		return copy_to_user((void *)arg2, &current->pdeath_signal, sizeof(int)) ? -EFAULT : 0;
	case PR_GET_DUMPABLE:
		return current->dumpable;
	case PR_SET_DUMPABLE:
		if (arg2 > 1)
			return -EINVAL;
		current->dumpable = (int)arg2;
		return 0;
	case PR_SET_NAME: /* at most 15 bytes are read: a longer name is cut, as Linux's */
		for (size_t i = 0; i < sizeof(name) - 1; i++) {
			if (copy_from_user(&name[i], (const char *)arg2 + i, 1))
				return -EFAULT;
			if (!name[i])
				break;
		}
		name[sizeof(name) - 1] = '\0';
		strlcpy(current->comm, name, sizeof(current->comm));
		return 0;
	case PR_GET_NAME:
		return copy_to_user((void *)arg2, current->comm, sizeof(current->comm)) ? -EFAULT : 0;
	case PR_SET_NO_NEW_PRIVS:
		if (arg2 != 1 || arg3 || arg4 || arg5)
			return -EINVAL;
		current->no_new_privs = true;
		return 0;
	case PR_GET_NO_NEW_PRIVS:
		if (arg2 || arg3 || arg4 || arg5)
			return -EINVAL;
		return current->no_new_privs;
	default:
		return -EINVAL; /* Linux's answer to an option it does not know */
	}
}

/* The head of a robust futex list in user memory (Linux's struct robust_list_head). */
struct robust_list_head_k {
	uint64_t next;            /* the first entry (a struct robust_list *), or the head itself */
	int64_t futex_offset;     /* from an entry to its lock word */
	uint64_t list_op_pending; /* an entry being taken or released */
};

long sys_set_robust_list(uint64_t head, size_t len)
{
	if (len != sizeof(struct robust_list_head_k))
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

long sys_get_robust_list(int pid, uint64_t *head_ptr, size_t *len_ptr)
{
	struct process *p = pid ? find_process(pid) : current;
	size_t len = sizeof(struct robust_list_head_k);

	if (!p || p->state == PROC_ZOMBIE)
		return -ESRCH;
	if (p != current && !kill_ok_by_cred(p))
		return -EPERM;
	if (copy_to_user(len_ptr, &len, sizeof(len)) || copy_to_user(head_ptr, &p->robust_list, sizeof(uint64_t)))
		return -EFAULT;
	return 0;
}

#define FUTEX_WAITERS    0x80000000u
#define FUTEX_OWNER_DIED 0x40000000u
#define FUTEX_TID_MASK   0x3fffffffu
#define ROBUST_LIST_LIMIT 2048 /* Linux's: a cyclic list is not walked for ever */

/* handle_futex_death: the lock word at @uaddr held by the dying current:
 * mark it OWNER_DIED and wake one waiter (Linux's handle_futex_death). */
static void handle_futex_death(uint64_t uaddr)
{
	uint32_t val;

	if (copy_from_user(&val, (void *)uaddr, sizeof(val)) || (val & FUTEX_TID_MASK) != (uint32_t)current->pid)
		return;
	uint32_t new = (val & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
	if (copy_to_user((void *)uaddr, &new, sizeof(new)))
		return;
	if (val & FUTEX_WAITERS)
		futex_wake(uaddr, false, 1, 0xffffffffu);
}

void exit_robust_list(struct process *p)
{
	struct robust_list_head_k head;
	uint64_t entry;

	if (!p->robust_list || copy_from_user(&head, (void *)p->robust_list, sizeof(head)))
		return;
	entry = head.next;
	for (int n = 0; entry != p->robust_list && n < ROBUST_LIST_LIMIT; n++) {
		uint64_t next;
		if (copy_from_user(&next, (void *)(entry & ~1ull), sizeof(next)))
			return;
		if (entry != head.list_op_pending)
			handle_futex_death((entry & ~1ull) + (uint64_t)head.futex_offset);
		entry = next;
	}
	if (head.list_op_pending)
		handle_futex_death((head.list_op_pending & ~1ull) + (uint64_t)head.futex_offset);
	p->robust_list = 0;
}

#define CPUMASK_BYTES 8 /* the mask this kernel keeps: 64 CPUs at most */

long sys_sched_getaffinity(int pid, size_t len, uint8_t *mask)
{
	uint8_t bits[CPUMASK_BYTES] = { 1 }; /* CPU 0 */

	if (pid < 0)
		return -ESRCH;
	if (pid && !find_process(pid))
		return -ESRCH;
	if (len < CPUMASK_BYTES || (len & (sizeof(long) - 1)))
		return -EINVAL; /* Linux: too small for the CPUs, or not whole longs */
	return copy_to_user(mask, bits, sizeof(bits)) ? -EFAULT : CPUMASK_BYTES;
}

long sys_sched_setaffinity(int pid, size_t len, const uint8_t *mask)
{
	uint8_t bits[CPUMASK_BYTES] = { 0 };

	if (pid < 0 || (pid && !find_process(pid)))
		return -ESRCH;
	if (copy_from_user(bits, mask, len < sizeof(bits) ? len : sizeof(bits)))
		return -EFAULT;
	return (bits[0] & 1) ? 0 : -EINVAL; /* a mask without CPU 0 holds no CPU there is */
}

long sys_getcpu(unsigned *cpu, unsigned *node, void *cache)
{
	unsigned zero = 0;

	(void)cache;
	if ((cpu && copy_to_user(cpu, &zero, sizeof(zero))) || (node && copy_to_user(node, &zero, sizeof(zero))))
		return -EFAULT;
	return 0;
}
