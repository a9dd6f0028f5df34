/*
 * user/demo_cow.c - copy-on-write fork, made visible. fork copies the page
 * tables, not the pages: parent and child share every page read-only, and
 * the first write by either side to a shared page copies it (a minor fault and
 * a new frame: MemFree drops). A page left with one user is not copied but
 * made writable again (Linux's "pgreuse" in /proc/vmstat).
 *
 *   $ demo_cow
 *   parent wrote 4 MiB        ...
 *   child: reads 4 MiB        minflt    +0  MemFree     +0 kB   (shared)
 *   child: writes 1 MiB       minflt  +256  MemFree  -1024 kB   (copied)
 *   ...
 * Also runs on Linux, where MemFree moves with everything else the machine does.
 */
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/pages.h"
#include "lib/procfs.h"

#define SHARED_MIB 4

static struct mem_usage before;
static long long reuse_before;
static char vmstat[16384];

/* pgreuse: Linux's count of write faults that reused a page instead of copying it. */
static long long pgreuse(void)
{
	read_text("/proc/vmstat", vmstat, sizeof(vmstat));
	return line_value(vmstat, "pgreuse ");
}

/* settle: take the baseline the next report counts from, once measuring itself
 * faults no more: the first time it faults its buffers in, and after fork it
 * faults them again (they are shared copy-on-write). */
static void settle(void)
{
	for (int i = 0; i < 2; i++) {
		reuse_before = pgreuse();
		mem_usage_now(&before);
	}
}

/* report: what changed since the baseline, as one line named @who: @what. */
static void report(const char *who, const char *what)
{
	struct mem_usage now;

	mem_usage_now(&now);
	long long reuse = pgreuse();
	printf("%-7s %-22s VmRSS %+6lld kB  minflt %+5ld  MemFree %+6lld kB  pgreuse %+5lld\n", who, what,
	       now.vm_rss - before.vm_rss, now.minflt - before.minflt, now.mem_free - before.mem_free,
	       reuse - reuse_before);
	fflush(stdout);
	settle();
}

/* child: read everything, then write a quarter: only those pages are copied.
 * @forked: the parent's baseline just before fork. */
static void child(char *map, struct mem_usage forked)
{
	settle();
	printf("child   after fork: VmRSS %lld kB, MemFree %+lld kB (page tables and a kernel stack, no pages)\n",
	       before.vm_rss, before.mem_free - forked.mem_free);
	fflush(stdout);
	settle();
	touch_pages(map, SHARED_MIB * MIB, 0);
	report("child", "reads 4 MiB (shared)");
	touch_pages(map, MIB, 1);
	report("child", "writes 1 MiB (copies)");
}

int main(void)
{
	char *map = mmap(NULL, SHARED_MIB * MIB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (map == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	madvise(map, SHARED_MIB * MIB, MADV_NOHUGEPAGE_LINUX);
	printf("copy-on-write: the parent writes %d MiB, forks; the child reads it all, writes 1 MiB\n", SHARED_MIB);
	fflush(stdout);
	settle();
	touch_pages(map, SHARED_MIB * MIB, 1);
	report("parent", "writes 4 MiB");
	pid_t pid = fork();
	if (pid == 0) {
		child(map, before);
		return 0;
	}
	if (pid < 0 || waitpid(pid, NULL, 0) != pid) {
		perror("fork");
		return 1;
	}
	settle();
	touch_pages(map, SHARED_MIB * MIB, 1);
	report("parent", "writes 4 MiB again");
	printf("the child's writes copied its pages; the parent's, after the child exited, reused them: no copy\n");
	return 0;
}
