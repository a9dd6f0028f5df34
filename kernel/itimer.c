/* kernel/itimer.c - interval timers (see itimer.h). */
#include "kernel/itimer.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/syscalls.h"
#include "kernel/time.h"
#include "kernel/errno.h"
#include "kernel/uaccess.h"
#include "arch/x86_64/cpu.h"

#define NSEC_PER_USEC 1000
#define USEC_PER_SEC  1000000
#define TICK_NSEC     (NSEC_PER_SEC / HZ)

struct itimerval_k { struct timeval_k interval, value; }; /* Linux's struct __kernel_old_itimerval */

static LIST_HEAD_DEF(real_timers); /* processes whose ITIMER_REAL is armed, via ->real_timer */

static const int itimer_signal[3] = { SIGALRM, SIGVTALRM, SIGPROF };

/* fire_real: @p's ITIMER_REAL came due at @now: SIGALRM, then reload or disarm. IRQs off. */
static void fire_real(struct process *p, uint64_t now)
{
	struct itimer_k *t = &p->itimer[ITIMER_REAL];

	send_signal(p, SIGALRM);
	if (!t->interval) {
		t->value = 0;
		list_del(&p->real_timer);
		return;
	}
	while (t->value <= now) /* overruns are lost, as a non-queued SIGALRM is */
		t->value += t->interval;
}

/* charge: take @ns from the CPU-time timer @which of @p; fire it at zero. */
static void charge(struct process *p, int which, uint64_t ns)
{
	struct itimer_k *t = &p->itimer[which];

	if (!t->value)
		return;
	if (t->value > ns) {
		t->value -= ns;
		return;
	}
	send_signal(p, itimer_signal[which]);
	t->value = t->interval;
}

void itimer_tick(struct process *p, bool user)
{
	uint64_t now = uptime_ns();
	struct list_head *it = real_timers.next;

	while (it != &real_timers) {
		struct process *q = list_entry(it, struct process, real_timer);
		it = it->next;
		if (q->itimer[ITIMER_REAL].value <= now)
			fire_real(q, now);
	}
	if (p->kthread || !p->mm)
		return;
	if (user)
		charge(p, ITIMER_VIRTUAL, TICK_NSEC);
	charge(p, ITIMER_PROF, TICK_NSEC);
}

void itimer_exit(struct process *p)
{
	uint64_t irq = irq_save();

	list_del(&p->real_timer);
	p->itimer[ITIMER_REAL].value = 0;
	irq_restore(irq);
}

/* tv_to_ns, ns_to_tv: between a timeval and nanoseconds. */
static uint64_t tv_to_ns(const struct timeval_k *tv)
{
	return ktime_add_safe((uint64_t)tv->sec * NSEC_PER_SEC, (uint64_t)tv->usec * NSEC_PER_USEC);
}

static struct timeval_k ns_to_tv(uint64_t ns)
{
	return (struct timeval_k){ (int64_t)(ns / NSEC_PER_SEC), (int64_t)(ns % NSEC_PER_SEC / NSEC_PER_USEC) };
}

/* tv_valid: Linux's timeval_valid (and no more seconds than a ktime holds). */
static bool tv_valid(const struct timeval_k *tv)
{
	return tv->sec >= 0 && tv->usec >= 0 && tv->usec < USEC_PER_SEC && tv->sec < KTIME_SEC_MAX;
}

/* get_itimer: current's timer @which as setitimer's old value. IRQs off. */
static struct itimerval_k get_itimer(int which)
{
	const struct itimer_k *t = &current->itimer[which];
	uint64_t left = t->value;

	if (which == ITIMER_REAL && left) {
		uint64_t now = uptime_ns();
		left = left > now ? left - now : NSEC_PER_USEC; /* due, not yet fired: Linux says 1 us */
	}
	return (struct itimerval_k){ ns_to_tv(t->interval), ns_to_tv(left) };
}

/* do_setitimer: arm (or with a zero value disarm) current's timer @which as
 * @new says; its previous setting into *@old. IRQs off. */
static void do_setitimer(int which, const struct itimerval_k *new, struct itimerval_k *old)
{
	struct itimer_k *t = &current->itimer[which];
	uint64_t value = tv_to_ns(&new->value);

	*old = get_itimer(which);
	t->interval = value ? tv_to_ns(&new->interval) : 0;
	if (which != ITIMER_REAL) {
		t->value = value;
		return;
	}
	list_del(&current->real_timer);
	t->value = value ? ktime_add_safe(uptime_ns(), value) : 0;
	if (value)
		list_add_tail(&current->real_timer, &real_timers);
}

long sys_setitimer(int which, const struct itimerval_k *unew, struct itimerval_k *uold)
{
	struct itimerval_k new = { { 0, 0 }, { 0, 0 } }, old;

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	if (unew && copy_from_user(&new, unew, sizeof(new)))
		return -EFAULT; /* NULL disarms: Linux's "misfeature", kept */
	if (!tv_valid(&new.value) || !tv_valid(&new.interval))
		return -EINVAL;
	uint64_t irq = irq_save();
	do_setitimer(which, &new, &old);
	irq_restore(irq);
	return uold && copy_to_user(uold, &old, sizeof(old)) ? -EFAULT : 0;
}

long sys_getitimer(int which, struct itimerval_k *ucur)
{
	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	uint64_t irq = irq_save();
	struct itimerval_k cur = get_itimer(which);
	irq_restore(irq);
	return copy_to_user(ucur, &cur, sizeof(cur)) ? -EFAULT : 0;
}

long sys_alarm(unsigned seconds)
{
	struct itimerval_k new = { { 0, 0 }, { (int64_t)seconds, 0 } }, old;
	uint64_t irq = irq_save();

	do_setitimer(ITIMER_REAL, &new, &old);
	irq_restore(irq);
	/* the seconds left, rounded to the nearest, and never 0 while armed (Linux's alarm_setitimer) */
	if ((!old.value.sec && old.value.usec) || old.value.usec >= 500000)
		old.value.sec++;
	return old.value.sec;
}
