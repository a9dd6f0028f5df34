/*
 * kernel/fork.c - fork, vfork and clone (Linux: kernel/fork.c's copy_process
 * and kernel_clone). The child gets a copy of everything that makes up a
 * process, or shares the address space with CLONE_VM, and a copy of the
 * parent's trap frame with RAX = 0: both return from the same syscall, the
 * parent with the child's pid, the child with 0.
 *
 * The clone flags fork, vfork and posix_spawn use (glibc's and musl's) are
 * honoured: CLONE_VM, CLONE_VFORK, CLONE_SETTLS, CLONE_PARENT_SETTID,
 * CLONE_CHILD_SETTID, CLONE_CHILD_CLEARTID, CLONE_PARENT, a new stack, and
 * the exit signal in the low byte. Those that make threads (CLONE_THREAD,
 * CLONE_SIGHAND, CLONE_FILES, CLONE_FS, ...) are -EINVAL until the threads
 * issue; CLONE_UNTRACED and CLONE_IO only hint at things we do not have.
 */
#include "kernel/fork.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/syscalls.h"
#include "kernel/completion.h"
#include "kernel/futex.h"
#include "kernel/uaccess.h"
#include "kernel/fs/vfs.h"
#include "kernel/errno.h"
#include "kernel/lib/string.h"
#include "arch/x86_64/cpu.h"
#include "mm/mm.h"
#include "mm/page.h"

/* clone flags, Linux's values (include/uapi/linux/sched.h) */
#define CSIGNAL              0x000000ff /* the signal sent to the parent at exit */
#define CLONE_VM             0x00000100
#define CLONE_VFORK          0x00004000
#define CLONE_PARENT         0x00008000
#define CLONE_SETTLS         0x00080000
#define CLONE_PARENT_SETTID  0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_UNTRACED       0x00800000
#define CLONE_CHILD_SETTID   0x01000000
#define CLONE_IO             0x80000000

#define CLONE_SUPPORTED (CSIGNAL | CLONE_VM | CLONE_VFORK | CLONE_PARENT | CLONE_SETTLS | \
			 CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | CLONE_UNTRACED | \
			 CLONE_CHILD_SETTID | CLONE_IO)

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

/* What clone(2) asks for (Linux's struct kernel_clone_args). */
struct clone_args_k {
	uint64_t flags;
	uint64_t stack;       /* the child's RSP; 0: the parent's */
	uint64_t parent_tid;  /* CLONE_PARENT_SETTID: the child's tid goes here, in the parent */
	uint64_t child_tid;   /* CLONE_CHILD_SETTID / CLONE_CHILD_CLEARTID, in the child */
	uint64_t tls;         /* CLONE_SETTLS: the child's FS base */
};

/* copy_mm: the child's address space: current's shared (CLONE_VM) or copied. 0 or -ENOMEM. */
static int copy_mm(uint64_t flags, struct process *p)
{
	p->mm = (flags & CLONE_VM) ? mmget(current->mm) : mm_fork(current->mm);
	return p->mm ? 0 : -ENOMEM;
}

/* copy_process: a new child of current (or of current's parent, CLONE_PARENT)
 * as @args say, not yet runnable; or an ERR_PTR-style NULL with *@err set. */
static struct process *copy_process(const struct clone_args_k *args, int *err)
{
	struct process *p = process_alloc(current->comm);

	*err = -ENOMEM;
	if (!p)
		return NULL;
	if (copy_mm(args->flags, p)) {
		p->state = PROC_ZOMBIE; /* never ran: free it as a reaped zombie */
		process_free(p);
		return NULL;
	}
	*p->tf = *current->tf;
	p->tf->rax = 0;
	if (args->stack)
		p->tf->rsp = args->stack;
	p->fs_base = (args->flags & CLONE_SETTLS) ? args->tls : current->fs_base;
	fxsave(current->fpu); /* current's live SSE state, not its last saved one */
	memcpy(p->fpu, current->fpu, sizeof(p->fpu));
	files_dup_all(current, p);
	p->fd_cloexec = current->fd_cloexec;
	copy_fs(current, p);
	memcpy(p->sigactions, current->sigactions, sizeof(p->sigactions));
	p->sig_blocked = current->sig_blocked;
	if ((args->flags & (CLONE_VM | CLONE_VFORK)) != CLONE_VM) { /* a thread gets none (Linux) */
		p->sas_ss_sp = current->sas_ss_sp;
		p->sas_ss_size = current->sas_ss_size;
		p->sas_ss_flags = current->sas_ss_flags;
	}
	p->oom_score_adj = current->oom_score_adj;
	p->no_new_privs = current->no_new_privs;
	p->dumpable = current->dumpable;
	p->cred = current->cred;
	memcpy(p->rlim, current->rlim, sizeof(p->rlim));
	p->pgid = current->pgid;
	p->sid = current->sid;
	p->exit_signal = (int)(args->flags & CSIGNAL);
	if (args->flags & CLONE_CHILD_SETTID)
		p->set_child_tid = args->child_tid;
	if (args->flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = args->child_tid;
	p->parent = (args->flags & CLONE_PARENT) ? current->parent : current;
	if (args->flags & CLONE_PARENT)
		p->exit_signal = current->exit_signal; /* Linux: a sibling's parent expects its own signal */
	list_add_tail(&p->sibling, &p->parent->children);
	return p;
}

/* kernel_clone: clone(2)'s work for @args: the child's pid, or -errno
 * (-EINVAL for flags we do not support, -EAGAIN at a limit, -ENOMEM). With
 * CLONE_VFORK current sleeps until the child execs or exits (or current is
 * killed). */
static long kernel_clone(const struct clone_args_k *args)
{
	struct completion vfork;
	int err;

	if ((args->flags & ~(uint64_t)CLONE_SUPPORTED) || (args->flags & CSIGNAL) > NSIG)
		return -EINVAL;
	if ((args->flags & CLONE_PARENT) && current->sig_unkillable)
		return -EINVAL; /* init's siblings would have no parent to reap them (Linux) */
	if (over_nproc_limit())
		return -EAGAIN;
	if (nr_threads >= max_threads || last_pid() >= pid_max)
		return -EAGAIN; /* Linux's copy_process (and alloc_pid when no pid is free): EAGAIN */
	struct process *p = copy_process(args, &err);
	if (!p)
		return err;
	int pid = p->pid;
	if (args->flags & CLONE_PARENT_SETTID)
		copy_to_user((void *)args->parent_tid, &pid, sizeof(pid)); /* a bad address is ignored, as Linux */
	if (args->flags & CLONE_VFORK) {
		init_completion(&vfork);
		p->vfork_done = &vfork;
	}
	process_start_user(p);
	if ((args->flags & CLONE_VFORK) && wait_for_completion_killable(&vfork))
		p->vfork_done = NULL; /* killed: the child must not touch our stack any more */
	return pid;
}

long sys_fork(void)
{
	return kernel_clone(&(struct clone_args_k){ .flags = SIGCHLD });
}

long sys_vfork(void)
{
	return kernel_clone(&(struct clone_args_k){ .flags = CLONE_VFORK | CLONE_VM | SIGCHLD });
}

long sys_clone(uint64_t flags, uint64_t stack, uint64_t ptid, uint64_t ctid, uint64_t tls)
{
	return kernel_clone(&(struct clone_args_k){ flags, stack, ptid, ctid, tls });
}

void mm_release(struct process *p)
{
	exit_robust_list(p); /* the locks it held: OWNER_DIED for the others */
	static const uint32_t zero;

	if (p->clear_child_tid && p->mm && p->mm->mm_users > 1 &&
	    !copy_to_user((void *)p->clear_child_tid, &zero, sizeof(zero)))
		futex_wake(p->clear_child_tid, false, 1, 0xffffffffu); /* pthread_join waits for this */
	p->clear_child_tid = 0;
	if (p->vfork_done) {
		complete(p->vfork_done);
		p->vfork_done = NULL;
	}
}
