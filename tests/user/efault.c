/*
 * tests/user/efault.c - a system call given a pointer the process may not
 * use fails with EFAULT instead of crashing (or obeying): unmapped addresses
 * and the kernel's own half, for reading and for writing.
 * user-test: diff
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
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

/* wait_bad_pointer: wait4 for a child that exits, with @status or @usage
 * bad: EFAULT, and the child is reaped all the same (Linux releases it
 * before it copies out), so a second wait finds no child. */
static void wait_bad_pointer(const char *call, int *status, struct rusage *usage)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(3);
	show(call, wait4(pid, status, 0, usage));
	show("  then wait4(child, &status)", wait4(pid, &(int){ 0 }, WNOHANG, NULL));
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
	wait_bad_pointer("wait4(child, unmapped status)", UNMAPPED, NULL);
	wait_bad_pointer("wait4(child, kernel status)", KERNEL, NULL);
	wait_bad_pointer("wait4(child, &status, unmapped rusage)", &(int){ 0 }, UNMAPPED);
	close(fd);
	check("still running after all that", 1);
	return test_failures;
}
