/*
 * boot/memmap.c - the UEFI memory map and the exit from boot services.
 *
 * GetMemoryMap (UEFI 2.10 §7.2) returns an array of EFI_MEMORY_DESCRIPTORs
 * whose stride is DescriptorSize (may exceed the C struct) and a MapKey that
 * changes whenever the map changes, e.g. on any allocation. ExitBootServices
 * (§7.4) only succeeds with the key of the current map; otherwise it returns
 * EFI_INVALID_PARAMETER, and after that first failed call only GetMemoryMap
 * and ExitBootServices may be used. So the buffer is allocated (with slack)
 * before the final GetMemoryMap, nothing allocates or prints between that
 * call and ExitBootServices, and the retry refills the same buffer.
 */
#include "loader.h"

#define EBS_TRIES 8
#define MAP_SLACK_DESCS 64 /* the map grows a little when our own buffer is allocated */

/* The descriptor at index `i` of a map with stride `desc_size`. */
static EFI_MEMORY_DESCRIPTOR *desc_at(EFI_MEMORY_DESCRIPTOR *buf, UINTN desc_size, UINTN i)
{
	return (EFI_MEMORY_DESCRIPTOR *)((UINT8 *)buf + i * desc_size);
}

/* Is memory of this EFI type RAM (usable, loader, boot/runtime services, ACPI), as opposed to MMIO/reserved? */
static BOOLEAN is_ram(UINT32 type)
{
	switch (type) {
	case EfiConventionalMemory:
	case EfiLoaderCode:
	case EfiLoaderData:
	case EfiBootServicesCode:
	case EfiBootServicesData:
	case EfiRuntimeServicesCode:
	case EfiRuntimeServicesData:
	case EfiACPIReclaimMemory:
	case EfiACPIMemoryNVS:
		return TRUE;
	default:
		return FALSE;
	}
}

/* Reduce an EFI_MEMORY_TYPE to the kernel's enum boot_mem_type (boot_info.h). */
static UINT32 boot_type(UINT32 efi_type)
{
	switch (efi_type) {
	case EfiConventionalMemory:
	case EfiBootServicesCode:
	case EfiBootServicesData:
		return BOOT_MEM_USABLE;
	case EfiLoaderCode:
	case EfiLoaderData:
		return BOOT_MEM_LOADER;
	case EfiACPIReclaimMemory:
		return BOOT_MEM_ACPI_RECLAIM;
	case EfiACPIMemoryNVS:
		return BOOT_MEM_ACPI_NVS;
	case EfiRuntimeServicesCode:
	case EfiRuntimeServicesData:
		return BOOT_MEM_RUNTIME;
	case EfiMemoryMappedIO:
	case EfiMemoryMappedIOPortSpace:
		return BOOT_MEM_MMIO;
	default:
		return BOOT_MEM_RESERVED;
	}
}

/* GetMemoryMap into m->buf (capacity m->cap); no allocation, so legal between EBS attempts. */
static EFI_STATUS get_map(struct efi_mmap *m)
{
	m->size = m->cap;
	return BS->GetMemoryMap(&m->size, m->buf, &m->key, &m->desc_size, &m->desc_version);
}

/* Highest end of any RAM descriptor in a filled map. */
static UINT64 map_ram_top(struct efi_mmap *m)
{
	UINT64 top = 0;

	for (UINTN i = 0; i < m->size / m->desc_size; i++) {
		EFI_MEMORY_DESCRIPTOR *d = desc_at(m->buf, m->desc_size, i);
		UINT64 end = d->PhysicalStart + d->NumberOfPages * PAGE_SIZE;

		if (is_ram(d->Type) && end > top)
			top = end;
	}
	return top;
}

/* Bytes a map buffer needs now, plus slack for growth (GetMemoryMap with a zero size reports the need). */
static EFI_STATUS map_bytes_needed(UINTN *bytes, UINTN *desc_size)
{
	UINTN size = 0, key, dsize = 0;
	UINT32 ver;
	EFI_STATUS st;

	st = BS->GetMemoryMap(&size, NULL, &key, &dsize, &ver);
	if (st != EFI_BUFFER_TOO_SMALL)
		return loader_error(EFI_ERROR(st) ? st : EFI_DEVICE_ERROR,
				    L"GetMemoryMap did not report its size (%s)", status_name(st));
	if (dsize < sizeof(EFI_MEMORY_DESCRIPTOR)) /* memmap_convert relies on it */
		return loader_error(EFI_UNSUPPORTED, L"GetMemoryMap descriptor size %ld too small", dsize);
	*bytes = size + MAP_SLACK_DESCS * dsize;
	*desc_size = dsize;
	return EFI_SUCCESS;
}

/* Allocate the map buffer with slack now, so the final GetMemoryMap needs no allocation. */
EFI_STATUS memmap_prepare(struct efi_mmap *m)
{
	EFI_PHYSICAL_ADDRESS base;
	UINTN bytes = 0;
	EFI_STATUS st;

	st = map_bytes_needed(&bytes, &m->desc_size);
	if (EFI_ERROR(st))
		return st;
	st = pages_alloc(pages_for(bytes), &base);
	if (EFI_ERROR(st))
		return st;
	m->buf = (EFI_MEMORY_DESCRIPTOR *)base;
	m->cap = pages_for(bytes) * PAGE_SIZE;
	return EFI_SUCCESS;
}

/* Highest end address of any RAM-backed descriptor, from a throwaway copy of the map. */
EFI_STATUS memmap_ram_top(UINT64 *top)
{
	struct efi_mmap m;
	EFI_STATUS st;

	st = memmap_prepare(&m);
	if (EFI_ERROR(st))
		return st;
	st = get_map(&m);
	if (EFI_ERROR(st))
		loader_error(st, L"GetMemoryMap failed (%s)", status_name(st));
	else
		*top = map_ram_top(&m);
	pages_free((EFI_PHYSICAL_ADDRESS)m.buf);
	return st;
}

/*
 * Final GetMemoryMap + ExitBootServices (UEFI 2.10 §7.4). A stale MapKey
 * (EFI_INVALID_PARAMETER) means the map changed under us, e.g. a timer event
 * allocated; refill the same buffer and retry. Nothing in between allocates
 * or prints. After success: no boot services at all.
 */
EFI_STATUS memmap_exit_boot_services(EFI_HANDLE image, struct efi_mmap *m)
{
	EFI_STATUS st = EFI_INVALID_PARAMETER;

	for (UINTN try = 0; try < EBS_TRIES && st == EFI_INVALID_PARAMETER; try++) {
		st = get_map(m);
		if (EFI_ERROR(st))
			break;
		st = BS->ExitBootServices(image, m->key);
	}
	return st;
}

/* Convert descriptor i into slot i of a boot_mem_range array laid over the same buffer (24 <= 40 byte stride). */
static UINTN convert_in_place(struct efi_mmap *m, struct boot_mem_range *out)
{
	UINTN n = m->size / m->desc_size;

	for (UINTN i = 0; i < n; i++) {
		EFI_MEMORY_DESCRIPTOR d = *desc_at(m->buf, m->desc_size, i); /* read before overwriting */

		out[i].base = d.PhysicalStart;
		out[i].pages = d.NumberOfPages;
		out[i].type = boot_type(d.Type);
		out[i].efi_type = d.Type;
	}
	return n;
}

/* Insertion sort by base: the map is short (~100) and usually almost sorted already. */
static void sort_by_base(struct boot_mem_range *r, UINTN n)
{
	for (UINTN i = 1; i < n; i++) {
		struct boot_mem_range x = r[i];
		UINTN j = i;

		for (; j > 0 && r[j - 1].base > x.base; j--)
			r[j] = r[j - 1];
		r[j] = x;
	}
}

/* Append `r` to bi->mmap, merging it into the previous range if adjacent and of the same type; drops past BOOT_MMAP_MAX. */
static void append_range(struct boot_info *bi, const struct boot_mem_range *r)
{
	struct boot_mem_range *last = bi->mmap_count ? &bi->mmap[bi->mmap_count - 1] : NULL;

	if (r->pages == 0)
		return;
	if (last && last->type == r->type && last->base + last->pages * PAGE_SIZE == r->base) {
		last->pages += r->pages; /* keeps the first range's efi_type */
		return;
	}
	if (bi->mmap_count < BOOT_MMAP_MAX)
		bi->mmap[bi->mmap_count++] = *r; /* past the limit: the highest ranges are lost, never misreported */
}

/* Reduce the final map to sorted, merged boot_mem_ranges in bi->mmap; pure, safe after EBS. Destroys m->buf. */
void memmap_convert(struct efi_mmap *m, struct boot_info *bi)
{
	struct boot_mem_range *r = (struct boot_mem_range *)m->buf;
	UINTN n = convert_in_place(m, r);

	sort_by_base(r, n);
	bi->mmap_count = 0;
	for (UINTN i = 0; i < n; i++)
		append_range(bi, &r[i]);
}
