/*
 * user/free.c - how much memory is used and free, from /proc/meminfo, in the
 * layout and with the arithmetic of procps-ng 4.0 free(1):
 *
 *                  total        used        free      shared  buff/cache   available
 *   Mem:        MemTotal  total-avail     MemFree       Shmem  Buffers+Cached  MemAvailable
 *                                                               +SReclaimable
 *   Swap:      SwapTotal  total-free     SwapFree
 *
 * "used" is what is not available (procps >= 4.0; 3.3 said total - free -
 * buff/cache). Units: -k KiB (the default), -b bytes, -m MiB, -g GiB, -h
 * human-readable (as procps: at most 4 characters and a unit, "8.7Mi", "23Gi").
 */
#include <stdio.h>
#include <string.h>

#include "lib/procfs.h"

/* How values are shown: -h, or the power of 1024 (0 -b, 1 -k, 2 -m, 3 -g). */
struct units {
	int human;
	int power;
};

/* scale: @kb in @u, as procps's scale_size (into a static buffer). */
static const char *scale(unsigned long long kb, struct units u)
{
	static const char prefix[] = "BKMGTP";
	static char buf[32];
	double divisor = 1;

	if (!u.human) {
		unsigned long long v = kb * 1024;
		for (int i = 0; i < u.power; i++)
			v /= 1024;
		snprintf(buf, sizeof(buf), "%llu", v);
		return buf;
	}
	if (snprintf(buf, sizeof(buf), "%lluB", kb * 1024) <= 4)
		return buf;
	for (int i = 1; prefix[i]; i++) {
		double v = (double)(kb * 1024) / (divisor *= 1024);
		if (snprintf(buf, sizeof(buf), "%.1f%ci", (float)v, prefix[i]) <= 5) /* procps rounds as float */
			return buf;
		if (snprintf(buf, sizeof(buf), "%ld%ci", (long)v, prefix[i]) <= 5)
			return buf;
	}
	return buf;
}

/* row: one line: @label padded to 8 columns, then each of @n values in 12. */
static void row(const char *label, const unsigned long long *kb, int n, struct units u)
{
	printf("%-8s", label);
	for (int i = 0; i < n; i++)
		printf(" %11s", scale(kb[i], u));
	printf("\n");
}

/* parse_units: the units the options in @argv ask for; -1 for a bad option. */
static int parse_units(int argc, char *argv[], struct units *u)
{
	static const char opts[] = "bkmg";

	*u = (struct units){ 0, 1 };
	for (int i = 1; i < argc; i++) {
		const char *o = argv[i][0] == '-' && argv[i][1] && !argv[i][2] ? strchr(opts, argv[i][1]) : NULL;
		if (argv[i][0] == '-' && argv[i][1] == 'h' && !argv[i][2])
			u->human = 1;
		else if (o)
			u->power = (int)(o - opts);
		else
			return -1;
	}
	return 0;
}

int main(int argc, char *argv[])
{
	static char text[8192];
	struct units u;

	if (parse_units(argc, argv, &u) < 0) {
		fprintf(stderr, "usage: free [-b|-k|-m|-g|-h]\n");
		return 1;
	}
	if (read_text("/proc/meminfo", text, sizeof(text)) < 0) {
		perror("free: /proc/meminfo");
		return 1;
	}
	long long total = line_value(text, "MemTotal:"), free = line_value(text, "MemFree:");
	long long avail = line_value(text, "MemAvailable:");
	long long cache = line_value(text, "Buffers:") + line_value(text, "Cached:") +
			  line_value(text, "SReclaimable:");
	long long swap_total = line_value(text, "SwapTotal:"), swap_free = line_value(text, "SwapFree:");
	if (avail > total)
		avail = free; /* procps: a container's distorted figures */
	long long used = total - avail >= 0 ? total - avail : total - free;
	unsigned long long mem[] = { total, used, free, line_value(text, "Shmem:"), cache, avail };
	unsigned long long swap[] = { swap_total, swap_total - swap_free, swap_free };

	printf("               total        used        free      shared  buff/cache   available\n");
	row("Mem:", mem, 6, u);
	row("Swap:", swap, 3, u);
	return 0;
}
