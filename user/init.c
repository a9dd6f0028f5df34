/*
 * user/init.c - pid 1. The kernel starts it as /init with the words of the
 * init="..." command-line option as arguments:
 *   /init PROG ARGS...   run PROG with ARGS, then power off with its status;
 *   /init                print a welcome, run /bin/sh, power off with its status.
 * The status is the shell's: the exit code, or 128 + the signal that killed it;
 * QEMU exits with it (the kernel's extension of reboot(2), see power_off).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "lib/proc.h"

#define REBOOT_MAGIC1 0xfee1dead
#define REBOOT_MAGIC2 672274793 /* Linus Torvalds' birthday, 28 Dec 1969, in hex */

extern char **environ;

/* power_off: end the machine with @status. Linux ignores reboot's fourth
 * argument for POWER_OFF; our kernel makes it QEMU's exit code. On Linux (not
 * pid 1: a test on the host) just exit with it. */
static _Noreturn void power_off(int status)
{
	fflush(NULL);
	if (getpid() != 1) {
		printf("init: not pid 1, exiting with %d\n", status);
		exit(status);
	}
	syscall(SYS_reboot, REBOOT_MAGIC1, REBOOT_MAGIC2, RB_POWER_OFF, (long)status);
	fprintf(stderr, "init: reboot: %s\n", strerror(errno));
	exit(status);
}

int main(int argc, char *argv[])
{
	char *shell[] = { "/bin/sh", NULL };
	char **prog = argc > 1 ? argv + 1 : shell;

	ignore_sigint();
	if (argc == 1)
		printf("Welcome! This is /bin/sh: try `ls /bin`; `exit` powers off.\n");
	power_off(exit_code(run_session("init", prog[0], prog, environ, 127)));
}
