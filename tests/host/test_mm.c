/*
 * tests/host/test_mm.c - address spaces over fake RAM with the real buddy,
 * walker and kmalloc behind them (mm/mm.c, mm/memory.c, vma_unmap and
 * vma_protect): every frame an mm takes comes back when it is destroyed,
 * partial unmaps free exactly their frames, fork shares every page (private
 * ones copy-on-write), break_cow copies or reuses, the zero page is never
 * counted, PROT_NONE keeps the frame out of reach.
 */
/* host-test-sources: mm/mm.c mm/mlock.c mm/memory.c mm/filemap.c mm/anon_page.c mm/lru.c mm/rmap.c mm/vmscan.c mm/page_alloc_slow.c mm/oom.c mm/oom_reaper.c mm/watermark.c mm/vmstat.c mm/swap_state.c mm/swap_slots.c mm/vma.c kernel/lib/rbtree.c mm/mmap.c mm/mprotect.c mm/pgtable.c mm/kmalloc.c mm/page_alloc.c mm/buddy.c tests/host/fake_zone.c tests/host/mm_test.c kernel/proc.c tests/host/fake_kernel.c tests/host/fake_swap.c */
#include <string.h>
#include "tests/host/shim.h"
#include "tests/host/mm_test.h"
#include "tests/host/fake_kernel.h"
#include "mm/mm.h"
#include "mm/mmap.h"
#include "mm/memory.h"
#include "mm/init.h"
#include "mm/page_alloc.h"
#include "mm/pgtable.h"
#include "kernel/errno.h"

#define RAM_FRAMES 512
#define BASE  0x0000000000400000ull

static uint64_t free_at_start, tables_at_start;

/* Fresh fake RAM, a sealed fake kernel PML4; then the counters every test must come back to. */
static int setup(void **state)
{
	(void)state;
	host_fake_zone(RAM_FRAMES);
	fake_kernel_pml4();
	mm_seal_kernel_half();
	zero_page_init(); /* before the count: it is never freed */
	host_fake_swap(0, NULL);
	free_at_start = page_zone.nr_free;
	tables_at_start = vm_stat[NR_PAGETABLE];
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	assert_int_equal(page_zone.nr_free, free_at_start);
	assert_int_equal(vm_stat[NR_PAGETABLE], tables_at_start);
	assert_int_equal(vm_stat[NR_ANON_PAGES], 0);
	assert_int_equal(vm_stat[NR_FILE_PAGES], 0);
	assert_int_equal(vm_stat[NR_SLAB], 0);
	host_fake_ram_free();
	host_fake_swap_free();
	return 0;
}

/* new_mm: mm_create, which must succeed. */
static struct mm *new_mm(void)
{
	struct mm *mm = mm_create();

	assert_non_null(mm);
	return mm;
}

/* map_populated: a VMA over pages [first, last) with every page present. */
static void map_populated(struct mm *mm, unsigned first, unsigned last, uint32_t prot, uint32_t flags)
{
	assert_non_null(vma_map(mm, A(first), P(last - first), prot, flags, VMA_ANON));
	assert_int_equal(mm_populate(mm, A(first), P(last - first)), 0);
}

/* pte_of: the PTE of @va in @mm, which must have a page table. */
static pte_t pte_of(struct mm *mm, uint64_t va)
{
	pte_t *e = walk(mm->pml4, va, PT_PTE, false);

	assert_non_null(e);
	return *e;
}

/* frame_of: the struct page of the frame mapped at @va (present or hidden). */
static struct page *frame_of(struct mm *mm, uint64_t va)
{
	return phys_to_page(pte_of(mm, va) & PTE_ADDR);
}

/* cow_break_at: resolve a write fault at @va of @mm as the fault path would; was the page reused? */
static bool cow_break_at(struct mm *mm, uint64_t va)
{
	bool reused;

	assert_int_equal(break_cow(mm, vma_lookup(mm, va), va, &reused), 0);
	return reused;
}

/* A new mm: one root sharing the kernel half, no VMA; destroying it returns everything. */
static void test_create_destroy(void **state)
{
	struct mm *mm;
	pte_t *root, *kroot;

	(void)state;
	mm = new_mm();
	root = phys_to_virt(mm->pml4);
	kroot = phys_to_virt(kernel_pml4);
	assert_memory_equal(root + 256, kroot + 256, 256 * sizeof(pte_t));
	for (int i = 0; i < 256; i++)
		assert_int_equal(root[i], 0);
	assert_true(list_empty(&mm->vmas));
	assert_int_equal(mm->mmap_base, MMAP_BASE);
	assert_int_equal(vm_stat[NR_PAGETABLE], tables_at_start + 1);
	mm_destroy(mm);
}

/* The kernel half is closed once sealed: a new kernel-half PML4 entry panics
 * where the walker would make it (mappings under existing entries are fine),
 * and sealing again while an mm exists panics too. */
static void test_seal(void **state)
{
	struct mm *mm;
	uint64_t pa = 0x2000; /* never mapped: the walker panics before the leaf */

	(void)state;
	mm = new_mm();
	expect_assert_failure(mm_seal_kernel_half());
	assert_non_null(strstr(host_last_panic, "mm_seal_kernel_half: 1 address spaces already exist"));
	mm_destroy(mm);
	expect_assert_failure(map_page(kernel_pml4, 0xffffa00000000000ull, pa, PTE_RW | PTE_NX));
	assert_non_null(strstr(host_last_panic, "a new kernel-half PML4 entry for 0xffffa00000000000 after the seal"));
	/* beside BOOT_KERNEL_VMA, under its existing PML4 entry: allowed */
	assert_int_equal(map_page(kernel_pml4, 0xffffffff80001000ull, pa, PTE_RW | PTE_NX), 0);
	assert_int_equal(unmap_page(kernel_pml4, 0xffffffff80001000ull) & PTE_ADDR, pa);
	mm_destroy(new_mm());
}

/* Populated anonymous pages are zero (fake RAM starts as 0xa5), mapped US|RW|NX, counted once. */
static void test_populate_anon(void **state)
{
	struct mm *mm;
	uint64_t va;

	(void)state;
	mm = new_mm();
	assert_non_null(vma_map(mm, A(0), P(4), RW, 0, VMA_ANON));
	assert_int_equal(mm_populate(mm, A(1) + 5, P(1)), 0); /* touches pages 1 and 2 */
	assert_int_equal(mm->rss, 2);
	assert_int_equal(vm_stat[NR_ANON_PAGES], 2);
	assert_null(user_byte(mm, A(0)));
	assert_null(user_byte(mm, A(3)));
	for (va = A(1); va < A(3); va++)
		assert_int_equal(*user_byte(mm, va), 0);
	assert_int_equal(pte_of(mm, A(1)) & (PTE_P | PTE_US | PTE_RW | PTE_NX),
			 PTE_P | PTE_US | PTE_RW | PTE_NX);
	assert_int_equal(frame_of(mm, A(1))->refcount, 1);
	assert_int_equal(frame_of(mm, A(1))->mapcount, 1);
	*user_byte(mm, A(1)) = 7;
	assert_int_equal(mm_populate(mm, A(0), P(4)), 0); /* present pages are kept */
	assert_int_equal(*user_byte(mm, A(1)), 7);
	assert_int_equal(mm->rss, 4);
	mm_destroy(mm);
}

/* vma_pte_flags: US always, RW with write, NX without exec. */
static void test_pte_flags(void **state)
{
	(void)state;
	assert_int_equal(vma_pte_flags(PROT_READ), PTE_US | PTE_NX);
	assert_int_equal(vma_pte_flags(RW), PTE_US | PTE_RW | PTE_NX);
	assert_int_equal(vma_pte_flags(PROT_READ | PROT_EXEC), PTE_US);
	assert_int_equal(vma_pte_flags(PROT_NONE), PTE_US | PTE_NX);
}

/* A file VMA's pages hold the file's bytes from the VMA's offset, zeros past
 * the data in the last page; populate leaves the page wholly past the file's
 * end unmapped (a touch there is SIGBUS: test_fault). */
static void test_populate_file(void **state)
{
	static uint8_t data[P(3) + 100];
	struct mm *mm;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)(i * 7 + 1);
	mm = new_mm();
	/* pages 0..3 show file offsets P(1)..P(5): P(1)..P(3)+100 are data, page 3 is past the end */
	assert_non_null(vma_map_file(mm, A(0), P(4), PROT_READ | PROT_EXEC, 0, data, sizeof(data), P(1)));
	assert_int_equal(mm_populate(mm, A(0), P(4)), 0);
	for (i = 0; i < P(2) + 100; i++)
		assert_int_equal(*user_byte(mm, A(0) + i), data[P(1) + i]);
	for (i = P(2) + 100; i < P(3); i++)
		assert_int_equal(*user_byte(mm, A(0) + i), 0);
	assert_null(user_byte(mm, A(3)));
	assert_int_equal(pte_of(mm, A(0)) & (PTE_RW | PTE_NX), 0);
	mm_destroy(mm);
}

/* Read faults of a file share the page cache's frame between mms, read-only;
 * the page the mapping cuts short is private; a write copies; the cache page goes with its last mapping. */
static void test_file_page_cache(void **state)
{
	static uint8_t data[P(2) + 100];
	struct mm *a, *b;
	struct page *cached;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)(i * 5 + 3);
	a = new_mm();
	b = new_mm();
	assert_non_null(vma_map_file(a, A(0), P(3), RW, 0, data, sizeof(data), 0));
	assert_non_null(vma_map_file(b, A(0), P(3), RW, 0, data, sizeof(data), 0));
	for (i = 0; i < 3; i++) {
		assert_int_equal(map_file_page(a, vma_lookup(a, A(i)), A(i), NULL), 0);
		assert_int_equal(map_file_page(b, vma_lookup(b, A(i)), A(i), NULL), 0);
	}
	cached = frame_of(a, A(1));
	assert_ptr_equal(frame_of(b, A(1)), cached); /* one frame for both */
	assert_true(page_test(cached, PG_file));
	assert_int_equal(cached->refcount, 2);
	assert_int_equal(pte_of(a, A(1)) & PTE_RW, 0);
	assert_int_equal(vm_stat[NR_FILE_PAGES], 2); /* pages 0 and 1 */
	assert_ptr_not_equal(frame_of(b, A(2)), frame_of(a, A(2))); /* cut short: private */
	assert_int_equal(vm_stat[NR_ANON_PAGES], 2);
	assert_int_equal(a->rss, 3);
	for (i = 0; i < P(2) + 100; i++)
		assert_int_equal(*user_byte(a, A(0) + i), data[i]);
	for (i = P(2) + 100; i < P(3); i++)
		assert_int_equal(*user_byte(b, A(0) + i), 0);
	assert_false(cow_break_at(a, A(1))); /* never reused: other readers may come */
	*user_byte(a, A(1)) = 0xee;
	assert_int_equal(*user_byte(b, A(1)), data[P(1)]);
	assert_int_equal(cached->refcount, 1);
	assert_false(cow_break_at(b, A(1)));
	assert_int_equal(vm_stat[NR_FILE_PAGES], 1); /* the last mapping went: so did the page */
	assert_false(page_test(cached, PG_file));
	mm_destroy(a);
	mm_destroy(b);
	assert_int_equal(vm_stat[NR_FILE_PAGES], 0);
}

/* Outside every VMA populate fails; PROT_NONE VMAs are skipped; a wrapping range fails. */
static void test_populate_limits(void **state)
{
	struct mm *mm;

	(void)state;
	mm = new_mm();
	assert_non_null(vma_map(mm, A(0), P(2), PROT_NONE, 0, VMA_ANON));
	assert_non_null(vma_map(mm, A(2), P(1), RW, 0, VMA_ANON));
	assert_int_equal(mm_populate(mm, A(0), P(3)), 0);
	assert_int_equal(mm->rss, 1);
	assert_int_equal(mm_populate(mm, A(2), P(2)), -ENOMEM); /* page 3 is in no VMA */
	assert_int_equal(mm_populate(mm, A(0), ~0ull), -ENOMEM);
	mm_destroy(mm);
}

/* Out of frames, populate fails; the pages it made stay, and destroy still returns all. */
static void test_populate_out_of_memory(void **state)
{
	struct mm *mm;

	(void)state;
	mm = new_mm();
	assert_non_null(vma_map(mm, A(0), P(8), RW, 0, VMA_ANON));
	hog_all(16);
	hog_return_frames(3); /* a frame for page 0, but only two of the three tables it needs */
	assert_int_equal(mm_populate(mm, A(0), P(8)), -ENOMEM);
	assert_int_equal(mm->rss, 0);
	hog_return_frames(2); /* 5: page 0 with its tables, page 1, and no more */
	assert_int_equal(mm_populate(mm, A(0), P(8)), -ENOMEM);
	assert_int_equal(mm->rss, 2);
	hog_release();
	mm_destroy(mm);
}

/* access_mm writes across pages through the page tables, even into read-only
 * pages, and reads back; it stops at a missing page, a kernel address. */
static void test_access_mm(void **state)
{
	char msg[] = "across the page boundary", back[sizeof(msg)] = "";
	struct mm *mm;
	size_t i;

	(void)state;
	mm = new_mm();
	assert_non_null(vma_map(mm, A(0), P(2), PROT_READ, 0, VMA_ANON));
	assert_int_equal(mm_populate(mm, A(0), P(2)), 0);
	assert_int_equal(access_mm(mm, A(1) - 10, msg, sizeof(msg), true), sizeof(msg));
	for (i = 0; i < sizeof(msg); i++)
		assert_int_equal(*user_byte(mm, A(1) - 10 + i), (uint8_t)msg[i]);
	assert_int_equal(access_mm(mm, A(1) - 10, back, sizeof(back), false), sizeof(back));
	assert_string_equal(back, msg);
	assert_int_equal(access_mm(mm, A(2) - 4, msg, 8, true), 4); /* page 2 is not there */
	assert_int_equal(access_mm(mm, A(2) - 4, back, 8, false), 4);
	assert_int_equal(access_mm(mm, 0xffffffff80000000ull, msg, 1, true), 0);
	assert_int_equal(access_mm(mm, USER_VA_END - 1, msg, 2, true), 0);
	assert_int_equal(access_mm(mm, A(0), msg, 0, true), 0);
	mm_destroy(mm);
}

/* vma_unmap of part of a VMA frees exactly those frames, splits the VMA, and leaves the rest. */
static void test_unmap_partial(void **state)
{
	struct mm *mm;
	uint64_t anon;

	(void)state;
	mm = new_mm();
	map_populated(mm, 0, 8, RW, 0);
	*user_byte(mm, A(7)) = 0x77;
	anon = vm_stat[NR_ANON_PAGES];
	assert_int_equal(vma_unmap(mm, A(3), P(2)), 0);
	assert_int_equal(vm_stat[NR_ANON_PAGES], anon - 2);
	assert_int_equal(mm->rss, 6);
	assert_null(user_byte(mm, A(3)));
	assert_null(user_byte(mm, A(4)));
	assert_non_null(user_byte(mm, A(2)));
	assert_int_equal(*user_byte(mm, A(7)), 0x77);
	assert_null(vma_lookup(mm, A(4)));
	assert_int_equal(vma_lookup(mm, A(2))->end, A(3));
	assert_int_equal(vma_lookup(mm, A(5))->start, A(5));
	assert_int_equal(vma_unmap(mm, A(0), P(100)), 0); /* across the hole and past the end */
	assert_int_equal(mm->rss, 0);
	assert_int_equal(vm_stat[NR_ANON_PAGES], 0);
	assert_null(vma_first(mm));
	assert_int_equal(vm_stat[NR_PAGETABLE], tables_at_start + 1); /* emptied tables went too */
	mm_destroy(mm);
}

/* Fork shares every frame: private ones read-only in both (copy-on-write),
 * VM_SHARED ones writable. The first write copies; the last sharer reuses. */
static void test_fork_private_and_shared(void **state)
{
	struct mm *parent, *child;
	struct page *frame;

	(void)state;
	parent = new_mm();
	map_populated(parent, 0, 1, RW, 0);
	map_populated(parent, 4, 5, RW, VM_SHARED);
	*user_byte(parent, A(0)) = 1;
	*user_byte(parent, A(4)) = 1;
	parent->brk = parent->start_brk = A(10);
	frame = frame_of(parent, A(0));
	child = mm_fork(parent);
	assert_non_null(child);
	assert_int_equal(child->brk, A(10));
	assert_int_equal(child->rss, 2);
	assert_int_not_equal(child->pml4, parent->pml4);
	assert_ptr_equal(frame_of(child, A(0)), frame); /* no copy yet */
	assert_int_equal(frame->refcount, 2);
	assert_int_equal(frame->mapcount, 2);
	assert_int_equal(pte_of(parent, A(0)) & PTE_RW, 0); /* both write-protected */
	assert_int_equal(pte_of(child, A(0)) & PTE_RW, 0);
	assert_ptr_equal(frame_of(child, A(4)), frame_of(parent, A(4)));
	assert_int_equal(pte_of(child, A(4)) & PTE_RW, PTE_RW); /* shared stays writable */
	assert_int_equal(frame_of(child, A(4))->refcount, 2);
	assert_int_equal(vm_stat[NR_ANON_PAGES], 2);
	assert_false(cow_break_at(parent, A(0))); /* the parent writes first: it gets a copy */
	assert_ptr_not_equal(frame_of(parent, A(0)), frame);
	assert_int_equal(pte_of(parent, A(0)) & PTE_RW, PTE_RW);
	assert_int_equal(frame->refcount, 1);
	assert_int_equal(vm_stat[NR_ANON_PAGES], 3);
	*user_byte(parent, A(0)) = 2;
	*user_byte(parent, A(4)) = 2;
	assert_int_equal(*user_byte(child, A(0)), 1);
	assert_int_equal(*user_byte(child, A(4)), 2);
	assert_true(cow_break_at(child, A(0))); /* the last sharer: made writable, no copy */
	assert_ptr_equal(frame_of(child, A(0)), frame);
	assert_int_equal(pte_of(child, A(0)) & PTE_RW, PTE_RW);
	assert_int_equal(vm_stat[NR_ANON_PAGES], 3);
	assert_int_equal(vma_lookup(child, A(4))->flags, VM_SHARED);
	mm_destroy(parent); /* the shared frame lives on in the child */
	assert_int_equal(*user_byte(child, A(4)), 2);
	assert_int_equal(frame_of(child, A(4))->refcount, 1);
	assert_int_equal(vm_stat[NR_ANON_PAGES], 2);
	mm_destroy(child);
}

/* An untouched MAP_SHARED page gets its frame at fork, so both sides share it. */
static void test_fork_shares_untouched_shared(void **state)
{
	struct mm *parent, *child;

	(void)state;
	parent = new_mm();
	assert_non_null(vma_map(parent, A(0), P(2), RW, VM_SHARED, VMA_ANON));
	assert_int_equal(parent->rss, 0);
	child = mm_fork(parent);
	assert_non_null(child);
	assert_int_equal(parent->rss, 2);
	assert_ptr_equal(frame_of(child, A(1)), frame_of(parent, A(1)));
	*user_byte(child, A(1)) = 9;
	assert_int_equal(*user_byte(parent, A(1)), 9);
	mm_destroy(child);
	mm_destroy(parent);
}

/* A write-protected page stays so through mprotect while shared; a fork of a fork shares three ways. */
static void test_fork_nested_and_mprotect(void **state)
{
	struct mm *a, *b, *c;
	struct page *frame;

	(void)state;
	a = new_mm();
	map_populated(a, 0, 2, RW, 0);
	*user_byte(a, A(1)) = 7;
	frame = frame_of(a, A(1));
	b = mm_fork(a);
	c = mm_fork(b);
	assert_non_null(b);
	assert_non_null(c);
	assert_int_equal(frame->refcount, 3);
	assert_int_equal(vma_protect(b, A(0), P(2), PROT_READ), 0);
	assert_int_equal(vma_protect(b, A(0), P(2), RW), 0);
	assert_int_equal(pte_of(b, A(1)) & PTE_RW, 0); /* still shared: still read-only */
	assert_false(cow_break_at(b, A(1)));
	*user_byte(b, A(1)) = 8;
	assert_int_equal(*user_byte(a, A(1)), 7);
	assert_int_equal(*user_byte(c, A(1)), 7);
	assert_int_equal(frame->refcount, 2);
	mm_destroy(a);
	assert_int_equal(frame->refcount, 1);
	assert_int_equal(vma_protect(c, A(0), P(2), PROT_READ), 0);
	assert_int_equal(vma_protect(c, A(0), P(2), RW), 0);
	assert_int_equal(pte_of(c, A(1)) & PTE_RW, PTE_RW); /* sole owner again: writable */
	mm_destroy(b);
	mm_destroy(c);
}

/* The zero page: mapped read-only for reads of untouched memory, counted nowhere;
 * a write replaces it with a fresh zeroed frame of this mm's own. */
static void test_zero_page(void **state)
{
	struct mm *mm, *child;
	uint64_t free_before, tables_before;

	(void)state;
	mm = new_mm();
	assert_non_null(vma_map(mm, A(0), P(4), RW, 0, VMA_ANON));
	free_before = page_zone.nr_free;
	tables_before = vm_stat[NR_PAGETABLE];
	assert_int_equal(map_zero_page(mm, vma_lookup(mm, A(1)), A(1), NULL), 0);
	assert_int_equal(map_zero_page(mm, vma_lookup(mm, A(2)), A(2), NULL), 0);
	/* page tables only (PDPT, PD, PT), no data frame */
	assert_int_equal(free_before - page_zone.nr_free, vm_stat[NR_PAGETABLE] - tables_before);
	assert_int_equal(mm->rss, 0);
	assert_int_equal(vm_stat[NR_ANON_PAGES], 0);
	assert_int_equal(pte_of(mm, A(1)) & PTE_RW, 0);
	assert_int_equal(pte_of(mm, A(1)) & PTE_ADDR, pte_of(mm, A(2)) & PTE_ADDR);
	assert_int_equal(*user_byte(mm, A(1)), 0);
	child = mm_fork(mm);
	assert_non_null(child);
	assert_int_equal(child->rss, 0);
	assert_false(cow_break_at(mm, A(1)));
	assert_int_equal(mm->rss, 1);
	assert_int_equal(vm_stat[NR_ANON_PAGES], 1);
	assert_int_equal(pte_of(mm, A(1)) & PTE_RW, PTE_RW);
	assert_int_not_equal(pte_of(mm, A(1)) & PTE_ADDR, pte_of(mm, A(2)) & PTE_ADDR);
	*user_byte(mm, A(1)) = 5;
	assert_int_equal(*user_byte(mm, A(2)), 0); /* the zero page stayed zero */
	assert_int_equal(*user_byte(child, A(1)), 0);
	assert_int_equal(vma_unmap(mm, A(0), P(4)), 0);
	assert_int_equal(mm->rss, 0);
	mm_destroy(child);
	mm_destroy(mm);
}

/* Whatever allocation fork runs out at, it returns NULL and leaves no frame behind. */
static void test_fork_out_of_memory(void **state)
{
	struct mm *parent, *child = NULL;
	uint64_t budget, before;

	(void)state;
	parent = new_mm();
	map_populated(parent, 0, 3, RW, 0);
	map_populated(parent, 600, 602, RW, VM_SHARED); /* another PT */
	map_populated(parent, 1u << 19, (1u << 19) + 1, PROT_READ, 0); /* another PD */
	before = page_zone.nr_free;
	for (budget = 0; !child; budget++) {
		hog_all(sizeof(struct vm_area));
		hog_return_frames(budget);
		child = mm_fork(parent);
		hog_release();
		if (!child) {
			assert_int_equal(page_zone.nr_free, before);
			assert_int_equal(frame_of(parent, A(600))->refcount, 1);
		}
	}
	assert_true(budget > 5);
	assert_int_equal(child->rss, 6);
	mm_destroy(child);
	mm_destroy(parent);
}

/* PROT_NONE hides a page (P=0, PTE_PROTNONE, frame kept); back to RW the same data returns. */
static void test_protect_none_keeps_frame(void **state)
{
	struct mm *mm, *child;
	struct page *frame;
	pte_t pte;

	(void)state;
	mm = new_mm();
	map_populated(mm, 0, 3, RW, 0);
	*user_byte(mm, A(1)) = 0x42;
	frame = frame_of(mm, A(1));
	assert_int_equal(vma_protect(mm, A(1), P(1), PROT_NONE), 0);
	pte = pte_of(mm, A(1));
	assert_int_equal(pte & (PTE_P | PTE_PROTNONE), PTE_PROTNONE);
	assert_ptr_equal(phys_to_page(pte & PTE_ADDR), frame);
	assert_null(user_byte(mm, A(1)));
	assert_int_equal(mm->rss, 3);
	child = mm_fork(mm); /* a hidden page is copied, and stays hidden */
	assert_non_null(child);
	assert_int_equal(pte_of(child, A(1)) & (PTE_P | PTE_PROTNONE), PTE_PROTNONE);
	assert_int_equal(child->rss, 3);
	mm_destroy(child);
	assert_int_equal(vma_protect(mm, A(1), P(1), RW), 0);
	assert_int_equal(*user_byte(mm, A(1)), 0x42);
	assert_ptr_equal(frame_of(mm, A(1)), frame);
	assert_int_equal(pte_of(mm, A(1)) & (PTE_P | PTE_RW | PTE_PROTNONE), PTE_P | PTE_RW);
	mm_destroy(mm); /* frees the hidden frames too (teardown counts) */
}

/* vma_protect splits, changes the PTEs of the range only, and merges back when undone. */
static void test_protect_split_merge(void **state)
{
	struct mm *mm;

	(void)state;
	mm = new_mm();
	map_populated(mm, 0, 6, RW, 0);
	assert_int_equal(vma_protect(mm, A(2), P(2), PROT_READ | PROT_EXEC), 0);
	assert_int_equal(vma_lookup(mm, A(0))->end, A(2));
	assert_int_equal(vma_lookup(mm, A(2))->end, A(4));
	assert_int_equal(vma_lookup(mm, A(2))->prot, PROT_READ | PROT_EXEC);
	assert_int_equal(pte_of(mm, A(2)) & (PTE_RW | PTE_NX), 0);
	assert_int_equal(pte_of(mm, A(4)) & (PTE_RW | PTE_NX), PTE_RW | PTE_NX);
	assert_int_equal(vma_protect(mm, A(2), P(2), RW), 0);
	assert_int_equal(vma_lookup(mm, A(0))->end, A(6));
	assert_ptr_equal(vma_first(mm), vma_lookup(mm, A(5)));
	assert_int_equal(pte_of(mm, A(3)) & (PTE_RW | PTE_NX), PTE_RW | PTE_NX);
	mm_destroy(mm);
}

/* Part of the range in no VMA: -ENOMEM, and nothing changed. */
static void test_protect_hole(void **state)
{
	struct mm *mm;

	(void)state;
	mm = new_mm();
	map_populated(mm, 0, 2, RW, 0);
	map_populated(mm, 3, 4, RW, 0);
	assert_int_equal(vma_protect(mm, A(0), P(4), PROT_READ), -ENOMEM);
	assert_int_equal(vma_lookup(mm, A(0))->prot, RW);
	assert_int_equal(vma_lookup(mm, A(0))->end, A(2));
	assert_int_equal(pte_of(mm, A(0)) & PTE_RW, PTE_RW);
	mm_destroy(mm);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create_destroy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_seal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_populate_anon, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pte_flags, setup, teardown),
		cmocka_unit_test_setup_teardown(test_populate_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_page_cache, setup, teardown),
		cmocka_unit_test_setup_teardown(test_populate_limits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_populate_out_of_memory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_access_mm, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unmap_partial, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fork_private_and_shared, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fork_shares_untouched_shared, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fork_nested_and_mprotect, setup, teardown),
		cmocka_unit_test_setup_teardown(test_zero_page, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fork_out_of_memory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_protect_none_keeps_frame, setup, teardown),
		cmocka_unit_test_setup_teardown(test_protect_split_merge, setup, teardown),
		cmocka_unit_test_setup_teardown(test_protect_hole, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
