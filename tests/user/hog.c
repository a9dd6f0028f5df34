/*
 * tests/user/hog.c - a memory hog for the OOM tests: `hog MIB [ADJ]` sets its
 * oom_score_adj to ADJ (if given, through /proc/self/oom_score_adj), then
 * touches MIB MiB of fresh memory one page at a time (0: without end), and
 * exits 0 if it got all of it. The OOM killer is expected to stop it first,
 * unless ADJ protects it.
 * user-test: helper
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "oom_adj.h"

#define CHUNK (1ul << 20)

int main(int argc, char *argv[])
{
	unsigned long mib = argc > 1 ? strtoul(argv[1], NULL, 0) : 0;

	if (argc > 2 && set_oom_score_adj(atoi(argv[2])))
		return 2;
	for (unsigned long i = 0; !mib || i < mib; i++) {
		volatile char *p = mmap(NULL, CHUNK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED) {
			perror("hog: mmap");
			return 1;
		}
		for (unsigned long off = 0; off < CHUNK; off += 4096)
			p[off] = (char)i;
	}
	return 0;
}
