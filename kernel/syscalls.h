/*
 * kernel/syscalls.h - every system call the kernel implements, with Linux's
 * x86-64 numbers (arch/x86/entry/syscalls/syscall_64.tbl) and C prototypes.
 * Arguments arrive in RDI, RSI, RDX, R10, R8, R9 (the syscall ABI puts the
 * fourth in R10 because `syscall` clobbers RCX); the result, or -errno, goes
 * back in RAX. The table that maps numbers to these is kernel/syscall_table.c.
 * Handlers that need the caller's registers (fork, execve, rt_sigreturn) read
 * current->tf.
 */
#ifndef KERNEL_SYSCALLS_H
#define KERNEL_SYSCALLS_H

#include <stdint.h>
#include <stddef.h>

struct iovec_k;
struct timespec_k;
struct timeval_k;
struct sigset_argpack;

/* files: kernel/fs/sys_fs.c */
long sys_read(int fd, char *buf, size_t n);
long sys_write(int fd, const char *buf, size_t n);
long sys_open(const char *path, int flags, int mode);
long sys_close(int fd);
long sys_stat(const char *path, void *statbuf);
long sys_fstat(int fd, void *statbuf);
long sys_lstat(const char *path, void *statbuf);
long sys_lseek(int fd, int64_t off, int whence);
long sys_ioctl(int fd, unsigned cmd, uint64_t arg);
long sys_pread64(int fd, char *buf, size_t n, int64_t off);
long sys_pwrite64(int fd, const char *buf, size_t n, int64_t off);
long sys_readv(int fd, const void *iov, int iovcnt);
long sys_writev(int fd, const void *iov, int iovcnt);
long sys_dup(int fd);
long sys_dup2(int oldfd, int newfd);
long sys_fcntl(int fd, int cmd, uint64_t arg);
long sys_getcwd(char *buf, size_t size);
long sys_chdir(const char *path);
long sys_getdents64(int fd, void *dirp, size_t count);
long sys_openat(int dirfd, const char *path, int flags, int mode);
long sys_newfstatat(int dirfd, const char *path, void *statbuf, int flags);
long sys_dup3(int oldfd, int newfd, int flags);

/* changing directories: kernel/fs/dir_ops.c */
long sys_mkdir(const char *upath, int mode);
long sys_mkdirat(int dirfd, const char *upath, int mode);
long sys_mknod(const char *upath, int mode, unsigned dev);
long sys_mknodat(int dirfd, const char *upath, int mode, unsigned dev);
long sys_symlink(const char *target, const char *upath);
long sys_symlinkat(const char *target, int dirfd, const char *upath);
long sys_link(const char *uold, const char *unew);
long sys_linkat(int olddirfd, const char *uold, int newdirfd, const char *unew, int flags);
long sys_unlink(const char *upath);
long sys_unlinkat(int dirfd, const char *upath, int flags);
long sys_rmdir(const char *upath);
long sys_rename(const char *uold, const char *unew);
long sys_renameat(int olddirfd, const char *uold, int newdirfd, const char *unew);
long sys_renameat2(int olddirfd, const char *uold, int newdirfd, const char *unew, unsigned flags);

/* attributes: kernel/fs/attr.c */
long sys_chmod(const char *upath, uint32_t mode);
long sys_fchmod(int fd, uint32_t mode);
long sys_fchmodat(int dirfd, const char *upath, uint32_t mode);
long sys_chown(const char *upath, uint32_t uid, uint32_t gid);
long sys_lchown(const char *upath, uint32_t uid, uint32_t gid);
long sys_fchown(int fd, uint32_t uid, uint32_t gid);
long sys_fchownat(int dirfd, const char *upath, uint32_t uid, uint32_t gid, int flags);
long sys_truncate(const char *upath, int64_t len);
long sys_ftruncate(int fd, int64_t len);
long sys_utimensat(int dirfd, const char *upath, const struct timespec_k *uts, int flags);
long sys_futimesat(int dirfd, const char *upath, const struct timeval_k *utv);
long sys_utimes(const char *upath, const struct timeval_k *utv);
long sys_utime(const char *upath, const int64_t *ubuf);
long sys_access(const char *upath, int mode);
long sys_faccessat(int dirfd, const char *upath, int mode);
long sys_faccessat2(int dirfd, const char *upath, int mode, int flags);
long sys_statfs(const char *upath, void *ubuf);
long sys_fstatfs(int fd, void *ubuf);
long sys_fsync(int fd);
long sys_fdatasync(int fd);
long sys_sync(void);
long sys_syncfs(int fd);

/* pipes: kernel/fs/pipe.c */
long sys_pipe(int *ufds);
long sys_pipe2(int *ufds, int flags);

/* waiting for files: kernel/fs/poll.c */
long sys_poll(void *ufds, unsigned nfds, int timeout_ms);
long sys_ppoll(void *ufds, unsigned nfds, struct timespec_k *uts, const uint64_t *umask, size_t sigsetsize);
long sys_select(int n, uint64_t *inp, uint64_t *outp, uint64_t *exp, struct timeval_k *utv);
long sys_pselect6(int n, uint64_t *inp, uint64_t *outp, uint64_t *exp, struct timespec_k *uts,
		  const struct sigset_argpack *usig);
long sys_readlink(const char *path, char *buf, int size);
long sys_readlinkat(int dirfd, const char *path, char *buf, int size);

/* memory: mm/mmap.c */
long sys_mmap(uint64_t addr, size_t len, int prot, int flags, int fd, int64_t off);
long sys_mprotect(uint64_t addr, size_t len, int prot);
long sys_munmap(uint64_t addr, size_t len);
long sys_brk(uint64_t brk);
long sys_madvise(uint64_t addr, size_t len, int advice);
long sys_msync(uint64_t addr, size_t len, int flags);
long sys_mincore(uint64_t start, size_t len, uint8_t *vec);
long sys_mlock(uint64_t addr, size_t len);
long sys_munlock(uint64_t addr, size_t len);
long sys_mlockall(int flags);
long sys_munlockall(void);

/* processes: kernel/fork.c, kernel/exit.c, kernel/exec.c, kernel/sys_proc.c */
long sys_fork(void);
long sys_vfork(void);
long sys_clone(uint64_t flags, uint64_t stack, uint64_t ptid, uint64_t ctid, uint64_t tls);
long sys_execve(const char *path, const char *const *argv, const char *const *envp);
long sys_exit(int code);
long sys_exit_group(int code);
long sys_wait4(int pid, int *status, int options, void *rusage);
long sys_kill(int pid, int sig);
long sys_tgkill(int tgid, int tid, int sig);
long sys_tkill(int tid, int sig);
long sys_getpid(void);
long sys_getppid(void);
long sys_gettid(void);
long sys_setpgid(int pid, int pgid);
long sys_getpgid(int pid);
long sys_getsid(int pid);
long sys_getpgrp(void);
long sys_setsid(void);
long sys_arch_prctl(int code, uint64_t addr);
long sys_set_tid_address(uint64_t tidptr);
long sys_sched_yield(void);
long sys_umask(int mask);

/* user and group ids: kernel/cred.c */
long sys_getuid(void);
long sys_getgid(void);
long sys_geteuid(void);
long sys_getegid(void);
long sys_setuid(uint32_t uid);
long sys_setgid(uint32_t gid);
long sys_setreuid(uint32_t ruid, uint32_t euid);
long sys_setregid(uint32_t rgid, uint32_t egid);
long sys_setresuid(uint32_t ruid, uint32_t euid, uint32_t suid);
long sys_setresgid(uint32_t rgid, uint32_t egid, uint32_t sgid);
long sys_getgroups(int size, uint32_t *list);
long sys_setgroups(int size, const uint32_t *list);
long sys_getresuid(uint32_t *ruid, uint32_t *euid, uint32_t *suid);
long sys_getresgid(uint32_t *rgid, uint32_t *egid, uint32_t *sgid);

/* resource limits: kernel/resource.c */
long sys_getrlimit(int resource, void *limit);
long sys_setrlimit(int resource, const void *limit);
long sys_prlimit64(int pid, int resource, const void *new_limit, void *old_limit);

/* signals: kernel/signal.c */
long sys_rt_sigaction(int sig, const void *act, void *oact, size_t sigsetsize);
long sys_rt_sigprocmask(int how, const uint64_t *set, uint64_t *oset, size_t sigsetsize);
long sys_rt_sigreturn(void);
long sys_rt_sigsuspend(const uint64_t *umask, size_t sigsetsize);
long sys_pause(void);
long sys_rt_sigpending(uint64_t *uset, size_t sigsetsize);
struct siginfo_k;
long sys_rt_sigtimedwait(const uint64_t *uthese, struct siginfo_k *uinfo, const struct timespec_k *uts,
			 size_t sigsetsize);
long sys_sigaltstack(const void *uss, void *uoss);

/* futexes: kernel/futex.c */
long sys_futex(uint32_t *uaddr, int op, uint32_t val, const struct timespec_k *utime, uint32_t *uaddr2,
	       uint32_t val3);

/* the kernel log: kernel/log_buf.c */
long sys_syslog(int type, char *buf, int len);

/* about oneself: kernel/sys_task.c */
long sys_prctl(int option, uint64_t arg2, uint64_t arg3, uint64_t arg4, uint64_t arg5);
long sys_set_robust_list(uint64_t head, size_t len);
long sys_get_robust_list(int pid, uint64_t *head_ptr, size_t *len_ptr);
long sys_sched_getaffinity(int pid, size_t len, uint8_t *mask);
long sys_sched_setaffinity(int pid, size_t len, const uint8_t *mask);
long sys_getcpu(unsigned *cpu, unsigned *node, void *cache);

/* interval timers: kernel/itimer.c */
struct itimerval_k;
long sys_setitimer(int which, const struct itimerval_k *unew, struct itimerval_k *uold);
long sys_getitimer(int which, struct itimerval_k *ucur);
long sys_alarm(unsigned seconds);

/* time and system: kernel/sys_time.c, kernel/sys_info.c */
long sys_nanosleep(const void *req, void *rem);
long sys_clock_gettime(int clock, void *tp);
long sys_clock_getres(int clock, void *tp);
long sys_clock_nanosleep(int clock, int flags, const void *req, void *rem);
long sys_gettimeofday(void *tv, void *tz);
long sys_time(int64_t *t);
long sys_uname(void *buf);
long sys_getrusage(int who, void *usage);
long sys_sysinfo(void *info);
long sys_reboot(int magic1, int magic2, unsigned cmd, uint64_t arg);
long sys_getrandom(void *buf, size_t len, unsigned flags);

#endif
