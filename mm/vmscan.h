/*
 * mm/vmscan.h - page reclaim: aging the LRU lists, writing pages to swap,
 * kswapd, and the allocation path that reclaims when memory is short
 * (Linux: mm/vmscan.c and __alloc_pages_slowpath).
 * Lock: single CPU; reclaim sleeps for swap I/O with its pages isolated.
 */
#ifndef MM_VMSCAN_H
#define MM_VMSCAN_H

#include <stdbool.h>
#include <stdint.h>
#include "mm/page.h"

#define SWAP_CLUSTER_MAX 32 /* pages reclaimed per batch, as Linux */

/* alloc_user_page: one frame for user memory (NR_ANON_PAGES, refcount 1):
 * wakes kswapd below the low watermark, reclaims directly below min, and
 * when reclaim cannot help calls the OOM killer and tries again. NULL when
 * current itself must die (it was chosen, or it is being killed). May sleep.
 * Without @may_sleep (a speculative page: swap readahead) it takes a frame
 * only above the min watermark and never sleeps: NULL otherwise. */
struct page *alloc_user_page(bool may_sleep);

/* reclaim_pages: free up to @nr pages from the LRU lists, by writing them to
 * swap; @kswapd says who asks (for the counters). The number freed. May sleep. */
uint64_t reclaim_pages(uint64_t nr, bool kswapd);

/* wake_kswapd: let kswapd run until free memory is above the high watermark. */
void wake_kswapd(void);

/* kswapd_start: the kernel thread "kswapd0", and the watermarks for @managed_pages. Boot, once. */
void kswapd_start(uint64_t managed_pages);

#endif
