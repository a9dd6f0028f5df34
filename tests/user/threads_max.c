/*
 * tests/user/threads_max.c - /proc/sys/kernel/threads-max bounds how many
 * processes exist at once (zombies included): with it lowered to 20 (Linux's
 * MIN_THREADS), forks succeed until 20 processes exist and the next fails with
 * EAGAIN; values below 20 are refused with EINVAL. The old value is
 * put back. Our kernel only: on Linux the test would change the host's limit.
 * user-test: qemu
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"

#define KNOB "/proc/sys/kernel/threads-max"

/* read_knob: threads-max now, or -1. */
static long read_knob(void)
{
	char buf[32] = "";
	int fd = open(KNOB, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

	if (fd >= 0)
		close(fd);
	return n > 0 ? strtol(buf, NULL, 10) : -1;
}

/* write_knob: write @v; 0, or the errno of the write. */
static int write_knob(long v)
{
	char buf[32];
	int fd = open(KNOB, O_WRONLY), len = snprintf(buf, sizeof(buf), "%ld\n", v);
	int err = fd < 0 ? errno : write(fd, buf, (size_t)len) == len ? 0 : errno;

	if (fd >= 0)
		close(fd);
	return err;
}

/* processes: how many exist, from /proc/loadavg's "running/total". */
static long processes(void)
{
	long running = 0, total = -1;
	FILE *f = fopen("/proc/loadavg", "r");

	if (f && fscanf(f, "%*s %*s %*s %ld/%ld", &running, &total) != 2)
		total = -1;
	if (f)
		fclose(f);
	return total;
}

int main(void)
{
	long old = read_knob(), now = processes();
	pid_t kids[21];
	int forked = 0, err = 0;

	check("threads-max reads as a number of at least 20", old >= 20);
	check("19 is refused with EINVAL", write_knob(19) == EINVAL);
	check("the value stayed", read_knob() == old);
	check("fewer than 20 processes exist", now > 0 && now < 20);
	check("20 is taken", write_knob(20) == 0 && read_knob() == 20);
	fflush(stdout);
	for (int i = 0; i < 21; i++) {
		kids[i] = fork();
		if (kids[i] == 0) {
			pause(); /* ENOSYS on ours: then sleep until killed */
			for (;;)
				sleep(1);
		}
		if (kids[i] < 0) {
			err = errno;
			break;
		}
		forked++;
	}
	check("forks succeeded until 20 processes existed", forked == 20 - now);
	check("the next failed with EAGAIN", err == EAGAIN);
	for (int i = 0; i < forked; i++) {
		kill(kids[i], SIGKILL);
		waitpid(kids[i], NULL, 0);
	}
	check("the old value is back", write_knob(old) == 0 && read_knob() == old);
	return test_failures;
}
