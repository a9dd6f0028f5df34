/*
 * kernel/lib/rbtree.h - red-black trees (CLRS chapter 13; Linux: lib/rbtree.c
 * and include/linux/rbtree_augmented.h, whose names these are).
 *
 * The tree is intrusive: a struct rb_node sits inside the object, which the
 * caller finds with rb_entry. The caller searches and places a new node
 * itself (rb_link_node at the leaf its comparison found), then rb_insert
 * recolours and rotates; rb_erase unlinks. Both keep the red-black rules:
 * the root is black, a red node has black children, and every path from a
 * node down to a leaf passes as many black nodes; so the height stays at most
 * 2 log2(n + 1) and every operation is O(log n).
 *
 * Augmented trees: a node may carry a value computed from itself and its two
 * subtrees (the VMA tree keeps the largest free gap below it). The caller's
 * rb_augment.update recomputes one node's value from its children; insert,
 * erase and every rotation call it where a subtree changed, and rb_propagate
 * walks it up from a node to the root after the caller changed that node.
 * Lock: the caller's (the structure holding the root).
 */
#ifndef KERNEL_LIB_RBTREE_H
#define KERNEL_LIB_RBTREE_H

#include <stdbool.h>
#include <stddef.h>

struct rb_node {
	struct rb_node *parent, *left, *right;
	bool red;
};

struct rb_root {
	struct rb_node *rb_node;
};

/* What an augmented tree recomputes: @update sets @node's value from its own
 * data and its children's values (NULL children have none). NULL: a plain tree. */
struct rb_augment {
	void (*update)(struct rb_node *node);
};

#define RB_ROOT ((struct rb_root){ NULL })
#define rb_entry(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))

/* rb_link_node: put @node, a new leaf, at *@link (a NULL child pointer of
 * @parent found by the caller's search, or the root's), red, uncoloured yet. */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent, struct rb_node **link)
{
	node->parent = parent;
	node->left = node->right = NULL;
	node->red = true;
	*link = node;
}

/* rb_insert: rebalance @root after rb_link_node added @node; with @aug, every
 * value on @node's path to the root is right afterwards. O(log n). */
void rb_insert(struct rb_node *node, struct rb_root *root, const struct rb_augment *aug);

/* rb_erase: unlink @node from @root and rebalance; with @aug, every value is
 * right afterwards. @node's own fields are left undefined. O(log n). */
void rb_erase(struct rb_node *node, struct rb_root *root, const struct rb_augment *aug);

/* rb_propagate: @aug->update from @node up to the root (after the caller
 * changed what @node's value depends on). O(log n). */
void rb_propagate(struct rb_node *node, const struct rb_augment *aug);

/* rb_first, rb_last: the leftmost and rightmost nodes; NULL for an empty tree. */
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);

/* rb_next, rb_prev: @node's in-order successor and predecessor, or NULL. */
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

#endif
