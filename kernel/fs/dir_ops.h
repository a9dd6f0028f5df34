/* kernel/fs/dir_ops.h - changing directories (kernel/fs/dir_ops.c). */
#ifndef KERNEL_FS_DIR_OPS_H
#define KERNEL_FS_DIR_OPS_H

#include <stdint.h>
#include "kernel/fs/fs.h"

/* vfs_create: open(O_CREAT) of the missing @path (relative to @dirfd): a new
 * regular file of @mode (less the umask), its path with a reference into
 * *@out. 0, or -EISDIR (a name ending in "/", "." or ".."), -EROFS,
 * -EACCES, -ENOENT (a directory of a file system that creates nothing), the
 * walk's errors, the file system's. */
int vfs_create(int dirfd, const char *path, uint32_t mode, struct path *out);

/* do_mkdirat, do_mknodat, do_symlinkat: mkdirat, mknodat (@rdev: MKDEV) and
 * symlinkat of kernel strings: the syscalls after copying their arguments,
 * and the kernel's own /dev at boot. 0 or -errno, as the syscalls. */
int do_mkdirat(int dirfd, const char *path, uint32_t mode);
int do_mknodat(int dirfd, const char *path, uint32_t mode, uint32_t rdev);
int do_symlinkat(const char *target, int dirfd, const char *path);

#endif
