/*
 * kernel/fs/initrd/inode.c - the initrd as a file system of the VFS (file
 * system type "initrd"): its tree (initrd.c) seen through inodes, read-only,
 * as a file system mounted "ro" is on Linux. Every node gets its inode when
 * the tree is mounted, kept for good with the node (the tree is never freed),
 * so a node is the same inode in every walk. Mounted once.
 */
#include "kernel/fs/initrd/initrd.h"
#include "kernel/fs/vfs.h"
#include "kernel/errno.h"
#include "kernel/lib/string.h"
#include "kernel/uaccess.h"

#define INITRD_BLKSIZE 4096

static const struct inode_operations initrd_inode_ops;

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

/* initrd_open: an open of @inode's node: the file keeps the node. */
static int initrd_open(struct inode *inode, struct file *f)
{
	f->priv = inode->i_private;
	return 0;
}

/* initrd_mmap: an initrd file's bytes are the archive's, in memory for good. */
static int initrd_mmap(struct file *f, const uint8_t **data, uint64_t *size)
{
	const struct initrd_node *n = f->priv;
	*data = n->data;
	*size = n->size;
	return 0;
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

static const struct file_operations initrd_file_ops = {
	.open = initrd_open,
	.read = initrd_read,
	.mmap = initrd_mmap,
	.lseek = initrd_lseek,
	.stat = initrd_file_stat,
	.fsync = noop_fsync,
};

static const struct file_operations initrd_dir_ops = {
	.open = initrd_open,
	.read = initrd_dir_read,
	.lseek = initrd_lseek,
	.readdir = initrd_readdir,
	.stat = initrd_file_stat,
	.fsync = noop_fsync,
};

/* make_inodes: an inode for @n and everything below it, each kept by its node
 * (the reference new_inode gives) for good. 0 or -ENOMEM. At mount time, so
 * that what a lookup costs never changes: no first lookup allocates. */
static int make_inodes(struct super_block *sb, struct initrd_node *n)
{
	struct inode *inode = new_inode(sb);
	struct list_head *it;

	if (!inode)
		return -ENOMEM;
	inode->i_op = &initrd_inode_ops;
	inode->i_fop = S_ISDIR(n->mode) ? &initrd_dir_ops : &initrd_file_ops;
	inode->i_ino = n->ino;
	inode->i_mode = n->mode;
	inode->i_uid = n->uid;
	inode->i_gid = n->gid;
	inode->i_rdev = S_ISCHR(n->mode) ? n->rdev : 0;
	inode->i_private = n;
	n->inode = inode;
	list_for_each(it, &n->children)
		if (make_inodes(sb, list_entry(it, struct initrd_node, sibling)))
			return -ENOMEM;
	return 0;
}

/* initrd_inode_lookup: inode_operations.lookup of a directory. */
static int initrd_inode_lookup(struct inode *dir, const char *name, size_t len, struct inode **out)
{
	struct initrd_node *n = initrd_lookup(dir->i_private, name, len);
	if (!n)
		return -ENOENT;
	*out = ihold(n->inode);
	return 0;
}

/* initrd_readlink: a symlink's target, stored as its contents. */
static long initrd_readlink(struct inode *inode, char *buf, size_t size)
{
	const struct initrd_node *n = inode->i_private;
	size_t len = n->size < size ? n->size : size;
	memcpy(buf, n->data, len);
	return (long)len;
}

/* initrd_getattr: stat(2) of a node. */
static void initrd_getattr(struct inode *inode, struct kstat *st)
{
	node_stat(inode->i_private, st);
}

static const struct inode_operations initrd_inode_ops = {
	.lookup = initrd_inode_lookup,
	.readlink = initrd_readlink,
	.getattr = initrd_getattr,
};

/* initrd_fill_super: the tree initrd_init unpacked at boot, read-only (@source unused). */
static int initrd_fill_super(struct super_block *sb, const char *source)
{
	(void)source;
	sb->s_dev = INITRD_DEV;
	sb->s_flags = SB_RDONLY;
	sb->s_magic = 0x858458f6; /* RAMFS_MAGIC: Linux's initramfs is a ramfs (or tmpfs) */
	int err = make_inodes(sb, initrd_root());
	if (!err)
		sb->s_root = ihold(initrd_root()->inode);
	return err;
}

static struct file_system_type initrd_fs_type = {
	.name = "initrd",
	.fill_super = initrd_fill_super,
};

/* init_initrd_fs: register the type. */
static void init_initrd_fs(void)
{
	register_filesystem(&initrd_fs_type);
}
fs_initcall(init_initrd_fs);
