/*
 * mm/mm.c - an address space's life: created empty, copied by fork, destroyed
 * at exit (Linux: mm_alloc, dup_mm, mmput in kernel/fork.c).
 *
 * Every PML4 shares the kernel half (entries 256..511) by copying the kernel
 * PML4's entries, as Linux's pgd_alloc does. The copies are taken once:
 * a kernel-half PML4 entry added to kernel_pml4 later would exist in no
 * process's PML4, and the kernel would fault on it with a process's CR3 loaded.
 * So mm_seal_kernel_half closes the kernel half at boot: from then on the
 * walker panics where a new kernel-half PML4 entry would be made
 * (pt_seal_kernel_half), the one place it could happen. The PDPTs below
 * those entries are never freed (mm/pgtable.c), so a copied entry never dangles.
 * Lock: as mm/mm.h.
 */
#include "mm/mm.h"
#include "mm/tlb.h"
#include "mm/vma.h"
#include "mm/memory.h"
#include "mm/mmap.h"
#include "mm/init.h"
#include "mm/kmalloc.h"
#include "mm/page.h"
#include "mm/pgtable.h"
#include "kernel/panic.h"
#include "kernel/lib/string.h"

static bool sealed;
static unsigned long live_mms; /* mm_create'd and not yet destroyed */
LIST_HEAD_DEF(mm_list);

/* kernel_half: the kernel-half entries of the PML4 at physical @root. */
static pte_t *kernel_half(uint64_t root)
{
	return (pte_t *)phys_to_virt(root) + KERNEL_PML4_INDEX;
}

/* mm_seal_kernel_half: close kernel_pml4's kernel half; panics if an mm already copied it. */
void mm_seal_kernel_half(void)
{
	if (live_mms)
		panic("mm_seal_kernel_half: %lu address spaces already exist", live_mms);
	pt_seal_kernel_half(kernel_pml4);
	sealed = true;
}

/* mm_create: kzalloc'd mm, a new PML4 with the sealed kernel half, no VMA; NULL on no memory. */
struct mm *mm_create(void)
{
	struct mm *mm;

	if (!sealed)
		panic("mm_create: mm_seal_kernel_half has not run");
	mm = kzalloc(sizeof(*mm));
	if (!mm)
		return NULL;
	mm->pml4 = pt_alloc_root();
	if (!mm->pml4) {
		kfree(mm);
		return NULL;
	}
	/* Not through map_page: the root's entry count covers the user half only,
	 * which is all pt_free_tree and the pruning ever look at. */
	memcpy(kernel_half(mm->pml4), kernel_half(kernel_pml4), (PT_ENTRIES - KERNEL_PML4_INDEX) * sizeof(pte_t));
	list_init(&mm->vmas);
	list_add_tail(&mm->mmlist, &mm_list);
	mm->mmap_base = MMAP_BASE;
	mm->mm_users = 1;
	live_mms++;
	return mm;
}

/* mm_destroy: unmap all (vma_unmap drops every frame), check nothing is left, free tables and mm. */
void mm_destroy(struct mm *mm)
{
	if (vma_unmap(mm, 0, USER_VA_END))
		panic("mm_destroy: unmapping everything needed a split");
	if (mm->rss)
		panic("mm_destroy: %lu pages were mapped outside every VMA", mm->rss);
	if (mm->swap_ents)
		panic("mm_destroy: %lu swap entries were outside every VMA", mm->swap_ents);
	pt_free_tree(mm->pml4);
	list_del(&mm->mmlist);
	live_mms--;
	kfree(mm);
}

void mmput(struct mm *mm)
{
	if (mm->mm_users <= 0)
		panic("mmput: mm %p has no users", (void *)mm);
	if (--mm->mm_users == 0)
		mm_destroy(mm);
}

/*
 * share_untouched: give every untouched page of a MAP_SHARED @vma its frame
 * now, so that parent and child share it from the start. Linux backs shared
 * anonymous memory with a shmem file whose pages both find on their first
 * touch; we have no such object, so fork allocates what was not touched yet.
 * 0 or -ENOMEM.
 */
static int share_untouched(struct mm *parent, const struct vm_area *vma)
{
	if (!(vma->flags & VM_SHARED))
		return 0;
	return mm_populate(parent, vma->start, vma->end - vma->start);
}

/* mm_fork: a new mm with @parent's layout, VMAs and pages (copy_range); NULL, nothing leaked, on no memory. */
struct mm *mm_fork(struct mm *parent)
{
	struct mm *child = mm_create();
	struct vm_area *vma;
	bool locked = parent->def_flags & VM_LOCKED;
	uint64_t root;

	if (!child)
		return NULL;
	root = child->pml4;
	list_del(&child->mmlist);
	*child = *parent; /* brk, stack, mmap_base, argv/envp ranges: the same layout */
	child->pml4 = root;
	list_init(&child->vmas);
	child->vma_tree = RB_ROOT;
	child->map_count = 0;
	child->flags = 0;
	child->mm_users = 1;
	list_add_tail(&child->mmlist, &mm_list);
	child->cache = NULL;
	child->rss = 0;
	child->swap_ents = 0;
	if (vma_copy_all(child, parent))
		goto fail;
	for_each_vma(parent, vma) {
		locked |= vma->flags & VM_LOCKED;
		if (share_untouched(parent, vma) || copy_range(child, parent, vma))
			goto fail;
	}
	flush_tlb_all(); /* the parent's private pages just became read-only: one flush for all */
	if (locked)
		do_munlockall(child); /* mlock is not inherited (Linux: VM_LOCKED cleared in dup_mmap) */
	return child;
fail:
	flush_tlb_all();
	mm_destroy(child); /* its VMAs say where its pages are */
	return NULL;
}
