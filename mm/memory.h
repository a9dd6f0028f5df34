/*
 * mm/memory.h - the user pages of an mm, range by range (mm/memory.c): the page
 * half of munmap, mprotect and fork. Callers keep the VMA set in step (mm/vma.h);
 * a user page exists only inside a VMA. The public ones (mm_populate,
 * copy_to_mm, vma_pte_flags) are in mm/mm.h.
 * Lock: as mm/mm.h.
 */
#ifndef MM_MEMORY_H
#define MM_MEMORY_H

#include "mm/mm.h"

/* zap_range: unmap every page of [start, end) of @mm and drop its frame (freed at
 * the last reference). The one place user pages are unmapped (Linux: zap_page_range). */
void zap_range(struct mm *mm, uint64_t start, uint64_t end);

/* change_range_prot: give every page of [start, end) that has a frame the rights of
 * @prot, hiding it for PROT_NONE (Linux: change_protection). */
void change_range_prot(struct mm *mm, uint64_t start, uint64_t end, uint32_t prot);

/* copy_range: give @dst the pages @src has in @vma: shared frames (VM_SHARED)
 * mapped again, private ones copied (Linux: copy_page_range). 0 or -ENOMEM; what
 * was mapped into @dst stays for its destroy. */
int copy_range(struct mm *dst, struct mm *src, const struct vm_area *vma);

#endif
