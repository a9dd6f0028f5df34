/*
 * tests/user/exec_errors.c - execve fails cleanly, leaving the caller running:
 * a text file without #! (ENOEXEC), missing files (ENOENT), a directory
 * (EACCES), a path through a file (ENOTDIR), a bad pointer (EFAULT), and
 * /proc's files, none executable (EACCES; ours said ENOENT before).
 * user-test: diff
 */
#include <errno.h>
#include <unistd.h>

#include "test.h"

extern char **environ;

/* try: execve @path, which must fail; print why. */
static void try(const char *what, const char *path)
{
	char *argv[] = { "x", NULL };
	int ret = execve(path, argv, environ);

	printf("execve(%s) = %d (%s)\n", what, ret, strerror(errno));
}

int main(int argc, char *argv[])
{
	char path[PATH_MAX], dir[PATH_MAX];

	(void)argc;
	try("a text file", sibling(path, argv[0], "not_elf.txt"));
	try("a missing file", sibling(path, argv[0], "no_such_file"));
	try("a file in a missing directory", "/no_such_dir/x");
	try("a path through a file", sibling(path, argv[0], "not_elf.txt/x"));
	try("a directory", sibling(dir, argv[0], "."));
	try("a bad pointer", (const char *)1);
	try("/proc/meminfo", "/proc/meminfo");
	try("/proc/self/maps", "/proc/self/maps");
	try("/proc/self", "/proc/self");
	try("/proc/sys/vm/swappiness", "/proc/sys/vm/swappiness");
	check("still running after all that", 1);
	return test_failures;
}
