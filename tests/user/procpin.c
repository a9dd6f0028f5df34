/*
 * tests/user/procpin.c - `procpin [VMAS]`: a process that tries to pin kernel
 * memory through /proc cannot take much, what it takes counts against it, and
 * the OOM killer then picks it, not a bystander.
 *
 * A bystander holds 32 MiB. The pinner makes VMAS (default 20000) mappings,
 * so that its /proc/self/maps is about 1.5 MB of text, opens that file on
 * every descriptor it may have and reads one byte of each: on a kernel that
 * generates a /proc file whole at the first read and keeps it until close,
 * that is ~90 MB of kernel memory nobody counts (the OOM killer then killed
 * an innocent process); through a seq_file each open file holds one page
 * (kernel/fs/seq_file.c), and the open files' buffers count in the pinner's
 * badness (mm/oom.c), so its oom_score rises. Then the pinner takes memory
 * until the OOM killer stops it: it must be the one killed, and the
 * bystander's data must be intact. Every frame is free again at the end
 * (tests/user/leakcheck.h). For the boot test procpin_oom (MEM=128M, no swap).
 * user-test: helper
 */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"
#include "leakcheck.h"
#include "lib/pages.h"
#include "lib/procfs.h"

#define BYSTANDER_MIB 32

static volatile int *flag; /* MAP_SHARED: 1 = the bystander holds its memory, 2 = it may check and leave */

/* reread: the text of the open /proc file @fd from its start (as procps
 * re-reads an open /proc/meminfo: lseek to 0, read), into @buf. */
static char *reread(int fd, char *buf, size_t size)
{
	ssize_t n = lseek(fd, 0, SEEK_SET) == 0 ? read(fd, buf, size - 1) : -1;

	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

/* bystander: hold BYSTANDER_MIB MiB with a pattern until told, then check it; exit 0 if intact. */
static _Noreturn void bystander(void)
{
	size_t len = BYSTANDER_MIB * MIB;
	unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		_exit(2);
	for (size_t i = 0; i < len; i += PAGE)
		p[i] = (unsigned char)(i / PAGE);
	*flag = 1;
	while (*flag != 2)
		usleep(10000);
	for (size_t i = 0; i < len; i += PAGE)
		if (p[i] != (unsigned char)(i / PAGE))
			_exit(1);
	_exit(0);
}

/* pin: map @vmas pages that cannot merge, open /proc/self/maps on every free
 * descriptor and read a byte of each; report what that cost the kernel (the
 * two files it measures with are opened first: no descriptor is left after). */
static void pin(long vmas)
{
	static char text[4096];
	int meminfo = open("/proc/meminfo", O_RDONLY), score = open("/proc/self/oom_score", O_RDONLY);
	long long free_before, free_after;
	long score_before, score_after;
	int files = 0;
	char byte;

	for (long i = 0; i < vmas; i++)
		if (mmap(NULL, PAGE, i % 2 ? PROT_READ : PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) ==
		    MAP_FAILED)
			break;
	free_before = line_value(reread(meminfo, text, sizeof(text)), "MemFree:");
	score_before = atol(reread(score, text, sizeof(text)));
	for (;;) {
		int fd = open("/proc/self/maps", O_RDONLY);
		if (fd < 0)
			break;
		if (read(fd, &byte, 1) != 1)
			break;
		files++;
	}
	free_after = line_value(reread(meminfo, text, sizeof(text)), "MemFree:");
	score_after = atol(reread(score, text, sizeof(text)));
	printf("pinner: %d open maps files, a byte read of each: %lld kB of kernel memory, oom_score %ld -> %ld\n",
	       files, free_before - free_after, score_before, score_after);
	check("pinner: it opened more than 50", files > 50);
	check("pinner: they hold less than 1 MiB of kernel memory", free_before - free_after < 1024);
	check("pinner: its oom_score counts them (it rose)", score_after > score_before);
	fflush(stdout);
}

/* pinner: pin, then take memory a MiB at a time until killed. */
static _Noreturn void pinner(long vmas)
{
	pin(vmas);
	for (;;) {
		volatile char *p = mmap(NULL, MIB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			_exit(3);
		touch_pages(p, MIB, 1);
	}
}

int main(int argc, char *argv[])
{
	long vmas = argc > 1 ? atol(argv[1]) : 20000;
	struct leak_snapshot start;
	int status;
	pid_t by, pn;

	flag = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	*flag = 0;
	start = leak_begin();
	fflush(stdout);
	by = fork();
	if (by == 0)
		bystander();
	while (*flag != 1)
		usleep(10000);
	pn = fork();
	if (pn == 0)
		pinner(vmas);
	waitpid(pn, &status, 0);
	check("the pinner was killed by SIGKILL (the OOM killer)", WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	*flag = 2;
	waitpid(by, &status, 0);
	check("the bystander finished with its data intact", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	test_failures += leak_end(start);
	printf("procpin: %d failure(s)\n", test_failures);
	return test_failures;
}
