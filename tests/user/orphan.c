/*
 * tests/user/orphan.c - a process whose parent exits is adopted by init
 * (pid 1), which will reap it. The grandchild, once orphaned, tells us with
 * SIGUSR1. Our kernel only: on Linux the orphan goes to the nearest
 * "subreaper", which need not be pid 1 (containers, session managers).
 * user-test: qemu
 */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"

static volatile sig_atomic_t adopted;

/* on_usr1: the orphaned grandchild's message. */
static void on_usr1(int sig)
{
	(void)sig;
	adopted = 1;
}

/* orphaned: whether our parent becomes pid 1 within ~10 s. */
static int orphaned(void)
{
	for (int i = 0; i < 1000; i++, usleep(10000))
		if (getppid() == 1)
			return 1;
	return 0;
}

int main(void)
{
	pid_t me = getpid();

	signal(SIGUSR1, on_usr1);
	fflush(stdout);
	pid_t child = fork();
	if (child == 0) {
		if (fork() == 0 && orphaned())
			kill(me, SIGUSR1);
		_exit(0); /* the child: leaves the grandchild an orphan */
	}
	waitpid(child, NULL, 0);
	for (int i = 0; i < 1000 && !adopted; i++)
		usleep(10000);
	check("the orphan was adopted by pid 1", adopted);
	return test_failures;
}
