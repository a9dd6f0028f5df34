/*
 * kernel/exec_stack.h - the initial stack of a new program: argc, argv, envp,
 * the auxiliary vector and the strings they point to (x86-64 psABI 3.4.1
 * "Initial Stack and Register State"; Linux: create_elf_tables in
 * fs/binfmt_elf.c).
 *
 * Pure: the image is laid out and written into a kernel buffer, which exec
 * then copies to the top of the new stack. By ascending address:
 *
 *   sp ->  argc                          (sp % 16 == 0, as the psABI requires)
 *          argv[0] .. argv[argc-1], NULL
 *          envp[0] .. envp[envc-1], NULL
 *          auxv pairs {type, value} .., {AT_RANDOM}, {AT_EXECFN}, {AT_NULL, 0}
 *          0..15 bytes of padding
 *          argv strings                  arg_start .. arg_end
 *          envp strings                  env_start .. env_end
 *          the exec'd path               (AT_EXECFN)
 *          16 random bytes               (AT_RANDOM: musl's stack canary seed)
 *   top
 */
#ifndef KERNEL_EXEC_STACK_H
#define KERNEL_EXEC_STACK_H

#include <stdint.h>
#include <stddef.h>

#define AT_RANDOM_BYTES 16

/* One auxiliary vector entry (Elf64_auxv_t without its union). */
struct auxv {
	uint64_t type; /* AT_* */
	uint64_t val;
};

/* What goes on the stack (kernel pointers). */
struct stack_spec {
	char *const *argv;         /* NULL-terminated */
	char *const *envp;         /* NULL-terminated */
	const char *execfn;        /* the path given to execve */
	const uint8_t *random;     /* AT_RANDOM_BYTES bytes */
	const struct auxv *auxv;   /* every entry but AT_RANDOM, AT_EXECFN, AT_NULL, added here */
	size_t nauxv;
	uint64_t top;              /* user address just above the image: STACK_TOP */
};

/* Where it goes (user addresses). */
struct stack_image {
	uint64_t sp;                  /* initial RSP: the address of argc */
	uint64_t size;                /* bytes from sp to top */
	uint64_t argc, envc;
	uint64_t arg_start, arg_end;  /* argv strings (/proc/PID/cmdline) */
	uint64_t env_start, env_end;  /* envp strings (/proc/PID/environ) */
	uint64_t execfn, random;      /* the AT_EXECFN and AT_RANDOM values */
};

/* stack_layout: compute the addresses and size of @spec's image. */
void stack_layout(const struct stack_spec *spec, struct stack_image *img);

/* stack_write: write the image stack_layout computed for @spec into @buf
 * (img->size bytes; buf[0] is the byte at user address img->sp). */
void stack_write(const struct stack_spec *spec, const struct stack_image *img, uint8_t *buf);

#endif
