/*
 * kernel/fs/proc/procfs_stat.c - where the CPU's time went: /proc/stat, /proc/uptime,
 * /proc/loadavg (Linux: fs/proc/stat.c, uptime.c, loadavg.c), in clock ticks
 * of USER_HZ = HZ = 100 a second.
 *
 * Left at zero: nice, iowait (a swap-in wait counts as idle), irq, softirq,
 * steal and guest time, and the interrupt counts (the "intr" line): the
 * kernel does not count them. No load averages are computed (0.00).
 * procs_blocked is 0: no sleep here is uninterruptible.
 */
#include "kernel/fs/proc/procfs_entries.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/time.h"
#include "drivers/rtc.h"

#define NR_SOFTIRQS 10 /* Linux's softirq kinds: the "softirq" line's columns */

/* show_cpu_line: one "cpuN" line: user nice system idle iowait irq softirq steal guest guest_nice. */
static void show_cpu_line(struct seq_file *s, const char *name)
{
	seq_printf(s, "%s %lu 0 %lu %lu 0 0 0 0 0 0\n", name, cpu_ticks.user, cpu_ticks.system,
		   cpu_ticks.idle);
}

/* nr_running: processes runnable now, the caller included (Linux: nr_running()). */
static unsigned nr_running(void)
{
	unsigned n = 0;
	struct list_head *it;

	list_for_each(it, &process_list)
		n += list_entry(it, struct process, all)->state == PROC_RUNNABLE;
	return n;
}

int show_stat(struct seq_file *s, struct process *p)
{
	(void)p;
	show_cpu_line(s, "cpu "); /* "cpu  " with two blanks, as Linux */
	show_cpu_line(s, "cpu0");
	seq_printf(s, "intr 0\n");
	seq_printf(s, "ctxt %lu\n", nr_context_switches);
	seq_printf(s, "btime %lu\n", rtc_read_epoch() - uptime_ns() / NSEC_PER_SEC);
	seq_printf(s, "processes %d\n", last_pid());
	seq_printf(s, "procs_running %u\n", nr_running());
	seq_printf(s, "procs_blocked 0\n");
	seq_printf(s, "softirq 0");
	for (int i = 0; i < NR_SOFTIRQS; i++)
		seq_printf(s, " 0");
	seq_printf(s, "\n");
	return 0;
}

/* show_uptime: seconds since boot and seconds idle, with two decimals. */
int show_uptime(struct seq_file *s, struct process *p)
{
	uint64_t centisecs = uptime_ns() / (NSEC_PER_SEC / 100);
	uint64_t idle = cpu_ticks.idle * (100 / HZ);

	(void)p;
	seq_printf(s, "%lu.%02lu %lu.%02lu\n", centisecs / 100, centisecs % 100, idle / 100, idle % 100);
	return 0;
}

/* show_loadavg: "0.00 0.00 0.00 RUNNING/ALL LASTPID". */
int show_loadavg(struct seq_file *s, struct process *p)
{
	(void)p;
	seq_printf(s, "0.00 0.00 0.00 %u/%d %d\n", nr_running(), nr_threads, last_pid());
	return 0;
}
