/*
 * tests/user/forkbomb.c - `forkbomb tree|zombies`: a fork bomb ends in fork
 * failing with EAGAIN at the task limit (Linux's threads-max, sized from RAM),
 * not in the OOM killer's storm, and the system answers afterwards.
 *   tree     every process forks in a loop, and so does every child, each
 *            writing to a few pages of its own (copy-on-write);
 *   zombies  one process forks children that exit at once and are never reaped.
 * A process whose fork fails records the errno in a shared page and tries
 * again, until 20 have failed, then sleeps until it is killed; this process (protected with oom_score_adj -1000) waits until
 * 20 forks failed, kills the bomb's process group and reaps what is its own
 * (init reaps the rest). The boot around it (tests/boot_tests.py) checks the
 * log: one task dump per OOM kill at most.
 * user-test: helper
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "oom_adj.h"
#include "test.h"

#define FAILURES_WANTED 20
#define POLLS_MAX 30000 /* 10 ms each: a hang guard only, never reached when the bomb stops */

struct bomb_counts {
	volatile int forks, eagain, enomem, other;
};

static struct bomb_counts *counts;

/* failures: forks that failed so far. */
static int failures(void)
{
	return counts->eagain + counts->enomem + counts->other;
}

/* note_failure: count a failed fork's errno; once enough have failed, sleep
 * until SIGKILL comes, else return to try again a moment later. */
static void note_failure(int err)
{
	__atomic_fetch_add(err == EAGAIN ? &counts->eagain : err == ENOMEM ? &counts->enomem : &counts->other,
			   1, __ATOMIC_SEQ_CST);
	while (failures() >= FAILURES_WANTED)
		sleep(1);
	usleep(1000);
}

/* bomb: fork forever. In the tree, each child writes its own pages and does
 * the same; with @zombies, each child exits at once and is never reaped. */
static _Noreturn void bomb(int zombies)
{
	static char dirty[3 * 4096];

	for (;;) {
		pid_t pid = fork();
		if (pid < 0) {
			note_failure(errno);
			continue;
		}
		if (pid == 0 && zombies)
			_exit(0);
		if (pid == 0)
			memset(dirty, getpid() & 0xff, sizeof(dirty));
		__atomic_fetch_add(&counts->forks, 1, __ATOMIC_SEQ_CST);
	}
}

int main(int argc, char *argv[])
{
	int zombies = argc > 1 && !strcmp(argv[1], "zombies"), status;

	counts = mmap(NULL, sizeof(*counts), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (counts == MAP_FAILED || set_oom_score_adj(-1000))
		return 2;
	fflush(stdout);
	pid_t root = fork();
	if (root == 0) {
		setpgid(0, 0);
		if (set_oom_score_adj(0)) /* the bomb may be chosen, as any program would */
			_exit(2);
		bomb(zombies);
	}
	setpgid(root, root); /* either side may get there first */
	for (int i = 0; i < POLLS_MAX && failures() < FAILURES_WANTED; i++)
		usleep(10000);
	kill(-root, SIGKILL);
	waitpid(root, &status, 0);
	printf("forkbomb %s: %d forks, then failures: EAGAIN %d, ENOMEM %d, other %d\n",
	       zombies ? "zombies" : "tree", counts->forks, counts->eagain, counts->enomem, counts->other);
	check("fork failed with EAGAIN", counts->eagain > 0);
	check("no fork failed otherwise", counts->enomem == 0 && counts->other == 0);
	fflush(stdout);
	pid_t probe = fork();
	if (probe == 0)
		_exit(7);
	check("the system answers: a new process runs", probe > 0 && waitpid(probe, &status, 0) == probe &&
	      WIFEXITED(status) && WEXITSTATUS(status) == 7);
	return test_failures;
}
