/*
 * user/bench/swap_thrash.c - `swap_thrash MIB [PASSES]`: a working set of MIB
 * (make it twice the RAM) written once, then PASSES (default 2) sequential
 * passes that check and rewrite a word in every page: with the swap disk, most
 * pages must come back from it each pass (major faults) and others go out.
 *   swap_fill    the first write to each page (demand-zero faults, evictions)
 *   swap_thrash  the passes over it, per page touched
 * Needs active swap (exits 1 without); a page that comes back wrong exits 1.
 */
#include <stdio.h>
#include <sys/sysinfo.h>

#include "lib/bench.h"

/* pass: check that every page of @mem holds @pass - 1 (the fill is pass 0), write @pass. */
static void pass(volatile uint64_t *mem, size_t pages, uint64_t pass)
{
	size_t words_per_page = PAGE / sizeof(*mem);

	for (size_t i = 0; i < pages; i++) {
		volatile uint64_t *w = mem + i * words_per_page;

		if (pass && *w != (i << 16 | (pass - 1))) {
			fprintf(stderr, "swap_thrash: page %zu holds %#llx on pass %llu\n", i,
				(unsigned long long)*w, (unsigned long long)pass);
			bench_fail("swap_thrash: a page came back wrong");
		}
		*w = i << 16 | pass;
	}
}

int main(int argc, char *argv[])
{
	size_t pages = (size_t)bench_arg(argc, argv, 1, 320) * MIB / PAGE;
	long passes = bench_arg(argc, argv, 2, 2);
	struct bench_sum fill = { 0 }, thrash = { 0 };
	struct bench_mark start;
	struct sysinfo si;
	volatile uint64_t *mem;

	if (sysinfo(&si) || si.totalswap == 0)
		bench_fail("swap_thrash: no swap is active");
	mem = (volatile uint64_t *)bench_map(pages * PAGE);
	start = bench_mark();
	pass(mem, pages, 0);
	bench_add(&fill, &start, (long)pages);
	start = bench_mark();
	for (long p = 1; p <= passes; p++)
		pass(mem, pages, (uint64_t)p);
	bench_add(&thrash, &start, (long)(pages * (size_t)passes));
	bench_print("swap_fill", &fill);
	bench_print("swap_thrash", &thrash);
	return 0;
}
