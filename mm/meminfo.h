/*
 * mm/meminfo.h - figures about memory as a whole that /proc reports, computed
 * from what mm/ already keeps; nothing here changes any state (Linux: the
 * helpers fs/proc/meminfo.c calls from mm/page_alloc.c, mm/util.c, mm/swap_state.c).
 */
#ifndef MM_MEMINFO_H
#define MM_MEMINFO_H

#include <stdint.h>

struct mm;
struct vm_area;

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

/* vma_frames: the frames @vma of @mm maps now, by a walk of its page tables
 * (a PROT_NONE page's frame too, the shared zero page not: it has no
 * mapcount), and how many of them are page-cache frames into *@file. */
uint64_t vma_frames(struct mm *mm, const struct vm_area *vma, uint64_t *file);

/* nr_mlocked_pages: the frames mapped by locked VMAs, over all address spaces
 * (Mlocked; Linux flags each page, so a page two processes lock counts once
 * there and twice here). */
uint64_t nr_mlocked_pages(void);

#endif
