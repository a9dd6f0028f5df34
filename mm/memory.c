/*
 * mm/memory.c - the user pages of an address space: made present
 * (mm_populate), unmapped (zap_range), given new rights (change_vma_prot),
 * shared for fork (copy_range) and unshared by a write (break_cow), read and
 * written by the kernel (access_mm).
 * Linux: mm/memory.c (__mm_populate, zap_page_range, copy_page_range,
 * access_remote_vm) and
 * mm/mprotect.c (change_protection). Every table access goes through the one
 * walker, mm/pgtable.h.
 *
 * Frames: an anonymous user frame comes from alloc_anon_page (mm/anon_page.h),
 * a file page from the page cache (mm/filemap.h). Its struct page counts the
 * PTEs that map it, in every mm, in mapcount (Linux: _mapcount); refcount
 * (Linux: _refcount) counts those and the other holders: the swap cache, and
 * reclaim while it works on the page. fork shares every page: VM_SHARED ones
 * writable, private ones read-only in both processes (copy-on-write); the
 * first write to a shared private page copies it, or reuses it when it has
 * become the last mapping. The frame is freed with its last reference.
 * mm->rss counts this mm's PTEs that hold a frame (not the zero page).
 *
 * The zero page: one frame of zeros, mapped read-only wherever untouched
 * anonymous memory is read (Linux: ZERO_PAGE). It is never counted, in
 * mapcount, refcount or rss, and never freed; a write to it is a COW fault.
 *
 * PROT_NONE: the PTE keeps the frame with P=0 and PTE_PROTNONE (mm/mm.h), so
 * mprotect back to a readable prot finds the same data, as on Linux.
 * Lock: as mm/mm.h.
 */
#include "mm/memory.h"
#include "mm/vma.h"
#include "mm/pgtable.h"
#include "mm/page_alloc.h"
#include "mm/tlb.h"
#include "kernel/errno.h"
#include "mm/filemap.h"
#include "mm/anon_page.h"
#include "mm/swap.h"
#include "mm/swap_state.h"
#include "kernel/panic.h"
#include "kernel/lib/string.h"

static uint64_t zero_page_pa;

void zero_page_init(void)
{
	zero_page_pa = alloc_zeroed_page(NR_KERNEL_MISC);
	if (!zero_page_pa)
		panic("zero_page_init: no memory for the zero page");
}

/* is_zero_page: @pa is the shared zero page (uncounted, never freed). */
static bool is_zero_page(uint64_t pa)
{
	return pa == zero_page_pa;
}

/* vma_pte_flags: US, plus RW for PROT_WRITE, plus NX without PROT_EXEC. */
uint64_t vma_pte_flags(uint32_t prot)
{
	return PTE_US | ((prot & PROT_WRITE) ? PTE_RW : 0) | ((prot & PROT_EXEC) ? 0 : PTE_NX);
}

/* pte_frame: the frame a non-empty user PTE holds (present, or hidden by PROT_NONE). */
static uint64_t pte_frame(pte_t pte)
{
	if (!(pte & (PTE_P | PTE_PROTNONE)))
		panic("pte_frame: user entry %#lx holds no frame", pte);
	return pte & PTE_ADDR;
}

/* entry_span: bytes one entry at @level maps (4 KiB, 2 MiB, 1 GiB, 512 GiB). */
static uint64_t entry_span(int level)
{
	return 1ull << (PAGE_SHIFT + 9 * (level - 1));
}

/* hole_end: the end of the region around @va that an empty entry above the PTs
 * leaves without PTEs, found from the top so a sparse range is crossed fast. */
static uint64_t hole_end(uint64_t root, uint64_t va)
{
	int level;

	for (level = PT_PML4; level > PT_PTE; level--) {
		pte_t *e = walk(root, va, level, false);

		if (!e || !(*e & PTE_P))
			return (va | (entry_span(level) - 1)) + 1;
	}
	panic("hole_end: a large page maps user address %#lx", va);
}

/* A place in a scan of the PTEs of one tree: the page table of the last walk
 * is kept, so the entries that follow in it are reached without walking from
 * the root again. A table may be freed (pt_prune) only once the scan has left it. */
struct pte_cursor {
	uint64_t root;
	pte_t *table; /* entry 0 of the page table that maps .base, or NULL */
	uint64_t base; /* the 2 MiB-aligned address that table starts at */
};

/* pte_at: the PTE of @va through @c's cached table, walking when @va leaves
 * it; NULL when there is no table. */
static pte_t *pte_at(struct pte_cursor *c, uint64_t va)
{
	if (!c->table || (va & ~(PAGE_2M - 1)) != c->base) {
		pte_t *e = walk(c->root, va, PT_PTE, false);

		if (!e)
			return NULL;
		c->table = e - pt_index(va, PT_PTE);
		c->base = va & ~(PAGE_2M - 1);
	}
	return c->table + pt_index(va, PT_PTE);
}

/* next_pte: advance *@va to the first non-empty PTE in [*va, end), skipping missing tables; the PTE or NULL. */
static pte_t *next_pte(struct pte_cursor *c, uint64_t *va, uint64_t end)
{
	while (*va < end) {
		pte_t *e = pte_at(c, *va);

		if (!e)
			*va = hole_end(c->root, *va);
		else if (*e)
			return e;
		else
			*va += PAGE_SIZE;
	}
	return NULL;
}

/* frame_alloc: a new anonymous frame for user address @va, counted as mapped
 * once; its physical address, or 0. Contents undefined. May sleep (reclaim). */
static uint64_t frame_alloc(uint64_t va)
{
	struct page *page = alloc_anon_page(va, true);

	if (!page)
		return 0;
	page->mapcount = 1;
	return page_to_phys(page);
}

/* frame_get: one more PTE maps the user frame at @pa (a page shared by fork). */
static void frame_get(uint64_t pa)
{
	struct page *page = phys_to_page(pa);

	if (is_zero_page(pa))
		return;
	page->refcount++;
	page->mapcount++;
}

/* frame_put: one PTE fewer maps the user frame at @pa; freed with the last. */
static void frame_put(uint64_t pa)
{
	struct page *page = phys_to_page(pa);

	if (is_zero_page(pa))
		return;
	if (page->mapcount <= 0 || page->refcount < page->mapcount)
		panic("frame_put: pfn %#lx has mapcount %d, refcount %d",
		      page_to_pfn(page), page->mapcount, page->refcount);
	page->mapcount--;
	if (page_test(page, PG_file)) {
		filemap_put_page(page);
	} else if (page_test(page, PG_shmem)) {
		put_shmem_page(page);
	} else if (page_test(page, PG_swapcache)) {
		put_anon_page(page); /* the cache's reference keeps it */
		swapcache_try_free(page);
	} else {
		put_anon_page(page);
	}
}

/* cow_shared: may the private page @pa be seen elsewhere too (the zero page, a
 * page-cache page, or a page fork shared)? Such a page must stay read-only
 * until a write copies it. */
static bool cow_shared(uint64_t pa)
{
	struct page *page = phys_to_page(pa);

	return is_zero_page(pa) || page_test(page, PG_file) || page_test(page, PG_shmem) || page->refcount > 1;
}

/* page_flags: the PTE flags for a page of frame @pa under @prot in a VMA that is
 * (@shared) or is not VM_SHARED: write permission waits for the COW break. */
static uint64_t page_flags(uint64_t pa, uint32_t prot, bool shared)
{
	uint64_t flags = vma_pte_flags(prot);
	return (!shared && cow_shared(pa)) ? flags & ~PTE_RW : flags;
}

/*
 * pte_set_prot: give the non-empty, non-swap entry @e of @va the rights of
 * @prot, keeping its frame and Accessed/Dirty bits: present, or hidden for
 * PROT_NONE (the walker allows non-zero to non-zero); flushes.
 */
static void pte_set_prot(pte_t *e, uint64_t va, uint32_t prot, bool shared)
{
	pte_t keep = *e & (PTE_ADDR | PTE_A | PTE_D);

	set_pte(e, prot == PROT_NONE ? keep | PTE_PROTNONE : keep | page_flags(keep & PTE_ADDR, prot, shared) | PTE_P);
	flush_tlb_page(va);
}

/* install_frame: map the frame @pa at @va of @mm with @vma's rights (read-only
 * while shared copy-on-write), into the empty entry @e when the caller walked
 * to it already (the fault path did), else through map_page; takes over the
 * caller's reference to the frame (dropped on failure). Only faults and
 * populate call it, never for a PROT_NONE VMA (fork copies entries itself).
 * 0 or -ENOMEM. */
static int install_frame(struct mm *mm, const struct vm_area *vma, uint64_t va, uint64_t pa, pte_t *e)
{
	/* Accessed from birth: the faulting access is one, and reclaim gives a new page a round */
	uint64_t flags = page_flags(pa, vma->prot, vma->flags & VM_SHARED) | PTE_A;
	int err = 0;

	if (e)
		set_pte(e, pa | flags | PTE_P);
	else
		err = map_page(mm->pml4, va, pa, flags);

	if (err) {
		frame_put(pa);
		if (err != -ENOMEM)
			panic("install_frame: %#lx is mapped already (%d)", va, err);
		return err;
	}
	if (!is_zero_page(pa))
		mm->rss++;
	return 0;
}

/* fill_page: the first contents of the page at @va of @vma: its file bytes, zeros elsewhere. */
static void fill_page(void *dst, const struct vm_area *vma, uint64_t va)
{
	uint64_t off = vma->file_offset + (va - vma->start), n = 0;

	if (vma->kind == VMA_FILE && vma->file_data && off < vma->file_size) {
		n = vma->file_size - off < PAGE_SIZE ? vma->file_size - off : PAGE_SIZE;
		memcpy(dst, vma->file_data + off, n);
	}
	memset((uint8_t *)dst + n, 0, PAGE_SIZE - n);
}

int map_private_page(struct mm *mm, const struct vm_area *vma, uint64_t va, pte_t *e)
{
	uint64_t pa = frame_alloc(va); /* may sleep: @e's table stays, only we change our mm */

	if (!pa)
		return -ENOMEM;
	fill_page(phys_to_virt(pa), vma, va);
	return install_frame(mm, vma, va, pa, e);
}

/* populate_page: make the page at @va of @vma present as a first touch would
 * (Linux: populate_vma_page_range, writing where the VMA may be written):
 * swapped in, the page cache's frame of a read-only file page, or a new frame. */
static int populate_page(struct mm *mm, const struct vm_area *vma, uint64_t va)
{
	pte_t *e = walk(mm->pml4, va, PT_PTE, false);
	bool major = false;

	if (e && is_swap_pte(*e))
		return swap_in_page(mm, vma, va, e, vma->prot & PROT_WRITE, &major);
	if ((e && *e) || beyond_eof(vma, va))
		return 0; /* present, or left for a touch to get SIGBUS (Linux's populate ignores it) */
	if (vma->kind == VMA_SHM)
		return map_shmem_page(mm, vma, va, e, vma->prot & PROT_WRITE);
	if (vma->kind == VMA_FILE && !(vma->prot & PROT_WRITE) && !(vma->flags & VM_SHARED))
		return map_file_page(mm, vma, va, e);
	return map_private_page(mm, vma, va, e);
}

/* populate_vma: make the pages of [start, end) inside @vma present. 0 or -ENOMEM. */
static int populate_vma(struct mm *mm, const struct vm_area *vma, uint64_t start, uint64_t end)
{
	if (vma->prot == PROT_NONE)
		return 0; /* nothing may touch them: they get a frame when mprotect'ed and faulted */
	for (uint64_t va = start; va < end; va += PAGE_SIZE) {
		int err = populate_page(mm, vma, va);

		if (err)
			return err;
	}
	return 0;
}

/* mm_populate: walk [start, start+len) VMA by VMA; see mm/mm.h. */
int mm_populate(struct mm *mm, uint64_t start, uint64_t len)
{
	uint64_t va = PAGE_ALIGN_DOWN(start), end;

	if (start + len < start || start + len > USER_VA_END)
		return -ENOMEM;
	end = PAGE_ALIGN(start + len);
	while (va < end) {
		struct vm_area *vma = vma_lookup(mm, va);
		uint64_t stop;
		int err;

		if (!vma)
			return -ENOMEM;
		stop = vma->end < end ? vma->end : end;
		err = populate_vma(mm, vma, va, stop);
		if (err)
			return err;
		va = stop;
	}
	return 0;
}

/* zap_entry: drop what the entry @old, just cleared at @va of @mm, held: a swap slot, or a frame. */
static void zap_entry(struct mm *mm, uint64_t va, pte_t old)
{
	uint64_t pa;

	if (is_swap_pte(old)) {
		if (!mm->swap_ents)
			panic("zap_entry: swap entry count underflow at %#lx", va);
		free_swap_and_cache(swp_slot(old));
		mm->swap_ents--;
		return;
	}
	pa = pte_frame(old);
	if (is_zero_page(pa))
		return;
	if (!mm->rss)
		panic("zap_entry: rss underflow at %#lx", va);
	if (old & PTE_D)
		page_set(phys_to_page(pa), PG_dirty); /* a shared page others still map: keep the news */
	frame_put(pa);
	mm->rss--;
}

/* TLB_FLUSH_CEILING: up to this many pages a zap flushes each with invlpg, past
 * it once for all (Linux: tlb_single_page_flush_ceiling, 33). No user code
 * runs before zap_range returns, so a stale entry for a freed frame is harmless
 * until then. */
#define TLB_FLUSH_CEILING 33

/* zap_entries: clear each entry of [start, end) table by table through the
 * cursor and drop what it held; with @free_tables, prune each emptied table
 * once the cursor has left it. Flushes the TLB page by page or once. */
static void zap_entries(struct mm *mm, uint64_t start, uint64_t end, bool free_tables)
{
	struct pte_cursor c = { .root = mm->pml4 };
	uint64_t va = start, table = 0, flushed = 0;
	bool cleared = false;
	pte_t *e;

	for (; (e = next_pte(&c, &va, end)); va += PAGE_SIZE) {
		pte_t old;

		if (free_tables && cleared && (va & ~(PAGE_2M - 1)) != table)
			pt_prune(mm->pml4, table); /* the cursor has left it: it may go */
		table = va & ~(PAGE_2M - 1);
		cleared = true;
		old = *e;
		set_pte(e, 0);
		if ((old & PTE_P) && ++flushed <= TLB_FLUSH_CEILING)
			flush_tlb_page(va);
		zap_entry(mm, va, old);
	}
	if (free_tables && cleared)
		pt_prune(mm->pml4, table);
	if (flushed > TLB_FLUSH_CEILING)
		flush_tlb_all();
}

void zap_range(struct mm *mm, uint64_t start, uint64_t end)
{
	zap_entries(mm, start, end, true);
}

void unmap_page_range(struct mm *mm, uint64_t start, uint64_t end)
{
	zap_entries(mm, start, end, false);
}

/* change_vma_prot: pte_set_prot each page of @vma that has an entry, to @vma->prot. */
void change_vma_prot(struct mm *mm, const struct vm_area *vma)
{
	struct pte_cursor c = { .root = mm->pml4 };
	uint64_t va = vma->start;
	pte_t *e;

	for (; (e = next_pte(&c, &va, vma->end)); va += PAGE_SIZE)
		if (!is_swap_pte(*e)) /* a swap entry gets its rights when it is swapped in */
			pte_set_prot(e, va, vma->prot, vma->flags & VM_SHARED);
}

/* copy_entry: the child's copy of the parent's non-empty entry *@e, taking
 * the references it holds (a swap slot, or the frame); a private present page
 * is write-protected in the parent too, so both fault on write; the child's
 * is clean and old. PROT_NONE entries stay hidden. */
static pte_t copy_entry(struct mm *dst, pte_t *e, bool shared)
{
	pte_t val = *e;

	if (is_swap_pte(val)) {
		swap_dup(swp_slot(val));
		dst->swap_ents++;
		return val;
	}
	if (!shared) {
		val &= ~PTE_RW;
		ptep_set_wrprotect(e);
	}
	frame_get(pte_frame(val));
	if (!is_zero_page(pte_frame(val)))
		dst->rss++;
	return val & ~(PTE_A | PTE_D);
}

/* copy_pt: copy the entries of [va, end), inside the one page table @from of
 * the parent, into @dst's table, built at the first entry (no empty tables);
 * its entries are stored with set_pte_count and counted once (pt_add_entries), as
 * Linux's copy_pte_range fills one table in a loop. 0 or -ENOMEM. */
static int copy_pt(struct mm *dst, pte_t *from, uint64_t va, uint64_t end, bool shared)
{
	pte_t *to = NULL;
	int n = 0;

	for (; va < end; va += PAGE_SIZE) {
		unsigned i = pt_index(va, PT_PTE);

		if (!from[i])
			continue;
		if (!to) {
			pte_t *e = walk(dst->pml4, va, PT_PTE, true);

			if (!e)
				return -ENOMEM;
			to = e - i;
		}
		/* the child's entry is empty: were it not, the rule might still let a
		 * non-present one be overwritten, but the count stays right */
		set_pte_count(&to[i], copy_entry(dst, &from[i], shared), &n);
	}
	if (n)
		pt_add_entries(to, n);
	return 0;
}

/* copy_range: share each page @src has in @vma with @dst (Linux:
 * copy_page_range), page table by page table (missing ones skipped); the
 * caller flushes the parent's TLB once for the fork. 0 or -ENOMEM. */
int copy_range(struct mm *dst, struct mm *src, const struct vm_area *vma)
{
	uint64_t va = vma->start;

	while (va < vma->end) {
		pte_t *e = walk(src->pml4, va, PT_PTE, false);
		uint64_t end = (va & ~(PAGE_2M - 1)) + PAGE_2M;
		int err;

		if (!e) {
			va = hole_end(src->pml4, va);
			continue;
		}
		if (end > vma->end)
			end = vma->end;
		err = copy_pt(dst, e - pt_index(va, PT_PTE), va, end, vma->flags & VM_SHARED);
		if (err)
			return err;
		va = end;
	}
	return 0;
}

int map_zero_page(struct mm *mm, const struct vm_area *vma, uint64_t va, pte_t *e)
{
	return install_frame(mm, vma, va, zero_page_pa, e);
}

int map_file_page(struct mm *mm, const struct vm_area *vma, uint64_t va, pte_t *e)
{
	uint64_t off = vma->file_offset + (va - vma->start);
	struct page *page;

	if (beyond_eof(vma, va))
		panic("map_file_page: %#lx is past the file's end", va); /* classify_fault's FAULT_SIGBUS_EOF */
	if (vma->file_size - off < PAGE_SIZE)
		return map_private_page(mm, vma, va, e); /* cut short: a zero tail, private */
	page = filemap_get_page(vma->file_data + off);
	if (!page)
		return -ENOMEM;
	return install_frame(mm, vma, va, page_to_phys(page), e);
}

int map_shmem_page(struct mm *mm, const struct vm_area *vma, uint64_t va, pte_t *e, bool write)
{
	int err;
	struct page *page = vma_file_page(vma, va, &err); /* may sleep: @e's table stays */

	if (!page)
		return err;
	if ((vma->flags & VM_SHARED) || !write) { /* the file's own page: shared, or read-only until a write */
		page->mapcount++;
		return install_frame(mm, vma, va, page_to_phys(page), e);
	}
	uint64_t pa = frame_alloc(va); /* a private mapping's first write: its own copy */
	if (pa)
		copy_page(phys_to_virt(pa), page_address(page));
	put_shmem_page(page);
	return pa ? install_frame(mm, vma, va, pa, e) : -ENOMEM;
}

void unmap_mapping_pages(struct inode *inode, uint64_t first)
{
	struct mm *mm;
	struct vm_area *vma;

	for_each_mm(mm) {
		for_each_vma(mm, vma) {
			if (vma->kind != VMA_SHM || vma_file_inode(vma) != inode)
				continue;
			uint64_t va = vma->start, start_index = vma->file_offset / PAGE_SIZE;
			if (first > start_index)
				va += (first - start_index) * PAGE_SIZE;
			if (va < vma->end) /* private copies too: the file ends before them. Tables stay: the
					    * mm's process may sleep holding a pointer into them */
				unmap_page_range(mm, va, vma->end);
		}
	}
}

/* is_anon_frame: @pa is an anonymous frame (on the LRU: reclaim may take it while we sleep). */
static bool is_anon_frame(uint64_t pa)
{
	return !is_zero_page(pa) && !page_test(phys_to_page(pa), PG_file) && !page_test(phys_to_page(pa), PG_shmem);
}

/* wp_page_copy: map at @va, whose present PTE @e holds @old now, a new copy of
 * @old; the allocation may sleep in reclaim, which may swap @old out meanwhile
 * (@e's table stays: only this process frees its mm's tables): then nothing
 * is done (the fault is taken again). 0 or -ENOMEM. */
static int wp_page_copy(struct mm *mm, const struct vm_area *vma, uint64_t va, pte_t *e, uint64_t old)
{
	bool anon = is_anon_frame(old);
	uint64_t new;

	if (anon)
		get_anon_page(phys_to_page(old)); /* keep it while we sleep */
	new = frame_alloc(va);
	if (new && (*e & (PTE_ADDR | PTE_P)) == (old | PTE_P)) {
		if (is_zero_page(old))
			clear_page(phys_to_virt(new));
		else
			copy_page(phys_to_virt(new), phys_to_virt(old));
		/* A new frame for a present entry: break before make (the entry rule,
		 * mm/pgtable.h); the table stays, its count back where it was. */
		set_pte(e, 0);
		flush_tlb_page(va);
		set_pte(e, new | page_flags(new, vma->prot, false) | PTE_P | PTE_A | PTE_D);
		if (is_zero_page(old))
			mm->rss++;
		else
			frame_put(old);
	} else if (new) {
		frame_put(new); /* the PTE changed while we slept: retry the fault */
	}
	if (anon)
		put_anon_page(phys_to_page(old));
	return new ? 0 : -ENOMEM;
}

int break_cow(struct mm *mm, const struct vm_area *vma, uint64_t va, bool *reused)
{
	pte_t *e = walk(mm->pml4, va, PT_PTE, false);
	uint64_t old;

	if (!e || !(*e & PTE_P))
		panic("break_cow: no present page at %#lx", va);
	old = *e & PTE_ADDR;
	/* LAB cow BEGIN: the last process mapping a page fork shared may write it in place (make the entry writable, *reused = true); while others share it, or it is the zero page or a file's, copy it (wp_page_copy) */
	if (is_anon_frame(old))
		reuse_swap_page(phys_to_page(old)); /* its slot copy is stale once written */
	*reused = !cow_shared(old);
	if (*reused) { /* the last mapping of a page fork shared: just let it write */
		pte_protect(e, va, vma_pte_flags(vma->prot));
		return 0;
	}
	return wp_page_copy(mm, vma, va, e, old);
	/* LAB cow END: *reused = false; return wp_page_copy(mm, vma, va, e, old); */
}

/* swap_ra_window: the swap entries of @vma other than @va's in @va's aligned
 * window of SWAP_RA_PAGES pages, read through @e, @va's PTE (the window lies
 * in its page table: it divides 2 MiB). */
static void swap_ra_window(const struct vm_area *vma, uint64_t va, const pte_t *e, struct swap_ra *ra)
{
	uint64_t start = va & ~(SWAP_RA_PAGES * PAGE_SIZE - 1);

	ra->n = 0;
	for (uint64_t w = start; w < start + SWAP_RA_PAGES * PAGE_SIZE; w += PAGE_SIZE) {
		pte_t pte;

		if (w == va || w < vma->start || w >= vma->end)
			continue;
		pte = e[((int64_t)w - (int64_t)va) / (int64_t)PAGE_SIZE];
		if (!is_swap_pte(pte))
			continue;
		ra->slot[ra->n] = swp_slot(pte);
		ra->va[ra->n++] = w;
	}
}

int swap_in_page(struct mm *mm, const struct vm_area *vma, uint64_t va, pte_t *e, bool write, bool *major)
{
	pte_t entry = *e;
	struct swap_ra ra;
	struct page *page;
	int err = 0;

	if (!is_swap_pte(entry))
		panic("swap_in_page: no swap entry at %#lx", va);
	swap_ra_window(vma, va, e, &ra);
	page = swapin(swp_slot(entry), va, &ra, major, &err);
	if (!page)
		return err;
	if (*e != entry) { /* changed while we slept (@e's table stays): the fault is taken again */
		put_anon_page(page);
		return 0;
	}
	page->mapcount++; /* the reference swapin gave us becomes the PTE's */
	free_swap_and_cache(swp_slot(entry)); /* this entry's slot reference */
	mm->swap_ents--;
	if (write && !(vma->flags & VM_SHARED))
		reuse_swap_page(page);
	set_pte(e, page_to_phys(page) | page_flags(page_to_phys(page), vma->prot, vma->flags & VM_SHARED) |
		   PTE_P | PTE_A); /* non-present to present: no flush */
	mm->rss++;
	return 0;
}

/* user_kaddr: the direct-map address of user @va (below USER_VA_END) of @mm,
 * when a user page is present there (with @populate, a missing one is made
 * present first); NULL otherwise. */
static uint8_t *user_kaddr(struct mm *mm, uint64_t va, bool populate)
{
	uint64_t pa, flags;

	if (!translate(mm->pml4, va, &pa, &flags) &&
	    (!populate || mm_populate(mm, va, 1) || !translate(mm->pml4, va, &pa, &flags)))
		return NULL;
	return (flags & PTE_US) ? phys_to_virt(pa) : NULL;
}

/* access_mm: page by page through user_kaddr; see mm/mm.h. */
size_t access_mm(struct mm *mm, uint64_t va, void *buf, size_t n, bool write)
{
	uint8_t *b = buf;

	if (va >= USER_VA_END)
		return 0;
	if (n > USER_VA_END - va)
		n = USER_VA_END - va; /* the copy ends with user space */
	while (n) {
		size_t chunk = PAGE_SIZE - (va & ~PAGE_MASK);
		/* with @write, reclaim may have taken a page exec populated a moment ago: bring it back */
		uint8_t *kaddr = user_kaddr(mm, va, write);

		if (!kaddr)
			break;
		if (chunk > n)
			chunk = n;
		memcpy(write ? kaddr : b, write ? b : kaddr, chunk);
		b += chunk;
		va += chunk;
		n -= chunk;
	}
	return (size_t)(b - (uint8_t *)buf);
}
