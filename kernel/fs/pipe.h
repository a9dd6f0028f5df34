/* kernel/fs/pipe.h - pipes (kernel/fs/pipe.c; Linux: fs/pipe.c). */
#ifndef KERNEL_FS_PIPE_H
#define KERNEL_FS_PIPE_H

#include <stdbool.h>
#include "kernel/fs/fs.h"

#define PIPE_BUF 4096 /* writes up to this size are atomic (POSIX, Linux's value) */
#define FIONREAD 0x541b /* ioctl: bytes ready to read (Linux's asm-generic/ioctls.h) */

/* st_dev of a pipe: Linux's pipefs is an unnamed (major 0) mount. */
#define PIPEFS_DEV MKDEV(0, 12)

struct file;

/* fifo_fops: what open(2) of a FIFO (mknod S_IFIFO, mkfifo) gives: a file
 * system sets it as the FIFO inode's i_fop. */
extern const struct file_operations fifo_fops;

/* pipe_ino: whether @f is an end of a pipe; its inode number into *@ino
 * (/proc/PID/fd shows "pipe:[INO]"). */
bool pipe_ino(struct file *f, uint64_t *ino);

#endif
