/*
 * user/pmap.c - pmap PID...: a process's mappings from /proc/PID/maps, as
 * procps-ng pmap(1) shows them by default:
 *
 *   7:   /bin/sh
 *   0000000000400000      4K r---- sh
 *   0000000000401000     20K r-x-- sh
 *   00007ffffffde000    132K rw---   [ stack ]
 *    total              172K
 *
 * One line per VMA: start, size, permissions (rwx, then s for shared or -,
 * then -), and the file's name, or [ anon ] ([heap] and mmap'd memory alike)
 * or [ stack ] (the VMA holding the stack's start, /proc/PID/stat field 28).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/procfs.h"

/* start_stack: where @pid's stack starts (stat field 28), or 0. */
static unsigned long start_stack(int pid)
{
	char path[64], stat[1024];

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	const char *field = read_text(path, stat, sizeof(stat)) < 0 ? NULL : stat_field(stat, 28);
	return field ? strtoul(field, NULL, 10) : 0;
}

/* show_map: one maps line @line as pmap shows it; its size in bytes, or 0 if it
 * does not parse. */
static unsigned long show_map(char *line, unsigned long stack)
{
	unsigned long start, end;
	char perms[8];
	int name_at = 0;

	if (sscanf(line, "%lx-%lx %4s %*x %*x:%*x %*u %n", &start, &end, perms, &name_at) != 3 || !name_at)
		return 0;
	const char *name = line + name_at, *slash = strrchr(name, '/');
	if (slash)
		name = slash[1] ? slash + 1 : slash;
	else
		name = start <= stack && stack <= end ? "  [ stack ]" : "  [ anon ]";
	perms[3] = perms[3] == 's' ? 's' : '-';
	printf("%016lx %6luK %.4s- %s\n", start, (end - start) >> 10, perms, name);
	return end - start;
}

/* pmap: the header, maps and total of process @pid; 0, or -1 (errno set) if
 * its files cannot be read. */
static int pmap(int pid)
{
	static char maps[65536], cmdline[4096];
	char path[64];
	unsigned long total = 0;

	snprintf(path, sizeof(path), "/proc/%d/maps", pid);
	if (read_cmdline(pid, cmdline, sizeof(cmdline)) < 0 || read_text(path, maps, sizeof(maps)) < 0)
		return -1;
	printf("%d:   %s\n", pid, cmdline);
	unsigned long stack = start_stack(pid);
	for (char *line = strtok(maps, "\n"); line; line = strtok(NULL, "\n"))
		total += show_map(line, stack);
	printf(" total %16luK\n", total >> 10);
	return 0;
}

int main(int argc, char *argv[])
{
	int status = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: pmap PID...\n");
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		char *end;
		long pid = strtol(argv[i], &end, 10);
		if (*end || pid <= 0)
			errno = EINVAL;
		if (*end || pid <= 0 || pmap((int)pid) < 0) {
			fprintf(stderr, "pmap: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
