/*
 * boot/alloc.c - page allocations the loader makes for the kernel.
 *
 * Every allocation is EfiLoaderData pages from AllocatePages (UEFI 2.10 §7.2):
 * page granular, so blobs are page aligned, and typed so the kernel sees them
 * as BOOT_MEM_LOADER in the final memory map. Each one is recorded in a small
 * table so an error anywhere before ExitBootServices can give everything back
 * to the firmware (pages_free_all) before efi_main returns.
 */
#include "loader.h"

#define MAX_TRACKED 16

struct tracked {
	EFI_PHYSICAL_ADDRESS base;
	UINT64 pages;
};

static struct tracked tracked[MAX_TRACKED];
static UINTN ntracked;

/* Remember [base, +pages) for pages_free_all; fails (and frees it) if the table is full. */
static EFI_STATUS track(EFI_PHYSICAL_ADDRESS base, UINT64 pages)
{
	if (ntracked == MAX_TRACKED) {
		BS->FreePages(base, pages);
		return loader_error(EFI_OUT_OF_RESOURCES, L"too many allocations (raise MAX_TRACKED)");
	}
	tracked[ntracked].base = base;
	tracked[ntracked].pages = pages;
	ntracked++;
	return EFI_SUCCESS;
}

/* Allocate `pages` EfiLoaderData pages anywhere (AllocateAnyPages, UEFI 2.10 §7.2); tracked. */
EFI_STATUS pages_alloc(UINT64 pages, EFI_PHYSICAL_ADDRESS *out)
{
	EFI_PHYSICAL_ADDRESS base = 0;
	EFI_STATUS st;

	*out = 0;
	if (pages == 0)
		return EFI_SUCCESS;
	st = BS->AllocatePages(AllocateAnyPages, EfiLoaderData, pages, &base);
	if (EFI_ERROR(st))
		return loader_error(st, L"out of memory: %ld pages (%s)", pages, status_name(st));
	st = track(base, pages);
	if (!EFI_ERROR(st))
		*out = base;
	return st;
}

/*
 * Allocate `pages` pages whose base is a multiple of `align`: UEFI has no
 * aligned AllocatePages, so over-allocate by `align` bytes, then free the
 * unaligned head and the unused tail (FreePages works on any sub-range).
 */
EFI_STATUS pages_alloc_aligned(UINT64 pages, UINT64 align, EFI_PHYSICAL_ADDRESS *out)
{
	UINT64 extra = align / PAGE_SIZE, head, tail;
	EFI_PHYSICAL_ADDRESS raw = 0, base;
	EFI_STATUS st;

	*out = 0;
	st = BS->AllocatePages(AllocateAnyPages, EfiLoaderData, pages + extra, &raw);
	if (EFI_ERROR(st))
		return loader_error(st, L"out of memory: %ld pages aligned to 0x%lx (%s)",
				    pages, align, status_name(st));
	base = align_up(raw, align);
	head = (base - raw) / PAGE_SIZE;
	tail = extra - head;
	if (head)
		BS->FreePages(raw, head);
	if (tail)
		BS->FreePages(base + pages * PAGE_SIZE, tail);
	st = track(base, pages);
	if (!EFI_ERROR(st))
		*out = base;
	return st;
}

/* Copy `size` bytes into fresh pages described by `out` (base 0 when size is 0). */
EFI_STATUS pages_copy(const void *src, UINT64 size, struct boot_blob *out)
{
	EFI_PHYSICAL_ADDRESS base;
	EFI_STATUS st;

	out->base = 0;
	out->size = 0;
	st = pages_alloc(pages_for(size), &base);
	if (EFI_ERROR(st))
		return st;
	if (size)
		mem_copy((void *)base, src, size);
	out->base = base;
	out->size = size;
	return EFI_SUCCESS;
}

/* Free one tracked allocation by its base address (no-op for 0 or unknown bases). */
void pages_free(EFI_PHYSICAL_ADDRESS base)
{
	for (UINTN i = 0; base && i < ntracked; i++) {
		if (tracked[i].base != base)
			continue;
		BS->FreePages(base, tracked[i].pages);
		tracked[i] = tracked[--ntracked];
		return;
	}
}

/* Free every tracked allocation, newest first: the error path, before ExitBootServices only. */
void pages_free_all(void)
{
	while (ntracked) {
		ntracked--;
		BS->FreePages(tracked[ntracked].base, tracked[ntracked].pages);
	}
}

/* Zero `size` bytes with the firmware's SetMem (UEFI 2.10 §7.5): fast, unlike a byte loop under TCG. */
void mem_zero(void *dst, UINT64 size)
{
	if (size)
		BS->SetMem(dst, size, 0);
}

/* Copy `size` bytes with the firmware's CopyMem (UEFI 2.10 §7.5); overlapping buffers allowed. */
void mem_copy(void *dst, const void *src, UINT64 size)
{
	if (size)
		BS->CopyMem(dst, (void *)src, size);
}
