/*
 * docs/tour/labs/vmlab.c - the tour's lab program: memory at a fixed address,
 * LAB = 0x20000000, so that a gdb session can stop on exactly its faults.
 *
 *   vmlab zero   (chapter 5) read page 0 of LAB, write page 0, write page 1
 *   vmlab cow    (chapter 6) write LAB, fork; the child writes it; the parent
 *                writes it again after the child has exited
 *   vmlab maps   (chapter 7) mmap 8 pages, munmap 2 in the middle, mprotect 1
 *                read-only, move the break up 3 pages; the maps after each step
 *
 * After each step it prints what the step cost: VmRSS and minor faults of this
 * process, and the fault counters of /proc/vmstat ("-" where Linux has none).
 * Build it and put it in the initrd's /bin (docs/tour/README.md):
 *   mkdir -p build/labs && musl-gcc -static -O2 -o build/labs/vmlab docs/tour/labs/vmlab.c
 *   make run EXTRA=build/labs INIT="/bin/vmlab zero"
 * It runs on Linux too (gcc -static works there); the numbers are that machine's.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define LAB  ((char *)0x20000000ul)
#define PAGE 4096ul

static const char *const counters[] = { "pgfault_zero", "pgfault_demand", "pgfault_cow", "pgfault_cow_reuse" };
#define NCOUNTERS (sizeof(counters) / sizeof(counters[0]))

struct snap {
	long rss_kb, minflt;
	long ev[NCOUNTERS]; /* -1: no such counter (Linux) */
};

static char buf[16384]; /* one /proc file at a time; static: no fault of its own between two snapshots */

/* slurp: the text of @path into buf; its length, or 0. */
static size_t slurp(const char *path)
{
	int fd = open(path, O_RDONLY);
	ssize_t n, len = 0;

	if (fd < 0)
		return 0;
	while ((n = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = 0;
	return (size_t)len;
}

/* field: the number after "@name" at the start of a line of buf (@name ends in ':' or ' '); -1 if absent. */
static long field(const char *name)
{
	size_t n = strlen(name);

	for (char *line = buf; *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : line + strlen(line))
		if (!strncmp(line, name, n))
			return strtol(line + n, NULL, 10);
	return -1;
}

static void take(struct snap *s)
{
	struct rusage ru;
	char name[64];

	slurp("/proc/self/status");
	s->rss_kb = field("VmRSS:");
	slurp("/proc/vmstat");
	for (size_t i = 0; i < NCOUNTERS; i++) {
		snprintf(name, sizeof(name), "%s ", counters[i]);
		s->ev[i] = field(name);
	}
	getrusage(RUSAGE_SELF, &ru);
	s->minflt = ru.ru_minflt;
}

/* report: what happened between @a and @b, as one line headed @what. */
static void report(const char *what, const struct snap *a, const struct snap *b)
{
	printf("%-22s VmRSS %+5ld kB  minflt %+3ld", what, b->rss_kb - a->rss_kb, b->minflt - a->minflt);
	for (size_t i = 0; i < NCOUNTERS; i++) {
		if (a->ev[i] < 0)
			printf("  %s -", counters[i]);
		else
			printf("  %s %+ld", counters[i], b->ev[i] - a->ev[i]);
	}
	printf("\n");
	fflush(stdout);
}

/* lab_map: @pages private anonymous pages at LAB, read-write. */
static void lab_map(unsigned long pages)
{
	if (mmap(LAB, pages * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) ==
	    MAP_FAILED) {
		perror("vmlab: mmap");
		exit(1);
	}
}

static int zero(void)
{
	struct snap a, b;
	volatile char *p = LAB;
	char c;

	lab_map(4);
	take(&a);
	c = p[0]; /* a read of memory never written: the zero page */
	take(&b);
	report("read page 0", &a, &b);
	take(&a);
	p[0] = 1; /* a write to the zero page: a copy-on-write fault */
	take(&b);
	report("write page 0", &a, &b);
	take(&a);
	p[PAGE] = 1; /* a first write: a demand fault */
	take(&b);
	report("write page 1", &a, &b);
	return c;
}

static int cow(void)
{
	struct snap a, b;
	volatile char *p = LAB;
	int status;

	lab_map(1);
	take(&a);
	p[0] = 1;
	take(&b);
	report("parent writes", &a, &b);
	if (fork() == 0) {
		take(&a);
		p[0] = 2; /* shared with the parent: copied */
		take(&b);
		report("child writes", &a, &b);
		_exit(p[0] == 2 ? 0 : 1);
	}
	wait(&status);
	take(&a);
	p[0] = 3; /* the child is gone: the last mapping, reused */
	take(&b);
	report("parent writes again", &a, &b);
	return !(WIFEXITED(status) && WEXITSTATUS(status) == 0 && p[0] == 3);
}

/* show_maps: the lines of /proc/self/maps for LAB's region and the heap, headed @what. */
static void show_maps(const char *what)
{
	printf("-- %s\n", what);
	slurp("/proc/self/maps");
	for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n"))
		if (!strncmp(line, "20", 2) || strstr(line, "[heap]"))
			printf("%s\n", line);
	fflush(stdout);
}

static int maps(void)
{
	long brk0 = syscall(SYS_brk, 0); /* musl's sbrk refuses to move the break: call it raw */

	lab_map(8);
	show_maps("mmap 8 pages at 0x20000000");
	munmap(LAB + 2 * PAGE, 2 * PAGE);
	show_maps("munmap pages 2 and 3");
	mprotect(LAB + 5 * PAGE, PAGE, PROT_READ);
	show_maps("mprotect page 5 read-only");
	syscall(SYS_brk, brk0 + 3 * PAGE);
	show_maps("brk up 3 pages");
	return 0;
}

int main(int argc, char *argv[])
{
	const char *mode = argc > 1 ? argv[1] : "";
	struct snap warm;

	take(&warm); /* fault in what take() itself touches, so that no step pays for it */

	if (!strcmp(mode, "zero"))
		return zero();
	if (!strcmp(mode, "cow"))
		return cow();
	if (!strcmp(mode, "maps"))
		return maps();
	fprintf(stderr, "usage: vmlab zero|cow|maps\n");
	return 2;
}
