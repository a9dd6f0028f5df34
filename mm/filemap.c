/*
 * mm/filemap.c - the page cache of initrd files (see filemap.h).
 *
 * A cached page is a frame with PG_file set and page->private = the kernel
 * address of its file bytes in the initrd, which names (file, offset) at
 * once. It sits in a hash bucket through page->lru (Linux keeps file pages
 * in the mapping's xarray and on the file LRU; our cache pages are on no LRU
 * because they are never reclaimed: they go when their last mapping does).
 * refcount and mapcount count the PTEs that map it, as for anonymous frames
 * (mm/memory.c); the cache itself holds no reference.
 */
#include "mm/filemap.h"
#include "mm/page_alloc.h"
#include "kernel/lib/list.h"
#include "kernel/panic.h"
#include "kernel/lib/string.h"

#define FILEMAP_BUCKETS 256 /* a power of two */

static struct list_head buckets[FILEMAP_BUCKETS];

/* bucket_of: the hash chain of the file bytes at @bytes. */
static struct list_head *bucket_of(const uint8_t *bytes)
{
	uint64_t key = (uint64_t)(uintptr_t)bytes;

	if (!buckets[0].next) /* first use: empty chains (static storage starts zeroed) */
		for (unsigned i = 0; i < FILEMAP_BUCKETS; i++)
			list_init(&buckets[i]);
	return &buckets[(key >> PAGE_SHIFT ^ key) & (FILEMAP_BUCKETS - 1)];
}

/* find_page: the cached page of @bytes in @bucket, or NULL. */
static struct page *find_page(struct list_head *bucket, const uint8_t *bytes)
{
	struct list_head *pos;

	list_for_each(pos, bucket) {
		struct page *page = list_entry(pos, struct page, lru);

		if (page->private == (uint64_t)(uintptr_t)bytes)
			return page;
	}
	return NULL;
}

/* read_page: a new cache page of @bytes in @bucket, unreferenced; NULL when out of memory. */
static struct page *read_page(struct list_head *bucket, const uint8_t *bytes)
{
	struct page *page = alloc_pages(0, NR_FILE_PAGES);

	if (!page)
		return NULL;
	memcpy(page_address(page), bytes, PAGE_SIZE);
	page->refcount = 0;
	page->mapcount = 0;
	page->private = (uint64_t)(uintptr_t)bytes;
	page_set(page, PG_file);
	list_add(&page->lru, bucket);
	return page;
}

struct page *filemap_get_page(const uint8_t *bytes)
{
	struct list_head *bucket = bucket_of(bytes);
	struct page *page = find_page(bucket, bytes);

	if (!page)
		page = read_page(bucket, bytes);
	if (!page)
		return NULL;
	page->refcount++;
	page->mapcount++;
	return page;
}

void filemap_put_page(struct page *page)
{
	if (!page_test(page, PG_file) || page->refcount <= page->mapcount)
		panic("filemap_put_page: pfn %#lx is not a referenced cache page (refcount %d, mapcount %d)",
		      page_to_pfn(page), page->refcount, page->mapcount);
	if (page->refcount > 1) {
		page->refcount--;
		return;
	}
	list_del(&page->lru); /* the last reference: out of the cache, and freed */
	page_clear(page, PG_file);
	page->private = 0;
	free_pages(page, 0, NR_FILE_PAGES);
}

struct page *shmem_alloc_page(void)
{
	struct page *page = alloc_pages(0, NR_SHMEM);

	if (!page)
		return NULL;
	memset(page_address(page), 0, PAGE_SIZE);
	page->refcount = 1;
	page->mapcount = 0;
	page_set(page, PG_shmem);
	return page;
}

void put_shmem_page(struct page *page)
{
	if (!page_test(page, PG_shmem) || page->refcount <= page->mapcount)
		panic("put_shmem_page: pfn %#lx is not a referenced shmem page (refcount %d, mapcount %d)",
		      page_to_pfn(page), page->refcount, page->mapcount);
	if (page->refcount > 1) {
		page->refcount--;
		return;
	}
	page_clear(page, PG_shmem);
	free_pages(page, 0, NR_SHMEM);
}
