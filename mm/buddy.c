/*
 * mm/buddy.c - the binary buddy frame allocator (see mm/buddy.h for the model).
 *
 * Only the first frame of a free block (its "head") carries PG_buddy and the
 * block's order, and only the head sits on free_area[order].free_list. The other
 * frames of a free block are untouched: that keeps free and split O(MAX_ORDER).
 *
 * Lock: every function here expects the caller to serialise access to @b.
 */
#include "mm/buddy.h"
#include "kernel/panic.h"

/* block_frames: frames in a block of @order. */
static uint64_t block_frames(unsigned order)
{
	return 1ull << order;
}

/* buddy_pfn: the pfn of the block that pairs with @pfn at @order (Linux: __find_buddy_pfn). */
static uint64_t buddy_pfn(uint64_t pfn, unsigned order)
{
	return pfn ^ block_frames(order);
}

/* in_pool: true when @pfn lies in [start_pfn, end_pfn) of @b. */
static bool in_pool(const struct buddy *b, uint64_t pfn)
{
	return pfn >= b->start_pfn && pfn < b->end_pfn;
}

/* free_list_add: make @page the head of a free block of @order; caller serialises. */
static void free_list_add(struct buddy *b, struct page *page, unsigned order)
{
	page_set(page, PG_buddy);
	page->order = order;
	list_add(&page->lru, &b->free_area[order].free_list);
	b->free_area[order].nr_free++;
}

/* free_list_del: take the free head @page of @order off its list; caller serialises. */
static void free_list_del(struct buddy *b, struct page *page, unsigned order)
{
	list_del(&page->lru);
	page_clear(page, PG_buddy);
	b->free_area[order].nr_free--;
}

/* is_free_buddy: true when @pfn heads a free block of exactly @order in @b (Linux: page_is_buddy). */
static bool is_free_buddy(const struct buddy *b, uint64_t pfn, unsigned order)
{
	const struct page *page;

	if (!in_pool(b, pfn))
		return false;
	page = pfn_to_page(pfn);
	return page_test(page, PG_buddy) && page->order == order;
}

/*
 * merge_and_insert: put the block [@pfn, +2^@order) on the free lists, first
 * merging it with its buddy as long as the buddy is free and of the same order
 * (Linux: __free_one_page). Caller serialises and has checked the block.
 */
static void merge_and_insert(struct buddy *b, uint64_t pfn, unsigned order)
{
	b->nr_free += block_frames(order);
	while (order < MAX_ORDER - 1) {
		uint64_t other = buddy_pfn(pfn, order);

		if (!is_free_buddy(b, other, order))
			break;
		free_list_del(b, pfn_to_page(other), order);
		pfn &= other; /* the merged block starts at the lower of the two */
		order++;
	}
	free_list_add(b, pfn_to_page(pfn), order);
}

/*
 * expand: having taken a free block of order @high at @pfn for a request of
 * order @low, give back the unused upper halves, one per order from high-1 down
 * to low (Linux: expand()). The request keeps the lowest 2^@low frames.
 */
static void expand(struct buddy *b, uint64_t pfn, unsigned low, unsigned high)
{
	while (high > low) {
		high--;
		free_list_add(b, pfn_to_page(pfn + block_frames(high)), high);
	}
}

/*
 * check_not_free: panic unless no free block overlaps [@pfn, +2^@order).
 * A free block overlapping it either has its head inside the range (PG_buddy on
 * one of its frames) or is a larger block containing it, whose head is @pfn
 * rounded down to that larger order (mem_map covers it even below the pool).
 * Costs one look at each struct page of the block, like Linux's debug checks
 * in free_pages_prepare. @fn names the caller for the message.
 */
static void check_not_free(uint64_t pfn, unsigned order, const char *fn)
{
	uint64_t i;
	unsigned up;

	for (i = 0; i < block_frames(order); i++)
		if (page_test(pfn_to_page(pfn + i), PG_buddy))
			panic("%s: double free: pfn %#lx is already free", fn, pfn + i);
	for (up = order + 1; up < MAX_ORDER; up++) {
		uint64_t head = pfn & ~(block_frames(up) - 1);
		const struct page *page = pfn_to_page(head);

		if (page_test(page, PG_buddy) && page->order >= up)
			panic("%s: double free: pfn %#lx lies in the free block at pfn %#lx order %u",
			      fn, pfn, head, page->order);
	}
}

/* check_block: panic unless [@pfn, +2^@order) is a naturally aligned block inside @b. */
static void check_block(const struct buddy *b, uint64_t pfn, unsigned order, const char *fn)
{
	if (order >= MAX_ORDER)
		panic("%s: order %u >= MAX_ORDER %u", fn, order, MAX_ORDER);
	if (!in_pool(b, pfn) || pfn + block_frames(order) > b->end_pfn)
		panic("%s: pfn %#lx order %u outside the pool [%#lx, %#lx)",
		      fn, pfn, order, b->start_pfn, b->end_pfn);
	if (pfn & (block_frames(order) - 1))
		panic("%s: pfn %#lx is not aligned to order %u", fn, pfn, order);
}

/* check_owner_done: panic when the head @page of an allocated block still looks in use. */
static void check_owner_done(const struct page *page, uint64_t pfn, unsigned order)
{
	if (page_test(page, PG_reserved))
		panic("buddy_free: pfn %#lx is reserved", pfn);
	if (page_test(page, PG_slab))
		panic("buddy_free: pfn %#lx still has PG_slab", pfn);
	if (page_test(page, PG_pgtable))
		panic("buddy_free: pfn %#lx still has PG_pgtable", pfn);
	if (page_test(page, PG_file))
		panic("buddy_free: pfn %#lx is still in the page cache", pfn);
	if (page_test(page, PG_shmem))
		panic("buddy_free: pfn %#lx is still a tmpfs page", pfn);
	if (page->order != order)
		panic("buddy_free: pfn %#lx freed with order %u, allocated with order %u",
		      pfn, order, page->order);
	if (page->refcount != 1)
		panic("buddy_free: pfn %#lx has refcount %d, the last user holds exactly 1",
		      pfn, page->refcount);
	if (page->mapcount != 0)
		panic("buddy_free: pfn %#lx is still mapped (mapcount %d)", pfn, page->mapcount);
}

/* buddy_init: empty pool for [@start_pfn, @end_pfn); touches no struct page; caller serialises. */
void buddy_init(struct buddy *b, uint64_t start_pfn, uint64_t end_pfn)
{
	unsigned order;

	if (start_pfn > end_pfn || end_pfn > max_pfn)
		panic("buddy_init: pool [%#lx, %#lx) is not inside mem_map [0, %#lx)",
		      start_pfn, end_pfn, max_pfn);
	b->start_pfn = start_pfn;
	b->end_pfn = end_pfn;
	b->nr_free = 0;
	b->managed = 0;
	for (order = 0; order < MAX_ORDER; order++) {
		list_init(&b->free_area[order].free_list);
		b->free_area[order].nr_free = 0;
	}
}

/* largest_block: the order of the largest aligned block starting at @pfn that fits in @count frames. */
static unsigned largest_block(uint64_t pfn, uint64_t count)
{
	unsigned order = 0;

	while (order + 1 < MAX_ORDER && !(pfn & (block_frames(order + 1) - 1)) &&
	       block_frames(order + 1) <= count)
		order++;
	return order;
}

/*
 * buddy_add_range: give @count frames from @pfn to the pool, as the largest
 * naturally aligned blocks that tile the range (any alignment accepted); the
 * frames lose PG_reserved and become free. Boot time; caller serialises.
 */
void buddy_add_range(struct buddy *b, uint64_t pfn, uint64_t count)
{
	uint64_t end = pfn + count;

	if (end < pfn || pfn < b->start_pfn || end > b->end_pfn)
		panic("buddy_add_range: [%#lx, +%#lx) is outside the pool [%#lx, %#lx)",
		      pfn, count, b->start_pfn, b->end_pfn);
	while (pfn < end) {
		unsigned order = largest_block(pfn, end - pfn);
		uint64_t i;

		check_not_free(pfn, order, "buddy_add_range");
		for (i = 0; i < block_frames(order); i++) {
			struct page *page = pfn_to_page(pfn + i);

			page_clear(page, PG_reserved);
			page->refcount = 0; /* a free frame has no users (mm/page.h) */
		}
		merge_and_insert(b, pfn, order);
		b->managed += block_frames(order);
		pfn += block_frames(order);
	}
}

/*
 * buddy_alloc: take the smallest free block of order >= @order and split it
 * down (expand). Returns the head page (refcount 1, page->order = @order), or
 * NULL when @order >= MAX_ORDER or no block is large enough. Caller serialises.
 */
struct page *buddy_alloc(struct buddy *b, unsigned order)
{
	unsigned high;

	for (high = order; high < MAX_ORDER; high++) { /* none when @order >= MAX_ORDER */
		struct list_head *list = &b->free_area[high].free_list;
		struct page *page;

		if (list_empty(list))
			continue;
		page = list_first_entry(list, struct page, lru);
		if (!page_test(page, PG_buddy) || page->order != high)
			panic("buddy_alloc: pfn %#lx on the order-%u free list is not a free head",
			      page_to_pfn(page), high);
		free_list_del(b, page, high);
		expand(b, page_to_pfn(page), order, high);
		b->nr_free -= block_frames(order);
		page->order = order; /* a fresh block: no stale owner state (Linux: prep_new_page) */
		page->refcount = 1;
		page->mapcount = 0;
		page->private = 0;
		return page;
	}
	return NULL;
}

/*
 * buddy_free: return the block of 2^@order frames headed by @page, which the
 * caller owns as the last user (refcount 1, no PG_slab/PG_pgtable, unmapped).
 * Panics on a bad order, a frame outside the pool or misaligned, a reserved
 * frame, or a double free. Caller serialises.
 */
void buddy_free(struct buddy *b, struct page *page, unsigned order)
{
	uint64_t pfn = page_to_pfn(page);

	check_block(b, pfn, order, "buddy_free");
	check_not_free(pfn, order, "buddy_free");
	check_owner_done(page, pfn, order);
	page->refcount = 0;
	merge_and_insert(b, pfn, order);
}
