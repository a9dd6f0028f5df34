/*
 * mm/sys_mman.c - the memory system calls (kernel/syscalls.h) of the calling
 * process: its mm and file descriptors in, mm/mmap.h's do_* out.
 */
#include "kernel/syscalls.h"
#include "kernel/proc.h"
#include "kernel/fs/vfs.h"
#include "kernel/errno.h"
#include "mm/mmap.h"
#include "mm/vma.h"
#include "mm/page.h"

/* mmap_source: what @fd gives a mapping of @flags and @prot: a file with
 * pages of its own (tmpfs), or the bytes of one in memory; 0, -EBADF,
 * -EACCES (not open for reading; a shared writable mapping of a file not
 * open for writing, or open O_APPEND: Linux's do_mmap), -ENODEV. */
static int mmap_source(int fd, int flags, int prot, struct mmap_file *file)
{
	struct file *f = fd_get(fd);
	int acc;

	if (!f)
		return -EBADF;
	acc = f->flags & O_ACCMODE;
	if (acc == O_WRONLY)
		return -EACCES;
	*file = (struct mmap_file){ 0 };
	if (f->ops->get_page) {
		if ((flags & MAP_TYPE) == MAP_SHARED && (prot & PROT_WRITE) &&
		    (acc != O_RDWR || (f->flags & O_APPEND)))
			return -EACCES;
		file->shm = f;
		return 0;
	}
	return file_mmap_bytes(f, &file->data, &file->size);
}

/* sys_mmap: in Linux's order: offset alignment, the fd, then do_mmap. */
long sys_mmap(uint64_t addr, size_t len, int prot, int flags, int fd, int64_t off)
{
	struct mmap_file file;
	int err;

	if ((uint64_t)off & ~PAGE_MASK)
		return -EINVAL;
	if (flags & MAP_ANONYMOUS)
		return do_mmap(current->mm, addr, len, prot, flags, NULL, 0);
	err = mmap_source(fd, flags, prot, &file);
	if (err)
		return err;
	return do_mmap(current->mm, addr, len, prot, flags, &file, (uint64_t)off);
}

long sys_munmap(uint64_t addr, size_t len)
{
	return do_munmap(current->mm, addr, len);
}

long sys_mprotect(uint64_t addr, size_t len, int prot)
{
	return do_mprotect(current->mm, addr, len, prot);
}

long sys_brk(uint64_t brk)
{
	return do_brk(current->mm, brk);
}

#define MS_ASYNC      1
#define MS_INVALIDATE 2
#define MS_SYNC       4

/* sys_msync: Linux's checks (flags, alignment, every page mapped: ENOMEM);
 * then nothing to do: no mapped file here has a disk behind it (tmpfs), and
 * a MAP_SHARED store is in the file the moment it is made. */
long sys_msync(uint64_t addr, size_t len, int flags)
{
	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (addr + len < addr)
		return -ENOMEM;
	return vma_range_covered(current->mm, addr, addr + len) ? 0 : -ENOMEM;
}

long sys_madvise(uint64_t addr, size_t len, int advice)
{
	return do_madvise(current->mm, addr, len, advice);
}

long sys_mlock(uint64_t addr, size_t len)
{
	return do_mlock(current->mm, addr, len, true);
}

long sys_munlock(uint64_t addr, size_t len)
{
	return do_mlock(current->mm, addr, len, false);
}

long sys_mlockall(int flags)
{
	return do_mlockall(current->mm, flags);
}

long sys_munlockall(void)
{
	return do_munlockall(current->mm);
}
