/*
 * kernel/fs/file.c - open files and descriptor tables (see vfs.h; Linux:
 * fs/file_table.c, fs/file.c, and fs/read_write.c's generic llseek).
 */
#include "kernel/fs/vfs.h"
#include "mm/page.h"
#include "kernel/proc.h"
#include "kernel/errno.h"
#include "kernel/panic.h"
#include "mm/kmalloc.h"

_Static_assert(NR_OPEN <= 64, "fd_cloexec has one bit per descriptor");

struct file *file_alloc(const struct file_operations *ops, int flags, void *priv)
{
	struct file *f = kzalloc(sizeof(*f));
	if (!f)
		return NULL;
	f->ops = ops;
	f->refcount = 1;
	f->flags = flags;
	f->priv = priv;
	return f;
}

struct file *file_get(struct file *f)
{
	if (f->refcount <= 0)
		panic("file_get: file %p has no references", (void *)f);
	f->refcount++;
	return f;
}

void file_put(struct file *f)
{
	if (f->refcount <= 0)
		panic("file_put: file %p has no references", (void *)f);
	if (--f->refcount > 0)
		return;
	if (f->ops->release)
		f->ops->release(f);
	if (f->f_path.dentry)
		path_put(&f->f_path);
	kfree(f);
}

/* fd_set: put @f in @p's slot @fd with FD_CLOEXEC as @cloexec. */
static void fd_set(struct process *p, int fd, struct file *f, bool cloexec)
{
	p->files[fd] = f;
	if (cloexec)
		p->fd_cloexec |= 1ull << fd;
	else
		p->fd_cloexec &= ~(1ull << fd);
}

/* close_slot: drop @p's descriptor @fd, if open. */
static void close_slot(struct process *p, int fd)
{
	struct file *f = p->files[fd];
	if (!f)
		return;
	fd_set(p, fd, NULL, false);
	file_put(f);
}

/* nofile_limit: the first descriptor @p may not create: its RLIMIT_NOFILE,
 * at most the table's NR_OPEN (setrlimit refuses more). Descriptors already
 * above a lowered limit stay usable, as in Linux. */
static int nofile_limit(const struct process *p)
{
	uint64_t lim = p->rlim[RLIMIT_NOFILE].cur;

	return lim < NR_OPEN ? (int)lim : NR_OPEN;
}

/* install_lowest: put @f in @p's lowest free slot >= @min below its limit; the descriptor or -EMFILE. */
static int install_lowest(struct process *p, struct file *f, int min, bool cloexec)
{
	for (int fd = min; fd < nofile_limit(p); fd++) {
		if (!p->files[fd]) {
			fd_set(p, fd, f, cloexec);
			return fd;
		}
	}
	return -EMFILE;
}

int fd_install(struct process *p, struct file *f)
{
	if (!f)
		return -ENOMEM;
	return install_lowest(p, f, 0, false);
}

int fd_install_from(struct file *f, int min, bool cloexec)
{
	if (min < 0)
		return -EINVAL;
	return install_lowest(current, f, min, cloexec);
}

int fd_install_at(int fd, struct file *f, bool cloexec)
{
	if (fd < 0 || fd >= nofile_limit(current))
		return -EBADF;
	struct file *old = current->files[fd];
	fd_set(current, fd, f, cloexec);
	if (old)
		file_put(old); /* after the switch, as Linux's dup2: @fd is never seen closed */
	return 0;
}

struct file *fd_get(int fd)
{
	if (fd < 0 || fd >= NR_OPEN)
		return NULL;
	return current->files[fd];
}

int fd_close(int fd)
{
	if (!fd_get(fd))
		return -EBADF;
	close_slot(current, fd);
	return 0;
}

void files_dup_all(struct process *parent, struct process *child)
{
	for (int fd = 0; fd < NR_OPEN; fd++)
		child->files[fd] = parent->files[fd] ? file_get(parent->files[fd]) : NULL;
}

void files_close_all(struct process *p)
{
	for (int fd = 0; fd < NR_OPEN; fd++)
		close_slot(p, fd);
}

uint64_t files_pinned_pages(struct process *p)
{
	uint64_t bytes = 0;

	for (int fd = 0; fd < NR_OPEN; fd++) {
		struct file *f = p->files[fd];
		bool seen = false;

		for (int before = 0; f && before < fd && !seen; before++)
			seen = p->files[before] == f; /* a dup'd descriptor: the same buffer */
		if (f && !seen)
			bytes += f->f_pinned;
	}
	return (bytes + PAGE_SIZE - 1) / PAGE_SIZE;
}

void files_close_on_exec(struct process *p)
{
	for (int fd = 0; fd < NR_OPEN; fd++)
		if (p->fd_cloexec & (1ull << fd))
			close_slot(p, fd);
}

int64_t generic_lseek(struct file *f, int64_t off, int whence, int64_t end)
{
	int64_t base, pos;
	switch (whence) {
	case SEEK_SET: base = 0; break;
	case SEEK_CUR: base = (int64_t)f->pos; break;
	case SEEK_END:
		if (end < 0)
			return -EINVAL;
		base = end;
		break;
	default: return -EINVAL;
	}
	if (__builtin_add_overflow(base, off, &pos) || pos < 0)
		return -EINVAL;
	f->pos = (uint64_t)pos;
	return pos;
}

int noop_fsync(struct file *f)
{
	(void)f;
	return 0;
}
