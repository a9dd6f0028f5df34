/*
 * tests/user/malloc.c - musl's malloc on the kernel's brk and mmap: the break
 * moves, many small blocks keep their contents, big blocks (mmap'ed) are
 * usable, realloc keeps contents, calloc and fresh memory are zeroed.
 * user-test: diff
 */
#include <stdint.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "test.h"

#define SMALL 2000

/* all_equal: whether all @n bytes at @p are @value. */
static int all_equal(const unsigned char *p, size_t n, unsigned char value)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != value)
			return 0;
	return 1;
}

/* brk_moves: grow the break by 64 KiB (before malloc uses it), touch the new
 * memory, which must read as zero, and give it back. musl's sbrk refuses to
 * move the break, so this is the raw system call. */
static int brk_moves(void)
{
	uintptr_t start = syscall(SYS_brk, 0);
	uintptr_t end = start + 65536;

	if (start % 4096 != 0 || (uintptr_t)syscall(SYS_brk, end) != end)
		return 0;
	int zeroed = all_equal((unsigned char *)start, end - start, 0);
	((unsigned char *)start)[end - start - 1] = 1;
	return zeroed && (uintptr_t)syscall(SYS_brk, start) == start;
}

/* small_size: the size of small block @i when allocated in round @round. */
static size_t small_size(int i, int round)
{
	return 1 + (i * 37 + round) % 500;
}

/* new_block: malloc(@size) filled with @byte, or NULL. */
static unsigned char *new_block(size_t size, int byte)
{
	unsigned char *p = malloc(size);

	if (p)
		memset(p, byte, size);
	return p;
}

/* small_blocks: SMALL blocks of 1..500 bytes, each filled with its own byte;
 * the odd ones freed and allocated again with other sizes; check all. */
static int small_blocks(void)
{
	static unsigned char *block[SMALL];
	int ok = 1;

	for (int i = 0; i < SMALL; i++)
		if (!(block[i] = new_block(small_size(i, 0), i & 0xff)))
			return 0;
	for (int i = 1; i < SMALL; i += 2) {
		free(block[i]);
		if (!(block[i] = new_block(small_size(i, 1), i & 0xff)))
			return 0;
	}
	for (int i = 0; i < SMALL; i++) {
		ok &= all_equal(block[i], small_size(i, i % 2), i & 0xff);
		free(block[i]);
	}
	return ok;
}

/* big_block: malloc(@size), fill it, check it, free it. */
static int big_block(size_t size)
{
	unsigned char *p = malloc(size);

	if (!p)
		return 0;
	memset(p, 0x5a, size);
	int ok = all_equal(p, size, 0x5a);
	free(p);
	return ok;
}

/* realloc_keeps: grow a block from 100 bytes to 1 MiB to 16 MiB and shrink
 * it to 50: the first bytes survive every move. */
static int realloc_keeps(void)
{
	size_t sizes[] = { 1 << 20, 16 << 20, 50 };
	unsigned char *p = malloc(100);
	int ok = p != NULL;

	for (int i = 0; p && i < 100; i++)
		p[i] = i;
	for (size_t s = 0; ok && s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		unsigned char *q = realloc(p, sizes[s]);
		if (!q)
			break;
		p = q;
		for (int i = 0; i < 50; i++)
			ok &= p[i] == i;
	}
	free(p);
	return ok;
}

/* calloc_zeroes: dirty 8 MiB, free it, calloc the same size: all zero. */
static int calloc_zeroes(void)
{
	size_t size = 8 << 20;
	unsigned char *p = malloc(size);

	if (!p)
		return 0;
	memset(p, 0xff, size);
	free(p);
	p = calloc(1, size);
	int ok = p && all_equal(p, size, 0);
	free(p);
	return ok;
}

int main(void)
{
	check("brk grows by 64 KiB of zeroed memory and shrinks back", brk_moves());
	check("2000 small blocks keep their contents", small_blocks());
	check("malloc(64 KiB) usable", big_block(64 << 10));
	check("malloc(1 MiB) usable", big_block(1 << 20));
	check("malloc(32 MiB) usable", big_block(32 << 20));
	check("realloc keeps the contents", realloc_keeps());
	check("calloc(8 MiB) after a dirty free is zeroed", calloc_zeroes());
	return test_failures;
}
