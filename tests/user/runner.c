/*
 * tests/user/runner.c - run test programs one after another, framing each
 * one's output for tests/user_tests.py:
 *   === BEGIN NAME
 *   ...what the test printed...
 *   === END NAME status N      (its exit code, or 128 + the signal that killed it)
 *   === FREE NAME BEFORE AFTER (free pages before the test, and after it and
 *                               every process it left behind were reaped)
 * The FREE line is outside the frame, so not compared with Linux: there free
 * memory drifts, but on our kernel (sysinfo's freeram is its free frame count)
 * every page a test used must be free again: AFTER == BEFORE, no leak.
 * Usage: runner NAME...   (each a program in the runner's own directory, /tests)
 * Booted as init="/tests/runner NAME..." by the harness; also runs on Linux.
 * user-test: helper
 */
#include <errno.h>
#include <stdio.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>

#include "lib/proc.h"
#include "test.h"

extern char **environ;

/* free_pages: the free memory sysinfo(2) reports, in 4 KiB pages. */
static unsigned long free_pages(void)
{
	struct sysinfo si = { 0 };

	sysinfo(&si); /* cannot fail with a valid pointer; 0 pages would fail the check */
	return si.freeram * si.mem_unit / 4096;
}

/* reap_all: wait for every child left: the test's orphans, adopted by us as init (pid 1). */
static void reap_all(void)
{
	while (wait4(-1, NULL, 0, NULL) > 0 || errno == EINTR)
		;
}

/* run_test: run the test @name found next to the runner (@argv0) and reap all it left;
 * its status. */
static int run_test(const char *argv0, const char *name)
{
	char path[PATH_MAX];
	char *argv[] = { sibling(path, argv0, name), NULL };
	int status = exit_code(run_wait("runner", path, argv, environ, 127));

	reap_all();
	return status;
}

int main(int argc, char *argv[])
{
	if (argc < 2) {
		fprintf(stderr, "usage: runner TEST...\n");
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		printf("=== BEGIN %s\n", argv[i]);
		/* No allocation of ours between the two measurements: stdout's buffer is static. */
		unsigned long before = free_pages();
		int status = run_test(argv[0], argv[i]);
		unsigned long after = free_pages();
		printf("=== END %s status %d\n", argv[i], status);
		printf("=== FREE %s %lu %lu\n", argv[i], before, after);
		fflush(stdout);
	}
	return 0;
}
