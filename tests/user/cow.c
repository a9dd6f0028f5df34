/*
 * tests/user/cow.c - fork copies private memory on write: parent and child
 * each write 16 MiB with their own pattern while the other's copy keeps its
 * own; a grandchild's copy is independent of both; eight children writing the
 * same pages each see only their own writes; a child's writes to pages the
 * parent had written, only read (the zero page) or never touched leave the
 * parent's pages as they were, as do its writes to .data and .bss pages the
 * program had not yet touched (loaded lazily); after the children are gone
 * the parent's first write to each page still faults once (the page was
 * write-protected for sharing, and is now reused); a child's brk, madvise,
 * mprotect and munmap change its own address space only. MAP_SHARED memory
 * stays shared with children and grandchildren, also its pages nobody
 * touched before the fork.
 * Children report by exit status (the number of their failed checks); they
 * wait for each other through a flag in MAP_SHARED memory.
 * user-test: diff
 */
#include <sched.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "test.h"
#include "lib/pages.h"

#define BIG      (16ul << 20)
#define MEDIUM   (4ul << 20)
#define SMALL    (1ul << 20)
#define CHILDREN 8
#define WAIT_NS  10000000000ll /* give up waiting for another process after 10 s */

/* word: word @i of pattern @seed; two patterns differ in every word. */
static uint64_t word(size_t i, uint64_t seed)
{
	return (i + 1) * 0x9e3779b97f4a7c15ull ^ seed * 0xc2b2ae3d27d4eb4full;
}

/* fill: write pattern @seed over the @len bytes at @p. */
static void fill(uint64_t *p, size_t len, uint64_t seed)
{
	for (size_t i = 0; i < len / 8; i++)
		p[i] = word(i, seed);
}

/* holds: whether the @len bytes at @p hold pattern @seed. */
static int holds(const uint64_t *p, size_t len, uint64_t seed)
{
	for (size_t i = 0; i < len / 8; i++)
		if (p[i] != word(i, seed))
			return 0;
	return 1;
}

/* now_ns: the monotonic clock in nanoseconds. */
static long long now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000ll + t.tv_nsec;
}

/* await: yield until the shared counter @flag reaches @n; whether it did within WAIT_NS. */
static int await(int *flag, int n)
{
	long long deadline = now_ns() + WAIT_NS;

	while (__atomic_load_n(flag, __ATOMIC_ACQUIRE) < n) {
		if (now_ns() > deadline)
			return 0;
		sched_yield();
	}
	return 1;
}

/* post: add one to the shared counter @flag. */
static void post(int *flag)
{
	__atomic_add_fetch(flag, 1, __ATOMIC_RELEASE);
}

/* child: fork; the child starts with no failures of its own (it exits with their number). */
static pid_t child(void)
{
	pid_t pid = fork();

	if (pid == 0)
		test_failures = 0;
	return pid;
}

/* reap: wait for @pid; its failed checks (killed by a signal: one, and the signal is printed). */
static int reap(pid_t pid)
{
	int status;

	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status)) {
		printf("child killed by %s\n", strsignal(WTERMSIG(status)));
		return 1;
	}
	return WEXITSTATUS(status);
}

/* pair: parent and child both write 16 MiB, then both check their copy
 * (@flags: [0] the child has written, [1] the parent has seen it and written). */
static void pair(int *flags)
{
	uint64_t *p = map_anon(BIG, MAP_PRIVATE);
	pid_t pid;

	fill(p, BIG, 0);
	pid = child();
	if (pid == 0) {
		check("the child sees the parent's 16 MiB", holds(p, BIG, 0));
		fill(p, BIG, 1);
		post(&flags[0]);
		check("the parent wrote its copy meanwhile", await(&flags[1], 1));
		check("the child's copy holds the child's pattern", holds(p, BIG, 1));
		_exit(test_failures);
	}
	fill(p, BIG, 2);
	check("the child wrote its copy meanwhile", await(&flags[0], 1));
	post(&flags[1]);
	test_failures += reap(pid);
	check("the parent's copy holds the parent's pattern", holds(p, BIG, 2));
	munmap(p, BIG);
}

/* nested: a child and its child share the parent's 4 MiB, then each writes its own;
 * at last the parent's own first writes fault once per page. */
static void nested(void)
{
	uint64_t *p = map_anon(MEDIUM, MAP_PRIVATE);
	pid_t pid;
	long faults;

	fill(p, MEDIUM, 0);
	pid = child();
	if (pid == 0) {
		pid_t grandchild = child();

		if (grandchild == 0) {
			check("the grandchild sees the parent's data", holds(p, MEDIUM, 0));
			fill(p, MEDIUM, 2);
			check("the grandchild sees its own writes", holds(p, MEDIUM, 2));
			_exit(test_failures);
		}
		test_failures += reap(grandchild);
		check("the child's copy is untouched by the grandchild", holds(p, MEDIUM, 0));
		fill(p, MEDIUM, 1);
		check("the child sees its own writes", holds(p, MEDIUM, 1));
		_exit(test_failures);
	}
	test_failures += reap(pid);
	check("the parent's copy is untouched by both", holds(p, MEDIUM, 0));
	faults = minflt();
	fill(p, MEDIUM, 3);
	faults = minflt() - faults;
	check("writing its 1024 pages now costs about 1024 faults", faults_about(faults, 1024));
	check("and the parent sees its writes", holds(p, MEDIUM, 3));
	munmap(p, MEDIUM);
}

/* many: CHILDREN children write the same 1 MiB, each its own pattern; each checks
 * its copy once all have written (@flags: [0] children done, [1] go). */
static void many(int *flags)
{
	uint64_t *p = map_anon(SMALL, MAP_PRIVATE);
	pid_t pids[CHILDREN];
	char what[64];

	fill(p, SMALL, 0);
	for (int i = 0; i < CHILDREN; i++) {
		pids[i] = child();
		if (pids[i] == 0) {
			fill(p, SMALL, i + 1);
			post(&flags[0]);
			_exit(!await(&flags[1], 1) + !holds(p, SMALL, i + 1));
		}
	}
	check("all the children wrote", await(&flags[0], CHILDREN));
	post(&flags[1]);
	for (int i = 0; i < CHILDREN; i++) {
		snprintf(what, sizeof(what), "child %d sees only its own writes", i + 1);
		check(what, reap(pids[i]) == 0);
	}
	check("the parent's copy is unchanged", holds(p, SMALL, 0));
	munmap(p, SMALL);
}

/* page_states: a child writes pages the parent had written, only read, or never touched. */
static void page_states(void)
{
	char *p = map_anon(3 * PAGE, MAP_PRIVATE);
	volatile char *written = p, *read = p + PAGE, *untouched = p + 2 * PAGE;
	pid_t pid;

	*written = 'p';
	(void)*read;
	pid = child();
	if (pid == 0) {
		check("the child sees the written page", *written == 'p');
		check("the read and the untouched page read zero", *read == 0 && *untouched == 0);
		*written = *read = *untouched = 'c';
		check("the child sees its writes", *written == 'c' && *read == 'c' && *untouched == 'c');
		_exit(test_failures);
	}
	test_failures += reap(pid);
	check("the parent's written page is unchanged", *written == 'p');
	check("its read and untouched pages still read zero", *read == 0 && *untouched == 0);
	munmap(p, 3 * PAGE);
}

/* program_data: pages of the program's .data and .bss nobody touched before
 * the fork (loaded lazily) are copied on write like anonymous ones. */
static void program_data(void)
{
	static int data[2048] = { [1500] = 7 }; /* 8 KiB: [1500] is on a page of its own */
	static int bss[2048];
	pid_t pid = child();

	if (pid == 0) {
		check("the child reads .data and .bss as loaded", data[1500] == 7 && bss[1500] == 0);
		data[1500] = 9;
		bss[1500] = 9;
		_exit(test_failures);
	}
	test_failures += reap(pid);
	check("the parent's .data and .bss are unchanged", data[1500] == 7 && bss[1500] == 0);
}

/* child_changes: what a child does to its address space (brk, MADV_DONTNEED,
 * mprotect, munmap) leaves the parent's alone. */
static void child_changes(void)
{
	char *p = map_anon(3 * PAGE, MAP_PRIVATE);
	char *heap = (char *)syscall(SYS_brk, 0);
	pid_t pid;

	p[0] = p[PAGE] = p[2 * PAGE] = 'x';
	mprotect(p + PAGE, PAGE, PROT_NONE);
	pid = child();
	if (pid == 0) {
		check("the child grows its break", (char *)syscall(SYS_brk, heap + PAGE) == heap + PAGE);
		*heap = 'c';
		check("MADV_DONTNEED empties the child's copy", !madvise(p, PAGE, MADV_DONTNEED) && p[0] == 0);
		check("the child finds the PROT_NONE page's data",
		      !mprotect(p + PAGE, PAGE, PROT_READ | PROT_WRITE) && p[PAGE] == 'x');
		p[PAGE] = 'c';
		check("the child unmaps a page", munmap(p + 2 * PAGE, PAGE) == 0);
		_exit(test_failures);
	}
	test_failures += reap(pid);
	check("the parent's break is unchanged", (char *)syscall(SYS_brk, 0) == heap);
	check("its copy of the page the child emptied keeps its data", p[0] == 'x');
	check("its PROT_NONE page kept its data",
	      !mprotect(p + PAGE, PAGE, PROT_READ | PROT_WRITE) && p[PAGE] == 'x');
	check("its copy of the page the child unmapped is there", p[2 * PAGE] == 'x');
	munmap(p, 3 * PAGE);
}

/* shared: MAP_SHARED pages, written or untouched before fork, are shared with a child and its child. */
static void shared(void)
{
	volatile char *s = map_anon(3 * PAGE, MAP_SHARED);
	pid_t pid;

	s[0] = 'p';
	pid = child();
	if (pid == 0) {
		pid_t grandchild = child();

		if (grandchild == 0) {
			check("the grandchild sees the parent's write", s[0] == 'p');
			s[0] = 'g';
			s[PAGE] = 'g';
			_exit(test_failures);
		}
		test_failures += reap(grandchild);
		check("the child sees the grandchild's write", s[0] == 'g');
		check("also to a page untouched before the fork", s[PAGE] == 'g');
		s[2 * PAGE] = 'c';
		_exit(test_failures);
	}
	test_failures += reap(pid);
	check("the parent sees the grandchild's write", s[0] == 'g');
	check("also to a page untouched before the fork", s[PAGE] == 'g');
	check("and the child's to another such page", s[2 * PAGE] == 'c');
	munmap((void *)s, 3 * PAGE);
}

int main(void)
{
	int *flags = map_anon(PAGE, MAP_SHARED);

	setvbuf(stdout, NULL, _IONBF, 0); /* children must not flush the parent's buffer */
	flags[0] = flags[1] = 0; /* written before the first fork, so the flags do not rely on what shared() checks */
	pair(flags);
	flags[2] = flags[3] = 0;
	many(flags + 2);
	nested();
	page_states();
	program_data();
	child_changes();
	shared();
	return test_failures;
}
