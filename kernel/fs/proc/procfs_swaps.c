/*
 * kernel/fs/proc/procfs_swaps.c - /proc/swaps (Linux: mm/swapfile.c, swap_show): a
 * header, then one line per swap area. Ours is at most one, the first virtio
 * disk used whole (mm/swapon.h), so a "partition", with the priority Linux
 * gives the first area swapped on without one (-2). Without swap, only the
 * header. Size counts the slots that can hold pages, as Linux's.
 */
#include "kernel/fs/proc/procfs_entries.h"
#include "kernel/lib/string.h"
#include "mm/page.h"
#include "mm/swap.h"
#include "mm/swapon.h"

/* show_swaps: Linux's "%*s%s\t%lu\t%s%lu\t%s%d\n": the name padded to 40
 * columns, sizes in KiB, an extra tab after a size of fewer than 8 digits. */
int show_swaps(struct seq_file *s, struct process *p)
{
	uint64_t size = KB(nr_swap_slots());
	uint64_t used = size - KB(nr_free_swap_slots());

	(void)p;
	seq_printf(s, "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n");
	if (!swap_area)
		return 0;
	int len = (int)strlen(swap_area->path);
	seq_printf(s, "%s%*s%s\t%lu\t%s%lu\t%s%d\n", swap_area->path, len < 40 ? 40 - len : 1, " ",
		   "partition", size, size < 10000000 ? "\t" : "", used, used < 10000000 ? "\t" : "",
		   SWAP_PRIORITY);
	return 0;
}
