/*
 * tests/host/test_kmalloc.c - kmalloc/kfree (mm/kmalloc.c) over the real buddy
 * allocator on fake RAM.
 */
/* host-test-sources: mm/kmalloc.c mm/page_alloc.c mm/buddy.c tests/host/fake_zone.c */
#include <string.h>
#include "tests/host/shim.h"
#include "mm/kmalloc.h"
#include "mm/page_alloc.h"

#define RAM_FRAMES 2048 /* 8 MiB: room for one 4 MiB block */

static uint64_t free_at_start;

/* Fresh fake RAM with frames 1.. in page_zone; every test must leave it as it found it. */
static int setup(void **state)
{
	(void)state;
	free_at_start = host_fake_zone(RAM_FRAMES);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	host_fake_ram_free();
	return 0;
}

/* check_no_leak: every frame kmalloc took is back in the buddy. */
static void check_no_leak(void)
{
	assert_int_equal(vm_stat[NR_SLAB], 0);
	assert_int_equal(page_zone.nr_free, free_at_start);
}

/* Each size lands in the smallest power-of-two class that holds it, aligned to that class. */
static void test_size_classes(void **state)
{
	static const struct { size_t size, class; } cases[] = {
		{ 1, 16 }, { 16, 16 }, { 17, 32 }, { 32, 32 }, { 33, 64 }, { 64, 64 },
		{ 65, 128 }, { 128, 128 }, { 129, 256 }, { 256, 256 }, { 257, 512 },
		{ 512, 512 }, { 513, 1024 }, { 1024, 1024 }, { 1025, 2048 }, { 2048, 2048 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		unsigned char *p = kmalloc(cases[i].size);

		assert_non_null(p);
		assert_int_equal(ksize(p), cases[i].class);
		assert_int_equal((uintptr_t)p % cases[i].class, 0);
		assert_true(page_test(virt_to_page(p), PG_slab));
		memset(p, 0x5a, cases[i].class); /* ASan: the whole class is inside the slab */
		assert_int_equal(vm_stat[NR_SLAB], 1);
		kfree(p);
		check_no_leak();
	}
}

/* Every object of a slab is handed out exactly once, and a full slab that frees one is reused. */
static void test_slab_fill_and_reuse(void **state)
{
	static char *obj[PAGE_SIZE / KMALLOC_MIN_SIZE];
	size_t size, n, i;
	char *extra, *again;

	(void)state;
	for (size = KMALLOC_MIN_SIZE; size <= PAGE_SIZE / 2; size *= 2) {
		n = PAGE_SIZE / size;
		for (i = 0; i < n; i++)
			obj[i] = kmalloc(size);
		assert_int_equal(vm_stat[NR_SLAB], 1);
		for (i = 0; i < n; i++) /* handed out in address order, covering the page */
			assert_ptr_equal(obj[i], obj[0] + i * size);
		assert_int_equal((uintptr_t)obj[0] % PAGE_SIZE, 0);
		extra = kmalloc(size); /* the slab is full: a second one starts */
		assert_int_equal(vm_stat[NR_SLAB], 2);
		kfree(obj[n / 2]);
		again = kmalloc(size);
		assert_ptr_equal(again, obj[n / 2]);
		assert_int_equal(vm_stat[NR_SLAB], 2);
		kfree(extra);
		for (i = 0; i < n; i++)
			kfree(obj[i]);
		check_no_leak();
	}
}

/* kzalloc zeroes the whole object even when the slab memory held old data. */
static void test_kzalloc_zeroes(void **state)
{
	unsigned char *p, *q, *z;
	size_t i;

	(void)state;
	p = kmalloc(100);
	q = kmalloc(100); /* keeps the slab alive so p's memory is reused */
	memset(p, 0xff, ksize(p));
	kfree(p);
	z = kzalloc(100);
	assert_ptr_equal(z, p);
	for (i = 0; i < ksize(z); i++)
		assert_int_equal(z[i], 0);
	kfree(z);
	kfree(q);
	check_no_leak();
}

/* Many objects spread over many slabs never overlap, and freeing them all leaks nothing. */
static void test_many_objects(void **state)
{
	enum { N = 1000, SIZE = 64 };
	static uint32_t *obj[N];
	size_t i;

	(void)state;
	for (i = 0; i < N; i++) {
		obj[i] = kmalloc(SIZE);
		assert_non_null(obj[i]);
		memset(obj[i], (int)(i & 0xff), SIZE);
		obj[i][0] = (uint32_t)i;
	}
	assert_int_equal(vm_stat[NR_SLAB], (N * SIZE + PAGE_SIZE - 1) / PAGE_SIZE);
	for (i = 0; i < N; i++) {
		assert_int_equal(obj[i][0], i);
		assert_int_equal(((unsigned char *)obj[i])[SIZE - 1], i & 0xff);
	}
	for (i = 0; i < N; i += 2) /* free in two interleaved passes: slabs go partial, then empty */
		kfree(obj[i]);
	assert_int_equal(vm_stat[NR_SLAB], (N * SIZE + PAGE_SIZE - 1) / PAGE_SIZE);
	for (i = 1; i < N; i += 2)
		kfree(obj[i]);
	check_no_leak();
}

/* Sizes above 2048 bytes take whole buddy blocks: page aligned, class = block size. */
static void test_large(void **state)
{
	void *a, *b, *c;

	(void)state;
	a = kmalloc(2049);
	assert_non_null(a);
	assert_int_equal(ksize(a), PAGE_SIZE);
	assert_int_equal((uintptr_t)a % PAGE_SIZE, 0);
	b = kmalloc(5000);
	assert_int_equal(ksize(b), 2 * PAGE_SIZE);
	assert_int_equal(virt_to_phys(b) % (2 * PAGE_SIZE), 0); /* fake RAM's base is only page aligned */
	memset(b, 1, 2 * PAGE_SIZE);
	assert_int_equal(vm_stat[NR_SLAB], 3);
	c = kmalloc(4ul << 20);
	assert_non_null(c);
	assert_int_equal(ksize(c), 4ul << 20);
	assert_int_equal(vm_stat[NR_SLAB], 3 + 1024);
	assert_null(kmalloc((4ul << 20) + 1));
	kfree(c);
	kfree(b);
	kfree(a);
	check_no_leak();
}

/* kmalloc(0) is NULL, kfree(NULL) does nothing, and exhaustion is NULL rather than a crash. */
static void test_edges(void **state)
{
	static struct page *hog[RAM_FRAMES];
	size_t n = 0;

	(void)state;
	assert_null(kmalloc(0));
	assert_null(kzalloc(0));
	assert_null(kmalloc((size_t)-1));
	kfree(NULL);
	check_no_leak();

	while ((hog[n] = alloc_pages(0, NR_KERNEL_MISC)) != NULL)
		n++;
	assert_null(kmalloc(16));
	assert_null(kmalloc(PAGE_SIZE));
	assert_null(kzalloc(100));
	while (n > 0)
		free_pages(hog[--n], 0, NR_KERNEL_MISC);
	check_no_leak();
}

/* kfree of anything that is not the start of a live kmalloc object panics. */
static void test_bad_kfree(void **state)
{
	char *small = kmalloc(64), *large = kmalloc(3 * PAGE_SIZE), *other_obj = kmalloc(64);
	struct page *page = alloc_pages(0, NR_KERNEL_MISC);
	int on_stack;

	(void)state;
	expect_assert_failure(kfree(small + 8));
	assert_non_null(strstr(host_last_panic, "is not the start of a 64-byte object"));
	expect_assert_failure(kfree(large + 16));
	assert_non_null(strstr(host_last_panic, "is not the start of a 16384-byte object"));
	expect_assert_failure(kfree(large + PAGE_SIZE)); /* a tail page of the block */
	assert_non_null(strstr(host_last_panic, "is not from kmalloc"));
	expect_assert_failure(kfree(page_address(page)));
	assert_non_null(strstr(host_last_panic, "kfree:"));
	expect_assert_failure(kfree(&on_stack));
	assert_non_null(strstr(host_last_panic, "is not a direct-map address"));
	expect_assert_failure(ksize(small + 1));
	assert_non_null(strstr(host_last_panic, "ksize:"));

	kfree(small);
	expect_assert_failure(kfree(small));
	assert_non_null(strstr(host_last_panic, "kfree: double free"));
	kfree(large);
	expect_assert_failure(kfree(large));
	assert_non_null(strstr(host_last_panic, "is not from kmalloc"));
	kfree(other_obj);
	free_pages(page, 0, NR_KERNEL_MISC);
	check_no_leak();
}

/* A write into a free object that breaks its freelist link is caught, not followed. */
static void test_use_after_free(void **state)
{
	uint64_t *a = kmalloc(32), *b = kmalloc(32), *keep = kmalloc(32);

	(void)state;
	kfree(b);
	kfree(a); /* freelist: a -> b -> ... */
	a[0] = (uintptr_t)a + PAGE_SIZE; /* a stale user writes a pointer through its old one */
	expect_assert_failure(kmalloc(32));
	assert_non_null(strstr(host_last_panic, "kmalloc: freelist of the 32-byte slab"));
	expect_assert_failure(kfree(keep));
	assert_non_null(strstr(host_last_panic, "(use after free?)"));
	a[0] = (uintptr_t)b + 8; /* inside the slab, but splitting an object */
	expect_assert_failure(kmalloc(32));
	assert_non_null(strstr(host_last_panic, "is corrupt after"));
	a[0] = (uintptr_t)b; /* repaired: everything can go back */
	kfree(keep);
	check_no_leak();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_size_classes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_slab_fill_and_reuse, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kzalloc_zeroes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_objects, setup, teardown),
		cmocka_unit_test_setup_teardown(test_large, setup, teardown),
		cmocka_unit_test_setup_teardown(test_edges, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_kfree, setup, teardown),
		cmocka_unit_test_setup_teardown(test_use_after_free, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
