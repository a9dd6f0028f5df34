/*
 * tests/host/test_mmap.c - the memory system calls' semantics over an mm
 * (mm/mmap.c, mm/mprotect.c, mm/madvise.c): Linux's argument checks and
 * errnos, placement, MAP_FIXED replacement, brk, and what MADV_DONTNEED leaves.
 */
/* host-test-sources: mm/mmap.c mm/mprotect.c mm/madvise.c mm/mm.c mm/mlock.c mm/memory.c mm/filemap.c mm/anon_page.c mm/lru.c mm/rmap.c mm/vmscan.c mm/page_alloc_slow.c mm/oom.c mm/oom_reaper.c mm/watermark.c mm/vmstat.c mm/swap_state.c mm/swap_slots.c mm/vma.c kernel/lib/rbtree.c mm/pgtable.c mm/kmalloc.c mm/page_alloc.c mm/buddy.c tests/host/fake_zone.c tests/host/mm_test.c kernel/proc.c tests/host/fake_kernel.c tests/host/fake_swap.c */
#include <string.h>
#include "tests/host/shim.h"
#include "tests/host/mm_test.h"
#include "tests/host/fake_kernel.h"
#include "mm/mmap.h"
#include "mm/memory.h"
#include "mm/page_alloc.h"
#include "kernel/errno.h"

#define RAM_FRAMES 512
#define ANON    (MAP_PRIVATE | MAP_ANONYMOUS)
#define HEAP    0x0000000000600000ull /* start_brk of the test process */
#define HINT    0x0000000070000000ull

static struct mm *mm;
static uint64_t free_at_start;
static uint8_t file_bytes[P(2) + 10];
static const struct mmap_file file = { .data = file_bytes, .size = sizeof(file_bytes) };

/* A process-like mm: heap at HEAP, mmap_base the default; nothing mapped. */
static int setup(void **state)
{
	(void)state;
	host_fake_zone(RAM_FRAMES);
	fake_kernel_pml4();
	mm_seal_kernel_half();
	zero_page_init(); /* before the count: it is never freed */
	host_fake_swap(0, NULL);
	free_at_start = page_zone.nr_free;
	mm = mm_create();
	assert_non_null(mm);
	mm->start_brk = mm->brk = HEAP;
	for (size_t i = 0; i < sizeof(file_bytes); i++)
		file_bytes[i] = (uint8_t)(i + 3);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	mm_destroy(mm);
	assert_int_equal(page_zone.nr_free, free_at_start);
	host_fake_ram_free();
	host_fake_swap_free();
	return 0;
}

/* anon: do_mmap of an anonymous private RW mapping; the result. */
static long anon(uint64_t addr, uint64_t len, int flags)
{
	return do_mmap(mm, addr, len, RW, ANON | flags, NULL, 0);
}

/* Bad arguments, in Linux's errnos. */
static void test_mmap_errors(void **state)
{
	(void)state;
	assert_int_equal(anon(0, 0, 0), -EINVAL);
	assert_int_equal(do_mmap(mm, 0, P(1), RW, MAP_ANONYMOUS, NULL, 0), -EINVAL); /* no type */
	assert_int_equal(do_mmap(mm, 0, P(1), RW, MAP_ANONYMOUS | MAP_SHARED | MAP_PRIVATE, NULL, 0),
			 -EINVAL);
	assert_int_equal(do_mmap(mm, 0, P(1), PROT_READ, MAP_PRIVATE, &file, 100), -EINVAL);
	assert_int_equal(anon(HINT + 1, P(1), MAP_FIXED), -EINVAL);
	assert_int_equal(anon(HINT + 1, P(1), MAP_FIXED_NOREPLACE), -EINVAL);
	assert_int_equal(anon(TASK_SIZE - P(1), P(2), MAP_FIXED), -ENOMEM);
	assert_int_equal(anon(TASK_SIZE, P(1), MAP_FIXED), -ENOMEM); /* the SYSRET guard page */
	assert_int_equal(anon(0x1000, P(1), MAP_FIXED), -EPERM); /* below mmap_min_addr */
	assert_int_equal(anon(0, ~0ull - 10, 0), -ENOMEM);          /* rounds up past 2^64 */
	assert_int_equal(anon(0, USER_VA_END, 0), -ENOMEM);
	assert_int_equal(do_mmap(mm, 0, P(1), PROT_READ, MAP_SHARED, &file, 0), -ENODEV);
	assert_int_equal(do_mmap(mm, 0, P(1), PROT_READ, MAP_PRIVATE, &file, ~0ull & PAGE_MASK),
			 -EINVAL);
	assert_null(vma_first(mm));
}

/* Without a hint, mappings go top-down from mmap_base; a free hint is taken, a busy one not. */
static void test_mmap_placement(void **state)
{
	long a, b, c, d;

	(void)state;
	a = anon(0, P(2), 0);
	assert_int_equal(a, MMAP_BASE - P(2));
	b = anon(0, 100, 0); /* rounded up to a page */
	assert_int_equal(b, MMAP_BASE - P(3));
	c = anon(HINT + 5, P(1), 0); /* a hint is aligned down */
	assert_int_equal(c, HINT);
	d = anon(HINT, P(1), 0);     /* busy now: top-down instead */
	assert_int_equal(d, MMAP_BASE - P(4));
	assert_int_equal(anon(0x1000, P(1), 0), USER_VA_START); /* a low hint is raised */
	assert_int_equal(vma_lookup(mm, a)->kind, VMA_ANON);
	assert_int_equal(mm->rss, 0); /* nothing populated without MAP_POPULATE */
}

/* MAP_FIXED replaces what was there (freeing its frames); NOREPLACE refuses with -EEXIST. */
static void test_mmap_fixed(void **state)
{
	uint64_t anon_pages;

	(void)state;
	assert_int_equal(anon(HINT, P(4), MAP_POPULATE), HINT);
	assert_int_equal(mm->rss, 4);
	*user_byte(mm, HINT + P(1)) = 9;
	anon_pages = vm_stat[NR_ANON_PAGES];
	assert_int_equal(anon(HINT + P(1), P(1), MAP_FIXED_NOREPLACE), -EEXIST);
	assert_int_equal(*user_byte(mm, HINT + P(1)), 9);
	assert_int_equal(do_mmap(mm, HINT + P(1), P(2), PROT_READ, ANON | MAP_FIXED, NULL, 0),
			 HINT + P(1));
	assert_int_equal(vm_stat[NR_ANON_PAGES], anon_pages - 2);
	assert_null(user_byte(mm, HINT + P(1)));
	assert_int_equal(vma_lookup(mm, HINT + P(1))->prot, PROT_READ);
	assert_int_equal(vma_lookup(mm, HINT)->prot, RW);
	assert_int_equal(vma_lookup(mm, HINT + P(3))->prot, RW);
	assert_int_equal(anon(HINT + P(8), P(1), MAP_FIXED_NOREPLACE), HINT + P(8));
}

/* MAP_SHARED anonymous memory is VM_SHARED; MAP_NORESERVE and MAP_GROWSDOWN are
 * accepted; prot bits other than R, W, X are ignored (Linux does not check them). */
static void test_mmap_shared_and_flags(void **state)
{
	long a;

	(void)state;
	a = do_mmap(mm, 0, P(1), RW | PROT_SEM | 0x40, ANON, NULL, 0);
	assert_true(a > 0);
	assert_int_equal(vma_lookup(mm, a)->prot, RW);
	a = do_mmap(mm, 0, P(1), RW, MAP_SHARED | MAP_ANONYMOUS, NULL, 0);
	assert_true(a > 0);
	assert_int_equal(vma_lookup(mm, a)->flags, VM_SHARED);
	assert_true(anon(0, P(1), MAP_NORESERVE) > 0);
	assert_true(anon(0, P(1), MAP_GROWSDOWN) > 0);
}

/* A private file mapping shows the file from the offset, zeros to the end of
 * its last page; MAP_POPULATE leaves the page past the file's end unmapped. */
static void test_mmap_file(void **state)
{
	long a;
	size_t i;

	(void)state;
	a = do_mmap(mm, 0, P(3), PROT_READ, MAP_PRIVATE | MAP_POPULATE, &file, P(1));
	assert_true(a > 0);
	assert_int_equal(vma_lookup(mm, a)->kind, VMA_FILE);
	for (i = 0; i < P(1) + 10; i++)
		assert_int_equal(*user_byte(mm, a + i), file_bytes[P(1) + i]);
	for (; i < P(2); i++)
		assert_int_equal(*user_byte(mm, a + i), 0);
	assert_null(user_byte(mm, a + P(2)));
}

/* munmap: Linux's checks; holes are fine; a partial unmap leaves the rest. */
static void test_munmap(void **state)
{
	(void)state;
	assert_int_equal(anon(HINT, P(4), MAP_POPULATE), HINT);
	assert_int_equal(do_munmap(mm, HINT + 1, P(1)), -EINVAL);
	assert_int_equal(do_munmap(mm, HINT, 0), -EINVAL);
	assert_int_equal(do_munmap(mm, USER_VA_END - P(1), P(2)), -EINVAL);
	assert_int_equal(do_munmap(mm, HINT - P(10), P(11) + 1), 0); /* a hole, then 2 pages */
	assert_int_equal(mm->rss, 2);
	assert_null(vma_lookup(mm, HINT + P(1)));
	assert_non_null(vma_lookup(mm, HINT + P(2)));
	assert_int_equal(do_munmap(mm, 0x1000, P(1)), 0); /* nothing there */
}

/* brk: queries, lazy growth (one [heap] VMA, no frame until touched), shrinking
 * frees what was touched, bad values keep the old break. */
static void test_brk(void **state)
{
	uint64_t anon_pages = vm_stat[NR_ANON_PAGES];

	(void)state;
	assert_int_equal(do_brk(mm, 0), HEAP);
	assert_int_equal(do_brk(mm, HEAP - 1), HEAP); /* below start_brk */
	assert_int_equal(do_brk(mm, HEAP + 100), HEAP + 100);
	assert_int_equal(mm->rss, 0);
	assert_int_equal(do_brk(mm, HEAP + P(3)), HEAP + P(3));
	assert_int_equal(mm->rss, 0); /* demand paging: nothing until the first touch */
	assert_int_equal(vm_stat[NR_ANON_PAGES], anon_pages);
	assert_null(user_byte(mm, HEAP + P(2)));
	assert_int_equal(vma_lookup(mm, HEAP)->end, HEAP + P(3)); /* merged into one [heap] */
	assert_int_equal(vma_lookup(mm, HEAP)->kind, VMA_HEAP);
	assert_int_equal(mm_populate(mm, HEAP, P(3)), 0); /* as three first-touch faults would */
	assert_int_equal(mm->rss, 3);
	assert_int_equal(vm_stat[NR_ANON_PAGES], anon_pages + 3);
	assert_int_equal(*user_byte(mm, HEAP + P(2)), 0);
	assert_int_equal(do_brk(mm, HEAP + P(1) + 1), HEAP + P(1) + 1); /* shrink to 2 pages */
	assert_int_equal(mm->rss, 2);
	assert_int_equal(vm_stat[NR_ANON_PAGES], anon_pages + 2);
	assert_null(vma_lookup(mm, HEAP + P(2)));
	assert_int_equal(do_brk(mm, TASK_SIZE + 1), HEAP + P(1) + 1);
	assert_int_equal(anon(HEAP + P(4), P(1), MAP_FIXED), HEAP + P(4));
	assert_int_equal(do_brk(mm, HEAP + P(5)), HEAP + P(1) + 1); /* would run into a mapping */
	assert_int_equal(do_brk(mm, HEAP + P(4)), HEAP + P(1) + 1); /* would touch it: Linux keeps a page */
	assert_int_equal(do_brk(mm, HEAP + P(3)), HEAP + P(3));
	assert_int_equal(do_brk(mm, HEAP + P(1) + 1), HEAP + P(1) + 1);
	assert_int_equal(do_brk(mm, HEAP), HEAP);
	assert_null(vma_lookup(mm, HEAP));
	assert_int_equal(mm->rss, 0);
}

/* A process before exec set start_brk has no heap to grow: the break stays. */
static void test_brk_without_heap(void **state)
{
	(void)state;
	mm->start_brk = mm->brk = 0;
	assert_int_equal(do_brk(mm, P(4)), 0);
	assert_null(vma_first(mm));
}

/* mprotect: Linux's checks and their order; a hole is -ENOMEM; a good call changes the VMA. */
static void test_mprotect(void **state)
{
	(void)state;
	assert_int_equal(anon(HINT, P(4), 0), HINT);
	assert_int_equal(do_mprotect(mm, HINT + 1, P(1), PROT_READ), -EINVAL);
	assert_int_equal(do_mprotect(mm, HINT, 0, 0x40), 0);               /* empty first */
	assert_int_equal(do_mprotect(mm, HINT, ~0ull, PROT_READ), -ENOMEM); /* wraps */
	assert_int_equal(do_mprotect(mm, HINT, P(1), 0x40), -EINVAL);
	assert_int_equal(do_mprotect(mm, HINT, P(1), PROT_READ | PROT_SEM), 0);
	assert_int_equal(vma_lookup(mm, HINT)->prot, PROT_READ);
	assert_int_equal(do_mprotect(mm, HINT, P(1), RW), 0);
	assert_int_equal(do_mprotect(mm, HINT, P(5), PROT_READ), -ENOMEM);  /* a hole */
	assert_int_equal(vma_lookup(mm, HINT)->prot, RW);
	assert_int_equal(do_mprotect(mm, HINT + P(1), 10, PROT_READ), 0);
	assert_int_equal(vma_lookup(mm, HINT + P(1))->prot, PROT_READ);
	assert_int_equal(vma_lookup(mm, HINT + P(1))->end, HINT + P(2));
}

/* MADV_DONTNEED: private anonymous pages read zero again, file pages the file again,
 * shared pages keep their data; the frames of private pages are freed. */
static void test_madvise_dontneed(void **state)
{
	long a, f, s;
	uint64_t anon_pages;

	(void)state;
	a = anon(0, P(2), MAP_POPULATE);
	f = do_mmap(mm, 0, P(1), RW, MAP_PRIVATE | MAP_POPULATE, &file, 0);
	s = do_mmap(mm, 0, P(1), RW, MAP_SHARED | MAP_ANONYMOUS | MAP_POPULATE, NULL, 0);
	*user_byte(mm, a) = 1;
	*user_byte(mm, f) = 1;
	*user_byte(mm, s) = 1;
	anon_pages = vm_stat[NR_ANON_PAGES];
	assert_int_equal(do_madvise(mm, a, P(2), MADV_DONTNEED), 0);
	assert_int_equal(do_madvise(mm, f, P(1), MADV_DONTNEED), 0);
	assert_int_equal(do_madvise(mm, s, P(1), MADV_DONTNEED), 0);
	assert_int_equal(vm_stat[NR_ANON_PAGES], anon_pages - 3);
	assert_null(user_byte(mm, a));
	assert_int_equal(mm_populate(mm, a, P(1)), 0); /* what the fault handler does */
	assert_int_equal(mm_populate(mm, f, P(1)), 0);
	assert_int_equal(*user_byte(mm, a), 0);
	assert_int_equal(*user_byte(mm, f), file_bytes[0]);
	assert_int_equal(*user_byte(mm, s), 1);
}

/* madvise: the harmless advice is accepted; unknown advice, bad ranges, holes are errors. */
static void test_madvise_checks(void **state)
{
	(void)state;
	assert_int_equal(anon(HINT, P(2), 0), HINT);
	assert_int_equal(do_madvise(mm, HINT, P(2), MADV_NORMAL), 0);
	assert_int_equal(do_madvise(mm, HINT, P(2), MADV_RANDOM), 0);
	assert_int_equal(do_madvise(mm, HINT, P(2), MADV_SEQUENTIAL), 0);
	assert_int_equal(do_madvise(mm, HINT, P(2), MADV_WILLNEED), 0);
	assert_int_equal(do_madvise(mm, HINT, P(2), 99), -EINVAL);
	assert_int_equal(do_madvise(mm, HINT + 1, P(1), MADV_NORMAL), -EINVAL);
	assert_int_equal(do_madvise(mm, HINT, ~0ull, MADV_NORMAL), -EINVAL);
	assert_int_equal(do_madvise(mm, HINT, 0, MADV_NORMAL), 0);
	assert_int_equal(do_madvise(mm, HINT, P(3), MADV_NORMAL), -ENOMEM);
	assert_int_equal(do_madvise(mm, HINT - P(1), P(2), MADV_DONTNEED), -ENOMEM);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_mmap_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mmap_placement, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mmap_fixed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mmap_shared_and_flags, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mmap_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_munmap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_brk, setup, teardown),
		cmocka_unit_test_setup_teardown(test_brk_without_heap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mprotect, setup, teardown),
		cmocka_unit_test_setup_teardown(test_madvise_dontneed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_madvise_checks, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
