/*
 * tests/user/segv.c - a bad access kills only the process that made it, with
 * SIGSEGV, and the memory around it stays as it was: holes punched by munmap
 * at the head, in the middle and at the tail of a mapping fault while the
 * pieces left keep their data and take writes; a write to memory made
 * read-only is a protection fault even where the page is shared
 * copy-on-write with the parent or is the zero page (no copy is made), and a
 * child's mprotect leaves the parent's mapping alone; code copied to the
 * heap (malloc) or to an anonymous read-write mapping does not run (NX),
 * the same code made executable with mprotect does; a touch 64 MiB below the
 * stack pointer is no stack growth; reading NULL faults.
 * Each bad access is made in a forked child; the parent prints how it ended.
 * user-test: diff
 */
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"
#include "lib/pages.h"

#define RW    (PROT_READ | PROT_WRITE)
#define PAGES 8

/* mov eax, 42; ret */
static const unsigned char code[] = { 0xb8, 42, 0, 0, 0, 0xc3 };

static volatile char sink;

/* in_child: run @fn(@arg) in a child, which then exits 0; print how the child ended. */
static void in_child(const char *what, void (*fn)(volatile char *), volatile char *arg)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		fn(arg);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		printf("%s: %s\n", what, strsignal(WTERMSIG(status)));
	else
		printf("%s: exited with %d\n", what, WEXITSTATUS(status));
}

static void read_byte(volatile char *p) { sink = *p; }
static void write_byte(volatile char *p) { *p = 1; }

/* write_read_only: make the page at @p read-only, then write it. */
static void write_read_only(volatile char *p)
{
	mprotect((void *)p, PAGE, PROT_READ);
	*p = 1;
}

/* run: call @p as a function; exit with what it returns. */
static void run(volatile char *p)
{
	_exit(((int (*)(void))(uintptr_t)p)());
}

/* holes: unmap the head, two middle pages and the tail of PAGES pages,
 * page i holding 'a' + i; the holes fault, the pieces left work. */
static void holes(void)
{
	char *p = mmap(NULL, PAGES * PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int kept = 1;

	for (int i = 0; i < PAGES; i++)
		p[i * PAGE] = 'a' + i;
	check("munmap the head", munmap(p, PAGE) == 0);
	check("munmap two middle pages", munmap(p + 3 * PAGE, 2 * PAGE) == 0);
	check("munmap the tail", munmap(p + 7 * PAGE, PAGE) == 0);
	in_child("read the head hole", read_byte, p);
	in_child("write the head hole", write_byte, p + PAGE - 1);
	in_child("read the middle hole", read_byte, p + 4 * PAGE);
	in_child("write the middle hole", write_byte, p + 3 * PAGE);
	in_child("read the tail hole", read_byte, p + 7 * PAGE);
	in_child("write the tail hole", write_byte, p + 8 * PAGE - 1);
	for (int i = 1; i < PAGES - 1; i++)
		if (i != 3 && i != 4) {
			kept &= p[i * PAGE] == 'a' + i;
			p[i * PAGE + 1] = 'z';
		}
	check("the pieces left keep their data and take writes", kept);
	munmap(p + PAGE, 6 * PAGE);
}

/* read_only: protection faults on a page shared copy-on-write and on the zero page. */
static void read_only(void)
{
	char *p = mmap(NULL, 2 * PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	p[0] = 'x';
	sink = p[PAGE];
	in_child("write a copy-on-write page after mprotect read-only", write_read_only, p);
	check("the parent's page is unchanged", p[0] == 'x');
	p[0] = 'y';
	in_child("write a zero page after mprotect read-only", write_read_only, p + PAGE);
	check("the parent's zero page still reads zero", p[PAGE] == 0);
	mprotect(p, 2 * PAGE, PROT_READ);
	in_child("write a read-only page shared with the parent", write_byte, p);
	check("mprotect back to read-write", mprotect(p, 2 * PAGE, RW) == 0);
	check("the parent's page kept its data", p[0] == 'y');
	p[0] = 'z';
	munmap(p, 2 * PAGE);
}

/* no_execute: code in the heap and in read-write memory does not run; made executable, it does. */
static void no_execute(void)
{
	char *heap = malloc(64);
	char *p = mmap(NULL, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	memcpy(heap, code, sizeof(code));
	memcpy(p, code, sizeof(code));
	in_child("run code in the heap", run, heap);
	in_child("run code in a read-write mapping", run, p);
	check("mprotect read-execute", mprotect(p, PAGE, PROT_READ | PROT_EXEC) == 0);
	in_child("run it after mprotect read-execute", run, p);
	free(heap);
	munmap(p, PAGE);
}

int main(void)
{
	struct rlimit no_core = { 0, 0 };

	setrlimit(RLIMIT_CORE, &no_core); /* no core files on Linux */
	setvbuf(stdout, NULL, _IONBF, 0); /* children must not flush the parent's buffer */
	holes();
	read_only();
	no_execute();
	in_child("write 64 MiB below the stack", write_byte, (char *)__builtin_frame_address(0) - (64ul << 20));
	in_child("read NULL", read_byte, NULL);
	return test_failures;
}
