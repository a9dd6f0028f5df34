/*
 * user/lib/pages.h - memory page by page, for the demos that make paging
 * visible (demo_demand, demo_cow, faultcost) and for the tests of tests/user/.
 */
#ifndef USER_LIB_PAGES_H
#define USER_LIB_PAGES_H

#include <stddef.h>

#define PAGE 4096ul
#define MIB (1024ul * 1024)
#define MADV_NOHUGEPAGE_LINUX 15 /* ask Linux for 4 KiB pages; our madvise says EINVAL: they are anyway */

/* touch_pages: write (with @write) or read one byte in each page of [@p, @p +
 * @len), one page fault each the first time; the sum of the bytes read (0 for
 * a write, and for memory never written). */
unsigned touch_pages(volatile char *p, size_t len, int write);

#endif
