/*
 * kernel/fs/tmpfs/file.c - reading, writing and listing tmpfs files (see
 * tmpfs.h; Linux: mm/shmem.c shmem_file_read_iter, shmem_write_begin,
 * shmem_setattr's truncate, and fs/libfs.c dcache_readdir).
 */
#include "kernel/fs/tmpfs/tmpfs.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/errno.h"
#include "kernel/uaccess.h"
#include "kernel/lib/string.h"
#include "mm/page.h"
#include "mm/page_alloc.h"
#include "mm/filemap.h"
#include "mm/mm.h"

#define MAX_LFS_FILESIZE INT64_MAX /* the largest file Linux allows on 64-bit */

struct page *tmpfs_get_page(struct tmpfs_inode *ti, uint64_t index, bool alloc, int *err)
{
	struct tmpfs_sb *sbi = TMPFS_SB(ti->vfs.i_sb);
	struct page *page = radix_tree_lookup(&ti->pages, index);

	*err = 0;
	if (page || !alloc)
		return page;
	*err = -ENOSPC;
	if (sbi->used_blocks >= sbi->max_blocks)
		return NULL;
	*err = -ENOMEM;
	if (!(page = shmem_alloc_page()))
		return NULL;
	if (radix_tree_insert(&ti->pages, index, page)) {
		put_shmem_page(page);
		return NULL;
	}
	sbi->used_blocks++;
	*err = 0;
	return page;
}

/* free_page_at: drop @ti's page at @index (it must be there): the file's
 * reference goes; a mapping that still has it keeps it until it lets go. */
static void free_page_at(struct tmpfs_inode *ti, uint64_t index)
{
	struct page *page = radix_tree_delete(&ti->pages, index);

	put_shmem_page(page);
	TMPFS_SB(ti->vfs.i_sb)->used_blocks--;
}

int tmpfs_truncate(struct tmpfs_inode *ti, int64_t size)
{
	uint64_t first_gone = ((uint64_t)size + PAGE_SIZE - 1) / PAGE_SIZE, index, found;
	int err;

	if (size < 0)
		return -EINVAL;
	if (size < ti->size)
		unmap_mapping_pages(&ti->vfs, first_gone); /* a touch past the new end is SIGBUS */
	while (radix_tree_next(&ti->pages, first_gone, &found)) {
		index = found;
		free_page_at(ti, index);
	}
	struct page *tail = size % PAGE_SIZE ? tmpfs_get_page(ti, (uint64_t)size / PAGE_SIZE, false, &err) : NULL;
	if (tail) /* what a later extension shows must be zeros */
		memset((uint8_t *)page_address(tail) + size % PAGE_SIZE, 0, PAGE_SIZE - size % PAGE_SIZE);
	ti->size = size;
	tmpfs_touch(ti, ATTR_MTIME | ATTR_CTIME);
	return 0;
}

/* inode_of: the tmpfs inode an open file is of. */
static struct tmpfs_inode *inode_of(struct file *f)
{
	return TMPFS_I(f->f_path.dentry->d_inode);
}

static long tmpfs_read(struct file *f, char *buf, size_t n, uint64_t *pos)
{
	struct tmpfs_inode *ti = inode_of(f);
	size_t done = 0;
	int err;
	long ret = 0;

	mutex_lock(&ti->lock);
	while (done < n && *pos < (uint64_t)ti->size) {
		uint64_t off = *pos % PAGE_SIZE;
		size_t chunk = PAGE_SIZE - off;
		if (chunk > n - done)
			chunk = n - done;
		if (chunk > (uint64_t)ti->size - *pos)
			chunk = (uint64_t)ti->size - *pos;
		struct page *page = tmpfs_get_page(ti, *pos / PAGE_SIZE, false, &err);
		int fault = page ? copy_to_user(buf + done, (uint8_t *)page_address(page) + off, chunk)
				 : clear_user(buf + done, chunk); /* a hole reads as zeros */
		if (fault) {
			ret = -EFAULT;
			break;
		}
		done += chunk;
		*pos += chunk;
	}
	tmpfs_touch(ti, ATTR_ATIME);
	mutex_unlock(&ti->lock);
	return done ? (long)done : ret; /* 0 at the end of the file */
}

/* write_limit: how many of @n bytes at @pos may be written (RLIMIT_FSIZE:
 * SIGXFSZ and -EFBIG past it, as Linux's generic_write_check_limits). */
static long write_limit(uint64_t pos, size_t n)
{
	uint64_t limit = rlimit(RLIMIT_FSIZE);

	if (limit != RLIM_INFINITY && pos + n > limit) {
		if (pos >= limit) {
			send_signal(current, SIGXFSZ);
			return -EFBIG;
		}
		n = limit - pos;
	}
	if (pos > (uint64_t)MAX_LFS_FILESIZE - n)
		return pos >= (uint64_t)MAX_LFS_FILESIZE ? -EFBIG : (long)(MAX_LFS_FILESIZE - pos);
	return (long)n;
}

static long tmpfs_write(struct file *f, const char *buf, size_t n, uint64_t *pos)
{
	struct tmpfs_inode *ti = inode_of(f);
	size_t done = 0;
	int err = 0;

	if (!n)
		return 0;
	mutex_lock(&ti->lock);
	if (f->flags & O_APPEND)
		*pos = (uint64_t)ti->size;
	long room = write_limit(*pos, n);
	if (room < 0) {
		mutex_unlock(&ti->lock);
		return room;
	}
	n = (size_t)room;
	while (done < n) {
		uint64_t off = *pos % PAGE_SIZE;
		size_t chunk = PAGE_SIZE - off < n - done ? PAGE_SIZE - off : n - done;
		struct page *page = tmpfs_get_page(ti, *pos / PAGE_SIZE, true, &err);
		if (!page)
			break;
		if (copy_from_user((uint8_t *)page_address(page) + off, buf + done, chunk)) {
			err = -EFAULT;
			break;
		}
		done += chunk;
		*pos += chunk;
		if ((int64_t)*pos > ti->size)
			ti->size = (int64_t)*pos;
	}
	if (done)
		tmpfs_touch(ti, ATTR_MTIME | ATTR_CTIME);
	mutex_unlock(&ti->lock);
	return done ? (long)done : err;
}

static int64_t tmpfs_lseek(struct file *f, int64_t off, int whence)
{
	struct inode *inode = f->f_path.dentry->d_inode;

	return generic_lseek(f, off, whence, S_ISDIR(inode->i_mode) ? -1 : inode_of(f)->size);
}

/* tmpfs_readdir: "." at 0, ".." at 1, then each entry at its own position
 * (Linux's dcache_readdir: a removal does not shift the others). */
static int tmpfs_readdir(struct file *f, uint64_t *pos, struct dir_entry *e)
{
	struct dentry *d = f->f_path.dentry;
	struct list_head *it;

	if (*pos == 0) {
		*e = (struct dir_entry){ ".", d->d_inode->i_ino, S_IFDIR };
		return 0;
	}
	if (*pos == 1) {
		*e = (struct dir_entry){ "..", d->d_parent->d_inode->i_ino, S_IFDIR };
		return 0;
	}
	list_for_each(it, &inode_of(f)->entries) {
		struct tmpfs_dirent *de = list_entry(it, struct tmpfs_dirent, link);
		if (de->pos >= *pos) {
			*pos = de->pos;
			*e = (struct dir_entry){ de->name, de->inode->i_ino, de->inode->i_mode };
			return 0;
		}
	}
	return -ENOENT;
}

static long tmpfs_dir_read(struct file *f, char *buf, size_t n, uint64_t *pos)
{
	(void)f, (void)buf, (void)n, (void)pos;
	return -EISDIR;
}

/* tmpfs_map_page: ->get_page for a mapping: the page at @index (allocated
 * if missing), with a reference for the caller; -ENXIO past the end. */
static struct page *tmpfs_map_page(struct file *f, uint64_t index, int *err)
{
	struct tmpfs_inode *ti = inode_of(f);
	struct page *page = NULL;

	*err = -ENXIO;
	mutex_lock(&ti->lock);
	if (index < ((uint64_t)ti->size + PAGE_SIZE - 1) / PAGE_SIZE)
		page = tmpfs_get_page(ti, index, true, err);
	if (page)
		page->refcount++;
	mutex_unlock(&ti->lock);
	return page;
}

static void tmpfs_file_stat(struct file *f, struct kstat *st)
{
	vfs_getattr(f->f_path.dentry->d_inode, st);
}

const struct file_operations tmpfs_file_ops = {
	.read = tmpfs_read,
	.write = tmpfs_write,
	.lseek = tmpfs_lseek,
	.stat = tmpfs_file_stat,
	.fsync = noop_fsync,
	.get_page = tmpfs_map_page,
};

const struct file_operations tmpfs_dir_ops = {
	.read = tmpfs_dir_read,
	.lseek = tmpfs_lseek,
	.readdir = tmpfs_readdir,
	.stat = tmpfs_file_stat,
	.fsync = noop_fsync,
};
