/*
 * boot/file.c - read whole files from the partition the loader came from.
 *
 * The loader's own EFI_LOADED_IMAGE_PROTOCOL names the device it was loaded
 * from (DeviceHandle, UEFI 2.10 §9.1); that handle carries the
 * EFI_SIMPLE_FILE_SYSTEM_PROTOCOL (§13.4), whose OpenVolume gives the root
 * directory. Files are opened relative to it with EFI_FILE_PROTOCOL (§13.5),
 * sized with GetInfo(EFI_FILE_INFO) and read into EfiLoaderData pages.
 */
#include "loader.h"

/* Room for EFI_FILE_INFO plus a file name of up to 255 characters; our names are short. */
#define FILE_INFO_BUF (SIZE_OF_EFI_FILE_INFO + 256 * sizeof(CHAR16))

/* Open the root directory of the partition this loader was loaded from (UEFI 2.10 §13.4 OpenVolume). */
EFI_STATUS esp_open_root(EFI_LOADED_IMAGE *self, EFI_FILE_HANDLE *root)
{
	EFI_SIMPLE_FILE_SYSTEM_PROTOCOL *fs = NULL;
	EFI_STATUS st;

	*root = NULL;
	st = BS->HandleProtocol(self->DeviceHandle, &gEfiSimpleFileSystemProtocolGuid, (void **)&fs);
	if (EFI_ERROR(st))
		return loader_error(st, L"boot device has no file system protocol (%s)", status_name(st));
	st = fs->OpenVolume(fs, root);
	if (EFI_ERROR(st))
		return loader_error(st, L"cannot open the boot volume (%s)", status_name(st));
	return EFI_SUCCESS;
}

/* Size of an open file via GetInfo(EFI_FILE_INFO) (UEFI 2.10 §13.5); rejects directories. */
static EFI_STATUS file_size(EFI_FILE_HANDLE f, const CHAR16 *path, UINT64 *size)
{
	UINT64 buf[FILE_INFO_BUF / sizeof(UINT64) + 1]; /* UINT64 for alignment */
	EFI_FILE_INFO *info = (EFI_FILE_INFO *)buf;
	UINTN len = sizeof(buf);
	EFI_STATUS st;

	st = f->GetInfo(f, &gEfiFileInfoGuid, &len, info);
	if (EFI_ERROR(st))
		return loader_error(st, L"%s: cannot get file info (%s)", path, status_name(st));
	if (info->Attribute & EFI_FILE_DIRECTORY)
		return loader_error(EFI_INVALID_PARAMETER, L"%s: is a directory, not a file", path);
	*size = info->FileSize;
	return EFI_SUCCESS;
}

/* Read exactly `size` bytes from the start of `f` into `dst`; Read may return short counts (§13.5). */
static EFI_STATUS file_read_all(EFI_FILE_HANDLE f, const CHAR16 *path, UINT8 *dst, UINT64 size)
{
	UINT64 done = 0;

	while (done < size) {
		UINTN n = size - done;
		EFI_STATUS st = f->Read(f, &n, dst + done);

		if (EFI_ERROR(st))
			return loader_error(st, L"%s: read failed at byte %ld (%s)", path, done, status_name(st));
		if (n == 0)
			return loader_error(EFI_END_OF_FILE, L"%s: file shorter than its size (%ld of %ld bytes)",
					    path, done, size);
		done += n;
	}
	return EFI_SUCCESS;
}

/* Read all of `path` into tracked EfiLoaderData pages (base 0 if empty); prints its own error. */
EFI_STATUS esp_read_file(EFI_FILE_HANDLE root, const CHAR16 *path, struct file_blob *out)
{
	EFI_FILE_HANDLE f = NULL;
	EFI_PHYSICAL_ADDRESS base = 0;
	UINT64 size = 0;
	EFI_STATUS st;

	out->base = 0;
	out->size = 0;
	st = root->Open(root, &f, (CHAR16 *)path, EFI_FILE_MODE_READ, 0);
	if (st == EFI_NOT_FOUND)
		return loader_error(st, L"%s: not found (%s)", path, status_name(st));
	if (EFI_ERROR(st))
		return loader_error(st, L"%s: cannot open (%s)", path, status_name(st));
	st = file_size(f, path, &size);
	if (!EFI_ERROR(st))
		st = pages_alloc(pages_for(size), &base);
	if (!EFI_ERROR(st))
		st = file_read_all(f, path, (UINT8 *)base, size);
	f->Close(f);
	if (EFI_ERROR(st)) {
		pages_free(base);
		return st;
	}
	out->base = base;
	out->size = size;
	return EFI_SUCCESS;
}
