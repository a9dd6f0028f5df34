/* kernel/time.c - the TSC clock, calibrated by arch/x86_64/pit.c, and uptime (see time.h). */
#include "kernel/time.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/pit.h"
#include "drivers/rtc.h"

uint64_t tsc_khz;
static uint64_t tsc_at_boot;

void time_init(void)
{
	tsc_at_boot = rdtsc();
	tsc_khz = pit_calibrate_tsc();
}

uint64_t uptime_ns(void)
{
	if (!tsc_khz)
		return 0;
	uint64_t ticks = rdtsc() - tsc_at_boot;
	/* ticks * 1e6 / khz would overflow after ~5 hours at 1 GHz; split it. */
	return ticks / tsc_khz * 1000000 + ticks % tsc_khz * 1000000 / tsc_khz;
}

static uint64_t boot_epoch_ns;

uint64_t realtime_ns(void)
{
	if (!boot_epoch_ns)
		boot_epoch_ns = rtc_read_epoch() * NSEC_PER_SEC - uptime_ns();
	return boot_epoch_ns + uptime_ns();
}
