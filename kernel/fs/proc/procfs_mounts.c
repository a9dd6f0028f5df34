/*
 * kernel/fs/proc/procfs_mounts.c - /proc/mounts and /proc/PID/mounts (Linux:
 * fs/proc_namespace.c show_vfsmnt): a line per mount, "SOURCE MOUNTPOINT TYPE
 * OPTIONS 0 0", in the order they were made. One mount namespace: every
 * process sees the same table. Options are "ro" or "rw": no mount here has
 * nosuid, nodev, noexec or atime flags to show.
 */
#include "kernel/fs/proc/procfs_entries.h"
#include "kernel/fs/vfs.h"
#include "mm/kmalloc.h"

/* show_one: one mount's line into the seq_file @arg. */
static void show_one(const struct vfsmount *m, void *arg)
{
	struct seq_file *s = arg;
	char *where = kmalloc(PATH_MAX);
	struct path at = { m->mnt_parent, m->mnt_mountpoint };

	if (!where)
		return;
	if (m->mnt_parent == m)
		where[0] = '/', where[1] = '\0';
	else if (d_path(&at, where, PATH_MAX) < 0)
		where[0] = '?', where[1] = '\0';
	seq_printf(s, "%s %s %s %s 0 0\n", m->mnt_devname, where, m->mnt_sb->s_type->name,
		   (m->mnt_sb->s_flags & SB_RDONLY) ? "ro" : "rw");
	kfree(where);
}

int show_mounts(struct seq_file *s, struct process *p)
{
	(void)p;
	for_each_mount(show_one, s);
	return 0;
}
