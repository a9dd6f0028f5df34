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
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>

#define PAGE 4096ul

/* field: the number after "@name" in file @path (a "name value" or "name: value kB" line); -1 if absent. */
static long field(const char *path, const char *name)
{
	char line[160];
	long v = -1;
	size_t n = strlen(name);
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, name, n) == 0 && (line[n] == ' ' || line[n] == ':')) {
			v = strtol(line + n + 1, NULL, 10);
			break;
		}
	fclose(f);
	return v;
}

/* report: one line of what happened up to now. */
static void report(const char *step)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	printf("%-14s VmRSS %7ld kB  VmSwap %7ld kB  majflt %7ld  pswpout %8ld  pswpin %8ld\n", step,
	       field("/proc/self/status", "VmRSS"), field("/proc/self/status", "VmSwap"), ru.ru_majflt,
	       field("/proc/vmstat", "pswpout"), field("/proc/vmstat", "pswpin"));
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
