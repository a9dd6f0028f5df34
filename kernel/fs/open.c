/*
 * kernel/fs/open.c - open(2) of what a path names (see vfs.h; Linux:
 * fs/open.c do_dentry_open, fs/namei.c may_open). The file system gives the
 * file's operations (inode->i_fop) and sets up the open in ->open; a
 * character device is opened by its driver (char_dev.h).
 */
#include "kernel/fs/vfs.h"
#include "kernel/fs/char_dev.h"
#include "kernel/fs/dir_ops.h"
#include "kernel/fs/permission.h"
#include "kernel/errno.h"
#include "kernel/lib/string.h"
#include "mm/kmalloc.h"

/* open_check: may current open @inode with @flags? @read_only: its mount
 * takes no writes; @created: open(O_CREAT) just made it (no permission check:
 * a file created with mode 0 still opens for writing). 0 or Linux's errno
 * (may_open). /proc's regular files open for writing (root may), and refuse
 * the write itself. */
static int open_check(const struct inode *inode, bool read_only, int flags, bool created)
{
	uint32_t mode = inode->i_mode;
	bool writes = (flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC);
	if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL) && !created)
		return -EEXIST;
	if (S_ISLNK(mode))
		return -ELOOP; /* only reached with O_NOFOLLOW */
	if ((flags & O_DIRECTORY) && !S_ISDIR(mode))
		return -ENOTDIR;
	if (S_ISDIR(mode) && (writes || (flags & O_CREAT)))
		return -EISDIR;
	if (writes && read_only && !S_ISCHR(mode) && !S_ISFIFO(mode))
		return -EROFS;
	if (created)
		return 0;
	int mask = ((flags & O_ACCMODE) != O_WRONLY ? MAY_READ : 0) | (writes ? MAY_WRITE : 0);
	return inode_permission(inode, mask);
}

/* open_truncate: O_TRUNC of a regular file just opened for writing. 0 or -errno. */
static int open_truncate(struct inode *inode)
{
	if (!S_ISREG(inode->i_mode) || !inode->i_op->setattr)
		return 0; /* devices, FIFOs, /proc: nothing to cut */
	return inode->i_op->setattr(inode, &(struct iattr){ .valid = ATTR_SIZE | ATTR_MTIME | ATTR_CTIME,
							    .size = 0, .mtime = -1 });
}

/* file_flags: what a file keeps of open(2) @flags for F_GETFL: the creation-time
 * flags go (Linux: do_dentry_open) and O_LARGEFILE is forced on 64-bit. */
static int file_flags(int flags)
{
	return (flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC)) | O_LARGEFILE;
}

/* open_inode: a new file for @inode (checked by open_check) with open(2) @flags. */
static struct file *open_inode(struct inode *inode, int flags, int *err)
{
	if (S_ISCHR(inode->i_mode))
		return chrdev_open(inode->i_rdev, err);
	struct file *f = file_alloc(inode->i_fop, flags, NULL);
	if (!f) {
		*err = -ENOMEM;
		return NULL;
	}
	if (f->ops->open && (*err = f->ops->open(inode, f))) {
		kfree(f); /* nothing to release: open failed */
		return NULL;
	}
	return f;
}

/* do_dentry_open: dentry_open, @created by this open or not. */
static struct file *do_dentry_open(const struct path *p, int flags, bool created, int *err)
{
	struct inode *inode = p->dentry->d_inode;
	*err = open_check(inode, p->mnt->mnt_sb->s_flags & SB_RDONLY, flags, created);
	if (!*err && (flags & O_TRUNC) && !created)
		*err = open_truncate(inode);
	struct file *f = *err ? NULL : open_inode(inode, file_flags(flags), err);
	if (!f)
		return NULL;
	f->flags = file_flags(flags);
	f->f_path = *p;
	path_get(&f->f_path);
	return f;
}

struct file *dentry_open(const struct path *p, int flags, int *err)
{
	return do_dentry_open(p, flags, false, err);
}

struct file *vfs_open(int dirfd, const char *path, int flags, uint32_t mode, int *err)
{
	struct path p;
	bool created = false;
	bool follow = !(flags & O_NOFOLLOW) && (flags & (O_CREAT | O_EXCL)) != (O_CREAT | O_EXCL);
	*err = path_at(dirfd, path, follow ? LOOKUP_FOLLOW : 0, &p);
	if (*err == -ENOENT && (flags & O_CREAT)) {
		*err = vfs_create(dirfd, path, mode, &p);
		created = !*err;
	}
	if (*err)
		return NULL;
	struct file *f = do_dentry_open(&p, flags, created, err);
	path_put(&p);
	return f;
}

int file_mmap_bytes(struct file *f, const uint8_t **data, uint64_t *size)
{
	if (!f->ops->mmap)
		return -ENODEV; /* the console, directories, /proc */
	return f->ops->mmap(f, data, size);
}
