/*
 * kernel/uaccess.h - the only way the kernel touches user memory.
 *
 * Every user pointer a syscall receives goes through these: the range is
 * checked to lie in the user half, and the copy itself is covered by an
 * exception fixup (arch/x86_64/extable.h), so an unmapped or protected user
 * address becomes -EFAULT, never a kernel oops (Linux: copy_from_user).
 */
#ifndef KERNEL_UACCESS_H
#define KERNEL_UACCESS_H

#include <stdint.h>
#include <stddef.h>

/* access_ok: [@addr, @addr+@n) lies wholly in the user half (no wrap-around). */
int access_ok(uint64_t addr, size_t n);

/* copy_from_user: @n bytes from user @src to kernel @dst. 0 or -EFAULT. */
int copy_from_user(void *dst, const void *src, size_t n);

/* copy_to_user: @n bytes from kernel @src to user @dst. 0 or -EFAULT. */
int copy_to_user(void *dst, const void *src, size_t n);

/* clear_user: zero @n bytes of user memory at @dst. 0 or -EFAULT. */
int clear_user(void *dst, size_t n);

/* strncpy_from_user: copy a NUL-terminated user string into @dst (at most @max
 * bytes including the NUL). Length without the NUL, -EFAULT, or -ENAMETOOLONG. */
long strncpy_from_user(char *dst, const char *src, size_t max);

#endif
