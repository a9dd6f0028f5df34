/*
 * kernel/lib/string.h - the C library's memory and string functions, for a kernel
 * that has no libc (implemented in kernel/lib/string.c; host tests use the host's).
 * clear_page/copy_page move 8 bytes per step with `rep stosq`/`rep movsq`:
 * under QEMU TCG byte-wise `rep stosb` is ~8x slower.
 */
#ifndef KERNEL_STRING_H
#define KERNEL_STRING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
size_t strlcpy(char *dst, const char *src, size_t size);

/* isspace: whether @c is white space in the C locale (Linux: include/linux/ctype.h);
 * int as C's, so that it matches the compiler's built-in declaration. */
static inline int isspace(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* clear_page: zero one 4 KiB page at @page (direct-map or kernel address). */
static inline void clear_page(void *page)
{
	uint64_t count = 4096 / 8;
	__asm__ volatile("rep stosq" : "+D"(page), "+c"(count) : "a"(0ull) : "memory");
}

/* copy_page: copy one 4 KiB page from @src to @dst. */
static inline void copy_page(void *dst, const void *src)
{
	uint64_t count = 4096 / 8;
	__asm__ volatile("rep movsq" : "+D"(dst), "+S"(src), "+c"(count) : : "memory");
}

#endif
