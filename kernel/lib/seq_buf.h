/*
 * kernel/lib/seq_buf.h - a growing text buffer for files generated on read
 * (Linux: the seq_file of fs/seq_file.c, as single_open uses it: the whole
 * text is produced at once into one kmalloc'd buffer, and read(2) is served
 * from it).
 *
 * The buffer grows by doubling; the first failure to grow latches -ENOMEM in
 * ->err and every later call does nothing, so a generator can print all its
 * lines and check once at the end.
 * Lock: one buffer belongs to one open file (single CPU).
 */
#ifndef KERNEL_SEQ_BUF_H
#define KERNEL_SEQ_BUF_H

#include <stddef.h>

struct seq_buf {
	char *buf;   /* kmalloc'd text, NUL-terminated; NULL until the first byte */
	size_t len;  /* bytes of text */
	size_t size; /* bytes allocated */
	int err;     /* 0, or -ENOMEM once growing failed */
};

/* seq_printf: append printf-style text to @s (kernel/lib/vsnprintf.h formats). */
__attribute__((format(printf, 2, 3)))
void seq_printf(struct seq_buf *s, const char *fmt, ...);

/* seq_write: append the @n bytes at @data (may hold NULs: /proc/PID/cmdline). */
void seq_write(struct seq_buf *s, const void *data, size_t n);

/* seq_free: free @s's text and make it empty again. */
void seq_free(struct seq_buf *s);

#endif
