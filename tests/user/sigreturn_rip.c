/*
 * tests/user/sigreturn_rip.c - a signal handler that rewrites the saved RIP
 * before returning: a user address is where the program goes on; an address
 * that is not canonical, or lies in the kernel half, kills the program with
 * SIGSEGV and nothing else (on a real CPU iretq to a non-canonical RIP faults
 * in ring 0: the kernel must refuse it in rt_sigreturn, Linux's
 * restore_sigcontext + its IRET fixup; arch/x86_64/sigframe.c).
 * user-test: diff
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

#include "test.h"

static uint64_t new_rip;

/* landing: where a handler sends the program with a good RIP. */
static void landing(void)
{
	printf("landed at the new RIP\n");
	fflush(stdout);
	_exit(0);
}

/* on_usr1: return from the signal to new_rip. */
static void on_usr1(int sig, siginfo_t *info, void *uc)
{
	(void)sig;
	(void)info;
	((ucontext_t *)uc)->uc_mcontext.gregs[REG_RIP] = (greg_t)new_rip;
}

/* returns_to: how a child that returns from SIGUSR1's handler to @rip ends, said on stdout. */
static void returns_to(const char *what, uint64_t rip)
{
	int status;

	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		struct sigaction sa = { .sa_sigaction = on_usr1, .sa_flags = SA_SIGINFO };
		sigemptyset(&sa.sa_mask);
		sigaction(SIGUSR1, &sa, NULL);
		new_rip = rip;
		raise(SIGUSR1);
		printf("returned to the old RIP\n");
		_exit(1);
	}
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		printf("%s: killed by signal %d\n", what, WTERMSIG(status));
	else
		printf("%s: exit %d\n", what, WEXITSTATUS(status));
}

int main(void)
{
	returns_to("user RIP", (uint64_t)(uintptr_t)landing);
	returns_to("first non-canonical RIP", 0x0000800000000000ull);
	returns_to("non-canonical RIP", 0x1234567890abcdefull);
	returns_to("kernel RIP", 0xffffffff81000000ull);
	return 0;
}
