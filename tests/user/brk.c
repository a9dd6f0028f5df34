/*
 * tests/user/brk.c - the brk system call as Linux defines it, called raw
 * (musl's brk() and sbrk() refuse to move the break): brk(0) returns the
 * break; growing returns the new break, any byte address, and the heap ends
 * with the page holding it; shrinking returns the new break and unmaps the
 * whole pages above it (a touch there is SIGSEGV) while the page holding it
 * keeps its bytes; growing again brings zeroed pages; a break must leave a
 * free page below the next mapping; a request that cannot be met (into a
 * mapping, past user space) returns the old break and changes nothing.
 * user-test: diff
 */
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"
#include "lib/pages.h"

#define USER_END (1ul << 47) /* the end of x86-64 user space */
#define MAPPING  16          /* a page is mapped this many pages above the break's start */

/* brk_to: the raw brk system call; the break it returns. */
static char *brk_to(void *addr)
{
	return (char *)syscall(SYS_brk, addr);
}

/* grow_and_shrink: the break moves in bytes, the heap in pages. */
static void grow_and_shrink(char *start)
{
	char *end = start + 3 * PAGE + 100;

	check("the break starts page-aligned", ((uintptr_t)start & (PAGE - 1)) == 0);
	check("growing returns the new break", brk_to(end) == end);
	check("brk(0) returns it", brk_to(NULL) == end);
	touch_in_child("write the last byte of the page holding the break", start + 4 * PAGE - 1, 1);
	touch_in_child("write the page above it", start + 4 * PAGE, 1);
	start[200] = 'x';
	start[PAGE] = 'y';
	check("shrinking returns the new break", brk_to(start + 100) == start + 100);
	touch_in_child("write a page above the new break", start + PAGE, 1);
	check("the page holding the break keeps its bytes", start[200] == 'x');
	check("growing again", brk_to(start + 2 * PAGE) == start + 2 * PAGE);
	check("brings a zeroed page", all_zero(start + PAGE, PAGE));
}

/* refused: breaks that cannot be: across a mapping, past user space, right at the mapping. */
static void refused(char *start)
{
	char *old = brk_to(NULL);
	char *mapping = start + MAPPING * PAGE;

	check("a page mapped above the heap",
	      mmap(mapping, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
		   -1, 0) == mapping);
	*mapping = 'm';
	start[PAGE] = 'h';
	check("a break across it returns the old break", brk_to(mapping + PAGE) == old);
	check("a break past user space returns the old break", brk_to((void *)USER_END) == old);
	check("brk(0) still returns the old break", brk_to(NULL) == old);
	check("the heap and the mapping kept their bytes", start[PAGE] == 'h' && *mapping == 'm');
	check("a break right at the mapping returns the old break", brk_to(mapping) == old);
	check("a break a page below the mapping is fine", brk_to(mapping - PAGE) == mapping - PAGE);
	munmap(mapping, PAGE);
}

int main(void)
{
	char *start = brk_to(NULL);

	setvbuf(stdout, NULL, _IONBF, 0); /* children must not flush the parent's buffer */
	grow_and_shrink(start);
	refused(start);
	check("brk back to the start", brk_to(start) == start);
	return test_failures;
}
