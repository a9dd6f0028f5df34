/*
 * mm/buddy.h - the binary buddy frame allocator (Linux: mm/page_alloc.c, one zone).
 *
 * Free memory is kept as blocks of 2^order contiguous frames, order 0..MAX_ORDER-1,
 * each block naturally aligned (its first pfn is a multiple of 2^order). A block's
 * "buddy" is the block it was split from: pfn ^ (1 << order). Freeing merges with
 * the buddy while the buddy is free and of the same order, so memory returns to
 * the largest blocks it can form.
 *
 * This file is pure algorithm over `struct page`: no hardware access, so the host
 * unit tests (tests/host/test_buddy.c) run it under ASan/UBSan.
 * Lock: callers serialise (today: single CPU, interrupts off while allocating).
 */
#ifndef MM_BUDDY_H
#define MM_BUDDY_H

#include <stdint.h>
#include "mm/page.h"

#define MAX_ORDER 11 /* orders 0..10: 4 KiB .. 4 MiB blocks, as Linux's default */

struct free_area {
	struct list_head free_list; /* heads of free blocks of this order (page->lru) */
	uint64_t nr_free;           /* blocks on the list */
};

/* struct buddy - one pool of frames (Linux: struct zone). */
struct buddy {
	uint64_t start_pfn, end_pfn; /* frames this pool may ever own: [start, end) */
	uint64_t nr_free;            /* free frames, all orders */
	uint64_t managed;            /* frames ever given with buddy_add_range */
	struct free_area free_area[MAX_ORDER];
};

/* buddy_init: empty pool for pfns [start_pfn, end_pfn); struct pages must already exist. */
void buddy_init(struct buddy *b, uint64_t start_pfn, uint64_t end_pfn);

/* buddy_add_range: hand @count free frames from @pfn to the pool (boot time); any alignment. */
void buddy_add_range(struct buddy *b, uint64_t pfn, uint64_t count);

/* buddy_alloc: a free block of 2^@order frames; returns its first page (refcount 1), or NULL. */
struct page *buddy_alloc(struct buddy *b, unsigned order);

/*
 * buddy_free: return the block at @page of 2^@order frames, from its last user
 * (refcount 1, the order it was allocated with, no PG_slab/PG_pgtable, mapcount 0);
 * panics otherwise, on double free, or on a frame outside the pool or misaligned.
 */
void buddy_free(struct buddy *b, struct page *page, unsigned order);

#endif
