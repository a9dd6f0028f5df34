/*
 * kernel/fs/proc/procfs.h - /proc: files that are not stored anywhere but generated
 * from the kernel's own state when they are read (Linux: fs/proc/).
 *
 * procfs is a file system of the VFS (type "proc", kernel/fs/proc/inode.c,
 * mounted on /proc at boot). What a name in it means is a struct proc_node:
 * one entry of the fixed tree (kernel/fs/proc/procfs.c), and for the
 * per-process part the pid it belongs to; each inode holds one. A process
 * that exits simply makes its nodes stale, and using a stale node gives
 * -ESRCH (Linux: the same).
 * Lock: single CPU; an open file re-finds its process by pid on each read and write.
 */
#ifndef KERNEL_PROCFS_H
#define KERNEL_PROCFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "kernel/fs/fs.h"


#define PROC_DEV MKDEV(0, 2) /* st_dev: an anonymous device, as Linux's procfs has */
#define PROC_NAME_LEN 16 /* room for a /proc directory name: a pid in decimal */


struct proc_node {
	unsigned entry; /* index into the tree (kernel/fs/proc/procfs.c: enum proc_entry_id) */
	int pid;        /* the process of a /proc/PID node; 0 for the others */
	int fd;         /* the descriptor of a /proc/PID/fd/N link; 0 for the others */
};

/* procfs_lookup_child: the entry named @name (@len bytes) in directory *@n,
 * into *@n; 0 or -ENOENT. A number in /proc is a live (or zombie) process's directory. */
int procfs_lookup_child(struct proc_node *n, const char *name, size_t len);

/* procfs_ino: @n's inode number: unique per (process, entry); /proc itself is
 * 1, as Linux's PROC_ROOT_INO. */
uint64_t procfs_ino(const struct proc_node *n);

/* procfs_readdir: the first entry of directory @dir at position >= *@pos into
 * @e, its position into *@pos; a pid's name is written into @name
 * (PROC_NAME_LEN bytes, valid until the next call). 0, or -ENOENT past the end. */
int procfs_readdir(const struct proc_node *dir, uint64_t *pos, struct dir_entry *e, char *name);

/* procfs_stat: what stat(2) reports for @n (size 0, as Linux's proc files). */
void procfs_stat(const struct proc_node *n, struct kstat *st);

/* procfs_is_dir: whether @n is a directory. */
bool procfs_is_dir(const struct proc_node *n);

/* procfs_readlink: the target of symlink @n ("/proc/self" -> "5") into @buf,
 * not NUL-terminated, at most @size bytes; its length, or -EINVAL if @n is no symlink. */
long procfs_readlink(const struct proc_node *n, char *buf, size_t size);

/* What an open /proc file and directory do (procfs_file.c). */
extern const struct file_operations proc_file_ops, proc_dir_ops;

#endif
