/*
 * tests/user/auxv.c - the auxiliary vector the kernel puts above envp: musl's
 * start-up reads AT_PHDR/AT_PHNUM (to find the TLS segment), AT_PAGESZ,
 * AT_RANDOM (the stack protector's canary) and AT_SECURE. Checked against
 * the program's own ELF header, which the linker maps as __ehdr_start.
 * user-test: diff
 */
#include <elf.h>
#include <sys/auxv.h>
#include <unistd.h>

#include "test.h"

extern const Elf64_Ehdr __ehdr_start;

/* random_bytes_ok: whether AT_RANDOM points at 16 readable bytes, not all zero. */
static int random_bytes_ok(void)
{
	const volatile unsigned char *p = (const unsigned char *)getauxval(AT_RANDOM);
	unsigned char any = 0;

	if (!p)
		return 0;
	for (int i = 0; i < 16; i++)
		any |= p[i];
	return any != 0;
}

int main(void)
{
	const Elf64_Ehdr *eh = &__ehdr_start;
	const Elf64_Phdr *phdr = (const Elf64_Phdr *)getauxval(AT_PHDR);
	unsigned long phnum = getauxval(AT_PHNUM);

	printf("AT_PAGESZ = %lu\n", getauxval(AT_PAGESZ));
	check("AT_PHENT == sizeof(Elf64_Phdr)", getauxval(AT_PHENT) == sizeof(Elf64_Phdr));
	check("AT_PHNUM == e_phnum", phnum == eh->e_phnum);
	check("AT_PHDR == ELF header + e_phoff", (const char *)phdr == (const char *)eh + eh->e_phoff);
	check("AT_ENTRY == e_entry", getauxval(AT_ENTRY) == eh->e_entry);
	printf("program header types at AT_PHDR:");
	for (unsigned long i = 0; phdr && i < phnum && i < 32; i++)
		printf(" %#x", phdr[i].p_type);
	printf("\n");
	check("AT_RANDOM: 16 readable bytes, not all zero", random_bytes_ok());
	check("AT_UID == AT_EUID == getuid()",
	      getauxval(AT_UID) == getauxval(AT_EUID) && getauxval(AT_UID) == getuid());
	check("AT_GID == AT_EGID == getgid()",
	      getauxval(AT_GID) == getauxval(AT_EGID) && getauxval(AT_GID) == getgid());
	check("AT_SECURE == 0", getauxval(AT_SECURE) == 0);
	return test_failures;
}
