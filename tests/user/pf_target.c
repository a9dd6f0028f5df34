/*
 * tests/user/pf_target.c - page faults at one known address, for the gdb
 * test (tests/gdb_test.py) to stop on: a first write to a fresh anonymous
 * page at PF_TARGET (a demand-zero fault, error code 0x6: write, user, not
 * present), then, in a forked child, a write to the same page now shared
 * copy-on-write (error code 0x7: present too). Exits 0 when both saw their
 * own data.
 * user-test: helper
 */
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PF_TARGET ((volatile char *)0x10000000ul) /* tests/gdb_test.py: PF_TARGET */

int main(void)
{
	int status;

	if (mmap((void *)PF_TARGET, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
		 -1, 0) == MAP_FAILED) {
		perror("pf_target: mmap");
		return 1;
	}
	PF_TARGET[0] = 1; /* demand-zero fault */
	if (fork() == 0) {
		PF_TARGET[0] = 2; /* copy-on-write fault */
		_exit(PF_TARGET[0] == 2 ? 0 : 1);
	}
	wait(&status);
	return (WIFEXITED(status) && WEXITSTATUS(status) == 0 && PF_TARGET[0] == 1) ? 0 : 1;
}
