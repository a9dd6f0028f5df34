/*
 * arch/x86_64/pit.c - the 8254 PIT (Intel 8254 data sheet): channel 0 as the
 * scheduler tick (mode 2, rate generator), channel 2 as the stopwatch the TSC
 * is calibrated with (mode 0, with its gate and output on port 0x61).
 */
#include "arch/x86_64/pit.h"
#include "arch/x86_64/cpu.h"

#define PIT_HZ       1193182u /* the input clock */
#define PIT_CH0      0x40
#define PIT_CH2_DATA 0x42
#define PIT_CMD      0x43
#define PIT_GATE     0x61 /* bit 0: channel 2 gate, bit 1: speaker, bit 5: channel 2 output */
#define CALIBRATE_MS 10

void pit_start(unsigned hz)
{
	unsigned divisor = (PIT_HZ + hz / 2) / hz;
	outb(PIT_CMD, 0x34); /* channel 0, lobyte/hibyte, mode 2 */
	outb(PIT_CH0, divisor & 0xff);
	outb(PIT_CH0, divisor >> 8);
}

uint64_t pit_calibrate_tsc(void)
{
	uint16_t ticks = PIT_HZ * CALIBRATE_MS / 1000;
	outb(PIT_GATE, (inb(PIT_GATE) & ~0x02) | 0x01); /* gate on, speaker off */
	outb(PIT_CMD, 0xb0);                            /* ch2, lobyte/hibyte, mode 0 */
	outb(PIT_CH2_DATA, ticks & 0xff);
	outb(PIT_CH2_DATA, ticks >> 8);
	uint64_t start = rdtsc();
	while (!(inb(PIT_GATE) & 0x20)) /* OUT2 goes high when the count reaches 0 */
		cpu_relax();
	uint64_t elapsed = rdtsc() - start;
	/* Divide by the time the whole PIT ticks really took, not CALIBRATE_MS:
	 * the count is rounded down (11931 ticks are 9.99931 ms), which made a
	 * 1 GHz TSC (QEMU -icount shift=0) read 999.931 MHz, 69 ppm slow. */
	uint64_t khz = elapsed * PIT_HZ / (ticks * 1000ull);
	return khz ? khz : 1;
}
