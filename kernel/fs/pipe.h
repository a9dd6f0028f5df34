/* kernel/fs/pipe.h - pipes (kernel/fs/pipe.c; Linux: fs/pipe.c). */
#ifndef KERNEL_FS_PIPE_H
#define KERNEL_FS_PIPE_H

#include "kernel/fs/fs.h"

#define PIPE_BUF 4096 /* writes up to this size are atomic (POSIX, Linux's value) */
#define FIONREAD 0x541b /* ioctl: bytes ready to read (Linux's asm-generic/ioctls.h) */

/* st_dev of a pipe: Linux's pipefs is an unnamed (major 0) mount. */
#define PIPEFS_DEV MKDEV(0, 12)

#endif
