/*
 * tests/user/busybox_sh.c - Debian's busybox (busybox-static: glibc, static,
 * unmodified) runs tests/user/busybox_sh.txt with its sh: pipes, command
 * substitution, here-documents, background jobs, traps, FIFOs, the text and
 * file applets, in a directory under /tmp. The same binary and script on
 * Linux and here; the output must be the same. scripts/deps.sh installs the
 * package and user/user.mk puts /bin/busybox in the initrd.
 * user-test: diff
 */
#include <stdio.h>
#include <unistd.h>

#include "test.h"

int main(int argc, char **argv)
{
	char busybox[PATH_MAX], script[PATH_MAX];

	(void)argc;
	sibling(busybox, argv[0], "../bin/busybox");
	sibling(script, argv[0], "busybox_sh.txt");
	char *args[] = { "sh", script, NULL };
	execv(busybox, args);
	perror("execv busybox");
	return 1;
}
