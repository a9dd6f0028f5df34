/*
 * kernel/fs/proc/procfs.h - /proc: files that are not stored anywhere but generated
 * from the kernel's own state when they are read (Linux: fs/proc/).
 *
 * The VFS (kernel/fs/vfs.c) hands every path that lies under /proc to procfs,
 * which names what it finds with a struct proc_node: one entry of the fixed
 * tree (kernel/fs/proc/procfs.c), and for the per-process part the pid it belongs to.
 * Nothing is allocated for a node: a process that exits simply makes its
 * nodes stale, and using a stale node gives -ESRCH (Linux: the same).
 * Lock: single CPU; a node is looked up and used within one system call,
 * an open file re-finds its process by pid on each read and write.
 */
#ifndef KERNEL_PROCFS_H
#define KERNEL_PROCFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct kstat;
struct file;

#define PROC_NAME_LEN 16 /* room for a /proc directory name: a pid in decimal */

struct dir_entry;

struct proc_node {
	unsigned entry; /* index into the tree (kernel/fs/proc/procfs.c: enum proc_entry_id) */
	int pid;        /* the process of a /proc/PID node; 0 for the others */
};

/* procfs_lookup: the node @path names inside /proc: "" is /proc itself, else
 * "/a/b" with no "." or ".." left (kernel/fs/vfs.c made it canonical). The final
 * "self" symlink is followed only if @follow (or @dir_wanted: a trailing slash
 * was written, and demands a directory). 0, or -ENOENT, -ENOTDIR. */
int procfs_lookup(const char *path, bool follow, bool dir_wanted, struct proc_node *out);

/* procfs_readdir: the first entry of directory @dir at position >= *@pos into
 * @e, its position into *@pos; a pid's name is written into @name
 * (PROC_NAME_LEN bytes, valid until the next call). 0, or -ENOENT past the end. */
int procfs_readdir(const struct proc_node *dir, uint64_t *pos, struct dir_entry *e, char *name);

/* procfs_stat: what stat(2) reports for @n (size 0, as Linux's proc files). */
void procfs_stat(const struct proc_node *n, struct kstat *st);

/* procfs_is_dir: whether @n is a directory. */
bool procfs_is_dir(const struct proc_node *n);

/* procfs_path: the absolute path of @n ("/proc/5/status") into @buf (@size
 * bytes); its length, or -ENAMETOOLONG. */
long procfs_path(const struct proc_node *n, char *buf, size_t size);

/* procfs_readlink: the target of symlink @n ("/proc/self" -> "5") into @buf,
 * not NUL-terminated, at most @size bytes; its length, or -EINVAL if @n is no symlink. */
long procfs_readlink(const struct proc_node *n, char *buf, size_t size);

/* procfs_open: open @n (not a symlink) with open(2) @flags, which the VFS has
 * checked. A new file with one reference, or NULL with *@err = -ENOMEM. */
struct file *procfs_open(const struct proc_node *n, int flags, int *err);

/* procfs_dir_node: if @f is an open /proc directory, its node into *@out; else false. */
bool procfs_dir_node(struct file *f, struct proc_node *out);

#endif
