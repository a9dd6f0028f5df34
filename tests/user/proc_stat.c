/*
 * tests/user/proc_stat.c - /proc/stat, /proc/uptime, /proc/loadavg and
 * /proc/swaps against Linux's formats (fs/proc/stat.c, uptime.c, loadavg.c,
 * mm/swapfile.c swap_show), read as procps's vmstat, uptime and swapon do.
 * Same facts on Linux.
 * user-test: diff
 */
#include <stdlib.h>

#include "lib/procfs.h"
#include "test.h"

#define SWAPS_HEADER "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n"

static const char *const stat_names[] = {
	"cpu", "cpu0", "intr", "ctxt", "btime", "processes", "procs_running", "procs_blocked", "softirq",
};

/* cpu_line_ok: the "cpu" line is "cpu  " and ten numbers (user ... guest_nice). */
static int cpu_line_ok(const char *text)
{
	unsigned long long v[10];
	int end = 0;

	return strncmp(text, "cpu  ", 5) == 0 &&
	       sscanf(text, "cpu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu%n", &v[0], &v[1], &v[2], &v[3],
		      &v[4], &v[5], &v[6], &v[7], &v[8], &v[9], &end) == 10 && text[end] == '\n';
}

/* uptime_ok: "S.CC I.CC\n": seconds up and idle, two decimals each. */
static int uptime_ok(const char *text)
{
	unsigned long s, cs, i, ics;
	int end = 0;

	return sscanf(text, "%lu.%2lu %lu.%2lu\n%n", &s, &cs, &i, &ics, &end) == 4 && !text[end] &&
	       text[strcspn(text, ".") + 3] == ' ';
}

/* loadavg_ok: "L.LL L.LL L.LL R/T P\n", R at least 1 (the reader runs). */
static int loadavg_ok(const char *text)
{
	unsigned a, b, c, d, e, f, running, all, last;
	int end = 0;

	return sscanf(text, "%u.%2u %u.%2u %u.%2u %u/%u %u\n%n", &a, &b, &c, &d, &e, &f, &running, &all, &last,
		      &end) == 9 && !text[end] && running >= 1 && running <= all;
}

/* swap_lines_ok: after the header, each line is "NAME", padding to 40
 * columns, "partition" or "file", then size, used and priority with tabs. */
static int swap_lines_ok(char *text)
{
	for (char *line = strtok(text + strlen(SWAPS_HEADER), "\n"); line; line = strtok(NULL, "\n")) {
		char type[16];
		unsigned long size, used;
		int prio, end = 0;
		if (sscanf(line, "%*s %15s %lu %lu %d%n", type, &size, &used, &prio, &end) != 4 || line[end] ||
		    (strcmp(type, "partition") && strcmp(type, "file")) || used > size) {
			printf("bad line: %s\n", line);
			return 0;
		}
	}
	return 1;
}

int main(void)
{
	static char text[65536];

	check("/proc/stat can be read", read_text("/proc/stat", text, sizeof(text)) > 0);
	check("stat: the cpu line has ten tick counts", cpu_line_ok(text));
	check("stat has cpu, cpu0, intr, ctxt, btime, processes, procs_running, procs_blocked, softirq in order",
	      names_in_order(text, stat_names, sizeof(stat_names) / sizeof(stat_names[0]), ' '));
	check("stat: at least this process runs", line_value(text, "procs_running ") >= 1);
	check("/proc/uptime can be read", read_text("/proc/uptime", text, sizeof(text)) > 0);
	check("uptime: seconds up and idle, two decimals each", uptime_ok(text));
	check("/proc/loadavg can be read", read_text("/proc/loadavg", text, sizeof(text)) > 0);
	check("loadavg: three loads, running/all, the last pid", loadavg_ok(text));
	check("/proc/swaps can be read", read_text("/proc/swaps", text, sizeof(text)) > 0);
	check("swaps: Linux's header", strncmp(text, SWAPS_HEADER, strlen(SWAPS_HEADER)) == 0);
	check("swaps: each area has a name, a type, size, used and priority", swap_lines_ok(text));
	return test_failures;
}
