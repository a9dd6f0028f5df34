/*
 * kernel/fs/tmpfs/inode.c - tmpfs's mounts, inodes and directories (see
 * tmpfs.h; Linux: mm/shmem.c shmem_fill_super, shmem_get_inode, shmem_mknod,
 * shmem_link, shmem_unlink, shmem_rmdir, shmem_rename2, simple_lookup).
 */
#include "kernel/fs/tmpfs/tmpfs.h"
#include "kernel/fs/permission.h"
#include "kernel/fs/pipe.h"
#include "kernel/proc.h"
#include "kernel/time.h"
#include "kernel/errno.h"
#include "kernel/panic.h"
#include "kernel/lib/string.h"
#include "mm/kmalloc.h"
#include "mm/page.h"
#include "mm/page_alloc.h"

#define TMPFS_DEV_MAJOR 0 /* an unnamed device, as Linux gives every tmpfs mount */

static const struct inode_operations tmpfs_dir_inode_ops, tmpfs_inode_ops;
static uint32_t next_minor = 20;

void tmpfs_touch(struct tmpfs_inode *ti, unsigned what)
{
	uint64_t now = realtime_ns();
	int64_t sec = (int64_t)(now / NSEC_PER_SEC);
	long nsec = (long)(now % NSEC_PER_SEC);

	if (what & ATTR_ATIME)
		ti->atime = sec, ti->atime_nsec = nsec;
	if (what & ATTR_MTIME)
		ti->mtime = sec, ti->mtime_nsec = nsec;
	if (what & ATTR_CTIME)
		ti->ctime = sec, ti->ctime_nsec = nsec;
}

/* tmpfs_new_inode: a new inode of @mode (type and bits) in @dir (NULL: the
 * root) with one reference; NULL when the mount has no inodes left (-ENOSPC)
 * or memory is out (-ENOMEM), in *@err. */
static struct inode *tmpfs_new_inode(struct super_block *sb, const struct inode *dir, uint32_t mode,
				     uint32_t rdev, int *err)
{
	struct tmpfs_sb *sbi = TMPFS_SB(sb);
	struct tmpfs_inode *ti;

	*err = -ENOSPC;
	if (sbi->used_inodes >= sbi->max_inodes)
		return NULL;
	*err = -ENOMEM;
	if (!(ti = kzalloc(sizeof(*ti))))
		return NULL;
	struct inode *inode = &ti->vfs;
	inode->i_sb = sb;
	inode->i_count = 1;
	inode->i_ino = sbi->next_ino++;
	inode_init_owner(inode, dir, mode);
	inode->i_rdev = rdev;
	inode->i_op = S_ISDIR(mode) ? &tmpfs_dir_inode_ops : &tmpfs_inode_ops;
	inode->i_fop = S_ISDIR(mode) ? &tmpfs_dir_ops : S_ISFIFO(mode) ? &fifo_fops : &tmpfs_file_ops;
	mutex_init(&ti->lock);
	list_init(&ti->entries);
	ti->nlink = S_ISDIR(mode) ? 2 : 1;
	ti->next_pos = 2; /* "." and ".." come first */
	tmpfs_touch(ti, ATTR_ATIME | ATTR_MTIME | ATTR_CTIME);
	sbi->used_inodes++;
	*err = 0;
	return inode;
}

/* tmpfs_evict_inode: the last reference went (no name, no user): free the
 * pages, the target and the count of inodes. The VFS frees the inode. */
static void tmpfs_evict_inode(struct inode *inode)
{
	struct tmpfs_inode *ti = TMPFS_I(inode);

	if (S_ISREG(inode->i_mode))
		tmpfs_truncate(ti, 0);
	kfree(ti->symlink);
	TMPFS_SB(inode->i_sb)->used_inodes--;
}

/* find_entry: @dir's entry called @name (@len bytes), or NULL. */
static struct tmpfs_dirent *find_entry(struct inode *dir, const char *name, size_t len)
{
	struct list_head *it;

	list_for_each(it, &TMPFS_I(dir)->entries) {
		struct tmpfs_dirent *de = list_entry(it, struct tmpfs_dirent, link);
		if (de->len == len && !memcmp(de->name, name, len))
			return de;
	}
	return NULL;
}

/* add_entry: name @inode @name in @dir, taking the caller's reference. 0 or -ENOMEM. */
static int add_entry(struct inode *dir, const char *name, size_t len, struct inode *inode)
{
	struct tmpfs_inode *d = TMPFS_I(dir);
	struct tmpfs_dirent *de = kmalloc(sizeof(*de) + len + 1);

	if (!de)
		return -ENOMEM;
	de->inode = inode;
	de->pos = d->next_pos++;
	de->len = len;
	memcpy(de->name, name, len);
	de->name[len] = '\0';
	list_add_tail(&de->link, &d->entries);
	if (S_ISDIR(inode->i_mode))
		d->nlink++;
	tmpfs_touch(d, ATTR_MTIME | ATTR_CTIME);
	return 0;
}

/* drop_entry: remove @de from @dir; its inode loses a name and the entry's reference. */
static void drop_entry(struct inode *dir, struct tmpfs_dirent *de)
{
	struct tmpfs_inode *ti = TMPFS_I(de->inode);

	list_del(&de->link);
	if (S_ISDIR(de->inode->i_mode)) {
		TMPFS_I(dir)->nlink--;
		ti->nlink = 0; /* "." goes with it */
	} else {
		ti->nlink--;
	}
	tmpfs_touch(ti, ATTR_CTIME);
	tmpfs_touch(TMPFS_I(dir), ATTR_MTIME | ATTR_CTIME);
	iput(de->inode);
	kfree(de);
}

static int tmpfs_lookup(struct inode *dir, const char *name, size_t len, struct inode **out)
{
	struct tmpfs_dirent *de = find_entry(dir, name, len);

	if (!de)
		return -ENOENT;
	*out = ihold(de->inode);
	return 0;
}

/* make_node: a new inode of @mode named @name in @dir; with a reference into
 * *@out if @out. 0, -ENOSPC or -ENOMEM. */
static int make_node(struct inode *dir, const char *name, size_t len, uint32_t mode, uint32_t rdev,
		     struct inode **out)
{
	int err;
	struct inode *inode = tmpfs_new_inode(dir->i_sb, dir, mode, rdev, &err);

	if (!inode)
		return err;
	if (out)
		*out = ihold(inode);
	err = add_entry(dir, name, len, inode);
	if (err) {
		if (out)
			iput(*out);
		iput(inode);
	}
	return err;
}

static int tmpfs_create(struct inode *dir, const char *name, size_t len, uint32_t mode, struct inode **out)
{
	return make_node(dir, name, len, mode, 0, out);
}

static int tmpfs_mkdir(struct inode *dir, const char *name, size_t len, uint32_t mode)
{
	return make_node(dir, name, len, mode, 0, NULL);
}

static int tmpfs_mknod(struct inode *dir, const char *name, size_t len, uint32_t mode, uint32_t rdev)
{
	return make_node(dir, name, len, mode, rdev, NULL);
}

static int tmpfs_symlink(struct inode *dir, const char *name, size_t len, const char *target)
{
	size_t tlen = strlen(target);
	struct inode *inode;
	char *copy = kmalloc(tlen + 1);

	if (!copy)
		return -ENOMEM;
	memcpy(copy, target, tlen + 1);
	int err = make_node(dir, name, len, S_IFLNK | 0777, 0, &inode);
	if (err) {
		kfree(copy);
		return err;
	}
	TMPFS_I(inode)->symlink = copy;
	TMPFS_I(inode)->size = (int64_t)tlen;
	iput(inode);
	return 0;
}

static int tmpfs_link(struct inode *old, struct inode *dir, const char *name, size_t len)
{
	int err = add_entry(dir, name, len, ihold(old));

	if (err) {
		iput(old);
		return err;
	}
	TMPFS_I(old)->nlink++;
	tmpfs_touch(TMPFS_I(old), ATTR_CTIME);
	return 0;
}

static int tmpfs_unlink(struct inode *dir, const char *name, size_t len)
{
	struct tmpfs_dirent *de = find_entry(dir, name, len);

	if (!de)
		return -ENOENT;
	drop_entry(dir, de);
	return 0;
}

static int tmpfs_rmdir(struct inode *dir, const char *name, size_t len)
{
	struct tmpfs_dirent *de = find_entry(dir, name, len);

	if (!de)
		return -ENOENT;
	if (!list_empty(&TMPFS_I(de->inode)->entries))
		return -ENOTEMPTY;
	drop_entry(dir, de);
	return 0;
}

/* tmpfs_rename: Linux's shmem_rename2: the entry moves (and keeps its inode);
 * a replaced entry is dropped; RENAME_EXCHANGE swaps the two inodes. */
static int tmpfs_rename(struct inode *old_dir, const char *old_name, size_t old_len,
			struct inode *new_dir, const char *new_name, size_t new_len, unsigned flags)
{
	struct tmpfs_dirent *od = find_entry(old_dir, old_name, old_len);
	struct tmpfs_dirent *nd = find_entry(new_dir, new_name, new_len);

	if (!od)
		return -ENOENT;
	bool old_is_dir = S_ISDIR(od->inode->i_mode);
	if (flags & RENAME_EXCHANGE) {
		struct inode *tmp = od->inode;
		bool new_is_dir = S_ISDIR(nd->inode->i_mode);
		od->inode = nd->inode;
		nd->inode = tmp;
		TMPFS_I(old_dir)->nlink += (unsigned)new_is_dir - (unsigned)old_is_dir;
		TMPFS_I(new_dir)->nlink += (unsigned)old_is_dir - (unsigned)new_is_dir;
	} else {
		if (nd && S_ISDIR(nd->inode->i_mode) && !list_empty(&TMPFS_I(nd->inode)->entries))
			return -ENOTEMPTY;
		struct inode *inode = ihold(od->inode);
		int err = nd ? 0 : add_entry(new_dir, new_name, new_len, inode);
		if (err) {
			iput(inode);
			return err;
		}
		if (nd) { /* the new name now means the old inode */
			struct inode *replaced = nd->inode;
			nd->inode = inode;
			if (S_ISDIR(replaced->i_mode)) {
				TMPFS_I(replaced)->nlink = 0;
				TMPFS_I(new_dir)->nlink--;
			} else {
				TMPFS_I(replaced)->nlink--;
			}
			if (old_is_dir)
				TMPFS_I(new_dir)->nlink++;
			tmpfs_touch(TMPFS_I(replaced), ATTR_CTIME);
			iput(replaced);
		}
		/* the old name goes, without costing the inode a link */
		list_del(&od->link);
		if (old_is_dir)
			TMPFS_I(old_dir)->nlink--;
		iput(od->inode);
		kfree(od);
	}
	tmpfs_touch(TMPFS_I(old_dir), ATTR_MTIME | ATTR_CTIME);
	tmpfs_touch(TMPFS_I(new_dir), ATTR_MTIME | ATTR_CTIME);
	return 0;
}

static long tmpfs_readlink(struct inode *inode, char *buf, size_t size)
{
	struct tmpfs_inode *ti = TMPFS_I(inode);
	size_t len = (size_t)ti->size < size ? (size_t)ti->size : size;

	memcpy(buf, ti->symlink, len);
	tmpfs_touch(ti, ATTR_ATIME);
	return (long)len;
}

static void tmpfs_getattr(struct inode *inode, struct kstat *st)
{
	struct tmpfs_inode *ti = TMPFS_I(inode);
	uint64_t pages = 0, index = 0, found;

	if (S_ISREG(inode->i_mode))
		while (radix_tree_next(&ti->pages, index, &found))
			pages++, index = found + 1;
	*st = (struct kstat){
		.dev = inode->i_sb->s_dev, .ino = inode->i_ino, .nlink = ti->nlink, .mode = inode->i_mode,
		.uid = inode->i_uid, .gid = inode->i_gid, .rdev = inode->i_rdev,
		.size = S_ISDIR(inode->i_mode) ? 40 + 20 * (int64_t)(ti->nlink - 2) : ti->size,
		.blksize = PAGE_SIZE, .blocks = (int64_t)(pages * (PAGE_SIZE / 512)),
		.atime = ti->atime, .mtime = ti->mtime, .ctime = ti->ctime,
		.atime_nsec = ti->atime_nsec, .mtime_nsec = ti->mtime_nsec, .ctime_nsec = ti->ctime_nsec,
	};
}

/* tmpfs_setattr: chmod, chown, truncate and utimes (the VFS checked who may). */
static int tmpfs_setattr(struct inode *inode, const struct iattr *attr)
{
	struct tmpfs_inode *ti = TMPFS_I(inode);

	if (attr->valid & ATTR_SIZE) {
		mutex_lock(&ti->lock);
		int err = tmpfs_truncate(ti, attr->size);
		mutex_unlock(&ti->lock);
		if (err)
			return err;
	}
	if (attr->valid & ATTR_MODE)
		inode->i_mode = (inode->i_mode & S_IFMT) | (attr->mode & S_IALLUGO);
	if (attr->valid & ATTR_UID)
		inode->i_uid = attr->uid;
	if (attr->valid & ATTR_GID)
		inode->i_gid = attr->gid;
	tmpfs_touch(ti, attr->valid & (ATTR_ATIME | ATTR_MTIME | ATTR_CTIME));
	if ((attr->valid & ATTR_ATIME) && attr->atime >= 0)
		ti->atime = attr->atime, ti->atime_nsec = attr->atime_nsec;
	if ((attr->valid & ATTR_MTIME) && attr->mtime >= 0)
		ti->mtime = attr->mtime, ti->mtime_nsec = attr->mtime_nsec;
	tmpfs_touch(ti, ATTR_CTIME);
	return 0;
}

static const struct inode_operations tmpfs_dir_inode_ops = {
	.lookup = tmpfs_lookup,
	.getattr = tmpfs_getattr,
	.create = tmpfs_create,
	.mkdir = tmpfs_mkdir,
	.mknod = tmpfs_mknod,
	.symlink = tmpfs_symlink,
	.link = tmpfs_link,
	.unlink = tmpfs_unlink,
	.rmdir = tmpfs_rmdir,
	.rename = tmpfs_rename,
	.setattr = tmpfs_setattr,
};

static const struct inode_operations tmpfs_inode_ops = {
	.readlink = tmpfs_readlink,
	.getattr = tmpfs_getattr,
	.setattr = tmpfs_setattr,
};

/* tmpfs_statfs: the mount's limits and use (Linux's shmem_statfs). */
static void tmpfs_statfs(struct super_block *sb, struct kstatfs *st)
{
	const struct tmpfs_sb *sbi = TMPFS_SB(sb);

	*st = (struct kstatfs){
		.f_type = TMPFS_MAGIC, .f_bsize = PAGE_SIZE, .f_frsize = PAGE_SIZE,
		.f_blocks = (int64_t)sbi->max_blocks, .f_bfree = (int64_t)(sbi->max_blocks - sbi->used_blocks),
		.f_bavail = (int64_t)(sbi->max_blocks - sbi->used_blocks), .f_files = (int64_t)sbi->max_inodes,
		.f_ffree = (int64_t)(sbi->max_inodes - sbi->used_inodes), .f_namelen = NAME_MAX,
	};
}

static const struct super_operations tmpfs_super_ops = {
	.evict_inode = tmpfs_evict_inode,
	.statfs = tmpfs_statfs,
};

/* tmpfs_fill_super: an empty tmpfs: a root directory of mode 1777 (as /tmp),
 * at most half of RAM in pages and in inodes (@source unused). */
static int tmpfs_fill_super(struct super_block *sb, const char *source)
{
	struct tmpfs_sb *sbi = kzalloc(sizeof(*sbi));
	int err;

	(void)source;
	if (!sbi)
		return -ENOMEM;
	sbi->max_blocks = page_zone.managed / 2;
	sbi->max_inodes = page_zone.managed / 2;
	sbi->next_ino = 1;
	sb->s_fs_info = sbi;
	sb->s_op = &tmpfs_super_ops;
	sb->s_magic = TMPFS_MAGIC;
	sb->s_dev = MKDEV(TMPFS_DEV_MAJOR, next_minor++);
	struct inode *root = tmpfs_new_inode(sb, NULL, S_IFDIR | 01777, 0, &err);
	if (!root) {
		kfree(sbi);
		return err;
	}
	root->i_uid = root->i_gid = 0;
	sb->s_root = root;
	return 0;
}

static struct file_system_type tmpfs_fs_type = {
	.name = "tmpfs",
	.fill_super = tmpfs_fill_super,
};

/* init_tmpfs: register the type. */
static void init_tmpfs(void)
{
	register_filesystem(&tmpfs_fs_type);
}
fs_initcall(init_tmpfs);
