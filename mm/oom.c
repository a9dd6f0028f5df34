/* mm/oom.c - the OOM killer (see oom.h). */
#include "mm/oom.h"
#include "mm/mm.h"
#include "mm/page_alloc.h"
#include "mm/pgtable.h"
#include "mm/swap.h"
#include "mm/vmstat.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/printk.h"
#include "kernel/errno.h"
#include "kernel/fs/vfs.h"

int64_t oom_badness(uint64_t rss, uint64_t swap, uint64_t pgtables, uint64_t pinned, int adj, uint64_t totalpages)
{
	/* LAB oom BEGIN: Linux's oom_badness: never (OOM_NEVER) for adj -1000; else every page the process would give back (resident, swapped, page tables, pinned) plus adj thousandths of all memory, at least 1 */
	int64_t points;

	if (adj == OOM_SCORE_ADJ_MIN)
		return OOM_NEVER;
	/* adj / 1000 of all memory, multiplied first: stays exact when memory is tiny */
	points = (int64_t)(rss + swap + pgtables + pinned) + (int64_t)adj * (int64_t)totalpages / 1000;
	return points > 0 ? points : 1;
	/* LAB oom END: (void)swap, (void)pgtables, (void)pinned, (void)adj, (void)totalpages; return rss ? (int64_t)rss : 1; */
}

/* total_pages: RAM the buddy manages plus swap slots: what adj is a fraction of. */
static uint64_t total_pages(void)
{
	return page_zone.managed + nr_swap_slots();
}

/* killable: may the OOM killer choose @p at all? Not a victim reaped already
 * (Linux: oom_evaluate_task skips MMF_OOM_SKIP). */
static bool killable(struct process *p)
{
	return p->mm && !p->kthread && p->pid != 1 && p->state != PROC_ZOMBIE && !(p->mm->flags & MMF_OOM_SKIP);
}

/* badness_of: oom_badness of @p now. */
static int64_t badness_of(struct process *p)
{
	return oom_badness(p->mm->rss, p->mm->swap_ents, pt_count_tables(p->mm->pml4), files_pinned_pages(p),
			   p->oom_score_adj, total_pages());
}

uint64_t oom_score(struct process *p)
{
	int64_t badness;

	if (!killable(p))
		return 0;
	badness = badness_of(p);
	if (badness == OOM_NEVER)
		return 0;
	return (uint64_t)((1000 + badness * 1000 / (int64_t)total_pages()) * 2 / 3);
}

int set_oom_score_adj(struct process *p, long adj)
{
	if (adj < OOM_SCORE_ADJ_MIN || adj > OOM_SCORE_ADJ_MAX)
		return -EINVAL;
	p->oom_score_adj = (int)adj;
	return 0;
}

/* total_vm: the pages @mm's VMAs span (VmSize). */
static uint64_t total_vm(struct mm *mm)
{
	struct vm_area *vma;
	uint64_t pages = 0;

	for_each_vma(mm, vma)
		pages += (vma->end - vma->start) / PAGE_SIZE;
	return pages;
}

/* dump_candidate: one line of the table Linux's dump_tasks prints. */
static void dump_candidate(struct process *p)
{
	pr_info("[%7d] %5u %5d %8lu %8lu %14lu %8lu %13d %s\n", p->pid, p->cred.uid.real, p->pid, total_vm(p->mm),
		p->mm->rss, pt_count_tables(p->mm->pml4) * PAGE_SIZE, p->mm->swap_ents, p->oom_score_adj,
		p->comm);
}

/* select_victim: the killable process with the highest badness, logging each
 * candidate; NULL when none. */
static struct process *select_victim(void)
{
	struct process *victim = NULL, *p;
	int64_t worst = 0;
	struct list_head *it;

	pr_info("Tasks state (memory values in pages):\n");
	pr_info("[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n");
	list_for_each(it, &process_list) {
		int64_t points;

		p = list_entry(it, struct process, all);
		if (!killable(p))
			continue;
		dump_candidate(p);
		points = badness_of(p);
		if (points != OOM_NEVER && points > worst) {
			worst = points;
			victim = p;
		}
	}
	return victim;
}

/* wait_for_exit: let the killed process @pid run until it has released its memory. */
static void wait_for_exit(int pid)
{
	struct process *p;

	while ((p = find_process(pid)) && p->mm && !fatal_signal_pending(current))
		schedule(); /* current stays runnable: the victim and the others run */
}

/* exiting_victim: an earlier victim (not current) that still holds memory it
 * will free by itself (not reaped yet: a victim that chose itself), or NULL. */
static struct process *exiting_victim(void)
{
	struct list_head *it;

	list_for_each(it, &process_list) {
		struct process *p = list_entry(it, struct process, all);

		if (p->oom_victim && p->mm && !(p->mm->flags & MMF_OOM_SKIP) && p != current)
			return p;
	}
	return NULL;
}

/* Before anything is printed, as Linux's out_of_memory: a dying current frees
 * its own memory (task_will_free_mem), and an earlier victim still exiting
 * aborts the scan (oom_evaluate_task): its memory is on its way back. Without
 * this every process that faulted while a victim was dying dumped the whole
 * task list, and the victim waited behind the dumps (a fork bomb's storm). */
/* kill_mm_sharers: SIGKILL every other process using @victim's mm (a vfork
 * child, or the parent it borrowed the mm from): the reaper empties the mm
 * under all of them. false when one may not die (init): then the mm is left
 * alone and skipped from now on (Linux's __oom_kill_process). */
static bool kill_mm_sharers(struct process *victim)
{
	struct mm *mm = victim->mm;
	bool can_reap = true;
	struct list_head *it;

	if (mm->mm_users == 1)
		return true;
	list_for_each(it, &process_list) {
		struct process *p = list_entry(it, struct process, all);
		if (p == victim || p->mm != mm)
			continue;
		if (p->pid == 1) {
			can_reap = false;
			mm->flags |= MMF_OOM_SKIP;
			pr_info("oom killer %d (%s) has mm pinned by %d (%s)\n", victim->pid, victim->comm,
				p->pid, p->comm);
			continue;
		}
		p->oom_victim = true;
		send_signal(p, SIGKILL);
	}
	return can_reap;
}

bool out_of_memory(void)
{
	struct process *victim;

	if (fatal_signal_pending(current))
		return false;
	if (exiting_victim()) {
		while ((victim = exiting_victim()) && !fatal_signal_pending(current))
			wait_for_exit(victim->pid);
		return !fatal_signal_pending(current);
	}
	pr_warn("%s invoked oom-killer: free %lu pages, swap free %lu of %lu slots\n", current->comm,
		nr_free_pages(), nr_free_swap_slots(), nr_swap_slots());
	victim = select_victim();
	if (!victim) {
		pr_err("Out of memory and no killable processes: the allocation fails\n");
		return false;
	}
	pr_err("Out of memory: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, swap:%lukB, oom_score_adj:%d\n",
	       victim->pid, victim->comm, total_vm(victim->mm) * 4, victim->mm->rss * 4,
	       victim->mm->swap_ents * 4, victim->oom_score_adj);
	count_vm_event(OOM_KILL);
	victim->oom_victim = true;
	send_signal(victim, SIGKILL);
	bool can_reap = kill_mm_sharers(victim);
	if (victim == current)
		return false;
	if (can_reap)
		oom_reap_task(victim); /* its memory now, not when it next runs */
	return true;
}
