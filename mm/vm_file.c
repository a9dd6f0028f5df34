/*
 * mm/vm_file.c - where mm/ meets the VFS for file-backed VMAs (VMA_SHM): the
 * references a VMA holds on its file, and the page at an index of it (Linux:
 * vm_file, vm_ops->fault). Kept apart so that mm/vma.c and mm/memory.c name
 * no VFS function: the host tests link fakes of these three instead.
 */
#include "mm/mm.h"
#include "kernel/fs/vfs.h"

void vma_file_get(struct file *f)
{
	file_get(f);
}

void vma_file_put(struct file *f)
{
	file_put(f);
}

struct page *vma_file_page(const struct vm_area *vma, uint64_t va, int *err)
{
	uint64_t index = (vma->file_offset + (va - vma->start)) / PAGE_SIZE;
	struct file *f = vma->vm_file;

	return f->ops->get_page(f, index, err);
}

struct inode *vma_file_inode(const struct vm_area *vma)
{
	return vma->vm_file->f_path.dentry->d_inode;
}
