/*
 * tests/host/test_string.c - kernel/lib/string.c against the host's libc.
 * kernel/lib/string.c builds its functions as k_NAME under HOST_TEST; the same
 * renames below make kernel/lib/string.h declare them under those names here.
 * Each memory test works inside a larger arena and compares the whole arena
 * with what libc produced, so a write outside the range is caught too (ASan
 * does not see the accesses made by inline asm).
 */
/* host-test-sources: kernel/lib/string.c */
#include <stdlib.h>
#include <string.h>
#include "tests/host/shim.h"

#include "tests/host/k_string_names.h"
#include "kernel/lib/string.h"
#undef memset
#undef memcpy
#undef memmove
#undef memcmp
#undef strlen
#undef strnlen
#undef strcmp
#undef strncmp
#undef strchr
#undef strlcpy

#define ARENA 256
#define MAX_LEN 67 /* lengths 0..67: every tail with several quadwords */

static unsigned char got[ARENA], want[ARENA];

/* fill_random: set @n bytes at @p to pseudo-random values (fixed seed per test). */
static void fill_random(unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)rand();
}

/* reset_arenas: give got and want the same random contents. */
static void reset_arenas(void)
{
	fill_random(want, ARENA);
	memcpy(got, want, ARENA);
}

static void test_memset_lengths_and_offsets(void **state)
{
	(void)state;
	srand(1);
	for (size_t len = 0; len <= MAX_LEN; len++) {
		for (size_t off = 0; off < 16; off++) {
			int c = rand() % 512 - 256; /* only the low byte counts */
			reset_arenas();
			assert_ptr_equal(k_memset(got + off, c, len), got + off);
			memset(want + off, c, len);
			assert_memory_equal(got, want, ARENA);
		}
	}
}

static void test_memset_random_offsets(void **state)
{
	(void)state;
	srand(2);
	for (int i = 0; i < 2000; i++) {
		size_t len = rand() % (MAX_LEN + 1);
		size_t off = rand() % (ARENA - MAX_LEN);
		int c = rand();
		reset_arenas();
		k_memset(got + off, c, len);
		memset(want + off, c, len);
		assert_memory_equal(got, want, ARENA);
	}
}

static void test_memcpy_lengths_and_offsets(void **state)
{
	unsigned char src[ARENA];

	(void)state;
	srand(3);
	for (size_t len = 0; len <= MAX_LEN; len++) {
		for (size_t doff = 0; doff < 9; doff++) {
			for (size_t soff = 0; soff < 9; soff++) {
				fill_random(src, ARENA);
				reset_arenas();
				assert_ptr_equal(k_memcpy(got + doff, src + soff, len), got + doff);
				memcpy(want + doff, src + soff, len);
				assert_memory_equal(got, want, ARENA);
			}
		}
	}
}

static void test_memcpy_random_offsets(void **state)
{
	unsigned char src[ARENA];

	(void)state;
	srand(4);
	for (int i = 0; i < 2000; i++) {
		size_t len = rand() % (MAX_LEN + 1);
		size_t doff = rand() % (ARENA - MAX_LEN);
		size_t soff = rand() % (ARENA - MAX_LEN);
		fill_random(src, ARENA);
		reset_arenas();
		k_memcpy(got + doff, src + soff, len);
		memcpy(want + doff, src + soff, len);
		assert_memory_equal(got, want, ARENA);
	}
}

/* check_memmove: k_memmove and libc memmove within one arena agree. */
static void check_memmove(size_t doff, size_t soff, size_t len)
{
	reset_arenas();
	assert_ptr_equal(k_memmove(got + doff, got + soff, len), got + doff);
	memmove(want + doff, want + soff, len);
	assert_memory_equal(got, want, ARENA);
}

static void test_memmove_every_overlap(void **state)
{
	(void)state;
	srand(5);
	/* distances -20..20 cover dst below, equal to, and above src, overlapping or not */
	for (size_t len = 0; len <= MAX_LEN; len++) {
		for (int dist = -20; dist <= 20; dist++) {
			size_t base = 64 + (size_t)rand() % 16;
			check_memmove(base + dist, base, len);
		}
	}
}

static void test_memmove_random(void **state)
{
	(void)state;
	srand(6);
	for (int i = 0; i < 5000; i++) {
		size_t len = rand() % (ARENA / 2);
		size_t doff = rand() % (ARENA - len + 1);
		size_t soff = rand() % (ARENA - len + 1);
		check_memmove(doff, soff, len);
	}
}

static void test_memmove_leaves_direction_flag_clear(void **state)
{
	unsigned long flags;

	(void)state;
	k_memmove(got + 8, got, 100); /* the backward path sets DF */
	__asm__ volatile("pushfq; popq %0" : "=r"(flags));
	assert_int_equal(flags & (1ul << 10), 0);
}

/* sign: -1, 0 or 1 as @x is negative, zero or positive. */
static int sign(int x)
{
	return (x > 0) - (x < 0);
}

static void test_memcmp(void **state)
{
	unsigned char a[MAX_LEN + 8], b[MAX_LEN + 8];

	(void)state;
	srand(7);
	for (size_t len = 0; len <= MAX_LEN; len++) {
		for (int i = 0; i < 50; i++) {
			fill_random(a, len);
			memcpy(b, a, len);
			if (len > 0 && i > 0) /* i == 0: equal buffers */
				b[rand() % len] = (unsigned char)rand();
			assert_int_equal(sign(k_memcmp(a, b, len)), sign(memcmp(a, b, len)));
		}
	}
	/* bytes compare unsigned: 0x80 is above 0x7f */
	assert_true(k_memcmp("\x80", "\x7f", 1) > 0);
	assert_int_equal(k_memcmp("abX", "abY", 2), 0);
}

static void test_strlen_and_strnlen(void **state)
{
	char s[MAX_LEN + 1];

	(void)state;
	for (size_t len = 0; len <= MAX_LEN; len++) {
		memset(s, 'x', len);
		s[len] = '\0';
		assert_int_equal(k_strlen(s), len);
		for (size_t max = 0; max <= len + 2; max++)
			assert_int_equal(k_strnlen(s, max), strnlen(s, max));
	}
	/* strnlen must not read past @max: this buffer has no NUL at all */
	char *no_nul = malloc(5);
	assert_non_null(no_nul);
	memcpy(no_nul, "abcde", 5);
	assert_int_equal(k_strnlen(no_nul, 5), 5);
	assert_int_equal(k_strnlen(no_nul, 3), 3);
	free(no_nul);
}

static const char *const words[] = {
	"", "a", "b", "ab", "abc", "abd", "abcd", "ABC", "a\x80", "a\x7f",
	"\xff", "hello world", "hello", "hello!",
};
#define NWORDS (sizeof(words) / sizeof(words[0]))

static void test_strcmp_and_strncmp(void **state)
{
	(void)state;
	for (size_t i = 0; i < NWORDS; i++) {
		for (size_t j = 0; j < NWORDS; j++) {
			const char *a = words[i], *b = words[j];
			assert_int_equal(sign(k_strcmp(a, b)), sign(strcmp(a, b)));
			for (size_t n = 0; n < 14; n++)
				assert_int_equal(sign(k_strncmp(a, b, n)), sign(strncmp(a, b, n)));
		}
	}
}

static void test_strchr(void **state)
{
	const char *s = "kernel=vmlinuz init=/sbin/init";

	(void)state;
	for (int c = -256; c < 256; c++)
		assert_ptr_equal(k_strchr(s, c), strchr(s, c));
	assert_ptr_equal(k_strchr(s, '\0'), s + strlen(s));
	assert_ptr_equal(k_strchr(s, '=' + 256), s + 6); /* only (char)c counts */
	assert_null(k_strchr("", 'a'));
}

static void test_strlcpy(void **state)
{
	char buf[16];
	const char *src = "0123456789"; /* 10 bytes */

	(void)state;
	for (size_t size = 0; size <= sizeof(buf); size++) {
		memset(buf, '#', sizeof(buf));
		assert_int_equal(k_strlcpy(buf, src, size), 10);
		if (size == 0) {
			assert_int_equal(buf[0], '#'); /* nothing written */
			continue;
		}
		size_t copied = size - 1 < 10 ? size - 1 : 10;
		assert_memory_equal(buf, src, copied);
		assert_int_equal(buf[copied], '\0');
		for (size_t i = copied + 1; i < sizeof(buf); i++)
			assert_int_equal(buf[i], '#');
	}
	assert_int_equal(k_strlcpy(buf, "", sizeof(buf)), 0);
	assert_string_equal(buf, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memset_lengths_and_offsets),
		cmocka_unit_test(test_memset_random_offsets),
		cmocka_unit_test(test_memcpy_lengths_and_offsets),
		cmocka_unit_test(test_memcpy_random_offsets),
		cmocka_unit_test(test_memmove_every_overlap),
		cmocka_unit_test(test_memmove_random),
		cmocka_unit_test(test_memmove_leaves_direction_flag_clear),
		cmocka_unit_test(test_memcmp),
		cmocka_unit_test(test_strlen_and_strnlen),
		cmocka_unit_test(test_strcmp_and_strncmp),
		cmocka_unit_test(test_strchr),
		cmocka_unit_test(test_strlcpy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
