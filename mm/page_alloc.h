/*
 * mm/page_alloc.h - the kernel's frame allocator: the one buddy pool of all RAM
 * plus the counters the rest of the kernel reads (Linux: alloc_pages/__free_pages
 * and the vm_stat counters behind /proc/meminfo).
 * Lock: single CPU; callers must not allocate from interrupt handlers (yet).
 */
#ifndef MM_PAGE_ALLOC_H
#define MM_PAGE_ALLOC_H

#include <stdint.h>
#include "mm/buddy.h"

/* What each allocated frame is used for, counted in frames (Linux: node_stat_item). */
enum vm_stat_item {
	NR_PAGETABLE,    /* page-table pages (all levels) */
	NR_SLAB,         /* kmalloc slabs and large kmalloc blocks */
	NR_KERNEL_STACK, /* processes' kernel stacks */
	NR_KERNEL_MISC,  /* other kernel allocations (buffers, self-tests) */
	NR_ANON_PAGES,   /* user pages: anonymous, heap, stack, private copies of file bytes */
	NR_FILE_PAGES,   /* page-cache pages of initrd files, mapped read-only (mm/filemap.c) */
	NR_SHMEM,        /* tmpfs file pages (kernel/fs/tmpfs/): /proc/meminfo's Shmem */
	NR_VM_STAT_ITEMS
};

extern struct buddy page_zone;           /* all frames the kernel manages */
extern uint64_t vm_stat[NR_VM_STAT_ITEMS];

/* alloc_pages: 2^@order contiguous frames counted under @use; NULL when memory is exhausted. */
struct page *alloc_pages(unsigned order, enum vm_stat_item use);

/* free_pages: give back a block from alloc_pages with the same @order and @use; caller is its last user. */
void free_pages(struct page *page, unsigned order, enum vm_stat_item use);

/* alloc_zeroed_page: one zero-filled frame counted under @use; returns its physical address or 0. */
uint64_t alloc_zeroed_page(enum vm_stat_item use);

/* free_page_phys: free one frame from alloc_zeroed_page by physical address. */
void free_page_phys(uint64_t pa, enum vm_stat_item use);

/* alloc_user_page: one frame for user memory (NR_ANON_PAGES, refcount 1), by
 * the slow path when memory is short (mm/page_alloc_slow.c): wakes kswapd
 * below the low watermark, reclaims directly below min, and when reclaim
 * cannot help calls the OOM killer and tries again. NULL when current itself
 * must die (it was chosen, or it is being killed). May sleep. Without
 * @may_sleep (a speculative page: swap readahead) it takes a frame only above
 * the min watermark and never sleeps: NULL otherwise. */
struct page *alloc_user_page(bool may_sleep);

/* nr_free_pages: frames free in the buddy right now. */
static inline uint64_t nr_free_pages(void) { return page_zone.nr_free; }

#endif
