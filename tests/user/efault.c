/*
 * tests/user/efault.c - a system call given a pointer the process may not
 * use fails with EFAULT instead of crashing (or obeying): unmapped addresses
 * and the kernel's own half, for reading and for writing.
 * user-test: diff
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "test.h"

#define UNMAPPED ((void *)1)
#define KERNEL   ((void *)0xffff800000000000ul) /* the kernel's direct map */

/* show: print a call's result @ret and, when it failed, errno. */
static void show(const char *call, long ret)
{
	printf("%s = %ld%s%s%s\n", call, ret, ret < 0 ? " (" : "", ret < 0 ? strerror(errno) : "",
	       ret < 0 ? ")" : "");
}

int main(int argc, char *argv[])
{
	char path[PATH_MAX];
	int fd = open(sibling(path, argv[0], "not_elf.txt"), O_RDONLY);

	(void)argc;
	show("write(1, unmapped, 10)", write(STDOUT_FILENO, UNMAPPED, 10));
	show("write(1, kernel, 10)", write(STDOUT_FILENO, KERNEL, 10));
	show("read(file, unmapped, 10)", read(fd, UNMAPPED, 10));
	show("read(file, kernel, 10)", read(fd, KERNEL, 10));
	show("open(unmapped)", open(UNMAPPED, O_RDONLY));
	show("open(kernel)", open(KERNEL, O_RDONLY));
	show("uname(unmapped)", uname(UNMAPPED));
	show("uname(kernel)", uname(KERNEL));
	close(fd);
	check("still running after all that", 1);
	return test_failures;
}
