/*
 * tests/user/fpu.c - floating-point registers belong to each process: parent
 * and child compute at the same time (SSE doubles and x87 long doubles),
 * yielding the CPU every thousand steps so that the kernel switches between
 * them mid-computation; both results must come out exact.
 * user-test: diff
 */
#include <sched.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"

/* compute: a long chain of dependent floating-point operations from @seed; prints the result. */
static void compute(const char *who, double seed, pid_t wait_first)
{
	double x = seed;
	long double y = seed;

	for (int i = 1; i <= 200000; i++) {
		x = x * 0.999999 + 1.0 / i;
		y = y * 0.999999L + 1.0L / i;
		if (i % 1000 == 0)
			sched_yield();
	}
	if (wait_first) /* print in a fixed order: the child's line first */
		waitpid(wait_first, NULL, 0);
	printf("%s: %.17g %.21Lg\n", who, x, y);
}

int main(void)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		compute("child", 1.0, 0);
		exit(0);
	}
	compute("parent", 2.0, pid);
	return 0;
}
