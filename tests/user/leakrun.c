/*
 * tests/user/leakrun.c - `leakrun PROG [ARGS...]`: run PROG in a child, then
 * print the leak check line of leakcheck.h: every frame and swap slot the
 * program took must be free again once it was reaped. For the boots of
 * tests/boot_tests.py that run a program that checks no leaks itself (the
 * swap demo, the benchmark smoke test). Exit status: PROG's when it is not 0,
 * else 1 when something leaked, else 0.
 * user-test: helper
 */
#include <stdio.h>
#include <unistd.h>

#include "leakcheck.h"
#include "lib/proc.h"

extern char **environ;

int main(int argc, char *argv[])
{
	struct leak_snapshot start;
	int status;

	if (argc < 2) {
		fprintf(stderr, "usage: leakrun PROG [ARGS...]\n");
		return 2;
	}
	start = leak_begin();
	status = exit_code(run_wait("leakrun", argv[1], argv + 1, environ, 127));
	fflush(stdout);
	return leak_end(start) && !status ? 1 : status;
}
