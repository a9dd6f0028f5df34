/*
 * kernel/fs/seq_file.h - files generated on read, a record at a time (Linux:
 * fs/seq_file.c, Documentation/filesystems/seq_file.rst).
 *
 * A file is a sequence of records: an iterator (struct seq_operations: start
 * at a record index, next, stop) and show(), which prints one record with
 * seq_printf / seq_write / seq_puts. seq_read fills a buffer with whole records
 * only as far as the read needs, hands the bytes out, and keeps the unread
 * rest for the next read: a read of N bytes costs O(N) and one open file holds
 * one buffer, never the whole file. The buffer is a page; a record that does
 * not fit doubles it, up to SEQ_BUF_MAX, past which the read fails with
 * -ENOMEM (a bound on the kernel memory one open file can pin). A file of one
 * record (single_open) is printed whole by its show().
 * Lock: one seq_file belongs to one open file; a read may sleep (the copy to
 * user memory), so seq_read takes the bytes out of the buffer first.
 */
#ifndef KERNEL_FS_SEQ_FILE_H
#define KERNEL_FS_SEQ_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "kernel/mutex.h"

#define SEQ_BUF_MAX (8 * 4096) /* the largest buffer one open file may hold */

struct seq_file;

/* SEQ_ERR: what start returns to fail the read with -errno @e (Linux: ERR_PTR). */
#define SEQ_ERR(e) ((void *)(intptr_t)(e))
#define SEQ_IS_ERR(v) ((uintptr_t)(v) >= (uintptr_t)-4095)

struct seq_operations {
	/* start: the record at index *@pos, NULL past the last, or SEQ_ERR(-errno). */
	void *(*start)(struct seq_file *m, uint64_t *pos);
	/* next: the record after @v, with *@pos advanced to its index; NULL at the end. */
	void *(*next)(struct seq_file *m, void *v, uint64_t *pos);
	/* stop: end of a run of start/next (release what start took); @v may be NULL. */
	void (*stop)(struct seq_file *m, void *v);
	/* show: print record @v; 0 or -errno (the read fails with it). */
	int (*show)(struct seq_file *m, void *v);
};

struct seq_file {
	char *buf;         /* kmalloc'd, @size bytes: generated text buf[from, count) not read yet */
	size_t size, from, count;
	bool overflow;     /* the record being printed did not fit in the buffer */
	uint64_t index;    /* the index of the next record to generate */
	uint64_t read_pos; /* the file position buf[from] stands at */
	const struct seq_operations *op;
	void *private;     /* the file system's, for its iterator */
	struct mutex lock; /* one read at a time (it may sleep in the copy): Linux's m->lock */
};

/* seq_open: make @m read records through @op, with @private for them. */
void seq_open(struct seq_file *m, const struct seq_operations *op, void *private);

/* seq_release: free @m's buffer (its struct is the caller's). */
void seq_release(struct seq_file *m);

/* seq_read: read(2): up to @n bytes at *@ppos into user memory @ubuf, *@ppos
 * advanced; 0 at the end. A position other than where the last read stopped
 * (an lseek) regenerates from the first record and skips to it, so lseek to 0
 * shows fresh values. The number of bytes, or -errno (-EFAULT, -ENOMEM, or a
 * show's error). May sleep. */
long seq_read(struct seq_file *m, char *ubuf, size_t n, uint64_t *ppos);

/* seq_printf, seq_puts, seq_write: add to the record being shown; past the
 * buffer's end they mark @m overflowed (seq_read retries the record in a
 * bigger buffer). seq_write's bytes may hold NULs. */
__attribute__((format(printf, 2, 3)))
void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_puts(struct seq_file *m, const char *s);
void seq_write(struct seq_file *m, const void *data, size_t n);

/* single_start/single_next/single_stop: the iterator of a file that is one
 * record (Linux: single_open's), for a seq_operations whose show prints it all. */
void *single_start(struct seq_file *m, uint64_t *pos);
void *single_next(struct seq_file *m, void *v, uint64_t *pos);
void single_stop(struct seq_file *m, void *v);

#endif
