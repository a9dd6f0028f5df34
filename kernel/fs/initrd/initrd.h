/*
 * kernel/fs/initrd/initrd.h - the initial ramdisk: the cpio "newc" archive the loader
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
#include "kernel/fs/fs.h"

#define INITRD_DEV MKDEV(0, 1) /* st_dev: an anonymous device (major 0), as Linux gives tmpfs */

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
	struct inode *inode;         /* its VFS inode, made when the tree is mounted (kernel/fs/initrd/inode.c) */
	char name[];                 /* one path component, NUL-terminated; "" for the root */
};

/* initrd_init: build the tree from the @size-byte newc archive at @archive (kernel
 * address; NULL/0 for none), plus /dev/console as Linux's default initramfs has it.
 * Boot, once (host tests call it again for each archive; the old tree is not freed). */
void initrd_init(const void *archive, uint64_t size);

/* initrd_root: the root directory "/". */
struct initrd_node *initrd_root(void);

/* initrd_lookup: the entry of directory @dir called @name (@len bytes), or NULL. */
struct initrd_node *initrd_lookup(const struct initrd_node *dir, const char *name, size_t len);

/* initrd_path: the absolute path of @n into @buf (@size bytes); its length, or -ENAMETOOLONG. */
long initrd_path(const struct initrd_node *n, char *buf, size_t size);

/* initrd_dir_entry: entry number @pos of directory @dir: 0 is ".", 1 is "..", then
 * the children in order. 0, or -ENOENT past the last one. */
int initrd_dir_entry(const struct initrd_node *dir, uint64_t pos, struct dir_entry *e);

/* initrd_nlink: st_nlink of @n: for a directory 2 + its subdirectories (Linux's count). */
uint32_t initrd_nlink(const struct initrd_node *n);

#endif
