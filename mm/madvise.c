/*
 * mm/madvise.c - advice about a range (Linux: mm/madvise.c). Only
 * MADV_DONTNEED does something: the private pages of the range are dropped,
 * and the next touch faults in zeros, or the file's bytes for a file mapping,
 * as on Linux. A VM_SHARED page keeps its frame: on Linux its data lives on in
 * shmem and a later read sees it again, and here only the PTEs hold it.
 * Lock: as mm/mm.h.
 */
#include "mm/mmap.h"
#include "mm/vma.h"
#include "mm/memory.h"
#include "mm/page.h"
#include "kernel/errno.h"

/* advice_known: the advice values accepted (the others are -EINVAL). */
static bool advice_known(int advice)
{
	return advice == MADV_NORMAL || advice == MADV_RANDOM || advice == MADV_SEQUENTIAL ||
	       advice == MADV_WILLNEED || advice == MADV_DONTNEED;
}

/* dontneed: zap the private pages of every VMA part inside [start, end). */
static void dontneed(struct mm *mm, uint64_t start, uint64_t end)
{
	struct vm_area *vma;

	for (vma = find_vma(mm, start); vma && vma->start < end; vma = vma_next(mm, vma))
		if (!(vma->flags & VM_SHARED))
			zap_range(mm, vma->start > start ? vma->start : start,
				  vma->end < end ? vma->end : end);
}

/* do_madvise: Linux's checks, the advice applied to what is mapped, -ENOMEM if there was a hole. */
long do_madvise(struct mm *mm, uint64_t addr, uint64_t len, int advice)
{
	uint64_t end;

	if (!advice_known(advice) || (addr & ~PAGE_MASK))
		return -EINVAL;
	end = addr + PAGE_ALIGN(len);
	if ((len && end == addr) || end < addr)
		return -EINVAL;
	if (end == addr)
		return 0;
	if (advice == MADV_DONTNEED)
		dontneed(mm, addr, end);
	return vma_range_covered(mm, addr, end) ? 0 : -ENOMEM;
}
