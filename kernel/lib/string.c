/*
 * kernel/lib/string.c - memory and string functions for a kernel without libc.
 *
 * The bulk moves are `rep stosq`/`rep movsq` 8 bytes per step with a
 * `rep stosb`/`rep movsb` for the tail, all in inline asm: under QEMU TCG
 * byte-wise `rep` is ~8x slower, and a C byte loop here could be turned by
 * gcc's loop-pattern pass into a call to memset/memcpy, i.e. into itself.
 */

/*
 * Host unit tests link this file beside the host's libc, which owns these
 * names (and which ASan intercepts): there each function is built as k_NAME,
 * so the test runs this code and compares it with libc's.
 */
#ifdef HOST_TEST
#include "tests/host/k_string_names.h"
#endif

#include "kernel/lib/string.h"

/* memset: fill @n bytes at @dst with the byte @c; returns @dst. */
void *memset(void *dst, int c, size_t n)
{
	/* the byte repeated in all 8 lanes of a quadword */
	uint64_t pattern = (uint8_t)c * 0x0101010101010101ull;
	void *d = dst;
	size_t words = n / 8, tail = n % 8;

	__asm__ volatile("rep stosq" : "+D"(d), "+c"(words) : "a"(pattern) : "memory");
	__asm__ volatile("rep stosb" : "+D"(d), "+c"(tail) : "a"(pattern) : "memory");
	return dst;
}

/* memcpy: copy @n bytes from @src to @dst, which must not overlap; returns @dst. */
void *memcpy(void *dst, const void *src, size_t n)
{
	void *d = dst;
	size_t words = n / 8, tail = n % 8;

	/*
	 * Forward string moves behave as if done one element at a time, so this
	 * is also a correct memmove when @dst is below @src.
	 */
	__asm__ volatile("rep movsq" : "+D"(d), "+S"(src), "+c"(words) : : "memory");
	__asm__ volatile("rep movsb" : "+D"(d), "+S"(src), "+c"(tail) : : "memory");
	return dst;
}

/*
 * copy_down: copy @n bytes from @src to @dst starting with the last byte,
 * safe when @dst overlaps the end of @src (dst > src).
 */
static void copy_down(void *dst, const void *src, size_t n)
{
	unsigned char *d = (unsigned char *)dst + n - 1;
	const unsigned char *s = (const unsigned char *)src + n - 1;
	size_t tail = n % 8, words = n / 8;

	/*
	 * With DF set the string moves walk downward: first the tail bytes at the
	 * top, then the quadwords below them (rsi/rdi then point at the last byte
	 * of the next quadword, hence the -7). One asm statement, so no compiler
	 * code runs with DF set; the ABI wants it clear again on return, and
	 * interrupt entry clears it for itself. @words sits in rdx, a register no
	 * other operand can be given.
	 */
	__asm__ volatile("std\n\t"
			 "rep movsb\n\t"
			 "sub $7, %%rsi\n\t"
			 "sub $7, %%rdi\n\t"
			 "mov %%rdx, %%rcx\n\t"
			 "rep movsq\n\t"
			 "cld"
			 : "+D"(d), "+S"(s), "+c"(tail)
			 : "d"(words)
			 : "memory", "cc");
}

/* memmove: copy @n bytes from @src to @dst, which may overlap; returns @dst. */
void *memmove(void *dst, const void *src, size_t n)
{
	uintptr_t d = (uintptr_t)dst, s = (uintptr_t)src;

	if (n == 0 || d == s)
		return dst;
	if (d < s || d - s >= n)
		return memcpy(dst, src, n);
	copy_down(dst, src, n);
	return dst;
}

/* memcmp: compare @n bytes as unsigned chars; <0, 0 or >0 as @a is below, equal or above @b. */
int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (size_t i = 0; i < n; i++) {
		if (x[i] != y[i])
			return x[i] - y[i];
	}
	return 0;
}

/* strlen: the number of bytes in @s before its NUL. */
size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n] != '\0')
		n++;
	return n;
}

/* strnlen: strlen(@s), but reads at most @max bytes and returns at most @max. */
size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n] != '\0')
		n++;
	return n;
}

/* strcmp: compare NUL-terminated @a and @b as unsigned chars; <0, 0 or >0. */
int strcmp(const char *a, const char *b)
{
	return strncmp(a, b, SIZE_MAX);
}

/* strncmp: strcmp over at most the first @n bytes. */
int strncmp(const char *a, const char *b, size_t n)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;

	for (size_t i = 0; i < n; i++) {
		if (x[i] != y[i])
			return x[i] - y[i];
		if (x[i] == '\0')
			break;
	}
	return 0;
}

/*
 * strchr: the first occurrence of (char)@c in @s, or NULL; the NUL itself
 * can be found, so strchr(s, 0) points at the end of @s.
 */
char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (*s == '\0')
			return NULL;
	}
}

/*
 * strlcpy: copy @src into the @size-byte buffer @dst, truncating and always
 * NUL-terminating when @size > 0 (BSD semantics). Returns strlen(@src), so
 * the copy was cut short exactly when the result is >= @size.
 */
size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size > 0) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}
