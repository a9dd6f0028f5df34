/*
 * boot/paging.c - the bootstrap page tables the kernel starts on.
 *
 * x86-64 4-level paging (Intel SDM Vol. 3A §4.5): CR3 -> PML4 -> PDPT -> PD,
 * each table one 4 KiB page of 512 8-byte entries; a PD entry with PS set
 * maps a 2 MiB page directly (SDM Table 4-18). Three views of memory:
 *   identity   VA == PA          [0, top)  PML4[0..]   the loader's last instructions
 *   direct map VA == PA + 0xffff800000000000  PML4[256..] shares the identity PDPTs
 *   kernel     VA == PA - kernel_phys + kernel_virt     PML4[511] -> PDPT[510..511]
 * `top` is the end of RAM rounded up to 1 GiB. No NX bits: EFER.NXE may be
 * off under the firmware, and then bit 63 would be a reserved-bit fault.
 */
#include "loader.h"
#include "mm/pgtable.h" /* PTE_P PTE_RW PTE_PS PTE_ADDR: the kernel's own entry bits */

#define CR4_LA57 (1ull << 12) /* 5-level paging active */
#define DIRECT_MAP_SLOT 256      /* PML4 index of BOOT_DIRECT_MAP */
#define MAX_TOP (1ull << 46)     /* 64 TiB: the direct map may use PML4[256..383] */
#define KERNEL_TABLES 3          /* PDPT + up to 2 PDs for a <= 64 MiB span */

/* A bump allocator over the zeroed table pages of the handoff region. */
struct table_pool {
	UINT64 *next;
	UINT64 left; /* pages */
};

/* Pages of page tables needed to map [0, top) twice plus a <= 64 MiB kernel span. */
UINT64 paging_table_pages(UINT64 top)
{
	UINT64 gib = align_up(top, SIZE_1G) / SIZE_1G; /* one PD per GiB */
	UINT64 pdpts = (gib + 511) / 512;               /* one PDPT per 512 GiB */

	return 1 + pdpts + gib + KERNEL_TABLES;
}

/* Fail unless the CPU runs 4-level paging (CR4.LA57 clear, SDM Vol. 3A §4.1), which these tables assume. */
EFI_STATUS paging_check_cpu(void)
{
	UINT64 cr4;

	__asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
	if (cr4 & CR4_LA57)
		return loader_error(EFI_UNSUPPORTED, L"firmware runs 5-level paging (CR4.LA57); not supported");
	return EFI_SUCCESS;
}

/* Take one zeroed table page from the pool, NULL when exhausted. */
static UINT64 *table_new(struct table_pool *pool)
{
	UINT64 *t = pool->next;

	if (pool->left == 0)
		return NULL;
	pool->left--;
	pool->next += 512;
	return t;
}

/* The table `*entry` points to, creating it if empty; NULL when the pool is exhausted. */
static UINT64 *table_walk(UINT64 *entry, struct table_pool *pool)
{
	UINT64 *t;

	if (*entry & PTE_P)
		return (UINT64 *)(*entry & PTE_ADDR);
	t = table_new(pool);
	if (t)
		*entry = (UINT64)t | PTE_P | PTE_RW; /* physical == pointer under UEFI's identity map */
	return t;
}

/* Map the 2 MiB page at `va` to `pa` (both 2 MiB aligned); FALSE when the pool is exhausted. */
static BOOLEAN map_2m(UINT64 *pml4, UINT64 va, UINT64 pa, struct table_pool *pool)
{
	UINT64 *pdpt = table_walk(&pml4[(va >> 39) & 511], pool);
	UINT64 *pd = pdpt ? table_walk(&pdpt[(va >> 30) & 511], pool) : NULL;

	if (!pd)
		return FALSE;
	pd[(va >> 21) & 511] = pa | PTE_P | PTE_RW | PTE_PS;
	return TRUE;
}

/* Identity-map [0, top) with 2 MiB pages, then alias the same PDPTs at the direct map (PML4[256..]). */
static BOOLEAN map_ram(UINT64 *pml4, UINT64 top, struct table_pool *pool)
{
	for (UINT64 pa = 0; pa < top; pa += SIZE_2M)
		if (!map_2m(pml4, pa, pa, pool))
			return FALSE;
	for (UINT64 i = 0; i < (top + (1ull << 39) - 1) >> 39; i++)
		pml4[DIRECT_MAP_SLOT + i] = pml4[i];
	return TRUE;
}

/* Map the kernel span at its link address onto its 2 MiB aligned physical block. */
static BOOLEAN map_kernel(UINT64 *pml4, const struct boot_info *bi, struct table_pool *pool)
{
	UINT64 size = align_up(bi->kernel_size, SIZE_2M);

	for (UINT64 off = 0; off < size; off += SIZE_2M)
		if (!map_2m(pml4, bi->kernel_virt + off, bi->kernel_phys + off, pool))
			return FALSE;
	return TRUE;
}

/* Build the bootstrap tables in `mem` (zeroed, `pages` pages); returns the PML4's physical address, 0 if out of room. */
UINT64 paging_build(void *mem, UINT64 pages, UINT64 top, const struct boot_info *bi)
{
	struct table_pool pool = { .next = mem, .left = pages };
	UINT64 *pml4 = table_new(&pool);

	top = align_up(top, SIZE_1G);
	if (!pml4 || top > MAX_TOP)
		return 0;
	if (!map_ram(pml4, top, &pool) || !map_kernel(pml4, bi, &pool))
		return 0;
	return (UINT64)pml4;
}
