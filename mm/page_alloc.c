/*
 * mm/page_alloc.c - the kernel's one buddy pool and its per-use counters
 * (Linux: alloc_pages/__free_pages over a zone, and the node_stat counters that
 * /proc/meminfo and /proc/vmstat print).
 *
 * Ownership: alloc_pages hands the caller a block with refcount 1; free_pages
 * takes it back only from that last user (buddy_free checks refcount == 1), so
 * "freed while still referenced" and "freed twice" both stop the kernel.
 * Lock: single CPU, never called from interrupt handlers (see mm/page_alloc.h).
 */
#include "mm/page_alloc.h"
#include "kernel/panic.h"
#include "kernel/lib/string.h"

struct buddy page_zone;
uint64_t vm_stat[NR_VM_STAT_ITEMS];

/* check_use: panic unless @use names a vm_stat counter; @fn names the caller. */
static void check_use(enum vm_stat_item use, const char *fn)
{
	if ((unsigned)use >= NR_VM_STAT_ITEMS)
		panic("%s: bad vm_stat item %d", fn, (int)use);
}

/* alloc_pages: 2^@order frames from page_zone counted under @use; NULL when none (caller serialises). */
struct page *alloc_pages(unsigned order, enum vm_stat_item use)
{
	struct page *page;

	check_use(use, "alloc_pages");
	page = buddy_alloc(&page_zone, order);
	if (page)
		vm_stat[use] += 1ull << order;
	return page;
}

/* free_pages: return a block from alloc_pages(@order, @use); the caller is its last user. */
void free_pages(struct page *page, unsigned order, enum vm_stat_item use)
{
	check_use(use, "free_pages");
	if (order >= MAX_ORDER || vm_stat[use] < (1ull << order))
		panic("free_pages: freeing order %u under vm_stat item %d, which counts %lu frames",
		      order, (int)use, vm_stat[use]);
	buddy_free(&page_zone, page, order);
	vm_stat[use] -= 1ull << order;
}

/*
 * alloc_zeroed_page: one frame counted under @use, zero-filled through the
 * direct map; returns its physical address, or 0 when memory is exhausted.
 * Frame 0 must never enter the pool: its address would read as the failure.
 */
uint64_t alloc_zeroed_page(enum vm_stat_item use)
{
	struct page *page = alloc_pages(0, use);

	if (!page)
		return 0;
	if (page_to_pfn(page) == 0)
		panic("alloc_zeroed_page: pfn 0 is in the pool; it must stay reserved");
	clear_page(page_address(page));
	return page_to_phys(page);
}

/* free_page_phys: free the frame at physical @pa from alloc_zeroed_page(@use). */
void free_page_phys(uint64_t pa, enum vm_stat_item use)
{
	if ((pa & ~PAGE_MASK) || (pa >> PAGE_SHIFT) >= max_pfn)
		panic("free_page_phys: %#lx is not the address of a frame", pa);
	free_pages(phys_to_page(pa), 0, use);
}
