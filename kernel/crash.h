/*
 * kernel/crash.h - crash the kernel on purpose, to see (and test) the oops path
 * (Linux: drivers/misc/lkdtm). "crash=NAME" on the command line picks one:
 * ud2, null (read of address 0), gp (non-canonical address), de (divide by 0),
 * stack (overflow into the boot stack's guard page, ends in #DF), bug (BUG_ON).
 */
#ifndef KERNEL_CRASH_H
#define KERNEL_CRASH_H

/* crash: perform the crash called @name; returns only for an unknown name. */
void crash(const char *name);

#endif
