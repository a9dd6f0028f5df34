/*
 * kernel/signal.h - POSIX signals, Linux x86-64 numbers and semantics:
 * generation (kill, faults, Ctrl-C, timers), dispositions (rt_sigaction),
 * masks (rt_sigprocmask) and delivery on the way back to user mode: default
 * action (terminate, ignore, or stop: kernel/job_control.c), or a user
 * handler entered through a Linux-layout rt_sigframe (on the sigaltstack if
 * asked) and left through rt_sigreturn. Waiting for and taking signals is
 * kernel/signal_wait.c.
 */
#ifndef KERNEL_SIGNAL_H
#define KERNEL_SIGNAL_H

#include <stdbool.h>
#include <stddef.h>
#include "kernel/proc.h"

#define SIGHUP   1
#define SIGINT   2
#define SIGQUIT  3
#define SIGILL   4
#define SIGTRAP  5
#define SIGABRT  6
#define SIGBUS   7
#define SIGFPE   8
#define SIGKILL  9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG  23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28

#define SIG_DFL 0
#define SIG_IGN 1

/* sigbit: @sig's bit in a mask (sig_pending, sig_blocked). */
static inline uint64_t sigbit(int sig) { return 1ull << (sig - 1); }
#define UNBLOCKABLE  (sigbit(SIGKILL) | sigbit(SIGSTOP))
#define STOP_SIGNALS (sigbit(SIGSTOP) | sigbit(SIGTSTP) | sigbit(SIGTTIN) | sigbit(SIGTTOU))

/* siginfo's si_code values (Linux's uapi/asm-generic/siginfo.h). */
#define SI_USER     0    /* kill */
#define SI_KERNEL   0x80 /* the kernel */
#define SI_TKILL    (-6) /* tkill, tgkill */
#define CLD_EXITED    1
#define CLD_KILLED    2
#define CLD_STOPPED   5
#define CLD_CONTINUED 6

#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002

/* wait4 status words (Linux encoding). */
#define W_EXITCODE(code) (((code) & 0xff) << 8)
#define W_SIGNALED(sig)  ((sig) & 0x7f)

/* send_signal_info: make @sig pending for @p (dropped if @p ignores it) with
 * @info saying where it came from, waking @p from an interruptible sleep;
 * SIGCONT resumes a stopped @p, SIGKILL wakes it to die. 0, or -EINVAL for a
 * bad number. IRQ-safe. */
int send_signal_info(struct process *p, int sig, const struct ksiginfo *info);

/* send_signal: send_signal_info from the kernel (SI_KERNEL). */
int send_signal(struct process *p, int sig);

/* force_signal: a synchronous fault's signal for current (SIGSEGV, SIGILL...):
 * it cannot be ignored or blocked, as Linux's force_sig. */
void force_signal(int sig);

/* fatal_signal_pending: @p has been sent SIGKILL: whatever it waits for, it is dying. */
bool fatal_signal_pending(struct process *p);

/* signal_pending: @p has a pending signal it does not block. Inline: every
 * return to user mode asks (exit_to_user). */
static inline bool signal_pending(const struct process *p)
{
	return (p->sig_pending & ~p->sig_blocked) != 0;
}

/* deliver_signals: on the way to user mode, act on current's pending signals:
 * terminate (no return), ignore, or redirect @f into a user handler. IF=0. */
void deliver_signals(struct trap_frame *f);

/* set_user_sigmask: for ppoll, pselect6 and rt_sigsuspend: block the user's
 * mask *@umask (NULL: leave the mask alone) until the call returns, keeping
 * current's own to restore (Linux's set_user_sigmask). 0, -EINVAL for a size
 * other than 8, or -EFAULT. */
int set_user_sigmask(const uint64_t *umask, size_t sigsetsize);

/* restore_saved_sigmask_unless: the call is over: put back the mask
 * set_user_sigmask replaced, unless it was @interrupted by a signal whose
 * handler must run under the temporary mask first (Linux's name). */
void restore_saved_sigmask_unless(bool interrupted);

/* signals_reset_on_exec: handlers back to SIG_DFL; SIG_IGN stays (POSIX execve). */
void signals_reset_on_exec(struct process *p);

#endif
