/*
 * tests/user/itimer.c - alarm and the interval timers as Linux keeps them:
 * alarm returns the seconds left (rounded) and 0 disarms; SIGALRM ends a
 * pause and interrupts a blocking read with EINTR; ITIMER_REAL reloads
 * with its interval; ITIMER_VIRTUAL and ITIMER_PROF count CPU time only;
 * getitimer of a disarmed timer is zero; a child does not inherit timers;
 * EINVAL for a bad timer or timeval. No time is asserted, only order.
 * Same facts on Linux.
 * user-test: diff
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"

static volatile sig_atomic_t alrm, vtalrm, prof;

static void on_signal(int sig)
{
	if (sig == SIGALRM)
		alrm++;
	else if (sig == SIGVTALRM)
		vtalrm++;
	else
		prof++;
}

static void handle(int sig)
{
	struct sigaction sa = { .sa_handler = on_signal };
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void alarms(void)
{
	check("no alarm before: 0", alarm(5) == 0);
	check("alarm(0) returns what was left, rounded: 5", alarm(0) == 5);
	check("alarm(0) again: 0", alarm(0) == 0);
	struct itimerval v;
	getitimer(ITIMER_REAL, &v);
	check("disarmed: getitimer all zero", v.it_value.tv_sec == 0 && v.it_value.tv_usec == 0 &&
	      v.it_interval.tv_sec == 0 && v.it_interval.tv_usec == 0);
	handle(SIGALRM);
	alarm(1);
	getitimer(ITIMER_REAL, &v);
	check("armed: getitimer shows at most a second left", v.it_value.tv_sec == 0 ? v.it_value.tv_usec > 0 :
	      (v.it_value.tv_sec == 1 && v.it_value.tv_usec == 0));
	pause();
	check("SIGALRM ended pause", alrm == 1);

	int p[2];
	char c;
	pipe(p);
	alarm(1);
	errno = 0;
	check("SIGALRM interrupts a blocking read: EINTR", read(p[0], &c, 1) == -1 && errno == EINTR && alrm == 2);
	close(p[0]);
	close(p[1]);
}

static void intervals(void)
{
	struct itimerval v = { .it_interval = { 0, 20000 }, .it_value = { 0, 30000 } }, old;

	alrm = 0;
	check("setitimer REAL 30 ms, then every 20 ms", setitimer(ITIMER_REAL, &v, NULL) == 0);
	while (alrm < 3)
		pause();
	v = (struct itimerval){ { 0, 0 }, { 0, 0 } };
	setitimer(ITIMER_REAL, &v, &old);
	check("three SIGALRMs; the old value had the interval", alrm >= 3 && old.it_interval.tv_usec == 20000 &&
	      old.it_interval.tv_sec == 0);
	getitimer(ITIMER_REAL, &v);
	check("disarmed again", v.it_value.tv_sec == 0 && v.it_value.tv_usec == 0);

	handle(SIGVTALRM);
	handle(SIGPROF);
	v = (struct itimerval){ { 0, 0 }, { 0, 20000 } };
	setitimer(ITIMER_VIRTUAL, &v, NULL);
	setitimer(ITIMER_PROF, &v, NULL);
	alrm = 0;
	alarm(0);
	check("VIRTUAL does not run while the process sleeps", usleep(50000) == 0 && vtalrm == 0);
	while (!vtalrm || !prof)
		; /* burn user time */
	check("VIRTUAL and PROF fire on CPU time", vtalrm == 1 && prof == 1);
	getitimer(ITIMER_VIRTUAL, &v);
	check("one-shot: disarmed after", v.it_value.tv_sec == 0 && v.it_value.tv_usec == 0);

	v = (struct itimerval){ { 0, 0 }, { 100, 0 } };
	setitimer(ITIMER_REAL, &v, NULL);
	pid_t pid = fork();
	if (pid == 0) {
		struct itimerval c;
		getitimer(ITIMER_REAL, &c);
		_exit(c.it_value.tv_sec == 0 && c.it_value.tv_usec == 0 ? 0 : 1);
	}
	int status;
	check("a child does not inherit the timer", waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0);
	alarm(0);
}

static void errors(void)
{
	struct itimerval v = { { 0, 0 }, { 0, 1000000 } };

	check("bad timer: EINVAL", setitimer(7, &v, NULL) == -1 && errno == EINVAL);
	check("getitimer bad timer: EINVAL", getitimer(-1, &v) == -1 && errno == EINVAL);
	check("usec of a second: EINVAL", setitimer(ITIMER_REAL, &v, NULL) == -1 && errno == EINVAL);
	v.it_value = (struct timeval){ -1, 0 };
	check("negative seconds: EINVAL", setitimer(ITIMER_REAL, &v, NULL) == -1 && errno == EINVAL);
	check("bad pointer: EFAULT", setitimer(ITIMER_REAL, (struct itimerval *)8, NULL) == -1 && errno == EFAULT);
}

int main(void)
{
	alarms();
	intervals();
	errors();
	return test_failures;
}
