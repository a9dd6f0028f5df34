/*
 * tests/user/test.h - helpers for the test programs (header only: each test
 * stays one C file). Tests print facts, never addresses or pids, so that the
 * same binary prints the same on Linux and on our kernel.
 */
#ifndef TESTS_USER_TEST_H
#define TESTS_USER_TEST_H

#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

/* How many check()s said no: a test's exit status. */
static int test_failures __attribute__((unused));

/* check: print "@what: yes" or "@what: no" and count the no's. */
static inline void check(const char *what, int ok)
{
	printf("%s: %s\n", what, ok ? "yes" : "no");
	if (!ok)
		test_failures++;
}

/* sibling: write into @path (PATH_MAX bytes) the path of file @name in the
 * directory of the running program @argv0: the test files sit together, in
 * /tests on our kernel and in build/initrd/tests on Linux. Returns @path. */
static inline char *sibling(char *path, const char *argv0, const char *name)
{
	const char *slash = strrchr(argv0, '/');

	if (!slash)
		snprintf(path, PATH_MAX, "%s", name);
	else
		snprintf(path, PATH_MAX, "%.*s/%s", (int)(slash - argv0), argv0, name);
	return path;
}

/* names_in_order: whether each of the @n @names starts a line of @text,
 * followed by @sep, in this order (other lines may come between: Linux adds
 * lines from version to version and by configuration). The first one missing
 * or out of place is said on stdout, to be seen in the test's diff. */
static inline int names_in_order(const char *text, const char *const names[], int n, char sep)
{
	const char *at = text;

	for (int i = 0; i < n; i++) {
		size_t len = strlen(names[i]);
		const char *line = at;
		while (*line && !(strncmp(line, names[i], len) == 0 && line[len] == sep))
			line = strchr(line, '\n') ? strchr(line, '\n') + 1 : line + strlen(line);
		if (!*line) {
			printf("missing or out of order: %s\n", names[i]);
			return 0;
		}
		at = line;
	}
	return 1;
}

/* all_lines: whether every line of @text (each without its newline, cut to
 * 511 bytes) passes @ok; each one that does not is said on stdout, "bad line:
 * LINE", to be seen in the test's diff. */
static inline int all_lines(const char *text, int (*ok)(const char *line))
{
	char line[512];
	int all = 1;

	for (const char *l = text; *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : l + strlen(l)) {
		snprintf(line, sizeof(line), "%.*s", (int)strcspn(l, "\n"), l);
		if (!ok(line)) {
			printf("bad line: %s\n", line);
			all = 0;
		}
	}
	return all;
}

/* all_zero: whether the @n bytes at @p are zero. */
static inline int all_zero(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return 0;
	return 1;
}

/* touch_in_child: in a child, read (or with @write, write) the byte at @p;
 * print "@what: " and the signal that killed the child, or "no fault". */
static inline void touch_in_child(const char *what, volatile char *p, int write)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		if (write)
			*p = 1;
		_exit(write ? 0 : *p & 0); /* the read happens: @p is volatile */
	}
	waitpid(pid, &status, 0);
	printf("%s: %s\n", what, WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "no fault");
}

/* The page faults libc may add to a measured span of its own (stdio, ...). */
#define FAULT_SLACK 16

/* minflt: the minor page faults of this process so far. */
static inline long minflt(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_minflt;
}

/* faults_about: whether @faults is @k, give or take what libc itself may fault. */
static inline int faults_about(long faults, long k)
{
	return faults >= k && faults <= k + FAULT_SLACK;
}

/* map_anon: @len bytes of read-write anonymous memory, @flags MAP_PRIVATE or
 * MAP_SHARED (and more), in 4 KiB pages also on a Linux with transparent huge
 * pages always on (our kernel refuses the advice); MAP_FAILED on failure. */
static inline void *map_anon(size_t len, int flags)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_ANONYMOUS | flags, -1, 0);

	madvise(p, len, MADV_NOHUGEPAGE);
	return p;
}

#endif
