/*
 * kernel/fs/seq_file.c - files generated on read, a record at a time (see
 * seq_file.h; Linux: fs/seq_file.c seq_read_iter, traverse, seq_printf).
 */
#include <stdarg.h>
#include "kernel/fs/seq_file.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/proc.h"
#include "kernel/uaccess.h"
#include "kernel/errno.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsnprintf.h"
#include "mm/kmalloc.h"

#define SEQ_FIRST_SIZE 4096 /* one page: every record but a long one fits */

void seq_open(struct seq_file *m, const struct seq_operations *op, void *private)
{
	*m = (struct seq_file){ .op = op, .private = private };
	mutex_init(&m->lock);
}

void seq_release(struct seq_file *m)
{
	kfree(m->buf);
	m->buf = NULL;
	m->size = m->from = m->count = 0;
}

/* grow: twice the buffer, for a record that did not fit alone (the buffer
 * holds nothing to keep); 0, or -ENOMEM past SEQ_BUF_MAX or out of memory. */
static int grow(struct seq_file *m)
{
	size_t size = m->size ? m->size * 2 : SEQ_FIRST_SIZE;
	char *bigger = size <= SEQ_BUF_MAX ? kmalloc(size) : NULL;

	if (!bigger)
		return -ENOMEM;
	kfree(m->buf);
	m->buf = bigger;
	m->size = size;
	return 0;
}

/* fill: generate whole records from m->index into the emptied buffer until
 * it holds @want bytes or the records end; a record that does not fit waits
 * for the next fill, unless it is alone (then the buffer grows). 0 or -errno. */
static int fill(struct seq_file *m, size_t want)
{
	uint64_t pos = m->index;
	void *v;
	int err = 0;

	m->from = m->count = 0;
	if (!m->buf && grow(m))
		return -ENOMEM;
	v = m->op->start(m, &pos);
	if (SEQ_IS_ERR(v)) {
		err = (int)(intptr_t)v;
		v = NULL;
	}
	while (v) {
		size_t before = m->count;

		m->overflow = false;
		err = m->op->show(m, v);
		if (err)
			break;
		if (m->overflow) {
			m->count = before; /* drop the partial record */
			if (before || (err = grow(m)))
				break;
			continue; /* alone: again, in the bigger buffer */
		}
		v = m->op->next(m, v, &pos);
		m->index = pos;
		if (m->count >= want)
			break;
	}
	m->op->stop(m, v);
	return err;
}

/* read_locked: seq_read with @m locked. */
static long read_locked(struct seq_file *m, char *ubuf, size_t n, uint64_t *ppos)
{
	uint64_t target = *ppos;
	size_t copied = 0;
	int err = 0;

	if (target != m->read_pos) { /* an lseek: from the first record again, skipping to it */
		m->index = m->read_pos = 0;
		m->from = m->count = 0;
	}
	while (copied < n) {
		size_t k;

		if (m->from == m->count) {
			err = fill(m, m->read_pos < target ? target - m->read_pos : n - copied);
			if (err || !m->count)
				break; /* an error, or the end */
		}
		k = m->count - m->from;
		if (m->read_pos < target) { /* skipping */
			if (k > target - m->read_pos)
				k = target - m->read_pos;
		} else {
			if (k > n - copied)
				k = n - copied;
			if (copy_to_user(ubuf + copied, m->buf + m->from, k)) {
				err = -EFAULT;
				break;
			}
			copied += k;
		}
		m->from += k;
		m->read_pos += k;
	}
	if (m->read_pos >= target)
		*ppos = m->read_pos;
	return copied || !err ? (long)copied : err;
}

long seq_read(struct seq_file *m, char *ubuf, size_t n, uint64_t *ppos)
{
	long ret = mutex_lock_killable(&m->lock);

	if (ret)
		return ret;
	ret = read_locked(m, ubuf, n, ppos);
	mutex_unlock(&m->lock);
	return ret;
}

void seq_write(struct seq_file *m, const void *data, size_t n)
{
	if (m->overflow || n > m->size - m->count) {
		m->overflow = true;
		return;
	}
	memcpy(m->buf + m->count, data, n);
	m->count += n;
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	size_t room = m->size - m->count;
	va_list ap;
	int n;

	if (m->overflow)
		return;
	va_start(ap, fmt);
	n = vsnprintf(m->buf + m->count, room, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= room) /* vsnprintf wants room for its NUL too */
		m->overflow = true;
	else
		m->count += (size_t)n;
}

void *single_start(struct seq_file *m, uint64_t *pos)
{
	(void)m;
	return *pos == 0 ? m : NULL; /* any non-NULL token: the one record */
}

void *single_next(struct seq_file *m, void *v, uint64_t *pos)
{
	(void)m, (void)v;
	++*pos;
	return NULL;
}

void single_stop(struct seq_file *m, void *v)
{
	(void)m, (void)v;
}
