/*
 * kernel/symbols.h - the kernel's own symbol table (Linux: kallsyms).
 * The loader copies kernel.elf's .symtab/.strtab next to the kernel
 * (boot_info.symtab/strtab); we look addresses up in it for backtraces.
 */
#ifndef KERNEL_SYMBOLS_H
#define KERNEL_SYMBOLS_H

#include <stdint.h>

/* symbols_init: use the ELF symbol table at @symtab (@symtab_size bytes) and its strings. */
void symbols_init(const void *symtab, uint64_t symtab_size, const char *strtab, uint64_t strtab_size);

/* symbol_lookup: name of the function containing @addr (offset and size out), or NULL. */
const char *symbol_lookup(uint64_t addr, uint64_t *offset, uint64_t *size);

/* symbol_address: address of the symbol called @name, or 0. */
uint64_t symbol_address(const char *name);

#endif
