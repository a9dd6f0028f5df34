/*
 * user/lib/proc.c - fork + execve + wait4, see proc.h.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
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

/* cannot_run: say on stderr why @who could not run @path (errno). */
static void cannot_run(const char *who, const char *path)
{
	fprintf(stderr, "%s: cannot run %s: %s\n", who, path, strerror(errno));
}

/* spawn: fork a child that execs @path, see run_wait; the leader of a new
 * session if @new_session (run_session). The child's pid, or -1. */
static pid_t spawn(const char *who, const char *path, char *const argv[], char *const envp[], int fail,
		   bool new_session)
{
	/* Pending stdio output first, or it would come out after the child's. */
	fflush(NULL);
	pid_t pid = fork();
	if (pid != 0)
		return pid;
	if (new_session)
		setsid();
	/* execve resets caught signals to default but keeps ignored ones ignored
	 * (POSIX), so a shell's SIG_IGN would make its children immune to Ctrl-C. */
	set_sigint(SIG_DFL);
	execve(path, argv, envp);
	cannot_run(who, path);
	_exit(fail);
}

/* wait_child: reap children until @pid ends (init may be handed orphans that
 * end first); @pid's wait status, or -1. */
static int wait_child(pid_t pid)
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

/* run: run_wait, or run_session when @new_session. */
static int run(const char *who, const char *path, char *const argv[], char *const envp[], int fail,
	       bool new_session)
{
	pid_t pid = spawn(who, path, argv, envp, fail, new_session);
	int status = pid < 0 ? -1 : wait_child(pid);

	if (status < 0) {
		cannot_run(who, path);
		return (fail & 0xff) << 8; /* the wait status of an exit(fail) */
	}
	return status;
}

int run_wait(const char *who, const char *path, char *const argv[], char *const envp[], int fail)
{
	return run(who, path, argv, envp, fail, false);
}

int run_session(const char *who, const char *path, char *const argv[], char *const envp[], int fail)
{
	return run(who, path, argv, envp, fail, true);
}

int exit_code(int status)
{
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
