/*
 * user/bench/exec.c - `exec [N]`: N times (default 300) fork, execve the small
 * static program /bench/nop in the child, and wait for it to exit: loading an
 * ELF, its first faults and its teardown, on top of fork_exit.
 */
#include "lib/bench.h"
#include "lib/proc.h"

int main(int argc, char *argv[])
{
	long n = bench_arg(argc, argv, 1, 300);
	char *nop_argv[] = { "nop", NULL };
	char *envp[] = { NULL };
	struct bench_sum sum = { 0 };
	struct bench_mark start = bench_mark();

	for (long i = 0; i < n; i++)
		if (run_wait("exec", BENCH_DIR "/nop", nop_argv, envp, 127))
			bench_fail("exec: " BENCH_DIR "/nop did not exit 0");
	bench_add(&sum, &start, n);
	bench_print("exec", &sum);
	return 0;
}
