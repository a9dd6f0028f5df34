/*
 * mm/page.h - frames, their `struct page`, and the physical<->virtual helpers.
 *
 * Every 4 KiB physical frame has one `struct page` in the flat array `mem_map`,
 * indexed by page frame number (pfn = phys >> 12), as Linux's FLATMEM model.
 * The kernel reaches any frame through the direct map: VA = PA + PAGE_OFFSET.
 */
#ifndef MM_PAGE_H
#define MM_PAGE_H

#include <stdint.h>
#include <stdbool.h>
#include "kernel/lib/list.h"

#define PAGE_SHIFT 12
#define PAGE_SIZE  (1ul << PAGE_SHIFT)
#define PAGE_MASK  (~(PAGE_SIZE - 1))

#define PAGE_ALIGN(x)      (((uint64_t)(x) + PAGE_SIZE - 1) & PAGE_MASK)
#define PAGE_ALIGN_DOWN(x) ((uint64_t)(x) & PAGE_MASK)

#ifdef HOST_TEST
/* Host unit tests back "physical memory" with a malloc'd buffer: its address is the offset. */
extern uintptr_t host_page_offset;
#define PAGE_OFFSET ((uint64_t)host_page_offset)
#else
#define PAGE_OFFSET 0xffff800000000000ull /* direct map base (boot/boot_info.h: BOOT_DIRECT_MAP) */
#endif

/* Page flags (bit numbers in page->flags). Only what is used today. */
enum page_flag {
	PG_reserved, /* never handed to the buddy: firmware, kernel image, initrd, holes */
	PG_buddy,    /* free, and the head of a free block of order page->order */
	PG_slab,     /* owned by kmalloc: page->order is the size class */
	PG_pgtable,  /* a page-table page: page->mapcount counts its non-zero entries */
	PG_file,     /* a page-cache page of an initrd file: page->private is its bytes (mm/filemap.c) */
	PG_lru,      /* an anonymous user page on an LRU list, through page->lru (mm/lru.c) */
	PG_active,   /* ... on the active list (else the inactive one) */
	PG_swapcache, /* in the swap cache: page->private is its swap slot (mm/swap_state.c) */
	PG_dirty,    /* written since it was last read from or written to its slot */
	PG_locked,   /* being read in from swap: its contents are not there yet */
	PG_readahead, /* read from swap ahead of a fault (swap readahead), no fault has used it yet */
	PG_shmem,    /* a page of a tmpfs file: refcount = its file's 1 (while the file has it) + the PTEs mapping it */
};

/*
 * struct page - what the kernel knows about one frame (Linux: include/linux/mm_types.h).
 * Kept small: the array costs sizeof(struct page)/4096 of all RAM (1.2% at 48 bytes).
 */
struct page {
	uint32_t flags;       /* 1 << PG_* */
	int32_t  refcount;    /* users of the frame; 0 when free (Linux: _refcount) */
	int32_t  mapcount;    /* user PTEs mapping it; for PG_pgtable: entries in use */
	uint32_t order;       /* PG_buddy: block order; PG_slab: size class; allocated block: order */
	struct list_head lru; /* buddy free list, slab list, page-cache hash chain, LRU list */
	uint64_t private;     /* owner's word: slab free list head, page-cache key, swap slot */
	uint64_t index;       /* anonymous page: the user address every PTE maps it at (rmap) */
};

extern struct page *mem_map; /* struct page of pfn 0; covers [0, max_pfn) */
extern uint64_t max_pfn;

static inline bool page_test(const struct page *p, enum page_flag f) { return p->flags & (1u << f); }
static inline void page_set(struct page *p, enum page_flag f) { p->flags |= 1u << f; }
static inline void page_clear(struct page *p, enum page_flag f) { p->flags &= ~(1u << f); }

static inline struct page *pfn_to_page(uint64_t pfn) { return mem_map + pfn; }
static inline uint64_t page_to_pfn(const struct page *p) { return (uint64_t)(p - mem_map); }
static inline uint64_t page_to_phys(const struct page *p) { return page_to_pfn(p) << PAGE_SHIFT; }
static inline struct page *phys_to_page(uint64_t pa) { return pfn_to_page(pa >> PAGE_SHIFT); }

/* phys_to_virt: the direct-map address of physical @pa (Linux: __va). */
static inline void *phys_to_virt(uint64_t pa) { return (void *)(uintptr_t)(pa + PAGE_OFFSET); }
/* virt_to_phys: inverse of phys_to_virt; only for direct-map addresses (Linux: __pa). */
static inline uint64_t virt_to_phys(const void *va) { return (uint64_t)(uintptr_t)va - PAGE_OFFSET; }
static inline void *page_address(const struct page *p) { return phys_to_virt(page_to_phys(p)); }
static inline struct page *virt_to_page(const void *va) { return phys_to_page(virt_to_phys(va)); }

#endif
