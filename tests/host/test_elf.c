/*
 * tests/host/test_elf.c - checking ELF executables before exec: images built in
 * memory in the shape musl-gcc -static (ET_EXEC) and -static-pie (ET_DYN)
 * produce, then broken one way at a time; each rejection must give its reason.
 */
/* host-test-sources: kernel/elf.c */
#include <elf.h>
#include <stdlib.h>
#include <string.h>
#include "tests/host/shim.h"
#include "kernel/elf.h"
#include "kernel/errno.h"

#define FILE_BYTES 0x4000
#define MAX_PH     80

static uint8_t file[FILE_BYTES + 8] __attribute__((aligned(16)));
static Elf64_Ehdr eh;
static Elf64_Phdr ph[MAX_PH];
static uint64_t table_off; /* where emit() writes ph[], whatever e_phoff claims */

/* seg: a program header of @type. */
static Elf64_Phdr seg(uint32_t type, uint64_t vaddr, uint64_t off, uint64_t filesz, uint64_t memsz,
		      uint32_t flags)
{
	return (Elf64_Phdr){ .p_type = type, .p_flags = flags, .p_offset = off, .p_vaddr = vaddr,
			     .p_paddr = vaddr, .p_filesz = filesz, .p_memsz = memsz, .p_align = 0x1000 };
}

/* make_exec: a static ET_EXEC laid out like ld's output: headers in the first (R)
 * segment, text, then data + bss starting mid-page. */
static void make_exec(void)
{
	memset(ph, 0, sizeof(ph));
	eh = (Elf64_Ehdr){
		.e_ident = { ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS64, ELFDATA2LSB, EV_CURRENT },
		.e_type = ET_EXEC, .e_machine = EM_X86_64, .e_version = EV_CURRENT,
		.e_entry = 0x402010, .e_phoff = sizeof(Elf64_Ehdr), .e_ehsize = sizeof(Elf64_Ehdr),
		.e_phentsize = sizeof(Elf64_Phdr), .e_phnum = 4,
	};
	ph[0] = seg(PT_LOAD, 0x400000, 0, 0x1200, 0x1200, PF_R);
	ph[1] = seg(PT_LOAD, 0x402000, 0x2000, 0x100, 0x100, PF_R | PF_X);
	ph[2] = seg(PT_LOAD, 0x403e10, 0x2e10, 0x100, 0x1500, PF_R | PF_W);
	ph[3] = seg(PT_GNU_STACK, 0, 0, 0, 0, PF_R | PF_W);
	table_off = sizeof(Elf64_Ehdr);
}

/* make_dyn: the same as a static PIE: ET_DYN linked at 0, with PT_PHDR and PT_DYNAMIC. */
static void make_dyn(void)
{
	make_exec();
	eh.e_type = ET_DYN;
	eh.e_entry = 0x2010;
	eh.e_phnum = 6;
	ph[0] = seg(PT_PHDR, 0x40, 0x40, 6 * sizeof(Elf64_Phdr), 6 * sizeof(Elf64_Phdr), PF_R);
	ph[1] = seg(PT_LOAD, 0, 0, 0x1200, 0x1200, PF_R);
	ph[2] = seg(PT_LOAD, 0x2000, 0x2000, 0x100, 0x100, PF_R | PF_X);
	ph[3] = seg(PT_LOAD, 0x3e10, 0x2e10, 0x100, 0x1500, PF_R | PF_W);
	ph[4] = seg(PT_DYNAMIC, 0x3e10, 0x2e10, 0x80, 0x80, PF_R | PF_W);
	ph[5] = seg(PT_GNU_STACK, 0, 0, 0, 0, PF_R | PF_W);
}

/* parse_at: write the headers into the file image, then parse its first @size bytes
 * starting at file + @shift (to test unaligned data). */
static int parse_at(uint64_t shift, uint64_t size, struct elf_image *img)
{
	memset(file, 0, sizeof(file));
	memcpy(file + shift, &eh, sizeof(eh));
	memcpy(file + shift + table_off, ph, sizeof(Elf64_Phdr) * (eh.e_phnum < MAX_PH ? eh.e_phnum : MAX_PH));
	return elf_parse(file + shift, size, img);
}

static int parse(struct elf_image *img)
{
	return parse_at(0, FILE_BYTES, img);
}

/* expect_reject: the current headers fail with -ENOEXEC for reason @why. */
static void expect_reject(const char *why)
{
	struct elf_image img;
	assert_int_equal(parse(&img), -ENOEXEC);
	assert_non_null(img.why);
	assert_string_equal(img.why, why);
}

/* expect_segments: elf_segment lists exactly the @n loads in @want (vaddr, prot). */
static void expect_segments(const struct elf_image *img, const struct elf_segment *want, int n)
{
	struct elf_segment s;
	int found = 0;
	for (uint16_t i = 0; i < img->phnum; i++) {
		if (!elf_segment(img, i, &s))
			continue;
		assert_true(found < n);
		assert_int_equal(s.vaddr, want[found].vaddr);
		assert_int_equal(s.memsz, want[found].memsz);
		assert_int_equal(s.filesz, want[found].filesz);
		assert_int_equal(s.offset, want[found].offset);
		assert_int_equal(s.prot, want[found].prot);
		found++;
	}
	assert_int_equal(found, n);
}

static void test_static_exec(void **state)
{
	(void)state;
	struct elf_image img;
	make_exec();
	assert_int_equal(parse(&img), 0);
	assert_false(img.is_dyn);
	assert_int_equal(img.load_bias, 0);
	assert_int_equal(img.entry, 0x402010);
	assert_int_equal(img.phdr, 0x400040); /* no PT_PHDR: found in the first segment */
	assert_int_equal(img.phnum, 4);
	assert_int_equal(img.phent, sizeof(Elf64_Phdr));
	assert_int_equal(img.min_vaddr, 0x400000);
	assert_int_equal(img.max_vaddr, 0x403e10 + 0x1500);
	const struct elf_segment want[] = {
		{ 0x400000, 0x1200, 0x1200, 0, PROT_READ },
		{ 0x402000, 0x100, 0x100, 0x2000, PROT_READ | PROT_EXEC },
		{ 0x403e10, 0x1500, 0x100, 0x2e10, PROT_READ | PROT_WRITE },
	};
	expect_segments(&img, want, 3);
}

static void test_static_pie(void **state)
{
	(void)state;
	struct elf_image img;
	make_dyn();
	assert_int_equal(parse(&img), 0);
	assert_true(img.is_dyn);
	assert_int_equal(img.load_bias, ELF_ET_DYN_BASE);
	assert_int_equal(img.entry, ELF_ET_DYN_BASE + 0x2010);
	assert_int_equal(img.phdr, ELF_ET_DYN_BASE + 0x40); /* from PT_PHDR */
	assert_int_equal(img.phnum, 6);
	assert_int_equal(img.min_vaddr, ELF_ET_DYN_BASE);
	assert_int_equal(img.max_vaddr, ELF_ET_DYN_BASE + 0x3e10 + 0x1500);
	const struct elf_segment want[] = {
		{ ELF_ET_DYN_BASE, 0x1200, 0x1200, 0, PROT_READ },
		{ ELF_ET_DYN_BASE + 0x2000, 0x100, 0x100, 0x2000, PROT_READ | PROT_EXEC },
		{ ELF_ET_DYN_BASE + 0x3e10, 0x1500, 0x100, 0x2e10, PROT_READ | PROT_WRITE },
	};
	expect_segments(&img, want, 3);
}

static void test_pie_linked_above_zero(void **state)
{
	(void)state;
	struct elf_image img;
	make_dyn(); /* the lowest segment's page goes to ELF_ET_DYN_BASE, whatever its p_vaddr */
	for (int i = 0; i < 5; i++)
		ph[i].p_vaddr += 0x10000;
	eh.e_entry += 0x10000;
	assert_int_equal(parse(&img), 0);
	assert_int_equal(img.load_bias, ELF_ET_DYN_BASE - 0x10000);
	assert_int_equal(img.entry, ELF_ET_DYN_BASE + 0x2010);
	assert_int_equal(img.phdr, ELF_ET_DYN_BASE + 0x40);
}

static void test_unaligned_file(void **state)
{
	(void)state;
	struct elf_image img;
	make_dyn(); /* cpio newc keeps data 4-byte aligned only: no misaligned reads (UBSan) */
	assert_int_equal(parse_at(4, FILE_BYTES, &img), 0);
	assert_ptr_equal(img.data, file + 4);
	assert_int_equal(img.entry, ELF_ET_DYN_BASE + 0x2010);
}

static void test_empty_load_ignored(void **state)
{
	(void)state;
	struct elf_image img;
	make_exec(); /* p_memsz 0: nothing to map, so its (bogus) fields do not matter */
	ph[3] = seg(PT_LOAD, 0x10, ~0ull, ~0ull, 0, PF_X);
	assert_int_equal(parse(&img), 0);
	struct elf_segment s;
	assert_false(elf_segment(&img, 3, &s));
}

static void test_bad_header(void **state)
{
	(void)state;
	struct elf_image img;
	make_exec();
	assert_int_equal(parse_at(0, sizeof(Elf64_Ehdr) - 1, &img), -ENOEXEC);
	assert_string_equal(img.why, "is not an ELF file");
	assert_int_equal(parse_at(0, 0, &img), -ENOEXEC);
	eh.e_ident[EI_MAG3] = 'G';
	expect_reject("is not an ELF file");
	make_exec();
	eh.e_ident[EI_CLASS] = ELFCLASS32;
	expect_reject("is not a 64-bit little-endian ELF file");
	make_exec();
	eh.e_ident[EI_DATA] = ELFDATA2MSB;
	expect_reject("is not a 64-bit little-endian ELF file");
	make_exec();
	eh.e_ident[EI_VERSION] = EV_NONE;
	expect_reject("is not a 64-bit little-endian ELF file");
	make_exec();
	eh.e_version = 2;
	expect_reject("is not a 64-bit little-endian ELF file");
	make_exec();
	eh.e_machine = EM_386;
	expect_reject("is not an x86-64 program");
	make_exec();
	eh.e_type = ET_REL;
	expect_reject("is not an executable");
	eh.e_type = ET_CORE;
	expect_reject("is not an executable");
}

static void test_bad_program_header_table(void **state)
{
	(void)state;
	make_exec();
	eh.e_phentsize = 32;
	expect_reject("has a bad program header size");
	make_exec();
	eh.e_phnum = 0;
	expect_reject("has a bad program header count");
	eh.e_phnum = PN_XNUM; /* 0xffff: the real count would be in section 0; not for exec */
	expect_reject("has a bad program header count");
	eh.e_phnum = ELF_MAX_PHDR_BYTES / sizeof(Elf64_Phdr) + 1;
	expect_reject("has a bad program header count");
	make_exec();
	eh.e_phoff = FILE_BYTES - sizeof(Elf64_Phdr); /* 4 headers: 3 past the end */
	expect_reject("has program headers outside the file");
	eh.e_phoff = ~0ull - 8; /* phoff + size wraps around */
	expect_reject("has program headers outside the file");
}

static void test_most_program_headers(void **state)
{
	(void)state;
	struct elf_image img;
	make_exec(); /* a full page of headers: the rest PT_NULL, still inside segment 0 */
	eh.e_phnum = ELF_MAX_PHDR_BYTES / sizeof(Elf64_Phdr);
	assert_int_equal(parse(&img), 0);
	assert_int_equal(img.phnum, 73);
}

static void test_dynamic_rejected(void **state)
{
	(void)state;
	make_exec();
	ph[3] = seg(PT_INTERP, 0x400300, 0x300, 28, 28, PF_R);
	expect_reject("needs a dynamic loader");
	make_dyn();
	ph[5] = seg(PT_INTERP, 0x300, 0x300, 28, 28, PF_R);
	expect_reject("needs a dynamic loader");
}

static void test_segment_outside_file(void **state)
{
	(void)state;
	struct elf_image img;
	make_exec();
	ph[2].p_offset = FILE_BYTES + 0xe10;
	ph[2].p_vaddr = 0x404e10;
	expect_reject("has a segment outside the file");
	make_exec();
	ph[2].p_filesz = FILE_BYTES; /* starts inside, ends outside */
	ph[2].p_memsz = FILE_BYTES;
	expect_reject("has a segment outside the file");
	make_exec();
	ph[2].p_filesz = ~0ull - 0x100; /* offset + filesz wraps around */
	ph[2].p_memsz = ~0ull;
	expect_reject("has a segment outside the file");
	make_exec(); /* a truncated file: the data segment's bytes are cut off */
	assert_int_equal(parse_at(0, 0x2e10 + 0x80, &img), -ENOEXEC);
	assert_string_equal(img.why, "has a segment outside the file");
}

static void test_segment_fields(void **state)
{
	(void)state;
	make_exec();
	ph[2].p_memsz = ph[2].p_filesz - 1;
	expect_reject("has a segment with more file bytes than memory");
	make_exec();
	ph[2].p_vaddr = 0x403e18; /* offset 0x2e10: not the same place within a page */
	expect_reject("has a segment whose address and offset differ within a page");
	make_exec();
	ph[1].p_vaddr = 0x402000 + 0x800;
	eh.e_entry = 0x402810;
	expect_reject("has a segment whose address and offset differ within a page");
}

static void test_segment_outside_user_space(void **state)
{
	(void)state;
	make_exec();
	ph[2].p_vaddr = USER_VA_END + 0xe10;
	expect_reject("has a segment outside the user address space");
	make_exec();
	ph[2].p_vaddr = 0xfffffffffffffe10; /* vaddr + memsz wraps around */
	expect_reject("has a segment outside the user address space");
	make_exec(); /* below mmap_min_addr */
	ph[0].p_vaddr = 0;
	expect_reject("has a segment outside the user address space");
	make_exec(); /* in the user half, but where the stack grows */
	ph[2].p_vaddr = STACK_TOP - 0x10000 + 0xe10;
	expect_reject("has a segment outside the user address space");
	make_dyn(); /* fine before relocation, too big after it */
	ph[3].p_vaddr = ELF_VA_END - ELF_ET_DYN_BASE + 0xe10;
	expect_reject("has a segment outside the user address space");
}

static void test_overlapping_segments(void **state)
{
	(void)state;
	make_exec(); /* data starting in text's page */
	ph[2].p_vaddr = 0x402e10;
	expect_reject("has overlapping or unsorted segments");
	make_exec(); /* the same bytes twice */
	ph[2] = ph[1];
	expect_reject("has overlapping or unsorted segments");
	make_exec(); /* sorted is required (ELF gABI: PT_LOAD in ascending p_vaddr) */
	Elf64_Phdr t = ph[1];
	ph[1] = ph[2];
	ph[2] = t;
	expect_reject("has overlapping or unsorted segments");
	make_exec(); /* text sharing the headers' page: one page cannot be R and RX */
	ph[1].p_offset = 0x1800;
	ph[1].p_vaddr = 0x401800;
	eh.e_entry = 0x401810;
	expect_reject("has overlapping or unsorted segments");
}

static void test_no_loadable_segment(void **state)
{
	(void)state;
	make_exec();
	for (int i = 0; i < 3; i++)
		ph[i].p_type = PT_NOTE;
	expect_reject("has no loadable segment");
	make_exec();
	for (int i = 0; i < 3; i++)
		ph[i].p_memsz = ph[i].p_filesz = 0;
	expect_reject("has no loadable segment");
}

static void test_bad_entry(void **state)
{
	(void)state;
	make_exec();
	eh.e_entry = 0x400100; /* in the headers' segment: not executable */
	expect_reject("has its entry point outside its code");
	eh.e_entry = 0x402100; /* just past the text */
	expect_reject("has its entry point outside its code");
	eh.e_entry = 0;
	expect_reject("has its entry point outside its code");
	make_dyn();
	eh.e_entry = 0x4010; /* in the data: relocated, still not code */
	expect_reject("has its entry point outside its code");
}

static void test_program_headers_not_loaded(void **state)
{
	(void)state;
	make_exec(); /* the table is in the file, but in no segment */
	table_off = eh.e_phoff = 0x3000;
	expect_reject("does not load its program headers");
	make_dyn(); /* PT_PHDR pointing at the bss: zeros at run time */
	ph[0].p_vaddr = 0x4f00;
	expect_reject("does not load its program headers");
	make_dyn(); /* PT_PHDR pointing nowhere */
	ph[0].p_vaddr = 0x100000;
	expect_reject("does not load its program headers");
}

static void test_segment_index_checked(void **state)
{
	(void)state;
	struct elf_image img;
	struct elf_segment s;
	make_exec();
	assert_int_equal(parse(&img), 0);
	expect_assert_failure(elf_segment(&img, img.phnum, &s));
}

/* Damage random bytes of the headers many times: elf_parse must never read
 * outside the file (ASan) and whatever it accepts must obey its contract. */
static void test_random_damage(void **state)
{
	(void)state;
	srand(1);
	for (int round = 0; round < 20000; round++) {
		struct elf_image img;
		round % 2 ? make_dyn() : make_exec();
		uint8_t hdr[sizeof(eh) + 6 * sizeof(Elf64_Phdr)];
		memcpy(hdr, &eh, sizeof(eh));
		memcpy(hdr + sizeof(eh), ph, 6 * sizeof(Elf64_Phdr));
		for (int n = 1 + rand() % 4; n; n--)
			hdr[rand() % sizeof(hdr)] ^= (uint8_t)(1u << (rand() % 8));
		uint64_t size = 0x2000 + (uint64_t)(rand() % (FILE_BYTES - 0x2000 + 1));
		uint8_t *copy = malloc(size);
		assert_non_null(copy);
		memset(copy, 0, size);
		memcpy(copy, hdr, sizeof(hdr));
		if (elf_parse(copy, size, &img) == 0) {
			struct elf_segment s;
			for (uint16_t i = 0; i < img.phnum; i++) {
				if (!elf_segment(&img, i, &s))
					continue;
				assert_true(s.offset + s.filesz <= size && s.filesz <= s.memsz);
				assert_true(s.vaddr >= USER_VA_START && s.vaddr + s.memsz <= ELF_VA_END);
				assert_true(s.vaddr >= img.min_vaddr && s.vaddr + s.memsz <= img.max_vaddr);
			}
		} else {
			assert_non_null(img.why);
		}
		free(copy);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_static_exec),
		cmocka_unit_test(test_static_pie),
		cmocka_unit_test(test_pie_linked_above_zero),
		cmocka_unit_test(test_unaligned_file),
		cmocka_unit_test(test_empty_load_ignored),
		cmocka_unit_test(test_bad_header),
		cmocka_unit_test(test_bad_program_header_table),
		cmocka_unit_test(test_most_program_headers),
		cmocka_unit_test(test_dynamic_rejected),
		cmocka_unit_test(test_segment_outside_file),
		cmocka_unit_test(test_segment_fields),
		cmocka_unit_test(test_segment_outside_user_space),
		cmocka_unit_test(test_overlapping_segments),
		cmocka_unit_test(test_no_loadable_segment),
		cmocka_unit_test(test_bad_entry),
		cmocka_unit_test(test_program_headers_not_loaded),
		cmocka_unit_test(test_segment_index_checked),
		cmocka_unit_test(test_random_damage),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
