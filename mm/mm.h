/*
 * mm/mm.h - a process's address space: its page tables and its VMAs
 * (Linux: struct mm_struct and struct vm_area_struct).
 *
 * A VMA is a page-aligned range [start, end) with one protection and one
 * kind; the VMAs of an mm are sorted and never overlap. Every user mapping
 * belongs to exactly one VMA; a user address outside every VMA is invalid.
 *
 *   0x0000000000000000  NULL guard (never mapped)
 *   0x0000000000400000  ELF segments (non-PIE), then [heap] from start_brk up to brk
 *   ...                 mmap area, allocated top-down from mmap_base
 *   STACK_TOP           [stack] grows down (8 MiB limit), below a random gap
 *   0x0000800000000000  end of the user half
 *
 * Lock: an mm is changed only by its own process (single CPU, no threads).
 */
#ifndef MM_MM_H
#define MM_MM_H

#include <stdint.h>
#include <stddef.h>
#include "kernel/lib/list.h"
#include "kernel/lib/rbtree.h"
#include "mm/pgtable.h" /* USER_VA_END */

struct file;
struct page;
struct inode;

#define USER_VA_START 0x0000000000010000ull /* lowest mappable address (mmap_min_addr) */
/* TASK_SIZE: end of the mappable user space. The top user page is never mapped
 * (Linux: TASK_SIZE_MAX), so no user instruction ends at the non-canonical
 * boundary, where SYSRET would fault in ring 0 on the user's stack (CVE-2012-0217). */
#define TASK_SIZE     0x00007ffffffff000ull
#define STACK_TOP     TASK_SIZE             /* top of the main stack VMA */
#define STACK_LIMIT   (8ull << 20)          /* RLIMIT_STACK default: 8 MiB */
#define MMAP_BASE     (STACK_TOP - STACK_LIMIT - (1ull << 30)) /* mmap grows down from here */

/* Linux's PROT_* and MAP_* values (asm-generic/mman-common.h, mman.h). */
#define PROT_NONE  0x0
#define PROT_READ  0x1
#define PROT_WRITE 0x2
#define PROT_EXEC  0x4
#define PROT_SEM   0x8 /* accepted by mprotect and ignored, as on x86 Linux */
#define MAP_SHARED          0x01
#define MAP_PRIVATE         0x02
#define MAP_TYPE            0x0f /* the bits that hold MAP_SHARED or MAP_PRIVATE */
#define MAP_FIXED           0x10
#define MAP_ANONYMOUS       0x20
#define MAP_GROWSDOWN       0x0100
#define MAP_NORESERVE       0x4000
#define MAP_POPULATE        0x8000
#define MAP_FIXED_NOREPLACE 0x100000
#define MADV_NORMAL     0
#define MADV_RANDOM     1
#define MADV_SEQUENTIAL 2
#define MADV_WILLNEED   3
#define MADV_DONTNEED   4
#define MCL_CURRENT     1
#define MCL_FUTURE      2
#define MCL_ONFAULT     4

/*
 * A page of a PROT_NONE VMA keeps its frame but must not be reachable: its PTE
 * has P=0 (the CPU then ignores every other bit, SDM Vol. 3A 4.5.4) and this
 * software bit, with the frame address in bits 51:12 (Linux: _PAGE_PROTNONE).
 * translate() treats it as unmapped; unmapping frees its frame as any other.
 * Bit 58 is also ignored by the CPU in a present entry (no protection keys).
 * Swap entries (later) must never set it.
 */
#define PTE_PROTNONE (1ull << 58)

enum vma_kind {
	VMA_ANON,  /* anonymous memory (mmap MAP_ANONYMOUS) */
	VMA_FILE,  /* a file's pages (ELF segments, file mmap) */
	VMA_HEAP,  /* [heap]: brk */
	VMA_STACK, /* [stack]: the main stack */
	VMA_SHM,   /* the pages of a shmem file (tmpfs), MAP_SHARED or MAP_PRIVATE: vm_file's get_page */
};

/* VMA flags (vm_area.flags), Linux's VM_* in spirit. */
#define VM_SHARED    0x1 /* MAP_SHARED: fork shares the frames, no copy */
#define VM_GROWSDOWN 0x2 /* the stack */
#define VM_LOCKED    0x4 /* mlock: its pages are never reclaimed (mm/mlock.c) */

struct vm_area {
	uint64_t start, end;   /* [start, end), page aligned */
	uint32_t prot;         /* PROT_* */
	uint32_t flags;        /* VM_* */
	enum vma_kind kind;
	struct mm *mm;         /* the mm it belongs to (Linux: vm_mm) */
	struct list_head link; /* in mm->vmas, sorted by start */
	struct rb_node rb;     /* in mm->vma_tree, keyed by start (Linux: vm_rb) */
	uint64_t subtree_gap;  /* the largest free gap below a VMA of this subtree,
	                        * gap = start - the previous VMA's end (Linux: rb_subtree_gap) */
	/* VMA_FILE: where the contents come from (initrd data; read-only). */
	const uint8_t *file_data; /* bytes of the file backing this VMA, or NULL */
	uint64_t file_size;       /* bytes of the file available from file_data */
	uint64_t file_offset;     /* file offset that maps to `start` (VMA_FILE, VMA_SHM) */
	struct file *vm_file;     /* VMA_SHM: the open file, with a reference (Linux's vm_file) */
};

struct mm {
	uint64_t pml4;          /* physical address of the PML4 (CR3) */
	struct list_head vmas;  /* struct vm_area, sorted, non-overlapping: the order to walk */
	struct rb_root vma_tree; /* the same VMAs as a tree: O(log n) lookups and gap searches (mm/vma.c) */
	int map_count;          /* how many VMAs (Linux's map_count; vm.max_map_count bounds it) */
	struct vm_area *cache;  /* last VMA looked up, a hint (Linux: vmacache); NULL once freed */
	uint64_t start_brk;     /* where the heap starts (end of the ELF's bss) */
	uint64_t brk;           /* current break */
	uint64_t start_stack;   /* initial user RSP */
	uint64_t mmap_base;     /* top of the mmap area */
	uint64_t rss;           /* user pages mapped here, PROT_NONE ones too (VmRSS, getrusage) */
	uint64_t swap_ents;     /* swap entries in this mm's PTEs (VmSwap) */
	uint32_t def_flags;     /* VM_* every new VMA gets: VM_LOCKED after mlockall(MCL_FUTURE) */
	struct list_head mmlist; /* in mm_list: every live mm, for the reverse map (mm/rmap.c) */
	uint64_t arg_start, arg_end, env_start, env_end; /* /proc/PID/cmdline, environ */
	unsigned long flags;    /* MMF_*, Linux's mm_struct.flags */
	int mm_users;           /* processes using it: more than one after clone(CLONE_VM) (vfork,
	                         * posix_spawn); the last mmput destroys it (Linux's mm_users) */
};

/* mm.flags: the OOM reaper has emptied this mm (or given up on it); the OOM
 * killer neither waits for its owner nor chooses it again (Linux's MMF_OOM_SKIP). */
#define MMF_OOM_SKIP 0x1

/* vma_first/vma_next: the VMAs of @mm in address order; NULL after the last. */
static inline struct vm_area *vma_first(struct mm *mm)
{
	return list_empty(&mm->vmas) ? NULL : list_first_entry(&mm->vmas, struct vm_area, link);
}

static inline struct vm_area *vma_next(struct mm *mm, struct vm_area *vma)
{
	return vma->link.next == &mm->vmas ? NULL : list_entry(vma->link.next, struct vm_area, link);
}

/* vma_prev/vma_last: the same walk backwards; NULL before the first. */
static inline struct vm_area *vma_prev(struct mm *mm, struct vm_area *vma)
{
	return vma->link.prev == &mm->vmas ? NULL : list_entry(vma->link.prev, struct vm_area, link);
}

static inline struct vm_area *vma_last(struct mm *mm)
{
	return list_empty(&mm->vmas) ? NULL : list_entry(mm->vmas.prev, struct vm_area, link);
}

extern struct list_head mm_list; /* every live mm (Linux: init_mm.mmlist) */

/* for_each_mm: iterate @mm over every live address space. */
#define for_each_mm(mm) \
	for (mm = list_entry(mm_list.next, struct mm, mmlist); &mm->mmlist != &mm_list; \
	     mm = list_entry(mm->mmlist.next, struct mm, mmlist))

/* for_each_vma: iterate @vma over @mm's VMAs (do not free @vma inside the loop). */
#define for_each_vma(mm, vma) for (vma = vma_first(mm); vma; vma = vma_next(mm, vma))

/* mm_seal_kernel_half: close kernel_pml4's entries 256..511, the half every mm
 * copies: from then on making a new one panics (pt_seal_kernel_half). Boot,
 * before the first mm_create (and never while an mm exists). */
void mm_seal_kernel_half(void);

/* mm_create: an empty address space: a PML4 sharing the kernel half; NULL on no memory. */
struct mm *mm_create(void);

/* mm_destroy: free every user frame, page table and VMA of @mm, and @mm itself.
 * @mm must not be loaded in CR3 (mm_switch(NULL) first). */
void mm_destroy(struct mm *mm);

/* mmget: one more process uses @mm (clone with CLONE_VM); returns @mm. */
static inline struct mm *mmget(struct mm *mm)
{
	mm->mm_users++;
	return mm;
}

/* mmput: a process lets go of @mm; the last one destroys it (mm_destroy's rule:
 * not loaded in CR3). */
void mmput(struct mm *mm);

/* mm_fork: a copy of @mm for a child process (every VMA; private pages copied,
 * shared pages shared); NULL on no memory (nothing leaked). */
struct mm *mm_fork(struct mm *mm);

/* mm_switch: load @mm's page tables (CR3); NULL loads the kernel's. */
void mm_switch(struct mm *mm);

/* vma_lookup: the VMA containing @addr, or NULL (as Linux). */
struct vm_area *vma_lookup(struct mm *mm, uint64_t addr);

/* find_vma: the first VMA that ends above @addr (contains it or lies above it),
 * or NULL (as Linux): where a walk resumes (/proc/PID/maps). O(log n). */
struct vm_area *find_vma(struct mm *mm, uint64_t addr);

/* vma_check_free: whether [start, start+len) can take a new VMA: 0; -EINVAL when
 * unaligned, empty or outside [USER_VA_START, TASK_SIZE); -EEXIST when a VMA overlaps. */
int vma_check_free(struct mm *mm, uint64_t start, uint64_t len);

/* vma_map: add a VMA [start, start+len) with @prot/@flags/@kind, merged with
 * compatible neighbours (Linux: vma_merge); the range must pass vma_check_free
 * (panics otherwise). Returns the VMA now covering @start, or NULL (-ENOMEM
 * semantics). Maps no page. A VMA_FILE made here has no file bytes (reads as
 * zeros) and is never merged: use vma_map_file for a file's contents. */
struct vm_area *vma_map(struct mm *mm, uint64_t start, uint64_t len, uint32_t prot,
			uint32_t flags, enum vma_kind kind);

/* vma_map_file: vma_map of a VMA_FILE whose page at @start holds the file bytes at
 * @offset of @data (@size bytes available; bytes past @size read as zeros). */
struct vm_area *vma_map_file(struct mm *mm, uint64_t start, uint64_t len, uint32_t prot,
			     uint32_t flags, const uint8_t *data, uint64_t size, uint64_t offset);

/* vma_file_get, vma_file_put: a VMA takes and drops a reference to its file
 * (mm/vm_file.c). */
void vma_file_get(struct file *f);
void vma_file_put(struct file *f);

/* vma_file_page: the file's page behind @va of the VMA_SHM @vma, allocated if
 * the file has none there yet, with a reference for the caller (page->refcount
 * counts it); NULL with *@err -ENXIO past the end of the file, -ENOSPC or
 * -ENOMEM. May sleep. */
struct page *vma_file_page(const struct vm_area *vma, uint64_t va, int *err);

/* vma_file_inode: the inode of a VMA_SHM's file. */
struct inode *vma_file_inode(const struct vm_area *vma);

/* unmap_mapping_pages: a file was cut short: unmap, in every mm, the pages of
 * its VMA_SHM mappings from page index @first on (private copies included), so
 * a later touch faults and finds the end of the file (Linux's
 * unmap_mapping_pages with even_cows). May not sleep. */
void unmap_mapping_pages(struct inode *inode, uint64_t first);

/* vma_map_shm: vma_map of a VMA_SHM whose page at @start is page @offset /
 * PAGE_SIZE of @file (it takes a reference to @file). */
struct vm_area *vma_map_shm(struct mm *mm, uint64_t start, uint64_t len, uint32_t prot, uint32_t flags,
			    struct file *file, uint64_t offset);

/* vma_unmap: remove [start, start+len) (page aligned, in the user half) from every
 * VMA it touches (splitting them), unmapping and freeing their pages; holes are
 * fine (Linux: do_munmap). 0 or -ENOMEM (a split needed memory, or a hole in
 * the middle of one VMA would pass sysctl_max_map_count; nothing changed). */
int vma_unmap(struct mm *mm, uint64_t start, uint64_t len);

/* vma_protect: change the protection of [start, start+len) (page aligned), its VMAs
 * (splitting, then merging neighbours) and its present pages (Linux: mprotect_fixup).
 * 0; -ENOMEM when part of the range is in no VMA or a split needed memory (nothing changed). */
int vma_protect(struct mm *mm, uint64_t start, uint64_t len, uint32_t prot);

/* sysctl_max_map_count: how many VMAs an mm may have (vm.max_map_count,
 * Linux's default 65530): mmap past it, and a split that would pass it
 * (munmap in the middle of a VMA, mprotect, mlock), fail with -ENOMEM (mm/vma.c). */
#define DEFAULT_MAX_MAP_COUNT 65530
extern int sysctl_max_map_count;

/* get_unmapped_area: the highest free range of @len bytes (page aligned, non-zero)
 * that ends at or below mmap_base and starts at or above USER_VA_START; 0 if none. */
uint64_t get_unmapped_area(struct mm *mm, uint64_t len);

/* mm_populate: make every page of [start, start+len) present (zero-filled, or the
 * VMA's file bytes), pages of PROT_NONE VMAs excepted (Linux: populate_vma_page_range).
 * 0; -ENOMEM when memory ran out or part of the range is in no VMA (pages made
 * present so far stay). */
int mm_populate(struct mm *mm, uint64_t start, uint64_t len);

/* access_mm: copy up to @n bytes between kernel @buf and user address @va of
 * @mm, page by page through its page tables, whether or not @mm is current
 * (Linux: access_remote_vm). With @write into @mm (exec fills its new stack): write permission is not
 * checked (exec fills read-only text this way) and a page that is not present
 * is made so first. Without, out of @mm: only what is present is read (a page
 * never touched or swapped out ends the copy, where Linux would fault it in;
 * /proc/PID/cmdline). Returns how many bytes were copied. */
size_t access_mm(struct mm *mm, uint64_t va, void *buf, size_t n, bool write);


/* vma_pte_flags: the PTE flags a present page of a VMA with @prot gets: US always,
 * RW if PROT_WRITE, NX unless PROT_EXEC (P is added by map_page). For PROT_NONE
 * that is US|NX, but such a page is then hidden with PTE_PROTNONE. */
uint64_t vma_pte_flags(uint32_t prot);

#endif
