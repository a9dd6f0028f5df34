/*
 * tests/user/lazy.c - memory costs nothing until it is touched, proved by
 * getrusage's ru_minflt: writing k pages of a 64 MiB anonymous mapping costs
 * about k minor faults (not 16384), a second write none; reading k untouched
 * pages costs about k faults too (the shared zero page) and reads zero, and
 * writing them afterwards about k more (the zero page is copied); a 64 MiB
 * brk increment is as lazy; 4 GiB of MAP_NORESERVE touched in five places
 * costs five faults, and the ru_maxrss of the child that did it stays small
 * (a kernel that never counts ru_maxrss passes that too: proc_values.c
 * checks on our kernel that a child's peak is counted).
 * "About k": at least k, and at most FAULT_SLACK more for libc's own faults.
 * user-test: diff
 */
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"
#include "lib/pages.h"

#define BIG     (64ul << 20)
#define TOUCHED 100
#define STRIDE  (BIG / TOUCHED / PAGE * PAGE) /* TOUCHED pages spread over BIG */
#define SPARSE  (4ul << 30)

/* write_pages: write one byte to each of the TOUCHED pages of @p; the faults it cost. */
static long write_pages(volatile char *p)
{
	long before = minflt();

	for (size_t i = 0; i < TOUCHED; i++)
		p[i * STRIDE] = 1;
	return minflt() - before;
}

/* read_pages: read one byte of each of the TOUCHED pages of @p into @sum; the faults it cost. */
static long read_pages(const volatile char *p, long *sum)
{
	long before = minflt();

	*sum = 0;
	for (size_t i = 0; i < TOUCHED; i++)
		*sum += p[i * STRIDE];
	return minflt() - before;
}

/* anonymous: writes, then reads, each page faulting once at first. */
static void anonymous(void)
{
	char *p = map_anon(BIG, MAP_PRIVATE);
	long sum;

	check("64 MiB mapping", p != MAP_FAILED);
	check("writing 100 of its pages costs about 100 faults", faults_about(write_pages(p), TOUCHED));
	check("writing them again costs none", faults_about(write_pages(p), 0));
	check("reading 100 untouched pages costs about 100 faults", faults_about(read_pages(p + PAGE, &sum), TOUCHED));
	check("and they read zero", sum == 0);
	check("reading them again costs none", faults_about(read_pages(p + PAGE, &sum), 0));
	check("writing them then costs about 100 faults", faults_about(write_pages(p + PAGE), TOUCHED));
	munmap(p, BIG);
}

/* heap: a 64 MiB brk increment, of which 100 pages are written (raw brk: musl's sbrk refuses to move the break). */
static void heap(void)
{
	char *start = (char *)syscall(SYS_brk, 0);

	check("brk grows by 64 MiB", (char *)syscall(SYS_brk, start + BIG) == start + BIG);
	madvise(start, BIG, MADV_NOHUGEPAGE);
	check("writing 100 of its pages costs about 100 faults", faults_about(write_pages(start), TOUCHED));
	check("brk shrinks back", (char *)syscall(SYS_brk, start) == start);
}

/* sparse: in a child, 4 GiB of MAP_NORESERVE memory written at five places;
 * the child's peak resident set, as the parent sees it after wait. */
static void sparse(void)
{
	struct rusage ru;
	int status;

	if (fork() == 0) {
		char *p = map_anon(SPARSE, MAP_PRIVATE | MAP_NORESERVE);
		long before = minflt();

		check("4 GiB MAP_NORESERVE mapping", p != MAP_FAILED);
		for (size_t gib = 0; gib < 4; gib++)
			p[gib << 30] = 1;
		p[SPARSE - 1] = 1;
		check("writing 5 places of it costs about 5 faults", faults_about(minflt() - before, 5));
		_exit(test_failures);
	}
	wait(&status);
	test_failures += WEXITSTATUS(status);
	getrusage(RUSAGE_CHILDREN, &ru);
	check("the child's peak resident set stayed under 16 MiB", ru.ru_maxrss < 16 * 1024);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0); /* the child must not flush the parent's buffer */
	anonymous();
	heap();
	sparse();
	return test_failures;
}
