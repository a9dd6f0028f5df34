/*
 * tests/host/test_page_alloc.c - page_zone, vm_stat and the frame helpers
 * (mm/page_alloc.c) over the buddy allocator on fake RAM.
 */
/* host-test-sources: mm/page_alloc.c mm/buddy.c tests/host/fake_zone.c */
#include <stdio.h>
#include <string.h>
#include "tests/host/shim.h"
#include "mm/page_alloc.h"

#define RAM_FRAMES 64

/* Fresh fake RAM (filled with 0xa5 garbage) with frames 1.. in page_zone. */
static int setup(void **state)
{
	(void)state;
	host_fake_zone(RAM_FRAMES);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	host_fake_ram_free();
	return 0;
}

/* Each use counts the frames it holds; freeing uncounts them and refills the pool. */
static void test_counters(void **state)
{
	struct page *a, *b;

	(void)state;
	assert_int_equal(nr_free_pages(), RAM_FRAMES - 1);
	a = alloc_pages(2, NR_SLAB);
	b = alloc_pages(0, NR_KERNEL_MISC);
	assert_non_null(a);
	assert_non_null(b);
	assert_int_equal(a->refcount, 1);
	assert_int_equal(vm_stat[NR_SLAB], 4);
	assert_int_equal(vm_stat[NR_KERNEL_MISC], 1);
	assert_int_equal(vm_stat[NR_PAGETABLE], 0);
	assert_int_equal(nr_free_pages(), RAM_FRAMES - 1 - 5);
	free_pages(a, 2, NR_SLAB);
	free_pages(b, 0, NR_KERNEL_MISC);
	assert_int_equal(vm_stat[NR_SLAB], 0);
	assert_int_equal(vm_stat[NR_KERNEL_MISC], 0);
	assert_int_equal(nr_free_pages(), RAM_FRAMES - 1);
}

/* Exhaustion is NULL / 0 and counts nothing. */
static void test_exhaustion(void **state)
{
	(void)state;
	assert_null(alloc_pages(6, NR_KERNEL_MISC)); /* 64 frames: only 63 exist */
	assert_null(alloc_pages(MAX_ORDER, NR_KERNEL_MISC));
	while (alloc_pages(0, NR_KERNEL_MISC))
		;
	assert_int_equal(alloc_zeroed_page(NR_PAGETABLE), 0);
	assert_int_equal(vm_stat[NR_PAGETABLE], 0);
	assert_int_equal(vm_stat[NR_KERNEL_MISC], RAM_FRAMES - 1);
}

/* alloc_zeroed_page returns the physical address of a zero-filled frame. */
static void test_zeroed_page(void **state)
{
	uint64_t pa;
	const unsigned char *p;
	size_t i;

	(void)state;
	pa = alloc_zeroed_page(NR_PAGETABLE);
	assert_int_not_equal(pa, 0);
	assert_int_equal(pa & ~PAGE_MASK, 0);
	assert_int_equal(phys_to_page(pa)->refcount, 1);
	assert_int_equal(vm_stat[NR_PAGETABLE], 1);
	p = phys_to_virt(pa);
	for (i = 0; i < PAGE_SIZE; i++)
		assert_int_equal(p[i], 0);
	free_page_phys(pa, NR_PAGETABLE);
	assert_int_equal(vm_stat[NR_PAGETABLE], 0);
	assert_int_equal(nr_free_pages(), RAM_FRAMES - 1);
}

/* Freeing under the wrong use, a bad use, a bad address, or a pool holding frame 0 panics. */
static void test_misuse(void **state)
{
	struct page *p;
	uint64_t pa;

	(void)state;
	p = alloc_pages(1, NR_KERNEL_MISC);
	expect_assert_failure(free_pages(p, 1, NR_SLAB));
	assert_non_null(strstr(host_last_panic, "free_pages: freeing order 1 under vm_stat item 1"));
	char want[64];
	expect_assert_failure(alloc_pages(0, NR_VM_STAT_ITEMS));
	snprintf(want, sizeof(want), "alloc_pages: bad vm_stat item %d", NR_VM_STAT_ITEMS);
	assert_non_null(strstr(host_last_panic, want));
	expect_assert_failure(free_pages(p, 1, (enum vm_stat_item)-1));
	assert_non_null(strstr(host_last_panic, "free_pages: bad vm_stat item -1"));

	pa = alloc_zeroed_page(NR_KERNEL_MISC);
	expect_assert_failure(free_page_phys(pa + 8, NR_KERNEL_MISC));
	assert_non_null(strstr(host_last_panic, "free_page_phys:"));
	expect_assert_failure(free_page_phys(RAM_FRAMES * PAGE_SIZE, NR_KERNEL_MISC));
	assert_non_null(strstr(host_last_panic, "is not the address of a frame"));
	free_page_phys(pa, NR_KERNEL_MISC);

	buddy_add_range(&page_zone, 0, 1); /* the mistake: frame 0 enters the pool */
	while (alloc_pages(0, NR_KERNEL_MISC))
		;
	free_pages(pfn_to_page(0), 0, NR_KERNEL_MISC);
	expect_assert_failure(alloc_zeroed_page(NR_PAGETABLE));
	assert_non_null(strstr(host_last_panic, "alloc_zeroed_page: pfn 0 is in the pool"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_counters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exhaustion, setup, teardown),
		cmocka_unit_test_setup_teardown(test_zeroed_page, setup, teardown),
		cmocka_unit_test_setup_teardown(test_misuse, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
