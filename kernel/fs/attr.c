/*
 * kernel/fs/attr.c - the calls that change or check a file's attributes:
 * chmod, chown, truncate, utimensat and their variants, access, statfs,
 * fsync and sync (Linux: fs/open.c chmod_common, chown_common, do_truncate,
 * do_faccessat; fs/attr.c setattr_prepare; fs/utimes.c; fs/statfs.c;
 * fs/sync.c). Who may do what is Linux's: the owner or root changes the mode
 * and the times; only root changes the owner, and the owner's group only to
 * one the caller is in; truncate needs write permission.
 */
#include "kernel/fs/vfs.h"
#include "kernel/fs/permission.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/syscalls.h"
#include "kernel/time.h"
#include "kernel/errno.h"
#include "kernel/uaccess.h"
#include "mm/kmalloc.h"

#define UTIME_NOW  ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)
#define AT_EACCESS 0x200
#define F_OK 0

/* notify_change: apply @attr to @p's inode: -EROFS on a read-only mount,
 * -EPERM when its file system keeps no such attributes. */
static int notify_change(const struct path *p, struct iattr *attr)
{
	struct inode *inode = p->dentry->d_inode;

	if (p->mnt->mnt_sb->s_flags & SB_RDONLY)
		return -EROFS;
	if (!inode->i_op->setattr)
		return -EPERM;
	return inode->i_op->setattr(inode, attr);
}

/* chmod_common: Linux's: owner or root; a non-root caller outside the file's
 * group cannot set S_ISGID on it (the bit is dropped, not refused). */
static int chmod_common(const struct path *p, uint32_t mode)
{
	struct inode *inode = p->dentry->d_inode;
	struct iattr attr = { .valid = ATTR_MODE | ATTR_CTIME, .mode = mode & S_IALLUGO };

	if (p->mnt->mnt_sb->s_flags & SB_RDONLY)
		return -EROFS;
	if (!is_owner_or_root(inode))
		return -EPERM;
	if (!capable(current) && !in_group_p(inode->i_gid))
		attr.mode &= ~S_ISGID;
	return notify_change(p, &attr);
}

/* chown_common: Linux's: only root changes the owner (or sets it to itself);
 * the owner may change the group to one it is in; a regular file loses
 * S_ISUID, and S_ISGID if group-executable (-1: unchanged). */
static int chown_common(const struct path *p, uint32_t uid, uint32_t gid)
{
	struct inode *inode = p->dentry->d_inode;
	struct iattr attr = { .valid = ATTR_CTIME, .mode = inode->i_mode };

	if (p->mnt->mnt_sb->s_flags & SB_RDONLY)
		return -EROFS;
	if (uid != (uint32_t)-1) {
		if (!capable(current) && uid != inode->i_uid)
			return -EPERM;
		attr.valid |= ATTR_UID;
		attr.uid = uid;
	}
	if (gid != (uint32_t)-1) {
		if (!capable(current) && (current->cred.uid.eff != inode->i_uid || !in_group_p(gid)))
			return -EPERM;
		attr.valid |= ATTR_GID;
		attr.gid = gid;
	}
	if (!S_ISDIR(inode->i_mode)) {
		attr.mode &= ~S_ISUID;
		if (attr.mode & 010)
			attr.mode &= ~S_ISGID;
		attr.valid |= ATTR_MODE;
	}
	return notify_change(p, &attr);
}

long sys_fchmodat(int dirfd, const char *upath, uint32_t mode)
{
	struct path p;
	int err = user_path_at(dirfd, upath, 0, &p);

	if (err)
		return err;
	err = chmod_common(&p, mode);
	path_put(&p);
	return err;
}

long sys_chmod(const char *upath, uint32_t mode)
{
	return sys_fchmodat(AT_FDCWD, upath, mode);
}

long sys_fchmod(int fd, uint32_t mode)
{
	struct file *f = fd_get(fd);

	if (!f)
		return -EBADF;
	return f->f_path.dentry ? chmod_common(&f->f_path, mode) : 0; /* a pipe: nothing to keep it in */
}

long sys_fchownat(int dirfd, const char *upath, uint32_t uid, uint32_t gid, int flags)
{
	struct path p;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	int err = user_path_at(dirfd, upath, (unsigned)flags, &p);
	if (err)
		return err;
	err = chown_common(&p, uid, gid);
	path_put(&p);
	return err;
}

long sys_chown(const char *upath, uint32_t uid, uint32_t gid)
{
	return sys_fchownat(AT_FDCWD, upath, uid, gid, 0);
}

long sys_lchown(const char *upath, uint32_t uid, uint32_t gid)
{
	return sys_fchownat(AT_FDCWD, upath, uid, gid, AT_SYMLINK_NOFOLLOW);
}

long sys_fchown(int fd, uint32_t uid, uint32_t gid)
{
	struct file *f = fd_get(fd);

	if (!f)
		return -EBADF;
	return f->f_path.dentry ? chown_common(&f->f_path, uid, gid) : 0;
}

/* do_truncate: cut or extend the regular file at @p to @len (Linux's checks:
 * EINVAL for a negative length or a non-regular file, EISDIR for a
 * directory, EFBIG and SIGXFSZ past RLIMIT_FSIZE). @check_write: the caller
 * has not proved write access by an open file. */
static int do_truncate(const struct path *p, int64_t len, bool check_write)
{
	struct inode *inode = p->dentry->d_inode;

	if (len < 0)
		return -EINVAL;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	if (check_write) {
		if (p->mnt->mnt_sb->s_flags & SB_RDONLY)
			return -EROFS;
		int err = inode_permission(inode, MAY_WRITE);
		if (err)
			return err;
	}
	if (rlimit(RLIMIT_FSIZE) != RLIM_INFINITY && (uint64_t)len > rlimit(RLIMIT_FSIZE)) {
		send_signal(current, SIGXFSZ);
		return -EFBIG;
	}
	return notify_change(p, &(struct iattr){ .valid = ATTR_SIZE | ATTR_MTIME | ATTR_CTIME, .size = len,
						  .mtime = -1, .atime = -1 });
}

long sys_truncate(const char *upath, int64_t len)
{
	struct path p;
	int err = user_path_at(AT_FDCWD, upath, 0, &p);

	if (err)
		return err;
	err = do_truncate(&p, len, true);
	path_put(&p);
	return err;
}

long sys_ftruncate(int fd, int64_t len)
{
	struct file *f = fd_get(fd);

	if (!f)
		return -EBADF;
	if (len < 0)
		return -EINVAL;
	if (!f->f_path.dentry || !S_ISREG(f->f_path.dentry->d_inode->i_mode) ||
	    (f->flags & O_ACCMODE) == O_RDONLY)
		return -EINVAL; /* Linux: not a regular file, or not open for writing */
	return do_truncate(&f->f_path, len, false);
}

/* utimes_common: set @p's times from @ts[2] (NULL: both now; UTIME_NOW and
 * UTIME_OMIT per entry). Explicit times need the owner or root; "now" also
 * write permission (Linux's vfs_utimes). */
static int utimes_common(const struct path *p, const struct timespec_k *ts)
{
	struct inode *inode = p->dentry->d_inode;
	struct iattr attr = { .valid = ATTR_CTIME, .atime = -1, .mtime = -1 };
	bool explicit = false;

	for (int i = 0; ts && i < 2; i++) {
		if (ts[i].nsec == UTIME_OMIT)
			continue;
		attr.valid |= i ? ATTR_MTIME : ATTR_ATIME;
		if (ts[i].nsec == UTIME_NOW)
			continue;
		explicit = true;
		if (i) {
			attr.mtime = ts[i].sec;
			attr.mtime_nsec = ts[i].nsec;
		} else {
			attr.atime = ts[i].sec;
			attr.atime_nsec = ts[i].nsec;
		}
	}
	if (!ts)
		attr.valid |= ATTR_ATIME | ATTR_MTIME;
	if (p->mnt->mnt_sb->s_flags & SB_RDONLY)
		return -EROFS;
	if (explicit && !is_owner_or_root(inode))
		return -EPERM;
	if (!explicit && !is_owner_or_root(inode) && inode_permission(inode, MAY_WRITE))
		return -EACCES;
	return notify_change(p, &attr);
}

/* timespec_ok: a utimensat time: UTIME_NOW, UTIME_OMIT or a valid timespec. */
static bool timespec_ok(const struct timespec_k *t)
{
	return t->nsec == UTIME_NOW || t->nsec == UTIME_OMIT || (t->nsec >= 0 && t->nsec < NSEC_PER_SEC);
}

/* do_utimes: utimensat's work with kernel times @ts (NULL: now); a NULL
 * @upath is the file @dirfd itself (Linux's extension, what futimens uses). */
static long do_utimes(int dirfd, const char *upath, const struct timespec_k *ts, int flags)
{
	struct path p;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (ts && (!timespec_ok(&ts[0]) || !timespec_ok(&ts[1])))
		return -EINVAL;
	if (ts && ts[0].nsec == UTIME_OMIT && ts[1].nsec == UTIME_OMIT)
		return 0;
	if (!upath) {
		struct file *f = fd_get(dirfd);
		if (!f)
			return -EBADF;
		if (!f->f_path.dentry)
			return 0;
		p = f->f_path;
		path_get(&p);
	} else if ((err = user_path_at(dirfd, upath, (unsigned)flags, &p))) {
		return err;
	}
	err = utimes_common(&p, ts);
	path_put(&p);
	return err;
}

long sys_utimensat(int dirfd, const char *upath, const struct timespec_k *uts, int flags)
{
	struct timespec_k ts[2];

	if (uts && copy_from_user(ts, uts, sizeof(ts)))
		return -EFAULT;
	return do_utimes(dirfd, upath, uts ? ts : NULL, flags);
}

long sys_futimesat(int dirfd, const char *upath, const struct timeval_k *utv)
{
	struct timeval_k tv[2];
	struct timespec_k ts[2];

	if (utv) {
		if (copy_from_user(tv, utv, sizeof(tv)))
			return -EFAULT;
		for (int i = 0; i < 2; i++) {
			if (tv[i].usec < 0 || tv[i].usec >= 1000000)
				return -EINVAL;
			ts[i] = (struct timespec_k){ tv[i].sec, tv[i].usec * 1000 };
		}
	}
	return do_utimes(dirfd, upath, utv ? ts : NULL, 0);
}

long sys_utimes(const char *upath, const struct timeval_k *utv)
{
	return sys_futimesat(AT_FDCWD, upath, utv);
}

long sys_utime(const char *upath, const int64_t *ubuf)
{
	int64_t t[2];
	struct timespec_k ts[2];

	if (ubuf) {
		if (copy_from_user(t, ubuf, sizeof(t)))
			return -EFAULT;
		ts[0] = (struct timespec_k){ t[0], 0 };
		ts[1] = (struct timespec_k){ t[1], 0 };
	}
	return do_utimes(AT_FDCWD, upath, ubuf ? ts : NULL, 0);
}

/* do_faccessat: access(2) with Linux's rules: the real ids (unless
 * AT_EACCESS) for the walk and the check, EROFS for writing a file of a
 * read-only mount, root may execute what anyone may. */
static long do_faccessat(int dirfd, const char *upath, int mode, int flags)
{
	struct path p;
	struct cred saved = current->cred;

	if (mode & ~(MAY_READ | MAY_WRITE | MAY_EXEC))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (!(flags & AT_EACCESS)) { /* Linux's access_override_creds */
		current->cred.uid.eff = current->cred.uid.real;
		current->cred.gid.eff = current->cred.gid.real;
	}
	int err = user_path_at(dirfd, upath, (unsigned)flags, &p);
	if (!err) {
		struct inode *inode = p.dentry->d_inode;
		bool special = S_ISCHR(inode->i_mode) || S_ISBLK(inode->i_mode) || S_ISFIFO(inode->i_mode) ||
			       (inode->i_mode & S_IFMT) == S_IFSOCK;
		if ((mode & MAY_WRITE) && !special && (p.mnt->mnt_sb->s_flags & SB_RDONLY))
			err = -EROFS;
		else if (mode != F_OK)
			err = inode_permission(inode, mode);
		path_put(&p);
	}
	current->cred = saved;
	return err;
}

long sys_faccessat2(int dirfd, const char *upath, int mode, int flags)
{
	return do_faccessat(dirfd, upath, mode, flags);
}

long sys_faccessat(int dirfd, const char *upath, int mode)
{
	return do_faccessat(dirfd, upath, mode, 0);
}

long sys_access(const char *upath, int mode)
{
	return do_faccessat(AT_FDCWD, upath, mode, 0);
}

/* Linux's struct statfs on x86-64 (include/uapi/asm-generic/statfs.h). */
struct statfs_k {
	int64_t f_type, f_bsize;
	uint64_t f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int32_t f_fsid[2];
	int64_t f_namelen, f_frsize, f_flags, f_spare[4];
};
_Static_assert(sizeof(struct statfs_k) == 120, "struct statfs is 120 bytes on x86-64");

#define ST_RDONLY 0x0001
#define ST_VALID  0x0020

/* statfs_to_user: statfs of the file system @p is on, into user @ubuf. */
static long statfs_to_user(const struct path *p, void *ubuf)
{
	struct super_block *sb = p->mnt->mnt_sb;
	struct kstatfs st = { .f_type = sb->s_magic, .f_bsize = 4096, .f_frsize = 4096, .f_namelen = NAME_MAX };

	if (sb->s_op && sb->s_op->statfs)
		sb->s_op->statfs(sb, &st);
	struct statfs_k out = {
		.f_type = st.f_type, .f_bsize = st.f_bsize, .f_blocks = (uint64_t)st.f_blocks,
		.f_bfree = (uint64_t)st.f_bfree, .f_bavail = (uint64_t)st.f_bavail, .f_files = (uint64_t)st.f_files,
		.f_ffree = (uint64_t)st.f_ffree, .f_fsid = { (int32_t)sb->s_dev, 0 }, .f_namelen = st.f_namelen,
		.f_frsize = st.f_frsize ? st.f_frsize : st.f_bsize,
		.f_flags = ST_VALID | ((sb->s_flags & SB_RDONLY) ? ST_RDONLY : 0),
	};
	return copy_to_user(ubuf, &out, sizeof(out)) ? -EFAULT : 0;
}

long sys_statfs(const char *upath, void *ubuf)
{
	struct path p;
	int err = user_path_at(AT_FDCWD, upath, 0, &p);

	if (err)
		return err;
	err = (int)statfs_to_user(&p, ubuf);
	path_put(&p);
	return err;
}

long sys_fstatfs(int fd, void *ubuf)
{
	struct file *f = fd_get(fd);

	if (!f)
		return -EBADF;
	if (!f->f_path.dentry)
		return -ENOSYS; /* pipefs and the kernel's console: not mounted anywhere we can name */
	return statfs_to_user(&f->f_path, ubuf);
}

/* sys_fsync: write @fd's file to its disk: EINVAL for files that cannot be
 * synced (no ->fsync: pipes, the console, /proc, as Linux); the file systems
 * here live in memory, so theirs is noop_fsync. */
long sys_fsync(int fd)
{
	struct file *f = fd_get(fd);

	if (!f)
		return -EBADF;
	return f->ops->fsync ? f->ops->fsync(f) : -EINVAL;
}

long sys_fdatasync(int fd)
{
	return sys_fsync(fd);
}

long sys_sync(void)
{
	return 0; /* no disk holds a file system yet (swap is written as it goes) */
}

long sys_syncfs(int fd)
{
	return fd_get(fd) ? 0 : -EBADF;
}
