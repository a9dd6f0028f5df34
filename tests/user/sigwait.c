/*
 * tests/user/sigwait.c - looking at and taking signals, as Linux does:
 * sigpending shows blocked pending signals; sigtimedwait takes one with its
 * siginfo (SI_USER from kill, SI_TKILL from raise, the sender's pid and uid),
 * says EAGAIN at the timeout and is woken by a signal another process sends;
 * an SA_SIGINFO handler sees who sent; sigaltstack: a handler with
 * SA_ONSTACK runs on the alternate stack, sees SS_ONSTACK, cannot change it
 * there (EPERM), and a stack overflow's SIGSEGV is caught on it; EINVAL and
 * ENOMEM for bad settings. Same facts on Linux.
 * user-test: diff
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "test.h"

static void pending_and_timedwait(void)
{
	sigset_t set, pend;
	siginfo_t si;
	struct timespec zero = { 0, 0 }, short_wait = { 0, 30000000 };

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGUSR1);
	sigpending(&pend);
	check("sigpending: SIGUSR1, not SIGUSR2", sigismember(&pend, SIGUSR1) && !sigismember(&pend, SIGUSR2));
	check("sigtimedwait takes SIGUSR1", sigtimedwait(&set, &si, &zero) == SIGUSR1);
	check("raise: SI_TKILL, our pid and uid", si.si_signo == SIGUSR1 && si.si_code == SI_TKILL &&
	      si.si_pid == getpid() && si.si_uid == getuid());
	sigpending(&pend);
	check("no longer pending", !sigismember(&pend, SIGUSR1));
	kill(getpid(), SIGUSR2);
	check("kill: SI_USER", sigtimedwait(&set, &si, &zero) == SIGUSR2 && si.si_code == SI_USER &&
	      si.si_pid == getpid());
	check("nothing pending, zero timeout: EAGAIN", sigtimedwait(&set, &si, &zero) == -1 && errno == EAGAIN);
	check("nothing pending, 30 ms: EAGAIN", sigtimedwait(&set, &si, &short_wait) == -1 && errno == EAGAIN);

	pid_t parent = getpid(), pid = fork();
	if (pid == 0) {
		usleep(30000);
		kill(parent, SIGUSR2);
		_exit(0);
	}
	check("sigwaitinfo woken by another process's kill", sigwaitinfo(&set, &si) == SIGUSR2 &&
	      si.si_pid == pid && si.si_code == SI_USER);
	waitpid(pid, NULL, 0);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	sigset_t bad;
	sigemptyset(&bad);
	check("bad sigset size: EINVAL", syscall(128 /* rt_sigtimedwait */, &bad, NULL, NULL, 4) == -1 &&
	      errno == EINVAL);
}

static volatile sig_atomic_t info_code, info_pid_ok;

static void on_info(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	info_code = si->si_code;
	info_pid_ok = si->si_pid == getpid();
}

static void siginfo_handler(void)
{
	struct sigaction sa = { .sa_sigaction = on_info, .sa_flags = SA_SIGINFO };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	kill(getpid(), SIGUSR1);
	check("SA_SIGINFO handler: SI_USER and the sender", info_code == SI_USER && info_pid_ok);
	signal(SIGUSR1, SIG_DFL);
}

static char altstack[65536];
static volatile int on_alt, flags_in_handler, eperm_in_handler;

static void on_usr2(int sig)
{
	int local;
	stack_t now, again = { .ss_sp = altstack, .ss_size = sizeof(altstack) };

	(void)sig;
	on_alt = (char *)&local >= altstack && (char *)&local < altstack + sizeof(altstack);
	sigaltstack(NULL, &now);
	flags_in_handler = now.ss_flags;
	eperm_in_handler = sigaltstack(&again, NULL) == -1 && errno == EPERM;
}

static void on_segv(int sig)
{
	(void)sig;
	_exit(42);
}

/* recurse: use stack, @n levels of 1 KiB (the result keeps the frames). */
static __attribute__((noinline)) int recurse(long n)
{
	volatile char pad[1024];

	pad[0] = (char)n;
	return n ? recurse(n - 1) + pad[0] : 0;
}

static void altstacks(void)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) }, old;

	check("no altstack at first: SS_DISABLE", sigaltstack(NULL, &old) == 0 && old.ss_flags == SS_DISABLE);
	ss.ss_size = 1024;
	check("smaller than MINSIGSTKSZ: ENOMEM", sigaltstack(&ss, NULL) == -1 && errno == ENOMEM);
	ss.ss_size = sizeof(altstack);
	ss.ss_flags = 0x40;
	check("bad flags: EINVAL", sigaltstack(&ss, NULL) == -1 && errno == EINVAL);
	ss.ss_flags = 0;
	check("set", sigaltstack(&ss, NULL) == 0);
	check("read back", sigaltstack(NULL, &old) == 0 && old.ss_sp == altstack &&
	      old.ss_size == sizeof(altstack) && old.ss_flags == 0);
	struct sigaction sa = { .sa_handler = on_usr2, .sa_flags = SA_ONSTACK };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR2, &sa, NULL);
	raise(SIGUSR2);
	check("SA_ONSTACK handler runs on the altstack", on_alt);
	check("and sees SS_ONSTACK", flags_in_handler == SS_ONSTACK);
	check("changing it there: EPERM", eperm_in_handler);
	sigaltstack(NULL, &old);
	check("after the handler: not on it", old.ss_flags == 0);
	sa.sa_flags = 0;
	sigaction(SIGUSR2, &sa, NULL);
	on_alt = 1;
	raise(SIGUSR2);
	check("without SA_ONSTACK: the normal stack", !on_alt);
	signal(SIGUSR2, SIG_DFL);

	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		struct sigaction segv = { .sa_handler = on_segv, .sa_flags = SA_ONSTACK };
		sigemptyset(&segv.sa_mask);
		sigaction(SIGSEGV, &segv, NULL);
		exit(recurse(1L << 40)); /* far past RLIMIT_STACK */
	}
	int status;
	check("stack overflow: SIGSEGV caught on the altstack", waitpid(pid, &status, 0) == pid &&
	      WIFEXITED(status) && WEXITSTATUS(status) == 42);
	ss.ss_flags = SS_DISABLE;
	check("disable", sigaltstack(&ss, NULL) == 0 && sigaltstack(NULL, &old) == 0 && old.ss_flags == SS_DISABLE);
}

int main(void)
{
	pending_and_timedwait();
	siginfo_handler();
	altstacks();
	return test_failures;
}
