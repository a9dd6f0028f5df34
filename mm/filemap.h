/*
 * mm/filemap.h - the page cache of initrd files (Linux: mm/filemap.c,
 * find_get_page / add_to_page_cache): one frame per file page, shared
 * read-only by every private mapping that reads it, so that two processes
 * running the same program share its text.
 *
 * Only whole file pages are cached: a page that a mapping cuts off inside
 * (the last page of an ELF segment, zero-filled past p_filesz) differs
 * between mappings and is given privately (mm/memory.c). Lock: single CPU.
 */
#ifndef MM_FILEMAP_H
#define MM_FILEMAP_H

#include <stdint.h>
#include "mm/page.h"

/* filemap_get_page: the cached frame holding the PAGE_SIZE file bytes at
 * @bytes (inside the initrd), read into a new frame on a miss; one more
 * reference and mapping are counted for the caller. NULL when out of memory. */
struct page *filemap_get_page(const uint8_t *bytes);

/* filemap_put_page: one reference (and mapping, already uncounted by the
 * caller) fewer to the cache page @page; the last takes it out of the cache
 * and frees it. The initrd still holds the bytes, so nothing is lost: a cache
 * page nobody maps is dropped at once, where Linux would keep it until
 * reclaim (its backing store is a disk, ours is RAM). */
void filemap_put_page(struct page *page);

/* shmem_alloc_page: a zeroed page for a tmpfs file (NR_SHMEM, PG_shmem), with
 * the file's reference (refcount 1, mapcount 0); NULL when out of memory. */
struct page *shmem_alloc_page(void);

/* put_shmem_page: drop one reference to the tmpfs page @page (the file's, when
 * it truncates the page away, or a user's); freed with the last, so a page
 * still mapped outlives its file's (Linux: put_page of a shmem folio). */
void put_shmem_page(struct page *page);

#endif
