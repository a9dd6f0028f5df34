/*
 * mm/vmscan.h - page reclaim: aging the LRU lists, writing pages to swap,
 * kswapd, and direct reclaim for the allocation slow path
 * (mm/page_alloc_slow.c) (Linux: mm/vmscan.c).
 * Lock: single CPU; reclaim sleeps for swap I/O with its pages isolated.
 */
#ifndef MM_VMSCAN_H
#define MM_VMSCAN_H

#include <stdbool.h>
#include <stdint.h>
#include "mm/page.h"

#define SWAP_CLUSTER_MAX 32 /* pages reclaimed per batch, as Linux */

/* reclaim_pages: free up to @nr pages from the LRU lists, by writing them to
 * swap; @kswapd says who asks (for the counters). The number freed. May sleep. */
uint64_t reclaim_pages(uint64_t nr, bool kswapd);

/* wake_kswapd: let kswapd run until free memory is above the high watermark. */
void wake_kswapd(void);

/* current_is_kswapd: is current the kswapd thread (which must not reclaim directly)? */
bool current_is_kswapd(void);

/* kswapd_start: the kernel thread "kswapd0", and the watermarks for @managed_pages. Boot, once. */
void kswapd_start(uint64_t managed_pages);

#endif
