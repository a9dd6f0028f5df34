/*
 * user/faultcost.c - what one page fault costs, seen from user space:
 * `faultcost [PAGES]` times a first write to each page of fresh anonymous
 * memory (demand-zero faults), a first read (zero-page faults), demand-zero
 * faults again on frames the first run freed (under QEMU TCG the first write
 * to a guest frame never written before costs the emulator a lot: that run
 * shows the fault itself), and, after a
 * fork, the child's first write to each page the parent filled (copy-on-write
 * faults), then the same writes again (no fault: the baseline), and a
 * user-mode memset of each page (zeroing a page with no kernel involved:
 * compare it with a demand-zero fault). One line each,
 * in the benchmark format:
 *   BENCH name=anon_fault ops=4096 ns_per_op=2500 minflt=4096 majflt=0
 * Runs the same on Linux, for comparison. PAGES defaults to 4096 (16 MiB).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lib/pages.h"

/* now_ns: CLOCK_MONOTONIC in nanoseconds. */
static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* faults: this process's minor and major fault counts so far. */
static void faults(long *minflt, long *majflt)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	*minflt = ru.ru_minflt;
	*majflt = ru.ru_majflt;
}

/* fresh: @pages of new private anonymous memory; exits on failure. */
static volatile char *fresh(size_t pages)
{
	void *p = mmap(NULL, pages * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		perror("faultcost: mmap");
		exit(1);
	}
	return p;
}

/* touch: one access per page of @mem (a write when @write), timed; prints the BENCH line. */
static void touch(const char *name, volatile char *mem, size_t pages, int write)
{
	long min0, maj0, min1, maj1;
	uint64_t t0, t1;

	faults(&min0, &maj0);
	t0 = now_ns();
	unsigned sum = touch_pages(mem, pages * PAGE, write);
	t1 = now_ns();
	faults(&min1, &maj1);
	printf("BENCH name=%s ops=%zu ns_per_op=%lu minflt=%ld majflt=%ld%s\n", name, pages,
	       (unsigned long)((t1 - t0) / pages), min1 - min0, maj1 - maj0, sum ? " (read non-zero!)" : "");
}

/* clear: memset each page of @mem (already present), timed; prints the BENCH line. */
static void clear(const char *name, volatile char *mem, size_t pages)
{
	uint64_t t0 = now_ns();

	for (size_t i = 0; i < pages; i++)
		memset((void *)(mem + i * PAGE), 0, PAGE);
	printf("BENCH name=%s ops=%zu ns_per_op=%lu\n", name, pages, (unsigned long)((now_ns() - t0) / pages));
}

int main(int argc, char *argv[])
{
	size_t pages = argc > 1 ? strtoul(argv[1], NULL, 0) : 4096;
	volatile char *mem;
	int status;

	if (!pages) {
		fprintf(stderr, "usage: faultcost [PAGES]\n");
		return 2;
	}
	mem = fresh(pages);
	touch("anon_fault", mem, pages, 1);
	munmap((void *)mem, pages * PAGE);
	touch("read_fault_zero", fresh(pages), pages, 0);
	mem = fresh(pages);
	touch("anon_fault_recycled", mem, pages, 1);
	touch("write_no_fault", mem, pages, 1);
	clear("memset_page", mem, pages);
	fflush(stdout);
	if (fork() == 0) {
		touch("cow_fault", mem, pages, 1);
		touch("cow_write_no_fault", mem, pages, 1);
		fflush(stdout);
		_exit(0);
	}
	wait(&status);
	touch("cow_reuse", mem, pages, 1); /* the child is gone: the parent is the last sharer */
	return 0;
}
