/*
 * kernel/fs/proc/procfs_vmstat.c - /proc/vmstat and /proc/buddyinfo (Linux:
 * mm/vmstat.c, vmstat_show and frag_show).
 *
 * /proc/vmstat is "name value" per line, in Linux 6.1's order, with the
 * counters this kernel keeps (mm/page_alloc.h vm_stat, mm/vmstat.h
 * vm_events) under Linux's names; the file LRU and unevictable lists are
 * empty here (see procfs_meminfo.c). pgpgin/pgpgout count KiB moved by block
 * I/O, which here is only swap. Then, after Linux's, the teaching counters
 * that split pgfault by how each fault was resolved (mm/fault.c).
 */
#include "kernel/fs/proc/procfs_entries.h"
#include "mm/buddy.h"
#include "mm/lru.h"
#include "mm/meminfo.h"
#include "mm/page_alloc.h"
#include "mm/vmstat.h"
#include "mm/watermark.h"

struct vmstat_item {
	const char *name;
	uint64_t value;
};

/* show_items: one "name value" line per item. */
static void show_items(struct seq_file *s, const struct vmstat_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		seq_printf(s, "%s %lu\n", items[i].name, items[i].value);
}

/* show_page_counts: the zone and node page counters (Linux's first part). */
static void show_page_counts(struct seq_file *s)
{
	uint64_t swapcache = nr_swapcache_pages(); /* a scan of every frame: once */
	const struct vmstat_item items[] = {
		{ "nr_free_pages", nr_free_pages() },
		{ "nr_zone_inactive_anon", lru.nr_inactive },
		{ "nr_zone_active_anon", lru.nr_active },
		{ "nr_zone_inactive_file", 0 },
		{ "nr_zone_active_file", 0 },
		{ "nr_zone_unevictable", vm_stat[NR_FILE_PAGES] + vm_stat[NR_SHMEM] },
		{ "nr_inactive_anon", lru.nr_inactive },
		{ "nr_active_anon", lru.nr_active },
		{ "nr_inactive_file", 0 },
		{ "nr_active_file", 0 },
		{ "nr_unevictable", vm_stat[NR_FILE_PAGES] + vm_stat[NR_SHMEM] },
		{ "nr_slab_reclaimable", 0 },
		{ "nr_slab_unreclaimable", vm_stat[NR_SLAB] },
		{ "nr_anon_pages", vm_stat[NR_ANON_PAGES] },
		{ "nr_mapped", vm_stat[NR_FILE_PAGES] },
		{ "nr_file_pages", vm_stat[NR_FILE_PAGES] + vm_stat[NR_SHMEM] + swapcache }, /* Linux counts the swap cache and shmem here */
		{ "nr_shmem", vm_stat[NR_SHMEM] },
		{ "nr_kernel_stack", KB(vm_stat[NR_KERNEL_STACK]) }, /* in kB, as Linux's */
		{ "nr_page_table_pages", vm_stat[NR_PAGETABLE] },
		{ "nr_swapcached", swapcache },
	};
	show_items(s, items, sizeof(items) / sizeof(items[0]));
}

/* show_events: the event counters Linux has, in its order. */
static void show_events(struct seq_file *s)
{
	const struct vmstat_item items[] = {
		{ "pgpgin", KB(vm_events[PSWPIN]) },
		{ "pgpgout", KB(vm_events[PSWPOUT]) },
		{ "pswpin", vm_events[PSWPIN] },
		{ "pswpout", vm_events[PSWPOUT] },
		{ "allocstall_normal", vm_events[ALLOCSTALL] },
		{ "pgactivate", vm_events[PGACTIVATE] },
		{ "pgdeactivate", vm_events[PGDEACTIVATE] },
		{ "pgfault", vm_events[PGFAULT] },
		{ "pgmajfault", vm_events[PGMAJFAULT] },
		{ "pgrefill", vm_events[PGREFILL] },
		{ "pgreuse", vm_events[PGFAULT_COW_REUSE] },
		{ "pgsteal_kswapd", vm_events[PGSTEAL_KSWAPD] },
		{ "pgsteal_direct", vm_events[PGSTEAL_DIRECT] },
		{ "pgscan_kswapd", vm_events[PGSCAN_KSWAPD] },
		{ "pgscan_direct", vm_events[PGSCAN_DIRECT] },
		{ "pageoutrun", vm_events[PAGEOUTRUN] },
		{ "oom_kill", vm_events[OOM_KILL] },
		{ "swap_ra", vm_events[SWAP_RA] },
		{ "swap_ra_hit", vm_events[SWAP_RA_HIT] },
	};
	show_items(s, items, sizeof(items) / sizeof(items[0]));
}

/* show_fault_kinds: ours: every resolved fault by how it was resolved
 * (mm/fault.c's classifier); pgfault_segv counts the faults that killed. */
static void show_fault_kinds(struct seq_file *s)
{
	const struct vmstat_item items[] = {
		{ "pgfault_zero", vm_events[PGFAULT_ZERO] },
		{ "pgfault_file", vm_events[PGFAULT_FILE] },
		{ "pgfault_demand", vm_events[PGFAULT_DEMAND] },
		{ "pgfault_cow", vm_events[PGFAULT_COW] },
		{ "pgfault_cow_reuse", vm_events[PGFAULT_COW_REUSE] },
		{ "pgfault_stack", vm_events[PGFAULT_STACK] },
		{ "pgfault_segv", vm_events[PGFAULT_SEGV] },
	};
	show_items(s, items, sizeof(items) / sizeof(items[0]));
}

int show_vmstat(struct seq_file *s, struct process *p)
{
	(void)p;
	show_page_counts(s);
	show_events(s);
	show_fault_kinds(s);
	return 0;
}

/* show_buddyinfo: free blocks per order of our one zone (Linux: frag_show_print,
 * "Node %d, zone %8s " then "%6lu " per order). */
int show_buddyinfo(struct seq_file *s, struct process *p)
{
	(void)p;
	seq_printf(s, "Node 0, zone %8s ", "Normal");
	for (unsigned o = 0; o < MAX_ORDER; o++)
		seq_printf(s, "%6lu ", page_zone.free_area[o].nr_free);
	seq_printf(s, "\n");
	return 0;
}

/* show_zoneinfo: our one zone as Linux's /proc/zoneinfo begins it
 * (zoneinfo_show_print): free pages, then the watermarks (mm/watermark.c) and
 * the zone's size; the per-CPU and per-node statistics that follow on Linux
 * are left out (vmstat has the counters). */
int show_zoneinfo(struct seq_file *s, struct process *p)
{
	(void)p;
	seq_printf(s, "Node 0, zone %8s\n  pages free     %lu\n        boost    0\n", "Normal", nr_free_pages());
	seq_printf(s, "        min      %lu\n        low      %lu\n        high     %lu\n", wmark.min, wmark.low,
		   wmark.high);
	seq_printf(s, "        spanned  %lu\n        present  %lu\n        managed  %lu\n",
		   page_zone.end_pfn - page_zone.start_pfn, page_zone.managed, page_zone.managed);
	return 0;
}
