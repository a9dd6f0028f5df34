/*
 * kernel/lib/radix_tree.h - a map from an unsigned long index to a pointer,
 * as a tree of 64-slot nodes that grows in height as indices grow (Linux:
 * lib/radix-tree.c, now the xarray). A file's pages by page index are the
 * use: lookups cost O(height), a sparse file costs nodes only where it has
 * pages, and an empty tree is one NULL pointer.
 * Lock: the caller's (the owner's mutex); nothing here sleeps except for
 * kmalloc in radix_tree_insert.
 */
#ifndef KERNEL_LIB_RADIX_TREE_H
#define KERNEL_LIB_RADIX_TREE_H

#include <stdint.h>

#define RADIX_TREE_MAP_SHIFT 6
#define RADIX_TREE_MAP_SIZE  (1u << RADIX_TREE_MAP_SHIFT)

struct radix_tree_node {
	void *slots[RADIX_TREE_MAP_SIZE];
	unsigned count; /* non-NULL slots */
};

struct radix_tree_root {
	struct radix_tree_node *node; /* NULL: empty */
	unsigned height;              /* levels of nodes: indices below 64^height fit */
};

#define RADIX_TREE_INIT { NULL, 0 }

/* radix_tree_lookup: the pointer at @index, or NULL. */
void *radix_tree_lookup(const struct radix_tree_root *root, uint64_t index);

/* radix_tree_insert: put @item (not NULL) at @index, which must be empty.
 * 0, -EEXIST, or -ENOMEM (the tree unchanged). */
int radix_tree_insert(struct radix_tree_root *root, uint64_t index, void *item);

/* radix_tree_delete: take the pointer at @index out (nodes left empty are
 * freed, the height shrinks when it can); the pointer, or NULL. */
void *radix_tree_delete(struct radix_tree_root *root, uint64_t index);

/* radix_tree_next: the first index >= @index holding a pointer, into *@found;
 * the pointer, or NULL when there is none (walking a file's pages in order). */
void *radix_tree_next(const struct radix_tree_root *root, uint64_t index, uint64_t *found);

#endif
