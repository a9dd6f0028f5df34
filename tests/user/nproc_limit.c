/*
 * tests/user/nproc_limit.c - users and their limits, as Linux has them: the
 * setuid family's rules, kill's permission check, and RLIMIT_NPROC: a user
 * other than root may have only so many processes (zombies included), and
 * fork says EAGAIN past them; root is exempt; a hard limit goes up only for
 * root; RLIMIT_NOFILE bounds new descriptors. Runs as root (as make test does
 * on Linux too); the unprivileged part runs in a child that becomes nobody.
 * user-test: diff
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "test.h"

#define NOBODY 65534
#define LIMIT  6

/* sleeper: a child that waits to be killed. */
static pid_t sleeper(void)
{
	pid_t pid = fork();

	if (pid == 0)
		for (;;)
			nanosleep(&(struct timespec){ 1000, 0 }, NULL);
	return pid;
}

/* forks_until_refused: fork sleepers until fork fails; how many it made, the
 * errno in *@err; the sleepers are killed and reaped again. */
static int forks_until_refused(int *err)
{
	pid_t kids[64];
	int n = 0;

	for (; n < 64; n++) {
		kids[n] = sleeper();
		if (kids[n] < 0)
			break;
	}
	*err = errno;
	for (int i = 0; i < n; i++) {
		kill(kids[i], SIGKILL);
		waitpid(kids[i], NULL, 0);
	}
	return n;
}

/* as_nobody: the unprivileged checks, in a child that became nobody; its
 * exit status is its number of failed checks. */
static int as_nobody(pid_t root_pid)
{
	struct rlimit lim = { LIMIT, LIMIT }, higher = { LIMIT, LIMIT + 1 }, got;
	uid_t r, e, s;
	int err, made;

	check("setrlimit(RLIMIT_NPROC, 6) as root", setrlimit(RLIMIT_NPROC, &lim) == 0);
	check("a process group of its own", setpgid(0, 0) == 0);
	check("setgid(nobody) and setuid(nobody)", setgid(NOBODY) == 0 && setuid(NOBODY) == 0);
	check("getresuid: all three are nobody's", getresuid(&r, &e, &s) == 0 && r == NOBODY && e == NOBODY && s == NOBODY);
	check("getuid and geteuid agree", getuid() == NOBODY && geteuid() == NOBODY);
	check("setuid(0) is EPERM", setuid(0) == -1 && errno == EPERM);
	check("setresuid(-1, 0, -1) is EPERM", setresuid(-1, 0, -1) == -1 && errno == EPERM);
	check("setresuid to ids it holds works", setresuid(NOBODY, NOBODY, -1) == 0);
	check("kill(root's process, 0) is EPERM", kill(root_pid, 0) == -1 && errno == EPERM);
	check("kill(1, SIGTERM) is EPERM", kill(1, SIGTERM) == -1 && errno == EPERM);
	check("kill(-1, 0) returns 0 though every target refused (Linux)", kill(-1, 0) == 0);
	check("kill(-pgrp of root's group, 0) is EPERM", kill(-getpgid(root_pid), 0) == -1 && errno == EPERM);
	check("raising the hard limit is EPERM", setrlimit(RLIMIT_NPROC, &higher) == -1 && errno == EPERM);
	check("getrlimit gives the limit set", getrlimit(RLIMIT_NPROC, &got) == 0 && got.rlim_cur == LIMIT &&
						   got.rlim_max == LIMIT);
	made = forks_until_refused(&err);
	check("fork stops at the limit with EAGAIN", err == EAGAIN);
	check("fewer forks than the limit (this process counts)", made >= 1 && made < LIMIT);
	check("after reaping them, fork works again", forks_until_refused(&err) == made);
	lim.rlim_cur = lim.rlim_max = 1;
	check("lowering the limit to 1 works", setrlimit(RLIMIT_NPROC, &lim) == 0);
	check("then fork is EAGAIN at once", fork() == -1 && errno == EAGAIN);
	return test_failures;
}

/* nofile: RLIMIT_NOFILE 4 leaves fds 0-3: open gets 3, then EMFILE; dup2 to 4
 * is EBADF; F_DUPFD from 4 is EINVAL. In a child, to keep ours. */
static int nofile(void)
{
	struct rlimit lim = { 4, 4 };
	int fd;

	for (fd = 3; fd < 64; fd++)
		close(fd);
	check("setrlimit(RLIMIT_NOFILE, 4)", setrlimit(RLIMIT_NOFILE, &lim) == 0);
	fd = open("/proc/self/stat", O_RDONLY);
	check("open gets fd 3", fd == 3);
	check("the next open is EMFILE", open("/proc/self/stat", O_RDONLY) == -1 && errno == EMFILE);
	check("dup2(0, 4) is EBADF", dup2(0, 4) == -1 && errno == EBADF);
	check("fcntl(0, F_DUPFD, 4) is EINVAL", fcntl(0, F_DUPFD, 4) == -1 && errno == EINVAL);
	check("dup is EMFILE", dup(0) == -1 && errno == EMFILE);
	return test_failures;
}

/* in_child: run @fn(@arg) in a child; whether it exited 0. */
static int in_child(int (*fn)(pid_t), pid_t arg)
{
	int status;

	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		test_failures = 0; /* the child's own checks */
		int failed = fn(arg);
		fflush(stdout);
		_exit(failed);
	}
	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static int nofile_child(pid_t unused)
{
	(void)unused;
	return nofile();
}

int main(void)
{
	struct rlimit lim = { 1, 1 };
	int err;

	check("running as root", getuid() == 0 && geteuid() == 0);
	setpgid(0, 0); /* a group of root's own, for the child to signal */
	check("the unprivileged checks all passed", in_child(as_nobody, getpid()));
	check("the RLIMIT_NOFILE checks all passed", in_child(nofile_child, 0));
	check("root: RLIMIT_NPROC 1 set", setrlimit(RLIMIT_NPROC, &lim) == 0);
	check("root is exempt: forks past the limit", forks_until_refused(&err) == 64);
	return test_failures;
}
