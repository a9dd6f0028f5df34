/*
 * kernel/fs/proc/procfs_sysctl.c - /proc/sys/vm: one number per file, read and written
 * as Linux's proc_dointvec_minmax does: a value out of range is refused with
 * -EINVAL and changes nothing. Most are an int and its range in the table of
 * kernel/fs/proc/procfs.c; min_free_kbytes has its own, which recomputes the watermarks.
 */
#include <limits.h>
#include "kernel/fs/proc/procfs_entries.h"
#include "kernel/sysctl.h"
#include "kernel/errno.h"
#include "mm/page_alloc.h"
#include "mm/watermark.h"

int vm_swappiness = 60;
int vm_overcommit_memory;

void show_int_sysctl(struct seq_file *s, const struct proc_entry *e)
{
	seq_printf(s, "%d\n", *e->data);
}

int store_int_sysctl(const struct proc_entry *e, long val)
{
	if (val < e->min || val > e->max)
		return -EINVAL;
	*e->data = (int)val;
	return 0;
}

int show_min_free_kbytes(struct seq_file *s, struct process *p)
{
	(void)p;
	seq_printf(s, "%lu\n", min_free_kbytes);
	return 0;
}

/* store_min_free_kbytes: new watermarks (Linux: min_free_kbytes_sysctl_handler);
 * 0 asks mm/watermark.c for the default again; -EINVAL when the watermarks
 * would not leave a quarter of memory free above them. */
int store_min_free_kbytes(struct process *p, long val)
{
	(void)p;
	if (val < 0 || val > INT_MAX)
		return -EINVAL;
	return setup_watermarks((uint64_t)val, page_zone.managed);
}
