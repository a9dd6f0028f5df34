/*
 * tests/user/proc_status.c - /proc/self/status against Linux's format
 * (fs/proc/array.c: "Name:\tvalue" lines in a fixed order; the Vm and Rss
 * lines "%8lu kB"; signal sets as 16 hex digits) and values that must agree
 * with the system calls. Same facts on Linux.
 * user-test: diff
 */
#include <ctype.h>
#include <unistd.h>

#include "lib/procfs.h"
#include "test.h"

/* Linux 6.1's lines, in its order (later Linux adds some between). */
static const char *const names[] = {
	"Name", "Umask", "State", "Tgid", "Ngid", "Pid", "PPid", "TracerPid", "Uid", "Gid", "FDSize",
	"Groups", "NStgid", "NSpid", "NSpgid", "NSsid", "VmPeak", "VmSize", "VmLck", "VmPin", "VmHWM",
	"VmRSS", "RssAnon", "RssFile", "RssShmem", "VmData", "VmStk", "VmExe", "VmLib", "VmPTE", "VmSwap",
	"CoreDumping", "THP_enabled", "Threads", "SigQ", "SigPnd", "ShdPnd", "SigBlk", "SigIgn", "SigCgt",
	"CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb", "NoNewPrivs", "Speculation_Store_Bypass",
	"SpeculationIndirectBranch", "Cpus_allowed", "Cpus_allowed_list",
};

/* kb_lines_ok: each Vm* and Rss* line is "Name:\t%8lu kB". */
static int kb_lines_ok(char *text)
{
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		if (strncmp(line, "Vm", 2) && strncmp(line, "Rss", 3))
			continue;
		const char *tab = strstr(line, ":\t");
		size_t digits = tab ? strspn(tab + 2 + strspn(tab + 2, " "), "0123456789") : 0;
		if (!tab || strlen(tab + 2) < 11 || strcmp(tab + 2 + 8, " kB") || !digits ||
		    !isdigit((unsigned char)tab[2 + 7])) {
			printf("bad line: %s\n", line);
			return 0;
		}
	}
	return 1;
}

/* sigset_ok: the line @name has 16 hex digits. */
static int sigset_ok(const char *text, const char *name)
{
	const char *line = strstr(text, name);
	return line && strspn(line + strlen(name), "0123456789abcdef") == 16 && line[strlen(name) + 16] == '\n';
}

int main(void)
{
	static char text[8192], copy[8192];

	check("/proc/self/status can be read", read_text("/proc/self/status", text, sizeof(text)) > 0);
	memcpy(copy, text, sizeof(copy));
	check("status has Name ... Cpus_allowed_list in Linux 6.1's order",
	      names_in_order(text, names, sizeof(names) / sizeof(names[0]), ':'));
	check("status: each Vm and Rss line is a tab and \"%8lu kB\"", kb_lines_ok(copy));
	check("status: the signal sets are 16 hex digits",
	      sigset_ok(text, "SigPnd:\t") && sigset_ok(text, "SigBlk:\t") && sigset_ok(text, "SigCgt:\t"));
	check("Name is this program's", strncmp(text, "Name:\tproc_status\n", 18) == 0);
	check("State is R (running)", strstr(text, "\nState:\tR (running)\n") != NULL);
	check("Pid and Tgid are getpid()",
	      line_value(text, "Pid:\t") == getpid() && line_value(text, "Tgid:\t") == getpid());
	check("PPid is getppid()", line_value(text, "PPid:\t") == getppid());
	check("Threads is 1", line_value(text, "Threads:\t") == 1);
	check("VmRSS = RssAnon + RssFile + RssShmem",
	      line_value(text, "VmRSS:") ==
		      line_value(text, "RssAnon:") + line_value(text, "RssFile:") + line_value(text, "RssShmem:"));
	check("VmRSS <= VmHWM and VmSize <= VmPeak",
	      line_value(text, "VmRSS:") <= line_value(text, "VmHWM:") &&
		      line_value(text, "VmSize:") <= line_value(text, "VmPeak:"));
	check("the program's text is in the page cache (RssFile > 0)", line_value(text, "RssFile:") > 0);
	check("the stack is counted (VmStk > 0)", line_value(text, "VmStk:") > 0);
	return test_failures;
}
