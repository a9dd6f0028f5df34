/*
 * kernel/exec.h - running a program: replace a process's address space with a
 * static ELF executable from the initrd (Linux: fs/exec.c, fs/binfmt_elf.c).
 * The system call is sys_execve (kernel/syscalls.h).
 */
#ifndef KERNEL_EXEC_H
#define KERNEL_EXEC_H

#include "kernel/proc.h"

/*
 * exec_load: make @p run the executable at @path (relative to @p's cwd) with
 * the NULL-terminated kernel string arrays @argv and @envp. On success @p has
 * a new mm, comm, trap frame (user mode at the entry point, every other
 * register 0), FPU state and fs base; caught signals are reset and
 * close-on-exec files closed; @p enters the program on its next return to user
 * mode. On failure, -ENOENT, -ENOTDIR, -ELOOP, -ENAMETOOLONG, -EACCES, -ENOEXEC,
 * -E2BIG (arguments over a quarter of @p's RLIMIT_STACK, at most 6 MiB) or -ENOMEM, with @p untouched
 * and nothing leaked.
 */
int exec_load(struct process *p, const char *path, char *const argv[], char *const envp[]);

#endif
