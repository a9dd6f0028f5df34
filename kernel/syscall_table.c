/*
 * kernel/syscall_table.c - syscall number -> handler, and its name for the
 * one-time "unknown syscall" log line. Numbers are Linux x86-64's.
 */
#include "kernel/syscall.h"
#include "kernel/syscalls.h"

#define SYSCALL(nr, name) [nr] = { #name, (syscall_fn)(void *)sys_##name }

const struct syscall_entry syscall_table[NR_SYSCALLS] = {
	SYSCALL(0, read),              SYSCALL(1, write),             SYSCALL(2, open),
	SYSCALL(3, close),             SYSCALL(4, stat),              SYSCALL(5, fstat),
	SYSCALL(6, lstat),             SYSCALL(7, poll),              SYSCALL(8, lseek),
	SYSCALL(9, mmap),              SYSCALL(10, mprotect),         SYSCALL(11, munmap),
	SYSCALL(12, brk),              SYSCALL(13, rt_sigaction),     SYSCALL(14, rt_sigprocmask),
	SYSCALL(15, rt_sigreturn),     SYSCALL(16, ioctl),            SYSCALL(17, pread64),          SYSCALL(18, pwrite64),
	SYSCALL(19, readv),            SYSCALL(20, writev),           SYSCALL(21, access),
	SYSCALL(22, pipe),             SYSCALL(23, select),           SYSCALL(24, sched_yield),      SYSCALL(26, msync),            SYSCALL(27, mincore),
	SYSCALL(28, madvise),          SYSCALL(32, dup),              SYSCALL(33, dup2),
	SYSCALL(34, pause),            SYSCALL(35, nanosleep),        SYSCALL(36, getitimer),
	SYSCALL(37, alarm),            SYSCALL(38, setitimer),        SYSCALL(39, getpid),
	SYSCALL(56, clone),            SYSCALL(57, fork),             SYSCALL(58, vfork),
	SYSCALL(59, execve),           SYSCALL(60, exit),             SYSCALL(61, wait4),
	SYSCALL(62, kill),             SYSCALL(63, uname),            SYSCALL(72, fcntl),
	SYSCALL(74, fsync),            SYSCALL(75, fdatasync),        SYSCALL(76, truncate),
	SYSCALL(77, ftruncate),        SYSCALL(79, getcwd),           SYSCALL(80, chdir),
	SYSCALL(82, rename),           SYSCALL(83, mkdir),            SYSCALL(84, rmdir),
	SYSCALL(86, link),             SYSCALL(87, unlink),           SYSCALL(88, symlink),
	SYSCALL(89, readlink),         SYSCALL(90, chmod),            SYSCALL(91, fchmod),
	SYSCALL(92, chown),            SYSCALL(93, fchown),           SYSCALL(94, lchown),
	SYSCALL(95, umask),            SYSCALL(96, gettimeofday),     SYSCALL(97, getrlimit),
	SYSCALL(98, getrusage),        SYSCALL(99, sysinfo),          SYSCALL(102, getuid),          SYSCALL(103, syslog),
	SYSCALL(104, getgid),          SYSCALL(105, setuid),          SYSCALL(106, setgid),
	SYSCALL(107, geteuid),         SYSCALL(108, getegid),         SYSCALL(109, setpgid),
	SYSCALL(110, getppid),         SYSCALL(111, getpgrp),         SYSCALL(112, setsid),
	SYSCALL(113, setreuid),        SYSCALL(114, setregid),        SYSCALL(115, getgroups),
	SYSCALL(116, setgroups),       SYSCALL(117, setresuid),       SYSCALL(118, getresuid),
	SYSCALL(119, setresgid),       SYSCALL(120, getresgid),       SYSCALL(121, getpgid),
	SYSCALL(124, getsid),          SYSCALL(127, rt_sigpending),   SYSCALL(128, rt_sigtimedwait),
	SYSCALL(130, rt_sigsuspend),   SYSCALL(131, sigaltstack),     SYSCALL(132, utime),
	SYSCALL(133, mknod),           SYSCALL(137, statfs),          SYSCALL(138, fstatfs),
	SYSCALL(149, mlock),           SYSCALL(150, munlock),         SYSCALL(151, mlockall),
	SYSCALL(152, munlockall),      SYSCALL(158, arch_prctl),      SYSCALL(160, setrlimit),
	SYSCALL(162, sync),            SYSCALL(169, reboot),          SYSCALL(157, prctl),           SYSCALL(186, gettid),
	SYSCALL(200, tkill),           SYSCALL(201, time),            SYSCALL(202, futex),           SYSCALL(203, sched_setaffinity), SYSCALL(204, sched_getaffinity),            SYSCALL(217, getdents64),
	SYSCALL(218, set_tid_address), SYSCALL(228, clock_gettime),   SYSCALL(229, clock_getres),   SYSCALL(230, clock_nanosleep),
	SYSCALL(231, exit_group),      SYSCALL(234, tgkill),          SYSCALL(235, utimes),
	SYSCALL(257, openat),          SYSCALL(258, mkdirat),         SYSCALL(259, mknodat),
	SYSCALL(260, fchownat),        SYSCALL(261, futimesat),       SYSCALL(262, newfstatat),
	SYSCALL(263, unlinkat),        SYSCALL(264, renameat),        SYSCALL(265, linkat),
	SYSCALL(266, symlinkat),       SYSCALL(267, readlinkat),      SYSCALL(268, fchmodat),
	SYSCALL(269, faccessat),       SYSCALL(270, pselect6),        SYSCALL(271, ppoll),
	SYSCALL(280, utimensat),       SYSCALL(292, dup3),            SYSCALL(293, pipe2),
	SYSCALL(273, set_robust_list), SYSCALL(274, get_robust_list), SYSCALL(302, prlimit64),
	SYSCALL(309, getcpu),       SYSCALL(306, syncfs),          SYSCALL(316, renameat2),
	SYSCALL(318, getrandom),       SYSCALL(439, faccessat2),
};
