/* mm/rmap.c - the reverse map by address (see rmap.h). */
#include "mm/rmap.h"
#include "mm/mm.h"
#include "mm/swap.h"
#include "mm/pgtable.h"
#include "mm/tlb.h"
#include "kernel/panic.h"

/* pte_of_page: the PTE of @mm at @page's address if it holds @page (present
 * or hidden by PROT_NONE); NULL otherwise. */
static pte_t *pte_of_page(struct mm *mm, const struct page *page)
{
	pte_t *e = walk(mm->pml4, page->index, PT_PTE, false);

	if (!e || !(*e & (PTE_P | PTE_PROTNONE)) || (*e & PTE_ADDR) != page_to_phys(page))
		return NULL;
	return e;
}

unsigned page_referenced(struct page *page)
{
	unsigned referenced = 0;
	struct mm *mm;

	for_each_mm(mm) {
		pte_t *e = pte_of_page(mm, page);

		if (!e)
			continue;
		if (!(*e & PTE_P) || (vma_lookup(mm, page->index)->flags & VM_LOCKED)) {
			referenced++; /* PROT_NONE or mlocked: kept, see rmap.h */
		} else if (*e & PTE_A) {
			set_pte(e, *e & ~PTE_A);
			flush_tlb_page(page->index); /* else a cached translation never sets A again */
			referenced++;
		}
	}
	return referenced;
}

void try_to_unmap(struct page *page, uint64_t slot)
{
	struct mm *mm;

	for_each_mm(mm) {
		pte_t *e = pte_of_page(mm, page);

		if (!e)
			continue;
		if (*e & PTE_D)
			page_set(page, PG_dirty);
		set_pte(e, swp_pte(slot)); /* non-zero to non-zero: the table's entry count holds */
		flush_tlb_page(page->index);
		swap_dup(slot);
		page->mapcount--;
		page->refcount--;
		mm->rss--;
		mm->swap_ents++;
	}
	if (page->mapcount)
		panic("try_to_unmap: pfn %#lx still has %d mappings the walk did not find",
		      page_to_pfn(page), page->mapcount);
}
