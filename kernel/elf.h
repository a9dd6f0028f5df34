/*
 * kernel/elf.h - checking a static x86-64 ELF executable before exec maps it
 * (Linux: the header and program-header checks of fs/binfmt_elf.c).
 *
 * Pure: elf_parse reads only the bytes it is given and never trusts them. A
 * file is accepted when it is a little-endian ELF64 x86-64 ET_EXEC, or an
 * ET_DYN without PT_INTERP (a static PIE, which relocates itself), whose
 * program headers and PT_LOAD segments lie in the file, whose segments are
 * page-congruent (p_vaddr % 4096 == p_offset % 4096, so a file page maps to a
 * user page), sorted, non-overlapping at page granularity, and, once
 * relocated, inside [USER_VA_START, ELF_VA_END), and whose entry point is in
 * an executable segment. Anything else is -ENOEXEC with a reason in `why`.
 *
 * Every address elf_parse reports is already relocated by load_bias.
 */
#ifndef KERNEL_ELF_H
#define KERNEL_ELF_H

#include <stdint.h>
#include <stdbool.h>
#include "mm/mm.h"

/* Where a static PIE is loaded: Linux's ELF_ET_DYN_BASE for x86-64 without
 * randomisation (2/3 of TASK_SIZE, page aligned). */
#define ELF_ET_DYN_BASE 0x555555554000ull

/* Segments must end below the stack and its 8 MiB of growth room. */
#define ELF_VA_END (STACK_TOP - STACK_LIMIT)

/* Linux's load_elf_phdrs refuses program-header tables larger than a page. */
#define ELF_MAX_PHDR_BYTES 4096

/* A checked executable (addresses relocated). */
struct elf_image {
	const uint8_t *data;  /* the file */
	uint64_t size;
	bool is_dyn;          /* ET_DYN: a static PIE */
	uint64_t load_bias;   /* added to every p_vaddr: 0 for ET_EXEC */
	uint64_t entry;       /* AT_ENTRY and the first RIP */
	uint64_t phdr;        /* AT_PHDR: the program headers in the loaded image */
	uint16_t phent;       /* AT_PHENT */
	uint16_t phnum;       /* AT_PHNUM */
	uint64_t phoff;       /* e_phoff */
	uint64_t min_vaddr;   /* page-aligned start of the lowest segment */
	uint64_t max_vaddr;   /* end (p_vaddr + p_memsz) of the highest segment */
	const char *why;      /* when elf_parse fails: what is wrong, e.g. "needs a dynamic loader" */
};

/* One PT_LOAD segment, relocated. */
struct elf_segment {
	uint64_t vaddr;  /* where the segment's first byte goes */
	uint64_t memsz;  /* bytes in memory: filesz bytes of file, then zeros (bss) */
	uint64_t filesz;
	uint64_t offset; /* file offset of the first byte */
	uint32_t prot;   /* PROT_* from p_flags */
};

/* elf_parse: check the @size bytes at @data as a static x86-64 executable and
 * describe it in @out. 0, or -ENOEXEC with out->why set. */
int elf_parse(const uint8_t *data, uint64_t size, struct elf_image *out);

/* elf_segment: program header @i of a parsed @img, if it is a PT_LOAD with
 * p_memsz > 0: fill @seg and return true. */
bool elf_segment(const struct elf_image *img, uint16_t i, struct elf_segment *seg);

#endif
