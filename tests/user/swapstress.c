/*
 * tests/user/swapstress.c - data survives swapping: `swapstress MODE MIB`
 * makes working sets larger than RAM and checks every byte.
 *   single  one process writes a pattern over MIB, verifies it, writes a
 *           second pattern, verifies that;
 *   multi   four processes do `single` over MIB/4 each, at the same time;
 *   fork    a parent fills MIB, forks; the child rewrites the odd pages, the
 *           parent the even ones, and each verifies its own view: its writes
 *           where it wrote, the common data elsewhere (pages shared
 *           copy-on-write go out to swap and come back for both).
 * The work runs in children, so that afterwards free memory and free swap
 * must be back where they were (leakcheck.h).
 * Prints the counters that prove the mechanism (major faults; from the
 * kernel's /proc/vmstat when it has one). Exit status: 1 when a page came
 * back wrong or something leaked, 2 on a usage error, else 0.
 * Booted by tests/boot_tests.py as init with little RAM and a swap disk.
 * user-test: helper
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "leakcheck.h"
#include "lib/pages.h"

#define WORDS (PAGE / sizeof(uint64_t))

/* word: the value of word @w of page @p in pattern @pat (a cheap mix, no two pages alike). */
static uint64_t word(uint64_t pat, uint64_t p, uint64_t w)
{
	uint64_t x = (pat + 1) * 0x9e3779b97f4a7c15ull ^ (p << 20 | w);

	x ^= x >> 29;
	return x * 0xbf58476d1ce4e5b9ull;
}

/* fill: write pattern @pat over pages [first, n) of @mem in steps of @step. */
static void fill(uint64_t *mem, uint64_t first, uint64_t n, uint64_t step, uint64_t pat)
{
	for (uint64_t p = first; p < n; p += step)
		for (uint64_t w = 0; w < WORDS; w++)
			mem[p * WORDS + w] = word(pat, p, w);
}

/* check: the pages [first, n) in steps of @step hold pattern @pat; the number of bad pages. */
static uint64_t check(const uint64_t *mem, uint64_t first, uint64_t n, uint64_t step, uint64_t pat)
{
	uint64_t bad = 0;

	for (uint64_t p = first; p < n; p += step)
		for (uint64_t w = 0; w < WORDS; w++)
			if (mem[p * WORDS + w] != word(pat, p, w)) {
				if (bad < 3)
					fprintf(stderr, "swapstress: page %lu word %lu: %#lx, expected %#lx\n",
						p, w, mem[p * WORDS + w], word(pat, p, w));
				bad++;
				break;
			}
	return bad;
}

/* area: @pages of fresh private anonymous memory; exits on failure. */
static uint64_t *area(uint64_t pages)
{
	void *p = mmap(NULL, pages * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		perror("swapstress: mmap");
		exit(100);
	}
	return p;
}

/* single: two patterns over @pages, each verified; the bad pages. */
static uint64_t single(uint64_t pages, uint64_t seed)
{
	uint64_t *mem = area(pages), bad = 0;

	for (uint64_t pass = 0; pass < 2; pass++) {
		fill(mem, 0, pages, 1, seed + pass);
		bad += check(mem, 0, pages, 1, seed + pass);
	}
	return bad;
}

/* forked: fill, fork, each side rewrites half and checks its whole view; the bad pages. */
static uint64_t forked(uint64_t pages)
{
	uint64_t *mem = area(pages), bad;
	int status;
	pid_t pid;

	fill(mem, 0, pages, 1, 7);
	pid = fork();
	if (pid == 0) {
		fill(mem, 1, pages, 2, 8);
		bad = check(mem, 1, pages, 2, 8) + check(mem, 0, pages, 2, 7);
		_exit(bad > 100 ? 100 : (int)bad);
	}
	fill(mem, 0, pages, 2, 9);
	bad = check(mem, 0, pages, 2, 9) + check(mem, 1, pages, 2, 7);
	waitpid(pid, &status, 0);
	return bad + (WIFEXITED(status) ? (uint64_t)WEXITSTATUS(status) : 100);
}

/* run: do @mode over @mib MiB in children; the bad pages they found. */
static uint64_t run(const char *mode, uint64_t mib)
{
	int nproc = strcmp(mode, "multi") == 0 ? 4 : 1, status;
	uint64_t pages = mib * 256 / (uint64_t)nproc, bad = 0;

	for (int i = 0; i < nproc; i++)
		if (fork() == 0) {
			munlockall();
			bad = strcmp(mode, "fork") == 0 ? forked(pages) : single(pages, (uint64_t)i * 2);
			_exit(bad > 100 ? 100 : (int)bad);
		}
	for (int i = 0; i < nproc; i++) {
		wait(&status);
		bad += WIFEXITED(status) ? (uint64_t)WEXITSTATUS(status) : 100;
	}
	return bad;
}

/* vmstat: print the lines of /proc/vmstat that count swapping and reclaim, if there is one. */
static void vmstat(void)
{
	static const char *const keep[] = { "pswpin ", "pswpout ", "pgmajfault ", "pgsteal_kswapd ",
					    "pgsteal_direct ", "oom_kill ", "swap_ra ", "swap_ra_hit " };
	char line[128];
	FILE *f = fopen("/proc/vmstat", "r");

	if (!f)
		return;
	while (fgets(line, sizeof(line), f))
		for (size_t i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
			if (strncmp(line, keep[i], strlen(keep[i])) == 0)
				printf("vmstat %s", line);
	fclose(f);
}

int main(int argc, char *argv[])
{
	struct leak_snapshot start;
	struct rusage ru;
	uint64_t bad;
	int leaked;

	if (argc != 3 || (strcmp(argv[1], "single") && strcmp(argv[1], "multi") && strcmp(argv[1], "fork"))) {
		fprintf(stderr, "usage: swapstress single|multi|fork MIB\n");
		return 2;
	}
	start = leak_begin();
	bad = run(argv[1], strtoul(argv[2], NULL, 0));
	getrusage(RUSAGE_CHILDREN, &ru);
	printf("swapstress %s %s MiB: %lu bad pages, %ld major faults\n", argv[1], argv[2], bad, ru.ru_majflt);
	leaked = leak_end(start);
	vmstat();
	return bad || leaked; /* not their sum: an exit status keeps only 8 bits */
}
