/*
 * kernel/fs/permission.h - who may do what to a file (Linux: fs/namei.c
 * generic_permission, inode_permission, may_delete): the owner's, the
 * group's or the others' rwx bits, whichever class the caller falls in;
 * root (CAP_DAC_OVERRIDE) may read and write anything and search any
 * directory, and execute a file when someone may.
 */
#ifndef KERNEL_FS_PERMISSION_H
#define KERNEL_FS_PERMISSION_H

#include <stdbool.h>
#include "kernel/fs/fs.h"

#define MAY_EXEC  1
#define MAY_WRITE 2
#define MAY_READ  4

/* inode_permission: may current (its effective ids) do @mask to @inode?
 * 0, or -EACCES. */
int inode_permission(const struct inode *inode, int mask);

/* permission_as: the same for the ids @uid/@gid and current's supplementary
 * groups (access(2) uses the real ids); @root: treat as privileged. */
int permission_as(const struct inode *inode, int mask, uint32_t uid, uint32_t gid, bool root);

/* is_owner_or_root: current's effective uid owns @inode, or current is root
 * (Linux's inode_owner_or_capable: chmod, utimes with times, the sticky bit). */
bool is_owner_or_root(const struct inode *inode);

#endif
