/*
 * user/bench/brk.c - `brk [MIB]`: the heap grown one 4 KiB page at a time to
 * MIB (default 32) and shrunk back the same way, with the brk system call
 * itself (musl's sbrk refuses to move the break):
 *   brk_grow    brk up by a page, then a write to that page (as malloc would)
 *   brk_shrink  brk down by a page: the page and its frame are freed
 */
#include <sys/syscall.h>
#include <unistd.h>

#include "lib/bench.h"

/* set_brk: move the break to @to; dies unless the kernel did. */
static void set_brk(uintptr_t to)
{
	if ((uintptr_t)syscall(SYS_brk, to) != to)
		bench_fail("brk: the break did not move");
}

int main(int argc, char *argv[])
{
	long pages = bench_arg(argc, argv, 1, 32) * (long)(MIB / PAGE);
	/* The first step starts on a page boundary, so each one adds exactly one page. */
	uintptr_t cur = ((uintptr_t)syscall(SYS_brk, 0) + PAGE - 1) & ~(PAGE - 1);
	struct bench_sum grow = { 0 }, shrink = { 0 };
	struct bench_mark start;

	set_brk(cur);
	start = bench_mark();
	for (long i = 0; i < pages; i++) {
		cur += PAGE;
		set_brk(cur);
		*(volatile uint8_t *)(cur - PAGE) = 1;
	}
	bench_add(&grow, &start, pages);

	start = bench_mark();
	for (long i = 0; i < pages; i++) {
		cur -= PAGE;
		set_brk(cur);
	}
	bench_add(&shrink, &start, pages);
	bench_print("brk_grow", &grow);
	bench_print("brk_shrink", &shrink);
	return 0;
}
