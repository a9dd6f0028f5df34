/*
 * kernel/signal_wait.c - waiting for signals and looking at pending ones:
 * pause, rt_sigsuspend, rt_sigtimedwait, rt_sigpending, and the temporary
 * masks of rt_sigsuspend, ppoll and pselect6 (Linux: kernel/signal.c).
 */
#include "kernel/signal.h"
#include "kernel/sched.h"
#include "kernel/syscalls.h"
#include "kernel/time.h"
#include "kernel/errno.h"
#include "kernel/uaccess.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/sigframe.h"

static struct wait_queue pause_wait = WAIT_QUEUE_INIT(pause_wait);

/* wait_for_signal: sleep until a signal current does not block is pending
 * (send_signal wakes it); -ERESTARTNOHAND, as Linux: EINTR once a handler
 * has run, and the wait goes on if none does. */
static long wait_for_signal(void)
{
	while (!(current->sig_pending & ~current->sig_blocked))
		sleep_on(&pause_wait);
	return -ERESTARTNOHAND;
}

long sys_pause(void)
{
	return wait_for_signal();
}

int set_user_sigmask(const uint64_t *umask, size_t sigsetsize)
{
	uint64_t mask;

	if (!umask)
		return 0;
	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	current->saved_sigmask = current->sig_blocked;
	current->restore_sigmask = true;
	current->sig_blocked = mask & ~UNBLOCKABLE;
	return 0;
}

void restore_saved_sigmask_unless(bool interrupted)
{
	if (interrupted || !current->restore_sigmask)
		return; /* a handler's frame (or deliver_signals) puts it back */
	current->sig_blocked = current->saved_sigmask;
	current->restore_sigmask = false;
}

/* sys_rt_sigsuspend: wait for a signal with the mask *@umask in place of the
 * caller's, which the handler's frame then restores (Linux: sigsuspend and
 * TIF_RESTORE_SIGMASK). -EINVAL for a size other than 8, -EFAULT, or -EINTR. */
long sys_rt_sigsuspend(const uint64_t *umask, size_t sigsetsize)
{
	if (!umask)
		return sigsetsize != sizeof(uint64_t) ? -EINVAL : -EFAULT;
	long err = set_user_sigmask(umask, sigsetsize);
	if (err)
		return err;
	return wait_for_signal();
}

long sys_rt_sigpending(uint64_t *uset, size_t sigsetsize)
{
	uint64_t pending = current->sig_pending & current->sig_blocked;

	if (sigsetsize > sizeof(uint64_t))
		return -EINVAL;
	return copy_to_user(uset, &pending, sigsetsize) ? -EFAULT : 0;
}

/* dequeue_from: take the lowest pending signal of @mask off current's pending
 * set, its siginfo into *@info; the signal, or 0 when none is pending. */
static int dequeue_from(uint64_t mask, struct siginfo_k *info)
{
	uint64_t ready = current->sig_pending & mask;

	if (!ready)
		return 0;
	int sig = __builtin_ctzll(ready) + 1;
	const struct ksiginfo *k = &current->sig_info[sig - 1];
	*info = (struct siginfo_k){ .signo = sig, .code = k->code, .pid = k->pid, .uid = (int32_t)k->uid,
				    .status = sig == SIGCHLD ? k->status : 0 };
	current->sig_pending &= ~sigbit(sig);
	return sig;
}

/* sys_rt_sigtimedwait: take a signal of *@uthese off the pending set, waiting
 * for one until *@uts (NULL: forever) has passed: its number (its siginfo to
 * @uinfo), -EAGAIN at the timeout, -EINTR when another signal came (never
 * restarted, as Linux). While it waits, the signals of the set are unblocked
 * so that they wake it; they are taken here, not delivered. */
long sys_rt_sigtimedwait(const uint64_t *uthese, struct siginfo_k *uinfo, const struct timespec_k *uts,
			 size_t sigsetsize)
{
	uint64_t these;
	struct timespec_k ts;
	struct siginfo_k info;
	uint64_t deadline = KTIME_MAX;
	int sig;

	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	these &= ~UNBLOCKABLE;
	if (uts) {
		if (copy_from_user(&ts, uts, sizeof(ts)))
			return -EFAULT;
		if (ts.sec < 0 || ts.nsec < 0 || ts.nsec >= NSEC_PER_SEC)
			return -EINVAL;
		deadline = ktime_add_safe(uptime_ns(), timespec_to_ktime(&ts));
	}
	uint64_t blocked = current->sig_blocked;
	for (;;) {
		uint64_t irq = irq_save();
		sig = dequeue_from(these, &info);
		if (sig || signal_pending(current) || uptime_ns() >= deadline) {
			irq_restore(irq);
			break;
		}
		current->sig_blocked = blocked & ~these; /* so that send_signal wakes us for them */
		current->state = PROC_SLEEPING;
		schedule_until(deadline);
		current->sig_blocked = blocked;
		irq_restore(irq);
	}
	if (!sig)
		return signal_pending(current) ? -EINTR : -EAGAIN;
	if (uinfo && copy_to_user(uinfo, &info, sizeof(info)))
		return -EFAULT;
	return sig;
}
