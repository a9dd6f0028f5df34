/*
 * tests/user/runner.c - run test programs one after another, framing each
 * one's output for tests/user_tests.py:
 *   === BEGIN NAME
 *   ...what the test printed...
 *   === END NAME status N      (its exit code, or 128 + the signal that killed it)
 * Usage: runner NAME...   (each a program in the runner's own directory, /tests)
 * Booted as init="/tests/runner NAME..." by the harness; also runs on Linux.
 * user-test: helper
 */
#include <stdio.h>

#include "lib/proc.h"
#include "test.h"

extern char **environ;

/* run_test: run the test @name found next to the runner (@argv0); its status. */
static int run_test(const char *argv0, const char *name)
{
	char path[PATH_MAX];
	char *argv[] = { sibling(path, argv0, name), NULL };

	return exit_code(run_wait("runner", path, argv, environ, 127));
}

int main(int argc, char *argv[])
{
	if (argc < 2) {
		fprintf(stderr, "usage: runner TEST...\n");
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		printf("=== BEGIN %s\n", argv[i]);
		int status = run_test(argv[0], argv[i]);
		printf("=== END %s status %d\n", argv[i], status);
		fflush(stdout);
	}
	return 0;
}
