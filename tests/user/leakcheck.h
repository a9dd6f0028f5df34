/*
 * tests/user/leakcheck.h - did a test give back every frame and swap slot?
 * (header only). The measuring process locks its own memory (mlockall) and
 * runs the work in children; leak_begin and leak_end then read free RAM and
 * free swap, waiting for the numbers to settle (reclaim may be finishing).
 * Our parent, /init, sleeps meanwhile and may have pages swapped out: each
 * moved one page from RAM to swap, which its VmSwap (/proc/1/status) counts,
 * so init's swapped pages are counted as still in RAM.
 */
#ifndef TESTS_USER_LEAKCHECK_H
#define TESTS_USER_LEAKCHECK_H

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/sysinfo.h>
#include <time.h>

struct leak_snapshot {
	uint64_t ram, swap; /* free pages, free swap pages */
};

/* status_kb: the number of kB on the line @key ("VmSwap:") of the status file
 * @path; 0 when unknown. Read with open and read into static storage, never
 * stdio or the stack: a page of heap or stack that appeared between two looks
 * would count as a leak (our memory is locked: mlockall). */
static inline uint64_t status_kb(const char *path, const char *key)
{
	static char text[4096];
	const char *line;
	uint64_t kb = 0;
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return 0;
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	text[n > 0 ? n : 0] = '\0';
	line = strstr(text, key);
	if (line)
		sscanf(line + strlen(key), " %lu kB", &kb);
	return kb;
}

/* leak_settled: free RAM and swap in pages, once two looks 50 ms apart agree.
 * Init's swapped pages count as in RAM (see above), and our own resident
 * pages and page tables as free: this process may grow (its heap, for a
 * stdio stream it opens during the test) without the kernel leaking. */
static inline struct leak_snapshot leak_settled(void)
{
	struct timespec pause = { 0, 50000000 };
	struct leak_snapshot last = { 0, 0 }, now;
	struct sysinfo si;

	for (int i = 0; i < 100; i++) {
		uint64_t moved, own;

		sysinfo(&si);
		moved = status_kb("/proc/1/status", "\nVmSwap:") / 4;
		own = (status_kb("/proc/self/status", "\nVmRSS:") + status_kb("/proc/self/status", "\nVmPTE:")) / 4;
		now.ram = si.freeram * si.mem_unit / 4096 - moved + own;
		now.swap = si.freeswap * si.mem_unit / 4096 + moved;
		if (i && now.ram == last.ram && now.swap == last.swap)
			break;
		last = now;
		nanosleep(&pause, NULL);
	}
	return now;
}

/* leak_begin: lock our own memory, then the starting numbers. */
static inline struct leak_snapshot leak_begin(void)
{
	if (mlockall(MCL_CURRENT | MCL_FUTURE))
		perror("leakcheck: mlockall");
	return leak_settled();
}

/* leak_end: print the leak check line against @start; 1 when something leaked, else 0. */
static inline int leak_end(struct leak_snapshot start)
{
	struct leak_snapshot end = leak_settled();
	int leaked = start.ram != end.ram || start.swap != end.swap;

	printf("leak check: free pages %lu -> %lu, free swap pages %lu -> %lu: %s\n", start.ram, end.ram,
	       start.swap, end.swap, leaked ? "LEAK" : "ok");
	return leaked;
}

#endif
