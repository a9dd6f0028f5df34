/*
 * kernel/elf.c - the checks exec makes before it trusts an ELF file (see elf.h).
 *
 * Headers are copied out with memcpy rather than read in place: the initrd
 * (cpio newc) keeps file data only 4-byte aligned, and the file is untrusted
 * input, so every offset and size is checked without overflowing first.
 */
#include <elf.h>
#include "kernel/elf.h"
#include "kernel/errno.h"
#include "kernel/panic.h"
#include "kernel/lib/string.h"
#include "mm/page.h"

/* reject: fail elf_parse with the reason @why (shown as "exec: PATH @why"). */
static int reject(struct elf_image *img, const char *why)
{
	img->why = why;
	return -ENOEXEC;
}

/* within: [start, start+len) lies inside [base, base+size), computed without overflow. */
static bool within(uint64_t start, uint64_t len, uint64_t base, uint64_t size)
{
	return start >= base && len <= size && start - base <= size - len;
}

/* read_phdr: a copy of program header @i; elf_parse has checked the table is in the file. */
static Elf64_Phdr read_phdr(const struct elf_image *img, uint16_t i)
{
	Elf64_Phdr ph;
	if (i >= img->phnum)
		panic("read_phdr: header %u of %u", i, img->phnum);
	memcpy(&ph, img->data + img->phoff + (uint64_t)i * sizeof(ph), sizeof(ph));
	return ph;
}

/* prot_of: the PROT_* a segment with ELF p_flags @flags is mapped with. */
static uint32_t prot_of(uint32_t flags)
{
	return (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE : 0) |
	       (flags & PF_X ? PROT_EXEC : 0);
}

/* check_header: the ELF header describes an x86-64 ELF64 little-endian executable
 * whose program header table lies in the file and is at most a page (as Linux). */
static int check_header(const Elf64_Ehdr *eh, struct elf_image *img)
{
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG))
		return reject(img, "is not an ELF file");
	if (eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh->e_ident[EI_VERSION] != EV_CURRENT || eh->e_version != EV_CURRENT)
		return reject(img, "is not a 64-bit little-endian ELF file");
	if (eh->e_machine != EM_X86_64)
		return reject(img, "is not an x86-64 program");
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return reject(img, "is not an executable");
	if (eh->e_phentsize != sizeof(Elf64_Phdr))
		return reject(img, "has a bad program header size");
	uint64_t bytes = (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr);
	if (!eh->e_phnum || bytes > ELF_MAX_PHDR_BYTES)
		return reject(img, "has a bad program header count");
	if (!within(eh->e_phoff, bytes, 0, img->size))
		return reject(img, "has program headers outside the file");
	img->is_dyn = eh->e_type == ET_DYN;
	img->phoff = eh->e_phoff;
	img->phnum = eh->e_phnum;
	img->phent = sizeof(Elf64_Phdr);
	return 0;
}

/* check_load: one non-empty PT_LOAD is in the file, no bigger in the file than in
 * memory, page-congruent, below USER_VA_END before relocation, and starts at or
 * above *@prev_end, the page-aligned end of the previous one, which it updates. */
static int check_load(struct elf_image *img, const Elf64_Phdr *ph, uint64_t *prev_end)
{
	if (!within(ph->p_offset, ph->p_filesz, 0, img->size))
		return reject(img, "has a segment outside the file");
	if (ph->p_filesz > ph->p_memsz)
		return reject(img, "has a segment with more file bytes than memory");
	if ((ph->p_vaddr - ph->p_offset) % PAGE_SIZE)
		return reject(img, "has a segment whose address and offset differ within a page");
	if (!within(ph->p_vaddr, ph->p_memsz, 0, USER_VA_END))
		return reject(img, "has a segment outside the user address space");
	if (PAGE_ALIGN_DOWN(ph->p_vaddr) < *prev_end)
		return reject(img, "has overlapping or unsorted segments");
	*prev_end = PAGE_ALIGN(ph->p_vaddr + ph->p_memsz);
	return 0;
}

/* check_segments: no PT_INTERP, and every PT_LOAD passes check_load; sets the
 * unrelocated page-aligned start of the first one and the end of the last one. */
static int check_segments(struct elf_image *img, uint64_t *first, uint64_t *last_end)
{
	uint64_t prev_end = 0;
	bool any = false;
	for (uint16_t i = 0; i < img->phnum; i++) {
		Elf64_Phdr ph = read_phdr(img, i);
		if (ph.p_type == PT_INTERP)
			return reject(img, "needs a dynamic loader");
		if (ph.p_type != PT_LOAD || !ph.p_memsz)
			continue;
		int err = check_load(img, &ph, &prev_end);
		if (err)
			return err;
		if (!any)
			*first = PAGE_ALIGN_DOWN(ph.p_vaddr);
		any = true;
		*last_end = ph.p_vaddr + ph.p_memsz;
	}
	return any ? 0 : reject(img, "has no loadable segment");
}

/* relocate: choose the load bias (a static PIE goes to ELF_ET_DYN_BASE, as Linux's
 * load_bias = ELF_ET_DYN_BASE - first p_vaddr) and check that the relocated
 * segments, [first, last_end) before relocation, fit in [USER_VA_START, ELF_VA_END). */
static int relocate(struct elf_image *img, uint64_t first, uint64_t last_end)
{
	uint64_t start = img->is_dyn ? ELF_ET_DYN_BASE : first;
	uint64_t span = last_end - first; /* check_segments: sorted, so last_end > first */
	if (start < USER_VA_START || !within(start, span, 0, ELF_VA_END))
		return reject(img, "has a segment outside the user address space");
	img->load_bias = start - first;
	img->min_vaddr = start;
	img->max_vaddr = start + span;
	return 0;
}

/* check_entry: the entry point lies in an executable segment. */
static int check_entry(struct elf_image *img)
{
	struct elf_segment s;
	for (uint16_t i = 0; i < img->phnum; i++)
		if (elf_segment(img, i, &s) && (s.prot & PROT_EXEC) && within(img->entry, 1, s.vaddr, s.memsz))
			return 0;
	return reject(img, "has its entry point outside its code");
}

/* phdr_vaddr: where the program headers are in memory: PT_PHDR's address, else
 * the place of e_phoff in the PT_LOAD whose file bytes include the table (Linux:
 * phdr_addr in load_elf_binary). 0 when neither exists. */
static uint64_t phdr_vaddr(const struct elf_image *img, uint64_t bytes)
{
	struct elf_segment s;
	for (uint16_t i = 0; i < img->phnum; i++) {
		Elf64_Phdr ph = read_phdr(img, i);
		if (ph.p_type == PT_PHDR)
			return ph.p_vaddr + img->load_bias;
	}
	for (uint16_t i = 0; i < img->phnum; i++)
		if (elf_segment(img, i, &s) && within(img->phoff, bytes, s.offset, s.filesz))
			return s.vaddr + (img->phoff - s.offset);
	return 0;
}

/* check_phdr: set AT_PHDR, and insist the headers really are loaded from the file
 * there: musl's static start-up finds PT_TLS (and a static PIE its PT_DYNAMIC) through it. */
static int check_phdr(struct elf_image *img)
{
	uint64_t bytes = (uint64_t)img->phnum * img->phent;
	struct elf_segment s;
	img->phdr = phdr_vaddr(img, bytes);
	for (uint16_t i = 0; i < img->phnum; i++)
		if (elf_segment(img, i, &s) && within(img->phdr, bytes, s.vaddr, s.filesz))
			return 0;
	return reject(img, "does not load its program headers");
}

int elf_parse(const uint8_t *data, uint64_t size, struct elf_image *out)
{
	Elf64_Ehdr eh;
	uint64_t first = 0, last_end = 0;
	*out = (struct elf_image){ .data = data, .size = size };
	if (size < sizeof(eh))
		return reject(out, "is not an ELF file");
	memcpy(&eh, data, sizeof(eh));
	int err = check_header(&eh, out);
	if (!err)
		err = check_segments(out, &first, &last_end);
	if (!err)
		err = relocate(out, first, last_end);
	if (err)
		return err;
	out->entry = eh.e_entry + out->load_bias;
	err = check_entry(out);
	return err ? err : check_phdr(out);
}

bool elf_segment(const struct elf_image *img, uint16_t i, struct elf_segment *seg)
{
	Elf64_Phdr ph = read_phdr(img, i);
	if (ph.p_type != PT_LOAD || !ph.p_memsz)
		return false;
	*seg = (struct elf_segment){
		.vaddr = ph.p_vaddr + img->load_bias,
		.memsz = ph.p_memsz,
		.filesz = ph.p_filesz,
		.offset = ph.p_offset,
		.prot = prot_of(ph.p_flags),
	};
	return true;
}
