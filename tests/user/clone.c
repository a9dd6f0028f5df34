/*
 * tests/user/clone.c - processes made the way glibc and musl make them:
 * clone with CLONE_CHILD_SETTID / CLONE_CHILD_CLEARTID (glibc's fork),
 * CLONE_PARENT_SETTID, CLONE_SETTLS, a child exit signal other than SIGCHLD
 * (waited for only with __WCLONE or __WALL), vfork that really suspends the
 * parent and shares its memory until the child execs or exits, and
 * posix_spawn (CLONE_VM|CLONE_VFORK on a stack of its own), its exec error
 * reported through a pipe. Same facts on Linux.
 * user-test: diff
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"

#define CLONE_VM             0x00000100
#define CLONE_VFORK          0x00004000
#define CLONE_SETTLS         0x00080000
#define CLONE_PARENT_SETTID  0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_CHILD_SETTID   0x01000000
#define ARCH_GET_FS          0x1003

extern char **environ;

/* raw_clone: the clone syscall itself, no libc wrapper between it and the
 * child (whose TLS may not be libc's); the child returns 0 here too. */
static long raw_clone(unsigned long flags, void *stack, int *ptid, int *ctid, unsigned long tls)
{
	long ret;
	register long r10 __asm__("r10") = (long)ctid;
	register long r8 __asm__("r8") = (long)tls;

	__asm__ volatile("syscall" : "=a"(ret)
			 : "a"((long)SYS_clone), "D"(flags), "S"(stack), "d"(ptid), "r"(r10), "r"(r8)
			 : "rcx", "r11", "memory");
	return ret;
}

/* raw_syscall2, raw_exit: without libc, which a child with a foreign TLS must not enter. */
static long raw_syscall2(long nr, long a, long b)
{
	long ret;

	__asm__ volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a), "S"(b) : "rcx", "r11", "memory");
	return ret;
}

__attribute__((noreturn)) static void raw_exit(int code)
{
	for (;;)
		raw_syscall2(SYS_exit_group, code, 0);
}

/* status_of: waitpid(@pid) with @options; the exit code, 128 + signal, or -errno. */
static int status_of(pid_t pid, int options)
{
	int status;

	if (waitpid(pid, &status, options) != pid)
		return -errno;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static int tid_word = -1;

static void glibc_fork(void)
{
	pid_t pid = (pid_t)raw_clone(CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD, NULL, NULL, &tid_word, 0);
	if (pid == 0)
		raw_exit(tid_word == (int)raw_syscall2(SYS_gettid, 0, 0) ? 0 : 1);
	check("CLONE_CHILD_SETTID: the child sees its tid in its copy", status_of(pid, 0) == 0);
	check("CLONE_CHILD_SETTID: the parent's copy untouched", tid_word == -1);

	int ptid = -1;
	pid = (pid_t)raw_clone(CLONE_PARENT_SETTID | SIGCHLD, NULL, &ptid, NULL, 0);
	if (pid == 0)
		raw_exit(ptid == -1 ? 0 : 1);
	check("CLONE_PARENT_SETTID: the parent has the tid", ptid == pid);
	check("CLONE_PARENT_SETTID: written in the parent only, after the copy", status_of(pid, 0) == 0);
}

static void settls(void)
{
	unsigned long fs = 0, want;

	raw_syscall2(SYS_arch_prctl, ARCH_GET_FS, (long)&fs);
	want = fs + 4096;
	pid_t pid = (pid_t)raw_clone(CLONE_SETTLS | SIGCHLD, NULL, NULL, NULL, want);
	if (pid == 0) {
		unsigned long got = 0;
		raw_syscall2(SYS_arch_prctl, ARCH_GET_FS, (long)&got);
		raw_exit(got == want ? 0 : 1);
	}
	check("CLONE_SETTLS: the child's FS base", status_of(pid, 0) == 0);
}

static volatile sig_atomic_t got_usr1;

static void on_usr1(int sig)
{
	(void)sig;
	got_usr1 = 1;
}

static void exit_signal(void)
{
	signal(SIGUSR1, on_usr1);
	pid_t pid = (pid_t)raw_clone(SIGUSR1, NULL, NULL, NULL, 0);
	if (pid == 0)
		raw_exit(7);
	while (!got_usr1)
		pause();
	check("exit signal SIGUSR1 reaches the parent", got_usr1);
	check("a clone child: plain waitpid says ECHILD", status_of(pid, WNOHANG) == -ECHILD);
	check("__WCLONE waits for it", status_of(pid, __WCLONE) == 7);
	pid = (pid_t)raw_clone(0, NULL, NULL, NULL, 0);
	if (pid == 0)
		raw_exit(8);
	check("exit signal 0: __WALL waits for it", status_of(pid, __WALL) == 8);
	signal(SIGUSR1, SIG_DFL);
}

static void vforks(const char *argv0)
{
	static volatile int shared;
	char path[PATH_MAX];

	shared = 0;
	fflush(stdout);
	pid_t pid = vfork();
	if (pid == 0) {
		usleep(30000); /* the parent would run meanwhile if it were not suspended */
		shared = 42;
		_exit(3);
	}
	check("vfork: the parent waits, and sees the child's store", shared == 42);
	check("vfork: the child's status", status_of(pid, 0) == 3);

	fflush(stdout);
	pid = vfork();
	if (pid == 0) {
		char *args[] = { "false", NULL };
		execve(sibling(path, argv0, "../bin/false"), args, environ);
		_exit(127);
	}
	check("vfork + exec: the program ran (false: 1)", status_of(pid, 0) == 1);

	pid = vfork();
	if (pid == 0) {
		char *args[] = { "nosuch", NULL };
		execve("/nonexistent/nosuch", args, environ);
		shared = errno;
		_exit(127);
	}
	check("vfork + failed exec: the child's errno seen by the parent", status_of(pid, 0) == 127 &&
	      shared == ENOENT);
}

static void spawns(const char *argv0)
{
	char path[PATH_MAX];
	pid_t pid;
	char *args[] = { "false", NULL };

	int err = posix_spawn(&pid, sibling(path, argv0, "../bin/false"), NULL, NULL, args, environ);
	check("posix_spawn", err == 0);
	check("posix_spawn: the program's status (false: 1)", status_of(pid, 0) == 1);
	err = posix_spawn(&pid, "/nonexistent/nosuch", NULL, NULL, args, environ);
	check("posix_spawn of a missing file: ENOENT", err == ENOENT);
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addclose(&fa, 1);
	err = posix_spawn(&pid, sibling(path, argv0, "../bin/false"), &fa, NULL, args, environ);
	check("posix_spawn with stdout closed", err == 0 && status_of(pid, 0) == 1);
	posix_spawn_file_actions_destroy(&fa);
}

int main(int argc, char **argv)
{
	(void)argc;
	glibc_fork();
	settls();
	exit_signal();
	vforks(argv[0]);
	spawns(argv[0]);
	return test_failures;
}
