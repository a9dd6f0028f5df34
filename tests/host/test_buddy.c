/*
 * tests/host/test_buddy.c - the buddy allocator (mm/buddy.c) against fake RAM.
 */
/* host-test-sources: mm/buddy.c */
#include <stdlib.h>
#include <string.h>
#include "tests/host/shim.h"
#include "mm/buddy.h"

#define RAM_FRAMES 4096 /* 16 MiB of fake RAM: four order-10 blocks */
#define MAX_BLOCK  (1ull << (MAX_ORDER - 1))

static struct buddy b;

/* pool: fake RAM of RAM_FRAMES, all reserved, pool [start, end), then [add, add+count) freed. */
static void pool(uint64_t start, uint64_t end, uint64_t add, uint64_t count)
{
	uint64_t pfn;

	host_fake_ram(RAM_FRAMES);
	for (pfn = 0; pfn < RAM_FRAMES; pfn++)
		page_set(pfn_to_page(pfn), PG_reserved);
	buddy_init(&b, start, end);
	buddy_add_range(&b, add, count);
}

static int teardown(void **state)
{
	(void)state;
	host_fake_ram_free();
	return 0;
}

static void snapshot(uint64_t out[MAX_ORDER])
{
	unsigned o;

	for (o = 0; o < MAX_ORDER; o++)
		out[o] = b.free_area[o].nr_free;
}

/* check_free_lists: every listed block is a free, aligned head in the pool; the counters add up. */
static void check_free_lists(void)
{
	uint64_t frames = 0;
	unsigned o;

	for (o = 0; o < MAX_ORDER; o++) {
		struct list_head *pos;
		uint64_t n = 0;

		list_for_each(pos, &b.free_area[o].free_list) {
			struct page *p = list_entry(pos, struct page, lru);
			uint64_t pfn = page_to_pfn(p);

			assert_true(page_test(p, PG_buddy));
			assert_int_equal(p->order, o);
			assert_int_equal(pfn & ((1ull << o) - 1), 0);
			assert_true(pfn >= b.start_pfn && pfn + (1ull << o) <= b.end_pfn);
			n++;
		}
		assert_int_equal(n, b.free_area[o].nr_free);
		frames += n << o;
	}
	assert_int_equal(frames, b.nr_free);
}

/* Every order can be allocated and freed; the head is set up and the pool returns to its start. */
static void test_every_order(void **state)
{
	uint64_t before[MAX_ORDER], after[MAX_ORDER];
	unsigned order;

	(void)state;
	pool(1024, RAM_FRAMES, 1024, RAM_FRAMES - 1024);
	assert_int_equal(b.managed, 3072);
	assert_int_equal(b.nr_free, 3072);
	assert_int_equal(b.free_area[MAX_ORDER - 1].nr_free, 3);
	snapshot(before);
	for (order = 0; order < MAX_ORDER; order++) {
		struct page *p = buddy_alloc(&b, order);

		assert_non_null(p);
		assert_int_equal(page_to_pfn(p) & ((1ull << order) - 1), 0);
		assert_int_equal(p->refcount, 1);
		assert_int_equal(p->order, order);
		assert_false(page_test(p, PG_buddy));
		assert_int_equal(b.nr_free, 3072 - (1ull << order));
		check_free_lists();
		buddy_free(&b, p, order);
		assert_int_equal(p->refcount, 0);
		snapshot(after);
		assert_memory_equal(before, after, sizeof(before));
	}
}

/* One order-0 allocation splits an order-10 block into one free block of each order 0..9. */
static void test_split_then_merge(void **state)
{
	uint64_t before[MAX_ORDER], after[MAX_ORDER];
	struct page *p;
	unsigned o;

	(void)state;
	pool(1024, 2048, 1024, 1024);
	snapshot(before);
	p = buddy_alloc(&b, 0);
	assert_ptr_equal(p, pfn_to_page(1024)); /* expand() keeps the lowest frames */
	for (o = 0; o < MAX_ORDER - 1; o++)
		assert_int_equal(b.free_area[o].nr_free, 1);
	assert_int_equal(b.free_area[MAX_ORDER - 1].nr_free, 0);
	assert_int_equal(b.nr_free, 1023);
	check_free_lists();
	buddy_free(&b, p, 0);
	snapshot(after);
	assert_memory_equal(before, after, sizeof(before));
	assert_int_equal(b.nr_free, 1024);
}

/* Allocating until empty returns NULL, never crashes; freeing it all restores the pool. */
static void test_exhaustion(void **state)
{
	uint64_t before[MAX_ORDER], after[MAX_ORDER];
	static struct page *got[RAM_FRAMES];
	uint64_t n = 0, i;
	unsigned o;

	(void)state;
	pool(1, RAM_FRAMES, 1, RAM_FRAMES - 1);
	snapshot(before);
	while ((got[n] = buddy_alloc(&b, 0)) != NULL)
		n++;
	assert_int_equal(n, RAM_FRAMES - 1);
	assert_int_equal(b.nr_free, 0);
	for (o = 0; o < MAX_ORDER; o++) {
		assert_int_equal(b.free_area[o].nr_free, 0);
		assert_null(buddy_alloc(&b, o));
	}
	assert_null(buddy_alloc(&b, MAX_ORDER));
	assert_null(buddy_alloc(&b, 100));
	for (i = 0; i < n; i++)
		buddy_free(&b, got[i], 0);
	assert_int_equal(b.nr_free, RAM_FRAMES - 1);
	snapshot(after);
	assert_memory_equal(before, after, sizeof(before));
	check_free_lists();
}

/* An order >= MAX_ORDER is refused even when memory is free. */
static void test_order_too_large(void **state)
{
	(void)state;
	pool(0, RAM_FRAMES, 0, RAM_FRAMES);
	assert_null(buddy_alloc(&b, MAX_ORDER));
	assert_int_equal(b.nr_free, RAM_FRAMES);
	expect_assert_failure(buddy_free(&b, pfn_to_page(0), MAX_ORDER));
	assert_non_null(strstr(host_last_panic, "buddy_free: order 11"));
}

/* Freeing a head twice, or a frame inside a merged free block, is a double free. */
static void test_double_free(void **state)
{
	struct page *p, *q;

	(void)state;
	pool(1024, 2048, 1024, 1024);
	p = buddy_alloc(&b, 0);
	q = buddy_alloc(&b, 0);
	buddy_free(&b, q, 0); /* q stays a free order-0 head: its buddy p is allocated */
	q->refcount = 1;      /* a stale owner would still think it holds the frame */
	host_last_panic[0] = 0;
	expect_assert_failure(buddy_free(&b, q, 0));
	assert_non_null(strstr(host_last_panic, "buddy_free: double free"));

	buddy_free(&b, p, 0); /* merges back into one order-10 block */
	assert_int_equal(b.free_area[MAX_ORDER - 1].nr_free, 1);
	p->refcount = 1;
	host_last_panic[0] = 0;
	expect_assert_failure(buddy_free(&b, pfn_to_page(1024 + 5), 0));
	assert_non_null(strstr(host_last_panic, "double free: pfn 0x405 lies in the free block at pfn 0x400"));
	expect_assert_failure(buddy_free(&b, p, 0));
	assert_non_null(strstr(host_last_panic, "double free"));
	assert_int_equal(b.nr_free, 1024);
	check_free_lists();
}

/* A frame in the upper half of a free block of order 1 is caught too (block order == search order). */
static void test_double_free_in_pair(void **state)
{
	struct page *keep, *pair;

	(void)state;
	pool(1024, 2048, 1024, 1024);
	keep = buddy_alloc(&b, 1); /* pfns 1024-1025 */
	pair = buddy_alloc(&b, 1); /* pfns 1026-1027 */
	assert_ptr_equal(pair, pfn_to_page(1026));
	buddy_free(&b, pair, 1);   /* stays an order-1 block: its buddy is held */
	pair[1].refcount = 1;
	pair[1].order = 0;
	expect_assert_failure(buddy_free(&b, pair + 1, 0));
	assert_non_null(strstr(host_last_panic, "pfn 0x403 lies in the free block at pfn 0x402 order 1"));
	buddy_free(&b, keep, 1);
	assert_int_equal(b.free_area[MAX_ORDER - 1].nr_free, 1);
}

/* Merging never reaches past the pool, even when a frame outside looks like a free buddy. */
static void test_merge_stops_at_pool_edge(void **state)
{
	const unsigned order = MAX_ORDER - 2;
	const uint64_t outside[] = { 0, 1536 }; /* the order-9 buddies of 512 and 1024 */
	struct page *p, *q;
	unsigned i;

	(void)state;
	pool(512, 1536, 512, 1024); /* [512, 1024) and [1024, 1536): two order-9 blocks */
	for (i = 0; i < 2; i++) {   /* as another pool's free blocks would look */
		struct page *o = pfn_to_page(outside[i]);

		page_set(o, PG_buddy);
		o->order = order;
		list_init(&o->lru);
	}
	p = buddy_alloc(&b, order);
	q = buddy_alloc(&b, order);
	assert_non_null(p);
	assert_non_null(q);
	buddy_free(&b, p, order);
	buddy_free(&b, q, order);
	assert_int_equal(b.free_area[order].nr_free, 2);
	assert_int_equal(b.free_area[MAX_ORDER - 1].nr_free, 0);
	assert_int_equal(b.nr_free, 1024);
	check_free_lists();
}

/* Frames outside the pool, misaligned blocks and reserved frames are refused. */
static void test_bad_frames(void **state)
{
	struct page *p;

	(void)state;
	pool(16, 2048, 32, 2048 - 32); /* pfns 16..31 are in the pool but stay reserved */
	p = buddy_alloc(&b, 1);
	assert_non_null(p);

	expect_assert_failure(buddy_free(&b, pfn_to_page(8), 0));
	assert_non_null(strstr(host_last_panic, "outside the pool"));
	expect_assert_failure(buddy_free(&b, pfn_to_page(2048), 0));
	assert_non_null(strstr(host_last_panic, "outside the pool"));
	expect_assert_failure(buddy_free(&b, pfn_to_page(2047), 1)); /* runs past the end */
	assert_non_null(strstr(host_last_panic, "outside the pool"));
	expect_assert_failure(buddy_free(&b, p + 1, 1));
	assert_non_null(strstr(host_last_panic, "is not aligned to order 1"));
	expect_assert_failure(buddy_free(&b, pfn_to_page(20), 0));
	assert_non_null(strstr(host_last_panic, "pfn 0x14 is reserved"));
	expect_assert_failure(buddy_free(&b, p, 0));
	assert_non_null(strstr(host_last_panic, "freed with order 0, allocated with order 1"));

	page_set(p, PG_slab);
	expect_assert_failure(buddy_free(&b, p, 1));
	assert_non_null(strstr(host_last_panic, "PG_slab"));
	page_clear(p, PG_slab);
	page_set(p, PG_pgtable);
	expect_assert_failure(buddy_free(&b, p, 1));
	assert_non_null(strstr(host_last_panic, "PG_pgtable"));
	page_clear(p, PG_pgtable);
	p->refcount = 2;
	expect_assert_failure(buddy_free(&b, p, 1));
	assert_non_null(strstr(host_last_panic, "refcount 2"));
	p->refcount = 1;
	p->mapcount = 1;
	expect_assert_failure(buddy_free(&b, p, 1));
	assert_non_null(strstr(host_last_panic, "still mapped"));
	p->mapcount = 0;

	buddy_free(&b, p, 1); /* none of the refusals changed anything */
	assert_int_equal(b.nr_free, 2048 - 32);
	check_free_lists();
}

/* Every other frame allocated leaves no order >= 1 block; freeing the rest coalesces fully. */
static void test_fragmentation(void **state)
{
	const uint64_t first = 2048, last = first + 2 * MAX_BLOCK;
	uint64_t pfn;
	unsigned o;

	(void)state;
	pool(0, RAM_FRAMES, first, last - first);
	for (pfn = first; pfn < last; pfn++)
		assert_non_null(buddy_alloc(&b, 0));
	assert_null(buddy_alloc(&b, 0));
	for (pfn = first; pfn < last; pfn += 2)
		buddy_free(&b, pfn_to_page(pfn), 0);
	assert_int_equal(b.nr_free, MAX_BLOCK);
	assert_int_equal(b.free_area[0].nr_free, MAX_BLOCK);
	for (o = 1; o < MAX_ORDER; o++)
		assert_null(buddy_alloc(&b, o));
	check_free_lists();
	for (pfn = first + 1; pfn < last; pfn += 2)
		buddy_free(&b, pfn_to_page(pfn), 0);
	assert_int_equal(b.free_area[MAX_ORDER - 1].nr_free, 2);
	for (o = 0; o < MAX_ORDER - 1; o++)
		assert_int_equal(b.free_area[o].nr_free, 0);
	check_free_lists();
}

/* [3, 1003) tiles as the largest aligned blocks; filling the gaps later merges to order 10. */
static void test_add_range_odd(void **state)
{
	/* 3 | 4-7 | 8-15 | 16-31 | 32-63 | 64-127 | 128-255 | 256-511 | 512-767 | 768-895 |
	 * 896-959 | 960-991 | 992-999 | 1000-1001 | 1002 */
	static const uint64_t expect[MAX_ORDER] = { 2, 1, 1, 2, 1, 2, 2, 2, 2, 0, 0 };
	uint64_t got[MAX_ORDER];
	uint64_t pfn;

	(void)state;
	pool(0, 2048, 3, 1000);
	snapshot(got);
	assert_memory_equal(got, expect, sizeof(got));
	assert_int_equal(b.managed, 1000);
	assert_int_equal(b.nr_free, 1000);
	check_free_lists();
	for (pfn = 0; pfn < 2048; pfn++)
		assert_int_equal(page_test(pfn_to_page(pfn), PG_reserved), pfn < 3 || pfn >= 1003);

	buddy_add_range(&b, 1003, 2048 - 1003);
	buddy_add_range(&b, 0, 3);
	snapshot(got);
	assert_int_equal(got[MAX_ORDER - 1], 2);
	assert_int_equal(b.nr_free, 2048);
	assert_int_equal(b.managed, 2048);
	check_free_lists();
}

/* Adding frames that are already free, or outside the pool, panics. */
static void test_add_range_bad(void **state)
{
	(void)state;
	pool(0, 2048, 100, 10);
	expect_assert_failure(buddy_add_range(&b, 104, 1));
	assert_non_null(strstr(host_last_panic, "buddy_add_range: double free"));
	expect_assert_failure(buddy_add_range(&b, 2040, 16));
	assert_non_null(strstr(host_last_panic, "outside the pool"));
	assert_int_equal(b.managed, 10);
}

/* A pool beyond mem_map, and a free list whose head lost PG_buddy (corruption), panic. */
static void test_broken_invariants(void **state)
{
	struct page *head;

	(void)state;
	pool(0, 1024, 0, 1024);
	expect_assert_failure(buddy_init(&b, 0, RAM_FRAMES + 1));
	assert_non_null(strstr(host_last_panic, "buddy_init: pool [0, 0x1001) is not inside mem_map"));
	head = pfn_to_page(0);
	assert_true(page_test(head, PG_buddy));
	page_clear(head, PG_buddy);
	expect_assert_failure(buddy_alloc(&b, 0));
	assert_non_null(strstr(host_last_panic, "buddy_alloc: pfn 0 on the order-10 free list is not a free head"));
}

/* xorshift64: a fixed-seed generator, the same on every libc. */
static uint64_t rnd(void)
{
	static uint64_t x = 0x9e3779b97f4a7c15ull;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return x;
}

/* Random allocations and frees against a shadow map: no frame is ever handed out twice. */
static void test_stress(void **state)
{
	enum { SLOTS = 512, ROUNDS = 20000 };
	static struct page *held[SLOTS];
	static unsigned held_order[SLOTS];
	static bool owned[RAM_FRAMES];
	uint64_t before[MAX_ORDER], after[MAX_ORDER];
	uint64_t in_use = 0, i;
	int round;

	(void)state;
	pool(7, RAM_FRAMES - 5, 7, RAM_FRAMES - 12);
	snapshot(before);
	memset(held, 0, sizeof(held));
	memset(owned, 0, sizeof(owned));
	for (round = 0; round < ROUNDS; round++) {
		unsigned slot = rnd() % SLOTS;

		if (held[slot]) {
			uint64_t pfn = page_to_pfn(held[slot]);

			for (i = 0; i < (1ull << held_order[slot]); i++)
				owned[pfn + i] = false;
			buddy_free(&b, held[slot], held_order[slot]);
			in_use -= 1ull << held_order[slot];
			held[slot] = NULL;
		} else {
			unsigned order = rnd() % 100 < 80 ? rnd() % 3 : rnd() % MAX_ORDER;
			struct page *p = buddy_alloc(&b, order);
			uint64_t pfn;

			if (!p)
				continue;
			pfn = page_to_pfn(p);
			assert_int_equal(pfn & ((1ull << order) - 1), 0);
			assert_true(pfn >= 7 && pfn + (1ull << order) <= RAM_FRAMES - 5);
			for (i = 0; i < (1ull << order); i++) {
				assert_false(owned[pfn + i]);
				owned[pfn + i] = true;
			}
			held[slot] = p;
			held_order[slot] = order;
			in_use += 1ull << order;
		}
		assert_int_equal(b.nr_free + in_use, RAM_FRAMES - 12);
		if (round % 1000 == 0)
			check_free_lists();
	}
	for (i = 0; i < SLOTS; i++)
		if (held[i])
			buddy_free(&b, held[i], held_order[i]);
	snapshot(after);
	assert_memory_equal(before, after, sizeof(before));
	check_free_lists();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_every_order, teardown),
		cmocka_unit_test_teardown(test_split_then_merge, teardown),
		cmocka_unit_test_teardown(test_exhaustion, teardown),
		cmocka_unit_test_teardown(test_order_too_large, teardown),
		cmocka_unit_test_teardown(test_double_free, teardown),
		cmocka_unit_test_teardown(test_double_free_in_pair, teardown),
		cmocka_unit_test_teardown(test_merge_stops_at_pool_edge, teardown),
		cmocka_unit_test_teardown(test_bad_frames, teardown),
		cmocka_unit_test_teardown(test_fragmentation, teardown),
		cmocka_unit_test_teardown(test_add_range_odd, teardown),
		cmocka_unit_test_teardown(test_add_range_bad, teardown),
		cmocka_unit_test_teardown(test_broken_invariants, teardown),
		cmocka_unit_test_teardown(test_stress, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
