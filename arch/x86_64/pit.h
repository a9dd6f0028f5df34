/* arch/x86_64/pit.h - the 8254 PIT, channel 0, as the periodic scheduler tick. */
#ifndef ARCH_X86_64_PIT_H
#define ARCH_X86_64_PIT_H

/* pit_start: channel 0 in rate-generator mode at @hz interrupts a second (IRQ 0). */
void pit_start(unsigned hz);

#endif
