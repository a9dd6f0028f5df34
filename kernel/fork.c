/*
 * kernel/fork.c - fork, vfork and clone with fork semantics (Linux: kernel/fork.c).
 * The child gets a copy of everything that makes up a process, and a copy of
 * the parent's trap frame with RAX = 0: both return from the same syscall,
 * the parent with the child's pid, the child with 0.
 */
#include "kernel/fork.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/syscalls.h"
#include "kernel/fs/vfs.h"
#include "kernel/errno.h"
#include "kernel/lib/string.h"
#include "arch/x86_64/cpu.h"
#include "mm/mm.h"
#include "mm/page.h"

#define CSIGNAL 0xff /* clone: the low byte is the signal sent to the parent at exit */

int max_threads;

void fork_init(uint64_t ram_pages)
{
	uint64_t threads = ram_pages * PAGE_SIZE / (KSTACK_SIZE * 8);

	max_threads = threads < MIN_THREADS ? MIN_THREADS : threads > MAX_THREADS ? MAX_THREADS : (int)threads;
}

/* over_nproc_limit: would one more process of current's real user pass its
 * RLIMIT_NPROC? Root is exempt, by real or effective uid (Linux's copy_process:
 * INIT_USER, CAP_SYS_RESOURCE); zombies count until reaped. */
static bool over_nproc_limit(void)
{
	const struct id_triple *uid = &current->cred.uid;

	if (uid->real == GLOBAL_ROOT_UID || capable(current) || rlimit(RLIMIT_NPROC) == RLIM_INFINITY)
		return false;
	return (uint64_t)nr_processes_of(uid->real) >= rlimit(RLIMIT_NPROC);
}

/* do_fork: create a child of current; its pid, or -EAGAIN at the task limit or the user's,
 * or -ENOMEM (nothing leaked). */
static long do_fork(void)
{
	if (over_nproc_limit())
		return -EAGAIN;
	if (nr_threads >= max_threads)
		return -EAGAIN; /* Linux's copy_process: the same test, the same errno */
	struct process *p = process_alloc(current->comm);
	if (!p)
		return -ENOMEM;
	p->mm = mm_fork(current->mm);
	if (!p->mm) {
		p->state = PROC_ZOMBIE; /* never ran: free it as a reaped zombie */
		process_free(p);
		return -ENOMEM;
	}
	*p->tf = *current->tf;
	p->tf->rax = 0;
	p->fs_base = current->fs_base;
	fxsave(current->fpu); /* current's live SSE state, not its last saved one */
	memcpy(p->fpu, current->fpu, sizeof(p->fpu));
	files_dup_all(current, p);
	p->fd_cloexec = current->fd_cloexec;
	copy_fs(current, p);
	memcpy(p->sigactions, current->sigactions, sizeof(p->sigactions));
	p->sig_blocked = current->sig_blocked;
	p->oom_score_adj = current->oom_score_adj;
	p->cred = current->cred;
	memcpy(p->rlim, current->rlim, sizeof(p->rlim));
	p->pgid = current->pgid;
	p->sid = current->sid;
	p->parent = current;
	list_add_tail(&p->sibling, &current->children);
	process_start_user(p);
	return p->pid;
}

long sys_fork(void)
{
	return do_fork();
}

long sys_vfork(void)
{
	return do_fork(); /* POSIX allows vfork to be fork; the parent just does not wait */
}

long sys_clone(uint64_t flags, uint64_t stack, uint64_t ptid, uint64_t ctid, uint64_t tls)
{
	(void)ptid, (void)ctid, (void)tls;
	if ((flags & ~(uint64_t)CSIGNAL) || stack)
		return -EINVAL; /* threads and shared address spaces are not supported */
	return do_fork();
}
