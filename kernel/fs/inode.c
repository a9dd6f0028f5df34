/*
 * kernel/fs/inode.c - inodes: allocation and reference counts (see fs.h;
 * Linux: fs/inode.c new_inode, ihold, iput).
 */
#include "kernel/fs/fs.h"
#include "kernel/panic.h"
#include "kernel/proc.h"
#include "mm/kmalloc.h"

struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode = kzalloc(sizeof(*inode));
	if (!inode)
		return NULL;
	inode->i_sb = sb;
	inode->i_count = 1;
	return inode;
}

struct inode *ihold(struct inode *inode)
{
	if (inode->i_count <= 0)
		panic("ihold: inode %lu has no references", inode->i_ino);
	inode->i_count++;
	return inode;
}

void iput(struct inode *inode)
{
	if (inode->i_count <= 0)
		panic("iput: inode %lu has no references", inode->i_ino);
	if (--inode->i_count > 0)
		return;
	if (inode->i_sb->s_op && inode->i_sb->s_op->evict_inode)
		inode->i_sb->s_op->evict_inode(inode);
	kfree(inode);
}

void vfs_getattr(struct inode *inode, struct kstat *st)
{
	inode->i_op->getattr(inode, st);
}

void inode_init_owner(struct inode *inode, const struct inode *dir, uint32_t mode)
{
	inode->i_uid = current->cred.uid.eff;
	inode->i_gid = current->cred.gid.eff;
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
	}
	inode->i_mode = mode;
}
