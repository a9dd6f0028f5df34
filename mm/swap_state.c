/* mm/swap_state.c - the swap cache and swap-in (see swap_state.h). */
#include "mm/swap_state.h"
#include "mm/swap.h"
#include "mm/page_io.h"
#include "mm/anon_page.h"
#include "mm/lru.h"
#include "mm/vmstat.h"
#include "kernel/errno.h"
#include "kernel/panic.h"
#include "kernel/wait.h"

static struct page **swap_cache; /* slot -> page, NULL when not cached (Linux: an xarray) */
static uint64_t cache_slots;
static struct wait_queue swapin_wait = WAIT_QUEUE_INIT(swapin_wait); /* readers of locked pages */

void swap_setup(uint64_t nr_slots, bool (*bad)(uint64_t slot), uint16_t *map, struct page **cache)
{
	swap_cache = cache;
	cache_slots = nr_slots;
	swap_slots_init(map, nr_slots, bad);
}

/* cache_insert: put @page in the cache under @slot, whose reference the cache takes over. */
static void cache_insert(struct page *page, uint64_t slot)
{
	if (slot >= cache_slots || swap_cache[slot])
		panic("cache_insert: slot %lu is cached already or out of range", slot);
	swap_cache[slot] = page;
	page->private = slot;
	page_set(page, PG_swapcache);
	get_anon_page(page);
}

bool add_to_swap(struct page *page)
{
	uint64_t slot = swap_slot_alloc();

	if (!slot)
		return false;
	cache_insert(page, slot);
	page_set(page, PG_dirty);
	return true;
}

bool swapcache_has(uint64_t slot)
{
	return slot < cache_slots && swap_cache[slot];
}

void delete_from_swap_cache(struct page *page)
{
	uint64_t slot = page->private;

	if (!page_test(page, PG_swapcache) || swap_cache[slot] != page)
		panic("delete_from_swap_cache: pfn %#lx is not cached", page_to_pfn(page));
	swap_cache[slot] = NULL;
	page_clear(page, PG_swapcache);
	page->private = 0;
	swap_free(slot);
	put_anon_page(page); /* the caller's reference keeps it */
}

/* read_start: a new cache page for @slot at user address @va, locked, its read
 * started into @io. NULL with *@err: no memory (-ENOMEM), the slot read in or
 * freed while the allocation slept (-EAGAIN). @may_sleep: as alloc_anon_page. */
static struct page *read_start(uint64_t slot, uint64_t va, bool may_sleep, struct virtio_blk_io *io, int *err)
{
	struct page *page = alloc_anon_page(va, may_sleep); /* may sleep in reclaim: re-check the cache */

	if (!page) {
		*err = -ENOMEM;
		return NULL;
	}
	if (swap_cache[slot] || !swap_count(slot)) {
		put_anon_page(page);
		*err = -EAGAIN;
		return NULL;
	}
	lru_del(page); /* not reclaimable before its data is there */
	swap_dup(slot);
	cache_insert(page, slot);
	page_set(page, PG_locked);
	page_clear(page, PG_dirty); /* the slot holds its data */
	count_vm_event(PSWPIN);
	swap_io_start(slot, page_to_phys(page), false, io);
	return page;
}

/* read_end: wait for the read of @page (@io), unlock it and put it on the LRU
 * (@active: the page the fault wants). 0, or the error: then @page has left
 * the cache, and the caller's put frees it. */
static int read_end(struct page *page, struct virtio_blk_io *io, bool active)
{
	int err = swap_io_wait(io);

	page_clear(page, PG_locked);
	wake_up(&swapin_wait);
	lru_move(page, active);
	if (err)
		delete_from_swap_cache(page);
	return err;
}

/* read_cluster: read @slot for the fault at @va, and the slots of @ra that are
 * not cached, all started before any is waited for. The page of @slot with
 * the caller's reference, or NULL with *@err (as read_start, or -EIO). */
static struct page *read_cluster(uint64_t slot, uint64_t va, const struct swap_ra *ra, int *err)
{
	struct page *ahead[SWAP_RA_PAGES - 1];
	struct virtio_blk_io io, ahead_io[SWAP_RA_PAGES - 1];
	unsigned n = 0;
	struct page *page = read_start(slot, va, true, &io, err);

	if (!page)
		return NULL;
	for (unsigned i = 0; i < ra->n; i++) {
		int ra_err;

		if (swap_cache[ra->slot[i]])
			continue;
		ahead[n] = read_start(ra->slot[i], ra->va[i], false, &ahead_io[n], &ra_err);
		if (ahead[n]) {
			page_set(ahead[n], PG_readahead);
			count_vm_event(SWAP_RA);
			n++;
		}
		else if (ra_err == -ENOMEM)
			break; /* memory is short: read no further ahead */
	}
	*err = read_end(page, &io, true);
	for (unsigned i = 0; i < n; i++) {
		read_end(ahead[i], &ahead_io[i], false); /* on error it is simply not cached */
		put_anon_page(ahead[i]); /* the cache's reference keeps it */
	}
	if (*err) {
		put_anon_page(page);
		return NULL;
	}
	return page;
}

struct page *swapin(uint64_t slot, uint64_t va, const struct swap_ra *ra, bool *major, int *err)
{
	for (;;) {
		struct page *page = slot < cache_slots ? swap_cache[slot] : NULL;

		if (page && page_test(page, PG_locked)) {
			sleep_on(&swapin_wait); /* another process is reading it: wait, look again */
			continue;
		}
		if (page) {
			if (page_test(page, PG_readahead)) {
				page_clear(page, PG_readahead); /* the first fault that uses it */
				count_vm_event(SWAP_RA_HIT);
			}
			get_anon_page(page);
			return page;
		}
		*major = true;
		page = read_cluster(slot, va, ra, err);
		if (page || *err != -EAGAIN)
			return page;
	}
}

bool swapcache_try_free(struct page *page)
{
	if (!page_test(page, PG_swapcache) || page_test(page, PG_locked) || page->mapcount ||
	    page->refcount != 1 || swap_count(page->private) != 1)
		return false;
	get_anon_page(page);
	delete_from_swap_cache(page);
	put_anon_page(page);
	return true;
}

void free_swap_and_cache(uint64_t slot)
{
	if (swap_free(slot) || slot >= cache_slots || !swap_cache[slot])
		return;
	swapcache_try_free(swap_cache[slot]);
}

bool reuse_swap_page(struct page *page)
{
	if (!page_test(page, PG_swapcache) || page->mapcount != 1 || page->refcount != 2 ||
	    swap_count(page->private) != 1)
		return false;
	delete_from_swap_cache(page);
	page_set(page, PG_dirty);
	return true;
}
