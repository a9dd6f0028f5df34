/*
 * arch/x86_64/mmio.h - loads and stores to memory-mapped device registers
 * (Linux: readl/writel). Each is one access of exactly the register's width
 * (a device may act on the width: a 16-bit notify write is not two 8-bit ones),
 * and each is a compiler barrier, so the compiler neither merges, splits nor
 * moves ordinary memory accesses (a ring in RAM) across it.
 *
 * No fence instruction is needed on x86: device registers are mapped uncached
 * (mm/ioremap.c), and UC accesses are strongly ordered: they are not reordered
 * with any other load or store (Intel SDM Vol. 3A 11.3 "Methods of Caching
 * Available", 8.2.2). A store to RAM before a doorbell write reaches memory first.
 */
#ifndef ARCH_X86_64_MMIO_H
#define ARCH_X86_64_MMIO_H

#include <stdint.h>

/* barrier: the compiler keeps memory accesses on their side of it (no CPU fence). */
#define barrier() __asm__ volatile("" ::: "memory")

static inline uint8_t mmio_read8(const volatile void *a)
{
	uint8_t v = *(const volatile uint8_t *)a;
	barrier();
	return v;
}

static inline uint16_t mmio_read16(const volatile void *a)
{
	uint16_t v = *(const volatile uint16_t *)a;
	barrier();
	return v;
}

static inline uint32_t mmio_read32(const volatile void *a)
{
	uint32_t v = *(const volatile uint32_t *)a;
	barrier();
	return v;
}

static inline void mmio_write8(volatile void *a, uint8_t v)
{
	barrier();
	*(volatile uint8_t *)a = v;
}

static inline void mmio_write16(volatile void *a, uint16_t v)
{
	barrier();
	*(volatile uint16_t *)a = v;
}

static inline void mmio_write32(volatile void *a, uint32_t v)
{
	barrier();
	*(volatile uint32_t *)a = v;
}

#endif
