/*
 * mm/sys_mman.c - the memory system calls (kernel/syscalls.h) of the calling
 * process: its mm and file descriptors in, mm/mmap.h's do_* out.
 */
#include "kernel/syscalls.h"
#include "kernel/proc.h"
#include "kernel/fs/vfs.h"
#include "kernel/errno.h"
#include "mm/mmap.h"
#include "mm/page.h"

/* mmap_source: the bytes behind @fd for mmap: 0, -EBADF, -EACCES (not open for reading), -ENODEV. */
static int mmap_source(int fd, struct mmap_file *file)
{
	struct file *f = fd_get(fd);

	if (!f)
		return -EBADF;
	if ((f->flags & O_ACCMODE) == O_WRONLY)
		return -EACCES;
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
	err = mmap_source(fd, &file);
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
