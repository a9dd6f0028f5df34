/*
 * user/bench/run.c - the benchmark runner, the same binary on both kernels:
 *   run                 every program of the table below, in order
 *   run --quick         the same with tiny sizes: a smoke test that each
 *                       program runs (make test), its numbers meaningless
 *   run PROG [ARGS...]  only BENCH_DIR/PROG with ARGS (make bench's swap boot
 *                       runs `swap_thrash 320`)
 * It prints a line naming the kernel and the memory, then the "boot" row:
 * CLOCK_MONOTONIC when the runner started, i.e. from the kernel's clock
 * start to here (on Linux the runner is /init itself; on ours /init starts it),
 * then each program's rows, then "bench: done, N failed". Each program runs
 * in a child, so one that crashes fails alone.
 * As pid 1 (the /init of Linux's initramfs) it sets the machine up first and
 * powers it off at the end (lib/linux_init.c); otherwise it exits with the
 * number of programs that failed.
 */
#include <stdio.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "lib/bench.h"
#include "lib/linux_init.h"
#include "lib/proc.h"

extern char **environ;

/* Every row's program, in the order of the table docs/bench.md shows, and its
 * arguments for --quick. */
static const struct {
	const char *name;
	char *quick[3];
} programs[] = {
	{ "calib", { "10" } }, { "getpid", { "10" } }, { "faults", { "1" } }, { "cow", { "1", "1" } },
	{ "brk", { "1" } }, { "mmap_churn", { "10" } }, { "mmap_scale", { "10" } }, { "fork_exit", { "2" } },
	{ "exec", { "2" } },
};

#define PROGRAMS (sizeof(programs) / sizeof(programs[0]))
#define MAX_ARGS 16

/* describe: "bench: SYSNAME RELEASE, RAM and swap in MiB" as sysinfo sees them. */
static void describe(void)
{
	struct utsname u;
	struct sysinfo si;

	if (uname(&u) || sysinfo(&si)) {
		printf("bench: unknown kernel\n");
		return;
	}
	printf("bench: %s %s, RAM %lu MiB, swap %lu MiB\n", u.sysname, u.release,
	       (unsigned long)(si.totalram * si.mem_unit / MIB), (unsigned long)(si.totalswap * si.mem_unit / MIB));
}

/* run_one: BENCH_DIR/@name with @args (NULL-terminated, at most MAX_ARGS); 0 when it exits 0. */
static int run_one(const char *name, char *const args[])
{
	char path[256];
	char *argv[MAX_ARGS + 2] = { (char *)name };
	int n = 1, status;

	for (; args && args[n - 1] && n <= MAX_ARGS; n++)
		argv[n] = args[n - 1];
	argv[n] = NULL;
	snprintf(path, sizeof(path), "%s/%s", BENCH_DIR, name);
	status = exit_code(run_wait("run", path, argv, environ, 127));
	if (status)
		printf("bench: %s failed with status %d\n", name, status);
	return status != 0;
}

int main(int argc, char *argv[])
{
	struct bench_sum boot = { 1, now_ns(), 0, 0 };
	int pid1 = getpid() == 1, failed = 0;

	if (pid1)
		linux_init();
	describe();
	bench_print("boot", &boot);
	if (argc > 1 && strcmp(argv[1], "--quick"))
		failed = run_one(argv[1], argv + 2);
	else
		for (size_t i = 0; i < PROGRAMS; i++)
			failed += run_one(programs[i].name, argc > 1 ? programs[i].quick : NULL);
	printf("bench: done, %d failed\n", failed);
	fflush(stdout);
	if (pid1)
		linux_power_off();
	return failed;
}
