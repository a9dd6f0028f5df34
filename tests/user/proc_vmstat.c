/*
 * tests/user/proc_vmstat.c - /proc/vmstat and /proc/buddyinfo against Linux's
 * formats (mm/vmstat.c: "name value" lines; "Node 0, zone %8s" and one "%6lu "
 * per order), and pgfault moving when this test faults. Same facts on Linux.
 * user-test: diff
 */
#include <ctype.h>
#include <sys/mman.h>

#include "lib/procfs.h"
#include "test.h"

#define ORDERS 11   /* free-block orders: 4 KiB to 4 MiB on both */
#define PAGES 100

/* Linux 6.1 names this kernel keeps, in Linux's order. */
static const char *const names[] = {
	"nr_free_pages", "nr_zone_inactive_anon", "nr_zone_active_anon", "nr_zone_inactive_file",
	"nr_zone_active_file", "nr_zone_unevictable", "nr_inactive_anon", "nr_active_anon",
	"nr_inactive_file", "nr_active_file", "nr_unevictable", "nr_slab_reclaimable",
	"nr_slab_unreclaimable", "nr_anon_pages", "nr_mapped", "nr_file_pages", "nr_kernel_stack",
	"nr_page_table_pages", "nr_swapcached", "pgpgin", "pgpgout", "pswpin", "pswpout",
	"allocstall_normal", "pgactivate", "pgdeactivate", "pgfault", "pgmajfault", "pgrefill", "pgreuse",
	"pgsteal_kswapd", "pgsteal_direct", "pgscan_kswapd", "pgscan_direct", "pageoutrun", "oom_kill",
	"swap_ra", "swap_ra_hit",
};

/* vmstat_lines_ok: every line of @text is "name value": [a-z0-9_]+, one blank, decimal digits. */
static int vmstat_lines_ok(char *text)
{
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		size_t name = strspn(line, "abcdefghijklmnopqrstuvwxyz0123456789_");
		size_t digits = strspn(line + name + 1, "0123456789");
		if (!name || line[name] != ' ' || !digits || line[name + 1 + digits]) {
			printf("bad line: %s\n", line);
			return 0;
		}
	}
	return 1;
}

/* buddyinfo_lines_ok: every line is "Node N, zone %8s" then ORDERS times " %6lu", and a blank. */
static int buddyinfo_lines_ok(char *text)
{
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		int node, at = 0;
		char zone[16];
		if (sscanf(line, "Node %d, zone %8s%n", &node, zone, &at) != 2 || at != 21) {
			printf("bad line: %s\n", line);
			return 0;
		}
		for (int o = 0; o < ORDERS; o++, at += 7) {
			if (line[at] != ' ' || !isdigit((unsigned char)line[at + 6])) {
				printf("bad column %d: %s\n", o, line);
				return 0;
			}
		}
		if (strcmp(line + at, " ")) {
			printf("bad end: %s\n", line);
			return 0;
		}
	}
	return 1;
}

int main(void)
{
	static char text[16384], copy[16384];

	check("/proc/vmstat can be read", read_text("/proc/vmstat", text, sizeof(text)) > 0);
	memcpy(copy, text, sizeof(copy));
	check("vmstat: each line is a name, a blank and a number", vmstat_lines_ok(copy));
	check("vmstat has nr_free_pages ... swap_ra_hit in Linux's order",
	      names_in_order(text, names, sizeof(names) / sizeof(names[0]), ' '));
	long long before = line_value(text, "pgfault ");
	volatile char *p = mmap(NULL, PAGES * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (int i = 0; i < PAGES; i++)
		p[i * 4096] = 1;
	read_text("/proc/vmstat", text, sizeof(text));
	check("pgfault grew by at least the 100 pages this test wrote", line_value(text, "pgfault ") - before >= PAGES);
	check("/proc/buddyinfo can be read", read_text("/proc/buddyinfo", text, sizeof(text)) > 0);
	check("buddyinfo: \"Node N, zone NAME\" then 11 free-block counts, a line per zone", buddyinfo_lines_ok(text));
	return test_failures;
}
