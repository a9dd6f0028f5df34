/*
 * kernel/lib/list.h - intrusive circular doubly linked list, the shape Linux's
 * <linux/list.h> made standard: the node lives inside the object, the head is a
 * node whose next/prev point to itself when empty. Used by the buddy free lists,
 * the slab lists and (later) the LRU lists.
 */
#ifndef KERNEL_LIST_H
#define KERNEL_LIST_H

#include <stddef.h>
#include <stdbool.h>

struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name) { &(name), &(name) }
/* LIST_HEAD_DEF: define an empty list head called @name. */
#define LIST_HEAD_DEF(name) struct list_head name = LIST_HEAD_INIT(name)

/* container_of: from a pointer to a member back to its enclosing object. */
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(head, type, member) list_entry((head)->next, type, member)

#define list_for_each(pos, head) \
	for (pos = (head)->next; pos != (head); pos = pos->next)

/* list_init: make @h an empty list (points to itself). */
static inline void list_init(struct list_head *h)
{
	h->next = h;
	h->prev = h;
}

/* list_empty: true when @h has no nodes. */
static inline bool list_empty(const struct list_head *h)
{
	return h->next == h;
}

/* list_insert_between: link @n between two adjacent nodes @prev and @next. */
static inline void list_insert_between(struct list_head *n, struct list_head *prev,
				       struct list_head *next)
{
	next->prev = n;
	n->next = next;
	n->prev = prev;
	prev->next = n;
}

/* list_add: insert @n right after @head (stack order). */
static inline void list_add(struct list_head *n, struct list_head *head)
{
	list_insert_between(n, head, head->next);
}

/* list_add_tail: insert @n right before @head (queue order). */
static inline void list_add_tail(struct list_head *n, struct list_head *head)
{
	list_insert_between(n, head->prev, head);
}

/* list_del: unlink @n and poison it to self so a second delete is harmless. */
static inline void list_del(struct list_head *n)
{
	n->prev->next = n->next;
	n->next->prev = n->prev;
	n->next = n;
	n->prev = n;
}

#endif
