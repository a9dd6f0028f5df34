/*
 * tests/kernel/test_ioremap.c - an ioremap mapping aliases its physical
 * address with the right bits (uncached, no-execute, kernel-only), is seen by
 * an address space created afterwards (the area's PML4 entry is shared), and
 * is gone, TLB entry included, after iounmap.
 */
#include "tests/kernel/selftest.h"
#include "arch/x86_64/probe.h"
#include "kernel/errno.h"
#include "mm/init.h"
#include "mm/ioremap.h"
#include "mm/mm.h"
#include "mm/page.h"
#include "mm/page_alloc.h"
#include "mm/pgtable.h"

#define OFFSET 0x10 /* not page aligned: ioremap keeps the offset */

SELFTEST(ioremap_uncached_alias)
{
	uint64_t pa = alloc_zeroed_page(NR_KERNEL_MISC), tables = vm_stat[NR_PAGETABLE], got, flags;
	EXPECT(pa != 0);
	volatile uint32_t *va = ioremap(pa + OFFSET, sizeof(*va));
	EXPECT(va != NULL);
	EXPECT((uint64_t)va >= IOREMAP_START && (uint64_t)va < IOREMAP_END && ((uint64_t)va & 0xfff) == OFFSET);
	EXPECT(translate(kernel_pml4, (uint64_t)va, &got, &flags));
	EXPECT(got == pa + OFFSET);
	EXPECT((flags & (PTE_RW | PTE_NX | PTE_PCD | PTE_PWT)) == (PTE_RW | PTE_NX | PTE_PCD | PTE_PWT));
	EXPECT(!(flags & PTE_US));
	*va = 0xdeadbeef;
	EXPECT(*(volatile uint32_t *)phys_to_virt(pa + OFFSET) == 0xdeadbeef);

	struct mm *mm = mm_create();
	EXPECT(mm != NULL);
	EXPECT(translate(mm->pml4, (uint64_t)va, &got, &flags) && got == pa + OFFSET);
	mm_destroy(mm);

	iounmap((void *)va, sizeof(*va));
	EXPECT(!translate(kernel_pml4, (uint64_t)va, &got, &flags));
	EXPECT(probe_read_u64((const void *)va, &got) == -EFAULT);
	EXPECT(vm_stat[NR_PAGETABLE] == tables);
	free_page_phys(pa, NR_KERNEL_MISC);
	return 0;
}
