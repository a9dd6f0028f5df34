/*
 * user/lib/proc.h - running a program and waiting for it: the fork + execve +
 * wait4 pattern that init, the shell and the test runner share.
 */
#ifndef USER_LIB_PROC_H
#define USER_LIB_PROC_H

/*
 * run_wait: run @path with @argv and @envp in a child, SIGINT back at its
 * default action, and wait for it; returns its wait status. When it cannot be
 * run, "@who: cannot run @path: reason" goes to stderr and the status is that
 * of a process that exited with @fail (init uses 127, the shell 126).
 */
int run_wait(const char *who, const char *path, char *const argv[], char *const envp[], int fail);

/* run_session: as run_wait, the child first the leader of a session and process
 * group of its own (setsid), as an init starts what it runs: so a kill(0, sig)
 * anywhere below reaches that group, not init's. */
int run_session(const char *who, const char *path, char *const argv[], char *const envp[], int fail);

/* exit_code: a wait status as the shell's $?: the exit code, or 128 + the signal. */
int exit_code(int status);

/* ignore_sigint: make Ctrl-C harmless to the caller (init, the shell); the
 * programs run_wait starts get the default action back. */
void ignore_sigint(void);

#endif
