/*
 * tests/user/proc_pidstat.c - /proc/self/stat and /proc/self/statm as ps and
 * top read them (fs/proc/array.c do_task_stat: 52 fields on one line, the
 * name in parentheses; task_statm: 7 page counts), checked against the
 * system calls and against status, read at the same moment. Same facts on Linux.
 * user-test: diff
 */
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include "lib/procfs.h"
#include "test.h"

#define STAT_FIELDS 52
#define PAGE_KB 4

/* fields: split the stat line @text: field N as a number into @f[N] (pid, and
 * 4 to 52), the state (3) into *@state; the number of fields found. */
static int fields(const char *text, long long f[STAT_FIELDS + 1], char *state)
{
	const char *field = stat_field(text, 3);
	int n = 3;

	if (!field)
		return 0;
	*state = *field;
	f[1] = atoll(text);
	for (; (field = stat_field(text, n + 1)) != NULL; n++)
		if (n < STAT_FIELDS)
			f[n + 1] = atoll(field);
	return n;
}

int main(void)
{
	static char stat[1024], statm[256], status[4096];
	long long f[STAT_FIELDS + 1] = { 0 };
	long long size, resident, shared, text, lib, data, dt;
	struct rusage ru;
	char state = 0;

	int ok = 0;
	printf("reading stat, statm and status back to back, then checking\n"); /* stdout's buffer faulted in */
	for (int i = 0; i < 2; i++) { /* the first time faults the buffers in */
		ok = read_text("/proc/self/stat", stat, sizeof(stat)) > 0;
		ok &= read_text("/proc/self/statm", statm, sizeof(statm)) > 0;
		ok &= read_text("/proc/self/status", status, sizeof(status)) > 0;
		getrusage(RUSAGE_SELF, &ru);
	}
	check("/proc/self/stat, statm and status can be read", ok);
	check("stat has 52 fields on one line", fields(stat, f, &state) == STAT_FIELDS && stat[strlen(stat) - 1] == '\n');
	check("stat: pid and (comm) are this program's", f[1] == getpid() && strstr(stat, " (proc_pidstat) ") != NULL);
	check("stat: state R, ppid, pgrp and session as the system calls say",
	      state == 'R' && f[4] == getppid() && f[5] == getpgrp() && f[6] == getsid(0));
	check("stat: minflt and majflt as getrusage", f[10] == ru.ru_minflt && f[12] == ru.ru_majflt);
	check("stat: one thread, nice 0, priority 20", f[20] == 1 && f[19] == 0 && f[18] == 20);
	check("stat: vsize in bytes is VmSize", f[23] == line_value(status, "VmSize:") * 1024);
	/* Linux 6.2+ sums stat's rss per CPU lazily (0 for a young process): equal
	 * to VmRSS only here (proc_values.c checks that) */
	check("stat: rss in pages is at most VmRSS", f[24] * PAGE_KB <= line_value(status, "VmRSS:"));
	check("stat: the stack starts below the arguments, which end where the environment begins",
	      f[28] < f[48] && f[48] < f[49] && f[49] <= f[50] && f[50] < f[51]);
	check("statm: seven numbers",
	      sscanf(statm, "%lld %lld %lld %lld %lld %lld %lld\n", &size, &resident, &shared, &text, &lib, &data,
		     &dt) == 7);
	check("statm: size and resident are VmSize and VmRSS",
	      size * PAGE_KB == line_value(status, "VmSize:") && resident * PAGE_KB == line_value(status, "VmRSS:"));
	check("statm: shared is RssFile + RssShmem",
	      shared * PAGE_KB == line_value(status, "RssFile:") + line_value(status, "RssShmem:"));
	check("statm: lib and dt are 0", lib == 0 && dt == 0);
	return test_failures;
}
