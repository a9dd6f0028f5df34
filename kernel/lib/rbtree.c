/*
 * kernel/lib/rbtree.c - red-black trees (see rbtree.h), as CLRS chapter 13
 * gives them, with NULL for the black leaves.
 *
 * Augmented values: a rotation keeps the set of nodes under the subtree it
 * turns, so only the two nodes it moves get new values (child first); an
 * insertion changes the values on its new node's path, an erasure those on
 * the path from where a node left; one rb_propagate each repairs them.
 */
#include "kernel/lib/rbtree.h"

/* update: recompute @node's augmented value, if the tree has one. */
static void update(struct rb_node *node, const struct rb_augment *aug)
{
	if (aug && node)
		aug->update(node);
}

/* replace_child: make @new take @old's place under @parent (or as the root). */
static void replace_child(struct rb_root *root, struct rb_node *parent, struct rb_node *old, struct rb_node *new)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->left == old)
		parent->left = new;
	else
		parent->right = new;
}

/* rotate_left: @x's right child takes its place, @x becomes its left child. */
static void rotate_left(struct rb_root *root, struct rb_node *x, const struct rb_augment *aug)
{
	struct rb_node *y = x->right;

	x->right = y->left;
	if (y->left)
		y->left->parent = x;
	y->parent = x->parent;
	replace_child(root, x->parent, x, y);
	y->left = x;
	x->parent = y;
	update(x, aug);
	update(y, aug);
}

/* rotate_right: the mirror of rotate_left. */
static void rotate_right(struct rb_root *root, struct rb_node *x, const struct rb_augment *aug)
{
	struct rb_node *y = x->left;

	x->left = y->right;
	if (y->right)
		y->right->parent = x;
	y->parent = x->parent;
	replace_child(root, x->parent, x, y);
	y->right = x;
	x->parent = y;
	update(x, aug);
	update(y, aug);
}

static bool is_red(const struct rb_node *n)
{
	return n && n->red;
}

void rb_propagate(struct rb_node *node, const struct rb_augment *aug)
{
	for (; aug && node; node = node->parent)
		aug->update(node);
}

void rb_insert(struct rb_node *z, struct rb_root *root, const struct rb_augment *aug)
{
	struct rb_node *p, *g, *u;

	rb_propagate(z, aug);
	while ((p = z->parent) && p->red) {
		g = p->parent; /* p is red, so not the root */
		if (p == g->left) {
			u = g->right;
			if (is_red(u)) { /* recolour and move the problem up */
				p->red = u->red = false;
				g->red = true;
				z = g;
				continue;
			}
			if (z == p->right) {
				rotate_left(root, p, aug);
				z = p;
				p = z->parent;
			}
			p->red = false;
			g->red = true;
			rotate_right(root, g, aug);
		} else {
			u = g->left;
			if (is_red(u)) {
				p->red = u->red = false;
				g->red = true;
				z = g;
				continue;
			}
			if (z == p->left) {
				rotate_right(root, p, aug);
				z = p;
				p = z->parent;
			}
			p->red = false;
			g->red = true;
			rotate_left(root, g, aug);
		}
	}
	root->rb_node->red = false;
}

/* erase_fixup: restore the black heights after a black node left from under
 * @xp, whose child @x (perhaps NULL) now carries one black too few. */
static void erase_fixup(struct rb_root *root, struct rb_node *x, struct rb_node *xp, const struct rb_augment *aug)
{
	struct rb_node *w;

	while (x != root->rb_node && !is_red(x)) {
		if (x == xp->left) {
			w = xp->right; /* exists: its side has a black more than x's */
			if (w->red) {
				w->red = false;
				xp->red = true;
				rotate_left(root, xp, aug);
				w = xp->right;
			}
			if (!is_red(w->left) && !is_red(w->right)) {
				w->red = true;
				x = xp;
				xp = x->parent;
				continue;
			}
			if (!is_red(w->right)) {
				w->left->red = false;
				w->red = true;
				rotate_right(root, w, aug);
				w = xp->right;
			}
			w->red = xp->red;
			xp->red = false;
			w->right->red = false;
			rotate_left(root, xp, aug);
		} else {
			w = xp->left;
			if (w->red) {
				w->red = false;
				xp->red = true;
				rotate_right(root, xp, aug);
				w = xp->left;
			}
			if (!is_red(w->left) && !is_red(w->right)) {
				w->red = true;
				x = xp;
				xp = x->parent;
				continue;
			}
			if (!is_red(w->left)) {
				w->right->red = false;
				w->red = true;
				rotate_left(root, w, aug);
				w = xp->left;
			}
			w->red = xp->red;
			xp->red = false;
			w->left->red = false;
			rotate_right(root, xp, aug);
		}
		x = root->rb_node;
	}
	if (x)
		x->red = false;
}

void rb_erase(struct rb_node *z, struct rb_root *root, const struct rb_augment *aug)
{
	/* y: the node that leaves its place: z itself, or z's successor (no left child) */
	struct rb_node *y = z->left && z->right ? rb_first(&(struct rb_root){ z->right }) : z;
	struct rb_node *x = y->left ? y->left : y->right, *xp = y->parent;
	bool black_left = !y->red;

	if (x)
		x->parent = y->parent;
	replace_child(root, y->parent, y, x);
	if (y != z) { /* the successor takes z's place and colour */
		if (xp == z)
			xp = y;
		y->left = z->left;
		y->right = z->right;
		y->parent = z->parent;
		y->red = z->red;
		if (y->left)
			y->left->parent = y;
		if (y->right)
			y->right->parent = y;
		replace_child(root, z->parent, z, y);
	}
	rb_propagate(xp, aug); /* through y's new place too: it is above xp */
	if (black_left)
		erase_fixup(root, x, xp, aug);
}

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	while (n && n->left)
		n = n->left;
	return n;
}

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	while (n && n->right)
		n = n->right;
	return n;
}

struct rb_node *rb_next(const struct rb_node *node)
{
	const struct rb_node *n = node;

	if (n->right)
		return rb_first(&(struct rb_root){ n->right });
	while (n->parent && n == n->parent->right)
		n = n->parent;
	return n->parent;
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	const struct rb_node *n = node;

	if (n->left)
		return rb_last(&(struct rb_root){ n->left });
	while (n->parent && n == n->parent->left)
		n = n->parent;
	return n->parent;
}
