/*
 * user/bench/faults.c - `faults [MIB]`: first touches of fresh anonymous
 * memory (default 64 MiB), one access per page:
 *   anon_fault       a write: a demand-zero fault, a frame zeroed and mapped
 *   read_fault_zero  a read: the shared zero page mapped read-only
 */
#include <sys/mman.h>

#include "lib/bench.h"

/* first_touch: time one access per page (a write when @write) of @mib fresh MiB; print row @name. */
static void first_touch(const char *name, size_t mib, int write)
{
	size_t pages = mib * MIB / PAGE;
	volatile uint8_t *mem = bench_map(mib * MIB);
	struct bench_sum sum = { 0 };
	struct bench_mark start = bench_mark();

	if (touch_pages((volatile char *)mem, pages * PAGE, write))
		bench_fail("untouched anonymous memory read non-zero");
	bench_add(&sum, &start, (long)pages);
	bench_print(name, &sum);
	munmap((void *)mem, mib * MIB);
}

int main(int argc, char *argv[])
{
	size_t mib = (size_t)bench_arg(argc, argv, 1, 64);

	first_touch("anon_fault", mib, 1);
	first_touch("read_fault_zero", mib, 0);
	return 0;
}
