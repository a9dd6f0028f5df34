/*
 * kernel/sys_time.c - clocks and sleeping. CLOCK_MONOTONIC is the calibrated
 * TSC (kernel/time.c); CLOCK_REALTIME adds the RTC's date read at boot.
 */
#include "kernel/syscalls.h"
#include "kernel/sched.h"
#include "kernel/time.h"
#include "kernel/uaccess.h"
#include "kernel/errno.h"

enum {
	CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID,
	CLOCK_MONOTONIC_RAW, CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME,
};
#define TIMER_ABSTIME 1

/* clock_ns: the value of @clock in nanoseconds; false for an unknown clock. */
static bool clock_ns(int clock, uint64_t *ns)
{
	switch (clock) {
	case CLOCK_REALTIME: case CLOCK_REALTIME_COARSE:
		*ns = realtime_ns();
		return true;
	case CLOCK_MONOTONIC: case CLOCK_MONOTONIC_RAW: case CLOCK_MONOTONIC_COARSE: case CLOCK_BOOTTIME:
		*ns = uptime_ns();
		return true;
	case CLOCK_PROCESS_CPUTIME_ID: case CLOCK_THREAD_CPUTIME_ID:
		*ns = (current->utime_ticks + current->stime_ticks) * (NSEC_PER_SEC / HZ);
		return true;
	default:
		return false;
	}
}

long sys_clock_gettime(int clock, void *tp)
{
	uint64_t ns;
	if (!clock_ns(clock, &ns))
		return -EINVAL;
	struct timespec_k ts = { (int64_t)(ns / NSEC_PER_SEC), (int64_t)(ns % NSEC_PER_SEC) };
	return copy_to_user(tp, &ts, sizeof(ts));
}

/* sys_clock_getres: the resolution of @clock: 1 ns for the TSC-based clocks
 * (Linux's hrtimer resolution), a tick for the coarse ones and the CPU-time
 * clocks (counted in ticks here). -EINVAL for an unknown clock. */
long sys_clock_getres(int clock, void *tp)
{
	uint64_t ns;
	if (!clock_ns(clock, &ns))
		return -EINVAL;
	bool tick = clock == CLOCK_REALTIME_COARSE || clock == CLOCK_MONOTONIC_COARSE ||
		    clock == CLOCK_PROCESS_CPUTIME_ID || clock == CLOCK_THREAD_CPUTIME_ID;
	struct timespec_k res = { 0, tick ? NSEC_PER_SEC / HZ : 1 };
	return tp && copy_to_user(tp, &res, sizeof(res)) ? -EFAULT : 0;
}

long sys_gettimeofday(void *tv, void *tz)
{
	uint64_t ns = realtime_ns();
	struct timeval_k t = { (int64_t)(ns / NSEC_PER_SEC), (int64_t)(ns % NSEC_PER_SEC / 1000) };
	if (tv && copy_to_user(tv, &t, sizeof(t)))
		return -EFAULT;
	return tz ? clear_user(tz, 8) : 0;
}

long sys_time(int64_t *t)
{
	int64_t now = (int64_t)(realtime_ns() / NSEC_PER_SEC);
	if (t && copy_to_user(t, &now, sizeof(now)))
		return -EFAULT;
	return now;
}

/* sleep_for: sleep @req's duration on @clock (absolute with TIMER_ABSTIME), writing
 * the time left to @rem when a signal interrupts (nanosleep semantics). */
static long sleep_for(int clock, int flags, const void *req, void *rem)
{
	struct timespec_k ts;
	uint64_t now;
	if (copy_from_user(&ts, req, sizeof(ts)))
		return -EFAULT;
	if (ts.sec < 0 || ts.nsec < 0 || ts.nsec >= (int64_t)NSEC_PER_SEC)
		return -EINVAL;
	if (!clock_ns(clock, &now) || clock == CLOCK_PROCESS_CPUTIME_ID || clock == CLOCK_THREAD_CPUTIME_ID)
		return -EINVAL;
	uint64_t want = timespec_to_ktime(&ts);
	uint64_t delta = (flags & TIMER_ABSTIME) ? (want > now ? want - now : 0) : want;
	uint64_t deadline = ktime_add_safe(uptime_ns(), delta);
	if (sleep_until(deadline) == 0)
		return 0;
	if (rem && !(flags & TIMER_ABSTIME)) {
		uint64_t now_ns = uptime_ns(), left = deadline > now_ns ? deadline - now_ns : 0;
		struct timespec_k r = { (int64_t)(left / NSEC_PER_SEC), (int64_t)(left % NSEC_PER_SEC) };
		if (copy_to_user(rem, &r, sizeof(r)))
			return -EFAULT;
	}
	return -EINTR;
}

long sys_nanosleep(const void *req, void *rem)
{
	return sleep_for(CLOCK_MONOTONIC, 0, req, rem);
}

long sys_clock_nanosleep(int clock, int flags, const void *req, void *rem)
{
	return sleep_for(clock, flags, req, rem);
}
