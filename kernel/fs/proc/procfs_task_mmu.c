/*
 * kernel/fs/proc/procfs_task_mmu.c - /proc/PID/maps and the address-space figures of
 * status and statm (Linux: fs/proc/task_mmu.c, show_map_vma, task_mem).
 */
#include "kernel/fs/proc/procfs_task_mmu.h"
#include "kernel/fs/proc/procfs_entries.h"
#include "kernel/fs/initrd/initrd.h"
#include "kernel/proc.h"
#include "kernel/fs/vfs.h"
#include "kernel/errno.h"
#include "kernel/lib/vsnprintf.h"
#include "mm/meminfo.h"
#include "mm/mm.h"
#include "mm/page.h"
#include "mm/kmalloc.h"
#include "mm/pgtable.h"

#define MAPS_NAME_COLUMN 72 /* Linux: seq_setwidth(m, 25 + sizeof(void *) * 6 - 1) */

void mm_vm_usage(struct mm *mm, struct mm_usage *u)
{
	struct vm_area *vma;

	*u = (struct mm_usage){ 0 };
	for_each_vma(mm, vma) {
		uint64_t pages = (vma->end - vma->start) / PAGE_SIZE;
		bool write = vma->prot & PROT_WRITE;
		u->total_vm += pages;
		if (vma->kind == VMA_STACK)
			u->stack_vm += pages;
		else if (write && !(vma->flags & VM_SHARED))
			u->data_vm += pages;
		else if ((vma->prot & PROT_EXEC) && !write)
			u->exec_vm += pages;
		if (vma->flags & VM_LOCKED)
			u->locked_vm += pages;
	}
}

void mm_usage(struct mm *mm, struct mm_usage *u)
{
	struct vm_area *vma;

	mm_vm_usage(mm, u);
	u->swap = mm->swap_ents;
	u->pgtables = pt_count_tables(mm->pml4);
	for_each_vma(mm, vma) {
		uint64_t file, frames = vma_frames(mm, vma, &file);
		u->rss_file += file;
		if (vma->flags & VM_SHARED)
			u->rss_shmem += frames - file;
	}
	u->rss_anon = mm->rss - u->rss_file - u->rss_shmem;
}

/* file_node: the initrd file whose contents start at @data, searched from @dir. */
static const struct initrd_node *file_node(const struct initrd_node *dir, const uint8_t *data)
{
	struct list_head *it;

	list_for_each(it, &dir->children) {
		const struct initrd_node *n = list_entry(it, struct initrd_node, sibling);
		const struct initrd_node *found = S_ISDIR(n->mode) ? file_node(n, data) : NULL;
		if (found)
			return found;
		if (S_ISREG(n->mode) && n->data == data)
			return n;
	}
	return NULL;
}

/* show_map: one line of maps for @vma (Linux: show_map_vma): range, rwx and
 * s/p, file offset, device, inode; then, from column 73, the file's path or
 * [heap] / [stack]. The VMA keeps the file's bytes, not its name: the name is
 * found by looking for the initrd file those bytes are. */
static void show_map(struct seq_file *s, const struct vm_area *vma, char *path)
{
	const struct initrd_node *n = vma->file_data ? file_node(initrd_root(), vma->file_data) : NULL;
	const char *name = vma->kind == VMA_HEAP ? "[heap]" : vma->kind == VMA_STACK ? "[stack]" : NULL;
	char head[MAPS_NAME_COLUMN];
	uint64_t dev = 0, ino = 0;

	if (n && initrd_path(n, path, PATH_MAX) > 0) {
		name = path;
		dev = INITRD_DEV, ino = n->ino;
	} else if (vma->kind == VMA_SHM && d_path(&vma->vm_file->f_path, path, PATH_MAX) > 0) {
		const struct inode *inode = vma_file_inode(vma);
		name = path; /* a tmpfs file: its path, device and inode */
		dev = inode->i_sb->s_dev, ino = inode->i_ino;
	}
	snprintf(head, sizeof(head), "%08lx-%08lx %c%c%c%c %08lx %02lx:%02lx %lu ", vma->start, vma->end,
		 vma->prot & PROT_READ ? 'r' : '-', vma->prot & PROT_WRITE ? 'w' : '-',
		 vma->prot & PROT_EXEC ? 'x' : '-', vma->flags & VM_SHARED ? 's' : 'p',
		 ino ? vma->file_offset : 0, dev >> 8, dev & 0xff, ino);
	if (name)
		seq_printf(s, "%-*s %s\n", MAPS_NAME_COLUMN, head, name);
	else
		seq_printf(s, "%s\n", head);
}

/* m_start: the VMA to show as record *@pos of the maps of @m's process: the
 * first, or the first ending above where the last read stopped (Linux's
 * m_start with priv->last_addr): a lookup in the VMA tree, whatever the
 * position, so a read costs its own lines. NULL at the end, or for a process
 * without an address space; SEQ_ERR(-ESRCH) for one gone, -ENOMEM without
 * memory for the path buffer. */
static void *m_start(struct seq_file *m, uint64_t *pos)
{
	struct proc_file *pf = m->private;
	int err;
	struct process *p = node_process(&pf->node, &err);

	if (err)
		return SEQ_ERR(err);
	if (!p->mm)
		return NULL; /* a kernel thread or a zombie: an empty file */
	pf->scratch = kmalloc(PATH_MAX);
	if (!pf->scratch)
		return SEQ_ERR(-ENOMEM);
	return *pos == 0 ? vma_first(p->mm) : find_vma(p->mm, pf->last_addr);
}

/* m_next: the VMA after @v; where the next read resumes. */
static void *m_next(struct seq_file *m, void *v, uint64_t *pos)
{
	struct proc_file *pf = m->private;
	struct vm_area *vma = v;

	pf->last_addr = vma->end;
	++*pos;
	return vma_next(vma->mm, vma);
}

/* m_stop: free the path buffer m_start took. */
static void m_stop(struct seq_file *m, void *v)
{
	struct proc_file *pf = m->private;

	(void)v;
	kfree(pf->scratch);
	pf->scratch = NULL;
}

static int m_show(struct seq_file *m, void *v)
{
	struct proc_file *pf = m->private;

	show_map(m, v, pf->scratch);
	return 0;
}

const struct seq_operations proc_pid_maps_op = {
	.start = m_start, .next = m_next, .stop = m_stop, .show = m_show,
};
