/*
 * tests/host/test_radix_tree.c - kernel/lib/radix_tree.c against a brute-force
 * map: seeded random inserts and deletes over small, sparse and huge indices
 * (up to UINT64_MAX); after each, every lookup and an in-order walk with
 * radix_tree_next agree with the reference; -EEXIST for an occupied index;
 * deleting everything gives back every node (no leak, height 0).
 */
/* host-test-sources: kernel/lib/radix_tree.c mm/kmalloc.c mm/page_alloc.c mm/buddy.c tests/host/fake_zone.c */
#include <stdlib.h>
#include "tests/host/shim.h"
#include "tests/host/mm_test.h"
#include "kernel/lib/radix_tree.h"
#include "kernel/errno.h"
#include "mm/page_alloc.h"

#define RAM_FRAMES 1024
#define KEYS 300

static uint64_t keys[KEYS];
static bool present[KEYS];
static uint64_t free_at_start;

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

/* item_of: the pointer stored for key number @i (never NULL). */
static void *item_of(int i)
{
	return &keys[i];
}

/* check_all: lookups and the ordered walk agree with the reference. */
static void check_all(struct radix_tree_root *root)
{
	for (int i = 0; i < KEYS; i++)
		assert_ptr_equal(radix_tree_lookup(root, keys[i]), present[i] ? item_of(i) : NULL);
	uint64_t at = 0, found, prev = 0;
	int seen = 0, want = 0;
	void *item;
	for (int i = 0; i < KEYS; i++)
		want += present[i];
	while ((item = radix_tree_next(root, at, &found))) {
		int i = (int)((uint64_t *)item - keys);
		assert_true(present[i]);
		assert_true(keys[i] == found);
		assert_true(seen == 0 || found > prev);
		prev = found;
		seen++;
		if (found == UINT64_MAX)
			break;
		at = found + 1;
	}
	assert_int_equal(seen, want);
}

static void test_random(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 20; seed++) {
		struct radix_tree_root root = RADIX_TREE_INIT;
		srand(seed);
		for (int i = 0; i < KEYS; i++) {
			int kind = rand() % 4;
			keys[i] = kind == 0 ? (uint64_t)(rand() % 200) : kind == 1 ? (uint64_t)rand() * 4099 :
				  kind == 2 ? UINT64_MAX - (uint64_t)(rand() % 50) : ((uint64_t)rand() << 33) ^ (uint64_t)rand();
			for (int j = 0; j < i; j++)
				if (keys[j] == keys[i])
					keys[i] = (uint64_t)i * 7919 + 1000000; /* distinct keys */
			present[i] = false;
		}
		for (int step = 0; step < 2000; step++) {
			int i = rand() % KEYS;
			if (present[i]) {
				assert_ptr_equal(radix_tree_delete(&root, keys[i]), item_of(i));
				present[i] = false;
			} else {
				assert_int_equal(radix_tree_insert(&root, keys[i], item_of(i)), 0);
				present[i] = true;
			}
			assert_int_equal(radix_tree_insert(&root, keys[i], item_of(i)), present[i] ? -EEXIST : 0);
			if (!present[i])
				assert_ptr_equal(radix_tree_delete(&root, keys[i]), item_of(i));
			if (step % 100 == 0)
				check_all(&root);
		}
		check_all(&root);
		for (int i = 0; i < KEYS; i++)
			if (present[i]) {
				radix_tree_delete(&root, keys[i]);
				present[i] = false;
			}
		assert_null(root.node);
		assert_int_equal(root.height, 0);
		assert_int_equal(page_zone.nr_free, free_at_start);
	}
}

static void test_empty_and_missing(void **state)
{
	struct radix_tree_root root = RADIX_TREE_INIT;
	uint64_t found;
	(void)state;
	assert_null(radix_tree_lookup(&root, 0));
	assert_null(radix_tree_delete(&root, 5));
	assert_null(radix_tree_next(&root, 0, &found));
	assert_int_equal(radix_tree_insert(&root, 70, item_of(0)), 0);
	assert_null(radix_tree_lookup(&root, 1ull << 40)); /* beyond the height */
	assert_null(radix_tree_delete(&root, 71));
	assert_ptr_equal(radix_tree_next(&root, 3, &found), item_of(0));
	assert_true(found == 70);
	assert_null(radix_tree_next(&root, 71, &found));
	radix_tree_delete(&root, 70);
	assert_null(root.node);
	assert_int_equal(page_zone.nr_free, free_at_start);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_random, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_and_missing, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
