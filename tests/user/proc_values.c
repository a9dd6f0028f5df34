/*
 * tests/user/proc_values.c - on our kernel, where nothing else runs, /proc's
 * numbers are exact: MemFree is sysinfo's freeram; touching k pages moves
 * VmRSS, RssAnon, minflt and the fault counters of /proc/vmstat by exactly
 * k; reading untouched memory moves none of the memory figures; a fork's
 * writes are COW faults, and the parent's writes after them reuse its pages; a child's peak resident set (ru_maxrss) counts
 * what it wrote; mlock moves VmLck and Mlocked; mmap moves Committed_AS; a
 * child is seen in its states, then gone; min_free_kbytes and swappiness
 * take values in range.
 * (Linux keeps these per CPU and lazily, and other programs run: not there.)
 * user-test: qemu
 */
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/pages.h"
#include "lib/procfs.h"
#include "test.h"

#define PAGES 100

/* Figures before and after an action (kB, counts). */
struct figures {
	long long rss, anon, locked, mlocked, committed, pgfault_demand, pgfault_zero, pgfault_cow, pgfault_cow_reuse;
	long minflt;
};

/* take: read the figures; twice, so that the buffers are faulted in by the first. */
static void take(struct figures *f)
{
	static char status[4096], meminfo[4096], vmstat[8192];
	struct rusage ru;

	for (int i = 0; i < 2; i++) {
		read_text("/proc/self/status", status, sizeof(status));
		read_text("/proc/meminfo", meminfo, sizeof(meminfo));
		read_text("/proc/vmstat", vmstat, sizeof(vmstat));
		getrusage(RUSAGE_SELF, &ru);
	}
	*f = (struct figures){
		.rss = line_value(status, "VmRSS:"), .anon = line_value(status, "RssAnon:"),
		.locked = line_value(status, "VmLck:"), .mlocked = line_value(meminfo, "Mlocked:"),
		.committed = line_value(meminfo, "Committed_AS:"),
		.pgfault_demand = line_value(vmstat, "pgfault_demand "),
		.pgfault_zero = line_value(vmstat, "pgfault_zero "), .pgfault_cow = line_value(vmstat, "pgfault_cow "),
		.pgfault_cow_reuse = line_value(vmstat, "pgfault_cow_reuse "),
		.minflt = ru.ru_minflt,
	};
}

/* memfree_is_freeram: /proc/meminfo's MemFree against sysinfo's freeram, both
 * taken after the read made its one allocation (the text buffer). */
static int memfree_is_freeram(void)
{
	static char text[4096];
	struct sysinfo si;
	int fd = open("/proc/meminfo", O_RDONLY);

	read(fd, text, sizeof(text) - 1); /* fault the buffer in */
	lseek(fd, 0, SEEK_SET);
	ssize_t n = read(fd, text, sizeof(text) - 1);
	sysinfo(&si);
	close(fd);
	text[n > 0 ? n : 0] = '\0';
	return line_value(text, "MemFree:") * 1024 == (long long)(si.freeram * si.mem_unit);
}

/* touch: write (or read, !@write) one byte in each of the PAGES pages at @p. */
static void touch(volatile char *p, int write)
{
	touch_pages(p, PAGES * PAGE, write);
}

/* cow_faults: a child writes the PAGES pages at @p that it shares with us;
 * whether that made exactly PAGES COW faults (it reports through its status). */
static int cow_faults(volatile char *p)
{
	int status;

	pid_t pid = fork();
	if (pid == 0) {
		struct figures a, b;
		take(&a);
		touch(p, 1);
		take(&b);
		_exit(b.pgfault_cow - a.pgfault_cow == PAGES && b.minflt - a.minflt == PAGES);
	}
	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 1;
}

/* child_peak_rss: a child writes PAGES new pages and exits; whether the
 * children's ru_maxrss is then our VmRSS at the fork plus those 400 kB (and
 * at most the few pages libc's fork may have faulted in more). */
static int child_peak_rss(void)
{
	struct figures f;
	struct rusage ru;
	int status;

	take(&f);
	pid_t pid = fork();
	if (pid == 0) {
		touch(mmap(NULL, PAGES * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), 1);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	getrusage(RUSAGE_CHILDREN, &ru);
	return ru.ru_maxrss >= f.rss + PAGES * 4 && ru.ru_maxrss <= f.rss + (PAGES + FAULT_SLACK) * 4;
}


/* child_states: a child sleeping shows S, killed and not reaped Z (with no
 * memory lines in status), reaped it is gone from /proc. */
static int child_states(void)
{
	char path[64], text[4096];
	pid_t pid = fork();

	if (pid == 0) {
		sleep(1000);
		_exit(0);
	}
	while (proc_state(pid) == 'R')
		sched_yield(); /* until it sleeps */
	int ok = proc_state(pid) == 'S';
	kill(pid, SIGKILL);
	while (proc_state(pid) == 'S' || proc_state(pid) == 'R')
		sched_yield();
	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	ok &= proc_state(pid) == 'Z' && read_text(path, text, sizeof(text)) > 0 && !strstr(text, "VmRSS");
	waitpid(pid, NULL, 0);
	return ok && read_text(path, text, sizeof(text)) < 0 && errno == ENOENT;
}

/* sysctl_takes: writing @value to /proc/sys/vm/@name reads back as @value. */
static int sysctl_takes(const char *name, const char *value)
{
	char path[64], text[32];

	snprintf(path, sizeof(path), "/proc/sys/vm/%s", name);
	int fd = open(path, O_WRONLY);
	int ok = fd >= 0 && write(fd, value, strlen(value)) == (ssize_t)strlen(value);
	close(fd);
	return ok && read_text(path, text, sizeof(text)) > 0 && atoll(text) == atoll(value);
}

/* stat_rss_is_vmrss: stat's rss field (pages) and status's VmRSS agree. */
static int stat_rss_is_vmrss(void)
{
	static char stat[1024], status[4096];

	for (int i = 0; i < 2; i++) { /* the first time faults the buffers in */
		read_text("/proc/self/stat", stat, sizeof(stat));
		read_text("/proc/self/status", status, sizeof(status));
	}
	const char *rss = stat_field(stat, 24);
	return rss && atoll(rss) * 4 == line_value(status, "VmRSS:");
}

int main(void)
{
	struct figures a, b;

	check("MemFree equals sysinfo's freeram", memfree_is_freeram());
	check("stat's rss is VmRSS", stat_rss_is_vmrss());
	check("a child's peak resident set counts the 100 pages it wrote", child_peak_rss()); /* our first child */
	take(&a);
	char *p = mmap(NULL, 2 * PAGES * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	take(&b);
	check("mmap of 800 kB: Committed_AS +800 kB, VmRSS +0", b.committed - a.committed == 2 * PAGES * 4 &&
							       b.rss == a.rss);
	take(&a);
	touch(p, 1);
	take(&b);
	check("writing 100 new pages: VmRSS and RssAnon +400 kB", b.rss - a.rss == PAGES * 4 && b.anon - a.anon == PAGES * 4);
	check("writing 100 new pages: minflt +100, pgfault_demand +100",
	      b.minflt - a.minflt == PAGES && b.pgfault_demand - a.pgfault_demand == PAGES);
	take(&a);
	touch(p + PAGES * PAGE, 0);
	take(&b);
	check("reading 100 untouched pages: VmRSS +0, minflt +100, pgfault_zero +100",
	      b.rss == a.rss && b.minflt - a.minflt == PAGES && b.pgfault_zero - a.pgfault_zero == PAGES);
	check("a child writing 100 shared pages: 100 COW faults", cow_faults(p));
	take(&a);
	touch(p, 1);
	take(&b);
	check("then the parent writing them, the last sharer: 100 faults, each reusing its page, no copy",
	      b.pgfault_cow_reuse - a.pgfault_cow_reuse == PAGES && b.pgfault_cow == a.pgfault_cow &&
	      b.minflt - a.minflt == PAGES);
	take(&a);
	mlock(p, PAGES * PAGE);
	take(&b);
	check("mlock of 100 resident pages: VmLck and Mlocked +400 kB",
	      b.locked - a.locked == PAGES * 4 && b.mlocked - a.mlocked == PAGES * 4);
	munlock(p, PAGES * PAGE);
	take(&b);
	check("munlock: VmLck and Mlocked back", b.locked == a.locked && b.mlocked == a.mlocked);
	take(&a);
	munmap(p, 2 * PAGES * PAGE);
	take(&b);
	check("munmap: VmRSS -400 kB, Committed_AS -800 kB",
	      a.rss - b.rss == PAGES * 4 && a.committed - b.committed == 2 * PAGES * 4);
	check("a child is S asleep, Z killed (no memory), gone once reaped", child_states());
	char min_free[32];
	read_text("/proc/sys/vm/min_free_kbytes", min_free, sizeof(min_free));
	check("min_free_kbytes takes 4096, and its value back", sysctl_takes("min_free_kbytes", "4096") &&
								   sysctl_takes("min_free_kbytes", min_free));
	check("min_free_kbytes refuses watermarks over a quarter of memory",
	      !sysctl_takes("min_free_kbytes", "1000000") && sysctl_takes("min_free_kbytes", min_free));
	check("swappiness takes 0, 200 and 60", sysctl_takes("swappiness", "0") && sysctl_takes("swappiness", "200") &&
						     sysctl_takes("swappiness", "60"));
	return test_failures;
}
