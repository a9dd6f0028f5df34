/*
 * user/bench/lib/bench.c - clock, fault counts and the BENCH line (see bench.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <time.h>

#include "bench.h"

uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* faults_add: add the minor and major faults of @who (RUSAGE_SELF or _CHILDREN) to @m. */
static void faults_add(struct bench_mark *m, int who)
{
	struct rusage ru;

	if (getrusage(who, &ru) == 0) {
		m->minflt += ru.ru_minflt;
		m->majflt += ru.ru_majflt;
	}
}

/* faults_now: the fault counts of this process and its waited-for children, no time. */
static struct bench_mark faults_now(void)
{
	struct bench_mark m = { 0, 0, 0 };

	faults_add(&m, RUSAGE_SELF);
	faults_add(&m, RUSAGE_CHILDREN);
	return m;
}

struct bench_mark bench_mark(void)
{
	/* The clock is read after getrusage here and before it in bench_add,
	 * so the two getrusage calls stay outside the measured span. */
	struct bench_mark m = faults_now();

	m.ns = now_ns();
	return m;
}

void bench_add(struct bench_sum *sum, const struct bench_mark *start, long ops)
{
	uint64_t end_ns = now_ns();
	struct bench_mark end = faults_now();

	sum->ops += ops;
	sum->ns += end_ns - start->ns;
	sum->minflt += end.minflt - start->minflt;
	sum->majflt += end.majflt - start->majflt;
}

void bench_print(const char *name, const struct bench_sum *sum)
{
	double per_op = sum->ops ? (double)sum->ns / (double)sum->ops : 0;

	printf("BENCH name=%s ops=%ld ns_per_op=%.1f minflt=%ld majflt=%ld\n", name, sum->ops, per_op,
	       sum->minflt, sum->majflt);
	fflush(stdout);
}

_Noreturn void bench_fail(const char *what)
{
	fprintf(stderr, "bench: %s\n", what);
	exit(1);
}

_Noreturn void bench_die(const char *what)
{
	char msg[256];

	snprintf(msg, sizeof(msg), "%s: %s", what, strerror(errno));
	bench_fail(msg);
}

volatile uint8_t *bench_map(size_t bytes)
{
	void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		bench_die("mmap");
	return p;
}

long bench_arg(int argc, char *argv[], int i, long dflt)
{
	char *end;
	long v;

	if (i >= argc)
		return dflt;
	errno = 0;
	v = strtol(argv[i], &end, 0);
	if (errno || end == argv[i] || *end || v <= 0) {
		fprintf(stderr, "%s: argument %d: '%s' is not a positive number\n", argv[0], i, argv[i]);
		exit(2);
	}
	return v;
}
