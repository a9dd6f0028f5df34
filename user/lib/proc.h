/*
 * user/lib/proc.h - starting a program and waiting for it: the fork + execve +
 * wait4 pattern that init, the shell and the test runner share.
 */
#ifndef USER_LIB_PROC_H
#define USER_LIB_PROC_H

#include <sys/types.h>

/*
 * spawn: fork a child that runs @path with @argv and @envp, SIGINT back at its
 * default action. Returns the child's pid in the parent and -1 if fork failed.
 * Returns 0 only in the child, when execve failed: errno says why, and the
 * caller reports it and calls _exit.
 */
pid_t spawn(const char *path, char *const argv[], char *const envp[]);

/* wait_child: reap children until @pid ends (an orphan given to init may come
 * first); returns @pid's wait status, or -1 with errno set. */
int wait_child(pid_t pid);

/* exit_code: a wait status as the shell's $?: the exit code, or 128 + the signal. */
int exit_code(int status);

/* ignore_sigint: make Ctrl-C harmless to the caller (init, the shell); spawn
 * undoes it in the child. */
void ignore_sigint(void);

#endif
