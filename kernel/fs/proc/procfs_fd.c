/*
 * kernel/fs/proc/procfs_fd.c - /proc/PID/fd and /proc/PID/exe (Linux:
 * fs/proc/fd.c and base.c's proc_exe_link): a link per open descriptor whose
 * target is the path the file was opened by (d_path), "pipe:[INO]" for a
 * pipe, "/dev/console" for the console the kernel opened for init; and the
 * path of the program the process runs. Walking such a link walks its target
 * path again (Linux's links reach the open file itself: a pipe's cannot be
 * reopened here).
 */
#include "kernel/fs/proc/procfs_entries.h"
#include "kernel/fs/pipe.h"
#include "kernel/fs/vfs.h"
#include "kernel/proc.h"
#include "kernel/errno.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsnprintf.h"
#include "mm/kmalloc.h"

/* fd_file: the file descriptor @fd of @n's process holds, or NULL. */
static struct file *fd_file(const struct proc_node *n, int fd)
{
	int err;
	struct process *p = node_process(n, &err);

	return p && fd >= 0 && fd < NR_OPEN ? p->files[fd] : NULL;
}

int proc_fd_lookup(struct proc_node *n, const char *name, size_t len)
{
	int fd = 0;

	if (!len || len > 2 || (len > 1 && name[0] == '0'))
		return -ENOENT; /* NR_OPEN is 64: at most two digits, no leading zero */
	for (size_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -ENOENT;
		fd = fd * 10 + name[i] - '0';
	}
	if (!fd_file(n, fd))
		return -ENOENT;
	*n = (struct proc_node){ PE_PID_FD_LINK, n->pid, fd };
	return 0;
}

int proc_fd_readdir(const struct proc_node *dir, uint64_t *pos, struct dir_entry *e, char *name)
{
	for (uint64_t fd = *pos - 2; fd < NR_OPEN; fd++) {
		if (!fd_file(dir, (int)fd))
			continue;
		struct proc_node child = { PE_PID_FD_LINK, dir->pid, (int)fd };
		snprintf(name, PROC_NAME_LEN, "%d", (int)fd);
		*e = (struct dir_entry){ name, procfs_ino(&child), S_IFLNK };
		*pos = 2 + fd;
		return 0;
	}
	return -ENOENT;
}

uint32_t proc_fd_mode(const struct proc_node *n)
{
	struct file *f = fd_file(n, n->fd);
	int acc = f ? f->flags & O_ACCMODE : O_RDONLY;

	return S_IFLNK | (acc != O_WRONLY ? 0500 : 0) | (acc != O_RDONLY ? 0300 : 0);
}

/* file_name: what @f's link shows, into @buf (@size bytes, NUL-terminated); its length. */
static long file_name(struct file *f, char *buf, size_t size)
{
	uint64_t ino;

	if (f->f_path.dentry)
		return d_path(&f->f_path, buf, size);
	if (pipe_ino(f, &ino))
		return snprintf(buf, size, "pipe:[%lu]", ino);
	return snprintf(buf, size, "/dev/console"); /* init's fds 0-2, opened by the kernel */
}

long proc_link_target(const struct proc_node *n, char *buf, size_t size)
{
	int err;
	struct process *p = node_process(n, &err);
	char *name = kmalloc(PATH_MAX);
	long len = -ENOENT;

	if (!name)
		return -ENOMEM;
	if (p && n->entry == PE_PID_EXE && p->exe.dentry)
		len = d_path(&p->exe, name, PATH_MAX);
	else if (p && n->entry == PE_PID_FD_LINK && fd_file(n, n->fd))
		len = file_name(fd_file(n, n->fd), name, PATH_MAX);
	if (len > (long)size)
		len = (long)size;
	if (len > 0)
		memcpy(buf, name, (size_t)len);
	kfree(name);
	return len;
}
