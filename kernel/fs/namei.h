/*
 * kernel/fs/namei.h - from a path name to a place in the tree (Linux:
 * fs/namei.c). The walk goes one name at a time from the root, the current
 * directory or a directory descriptor: each name is looked up by the
 * directory's own file system (inode_operations.lookup), a symlink is read
 * and walked from the directory holding it, and a mount point is crossed on
 * the way down (into the mounted root) and on the way up (".." at a mounted
 * root leaves through the directory it is mounted on). ".." is physical: it
 * goes to the parent of the directory actually reached, as on Linux.
 */
#ifndef KERNEL_FS_NAMEI_H
#define KERNEL_FS_NAMEI_H

#include <stdbool.h>
#include "kernel/fs/fs.h"

#define LOOKUP_FOLLOW    1 /* follow a final symlink */
#define LOOKUP_DIRECTORY 2 /* the result must be a directory (as a trailing slash demands) */

#define AT_FDCWD (-100)

/* kern_path: the place the kernel string @name names (relative to current's
 * directory), with a reference for the caller (path_put). 0, or -ENOENT (also
 * for ""), -ENOTDIR, -ENAMETOOLONG, -ELOOP, -ENOMEM. May sleep: no. */
int kern_path(const char *name, unsigned flags, struct path *out);

/* path_at: as kern_path, relative paths starting at the directory open as
 * @dirfd (AT_FDCWD: current's directory); also -EBADF, and -ENOTDIR when
 * @dirfd is no directory (Linux: filename_lookup). */
int path_at(int dirfd, const char *name, unsigned flags, struct path *out);

/* user_path_at: as path_at for the user string @upath, following a final
 * symlink unless @at_flags has AT_SYMLINK_NOFOLLOW; with AT_EMPTY_PATH an
 * empty @upath is the file open as @dirfd itself (-EBADF, or -ENOENT for a
 * file with no name). 0 with a reference in *@out, or -errno (-EFAULT...). */
int user_path_at(int dirfd, const char *upath, unsigned at_flags, struct path *out);

/* The last name of a path (Linux's struct qstr and its LAST_* type): the
 * bytes, not NUL-terminated, and whether slashes followed it. */
struct qstr {
	const char *name;
	size_t len;     /* 0 for "/" itself */
	bool trailing;  /* "name/": the caller wants a directory */
};

/* path_parentat: the directory that would hold the last name of @name
 * (walked, with a reference into *@parent) and that name into *@last, which
 * may be "." or ".." (the caller decides what that means). 0, or the walk's
 * errors: -ENOENT, -ENOTDIR, -EACCES, -ENAMETOOLONG, -ELOOP, -ENOMEM. */
int path_parentat(int dirfd, const char *name, struct path *parent, struct qstr *last);

#endif
