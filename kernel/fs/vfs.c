/*
 * kernel/fs/vfs.c - open files, descriptor tables, path lookup across the initrd
 * and /proc, and opening what a path names (see vfs.h). The initrd is
 * read-only, as a filesystem mounted "ro" is on Linux: anything that would
 * write to it fails with -EROFS.
 */
#include "kernel/fs/vfs.h"
#include "kernel/proc.h"
#include "kernel/errno.h"
#include "kernel/panic.h"
#include "kernel/fs/path.h"
#include "kernel/lib/string.h"
#include "kernel/uaccess.h"
#include "drivers/console.h"
#include "mm/kmalloc.h"

_Static_assert(NR_OPEN <= 64, "fd_cloexec has one bit per descriptor");

#define INITRD_BLKSIZE 4096

struct file *file_alloc(const struct file_ops *ops, int flags, void *priv)
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

/* install_lowest: put @f in @p's lowest free slot >= @min; the descriptor or -EMFILE. */
static int install_lowest(struct process *p, struct file *f, int min, bool cloexec)
{
	for (int fd = min; fd < NR_OPEN; fd++) {
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
	if (min < 0 || min >= NR_OPEN)
		return -EINVAL;
	return install_lowest(current, f, min, cloexec);
}

int fd_install_at(int fd, struct file *f, bool cloexec)
{
	if (fd < 0 || fd >= NR_OPEN)
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

void files_close_on_exec(struct process *p)
{
	for (int fd = 0; fd < NR_OPEN; fd++)
		if (p->fd_cloexec & (1ull << fd))
			close_slot(p, fd);
}

/* node_stat: initrd node @n's attributes as stat reports them. */
static void node_stat(const struct initrd_node *n, struct kstat *st)
{
	*st = (struct kstat){
		.dev = INITRD_DEV, .ino = n->ino, .nlink = initrd_nlink(n), .mode = n->mode,
		.uid = n->uid, .gid = n->gid, .rdev = S_ISCHR(n->mode) ? n->rdev : 0,
		.size = (int64_t)n->size, .blksize = INITRD_BLKSIZE,
		.blocks = (int64_t)((n->size + 511) / 512), .mtime = (int64_t)n->mtime,
	};
}

/* initrd_read: read(2) of an initrd file: copy from the archive into user @buf. */
static long initrd_read(struct file *f, char *buf, size_t n, uint64_t *pos)
{
	const struct initrd_node *node = f->priv;
	if (*pos >= node->size)
		return 0;
	size_t len = node->size - *pos < n ? node->size - *pos : n;
	if (copy_to_user(buf, node->data + *pos, len))
		return -EFAULT;
	*pos += len;
	return (long)len;
}

/* initrd_dir_read: read(2) of a directory: -EISDIR (Linux: generic_read_dir). */
static long initrd_dir_read(struct file *f, char *buf, size_t n, uint64_t *pos)
{
	(void)f, (void)buf, (void)n, (void)pos;
	return -EISDIR;
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

/* initrd_lseek: lseek(2) of an initrd file or directory (a directory's position
 * counts entries, so it has no end to seek from: -EINVAL, as dcache_dir_lseek). */
static int64_t initrd_lseek(struct file *f, int64_t off, int whence)
{
	const struct initrd_node *node = f->priv;
	return generic_lseek(f, off, whence, S_ISDIR(node->mode) ? -1 : (int64_t)node->size);
}

/* initrd_readdir: the entry at *@pos of an open initrd directory (positions
 * are consecutive: entry numbers). */
static int initrd_readdir(struct file *f, uint64_t *pos, struct dir_entry *e)
{
	return initrd_dir_entry(f->priv, *pos, e);
}

/* initrd_file_stat: fstat(2) of an open initrd node. */
static void initrd_file_stat(struct file *f, struct kstat *st)
{
	node_stat(f->priv, st);
}

static const struct file_ops initrd_file_ops = {
	.read = initrd_read,
	.lseek = initrd_lseek,
	.stat = initrd_file_stat,
};

static const struct file_ops initrd_dir_ops = {
	.read = initrd_dir_read,
	.lseek = initrd_lseek,
	.readdir = initrd_readdir,
	.stat = initrd_file_stat,
};

int file_mmap_bytes(struct file *f, const uint8_t **data, uint64_t *size)
{
	if (f->ops != &initrd_file_ops)
		return -ENODEV; /* the console and directories cannot be mapped */
	const struct initrd_node *n = f->priv;
	*data = n->data;
	*size = n->size;
	return 0;
}

/* Path lookup. An absolute path is made from @path and where it starts (the
 * cwd or @dirfd's directory), with "." and ".." resolved lexically; that form
 * says whether the path is in /proc (see vfs.h). */

/* in_proc: the part of canonical path @abs below /proc ("" for /proc itself),
 * or NULL when @abs is not in /proc. */
static const char *in_proc(const char *abs)
{
	if (strncmp(abs, "/proc", 5) || (abs[5] && abs[5] != '/'))
		return NULL;
	return abs + 5;
}

/* start_dir: where relative paths start: current's cwd (@dirfd AT_FDCWD) or
 * the directory open as @dirfd, as an absolute path into @buf (PATH_MAX bytes)
 * and, when it is an initrd directory, its node in *@node (else NULL).
 * 0, -EBADF, -ENOTDIR or -ENAMETOOLONG. */
static int start_dir(int dirfd, char *buf, struct initrd_node **node)
{
	struct proc_node pn;
	long len;

	*node = NULL;
	if (dirfd == AT_FDCWD) {
		strlcpy(buf, current->cwd, PATH_MAX);
		return in_proc(buf) ? 0 : initrd_walk(initrd_root(), buf, true, node);
	}
	struct file *f = fd_get(dirfd);
	if (!f)
		return -EBADF;
	if (f->ops == &initrd_dir_ops) {
		*node = f->priv;
		len = initrd_path(*node, buf, PATH_MAX);
	} else if (procfs_dir_node(f, &pn)) {
		len = procfs_path(&pn, buf, PATH_MAX);
	} else {
		return -ENOTDIR;
	}
	return len < 0 ? (int)len : 0;
}

/* ends_in_dir: @path ends in "/", "." or "..": it must name a directory. */
static bool ends_in_dir(const char *path)
{
	size_t len = strlen(path);
	const char *last = path + len;

	while (last > path && last[-1] != '/')
		last--;
	size_t n = (size_t)(path + len - last);

	return path[len - 1] == '/' || is_dot(last, n) || is_dotdot(last, n);
}

/* canonical: absolute @path, or relative @path from absolute @start, into @out
 * (PATH_MAX bytes) with empty and "." names dropped and each ".." taking away
 * the name before it (none at /). 0 or -ENAMETOOLONG. */
static int canonical(const char *start, const char *path, char *out)
{
	const char *parts[2] = { path[0] == '/' ? "" : start, path };
	size_t len = 0, n;

	for (int i = 0; i < 2; i++) {
		const char *end = parts[i] + strlen(parts[i]);
		for (const char *c = next_component(parts[i], end, &n); c; c = next_component(c + n, end, &n)) {
			if (is_dotdot(c, n)) {
				while (len > 0 && out[--len] != '/')
					;
			} else if (!is_dot(c, n)) {
				if (len + 1 + n >= PATH_MAX)
					return -ENAMETOOLONG;
				out[len++] = '/';
				memcpy(out + len, c, n);
				len += n;
			}
		}
	}
	if (len == 0)
		out[len++] = '/';
	out[len] = '\0';
	return 0;
}

/* lookup_abs: as vfs_lookup, once @abs (canonical) is known, with @start_node
 * the initrd directory a relative @path starts from (NULL when it starts in /proc). */
static int lookup_abs(const char *path, const char *abs, struct initrd_node *start_node,
		      bool follow, struct vnode *out)
{
	const char *below_proc = in_proc(abs);
	struct initrd_node *base = path[0] == '/' ? initrd_root() : start_node;

	*out = (struct vnode){ .initrd = NULL };
	if (below_proc)
		return procfs_lookup(below_proc, follow, ends_in_dir(path), &out->proc);
	if (base)
		return initrd_walk(base, path, follow, &out->initrd); /* physically: symlinks, then ".." */
	return initrd_walk(initrd_root(), abs, follow, &out->initrd); /* from /proc out of it */
}

int vfs_lookup(int dirfd, const char *path, bool follow, struct vnode *out)
{
	struct initrd_node *start_node = NULL;

	if (!path[0])
		return -ENOENT; /* before @dirfd is looked at, as Linux's getname */
	char *start = kmalloc(2 * PATH_MAX);
	if (!start)
		return -ENOMEM;
	char *abs = start + PATH_MAX;
	int err = 0;
	start[0] = '\0';
	if (path[0] != '/')
		err = start_dir(dirfd, start, &start_node);
	if (!err)
		err = canonical(start, path, abs);
	if (!err)
		err = lookup_abs(path, abs, start_node, follow, out);
	kfree(start);
	return err;
}

void vnode_stat(const struct vnode *v, struct kstat *st)
{
	if (v->initrd)
		node_stat(v->initrd, st);
	else
		procfs_stat(&v->proc, st);
}

long vnode_path(const struct vnode *v, char *buf, size_t size)
{
	return v->initrd ? initrd_path(v->initrd, buf, size) : procfs_path(&v->proc, buf, size);
}

long vnode_readlink(const struct vnode *v, char *buf, size_t size)
{
	if (!v->initrd)
		return procfs_readlink(&v->proc, buf, size);
	if (!S_ISLNK(v->initrd->mode))
		return -EINVAL;
	size_t len = v->initrd->size < size ? v->initrd->size : size;
	memcpy(buf, v->initrd->data, len);
	return (long)len;
}

/* create_error: why open(O_CREAT) of the missing @path fails: -EROFS when the
 * directory it would go in is the initrd's (it takes no new files), -ENOENT in
 * /proc (Linux: procfs has no create), else the error looking that directory
 * up gives. */
static int create_error(int dirfd, const char *path)
{
	size_t len = strlen(path);
	struct vnode dir;
	while (len > 1 && path[len - 1] == '/')
		len--;
	while (len > 0 && path[len - 1] != '/')
		len--; /* keep "dir/" of "dir/name": the slash makes the lookup want a directory */
	if (len == 0) {
		path = "."; /* a bare name: it would go in the current directory */
		len = 1;
	}
	char *name = kmalloc(len + 1);
	if (!name)
		return -ENOMEM;
	memcpy(name, path, len);
	name[len] = '\0';
	int err = vfs_lookup(dirfd, name, true, &dir);
	kfree(name);
	return err ? err : dir.initrd ? -EROFS : -ENOENT;
}

/* open_check: may a file of @mode be opened with @flags? @read_only: its file
 * system takes no writes (the initrd). 0 or Linux's errno (may_open). /proc's
 * regular files open for writing (root may), and refuse the write itself. */
static int open_check(uint32_t mode, bool read_only, int flags)
{
	bool writes = (flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC);
	if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return -EEXIST;
	if (S_ISLNK(mode))
		return -ELOOP; /* only reached with O_NOFOLLOW */
	if ((flags & O_DIRECTORY) && !S_ISDIR(mode))
		return -ENOTDIR;
	if (S_ISDIR(mode) && (writes || (flags & O_CREAT)))
		return -EISDIR;
	if (writes && read_only && !S_ISCHR(mode))
		return -EROFS;
	return 0;
}

/* file_flags: what a file keeps of open(2) @flags for F_GETFL: the creation-time
 * flags go (Linux: do_dentry_open) and O_LARGEFILE is forced on 64-bit. */
static int file_flags(int flags)
{
	return (flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC)) | O_LARGEFILE;
}

/* open_node: a new file for the initrd node @n (checked by open_check). */
static struct file *open_node(struct initrd_node *n, int *err)
{
	struct file *f;
	if (S_ISCHR(n->mode) && n->rdev != CONSOLE_DEV) {
		*err = -ENXIO; /* a device node with no driver behind it */
		return NULL;
	}
	if (S_ISCHR(n->mode))
		f = console_open();
	else
		f = file_alloc(S_ISDIR(n->mode) ? &initrd_dir_ops : &initrd_file_ops, 0, n);
	if (!f)
		*err = -ENOMEM;
	return f;
}

struct file *vfs_open(int dirfd, const char *path, int flags, int *err)
{
	struct vnode v;
	struct kstat st;
	bool follow = !(flags & O_NOFOLLOW) && (flags & (O_CREAT | O_EXCL)) != (O_CREAT | O_EXCL);
	*err = vfs_lookup(dirfd, path, follow, &v);
	if (*err == -ENOENT && (flags & O_CREAT))
		*err = create_error(dirfd, path);
	if (!*err) {
		vnode_stat(&v, &st);
		*err = open_check(st.mode, v.initrd != NULL, flags);
	}
	if (*err)
		return NULL;
	struct file *f = v.initrd ? open_node(v.initrd, err) : procfs_open(&v.proc, flags, err);
	if (f)
		f->flags = file_flags(flags);
	return f;
}
