/*
 * mm/pgtable.c - the one x86-64 4-level page-table walker (Intel SDM Vol. 3A 4.5).
 *
 * Every table is one 4 KiB frame from alloc_zeroed_page(NR_PAGETABLE), marked
 * PG_pgtable, reached through the direct map. Its page->mapcount counts the
 * entries in use (non-zero) so that removing the last mapping under a table can
 * free it, walking back up towards the root (Linux: free_pgtables, done eagerly
 * here). Counting non-zero rather than present entries keeps a table alive while
 * it holds non-present entries that still mean something (swap entries, later).
 *
 * Every entry is stored through set_pte (mm/pgtable.h), which keeps that
 * count by the entry rule written there.
 *
 * The kernel half (PML4 entries KERNEL_PML4_INDEX..511) is shared by every address space: its
 * PDPT tables are never freed here, or other PML4s would keep dangling entries.
 *
 * Lock: callers serialise changes to one tree (single CPU today).
 */
#include "mm/pgtable.h"
#include "mm/mm.h" /* USER_VA_END */
#include "mm/page_alloc.h"
#include "mm/tlb.h"
#include "kernel/errno.h"
#include "kernel/panic.h"

/* The flags of a non-leaf entry: the leaf decides the real permissions (SDM 4.6.1). */
#define PTE_TABLE_FLAGS (PTE_P | PTE_RW)

/* table_of: the direct-map address of the table at physical @pa. */
static pte_t *table_of(uint64_t pa)
{
	return phys_to_virt(pa);
}

/* level_size: bytes mapped by one entry at @level (4 KiB, 2 MiB, 1 GiB, 512 GiB). */
static uint64_t level_size(int level)
{
	return 1ull << (PAGE_SHIFT + 9 * (level - 1));
}

/* is_user_va: true for the lower (user) half of the canonical address space. */
static bool is_user_va(uint64_t va)
{
	return va < USER_VA_END;
}

/* is_canonical: true when bits 63:47 of @va are all equal (SDM Vol. 1 3.3.7.1). */
static bool is_canonical(uint64_t va)
{
	return (uint64_t)((int64_t)(va << 16) >> 16) == va;
}

/* check_mapping: panic unless @va and @pa are @size aligned and @flags holds no address bits. */
static void check_mapping(const char *fn, uint64_t va, uint64_t pa, uint64_t flags, uint64_t size)
{
	if ((va | pa) & (size - 1))
		panic("%s: va %#lx or pa %#lx is not %#lx aligned", fn, va, pa, size);
	if ((pa & ~PTE_ADDR) || (flags & PTE_ADDR))
		panic("%s: pa %#lx or flags %#lx out of their bit fields", fn, pa, flags);
}

/* table_alloc: a zeroed PG_pgtable frame with no entries; physical address or 0. */
static uint64_t table_alloc(void)
{
	uint64_t pa = alloc_zeroed_page(NR_PAGETABLE);

	if (pa) {
		struct page *page = phys_to_page(pa);

		page_set(page, PG_pgtable);
		page->mapcount = 0;
	}
	return pa;
}

/* table_free: give the table frame at @pa back, whatever it still holds; no TLB work. */
static void table_free(uint64_t pa)
{
	struct page *page = phys_to_page(pa);

	if (!page_test(page, PG_pgtable))
		panic("table_free: pfn %#lx is not a page table", page_to_pfn(page));
	page_clear(page, PG_pgtable);
	page->mapcount = 0;
	free_page_phys(pa, NR_PAGETABLE);
}

void set_pte_bug(const pte_t *e, pte_t old, pte_t val)
{
	struct page *table = virt_to_page(e);

	panic("set_pte: %#lx -> %#lx at %p breaks the entry rule (table pfn %#lx counts %d entries)",
	      old, val, (const void *)e, page_to_pfn(table), table->mapcount);
}

/*
 * install_table: hang a new empty table under the empty entry @e on @va's path.
 * Intermediate entries allow everything (P|RW, US in the user half) because the
 * CPU ANDs permissions down the walk: the leaf alone decides (SDM 4.6.1).
 * Leaves @e empty when memory is exhausted.
 */
static void install_table(pte_t *e, uint64_t va)
{
	uint64_t pa = table_alloc();

	if (pa)
		set_pte(e, pa | PTE_TABLE_FLAGS | (is_user_va(va) ? PTE_US : 0));
}

static uint64_t sealed_root; /* the root whose kernel half may not grow (0: none yet) */

void pt_seal_kernel_half(uint64_t root)
{
	sealed_root = root;
}

/*
 * walk_to: descend from @root towards the entry of @va at @level, allocating
 * missing tables when @alloc. Stops early at an empty entry (not allocated, or
 * out of memory) or at a large leaf (PS) above @level; returns the last entry
 * reached, never NULL, and its level in *@reached.
 *
 * How a 48-bit virtual address selects the entries (SDM Vol. 3A 4.5, Figure 4-8):
 *
 *   63        48 47      39 38      30 29      21 20      12 11         0
 *  +------------+----------+----------+----------+----------+------------+
 *  | sign ext.  |   PML4   |   PDPT   |    PD    |    PT    |   offset   |
 *  | = bit 47   |  9 bits  |  9 bits  |  9 bits  |  9 bits  |  12 bits   |
 *  +------------+----------+----------+----------+----------+------------+
 *                  level 4    level 3    level 2    level 1
 *                            PS here:   PS here:
 *                            1 GiB leaf 2 MiB leaf
 *
 * CR3 -> PML4[47:39] -> PDPT[38:30] -> PD[29:21] -> PT[20:12] -> frame + offset
 */
static pte_t *walk_to(uint64_t root, uint64_t va, int level, bool alloc, int *reached)
{
	pte_t *table = table_of(root);
	int l;

	if (!is_canonical(va))
		panic("walk: non-canonical address %#lx", va);
	if (level < PT_PTE || level > PT_PML4)
		panic("walk: bad level %d", level);
	for (l = PT_PML4; l > level; l--) {
		pte_t *e = &table[pt_index(va, l)];

		if (*e == 0 && alloc) {
			if (l == PT_PML4 && root == sealed_root && !is_user_va(va))
				panic("walk: a new kernel-half PML4 entry for %#lx after the seal", va);
			install_table(e, va);
		}
		if (*e != 0 && !(*e & PTE_P))
			panic("walk: non-present entry %#lx above the leaf level for %#lx", *e, va);
		if (!(*e & PTE_P) || (*e & PTE_PS)) {
			*reached = l;
			return e;
		}
		table = table_of(*e & PTE_ADDR);
	}
	*reached = level;
	return &table[pt_index(va, level)];
}

/* walk: the entry of @va at @level (see mm/pgtable.h); NULL if a table is missing or a large page covers it. */
pte_t *walk(uint64_t root, uint64_t va, int level, bool alloc)
{
	int reached;
	pte_t *e = walk_to(root, va, level, alloc, &reached);

	return reached == level ? e : NULL;
}

/* pt_alloc_root: a new empty PML4 (PG_pgtable); its physical address or 0. */
uint64_t pt_alloc_root(void)
{
	return table_alloc();
}

/*
 * pt_prune: free the tables on @va's path that hold no entries, bottom-up, so an
 * unmap or a failed map leaves no empty table behind. Stops at the first table
 * still in use; never frees the root, nor a kernel-half PDPT (shared). The
 * callers come from a 4 KiB path, so no large leaf sits on it.
 */
void pt_prune(uint64_t root, uint64_t va)
{
	int level;

	for (level = PT_PTE; level < PT_PML4; level++) {
		pte_t *parent = walk(root, va, level + 1, false);
		uint64_t table;

		if (!parent || !(*parent & PTE_P))
			continue; /* this level was never built: look one higher */
		if (level == PT_PDPT && !is_user_va(va))
			return;
		table = *parent & PTE_ADDR;
		if (phys_to_page(table)->mapcount != 0)
			return;
		set_pte(parent, 0);
		table_free(table);
	}
}

/*
 * map_leaf: install the leaf @val for @va at @level, building the tables above.
 * 0, -EEXIST if the slot (or a large page above it) is in use, -ENOMEM with any
 * tables built on the way freed again. No flush: the entry was not present, and
 * the CPU does not cache non-present entries (SDM 4.10.2.3).
 */
static int map_leaf(uint64_t root, uint64_t va, int level, pte_t val)
{
	int reached;
	pte_t *e = walk_to(root, va, level, true, &reached);

	if (reached != level && (*e & PTE_P))
		return -EEXIST;
	if (reached != level) {
		pt_prune(root, va);
		return -ENOMEM;
	}
	if (*e != 0)
		return -EEXIST; /* present, or a non-present entry that is still in use */
	set_pte(e, val);
	return 0;
}

/* map_page: map 4 KiB @va -> @pa with @flags | P; 0, -ENOMEM or -EEXIST. Caller serialises. */
int map_page(uint64_t root, uint64_t va, uint64_t pa, uint64_t flags)
{
	check_mapping("map_page", va, pa, flags, PAGE_SIZE);
	return map_leaf(root, va, PT_PTE, pa | flags | PTE_P);
}

/* pt_add_entries: add the @n entries set_pte_count counted to @table's count, within 0..512. */
void pt_add_entries(pte_t *table, int n)
{
	struct page *page = virt_to_page(table);

	if (page->mapcount + n < 0 || page->mapcount + n > PT_ENTRIES)
		panic("pt_add_entries: table pfn %#lx counts %d entries, %d more",
		      page_to_pfn(page), page->mapcount, n);
	page->mapcount += n;
}

/* map_large_page: map 2 MiB @va -> @pa with @flags | P | PS (a PD leaf); 0, -ENOMEM or -EEXIST. */
int map_large_page(uint64_t root, uint64_t va, uint64_t pa, uint64_t flags)
{
	check_mapping("map_large_page", va, pa, flags, PAGE_2M);
	return map_leaf(root, va, PT_PD, pa | flags | PTE_P | PTE_PS);
}

/*
 * leaf_4k: the 4 KiB entry of @va, or NULL when no PT covers it. A large page
 * over @va is a caller bug: unmap works on 4 KiB pages and splits nothing.
 */
static pte_t *leaf_4k(const char *fn, uint64_t root, uint64_t va)
{
	int reached;
	pte_t *e = walk_to(root, va, PT_PTE, false, &reached);

	if (reached == PT_PTE)
		return e;
	if (*e & PTE_P)
		panic("%s: va %#lx lies in a large page (level %d)", fn, va, reached);
	return NULL;
}

/*
 * unmap_page: empty the 4 KiB entry of @va, flush its TLB entry if it was
 * present, free the tables left empty; returns the old entry, or 0. The frame
 * it mapped stays the caller's. Caller serialises.
 */
pte_t unmap_page(uint64_t root, uint64_t va)
{
	pte_t *e;
	pte_t old;

	check_mapping("unmap_page", va, 0, 0, PAGE_SIZE);
	e = leaf_4k("unmap_page", root, va);
	if (!e || *e == 0)
		return 0;
	old = *e;
	set_pte(e, 0);
	if (old & PTE_P)
		flush_tlb_page(va);
	pt_prune(root, va);
	return old;
}

/*
 * pte_protect: give the present 4 KiB leaf entry @e of @va (a pointer walk()
 * gave) the flags @flags | P, keeping its frame and its Accessed/Dirty bits
 * (Linux: pte_modify keeps them, the dirty bit is the only record that the
 * page was written); flushes. Caller serialises.
 */
void pte_protect(pte_t *e, uint64_t va, uint64_t flags)
{
	check_mapping("pte_protect", va, 0, flags, PAGE_SIZE);
	if (!(*e & PTE_P))
		panic("pte_protect: entry %#lx for %#lx is not present", *e, va);
	set_pte(e, (*e & (PTE_ADDR | PTE_A | PTE_D)) | flags | PTE_P);
	flush_tlb_page(va);
}

/*
 * translate: what the MMU would make of @va: the physical address (leaf frame
 * plus the offset inside a 4 KiB, 2 MiB or 1 GiB page) and the leaf's flags.
 * false when @va is not mapped, or not canonical (nothing can map it).
 */
bool translate(uint64_t root, uint64_t va, uint64_t *pa, uint64_t *flags)
{
	int level;
	pte_t *e;
	uint64_t offset_mask;

	if (!is_canonical(va))
		return false;
	e = walk_to(root, va, PT_PTE, false, &level);
	if (!(*e & PTE_P))
		return false;
	offset_mask = level_size(level) - 1;
	*pa = (*e & PTE_ADDR & ~offset_mask) | (va & offset_mask);
	*flags = *e & PTE_FLAGS;
	return true;
}

/* subtree_tables: the number of tables the entry @e at @level points to, itself
 * and those below it; with @free they are freed too. */
static uint64_t subtree_tables(pte_t e, int level, bool free)
{
	uint64_t n = 1;
	pte_t *table;
	int i;

	if (!(e & PTE_P) || (e & PTE_PS))
		return 0; /* empty, or a leaf: frames are not ours to free */
	table = table_of(e & PTE_ADDR);
	if (level > PT_PD)
		for (i = 0; i < PT_ENTRIES; i++)
			n += subtree_tables(table[i], level - 1, free);
	if (free)
		table_free(e & PTE_ADDR);
	return n;
}

/* pt_count_tables: the tables of the user half of @root's tree, the root included. */
uint64_t pt_count_tables(uint64_t root)
{
	pte_t *pml4 = table_of(root);
	uint64_t n = 1;
	int i;

	for (i = 0; i < KERNEL_PML4_INDEX; i++)
		n += subtree_tables(pml4[i], PT_PML4, false);
	return n;
}

/*
 * pt_free_tree: free every table under PML4 entries 0..255 (the user half) and
 * the root. Not the mapped frames, not the shared kernel half. The tree must
 * not be loaded in CR3. Caller serialises.
 */
void pt_free_tree(uint64_t root)
{
	pte_t *pml4 = table_of(root);
	int i;

	for (i = 0; i < KERNEL_PML4_INDEX; i++)
		subtree_tables(pml4[i], PT_PML4, true);
	table_free(root);
}
