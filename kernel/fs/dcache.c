/*
 * kernel/fs/dcache.c - dentries: the names a walk went through (see fs.h;
 * Linux: fs/dcache.c d_alloc, dget, dput, d_path). There is no cache: a dentry
 * lives as long as a walk, an open file or a current directory uses it.
 */
#include "kernel/fs/fs.h"
#include "kernel/panic.h"
#include "kernel/errno.h"
#include "kernel/lib/string.h"
#include "mm/kmalloc.h"

struct dentry *d_alloc(struct dentry *parent, const char *name, size_t len, struct inode *inode)
{
	struct dentry *d = kmalloc(sizeof(*d) + len + 1);
	if (!d) {
		iput(inode);
		return NULL;
	}
	d->d_parent = parent ? dget(parent) : d;
	d->d_inode = inode;
	d->d_count = 1;
	memcpy(d->d_name, name, len);
	d->d_name[len] = '\0';
	return d;
}

struct dentry *dget(struct dentry *d)
{
	if (d->d_count <= 0)
		panic("dget: dentry '%s' has no references", d->d_name);
	d->d_count++;
	return d;
}

void dput(struct dentry *d)
{
	while (d) { /* a loop, not recursion: a deep path frees its parents one by one */
		if (d->d_count <= 0)
			panic("dput: dentry '%s' has no references", d->d_name);
		if (--d->d_count > 0)
			return;
		struct dentry *parent = d->d_parent == d ? NULL : d->d_parent;
		iput(d->d_inode);
		kfree(d);
		d = parent;
	}
}

void path_get(const struct path *p)
{
	dget(p->dentry);
}

void path_put(const struct path *p)
{
	dput(p->dentry);
}

long d_path(const struct path *p, char *buf, size_t size)
{
	struct vfsmount *mnt = p->mnt;
	struct dentry *d = p->dentry;
	size_t end = size;

	if (size < 2)
		return -ENAMETOOLONG;
	buf[--end] = '\0';
	for (;;) {
		if (d == mnt->mnt_root) { /* a mount's root: carry on from where it is attached */
			if (mnt->mnt_parent == mnt)
				break;
			d = mnt->mnt_mountpoint;
			mnt = mnt->mnt_parent;
			continue;
		}
		size_t len = strlen(d->d_name);
		if (len + 1 > end)
			return -ENAMETOOLONG;
		end -= len;
		memcpy(buf + end, d->d_name, len);
		buf[--end] = '/';
		d = d->d_parent;
	}
	if (end == size - 1)
		buf[--end] = '/'; /* the root itself */
	size_t len = size - 1 - end;
	memmove(buf, buf + end, len + 1);
	return (long)len;
}
