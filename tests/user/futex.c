/*
 * tests/user/futex.c - futex(2) between processes, as Linux answers it:
 * WAIT says EAGAIN when the word differs and ETIMEDOUT at its timeout; WAKE
 * wakes a process waiting on a word of MAP_SHARED memory and says how many;
 * a private wait is not woken by another process's private wake; bitsets
 * choose whom WAKE_BITSET wakes; REQUEUE moves waiters to another word and
 * CMP_REQUEUE checks the word first; a handled signal ends a wait with EINTR;
 * bad arguments give EINVAL, ENOSYS. Same facts on Linux.
 * user-test: diff
 */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "test.h"
#include "lib/procfs.h"

/* futex(2)'s operations (Linux's uapi linux/futex.h, not in musl's headers) */
#define FUTEX_WAIT         0
#define FUTEX_WAKE         1
#define FUTEX_CMP_REQUEUE  4
#define FUTEX_WAIT_BITSET  9
#define FUTEX_WAKE_BITSET  10
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_WAIT_PRIVATE (FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE (FUTEX_WAKE | FUTEX_PRIVATE_FLAG)

static long futex(uint32_t *uaddr, int op, uint32_t val, const struct timespec *t, uint32_t *uaddr2,
		  uint32_t val3)
{
	return syscall(SYS_futex, uaddr, op, val, t, uaddr2, val3);
}

/* exit_code: wait for @pid; its exit code (or 100 + signal). */
static int exit_code(pid_t pid)
{
	int status;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
}

/* waiter: a child that waits on @word (op @op, bitset @bits) while it is @val;
 * exits 0 when woken, 1 for anything else. */
static pid_t waiter(uint32_t *word, int op, uint32_t val, uint32_t bits)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(futex(word, op, val, NULL, NULL, bits) == 0 ? 0 : 1);
	wait_until_asleep(pid);
	return pid;
}

static volatile sig_atomic_t handled;

static void on_usr1(int sig)
{
	(void)sig;
	handled = 1;
}

int main(void)
{
	uint32_t *w = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	uint32_t *a = w, *b = w + 1;
	struct timespec short_wait = { 0, 30000000 };

	*a = 5;
	check("WAIT on a different value: EAGAIN", futex(a, FUTEX_WAIT, 4, NULL, NULL, 0) == -1 && errno == EAGAIN);
	check("WAIT times out: ETIMEDOUT", futex(a, FUTEX_WAIT, 5, &short_wait, NULL, 0) == -1 && errno == ETIMEDOUT);
	check("WAKE with nobody waiting: 0", futex(a, FUTEX_WAKE, 1, NULL, NULL, 0) == 0);
	check("an unaligned word: EINVAL", futex((uint32_t *)((char *)a + 1), FUTEX_WAKE, 1, NULL, NULL, 0) == -1 &&
	      errno == EINVAL);
	check("an unknown operation: ENOSYS", futex(a, 99, 0, NULL, NULL, 0) == -1 && errno == ENOSYS);
	check("WAIT_BITSET with bitset 0: EINVAL", futex(a, FUTEX_WAIT_BITSET, 5, NULL, NULL, 0) == -1 &&
	      errno == EINVAL);

	*a = 0;
	pid_t pid = waiter(a, FUTEX_WAIT, 0, 0);
	*a = 1;
	check("WAKE wakes the other process: 1", futex(a, FUTEX_WAKE, 1, NULL, NULL, 0) == 1);
	check("which returns 0 from WAIT", exit_code(pid) == 0);

	*a = 0;
	pid = fork();
	if (pid == 0) {
		struct timespec t = { 0, 200000000 };
		long r = futex(a, FUTEX_WAIT_PRIVATE, 0, &t, NULL, 0);
		_exit(r == -1 && errno == ETIMEDOUT ? 0 : 1);
	}
	wait_until_asleep(pid);
	check("a private wake does not reach another process's private wait",
	      futex(a, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0) == 0);
	check("which times out", exit_code(pid) == 0);

	pid = waiter(a, FUTEX_WAIT_BITSET, 0, 0x1);
	check("WAKE_BITSET with another bit: 0", futex(a, FUTEX_WAKE_BITSET, 1, NULL, NULL, 0x2) == 0);
	check("with its bit: 1", futex(a, FUTEX_WAKE_BITSET, 1, NULL, NULL, 0x3) == 1);
	exit_code(pid);

	*a = 7;
	pid_t p1 = waiter(a, FUTEX_WAIT, 7, 0), p2 = waiter(a, FUTEX_WAIT, 7, 0);
	check("CMP_REQUEUE with the wrong value: EAGAIN",
	      futex(a, FUTEX_CMP_REQUEUE, 0, (struct timespec *)2, b, 6) == -1 && errno == EAGAIN);
	check("CMP_REQUEUE moves both: 2", futex(a, FUTEX_CMP_REQUEUE, 0, (struct timespec *)2, b, 7) == 2);
	check("nobody left on the first word", futex(a, FUTEX_WAKE, 2, NULL, NULL, 0) == 0);
	check("both on the second", futex(b, FUTEX_WAKE, 2, NULL, NULL, 0) == 2);
	check("both woken", exit_code(p1) == 0 && exit_code(p2) == 0);

	struct sigaction sa = { .sa_handler = on_usr1 };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	*a = 0;
	pid_t parent = getpid();
	pid = fork();
	if (pid == 0) {
		wait_until_asleep(parent);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	check("a handled signal ends the wait: EINTR", futex(a, FUTEX_WAIT, 0, NULL, NULL, 0) == -1 &&
	      errno == EINTR && handled);
	exit_code(pid);
	munmap(w, 4096);
	return test_failures;
}
