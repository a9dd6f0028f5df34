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
#include "mm/page.h"

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

/*
 * The entry rule. A table's struct page counts its non-empty entries in
 * mapcount (pt_prune frees a table whose count is 0; swap and PROT_NONE
 * entries are non-empty though not present). Every store into an entry, at
 * any level, is set_pte (or set_pte_count while filling a table in a loop,
 * or ptep_set_wrprotect, which only clears RW),
 * which keeps the count and panics ("set_pte: ...") on a store that breaks
 * the rule:
 *   empty -> non-empty     counted +1 (at most PT_ENTRIES in a table)
 *   non-empty -> empty     counted -1
 *   non-empty -> non-empty not counted; if both are present they map the same
 *                          frame (rights and A/D bits change in place): a
 *                          present entry gets another frame only through
 *                          empty (break-before-make: clear, flush, set; Linux's
 *                          ptep_clear_flush + set_pte_at in wp_page_copy)
 *   empty -> empty         a bug: the caller believed an entry was there
 * The TLB is the caller's (SDM Vol. 3A 4.10.4): set_pte never flushes.
 * mm_create's copy of the shared kernel-half PML4 entries is the one store
 * outside it, deliberately uncounted (see mm/mm.c).
 */

/* set_pte_bug: report the store of @val over @old in @e that broke the rule; never returns. */
__attribute__((noreturn, cold)) void set_pte_bug(const pte_t *e, pte_t old, pte_t val);

/* pte_count_change: how the count of non-empty entries changes when @val
 * replaces @old in @e: +1, -1 or 0; a store that breaks the rule panics. */
static inline int pte_count_change(const pte_t *e, pte_t old, pte_t val)
{
	if (!old) {
		if (!val)
			set_pte_bug(e, old, val);
		return 1;
	}
	if (!val)
		return -1;
	if ((old & val & PTE_P) && ((old ^ val) & PTE_ADDR))
		set_pte_bug(e, old, val);
	return 0;
}

/* set_pte: store @val in the entry @e (a pointer walk() gave, or one beside it
 * in the same table) under the rule above, keeping its table's count of
 * non-empty entries within 0..PT_ENTRIES. No flush; never sleeps. */
static inline void set_pte(pte_t *e, pte_t val)
{
	pte_t old = *e;
	int change = pte_count_change(e, old, val);

	if (change) {
		struct page *table = virt_to_page(e);

		if ((unsigned)(table->mapcount + change) > PT_ENTRIES)
			set_pte_bug(e, old, val);
		table->mapcount += change;
	}
	*e = val;
}

/* ptep_set_wrprotect: take write access away from the non-empty entry @e in
 * place (fork's copy-on-write; Linux's name): the same frame, no count
 * change, so the rule holds without set_pte's checks (fork does this to
 * every private entry). Panics on an empty entry. No flush; never sleeps. */
static inline void ptep_set_wrprotect(pte_t *e)
{
	pte_t old = *e;

	if (!old)
		set_pte_bug(e, old, old);
	*e = old & ~PTE_RW;
}

/* set_pte_count: set_pte for a caller filling one table in a loop (fork):
 * the change is added to *@count, which the caller adds to the table once
 * (pt_add_entries), instead of to the table's own count at each store. */
static inline void set_pte_count(pte_t *e, pte_t val, int *count)
{
	*count += pte_count_change(e, *e, val);
	*e = val;
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
 * Entries are stored through the returned pointer with set_pte only (the
 * rule above).
 */
pte_t *walk(uint64_t root, uint64_t va, int level, bool alloc);

/* map_page: map 4 KiB @va -> @pa with @flags (P added). 0, -ENOMEM, or -EEXIST if present. */
int map_page(uint64_t root, uint64_t va, uint64_t pa, uint64_t flags);

/* pt_add_entries: add @n, the count set_pte_count kept while filling entries
 * of the page table @table (entry 0, a pointer from walk() less the index),
 * to its own count; panics past PT_ENTRIES or below 0. Fork fills a child
 * table in one loop and counts once per table. */
void pt_add_entries(pte_t *table, int n);

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
