/*
 * tests/user/poll.c - poll, ppoll, select and pselect on pipes and files, as
 * Linux answers: what each end reports (POLLIN, POLLOUT, POLLHUP, POLLERR,
 * POLLNVAL), a timeout that passes, a wait that a writer in another process
 * ends, select's sets, EBADF and EINVAL, select writing back the time left,
 * and a handled signal: EINTR even with SA_RESTART, and ppoll/pselect's
 * temporary mask. Same facts on Linux.
 * user-test: diff
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "test.h"
#include "lib/procfs.h"

/* revents: what poll says of @fd for @events, with no wait. */
static int revents(int fd, short events)
{
	struct pollfd p = { .fd = fd, .events = events };
	return poll(&p, 1, 0) < 0 ? -1 : p.revents;
}

static void pipe_ends(void)
{
	int p[2];

	pipe(p);
	check("empty: read end not ready", revents(p[0], POLLIN) == 0);
	check("empty: write end POLLOUT", revents(p[1], POLLOUT) == POLLOUT);
	write(p[1], "x", 1);
	check("a byte: read end POLLIN", revents(p[0], POLLIN | POLLRDNORM) == (POLLIN | POLLRDNORM));
	close(p[1]);
	check("writer gone, byte left: POLLIN|POLLHUP", revents(p[0], POLLIN) == (POLLIN | POLLHUP));
	char c;
	read(p[0], &c, 1);
	check("writer gone, empty: POLLHUP unasked", revents(p[0], POLLIN) == POLLHUP);
	close(p[0]);
	pipe(p);
	close(p[0]);
	check("reader gone: POLLOUT|POLLERR", revents(p[1], POLLOUT) == (POLLOUT | POLLERR));
	close(p[1]);
	check("closed fd: POLLNVAL", revents(p[1], POLLIN) == POLLNVAL);
	struct pollfd neg = { .fd = -1, .events = POLLIN, .revents = 77 };
	check("negative fd: ignored, revents 0", poll(&neg, 1, 0) == 0 && neg.revents == 0);
	int fd = open("/init", O_RDONLY);
	if (fd < 0)
		fd = open("/proc/self/status", O_RDONLY);
	check("a regular file: always ready", revents(fd, POLLIN | POLLOUT) == (POLLIN | POLLOUT));
	close(fd);
}

static void waits(void)
{
	int p[2];
	struct pollfd pfd;

	pipe(p);
	pfd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	check("timeout passes: 0", poll(&pfd, 1, 30) == 0 && pfd.revents == 0);
	check("nothing to poll, a timeout: 0", poll(NULL, 0, 10) == 0);
	pid_t pid = fork();
	if (pid == 0) {
		usleep(30000);
		write(p[1], "y", 1);
		_exit(0);
	}
	check("a writer in another process ends the wait", poll(&pfd, 1, -1) == 1 && pfd.revents == POLLIN);
	waitpid(pid, NULL, 0);
	struct rlimit rl;
	getrlimit(RLIMIT_NOFILE, &rl);
	check("nfds over RLIMIT_NOFILE: EINVAL", poll(&pfd, (nfds_t)rl.rlim_cur + 1, 0) == -1 && errno == EINVAL);
	check("bad array: EFAULT", poll((struct pollfd *)8, 1, 0) == -1 && errno == EFAULT);
	close(p[0]);
	close(p[1]);
}

static void selects(void)
{
	int p[2], q[2];
	fd_set rd, wr;
	struct timeval tv;

	pipe(p);
	pipe(q);
	write(q[1], "z", 1);
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(p[0], &rd);
	FD_SET(q[0], &rd);
	FD_SET(p[1], &wr);
	int n = p[0] > q[1] ? p[0] : q[1];
	tv = (struct timeval){ 0, 0 };
	int r = select(n + 1, &rd, &wr, NULL, &tv);
	check("select: 2 ready", r == 2);
	check("select: the pipe with a byte readable", FD_ISSET(q[0], &rd) && !FD_ISSET(p[0], &rd));
	check("select: the empty pipe's write end writable", FD_ISSET(p[1], &wr));
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	tv = (struct timeval){ 0, 30000 };
	/* the raw call: musl's select() passes the kernel a copy of the timeval */
	check("select: timeout passes, 0", syscall(SYS_select, p[0] + 1, &rd, NULL, NULL, &tv) == 0 &&
	      !FD_ISSET(p[0], &rd));
	check("select: the time left written back, 0", tv.tv_sec == 0 && tv.tv_usec == 0);
	tv = (struct timeval){ 0, 2000000 };
	FD_ZERO(&rd);
	FD_SET(q[0], &rd);
	check("select: usec of 2 s is normalised, not EINVAL",
	      syscall(SYS_select, q[0] + 1, &rd, NULL, NULL, &tv) == 1);
	check("select: the time left written back normalised", tv.tv_sec <= 2 && tv.tv_usec < 1000000 &&
	      (tv.tv_sec < 2 || tv.tv_usec == 0));
	tv = (struct timeval){ -1, 0 };
	check("select: negative timeout EINVAL", select(1, NULL, NULL, NULL, &tv) == -1 && errno == EINVAL);
	check("select: negative n EINVAL", select(-1, NULL, NULL, NULL, NULL) == -1 && errno == EINVAL);
	close(p[1]);
	FD_ZERO(&wr);
	FD_SET(p[1], &wr);
	tv = (struct timeval){ 0, 0 };
	check("select: a closed fd EBADF", select(p[1] + 1, NULL, &wr, NULL, &tv) == -1 && errno == EBADF);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	check("select: writer gone counts as readable", select(p[0] + 1, &rd, NULL, NULL, &tv) == 1);
	close(p[0]);
	close(q[0]);
	close(q[1]);
}

static volatile sig_atomic_t handled;

static void on_usr1(int sig)
{
	(void)sig;
	handled++;
}

/* signal_soon: a child that sends SIGUSR1 to us once we sleep. */
static pid_t signal_soon(void)
{
	pid_t parent = getpid(), pid = fork();
	if (pid == 0) {
		wait_until_asleep(parent);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	return pid;
}

static void signals(void)
{
	int p[2];
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = SA_RESTART };
	sigset_t block, empty, now;

	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	pipe(p);
	struct pollfd pfd = { .fd = p[0], .events = POLLIN };
	pid_t pid = signal_soon();
	check("poll: a handled signal is EINTR even with SA_RESTART", poll(&pfd, 1, -1) == -1 && errno == EINTR &&
	      handled == 1);
	waitpid(pid, NULL, 0);

	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigemptyset(&empty);
	sigprocmask(SIG_BLOCK, &block, NULL);
	pid = signal_soon();
	struct timespec ts = { 5, 0 };
	check("ppoll with SIGUSR1 unblocked: EINTR after the handler",
	      ppoll(&pfd, 1, &ts, &empty) == -1 && errno == EINTR && handled == 2);
	sigprocmask(SIG_BLOCK, NULL, &now);
	check("ppoll: the caller's mask is back", sigismember(&now, SIGUSR1));
	waitpid(pid, NULL, 0);

	pid = signal_soon();
	fd_set rd;
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	check("pselect with SIGUSR1 unblocked: EINTR after the handler",
	      pselect(p[0] + 1, &rd, NULL, NULL, NULL, &empty) == -1 && errno == EINTR && handled == 3);
	sigprocmask(SIG_BLOCK, NULL, &now);
	check("pselect: the caller's mask is back", sigismember(&now, SIGUSR1));
	waitpid(pid, NULL, 0);
	write(p[1], "w", 1);
	check("ppoll ready at once keeps the mask", ppoll(&pfd, 1, NULL, &empty) == 1 &&
	      sigprocmask(SIG_BLOCK, NULL, &now) == 0 && sigismember(&now, SIGUSR1));
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	signal(SIGUSR1, SIG_DFL);
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	pipe_ends();
	waits();
	selects();
	signals();
	return test_failures;
}
