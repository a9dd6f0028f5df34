/*
 * mm/swap_state.h - the swap cache: pages that have a copy in a swap slot
 * (Linux: mm/swap_state.c).
 *
 * A page is in the swap cache while it is being written out, while it is
 * being read back, and after it was read back until it is written to again
 * or freed. The cache is what makes a page shared by COW come back as ONE
 * frame for all its sharers: the first fault reads the slot into a cache page,
 * the others find it there (minor faults). A cached page keeps its slot as a
 * clean copy, so reclaiming it again, unwritten, needs no second write.
 *
 * References: the cache holds one page reference (refcount, not mapcount) and
 * one slot reference (swap_count) for as long as the page is in it.
 * Lock: single CPU; a caller that sleeps (I/O) re-checks what it looked up.
 */
#ifndef MM_SWAP_STATE_H
#define MM_SWAP_STATE_H

#include <stdbool.h>
#include <stdint.h>
#include "mm/page.h"

/* swap_setup: use a swap area of @nr_slots pages (slot 0 the header), skipping
 * the slots @bad names; @map (the slot counts) and @cache (the cached pages)
 * have @nr_slots entries each, zeroed, owned by the caller. Boot, once. */
void swap_setup(uint64_t nr_slots, bool (*bad)(uint64_t slot), uint16_t *map, struct page **cache);

/* add_to_swap: give anonymous @page (not in the cache) a new slot and put it in
 * the cache, dirty; false when no slot is free. */
bool add_to_swap(struct page *page);

/* delete_from_swap_cache: take @page out of the cache, dropping the cache's page
 * and slot references (the caller still holds one to the page). */
void delete_from_swap_cache(struct page *page);

/* swapcache_has: whether swap slot @slot's page is in the swap cache (mincore). */
bool swapcache_has(uint64_t slot);

/*
 * Swap readahead (Linux: swap_vma_readahead, page-cluster 3): a fault that
 * must read from the disk reads the other swapped-out pages of its aligned
 * window of SWAP_RA_PAGES pages in the same VMA with it, into the swap cache,
 * unmapped. A sequential pass then takes one major fault per window and minor
 * faults (cache hits) for the rest, and the disk gets the reads as one batch.
 */
#define SWAP_RA_PAGES 8

/* The window's other swap entries: their slots and user addresses. */
struct swap_ra {
	unsigned n;
	uint64_t slot[SWAP_RA_PAGES - 1];
	uint64_t va[SWAP_RA_PAGES - 1];
};

/* swapin: the page with @slot's data for a fault at user address @va, with a
 * reference for the caller: from the cache, else read from the disk into a new
 * frame (*@major set) together with the pages of @ra not cached yet (as far
 * as memory allows without reclaim), sleeping until all are there. NULL: no
 * memory (*@err -ENOMEM) or a read error (-EIO). */
struct page *swapin(uint64_t slot, uint64_t va, const struct swap_ra *ra, bool *major, int *err);

/* free_swap_and_cache: a swap entry naming @slot is gone (zapped); drop its slot
 * reference, and the cached page too when nothing else can want it any more. */
void free_swap_and_cache(uint64_t slot);

/* swapcache_try_free: @page, just unmapped, is in the cache with no other user
 * than the cache and no swap entry left naming its slot: drop it, freeing the
 * frame. Returns true when that freed it. */
bool swapcache_try_free(struct page *page);

/* reuse_swap_page: @page is in the cache and mapped once, and no swap entry
 * names its slot: a write may make it this mapping's own. Takes it out of the
 * cache (its slot freed, the page dirty) and returns true; false otherwise. */
bool reuse_swap_page(struct page *page);

#endif
