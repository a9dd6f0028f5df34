/*
 * tests/user/stack.c - the main stack grows on demand, up to its 8 MiB limit
 * (RLIMIT_STACK; on Linux the test expects the usual `ulimit -s 8192`):
 * a recursion 600 KiB deep keeps every level's data; writing only the lowest
 * byte of a 2 MiB local array (far below anything touched) costs about one
 * page fault, so growth maps no page it skips; such an array written from
 * its bottom up works; a recursion 7 MiB deep still works; one meant to go
 * 16 MiB deep is killed by SIGSEGV at the limit.
 * user-test: diff
 */
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"
#include "lib/pages.h"

#define FRAME 4096   /* the local array of each level of recurse() */
#define BIG   (2ul << 20)

/* recurse: @depth + 1 levels of FRAME bytes of stack, each filled with its
 * depth (mod 256); the sum of all their bytes, each level's read back after
 * the deeper levels returned. */
static __attribute__((noinline)) long recurse(int depth)
{
	volatile unsigned char frame[FRAME];
	long sum;

	for (int i = 0; i < FRAME; i++)
		frame[i] = depth;
	sum = depth ? recurse(depth - 1) : 0;
	for (int i = 0; i < FRAME; i++)
		sum += frame[i];
	return sum;
}

/* deep: whether recurse() through about @kib KiB of stack returns the right sum. */
static int deep(int kib)
{
	int levels = kib * 1024 / FRAME;
	long sum = 0;

	for (int depth = 0; depth < levels; depth++)
		sum += FRAME * (depth & 0xff);
	return recurse(levels - 1) == sum;
}

/* bottom_only: a BIG local array of which only the lowest byte is written; that byte. */
static __attribute__((noinline)) int bottom_only(void)
{
	volatile unsigned char array[BIG];

	array[0] = 1;
	return array[0];
}

/* big_array: a BIG local array written one byte per page from its bottom up; their sum. */
static __attribute__((noinline)) long big_array(void)
{
	volatile unsigned char array[BIG];
	long sum = 0;

	for (size_t i = 0; i < BIG; i += PAGE)
		array[i] = 1;
	for (size_t i = 0; i < BIG; i += PAGE)
		sum += array[i];
	return sum;
}

/* overflow: recurse through 16 MiB in a child; print how the child ended. */
static void overflow(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(deep(16 << 10));
	waitpid(pid, &status, 0);
	printf("recursion 16 MiB deep: %s\n",
	       WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "returned");
}

int main(void)
{
	struct rlimit no_core = { 0, 0 };
	long faults;

	setrlimit(RLIMIT_CORE, &no_core); /* no core files on Linux */
	setvbuf(stdout, NULL, _IONBF, 0); /* the child must not flush the parent's buffer */
	check("recursion 600 KiB deep works", deep(600));
	faults = minflt();
	bottom_only();
	faults = minflt() - faults;
	check("writing only the bottom of a 2 MiB local array costs about one fault", faults_about(faults, 1));
	check("a 2 MiB local array written from its bottom up works", big_array() == BIG / PAGE);
	check("recursion 7 MiB deep works", deep(7 << 10));
	overflow();
	return test_failures;
}
