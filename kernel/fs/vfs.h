/*
 * kernel/fs/vfs.h - open files and file descriptors (Linux: struct file, the
 * fd table, fs/open.c), over the objects of kernel/fs/fs.h.
 *
 * A struct file is one open of something (a file of some mounted file system,
 * a character device such as the console): its operations, position and open
 * flags, and the path it was opened by, shared by every descriptor that
 * refers to it (dup, fork) and freed when the last one goes. A process's
 * descriptors are current->files[0..NR_OPEN); whether descriptor n is closed
 * by execve (FD_CLOEXEC) is bit n of current->fd_cloexec, because the flag
 * belongs to the descriptor, not to the shared file.
 *
 * Every operation takes USER pointers and copies through kernel/uaccess.h, so
 * data moves straight between a file system (or the console) and user memory.
 * Lock: a process changes only its own descriptors; a file's refcount changes
 * in process context (single CPU, the kernel is not preemptible).
 */
#ifndef KERNEL_VFS_H
#define KERNEL_VFS_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "kernel/fs/fs.h"
#include "kernel/fs/namei.h"

/* open(2) flags, Linux x86-64 values (include/uapi/asm-generic/fcntl.h). */
#define O_ACCMODE   03
#define O_RDONLY    00
#define O_WRONLY    01
#define O_RDWR      02
#define O_CREAT     0100
#define O_EXCL      0200
#define O_NOCTTY    0400
#define O_TRUNC     01000
#define O_APPEND    02000
#define O_NONBLOCK  04000
#define O_DIRECT    040000
#define O_LARGEFILE 0100000
#define O_DIRECTORY 0200000
#define O_NOFOLLOW  0400000
#define O_CLOEXEC   02000000

#define FD_CLOEXEC 1

#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_EMPTY_PATH       0x1000

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

struct file;
struct poll_table;
struct page;

/* The operations of one kind of file. A NULL entry means "not supported": the
 * syscall answers Linux's errno for that (see kernel/fs/sys_fs.c). */
struct file_operations {
	/* open: set up @f, just made for @inode with open(2)'s flags in f->flags
	 * (checked); 0 or -errno (then @f is freed without release). NULL: nothing to do. */
	int (*open)(struct inode *inode, struct file *f);
	/* read: up to @n bytes at *@pos into user @buf, advancing *@pos; bytes read or -errno. */
	long (*read)(struct file *f, char *buf, size_t n, uint64_t *pos);
	/* write: up to @n bytes from user @buf at *@pos; bytes written or -errno. */
	long (*write)(struct file *f, const char *buf, size_t n, uint64_t *pos);
	/* lseek: the new f->pos for (@off, @whence), set it; or -errno. NULL: -ESPIPE. */
	int64_t (*lseek)(struct file *f, int64_t off, int whence);
	/* readdir: the first directory entry at position >= *@pos into @e, and its
	 * position into *@pos (positions may skip: /proc's are pids); 0, or -ENOENT
	 * past the end. */
	int (*readdir)(struct file *f, uint64_t *pos, struct dir_entry *e);
	/* stat: fill @st (every kind has one). */
	void (*stat)(struct file *f, struct kstat *st);
	/* release: the last reference is going: free what priv holds. NULL: nothing to free. */
	void (*release)(struct file *f);
	/* poll: which POLL* events hold now; hang current with poll_wait on every
	 * queue whose wake-up may change that (kernel/fs/poll.h). Must not sleep.
	 * NULL: DEFAULT_POLLMASK, always ready (regular files). */
	unsigned (*poll)(struct file *f, struct poll_table *pt);
	/* ioctl: a device's or file's own request @cmd with @arg; 0, a value, or
	 * -errno. NULL: -ENOTTY for every request. */
	long (*ioctl)(struct file *f, unsigned cmd, uint64_t arg);
	/* fsync: write the file's data to its disk; 0 or -errno. NULL: -EINVAL
	 * (pipes, ttys, /proc). */
	int (*fsync)(struct file *f);
	/* get_page: the page at page index @index of the file, for a mapping of it
	 * (mm/vm_file.c), allocated if missing, with a reference for the caller;
	 * NULL with *@err: -ENXIO past the end of the file, -ENOSPC, -ENOMEM.
	 * A file that has it can be mapped MAP_SHARED (tmpfs; Linux's vm_ops->fault). */
	struct page *(*get_page)(struct file *f, uint64_t index, int *err);
	/* mmap: the bytes a private mapping of the file copies from (files that
	 * live in memory: the initrd's); 0 with *@data, *@size set. NULL: -ENODEV. */
	int (*mmap)(struct file *f, const uint8_t **data, uint64_t *size);
};

struct file {
	const struct file_operations *ops;
	struct path f_path; /* what it was opened by (a reference); no dentry for a device opened by the kernel */
	int refcount;  /* descriptors (in any process) plus kernel users */
	uint64_t pos;  /* byte offset; for a directory, the next entry number */
	int flags;     /* O_ACCMODE | O_APPEND | O_NONBLOCK | O_LARGEFILE ... (F_GETFL) */
	void *priv;    /* the file system's own, for this open */
	uint64_t f_pinned; /* bytes of kernel buffer this open file holds between reads (a
	                    * /proc file's seq_file): the OOM killer counts them (mm/oom.c) */
};

struct process;

/* file_alloc: a new file with one reference; NULL when out of memory. */
struct file *file_alloc(const struct file_operations *ops, int flags, void *priv);

/* file_get: take another reference to @f; returns @f. */
struct file *file_get(struct file *f);

/* file_put: drop a reference to @f; the last one frees it. */
void file_put(struct file *f);

/* fd_install: give @p's lowest free descriptor the caller's reference to @f (not
 * close-on-exec). The descriptor, or -EMFILE (the caller keeps its reference), or
 * -ENOMEM when @f is NULL (a failed open, passed straight through). */
int fd_install(struct process *p, struct file *f);

/* fd_install_from: as fd_install for current, the lowest free descriptor >= @min,
 * FD_CLOEXEC set if @cloexec, below current's RLIMIT_NOFILE. The descriptor,
 * -EMFILE, or -EINVAL for a negative @min. */
int fd_install_from(struct file *f, int min, bool cloexec);

/* fd_install_at: make current's descriptor @fd refer to @f (taking the caller's
 * reference), closing what @fd held. 0, or -EBADF when @fd is negative or not
 * below current's RLIMIT_NOFILE (Linux's dup2). */
int fd_install_at(int fd, struct file *f, bool cloexec);

/* fd_get: current's file for @fd, or NULL. Borrowed: valid until current closes @fd. */
struct file *fd_get(int fd);

/* fd_close: close current's descriptor @fd. 0 or -EBADF. */
int fd_close(int fd);

/* files_dup_all: fork: @child's descriptors refer to @parent's files (the caller
 * copies fd_cloexec). */
void files_dup_all(struct process *parent, struct process *child);

/* files_pinned_pages: the pages of kernel buffer @p's open files hold
 * (f_pinned), each file once however many descriptors share it. */
uint64_t files_pinned_pages(struct process *p);

/* files_close_all: exit: close every descriptor of @p. */
void files_close_all(struct process *p);

/* files_close_on_exec: execve: close @p's descriptors marked FD_CLOEXEC. */
void files_close_on_exec(struct process *p);

/* set_fs_pwd: make @pwd (the caller's reference) @p's current directory. */
void set_fs_pwd(struct process *p, struct path pwd);

/* copy_fs: fork: @child starts in @parent's current directory. */
void copy_fs(struct process *parent, struct process *child);

/* set_exe_path: make @exe (the caller's reference) the program @p runs. */
void set_exe_path(struct process *p, struct path exe);

/* exit_fs: exit: @p lets go of its current directory and program path. */
void exit_fs(struct process *p);

/* dentry_open: open what @p names (the caller keeps its reference; the file
 * takes one of its own) with open(2) @flags; as vfs_open. */
struct file *dentry_open(const struct path *p, int flags, int *err);

/* vfs_open: open the kernel string @path (relative to @dirfd, as path_at) with
 * open(2) @flags, creating a regular file of @mode (less the umask) with O_CREAT. A new file with one reference, or NULL with *@err set:
 * -ENOENT, -EROFS (a read-only mount), -EISDIR, -ENOTDIR, -EEXIST, -ELOOP,
 * -ENXIO (a device with no driver), -ENOMEM, ... */
struct file *vfs_open(int dirfd, const char *path, int flags, uint32_t mode, int *err);

/* getname: a new kernel copy of user path @upath (the caller kfrees it), or NULL
 * with *@err set: -EFAULT, -ENAMETOOLONG or -ENOMEM. */
char *getname(const char *upath, int *err);

/* noop_fsync: ->fsync of a file system in memory: nothing to write (Linux's name). */
int noop_fsync(struct file *f);

/* generic_lseek: lseek(2) of @f to (@off, @whence) in a file whose size is @end
 * (-1: it has none, SEEK_END is -EINVAL): the new position, also set as f->pos;
 * or -EINVAL for a bad @whence or a position below 0 (Linux: generic_file_llseek_size). */
int64_t generic_lseek(struct file *f, int64_t off, int whence, int64_t end);

/* Directory entry types (d_type), Linux's DT_*: the S_IFMT bits shifted down. */
#define DT_CHR 2
#define DT_DIR 4
#define DT_REG 8
#define DT_LNK 10

/* The record getdents64 returns (Linux: struct linux_dirent64). */
struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;     /* position of the next entry (for lseek) */
	uint16_t d_reclen; /* the whole record, padded to 8 bytes */
	uint8_t d_type;
	char d_name[];     /* NUL-terminated */
};

/* dirent64_pack: write @e as a linux_dirent64 record with d_off @next into @buf,
 * which has @room bytes. The record's length, or 0 when it does not fit.
 * (Inline so that the host unit tests check the exact ABI layout.) */
static inline size_t dirent64_pack(void *buf, size_t room, const struct dir_entry *e, int64_t next)
{
	size_t name_len = 0;
	while (e->name[name_len])
		name_len++;
	size_t head = __builtin_offsetof(struct linux_dirent64, d_name);
	size_t reclen = (head + name_len + 1 + 7) & ~(size_t)7;
	if (reclen > room)
		return 0;
	struct linux_dirent64 d = {
		.d_ino = e->ino, .d_off = next, .d_reclen = (uint16_t)reclen,
		.d_type = (uint8_t)((e->mode & S_IFMT) >> 12),
	};
	uint8_t *p = buf;
	__builtin_memcpy(p, &d, head);
	__builtin_memcpy(p + head, e->name, name_len);
	__builtin_memset(p + head + name_len, 0, reclen - head - name_len);
	return reclen;
}

/* file_mmap_bytes: the bytes behind open file @f that a private mapping copies
 * from (f->ops->mmap): 0 with *@data and *@size set, or -ENODEV when it has none. */
int file_mmap_bytes(struct file *f, const uint8_t **data, uint64_t *size);

#endif
