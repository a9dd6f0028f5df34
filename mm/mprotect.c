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

/* set_prot: give @vma the protection *@arg, and its pages the matching PTE rights. */
static void set_prot(struct mm *mm, struct vm_area *vma, void *arg)
{
	vma->prot = *(uint32_t *)arg;
	change_vma_prot(mm, vma);
}

/* vma_protect: set_prot over whole VMAs (vma_change_range). */
int vma_protect(struct mm *mm, uint64_t start, uint64_t len, uint32_t prot)
{
	return vma_change_range(mm, start, start + len, set_prot, &prot);
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
