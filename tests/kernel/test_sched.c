/*
 * tests/kernel/test_sched.c - self-tests of the scheduler's core without a
 * timer: kernel threads created, switched between through wait queues, and
 * ended, with their stacks freed (the runner's frame check proves it).
 */
#include "tests/kernel/selftest.h"
#include "kernel/sched.h"
#include "kernel/wait.h"

static struct wait_queue ping_wq = WAIT_QUEUE_INIT(ping_wq), pong_wq = WAIT_QUEUE_INIT(pong_wq);
static int turn, trace[6], traced, finished;

/* player: take @arg's turn three times, each time handing over to the other. */
static void player(void *arg)
{
	int me = (int)(long)arg;
	for (int round = 0; round < 3; round++) {
		while (turn != me)
			sleep_on(me ? &pong_wq : &ping_wq);
		trace[traced++] = me;
		turn = !me;
		wake_up(me ? &ping_wq : &pong_wq);
	}
	finished++;
}

SELFTEST(sched_kthreads_ping_pong)
{
	turn = traced = finished = 0;
	EXPECT(kthread_create("pong", player, (void *)1L) != NULL);
	EXPECT(kthread_create("ping", player, (void *)0L) != NULL);
	while (finished < 2)
		schedule(); /* the idle context yields until both threads have ended */
	schedule();         /* and once more, so the last one's stack is freed */
	for (int i = 0; i < 6; i++)
		EXPECT(trace[i] == i % 2);
	return 0;
}
