/*
 * mm/pgtable.h - x86-64 4-level paging: entry bits and the one page-table walker.
 *
 * Every part of the kernel that reads or changes a page table goes through these
 * functions (Intel SDM Vol. 3A 4.5 "4-level paging"). A table is identified by
 * the physical address of its PML4 (the value CR3 holds, without flag bits).
 */
#ifndef MM_PGTABLE_H
#define MM_PGTABLE_H

#include <stdint.h>
#include <stdbool.h>

typedef uint64_t pte_t; /* an entry at any level */

/* Entry bits (SDM Vol. 3A, Tables 4-15 .. 4-20). */
#define PTE_P    (1ull << 0)  /* present */
#define PTE_RW   (1ull << 1)  /* writable */
#define PTE_US   (1ull << 2)  /* user accessible */
#define PTE_PWT  (1ull << 3)  /* write-through */
#define PTE_PCD  (1ull << 4)  /* cache disable */
#define PTE_A    (1ull << 5)  /* accessed (set by the CPU) */
#define PTE_D    (1ull << 6)  /* dirty (set by the CPU, leaf only) */
#define PTE_PS   (1ull << 7)  /* page size: 2 MiB leaf in a PD entry, 1 GiB in a PDPT entry */
#define PTE_G    (1ull << 8)  /* global: survives CR3 reloads */
#define PTE_NX   (1ull << 63) /* no execute (needs EFER.NXE) */
#define PTE_ADDR 0x000ffffffffff000ull /* physical address bits 51:12 */

#define PTE_FLAGS (~PTE_ADDR)

/* Levels of the walk, numbered as the SDM counts them from the leaf up. */
enum pt_level { PT_PTE = 1, PT_PD = 2, PT_PDPT = 3, PT_PML4 = 4 };

#define PT_ENTRIES 512

/* The two halves of the canonical 48-bit address space (SDM Vol. 1 3.3.7.1):
 * user space below USER_VA_END, the kernel's half from KERNEL_HALF_START up
 * (bits 63:47 all one). Addresses, not indices: the PML4 index where the
 * kernel half starts is KERNEL_PML4_INDEX. */
#define USER_VA_END       0x0000800000000000ull /* first non-user address */
#define KERNEL_HALF_START 0xffff800000000000ull /* lowest kernel-half address */
/* KERNEL_PML4_INDEX: the first PML4 entry of the kernel half (256); entries
 * from here up are shared by every address space. */
#define KERNEL_PML4_INDEX ((int)((KERNEL_HALF_START >> 39) & 0x1ff))
#define PAGE_2M    (1ull << 21)
#define PAGE_1G    (1ull << 30)

/* pt_index: the 9-bit index of @va at @level (see the picture in mm/pgtable.c). */
static inline unsigned pt_index(uint64_t va, int level)
{
	return (va >> (12 + 9 * (level - 1))) & 0x1ff;
}

/* pt_seal_kernel_half: from now on, a new table under an empty kernel-half
 * entry of @root's PML4 panics: every address space copied those entries when
 * it was created, so a new one would exist in @root alone and the kernel
 * would fault on it with another CR3 loaded (mm_seal_kernel_half). @root 0
 * seals nothing. */
void pt_seal_kernel_half(uint64_t root);

/* pt_alloc_root: a new, empty PML4; returns its physical address or 0 on no memory. */
uint64_t pt_alloc_root(void);

/*
 * walk: the entry for @va at @level in the tree rooted at @root. With @alloc,
 * missing tables above @level are allocated (intermediate flags: P|RW, plus US
 * for user-half addresses). Returns NULL when a table is missing and !@alloc,
 * when allocation fails, or when a large page already covers @va above @level.
 * Through the returned pointer an entry may be rewritten from one non-zero value
 * to another (flags, swap entry); making an entry zero or non-zero must go
 * through map_page/unmap_page or pte_install/pte_clear/pt_add_entries, which
 * keep the table's entry count.
 */
pte_t *walk(uint64_t root, uint64_t va, int level, bool alloc);

/* map_page: map 4 KiB @va -> @pa with @flags (P added). 0, -ENOMEM, or -EEXIST if present. */
int map_page(uint64_t root, uint64_t va, uint64_t pa, uint64_t flags);

/* pte_install: put the non-zero @val in the empty entry @e of a page table (a
 * pointer that walk() returned, or one beside it in the same table), keeping
 * the table's entry count: a fast path for filling many entries of one table
 * (fork), where map_page would walk from the root for each. No flush: the
 * entry was empty. */
void pte_install(pte_t *e, pte_t val);

/* pt_add_entries: @n entries of the page table @table (entry 0, a pointer from
 * walk() less the index) were empty and have been filled by direct stores:
 * count them. The fastest path for filling a table, used by fork, which writes
 * every entry of a new child table in one loop and counts once per table. */
void pt_add_entries(pte_t *table, unsigned n);

/* pte_clear: empty the non-empty entry @e of a page table (as pte_install, a
 * pointer from walk() or beside it), keeping the table's entry count; returns
 * the old entry. The caller flushes the TLB and calls pt_prune once for each
 * table it emptied entries of: the fast path for unmapping many pages. */
pte_t pte_clear(pte_t *e);

/* pt_prune: free the tables on @va's path that no longer hold any entry (as
 * unmap_page does after each page), bottom-up; never the root. */
void pt_prune(uint64_t root, uint64_t va);

/* map_large_page: map 2 MiB @va -> @pa (both 2 MiB aligned) with @flags (P|PS added). Same returns. */
int map_large_page(uint64_t root, uint64_t va, uint64_t pa, uint64_t flags);

/*
 * unmap_page: remove the 4 KiB mapping of @va, flush its TLB entry, free page
 * tables left empty. Returns the old entry (0 when nothing was mapped). The
 * mapped frame itself is the caller's to free. Kernel-half PDPTs are never
 * freed (every PML4 shares them); @va inside a 2 MiB/1 GiB page panics.
 */
pte_t unmap_page(uint64_t root, uint64_t va);

/* pte_protect: set the flags of the present 4 KiB entry @e of @va (from walk())
 * to @flags (P, frame, A, D kept); flush. A non-present entry panics. */
void pte_protect(pte_t *e, uint64_t va, uint64_t flags);

/* translate: physical address and leaf flags for @va, following 1G/2M/4K leaves; false if unmapped. */
bool translate(uint64_t root, uint64_t va, uint64_t *pa, uint64_t *flags);

/* pt_count_tables: how many table pages @root's user half uses, the root included (OOM badness). */
uint64_t pt_count_tables(uint64_t root);

/* pt_free_tree: free every page-table page of the user half [0, KERNEL_PML4_INDEX) of @root and the root itself. */
void pt_free_tree(uint64_t root);

#endif
