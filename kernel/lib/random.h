/* kernel/lib/random.h - non-cryptographic random bytes (AT_RANDOM, getrandom). */
#ifndef KERNEL_RANDOM_H
#define KERNEL_RANDOM_H

#include <stddef.h>

/* get_random_bytes: fill @buf with @n bytes from a xorshift64* generator seeded
 * by the TSC at first use. Not cryptographic: a teaching kernel has no entropy pool. */
void get_random_bytes(void *buf, size_t n);

#endif
