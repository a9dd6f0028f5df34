/*
 * kernel/fs/namei.c - the path walk (see namei.h; Linux: fs/namei.c
 * link_path_walk, walk_component, follow_dotdot, step_into).
 *
 * Every step owns the path it is at (one dentry reference): a step replaces
 * it, an error drops it. Symlinks nest: the target is walked by a call of
 * its own from the link's directory, at most SYMLOOP_MAX in one lookup.
 */
#include "kernel/fs/namei.h"
#include "kernel/fs/path.h"
#include "kernel/fs/vfs.h"
#include "kernel/fs/permission.h"
#include "kernel/proc.h"
#include "kernel/errno.h"
#include "kernel/lib/string.h"
#include "mm/kmalloc.h"

/* set_path: make *@nd refer to @next, dropping what it referred to. */
static void set_path(struct path *nd, struct path next)
{
	path_put(nd);
	*nd = next;
}

/* follow_mount: while something is mounted on *@nd, step onto its root. */
static void follow_mount(struct path *nd)
{
	struct vfsmount *m;
	while ((m = lookup_mnt(nd->mnt, nd->dentry)))
		set_path(nd, (struct path){ m, dget(m->mnt_root) });
}

/* follow_dotdot: ".." from *@nd: the parent directory; at a mounted root, the
 * parent of the directory it is mounted on; at the root of everything, itself. */
static void follow_dotdot(struct path *nd)
{
	while (nd->dentry == nd->mnt->mnt_root) {
		if (nd->mnt->mnt_parent == nd->mnt)
			return;
		set_path(nd, (struct path){ nd->mnt->mnt_parent, dget(nd->mnt->mnt_mountpoint) });
	}
	set_path(nd, (struct path){ nd->mnt, dget(nd->dentry->d_parent) });
	follow_mount(nd);
}

/* lookup_one: the child @name (@len bytes) of directory @dir, as a new path in
 * *@out, mounts crossed. 0, -ENOENT or -ENOMEM. */
static int lookup_one(const struct path *dir, const char *name, size_t len, struct path *out)
{
	struct inode *dir_inode = dir->dentry->d_inode, *inode;
	int err = dir_inode->i_op->lookup(dir_inode, name, len, &inode);
	if (err)
		return err;
	struct dentry *d = d_alloc(dir->dentry, name, len, inode);
	if (!d)
		return -ENOMEM;
	*out = (struct path){ dir->mnt, d };
	follow_mount(out);
	return 0;
}

static int walk(struct path *nd, const char *name, size_t len, unsigned flags, int *links);

/* follow_link: replace *@link (a symlink found in directory @dir) by what its
 * target names, walked from @dir. 0 or -errno; on error *@link is dropped. */
static int follow_link(const struct path *dir, struct path *link, int *links)
{
	struct inode *inode = link->dentry->d_inode;
	if (++*links > SYMLOOP_MAX) {
		path_put(link);
		return -ELOOP;
	}
	char *target = kmalloc(PATH_MAX);
	long len = target ? inode->i_op->readlink(inode, target, PATH_MAX) : -ENOMEM;
	path_put(link);
	if (len < 0) {
		kfree(target);
		return (int)len;
	}
	*link = *dir;
	path_get(link);
	int err = walk(link, target, (size_t)len, LOOKUP_FOLLOW, links);
	kfree(target);
	return err;
}

/* walk_component: one name (@c, @len bytes) from directory *@nd; @follow: a
 * symlink found is followed. 0 or -errno (then *@nd is dropped). */
static int walk_component(struct path *nd, const char *c, size_t len, bool follow, int *links)
{
	struct path next;
	if (!S_ISDIR(nd->dentry->d_inode->i_mode)) {
		path_put(nd);
		return -ENOTDIR;
	}
	int perm = inode_permission(nd->dentry->d_inode, MAY_EXEC); /* search permission (Linux's may_lookup) */
	if (perm) {
		path_put(nd);
		return perm;
	}
	if (len > NAME_MAX) {
		path_put(nd);
		return -ENAMETOOLONG;
	}
	if (is_dot(c, len))
		return 0;
	if (is_dotdot(c, len)) {
		follow_dotdot(nd);
		return 0;
	}
	int err = lookup_one(nd, c, len, &next);
	if (!err && follow && S_ISLNK(next.dentry->d_inode->i_mode))
		err = follow_link(nd, &next, links);
	if (err) {
		path_put(nd);
		return err;
	}
	set_path(nd, next);
	return 0;
}

/* walk: @name (@len bytes, not NUL-terminated: symlink targets are not) from
 * *@nd, which it replaces by the result. 0 or -errno (then *@nd is dropped). */
static int walk(struct path *nd, const char *name, size_t len, unsigned flags, int *links)
{
	const char *end = name + len, *c, *next;
	size_t clen, next_len = 0;

	if (len == 0) {
		path_put(nd);
		return -ENOENT;
	}
	if (name[0] == '/')
		set_path(nd, root_path());
	for (c = next_component(name, end, &clen); c; c = next, clen = next_len) {
		next = next_component(c + clen, end, &next_len);
		bool slash = !next && c + clen < end; /* the last name, with a trailing slash */
		int err = walk_component(nd, c, clen, next || slash || (flags & LOOKUP_FOLLOW), links);
		if (!err && (slash || (!next && (flags & LOOKUP_DIRECTORY))) &&
		    !S_ISDIR(nd->dentry->d_inode->i_mode)) {
			path_put(nd);
			err = -ENOTDIR;
		}
		if (err)
			return err;
	}
	return 0;
}

/* start_path: where a relative walk begins: current's directory or @dirfd's, with a reference. */
static int start_path(int dirfd, struct path *out)
{
	if (dirfd == AT_FDCWD) {
		*out = current->pwd;
	} else {
		struct file *f = fd_get(dirfd);
		if (!f)
			return -EBADF;
		if (!f->f_path.dentry || !S_ISDIR(f->f_path.dentry->d_inode->i_mode))
			return -ENOTDIR;
		*out = f->f_path;
	}
	path_get(out);
	return 0;
}

int path_at(int dirfd, const char *name, unsigned flags, struct path *out)
{
	int links = 0;
	size_t len = strnlen(name, PATH_MAX);
	if (len == 0)
		return -ENOENT; /* before @dirfd is looked at, as Linux's getname */
	if (len == PATH_MAX)
		return -ENAMETOOLONG;
	int err = name[0] == '/' ? (*out = root_path(), 0) : start_path(dirfd, out);
	return err ? err : walk(out, name, len, flags, &links);
}

int path_parentat(int dirfd, const char *name, struct path *parent, struct qstr *last)
{
	size_t len = strnlen(name, PATH_MAX), end, start;

	if (len == 0)
		return -ENOENT;
	if (len == PATH_MAX)
		return -ENAMETOOLONG;
	for (end = len; end > 1 && name[end - 1] == '/'; end--)
		;
	for (start = end; start > 0 && name[start - 1] != '/'; start--)
		;
	*last = (struct qstr){ name + start, end - start, end < len };
	if (last->len > NAME_MAX)
		return -ENAMETOOLONG;
	if (start == 0) /* a bare name: in @dirfd's directory */
		return path_at(dirfd, ".", 0, parent);
	char *dir = kmalloc(start + 1);
	if (!dir)
		return -ENOMEM;
	memcpy(dir, name, start);
	dir[start] = '\0';
	int err = path_at(dirfd, dir, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, parent);
	kfree(dir);
	return err;
}

/* user_path_at: the place user path @upath names from @dirfd, or with
 * AT_EMPTY_PATH and "" the file @dirfd itself; 0 with a reference in *@out. */
int user_path_at(int dirfd, const char *upath, unsigned at_flags, struct path *out)
{
	int err;
	char *path = getname(upath, &err);

	if (!path)
		return err;
	if (!path[0] && (at_flags & AT_EMPTY_PATH)) {
		struct file *f = fd_get(dirfd);
		err = !f ? -EBADF : !f->f_path.dentry ? -ENOENT : 0;
		if (!err) {
			*out = f->f_path;
			path_get(out);
		}
	} else {
		err = path_at(dirfd, path, (at_flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, out);
	}
	kfree(path);
	return err;
}

int kern_path(const char *name, unsigned flags, struct path *out)
{
	return path_at(AT_FDCWD, name, flags, out);
}
