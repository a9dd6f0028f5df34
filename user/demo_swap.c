/*
 * user/demo_swap.c - watch pages go out to swap and come back:
 * `demo_swap [MIB [PASSES]]` (default: twice the RAM, 3 passes) writes MIB of
 * memory once, then reads it back in passes, printing after each step what
 * the kernel did: this process's resident and swapped-out memory (VmRSS,
 * VmSwap from /proc/self/status), its major faults (each one a page read back
 * from the disk), and the system's pages swapped out and in (pswpout, pswpin
 * from /proc/vmstat). The data is checked on every pass. On Linux too.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>

#include "lib/pages.h"
#include "lib/procfs.h"

/* report: one line of what happened up to now. */
static void report(const char *step)
{
	static char status[4096], vmstat[16384];
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	read_text("/proc/self/status", status, sizeof(status));
	read_text("/proc/vmstat", vmstat, sizeof(vmstat));
	printf("%-14s VmRSS %7lld kB  VmSwap %7lld kB  majflt %7ld  pswpout %8lld  pswpin %8lld\n", step,
	       line_value(status, "VmRSS:"), line_value(status, "VmSwap:"), ru.ru_majflt,
	       line_value(vmstat, "pswpout "), line_value(vmstat, "pswpin "));
	fflush(stdout);
}

int main(int argc, char *argv[])
{
	struct sysinfo si;
	uint64_t mib, pages, bad = 0;
	int passes = argc > 2 ? atoi(argv[2]) : 3;
	uint64_t *mem;

	sysinfo(&si);
	mib = argc > 1 ? strtoul(argv[1], NULL, 0) : 2 * si.totalram * si.mem_unit >> 20;
	pages = mib * 256;
	printf("demo_swap: %lu MiB of memory, %lu MiB of RAM, %lu MiB of swap\n", mib,
	       (uint64_t)si.totalram * si.mem_unit >> 20, (uint64_t)si.totalswap * si.mem_unit >> 20);
	if (!si.totalswap)
		printf("demo_swap: no swap: expect the OOM killer (make run SWAP=256M attaches a disk)\n");
	mem = mmap(NULL, pages * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED) {
		perror("demo_swap: mmap");
		return 1;
	}
	report("start");
	for (uint64_t p = 0; p < pages; p++)
		mem[p * (PAGE / 8)] = p;
	report("written");
	for (int pass = 1; pass <= passes; pass++) {
		char step[32];

		for (uint64_t p = 0; p < pages; p++)
			bad += mem[p * (PAGE / 8)] != p;
		snprintf(step, sizeof(step), "read pass %d", pass);
		report(step);
	}
	printf("demo_swap: %lu pages read back wrong\n", bad);
	return bad != 0;
}
