/*
 * mm/mm_switch.c - loading an address space into CR3 (Linux: switch_mm).
 * Apart from mm/mm.c so the host tests, which cannot write CR3, leave it out.
 */
#include "mm/mm.h"
#include "mm/init.h"
#include "mm/pgtable.h"
#include "arch/x86_64/cpu.h"

/* mm_switch: CR3 = @mm's PML4 (kernel_pml4 for NULL); no write, and so no TLB flush, when already loaded. */
void mm_switch(struct mm *mm)
{
	uint64_t root = mm ? mm->pml4 : kernel_pml4;

	if ((read_cr3() & PTE_ADDR) != root)
		write_cr3(root);
}
