/*
 * boot/log.c - error reporting for the loader.
 *
 * Print() writes to ConOut; OVMF mirrors ConOut to the serial port, so every
 * message also lands on `-serial stdio`. Errors name the EFI_STATUS constant
 * (UEFI 2.10 Appendix D "Status Codes") rather than gnu-efi's prose for %r,
 * so the text can be grepped in the spec.
 */
#include "loader.h"

struct status_entry {
	EFI_STATUS status;
	const CHAR16 *name;
};

/* The status codes a loader can plausibly see (UEFI 2.10 Appendix D). */
static const struct status_entry status_names[] = {
	{ EFI_SUCCESS, L"EFI_SUCCESS" },
	{ EFI_LOAD_ERROR, L"EFI_LOAD_ERROR" },
	{ EFI_INVALID_PARAMETER, L"EFI_INVALID_PARAMETER" },
	{ EFI_UNSUPPORTED, L"EFI_UNSUPPORTED" },
	{ EFI_BAD_BUFFER_SIZE, L"EFI_BAD_BUFFER_SIZE" },
	{ EFI_BUFFER_TOO_SMALL, L"EFI_BUFFER_TOO_SMALL" },
	{ EFI_NOT_READY, L"EFI_NOT_READY" },
	{ EFI_DEVICE_ERROR, L"EFI_DEVICE_ERROR" },
	{ EFI_WRITE_PROTECTED, L"EFI_WRITE_PROTECTED" },
	{ EFI_OUT_OF_RESOURCES, L"EFI_OUT_OF_RESOURCES" },
	{ EFI_VOLUME_CORRUPTED, L"EFI_VOLUME_CORRUPTED" },
	{ EFI_VOLUME_FULL, L"EFI_VOLUME_FULL" },
	{ EFI_NO_MEDIA, L"EFI_NO_MEDIA" },
	{ EFI_MEDIA_CHANGED, L"EFI_MEDIA_CHANGED" },
	{ EFI_NOT_FOUND, L"EFI_NOT_FOUND" },
	{ EFI_ACCESS_DENIED, L"EFI_ACCESS_DENIED" },
	{ EFI_NO_RESPONSE, L"EFI_NO_RESPONSE" },
	{ EFI_NO_MAPPING, L"EFI_NO_MAPPING" },
	{ EFI_TIMEOUT, L"EFI_TIMEOUT" },
	{ EFI_NOT_STARTED, L"EFI_NOT_STARTED" },
	{ EFI_ALREADY_STARTED, L"EFI_ALREADY_STARTED" },
	{ EFI_ABORTED, L"EFI_ABORTED" },
	{ EFI_SECURITY_VIOLATION, L"EFI_SECURITY_VIOLATION" },
	{ EFI_CRC_ERROR, L"EFI_CRC_ERROR" },
};

/* The name of an EFI_STATUS constant, e.g. L"EFI_NOT_FOUND"; a generic label if unknown. */
const CHAR16 *status_name(EFI_STATUS st)
{
	for (UINTN i = 0; i < sizeof(status_names) / sizeof(status_names[0]); i++)
		if (status_names[i].status == st)
			return status_names[i].name;
	return EFI_ERROR(st) ? L"unknown EFI error" : L"unknown EFI warning";
}

/* Print "loader: error: <fmt...>\n" and return `st` (EFI_LOAD_ERROR if `st` is success). */
EFI_STATUS loader_error(EFI_STATUS st, const CHAR16 *fmt, ...)
{
	va_list ap;

	Print(L"loader: error: ");
	va_start(ap, fmt);
	VPrint(fmt, ap);
	va_end(ap);
	Print(L"\n");
	return EFI_ERROR(st) ? st : EFI_LOAD_ERROR;
}
