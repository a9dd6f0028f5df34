/*
 * kernel/signal.c - signal generation, dispositions and delivery (see signal.h).
 *
 * A signal is a bit in p->sig_pending. It is acted upon only on the way back
 * to user mode (deliver_signals, from exit_to_user), as in Linux, so no kernel
 * code is ever interrupted half-way by a signal: a sleeping syscall is woken,
 * notices signal_pending(), and returns -ERESTARTSYS (or -ERESTARTNOHAND, or
 * -EINTR where Linux never restarts); syscall_restart then decides, as
 * Linux's restart rules do, whether the call starts again or says EINTR.
 */
#include "kernel/signal.h"
#include "kernel/exit.h"
#include "kernel/sched.h"
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "kernel/lib/string.h"
#include "kernel/syscalls.h"
#include "kernel/uaccess.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/sigframe.h"

#define SA_RESTART   0x10000000
#define SA_NODEFER   0x40000000
#define SA_RESETHAND 0x80000000
#define SA_RESTORER  0x04000000
#define SIG_BLOCK   0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

static inline uint64_t sigbit(int sig) { return 1ull << (sig - 1); }
#define UNBLOCKABLE (sigbit(SIGKILL) | sigbit(SIGSTOP))

/* default_ignored: signals whose default action is to do nothing. Without job
 * control, the stop signals and SIGCONT are ignored too (documented gap). */
static bool default_ignored(int sig)
{
	switch (sig) {
	case SIGCHLD: case SIGURG: case SIGWINCH: case SIGCONT:
	case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
		return true;
	default:
		return false;
	}
}

/* sig_ignored: @p would discard @sig on delivery, so generation may drop it.
 * Init (sig_unkillable) discards every signal left at SIG_DFL, SIGKILL included,
 * as Linux's sig_task_ignored does for SIGNAL_UNKILLABLE. */
static bool sig_ignored(struct process *p, int sig)
{
	uint64_t h = p->sigactions[sig - 1].handler;
	if (p->sig_unkillable && h == SIG_DFL)
		return true;
	if (sig == SIGKILL)
		return false;
	return h == SIG_IGN || (h == SIG_DFL && default_ignored(sig));
}

int send_signal(struct process *p, int sig)
{
	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	if (sig == 0 || p->state == PROC_ZOMBIE || sig_ignored(p, sig))
		return 0;
	uint64_t irq = irq_save();
	p->sig_pending |= sigbit(sig);
	if (p->state == PROC_SLEEPING && (sigbit(sig) & ~p->sig_blocked))
		make_runnable(p);
	irq_restore(irq);
	return 0;
}

void force_signal(int sig)
{
	struct sigaction_k *ka = &current->sigactions[sig - 1];
	if (ka->handler == SIG_IGN || (current->sig_blocked & sigbit(sig))) {
		ka->handler = SIG_DFL;
		current->sig_blocked &= ~sigbit(sig);
	}
	if (ka->handler == SIG_DFL) /* a fatal fault kills even init (Linux: force_sig_info_to_task) */
		current->sig_unkillable = false;
	send_signal(current, sig);
}

bool fatal_signal_pending(struct process *p)
{
	return p->sig_pending & sigbit(SIGKILL);
}

void signals_reset_on_exec(struct process *p)
{
	for (int i = 0; i < NSIG; i++)
		if (p->sigactions[i].handler != SIG_IGN)
			p->sigactions[i] = (struct sigaction_k){ 0 };
}

/* setup_rt_frame: redirect @f into @ka's handler for @sig. false when the user
 * stack cannot take the frame (the caller then kills with SIGSEGV, as Linux). */
static bool setup_rt_frame(struct trap_frame *f, int sig, const struct sigaction_k *ka)
{
	if (!(ka->flags & SA_RESTORER))
		return false; /* x86-64 Linux also requires the libc's restorer */
	uint64_t sp = f->rsp - 128;            /* skip the red zone (psABI 3.2.2) */
	uint64_t fpstate = (sp - sizeof(current->fpu)) & ~63ull;
	sp = ((fpstate - sizeof(struct rt_sigframe)) & ~15ull) - 8; /* handler entry: RSP+8 16-aligned */
	struct rt_sigframe frame = { .pretcode = ka->restorer };
	/* after rt_sigsuspend the handler returns to the caller's own mask, not the temporary one */
	uint64_t mask = current->restore_sigmask ? current->saved_sigmask : current->sig_blocked;
	save_sigcontext(&frame.uc.mc, f);
	frame.uc.mc.fpstate = fpstate;
	frame.uc.mc.oldmask = mask;
	frame.uc.sigmask = mask;
	frame.info.signo = sig;
	fxsave(current->fpu); /* the live registers are current's */
	if (copy_to_user((void *)fpstate, current->fpu, sizeof(current->fpu)) ||
	    copy_to_user((void *)sp, &frame, sizeof(frame)))
		return false;
	f->rip = ka->handler;
	f->rsp = sp;
	f->rdi = (uint64_t)sig;
	f->rsi = sp + __builtin_offsetof(struct rt_sigframe, info);
	f->rdx = sp + __builtin_offsetof(struct rt_sigframe, uc);
	f->rax = 0;
	f->rflags &= ~(RFLAGS_DF | RFLAGS_TF);
	current->restore_sigmask = false; /* the frame holds it: rt_sigreturn restores it */
	current->sig_blocked |= ka->mask & ~UNBLOCKABLE;
	if (!(ka->flags & SA_NODEFER))
		current->sig_blocked |= sigbit(sig);
	return true;
}

/* syscall_restart: @f returns from a syscall that a signal interrupted (RAX
 * -ERESTART*): with @ka the handler about to run (NULL: none runs), either
 * make the call happen again (RIP back over the 2-byte `syscall`, RAX its
 * number again) or turn the result into -EINTR (Linux: arch/x86's
 * handle_signal and arch_do_signal_or_restart). Other results are left alone. */
static void syscall_restart(struct trap_frame *f, const struct sigaction_k *ka)
{
	int64_t nr = syscall_frame_nr(f);
	long ret = (long)f->rax;

	if (nr < 0 || ret < -ERESTARTNOHAND || ret > -ERESTARTSYS)
		return;
	f->error_code = NO_SYSCALL; /* decided once: the handler's own calls are its own */
	if (ka && (ret == -ERESTARTNOHAND || (ret == -ERESTARTSYS && !(ka->flags & SA_RESTART)))) {
		f->rax = (uint64_t)-EINTR;
		return;
	}
	f->rax = (uint64_t)nr;
	f->rip -= 2;
}

void deliver_signals(struct trap_frame *f)
{
	uint64_t ready;
	while ((ready = current->sig_pending & ~current->sig_blocked) != 0) {
		int sig = __builtin_ctzll(ready) + 1;
		current->sig_pending &= ~sigbit(sig);
		struct sigaction_k ka = current->sigactions[sig - 1];
		if (sig_ignored(current, sig))
			continue;
		if (ka.handler == SIG_DFL)
			do_exit(W_SIGNALED(sig));
		if (ka.flags & SA_RESETHAND)
			current->sigactions[sig - 1].handler = SIG_DFL;
		syscall_restart(f, &ka);
		if (!setup_rt_frame(f, sig, &ka)) {
			pr_info("pid %d (%s): cannot deliver signal %d, killed by SIGSEGV\n",
				current->pid, current->comm, sig);
			do_exit(W_SIGNALED(SIGSEGV));
		}
		return; /* one handler at a time; the rest wait for rt_sigreturn */
	}
	syscall_restart(f, NULL);
	if (current->restore_sigmask) { /* no handler ran: rt_sigsuspend's caller gets its mask back now */
		current->sig_blocked = current->saved_sigmask;
		current->restore_sigmask = false;
	}
}

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

#define MXCSR_OFFSET 24
#define MXCSR_VALID  0xffbfu /* MXCSR bits fxrstor accepts on every x86-64 (no DAZ) */

long sys_rt_sigreturn(void)
{
	struct trap_frame *f = current->tf;
	struct rt_sigframe frame;
	uint32_t mxcsr;
	f->error_code = NO_SYSCALL; /* the RAX it returns is the interrupted code's, never a result to restart */
	if (copy_from_user(&frame, (void *)(f->rsp - 8), sizeof(frame)) ||
	    copy_from_user(current->fpu, (void *)frame.uc.mc.fpstate, sizeof(current->fpu)))
		do_exit(W_SIGNALED(SIGSEGV));
	const struct sigcontext_k *mc = &frame.uc.mc;
	memcpy(&mxcsr, current->fpu + MXCSR_OFFSET, 4);
	mxcsr &= MXCSR_VALID; /* a reserved bit would make fxrstor #GP in the kernel */
	memcpy(current->fpu + MXCSR_OFFSET, &mxcsr, 4);
	fxrstor(current->fpu);
	if (!restore_sigcontext(f, mc)) { /* the frame stays as it was: the signal's frame or exit replaces it */
		pr_info("pid %d (%s): rt_sigreturn to bad ip %lx, SIGSEGV\n", current->pid, current->comm, mc->rip);
		force_signal(SIGSEGV);
		return (long)f->rax;
	}
	current->sig_blocked = frame.uc.sigmask & ~UNBLOCKABLE;
	return (long)f->rax; /* the dispatcher stores this into RAX: the interrupted value */
}

long sys_rt_sigaction(int sig, const void *act, void *oact, size_t sigsetsize)
{
	struct sigaction_k k;
	if (sigsetsize != sizeof(uint64_t) || sig < 1 || sig > NSIG)
		return -EINVAL;
	if (act && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	if (oact && copy_to_user(oact, &current->sigactions[sig - 1], sizeof(k)))
		return -EFAULT;
	if (act) {
		if (copy_from_user(&k, act, sizeof(k)))
			return -EFAULT;
		k.mask &= ~UNBLOCKABLE;
		current->sigactions[sig - 1] = k;
		if (sig_ignored(current, sig)) /* POSIX: setting SIG_IGN discards a pending one */
			current->sig_pending &= ~sigbit(sig);
	}
	return 0;
}

long sys_rt_sigprocmask(int how, const uint64_t *set, uint64_t *oset, size_t sigsetsize)
{
	uint64_t new;
	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	if (oset && copy_to_user(oset, &current->sig_blocked, sizeof(*oset)))
		return -EFAULT;
	if (!set)
		return 0;
	if (copy_from_user(&new, set, sizeof(new)))
		return -EFAULT;
	switch (how) {
	case SIG_BLOCK:   current->sig_blocked |= new; break;
	case SIG_UNBLOCK: current->sig_blocked &= ~new; break;
	case SIG_SETMASK: current->sig_blocked = new; break;
	default:          return -EINVAL;
	}
	current->sig_blocked &= ~UNBLOCKABLE;
	return 0;
}
