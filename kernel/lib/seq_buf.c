/* kernel/lib/seq_buf.c - a growing text buffer (see seq_buf.h). */
#include <stdarg.h>
#include <stdbool.h>
#include "kernel/lib/seq_buf.h"
#include "kernel/errno.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsnprintf.h"
#include "mm/kmalloc.h"

#define SEQ_FIRST_SIZE 4096 /* one page: all but a long maps fit, made without growing */

/* seq_reserve: make room for @n more bytes and a NUL; false (and ->err set) if
 * there is no memory. */
static bool seq_reserve(struct seq_buf *s, size_t n)
{
	size_t size = s->size ? s->size : SEQ_FIRST_SIZE;

	if (s->err)
		return false;
	if (s->len + n < s->size)
		return true;
	while (s->len + n >= size)
		size *= 2;
	char *bigger = kmalloc(size);
	if (!bigger) {
		s->err = -ENOMEM;
		return false;
	}
	if (s->buf)
		memcpy(bigger, s->buf, s->len + 1);
	kfree(s->buf);
	s->buf = bigger;
	s->size = size;
	return true;
}

void seq_printf(struct seq_buf *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap); /* the length first: then one reserve */
	va_end(ap);
	if (n < 0 || !seq_reserve(s, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(s->buf + s->len, s->size - s->len, fmt, ap);
	va_end(ap);
	s->len += (size_t)n;
}

void seq_write(struct seq_buf *s, const void *data, size_t n)
{
	if (!seq_reserve(s, n))
		return;
	memcpy(s->buf + s->len, data, n);
	s->len += n;
	s->buf[s->len] = '\0';
}

void seq_free(struct seq_buf *s)
{
	kfree(s->buf);
	*s = (struct seq_buf){ 0 };
}
