/*
 * tests/user/pipe.c - pipes as pipe(7) and Linux's fs/pipe.c define them:
 * bytes come out in order; read returns what is there and 0 once every
 * writer is gone; writing with no reader raises SIGPIPE (EPIPE when it is
 * ignored); O_NONBLOCK says EAGAIN; the capacity is 16 slots of a page, so
 * one-byte writes fill 65536 bytes and odd-sized large ones less; a write of
 * PIPE_BUF bytes is never split; FIONREAD, fstat's S_IFIFO; a reader blocks
 * until a writer in another process writes; a handled signal interrupts a
 * blocked read with EINTR, or restarts it with SA_RESTART; pipe2's flags.
 * Same facts on Linux.
 * user-test: diff
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"
#include "lib/procfs.h"

/* fill: write @chunk-byte pieces into nonblocking @fd until EAGAIN; the total. */
static long fill(int fd, size_t chunk)
{
	static char buf[70000];
	long total = 0;
	ssize_t n;

	while ((n = write(fd, buf, chunk)) > 0)
		total += n;
	return n < 0 && errno == EAGAIN ? total : -1;
}

/* drain: read nonblocking @fd until EAGAIN or EOF; the bytes read. */
static long drain(int fd)
{
	char buf[8192];
	long total = 0;
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		total += n;
	return total;
}

static void basics(void)
{
	int p[2], avail = -1;
	char buf[16] = { 0 };
	struct stat st;

	check("pipe", pipe(p) == 0);
	check("write 5", write(p[1], "hello", 5) == 5);
	check("FIONREAD 5", ioctl(p[0], FIONREAD, &avail) == 0 && avail == 5);
	check("read 3 of 5", read(p[0], buf, 3) == 3 && memcmp(buf, "hel", 3) == 0);
	check("read returns the rest", read(p[0], buf, sizeof(buf)) == 2 && memcmp(buf, "lo", 2) == 0);
	check("fstat: a FIFO, size 0", fstat(p[0], &st) == 0 && S_ISFIFO(st.st_mode) && st.st_size == 0);
	check("same inode both ends", fstat(p[1], &st) == 0 && S_ISFIFO(st.st_mode));
	check("lseek: ESPIPE", lseek(p[0], 0, SEEK_SET) == -1 && errno == ESPIPE);
	check("write to the read end: EBADF", write(p[0], "x", 1) == -1 && errno == EBADF);
	check("read from the write end: EBADF", read(p[1], buf, 1) == -1 && errno == EBADF);
	check("write 0 bytes", write(p[1], buf, 0) == 0);
	close(p[1]);
	check("read after the writer closed: 0", read(p[0], buf, sizeof(buf)) == 0);
	close(p[0]);
}

static void epipe(void)
{
	int p[2], status;

	pipe(p);
	close(p[0]);
	signal(SIGPIPE, SIG_IGN);
	check("no reader, SIGPIPE ignored: EPIPE", write(p[1], "x", 1) == -1 && errno == EPIPE);
	signal(SIGPIPE, SIG_DFL);
	pid_t pid = fork();
	if (pid == 0) {
		write(p[1], "x", 1);
		_exit(0);
	}
	check("no reader: killed by SIGPIPE", waitpid(pid, &status, 0) == pid &&
	      WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE);
	close(p[1]);
}

static void capacity(void)
{
	int p[2], flags;
	char buf[PIPE_BUF];

	check("pipe2 O_NONBLOCK", pipe2(p, O_NONBLOCK) == 0);
	flags = fcntl(p[0], F_GETFL);
	check("F_GETFL: read end O_RDONLY|O_NONBLOCK", (flags & O_ACCMODE) == O_RDONLY && (flags & O_NONBLOCK));
	check("F_GETFL: write end O_WRONLY", (fcntl(p[1], F_GETFL) & O_ACCMODE) == O_WRONLY);
	check("empty read: EAGAIN", read(p[0], buf, 1) == -1 && errno == EAGAIN);
	printf("one-byte writes fill %ld bytes\n", fill(p[1], 1));
	check("drained", drain(p[0]) == 65536);
	printf("4096-byte writes fill %ld bytes\n", fill(p[1], 4096));
	drain(p[0]);
	printf("5000-byte writes fill %ld bytes\n", fill(p[1], 5000));
	drain(p[0]);
	printf("100-byte writes fill %ld bytes\n", fill(p[1], 100));
	drain(p[0]);
	/* 15 full slots and 4000 bytes in the 16th: a PIPE_BUF write does not fit whole */
	fill(p[1], 4096);
	read(p[0], buf, 4096);
	check("4000 bytes into the last slot", write(p[1], buf, 4000) == 4000);
	check("PIPE_BUF write with 96 bytes free: EAGAIN", write(p[1], buf, PIPE_BUF) == -1 && errno == EAGAIN);
	check("96-byte write merges", write(p[1], buf, 96) == 96);
	check("then full: EAGAIN", write(p[1], buf, 1) == -1 && errno == EAGAIN);
	close(p[0]);
	close(p[1]);
	check("pipe2 bad flag: EINVAL", pipe2(p, 0x1) == -1 && errno == EINVAL);
	check("pipe2 O_CLOEXEC", pipe2(p, O_CLOEXEC) == 0 && (fcntl(p[0], F_GETFD) & FD_CLOEXEC) &&
	      (fcntl(p[1], F_GETFD) & FD_CLOEXEC));
	close(p[0]);
	close(p[1]);
	int *volatile bad = (int *)8; /* hidden from the compiler's bounds checks */
	check("pipe(bad pointer): EFAULT", pipe(bad) == -1 && errno == EFAULT);
}

/* blocking: a child writes 200,000 bytes in 1000-byte writes; the parent,
 * reading slowly, gets every byte in order. */
static void blocking(void)
{
	int p[2];
	long total = 0, bad = 0;
	unsigned char buf[3000];
	ssize_t n;

	pipe(p);
	pid_t pid = fork();
	if (pid == 0) {
		unsigned char out[1000];
		close(p[0]);
		for (int i = 0; i < 200; i++) {
			for (int j = 0; j < 1000; j++)
				out[j] = (unsigned char)(i * 1000 + j);
			if (write(p[1], out, sizeof(out)) != sizeof(out))
				_exit(1);
		}
		_exit(0);
	}
	close(p[1]);
	while ((n = read(p[0], buf, sizeof(buf))) > 0) {
		for (ssize_t j = 0; j < n; j++)
			bad += buf[j] != (unsigned char)(total + j);
		total += n;
	}
	int status;
	check("200000 bytes through a blocking pipe, in order", total == 200000 && bad == 0);
	check("writer exited 0", waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(p[0]);
}

/* atomic: four children each write 500 PIPE_BUF-byte records of their own
 * letter; no record arrives mixed. */
static void atomic(void)
{
	int p[2], mixed = 0, records = 0;
	static char rec[PIPE_BUF];

	pipe(p);
	for (int c = 0; c < 4; c++) {
		if (fork() == 0) {
			close(p[0]);
			memset(rec, 'a' + c, sizeof(rec));
			for (int i = 0; i < 500; i++)
				write(p[1], rec, sizeof(rec));
			_exit(0);
		}
	}
	close(p[1]);
	for (;;) {
		size_t got = 0;
		ssize_t n = 0;
		while (got < sizeof(rec) && (n = read(p[0], rec + got, sizeof(rec) - got)) > 0)
			got += (size_t)n;
		if (got < sizeof(rec))
			break;
		records++;
		for (size_t i = 1; i < sizeof(rec); i++)
			mixed += rec[i] != rec[0];
	}
	while (wait(NULL) > 0)
		;
	check("2000 PIPE_BUF records from 4 writers, none mixed", records == 2000 && mixed == 0);
	close(p[0]);
}

static volatile sig_atomic_t got_alarm;

static void on_usr1(int sig)
{
	(void)sig;
	got_alarm = 1;
}

/* read_interrupted: block in read on an empty pipe while a child sends
 * SIGUSR1 and then, later, writes; what read returned, errno in *@err. */
static ssize_t read_interrupted(int sa_flags, int *err)
{
	int p[2];
	char c = 0;
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = sa_flags };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	pipe(p);
	got_alarm = 0;
	pid_t parent = getpid(), pid = fork();
	if (pid == 0) {
		wait_until_asleep(parent); /* the parent sleeps in read */
		kill(parent, SIGUSR1);
		usleep(20000);
		write(p[1], "z", 1);
		_exit(0);
	}
	ssize_t n = read(p[0], &c, 1);
	*err = errno;
	waitpid(pid, NULL, 0);
	close(p[0]);
	close(p[1]);
	return n == 1 && c != 'z' ? -2 : n;
}

static void interrupted(void)
{
	int err;
	ssize_t n = read_interrupted(0, &err);

	check("handler without SA_RESTART: read says EINTR", n == -1 && err == EINTR && got_alarm);
	n = read_interrupted(SA_RESTART, &err);
	check("handler with SA_RESTART: read restarts and gets the byte", n == 1 && got_alarm);
	signal(SIGUSR1, SIG_DFL);
}

int main(void)
{
	basics();
	epipe();
	capacity();
	blocking();
	atomic();
	interrupted();
	return test_failures;
}
