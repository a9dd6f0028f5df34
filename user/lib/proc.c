/*
 * user/lib/proc.c - fork + execve + wait4, see proc.h.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "proc.h"

/* set_sigint: give SIGINT the disposition @handler (SIG_IGN or SIG_DFL). */
static void set_sigint(void (*handler)(int))
{
	struct sigaction sa = { .sa_handler = handler };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
}

void ignore_sigint(void)
{
	set_sigint(SIG_IGN);
}

pid_t spawn(const char *path, char *const argv[], char *const envp[])
{
	/* Pending stdio output first, or it would come out after the child's. */
	fflush(NULL);
	pid_t pid = fork();
	if (pid != 0)
		return pid;
	/* execve resets caught signals to default but keeps ignored ones ignored
	 * (POSIX), so a shell's SIG_IGN would make its children immune to Ctrl-C. */
	set_sigint(SIG_DFL);
	execve(path, argv, envp);
	return 0;
}

int wait_child(pid_t pid)
{
	int status;

	for (;;) {
		pid_t got = wait4(-1, &status, 0, NULL);
		if (got == pid)
			return status;
		if (got < 0 && errno != EINTR)
			return -1;
	}
}

int exit_code(int status)
{
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
