/*
 * tests/user/getpid.c - process identities across fork: the child has a new
 * pid, its parent's pid is the forker's, fork and wait4 agree on it, and a
 * single-threaded process's tid is its pid.
 * user-test: diff
 */
#define _GNU_SOURCE /* gettid */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"

int main(void)
{
	pid_t parent = getpid();
	int status;

	fflush(stdout);
	pid_t child = fork();
	if (child == 0) {
		check("child: getpid() differs from the parent's", getpid() != parent);
		check("child: getppid() == the parent's getpid()", getppid() == parent);
		check("child: gettid() == getpid()", gettid() == getpid());
		exit(test_failures);
	}
	pid_t reaped = wait4(child, &status, 0, NULL); /* before printing: the child's lines come first */
	check("parent: fork returned a positive pid", child > 0);
	check("parent: wait4 returned that pid", reaped == child);
	check("parent: the child's checks passed", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	check("parent: getpid() unchanged by fork", getpid() == parent);
	check("parent: gettid() == getpid()", gettid() == getpid());
	pid_t second = fork();
	if (second == 0)
		_exit(0);
	check("a second child gets another pid", second != child && second > 0);
	wait4(second, &status, 0, NULL);
	return test_failures;
}
