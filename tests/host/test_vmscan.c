/*
 * tests/host/test_vmscan.c - reclaim over fake RAM and a fake swap disk: the
 * slot map, LRU aging by the Accessed bit, pages written out and read back
 * identical (also when fork shares them: one slot, one frame on the way back),
 * clean pages dropped without a second write, swap readahead, I/O errors, a
 * page dirtied while its write was in flight kept, slots freed with their
 * last entry, a full swap area, the watermark rule and the OOM killer's choice.
 */
/* host-test-sources: mm/vmscan.c mm/page_alloc_slow.c mm/lru.c mm/rmap.c mm/oom.c mm/oom_reaper.c mm/watermark.c mm/vmstat.c mm/swap_state.c mm/swap_slots.c mm/anon_page.c mm/mm.c mm/mlock.c mm/memory.c mm/filemap.c mm/vma.c kernel/lib/rbtree.c mm/mmap.c mm/mprotect.c mm/pgtable.c mm/kmalloc.c mm/page_alloc.c mm/buddy.c tests/host/fake_zone.c tests/host/mm_test.c kernel/proc.c tests/host/fake_kernel.c tests/host/fake_swap.c */
#include <string.h>
#include "tests/host/shim.h"
#include "tests/host/mm_test.h"
#include "tests/host/fake_kernel.h"
#include "mm/mm.h"
#include "mm/memory.h"
#include "mm/mmap.h"
#include "mm/vmscan.h"
#include "mm/lru.h"
#include "mm/oom.h"
#include "mm/swap.h"
#include "mm/watermark.h"
#include "mm/vmstat.h"
#include "mm/page_alloc.h"
#include "mm/pgtable.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/errno.h"

#define RAM_FRAMES 512
#define SWAP_SLOTS 64
#define BASE  0x0000000000400000ull

static uint64_t free_at_start;

static int setup(void **state)
{
	(void)state;
	host_fake_zone(RAM_FRAMES);
	fake_kernel_pml4();
	mm_seal_kernel_half();
	zero_page_init();
	host_fake_swap(SWAP_SLOTS, NULL);
	memset(vm_events, 0, sizeof(vm_events));
	free_at_start = page_zone.nr_free;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	assert_int_equal(page_zone.nr_free, free_at_start);
	assert_int_equal(vm_stat[NR_ANON_PAGES], 0);
	assert_int_equal(nr_free_swap_slots(), nr_swap_slots());
	assert_int_equal(lru.nr_active + lru.nr_inactive, 0);
	assert_int_equal(host_swap_in_flight, 0); /* every I/O started was waited for */
	host_fake_ram_free();
	host_fake_swap_free();
	host_on_schedule = NULL;
	return 0;
}

/* filled_mm: an mm with @n private pages at A(0).., page i holding bytes i + 1. */
static struct mm *filled_mm(unsigned n)
{
	struct mm *mm = mm_create();

	assert_non_null(mm);
	assert_non_null(vma_map(mm, A(0), P(n), RW, 0, VMA_ANON));
	assert_int_equal(mm_populate(mm, A(0), P(n)), 0);
	for (unsigned i = 0; i < n; i++)
		memset(user_byte(mm, A(i)), i + 1, PAGE_SIZE);
	return mm;
}

/* pte_at: the PTE of @va in @mm (its table must exist). */
static pte_t pte_at(struct mm *mm, uint64_t va)
{
	pte_t *e = walk(mm->pml4, va, PT_PTE, false);

	assert_non_null(e);
	return *e;
}

/* fault_back: swap in page @i of @mm as a fault would; whether it was read from disk. */
static bool fault_back(struct mm *mm, unsigned i, bool write)
{
	pte_t *e = walk(mm->pml4, A(i), PT_PTE, false);
	bool major = false;

	assert_int_equal(swap_in_page(mm, vma_lookup(mm, A(i)), A(i), e, write, &major), 0);
	return major;
}

/* holds: page @i of @mm is present and holds bytes @v. */
static void holds(struct mm *mm, unsigned i, int v)
{
	uint8_t *p = user_byte(mm, A(i));

	assert_non_null(p);
	for (unsigned b = 0; b < PAGE_SIZE; b++)
		assert_int_equal(p[b], v);
}

/* The slot map: counts, exhaustion, bad slots never handed out, slot 0 never. */
static void test_swap_slots(void **state)
{
	static const uint64_t bad[] = { 2, 5, 0 };
	uint64_t got[8], n = 0, s;

	(void)state;
	host_fake_swap_free();
	host_fake_swap(8, bad); /* slots 1..7, two bad: 5 usable */
	assert_int_equal(nr_swap_slots(), 5);
	while ((s = swap_slot_alloc()))
		got[n++] = s;
	assert_int_equal(n, 5);
	for (unsigned i = 0; i < n; i++) {
		assert_true(got[i] != 0 && got[i] != 2 && got[i] != 5);
		assert_int_equal(swap_count(got[i]), 1);
	}
	assert_int_equal(nr_free_swap_slots(), 0);
	swap_dup(got[0]);
	assert_false(swap_free(got[0]));
	assert_true(swap_free(got[0]));
	assert_int_equal(swap_count(got[0]), 0);
	expect_assert_failure(swap_free(got[0])); /* double free */
	expect_assert_failure(swap_dup(2));      /* a bad slot */
	for (unsigned i = 1; i < n; i++)
		assert_true(swap_free(got[i]));
	assert_int_equal(nr_free_swap_slots(), 5);
}

/* Reclaim writes every page out (PTEs become swap entries), all writes of the
 * batch started before any is waited for, and the faults read them back
 * identical: the first reads its whole readahead window (8 pages, one
 * batch), the other 7 find their pages in the swap cache (minor faults). A
 * page read back and not written is dropped again without a second write. */
static void test_swap_out_and_in(void **state)
{
	struct mm *mm = filled_mm(8);
	uint64_t free_before = page_zone.nr_free;

	(void)state;
	assert_int_equal(reclaim_pages(8, false), 8);
	assert_int_equal(page_zone.nr_free, free_before + 8);
	assert_int_equal(host_swap_writes, 8);
	assert_int_equal(host_swap_max_in_flight, 8);
	assert_int_equal(mm->rss, 0);
	assert_int_equal(mm->swap_ents, 8);
	assert_true(is_swap_pte(pte_at(mm, A(3))));
	assert_int_equal(nr_free_swap_slots(), nr_swap_slots() - 8);
	assert_true(fault_back(mm, 0, false));
	assert_int_equal(host_swap_reads, 8);
	assert_int_equal(vm_events[PSWPIN], 8);
	assert_int_equal(vm_events[SWAP_RA], 7);
	for (unsigned i = 1; i < 8; i++)
		assert_false(fault_back(mm, i, false));
	assert_int_equal(vm_events[SWAP_RA_HIT], 7);
	for (unsigned i = 0; i < 8; i++)
		holds(mm, i, i + 1);
	assert_int_equal(host_swap_reads, 8);
	assert_int_equal(mm->swap_ents, 0);
	assert_int_equal(pte_at(mm, A(0)) & PTE_RW, 0); /* a clean copy stays in swap: read-only */
	assert_int_equal(nr_free_swap_slots(), nr_swap_slots() - 8);
	assert_int_equal(reclaim_pages(8, true), 8);
	assert_int_equal(host_swap_writes, 8); /* clean: no second write */
	assert_int_equal(vm_events[PGSTEAL_KSWAPD], 8);
	assert_true(fault_back(mm, 5, true)); /* a write fault: the page becomes ours, its slot goes */
	assert_int_equal(pte_at(mm, A(5)) & PTE_RW, PTE_RW);
	assert_int_equal(nr_free_swap_slots(), nr_swap_slots() - 7);
	holds(mm, 5, 6);
	mm_destroy(mm); /* swap entries and slots go with it */
}

/* A page fork shares goes out once (one slot, counted twice) and comes back as
 * one frame for both; a write then copies it as any COW page. */
static void test_cow_shared_page_swapped(void **state)
{
	struct mm *parent = filled_mm(2), *child = mm_fork(parent);
	bool reused;

	(void)state;
	assert_non_null(child);
	assert_int_equal(reclaim_pages(2, false), 2);
	assert_int_equal(host_swap_writes, 2);
	assert_int_equal(swp_slot(pte_at(parent, A(1))), swp_slot(pte_at(child, A(1))));
	assert_int_equal(swap_count(swp_slot(pte_at(parent, A(1)))), 2);
	assert_true(fault_back(child, 1, false)); /* page 0 is read ahead with it */
	assert_false(fault_back(parent, 1, false)); /* found in the swap cache: a minor fault */
	assert_false(fault_back(parent, 0, false));
	assert_int_equal(host_swap_reads, 2);
	assert_int_equal(pte_at(parent, A(1)) & PTE_ADDR, pte_at(child, A(1)) & PTE_ADDR);
	assert_int_equal(break_cow(child, vma_lookup(child, A(1)), A(1), &reused), 0);
	assert_false(reused);
	*user_byte(child, A(1)) = 0x55;
	holds(parent, 1, 2);
	mm_destroy(parent);
	mm_destroy(child);
}

/* Readahead reads the swapped-out pages of the fault's aligned 8-page window
 * that lie in the fault's VMA, nothing past the VMA's ends, and nothing
 * already in the swap cache. */
static void test_readahead_window(void **state)
{
	struct mm *mm = mm_create();

	(void)state;
	assert_non_null(mm);
	assert_non_null(vma_map(mm, A(0), P(7), RW, 0, VMA_ANON));
	assert_non_null(vma_map(mm, A(7), P(5), PROT_READ | PROT_WRITE | PROT_EXEC, 0, VMA_ANON));
	assert_int_equal(mm_populate(mm, A(0), P(12)), 0);
	for (unsigned i = 0; i < 12; i++)
		memset(user_byte(mm, A(i)), i + 1, PAGE_SIZE);
	assert_int_equal(reclaim_pages(12, false), 12);
	assert_true(fault_back(mm, 9, false)); /* window 8..15, its VMA 7..11: reads 8..11 */
	assert_int_equal(host_swap_reads, 4);
	assert_true(fault_back(mm, 6, false)); /* window 0..7, its VMA 0..6: reads 0..6 */
	assert_int_equal(host_swap_reads, 4 + 7);
	assert_true(fault_back(mm, 7, false)); /* 7 alone: 8 is cached, 0..6 another VMA */
	assert_int_equal(host_swap_reads, 4 + 7 + 1);
	for (unsigned i = 0; i < 12; i++) {
		if (is_swap_pte(pte_at(mm, A(i))))
			assert_false(fault_back(mm, i, false));
		holds(mm, i, i + 1);
	}
	assert_int_equal(host_swap_reads, 12);
	mm_destroy(mm);
}

/* munmap of swapped-out pages frees their slots; MADV_DONTNEED-like zaps too. */
static void test_zap_frees_slots(void **state)
{
	struct mm *mm = filled_mm(6);

	(void)state;
	assert_int_equal(reclaim_pages(6, false), 6);
	assert_int_equal(vma_unmap(mm, A(1), P(4)), 0);
	assert_int_equal(mm->swap_ents, 2);
	assert_int_equal(nr_free_swap_slots(), nr_swap_slots() - 2);
	mm_destroy(mm);
}

/* With the swap area full, reclaim frees what fits and keeps the rest mapped. */
static void test_swap_full(void **state)
{
	struct mm *mm;

	(void)state;
	host_fake_swap_free();
	host_fake_swap(4, NULL); /* 3 usable slots */
	mm = filled_mm(6);
	assert_int_equal(reclaim_pages(6, false), 3);
	assert_int_equal(mm->rss, 3);
	assert_int_equal(nr_free_swap_slots(), 0);
	for (unsigned i = 0; i < 6; i++)
		if (is_swap_pte(pte_at(mm, A(i))))
			fault_back(mm, i, true);
	for (unsigned i = 0; i < 6; i++)
		holds(mm, i, i + 1);
	mm_destroy(mm);
}

/* Second chance: a new page is referenced once (its birth), so the first look
 * activates it, the next deactivates it and only the third pages it out. A
 * page used again in between takes the whole round again. */
static void test_lru_aging(void **state)
{
	struct mm *mm = filled_mm(2);
	unsigned survivor;
	pte_t *e;

	(void)state;
	assert_int_equal(lru.nr_inactive, 2);
	assert_int_equal(reclaim_pages(1, false), 1);
	assert_int_equal(vm_events[PGACTIVATE], 2);
	assert_int_equal(vm_events[PGDEACTIVATE], 2);
	assert_int_equal(lru.nr_inactive, 1);
	assert_int_equal(lru.nr_active, 0);
	survivor = is_swap_pte(pte_at(mm, A(0))) ? 1 : 0;
	e = walk(mm->pml4, A(survivor), PT_PTE, false);
	assert_int_equal(*e & PTE_A, 0); /* the looks cleared it */
	*e |= PTE_A;                     /* used again */
	assert_int_equal(reclaim_pages(1, false), 1);
	assert_int_equal(vm_events[PGACTIVATE], 3);   /* promoted first ... */
	assert_int_equal(vm_events[PGDEACTIVATE], 3); /* ... then aged out again */
	assert_int_equal(vm_events[PGSCAN_DIRECT], 3 + 2); /* inactive looks: 2 + 1, then 1 + 1 */
	assert_int_equal(mm->rss, 0);
	mm_destroy(mm);
}

/* mlock: locked pages are passed by; a locked range is split out and made
 * present (swapped-out pages come back); unlocking makes them reclaimable. */
static void test_mlock(void **state)
{
	struct mm *mm = filled_mm(4), *child;

	(void)state;
	assert_int_equal(reclaim_pages(1, false), 1); /* one page out before the lock */
	assert_int_equal(do_mlock(mm, A(0), P(4), true), 0);
	assert_int_equal(mm->swap_ents, 0);           /* locking brought it back */
	assert_int_equal(reclaim_pages(4, false), 0);
	assert_int_equal(do_mlock(mm, A(1) + 5, 10, false), 0); /* unlock page 1 only */
	assert_int_equal(vma_lookup(mm, A(1))->flags & VM_LOCKED, 0);
	assert_int_equal(vma_lookup(mm, A(2))->flags & VM_LOCKED, VM_LOCKED);
	assert_int_equal(reclaim_pages(4, false), 1);
	assert_true(is_swap_pte(pte_at(mm, A(1))));
	assert_int_equal(do_mlockall(mm, 0), -EINVAL);
	assert_int_equal(do_mlockall(mm, MCL_CURRENT | MCL_FUTURE), 0);
	assert_int_equal(mm->swap_ents, 0);
	assert_non_null(vma_map(mm, A(10), P(1), RW, 0, VMA_ANON));
	assert_int_equal(vma_lookup(mm, A(10))->flags & VM_LOCKED, VM_LOCKED); /* MCL_FUTURE */
	child = mm_fork(mm);
	assert_non_null(child);
	assert_int_equal(vma_lookup(child, A(0))->flags & VM_LOCKED, 0); /* not inherited */
	assert_int_equal(child->def_flags, 0);
	mm_destroy(child);
	assert_int_equal(do_munlockall(mm), 0);
	assert_int_equal(vma_lookup(mm, A(0))->end, A(4)); /* merged back */
	assert_int_equal(reclaim_pages(4, false), 4);
	mm_destroy(mm);
}

/* A failed write keeps the page (dirty, in the swap cache); a failed read is -EIO. */
static void test_io_errors(void **state)
{
	struct mm *mm = filled_mm(1);
	bool major;

	(void)state;
	host_swap_fail = 1000;
	assert_int_equal(reclaim_pages(1, false), 0);
	host_swap_fail = 0;
	assert_true(is_swap_pte(pte_at(mm, A(0)))); /* unmapped, but the frame is in the cache */
	assert_false(fault_back(mm, 0, false));  /* so the fault finds it: minor */
	holds(mm, 0, 1);
	assert_int_equal(reclaim_pages(1, false), 1); /* dirty still: written this time */
	host_swap_fail = 1;
	assert_int_equal(swap_in_page(mm, vma_lookup(mm, A(0)), A(0), walk(mm->pml4, A(0), PT_PTE, false),
				      false, &major), -EIO);
	assert_true(is_swap_pte(pte_at(mm, A(0))));
	mm_destroy(mm);
}

/* A failed read leaves nothing cached, the read-ahead page's no more than the
 * fault's own: both stay swapped out, and the next fault reads them again. */
static void test_readahead_read_error(void **state)
{
	struct mm *mm = filled_mm(2);
	bool major;

	(void)state;
	assert_int_equal(reclaim_pages(2, false), 2);
	host_swap_fail = 2;
	assert_int_equal(swap_in_page(mm, vma_lookup(mm, A(0)), A(0), walk(mm->pml4, A(0), PT_PTE, false),
				      false, &major), -EIO);
	assert_int_equal(host_swap_reads, 2); /* page 1 was read ahead, and failed too */
	assert_true(is_swap_pte(pte_at(mm, A(0))) && is_swap_pte(pte_at(mm, A(1))));
	assert_true(fault_back(mm, 1, false)); /* not in the cache: read from the disk */
	assert_int_equal(host_swap_reads, 4);
	holds(mm, 1, 2);
	assert_false(fault_back(mm, 0, false)); /* read ahead this time */
	holds(mm, 0, 1);
	mm_destroy(mm);
}

static struct mm *writer; /* for writes_and_unmaps */

/* writes_and_unmaps: while reclaim waits for its write, @writer faults its
 * shared page back in, writes it and unmaps it. */
static void writes_and_unmaps(void)
{
	fault_back(writer, 0, true);
	memset(user_byte(writer, A(0)), 0x77, PAGE_SIZE);
	*walk(writer->pml4, A(0), PT_PTE, false) |= PTE_D; /* what the CPU does on the write */
	assert_int_equal(vma_unmap(writer, A(0), P(1)), 0);
}

/* A VM_SHARED page written through one sharer while its write was in flight
 * is newer than its slot: reclaim keeps it and writes it again rather than
 * freeing it, and the other sharer, swapped out, reads the new bytes. */
static void test_dirtied_during_write(void **state)
{
	struct mm *mm = mm_create(), *other;

	(void)state;
	assert_non_null(mm);
	assert_non_null(vma_map(mm, A(0), P(1), RW, VM_SHARED, VMA_ANON));
	assert_int_equal(mm_populate(mm, A(0), P(1)), 0);
	memset(user_byte(mm, A(0)), 1, PAGE_SIZE);
	other = mm_fork(mm);
	assert_non_null(other);
	writer = mm;
	host_on_swap_wait = writes_and_unmaps;
	assert_int_equal(reclaim_pages(1, false), 1);
	assert_int_equal(host_swap_writes, 2); /* the second write carries the news */
	assert_true(fault_back(other, 0, false));
	holds(other, 0, 0x77);
	mm_destroy(mm);
	mm_destroy(other);
}

/* Linux's watermark rule: min_free_kbytes = sqrt(16 x RAM KiB) within [128, 262144]. */
static void test_watermarks(void **state)
{
	struct watermarks w;

	(void)state;
	assert_int_equal(default_min_free_kbytes(16384), 1024);   /* 64 MiB */
	assert_int_equal(default_min_free_kbytes(131072), 2896);  /* 512 MiB */
	assert_int_equal(default_min_free_kbytes(256), 128);      /* tiny: the floor */
	w = compute_watermarks(1024, 16384);
	assert_int_equal(w.min, 256);
	assert_int_equal(w.low, 320);
	assert_int_equal(w.high, 384);
	w = compute_watermarks(1024, 4u << 20); /* 16 GiB: the scale factor wins */
	assert_int_equal(w.low - w.min, 4194);
	assert_int_equal(setup_watermarks(0, 16384), 0);
	assert_int_equal(min_free_kbytes, 1024);
	assert_int_equal(setup_watermarks(60000, 16384), -EINVAL); /* would leave too little */
	assert_int_equal(min_free_kbytes, 1024);
}

/* oom_badness: pages (pinned kernel buffers too) + adj thousandths of all memory, exact in tiny memory. */
static void test_oom_badness(void **state)
{
	(void)state;
	assert_int_equal(oom_badness(100, 20, 5, 0, 0, 1000), 125);
	assert_int_equal(oom_badness(100, 20, 5, 8, 0, 1000), 133); /* pinned kernel buffers count */
	assert_int_equal(oom_badness(100, 0, 0, 0, 500, 1000), 600);
	assert_int_equal(oom_badness(100, 0, 0, 0, -500, 1000), 1); /* never below 1 */
	assert_int_equal(oom_badness(10, 0, 0, 0, 1000, 300), 310);  /* 300 pages: +300, not 0 */
	assert_int_equal(oom_badness(10, 0, 0, 0, 1, 300), 10);      /* 0.3 page rounds down */
	assert_true(oom_badness(1000, 0, 0, 0, -1000, 1000) == OOM_NEVER);
}

static struct process hog = { .pid = 10, .comm = "hog" }, small = { .pid = 11, .comm = "small" };

/* victim_never_runs: schedule() hook: the killer must not wait for its victim. */
static void victim_never_runs(void)
{
	fail_msg("out_of_memory waited for the victim instead of reaping it");
}

/* add_proc: put @p in the process list with an mm of @pages pages and @adj. */
static void add_proc(struct process *p, unsigned pages, int adj)
{
	p->mm = filled_mm(pages);
	p->oom_score_adj = adj;
	p->sig_pending = 0;
	p->oom_victim = false;
	list_add_tail(&p->all, &process_list);
}

/* The OOM killer picks the largest, unless oom_score_adj says otherwise, and
 * reaps it at once: its memory is back before it runs, its mm stays (the
 * victim frees that when it exits) marked MMF_OOM_SKIP, and a second OOM
 * chooses someone else (or no one). */
static void test_oom_victim(void **state)
{
	(void)state;
	host_on_schedule = victim_never_runs;
	for (int round = 0; round < 2; round++) {
		struct process *expect = round == 0 ? &hog : &small;
		uint64_t free_before, kills = vm_events[OOM_KILL];

		add_proc(&hog, 40, round == 0 ? 0 : OOM_SCORE_ADJ_MIN);
		add_proc(&small, 4, 0);
		free_before = page_zone.nr_free;
		assert_true(out_of_memory());
		assert_true(fatal_signal_pending(expect));
		assert_true(expect->oom_victim);
		assert_non_null(expect->mm);
		assert_int_equal(expect->mm->rss, 0);
		assert_true(expect->mm->flags & MMF_OOM_SKIP);
		assert_int_equal(page_zone.nr_free, free_before + (round == 0 ? 40 : 4));
		assert_int_equal(vm_events[OOM_KILL], kills + 1);
		/* The reaped victim is no candidate any more: the other one goes, or nobody. */
		assert_int_equal(out_of_memory(), round == 0);
		assert_int_equal(vm_events[OOM_KILL], kills + (round == 0 ? 2 : 1));
		list_del(&hog.all);
		list_del(&small.all);
		mm_destroy(hog.mm);
		mm_destroy(small.mm);
		hog.mm = small.mm = NULL;
	}
	assert_int_equal(set_oom_score_adj(&hog, 1001), -EINVAL);
	assert_int_equal(set_oom_score_adj(&hog, -1000), 0);
}

/* oom_reap_mm empties the private memory of an mm, resident and swapped,
 * and nothing else: a MAP_SHARED range keeps its pages, a fork child keeps
 * the copy-on-write pages it shares, and the page tables stay (the victim may
 * sleep holding a pointer into them); a second reap does nothing. */
static void test_oom_reap(void **state)
{
	struct mm *mm = filled_mm(8), *child;
	uint64_t free_before;

	(void)state;
	assert_int_equal(reclaim_pages(4, false), 4); /* four of the private pages go to swap */
	assert_int_equal(mm->swap_ents, 4);
	assert_non_null(vma_map(mm, A(16), P(2), RW, VM_SHARED, VMA_ANON));
	assert_int_equal(mm_populate(mm, A(16), P(2)), 0);
	child = mm_fork(mm); /* shares the rest copy-on-write, and the swap slots */
	assert_non_null(child);
	free_before = page_zone.nr_free;
	oom_reap_mm(mm);
	assert_int_equal(mm->rss, 2);       /* the shared range */
	assert_int_equal(mm->swap_ents, 0);
	assert_int_equal(page_zone.nr_free, free_before); /* the child holds every private frame still */
	assert_non_null(walk(mm->pml4, A(0), PT_PTE, false)); /* the table stays */
	assert_int_equal(pte_at(mm, A(0)), 0);
	for (unsigned i = 0; i < 8; i++) {
		if (is_swap_pte(pte_at(child, A(i))))
			fault_back(child, i, false);
		holds(child, i, i + 1);
	}
	oom_reap_mm(mm);
	assert_int_equal(mm->rss, 2);
	free_before = page_zone.nr_free;
	mm_destroy(child);
	assert_true(page_zone.nr_free > free_before); /* now the private frames go */
	mm_destroy(mm);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_swap_slots, setup, teardown),
		cmocka_unit_test_setup_teardown(test_swap_out_and_in, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cow_shared_page_swapped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readahead_window, setup, teardown),
		cmocka_unit_test_setup_teardown(test_zap_frees_slots, setup, teardown),
		cmocka_unit_test_setup_teardown(test_swap_full, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lru_aging, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mlock, setup, teardown),
		cmocka_unit_test_setup_teardown(test_io_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readahead_read_error, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dirtied_during_write, setup, teardown),
		cmocka_unit_test_setup_teardown(test_watermarks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_oom_badness, setup, teardown),
		cmocka_unit_test_setup_teardown(test_oom_victim, setup, teardown),
		cmocka_unit_test_setup_teardown(test_oom_reap, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
