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

/* set_lock_flag: VM_LOCKED on @vma when *@arg, off otherwise. */
static void set_lock_flag(struct mm *mm, struct vm_area *vma, void *arg)
{
	(void)mm;
	vma->flags = *(bool *)arg ? vma->flags | VM_LOCKED : vma->flags & ~VM_LOCKED;
}

/* set_locked: VM_LOCKED on (@lock) or off for the VMAs of [start, end), which
 * VMAs cover; the locked pages made present. 0, -ENOMEM. */
static int set_locked(struct mm *mm, uint64_t start, uint64_t end, bool lock)
{
	int err = vma_change_range(mm, start, end, set_lock_flag, &lock);

	return err || !lock ? err : mm_populate(mm, start, end - start);
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
