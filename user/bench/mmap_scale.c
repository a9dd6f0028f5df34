/*
 * user/bench/mmap_scale.c - `mmap_scale [N]`: the cost of an mmap and munmap
 * of one page as the address space fills with VMAs. The process first makes
 * 1,000 one-page mappings that cannot merge (read-only and read-write in
 * turn), then N times (default 20000) maps a page and unmaps it: row mmap_1k;
 * then grows to 10,000 and 60,000 VMAs: rows mmap_10k and mmap_60k. Each new
 * page goes below the packed ones, so the kernel's free-area search and its
 * VMA lookups see all of them: a list-walking kernel pays per VMA, a tree
 * per level (mm/vma.c). No page is touched. 60,000 stays under Linux's
 * vm.max_map_count (65530).
 */
#include <sys/mman.h>

#include "lib/bench.h"

/* grow_to: map one-page VMAs, alternating protections, until @count were made. */
static void grow_to(long *made, long count)
{
	for (; *made < count; (*made)++) {
		int prot = *made % 2 ? PROT_READ : PROT_READ | PROT_WRITE;

		if (mmap(NULL, PAGE, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED)
			bench_die("mmap (filling)");
	}
}

/* measure: @n pairs of mmap and munmap of a page; the row @name. */
static void measure(const char *name, long n)
{
	struct bench_sum sum = { 0 };
	struct bench_mark start = bench_mark();

	for (long i = 0; i < n; i++) {
		void *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED)
			bench_die("mmap");
		if (munmap(p, PAGE))
			bench_die("munmap");
	}
	bench_add(&sum, &start, n);
	bench_print(name, &sum);
}

int main(int argc, char *argv[])
{
	static const struct { const char *name; long vmas; } rows[] = {
		{ "mmap_1k", 1000 }, { "mmap_10k", 10000 }, { "mmap_60k", 60000 },
	};
	long n = bench_arg(argc, argv, 1, 20000), made = 0;

	for (unsigned i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		grow_to(&made, rows[i].vmas);
		measure(rows[i].name, n);
	}
	return 0;
}
