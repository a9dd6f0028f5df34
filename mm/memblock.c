/* mm/memblock.c - boot-time range lists and allocator (see memblock.h). */
#include "mm/memblock.h"
#include "mm/page_alloc.h"
#include "kernel/panic.h"
#include "kernel/lib/string.h"

struct memblock_list memblock_memory, memblock_reserved;

/* list_insert: add [base, base+size) to @l keeping it sorted by base, merging overlaps. */
static void list_insert(struct memblock_list *l, uint64_t base, uint64_t size)
{
	uint64_t end = base + size;
	unsigned i = 0;
	if (!size)
		return;
	while (i < l->count && l->r[i].base + l->r[i].size < base)
		i++;
	/* Absorb every region that touches [base, end). */
	unsigned j = i;
	while (j < l->count && l->r[j].base <= end) {
		if (l->r[j].base < base)
			base = l->r[j].base;
		if (l->r[j].base + l->r[j].size > end)
			end = l->r[j].base + l->r[j].size;
		j++;
	}
	if (i == j && l->count == MEMBLOCK_MAX)
		panic("memblock: more than %d regions", MEMBLOCK_MAX);
	memmove(&l->r[i + 1], &l->r[j], (l->count - j) * sizeof(l->r[0]));
	l->count = l->count - (j - i) + 1;
	l->r[i] = (struct memblock_region){ base, end - base };
}

void memblock_add(uint64_t base, uint64_t size)
{
	list_insert(&memblock_memory, base, size);
}

void memblock_reserve(uint64_t base, uint64_t size)
{
	list_insert(&memblock_reserved, base, size);
}

/* reserved_overlap: the reserved region overlapping [base, base+size), or NULL. */
static const struct memblock_region *reserved_overlap(uint64_t base, uint64_t size)
{
	for (unsigned i = 0; i < memblock_reserved.count; i++) {
		const struct memblock_region *r = &memblock_reserved.r[i];
		if (r->base < base + size && base < r->base + r->size)
			return r;
	}
	return NULL;
}

uint64_t memblock_alloc(uint64_t size, uint64_t align)
{
	for (int i = (int)memblock_memory.count - 1; i >= 0; i--) {
		const struct memblock_region *m = &memblock_memory.r[i];
		if (m->size < size)
			continue;
		uint64_t cand = (m->base + m->size - size) & ~(align - 1);
		while (cand >= m->base) {
			const struct memblock_region *r = reserved_overlap(cand, size);
			if (!r) {
				memblock_reserve(cand, size);
				return cand;
			}
			if (r->base < m->base + size)
				break;
			cand = (r->base - size) & ~(align - 1);
		}
	}
	panic("memblock_alloc: no room for %lu bytes aligned to %lu", size, align);
}

void memblock_free_all(void)
{
	for (unsigned i = 0; i < memblock_memory.count; i++) {
		uint64_t start = PAGE_ALIGN(memblock_memory.r[i].base);
		uint64_t end = PAGE_ALIGN_DOWN(memblock_memory.r[i].base + memblock_memory.r[i].size);
		/* Walk the sorted reserved list, freeing the gaps between its regions. */
		for (unsigned j = 0; j < memblock_reserved.count && start < end; j++) {
			const struct memblock_region *r = &memblock_reserved.r[j];
			uint64_t rs = PAGE_ALIGN_DOWN(r->base), re = PAGE_ALIGN(r->base + r->size);
			if (re <= start || rs >= end)
				continue;
			if (rs > start)
				buddy_add_range(&page_zone, start >> PAGE_SHIFT, (rs - start) >> PAGE_SHIFT);
			start = re;
		}
		if (start < end)
			buddy_add_range(&page_zone, start >> PAGE_SHIFT, (end - start) >> PAGE_SHIFT);
	}
}
