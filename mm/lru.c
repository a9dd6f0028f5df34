/* mm/lru.c - the active and inactive lists (see lru.h). */
#include "mm/lru.h"
#include "kernel/panic.h"

struct lru_lists lru = {
	.active = LIST_HEAD_INIT(lru.active),
	.inactive = LIST_HEAD_INIT(lru.inactive),
};

void lru_move(struct page *page, bool active)
{
	if (page_test(page, PG_lru))
		panic("lru_move: pfn %#lx is on a list already", page_to_pfn(page));
	page_set(page, PG_lru);
	if (active) {
		page_set(page, PG_active);
		list_add(&page->lru, &lru.active);
		lru.nr_active++;
	} else {
		page_clear(page, PG_active);
		list_add(&page->lru, &lru.inactive);
		lru.nr_inactive++;
	}
}

void lru_add(struct page *page)
{
	lru_move(page, false);
}

void lru_del(struct page *page)
{
	if (!page_test(page, PG_lru))
		return;
	list_del(&page->lru);
	page_clear(page, PG_lru);
	if (page_test(page, PG_active))
		lru.nr_active--;
	else
		lru.nr_inactive--;
}

struct page *lru_isolate_tail(bool active)
{
	struct list_head *list = active ? &lru.active : &lru.inactive;
	struct page *page;

	if (list_empty(list))
		return NULL;
	page = list_entry(list->prev, struct page, lru);
	lru_del(page);
	return page;
}
