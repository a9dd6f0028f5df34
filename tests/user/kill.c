/*
 * tests/user/kill.c - signals from another process end a child wherever it
 * is: spinning in user mode (only the timer interrupt gets the kernel back)
 * or asleep in nanosleep. SIGKILL and SIGTERM's default action; kill(pid, 0)
 * probes; WNOHANG sees a live child.
 * user-test: diff
 */
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"

/* spin: loop in user mode forever. */
static void spin(void)
{
	for (volatile unsigned long n = 0;; n++)
		;
}

/* doze: sleep forever. */
static void doze(void)
{
	for (;;)
		sleep(1000);
}

/* kill_child: start a child running @body, send it @sig, reap it; print how it ended. */
static void kill_child(const char *name, void (*body)(void), int sig)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		body();
		_exit(0);
	}
	printf("%s child, signal %d:\n", name, sig);
	check("  alive: wait4 WNOHANG gives 0", wait4(pid, &status, WNOHANG, NULL) == 0);
	check("  alive: kill(pid, 0) succeeds", kill(pid, 0) == 0);
	check("  kill(pid, sig) succeeds", kill(pid, sig) == 0);
	check("  wait4 gives its pid", wait4(pid, &status, 0, NULL) == pid);
	printf("  killed by a signal: %s, signal %d\n", WIFSIGNALED(status) ? "yes" : "no",
	       WIFSIGNALED(status) ? WTERMSIG(status) : -1);
	check("  reaped: kill(pid, 0) fails with ESRCH", kill(pid, 0) == -1 && errno == ESRCH);
}

int main(void)
{
	fflush(stdout);
	kill_child("spinning", spin, SIGKILL);
	kill_child("sleeping", doze, SIGKILL);
	kill_child("sleeping", doze, SIGTERM);
	return test_failures;
}
