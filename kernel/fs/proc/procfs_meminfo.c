/*
 * kernel/fs/proc/procfs_meminfo.c - /proc/meminfo, in Linux 6.1's order and layout
 * (fs/proc/meminfo.c: show_val_kb prints "Name:" padded to 16 columns, the
 * value in kB right-aligned in 8). Lines Linux prints only with options we do
 * not have (CONFIG_HIGHMEM, ZSWAP, TRANSPARENT_HUGEPAGE, CMA, HUGETLBFS,
 * MEMORY_FAILURE) are left out, as such a Linux leaves them out; the arch
 * lines (DirectMap*) too. Every other line is there, zero where this kernel
 * has no such thing:
 *
 *   Buffers          no block-device cache
 *   Active/Inactive(file)  the page cache is on no LRU list: it is freed with
 *                    its last mapping, never reclaimed, so it is Unevictable
 *                    (as Linux's ramfs pages, the closest thing to our initrd)
 *   Dirty, Writeback a file page is never written; pages on their way to swap
 *                    are not counted
 *   Shmem            tmpfs file pages (NR_SHMEM), also in Cached as Linux
 *                    counts them; they are not reclaimed yet, so they are
 *                    Unevictable. MAP_SHARED anonymous pages have no shmem
 *                    object behind them: they are counted in AnonPages
 *   KReclaimable, SReclaimable  kmalloc has no reclaimable caches
 *   SecPageTables, NFS_Unstable, Bounce, WritebackTmp, Vmalloc*, Percpu  none here
 *
 * Mlocked counts the frames of mlock'd VMAs; those anonymous pages stay on the
 * active/inactive lists (reclaim passes them by), where Linux moves them to
 * the unevictable list: they are not in Unevictable here.
 */
#include "kernel/fs/proc/procfs_entries.h"
#include "mm/lru.h"
#include "mm/meminfo.h"
#include "mm/page_alloc.h"
#include "mm/swap.h"

/* show_kb: one "Name:           NNNNNNNN kB" line (Linux: show_val_kb). */
static void show_kb(struct seq_file *s, const char *name, uint64_t kb)
{
	seq_printf(s, "%-16s%8lu kB\n", name, kb);
}

/* show_lru: the LRU lines: only anonymous pages are on lists; the page cache is unevictable. */
static void show_lru(struct seq_file *s)
{
	show_kb(s, "Active:", KB(lru.nr_active));
	show_kb(s, "Inactive:", KB(lru.nr_inactive));
	show_kb(s, "Active(anon):", KB(lru.nr_active));
	show_kb(s, "Inactive(anon):", KB(lru.nr_inactive));
	show_kb(s, "Active(file):", 0);
	show_kb(s, "Inactive(file):", 0);
	show_kb(s, "Unevictable:", KB(vm_stat[NR_FILE_PAGES] + vm_stat[NR_SHMEM]));
	show_kb(s, "Mlocked:", KB(nr_mlocked_pages()));
}

/* show_kernel: slab, kernel stacks and page tables. */
static void show_kernel(struct seq_file *s)
{
	show_kb(s, "KReclaimable:", 0);
	show_kb(s, "Slab:", KB(vm_stat[NR_SLAB]));
	show_kb(s, "SReclaimable:", 0);
	show_kb(s, "SUnreclaim:", KB(vm_stat[NR_SLAB]));
	show_kb(s, "KernelStack:", KB(vm_stat[NR_KERNEL_STACK]));
	show_kb(s, "PageTables:", KB(vm_stat[NR_PAGETABLE]));
	show_kb(s, "SecPageTables:", 0);
	show_kb(s, "NFS_Unstable:", 0);
	show_kb(s, "Bounce:", 0);
	show_kb(s, "WritebackTmp:", 0);
}

int show_meminfo(struct seq_file *s, struct process *p)
{
	(void)p;
	show_kb(s, "MemTotal:", KB(page_zone.managed));
	show_kb(s, "MemFree:", KB(nr_free_pages()));
	show_kb(s, "MemAvailable:", KB(si_mem_available()));
	show_kb(s, "Buffers:", 0);
	show_kb(s, "Cached:", KB(vm_stat[NR_FILE_PAGES] + vm_stat[NR_SHMEM]));
	show_kb(s, "SwapCached:", KB(nr_swapcache_pages()));
	show_lru(s);
	show_kb(s, "SwapTotal:", KB(nr_swap_slots()));
	show_kb(s, "SwapFree:", KB(nr_free_swap_slots()));
	show_kb(s, "Dirty:", 0);
	show_kb(s, "Writeback:", 0);
	show_kb(s, "AnonPages:", KB(vm_stat[NR_ANON_PAGES]));
	show_kb(s, "Mapped:", KB(vm_stat[NR_FILE_PAGES])); /* every cache page is mapped */
	show_kb(s, "Shmem:", KB(vm_stat[NR_SHMEM]));
	show_kernel(s);
	show_kb(s, "CommitLimit:", KB(vm_commit_limit()));
	show_kb(s, "Committed_AS:", KB(committed_pages()));
	show_kb(s, "VmallocTotal:", 0);
	show_kb(s, "VmallocUsed:", 0);
	show_kb(s, "VmallocChunk:", 0);
	show_kb(s, "Percpu:", 0);
	return 0;
}
