/*
 * tests/host/test_exec_stack.c - the initial stack image: each image is read
 * back the way a C library's start-up code reads it (argc at RSP, then argv,
 * envp and auxv through their pointers), so the tests check what a program
 * would actually see, plus the psABI's 16-byte alignment of RSP.
 */
/* host-test-sources: kernel/exec_stack.c */
#include <elf.h>
#include <stdlib.h>
#include <string.h>
#include "tests/host/shim.h"
#include "kernel/exec_stack.h"

#define TOP 0x00007ffffffff000ull

static const uint8_t random_bytes[AT_RANDOM_BYTES] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
static const struct auxv some_auxv[] = {
	{ AT_PAGESZ, 4096 }, { AT_PHDR, 0x400040 }, { AT_PHNUM, 4 }, { AT_ENTRY, 0x401000 },
};

/* A built image and its user addresses. */
struct built {
	struct stack_spec spec;
	struct stack_image img;
	uint8_t *buf;
};

/* build: lay out and write the image of argv/envp/execfn with some_auxv. */
static void build(struct built *b, char *const *argv, char *const *envp, const char *execfn)
{
	b->spec = (struct stack_spec){ argv, envp, execfn, random_bytes, some_auxv,
				       sizeof(some_auxv) / sizeof(some_auxv[0]), TOP };
	stack_layout(&b->spec, &b->img);
	b->buf = malloc(b->img.size);
	assert_non_null(b->buf);
	memset(b->buf, 0xa5, b->img.size); /* garbage, to see that padding is written */
	stack_write(&b->spec, &b->img, b->buf);
}

/* at: the image's bytes at user address @va, which must lie inside it. */
static const uint8_t *at(const struct built *b, uint64_t va, uint64_t n)
{
	assert_true(va >= b->img.sp && va + n <= TOP);
	return b->buf + (va - b->img.sp);
}

/* word: the 8-byte word at user address @va. */
static uint64_t word(const struct built *b, uint64_t va)
{
	uint64_t w;
	memcpy(&w, at(b, va, 8), 8);
	return w;
}

/* string_at: the NUL-terminated string at @va, checked to lie in [lo, hi). */
static const char *string_at(const struct built *b, uint64_t va, uint64_t lo, uint64_t hi)
{
	assert_true(va >= lo && va < hi);
	const char *s = (const char *)at(b, va, 1);
	assert_true(va + strlen(s) + 1 <= hi);
	return s;
}

/* check_vector: the pointer array at @va holds @want's strings, all in [lo, hi),
 * then NULL; returns the address after the NULL. */
static uint64_t check_vector(const struct built *b, uint64_t va, char *const *want, uint64_t lo, uint64_t hi)
{
	for (; *want; want++, va += 8)
		assert_string_equal(string_at(b, word(b, va), lo, hi), *want);
	assert_int_equal(word(b, va), 0);
	return va + 8;
}

/* check_image: what start-up code would see, and the layout's promises. */
static void check_image(const struct built *b, uint64_t argc, uint64_t envc)
{
	const struct stack_image *img = &b->img;
	assert_int_equal(img->sp % 16, 0);
	assert_int_equal(img->size, TOP - img->sp);
	assert_int_equal(img->argc, argc);
	assert_int_equal(img->envc, envc);
	assert_int_equal(word(b, img->sp), argc);
	uint64_t va = check_vector(b, img->sp + 8, b->spec.argv, img->arg_start, img->arg_end);
	va = check_vector(b, va, b->spec.envp, img->env_start, img->env_end);
	for (size_t i = 0; i < b->spec.nauxv; i++, va += 16) {
		assert_int_equal(word(b, va), b->spec.auxv[i].type);
		assert_int_equal(word(b, va + 8), b->spec.auxv[i].val);
	}
	assert_int_equal(word(b, va), AT_RANDOM);
	assert_int_equal(word(b, va + 8), img->random);
	assert_memory_equal(at(b, img->random, AT_RANDOM_BYTES), random_bytes, AT_RANDOM_BYTES);
	assert_int_equal(word(b, va + 16), AT_EXECFN);
	assert_int_equal(word(b, va + 24), img->execfn);
	assert_string_equal(string_at(b, img->execfn, img->execfn, img->random), b->spec.execfn);
	assert_int_equal(word(b, va + 32), AT_NULL);
	assert_int_equal(word(b, va + 40), 0);
	va += 48;
	/* padding: zeros, less than 16 bytes, then the strings, in Linux's order */
	assert_true(va <= img->arg_start && img->arg_start - va < 16);
	for (; va < img->arg_start; va++)
		assert_int_equal(*at(b, va, 1), 0);
	assert_int_equal(img->arg_end, img->env_start);
	assert_int_equal(img->env_end, img->execfn);
	assert_int_equal(img->random, TOP - AT_RANDOM_BYTES);
}

static void test_hello(void **state)
{
	(void)state;
	struct built b;
	char *argv[] = { "/bin/hello", "world", NULL };
	char *envp[] = { "HOME=/", "PATH=/bin", "TERM=dumb", NULL };
	build(&b, argv, envp, "/bin/hello");
	check_image(&b, 2, 3);
	assert_int_equal(b.img.arg_end - b.img.arg_start, sizeof("/bin/hello") + sizeof("world"));
	assert_memory_equal(at(&b, b.img.arg_start, 17), "/bin/hello\0world\0", 17); /* /proc/PID/cmdline */
	free(b.buf);
}

static void test_empty_vectors(void **state)
{
	(void)state;
	struct built b;
	char *none[] = { NULL };
	build(&b, none, none, "");
	check_image(&b, 0, 0);
	assert_int_equal(b.img.arg_start, b.img.arg_end);
	assert_int_equal(b.img.env_start, b.img.env_end);
	free(b.buf);
}

static void test_alignment_for_every_shape(void **state)
{
	(void)state;
	/* every parity of word count and string length: RSP stays 16-byte aligned */
	static char *words[] = { "a", "bb", "ccc", "dddd", "eeeee", "ffffff", "", "ggggggg" };
	static const char *fns[] = { "/x", "/xy", "/xyz", "/b/xyzw", "", "/0123456789abcde" };
	for (int argc = 0; argc <= 5; argc++) {
		for (int envc = 0; envc <= 3; envc++) {
			for (size_t f = 0; f < sizeof(fns) / sizeof(fns[0]); f++) {
				char *argv[8] = { NULL }, *envp[8] = { NULL };
				struct built b;
				for (int i = 0; i < argc; i++)
					argv[i] = words[(i + f) % 8];
				for (int i = 0; i < envc; i++)
					envp[i] = words[(i + argc) % 8];
				build(&b, argv, envp, fns[f]);
				check_image(&b, (uint64_t)argc, (uint64_t)envc);
				free(b.buf);
			}
		}
	}
}

static void test_no_auxv_of_caller(void **state)
{
	(void)state;
	struct built b;
	char *argv[] = { "prog", NULL };
	char *envp[] = { NULL };
	b.spec = (struct stack_spec){ argv, envp, "prog", random_bytes, NULL, 0, TOP };
	stack_layout(&b.spec, &b.img);
	b.buf = malloc(b.img.size);
	assert_non_null(b.buf);
	stack_write(&b.spec, &b.img, b.buf);
	check_image(&b, 1, 0);
	free(b.buf);
}

/* long_string: 63 characters "T42=xxxx..." (tag, two digits of @i, fill): unique, odd length. */
static void long_string(char s[64], char tag, int i)
{
	memset(s, 'a' + i % 26, 63);
	s[0] = tag;
	s[1] = (char)('0' + i / 10);
	s[2] = (char)('0' + i % 10);
	s[3] = '=';
	s[63] = 0;
}

static void test_4k_of_arguments(void **state)
{
	(void)state;
	/* 64 arguments of 63 characters: 4 KiB of strings, and as much environment */
	static char strs[128][64];
	char *argv[65], *envp[65];
	for (int i = 0; i < 64; i++) {
		long_string(strs[i], 'A', i);
		long_string(strs[64 + i], 'E', i);
		argv[i] = strs[i];
		envp[i] = strs[64 + i];
	}
	argv[64] = envp[64] = NULL;
	struct built b;
	build(&b, argv, envp, "/bin/many");
	check_image(&b, 64, 64);
	assert_int_equal(b.img.arg_end - b.img.arg_start, 4096);
	assert_int_equal(b.img.env_end - b.img.env_start, 4096);
	free(b.buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hello),
		cmocka_unit_test(test_empty_vectors),
		cmocka_unit_test(test_alignment_for_every_shape),
		cmocka_unit_test(test_no_auxv_of_caller),
		cmocka_unit_test(test_4k_of_arguments),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
