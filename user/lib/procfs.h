/*
 * user/lib/procfs.h - reading /proc the way procps does: the whole file at
 * once, then values looked up by the name that starts their line.
 */
#ifndef USER_LIB_PROCFS_H
#define USER_LIB_PROCFS_H

#include <stddef.h>
#include <sys/types.h>

/* read_text: the file at @path into @buf (@size bytes, NUL-terminated, cut to
 * fit); its length, or -1 with errno set. */
ssize_t read_text(const char *path, char *buf, size_t size);

/* line_value: the number after @key on the line of @text that starts with
 * @key ("MemFree:" in meminfo, "pgfault " in vmstat, "ctxt " in stat),
 * blanks skipped; -1 when no line starts with @key. */
long long line_value(const char *text, const char *key);

/* stat_field: where field @n (3 to 52, numbered as in proc(5): 3 the state,
 * 10 minflt, 24 rss, 28 startstack) of the /proc/PID/stat line @stat begins;
 * counted from the last ')', since the name (field 2) may hold blanks and ')'.
 * NULL when the line has fewer fields. */
const char *stat_field(const char *stat, int n);

/* proc_state: the state letter of process @pid (R, S, T, Z...; /proc/PID/stat's
 * field 3), '?' when it cannot be read (gone). */
char proc_state(int pid);

/* wait_until_asleep: yield until process @pid sleeps (S), or is gone or a zombie;
 * what tests do before signalling a process that must be waiting. */
void wait_until_asleep(int pid);

/* read_cmdline: /proc/@pid/cmdline into @buf (@size bytes), the NULs between
 * the arguments made blanks, as ps and pmap show a command; its length (0 for
 * a process without arguments), or -1 with errno set. */
ssize_t read_cmdline(int pid, char *buf, size_t size);

/* What the demo programs watch: this process's address space and faults, and
 * the system's free memory (kB, and faults). */
struct mem_usage {
	long long vm_size, vm_rss; /* /proc/self/status VmSize, VmRSS */
	long long mem_free;        /* /proc/meminfo MemFree */
	long minflt, majflt;       /* getrusage */
};

/* mem_usage_now: measure into @u. It causes no page fault once called once
 * (its buffers are static), so two measurements bracket exactly what ran between. */
void mem_usage_now(struct mem_usage *u);

#endif
