/*
 * mm/meminfo.h - figures about memory as a whole that /proc reports, computed
 * from what mm/ already keeps; nothing here changes any state (Linux: the
 * helpers fs/proc/meminfo.c calls from mm/page_alloc.c, mm/util.c, mm/swap_state.c).
 */
#ifndef MM_MEMINFO_H
#define MM_MEMINFO_H

#include <stdint.h>

#define OVERCOMMIT_RATIO 50 /* percent of RAM in CommitLimit (Linux's vm.overcommit_ratio default) */

/* nr_swapcache_pages: frames in the swap cache now (PG_swapcache), counted
 * over the frame array (Linux: total_swapcache_pages). */
uint64_t nr_swapcache_pages(void);

/* si_mem_available: pages a program could get without swapping (Linux:
 * si_mem_available): free pages above the high watermark (the reserve), plus
 * the reclaimable page cache and slab, less what should stay: half of each, at
 * most the low watermark. Our page cache and slab are never reclaimed. */
uint64_t si_mem_available(void);

/* vm_commit_limit: CommitLimit in pages: OVERCOMMIT_RATIO% of RAM plus all swap
 * (Linux: vm_commit_limit). */
uint64_t vm_commit_limit(void);

/* committed_pages: Committed_AS in pages: the size of every mapping that could
 * need memory of its own (writable private, or shared anonymous), over all
 * address spaces (Linux counts these as it maps them: vm_committed_as). */
uint64_t committed_pages(void);

#endif
