/*
 * kernel/fs/devtmpfs.c - the file systems every boot mounts, and /dev's
 * nodes (Linux: drivers/base/devtmpfs.c, which the init scripts complete):
 *   /proc     procfs
 *   /dev      a tmpfs with console (5,1), tty (5,0), null, zero, full,
 *             random, urandom (drivers/mem.c), shm/ (1777, for POSIX shared
 *             memory as /dev/shm), and the fd, stdin, stdout, stderr links
 *             into /proc/self/fd, as udev makes them
 *   /tmp      a tmpfs (1777)
 * A failure is logged and the boot goes on: a kernel without /tmp still runs.
 */
#include "kernel/fs/devtmpfs.h"
#include "kernel/fs/dir_ops.h"
#include "kernel/fs/namei.h"
#include "kernel/printk.h"
#include "drivers/console.h"
#include "drivers/mem.h"

/* must: log @what failed with @err (not 0). */
static void must(int err, const char *what)
{
	if (err)
		pr_err("devtmpfs: %s: error %d\n", what, err);
}

/* make_dev_nodes: the device nodes and links of a fresh /dev. */
static void make_dev_nodes(void)
{
	static const struct { const char *target, *name; } links[] = {
		{ "/proc/self/fd", "/dev/fd" },     { "/proc/self/fd/0", "/dev/stdin" },
		{ "/proc/self/fd/1", "/dev/stdout" }, { "/proc/self/fd/2", "/dev/stderr" },
	};

	must(do_mknodat(AT_FDCWD, "/dev/console", S_IFCHR | 0600, CONSOLE_DEV), "/dev/console");
	must(do_mknodat(AT_FDCWD, "/dev/tty", S_IFCHR | 0666, TTY_DEV), "/dev/tty");
	for (const struct mem_device *m = mem_devices; m->name; m++) {
		char path[32] = "/dev/";
		for (int i = 0; m->name[i] && i < 20; i++)
			path[5 + i] = m->name[i];
		must(do_mknodat(AT_FDCWD, path, S_IFCHR | 0666, m->rdev), path);
	}
	must(do_mkdirat(AT_FDCWD, "/dev/shm", 01777), "/dev/shm");
	for (unsigned i = 0; i < sizeof(links) / sizeof(links[0]); i++)
		must(do_symlinkat(links[i].target, AT_FDCWD, links[i].name), links[i].name);
}

void mount_boot_filesystems(void)
{
	must(vfs_mount("proc", NULL, "/proc"), "mount proc on /proc");
	int err = vfs_mount("tmpfs", NULL, "/dev");
	must(err, "mount tmpfs on /dev");
	if (!err)
		make_dev_nodes();
	must(vfs_mount("tmpfs", NULL, "/tmp"), "mount tmpfs on /tmp");
}
