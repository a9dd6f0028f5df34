/*
 * user/bench/getpid.c - `getpid [N]`: N (default 100000) getpid system calls,
 * the cost of a system call's round trip (musl's getpid is the bare syscall).
 */
#include <unistd.h>

#include "lib/bench.h"

int main(int argc, char *argv[])
{
	long n = bench_arg(argc, argv, 1, 100000);
	struct bench_sum sum = { 0 };
	struct bench_mark start = bench_mark();

	for (long i = 0; i < n; i++)
		getpid();
	bench_add(&sum, &start, n);
	bench_print("getpid", &sum);
	return 0;
}
