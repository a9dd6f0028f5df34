/* kernel/fs/devtmpfs.h - the boot's mounts and /dev (kernel/fs/devtmpfs.c). */
#ifndef KERNEL_FS_DEVTMPFS_H
#define KERNEL_FS_DEVTMPFS_H

/* mount_boot_filesystems: /proc, /dev (with its nodes) and /tmp, once the
 * root is mounted. Boot, once, in the idle context (umask 0, root). */
void mount_boot_filesystems(void);

#endif
