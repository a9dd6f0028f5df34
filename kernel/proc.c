/*
 * kernel/proc.c - the process table: allocation of a process and its kernel
 * stack, pid numbers, lookup. Linux keeps a pid hash; a list is enough for
 * the few dozen processes a teaching kernel runs.
 */
#include "kernel/proc.h"
#include "kernel/panic.h"
#include "kernel/signal.h"
#include "kernel/lib/string.h"
#include "mm/kmalloc.h"
#include "mm/page_alloc.h"
#include "arch/x86_64/cpu.h"

struct process *current;
LIST_HEAD_DEF(process_list);
int nr_threads;
static int next_pid = 1;
int pid_max = PID_MAX_LIMIT;

struct process *process_alloc(const char *comm)
{
	if (next_pid > pid_max)
		return NULL; /* no pid left: fork says EAGAIN (kernel/fork.c) */
	struct process *p = kzalloc(sizeof(*p));
	if (!p)
		return NULL;
	struct page *stack = alloc_pages(KSTACK_ORDER, NR_KERNEL_STACK);
	if (!stack) {
		kfree(p);
		return NULL;
	}
	p->kstack = (uint64_t)page_address(stack);
	/* Zeroed as Linux zeroes every new thread stack (THREADINFO_GFP has
	 * __GFP_ZERO): no stale kernel data under the new frames. Under QEMU's TCG
	 * it also matters for speed: writing the whole block once drops any code
	 * QEMU translated from these frames, which would otherwise put every later
	 * push through its self-modifying-code check (docs/bench.md). */
	memset((void *)p->kstack, 0, KSTACK_SIZE);
	p->tf = (struct trap_frame *)(p->kstack + KSTACK_SIZE) - 1;
	p->pid = next_pid++;
	p->pgid = p->sid = p->pid;
	p->state = PROC_RUNNABLE;
	p->exit_signal = SIGCHLD;
	p->dumpable = 1;
	strlcpy(p->comm, comm, sizeof(p->comm));
	list_init(&p->children);
	list_init(&p->sibling);
	list_init(&p->run);
	list_init(&p->real_timer);
	wait_queue_init(&p->child_exit);
	uint64_t irq = irq_save(); /* the console's Ctrl-C handler walks the list */
	list_add_tail(&p->all, &process_list);
	nr_threads++;
	irq_restore(irq);
	return p;
}

void process_free(struct process *p)
{
	if (p->state != PROC_ZOMBIE || p == current)
		panic("process_free: pid %d is not a reaped zombie", p->pid);
	uint64_t irq = irq_save();
	list_del(&p->all);
	nr_threads--;
	irq_restore(irq);
	list_del(&p->sibling);
	free_pages(virt_to_page((void *)p->kstack), KSTACK_ORDER, NR_KERNEL_STACK);
	kfree(p);
}

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

int last_pid(void)
{
	return next_pid - 1;
}

void process_set_comm(struct process *p, const char *path)
{
	const char *base = path;
	for (const char *s = path; *s; s++)
		if (*s == '/' && s[1])
			base = s + 1;
	memset(p->comm, 0, sizeof(p->comm)); /* padded, as Linux's strscpy_pad: no old name after the NUL */
	strlcpy(p->comm, base, sizeof(p->comm));
}
