/*
 * mm/oom_reaper.c - give back an OOM victim's memory without waiting for it to
 * run (Linux: the oom_reaper of mm/oom_kill.c, __oom_reap_task_mm).
 *
 * A victim frees its memory only when it next runs and reaches do_exit: if it
 * is asleep on the disk, or many processes are ahead of it, every allocation
 * meanwhile waits. The reaper unmaps the victim's private memory from outside
 * at once: anonymous and private file pages, resident or swapped. Shared
 * mappings stay (other processes see those pages), and so do the page tables,
 * the VMAs and the kernel stack: the victim may be asleep in a fault or a
 * system call holding a pointer into its tables, and it re-checks any entry it
 * read before it slept, as it must for kswapd's unmaps already.
 *
 * Linux reaps from a kernel thread because the killer may hold locks the
 * reaper needs; here the killer holds none (one CPU, no preemption, the victim
 * off the CPU), so out_of_memory reaps in place, as process_mrelease(2) does.
 */
#include "mm/oom.h"
#include "mm/memory.h"
#include "mm/mm.h"
#include "kernel/proc.h"
#include "kernel/printk.h"

void oom_reap_mm(struct mm *mm)
{
	struct vm_area *vma;

	if (mm->flags & MMF_OOM_SKIP)
		return;
	for_each_vma(mm, vma)
		if (!(vma->flags & VM_SHARED))
			unmap_page_range(mm, vma->start, vma->end);
	mm->flags |= MMF_OOM_SKIP;
}

void oom_reap_task(struct process *victim)
{
	struct mm *mm = victim->mm;

	if (!mm || (mm->flags & MMF_OOM_SKIP))
		return;
	oom_reap_mm(mm);
	pr_info("oom_reaper: reaped process %d (%s), now rss:%lukB, swap:%lukB\n", victim->pid, victim->comm,
		mm->rss * (PAGE_SIZE / 1024), mm->swap_ents * (PAGE_SIZE / 1024));
}
