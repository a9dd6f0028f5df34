/*
 * kernel/procfs_sysctl.c - /proc/sys/vm: one number per file, read and written
 * as Linux's proc_dointvec_minmax does: a value out of range is refused with
 * -EINVAL and changes nothing.
 */
#include <limits.h>
#include "kernel/procfs_entries.h"
#include "kernel/sysctl.h"
#include "kernel/errno.h"
#include "mm/page_alloc.h"
#include "mm/watermark.h"

#define SWAPPINESS_MAX 200
#define OVERCOMMIT_NEVER 2

int vm_swappiness = 60;
int vm_overcommit_memory;

/* store_int: set *@var to @val if it lies in [@min, @max]; 0 or -EINVAL. */
static int store_int(int *var, long val, long min, long max)
{
	if (val < min || val > max)
		return -EINVAL;
	*var = (int)val;
	return 0;
}

int show_swappiness(struct seq_buf *s, struct process *p)
{
	(void)p;
	seq_printf(s, "%d\n", vm_swappiness);
	return 0;
}

int store_swappiness(struct process *p, long val)
{
	(void)p;
	return store_int(&vm_swappiness, val, 0, SWAPPINESS_MAX);
}

int show_overcommit_memory(struct seq_buf *s, struct process *p)
{
	(void)p;
	seq_printf(s, "%d\n", vm_overcommit_memory);
	return 0;
}

int store_overcommit_memory(struct process *p, long val)
{
	(void)p;
	return store_int(&vm_overcommit_memory, val, 0, OVERCOMMIT_NEVER);
}

int show_min_free_kbytes(struct seq_buf *s, struct process *p)
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
