/*
 * tests/user/proc_write.c - the writable files: /proc/PID/oom_score_adj takes
 * a number in -1000..1000 (Linux: oom_score_adj_write, kstrtoint of the
 * stripped text, any base), anything else fails with EINVAL and changes
 * nothing; a child inherits it; oom_score follows it. /proc/sys/vm refuses
 * values out of range the same way (proc_dointvec_minmax). Same on Linux,
 * where only writes that change nothing touch /proc/sys (it is the host's).
 * user-test: diff
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/procfs.h"
#include "test.h"

/* put: write @text to @path in one write; 0, or the errno. */
static int put(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);
	int err = fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text) ? errno : 0;

	if (fd >= 0)
		close(fd);
	return err;
}

/* get: the number in @path, or -99999 if it cannot be read. */
static long long get(const char *path)
{
	char buf[64];
	return read_text(path, buf, sizeof(buf)) > 0 ? atoll(buf) : -99999;
}

/* child_adj: the oom_score_adj a child of ours reads for itself. */
static long long child_adj(void)
{
	int status;

	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit((int)get("/proc/self/oom_score_adj") / 100);
	waitpid(pid, &status, 0);
	return WEXITSTATUS(status) * 100;
}

/* sysctl_refuses: writes of @bad values to /proc/sys/vm/@name fail with EINVAL
 * and leave it as it was; writing the value back as it is works. */
static int sysctl_refuses(const char *name, const char *const bad[], int n)
{
	char path[64], now[32];

	snprintf(path, sizeof(path), "/proc/sys/vm/%s", name);
	long long before = get(path);
	int ok = before >= 0;
	for (int i = 0; i < n; i++)
		ok &= put(path, bad[i]) == EINVAL && get(path) == before;
	snprintf(now, sizeof(now), "%lld\n", before);
	return ok && put(path, now) == 0 && get(path) == before;
}

int main(void)
{
	const char *adj = "/proc/self/oom_score_adj";
	static const char *const bad_swappiness[] = { "201", "-1", "abc", "1x" };
	static const char *const bad_overcommit[] = { "3", "-1", "two" };
	static const char *const bad_min_free[] = { "-5", "lots", "\n" };

	long long score = get("/proc/self/oom_score");
	check("oom_score_adj: 500 is taken", put(adj, "500") == 0 && get(adj) == 500);
	check("oom_score_adj: 1001 is refused with EINVAL, 500 stays", put(adj, "1001") == EINVAL && get(adj) == 500);
	check("oom_score_adj: \"abc\" is refused with EINVAL, 500 stays", put(adj, "abc") == EINVAL && get(adj) == 500);
	check("oom_score_adj: \"12 13\" and \"\" are refused", put(adj, "12 13") == EINVAL && put(adj, "") == EINVAL);
	check("oom_score_adj: \" 300\\n\" is 300 (blanks around are fine)", put(adj, " 300\n") == 0 && get(adj) == 300);
	check("oom_score_adj: \"0x100\" is 256, \"0400\" is 256 (any base)",
	      put(adj, "0x100") == 0 && get(adj) == 256 && put(adj, "0400") == 0 && get(adj) == 256);
	check("oom_score_adj: 1000 is taken, and oom_score grows", put(adj, "1000") == 0 && get("/proc/self/oom_score") > score);
	check("a child inherits oom_score_adj", put(adj, "700") == 0 && child_adj() == 700);
	check("swappiness: 201, -1, abc, 1x refused, unchanged; its value back taken",
	      sysctl_refuses("swappiness", bad_swappiness, 4));
	check("overcommit_memory: 3, -1, two refused, unchanged; its value back taken",
	      sysctl_refuses("overcommit_memory", bad_overcommit, 3));
	check("min_free_kbytes: -5, lots, a bare newline refused, unchanged; its value back taken",
	      sysctl_refuses("min_free_kbytes", bad_min_free, 3));
	long long min_free = get("/proc/sys/vm/min_free_kbytes");
	check("min_free_kbytes: an empty write does nothing and succeeds",
	      put("/proc/sys/vm/min_free_kbytes", "") == 0 && get("/proc/sys/vm/min_free_kbytes") == min_free);
	return test_failures;
}
