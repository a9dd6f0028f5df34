/*
 * kernel/uaccess.c - copies between kernel and user memory (see uaccess.h).
 *
 * Each copy is one `rep movs`/`rep stos` (8 bytes a step, then the tail: QEMU
 * TCG runs byte-wise rep 8x slower) listed in the exception table: if the user
 * range has an unmapped or protected page, the #PF handler resumes at the
 * fixup with RAX = -EFAULT. With SMAP on, the kernel may touch user pages only
 * between stac and clac (Intel SDM Vol. 3A 4.6.1).
 */
#include "kernel/uaccess.h"
#include "kernel/errno.h"
#include "arch/x86_64/cpu_init.h"
#include "arch/x86_64/extable.h"
#include "mm/mm.h"

int access_ok(uint64_t addr, size_t n)
{
	return addr + n >= addr && addr + n <= USER_VA_END;
}

/* user_access_begin/end: open and close the SMAP window around one access. */
static inline void user_access_begin(void)
{
	if (cpu_has_smap)
		__asm__ volatile("stac" ::: "memory");
}

static inline void user_access_end(void)
{
	if (cpu_has_smap)
		__asm__ volatile("clac" ::: "memory");
}

/* raw_copy: memcpy that may fault on either side; 0 or -EFAULT. */
static int raw_copy(void *dst, const void *src, size_t n)
{
	long ret = 0;
	uint64_t quads = n >> 3, tail = n & 7;
	user_access_begin();
	__asm__ volatile("1: rep movsq\n\t"
			 "mov %[tail], %%rcx\n"
			 "2: rep movsb\n"
			 "3:\n\t" EXTABLE(1b, 3b) EXTABLE(2b, 3b)
			 : "+a"(ret), "+D"(dst), "+S"(src), "+c"(quads)
			 : [tail] "r"(tail) : "memory");
	user_access_end();
	return (int)ret;
}

int copy_from_user(void *dst, const void *src, size_t n)
{
	if (!access_ok((uint64_t)src, n))
		return -EFAULT;
	return raw_copy(dst, src, n);
}

int copy_to_user(void *dst, const void *src, size_t n)
{
	if (!access_ok((uint64_t)dst, n))
		return -EFAULT;
	return raw_copy(dst, src, n);
}

int clear_user(void *dst, size_t n)
{
	long ret = 0; /* also the value stosq stores */
	uint64_t quads = n >> 3, tail = n & 7;
	if (!access_ok((uint64_t)dst, n))
		return -EFAULT;
	user_access_begin();
	__asm__ volatile("1: rep stosq\n\t"
			 "mov %[tail], %%rcx\n"
			 "2: rep stosb\n"
			 "3:\n\t" EXTABLE(1b, 3b) EXTABLE(2b, 3b)
			 : "+a"(ret), "+D"(dst), "+c"(quads)
			 : [tail] "r"(tail) : "memory");
	user_access_end();
	return (int)ret;
}

/* get_user_u8: *@out = user byte at @src; 0 or -EFAULT. */
static int get_user_u8(uint8_t *out, const uint8_t *src)
{
	long ret = 0;
	uint8_t v = 0;
	user_access_begin();
	__asm__ volatile("1: movb (%[p]), %[v]\n"
			 "2:\n\t" EXTABLE(1b, 2b)
			 : "+a"(ret), [v] "+q"(v) : [p] "r"(src) : "memory");
	user_access_end();
	*out = v;
	return (int)ret;
}

long strncpy_from_user(char *dst, const char *src, size_t max)
{
	for (size_t i = 0; i < max; i++) {
		uint8_t c;
		if (!access_ok((uint64_t)src + i, 1) || get_user_u8(&c, (const uint8_t *)src + i))
			return -EFAULT;
		dst[i] = (char)c;
		if (!c)
			return (long)i;
	}
	return -ENAMETOOLONG;
}
