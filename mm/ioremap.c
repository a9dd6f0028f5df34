/*
 * mm/ioremap.c - uncached kernel mappings of device memory (see ioremap.h).
 *
 * Why a PML4 slot of its own, created before the seal: the kernel half of the
 * PML4 is copied into every address space once, at mm_create (mm/mm.c), so an
 * entry added to kernel_pml4 afterwards would be missing from every process's
 * tables. Tables below an existing entry, in contrast, are shared. The other
 * kernel slots were no good place: the direct map's slots grow with RAM (and the
 * RAM-only direct map must not cover device memory with a write-back mapping,
 * Intel SDM Vol. 3A 11.11.4 on conflicting memory types), and the kernel
 * image's -1 GiB is the self-tests' scratch area.
 *
 * Memory type: PCD|PWT selects PAT entry 3, which is UC at reset and which
 * this kernel never reprograms (SDM Vol. 3A 11.12.3, Table 11-11): register
 * reads and writes reach the device, in order, uncombined.
 *
 * Addresses are handed out upward and never reused: drivers map their BARs
 * once at boot and unmap only when a device is refused, and 512 GiB of
 * address space outlasts any number of those.
 */
#include "mm/ioremap.h"
#include "mm/init.h"
#include "mm/page.h"
#include "mm/pgtable.h"
#include "kernel/panic.h"

#define IOREMAP_FLAGS (PTE_RW | PTE_NX | PTE_PCD | PTE_PWT | PTE_G)

static uint64_t next_va = IOREMAP_START; /* the lowest address not handed out yet */

void ioremap_init(uint64_t root)
{
	if (PAGE_OFFSET + (max_pfn << PAGE_SHIFT) > IOREMAP_START)
		panic("ioremap_init: the direct map of %lu frames runs into the ioremap area", max_pfn);
	if (!walk(root, IOREMAP_START, PT_PDPT, true))
		panic("ioremap_init: no memory for the ioremap area's PDPT");
}

/* unmap_range: unmap the @bytes of 4 KiB pages from @va (all mapped by ioremap); flushes. */
static void unmap_range(uint64_t va, uint64_t bytes)
{
	for (uint64_t off = 0; off < bytes; off += PAGE_SIZE)
		if (!unmap_page(kernel_pml4, va + off))
			panic("unmap_range: %#lx was not mapped", va + off);
}

void *ioremap(uint64_t pa, uint64_t size)
{
	uint64_t start = PAGE_ALIGN_DOWN(pa), end = PAGE_ALIGN(pa + size), va = next_va;

	if (size == 0 || end <= start)
		panic("ioremap: bad range %#lx + %#lx", pa, size);
	if (end - start > IOREMAP_END - va - PAGE_SIZE)
		return NULL;
	for (uint64_t off = 0; off < end - start; off += PAGE_SIZE) {
		if (map_page(kernel_pml4, va + off, start + off, IOREMAP_FLAGS)) {
			unmap_range(va, off);
			return NULL;
		}
	}
	next_va = va + (end - start) + PAGE_SIZE; /* an unmapped guard page catches overruns */
	return (void *)(va + (pa - start));
}

void iounmap(void *addr, uint64_t size)
{
	uint64_t va = (uint64_t)addr;

	if (va < IOREMAP_START || va + size > next_va)
		panic("iounmap: %#lx + %#lx is not an ioremap mapping", va, size);
	unmap_range(PAGE_ALIGN_DOWN(va), PAGE_ALIGN(va + size) - PAGE_ALIGN_DOWN(va));
}
