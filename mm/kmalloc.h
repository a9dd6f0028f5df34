/*
 * mm/kmalloc.h - the kernel's small-object allocator (Linux: kmalloc/kfree over
 * the kmalloc-N slab caches).
 *
 * Sizes are rounded up to a power-of-two size class. Classes of 16..2048 bytes
 * are cut from one-page slabs; a larger request takes a whole buddy block of
 * 2^order pages. Every frame kmalloc owns carries PG_slab, and its page->order
 * holds the size class: object size = KMALLOC_MIN_SIZE << page->order, so the
 * classes from KMALLOC_SLAB_CLASSES up are the one-object "slabs" that fill a
 * whole block (class 8 = 4 KiB = order 0, class 9 = 8 KiB = order 1, ...).
 * Frames are counted under vm_stat[NR_SLAB].
 *
 * An object is aligned to its size class (so at least 16 bytes).
 * Lock: single CPU, not from interrupt handlers (as mm/page_alloc.h).
 */
#ifndef MM_KMALLOC_H
#define MM_KMALLOC_H

#include <stddef.h>

#define KMALLOC_MIN_SIZE     16
#define KMALLOC_SLAB_CLASSES 8 /* 16, 32, ..., 2048 bytes: many objects per page */

/* kmalloc: @size bytes, aligned to their size class; NULL when @size is 0 or memory is exhausted. */
void *kmalloc(size_t size);

/* kzalloc: kmalloc, with the whole object zero-filled. */
void *kzalloc(size_t size);

/* kfree: give back an object from kmalloc; NULL is a no-op; panics on anything else. */
void kfree(void *ptr);

/* ksize: the usable size of the kmalloc object @ptr (its size class); panics like kfree. */
size_t ksize(const void *ptr);

#endif
