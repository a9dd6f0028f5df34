/*
 * mm/kmalloc.c - power-of-two size classes over one-page slabs (see mm/kmalloc.h).
 *
 * A slab is one frame cut into equal objects (Linux: SLUB's model, minus the
 * per-CPU parts). Its struct page keeps the bookkeeping, so a slab has no header
 * and every object is aligned to its size:
 *   PG_slab         the frame belongs to kmalloc
 *   page->order     size class (object size = KMALLOC_MIN_SIZE << order)
 *   page->private   the first free object; each free object's first word holds
 *                   the next (0 ends the list), as SLUB's freelist does
 *   page->mapcount  objects in use
 *   page->lru       on partial[class] while the slab has a free object
 * A slab whose last object is freed goes straight back to the buddy: simple and
 * leak-evident, at the price of refilling a slab on the next allocation.
 *
 * Lock: callers serialise (single CPU, not from interrupt handlers).
 */
#include "mm/kmalloc.h"
#include "mm/page_alloc.h"
#include "kernel/panic.h"
#include "kernel/lib/string.h"

/* The first class that fills a whole page, and the last: one block of the largest order. */
#define PAGE_CLASS        KMALLOC_SLAB_CLASSES
#define KMALLOC_MAX_CLASS (PAGE_CLASS + MAX_ORDER - 1)

_Static_assert((KMALLOC_MIN_SIZE << PAGE_CLASS) == PAGE_SIZE,
	       "class PAGE_CLASS must be exactly one page");

/* Slabs of each small class that have a free object (zeroed storage = not yet initialised). */
static struct list_head partial[KMALLOC_SLAB_CLASSES];

/* class_size: bytes per object of size class @cls. */
static size_t class_size(unsigned cls)
{
	return (size_t)KMALLOC_MIN_SIZE << cls;
}

/* size_to_class: the smallest class whose objects hold @size bytes (1 <= @size <= max). */
static unsigned size_to_class(size_t size)
{
	unsigned cls = 0;

	while (class_size(cls) < size)
		cls++;
	return cls;
}

/* partial_list: the list of slabs of @cls with free objects, initialised on first use. */
static struct list_head *partial_list(unsigned cls)
{
	struct list_head *list = &partial[cls];

	if (!list->next)
		list_init(list);
	return list;
}

/* slab_new: a fresh slab of @cls with every object free, put on its partial list; NULL if no memory. */
static struct page *slab_new(unsigned cls)
{
	struct page *page = alloc_pages(0, NR_SLAB);
	size_t size = class_size(cls);
	char *base;
	size_t off;

	if (!page)
		return NULL;
	page_set(page, PG_slab);
	page->order = cls;
	page->mapcount = 0;
	page->private = 0;
	base = page_address(page);
	for (off = PAGE_SIZE; off > 0;) { /* link back to front so the list runs in address order */
		off -= size;
		*(uint64_t *)(base + off) = page->private;
		page->private = (uintptr_t)(base + off);
	}
	list_add(&page->lru, partial_list(cls));
	return page;
}

/*
 * next_free: the free object after @obj on the freelist of slab @page (0 at the
 * end). A link that leaves the slab or splits an object means a free object was
 * written: a use after free (Linux: SLUB's check_valid_pointer).
 */
static uint64_t next_free(const struct page *page, uint64_t obj)
{
	uint64_t next = *(uint64_t *)(uintptr_t)obj;
	uint64_t base = (uintptr_t)page_address(page);

	if (next && (next - base >= PAGE_SIZE || (next - base) % class_size(page->order)))
		panic("kmalloc: freelist of the %zu-byte slab at %#lx is corrupt after %#lx (use after free?)",
		      class_size(page->order), base, obj);
	return next;
}

/* slab_alloc: one object of small class @cls, from a partial slab or a new one; NULL if no memory. */
static void *slab_alloc(unsigned cls)
{
	struct list_head *list = partial_list(cls);
	struct page *page;
	uint64_t *obj;

	if (list_empty(list) && !slab_new(cls))
		return NULL;
	page = list_first_entry(list, struct page, lru);
	obj = (uint64_t *)(uintptr_t)page->private;
	page->private = next_free(page, page->private);
	page->mapcount++;
	if (!page->private)
		list_del(&page->lru); /* full: only slabs with a free object are listed */
	return obj;
}

/* block_alloc: a whole buddy block for page-sized class @cls; its address or NULL. */
static void *block_alloc(unsigned cls)
{
	struct page *page = alloc_pages(cls - PAGE_CLASS, NR_SLAB);

	if (!page)
		return NULL;
	page_set(page, PG_slab);
	page->order = cls;
	return page_address(page);
}

/* kmalloc: @size bytes aligned to their class; NULL for 0, too large, or no memory. Caller serialises. */
void *kmalloc(size_t size)
{
	unsigned cls;

	if (size == 0 || size > class_size(KMALLOC_MAX_CLASS))
		return NULL;
	cls = size_to_class(size);
	return cls < PAGE_CLASS ? slab_alloc(cls) : block_alloc(cls);
}

/* kzalloc: kmalloc(@size) with the whole object (ksize bytes) zeroed; NULL as kmalloc. */
void *kzalloc(size_t size)
{
	void *ptr = kmalloc(size);

	if (ptr)
		memset(ptr, 0, ksize(ptr));
	return ptr;
}

/*
 * object_page: the PG_slab page holding the object that starts at @ptr; panics
 * (as @fn) when @ptr is outside the direct map, in a frame kmalloc does not own
 * (a tail page of a large block included), or not at an object boundary.
 */
static struct page *object_page(const char *fn, const void *ptr)
{
	uint64_t pa = virt_to_phys(ptr); /* wraps to a huge value below PAGE_OFFSET */
	struct page *page;
	size_t align;

	if ((pa >> PAGE_SHIFT) >= max_pfn)
		panic("%s: %p is not a direct-map address", fn, ptr);
	page = phys_to_page(pa);
	if (!page_test(page, PG_slab))
		panic("%s: %p is not from kmalloc", fn, ptr);
	align = page->order < PAGE_CLASS ? class_size(page->order) : PAGE_SIZE;
	if (pa & (align - 1))
		panic("%s: %p is not the start of a %zu-byte object", fn, ptr, class_size(page->order));
	return page;
}

/* slab_release: hand the kmalloc frames headed by @page (2^@order of them) back to the buddy. */
static void slab_release(struct page *page, unsigned order)
{
	page_clear(page, PG_slab);
	page->order = order; /* from size class back to the buddy order it was allocated with */
	free_pages(page, order, NR_SLAB);
}

/* slab_free: put @obj back on the freelist of its slab @page; an emptied slab goes to the buddy. */
static void slab_free(struct page *page, void *obj)
{
	uint64_t addr = (uintptr_t)obj;
	uint64_t cur;

	for (cur = page->private; cur; cur = next_free(page, cur)) /* bounded: <= 256 objects */
		if (cur == addr)
			panic("kfree: double free of %p", obj);
	if (!page->private)
		list_add(&page->lru, partial_list(page->order)); /* was full: has a free object again */
	*(uint64_t *)obj = page->private;
	page->private = addr;
	if (--page->mapcount == 0) {
		list_del(&page->lru);
		slab_release(page, 0);
	}
}

/* kfree: free an object from kmalloc/kzalloc; NULL is a no-op; panics on a bad pointer. Caller serialises. */
void kfree(void *ptr)
{
	struct page *page;

	if (!ptr)
		return;
	page = object_page("kfree", ptr);
	if (page->order < PAGE_CLASS)
		slab_free(page, ptr);
	else
		slab_release(page, page->order - PAGE_CLASS);
}

/* ksize: the usable bytes of the kmalloc object at @ptr (its class size); panics like kfree. */
size_t ksize(const void *ptr)
{
	return class_size(object_page("ksize", ptr)->order);
}
