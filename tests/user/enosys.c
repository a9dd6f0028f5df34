/*
 * tests/user/enosys.c - a system call number with no system call fails with
 * ENOSYS and the process goes on: 400, in the gap Linux's x86-64 table
 * leaves before the numbers it shares with other architectures (424 on; the
 * gap's first entries, 335 and 336, have since been taken by uprobes),
 * numbers past its end, and -1.
 * user-test: diff
 */
#include <errno.h>
#include <unistd.h>

#include "test.h"

int main(void)
{
	long numbers[] = { 400, 1000, 100000, 0x7fffffff, -1 };

	for (size_t i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++) {
		long ret = syscall(numbers[i], 0, 0, 0, 0, 0, 0);
		printf("syscall(%ld) = %ld (%s)\n", numbers[i], ret, ret < 0 ? strerror(errno) : "ok");
	}
	check("getpid() still works", getpid() > 0);
	return test_failures;
}
