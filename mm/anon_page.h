/*
 * mm/anon_page.h - the life of an anonymous user frame: allocated when a
 * fault (or fork's COW break, or a swap-in) needs one, referenced by the PTEs
 * that map it, by the swap cache and by reclaim while it works on it, and
 * freed with the last reference (Linux: alloc_page_vma, get_page/put_page).
 *
 * page->refcount counts every reference; page->mapcount the PTEs among them
 * (mm/memory.c keeps it). A frame of this kind is on an LRU list from its
 * allocation to its freeing, except while reclaim has it isolated or a
 * swap-in reads into it.
 * Lock: single CPU.
 */
#ifndef MM_ANON_PAGE_H
#define MM_ANON_PAGE_H

#include <stdbool.h>
#include <stdint.h>
#include "mm/page.h"

/* alloc_anon_page: a new frame for user address @va: refcount 1 (the caller's),
 * mapcount 0, dirty (no copy anywhere), on the inactive list; with @may_sleep
 * it may reclaim or call the OOM killer first, without it (a speculative
 * page) it never sleeps (alloc_user_page, mm/page_alloc_slow.c). NULL when memory is
 * exhausted. Contents undefined. */
struct page *alloc_anon_page(uint64_t va, bool may_sleep);

/* get_anon_page: one more reference to @page. */
void get_anon_page(struct page *page);

/* put_anon_page: one reference fewer; the last frees the frame (off its LRU list). */
void put_anon_page(struct page *page);

#endif
