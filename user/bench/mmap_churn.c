/*
 * user/bench/mmap_churn.c - `mmap_churn [N]`: N times (default 100000) mmap
 * one anonymous page, write it, munmap it: the VMA set's insert and remove,
 * one demand-zero fault, and the frame freed with its TLB entry.
 */
#include <sys/mman.h>

#include "lib/bench.h"

int main(int argc, char *argv[])
{
	long n = bench_arg(argc, argv, 1, 100000);
	struct bench_sum sum = { 0 };
	struct bench_mark start = bench_mark();

	for (long i = 0; i < n; i++) {
		volatile uint8_t *p = bench_map(PAGE);

		p[0] = 1;
		if (munmap((void *)p, PAGE))
			bench_die("munmap");
	}
	bench_add(&sum, &start, n);
	bench_print("mmap_churn", &sum);
	return 0;
}
