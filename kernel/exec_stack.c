/*
 * kernel/exec_stack.c - lay out and write a new program's initial stack (see
 * exec_stack.h). Strings sit at the top in the order Linux puts them (argv
 * below envp, so /proc's arg_end == env_start); the words below them are
 * placed so that argc lands on a 16-byte boundary, the psABI's RSP at entry.
 */
#include <elf.h>
#include "kernel/exec_stack.h"
#include "kernel/panic.h"
#include "kernel/lib/string.h"

/* strings_size: bytes the NULL-terminated @strs need with their NULs; sets *@count. */
static uint64_t strings_size(char *const *strs, uint64_t *count)
{
	uint64_t bytes = 0, n = 0;
	for (; strs[n]; n++)
		bytes += strlen(strs[n]) + 1;
	*count = n;
	return bytes;
}

/* vector_words: the 8-byte words below the strings: argc, argv + NULL, envp + NULL,
 * the caller's auxv pairs plus AT_RANDOM, AT_EXECFN and AT_NULL. */
static uint64_t vector_words(const struct stack_spec *spec, const struct stack_image *img)
{
	return 1 + (img->argc + 1) + (img->envc + 1) + 2 * (spec->nauxv + 3);
}

void stack_layout(const struct stack_spec *spec, struct stack_image *img)
{
	img->random = spec->top - AT_RANDOM_BYTES;
	img->execfn = img->random - (strlen(spec->execfn) + 1);
	img->env_end = img->execfn;
	img->env_start = img->env_end - strings_size(spec->envp, &img->envc);
	img->arg_end = img->env_start;
	img->arg_start = img->arg_end - strings_size(spec->argv, &img->argc);
	img->sp = (img->arg_start - 8 * vector_words(spec, img)) & ~15ull;
	img->size = spec->top - img->sp;
}

/* A write position in the image: user address `at`, stored at buf[at - sp]. */
struct cursor {
	uint8_t *buf;
	uint64_t sp;
	uint64_t at;
};

/* put: copy @n bytes to the cursor and move it past them. */
static void put(struct cursor *c, const void *src, size_t n)
{
	memcpy(c->buf + (c->at - c->sp), src, n);
	c->at += n;
}

/* put_word: one 8-byte word (argc, a pointer, half an auxv pair). */
static void put_word(struct cursor *c, uint64_t v)
{
	put(c, &v, sizeof(v));
}

/* put_vector: the pointer array for @strs at @words, then its NULL, and the strings
 * themselves one after another at @strings. */
static void put_vector(struct cursor *words, struct cursor *strings, char *const *strs)
{
	for (; *strs; strs++) {
		put_word(words, strings->at);
		put(strings, *strs, strlen(*strs) + 1);
	}
	put_word(words, 0);
}

/* put_aux: one auxiliary vector entry. */
static void put_aux(struct cursor *c, uint64_t type, uint64_t val)
{
	put_word(c, type);
	put_word(c, val);
}

void stack_write(const struct stack_spec *spec, const struct stack_image *img, uint8_t *buf)
{
	struct cursor words = { buf, img->sp, img->sp };
	struct cursor strings = { buf, img->sp, img->arg_start };
	memset(buf, 0, img->size); /* the padding */
	put_word(&words, img->argc);
	put_vector(&words, &strings, spec->argv);
	put_vector(&words, &strings, spec->envp);
	for (size_t i = 0; i < spec->nauxv; i++)
		put_aux(&words, spec->auxv[i].type, spec->auxv[i].val);
	put_aux(&words, AT_RANDOM, img->random);
	put_aux(&words, AT_EXECFN, img->execfn);
	put_aux(&words, AT_NULL, 0);
	put(&strings, spec->execfn, strlen(spec->execfn) + 1);
	put(&strings, spec->random, AT_RANDOM_BYTES);
	if (words.at != img->sp + 8 * vector_words(spec, img) || strings.at != spec->top)
		panic("stack_write: the image does not match its layout");
}
