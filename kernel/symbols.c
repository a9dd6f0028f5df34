/* kernel/symbols.c - address <-> name lookups in kernel.elf's symbol table. */
#include <elf.h>
#include "kernel/symbols.h"
#include "kernel/lib/string.h"

static const Elf64_Sym *syms;
static uint64_t nsyms;
static const char *strs;
static uint64_t strs_size;

void symbols_init(const void *symtab, uint64_t symtab_size, const char *strtab, uint64_t strtab_size)
{
	syms = symtab;
	nsyms = symtab ? symtab_size / sizeof(Elf64_Sym) : 0;
	strs = strtab;
	strs_size = strtab_size;
}

/* sym_name: the name of @s, or NULL when its string offset is out of the table. */
static const char *sym_name(const Elf64_Sym *s)
{
	return s->st_name < strs_size ? strs + s->st_name : NULL;
}

/* is_code_symbol: functions, and NASM labels (no type); not NASM's local ".label"s,
 * which would otherwise claim every address up to the next symbol. */
static int is_code_symbol(const Elf64_Sym *s)
{
	int type = ELF64_ST_TYPE(s->st_info);
	const char *name = sym_name(s);
	if (s->st_shndx == SHN_UNDEF || !s->st_value || !name || !*name)
		return 0;
	return type == STT_FUNC || (type == STT_NOTYPE && !strchr(name, '.'));
}

const char *symbol_lookup(uint64_t addr, uint64_t *offset, uint64_t *size)
{
	const Elf64_Sym *best = NULL;
	/* Linear scan: only oopses and gdb-less debugging call this. */
	for (uint64_t i = 0; i < nsyms; i++) {
		const Elf64_Sym *s = &syms[i];
		if (!is_code_symbol(s) || s->st_value > addr)
			continue;
		if (s->st_size && addr >= s->st_value + s->st_size)
			continue;
		/* Prefer the closest start; on a tie prefer a sized (C) symbol over a label. */
		if (!best || s->st_value > best->st_value ||
		    (s->st_value == best->st_value && s->st_size > best->st_size))
			best = s;
	}
	if (!best)
		return NULL;
	*offset = addr - best->st_value;
	*size = best->st_size;
	return sym_name(best);
}

uint64_t symbol_address(const char *name)
{
	for (uint64_t i = 0; i < nsyms; i++) {
		const char *n = sym_name(&syms[i]);
		if (n && syms[i].st_value && strcmp(n, name) == 0)
			return syms[i].st_value;
	}
	return 0;
}
