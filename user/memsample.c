/*
 * user/memsample.c - `memsample MS PROG [ARGS...]`: run PROG and, every MS
 * milliseconds until it ends, print one line of the memory figures that
 * /proc keeps, for scripts/plot.py to draw (make plot; docs/labs/README.md):
 *   MEMSAMPLE t_ms=T MemFree=.. MemAvailable=.. Cached=.. SwapTotal=.. SwapFree=..
 *     pgfault=.. pgmajfault=.. pswpin=.. pswpout=.. pgscan_kswapd=.. pgscan_direct=..
 *     pgsteal_kswapd=.. pgsteal_direct=.. allocstall_normal=.. oom_kill=..
 * (kB for memory, counts since boot for the rest), then at the end one line
 *   MEMSAMPLE_WATERMARKS min=.. low=.. high=.. (pages, /proc/zoneinfo's Normal zone)
 * and "memsample: N samples, PROG exited S". /proc/pressure/memory, when the
 * kernel has it, adds some_avg10=.. full_avg10=... The lines go to the
 * console, the serial port QEMU writes to the host: no second channel needed.
 * The sampler itself takes no memory while it runs (static buffers) and
 * locks what it has, so that it is not what it measures.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lib/procfs.h"

static const char *const meminfo_keys[] = { "MemFree", "MemAvailable", "Cached", "SwapTotal", "SwapFree" };
static const char *const vmstat_keys[] = { "pgfault", "pgmajfault", "pswpin", "pswpout", "pgscan_kswapd",
					   "pgscan_direct", "pgsteal_kswapd", "pgsteal_direct", "allocstall_normal",
					   "oom_kill" };

/* value_of: the number after "@key" and @sep at the start of a line of @text; -1 if none. */
static long long value_of(const char *text, const char *key, char sep)
{
	char want[64];

	snprintf(want, sizeof(want), "%s%c", key, sep);
	return line_value(text, want);
}

/* sample: one MEMSAMPLE line at @t_ms. */
static void sample(long t_ms)
{
	static char meminfo[4096], vmstat[8192], psi[512];

	read_text("/proc/meminfo", meminfo, sizeof(meminfo));
	read_text("/proc/vmstat", vmstat, sizeof(vmstat));
	printf("MEMSAMPLE t_ms=%ld", t_ms);
	for (unsigned i = 0; i < sizeof(meminfo_keys) / sizeof(meminfo_keys[0]); i++)
		printf(" %s=%lld", meminfo_keys[i], value_of(meminfo, meminfo_keys[i], ':'));
	for (unsigned i = 0; i < sizeof(vmstat_keys) / sizeof(vmstat_keys[0]); i++)
		printf(" %s=%lld", vmstat_keys[i], value_of(vmstat, vmstat_keys[i], ' '));
	if (read_text("/proc/pressure/memory", psi, sizeof(psi)) > 0) {
		const char *some = strstr(psi, "some avg10="), *full = strstr(psi, "full avg10=");
		if (some && full)
			printf(" some_avg10=%.2f full_avg10=%.2f", atof(some + 11), atof(full + 11));
	}
	printf("\n");
	fflush(stdout);
}

/* zone_field: the number after the indented "@name" line of the zone text @zone
 * (as "        min      232"); -1 if none. */
static long long zone_field(const char *zone, const char *name)
{
	size_t n = strlen(name);

	for (const char *l = strchr(zone, '\n'); l; l = strchr(l + 1, '\n')) {
		const char *w = l + 1;
		while (*w == ' ')
			w++;
		if (!strncmp(w, name, n) && w[n] == ' ')
			return atoll(w + n);
		if (!strncmp(w, "Node ", 5))
			break; /* the next zone */
	}
	return -1;
}

/* watermarks: the MEMSAMPLE_WATERMARKS line from /proc/zoneinfo's Normal zone, if there is one. */
static void watermarks(void)
{
	static char zoneinfo[16384];
	const char *zone;

	if (read_text("/proc/zoneinfo", zoneinfo, sizeof(zoneinfo)) <= 0 ||
	    !(zone = strstr(zoneinfo, "zone   Normal")))
		return;
	printf("MEMSAMPLE_WATERMARKS min=%lld low=%lld high=%lld\n", zone_field(zone, "min"),
	       zone_field(zone, "low"), zone_field(zone, "high"));
}

/* now_ms: CLOCK_MONOTONIC in milliseconds. */
static long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

int main(int argc, char *argv[])
{
	long interval, start;
	int status = 0, samples = 0;

	if (argc < 3 || (interval = atol(argv[1])) <= 0) {
		fprintf(stderr, "usage: memsample MS PROG [ARGS...]\n");
		return 2;
	}
	mlockall(MCL_CURRENT | MCL_FUTURE);
	start = now_ms();
	sample(0);
	samples++;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		execv(argv[2], argv + 2);
		perror("memsample: exec");
		_exit(127);
	}
	for (;;) {
		struct timespec pause = { interval / 1000, interval % 1000 * 1000000 };
		pid_t done = waitpid(pid, &status, WNOHANG);

		sample(now_ms() - start);
		samples++;
		if (done == pid || done < 0)
			break;
		nanosleep(&pause, NULL);
	}
	watermarks();
	printf("memsample: %d samples, %s exited %d\n", samples, argv[2],
	       WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	return 0;
}
