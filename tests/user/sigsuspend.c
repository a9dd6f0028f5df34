/*
 * tests/user/sigsuspend.c - waiting for a signal: pause() sleeps until a
 * handled signal arrives and says EINTR; sigsuspend() swaps in a mask while
 * it waits, returns EINTR after the handler, and puts the caller's mask back
 * (the handler itself runs under the temporary one, plus its own signal); a
 * signal pending and blocked before the call is taken at once. Each wait runs
 * in a child that the parent signals once /proc says it sleeps. Same facts on
 * Linux.
 * user-test: diff
 */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"
#include "lib/procfs.h"

static volatile sig_atomic_t handled;
static volatile int usr2_blocked_in_handler;

static void on_signal(int sig)
{
	sigset_t now;

	sigprocmask(SIG_BLOCK, NULL, &now);
	handled = sig;
	usr2_blocked_in_handler = sigismember(&now, SIGUSR2);
}


/* signal_when_asleep: send @sig to @pid once it sleeps; whether it then exited 0. */
static int signal_when_asleep(pid_t pid, int sig)
{
	int status;
	char st;

	while ((st = proc_state(pid)) != 'S' && st != 'Z' && st != '?')
		sched_yield();
	kill(pid, sig);
	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* in_child: run @fn in a child that @sig wakes; whether it passed. */
static int in_child(int (*fn)(void), int sig)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(fn() ? 0 : 1);
	return signal_when_asleep(pid, sig);
}

static int pause_until_handled(void)
{
	return pause() == -1 && errno == EINTR && handled == SIGUSR1;
}

/* suspend_with_usr2_blocked: SIGUSR1 blocked in the caller's mask, SIGUSR2 in the
 * temporary one: the handler sees SIGUSR2 blocked; afterwards SIGUSR1 is blocked
 * again and SIGUSR2 is not. */
static int suspend_with_usr2_blocked(void)
{
	sigset_t usr1, usr2, after;

	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigemptyset(&usr2);
	sigaddset(&usr2, SIGUSR2);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	int r = sigsuspend(&usr2);
	sigprocmask(SIG_BLOCK, NULL, &after);
	return r == -1 && errno == EINTR && handled == SIGUSR1 && usr2_blocked_in_handler &&
	       sigismember(&after, SIGUSR1) && !sigismember(&after, SIGUSR2);
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_signal };
	sigset_t usr1, empty, after;

	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	check("pause sleeps until a handled signal, then EINTR", in_child(pause_until_handled, SIGUSR1));
	check("sigsuspend runs the handler under its mask, then restores the caller's",
	      in_child(suspend_with_usr2_blocked, SIGUSR1));
	/* A signal pending while blocked: sigsuspend with it unblocked returns at once. */
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigemptyset(&empty);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	raise(SIGUSR1);
	handled = 0;
	errno = 0;
	check("a blocked pending signal: sigsuspend takes it at once", sigsuspend(&empty) == -1 && errno == EINTR &&
										handled == SIGUSR1);
	sigprocmask(SIG_BLOCK, NULL, &after);
	check("and the mask is the caller's again", sigismember(&after, SIGUSR1));
	errno = 0;
	check("rt_sigsuspend with a bad pointer is EFAULT", sigsuspend((sigset_t *)1) == -1 && errno == EFAULT);
	return test_failures;
}
