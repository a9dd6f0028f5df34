/* mm/anon_page.c - allocating, referencing and freeing anonymous user frames (see anon_page.h). */
#include "mm/anon_page.h"
#include "mm/lru.h"
#include "mm/page_alloc.h"
#include "kernel/panic.h"

#define ANON_FLAGS ((1u << PG_lru) | (1u << PG_active) | (1u << PG_swapcache) | \
		    (1u << PG_dirty) | (1u << PG_locked) | (1u << PG_readahead))

struct page *alloc_anon_page(uint64_t va, bool may_sleep)
{
	struct page *page = alloc_user_page(may_sleep);

	if (!page)
		return NULL;
	page->index = va;
	page_set(page, PG_dirty);
	lru_add(page);
	return page;
}

void get_anon_page(struct page *page)
{
	if (page->refcount <= 0)
		panic("get_anon_page: pfn %#lx has refcount %d", page_to_pfn(page), page->refcount);
	page->refcount++;
}

void put_anon_page(struct page *page)
{
	if (page->refcount <= 0 || page->mapcount >= page->refcount)
		panic("put_anon_page: pfn %#lx has refcount %d, mapcount %d",
		      page_to_pfn(page), page->refcount, page->mapcount);
	if (page->refcount > 1) {
		page->refcount--;
		return;
	}
	if (page_test(page, PG_swapcache) || page_test(page, PG_locked))
		panic("put_anon_page: pfn %#lx is freed while in the swap cache", page_to_pfn(page));
	lru_del(page);
	page->flags &= ~ANON_FLAGS;
	free_pages(page, 0, NR_ANON_PAGES);
}
