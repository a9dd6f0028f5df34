/* mm/swap_state.c - the swap cache and swap-in (see swap_state.h). */
#include "mm/swap_state.h"
#include "mm/swap.h"
#include "mm/swapon.h"
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

/* read_in: a new cache page for @slot, read from the disk (sleeps); NULL with *@err. */
static struct page *read_in(uint64_t slot, uint64_t va, int *err)
{
	struct page *page = alloc_anon_page(va); /* may sleep in reclaim: re-check the cache */

	if (!page) {
		*err = -ENOMEM;
		return NULL;
	}
	if (swap_cache[slot] || !swap_count(slot)) { /* read in, or freed, while we slept */
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
	*err = swap_read_page(slot, page_to_phys(page));
	page_clear(page, PG_locked);
	wake_up(&swapin_wait);
	lru_move(page, true); /* just used: active */
	if (*err) {
		delete_from_swap_cache(page);
		put_anon_page(page);
		return NULL;
	}
	return page;
}

struct page *swapin(uint64_t slot, uint64_t va, bool *major, int *err)
{
	for (;;) {
		struct page *page = slot < cache_slots ? swap_cache[slot] : NULL;

		if (page && page_test(page, PG_locked)) {
			sleep_on(&swapin_wait); /* another process is reading it: wait, look again */
			continue;
		}
		if (page) {
			get_anon_page(page);
			return page;
		}
		*major = true;
		page = read_in(slot, va, err);
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

bool swapcache_exclusive(struct page *page)
{
	if (!page_test(page, PG_swapcache) || page->mapcount != 1 || page->refcount != 2 ||
	    swap_count(page->private) != 1)
		return false;
	delete_from_swap_cache(page);
	page_set(page, PG_dirty);
	return true;
}
