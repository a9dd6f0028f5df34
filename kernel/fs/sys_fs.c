/*
 * kernel/fs/sys_fs.c - the file system calls (Linux: fs/read_write.c, fs/open.c,
 * fs/stat.c, fs/fcntl.c, fs/readdir.c, fs/d_path.c), with Linux's checks in
 * Linux's order so that programs see the same errno. A bad descriptor is
 * -EBADF and a bad user pointer -EFAULT, never a kernel fault.
 */
#include "kernel/syscalls.h"
#include "kernel/fs/vfs.h"
#include "kernel/proc.h"
#include "kernel/errno.h"
#include "kernel/lib/string.h"
#include "kernel/uaccess.h"
#include "mm/kmalloc.h"
#include "mm/page.h"

#define MAX_RW_COUNT (0x7fffffffl & (long)PAGE_MASK) /* Linux's cap on one read/write */
#define IOV_MAX 1024
#define SSIZE_MAX 0x7fffffffffffffffl

#define F_DUPFD         0
#define F_GETFD         1
#define F_SETFD         2
#define F_GETFL         3
#define F_SETFL         4
#define F_DUPFD_CLOEXEC 1030
#define SETFL_MASK (O_APPEND | O_NONBLOCK) /* the status flags F_SETFL may change */

#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

#define AT_NO_AUTOMOUNT 0x800 /* accepted, meaningless here (no automounts) */

/* struct iovec of readv/writev. */
struct iovec_k {
	void *base;
	size_t len;
};

/* Linux's struct stat on x86-64 (arch/x86/include/uapi/asm/stat.h). */
struct stat_k {
	uint64_t st_dev, st_ino, st_nlink;
	uint32_t st_mode, st_uid, st_gid, pad0;
	uint64_t st_rdev;
	int64_t st_size, st_blksize, st_blocks;
	int64_t st_atime, st_atime_nsec, st_mtime, st_mtime_nsec, st_ctime, st_ctime_nsec;
	int64_t unused[3];
};
_Static_assert(sizeof(struct stat_k) == 144, "struct stat is 144 bytes on x86-64");

char *getname(const char *upath, int *err)
{
	char *k = kmalloc(PATH_MAX);
	long len = k ? strncpy_from_user(k, upath, PATH_MAX) : -ENOMEM;
	if (len < 0) {
		kfree(k);
		*err = (int)len;
		return NULL;
	}
	return k;
}

/* readable, writable: @f was opened for reading / writing. */
static bool readable(const struct file *f)
{
	return (f->flags & O_ACCMODE) == O_RDONLY || (f->flags & O_ACCMODE) == O_RDWR;
}

static bool writable(const struct file *f)
{
	return (f->flags & O_ACCMODE) == O_WRONLY || (f->flags & O_ACCMODE) == O_RDWR;
}

/* rw_check: may @f be read (@write false) or written? Linux's vfs_read/vfs_write
 * checks: 0, -EBADF (not opened for it) or -EINVAL (the file cannot do it). */
static long rw_check(const struct file *f, bool write)
{
	if (!(write ? writable(f) : readable(f)))
		return -EBADF;
	if (write ? !f->ops->write : !f->ops->read)
		return -EINVAL;
	return 0;
}

/* do_rw: read (@write false) or write @n bytes between @f at *@pos and user @buf. */
static long do_rw(struct file *f, char *buf, size_t n, uint64_t *pos, bool write)
{
	long err = rw_check(f, write);
	if (err)
		return err;
	if (!access_ok((uint64_t)buf, n))
		return -EFAULT;
	if (n > MAX_RW_COUNT)
		n = MAX_RW_COUNT;
	return write ? f->ops->write(f, buf, n, pos) : f->ops->read(f, buf, n, pos);
}

long sys_read(int fd, char *buf, size_t n)
{
	struct file *f = fd_get(fd);
	return f ? do_rw(f, buf, n, &f->pos, false) : -EBADF;
}

long sys_write(int fd, const char *buf, size_t n)
{
	struct file *f = fd_get(fd);
	return f ? do_rw(f, (char *)buf, n, &f->pos, true) : -EBADF;
}

/* do_prw: pread64 (@write false) or pwrite64 of @n bytes at @off, the file
 * position untouched; -ESPIPE for what has no position (Linux's checks). */
static long do_prw(int fd, char *buf, size_t n, int64_t off, bool write)
{
	if (off < 0)
		return -EINVAL;
	struct file *f = fd_get(fd);
	if (!f)
		return -EBADF;
	if (!f->ops->lseek)
		return -ESPIPE; /* positional I/O needs a seekable file */
	uint64_t pos = (uint64_t)off; /* with O_APPEND a write still goes to the end, as Linux's pwrite(2) BUGS say */
	return do_rw(f, buf, n, &pos, write);
}

long sys_pread64(int fd, char *buf, size_t n, int64_t off)
{
	return do_prw(fd, buf, n, off, false);
}

long sys_pwrite64(int fd, const char *buf, size_t n, int64_t off)
{
	return do_prw(fd, (char *)buf, n, off, true);
}

/* do_iov: readv/writev: the user's @iovcnt iovecs at @uiov, in order, until one
 * comes back short; bytes moved, or the error if nothing moved. */
static long do_iov(int fd, const void *uiov, int iovcnt, bool write)
{
	struct file *f = fd_get(fd);
	long total = 0;
	if (!f)
		return -EBADF;
	long err = rw_check(f, write);
	if (err)
		return err;
	if (iovcnt < 0 || iovcnt > IOV_MAX)
		return -EINVAL;
	if (iovcnt == 0)
		return 0;
	struct iovec_k *iov = kmalloc((size_t)iovcnt * sizeof(*iov));
	if (!iov)
		return -ENOMEM;
	err = copy_from_user(iov, uiov, (size_t)iovcnt * sizeof(*iov));
	for (int i = 0; i < iovcnt && !err; i++) {
		if (iov[i].len > SSIZE_MAX)
			err = -EINVAL;
		else if (!access_ok((uint64_t)iov[i].base, iov[i].len))
			err = -EFAULT;
	}
	for (int i = 0; i < iovcnt && !err; i++) {
		long r = iov[i].len ? do_rw(f, iov[i].base, iov[i].len, &f->pos, write) : 0;
		if (r < 0 && total == 0)
			err = r;
		if (r < 0)
			break;
		total += r;
		if ((size_t)r < iov[i].len)
			break;
	}
	kfree(iov);
	return err ? err : total;
}

long sys_readv(int fd, const void *iov, int iovcnt)
{
	return do_iov(fd, iov, iovcnt, false);
}

long sys_writev(int fd, const void *iov, int iovcnt)
{
	return do_iov(fd, iov, iovcnt, true);
}

long sys_openat(int dirfd, const char *upath, int flags, int mode)
{
	int err;
	char *path = getname(upath, &err);
	if (!path)
		return err;
	struct file *f = vfs_open(dirfd, path, flags, (uint32_t)mode, &err);
	kfree(path);
	if (!f)
		return err;
	int fd = fd_install_from(f, 0, flags & O_CLOEXEC);
	if (fd < 0)
		file_put(f);
	return fd;
}

long sys_open(const char *path, int flags, int mode)
{
	return sys_openat(AT_FDCWD, path, flags, mode);
}

long sys_close(int fd)
{
	return fd_close(fd);
}

/* stat_to_user: @st in Linux's struct stat layout at user @ubuf. 0 or -EFAULT. */
static long stat_to_user(const struct kstat *st, void *ubuf)
{
	struct stat_k s = {
		.st_dev = st->dev, .st_ino = st->ino, .st_nlink = st->nlink,
		.st_mode = st->mode, .st_uid = st->uid, .st_gid = st->gid, .st_rdev = st->rdev,
		.st_size = st->size, .st_blksize = st->blksize, .st_blocks = st->blocks,
		.st_mtime = st->mtime, .st_mtime_nsec = st->mtime_nsec,
		.st_atime = st->atime ? st->atime : st->mtime, .st_atime_nsec = st->atime_nsec,
		.st_ctime = st->ctime ? st->ctime : st->mtime, .st_ctime_nsec = st->ctime_nsec,
	};
	return copy_to_user(ubuf, &s, sizeof(s));
}

long sys_fstat(int fd, void *statbuf)
{
	struct file *f = fd_get(fd);
	struct kstat st;
	if (!f)
		return -EBADF;
	if (f->f_path.dentry)
		vfs_getattr(f->f_path.dentry->d_inode, &st); /* the inode's, as Linux: a device node's own */
	else
		f->ops->stat(f, &st); /* opened by the kernel (the console of init) or nameless (a pipe) */
	return stat_to_user(&st, statbuf);
}

long sys_newfstatat(int dirfd, const char *upath, void *statbuf, int flags)
{
	struct path p;
	struct kstat st;
	char *path;
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT))
		return -EINVAL;
	int err;
	path = getname(upath, &err);
	if (!path)
		return err;
	if (!path[0] && (flags & AT_EMPTY_PATH) && dirfd != AT_FDCWD) {
		kfree(path);
		return sys_fstat(dirfd, statbuf);
	}
	err = path_at(dirfd, path[0] || !(flags & AT_EMPTY_PATH) ? path : ".",
		      (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &p);
	kfree(path);
	if (err)
		return err;
	vfs_getattr(p.dentry->d_inode, &st);
	path_put(&p);
	return stat_to_user(&st, statbuf);
}

long sys_stat(const char *path, void *statbuf)
{
	return sys_newfstatat(AT_FDCWD, path, statbuf, 0);
}

long sys_lstat(const char *path, void *statbuf)
{
	return sys_newfstatat(AT_FDCWD, path, statbuf, AT_SYMLINK_NOFOLLOW);
}

long sys_lseek(int fd, int64_t off, int whence)
{
	struct file *f = fd_get(fd);
	if (!f)
		return -EBADF;
	if (!f->ops->lseek)
		return -ESPIPE; /* the console, as a tty on Linux */
	return f->ops->lseek(f, off, whence);
}

long sys_ioctl(int fd, unsigned cmd, uint64_t arg)
{
	struct file *f = fd_get(fd);
	if (!f)
		return -EBADF;
	/* No terminal ioctls yet, not even on the console (TCGETS, TIOCGWINSZ): musl's
	 * stdout then decides it is not a tty and buffers fully, exactly as it does
	 * on Linux when stdout is a pipe, so output matches Linux's in the tests. */
	return f->ops->ioctl ? f->ops->ioctl(f, cmd, arg) : -ENOTTY;
}

/* sys_readlinkat: the target of the symlink @upath names, not NUL-terminated,
 * cut to @size bytes (Linux: fs/stat.c do_readlinkat). */
long sys_readlinkat(int dirfd, const char *upath, char *buf, int size)
{
	struct path p;
	int err;
	if (size <= 0)
		return -EINVAL;
	char *path = getname(upath, &err);
	if (!path)
		return err;
	err = path_at(dirfd, path, 0, &p);
	long len = err;
	if (!err) {
		struct inode *inode = p.dentry->d_inode;
		len = S_ISLNK(inode->i_mode) ? inode->i_op->readlink(inode, path, PATH_MAX) : -EINVAL;
		path_put(&p); /* the path buffer now holds the target */
	}
	if (len > size)
		len = size;
	if (len >= 0 && copy_to_user(buf, path, (size_t)len))
		len = -EFAULT;
	kfree(path);
	return len;
}

long sys_readlink(const char *path, char *buf, int size)
{
	return sys_readlinkat(AT_FDCWD, path, buf, size);
}

/* dup_to: make @newfd refer to @oldfd's file (dup2/dup3 after their own checks). */
static long dup_to(int oldfd, int newfd, bool cloexec)
{
	struct file *f = fd_get(oldfd);
	if (!f)
		return -EBADF;
	int err = fd_install_at(newfd, file_get(f), cloexec);
	if (err) {
		file_put(f);
		return err;
	}
	return newfd;
}

/* dup_from: the lowest free descriptor >= @min for @oldfd's file (dup, F_DUPFD). */
static long dup_from(int oldfd, int min, bool cloexec)
{
	struct file *f = fd_get(oldfd);
	if (!f)
		return -EBADF;
	int fd = fd_install_from(file_get(f), min, cloexec);
	if (fd < 0)
		file_put(f);
	return fd;
}

long sys_dup(int fd)
{
	return dup_from(fd, 0, false);
}

long sys_dup2(int oldfd, int newfd)
{
	if (oldfd == newfd)
		return fd_get(oldfd) ? newfd : -EBADF;
	return dup_to(oldfd, newfd, false);
}

long sys_dup3(int oldfd, int newfd, int flags)
{
	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	return dup_to(oldfd, newfd, flags & O_CLOEXEC);
}

long sys_fcntl(int fd, int cmd, uint64_t arg)
{
	struct file *f = fd_get(fd);
	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg >= rlimit(RLIMIT_NOFILE))
			return -EINVAL; /* Linux's f_dupfd */
		return dup_from(fd, (int)arg, cmd == F_DUPFD_CLOEXEC);
	case F_GETFD:
		return (current->fd_cloexec >> fd) & 1 ? FD_CLOEXEC : 0;
	case F_SETFD:
		if (arg & FD_CLOEXEC)
			current->fd_cloexec |= 1ull << fd;
		else
			current->fd_cloexec &= ~(1ull << fd);
		return 0;
	case F_GETFL:
		return f->flags;
	case F_SETFL:
		f->flags = (f->flags & ~SETFL_MASK) | ((int)arg & SETFL_MASK);
		return 0;
	default:
		return -EINVAL;
	}
}

long sys_getdents64(int fd, void *dirp, size_t count)
{
	struct file *f = fd_get(fd);
	struct dir_entry e;
	size_t used = 0, room = count < PAGE_SIZE ? count : PAGE_SIZE;
	uint64_t pos;
	if (!f)
		return -EBADF;
	if (!f->ops->readdir)
		return -ENOTDIR;
	if (room == 0)
		return -EINVAL;
	uint8_t *kbuf = kmalloc(room); /* fewer entries than asked for are always allowed */
	if (!kbuf)
		return -ENOMEM;
	bool more = false; /* an entry is left that did not fit */
	for (pos = f->pos; f->ops->readdir(f, &pos, &e) == 0; pos++) {
		size_t len = dirent64_pack(kbuf + used, room - used, &e, (int64_t)pos + 1);
		more = len == 0;
		if (more)
			break;
		used += len;
	}
	long ret = (long)used;
	if (used == 0 && more)
		ret = -EINVAL; /* not even one entry fits */
	else if (copy_to_user(dirp, kbuf, used))
		ret = -EFAULT;
	else
		f->pos = pos;
	kfree(kbuf);
	return ret;
}

long sys_getcwd(char *buf, size_t size)
{
	char *path = kmalloc(PATH_MAX);
	if (!path)
		return -ENOMEM;
	long len = d_path(&current->pwd, path, PATH_MAX);
	if (len >= 0 && size < (size_t)len + 1)
		len = -ERANGE;
	else if (len >= 0 && copy_to_user(buf, path, (size_t)len + 1))
		len = -EFAULT;
	kfree(path);
	return len < 0 ? len : len + 1;
}

long sys_chdir(const char *upath)
{
	struct path p;
	char *path;
	int err;
	path = getname(upath, &err);
	if (!path)
		return err;
	err = kern_path(path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &p);
	kfree(path);
	if (err)
		return err;
	set_fs_pwd(current, p);
	return 0;
}
