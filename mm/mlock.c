/*
 * mm/mlock.c - keeping pages in memory (Linux: mm/mlock.c). A VMA with
 * VM_LOCKED has every page present, and reclaim passes its pages by: the
 * reverse map counts a locked mapping as a reference (mm/rmap.c), as Linux
 * keeps such pages on its unevictable list. mlock is not inherited by fork
 * and is gone after exec, as on Linux.
 * Lock: as mm/mm.h.
 */
#include "mm/mmap.h"
#include "mm/vma.h"
#include "mm/page.h"
#include "kernel/errno.h"

/* set_locked: VM_LOCKED on (@lock) or off for the VMAs of [start, end), which
 * VMAs cover; the locked pages made present. 0, -ENOMEM. */
static int set_locked(struct mm *mm, uint64_t start, uint64_t end, bool lock)
{
	struct vm_area *vma;
	int err;

	if (!vma_range_covered(mm, start, end))
		return -ENOMEM;
	err = vma_split_range(mm, start, end);
	if (err)
		return err;
	for (vma = vma_find(mm, start); vma && vma->start < end; vma = vma_next(mm, vma))
		vma->flags = lock ? vma->flags | VM_LOCKED : vma->flags & ~VM_LOCKED;
	vma_merge_range(mm, start, end);
	return lock ? mm_populate(mm, start, end - start) : 0;
}

long do_mlock(struct mm *mm, uint64_t addr, uint64_t len, bool lock)
{
	uint64_t start = PAGE_ALIGN_DOWN(addr), end = PAGE_ALIGN(addr + len);

	if (addr + len < addr || end < start)
		return -EINVAL;
	if (start == end)
		return 0;
	return set_locked(mm, start, end, lock);
}

long do_mlockall(struct mm *mm, int flags)
{
	struct vm_area *vma;

	if (!flags || (flags & ~(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)) || flags == MCL_ONFAULT)
		return -EINVAL;
	mm->def_flags = (flags & MCL_FUTURE) ? VM_LOCKED : 0;
	if (!(flags & MCL_CURRENT))
		return 0;
	for_each_vma(mm, vma)
		vma->flags |= VM_LOCKED;
	vma_merge_range(mm, 0, USER_VA_END);
	for_each_vma(mm, vma)
		if (mm_populate(mm, vma->start, vma->end - vma->start))
			return -ENOMEM; /* Linux: -ENOMEM when the pages cannot all be had */
	return 0;
}

long do_munlockall(struct mm *mm)
{
	struct vm_area *vma;

	mm->def_flags = 0;
	for_each_vma(mm, vma)
		vma->flags &= ~VM_LOCKED;
	vma_merge_range(mm, 0, USER_VA_END);
	return 0;
}
