/* arch/x86_64/pit.c - program PIT channel 0 (8254 data sheet: mode 2, rate generator). */
#include "arch/x86_64/pit.h"
#include "arch/x86_64/cpu.h"

#define PIT_HZ 1193182u
#define PIT_CH0 0x40
#define PIT_CMD 0x43

void pit_start(unsigned hz)
{
	unsigned divisor = (PIT_HZ + hz / 2) / hz;
	outb(PIT_CMD, 0x34); /* channel 0, lobyte/hibyte, mode 2 */
	outb(PIT_CH0, divisor & 0xff);
	outb(PIT_CH0, divisor >> 8);
}
