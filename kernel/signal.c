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
#include "kernel/job_control.h"

#define SA_ONSTACK   0x08000000
#define SA_RESTART   0x10000000
#define SA_NODEFER   0x40000000
#define SA_RESETHAND 0x80000000
#define SA_RESTORER  0x04000000
#define SIG_BLOCK   0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

/* sigaltstack's flags and limits (Linux's uapi/asm-generic/signal-defs.h, signal.h) */
#define SS_ONSTACK    1
#define SS_DISABLE    2
#define SS_AUTODISARM (1u << 31)
#define MINSIGSTKSZ   2048

/* default_ignored: signals whose default action is to do nothing (SIGCONT's
 * work, continuing, is done when it is sent: prepare_signal). */
static bool default_ignored(int sig)
{
	switch (sig) {
	case SIGCHLD: case SIGURG: case SIGWINCH: case SIGCONT:
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

/* prepare_signal: what sending @sig does at once, whatever @p's mask and
 * handlers (Linux's prepare_signal): a stop signal cancels a pending SIGCONT;
 * SIGCONT cancels pending stop signals and resumes @p if it is stopped. IRQs off. */
static void prepare_signal(struct process *p, int sig)
{
	if (sigbit(sig) & STOP_SIGNALS) {
		p->sig_pending &= ~sigbit(SIGCONT);
	} else if (sig == SIGCONT) {
		p->sig_pending &= ~STOP_SIGNALS;
		if (p->state == PROC_STOPPED)
			do_continue(p);
	}
}

int send_signal_info(struct process *p, int sig, const struct ksiginfo *info)
{
	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	if (sig == 0 || p->state == PROC_ZOMBIE)
		return 0;
	uint64_t irq = irq_save();
	prepare_signal(p, sig);
	if (!sig_ignored(p, sig)) {
		if (!(p->sig_pending & sigbit(sig)))
			p->sig_info[sig - 1] = *info; /* a standard signal does not queue: the first one's origin */
		p->sig_pending |= sigbit(sig);
		if (sig == SIGKILL && p->state == PROC_STOPPED)
			wake_up_state(p, PROC_STOPPED); /* to die */
		else if (p->state == PROC_SLEEPING && (sigbit(sig) & ~p->sig_blocked))
			make_runnable(p);
	}
	irq_restore(irq);
	return 0;
}

int send_signal(struct process *p, int sig)
{
	return send_signal_info(p, sig, &(struct ksiginfo){ .code = SI_KERNEL });
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
	p->sas_ss_sp = p->sas_ss_size = 0; /* the old program's memory */
	p->sas_ss_flags = 0;
	for (int i = 0; i < NSIG; i++)
		if (p->sigactions[i].handler != SIG_IGN)
			p->sigactions[i] = (struct sigaction_k){ 0 };
}

/* on_sig_stack: whether @sp is on current's alternate signal stack. */
static bool on_sig_stack(uint64_t sp)
{
	return current->sas_ss_size && sp > current->sas_ss_sp && sp - current->sas_ss_sp <= current->sas_ss_size;
}

/* sas_ss_flags: sigaltstack's ss_flags for a program at @sp (Linux's sas_ss_flags). */
static int sas_ss_flags(uint64_t sp)
{
	if (!current->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

/* fill_siginfo: @sig's siginfo for a handler or rt_sigtimedwait, from what was
 * recorded when it was sent. */
static void fill_siginfo(struct siginfo_k *info, int sig)
{
	const struct ksiginfo *k = &current->sig_info[sig - 1];

	*info = (struct siginfo_k){ .signo = sig, .code = k->code, .pid = k->pid, .uid = (int32_t)k->uid };
	if (sig == SIGCHLD)
		info->status = k->status;
}

/* setup_rt_frame: redirect @f into @ka's handler for @sig, on the alternate
 * stack if the handler asked (SA_ONSTACK) and one is set and not in use.
 * false when the user stack cannot take the frame (the caller then kills
 * with SIGSEGV, as Linux). */
static bool setup_rt_frame(struct trap_frame *f, int sig, const struct sigaction_k *ka)
{
	if (!(ka->flags & SA_RESTORER))
		return false; /* x86-64 Linux also requires the libc's restorer */
	uint64_t sp = f->rsp - 128;            /* skip the red zone (psABI 3.2.2) */
	if ((ka->flags & SA_ONSTACK) && sas_ss_flags(f->rsp) == 0)
		sp = current->sas_ss_sp + current->sas_ss_size;
	uint64_t fpstate = (sp - sizeof(current->fpu)) & ~63ull;
	sp = ((fpstate - sizeof(struct rt_sigframe)) & ~15ull) - 8; /* handler entry: RSP+8 16-aligned */
	struct rt_sigframe frame = { .pretcode = ka->restorer };
	/* after rt_sigsuspend the handler returns to the caller's own mask, not the temporary one */
	uint64_t mask = current->restore_sigmask ? current->saved_sigmask : current->sig_blocked;
	save_sigcontext(&frame.uc.mc, f);
	frame.uc.mc.fpstate = fpstate;
	frame.uc.mc.oldmask = mask;
	frame.uc.sigmask = mask;
	frame.uc.ss_sp = current->sas_ss_sp; /* the altstack as it was: rt_sigreturn restores it */
	frame.uc.ss_flags = sas_ss_flags(f->rsp) | (int32_t)current->sas_ss_flags;
	frame.uc.ss_size = current->sas_ss_size;
	fill_siginfo(&frame.info, sig);
	fxsave(current->fpu); /* the live registers are current's */
	if (copy_to_user((void *)fpstate, current->fpu, sizeof(current->fpu)) ||
	    copy_to_user((void *)sp, &frame, sizeof(frame)))
		return false;
	if (current->sas_ss_flags & SS_AUTODISARM)
		current->sas_ss_sp = current->sas_ss_size = 0;
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
		if (ka.handler == SIG_DFL && (sigbit(sig) & STOP_SIGNALS)) {
			do_signal_stop(sig); /* returns once continued; then the rest of what is pending */
			continue;
		}
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

/* do_sigaltstack: sigaltstack's work for a program at @sp: the current setting
 * into *@old (if any), then @new's (if any). 0, -EPERM (on the alternate stack
 * now), -EINVAL (bad flags) or -ENOMEM (smaller than MINSIGSTKSZ). */
static int do_sigaltstack(const struct ucontext_k *new, struct ucontext_k *old, uint64_t sp)
{
	if (old) {
		old->ss_sp = current->sas_ss_sp;
		old->ss_flags = sas_ss_flags(sp) | (int32_t)current->sas_ss_flags;
		old->ss_size = current->sas_ss_size;
	}
	if (!new)
		return 0;
	if (on_sig_stack(sp))
		return -EPERM;
	uint32_t mode = (uint32_t)new->ss_flags & ~SS_AUTODISARM;
	if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
		return -EINVAL;
	if (mode == SS_DISABLE) {
		current->sas_ss_sp = current->sas_ss_size = 0;
	} else {
		if (new->ss_size < MINSIGSTKSZ)
			return -ENOMEM;
		current->sas_ss_sp = new->ss_sp;
		current->sas_ss_size = new->ss_size;
	}
	current->sas_ss_flags = (uint32_t)new->ss_flags & SS_AUTODISARM;
	return 0;
}

/* restore_altstack: rt_sigreturn: the alternate stack as the frame @uc says
 * (a bad setting there is ignored, as Linux's restore_altstack does). */
static void restore_altstack(const struct ucontext_k *uc, uint64_t sp)
{
	do_sigaltstack(uc, NULL, sp);
}

/* The user's stack_t is the ss_* part of a ucontext: copy it through one. */
#define STACK_T_OFFSET __builtin_offsetof(struct ucontext_k, ss_sp)
#define STACK_T_SIZE   24

long sys_sigaltstack(const void *uss, void *uoss)
{
	struct ucontext_k new, old;
	int err;

	if (uss && copy_from_user((char *)&new + STACK_T_OFFSET, uss, STACK_T_SIZE))
		return -EFAULT;
	err = do_sigaltstack(uss ? &new : NULL, &old, current->tf->rsp);
	if (!err && uoss && copy_to_user(uoss, (char *)&old + STACK_T_OFFSET, STACK_T_SIZE))
		return -EFAULT;
	return err;
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
	restore_altstack(&frame.uc, f->rsp);
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
