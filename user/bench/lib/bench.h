/*
 * user/bench/lib/bench.h - what every benchmark program shares: the clock, the
 * fault counts, and the one line each row prints, the same on our kernel and
 * on Linux (docs/bench.md):
 *   BENCH name=NAME ops=N ns_per_op=X.Y minflt=N majflt=N
 * minflt/majflt are the faults of the measured span, the process's own plus
 * those of children waited for in it (fork_exit, exec).
 */
#ifndef USER_BENCH_LIB_BENCH_H
#define USER_BENCH_LIB_BENCH_H

#include <stddef.h>
#include <stdint.h>

#include "lib/pages.h" /* PAGE, MIB, touch_pages (user/lib/) */

#define BENCH_DIR "/bench" /* where the programs are, on both kernels */

/* A point in time and the fault counts at it. */
struct bench_mark {
	uint64_t ns;
	long minflt, majflt;
};

/* What a row has measured so far: its operations, their time and faults. */
struct bench_sum {
	long ops;
	uint64_t ns;
	long minflt, majflt;
};

/* now_ns: CLOCK_MONOTONIC in nanoseconds. */
uint64_t now_ns(void);

/* bench_mark: the time and the fault counts now. */
struct bench_mark bench_mark(void);

/* bench_add: add to @sum the @ops operations done since @start, with their time and faults. */
void bench_add(struct bench_sum *sum, const struct bench_mark *start, long ops);

/* bench_print: the BENCH line of row @name (stdout, flushed: a fork may follow). */
void bench_print(const char *name, const struct bench_sum *sum);

/* bench_fail: "bench: @what" on stderr, exit status 1. */
_Noreturn void bench_fail(const char *what);

/* bench_die: "bench: @what: reason" (errno's) on stderr, exit status 1. */
_Noreturn void bench_die(const char *what);

/* bench_map: @bytes of fresh private anonymous read-write memory; dies on failure. */
volatile uint8_t *bench_map(size_t bytes);

/* bench_arg: argv[@i] as a positive number, or @dflt when absent; dies on a bad one. */
long bench_arg(int argc, char *argv[], int i, long dflt);

#endif
