/*
 * kernel/fs/proc/inode.c - /proc as a file system of the VFS (type "proc";
 * Linux: fs/proc/root.c, fs/proc/inode.c). An inode is made for each lookup
 * and holds its own copy of the node it stands for, freed with it: nothing
 * needs to be told when a process exits (its nodes answer -ESRCH, or are
 * not found again).
 */
#include "kernel/fs/proc/procfs.h"
#include "kernel/fs/proc/procfs_entries.h"
#include "kernel/fs/vfs.h"
#include "kernel/errno.h"
#include "mm/kmalloc.h"

static const struct inode_operations proc_inode_ops;

/* proc_inode: a new inode of @sb for node @n; NULL when out of memory. */
static struct inode *proc_inode(struct super_block *sb, const struct proc_node *n)
{
	struct proc_node *copy = kmalloc(sizeof(*copy));
	struct inode *inode = copy ? new_inode(sb) : NULL;
	struct kstat st;

	if (!inode) {
		kfree(copy);
		return NULL;
	}
	*copy = *n;
	procfs_stat(n, &st);
	inode->i_op = &proc_inode_ops;
	inode->i_fop = S_ISDIR(st.mode) ? &proc_dir_ops : &proc_file_ops;
	inode->i_ino = st.ino;
	inode->i_mode = st.mode;
	inode->i_uid = st.uid;
	inode->i_gid = st.gid;
	inode->i_private = copy;
	return inode;
}

/* proc_lookup: inode_operations.lookup of a /proc directory. */
static int proc_lookup(struct inode *dir, const char *name, size_t len, struct inode **out)
{
	struct proc_node n = *(const struct proc_node *)dir->i_private;
	int err = procfs_lookup_child(&n, name, len);
	if (err)
		return err;
	*out = proc_inode(dir->i_sb, &n);
	return *out ? 0 : -ENOMEM;
}

/* proc_readlink: /proc/self's target. */
static long proc_readlink(struct inode *inode, char *buf, size_t size)
{
	return procfs_readlink(inode->i_private, buf, size);
}

/* proc_getattr: stat(2), from the node as it is now. */
static void proc_getattr(struct inode *inode, struct kstat *st)
{
	procfs_stat(inode->i_private, st);
}

static const struct inode_operations proc_inode_ops = {
	.lookup = proc_lookup,
	.readlink = proc_readlink,
	.getattr = proc_getattr,
};

/* proc_evict_inode: free the inode's node. */
static void proc_evict_inode(struct inode *inode)
{
	kfree(inode->i_private);
}

static const struct super_operations proc_super_ops = {
	.evict_inode = proc_evict_inode,
};

/* proc_fill_super: a /proc whose root is the table's root entry (@source unused). */
static int proc_fill_super(struct super_block *sb, const char *source)
{
	static const struct proc_node root = { PE_ROOT, 0, 0 };

	(void)source;
	sb->s_op = &proc_super_ops;
	sb->s_dev = PROC_DEV;
	sb->s_magic = 0x9fa0; /* PROC_SUPER_MAGIC */
	sb->s_root = proc_inode(sb, &root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct file_system_type proc_fs_type = {
	.name = "proc",
	.fill_super = proc_fill_super,
};

/* init_proc_fs: register the type. */
static void init_proc_fs(void)
{
	register_filesystem(&proc_fs_type);
}
fs_initcall(init_proc_fs);
