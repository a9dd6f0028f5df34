/*
 * tests/user/sysfuzz.c - `sysfuzz SEED ROUNDS CALLS`: random system calls with
 * hostile arguments, and a leak check after every round. The kernel must
 * survive any of them (no panic, no oops: the boot test forbids both), answer
 * each with a result or -errno, and give back every frame and swap slot once
 * the fuzzing process is gone.
 *
 * Each round forks a child that points fds 0-2 at a read-only file (so
 * nothing it writes reaches the console), maps a 64-page arena, and makes
 * CALLS system calls: numbers from the whole table and beyond it (one that
 * said ENOSYS in any round is tried again only now and then), arguments
 * drawn from classes that find bugs (small numbers, fds, pointers into the
 * arena and across its end, unmapped and kernel and non-canonical addresses,
 * path strings, sizes at page boundaries, flag bits, raw random words). The
 * calls go through inline `syscall` so that a random arch_prctl or signal
 * mask cannot break libc under the loop. A call may kill the child (a bad
 * signal handler, an unmapped stack): the round ends there. Left out: the
 * calls that would end the test rather than the round (reboot; kill and
 * friends aimed at anything but the child or a pid nobody has; prlimit64 of
 * another process; fork, vfork and clone, whose children would outlive the
 * round), the waits for a signal that never comes (pause, rt_sigsuspend),
 * exit itself, and long sleeps (sleeps are short). Calls that may wait for
 * something nobody will do (a futex wake, pipe data, poll and select, a
 * signal for rt_sigtimedwait, new log lines, a FIFO's other end) get a short
 * timeout or nonblocking flags, as on Linux they would wait for ever.
 * A child still running when the watchdog's polls run out is killed; that
 * is counted, not failed.
 *
 * The parent locks its memory (tests/user/leakcheck.h) and compares free RAM
 * and swap before and after each round. Exit status: the number of rounds
 * that leaked. A failure replays with make run INIT="/tests/sysfuzz SEED ROUNDS CALLS".
 * user-test: helper
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "leakcheck.h"

#define ARENA       ((char *)0x10000000ul)
#define ARENA_SIZE  (64ul * 4096)
#define MAX_NR      460  /* past Linux's table (about 450 in 2026): ENOSYS */
#define POLL_NS     10000000l /* the watchdog's poll */

/* What a round tells its parent through a shared page (the child may unmap
 * its own view of it: then it dies, and the counts so far stand). */
struct round_stats {
	uint64_t calls, errors, enosys;
};

static uint64_t rng; /* xorshift64* state */
static volatile bool *enosys; /* [MAX_NR], MAP_SHARED: numbers that said ENOSYS in any round */

/* rand64: the next pseudo-random word of the seeded sequence. */
static uint64_t rand64(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545f4914f6cdd1dull;
}

/* pick: one of the @n values of @v. */
static uint64_t pick(const uint64_t *v, unsigned n)
{
	return v[rand64() % n];
}

#define PICK(...) pick((const uint64_t[]){ __VA_ARGS__ }, sizeof((const uint64_t[]){ __VA_ARGS__ }) / 8)

static const char *const paths[] = {
	"/", "/tests/not_elf.txt", "/proc/self/maps", "/proc/meminfo", "/proc/self/stat", "/proc",
	"/nonexistent", "", "/tests/not_elf.txt/x", "/proc/self/../self/status", "..", ".", "/tests",
};

/* arg: one argument, from a class picked at random. */
static uint64_t arg(void)
{
	switch (rand64() % 8) {
	case 0: return (uint64_t)(int64_t)(rand64() % 67) - 2;                      /* small numbers */
	case 1: return PICK(0, 1, 2, 3, 4, 5, 63, 100, 1023, 1024, (uint64_t)-1, 0x7fffffff); /* fds */
	case 2: return (uint64_t)ARENA + rand64() % (ARENA_SIZE + 8192) - 8;     /* the arena, and across its ends */
	case 3: return PICK(0, 1, 4095, 0x7ffffffff000ul, 0x7ffffffffffful, 0x800000000000ul,
			    0xffff800000000000ul, 0xffffffff80000000ul, 0xffffffffff600000ul, (uint64_t)-1);
	case 4: return (uint64_t)paths[rand64() % (sizeof(paths) / sizeof(paths[0]))];
	case 5: return PICK(0, 1, 8, 4095, 4096, 4097, 65536, 1ul << 20, 1ul << 24, 1ul << 31, 1ul << 32,
			    (uint64_t)-1, 0x7fffffffffffffff);
	case 6: return rand64() & rand64() & rand64(); /* a few flag bits */
	default: return rand64();
	}
}

/* raw_syscall: the system call @nr with @a, straight through the instruction
 * (no libc, no errno: a random arch_prctl may have broken the TLS). */
static long raw_syscall(uint64_t nr, const uint64_t a[6])
{
	register uint64_t r10 __asm__("r10") = a[3], r8 __asm__("r8") = a[4], r9 __asm__("r9") = a[5];
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a[0]), "S"(a[1]), "d"(a[2]), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

/* tame: make the call @nr with arguments @a safe for the test as a whole;
 * false to skip it. Calls that end the child are made rare, so that a round
 * makes most of its calls. */
static bool tame(uint64_t nr, uint64_t a[6], int self)
{
	static struct timespec short_sleep;
	static struct { long sec, usec; } short_tv;

	switch (nr) {
	case SYS_futex:            /* WAIT: relative, WAIT_BITSET: absolute (past: at once) */
	case SYS_ppoll: case SYS_rt_sigtimedwait:
		short_sleep.tv_nsec = (long)(rand64() % 1000000);
		a[nr == SYS_futex ? 3 : 2] = (uint64_t)&short_sleep;
		return true;
	case SYS_pselect6:
		short_sleep.tv_nsec = (long)(rand64() % 1000000);
		a[4] = (uint64_t)&short_sleep;
		return true;
	case SYS_select:
		short_tv.usec = (long)(rand64() % 1000);
		a[4] = (uint64_t)&short_tv;
		return true;
	case SYS_poll:
		a[2] = rand64() % 2; /* milliseconds */
		return true;
	case SYS_pipe2:
		a[1] |= O_NONBLOCK; /* its read end would wait for its own write end */
		return true;
	case SYS_pipe:
		return false;
	case SYS_fcntl:
		if (a[1] == F_SETFL)
			a[2] |= O_NONBLOCK;
		return true;
	case SYS_syslog:
		return a[0] != 2; /* SYSLOG_ACTION_READ waits for new lines */
	case SYS_mknod: case SYS_mknodat:
		return (a[nr == SYS_mknod ? 1 : 2] & S_IFMT) != S_IFIFO; /* an open of it waits for the other end */
	case SYS_reboot: case SYS_fork: case SYS_vfork: case SYS_clone: case 435 /* clone3 */:
	case SYS_pause: case SYS_rt_sigsuspend: case SYS_exit: case SYS_exit_group:
		return false;
	case SYS_rt_sigreturn: /* a frame of random stack words: nearly always SIGSEGV */
		return rand64() % 50 == 0;
	case SYS_kill: case SYS_tkill:
		a[0] = rand64() % 100 == 0 ? (uint64_t)self : PICK(99999, (uint64_t)-99999, 0x7fffffff);
		return true;
	case SYS_tgkill:
		a[0] = a[1] = rand64() % 100 == 0 ? (uint64_t)self : 99999;
		return true;
	case SYS_prlimit64: /* only its own limits: the parent's are not the child's to break */
		a[0] = 0;
		return true;
	case SYS_nanosleep: case SYS_clock_nanosleep:
		short_sleep.tv_nsec = (long)(rand64() % 1000000);
		a[nr == SYS_nanosleep ? 0 : 2] = rand64() % 4 ? (uint64_t)&short_sleep : PICK(0, 1, 0xffff800000000000ul);
		return true;
	default:
		return true;
	}
}

/* fuzz_child: the round's child: @calls random calls made (skipped ones do
 * not count), counted in @st. Never returns. */
static void fuzz_child(uint64_t seed, unsigned calls, volatile struct round_stats *st, int quiet_fd)
{
	int self = getpid();

	rng = seed;
	for (int fd = 0; fd < 3; fd++)
		dup2(quiet_fd, fd);
	if (mmap(ARENA, ARENA_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != ARENA)
		_exit(2);
	for (unsigned i = 0; i < ARENA_SIZE; i += 8)
		*(uint64_t *)(ARENA + i) = rand64();
	for (unsigned made = 0, tries = 0; made < calls && tries < calls * 64; tries++) {
		uint64_t nr = rand64() % MAX_NR, a[6];
		long ret;

		if (enosys[nr] && rand64() % 32)
			continue; /* answered ENOSYS before: try it now and then only */

		for (int k = 0; k < 6; k++)
			a[k] = arg();
		if (!tame(nr, a, self))
			continue;
		ret = raw_syscall(nr, a);
		st->calls = ++made;
		if (ret < 0 && ret > -4096)
			st->errors++;
		if (ret == -ENOSYS) {
			st->enosys++;
			enosys[nr] = true;
		}
	}
	raw_syscall(SYS_exit_group, (const uint64_t[6]){ 0 });
	for (;;)
		;
}

/* run_round: one child of @calls calls seeded @seed; adds to @total; 1 when it
 * had to be killed by the watchdog. *@signalled says whether a signal ended it. */
static int run_round(uint64_t seed, unsigned calls, int quiet_fd, struct round_stats *total, int *signalled)
{
	volatile struct round_stats *st = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	struct timespec poll = { 0, POLL_NS };
	long polls = 500 + calls / 4;
	int status, killed = 0;

	if (st == MAP_FAILED)
		return 0;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		fuzz_child(seed, calls, st, quiet_fd);
	while (pid > 0 && waitpid(pid, &status, WNOHANG) == 0) {
		if (--polls == 0) {
			kill(pid, SIGKILL);
			killed = 1;
		}
		nanosleep(&poll, NULL);
	}
	*signalled = pid > 0 && WIFSIGNALED(status);
	total->calls += st->calls;
	total->errors += st->errors;
	total->enosys += st->enosys;
	munmap((void *)st, 4096);
	return killed;
}

int main(int argc, char *argv[])
{
	struct round_stats total = { 0, 0, 0 };
	int leaks = 0, signalled = 0, watchdog = 0;

	if (argc != 4) {
		fprintf(stderr, "usage: sysfuzz SEED ROUNDS CALLS\n");
		return 2;
	}
	uint64_t seed = strtoull(argv[1], NULL, 0);
	int rounds = atoi(argv[2]);
	unsigned calls = (unsigned)atoi(argv[3]);
	int quiet_fd = open("/tests/not_elf.txt", O_RDONLY);

	if (quiet_fd < 0) {
		perror("sysfuzz: /tests/not_elf.txt");
		return 2;
	}
	rng = seed * 0x9e3779b97f4a7c15ull + 1;
	enosys = mmap(NULL, MAX_NR, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (enosys == MAP_FAILED)
		return 2;
	struct leak_snapshot start = leak_begin();
	for (int r = 0; r < rounds; r++) {
		int sig = 0;

		watchdog += run_round(rand64() | 1, calls, quiet_fd, &total, &sig);
		signalled += sig;
		struct leak_snapshot end = leak_settled();
		if (end.ram != start.ram || end.swap != start.swap) {
			printf("sysfuzz: seed %lu round %d: ", (unsigned long)seed, r);
			leaks += leak_end(start);
			start = end;
		}
	}
	printf("sysfuzz: seed %lu: %d rounds, %lu calls (%lu returned an error, %lu of them ENOSYS); "
	       "%d children ended by a signal, %d by the watchdog; %d rounds leaked\n",
	       (unsigned long)seed, rounds, (unsigned long)total.calls, (unsigned long)total.errors,
	       (unsigned long)total.enosys, signalled, watchdog, leaks);
	return leaks;
}
