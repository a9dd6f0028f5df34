/*
 * kernel/fs/tmpfs/tmpfs.h - tmpfs, a file system in memory (Linux:
 * mm/shmem.c): /tmp, /dev and /dev/shm are tmpfs mounts.
 *
 * Every file, directory, symlink and device node lives as an inode that its
 * directory entry keeps alive (the entry's reference); unlinking drops it, so
 * an open file outlives its last name, as on Linux. A regular file's bytes
 * are whole pages in a radix tree by page index (kernel/lib/radix_tree.h),
 * allocated when first written: a sparse file costs nothing for its holes.
 * They count as Shmem in /proc/meminfo (NR_SHMEM). A mount holds at most
 * half of RAM in pages and as many inodes (Linux's defaults for size= and
 * nr_inodes=): past that, -ENOSPC.
 *
 * Lock: single CPU, not preemptible: a directory or a file changes between
 * sleeps only; a read or write that may fault on user memory takes the
 * inode's mutex so that a truncate cannot free the page under the copy.
 */
#ifndef KERNEL_FS_TMPFS_TMPFS_H
#define KERNEL_FS_TMPFS_TMPFS_H

#include "kernel/fs/vfs.h"
#include "kernel/lib/list.h"
#include "kernel/lib/radix_tree.h"
#include "kernel/mutex.h"
#include "mm/page.h"

#define TMPFS_MAGIC 0x01021994 /* statfs f_type (Linux's TMPFS_MAGIC) */

/* What a tmpfs inode holds beyond the VFS inode (Linux: shmem_inode_info). */
struct tmpfs_inode {
	struct inode vfs;             /* first: container_of from the VFS inode */
	struct mutex lock;            /* reads, writes and truncates of the pages */
	struct list_head entries;     /* a directory's struct tmpfs_dirent, in creation order */
	struct radix_tree_root pages; /* a regular file's pages by index */
	char *symlink;                /* a symlink's target (kmalloc'd, NUL-terminated) */
	int64_t size;                 /* bytes: a regular file's length, a symlink's */
	unsigned nlink;               /* names (a directory: 2 + its subdirectories) */
	int64_t atime, mtime, ctime;  /* seconds */
	long atime_nsec, mtime_nsec, ctime_nsec;
	uint64_t next_pos;            /* a directory's next entry position (readdir) */
};

/* One name in a directory; holds a reference to its inode. */
struct tmpfs_dirent {
	struct list_head link;
	struct inode *inode;
	uint64_t pos;      /* its readdir position: stable across removals of others */
	size_t len;
	char name[];
};

/* A mount's limits and use (Linux: shmem_sb_info). */
struct tmpfs_sb {
	uint64_t max_blocks, used_blocks; /* pages */
	uint64_t max_inodes, used_inodes;
	uint64_t next_ino;
};

static inline struct tmpfs_inode *TMPFS_I(struct inode *inode)
{
	return (struct tmpfs_inode *)inode;
}

static inline struct tmpfs_sb *TMPFS_SB(const struct super_block *sb)
{
	return sb->s_fs_info;
}

/* tmpfs_touch: set @ti's times named by @what (ATTR_ATIME/MTIME/CTIME) to now. */
void tmpfs_touch(struct tmpfs_inode *ti, unsigned what);

/* tmpfs_truncate: cut or extend @ti's file to @size bytes, freeing the pages
 * wholly past it and zeroing the tail of the last one. 0, or -EFBIG. */
int tmpfs_truncate(struct tmpfs_inode *ti, int64_t size);

/* tmpfs_get_page: the page at @index of @ti's file, allocated (zeroed) if
 * @alloc and missing; NULL when missing, or with *@err -ENOSPC (the mount is
 * full) or -ENOMEM. */
struct page *tmpfs_get_page(struct tmpfs_inode *ti, uint64_t index, bool alloc, int *err);

extern const struct file_operations tmpfs_file_ops, tmpfs_dir_ops;

#endif
