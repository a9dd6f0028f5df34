/*
 * kernel/fs/open.c - open(2) of what a path names (see vfs.h; Linux:
 * fs/open.c do_dentry_open, fs/namei.c may_open). The file system gives the
 * file's operations (inode->i_fop) and sets up the open in ->open; a
 * character device is opened by its driver (char_dev.h).
 */
#include "kernel/fs/vfs.h"
#include "kernel/fs/char_dev.h"
#include "kernel/errno.h"
#include "kernel/lib/string.h"
#include "mm/kmalloc.h"

/* create_error: why open(O_CREAT) of the missing @path fails: no file system
 * here creates files yet: -EROFS when the directory it would go in is on a
 * read-only mount, else -ENOENT (Linux: procfs has no create), or the error
 * looking that directory up gives. */
static int create_error(int dirfd, const char *path)
{
	size_t len = strlen(path);
	struct path dir;
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
	int err = path_at(dirfd, name, LOOKUP_FOLLOW, &dir);
	kfree(name);
	if (err)
		return err;
	err = (dir.mnt->mnt_sb->s_flags & SB_RDONLY) ? -EROFS : -ENOENT;
	path_put(&dir);
	return err;
}

/* open_check: may a file of @mode be opened with @flags? @read_only: its mount
 * takes no writes. 0 or Linux's errno (may_open). /proc's regular files open
 * for writing (root may), and refuse the write itself. */
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

struct file *dentry_open(const struct path *p, int flags, int *err)
{
	struct inode *inode = p->dentry->d_inode;
	*err = open_check(inode->i_mode, p->mnt->mnt_sb->s_flags & SB_RDONLY, flags);
	struct file *f = *err ? NULL : open_inode(inode, file_flags(flags), err);
	if (!f)
		return NULL;
	f->flags = file_flags(flags);
	f->f_path = *p;
	path_get(&f->f_path);
	return f;
}

struct file *vfs_open(int dirfd, const char *path, int flags, int *err)
{
	struct path p;
	bool follow = !(flags & O_NOFOLLOW) && (flags & (O_CREAT | O_EXCL)) != (O_CREAT | O_EXCL);
	*err = path_at(dirfd, path, follow ? LOOKUP_FOLLOW : 0, &p);
	if (*err == -ENOENT && (flags & O_CREAT))
		*err = create_error(dirfd, path);
	if (*err)
		return NULL;
	struct file *f = dentry_open(&p, flags, err);
	path_put(&p);
	return f;
}

int file_mmap_bytes(struct file *f, const uint8_t **data, uint64_t *size)
{
	if (!f->ops->mmap)
		return -ENODEV; /* the console, directories, /proc */
	return f->ops->mmap(f, data, size);
}
