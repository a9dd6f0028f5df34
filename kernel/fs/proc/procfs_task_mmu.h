/*
 * kernel/fs/proc/procfs_task_mmu.h - what an address space holds, counted the way
 * /proc/PID/status and statm report it (Linux: fs/proc/task_mmu.c, task_mem
 * and task_statm, from the mm counters Linux keeps as it maps).
 */
#ifndef KERNEL_PROCFS_TASK_MMU_H
#define KERNEL_PROCFS_TASK_MMU_H

#include <stdint.h>

struct mm;

/* In pages. */
struct mm_usage {
	uint64_t total_vm;  /* every VMA (VmSize) */
	uint64_t data_vm;   /* private writable, not the stack (VmData) */
	uint64_t stack_vm;  /* the stack (VmStk) */
	uint64_t exec_vm;   /* executable, not writable (VmExe: programs are static, no VmLib) */
	uint64_t locked_vm; /* mlock'd (VmLck) */
	uint64_t rss_anon, rss_file, rss_shmem; /* resident frames by kind (RssAnon, RssFile, RssShmem) */
	uint64_t swap;      /* swap entries (VmSwap) */
	uint64_t pgtables;  /* page-table pages, the PML4 included (VmPTE) */
};

/* mm_vm_usage: the VMA sizes of @mm into @u (total_vm to locked_vm; the rest
 * 0), from the VMA list alone. */
void mm_vm_usage(struct mm *mm, struct mm_usage *u);

/* mm_usage: count @mm into @u: mm_vm_usage and the rest. Resident frames: mm->rss split by a walk of the
 * page tables (mm/meminfo.h vma_frames): page-cache frames are RssFile, the
 * other frames of MAP_SHARED VMAs RssShmem (Linux backs them with shmem), the
 * rest RssAnon. */
void mm_usage(struct mm *mm, struct mm_usage *u);

#endif
