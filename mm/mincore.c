/*
 * mm/mincore.c - mincore(2): which pages of a range are in memory (Linux:
 * mm/mincore.c). A page is resident when its PTE is present (the zero page
 * and PROT_NONE pages too, as Linux counts them), or when it is swapped out
 * but its frame is still in the swap cache; a page never touched is not.
 * A tmpfs page no PTE of this mm maps yet counts as not resident (Linux
 * looks in the file's page cache).
 */
#include "kernel/syscalls.h"
#include "kernel/proc.h"
#include "kernel/errno.h"
#include "kernel/uaccess.h"
#include "mm/mm.h"
#include "mm/pgtable.h"
#include "mm/swap.h"
#include "mm/swap_state.h"

#define CHUNK 64 /* pages per copy to the user's vector */

/* page_resident: 1 when the page at @va of @mm is in memory, else 0. */
static uint8_t page_resident(struct mm *mm, uint64_t va)
{
	pte_t *e = walk(mm->pml4, va, PT_PTE, false);

	if (!e || !*e)
		return 0;
	if (is_swap_pte(*e))
		return swapcache_has(swp_slot(*e)) ? 1 : 0;
	return 1;
}

long sys_mincore(uint64_t start, size_t len, uint8_t *vec)
{
	struct mm *mm = current->mm;
	uint8_t chunk[CHUNK];

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (start >= USER_VA_END || len > USER_VA_END - start)
		return -ENOMEM; /* Linux: !access_ok of the range */
	uint64_t pages = (len + PAGE_SIZE - 1) / PAGE_SIZE;
	if (!access_ok((uint64_t)vec, pages))
		return -EFAULT;
	for (uint64_t done = 0; done < pages;) {
		unsigned n = pages - done < CHUNK ? (unsigned)(pages - done) : CHUNK;
		for (unsigned i = 0; i < n; i++) {
			uint64_t va = start + (done + i) * PAGE_SIZE;
			if (!vma_lookup(mm, va))
				return -ENOMEM; /* a hole in the range */
			chunk[i] = page_resident(mm, va);
		}
		if (copy_to_user(vec + done, chunk, n))
			return -EFAULT;
		done += n;
	}
	return 0;
}
