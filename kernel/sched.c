/*
 * kernel/sched.c - round-robin scheduling, wait queues, sleeping with a
 * deadline, and kernel threads (see sched.h, wait.h).
 *
 * Invariants: `run_queue` holds every runnable process except current and
 * idle (via ->run); a sleeping process is on no run queue and has an entry on
 * every wait queue that may wake it; all of it changes with interrupts off. The idle process (pid 0, Linux's
 * "swapper") is the boot context; it runs only when nothing else can.
 */
#include "kernel/sched.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/signal.h"
#include "kernel/time.h"
#include "kernel/lib/string.h"
#include "kernel/errno.h"
#include "kernel/entry.h"
#include "kernel/itimer.h"
#include "kernel/uaccess.h"
#include "mm/kmalloc.h"
#include "mm/mm.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/gdt.h"

volatile uint64_t jiffies;
struct cpu_ticks cpu_ticks;
uint64_t nr_context_switches;
volatile int need_resched;
uint64_t syscall_kernel_rsp; /* read by syscall_entry: current's kernel stack top */

static LIST_HEAD_DEF(run_queue);
static struct wait_queue timer_sleepers = WAIT_QUEUE_INIT(timer_sleepers);
static struct process *idle;
static unsigned slice_used;
static struct process *dead_task; /* exited, reaped by nobody: freed once we are off its stack */

extern char __boot_stack_bottom[];
extern void switch_to(uint64_t *prev_rsp, uint64_t next_rsp);
extern char ret_from_fork[], kthread_start[];

void sched_init(void)
{
	idle = kzalloc(sizeof(*idle));
	if (!idle)
		panic("sched_init: no memory for the idle process");
	idle->pid = 0;
	idle->kthread = true;
	idle->kstack = (uint64_t)__boot_stack_bottom;
	list_init(&idle->run);
	strlcpy(idle->comm, "swapper", sizeof(idle->comm));
	current = idle;
}

/* context_switch: hand the CPU from @prev to @next (IF=0). User state that is
 * not in the trap frame (FPU/SSE registers, FS base, CR3) is swapped here. */
static void context_switch(struct process *prev, struct process *next)
{
	if (prev->mm)
		fxsave(prev->fpu);
	current = next;
	slice_used = 0;
	nr_context_switches++;
	uint64_t top = next->kstack + KSTACK_SIZE;
	tss_set_kernel_stack(top);
	syscall_kernel_rsp = top;
	if (next->mm) { /* kernel threads borrow whatever tables are loaded (lazy TLB) */
		mm_switch(next->mm);
		wrmsr(MSR_FS_BASE, next->fs_base);
		fxrstor(next->fpu);
	}
	switch_to(&prev->saved_rsp, next->saved_rsp);
}

/* finish_switch: now that we run on another stack, free a process that
 * exited with nobody to reap it (Linux: finish_task_switch dropping the dead task). */
static void finish_switch(void)
{
	if (dead_task && dead_task != current) {
		process_free(dead_task);
		dead_task = NULL;
	}
}

void schedule_tail(struct trap_frame *f)
{
	finish_switch();
	sti();
	if (current->set_child_tid) {
		int tid = current->pid;
		copy_to_user((void *)current->set_child_tid, &tid, sizeof(tid)); /* a bad address is ignored (Linux) */
		current->set_child_tid = 0;
	}
	exit_to_user(f);
}

void schedule(void)
{
	uint64_t irq = irq_save();
	struct process *prev = current, *next;
	need_resched = 0;
	if (prev->state == PROC_RUNNABLE && prev != idle)
		list_add_tail(&prev->run, &run_queue);
	if (list_empty(&run_queue)) {
		next = idle;
	} else {
		next = list_first_entry(&run_queue, struct process, run);
		list_del(&next->run);
	}
	if (next != prev)
		context_switch(prev, next);
	finish_switch();
	irq_restore(irq);
}

bool wake_up_state(struct process *p, enum proc_state state)
{
	uint64_t irq = irq_save();
	bool woken = p->state == state;

	if (woken)
		p->state = PROC_RUNNABLE; /* a sleeper's wait entries go when it runs (sleep_on, poll) */
	if (p->state == PROC_RUNNABLE && p != current && p != idle && list_empty(&p->run))
		list_add_tail(&p->run, &run_queue);
	irq_restore(irq);
	return woken;
}

void make_runnable(struct process *p)
{
	wake_up_state(p, PROC_SLEEPING);
}

void add_wait_queue(struct wait_queue *wq, struct wait_queue_entry *e)
{
	uint64_t irq = irq_save();
	e->p = current;
	list_add_tail(&e->link, &wq->head);
	irq_restore(irq);
}

void remove_wait_queue(struct wait_queue_entry *e)
{
	uint64_t irq = irq_save();
	list_del(&e->link); /* poisoned to itself: removing twice is harmless */
	irq_restore(irq);
}

void sleep_on(struct wait_queue *wq)
{
	struct wait_queue_entry e;
	uint64_t irq = irq_save();
	add_wait_queue(wq, &e);
	current->state = PROC_SLEEPING;
	schedule();
	remove_wait_queue(&e);
	irq_restore(irq);
}

void wake_up(struct wait_queue *wq)
{
	uint64_t irq = irq_save();
	struct list_head *it;
	list_for_each(it, &wq->head)
		make_runnable(list_entry(it, struct wait_queue_entry, link)->p);
	irq_restore(irq);
}

/* sleep_until: sleep until uptime reaches @deadline_ns or a signal arrives.
 * Returns 0, or -EINTR when a signal cut the sleep short. */
int sleep_until(uint64_t deadline_ns)
{
	uint64_t irq = irq_save();
	current->wake_at_ns = deadline_ns;
	while (uptime_ns() < deadline_ns && !signal_pending(current))
		sleep_on(&timer_sleepers);
	irq_restore(irq);
	return uptime_ns() < deadline_ns ? -EINTR : 0;
}

void schedule_until(uint64_t deadline_ns)
{
	struct wait_queue_entry e;
	uint64_t irq = irq_save();
	bool timed = deadline_ns < KTIME_MAX;

	if (timed) {
		current->wake_at_ns = deadline_ns;
		add_wait_queue(&timer_sleepers, &e);
		if (uptime_ns() >= deadline_ns)
			current->state = PROC_RUNNABLE;
	}
	schedule(); /* a wake-up since the caller marked itself sleeping: just a yield */
	current->state = PROC_RUNNABLE;
	if (timed)
		remove_wait_queue(&e);
	irq_restore(irq);
}

/* wake_timer_sleepers: make runnable every sleeper whose deadline has passed (IRQ). */
static void wake_timer_sleepers(void)
{
	uint64_t now = uptime_ns();
	struct list_head *it;
	list_for_each(it, &timer_sleepers.head) {
		struct process *p = list_entry(it, struct wait_queue_entry, link)->p;
		if (p->wake_at_ns <= now)
			make_runnable(p);
	}
}

/* note_rss: keep ru_maxrss (peak resident pages) of @p up to date. */
void note_rss(struct process *p)
{
	if (p->mm && p->mm->rss > p->max_rss_pages)
		p->max_rss_pages = p->mm->rss;
}

void sched_tick(struct trap_frame *f)
{
	jiffies++;
	note_rss(current);
	if (trap_from_user(f)) {
		current->utime_ticks++;
		cpu_ticks.user++;
	} else if (current != idle) {
		current->stime_ticks++;
		cpu_ticks.system++;
	} else {
		cpu_ticks.idle++;
	}
	wake_timer_sleepers();
	itimer_tick(current, trap_from_user(f));
	if (current == idle ? !list_empty(&run_queue) : ++slice_used >= TIMESLICE_TICKS)
		need_resched = 1;
}

/* prepare_switch_frame: lay out @p's kernel stack below @top so that the first
 * switch_to into @p pops zeroed callee-saved registers (RBX = @rbx, R12 = @r12)
 * and returns to @entry. */
static void prepare_switch_frame(struct process *p, uint64_t top, void *entry, uint64_t rbx, uint64_t r12)
{
	uint64_t *sp = (uint64_t *)top;
	*--sp = (uint64_t)entry;
	*--sp = 0;   /* rbp: ends the frame chain */
	*--sp = rbx;
	*--sp = r12;
	*--sp = 0;   /* r13 */
	*--sp = 0;   /* r14 */
	*--sp = 0;   /* r15 */
	p->saved_rsp = (uint64_t)sp;
}

void process_start_user(struct process *p)
{
	p->start_ticks = jiffies;
	prepare_switch_frame(p, (uint64_t)p->tf, ret_from_fork, 0, 0);
	make_runnable(p);
}

struct process *kthread_create(const char *name, void (*fn)(void *), void *arg)
{
	struct process *p = process_alloc(name);
	if (!p)
		return NULL;
	p->kthread = true;
	p->start_ticks = jiffies;
	prepare_switch_frame(p, p->kstack + KSTACK_SIZE, kthread_start, (uint64_t)fn, (uint64_t)arg);
	make_runnable(p);
	return p;
}

void exit_dead(void)
{
	cli();
	current->state = PROC_ZOMBIE;
	dead_task = current;
	schedule();
	panic("exit_dead: dead pid %d (%s) was scheduled again", current->pid, current->comm);
}

void kthread_exit(void)
{
	exit_dead();
}

void cpu_idle(void)
{
	for (;;) {
		cli();
		if (!list_empty(&run_queue))
			schedule();
		else
			__asm__ volatile("sti; hlt" ::: "memory"); /* sti's shadow covers hlt: no lost wakeup */
	}
}
