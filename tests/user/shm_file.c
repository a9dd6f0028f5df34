/*
 * tests/user/shm_file.c - mappings of tmpfs files (/dev/shm, /tmp), as Linux
 * keeps them: MAP_SHARED stores reach the file at once (read sees them) and
 * write() reaches the mapping; a child after fork shares them; MAP_PRIVATE
 * copies on write and leaves the file alone; a page past the end of the file
 * is SIGBUS, also after a truncate cut it off under the mapping; EACCES for
 * a shared writable mapping of a file not open for writing; /proc/self/maps
 * names the file; msync. What LTP's library does at start-up is one case:
 * a results page in /dev/shm shared with its children. Same facts on Linux.
 * user-test: diff
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"

#define PAGE 4096

static sigjmp_buf bus_env;
static volatile sig_atomic_t buses;

static void on_bus(int sig)
{
	(void)sig;
	buses++;
	siglongjmp(bus_env, 1);
}

/* touch_faults: whether reading @p raises SIGBUS. */
static int touch_faults(volatile char *p)
{
	int before = buses;
	if (!sigsetjmp(bus_env, 1))
		(void)*p;
	return buses != before;
}

int main(void)
{
	const char *path = "/dev/shm/shm_file_test";
	char buf[16];
	int fd = open(path, O_CREAT | O_EXCL | O_RDWR, 0600);

	signal(SIGBUS, on_bus);
	check("create in /dev/shm", fd >= 0 && ftruncate(fd, 2 * PAGE) == 0);
	char *m = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	check("mmap MAP_SHARED", m != MAP_FAILED);
	memcpy(m + 100, "via-memory", 10);
	check("a store is in the file at once", pread(fd, buf, 10, 100) == 10 && !memcmp(buf, "via-memory", 10));
	pwrite(fd, "via-write", 9, PAGE + 5);
	check("write() is in the mapping", !memcmp(m + PAGE + 5, "via-write", 9));

	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		strcpy(m + 200, "from-child");
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	check("a child's store after fork reaches the parent", !strcmp(m + 200, "from-child"));

	char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	check("MAP_PRIVATE reads the file", p != MAP_FAILED && !memcmp(p + 100, "via-memory", 10));
	memcpy(p + 100, "private!!!", 10);
	check("a private store stays private", pread(fd, buf, 10, 100) == 10 && !memcmp(buf, "via-memory", 10) &&
	      !memcmp(m + 100, "via-memory", 10));
	pwrite(fd, "new", 3, PAGE);
	check("an untouched private page still sees the file", !memcmp(p + PAGE, "new", 3));
	check("msync", msync(m, 2 * PAGE, MS_SYNC) == 0 && msync(m, PAGE, MS_ASYNC) == 0);
	check("msync of MS_SYNC|MS_ASYNC: EINVAL", msync(m, PAGE, MS_SYNC | MS_ASYNC) == -1 && errno == EINVAL);
	check("msync of an unaligned address: EINVAL", msync(m + 1, PAGE, MS_SYNC) == -1 && errno == EINVAL);

	FILE *maps = fopen("/proc/self/maps", "r");
	char line[512];
	int named = 0;
	while (maps && fgets(line, sizeof(line), maps))
		named += strstr(line, path) && strstr(line, "rw-s") != NULL;
	if (maps)
		fclose(maps);
	check("/proc/self/maps names the file, rw-s", named == 1);

	char *big = mmap(NULL, 3 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	check("a page within the file reads", !touch_faults(big + PAGE));
	check("a page past the end is SIGBUS", touch_faults(big + 2 * PAGE));
	ftruncate(fd, 100);
	check("the partial last page still reads (zeros after the end)", !touch_faults(m + 200) && m[150] == 0);
	check("truncated away under the mapping: SIGBUS", touch_faults(m + PAGE));
	check("a private page past the new end: SIGBUS too", touch_faults(p + PAGE));
	munmap(big, 3 * PAGE);
	munmap(p, 2 * PAGE);
	munmap(m, 2 * PAGE);
	close(fd);

	fd = open(path, O_RDONLY);
	check("MAP_SHARED|PROT_WRITE of a read-only fd: EACCES",
	      mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED && errno == EACCES);
	check("but MAP_PRIVATE may write", mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0) != MAP_FAILED);
	close(fd);
	unlink(path);

	/* LTP's start-up: a results page in /dev/shm, shared with forked tests */
	fd = open("/dev/shm/ltp_like", O_CREAT | O_EXCL | O_RDWR, 0600);
	ftruncate(fd, PAGE);
	int *results = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	unlink("/dev/shm/ltp_like");
	close(fd);
	for (int i = 0; i < 3; i++) {
		fflush(stdout);
		if (fork() == 0) {
			__atomic_add_fetch(&results[0], 1, __ATOMIC_SEQ_CST);
			_exit(0);
		}
		wait(NULL);
	}
	check("three children counted in the shared page of an unlinked file", results[0] == 3);
	munmap(results, PAGE);
	return test_failures;
}
