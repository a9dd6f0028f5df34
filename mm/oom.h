/*
 * mm/oom.h - the OOM killer: when reclaim cannot free memory and no swap is
 * left, kill the process whose death frees the most (Linux: mm/oom_kill.c).
 *
 * badness = resident pages + swap entries + page-table pages
 *         + pages its open files pin in the kernel (/proc read buffers: ours;
 *           Linux does not count them, and one process once held 241 MB so)
 *         + oom_score_adj / 1000 of all memory (RAM + swap)
 * oom_score_adj is -1000..1000; -1000 means never. Kernel threads and init
 * are never chosen. The kernel itself never dies of OOM: with nothing to
 * kill, the allocation fails and the process that asked gets the error.
 */
#ifndef MM_OOM_H
#define MM_OOM_H

#include <stdbool.h>
#include <stdint.h>

#define OOM_SCORE_ADJ_MIN (-1000)
#define OOM_SCORE_ADJ_MAX 1000
#define OOM_NEVER INT64_MIN /* oom_badness of a process that must not be chosen */

struct process;
struct mm;

/* oom_badness: the score of a process with @rss resident pages, @swap swap
 * entries, @pgtables table pages, @pinned pages its files hold in the kernel
 * and @adj, out of @totalpages (RAM + swap pages); OOM_NEVER for adj -1000;
 * at least 1 otherwise (Linux: oom_badness, without @pinned). */
int64_t oom_badness(uint64_t rss, uint64_t swap, uint64_t pgtables, uint64_t pinned, int adj, uint64_t totalpages);

/* oom_score: /proc/PID/oom_score of @p as Linux computes it since 5.9:
 * (1000 + badness per 1000 of all memory) * 2 / 3, 0 for adj -1000. */
uint64_t oom_score(struct process *p);

/* set_oom_score_adj: give @p the adjustment @adj; -EINVAL outside -1000..1000. */
int set_oom_score_adj(struct process *p, long adj);

/* out_of_memory: log the candidates, kill the worst with SIGKILL and reap its
 * memory (oom_reap_task), or wait while an earlier victim exits. True when the
 * caller may retry its allocation; false when the caller itself was chosen,
 * or nothing could be killed. May sleep. */
bool out_of_memory(void);

/* oom_reap_mm: unmap every page of @mm's private VMAs (resident or swapped),
 * keeping its page tables, VMAs and shared mappings, then set MMF_OOM_SKIP; an
 * mm with it set is left alone (mm/oom_reaper.c). Does not sleep. */
void oom_reap_mm(struct mm *mm);

/* oom_reap_task: oom_reap_mm of the killed @victim's mm (not current's), with
 * Linux's log line; nothing when it has no mm or was reaped already. */
void oom_reap_task(struct process *victim);

#endif
