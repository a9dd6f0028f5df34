/*
 * tests/user/kill_init.c - nobody can kill init: kill(1, sig) for a signal
 * init has no handler for is accepted and ignored, SIGKILL too (Linux's
 * SIGNAL_UNKILLABLE), and what init runs is in a session and process group of
 * its own, so kill(0, sig) below it never reaches init. Before, kill(1,
 * SIGKILL) powered the machine off. Our kernel only: on Linux the test's pid 1
 * is the host's init, which is not ours to signal.
 * user-test: qemu
 */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"

/* init_state: the state letter of /proc/1/stat, or '?' */
static char init_state(void)
{
	char line[256], state = '?';
	FILE *f = fopen("/proc/1/stat", "r");

	if (f && fgets(line, sizeof(line), f)) {
		char *paren = strrchr(line, ')');
		if (paren && paren[1] == ' ')
			state = paren[2];
	}
	if (f)
		fclose(f);
	return state;
}

/* signal_init_from_child: a child sends init each of the usual killers; 1 when every kill returned 0. */
static int signal_init_from_child(void)
{
	static const int sigs[] = { SIGKILL, SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGSEGV, SIGUSR1 };
	int status;

	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		int ok = 1;
		for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
			ok &= kill(1, sigs[i]) == 0;
		_exit(ok ? 0 : 1);
	}
	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int main(void)
{
	check("kill(1, sig) is accepted for each signal", signal_init_from_child());
	usleep(100000); /* let init run: it would die here if a signal reached it */
	check("init still exists (kill(1, 0))", kill(1, 0) == 0);
	check("init is not a zombie", init_state() == 'S' || init_state() == 'R');
	check("not in init's session", getsid(0) != getsid(1));
	check("not in init's process group", getpgid(0) != getpgid(1));
	return test_failures;
}
