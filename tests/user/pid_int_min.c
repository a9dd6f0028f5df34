/*
 * tests/user/pid_int_min.c - the pid INT_MIN, whose group -INT_MIN does not
 * fit an int: wait4 and kill say ESRCH for it (Linux checks it first), where
 * negating it was undefined; the most negative pid that is a group works as
 * any other (no such group: ECHILD, ESRCH).
 * user-test: diff
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"

int main(void)
{
	int status;

	fflush(stdout);
	pid_t child = fork();
	if (child == 0)
		_exit(7);
	errno = 0;
	check("wait4(INT_MIN) is ESRCH", wait4(INT_MIN, &status, 0, NULL) == -1 && errno == ESRCH);
	errno = 0;
	check("kill(INT_MIN, 0) is ESRCH", kill(INT_MIN, 0) == -1 && errno == ESRCH);
	errno = 0;
	check("wait4(-INT_MAX), a group nobody is in, is ECHILD", wait4(-INT_MAX, &status, 0, NULL) == -1 &&
										 errno == ECHILD);
	errno = 0;
	check("kill(-INT_MAX, 0) is ESRCH", kill(-INT_MAX, 0) == -1 && errno == ESRCH);
	check("the child is still there to reap", waitpid(child, &status, 0) == child && WEXITSTATUS(status) == 7);
	return test_failures;
}
