/*
 * mm/lru.h - the active and inactive lists of anonymous user pages
 * (Linux: the LRU lists of mm/swap.c and include/linux/mm_inline.h).
 *
 * Every anonymous frame mapped into user space is on exactly one list from
 * its first mapping to its freeing, except while reclaim has it isolated
 * and while a swap-in reads into it (locked, mm/swap_state.c).
 * New pages enter the inactive list (Linux since 5.9): a page must show it is
 * used again (its PTE's Accessed bit) to reach the active list. Reclaim takes
 * pages from the tails (the oldest); mm/vmscan.c decides what moves where.
 * Page-cache pages and the zero page are on no list: they are never reclaimed.
 * Lock: single CPU; the lists are changed only outside interrupt handlers.
 */
#ifndef MM_LRU_H
#define MM_LRU_H

#include <stdbool.h>
#include <stdint.h>
#include "mm/page.h"

struct lru_lists {
	struct list_head active, inactive; /* head: newest, tail: oldest */
	uint64_t nr_active, nr_inactive;
};

extern struct lru_lists lru;

/* lru_add: put the new anonymous @page at the head of the inactive list. */
void lru_add(struct page *page);

/* lru_del: take @page off its list (if it is on one), e.g. before it is freed. */
void lru_del(struct page *page);

/* lru_move: put @page (off any list) at the head of the active or inactive list. */
void lru_move(struct page *page, bool active);

/* lru_isolate_tail: take the oldest page of the active or inactive list off it; NULL if empty. */
struct page *lru_isolate_tail(bool active);

#endif
