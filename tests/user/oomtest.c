/*
 * tests/user/oomtest.c - the OOM killer picks the right process and only it:
 *   oomtest plain   a small process holds 4 MiB; /tests/hog touches memory
 *                   without end. The hog must die of SIGKILL, the small one
 *                   must find its data intact and exit 0, and we live on.
 *   oomtest adj     the hog runs with oom_score_adj -1000 and wants HOG_MIB;
 *                   a 16 MiB process must be chosen instead, and the hog
 *                   then gets all its memory and exits 0.
 *   oomtest crowd N N hogs at once, each without end: every one is killed by
 *                   the OOM killer, one at a time, while the others keep
 *                   faulting; the boot checks that the task list is dumped
 *                   once per kill (no storm of dumps behind a dying victim).
 * Booted by tests/boot_tests.py as init with little RAM (with and without a
 * swap disk); the kernel log names the victim. Every frame and swap slot
 * must come back afterwards (leakcheck.h). Exit status: 0 when all went as
 * expected.
 * user-test: helper
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "leakcheck.h"
#include "oom_adj.h"
#include "test.h"
#include "lib/pages.h"


static volatile int *flag; /* MAP_SHARED, touched before any fork: 1 = the holder has its memory */

/* holder: touch @mib MiB with a pattern, say so, wait for @go, check the pattern; exit 0 if intact. */
static _Noreturn void holder(unsigned long mib, int go)
{
	uint8_t *p = mmap(NULL, mib * MIB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct timespec tick = { 0, 10000000 };

	if (p == MAP_FAILED)
		_exit(3);
	for (unsigned long i = 0; i < mib * MIB; i++)
		p[i] = (uint8_t)(i * 7);
	*flag = 1;
	while (*flag != go)
		nanosleep(&tick, NULL);
	for (unsigned long i = 0; i < mib * MIB; i++)
		if (p[i] != (uint8_t)(i * 7))
			_exit(4);
	_exit(0);
}

/* start: fork a child that runs @argv (or holder(@mib, 2) when @argv is NULL); its pid. */
static pid_t start(char *const argv[], unsigned long mib)
{
	pid_t pid = fork();

	if (pid == 0) {
		if (!argv)
			holder(mib, 2);
		execv(argv[0], argv);
		_exit(127);
	}
	return pid;
}

/* ended: wait for @pid and say how it ended, as "@who: killed by signal N" or "@who: exited N". */
static int ended(const char *who, pid_t pid)
{
	int status;

	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		printf("%s: killed by signal %d (%s)\n", who, WTERMSIG(status), strsignal(WTERMSIG(status)));
	else
		printf("%s: exited %d\n", who, WEXITSTATUS(status));
	fflush(stdout);
	return status;
}

/* wait_holder: sleep until the holder has its memory. */
static void wait_holder(void)
{
	struct timespec tick = { 0, 10000000 };

	while (*flag != 1)
		nanosleep(&tick, NULL);
}

/* plain: the hog is killed, the small holder survives intact. */
static void plain(void)
{
	char *hog[] = { "/tests/hog", "0", NULL };
	pid_t small = start(NULL, 4), h;

	wait_holder();
	h = start(hog, 0);
	check("the hog was killed by SIGKILL", ended("hog", h) == SIGKILL);
	*flag = 2;
	check("the small process finished with its data intact", ended("small", small) == 0);
}

/* adj: with the hog protected, the 16 MiB holder is the victim and the hog completes. */
static void adj(const char *hog_mib)
{
	char *hog[] = { "/tests/hog", (char *)hog_mib, "-1000", NULL };
	pid_t victim, h;

	victim = start(NULL, 16);
	wait_holder();
	if (set_oom_score_adj(-1000)) /* nor us: once the victim is forked, or it inherits -1000 too */
		test_failures++;
	h = start(hog, 0);
	check("the protected hog got all its memory", ended("hog", h) == 0);
	*flag = 2; /* should the victim still live, let it end */
	check("the 16 MiB process was killed by SIGKILL", ended("victim", victim) == SIGKILL);
}

/* crowd: @n hogs at once; each must end killed by SIGKILL. */
static void crowd(int n)
{
	char *hog[] = { "/tests/hog", "0", NULL };
	pid_t pids[100];
	int killed = 0;

	if (n < 1 || n > 100 || set_oom_score_adj(-1000)) { /* the hogs inherit -1000 unless reset */
		test_failures++;
		return;
	}
	for (int i = 0; i < n; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			set_oom_score_adj(0);
			execv(hog[0], hog);
			_exit(127);
		}
	}
	for (int i = 0; i < n; i++) {
		int status;
		waitpid(pids[i], &status, 0);
		killed += WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
	}
	printf("crowd: %d of %d hogs killed by SIGKILL\n", killed, n);
	check("every hog was killed by SIGKILL", killed == n);
}

int main(int argc, char *argv[])
{
	struct leak_snapshot start;

	flag = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	*flag = 0;
	start = leak_begin();
	if (argc > 1 && strcmp(argv[1], "plain") == 0) {
		plain();
	} else if (argc > 2 && strcmp(argv[1], "adj") == 0) {
		adj(argv[2]);
	} else if (argc > 2 && strcmp(argv[1], "crowd") == 0) {
		crowd(atoi(argv[2]));
	} else {
		fprintf(stderr, "usage: oomtest plain | oomtest adj HOG_MIB | oomtest crowd N\n");
		return 2;
	}
	test_failures += leak_end(start);
	printf("oomtest: the parent is alive, %d failure(s)\n", test_failures);
	return test_failures;
}
