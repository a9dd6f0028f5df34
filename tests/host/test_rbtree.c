/*
 * tests/host/test_rbtree.c - the red-black tree of kernel/lib/rbtree.c under
 * seeded random insertions and erasures: after every operation the red-black
 * rules hold (black root, no red node with a red child, the same black count
 * on every path), parents point back, an in-order walk (rb_first/rb_next and
 * rb_last/rb_prev) gives exactly the keys a brute-force array holds, and the
 * augmented value (the largest key under each node) equals a recomputation.
 */
/* host-test-sources: kernel/lib/rbtree.c */
#include <stdlib.h>
#include <string.h>
#include "tests/host/shim.h"
#include "kernel/lib/rbtree.h"

#define MAX_NODES 600

struct item {
	struct rb_node rb;
	int key;
	int subtree_max; /* the augmented value: the largest key under this node */
};

static struct item items[MAX_NODES];
static bool present[MAX_NODES];
static struct rb_root root;

static int max3(int a, int b, int c)
{
	int m = a > b ? a : b;
	return m > c ? m : c;
}

/* max_update: the augment callback: the largest key of the node and its subtrees. */
static void max_update(struct rb_node *n)
{
	struct item *it = rb_entry(n, struct item, rb);
	int l = n->left ? rb_entry(n->left, struct item, rb)->subtree_max : -1;
	int r = n->right ? rb_entry(n->right, struct item, rb)->subtree_max : -1;

	it->subtree_max = max3(it->key, l, r);
}

static const struct rb_augment max_aug = { max_update };

/* insert: place items[k] (key k) by its key and rebalance. */
static void insert(int k)
{
	struct rb_node **link = &root.rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = k < rb_entry(parent, struct item, rb)->key ? &parent->left : &parent->right;
	}
	items[k].key = k;
	rb_link_node(&items[k].rb, parent, link);
	rb_insert(&items[k].rb, &root, &max_aug);
	present[k] = true;
}

static void erase(int k)
{
	rb_erase(&items[k].rb, &root, &max_aug);
	present[k] = false;
}

/* check_node: the black height of @n's subtree after checking every rule in it
 * and its augmented value; keys must lie in (lo, hi). */
static int check_node(const struct rb_node *n, const struct rb_node *parent, int lo, int hi)
{
	const struct item *it;
	int bl, br, want;

	if (!n)
		return 1;
	it = rb_entry(n, struct item, rb);
	assert_ptr_equal(n->parent, parent);
	assert_true(it->key > lo && it->key < hi);
	if (n->red) {
		assert_false(n->left && n->left->red);
		assert_false(n->right && n->right->red);
	}
	bl = check_node(n->left, n, lo, it->key);
	br = check_node(n->right, n, it->key, hi);
	assert_int_equal(bl, br);
	want = max3(it->key, n->left ? rb_entry(n->left, struct item, rb)->subtree_max : -1,
		    n->right ? rb_entry(n->right, struct item, rb)->subtree_max : -1);
	assert_int_equal(it->subtree_max, want);
	return bl + !n->red;
}

/* check_tree: every rule, and both in-order walks give the present keys. */
static void check_tree(void)
{
	const struct rb_node *n;
	int k = -1, count = 0;

	assert_false(root.rb_node && root.rb_node->red);
	check_node(root.rb_node, NULL, -1, MAX_NODES);
	for (n = rb_first(&root); n; n = rb_next(n)) {
		int key = rb_entry(n, struct item, rb)->key;
		while (++k < key)
			assert_false(present[k]);
		assert_true(present[key]);
		count++;
	}
	while (++k < MAX_NODES)
		assert_false(present[k]);
	k = MAX_NODES;
	for (n = rb_last(&root); n; n = rb_prev(n)) {
		int key = rb_entry(n, struct item, rb)->key;
		assert_true(key < k);
		k = key;
		count--;
	}
	assert_int_equal(count, 0);
}

/* One seed: 4000 random operations, the tree checked after each. */
static void run_seed(unsigned seed)
{
	root = RB_ROOT;
	memset(present, 0, sizeof(present));
	srand(seed);
	for (int op = 0; op < 4000; op++) {
		int k = rand() % MAX_NODES;

		if (present[k])
			erase(k);
		else
			insert(k);
		check_tree();
	}
}

static void test_random_seeds(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 12; seed++)
		run_seed(seed);
}

/* Ascending then descending insertions (the worst case for an unbalanced
 * tree), then erasing every other key and the rest: the height stays within
 * 2 log2(n + 1). */
static void test_sorted_inserts_stay_balanced(void **state)
{
	int height = 0;

	(void)state;
	root = RB_ROOT;
	memset(present, 0, sizeof(present));
	for (int k = 0; k < MAX_NODES; k += 2)
		insert(k);
	for (int k = MAX_NODES - 1; k > 0; k -= 2)
		insert(k);
	check_tree();
	for (const struct rb_node *n = rb_first(&root); n; n = rb_next(n)) {
		int h = 0;
		for (const struct rb_node *up = n; up; up = up->parent)
			h++;
		height = h > height ? h : height;
	}
	assert_true(height <= 2 * 10); /* 2 log2(601) < 19 */
	for (int k = 0; k < MAX_NODES; k += 2)
		erase(k);
	check_tree();
	for (int k = 1; k < MAX_NODES; k += 2)
		erase(k);
	check_tree();
	assert_null(root.rb_node);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_seeds),
		cmocka_unit_test(test_sorted_inserts_stay_balanced),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
