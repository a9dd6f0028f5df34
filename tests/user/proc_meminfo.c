/*
 * tests/user/proc_meminfo.c - /proc/meminfo read as procps reads it, its
 * layout checked line by line against Linux's (fs/proc/meminfo.c: a name
 * and colon padded to 16 columns, the value right-aligned to column 24 unless
 * wider, " kB"). The same checks pass on Linux's own file: a name, an order or
 * a column that drifts from Linux's fails here. Only facts true on both are
 * printed; the values themselves are checked in proc_values.c.
 * user-test: diff
 */
#include <ctype.h>
#include <stdlib.h>

#include "lib/procfs.h"
#include "test.h"

#define VALUE_END 24 /* the column a value ends in when it fits */

/* Linux 6.1's lines that every configuration prints, in its order. */
static const char *const names[] = {
	"MemTotal", "MemFree", "MemAvailable", "Buffers", "Cached", "SwapCached", "Active", "Inactive",
	"Active(anon)", "Inactive(anon)", "Active(file)", "Inactive(file)", "Unevictable", "Mlocked",
	"SwapTotal", "SwapFree", "Dirty", "Writeback", "AnonPages", "Mapped", "Shmem", "KReclaimable",
	"Slab", "SReclaimable", "SUnreclaim", "KernelStack", "PageTables", "SecPageTables", "NFS_Unstable",
	"Bounce", "WritebackTmp", "CommitLimit", "Committed_AS", "VmallocTotal", "VmallocUsed",
	"VmallocChunk", "Percpu",
};

/* line_ok: @line (no newline) is "Name:", blanks, a number that ends in column
 * 24 or, when wider, starts right after the padded name, then " kB" (only
 * the HugePages_ counts have no unit). */
static int line_ok(const char *line)
{
	const char *colon = strchr(line, ':');
	if (!colon || colon == line)
		return 0;
	for (const char *c = line; c < colon; c++)
		if (!isalnum((unsigned char)*c) && !strchr("_()", *c))
			return 0;
	size_t pad_to = colon - line + 1 < 16 ? 16 : colon - line + 2; /* "HardwareCorrupted: %5lu" */
	const char *digits = colon + 1 + strspn(colon + 1, " ");
	const char *end = digits + strspn(digits, "0123456789");
	size_t start = digits - line, stop = end - line;
	if (end == digits || !(stop == VALUE_END ? start >= pad_to : stop > VALUE_END && start == pad_to))
		return 0;
	return strcmp(end, " kB") == 0 || (strncmp(line, "HugePages_", 10) == 0 && !*end);
}

int main(void)
{
	static char text[8192];

	check("/proc/meminfo can be read", read_text("/proc/meminfo", text, sizeof(text)) > 0);
	check("meminfo: each line is a name, a colon and a number ending in column 24 (or wider), in kB",
	      all_lines(text, line_ok));
	check("meminfo has Linux 6.1's lines from MemTotal to Percpu, in Linux's order",
	      names_in_order(text, names, sizeof(names) / sizeof(names[0]), ':'));
	long long total = line_value(text, "MemTotal:"), free = line_value(text, "MemFree:");
	check("MemFree and MemAvailable are at most MemTotal",
	      free <= total && line_value(text, "MemAvailable:") <= total);
	check("SwapFree <= SwapTotal", line_value(text, "SwapFree:") <= line_value(text, "SwapTotal:"));
	check("Active = Active(anon) + Active(file)",
	      line_value(text, "Active:") == line_value(text, "Active(anon):") + line_value(text, "Active(file):"));
	check("Inactive = Inactive(anon) + Inactive(file)",
	      line_value(text, "Inactive:") ==
		      line_value(text, "Inactive(anon):") + line_value(text, "Inactive(file):"));
	check("Slab = SReclaimable + SUnreclaim",
	      line_value(text, "Slab:") == line_value(text, "SReclaimable:") + line_value(text, "SUnreclaim:"));
	check("KReclaimable >= SReclaimable", line_value(text, "KReclaimable:") >= line_value(text, "SReclaimable:"));
	return test_failures;
}
