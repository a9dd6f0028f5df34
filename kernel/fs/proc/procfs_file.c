/*
 * kernel/fs/proc/procfs_file.c - what an open /proc file does (Linux: fs/proc/inode.c
 * and fs/seq_file.c's single_open/seq_read/seq_lseek).
 *
 * The text is generated whole at the first read, then served from the buffer
 * by every read until an lseek back to 0, which drops it: the next read sees
 * fresh values. This is what tools that keep /proc/meminfo open rely on
 * (procps: lseek(fd, 0, SEEK_SET) then read). A write of a number goes to the
 * entry's store(); read again (after lseek 0, or opened anew) it shows the new value.
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

/* A file's generated text. A read holds it while copying to user memory: the
 * copy may fault and sleep, and an lseek to 0 by a process sharing the file
 * must not free it meanwhile (Linux serialises with the seq_file's mutex). */
struct proc_text {
	int users;         /* the open file, and each read copying from it now */
	struct seq_buf s;
};

/* An open /proc file or directory (struct file's priv). */
struct proc_file {
	struct proc_node node;
	struct proc_text *text;    /* made at the first read; NULL until then */
	char name[PROC_NAME_LEN];  /* readdir: the pid name handed out last */
};

/* node_process: the process of a per-process node, NULL for the others; -ESRCH
 * in *@err when it is gone. */
static struct process *node_process(const struct proc_node *n, int *err)
{
	struct process *p = n->pid ? find_process(n->pid) : NULL;

	*err = n->pid && !p ? -ESRCH : 0;
	return p;
}

/* text_put: one user fewer for @t (NULL: none); the last frees it. */
static void text_put(struct proc_text *t)
{
	if (t && --t->users == 0) {
		seq_free(&t->s);
		kfree(t);
	}
}

/* generate: make @pf's text from its entry's show(), or an int sysctl's value;
 * 0 or -errno (no text then). */
static int generate(struct proc_file *pf)
{
	const struct proc_entry *e = &proc_entries[pf->node.entry];
	int err;
	struct process *p = node_process(&pf->node, &err);
	struct proc_text *t = err ? NULL : kzalloc(sizeof(*t));

	if (!err && !t)
		err = -ENOMEM;
	if (err)
		return err;
	t->users = 1;
	if (e->show)
		err = e->show(&t->s, p);
	else
		show_int_sysctl(&t->s, e);
	if (!err)
		err = t->s.err;
	if (err)
		text_put(t);
	else
		pf->text = t;
	return err;
}

/* proc_read: read(2): the text from *@pos, made at the first read. */
static long proc_read(struct file *f, char *buf, size_t n, uint64_t *pos)
{
	struct proc_file *pf = f->priv;
	long ret = 0;

	if (!pf->text && (ret = generate(pf)) < 0)
		return ret;
	struct proc_text *t = pf->text;
	t->users++;
	if (*pos < t->s.len) {
		size_t len = t->s.len - *pos < n ? t->s.len - *pos : n;
		ret = copy_to_user(buf, t->s.buf + *pos, len) ? -EFAULT : (long)len;
		if (ret > 0)
			*pos += len;
	}
	text_put(t);
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
 * no size before it is made); back to 0, the text is made again at the next
 * read. A directory's position is one getdents64 reported. */
static int64_t proc_lseek(struct file *f, int64_t off, int whence)
{
	struct proc_file *pf = f->priv;
	int64_t pos = generic_lseek(f, off, whence, -1);

	if (pos == 0) {
		text_put(pf->text);
		pf->text = NULL;
	}
	return pos;
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

/* proc_release: the last close: drop the text and free the proc_file. */
static void proc_release(struct file *f)
{
	struct proc_file *pf = f->priv;
	text_put(pf->text);
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
