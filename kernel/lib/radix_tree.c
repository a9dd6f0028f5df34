/* kernel/lib/radix_tree.c - index -> pointer trees (see radix_tree.h). */
#include "kernel/lib/radix_tree.h"
#include "kernel/errno.h"
#include "mm/kmalloc.h"

/* max_index: the largest index a tree of @height levels holds. */
static uint64_t max_index(unsigned height)
{
	unsigned bits = height * RADIX_TREE_MAP_SHIFT;

	return bits >= 64 ? UINT64_MAX : (1ull << bits) - 1;
}

/* slot_of: the slot of @index in a node @level levels above the leaves (1: leaves' node). */
static unsigned slot_of(uint64_t index, unsigned level)
{
	unsigned shift = (level - 1) * RADIX_TREE_MAP_SHIFT;

	return shift >= 64 ? 0 : (unsigned)(index >> shift) & (RADIX_TREE_MAP_SIZE - 1);
}

void *radix_tree_lookup(const struct radix_tree_root *root, uint64_t index)
{
	struct radix_tree_node *node = root->node;

	if (!node || index > max_index(root->height))
		return NULL;
	for (unsigned level = root->height; level > 1; level--) {
		node = node->slots[slot_of(index, level)];
		if (!node)
			return NULL;
	}
	return node->slots[slot_of(index, 1)];
}

/* extend: add levels on top until @index fits; false when out of memory. */
static int extend(struct radix_tree_root *root, uint64_t index)
{
	if (!root->node) {
		root->height = 1;
		while (index > max_index(root->height))
			root->height++;
		return 0;
	}
	while (index > max_index(root->height)) {
		struct radix_tree_node *top = kzalloc(sizeof(*top));
		if (!top)
			return -ENOMEM;
		top->slots[0] = root->node;
		top->count = 1;
		root->node = top;
		root->height++;
	}
	return 0;
}

int radix_tree_insert(struct radix_tree_root *root, uint64_t index, void *item)
{
	unsigned old_height = root->height;

	if (extend(root, index))
		return -ENOMEM;
	if (!root->node && !(root->node = kzalloc(sizeof(*root->node)))) {
		root->height = old_height;
		return -ENOMEM;
	}
	struct radix_tree_node *node = root->node;
	for (unsigned level = root->height; level > 1; level--) {
		void **slot = &node->slots[slot_of(index, level)];
		if (!*slot) {
			if (!(*slot = kzalloc(sizeof(struct radix_tree_node))))
				return -ENOMEM; /* the levels added above stay: harmless, and reused */
			node->count++;
		}
		node = *slot;
	}
	void **slot = &node->slots[slot_of(index, 1)];
	if (*slot)
		return -EEXIST;
	*slot = item;
	node->count++;
	return 0;
}

/* shrink: drop top levels whose only child is slot 0, and an empty root. */
static void shrink(struct radix_tree_root *root)
{
	while (root->height > 1 && root->node->count == 1 && root->node->slots[0]) {
		struct radix_tree_node *top = root->node;
		root->node = top->slots[0];
		root->height--;
		kfree(top);
	}
	if (root->node && !root->node->count) {
		kfree(root->node);
		root->node = NULL;
		root->height = 0;
	}
}

void *radix_tree_delete(struct radix_tree_root *root, uint64_t index)
{
	struct radix_tree_node *path[64 / RADIX_TREE_MAP_SHIFT + 2];
	struct radix_tree_node *node = root->node;
	unsigned level;

	if (!node || index > max_index(root->height))
		return NULL;
	for (level = root->height; level > 1; level--) {
		path[level] = node;
		node = node->slots[slot_of(index, level)];
		if (!node)
			return NULL;
	}
	void *item = node->slots[slot_of(index, 1)];
	if (!item)
		return NULL;
	node->slots[slot_of(index, 1)] = NULL;
	node->count--;
	for (level = 1; level < root->height && !node->count; level++) { /* free emptied nodes upwards */
		struct radix_tree_node *parent = path[level + 1];
		parent->slots[slot_of(index, level + 1)] = NULL;
		parent->count--;
		kfree(node);
		node = parent;
	}
	shrink(root);
	return item;
}

/* next_in: the first item at index >= @index below @node (@level above the
 * leaves), its index into *@found; NULL if none. */
static void *next_in(const struct radix_tree_node *node, unsigned level, uint64_t index, uint64_t base,
		     uint64_t *found)
{
	unsigned shift = (level - 1) * RADIX_TREE_MAP_SHIFT;

	for (unsigned i = slot_of(index, level); i < RADIX_TREE_MAP_SIZE; i++) {
		uint64_t start = base + ((uint64_t)i << shift);
		void *child = node->slots[i];
		if (!child)
			continue;
		if (level == 1) {
			*found = start;
			return child;
		}
		void *item = next_in(child, level - 1, index > start ? index : start, start, found);
		if (item)
			return item;
	}
	return NULL;
}

void *radix_tree_next(const struct radix_tree_root *root, uint64_t index, uint64_t *found)
{
	if (!root->node || index > max_index(root->height))
		return NULL;
	return next_in(root->node, root->height, index, 0, found);
}
