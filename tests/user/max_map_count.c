/*
 * tests/user/max_map_count.c - vm.max_map_count bounds the VMAs of a process
 * as Linux does: one-page mappings that cannot merge are made until mmap says
 * ENOMEM; then a split that would add a VMA (mprotect or munmap of the middle
 * of a mapping) is ENOMEM too, while unmapping a whole mapping works, after
 * which one more mmap does. Tens of thousands of mmaps: a kernel whose VMA
 * search walks a list takes quadratic time here (mm/vma.c keeps a tree).
 * Same facts on Linux (whose limit is the same 65530 on Debian; the test
 * reads it and does not change it).
 * user-test: diff
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "test.h"
#include "lib/pages.h"
#include "lib/procfs.h"

int main(void)
{
	char text[64];
	long limit, made = 0;
	void *first_single = NULL;

	check("/proc/sys/vm/max_map_count reads", read_text("/proc/sys/vm/max_map_count", text, sizeof(text)) > 0);
	limit = atol(text);
	check("the limit is Linux's default, 65530", limit == 65530);
	char *three = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	check("a three-page mapping to split later", three != MAP_FAILED);
	for (;;) { /* read-only first: the first must not merge with the read-write three pages above */
		void *p = mmap(NULL, PAGE, made % 2 ? PROT_READ | PROT_WRITE : PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
			       -1, 0);
		if (p == MAP_FAILED)
			break;
		if (!first_single)
			first_single = p;
		made++;
	}
	check("mmap stops with ENOMEM", errno == ENOMEM);
	check("after about the limit of mappings", made > limit - 100 && made <= limit);
	errno = 0;
	check("mprotect of the middle page (two splits) is ENOMEM",
	      mprotect(three + PAGE, PAGE, PROT_READ) == -1 && errno == ENOMEM);
	errno = 0;
	check("munmap of the middle page (one VMA becomes two) is ENOMEM",
	      munmap(three + PAGE, PAGE) == -1 && errno == ENOMEM);
	check("munmap of a whole one-page mapping works", munmap(first_single, PAGE) == 0);
	check("then one more mmap works",
	      mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) != MAP_FAILED);
	check("and the next one is ENOMEM again",
	      mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED && errno == ENOMEM);
	return test_failures;
}
