/*
 * tests/user/tools.c - the memory tools and demos of /bin run to completion
 * on our kernel: free (in each unit), ps, vmstat (once, and 1 2), pmap of
 * this process, demo_demand, demo_cow. Their output lands in the test's frame
 * for a human to read (Linux's procps prints the same layouts: user/README.md).
 * user-test: qemu
 */
#include <unistd.h>

#include "lib/proc.h"
#include "test.h"

extern char **environ;

/* runs: whether the program /bin/@argv[0] (../bin next to us) exits with 0. */
static int runs(const char *argv0, char *argv[])
{
	char name[64], path[PATH_MAX];

	snprintf(name, sizeof(name), "../bin/%s", argv[0]);
	return run_wait("tools", sibling(path, argv0, name), argv, environ, 127) == 0;
}

/* label: "@argv[0] @argv[1]... exits with 0" into @out (64 bytes), this pid said as PID. */
static const char *label(char *out, char *const argv[], const char *pid)
{
	size_t len = 0;

	for (int i = 0; argv[i]; i++)
		len += snprintf(out + len, 64 - len, "%s%s", i ? " " : "", argv[i] == pid ? "PID" : argv[i]);
	snprintf(out + len, 64 - len, " exits with 0");
	return out;
}

int main(int argc, char *argv[])
{
	static char pid[16];
	static char *cmds[][4] = {
		{ "free", NULL }, { "free", "-m", NULL }, { "free", "-h", NULL }, { "ps", NULL },
		{ "vmstat", NULL }, { "vmstat", "1", "2", NULL }, { "pmap", pid, NULL },
		{ "demo_demand", NULL }, { "demo_cow", NULL },
	};

	(void)argc;
	snprintf(pid, sizeof(pid), "%d", getpid());
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		char what[64];
		check(label(what, cmds[i], pid), runs(argv[0], cmds[i]));
		fflush(stdout);
	}
	return test_failures;
}
