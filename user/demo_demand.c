/*
 * user/demo_demand.c - demand paging, made visible. mmap reserves address
 * space and nothing else; each page gets a frame at its first write, one
 * minor fault each; a page only read gets the shared zero page, which is
 * counted nowhere; munmap gives the frames back. Watch VmSize and VmRSS
 * (/proc/self/status) and the minor faults (getrusage) move:
 *
 *   $ demo_demand
 *   mmap 9 MiB             VmSize  +9216 kB  VmRSS     +0 kB  minflt     +0  majflt +0
 *   write MiB 1            VmSize     +0 kB  VmRSS  +1024 kB  minflt   +256  majflt +0
 *   ...
 * Also runs on Linux (transparent huge pages asked off, so pages stay 4 KiB).
 */
#include <stdio.h>
#include <sys/mman.h>

#include "lib/pages.h"
#include "lib/procfs.h"

#define MAPPED_MIB 8

static struct mem_usage before;

/* report: the change since the last report, as one line named @what. */
static void report(const char *what)
{
	struct mem_usage now;

	mem_usage_now(&now);
	printf("%-22s VmSize %+6lld kB  VmRSS %+6lld kB  minflt %+6ld  majflt %+ld\n", what,
	       now.vm_size - before.vm_size, now.vm_rss - before.vm_rss, now.minflt - before.minflt,
	       now.majflt - before.majflt);
	fflush(stdout);
	mem_usage_now(&before); /* after printing: the next line counts only what is measured */
}

int main(void)
{
	char what[32];

	printf("demand paging: %d MiB mapped, %d written 1 MiB (256 pages) at a time, 1 read\n",
	       MAPPED_MIB + 1, MAPPED_MIB);
	mem_usage_now(&before);
	mem_usage_now(&before); /* the first call faulted its own buffers in */
	char *map = mmap(NULL, (MAPPED_MIB + 1) * MIB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	madvise(map, (MAPPED_MIB + 1) * MIB, MADV_NOHUGEPAGE_LINUX);
	report("mmap 9 MiB");
	for (int i = 0; i < MAPPED_MIB; i++) {
		touch_pages(map + i * MIB, MIB, 1);
		snprintf(what, sizeof(what), "write MiB %d", i + 1);
		report(what);
	}
	unsigned zeros = touch_pages(map + MAPPED_MIB * MIB, MIB, 0);
	report(zeros ? "read MiB 9 (not zero?)" : "read MiB 9 (zero page)");
	touch_pages(map, MIB, 1);
	report("write MiB 1 again");
	munmap(map, (MAPPED_MIB + 1) * MIB);
	report("munmap");
	printf("each first write: one minor fault and one new frame; reads of untouched memory: a fault, no frame\n");
	return 0;
}
