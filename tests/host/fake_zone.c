/* tests/host/fake_zone.c - fake RAM with a live buddy pool, for the mm host tests. */
#include <string.h>
#include "tests/host/shim.h"
#include "mm/page_alloc.h"

uint64_t host_fake_zone(uint64_t frames)
{
	host_fake_ram(frames);
	for (uint64_t pfn = 0; pfn < frames; pfn++)
		page_set(pfn_to_page(pfn), PG_reserved);
	buddy_init(&page_zone, 0, frames);
	buddy_add_range(&page_zone, 1, frames - 1);
	memset(vm_stat, 0, sizeof(vm_stat));
	return page_zone.nr_free;
}
