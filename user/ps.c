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
	char path[64], comm[64], state;
	unsigned long minflt, majflt;
	long rss;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (read_text(path, stat, sizeof(stat)) < 0)
		return -1;
	char *open = strchr(stat, '('), *close = strrchr(stat, ')'); /* a name may hold ')' */
	if (!open || !close || close - open > (long)sizeof(comm))
		return -1;
	snprintf(comm, sizeof(comm), "%.*s", (int)(close - open - 1), open + 1);
	/* after "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt
	 * cmajflt utime stime cutime cstime priority nice threads itreal starttime vsize rss */
	if (sscanf(close + 2, "%c %*d %*d %*d %*d %*d %*u %lu %*u %lu %*u %*u %*u %*d %*d %*d %*d %*d %*d %*u %*u %ld",
		   &state, &minflt, &majflt, &rss) != 4)
		return -1;
	printf("%5d %c %5ld %6lu %6lu %s\n", pid, state, rss * (sysconf(_SC_PAGESIZE) / 1024), minflt, majflt,
	       command(pid, comm, cmd, sizeof(cmd)));
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
