/*
 * tests/user/jobctl.c - job control as Linux does it: SIGSTOP and SIGTSTP
 * stop a process (state T in /proc), wait4 reports it with WUNTRACED and the
 * continue with WCONTINUED, once each; the parent gets SIGCHLD with
 * CLD_STOPPED / CLD_CONTINUED (none with SA_NOCLDSTOP); signals sent to a
 * stopped process wait until SIGCONT; SIGKILL ends a stopped process;
 * SIGCONT runs its handler; a parent that ignores SIGCHLD or sets
 * SA_NOCLDWAIT leaves no zombies (wait says ECHILD). Same facts on Linux.
 * user-test: diff
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"
#include "lib/procfs.h"

/* sleeper: a child that sleeps in pause() until killed (or writes a byte to
 * @fd for every SIGUSR1, when @fd >= 0). */
static int usr1_fd = -1;

static void on_usr1(int sig)
{
	(void)sig;
	write(usr1_fd, "u", 1);
}

static pid_t sleeper(int fd)
{
	pid_t pid = fork();
	if (pid == 0) {
		usr1_fd = fd;
		if (fd >= 0)
			signal(SIGUSR1, on_usr1);
		for (;;)
			pause();
	}
	wait_until_asleep(pid);
	return pid;
}

static volatile sig_atomic_t chld_code, chld_status, chld_count;

static void on_chld(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	chld_code = si->si_code;
	chld_status = si->si_status;
	chld_count++;
}

static void stop_and_continue(void)
{
	int status;
	struct sigaction sa = { .sa_sigaction = on_chld, .sa_flags = SA_SIGINFO | SA_RESTART };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
	pid_t pid = sleeper(-1);
	chld_count = 0;
	kill(pid, SIGSTOP);
	check("WUNTRACED: stopped by SIGSTOP", waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status) &&
	      WSTOPSIG(status) == SIGSTOP);
	check("/proc says T", proc_state(pid) == 'T');
	while (!chld_count)
		sched_yield();
	check("SIGCHLD: CLD_STOPPED, si_status SIGSTOP", chld_code == CLD_STOPPED && chld_status == SIGSTOP);
	check("the stop is reported once", waitpid(pid, &status, WUNTRACED | WNOHANG) == 0);
	chld_count = 0;
	kill(pid, SIGCONT);
	check("WCONTINUED: continued", waitpid(pid, &status, WCONTINUED) == pid && WIFCONTINUED(status));
	while (!chld_count)
		sched_yield();
	check("SIGCHLD: CLD_CONTINUED", chld_code == CLD_CONTINUED && chld_status == SIGCONT);
	check("the continue is reported once", waitpid(pid, &status, WCONTINUED | WNOHANG) == 0);
	wait_until_asleep(pid);
	check("running again: S", proc_state(pid) == 'S');
	kill(pid, SIGTERM);
	check("then SIGTERM kills it", waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	      WTERMSIG(status) == SIGTERM);

	pid = sleeper(-1);
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	kill(pid, SIGKILL);
	check("SIGKILL ends a stopped process", waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	      WTERMSIG(status) == SIGKILL);

	sa.sa_flags |= SA_NOCLDSTOP;
	sigaction(SIGCHLD, &sa, NULL);
	pid = sleeper(-1);
	chld_count = 0;
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	kill(pid, SIGCONT);
	waitpid(pid, &status, WCONTINUED);
	check("SA_NOCLDSTOP: no SIGCHLD for stop and continue", chld_count == 0);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	check("SA_NOCLDSTOP: SIGCHLD for the death, CLD_KILLED", chld_count == 1 && chld_code == CLD_KILLED &&
	      chld_status == SIGKILL);
	signal(SIGCHLD, SIG_DFL);
}

static void held_while_stopped(void)
{
	int p[2], status;
	char c;

	pipe(p);
	pid_t pid = sleeper(p[1]);
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	kill(pid, SIGUSR1);
	struct pollfd pfd = { .fd = p[0], .events = POLLIN };
	check("a signal to a stopped process waits", poll(&pfd, 1, 50) == 0);
	kill(pid, SIGCONT);
	check("and is handled after SIGCONT", read(p[0], &c, 1) == 1 && c == 'u');
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	close(p[0]);
	close(p[1]);
}

static void tstp_in_own_group(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		setpgid(0, 0);
		for (;;)
			pause();
	}
	setpgid(pid, pid);
	wait_until_asleep(pid);
	kill(pid, SIGTSTP);
	check("SIGTSTP stops a process whose group is not orphaned",
	      waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status) && WSTOPSIG(status) == SIGTSTP);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
}

static volatile sig_atomic_t conts;

static void on_cont(int sig)
{
	(void)sig;
	conts++;
}

static void cont_handler(void)
{
	signal(SIGCONT, on_cont);
	raise(SIGCONT);
	check("SIGCONT to a running process runs its handler", conts == 1);
	signal(SIGCONT, SIG_DFL);
	raise(SIGCONT);
	check("SIGCONT left at default does nothing", conts == 1);
}

static void no_zombies(void)
{
	signal(SIGCHLD, SIG_IGN);
	for (int i = 0; i < 3; i++)
		if (fork() == 0)
			_exit(0);
	errno = 0;
	check("SIGCHLD ignored: wait says ECHILD once they are gone", wait(NULL) == -1 && errno == ECHILD);
	signal(SIGCHLD, SIG_DFL);

	struct sigaction sa = { .sa_handler = on_cont, .sa_flags = SA_NOCLDWAIT | SA_RESTART };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
	conts = 0;
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	errno = 0;
	check("SA_NOCLDWAIT: no zombie either", wait(NULL) == -1 && errno == ECHILD);
	check("SA_NOCLDWAIT: the handler still ran", conts == 1);
	signal(SIGCHLD, SIG_DFL);
}

int main(void)
{
	stop_and_continue();
	held_while_stopped();
	tstp_in_own_group();
	cont_handler();
	no_zombies();
	return test_failures;
}
