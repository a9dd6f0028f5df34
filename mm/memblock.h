/*
 * mm/memblock.h - the boot-time memory map (Linux: mm/memblock.c).
 *
 * Before the buddy allocator exists the kernel needs memory for the buddy's
 * own bookkeeping (the struct page array). memblock keeps two sorted lists of
 * physical ranges: `memory` (RAM the kernel may use) and `reserved` (RAM that
 * is in use: low 1 MiB, kernel image, initrd, symbols, the loader's handoff,
 * and whatever memblock_alloc handed out). memblock_free_all() then gives
 * memory minus reserved to the buddy, and memblock is done.
 * Lock: boot only, single CPU.
 */
#ifndef MM_MEMBLOCK_H
#define MM_MEMBLOCK_H

#include <stdint.h>

#define MEMBLOCK_MAX 128

struct memblock_region {
	uint64_t base, size;
};

struct memblock_list {
	unsigned count;
	struct memblock_region r[MEMBLOCK_MAX];
};

extern struct memblock_list memblock_memory, memblock_reserved;

/* memblock_add: mark [@base, @base+@size) as usable RAM. */
void memblock_add(uint64_t base, uint64_t size);

/* memblock_reserve: mark [@base, @base+@size) as in use (never given to the buddy). */
void memblock_reserve(uint64_t base, uint64_t size);

/* memblock_alloc: @size bytes of usable, unreserved RAM aligned to @align (top-down);
 * reserves and returns its physical address; panics when nothing fits. */
uint64_t memblock_alloc(uint64_t size, uint64_t align);

/* memblock_free_all: hand every usable, unreserved frame to the buddy (page_zone). */
void memblock_free_all(void);

#endif
