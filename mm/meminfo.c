/* mm/meminfo.c - whole-memory figures for /proc (see meminfo.h). */
#include "mm/meminfo.h"
#include "mm/mm.h"
#include "mm/page.h"
#include "mm/page_alloc.h"
#include "mm/pgtable.h"
#include "mm/swap.h"
#include "mm/watermark.h"

uint64_t nr_swapcache_pages(void)
{
	uint64_t n = 0;

	for (uint64_t pfn = page_zone.start_pfn; pfn < page_zone.end_pfn; pfn++)
		n += page_test(pfn_to_page(pfn), PG_swapcache);
	return n;
}

/* keep_some: of @pages reclaimable pages, those that may go: all but half, or
 * all but the low watermark if that is less (si_mem_available's rule). */
static uint64_t keep_some(uint64_t pages)
{
	uint64_t keep = pages / 2 < wmark.low ? pages / 2 : wmark.low;
	return pages - keep;
}

uint64_t si_mem_available(void)
{
	uint64_t reserve = wmark.high; /* totalreserve_pages: one zone, no lowmem_reserve */
	uint64_t file_lru = 0;         /* page cache on the file LRU lists: ours is on none */
	uint64_t reclaimable_slab = 0; /* kmalloc has no reclaimable caches */
	int64_t available = (int64_t)nr_free_pages() - (int64_t)reserve;

	available += (int64_t)keep_some(file_lru) + (int64_t)keep_some(reclaimable_slab);
	return available > 0 ? (uint64_t)available : 0;
}

uint64_t vm_commit_limit(void)
{
	return page_zone.managed * OVERCOMMIT_RATIO / 100 + nr_swap_slots();
}

/* committed: whether @vma is memory Linux accounts at mmap (VM_ACCOUNT): writable
 * and private, or shared anonymous (MAP_NORESERVE ones too: we do not keep that flag). */
static bool committed(const struct vm_area *vma)
{
	if (vma->flags & VM_SHARED)
		return vma->kind != VMA_FILE && vma->kind != VMA_SHM; /* shared file pages: the file's, not committed */
	return vma->prot & PROT_WRITE;
}

uint64_t committed_pages(void)
{
	struct mm *mm;
	struct vm_area *vma;
	uint64_t pages = 0;

	for_each_mm(mm)
		for_each_vma(mm, vma)
			if (committed(vma))
				pages += (vma->end - vma->start) / PAGE_SIZE;
	return pages;
}

uint64_t vma_frames(struct mm *mm, const struct vm_area *vma, uint64_t *file)
{
	uint64_t va = vma->start, frames = 0;

	*file = 0;
	while (va < vma->end) {
		uint64_t table_end = (va + PAGE_2M) & ~(PAGE_2M - 1);
		pte_t *pte = walk(mm->pml4, va, PT_PTE, false); /* NULL: no page table here */
		if (table_end > vma->end)
			table_end = vma->end;
		for (; pte && va < table_end; va += PAGE_SIZE, pte++) {
			if (!(*pte & (PTE_P | PTE_PROTNONE)))
				continue; /* none, or a swap entry */
			struct page *page = phys_to_page(*pte & PTE_ADDR);
			if (page->mapcount == 0)
				continue; /* the zero page */
			frames++;
			*file += page_test(page, PG_file);
		}
		va = table_end;
	}
	return frames;
}

uint64_t nr_mlocked_pages(void)
{
	struct mm *mm;
	struct vm_area *vma;
	uint64_t pages = 0, file;

	for_each_mm(mm)
		for_each_vma(mm, vma)
			if (vma->flags & VM_LOCKED)
				pages += vma_frames(mm, vma, &file);
	return pages;
}
