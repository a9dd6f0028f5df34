/*
 * tests/user/fork50.c - fork 50 children at once, each exiting with its
 * number; wait4(-1) reaps each exactly once, with its code, then ECHILD.
 * user-test: diff
 */
#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"

#define N 50

int main(void)
{
	pid_t pids[N];
	int seen[N] = { 0 };
	int status, reaped = 0, wrong = 0;
	pid_t got;

	for (int i = 0; i < N; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(i);
		if (pids[i] < 0)
			perror("fork");
	}
	while ((got = wait4(-1, &status, 0, NULL)) > 0) {
		int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
		if (code < 0 || code >= N || pids[code] != got || seen[code]++)
			wrong++;
		reaped++;
	}
	printf("forked %d, reaped %d\n", N, reaped);
	check("each child reaped once, with its own exit code", reaped == N && !wrong);
	check("then wait4 fails with ECHILD", got == -1 && errno == ECHILD);
	return test_failures;
}
