/*
 * kernel/fs/super.c - file system types, super_blocks and the mount table
 * (see fs.h; Linux: fs/filesystems.c, fs/super.c, fs/namespace.c). Mounts
 * are never taken down, so a path's vfsmount needs no reference count.
 */
#include "kernel/fs/fs.h"
#include "kernel/fs/namei.h"
#include "kernel/errno.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/lib/string.h"
#include "mm/kmalloc.h"

static struct file_system_type *file_systems;
static LIST_HEAD_DEF(mount_table);
static struct vfsmount *root_mnt;

void register_filesystem(struct file_system_type *fs)
{
	for (struct file_system_type *t = file_systems; t; t = t->next)
		if (t == fs || !strcmp(t->name, fs->name))
			panic("register_filesystem: %s registered twice", fs->name);
	fs->next = file_systems;
	file_systems = fs;
}

extern const initcall_t __start_fs_initcalls[], __stop_fs_initcalls[];

void do_fs_initcalls(void)
{
	for (const initcall_t *fn = __start_fs_initcalls; fn < __stop_fs_initcalls; fn++)
		(*fn)();
}

/* find_filesystem: the registered type called @name, or NULL. */
static const struct file_system_type *find_filesystem(const char *name)
{
	for (const struct file_system_type *t = file_systems; t; t = t->next)
		if (!strcmp(t->name, name))
			return t;
	return NULL;
}

/* mount_fs: a new vfsmount of a fresh @fstype super_block read from @source,
 * not yet attached; NULL with *@err set. */
static struct vfsmount *mount_fs(const char *fstype, const char *source, int *err)
{
	const struct file_system_type *type = find_filesystem(fstype);
	struct super_block *sb = type ? kzalloc(sizeof(*sb)) : NULL;
	struct vfsmount *mnt = sb ? kzalloc(sizeof(*mnt)) : NULL;

	*err = !type ? -ENODEV : !mnt ? -ENOMEM : 0;
	if (!*err) {
		sb->s_type = type;
		*err = type->fill_super(sb, source);
	}
	if (!*err)
		mnt->mnt_devname = source ? source : type->name;
	if (!*err && !(mnt->mnt_root = d_alloc(NULL, "", 0, ihold(sb->s_root))))
		*err = -ENOMEM;
	if (*err) {
		kfree(mnt);
		kfree(sb); /* fill_super left nothing behind on failure */
		return NULL;
	}
	mnt->mnt_sb = sb;
	mnt->mnt_parent = mnt;
	mnt->mnt_mountpoint = dget(mnt->mnt_root);
	list_add_tail(&mnt->mnt_list, &mount_table);
	return mnt;
}

int vfs_mount_root(const char *fstype, const char *source)
{
	int err;
	if (root_mnt)
		panic("vfs_mount_root: the root is mounted already");
	root_mnt = mount_fs(fstype, source, &err);
	return err;
}

#ifdef HOST_TEST
/* vfs_forget_all: host tests free every block between tests: start again
 * with nothing registered or mounted. */
void vfs_forget_all(void)
{
	file_systems = NULL;
	root_mnt = NULL;
	list_init(&mount_table);
}
#endif

struct path root_path(void)
{
	if (!root_mnt)
		panic("root_path: nothing is mounted");
	return (struct path){ root_mnt, dget(root_mnt->mnt_root) };
}

void for_each_mount(void (*fn)(const struct vfsmount *m, void *arg), void *arg)
{
	struct list_head *it;
	list_for_each(it, &mount_table)
		fn(list_entry(it, struct vfsmount, mnt_list), arg);
}

struct vfsmount *lookup_mnt(const struct vfsmount *mnt, const struct dentry *dentry)
{
	struct list_head *it;
	list_for_each(it, &mount_table) {
		struct vfsmount *m = list_entry(it, struct vfsmount, mnt_list);
		/* dentries and (in some file systems) inodes are made anew by each
		 * walk: a mountpoint is known by its inode's super_block and number */
		const struct inode *at = m->mnt_mountpoint->d_inode;
		if (m->mnt_parent == mnt && m != mnt && at->i_sb == dentry->d_inode->i_sb &&
		    at->i_ino == dentry->d_inode->i_ino)
			return m;
	}
	return NULL;
}

int vfs_mount(const char *fstype, const char *source, const char *dir)
{
	struct path where;
	int err = kern_path(dir, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &where);
	if (err)
		return err;
	struct vfsmount *mnt = mount_fs(fstype, source, &err); /* on top of what is there, as Linux stacks mounts */
	if (!mnt) {
		path_put(&where);
		return err;
	}
	dput(mnt->mnt_mountpoint);
	mnt->mnt_parent = where.mnt;
	mnt->mnt_mountpoint = where.dentry; /* the walk's reference */
	return 0;
}
