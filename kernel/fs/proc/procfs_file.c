/*
 * kernel/fs/proc/procfs_file.c - what an open /proc file does (Linux: fs/proc/inode.c
 * and fs/seq_file.c's single_open/seq_read/seq_lseek).
 *
 * Reads go through a seq_file (kernel/fs/seq_file.c): the text is made a
 * buffer at a time as reads ask for it, so an open file never holds more than
 * one buffer (SEQ_BUF_MAX at most), and an lseek back to 0 makes the next
 * read generate fresh values. This is what tools that keep /proc/meminfo open
 * rely on (procps: lseek(fd, 0, SEEK_SET) then read). The buffer an open file
 * holds is in its struct file's f_pinned, which the OOM killer counts. A
 * write of a number goes to the entry's store(); read again (after lseek 0,
 * or opened anew) it shows the new value.
 */
#include "kernel/fs/proc/procfs.h"
#include "kernel/fs/proc/procfs_entries.h"
#include "kernel/proc.h"
#include "kernel/fs/vfs.h"
#include "kernel/errno.h"
#include "kernel/lib/kstrtox.h"
#include "kernel/lib/string.h"
#include "kernel/uaccess.h"
#include "mm/kmalloc.h"

#define NUMBER_MAX 31 /* bytes of a written number, blanks included */

struct process *node_process(const struct proc_node *n, int *err)
{
	struct process *p = n->pid ? find_process(n->pid) : NULL;

	*err = n->pid && !p ? -ESRCH : 0;
	return p;
}

/* single_show: the one record of a file without seq_ops: its entry's show()
 * for its process, or an int sysctl's value. 0 or -errno. */
static int single_show(struct seq_file *m, void *v)
{
	struct proc_file *pf = m->private;
	const struct proc_entry *e = &proc_entries[pf->node.entry];
	int err;
	struct process *p = node_process(&pf->node, &err);

	(void)v;
	if (err)
		return err;
	if (e->show)
		return e->show(m, p);
	show_int_sysctl(m, e);
	return 0;
}

static const struct seq_operations single_ops = {
	.start = single_start, .next = single_next, .stop = single_stop, .show = single_show,
};

/* proc_read: read(2) through the file's seq_file, set up at the first read;
 * the buffer it holds afterwards is recorded in f_pinned. */
static long proc_read(struct file *f, char *buf, size_t n, uint64_t *pos)
{
	struct proc_file *pf = f->priv;
	const struct proc_entry *e = &proc_entries[pf->node.entry];
	long ret;

	if (!pf->seq_opened) {
		seq_open(&pf->seq, e->seq_ops ? e->seq_ops : &single_ops, pf);
		pf->seq_opened = true;
	}
	ret = seq_read(&pf->seq, buf, n, pos);
	f->f_pinned = pf->seq.size;
	return ret;
}

/* parse_number: the number written as the @n user bytes at @ubuf, blanks around
 * it allowed (echo's newline): Linux's kstrtol(strstrip(buf), 0, ...) of
 * oom_score_adj_write and the sysctl writers. 0, -EINVAL, -ERANGE or -EFAULT. */
static int parse_number(const char *ubuf, size_t n, long *val)
{
	char buf[NUMBER_MAX + 1];
	size_t start = 0;

	if (n > NUMBER_MAX)
		return -EINVAL;
	if (copy_from_user(buf, ubuf, n))
		return -EFAULT;
	while (n > 0 && isspace(buf[n - 1]))
		n--;
	buf[n] = '\0';
	while (isspace(buf[start]))
		start++;
	return kstrtol(buf + start, val);
}

/* proc_write: write(2) of a number to a read-write file; all @n bytes, or -errno
 * with nothing changed. Files with no store() and no int sysctl are read-only:
 * -EINVAL. An empty write to /proc/sys does nothing and succeeds
 * (proc_sys_call_handler). */
static long proc_write(struct file *f, const char *buf, size_t n, uint64_t *pos)
{
	struct proc_file *pf = f->priv;
	const struct proc_entry *e = &proc_entries[pf->node.entry];
	long val;
	int err;

	(void)pos; /* the whole write is the number, wherever the file stands */
	if (!e->store && !e->data)
		return -EINVAL;
	if (n == 0 && e->parent == PE_SYS_VM)
		return 0;
	err = parse_number(buf, n, &val); /* first: copying from the user may sleep */
	struct process *p = err ? NULL : node_process(&pf->node, &err);
	if (!err)
		err = e->store ? e->store(p, val) : store_int_sysctl(e, val);
	return err ? err : (long)n;
}

/* proc_lseek: lseek(2) as seq_lseek: SEEK_SET and SEEK_CUR only (the text has
 * no size before it is made); the next read regenerates from the first
 * record when the position moved (seq_read). A directory's position is one
 * getdents64 reported. */
static int64_t proc_lseek(struct file *f, int64_t off, int whence)
{
	return generic_lseek(f, off, whence, -1);
}

/* proc_dir_read: read(2) of a directory: -EISDIR. */
static long proc_dir_read(struct file *f, char *buf, size_t n, uint64_t *pos)
{
	(void)f, (void)buf, (void)n, (void)pos;
	return -EISDIR;
}

/* proc_readdir: getdents64's next entry of an open /proc directory. */
static int proc_readdir(struct file *f, uint64_t *pos, struct dir_entry *e)
{
	struct proc_file *pf = f->priv;
	return procfs_readdir(&pf->node, pos, e, pf->name);
}

/* proc_file_stat: fstat(2). */
static void proc_file_stat(struct file *f, struct kstat *st)
{
	struct proc_file *pf = f->priv;
	procfs_stat(&pf->node, st);
}

/* proc_release: the last close: free the seq_file's buffer and the proc_file. */
static void proc_release(struct file *f)
{
	struct proc_file *pf = f->priv;

	if (pf->seq_opened)
		seq_release(&pf->seq);
	f->f_pinned = 0;
	kfree(pf);
}

/* proc_open: an open of @inode's node (open(2)'s checks done). */
static int proc_open(struct inode *inode, struct file *f)
{
	struct proc_file *pf = kzalloc(sizeof(*pf));

	if (!pf)
		return -ENOMEM;
	pf->node = *(const struct proc_node *)inode->i_private;
	f->priv = pf;
	return 0;
}

const struct file_operations proc_file_ops = {
	.open = proc_open,
	.read = proc_read,
	.write = proc_write,
	.lseek = proc_lseek,
	.stat = proc_file_stat,
	.release = proc_release,
};

const struct file_operations proc_dir_ops = {
	.open = proc_open,
	.read = proc_dir_read,
	.lseek = proc_lseek,
	.readdir = proc_readdir,
	.stat = proc_file_stat,
	.release = proc_release,
};
