/*
 * tests/user/mmap_eof.c - a file mapping longer than its file: the last
 * file page reads the file's bytes then zeros, and a touch of a page wholly
 * past the end is SIGBUS (Linux's filemap_fault), for reads and private
 * writes alike; a system call handed such a page gets EFAULT; MAP_POPULATE
 * over it succeeds. Before, ours read zeros there. (Shared file mappings
 * come with the page cache; ours refuses them with ENODEV today.)
 * user-test: diff
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"
#include "lib/pages.h"

/* dies_of: whether a child that runs @touch(@p) is killed by @sig. */
static int dies_of(int sig, void (*touch)(volatile char *), volatile char *p)
{
	int status;

	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		touch(p);
		_exit(0);
	}
	return waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == sig;
}

static void read_byte(volatile char *p)
{
	(void)*p;
}

static void write_byte(volatile char *p)
{
	*p = 1;
}

/* tail_is_zero: whether the bytes of @p from @from to the page's end are zero. */
static int tail_is_zero(const char *p, size_t from)
{
	for (size_t i = from; i < PAGE; i++)
		if (p[i])
			return 0;
	return 1;
}

int main(int argc, char *argv[])
{
	char path[PATH_MAX], first;
	struct stat st;
	int fd = open(sibling(path, argv[0], "not_elf.txt"), O_RDONLY);

	(void)argc;
	if (fd < 0 || fstat(fd, &st) || st.st_size == 0 || (size_t)st.st_size >= PAGE || pread(fd, &first, 1, 0) != 1)
		return 1;
	char *ro = mmap(NULL, 3 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	char *rw = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	char *pop = mmap(NULL, 2 * PAGE, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	check("mmap of three pages of a one-page file succeeds", ro != MAP_FAILED && rw != MAP_FAILED);
	check("MAP_POPULATE over the end succeeds", pop != MAP_FAILED);
	check("the first page holds the file's bytes", ro[0] == first && rw[0] == first && pop[0] == first);
	check("then zeros to the page's end", tail_is_zero(ro, st.st_size) && tail_is_zero(rw, st.st_size));
	check("a read of the second page is SIGBUS", dies_of(SIGBUS, read_byte, ro + PAGE));
	check("a read of the third page is SIGBUS", dies_of(SIGBUS, read_byte, ro + 2 * PAGE + 100));
	check("a write to a private writable page past the end is SIGBUS", dies_of(SIGBUS, write_byte, rw + PAGE));
	check("a populated page past the end is still SIGBUS", dies_of(SIGBUS, read_byte, pop + PAGE));
	check("a write to the first private page works", (rw[1] = 'x', rw[1] == 'x'));
	errno = 0;
	check("write(2) from a page past the end is EFAULT", write(STDOUT_FILENO, ro + PAGE, 10) == -1 && errno == EFAULT);
	check("munmap of it all works", !munmap(ro, 3 * PAGE) && !munmap(rw, 3 * PAGE) && !munmap(pop, 2 * PAGE));
	close(fd);
	return test_failures;
}
