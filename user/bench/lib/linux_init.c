/*
 * user/bench/lib/linux_init.c - pid 1's chores on Linux (see linux_init.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/swap.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "bench.h"
#include "linux_init.h"

#define SWAP_DISK    "/dev/vda"
#define MODULES_LIST BENCH_DIR "/modules"

/* say: "init: @what: reason" on stderr, for a step that failed (errno). */
static void say(const char *what)
{
	fprintf(stderr, "init: %s: %s\n", what, strerror(errno));
}

/* console: /dev/console as fds 0, 1 and 2, unless the kernel opened them (it
 * does only when the initramfs has a /dev/console, and ours has no nodes). */
static void console(void)
{
	int fd;

	if (fcntl(1, F_GETFD) >= 0)
		return;
	fd = open("/dev/console", O_RDWR);
	if (fd < 0)
		return; /* nowhere to say so */
	for (int i = 0; i < 3; i++)
		if (fd != i)
			dup2(fd, i);
	if (fd > 2)
		close(fd);
}

/* load_modules: finit_module each path listed in MODULES_LIST, in order. */
static void load_modules(void)
{
	char path[512];
	FILE *f = fopen(MODULES_LIST, "r");

	if (!f)
		return; /* none needed */
	while (fgets(path, sizeof(path), f)) {
		int fd;

		path[strcspn(path, "\n")] = 0;
		if (!path[0])
			continue;
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0 || (syscall(SYS_finit_module, fd, "", 0) && errno != EEXIST))
			say(path);
		if (fd >= 0)
			close(fd);
	}
	fclose(f);
}

void linux_init(void)
{
	mkdir("/dev", 0755);
	if (mount("devtmpfs", "/dev", "devtmpfs", 0, NULL) && errno != EBUSY)
		say("mount devtmpfs on /dev");
	console();
	load_modules();
	/* finit_module returns once virtio_blk has probed the disk and devtmpfs
	 * has its node: no disk now means none attached. */
	if (access(SWAP_DISK, F_OK))
		fprintf(stderr, "init: no %s: running without swap\n", SWAP_DISK);
	else if (swapon(SWAP_DISK, 0))
		say("swapon " SWAP_DISK);
}

_Noreturn void linux_power_off(void)
{
	fflush(NULL);
	sync();
	reboot(RB_POWER_OFF);
	say("reboot");
	for (;;)
		pause(); /* pid 1 must not exit: that is a kernel panic */
}
