/*
 * boot/elf.c - validate and load the kernel ELF image.
 *
 * Field meanings follow the System V ABI gABI ("ELF Header", "Program
 * Header", "Sections") and its x86-64 supplement. The file is untrusted input:
 * every offset and size is bounds checked, overflow-safe, before it is used.
 * All PT_LOAD segments are placed in ONE physically contiguous, 2 MiB aligned
 * block, at the same offsets they have from the lowest segment's virtual
 * address, so the kernel is "virt - kernel_virt + kernel_phys" everywhere
 * and can be mapped with 2 MiB pages.
 */
#include <elf.h>

#include "loader.h"

#define KERNEL_SPAN_MAX (64ull << 20) /* the kernel's VA window budget */
#define PHDR_MAX 64
#define PAGE_END_MAX (~0ull - PAGE_SIZE + 1) /* highest end address that page-rounds without wrapping */

/* Is [off, off + len) inside a file of `size` bytes? Overflow-safe. */
static BOOLEAN in_file(UINT64 off, UINT64 len, UINT64 size)
{
	return off <= size && len <= size - off;
}

/* The program header table of a file whose ELF header was already checked. */
static const Elf64_Phdr *phdr_table(const void *file)
{
	const Elf64_Ehdr *eh = file;

	return (const Elf64_Phdr *)((const UINT8 *)file + eh->e_phoff);
}

/* Does this program header describe memory we must load (PT_LOAD with a non-empty memory image)? */
static BOOLEAN is_load(const Elf64_Phdr *ph)
{
	return ph->p_type == PT_LOAD && ph->p_memsz != 0;
}

/* Check e_ident and the header fields for an x86-64 little-endian executable; NULL or the reason. */
static const CHAR16 *check_ident(const UINT8 *f, UINT64 size)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)f;

	if (size < sizeof(Elf64_Ehdr))
		return L"not an ELF file (shorter than an ELF header)";
	if (CompareMem(f, ELFMAG, SELFMAG) != 0)
		return L"not an ELF file (bad magic)";
	if (f[EI_CLASS] != ELFCLASS64)
		return L"not a 64-bit ELF file (EI_CLASS is not ELFCLASS64)";
	if (f[EI_DATA] != ELFDATA2LSB)
		return L"not a little-endian ELF file (EI_DATA is not ELFDATA2LSB)";
	if (f[EI_VERSION] != EV_CURRENT || eh->e_version != EV_CURRENT)
		return L"unknown ELF version (not EV_CURRENT)";
	if (eh->e_machine != EM_X86_64)
		return L"not an x86-64 ELF file (e_machine is not EM_X86_64)";
	if (eh->e_type != ET_EXEC)
		return L"not an executable (e_type is not ET_EXEC)";
	return NULL;
}

/* Check the program header table's entry size, count, position and alignment; NULL or the reason. */
static const CHAR16 *check_phdr_table(const Elf64_Ehdr *eh, UINT64 size)
{
	if (eh->e_phentsize != sizeof(Elf64_Phdr))
		return L"bad program header size (e_phentsize)";
	if (eh->e_phnum < 1 || eh->e_phnum > PHDR_MAX)
		return L"bad program header count (need 1..64)";
	if (!in_file(eh->e_phoff, (UINT64)eh->e_phnum * sizeof(Elf64_Phdr), size))
		return L"program header table extends past the end of the file (truncated?)";
	if (eh->e_phoff % 8)
		return L"misaligned program header table";
	return NULL;
}

/* Check one PT_LOAD on its own: file bounds, sizes, kernel VA window, no wrap; NULL or the reason. */
static const CHAR16 *check_load(const Elf64_Phdr *ph, UINT64 size)
{
	if (!in_file(ph->p_offset, ph->p_filesz, size))
		return L"PT_LOAD segment extends past the end of the file (truncated?)";
	if (ph->p_filesz > ph->p_memsz)
		return L"PT_LOAD segment has p_filesz > p_memsz";
	if (ph->p_vaddr < BOOT_KERNEL_VMA)
		return L"PT_LOAD segment below the kernel window 0xffffffff80000000 (wrong linker script?)";
	if (ph->p_memsz > KERNEL_SPAN_MAX)
		return L"PT_LOAD segment larger than 64 MiB";
	if (ph->p_vaddr > PAGE_END_MAX - ph->p_memsz)
		return L"PT_LOAD segment wraps around the end of the address space";
	return NULL;
}

/* Do the memory images of two PT_LOADs share any byte? */
static BOOLEAN loads_overlap(const Elf64_Phdr *a, const Elf64_Phdr *b)
{
	return a->p_vaddr < b->p_vaddr + b->p_memsz && b->p_vaddr < a->p_vaddr + a->p_memsz;
}

/* Page-rounded [lo, hi) covering every PT_LOAD; valid only after check_load on each. */
static void load_span(const void *file, UINT64 *lo, UINT64 *hi)
{
	const Elf64_Ehdr *eh = file;
	const Elf64_Phdr *ph = phdr_table(file);

	*lo = ~0ull;
	*hi = 0;
	for (UINTN i = 0; i < eh->e_phnum; i++) {
		if (!is_load(&ph[i]))
			continue;
		if (ph[i].p_vaddr < *lo)
			*lo = ph[i].p_vaddr;
		if (ph[i].p_vaddr + ph[i].p_memsz > *hi)
			*hi = ph[i].p_vaddr + ph[i].p_memsz;
	}
	*lo = align_down(*lo, PAGE_SIZE);
	*hi = align_up(*hi, PAGE_SIZE);
}

/* Check all PT_LOADs, their pairwise overlap and the span's size and alignment; NULL or the reason. */
static const CHAR16 *check_segments(const void *file, UINT64 size)
{
	const Elf64_Ehdr *eh = file;
	const Elf64_Phdr *ph = phdr_table(file);
	UINTN nload = 0;
	UINT64 lo, hi;

	for (UINTN i = 0; i < eh->e_phnum; i++) {
		const CHAR16 *why;

		if (!is_load(&ph[i]))
			continue;
		why = check_load(&ph[i], size);
		if (why)
			return why;
		for (UINTN j = 0; j < i; j++)
			if (is_load(&ph[j]) && loads_overlap(&ph[i], &ph[j]))
				return L"PT_LOAD segments overlap";
		nload++;
	}
	if (nload == 0)
		return L"no PT_LOAD segment";
	load_span(file, &lo, &hi);
	if (hi - lo > KERNEL_SPAN_MAX)
		return L"PT_LOAD segments span more than 64 MiB";
	if (lo % SIZE_2M)
		return L"lowest PT_LOAD is not 2 MiB aligned (the kernel is mapped with 2 MiB pages)";
	return NULL;
}

/* Check e_entry lies inside an executable (PF_X) PT_LOAD; NULL or the reason. */
static const CHAR16 *check_entry(const void *file)
{
	const Elf64_Ehdr *eh = file;
	const Elf64_Phdr *ph = phdr_table(file);

	for (UINTN i = 0; i < eh->e_phnum; i++)
		if (is_load(&ph[i]) && (ph[i].p_flags & PF_X) && eh->e_entry >= ph[i].p_vaddr &&
		    eh->e_entry - ph[i].p_vaddr < ph[i].p_memsz)
			return NULL;
	return L"entry point e_entry is not inside an executable PT_LOAD segment";
}

/*
 * Locate .symtab (the first SHT_SYMTAB) and its string table (sh_link) with
 * bounds checks; both NULL when the file has no section headers or no symbol
 * table (a stripped kernel is fine). NULL or the reason.
 */
static const CHAR16 *find_symbols(const void *file, UINT64 size, const Elf64_Shdr **sym, const Elf64_Shdr **str)
{
	const Elf64_Ehdr *eh = file;
	const Elf64_Shdr *sh = (const Elf64_Shdr *)((const UINT8 *)file + eh->e_shoff);

	*sym = *str = NULL;
	if (eh->e_shoff == 0 || eh->e_shnum == 0)
		return NULL;
	if (eh->e_shentsize != sizeof(Elf64_Shdr))
		return L"bad section header size (e_shentsize)";
	if (!in_file(eh->e_shoff, (UINT64)eh->e_shnum * sizeof(Elf64_Shdr), size))
		return L"section header table extends past the end of the file (truncated?)";
	if (eh->e_shoff % 8)
		return L"misaligned section header table";
	for (UINTN i = 0; i < eh->e_shnum && !*sym; i++)
		if (sh[i].sh_type == SHT_SYMTAB)
			*sym = &sh[i];
	if (!*sym)
		return NULL;
	if (!in_file((*sym)->sh_offset, (*sym)->sh_size, size))
		return L".symtab extends past the end of the file (truncated?)";
	if ((*sym)->sh_entsize != sizeof(Elf64_Sym) || (*sym)->sh_size % sizeof(Elf64_Sym))
		return L".symtab has a bad entry size";
	if ((*sym)->sh_link == 0 || (*sym)->sh_link >= eh->e_shnum)
		return L".symtab's string table index (sh_link) is out of range";
	*str = &sh[(*sym)->sh_link];
	if ((*str)->sh_type != SHT_STRTAB)
		return L".symtab's sh_link is not a string table";
	if (!in_file((*str)->sh_offset, (*str)->sh_size, size))
		return L".strtab extends past the end of the file (truncated?)";
	return NULL;
}

/* Validate the kernel ELF in memory; prints "<path>: <reason>" and fails if malformed. */
EFI_STATUS elf_validate(const void *file, UINT64 size, const CHAR16 *path)
{
	const Elf64_Shdr *sym, *str;
	const CHAR16 *why;

	why = check_ident(file, size);
	if (!why)
		why = check_phdr_table(file, size);
	if (!why)
		why = check_segments(file, size);
	if (!why)
		why = check_entry(file);
	if (!why)
		why = find_symbols(file, size, &sym, &str);
	if (why)
		return loader_error(EFI_LOAD_ERROR, L"%s: %s", path, why);
	return EFI_SUCCESS;
}

/* Copy each PT_LOAD's file bytes to its place in the (already zeroed) block at `phys`. */
static void copy_segments(const void *file, UINT64 lo, EFI_PHYSICAL_ADDRESS phys)
{
	const Elf64_Ehdr *eh = file;
	const Elf64_Phdr *ph = phdr_table(file);

	for (UINTN i = 0; i < eh->e_phnum; i++)
		if (is_load(&ph[i]))
			mem_copy((void *)(phys + (ph[i].p_vaddr - lo)),
				 (const UINT8 *)file + ph[i].p_offset, ph[i].p_filesz);
}

/*
 * Load a validated kernel: one 2 MiB aligned block for the whole span, zeroed
 * (which is also every segment's p_memsz - p_filesz tail, i.e. .bss), then
 * the segments copied in. Fills bi->kernel_phys/virt/size and *entry.
 */
EFI_STATUS elf_load(const void *file, struct boot_info *bi, UINT64 *entry)
{
	const Elf64_Ehdr *eh = file;
	EFI_PHYSICAL_ADDRESS phys;
	UINT64 lo, hi;
	EFI_STATUS st;

	load_span(file, &lo, &hi);
	st = pages_alloc_aligned((hi - lo) / PAGE_SIZE, SIZE_2M, &phys);
	if (EFI_ERROR(st))
		return st;
	mem_zero((void *)phys, hi - lo);
	copy_segments(file, lo, phys);
	bi->kernel_phys = phys;
	bi->kernel_virt = lo;
	bi->kernel_size = hi - lo;
	*entry = eh->e_entry;
	return EFI_SUCCESS;
}

/* Copy .symtab and its string table into their own pages: bi->symtab/strtab (base 0 when absent). */
EFI_STATUS elf_copy_symbols(const void *file, UINT64 size, struct boot_info *bi)
{
	const Elf64_Shdr *sym, *str;
	EFI_STATUS st;

	if (find_symbols(file, size, &sym, &str) || !sym)
		return EFI_SUCCESS; /* absent; malformed was already rejected by elf_validate */
	st = pages_copy((const UINT8 *)file + sym->sh_offset, sym->sh_size, &bi->symtab);
	if (!EFI_ERROR(st))
		st = pages_copy((const UINT8 *)file + str->sh_offset, str->sh_size, &bi->strtab);
	return st;
}
