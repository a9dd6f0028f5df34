/*
 * arch/x86_64/pit.h - the 8254 PIT: channel 0 as the periodic scheduler tick,
 * channel 2 as the stopwatch the TSC is calibrated against at boot.
 */
#ifndef ARCH_X86_64_PIT_H
#define ARCH_X86_64_PIT_H

#include <stdint.h>

/* pit_start: channel 0 in rate-generator mode at @hz interrupts a second (IRQ 0). */
void pit_start(unsigned hz);

/* pit_calibrate_tsc: the TSC's rate in kHz (at least 1), measured over ~10 ms
 * of channel 2 in one-shot mode 0, busy-waiting. Boot, once, IF=0. */
uint64_t pit_calibrate_tsc(void);

#endif
