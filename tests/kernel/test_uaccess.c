/*
 * tests/kernel/test_uaccess.c - self-tests of the user-copy helpers: a bad
 * user pointer is -EFAULT through the fixup table, never an oops, and kernel
 * addresses are refused before any access.
 */
#include "tests/kernel/selftest.h"
#include "kernel/uaccess.h"
#include "kernel/errno.h"
#include "mm/mm.h"

SELFTEST(uaccess_bad_pointers)
{
	char buf[16] = "kernel";
	void *unmapped_user = (void *)0x10000000ull; /* idle has no mm: nothing is mapped */
	EXPECT(access_ok(0x1000, 16) && access_ok(USER_VA_END - 16, 16));
	EXPECT(!access_ok(USER_VA_END - 8, 16) && !access_ok(~0ull - 4, 16));
	EXPECT(copy_to_user(unmapped_user, buf, sizeof(buf)) == -EFAULT);
	EXPECT(copy_from_user(buf, unmapped_user, sizeof(buf)) == -EFAULT);
	EXPECT(clear_user(unmapped_user, 100) == -EFAULT);
	EXPECT(strncpy_from_user(buf, unmapped_user, sizeof(buf)) == -EFAULT);
	EXPECT(copy_from_user(buf, (void *)buf, 4) == -EFAULT); /* a kernel address */
	EXPECT(copy_to_user((void *)0xffff800000000000ull, buf, 4) == -EFAULT);
	return 0;
}
