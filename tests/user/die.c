/*
 * tests/user/die.c - `die SIG`: send itself signal SIG (a number), for the
 * shell test's "Killed" / "Segmentation fault" / "Interrupt" reports.
 * user-test: helper
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	if (argc != 2) {
		fprintf(stderr, "usage: die SIGNAL-NUMBER\n");
		return 2;
	}
	kill(getpid(), atoi(argv[1]));
	printf("die: still alive after signal %s\n", argv[1]);
	return 1;
}
