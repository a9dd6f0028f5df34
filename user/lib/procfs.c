/* user/lib/procfs.c - reading /proc files (see procfs.h). */
#include <sched.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "procfs.h"

ssize_t read_text(const char *path, char *buf, size_t size)
{
	size_t len = 0;
	ssize_t n = 0;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return -1;
	while (len + 1 < size && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n; /* /proc files are read in pieces: read until end of file */
	int saved = errno;
	close(fd);
	buf[len] = '\0';
	errno = saved;
	return n < 0 ? -1 : (ssize_t)len;
}

long long line_value(const char *text, const char *key)
{
	size_t klen = strlen(key);

	for (const char *line = text; *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : "") {
		if (strncmp(line, key, klen) == 0)
			return strtoll(line + klen, NULL, 10);
	}
	return -1;
}

const char *stat_field(const char *stat, int n)
{
	const char *p = strrchr(stat, ')'); /* then the blank before each field */

	for (int i = 2; p && i < n; i++)
		p = strchr(p + 1, ' ');
	return p && p[1] && p[1] != '\n' ? p + 1 : NULL;
}

ssize_t read_cmdline(int pid, char *buf, size_t size)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
	ssize_t len = read_text(path, buf, size);
	for (ssize_t i = 0; i + 1 < len; i++)
		if (buf[i] == '\0')
			buf[i] = ' '; /* the last NUL ends the string */
	return len;
}

void mem_usage_now(struct mem_usage *u)
{
	static char status[4096], meminfo[4096];
	struct rusage ru;

	read_text("/proc/self/status", status, sizeof(status));
	read_text("/proc/meminfo", meminfo, sizeof(meminfo));
	getrusage(RUSAGE_SELF, &ru);
	*u = (struct mem_usage){
		.vm_size = line_value(status, "VmSize:"), .vm_rss = line_value(status, "VmRSS:"),
		.mem_free = line_value(meminfo, "MemFree:"), .minflt = ru.ru_minflt, .majflt = ru.ru_majflt,
	};
}

char proc_state(int pid)
{
	char path[64], line[512];
	const char *f;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (read_text(path, line, sizeof(line)) < 0 || !(f = stat_field(line, 3)))
		return '?';
	return *f;
}

void wait_until_asleep(int pid)
{
	char st;

	while ((st = proc_state(pid)) != 'S' && st != 'Z' && st != '?')
		sched_yield();
}
