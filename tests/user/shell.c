/*
 * tests/user/shell.c - /bin/sh at work: runs it with stdin from
 * shell_input.txt, in the root of the tree the initrd is made of (/ on our
 * kernel, build/initrd on Linux) with PATH at its bin/, so every command finds
 * the same files on both (ROOT comes from argv[0], an absolute path when the
 * runner or the harness starts us). The output is the shell's prompts,
 * messages and the commands' output; the status is the shell's (exit 3).
 * user-test: diff
 */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "test.h"

/* parent_dir: cut @path (a program's path, at least "/x") to its directory, in place. */
static char *parent_dir(char *path)
{
	char *slash = strrchr(path, '/');

	if (slash == path)
		slash++; /* keep "/" */
	*slash = '\0';
	return path;
}

int main(int argc, char *argv[])
{
	char root[PATH_MAX / 2], path[PATH_MAX];

	(void)argc;
	snprintf(root, sizeof(root), "%s", argv[0]);
	parent_dir(parent_dir(root)); /* ROOT/tests/shell -> ROOT */
	const char *prefix = strcmp(root, "/") ? root : ""; /* for ROOT/bin: "/bin", not "//bin" */
	snprintf(path, sizeof(path), "%s/bin", prefix);
	setenv("PATH", path, 1);
	int fd = open(sibling(path, argv[0], "shell_input.txt"), O_RDONLY);
	if (fd < 0 || dup2(fd, STDIN_FILENO) < 0 || chdir(root) < 0) {
		perror(path);
		return 1;
	}
	close(fd);
	snprintf(path, sizeof(path), "%s/bin/sh", prefix);
	execl(path, "sh", (char *)NULL);
	perror(path);
	return 1;
}
