/*
 * mm/mprotect.c - changing the protection of a range (Linux: mm/mprotect.c).
 * The VMAs are split so the range is whole VMAs, each gets the new prot and
 * its pages new PTE rights, then neighbours that became alike merge again.
 * A range with a hole fails before changing anything (Linux changes the VMAs
 * before the hole, then returns -ENOMEM; POSIX asks only for the error).
 * Lock: as mm/mm.h.
 */
#include "mm/mmap.h"
#include "mm/vma.h"
#include "mm/memory.h"
#include "mm/page.h"
#include "kernel/errno.h"

/* vma_protect: covered? split, set each VMA and its pages, merge. */
int vma_protect(struct mm *mm, uint64_t start, uint64_t len, uint32_t prot)
{
	uint64_t end = start + len;
	struct vm_area *vma;
	int err;

	if (!vma_range_covered(mm, start, end))
		return -ENOMEM;
	err = vma_split_range(mm, start, end);
	if (err)
		return err;
	for (vma = vma_find(mm, start); vma && vma->start < end; vma = vma_next(mm, vma)) {
		vma->prot = prot;
		change_vma_prot(mm, vma);
	}
	vma_merge_range(mm, start, end);
	return 0;
}

/* do_mprotect: Linux's checks in Linux's order (alignment, empty, wrap, prot bits), then vma_protect. */
long do_mprotect(struct mm *mm, uint64_t addr, uint64_t len, int prot)
{
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	if (!len || addr + len <= addr)
		return -ENOMEM;
	if (prot & ~(PROT_MASK | PROT_SEM))
		return -EINVAL;
	return vma_protect(mm, addr, len, (uint32_t)prot & PROT_MASK);
}
