/*
 * tests/user/exec.c - execve replaces the program but keeps the process: a
 * forked child's execve, then our own; exec_target reports what survived
 * (arguments, pid, ignored vs caught signals) and exits with 42, which
 * becomes the forked child's status and, after our own execve, ours.
 * user-test: diff
 */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"

/* on_usr1: a handler, so that SIGUSR1 is caught when we exec. */
static void on_usr1(int sig)
{
	(void)sig;
}

/* exec_target: execve exec_target (@path) with argument @how; returns only on failure. */
static void exec_target(const char *path, char *how)
{
	char pid[32];
	char *argv[] = { "exec_target", how, NULL };
	char *envp[] = { pid, NULL };

	snprintf(pid, sizeof(pid), "PID_BEFORE_EXEC=%d", getpid());
	fflush(stdout); /* execve would discard what stdio still holds */
	execve(path, argv, envp);
	perror("execve");
}

int main(int argc, char *argv[])
{
	char path[PATH_MAX];
	int status;

	(void)argc;
	sibling(path, argv[0], "exec_target");
	signal(SIGINT, SIG_IGN);
	signal(SIGUSR1, on_usr1);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		exec_target(path, "forked");
		_exit(127);
	}
	waitpid(pid, &status, 0);
	printf("forked child: exit code %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	printf("now exec_target in place of this program\n");
	exec_target(path, "in place");
	return 1;
}
