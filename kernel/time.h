/*
 * kernel/time.h - the kernel's clock: the TSC, calibrated at boot against the
 * PIT (8254, 1.193182 MHz), so it is right both under plain TCG and under
 * QEMU's -icount (where the TSC ticks at 1 GHz of guest instructions).
 */
#ifndef KERNEL_TIME_H
#define KERNEL_TIME_H

#include <stdint.h>

#define NSEC_PER_SEC 1000000000L /* Linux: include/vdso/time64.h */

extern uint64_t tsc_khz; /* TSC ticks per millisecond; 0 before calibration */

/* time_init: calibrate the TSC against PIT channel 2 (~10 ms). Boot, once, IF=0. */
void time_init(void);

/* uptime_ns: nanoseconds since the kernel started (0 before time_init). */
uint64_t uptime_ns(void);

#endif
