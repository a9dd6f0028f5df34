/*
 * tests/user/sysmisc.c - the small calls libcs and tools use, as Linux
 * answers them: prctl (PR_SET_NAME / PR_GET_NAME, PR_SET_PDEATHSIG, an
 * unknown option), set_robust_list / get_robust_list and a dead owner's
 * robust futex marked FUTEX_OWNER_DIED, sched_getaffinity, getcpu, syslog
 * (dmesg's READ_ALL in "<level>[time] text" form, root only), and the /proc
 * files tools read: cpuinfo, mounts, sys/kernel/pid_max. Facts that hold on
 * any machine, not its numbers. Same facts on Linux (as root).
 * user-test: diff
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"

/* read_file: @path's first @size - 1 bytes into @buf; the length or -1. */
static long read_file(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");
	size_t n = f ? fread(buf, 1, size - 1, f) : 0;

	if (f)
		fclose(f);
	buf[n] = '\0';
	return f ? (long)n : -1;
}

static int pdeath_pipe[2];

static void on_term(int sig)
{
	(void)sig;
	write(pdeath_pipe[1], "d", 1);
	_exit(0);
}

static void prctls(void)
{
	char name[32] = { 0 }, comm[64];

	check("PR_SET_NAME", prctl(PR_SET_NAME, "renamed-task", 0, 0, 0) == 0);
	check("PR_GET_NAME", prctl(PR_GET_NAME, name, 0, 0, 0) == 0 && !strcmp(name, "renamed-task"));
	check("/proc/self/comm shows it", read_file("/proc/self/comm", comm, sizeof(comm)) > 0 &&
	      !strcmp(comm, "renamed-task\n"));
	check("a name of 16 bytes or more is cut to 15", prctl(PR_SET_NAME, "0123456789abcdefgh", 0, 0, 0) == 0 &&
	      prctl(PR_GET_NAME, name, 0, 0, 0) == 0 && !strcmp(name, "0123456789abcde"));
	check("an unknown option: EINVAL", prctl(12345, 0, 0, 0, 0) == -1 && errno == EINVAL);
	check("PR_GET_DUMPABLE: 1", prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 1);

	pipe(pdeath_pipe);
	fflush(stdout);
	pid_t middle = fork();
	if (middle == 0) {
		if (fork() == 0) {
			signal(SIGTERM, on_term);
			prctl(PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0);
			write(pdeath_pipe[1], "r", 1);
			for (;;)
				pause();
		}
		char c;
		read(pdeath_pipe[0], &c, 1); /* the grandchild is ready */
		_exit(0);
	}
	waitpid(middle, NULL, 0);
	char c = 0;
	check("PR_SET_PDEATHSIG: the parent's exit signals the child", read(pdeath_pipe[0], &c, 1) == 1 && c == 'd');
	close(pdeath_pipe[0]);
	close(pdeath_pipe[1]);
}

/* Linux's robust futex list, as glibc lays it out. */
struct robust_list { struct robust_list *next; };
struct robust_list_head { struct robust_list list; long futex_offset; struct robust_list *list_op_pending; };
struct robust_lock { struct robust_list entry; uint32_t word; };

static void robust(void)
{
	struct robust_list_head head, *got;
	size_t len;

	check("set_robust_list with a wrong size: EINVAL", syscall(SYS_set_robust_list, &head, 7) == -1 &&
	      errno == EINVAL);
	struct robust_lock *lock = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		static struct robust_list_head h;
		h.list.next = &lock->entry;
		h.futex_offset = (long)offsetof(struct robust_lock, word);
		h.list_op_pending = NULL;
		lock->entry.next = &h.list;
		lock->word = (uint32_t)syscall(SYS_gettid); /* we hold it */
		if (syscall(SYS_set_robust_list, &h, sizeof(h)))
			_exit(2);
		if (syscall(SYS_get_robust_list, 0, &got, &len) || got != &h || len != sizeof(h))
			_exit(3);
		_exit(0); /* dying with the lock held */
	}
	int status;
	waitpid(pid, &status, 0);
	check("set and get_robust_list", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	check("a dead owner's lock says FUTEX_OWNER_DIED", lock->word == 0x40000000u);
	munmap(lock, 4096);
}

static void cpus(void)
{
	cpu_set_t set;
	unsigned cpu = 99, node = 99;

	CPU_ZERO(&set);
	check("sched_getaffinity: CPU 0 is in the mask", sched_getaffinity(0, sizeof(set), &set) == 0 &&
	      CPU_ISSET(0, &set));
	check("a mask of one byte: EINVAL", syscall(SYS_sched_getaffinity, 0, 1, &set) == -1 && errno == EINVAL);
	check("of a missing process: ESRCH", sched_getaffinity(999999, sizeof(set), &set) == -1 && errno == ESRCH);
	check("getcpu", syscall(SYS_getcpu, &cpu, &node, NULL) == 0 && cpu < 4096 && node < 4096);
}

static void logs(void)
{
	int size = (int)syscall(SYS_syslog, 10 /* SIZE_BUFFER */, NULL, 0);
	check("syslog SIZE_BUFFER > 0", size > 0);
	char *buf = malloc((size_t)size);
	long n = syscall(SYS_syslog, 3 /* READ_ALL */, buf, size);
	check("READ_ALL: lines of \"<level>[time] text\"", n > 0 && buf[0] == '<' && memchr(buf, '[', 8) &&
	      memchr(buf, ']', (size_t)n));
	check("READ_ALL of 0 bytes: 0", syscall(SYS_syslog, 3, buf, 0) == 0);
	check("a bad action: EINVAL", syscall(SYS_syslog, 77, buf, size) == -1 && errno == EINVAL);
	free(buf);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		char b[64];
		setuid(65534);
		_exit(syscall(SYS_syslog, 3, b, sizeof(b)) == -1 && errno == EPERM ? 0 : 1);
	}
	int status;
	waitpid(pid, &status, 0);
	check("not root: EPERM", WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void procfiles(void)
{
	static char buf[65536];
	const char *cpu_keys[] = { "processor", "vendor_id", "cpu family", "model", "model name", "flags" };

	check("/proc/cpuinfo", read_file("/proc/cpuinfo", buf, sizeof(buf)) > 0 &&
	      names_in_order(buf, cpu_keys, 6, '\t') && strstr(buf, "processor\t: 0\n"));
	check("/proc/mounts has /proc", read_file("/proc/mounts", buf, sizeof(buf)) > 0 && strstr(buf, " /proc proc "));
	check("/proc/self/mounts too", read_file("/proc/self/mounts", buf, sizeof(buf)) > 0 &&
	      strstr(buf, " /proc proc "));
	check("/proc/sys/kernel/pid_max", read_file("/proc/sys/kernel/pid_max", buf, sizeof(buf)) > 0 &&
	      atoi(buf) >= 301);
}

int main(void)
{
	prctls();
	robust();
	cpus();
	logs();
	procfiles();
	return test_failures;
}
