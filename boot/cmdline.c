/*
 * boot/cmdline.c - validate \cmdline.txt and store it in boot_info.
 *
 * The kernel parses the command line as a C string, so the file must be text:
 * no NUL bytes, no control characters except tab, CR and LF, and well-formed
 * UTF-8 (RFC 3629 byte patterns). It must fit BOOT_CMDLINE_MAX with its NUL.
 * Trailing CR/LF (an editor's final newline) are stripped.
 */
#include "loader.h"

/* Length of the UTF-8 sequence starting with lead byte `c`, 0 if `c` cannot start one (RFC 3629 §4). */
static UINTN utf8_seq_len(UINT8 c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return 2;
	if (c >= 0xe0 && c <= 0xef)
		return 3;
	if (c >= 0xf0 && c <= 0xf4)
		return 4;
	return 0; /* continuation byte, overlong lead 0xc0/0xc1, or beyond U+10FFFF */
}

/* Is `c` an ASCII control character the command line may not contain? */
static BOOLEAN bad_control(UINT8 c)
{
	return (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f;
}

/* Check the text byte by byte; prints "<path>: <reason> at offset N" and fails on the first bad byte. */
static EFI_STATUS check_text(const UINT8 *t, UINT64 size, const CHAR16 *path)
{
	for (UINT64 i = 0; i < size;) {
		UINTN n = utf8_seq_len(t[i]);

		if (t[i] == 0)
			return loader_error(EFI_INVALID_PARAMETER, L"%s: contains a NUL byte at offset %ld", path, i);
		if (bad_control(t[i]))
			return loader_error(EFI_INVALID_PARAMETER, L"%s: contains control character 0x%02x at offset %ld",
					    path, (UINTN)t[i], i);
		if (n == 0 || n > size - i)
			return loader_error(EFI_INVALID_PARAMETER, L"%s: invalid UTF-8 at offset %ld", path, i);
		for (UINTN k = 1; k < n; k++)
			if ((t[i + k] & 0xc0) != 0x80)
				return loader_error(EFI_INVALID_PARAMETER, L"%s: invalid UTF-8 at offset %ld", path, i);
		i += n;
	}
	return EFI_SUCCESS;
}

/* Validate the command line text and store it NUL-terminated, trailing CR/LF stripped, in bi->cmdline. */
EFI_STATUS cmdline_store(const UINT8 *text, UINT64 size, const CHAR16 *path, struct boot_info *bi)
{
	EFI_STATUS st;

	if (size > BOOT_CMDLINE_MAX - 1)
		return loader_error(EFI_BAD_BUFFER_SIZE, L"%s: too long (%ld bytes, at most %d)", path, size,
				    BOOT_CMDLINE_MAX - 1);
	st = check_text(text, size, path);
	if (EFI_ERROR(st))
		return st;
	while (size && (text[size - 1] == '\n' || text[size - 1] == '\r'))
		size--;
	mem_copy(bi->cmdline, text, size);
	bi->cmdline[size] = '\0';
	return EFI_SUCCESS;
}
