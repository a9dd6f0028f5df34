/*
 * user/ps.c - every process, from /proc/PID/stat and /proc/PID/cmdline, as
 * procps-ng's `ps -eo pid,s,rss,min_flt,maj_flt,args` shows them:
 *
 *     PID S   RSS  MINFL  MAJFL COMMAND
 *       1 S   168     61      0 /init
 *
 * S is the state (R running, S sleeping, Z zombie), RSS the resident set in
 * KiB (stat field 24, in pages), MINFL and MAJFL the minor and major page
 * faults so far (fields 10 and 12), COMMAND the arguments, or [name] for a
 * process without any (a kernel thread, a zombie).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/procfs.h"

/* command: @pid's arguments joined by blanks into @buf (@size bytes), or
 * "[@comm]" when it has none. */
static const char *command(int pid, const char *comm, char *buf, size_t size)
{
	if (read_cmdline(pid, buf, size) <= 0)
		snprintf(buf, size, "[%s]", comm);
	return buf;
}

/* show: one line for process @pid; 0, or -1 if it is gone. */
static int show(int pid)
{
	static char stat[1024], cmd[4096];
	char path[64], comm[64];

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (read_text(path, stat, sizeof(stat)) < 0 || !stat_field(stat, 24))
		return -1;
	char *open = strchr(stat, '('), *close = strrchr(stat, ')'); /* a name may hold ')' */
	if (!open || close - open > (long)sizeof(comm))
		return -1;
	snprintf(comm, sizeof(comm), "%.*s", (int)(close - open - 1), open + 1);
	printf("%5d %c %5lld %6lld %6lld %s\n", pid, *stat_field(stat, 3),
	       atoll(stat_field(stat, 24)) * (sysconf(_SC_PAGESIZE) / 1024), atoll(stat_field(stat, 10)),
	       atoll(stat_field(stat, 12)), command(pid, comm, cmd, sizeof(cmd)));
	return 0;
}

int main(void)
{
	DIR *proc = opendir("/proc");
	struct dirent *d;

	if (!proc) {
		perror("ps: /proc");
		return 1;
	}
	printf("  PID S   RSS  MINFL  MAJFL COMMAND\n");
	while ((d = readdir(proc)))
		if (d->d_name[0] >= '1' && d->d_name[0] <= '9')
			show(atoi(d->d_name)); /* a process that exits meanwhile is left out */
	closedir(proc);
	return 0;
}
