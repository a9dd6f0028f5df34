/*
 * user/vmstat.c - vmstat [DELAY [COUNT]]: processes, memory, swap, I/O and
 * CPU, one line per DELAY seconds, in procps-ng 4.0 vmstat(8)'s layout and
 * arithmetic (its new_format()):
 *
 *   r b        procs_running, procs_blocked (/proc/stat)
 *   swpd free buff cache   SwapTotal-SwapFree, MemFree, Buffers, Cached+SReclaimable (kB)
 *   si so      KiB swapped in / out a second (pswpin, pswpout x 4 KiB: /proc/vmstat)
 *   bi bo      KiB read / written a second (pgpgin, pgpgout)
 *   in cs      interrupts and context switches a second (/proc/stat intr, ctxt)
 *   us sy id wa st   percent of CPU time: user+nice, system+irq+softirq, idle, iowait, steal
 *
 * The first line averages since boot, per second of CPU time; the next ones
 * cover each DELAY. Without DELAY, one line; with DELAY and no COUNT, forever.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "lib/procfs.h"

#define PAGE_KB 4

/* One look at the counters. */
struct sample {
	unsigned long long cpu[5]; /* us sy id wa st, in clock ticks */
	unsigned long long swpin, swpout, pgin, pgout, intr, ctxt;
	unsigned long long running, blocked, swpd, free, buff, cache;
};

/* take: read /proc/stat, /proc/vmstat and /proc/meminfo into @s; 0 or -1. */
static int take(struct sample *s)
{
	static char stat[8192], vm[8192], mem[8192];
	unsigned long long user, nice, sys, idle, iowait, irq, softirq, steal;

	if (read_text("/proc/stat", stat, sizeof(stat)) < 0 || read_text("/proc/vmstat", vm, sizeof(vm)) < 0 ||
	    read_text("/proc/meminfo", mem, sizeof(mem)) < 0)
		return -1;
	if (sscanf(stat, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &user, &nice, &sys, &idle, &iowait,
		   &irq, &softirq, &steal) != 8)
		return -1;
	*s = (struct sample){
		.cpu = { user + nice, sys + irq + softirq, idle, iowait, steal },
		.swpin = line_value(vm, "pswpin "), .swpout = line_value(vm, "pswpout "),
		.pgin = line_value(vm, "pgpgin "), .pgout = line_value(vm, "pgpgout "),
		.intr = line_value(stat, "intr "), .ctxt = line_value(stat, "ctxt "),
		.running = line_value(stat, "procs_running "), .blocked = line_value(stat, "procs_blocked "),
		.swpd = line_value(mem, "SwapTotal:") - line_value(mem, "SwapFree:"),
		.free = line_value(mem, "MemFree:"), .buff = line_value(mem, "Buffers:"),
		.cache = line_value(mem, "Cached:") + line_value(mem, "SReclaimable:"),
	};
	return 0;
}

/* header: the two title lines. */
static void header(void)
{
	printf("procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----\n");
	printf("%2s %2s %6s %6s %6s %6s %4s %4s %5s %5s %4s %4s %2s %2s %2s %2s %2s\n", "r", "b", "swpd",
	       "free", "buff", "cache", "si", "so", "bi", "bo", "in", "cs", "us", "sy", "id", "wa", "st");
}

/* rate: @delta over @per, times @mul, rounded (procps: (x * hz + Div/2) / Div). */
static unsigned rate(unsigned long long delta, unsigned long long mul, unsigned long long per)
{
	return (unsigned)((delta * mul + per / 2) / per);
}

/* show: one line for the change from @a to @b (@a all zero: since boot). Rates
 * are per second: over @secs seconds, or with @secs 0 over the CPU time between. */
static void show(const struct sample *a, const struct sample *b, unsigned secs)
{
	unsigned long long cpu[5], div = 0;
	unsigned pct[5];

	for (int i = 0; i < 5; i++)
		div += cpu[i] = b->cpu[i] - a->cpu[i];
	if (!div)
		div = cpu[2] = 1; /* no time passed: all idle */
	for (int i = 0; i < 5; i++)
		pct[i] = rate(cpu[i], 100, div);
	unsigned long long per = secs ? secs : div, mul = secs ? 1 : (unsigned long long)sysconf(_SC_CLK_TCK);
	printf("%2llu %2llu %6llu %6llu %6llu %6llu %4u %4u %5u %5u %4u %4u %2u %2u %2u %2u %2u\n",
	       b->running, b->blocked, b->swpd, b->free, b->buff, b->cache,
	       rate((b->swpin - a->swpin) * PAGE_KB, mul, per), rate((b->swpout - a->swpout) * PAGE_KB, mul, per),
	       rate(b->pgin - a->pgin, mul, per), rate(b->pgout - a->pgout, mul, per),
	       rate(b->intr - a->intr, mul, per), rate(b->ctxt - a->ctxt, mul, per),
	       pct[0], pct[1], pct[2], pct[3], pct[4]);
	fflush(stdout);
}

int main(int argc, char *argv[])
{
	struct sample zero = { 0 }, prev, now;
	char *end = NULL;
	long delay = argc > 1 ? strtol(argv[1], &end, 10) : 0;
	long count = argc > 2 ? strtol(argv[2], &end, 10) : (argc > 1 ? -1 : 1);

	if (argc > 3 || (end && *end) || (argc > 1 && delay < 1) || (argc > 2 && count < 1)) {
		fprintf(stderr, "usage: vmstat [DELAY [COUNT]]\n");
		return 1;
	}
	if (take(&now) < 0) {
		perror("vmstat: /proc");
		return 1;
	}
	header();
	show(&zero, &now, 0);
	for (long i = 1; count < 0 || i < count; i++) {
		sleep((unsigned)delay);
		prev = now;
		if (take(&now) < 0)
			return 1;
		show(&prev, &now, (unsigned)delay);
	}
	return 0;
}
