/* mm/vmstat.c - the system-wide memory event counters (see vmstat.h). */
#include "mm/vmstat.h"
#include "kernel/printk.h"

uint64_t vm_events[NR_VM_EVENTS];

void vmstat_log(void)
{
	pr_info("vmstat: pgfault %lu pgmajfault %lu pswpin %lu pswpout %lu pgscan_kswapd %lu pgscan_direct %lu "
		"pgsteal_kswapd %lu pgsteal_direct %lu pageoutrun %lu allocstall %lu oom_kill %lu\n",
		vm_events[PGFAULT], vm_events[PGMAJFAULT], vm_events[PSWPIN], vm_events[PSWPOUT],
		vm_events[PGSCAN_KSWAPD], vm_events[PGSCAN_DIRECT], vm_events[PGSTEAL_KSWAPD],
		vm_events[PGSTEAL_DIRECT], vm_events[PAGEOUTRUN], vm_events[ALLOCSTALL], vm_events[OOM_KILL]);
}
