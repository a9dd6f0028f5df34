/*
 * kernel/time.h - the kernel's clock: the TSC, calibrated at boot against the
 * PIT (8254, 1.193182 MHz), so it is right both under plain TCG and under
 * QEMU's -icount (where the TSC ticks at 1 GHz of guest instructions).
 */
#ifndef KERNEL_TIME_H
#define KERNEL_TIME_H

#include <stdint.h>

#define NSEC_PER_SEC 1000000000L /* Linux: include/vdso/time64.h */

struct timespec_k { int64_t sec, nsec; }; /* Linux's struct __kernel_timespec */
struct timeval_k { int64_t sec, usec; };  /* Linux's struct __kernel_old_timeval */

/* The latest time a sleep can name: Linux's KTIME_MAX and KTIME_SEC_MAX. A
 * longer request sleeps until then rather than wrapping (sec x 1e9 overflows
 * past 292 years) and returning at once; as a deadline it means "never". */
#define KTIME_MAX     ((uint64_t)INT64_MAX)
#define KTIME_SEC_MAX (INT64_MAX / NSEC_PER_SEC)

/* timespec_to_ktime: @ts (valid: sec >= 0, 0 <= nsec < 1e9) in nanoseconds,
 * KTIME_MAX for anything at or past KTIME_SEC_MAX (Linux: timespec64_to_ktime). */
static inline uint64_t timespec_to_ktime(const struct timespec_k *ts)
{
	if (ts->sec >= KTIME_SEC_MAX)
		return KTIME_MAX;
	return (uint64_t)ts->sec * NSEC_PER_SEC + (uint64_t)ts->nsec;
}

/* ktime_add_safe: @a + @b, held at KTIME_MAX instead of overflowing (Linux's name). */
static inline uint64_t ktime_add_safe(uint64_t a, uint64_t b)
{
	return a > KTIME_MAX - b ? KTIME_MAX : a + b;
}

extern uint64_t tsc_khz; /* TSC ticks per millisecond; 0 before calibration */

/* time_init: calibrate the TSC against PIT channel 2 (~10 ms). Boot, once, IF=0. */
void time_init(void);

/* uptime_ns: nanoseconds since the kernel started (0 before time_init). */
uint64_t uptime_ns(void);

/* realtime_ns: nanoseconds since the epoch (CLOCK_REALTIME): the RTC's date,
 * read at first use, plus uptime. */
uint64_t realtime_ns(void);

#endif
