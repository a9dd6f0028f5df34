/*
 * tests/user/nanosleep_long.c - a sleep longer than the clock can count
 * sleeps (until a signal ends it) instead of returning at once: nanosleep and
 * clock_nanosleep hold a request past KTIME_SEC_MAX at the latest time the
 * kernel can name (Linux: timespec64_to_ktime, ktime_add_safe). Before, the
 * seconds times 1e9 wrapped and INT64_MAX seconds returned 0 at once. Each
 * request runs in a child that is woken by SIGUSR1 once /proc says it sleeps;
 * the time left must then still be huge.
 * user-test: diff
 */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "test.h"
#include "lib/procfs.h"

enum how { NANOSLEEP, CLOCK_NANOSLEEP, CLOCK_NANOSLEEP_ABS };

static void on_usr1(int sig)
{
	(void)sig;
}

/* sleep_once: one raw sleep of @sec seconds by @how; the syscall's result
 * (-errno on failure), with the time left in @rem. */
static long sleep_once(enum how how, int64_t sec, struct timespec *rem)
{
	struct timespec req = { .tv_sec = sec, .tv_nsec = 999999999 };

	if (how == NANOSLEEP)
		return syscall(SYS_nanosleep, &req, rem) ? -errno : 0;
	if (how == CLOCK_NANOSLEEP)
		return syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &req, rem) ? -errno : 0;
	return syscall(SYS_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, &req, rem) ? -errno : 0;
}

/* child: sleep, then exit 0 when a signal cut the sleep short with more than
 * @min_left seconds left (0: not judged), 1 when the sleep ended on its own,
 * 2 for any other result. */
static void child(enum how how, int64_t sec, int64_t min_left)
{
	struct timespec rem = { 0, 0 };
	long r = sleep_once(how, sec, &rem);

	if (r == 0)
		_exit(1);
	_exit(r == -EINTR && rem.tv_sec >= min_left ? 0 : 2);
}


/* sleeps_until_woken: whether a child sleeping @sec seconds by @how was still
 * asleep when signalled, with at least @min_left seconds left. */
static int sleeps_until_woken(enum how how, int64_t sec, int64_t min_left)
{
	int status;
	char st;

	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		child(how, sec, min_left);
	while ((st = proc_state(pid)) != 'S' && st != 'Z' && st != '?')
		sched_yield();
	kill(pid, SIGUSR1);
	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int main(void)
{
	/* 2^64 / 1e9 = 18446744073.7 s: one more second wrapped the old product to ~0.3 s. */
	const int64_t wraps = 18446744074;
	struct sigaction sa = { .sa_handler = on_usr1 };

	sigaction(SIGUSR1, &sa, NULL);
	check("nanosleep(INT64_MAX s) sleeps until a signal, ~292 years left",
	      sleeps_until_woken(NANOSLEEP, INT64_MAX, 9000000000ll));
	check("nanosleep(18446744074 s) sleeps until a signal", sleeps_until_woken(NANOSLEEP, wraps, 9000000000ll));
	check("clock_nanosleep(MONOTONIC, INT64_MAX s) sleeps until a signal",
	      sleeps_until_woken(CLOCK_NANOSLEEP, INT64_MAX, 9000000000ll));
	check("clock_nanosleep(REALTIME, ABSTIME, INT64_MAX s) sleeps until a signal",
	      sleeps_until_woken(CLOCK_NANOSLEEP_ABS, INT64_MAX, 0));
	struct timespec bad = { .tv_sec = -1, .tv_nsec = 0 }, bad_ns = { .tv_sec = 0, .tv_nsec = 1000000000 };
	check("a negative second is EINVAL", syscall(SYS_nanosleep, &bad, NULL) == -1 && errno == EINVAL);
	check("nsec of 1e9 is EINVAL", syscall(SYS_nanosleep, &bad_ns, NULL) == -1 && errno == EINVAL);
	return test_failures;
}
