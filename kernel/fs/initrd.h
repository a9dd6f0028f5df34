/*
 * kernel/fs/initrd.h - the initial ramdisk: the cpio "newc" archive the loader
 * read (\initrd.cpio), unpacked at boot into a read-only tree of nodes.
 *
 * Linux unpacks its initramfs into tmpfs, copying every file. Here the archive
 * is reserved memory that is never freed, so a node's contents simply point
 * into it: nothing is copied, and exec maps ELF segments straight from it.
 *
 * The archive format (one entry per file, then an entry named "TRAILER!!!"):
 *   "070701" + 13 fields of 8 hex digits: ino mode uid gid nlink mtime filesize
 *   devmajor devminor rdevmajor rdevminor namesize check  (110 bytes), then
 *   the name (namesize bytes, NUL included), zero-padded so header + name is a
 *   multiple of 4, then the data (filesize bytes), zero-padded to 4.
 *
 * A damaged archive is logged and parsing stops there, keeping what was read:
 * a bad initrd must not take the kernel down.
 * Lock: built once at boot (initrd_init), read-only afterwards.
 */
#ifndef KERNEL_INITRD_H
#define KERNEL_INITRD_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "kernel/lib/list.h"

/* File types and permission bits of st_mode, as Linux (include/uapi/linux/stat.h). */
#define S_IFMT   0170000
#define S_IFLNK  0120000
#define S_IFREG  0100000
#define S_IFBLK  0060000
#define S_IFDIR  0040000
#define S_IFCHR  0020000
#define S_IFIFO  0010000
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISLNK(m) (((m) & S_IFMT) == S_IFLNK)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)

#define NAME_MAX    255  /* bytes in one path component */
#define PATH_MAX    4096 /* bytes in a path, NUL included */
#define SYMLOOP_MAX 8    /* symlinks one lookup may follow (then -ELOOP) */

/* Device numbers in Linux's encoding for 8-bit minors (old_encode_dev). */
#define MKDEV(major, minor) (((uint32_t)(major) << 8) | (uint32_t)(minor))
#define CONSOLE_DEV MKDEV(5, 1) /* /dev/console, as Linux's */

struct initrd_node {
	struct initrd_node *parent;  /* the directory holding it; the root's is itself */
	struct list_head children;   /* a directory's entries, in archive order */
	struct list_head sibling;    /* link in parent->children */
	const uint8_t *data;         /* regular file: contents; symlink: target (no NUL) */
	uint64_t size;               /* bytes at data */
	uint64_t ino;                /* inode number, unique in the tree (the root is 1) */
	uint64_t mtime;              /* seconds since the epoch, from the archive */
	uint32_t mode;               /* S_IF* type | permission bits */
	uint32_t uid, gid;
	uint32_t nlink;              /* non-directories: links in the archive */
	uint32_t rdev;               /* character devices: MKDEV(major, minor) */
	uint32_t archive_ino;        /* c_ino of a hard-linked file (nlink > 1), else 0 */
	char name[];                 /* one path component, NUL-terminated; "" for the root */
};

/* initrd_init: build the tree from the @size-byte newc archive at @archive (kernel
 * address; NULL/0 for none), plus /dev/console as Linux's default initramfs has it.
 * Boot, once (host tests call it again for each archive; the old tree is not freed). */
void initrd_init(const void *archive, uint64_t size);

/* initrd_root: the root directory "/". */
struct initrd_node *initrd_root(void);

/* initrd_walk: the node @path names, relative ones starting at directory @base.
 * Follows ".", "..", repeated slashes and symlinks (a final one only when @follow);
 * a trailing slash demands a directory. 0, or -ENOENT (also for ""), -ENOTDIR,
 * -ENAMETOOLONG, -ELOOP. */
int initrd_walk(struct initrd_node *base, const char *path, bool follow, struct initrd_node **out);

/* initrd_resolve: initrd_walk with relative paths starting at the directory named
 * by the absolute path @cwd ("" is "/"): a process's current directory. */
int initrd_resolve(const char *cwd, const char *path, bool follow, struct initrd_node **out);

/* initrd_path: the absolute path of @n into @buf (@size bytes); its length, or -ENAMETOOLONG. */
long initrd_path(const struct initrd_node *n, char *buf, size_t size);

/* One directory entry, as getdents64 reports it. */
struct dir_entry {
	const char *name;
	uint64_t ino;
	uint32_t mode;
};

/* initrd_dir_entry: entry number @pos of directory @dir: 0 is ".", 1 is "..", then
 * the children in order. 0, or -ENOENT past the last one. */
int initrd_dir_entry(const struct initrd_node *dir, uint64_t pos, struct dir_entry *e);

/* initrd_nlink: st_nlink of @n: for a directory 2 + its subdirectories (Linux's count). */
uint32_t initrd_nlink(const struct initrd_node *n);

#endif
