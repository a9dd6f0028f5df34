/* kernel/time.c - TSC calibration against the PIT and uptime (see time.h). */
#include "kernel/time.h"
#include "arch/x86_64/cpu.h"

#define PIT_HZ       1193182ull
#define PIT_CH2_DATA 0x42
#define PIT_CMD      0x43
#define PIT_GATE     0x61 /* bit 0: channel 2 gate, bit 1: speaker, bit 5: channel 2 output */
#define CALIBRATE_MS 10

uint64_t tsc_khz;
static uint64_t tsc_at_boot;

/* pit_wait_ticks: busy-wait @ticks PIT ticks using channel 2 in one-shot mode 0;
 * returns the TSC ticks that elapsed. */
static uint64_t pit_wait_ticks(uint16_t ticks)
{
	outb(PIT_GATE, (inb(PIT_GATE) & ~0x02) | 0x01); /* gate on, speaker off */
	outb(PIT_CMD, 0xb0);                            /* ch2, lobyte/hibyte, mode 0 */
	outb(PIT_CH2_DATA, ticks & 0xff);
	outb(PIT_CH2_DATA, ticks >> 8);
	uint64_t start = rdtsc();
	while (!(inb(PIT_GATE) & 0x20)) /* OUT2 goes high when the count reaches 0 */
		cpu_relax();
	return rdtsc() - start;
}

void time_init(void)
{
	tsc_at_boot = rdtsc();
	uint16_t ticks = PIT_HZ * CALIBRATE_MS / 1000;
	/* Divide by the time the whole PIT ticks really took, not CALIBRATE_MS:
	 * the count is rounded down (11931 ticks are 9.99931 ms), which made a
	 * 1 GHz TSC (QEMU -icount shift=0) read 999.931 MHz, 69 ppm slow. */
	tsc_khz = pit_wait_ticks(ticks) * PIT_HZ / (ticks * 1000ull);
	if (!tsc_khz)
		tsc_khz = 1;
}

uint64_t uptime_ns(void)
{
	if (!tsc_khz)
		return 0;
	uint64_t ticks = rdtsc() - tsc_at_boot;
	/* ticks * 1e6 / khz would overflow after ~5 hours at 1 GHz; split it. */
	return ticks / tsc_khz * 1000000 + ticks % tsc_khz * 1000000 / tsc_khz;
}
