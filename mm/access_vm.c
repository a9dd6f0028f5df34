/* mm/access_vm.c - reading an address space from the kernel (see access_vm.h). */
#include "mm/access_vm.h"
#include "mm/mm.h"
#include "mm/page.h"
#include "mm/pgtable.h"
#include "kernel/string.h"

size_t copy_from_mm(struct mm *mm, void *dst, uint64_t va, size_t n)
{
	size_t done = 0;

	while (done < n) {
		uint64_t pa, flags;
		size_t chunk = PAGE_SIZE - (va & (PAGE_SIZE - 1));
		if (chunk > n - done)
			chunk = n - done;
		if (va >= USER_VA_END || !translate(mm->pml4, va, &pa, &flags) || !(flags & PTE_US))
			break;
		memcpy((uint8_t *)dst + done, phys_to_virt(pa), chunk);
		done += chunk;
		va += chunk;
	}
	return done;
}
