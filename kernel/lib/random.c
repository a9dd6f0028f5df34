/* kernel/lib/random.c - xorshift64* (Vigna 2014), seeded from the TSC (see random.h). */
#include <stdint.h>
#include "kernel/lib/random.h"
#include "arch/x86_64/cpu.h"

static uint64_t state;

/* next: one 64-bit output of xorshift64*. */
static uint64_t next(void)
{
	if (!state)
		state = rdtsc() | 1;
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545f4914f6cdd1dull;
}

void get_random_bytes(void *buf, size_t n)
{
	uint8_t *p = buf;
	while (n) {
		uint64_t r = next();
		for (int i = 0; i < 8 && n; i++, n--, r >>= 8)
			*p++ = (uint8_t)r;
	}
}
