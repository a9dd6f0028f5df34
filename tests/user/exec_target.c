/*
 * tests/user/exec_target.c - what exec.c runs: reports what survived the
 * execve (arguments, environment, pid, signal dispositions) and exits with 42.
 * user-test: helper
 */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "test.h"

/* disposition: whether @sig is ignored, default, or caught. */
static const char *disposition(int sig)
{
	struct sigaction sa;

	sigaction(sig, NULL, &sa);
	return sa.sa_handler == SIG_IGN ? "ignored" : sa.sa_handler == SIG_DFL ? "default" : "caught";
}

int main(int argc, char *argv[])
{
	const char *pid = getenv("PID_BEFORE_EXEC");

	printf("exec_target: argc %d, argv[0] \"%s\", argv[1] \"%s\"\n", argc, argv[0],
	       argc > 1 ? argv[1] : "(none)");
	check("exec_target: same pid as before execve", pid && atoi(pid) == getpid());
	printf("exec_target: SIGINT %s (ignored stays ignored), SIGUSR1 %s (caught becomes default)\n",
	       disposition(SIGINT), disposition(SIGUSR1));
	return 42;
}
