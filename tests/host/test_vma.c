/*
 * tests/host/test_vma.c - the VMA set of an mm (mm/vma.c): ordered insertion,
 * lookup and its cache, splitting, removal, merging, get_unmapped_area, and
 * the edges of the user address space; and, under seeded random changes, the
 * tree against the list: the same VMAs in the same order, every subtree's
 * largest gap right, and lookups and the gap search answering as a plain walk
 * of the list does. No page table is involved.
 */
/* host-test-sources: mm/vma.c kernel/lib/rbtree.c mm/kmalloc.c mm/page_alloc.c mm/buddy.c mm/pgtable.c tests/host/fake_zone.c tests/host/mm_test.c */
#include <stdlib.h>
#include <string.h>
#include "tests/host/shim.h"
#include "tests/host/mm_test.h"
#include "mm/vma.h"
#include "mm/page_alloc.h"
#include "kernel/errno.h"

#define RAM_FRAMES 256
#define BASE  0x0000000010000000ull /* an address well inside user space */

static struct mm mm;
static uint64_t free_at_start;
static const uint8_t file[P(8)];

/* One expected VMA: its range and prot. */
struct want {
	uint64_t start, end;
	uint32_t prot;
};

static int setup(void **state)
{
	(void)state;
	free_at_start = host_fake_zone(RAM_FRAMES);
	memset(&mm, 0, sizeof(mm));
	list_init(&mm.vmas);
	mm.mmap_base = MMAP_BASE;
	return 0;
}

/* Every test ends with an empty set and every slab given back. */
static int teardown(void **state)
{
	(void)state;
	vma_remove_range(&mm, 0, USER_VA_END);
	assert_true(list_empty(&mm.vmas));
	assert_null(mm.cache);
	assert_int_equal(page_zone.nr_free, free_at_start);
	host_fake_ram_free();
	return 0;
}

/* map: a VMA of whole pages [first, last) of the test area, which must succeed. */
static struct vm_area *map(unsigned first, unsigned last, uint32_t prot)
{
	struct vm_area *vma = vma_map(&mm, A(first), P(last - first), prot, 0, VMA_ANON);

	assert_non_null(vma);
	return vma;
}

/* expect_layout: the set is exactly @n VMAs as @want, in order. */
static void expect_layout(const struct want *want, size_t n)
{
	struct vm_area *vma;
	size_t i = 0;

	for_each_vma(&mm, vma) {
		assert_true(i < n);
		assert_int_equal(vma->start, want[i].start);
		assert_int_equal(vma->end, want[i].end);
		assert_int_equal(vma->prot, want[i].prot);
		i++;
	}
	assert_int_equal(i, n);
}

#define EXPECT_LAYOUT(...)                                                  \
	do {                                                                \
		static const struct want w_[] = { __VA_ARGS__ };            \
		expect_layout(w_, sizeof(w_) / sizeof(w_[0]));              \
	} while (0)

/* VMAs mapped in any order are kept sorted; vma_lookup answers inside, at the ends and in gaps. */
static void test_insert_sorted_and_find(void **state)
{
	struct vm_area *a, *b, *c;

	(void)state;
	c = map(20, 24, PROT_READ);
	a = map(0, 2, RW);
	b = map(10, 11, PROT_EXEC);
	EXPECT_LAYOUT({ A(0), A(2), RW }, { A(10), A(11), PROT_EXEC }, { A(20), A(24), PROT_READ });
	assert_ptr_equal(vma_lookup(&mm, A(0)), a);
	assert_ptr_equal(vma_lookup(&mm, A(2) - 1), a);
	assert_null(vma_lookup(&mm, A(2)));
	assert_ptr_equal(vma_lookup(&mm, A(10) + 123), b);
	assert_ptr_equal(vma_lookup(&mm, A(24) - 1), c);
	assert_null(vma_lookup(&mm, A(24)));
	assert_null(vma_lookup(&mm, 0));
	assert_null(vma_lookup(&mm, USER_VA_END - 1));
	assert_ptr_equal(find_vma(&mm, A(5)), b); /* the next one above a gap */
	assert_null(find_vma(&mm, A(24)));
}

/* Linux's two lookups around gaps: vma_lookup is the VMA containing the
 * address or NULL; find_vma the first VMA ending above it, which in a gap or
 * below the first VMA is the one above (the stack-growth check uses it). */
static void test_vma_lookup_vs_find_vma(void **state)
{
	struct vm_area *a, *b;

	(void)state;
	a = map(4, 6, RW);
	b = map(10, 12, PROT_READ);
	assert_null(vma_lookup(&mm, A(1)));        /* below every VMA */
	assert_ptr_equal(find_vma(&mm, A(1)), a);
	assert_ptr_equal(vma_lookup(&mm, A(4)), a); /* inside: both agree */
	assert_ptr_equal(find_vma(&mm, A(5) + 7), a);
	assert_null(vma_lookup(&mm, A(6)));        /* the end is exclusive: the gap */
	assert_ptr_equal(find_vma(&mm, A(6)), b);
	assert_null(vma_lookup(&mm, A(10) - 1));
	assert_ptr_equal(find_vma(&mm, A(10) - 1), b);
	assert_ptr_equal(vma_lookup(&mm, A(12) - 1), b);
	assert_null(vma_lookup(&mm, A(12)));       /* above the last VMA: none for either */
	assert_null(find_vma(&mm, A(12)));
}

/* The cache holds the last VMA found, answers a hit without the list, and forgets a freed VMA. */
static void test_find_cache(void **state)
{
	struct vm_area *a, *b, decoy;

	(void)state;
	a = map(0, 2, RW);
	b = map(4, 6, RW);
	assert_ptr_equal(vma_lookup(&mm, A(4)), b);
	assert_ptr_equal(mm.cache, b);
	assert_ptr_equal(vma_lookup(&mm, A(1)), a);
	assert_ptr_equal(mm.cache, a);
	/* A hit is answered from the cache alone: a decoy there is believed. */
	decoy = *a;
	decoy.start = A(100);
	decoy.end = A(101);
	mm.cache = &decoy;
	assert_ptr_equal(vma_lookup(&mm, A(100)), &decoy);
	assert_ptr_equal(vma_lookup(&mm, A(5)), b); /* a miss falls back to the list */
	assert_ptr_equal(mm.cache, b);
	vma_split_range(&mm, A(4), A(6));
	vma_remove_range(&mm, A(4), A(6));
	assert_null(mm.cache);
	assert_null(vma_lookup(&mm, A(5)));
}

/* vma_check_free: alignment, emptiness, the user-space bounds (overflow near the top), overlaps. */
static void test_check_free(void **state)
{
	(void)state;
	map(4, 8, RW);
	assert_int_equal(vma_check_free(&mm, A(0), P(4)), 0); /* touching below */
	assert_int_equal(vma_check_free(&mm, A(8), P(1)), 0); /* touching above */
	assert_int_equal(vma_check_free(&mm, A(0), P(5)), -EEXIST);
	assert_int_equal(vma_check_free(&mm, A(7), P(1)), -EEXIST);
	assert_int_equal(vma_check_free(&mm, A(0), P(100)), -EEXIST); /* covers it whole */
	assert_int_equal(vma_check_free(&mm, A(0) + 1, P(1)), -EINVAL);
	assert_int_equal(vma_check_free(&mm, A(0), 100), -EINVAL);
	assert_int_equal(vma_check_free(&mm, A(0), 0), -EINVAL);
	assert_int_equal(vma_check_free(&mm, USER_VA_START - P(1), P(1)), -EINVAL);
	assert_int_equal(vma_check_free(&mm, USER_VA_START, P(1)), 0);
	assert_int_equal(vma_check_free(&mm, TASK_SIZE - P(1), P(1)), 0);
	assert_int_equal(vma_check_free(&mm, TASK_SIZE - P(1), P(2)), -EINVAL);
	assert_int_equal(vma_check_free(&mm, TASK_SIZE, P(1)), -EINVAL); /* the SYSRET guard page */
	assert_int_equal(vma_check_free(&mm, USER_VA_END, P(1)), -EINVAL);
	assert_int_equal(vma_check_free(&mm, A(0), 0ull - PAGE_SIZE), -EINVAL); /* wraps */
}

/* The last mappable page, under TASK_SIZE, is a VMA like any other. */
static void test_top_of_user_space(void **state)
{
	struct vm_area *top;

	(void)state;
	top = vma_map(&mm, TASK_SIZE - P(2), P(2), RW, 0, VMA_STACK);
	assert_non_null(top);
	assert_ptr_equal(vma_lookup(&mm, TASK_SIZE - 1), top);
	assert_null(vma_lookup(&mm, TASK_SIZE));
	assert_int_equal(vma_split_range(&mm, TASK_SIZE - P(1), TASK_SIZE), 0);
	EXPECT_LAYOUT({ TASK_SIZE - P(2), TASK_SIZE - P(1), RW },
		      { TASK_SIZE - P(1), TASK_SIZE, RW });
}

/* Mapping over a VMA is a caller bug: vma_map panics. */
static void test_map_overlap_panics(void **state)
{
	(void)state;
	map(0, 4, RW);
	expect_assert_failure(vma_map(&mm, A(3), P(2), RW, 0, VMA_ANON));
	assert_non_null(strstr(host_last_panic, "vma_insert: [0x10003000, 0x10005000)"));
	expect_assert_failure(vma_map(&mm, 0, P(1), RW, 0, VMA_ANON));
	EXPECT_LAYOUT({ A(0), A(4), RW });
}

/* Touching VMAs with the same prot, flags and kind merge; any difference keeps them apart. */
static void test_merge_neighbours(void **state)
{
	struct vm_area *v;

	(void)state;
	map(0, 2, RW);
	v = map(2, 4, RW); /* joins the one below */
	assert_int_equal(v->start, A(0));
	map(6, 8, RW);
	map(4, 6, RW); /* fills the gap: all three become one */
	EXPECT_LAYOUT({ A(0), A(8), RW });
	map(8, 9, PROT_READ); /* other prot */
	assert_non_null(vma_map(&mm, A(9), P(1), PROT_READ, VM_SHARED, VMA_ANON)); /* other flags */
	assert_non_null(vma_map(&mm, A(10), P(1), PROT_READ, VM_SHARED, VMA_HEAP)); /* other kind */
	map(12, 13, RW); /* not touching */
	EXPECT_LAYOUT({ A(0), A(8), RW }, { A(8), A(9), PROT_READ }, { A(9), A(10), PROT_READ },
		      { A(10), A(11), PROT_READ }, { A(12), A(13), RW });
}

/* File VMAs merge only over the same bytes at contiguous offsets; one without bytes never. */
static void test_merge_file(void **state)
{
	static const uint8_t other[P(8)];
	struct vm_area *v;

	(void)state;
	v = vma_map_file(&mm, A(0), P(2), PROT_READ, 0, file, sizeof(file), P(1));
	assert_non_null(v);
	v = vma_map_file(&mm, A(2), P(1), PROT_READ, 0, file, sizeof(file), P(3)); /* contiguous */
	assert_int_equal(v->start, A(0));
	assert_int_equal(v->file_offset, P(1));
	vma_map_file(&mm, A(3), P(1), PROT_READ, 0, file, sizeof(file), P(5));   /* offset gap */
	vma_map_file(&mm, A(4), P(1), PROT_READ, 0, other, sizeof(other), P(6)); /* other file */
	vma_map_file(&mm, A(5), P(1), PROT_READ, 0, other, P(2), P(7));          /* other size */
	vma_map(&mm, A(6), P(1), PROT_READ, 0, VMA_FILE);                         /* no bytes */
	vma_map(&mm, A(7), P(1), PROT_READ, 0, VMA_FILE);
	EXPECT_LAYOUT({ A(0), A(3), PROT_READ }, { A(3), A(4), PROT_READ }, { A(4), A(5), PROT_READ },
		      { A(5), A(6), PROT_READ }, { A(6), A(7), PROT_READ }, { A(7), A(8), PROT_READ });
}

/* Splits at a head, a tail and in the middle; a file tail starts further into the file. */
static void test_split(void **state)
{
	struct vm_area *v;

	(void)state;
	vma_map_file(&mm, A(0), P(10), PROT_READ, 0, file, sizeof(file), P(2));
	assert_int_equal(vma_split_range(&mm, A(0), A(2)), 0); /* head: one split, at A(2) */
	assert_int_equal(vma_split_range(&mm, A(8), A(10)), 0); /* tail: one split, at A(8) */
	assert_int_equal(vma_split_range(&mm, A(4), A(5)), 0); /* middle: two splits */
	EXPECT_LAYOUT({ A(0), A(2), PROT_READ }, { A(2), A(4), PROT_READ }, { A(4), A(5), PROT_READ },
		      { A(5), A(8), PROT_READ }, { A(8), A(10), PROT_READ });
	v = vma_lookup(&mm, A(5));
	assert_int_equal(v->file_offset, P(2) + P(5));
	assert_ptr_equal(v->file_data, file);
	assert_int_equal(vma_split_range(&mm, A(4), A(5)), 0); /* on boundaries already: nothing */
	assert_int_equal(vma_split_range(&mm, A(20), A(30)), 0); /* in a hole: nothing */
	vma_merge_range(&mm, A(0), A(10)); /* nothing tells them apart: one again */
	EXPECT_LAYOUT({ A(0), A(10), PROT_READ });
	assert_int_equal(vma_lookup(&mm, A(9))->file_offset, P(2));
}

/* Without memory for both splits of a middle range, nothing changes and nothing leaks
 * (teardown counts the frames: a spare kept would hold its slab). */
static void test_split_out_of_memory(void **state)
{
	(void)state;
	map(0, 10, RW);
	hog_all(sizeof(struct vm_area));
	assert_int_equal(vma_split_range(&mm, A(4), A(5)), -ENOMEM); /* no spare at all */
	hog_return_objects(1);
	assert_int_equal(vma_split_range(&mm, A(4), A(5)), -ENOMEM); /* one: given back */
	EXPECT_LAYOUT({ A(0), A(10), RW });
	hog_release();
	EXPECT_LAYOUT({ A(0), A(10), RW });
	assert_int_equal(vma_split_range(&mm, A(4), A(5)), 0);
	EXPECT_LAYOUT({ A(0), A(4), RW }, { A(4), A(5), RW }, { A(5), A(10), RW });
}

/* Removing a range across several VMAs trims the outer two and drops the ones inside. */
static void test_remove_across(void **state)
{
	(void)state;
	map(0, 3, RW);
	map(4, 6, PROT_READ);
	map(7, 9, RW);
	map(10, 12, PROT_READ);
	assert_int_equal(vma_split_range(&mm, A(2), A(11)), 0);
	vma_remove_range(&mm, A(2), A(11));
	EXPECT_LAYOUT({ A(0), A(2), RW }, { A(11), A(12), PROT_READ });
	vma_remove_range(&mm, A(5), A(9)); /* a hole: nothing */
	EXPECT_LAYOUT({ A(0), A(2), RW }, { A(11), A(12), PROT_READ });
}

/* vma_remove_range on a VMA that sticks out of the range is a bug: panic. */
static void test_remove_straddler_panics(void **state)
{
	(void)state;
	map(0, 4, RW);
	expect_assert_failure(vma_remove_range(&mm, A(1), A(4)));
	assert_non_null(strstr(host_last_panic, "vma_remove_range: VMA [0x10000000, 0x10004000)"));
}

/* vma_range_covered sees any hole, at either end or inside. */
static void test_range_covered(void **state)
{
	(void)state;
	map(0, 2, RW);
	map(2, 4, PROT_READ);
	map(5, 6, RW);
	assert_true(vma_range_covered(&mm, A(0), A(4)));
	assert_true(vma_range_covered(&mm, A(1), A(3)));
	assert_false(vma_range_covered(&mm, A(0), A(6)));
	assert_false(vma_range_covered(&mm, A(0) - P(1), A(1)));
	assert_false(vma_range_covered(&mm, A(5), A(7)));
	assert_true(vma_range_covered(&mm, A(5), A(6)));
}

/* vma_copy_all: the same VMAs, fields and order, in their own memory. */
static void test_copy_all(void **state)
{
	struct mm copy;
	struct vm_area *v, *c;

	(void)state;
	memset(&copy, 0, sizeof(copy));
	list_init(&copy.vmas);
	map(0, 2, RW);
	vma_map_file(&mm, A(4), P(2), PROT_READ, 0, file, sizeof(file), P(3));
	assert_int_equal(vma_copy_all(&copy, &mm), 0);
	for (v = vma_first(&mm), c = vma_first(&copy); v; v = vma_next(&mm, v), c = vma_next(&copy, c)) {
		assert_non_null(c);
		assert_ptr_not_equal(c, v);
		assert_int_equal(c->start, v->start);
		assert_int_equal(c->end, v->end);
		assert_int_equal(c->file_offset, v->file_offset);
		assert_ptr_equal(c->file_data, v->file_data);
	}
	assert_null(c);
	vma_remove_range(&copy, 0, USER_VA_END);
}

/* get_unmapped_area: top-down from mmap_base, first gap that fits, exact fits, VMAs above ignored. */
static void test_unmapped_area_top_down(void **state)
{
	uint64_t base;

	(void)state;
	mm.mmap_base = base = A(100);
	assert_int_equal(get_unmapped_area(&mm, P(3)), base - P(3));
	map(97, 100, RW);           /* right under the base */
	map(100, 110, PROT_READ);   /* above the base: no matter */
	map(90, 95, RW);            /* leaves a 2-page hole [95, 97) */
	assert_int_equal(get_unmapped_area(&mm, P(2)), A(95)); /* exact fit */
	assert_int_equal(get_unmapped_area(&mm, P(1)), A(96)); /* highest page of it */
	assert_int_equal(get_unmapped_area(&mm, P(3)), A(87)); /* too big for the hole: below */
	map(80, 89, RW);            /* a 1-page hole [89, 90) */
	assert_int_equal(get_unmapped_area(&mm, P(3)), A(77));
	assert_int_equal(get_unmapped_area(&mm, 0), 0);
	assert_int_equal(get_unmapped_area(&mm, 100), 0); /* not page aligned */
}

/* A VMA across mmap_base lowers the search start; nothing fits: 0; USER_VA_START is the floor. */
static void test_unmapped_area_edges(void **state)
{
	(void)state;
	mm.mmap_base = A(10);
	map(8, 12, RW);
	assert_int_equal(get_unmapped_area(&mm, P(2)), A(6));
	assert_int_equal(get_unmapped_area(&mm, A(8) - USER_VA_START), USER_VA_START); /* exact */
	assert_int_equal(get_unmapped_area(&mm, A(8) - USER_VA_START + P(1)), 0);
	map(0, 8, RW);
	assert_int_equal(get_unmapped_area(&mm, A(0) - USER_VA_START), USER_VA_START);
	mm.mmap_base = USER_VA_START;
	assert_int_equal(get_unmapped_area(&mm, P(1)), 0);
}

/* slow_find_vma: find_vma by walking the list. */
static struct vm_area *slow_find_vma(uint64_t addr)
{
	struct vm_area *v;

	for_each_vma(&mm, v)
		if (v->end > addr)
			return v;
	return NULL;
}

/* slow_unmapped_area: get_unmapped_area by walking the list from the top down
 * (the list-only kernel's algorithm: the reference). */
static uint64_t slow_unmapped_area(uint64_t len)
{
	uint64_t top = mm.mmap_base;

	for (struct list_head *n = mm.vmas.prev; n != &mm.vmas; n = n->prev) {
		struct vm_area *v = list_entry(n, struct vm_area, link);

		if (v->end <= top && top - v->end >= len)
			return top - len;
		if (v->start < top)
			top = v->start;
	}
	return top >= USER_VA_START && top - USER_VA_START >= len ? top - len : 0;
}

/* check_subtree: the largest gap under @node, recomputed from the list, must be
 * what the node keeps; keys in order; returns it. */
static uint64_t check_subtree(struct rb_node *node)
{
	struct vm_area *v, *prev;
	uint64_t gap, l, r;

	if (!node)
		return 0;
	v = rb_entry(node, struct vm_area, rb);
	prev = v->link.prev == &mm.vmas ? NULL : list_entry(v->link.prev, struct vm_area, link);
	gap = v->start - (prev ? prev->end : 0);
	l = check_subtree(node->left);
	r = check_subtree(node->right);
	gap = gap > l ? gap : l;
	gap = gap > r ? gap : r;
	assert_int_equal(v->subtree_gap, gap);
	assert_ptr_equal(v->mm, &mm);
	return gap;
}

/* check_against_list: the tree holds the list's VMAs in its order, counts
 * them, keeps every gap; lookups and gap searches answer as the list does. */
static void check_against_list(void)
{
	struct rb_node *node = rb_first(&mm.vma_tree);
	struct vm_area *v;
	int n = 0;

	for_each_vma(&mm, v) {
		assert_ptr_equal(node, &v->rb);
		node = rb_next(node);
		n++;
	}
	assert_null(node);
	assert_int_equal(mm.map_count, n);
	check_subtree(mm.vma_tree.rb_node);
	for (int i = 0; i < 40; i++) {
		uint64_t addr = A(rand() % 340) + (uint64_t)(rand() % 2) * 100;

		mm.cache = NULL;
		assert_ptr_equal(find_vma(&mm, addr), slow_find_vma(addr));
	}
	for (uint64_t len = P(1); len <= P(24); len += P(1))
		assert_int_equal(get_unmapped_area(&mm, len), slow_unmapped_area(len));
}

static void set_prot(struct mm *m, struct vm_area *vma, void *arg)
{
	(void)m;
	vma->prot = *(uint32_t *)arg;
}

/* random_change: one random map, unmap (split and remove, or a trim of a
 * head or tail), protection change or stack-like growth in the pages
 * [0, 320) of the test area. */
static void random_change(void)
{
	unsigned first = (unsigned)(rand() % 320), len = 1 + (unsigned)(rand() % 12);
	uint32_t prot = rand() % 2 ? RW : PROT_READ;
	struct vm_area *v;

	if (first + len > 320)
		len = 320 - first;
	switch (rand() % 5) {
	case 0:
		if (!vma_check_free(&mm, A(first), P(len)))
			assert_non_null(vma_map(&mm, A(first), P(len), prot, 0, VMA_ANON));
		break;
	case 1:
		assert_int_equal(vma_split_range(&mm, A(first), A(first + len)), 0);
		vma_remove_range(&mm, A(first), A(first + len));
		break;
	case 2:
		if (vma_range_covered(&mm, A(first), A(first + len)))
			assert_int_equal(vma_change_range(&mm, A(first), A(first + len), set_prot, &prot), 0);
		break;
	case 3:
		v = vma_trim_target(&mm, A(first), A(first + len)); /* munmap's fast path */
		if (v)
			vma_trim(v, A(first), A(first + len));
		break;
	default:
		v = find_vma(&mm, A(first));
		if (v && v->start > A(0) && !vma_lookup(&mm, v->start - P(1)))
			vma_expand_down(v, v->start - P(1));
		break;
	}
}

/* Seeded random changes, the tree checked against the list after each, with
 * mmap_base inside the area so that the search clips at it. */
static void test_tree_matches_list(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 8; seed++) {
		srand(seed);
		mm.mmap_base = A(300);
		for (int op = 0; op < 600; op++) {
			random_change();
			check_against_list();
		}
		vma_remove_range(&mm, 0, USER_VA_END);
		check_against_list();
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_insert_sorted_and_find, setup, teardown),
		cmocka_unit_test_setup_teardown(test_vma_lookup_vs_find_vma, setup, teardown),
		cmocka_unit_test_setup_teardown(test_find_cache, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_free, setup, teardown),
		cmocka_unit_test_setup_teardown(test_top_of_user_space, setup, teardown),
		cmocka_unit_test_setup_teardown(test_map_overlap_panics, setup, teardown),
		cmocka_unit_test_setup_teardown(test_merge_neighbours, setup, teardown),
		cmocka_unit_test_setup_teardown(test_merge_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_split, setup, teardown),
		cmocka_unit_test_setup_teardown(test_split_out_of_memory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_remove_across, setup, teardown),
		cmocka_unit_test_setup_teardown(test_remove_straddler_panics, setup, teardown),
		cmocka_unit_test_setup_teardown(test_range_covered, setup, teardown),
		cmocka_unit_test_setup_teardown(test_copy_all, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unmapped_area_top_down, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unmapped_area_edges, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tree_matches_list, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
