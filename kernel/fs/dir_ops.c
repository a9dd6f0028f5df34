/*
 * kernel/fs/dir_ops.c - the calls that change a directory: mkdir, mknod,
 * symlink, link, unlink, rmdir, rename, and open's O_CREAT (Linux: fs/namei.c
 * filename_create, may_create, may_delete, do_mkdirat, do_unlinkat,
 * do_rmdir, do_renameat2, do_linkat, do_symlinkat). The checks and their
 * order are Linux's, so every errno is the one Linux gives: the walk to the
 * parent, the last name's kind ("." and ".."), whether it exists, the
 * read-only mount, then the caller's permission on the directory, then the
 * file system's own answer.
 */
#include "kernel/fs/dir_ops.h"
#include "kernel/fs/vfs.h"
#include "kernel/fs/path.h"
#include "kernel/fs/permission.h"
#include "kernel/proc.h"
#include "kernel/syscalls.h"
#include "kernel/errno.h"
#include "kernel/lib/string.h"
#include "mm/kmalloc.h"

#define AT_REMOVEDIR      0x200
#define AT_SYMLINK_FOLLOW 0x400

/* lookup_last: the inode @last names in directory @dir, with a reference, or
 * NULL (-ENOENT and others in *@err). */
static struct inode *lookup_last(const struct path *dir, const struct qstr *last, int *err)
{
	struct inode *dir_inode = dir->dentry->d_inode, *inode = NULL;

	*err = dir_inode->i_op->lookup(dir_inode, last->name, last->len, &inode);
	return *err ? NULL : inode;
}

/* is_mountpoint: something is mounted on @inode (as a child of @dir's mount). */
static bool is_mountpoint(const struct path *dir, struct inode *inode)
{
	struct dentry d = { .d_parent = dir->dentry, .d_inode = inode, .d_count = 1 };

	return lookup_mnt(dir->mnt, &d) != NULL;
}

/* read_only: @p is on a read-only mount. */
static bool read_only(const struct path *p)
{
	return p->mnt->mnt_sb->s_flags & SB_RDONLY;
}

/* may_create: may current add an entry to directory @dir? (Linux's may_create) */
static int may_create(const struct path *dir)
{
	return inode_permission(dir->dentry->d_inode, MAY_WRITE | MAY_EXEC);
}

/* may_delete: may current remove or replace @victim, an entry of @dir that
 * should (@isdir) or should not be a directory? (Linux's may_delete) */
static int may_delete(const struct path *dir, struct inode *victim, bool isdir)
{
	struct inode *d = dir->dentry->d_inode;
	int err = inode_permission(d, MAY_WRITE | MAY_EXEC);

	if (err)
		return err;
	if ((d->i_mode & S_ISVTX) && current->cred.uid.eff != victim->i_uid &&
	    current->cred.uid.eff != d->i_uid && !capable(current))
		return -EPERM; /* the sticky bit: /tmp */
	if (isdir && !S_ISDIR(victim->i_mode))
		return -ENOTDIR;
	if (!isdir && S_ISDIR(victim->i_mode))
		return -EISDIR;
	if (is_mountpoint(dir, victim))
		return -EBUSY;
	return 0;
}

/* create_at: filename_create's checks for a new entry @last in @dir (walked
 * already): 0 when it may be made, else the errno Linux gives. @want_dir: a
 * trailing slash is allowed (mkdir). */
static int create_at(const struct path *dir, const struct qstr *last, bool want_dir)
{
	int err;

	if (!last->len || is_dot(last->name, last->len) || is_dotdot(last->name, last->len))
		return -EEXIST;
	struct inode *old = lookup_last(dir, last, &err);
	if (old) {
		iput(old);
		return -EEXIST;
	}
	if (err != -ENOENT)
		return err;
	if (last->trailing && !want_dir)
		return -ENOENT;
	if (read_only(dir))
		return -EROFS;
	return may_create(dir);
}

/* parent_for_create: walk to the parent of @path and check a new entry may
 * go there; 0 with *@dir (a reference) and *@last (pointing into @path), or
 * -errno with nothing held. */
static int parent_for_create(int dirfd, const char *path, bool want_dir, struct path *dir, struct qstr *last)
{
	int err = path_parentat(dirfd, path, dir, last);

	if (!err) {
		err = create_at(dir, last, want_dir);
		if (err)
			path_put(dir);
	}
	return err;
}

/* current_umask: the permission bits new files lose (Linux's current_umask). */
static uint32_t current_umask(void)
{
	return current->umask;
}

int do_mkdirat(int dirfd, const char *path, uint32_t mode)
{
	struct path dir;
	struct qstr last;
	int err = parent_for_create(dirfd, path, true, &dir, &last);

	if (err)
		return err;
	struct inode *d = dir.dentry->d_inode;
	err = d->i_op->mkdir ? d->i_op->mkdir(d, last.name, last.len, S_IFDIR | (mode & 01777 & ~current_umask()))
			     : -EPERM;
	path_put(&dir);
	return err;
}

int do_mknodat(int dirfd, const char *path, uint32_t mode, uint32_t rdev)
{
	uint32_t type = mode & S_IFMT;
	struct path dir;
	struct qstr last;

	if (type == S_IFDIR)
		return -EPERM;
	if (type && type != S_IFREG && type != S_IFCHR && type != S_IFBLK && type != S_IFIFO && type != S_IFSOCK)
		return -EINVAL;
	if ((type == S_IFCHR || type == S_IFBLK) && !capable(current))
		return -EPERM; /* CAP_MKNOD */
	int err = parent_for_create(dirfd, path, false, &dir, &last);
	if (err)
		return err;
	struct inode *d = dir.dentry->d_inode, *inode;
	uint32_t m = (type ? type : S_IFREG) | (mode & 07777 & ~current_umask());
	if (!type || type == S_IFREG) {
		err = d->i_op->create ? d->i_op->create(d, last.name, last.len, m, &inode) : -EPERM;
		if (!err)
			iput(inode);
	} else {
		err = d->i_op->mknod ? d->i_op->mknod(d, last.name, last.len, m, rdev) : -EPERM;
	}
	path_put(&dir);
	return err;
}

int do_symlinkat(const char *target, int dirfd, const char *path)
{
	struct path dir;
	struct qstr last;

	if (!target[0])
		return -ENOENT;
	int err = parent_for_create(dirfd, path, false, &dir, &last);
	if (err)
		return err;
	struct inode *d = dir.dentry->d_inode;
	err = d->i_op->symlink ? d->i_op->symlink(d, last.name, last.len, target) : -EPERM;
	path_put(&dir);
	return err;
}

long sys_mkdirat(int dirfd, const char *upath, int mode)
{
	int err;
	char *path = getname(upath, &err);

	if (!path)
		return err;
	err = do_mkdirat(dirfd, path, (uint32_t)mode);
	kfree(path);
	return err;
}

long sys_mkdir(const char *upath, int mode)
{
	return sys_mkdirat(AT_FDCWD, upath, mode);
}

long sys_mknodat(int dirfd, const char *upath, int mode, unsigned dev)
{
	int err;
	char *path = getname(upath, &err);

	if (!path)
		return err;
	/* the user's dev_t: Linux's new_decode_dev of the 32-bit encoding */
	err = do_mknodat(dirfd, path, (uint32_t)mode, MKDEV((dev >> 8) & 0xfff, (dev & 0xff) | ((dev >> 12) & 0xfff00)));
	kfree(path);
	return err;
}

long sys_mknod(const char *upath, int mode, unsigned dev)
{
	return sys_mknodat(AT_FDCWD, upath, mode, dev);
}

long sys_symlinkat(const char *utarget, int dirfd, const char *upath)
{
	int err;
	char *target = getname(utarget, &err), *path = target ? getname(upath, &err) : NULL;

	if (path)
		err = do_symlinkat(target, dirfd, path);
	kfree(target);
	kfree(path);
	return err;
}

long sys_symlink(const char *target, const char *upath)
{
	return sys_symlinkat(target, AT_FDCWD, upath);
}

long sys_linkat(int olddirfd, const char *uold, int newdirfd, const char *unew, int flags)
{
	struct path old, dir;
	struct qstr last;
	char *knew;
	int err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(olddirfd, uold,
			   ((flags & AT_SYMLINK_FOLLOW) ? 0 : AT_SYMLINK_NOFOLLOW) | (flags & AT_EMPTY_PATH), &old);
	if (err)
		return err;
	knew = getname(unew, &err);
	if (knew && (err = parent_for_create(newdirfd, knew, false, &dir, &last)))
		kfree(knew);
	if (!knew || err) {
		path_put(&old);
		return err;
	}
	struct inode *d = dir.dentry->d_inode, *inode = old.dentry->d_inode;
	if (dir.mnt != old.mnt)
		err = -EXDEV;
	else if (S_ISDIR(inode->i_mode))
		err = -EPERM;
	else
		err = d->i_op->link ? d->i_op->link(inode, d, last.name, last.len) : -EPERM;
	path_put(&dir);
	path_put(&old);
	kfree(knew);
	return err;
}

long sys_link(const char *uold, const char *unew)
{
	return sys_linkat(AT_FDCWD, uold, AT_FDCWD, unew, 0);
}

/* do_remove: unlink (@isdir false) or rmdir @upath, Linux's checks in Linux's order. */
static long do_remove(int dirfd, const char *upath, bool isdir)
{
	struct path dir;
	struct qstr last;
	int err;
	char *kpath = getname(upath, &err);

	if (!kpath)
		return err;
	err = path_parentat(dirfd, kpath, &dir, &last);
	if (err) {
		kfree(kpath);
		return err;
	}
	struct inode *d = dir.dentry->d_inode, *victim = NULL;
	if (!last.len)
		err = isdir ? -EBUSY : -EISDIR;
	else if (is_dot(last.name, last.len))
		err = isdir ? -EINVAL : -EISDIR;
	else if (is_dotdot(last.name, last.len))
		err = isdir ? -ENOTEMPTY : -EISDIR;
	else if (read_only(&dir))
		err = -EROFS;
	else if ((victim = lookup_last(&dir, &last, &err)) != NULL) {
		if (!isdir && last.trailing)
			err = S_ISDIR(victim->i_mode) ? -EISDIR : -ENOTDIR;
		else
			err = may_delete(&dir, victim, isdir);
		if (!err && isdir)
			err = d->i_op->rmdir ? d->i_op->rmdir(d, last.name, last.len) : -EPERM;
		else if (!err)
			err = d->i_op->unlink ? d->i_op->unlink(d, last.name, last.len) : -EPERM;
		iput(victim);
	}
	path_put(&dir);
	kfree(kpath);
	return err;
}

long sys_unlinkat(int dirfd, const char *upath, int flags)
{
	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	return do_remove(dirfd, upath, flags & AT_REMOVEDIR);
}

long sys_unlink(const char *upath)
{
	return do_remove(AT_FDCWD, upath, false);
}

long sys_rmdir(const char *upath)
{
	return do_remove(AT_FDCWD, upath, true);
}

/* is_ancestor: directory @inode is @d or one of the directories above it. */
static bool is_ancestor(struct inode *inode, const struct dentry *d)
{
	for (;;) {
		if (d->d_inode == inode)
			return true;
		if (d->d_parent == d)
			return false;
		d = d->d_parent;
	}
}

/* rename_checks: may @old (an entry of @od) become @nl in @nd, replacing
 * @new (NULL: none)? Linux's do_renameat2/vfs_rename checks after the lookups. */
static int rename_checks(const struct path *od, struct inode *old, const struct qstr *ol, const struct path *nd,
			 struct inode *new, const struct qstr *nl, unsigned flags)
{
	bool isdir = S_ISDIR(old->i_mode);

	if (!isdir && (ol->trailing || nl->trailing))
		return -ENOTDIR;
	if ((flags & RENAME_NOREPLACE) && new)
		return -EEXIST;
	if ((flags & RENAME_EXCHANGE) && !new)
		return -ENOENT;
	if (isdir && is_ancestor(old, nd->dentry))
		return -EINVAL; /* a directory into itself */
	if (new && S_ISDIR(new->i_mode) && is_ancestor(new, od->dentry))
		return -ENOTEMPTY;
	if (old == new)
		return 0;
	int err = may_delete(od, old, isdir);
	if (!err)
		err = new ? may_delete(nd, new, (flags & RENAME_EXCHANGE) ? S_ISDIR(new->i_mode) : isdir)
			  : may_create(nd);
	if (!err && isdir && od->dentry->d_inode != nd->dentry->d_inode)
		err = inode_permission(old, MAY_WRITE); /* its ".." changes */
	return err;
}

long sys_renameat2(int olddirfd, const char *uold, int newdirfd, const char *unew, unsigned flags)
{
	struct path od, nd;
	struct qstr ol, nl;
	int err;

	if ((flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE)) ||
	    (flags & (RENAME_NOREPLACE | RENAME_EXCHANGE)) == (RENAME_NOREPLACE | RENAME_EXCHANGE))
		return -EINVAL;
	char *kold = getname(uold, &err), *knew = kold ? getname(unew, &err) : NULL;
	if (!knew) {
		kfree(kold);
		return err;
	}
	err = path_parentat(olddirfd, kold, &od, &ol);
	if (!err) {
		err = path_parentat(newdirfd, knew, &nd, &nl);
		if (err)
			path_put(&od);
	}
	if (err) {
		kfree(kold);
		kfree(knew);
		return err;
	}
	struct inode *old = NULL, *new = NULL;
	if (od.mnt != nd.mnt)
		err = -EXDEV;
	else if (!ol.len || is_dot(ol.name, ol.len) || is_dotdot(ol.name, ol.len))
		err = -EBUSY;
	else if (!nl.len || is_dot(nl.name, nl.len) || is_dotdot(nl.name, nl.len))
		err = (flags & RENAME_NOREPLACE) ? -EEXIST : -EBUSY;
	else if (read_only(&od))
		err = -EROFS;
	else if ((old = lookup_last(&od, &ol, &err)) != NULL) {
		new = lookup_last(&nd, &nl, &err);
		err = new || err == -ENOENT ? rename_checks(&od, old, &ol, &nd, new, &nl, flags) : err;
	}
	struct inode *odi = od.dentry->d_inode;
	if (!err && old != new)
		err = odi->i_op->rename ? odi->i_op->rename(odi, ol.name, ol.len, nd.dentry->d_inode, nl.name,
							    nl.len, flags) : -EPERM;
	if (old)
		iput(old);
	if (new)
		iput(new);
	path_put(&od);
	path_put(&nd);
	kfree(kold);
	kfree(knew);
	return err;
}

long sys_renameat(int olddirfd, const char *uold, int newdirfd, const char *unew)
{
	return sys_renameat2(olddirfd, uold, newdirfd, unew, 0);
}

long sys_rename(const char *uold, const char *unew)
{
	return sys_renameat2(AT_FDCWD, uold, AT_FDCWD, unew, 0);
}

int vfs_create(int dirfd, const char *path, uint32_t mode, struct path *out)
{
	struct path dir;
	struct qstr last;
	int err = path_parentat(dirfd, path, &dir, &last);

	if (err)
		return err;
	struct inode *d = dir.dentry->d_inode, *inode;
	if (!last.len || last.trailing || is_dot(last.name, last.len) || is_dotdot(last.name, last.len))
		err = -EISDIR;
	else if (!d->i_op->create)
		err = read_only(&dir) ? -EROFS : -ENOENT; /* /proc: nothing is created there */
	else if (read_only(&dir))
		err = -EROFS;
	else if (!(err = may_create(&dir)))
		err = d->i_op->create(d, last.name, last.len, S_IFREG | (mode & 07777 & ~current_umask()), &inode);
	if (!err) {
		struct dentry *dentry = d_alloc(dir.dentry, last.name, last.len, inode);
		if (dentry)
			*out = (struct path){ dir.mnt, dentry };
		else
			err = -ENOMEM;
	}
	path_put(&dir);
	return err;
}
