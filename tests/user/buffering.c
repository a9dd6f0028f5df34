/*
 * tests/user/buffering.c - musl's stdout starts line buffered and, at its
 * first write, asks TIOCGWINSZ whether it is a terminal: not (a pipe on Linux;
 * our console, which answers ENOTTY), it stays fully buffered from then on.
 * So the first line comes out at once, later ones only at exit, overtaken by
 * stderr (unbuffered); and a fork copies the unflushed lines, which exit() in
 * the child prints again and _exit() does not.
 * user-test: diff
 */
#include <errno.h>
#include <sys/ioctl.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"

int main(void)
{
	struct winsize ws;

	check("stdout: TIOCGWINSZ fails with ENOTTY",
	      ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == -1 && errno == ENOTTY);
	printf("stdout: buffered from here on\n");
	fprintf(stderr, "stderr: out before the line above\n");
	printf("stdout: pending when fork copies the process\n");
	if (fork() == 0)
		exit(0); /* exit() flushes this child's copy of the buffer: the line comes out twice */
	wait(NULL);
	if (fork() == 0) {
		printf("never seen: _exit() does not flush\n");
		_exit(0);
	}
	wait(NULL);
	printf("stdout: the end\n");
	return test_failures;
}
