/*
 * mm/vma.h - operations on the VMA set of an mm used only inside mm/; the
 * public ones are in mm/mm.h. All are pure bookkeeping (mm/vma.c): no page
 * table is touched, so page work is the caller's (mm/memory.c).
 * Lock: as mm/mm.h (only the mm's own process changes it).
 */
#ifndef MM_VMA_H
#define MM_VMA_H

#include <stdbool.h>
#include "mm/mm.h"

/* vma_expand_down: move the start of the stack @vma down to @start (free
 * below it: the fault path checked), keeping the tree's gaps right. */
void vma_expand_down(struct vm_area *vma, uint64_t start);

/* vma_range_covered: every page of [start, end) lies in some VMA. */
bool vma_range_covered(struct mm *mm, uint64_t start, uint64_t end);

/* vma_split_range: split the VMAs that straddle @start or @end so that each VMA
 * is wholly inside or wholly outside [start, end) (Linux: split_vma).
 * 0, or -ENOMEM with nothing changed. */
int vma_split_range(struct mm *mm, uint64_t start, uint64_t end);

/* vma_trim_target: the VMA whose head or tail [start, end) is exactly (it
 * touches no other VMA and leaves a part of this one), or NULL. */
struct vm_area *vma_trim_target(struct mm *mm, uint64_t start, uint64_t end);

/* vma_trim: cut [start, end), @vma's head or tail (vma_trim_target said so;
 * its pages are gone already), off @vma in place: no new VMA, no split
 * (Linux: vma_shrink). */
void vma_trim(struct vm_area *vma, uint64_t start, uint64_t end);

/* vma_remove_range: free the VMAs inside [start, end); none may straddle an end
 * (vma_split_range first; panics otherwise). Their pages must be gone already. */
void vma_remove_range(struct mm *mm, uint64_t start, uint64_t end);

/* vma_merge_range: merge each compatible, touching pair among the VMAs that
 * touch [start, end], the neighbours just outside included (Linux: vma_merge). */
void vma_merge_range(struct mm *mm, uint64_t start, uint64_t end);

/* vma_change_range: the shape of mprotect and mlock: every page of [start, end)
 * must lie in a VMA (-ENOMEM, nothing changed), the VMAs are split at the
 * ends (-ENOMEM when that would pass sysctl_max_map_count), @change(@mm,
 * vma, @arg) runs on each VMA inside, then neighbours that became alike merge
 * again. 0 or -ENOMEM. */
int vma_change_range(struct mm *mm, uint64_t start, uint64_t end,
		     void (*change)(struct mm *mm, struct vm_area *vma, void *arg), void *arg);

/* vma_copy_all: append a copy of each of @src's VMAs to the empty @dst (fork).
 * 0, or -ENOMEM with the copies made so far left in @dst for its destroy. */
int vma_copy_all(struct mm *dst, struct mm *src);

#endif
