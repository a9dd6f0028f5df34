/*
 * mm/memory.h - the user pages of an mm, range by range (mm/memory.c): the page
 * half of munmap, mprotect and fork. Callers keep the VMA set in step (mm/vma.h);
 * a user page exists only inside a VMA. The public ones (mm_populate,
 * access_mm, vma_pte_flags) are in mm/mm.h.
 * Lock: as mm/mm.h.
 */
#ifndef MM_MEMORY_H
#define MM_MEMORY_H

#include "mm/mm.h"
#include "mm/pgtable.h"

/* zap_range: unmap every page of [start, end) of @mm and drop its frame (freed at
 * the last reference). The one place user pages are unmapped (Linux: zap_page_range). */
void zap_range(struct mm *mm, uint64_t start, uint64_t end);

/* unmap_page_range: zap_range that leaves every page table in place (Linux's
 * name: unmapping without free_pgtables), for the OOM reaper, which empties an
 * mm whose owner may be asleep holding a pointer into its tables. The flushes
 * are for current's address space: @mm is not loaded when another reaps it. */
void unmap_page_range(struct mm *mm, uint64_t start, uint64_t end);

/* change_vma_prot: give every page of @vma that has a frame the rights of @vma->prot
 * (pages still shared copy-on-write stay read-only). */
void change_vma_prot(struct mm *mm, const struct vm_area *vma);

/* copy_range: give @dst the pages @src has in @vma, sharing every frame:
 * VM_SHARED ones writable, private ones read-only in both mms (copy-on-write;
 * Linux: copy_page_range). The caller flushes @src's TLB afterwards. 0 or
 * -ENOMEM; what was mapped into @dst stays for its destroy. */
int copy_range(struct mm *dst, struct mm *src, const struct vm_area *vma);

/* beyond_eof: the page at @va of @vma is a file page starting at or past the
 * end of its file (the partial last page is not: its tail reads as zeros).
 * Linux's filemap_fault answers VM_FAULT_SIGBUS there, reads and writes alike. */
static inline bool beyond_eof(const struct vm_area *vma, uint64_t va)
{
	uint64_t off = vma->file_offset + (PAGE_ALIGN_DOWN(va) - vma->start);
	return vma->kind == VMA_FILE && off >= PAGE_ALIGN(vma->file_size);
}

/* zero_page_init: allocate the shared zero page. Boot, once. */
void zero_page_init(void);

/*
 * The three first-touch mappers below take @e, the empty PTE of @va when the
 * caller has walked to it already (the fault classifier did, and populate),
 * or NULL: then they walk themselves (map_page), building missing tables.
 */

/* map_zero_page: map the zero page read-only at @va of @vma (a read of untouched
 * anonymous memory). 0 or -ENOMEM (a page table). */
int map_zero_page(struct mm *mm, const struct vm_area *vma, uint64_t va, pte_t *e);

/* map_shmem_page: map at @va of the VMA_SHM @vma (no entry yet) its file's
 * page: the page itself for MAP_SHARED and for a read of a private mapping
 * (read-only until a write copies it), a private copy for a private
 * mapping's write (@write). 0, -ENXIO (past the file's end), -ENOSPC, -ENOMEM.
 * May sleep. */
int map_shmem_page(struct mm *mm, const struct vm_area *vma, uint64_t va, pte_t *e, bool write);

/* map_private_page: map at @va of @vma (no entry yet) a new frame of this mm's own
 * with the page's first contents: zeros, or the file's bytes (a first write).
 * 0 or -ENOMEM. May sleep (reclaim). */
int map_private_page(struct mm *mm, const struct vm_area *vma, uint64_t va, pte_t *e);

/* map_file_page: map the page at @va of file VMA @vma for reading: the page
 * cache's frame of a whole file page (read-only, shared), a private copy of a
 * page the mapping cuts short, the zero page past the file. 0 or -ENOMEM. */
int map_file_page(struct mm *mm, const struct vm_area *vma, uint64_t va, pte_t *e);

/* swap_in_page: resolve a fault at @va of @vma, whose PTE @e (the caller
 * walked to it) holds a swap entry: map the page from the swap cache or the
 * disk (*@major when read from disk; may sleep); with @write, make it this
 * mapping's own when no one else has it. 0 (also when the PTE changed while
 * sleeping: the fault is taken again), -ENOMEM or -EIO. */
int swap_in_page(struct mm *mm, const struct vm_area *vma, uint64_t va, pte_t *e, bool write, bool *major);

/* break_cow: resolve a write to the present read-only page at @va of writable
 * private @vma: copy it to a new frame, or, when this is its last mapping, make
 * it writable again (*@reused). 0 or -ENOMEM. */
int break_cow(struct mm *mm, const struct vm_area *vma, uint64_t va, bool *reused);

#endif
