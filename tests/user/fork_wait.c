/*
 * tests/user/fork_wait.c - children exit with different codes; wait4 on each
 * pid, in reverse order, returns that pid and code (the low 8 bits of it);
 * then no child is left: ECHILD.
 * user-test: diff
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"

int main(void)
{
	int codes[] = { 0, 1, 42, 255, 256 + 3 };
	enum { N = sizeof(codes) / sizeof(codes[0]) };
	pid_t pids[N];
	int status;

	fflush(stdout); /* or each child's exit() would print our pending output again */
	for (int i = 0; i < N; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			exit(codes[i]);
	}
	for (int i = N - 1; i >= 0; i--) {
		pid_t got = wait4(pids[i], &status, 0, NULL);
		printf("child %d: exit(%d): wait4 gave its pid: %s, exited: %s, code %d\n", i, codes[i],
		       got == pids[i] ? "yes" : "no", WIFEXITED(status) ? "yes" : "no", WEXITSTATUS(status));
	}
	check("no child left: wait4 fails with ECHILD",
	      wait4(-1, &status, 0, NULL) == -1 && errno == ECHILD);
	check("no child left: WNOHANG too", wait4(-1, &status, WNOHANG, NULL) == -1 && errno == ECHILD);
	return test_failures;
}
