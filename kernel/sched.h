/*
 * kernel/sched.h - the scheduler: preemptive round robin over runnable
 * processes, driven by the timer interrupt (HZ ticks a second), with an idle
 * process (pid 0, the boot context) that halts when nothing can run.
 * The kernel itself is not preemptible: a process is switched out only when it
 * sleeps, exits, or is interrupted in user mode at the end of its time slice.
 */
#ifndef KERNEL_SCHED_H
#define KERNEL_SCHED_H

#include <stdint.h>
#include "kernel/proc.h"

#define HZ 100            /* timer interrupts per second */
#define TIMESLICE_TICKS 5 /* 50 ms slices */

extern volatile uint64_t jiffies; /* timer ticks since boot */

/* Where the CPU's ticks went since boot, for /proc/stat (Linux: kernel_cpustat). */
struct cpu_ticks {
	uint64_t user, system, idle;
};
extern struct cpu_ticks cpu_ticks;
extern uint64_t nr_context_switches; /* since boot (Linux: nr_context_switches()) */

/* sched_init: make the boot context the idle process (pid 0). Boot, once. */
void sched_init(void);

/* schedule: switch to the next runnable process (or idle); returns when current runs again. */
void schedule(void);

/* make_runnable: put @p (sleeping or new) on the run queue. IRQ-safe. */
void make_runnable(struct process *p);

/* wake_up_state: make @p runnable if it is in @state (PROC_SLEEPING, or
 * PROC_STOPPED for SIGCONT and SIGKILL); whether it was. IRQ-safe. */
bool wake_up_state(struct process *p, enum proc_state state);

/* sched_tick: timer interrupt hook: account the tick, wake sleepers whose deadline passed,
 * and note when current's slice is over. */
void sched_tick(struct trap_frame *f);

/* need_resched: current's slice is over; checked on the way back to user mode. */
extern volatile int need_resched;

/* note_rss: record @p's resident set if it is its largest yet (ru_maxrss). */
void note_rss(struct process *p);

/* schedule_tail: a new user process's first code after its first switch_to
 * (ret_from_fork): finish the switch, write its tid for CLONE_CHILD_SETTID,
 * and take the way back to user mode through @f (signals, rescheduling). */
void schedule_tail(struct trap_frame *f);

/* process_start_user: make a process whose trap frame is ready (fork, init) runnable:
 * its first switch_to returns into ret_from_fork, which irets to user mode. */
void process_start_user(struct process *p);

/* sleep_until: sleep until uptime_ns() >= @deadline_ns; 0, or -EINTR on a signal. */
int sleep_until(uint64_t deadline_ns);

/* schedule_until: current, marked PROC_SLEEPING by the caller after hanging its
 * wait entries (poll), sleeps until something wakes it or uptime reaches
 * @deadline_ns (KTIME_MAX: no deadline). Returns with current runnable. */
void schedule_until(uint64_t deadline_ns);

/* cpu_idle: the idle process's loop: run the queue, else halt until an interrupt. */
__attribute__((noreturn)) void cpu_idle(void);

/* exit_dead: current has exited and nobody will reap it (a kernel thread, a
 * child whose parent ignores SIGCHLD): it is freed by the next schedule() on
 * another stack. */
__attribute__((noreturn)) void exit_dead(void);

/* kthread_exit: where a kernel thread's function returns to: the thread ends and
 * its stack is freed by the next schedule() on another stack. */
__attribute__((noreturn)) void kthread_exit(void);

/* kthread_create: a runnable kernel thread running @fn(@arg); NULL when out of memory. */
struct process *kthread_create(const char *name, void (*fn)(void *), void *arg);

#endif
