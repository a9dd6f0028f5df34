/*
 * kernel/fs/fs.h - the objects of the VFS, Linux's in miniature
 * (include/linux/fs.h, dcache.h, mount.h):
 *
 *   file_system_type  a kind of file system, registered by name (register_filesystem)
 *   super_block       one mounted instance of it: its root, device number, flags
 *   inode             one file of it: mode, number, and what can be done to it
 *                     (inode_operations: lookup a name, read a symlink, stat;
 *                     file_operations: what an open file of it does, vfs.h)
 *   dentry            one name on the way to an inode: its parent and its
 *                     name, so that ".." and getcwd follow the path actually
 *                     walked. Made by each walk and freed with its last user:
 *                     there is no dentry cache (Linux keeps them, and so never
 *                     looks a name up twice; our file systems look up in memory)
 *   vfsmount          a super_block attached at a dentry of a parent mount
 *   path              (vfsmount, dentry): a place in the whole tree
 *
 * Adding a file system (tmpfs, ext2, devtmpfs, cgroup2): a folder under
 * kernel/fs/ with a struct file_system_type whose fill_super sets up the
 * super_block's root inode, inode_operations for its directories and
 * symlinks, file_operations for its files, and one fs_initcall line that
 * registers the type. It is mounted by name (vfs_mount, kernel/main.c's boot
 * mounts); nothing in the VFS core names it.
 *
 * Lock: single CPU and a non-preemptible kernel: the mount table, reference
 * counts and file system trees change only in process context between sleeps.
 */
#ifndef KERNEL_FS_FS_H
#define KERNEL_FS_FS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "kernel/lib/list.h"

/* File types and permission bits of st_mode, as Linux (include/uapi/linux/stat.h). */
#define S_IFMT   0170000
#define S_IFLNK  0120000
#define S_IFREG  0100000
#define S_IFBLK  0060000
#define S_IFDIR  0040000
#define S_IFCHR  0020000
#define S_IFIFO  0010000
#define S_IFSOCK 0140000
#define S_ISUID  04000
#define S_ISGID  02000
#define S_ISVTX  01000 /* sticky: in a directory, only an entry's owner may remove it */
#define S_IALLUGO 07777 /* every permission bit */
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISLNK(m) (((m) & S_IFMT) == S_IFLNK)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m) (((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)

#define NAME_MAX    255  /* bytes in one path component */
#define PATH_MAX    4096 /* bytes in a path, NUL included */
#define SYMLOOP_MAX 8    /* symlinks one lookup may follow (then -ELOOP) */

/* Device numbers in Linux's encoding for 8-bit minors (old_encode_dev). */
#define MKDEV(major, minor) (((uint32_t)(major) << 8) | (uint32_t)(minor))

#define SB_RDONLY 1 /* super_block.s_flags: a read-only mount (writes are -EROFS) */

/* What stat reports about a file; sys_fs.c turns it into Linux's struct stat. */
struct kstat {
	uint64_t dev, ino, nlink;
	uint32_t mode, uid, gid;
	uint64_t rdev;
	int64_t size, blksize, blocks;
	int64_t mtime; /* seconds */
	int64_t atime, ctime; /* seconds; 0: the same as mtime (file systems that keep one time) */
	long atime_nsec, mtime_nsec, ctime_nsec;
};

/* What setattr changes (Linux: struct iattr, ATTR_*): chmod, chown, truncate, utimensat. */
#define ATTR_MODE  0x01
#define ATTR_UID   0x02
#define ATTR_GID   0x04
#define ATTR_SIZE  0x08
#define ATTR_ATIME 0x10
#define ATTR_MTIME 0x20
#define ATTR_CTIME 0x40
struct iattr {
	unsigned valid;          /* ATTR_* */
	uint32_t mode, uid, gid; /* mode: the permission bits (and S_ISUID...), not the type */
	int64_t size;
	int64_t atime, mtime;    /* seconds */
	long atime_nsec, mtime_nsec;
};

/* What statfs reports (Linux: struct kstatfs). */
struct kstatfs {
	int64_t f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree, f_namelen, f_frsize, f_flags;
};

/* One directory entry, as getdents64 reports it. */
struct dir_entry {
	const char *name;
	uint64_t ino;
	uint32_t mode;
};

struct inode;
struct super_block;
struct file_operations;
struct pipe_inode_info;

struct inode_operations {
	/* lookup: the inode named @name (@len bytes, not "." or "..") in directory
	 * @dir, with one reference for the caller; -ENOENT or -ENOMEM. */
	int (*lookup)(struct inode *dir, const char *name, size_t len, struct inode **out);
	/* readlink: a symlink's target into @buf (at most @size bytes, no NUL); its length. */
	long (*readlink)(struct inode *inode, char *buf, size_t size);
	/* getattr: what stat(2) reports (every inode has it). */
	void (*getattr)(struct inode *inode, struct kstat *st);

	/* The operations that change a directory, for file systems that can
	 * (NULL: -EPERM, or -EROFS on a read-only mount). The VFS has checked the
	 * caller's permission and that @name (@len bytes, not "." or "..") is free
	 * (create, mkdir, mknod, symlink, link) or names an entry of the right
	 * kind (unlink, rmdir); the file system checks what only it knows
	 * (-ENOSPC, -ENOTEMPTY). New inodes are owned as inode_init_owner says. */
	/* create: a new regular file of @mode, with a reference into *@out. */
	int (*create)(struct inode *dir, const char *name, size_t len, uint32_t mode, struct inode **out);
	int (*mkdir)(struct inode *dir, const char *name, size_t len, uint32_t mode);
	/* mknod: a device, FIFO or socket node (@mode's type) with device number @rdev. */
	int (*mknod)(struct inode *dir, const char *name, size_t len, uint32_t mode, uint32_t rdev);
	int (*symlink)(struct inode *dir, const char *name, size_t len, const char *target);
	/* link: another name for @old (not a directory). */
	int (*link)(struct inode *old, struct inode *dir, const char *name, size_t len);
	int (*unlink)(struct inode *dir, const char *name, size_t len);
	int (*rmdir)(struct inode *dir, const char *name, size_t len);
	/* rename: move the entry @old_name of @old_dir to @new_name of @new_dir,
	 * replacing what is there (the VFS checked the kinds agree and that a
	 * directory is not moved under itself); @flags: RENAME_NOREPLACE,
	 * RENAME_EXCHANGE. */
	int (*rename)(struct inode *old_dir, const char *old_name, size_t old_len,
		      struct inode *new_dir, const char *new_name, size_t new_len, unsigned flags);
	/* setattr: change what @attr says (the VFS checked who may). */
	int (*setattr)(struct inode *inode, const struct iattr *attr);
};

#define RENAME_NOREPLACE 1
#define RENAME_EXCHANGE  2

struct inode {
	struct super_block *i_sb;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop; /* what open(2) of it gives (not symlinks) */
	uint64_t i_ino;
	uint32_t i_mode;   /* S_IF* type | permission bits */
	uint32_t i_rdev;   /* character devices: MKDEV(major, minor) */
	uint32_t i_uid, i_gid; /* the owner, for permission checks (kernel/fs/permission.c) */
	int i_count;       /* references: dentries, open files, the file system's own */
	void *i_private;   /* the file system's object behind the inode */
	struct pipe_inode_info *i_pipe; /* a FIFO's pipe while it is open (kernel/fs/pipe.c) */
};

struct super_operations {
	/* evict_inode: @inode's last reference went: free what i_private holds
	 * (NULL: nothing to free). The VFS frees the inode itself. */
	void (*evict_inode)(struct inode *inode);
	/* statfs: the file system's sizes for statfs(2) (NULL: all zero but the type). */
	void (*statfs)(struct super_block *sb, struct kstatfs *st);
};

struct super_block {
	const struct file_system_type *s_type;
	const struct super_operations *s_op;
	struct inode *s_root; /* the root directory, with the super_block's reference */
	uint32_t s_dev;       /* st_dev of its files */
	int s_flags;          /* SB_RDONLY */
	uint32_t s_magic;     /* statfs's f_type (Linux's *_SUPER_MAGIC) */
	void *s_fs_info;
};

struct file_system_type {
	const char *name;
	/* fill_super: set up @sb (s_root, s_op, s_dev, s_flags) from @source (a
	 * device or NULL); 0 or -errno. */
	int (*fill_super)(struct super_block *sb, const char *source);
	struct file_system_type *next; /* the registered list */
};

struct dentry {
	struct dentry *d_parent; /* with a reference; a mount's root dentry is its own parent */
	struct inode *d_inode;   /* with a reference */
	int d_count;
	char d_name[];           /* the name walked, NUL-terminated; "" for a root */
};

struct vfsmount {
	struct super_block *mnt_sb;
	struct dentry *mnt_root;       /* the root of mnt_sb, as a dentry */
	struct vfsmount *mnt_parent;   /* the mount it is attached to; itself for the root */
	struct dentry *mnt_mountpoint; /* where, in mnt_parent (with a reference) */
	struct list_head mnt_list;     /* in the mount table */
	const char *mnt_devname;       /* what it was mounted from (/proc/mounts' first column) */
};

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

/* register_filesystem: make @fs mountable by name. Boot (fs_initcall). */
void register_filesystem(struct file_system_type *fs);

/* fs_initcall(fn): run int fn(void) at boot before anything is mounted: a file
 * system registers itself with it (Linux: fs_initcall). */
typedef void (*initcall_t)(void);
#define fs_initcall(fn) \
	static const initcall_t __initcall_##fn __attribute__((used, section("fs_initcalls"))) = fn

/* do_fs_initcalls: run every fs_initcall. Boot, once. */
void do_fs_initcalls(void);

/* vfs_mount_root: mount file system type @fstype (from @source) as "/". 0 or -errno. Boot. */
int vfs_mount_root(const char *fstype, const char *source);

/* vfs_mount: mount @fstype (from @source) on the directory @dir names (on top
 * of a mount already there, as Linux stacks them). 0, or -ENODEV (no such
 * type), -ENOTDIR, -ENOENT, -ENOMEM. */
int vfs_mount(const char *fstype, const char *source, const char *dir);

#ifdef HOST_TEST
void vfs_forget_all(void); /* host tests: nothing registered or mounted any more */
#endif

/* root_path: the root of the tree, with a reference for the caller (path_put). */
struct path root_path(void);

/* for_each_mount: call @fn for every mount, in the order they were made. */
void for_each_mount(void (*fn)(const struct vfsmount *m, void *arg), void *arg);

/* lookup_mnt: the mount attached at (@mnt, @dentry), or NULL. */
struct vfsmount *lookup_mnt(const struct vfsmount *mnt, const struct dentry *dentry);

/* new_inode: a zeroed inode of @sb with one reference; NULL when out of memory. */
struct inode *new_inode(struct super_block *sb);

/* ihold: take another reference to @inode; returns it. */
struct inode *ihold(struct inode *inode);

/* iput: drop a reference; the last one evicts and frees @inode. */
void iput(struct inode *inode);

/* d_alloc: a dentry named @name (@len bytes) for @inode under @parent (NULL:
 * a root, its own parent), taking the caller's reference to @inode and a new one
 * to @parent. NULL when out of memory (then @inode's reference is dropped). */
struct dentry *d_alloc(struct dentry *parent, const char *name, size_t len, struct inode *inode);

/* dget: another reference to @d; returns it. */
struct dentry *dget(struct dentry *d);

/* dput: drop a reference to @d; the last one frees it and puts its inode and parent. */
void dput(struct dentry *d);

/* path_get / path_put: take and drop the references a path holds. */
void path_get(const struct path *p);
void path_put(const struct path *p);

/* d_path: the absolute path of @p into @buf (@size bytes), crossing mounts;
 * its length, or -ENAMETOOLONG. */
long d_path(const struct path *p, char *buf, size_t size);

/* vfs_getattr: stat(2) of @inode. */
void vfs_getattr(struct inode *inode, struct kstat *st);

/* inode_init_owner: a new @inode of @mode in @dir belongs to current's
 * effective uid and gid, or to @dir's group when @dir is set-group-ID (which
 * a new directory inherits) (Linux's inode_init_owner). */
void inode_init_owner(struct inode *inode, const struct inode *dir, uint32_t mode);

#endif
