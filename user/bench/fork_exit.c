/*
 * user/bench/fork_exit.c - `fork_exit [N]`: N times (default 1000) fork a
 * child that exits at once, and wait for it: a whole process's life with
 * nothing in it, its faults (the parent's and the child's) included.
 */
#include <sys/wait.h>
#include <unistd.h>

#include "lib/bench.h"

int main(int argc, char *argv[])
{
	long n = bench_arg(argc, argv, 1, 1000);
	struct bench_sum sum = { 0 };
	struct bench_mark start = bench_mark();

	for (long i = 0; i < n; i++) {
		int status;
		pid_t pid = fork();

		if (pid == 0)
			_exit(0);
		if (pid < 0)
			bench_die("fork");
		if (waitpid(pid, &status, 0) != pid || status)
			bench_fail("fork_exit: the child did not exit 0");
	}
	bench_add(&sum, &start, n);
	bench_print("fork_exit", &sum);
	return 0;
}
